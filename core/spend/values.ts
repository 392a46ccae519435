import { isIsoDate } from '../common/dates.js';

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A payment date written dd/mm/yyyy (as UK files do) or yyyy-mm-dd, as an ISO date. */
export function readSpendDate(text: string): Read<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'there is no date' };
  const dayFirst = DAY_FIRST.exec(trimmed);
  const iso = dayFirst
    ? `${dayFirst[3]}-${(dayFirst[2] ?? '').padStart(2, '0')}-${(dayFirst[1] ?? '').padStart(2, '0')}`
    : ISO.test(trimmed)
      ? trimmed
      : undefined;
  if (iso === undefined)
    return { ok: false, reason: `the date "${trimmed}" is not written dd/mm/yyyy or yyyy-mm-dd` };
  if (!isIsoDate(iso)) return { ok: false, reason: `the date "${trimmed}" does not exist` };
  return { ok: true, value: iso };
}

// Pounds, optionally with £ and thousands separators, and at most two decimal places.
const AMOUNT = /^(-)?£?\s*(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount in whole pence: "£1,234.50", "1234.5", "-£20", "£-20" and "(20.00)" are all
 * read; a credit note is negative. Pence keep sums exact however many rows are added.
 */
export function readAmountPence(text: string): Read<number> {
  let trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'there is no amount' };
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(trimmed);
  if (bracketed) {
    negative = true;
    trimmed = (bracketed[1] ?? '').trim();
  }
  const match = AMOUNT.exec(trimmed);
  if (!match || (negative && (match[1] || match[2])) || (match[1] && match[2]))
    return {
      ok: false,
      reason: `the amount "${text.trim()}" is not an amount in pounds and pence`,
    };
  const pounds = Number((match[3] ?? '').replaceAll(',', ''));
  const pence = pounds * 100 + Number((match[4] ?? '').padEnd(2, '0'));
  return { ok: true, value: negative || match[1] || match[2] ? -pence : pence };
}

/** "Redacted", "REDACTED - personal data": a payee withheld, never matched to a supplier. */
export const isRedacted = (supplier: string): boolean => /^redacted\b/i.test(supplier.trim());
