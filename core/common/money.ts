import { z } from 'zod';

/** Money is held as pounds; comparisons are done in whole pence so that £100,000.01 > £100,000 exactly. */
export const toPence = (pounds: number): number => Math.round(pounds * 100);

const hasAtMostTwoDecimals = (pounds: number): boolean =>
  Math.abs(pounds * 100 - Math.round(pounds * 100)) < 1e-6;

/**
 * No public contract, turnover or threshold comes near this: a larger amount is a typing
 * slip, and past it pounds held as floating point lose their pence.
 */
export const MAX_POUNDS = 100_000_000_000;

export const moneySchema = z
  .number({ error: 'must be an amount in pounds' })
  .refine(Number.isFinite, { message: 'must be a finite amount in pounds' })
  .refine((pounds) => pounds >= 0, { message: 'must not be negative' })
  .refine((pounds) => !(Number.isFinite(pounds) && pounds > MAX_POUNDS), {
    message: 'is too large: at most £100,000,000,000 (£100bn)',
  })
  // An amount too large has its own message; whole pence is checked only below the ceiling.
  .refine((pounds) => !(pounds <= MAX_POUNDS) || hasAtMostTwoDecimals(pounds), {
    message: 'must be in whole pence (at most two decimal places)',
  });

export const comparePounds = (a: number, b: number): number => toPence(a) - toPence(b);

const SUFFIXES: Record<string, number> = { k: 1_000, m: 1_000_000, bn: 1_000_000_000 };
const MONEY_TEXT = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|m|bn)?$/i;

/**
 * Reads an amount as officers type it: "250000", "£250,000", "250k", "£1.5m", "£2bn".
 * Returns undefined for anything else, so the caller can say what to fix.
 */
export function parseMoney(text: string): number | undefined {
  const match = MONEY_TEXT.exec(text.trim());
  if (!match) return undefined;
  // Pence are whole: "1.234" is refused, though "1.234m" is a sum in pounds.
  if (!match[3] && (match[2]?.length ?? 0) > 3) return undefined;
  const whole = (match[1] ?? '').replaceAll(',', '');
  const amount = Number(`${whole}${match[2] ?? ''}`);
  const multiplier = match[3] ? (SUFFIXES[match[3].toLowerCase()] ?? 1) : 1;
  const pounds = Math.round(amount * multiplier * 100) / 100;
  return Number.isFinite(pounds) ? pounds : undefined;
}

const POUNDS = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** £ with thousands separators, pence only where there are any: £100,000 and £100,000.01. */
export function formatMoney(pounds: number): string {
  const text = POUNDS.format(pounds);
  return /\.\d$/.test(text) ? `${text}0` : text;
}
