import type { Problem } from '../../core/common/result.js';
import { echoed, TEXT_LIMITS } from '../../core/flow/limits.js';

/** A card's text input as sent: trimmed, and undefined when empty or not text. */
export const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * What the person typed, to show again on a refused card: each text cut where it runs far
 * past the longest limit, so that the card still fits in a Teams message.
 */
export const typedValues = (
  values: Record<string, unknown>,
  /** The fields of the form pressed: one a client left out was empty, and is shown empty. */
  submitted: readonly string[] = [],
): Record<string, string> => ({
  ...Object.fromEntries(submitted.map((id) => [id, ''])),
  ...Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, echoed(value, TEXT_LIMITS.long)]] : [],
    ),
  ),
});

/**
 * Problems from core, keyed by the card input that holds each field, each in the card's own
 * words (`word` gets the field, core's reason and what was typed there). Every problem is
 * kept: a card shows all of its errors at once.
 */
export function errorsOn(
  problems: Problem[],
  inputFor: (path: string) => string,
  values: Record<string, unknown>,
  word: (path: string, reason: string, typed: string | undefined) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const input = inputFor(problem.path);
    const typed = values[input];
    errors[input] ??= word(
      problem.path,
      problem.message,
      typeof typed === 'string' ? typed : undefined,
    );
  }
  return errors;
}
