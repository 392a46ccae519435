export { formatDate } from '../core/common/dates.js';
export { formatMoney } from '../core/common/money.js';
