import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export const isoDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

export type IsoDate = z.infer<typeof isoDateSchema>;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year ?? 0, month ?? 0, day ?? 0];
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Adds whole months, keeping the day of the month where it exists and clamping to the
 * month's last day where it does not (31 January plus one month is 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Midnight UTC on a date; unlike Date.UTC, years 0 to 99 are not read as 1900 to 1999. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Adds whole days (negative to go back). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  const shifted = utcDate(year, month, day + days);
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((utcDate(y2, m2, d2).getTime() - utcDate(y1, m1, d1).getTime()) / 86_400_000);
}

/** ISO dates compare as text; these names make the intent plain. */
export const isBefore = (a: string, b: string): boolean => a < b;
export const isAfter = (a: string, b: string): boolean => a > b;

/** True when `date` lies in the range, either end open when missing, both ends inclusive. */
export function isWithin(date: string, from?: string, to?: string): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

const EN_GB = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An ISO date as officers read it: 2026-03-01 is 1 March 2026. Other text is returned as it is. */
export function formatDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [year, month, day] = parts(isoDate);
  return EN_GB.format(utcDate(year, month, day));
}

const EN_GB_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** A month's name as officers read it: 4 is April. */
export function monthName(month: number): string {
  return EN_GB_MONTH.format(utcDate(2000, month, 1));
}

/** A month written yyyy-mm as officers read it: 2025-04 is April 2025. Other text is returned as it is. */
export function formatMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) return yearMonth;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${monthName(month)} ${match[1]}` : yearMonth;
}

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the UK, where the policy applies, of an instant the caller read. */
export function isoDateInLondon(instant: Date): string {
  return LONDON.format(instant);
}
