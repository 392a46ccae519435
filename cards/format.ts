import { formatDate, isoDateInLondon } from '../core/common/dates.js';

export { formatMoney } from '../core/common/money.js';
export { formatDate };

/** The day of an instant (an ISO date-time) as an officer in the UK reads it: "1 March 2026". */
export const formatDay = (instant: string): string =>
  formatDate(isoDateInLondon(new Date(instant)));
