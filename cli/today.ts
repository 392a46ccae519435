import { isoDateInLondon } from '../core/common/dates.js';

/** Today's date in the UK, where the policy applies, written YYYY-MM-DD. */
export const todayInLondon = (): string => isoDateInLondon(new Date());
