import { formatDate, isoDateInLondon } from '../core/common/dates.js';

export { formatMoney } from '../core/common/money.js';
export { formatDate };

/** The day of an instant (an ISO date-time) as an officer in the UK reads it: "1 March 2026". */
export const formatDay = (instant: string): string =>
  formatDate(isoDateInLondon(new Date(instant)));

const SMALL_NUMBERS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];

/** A count as a sentence says it: words up to nine, figures from 10 (the GOV.UK style). */
export const countInWords = (count: number): string =>
  SMALL_NUMBERS[count] ?? count.toLocaleString('en-GB');
