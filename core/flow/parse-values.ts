/** Reading single values as officers type them, with messages that say what to enter. */

export const MONEY_MESSAGE = 'Enter an amount in pounds, like £250,000 or 250k';
export const DATE_MESSAGE = 'Enter a real date written YYYY-MM-DD, like 2026-04-01';
export const YES_NO_MESSAGE = 'Choose yes or no';

// Digits, then an optional fraction: one way to match each number, so the match is linear.
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A number as typed (thousands commas and a trailing % allowed), or a typed number. */
export function parseNumberText(given: unknown): number | undefined {
  if (typeof given === 'number') return Number.isFinite(given) ? given : undefined;
  if (typeof given !== 'string') return undefined;
  const text = given.trim().replace(/%$/, '').replaceAll(',', '').trim();
  if (!NUMBER_TEXT.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** "true"/"false" from a toggle, "yes"/"no" as typed, or a boolean. */
export function parseYesNo(given: unknown): boolean | undefined {
  if (typeof given === 'boolean') return given;
  if (typeof given !== 'string') return undefined;
  const text = given.trim().toLowerCase();
  if (text === 'true' || text === 'yes') return true;
  if (text === 'false' || text === 'no') return false;
  return undefined;
}
