/** Something the officer should know before relying on the answer: a date missing or out of date. */
export interface Warning {
  code: 'thresholds-may-be-outdated' | 'review-date-unknown' | 'review-overdue';
  text: string;
  citation: string;
}
