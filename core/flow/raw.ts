/**
 * Values as a card submits them: strings from Input.Text, Number, Date and ChoiceSet
 * (a multi-select gives "a,b"), "true"/"false" from Input.Toggle, and nothing at all for
 * an input left empty. Scripts and tests may give typed values instead.
 */
export type RawValues = Readonly<Record<string, unknown>>;

/** Not answered: missing, empty or only spaces (an empty list too). */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** A typed value as a card would hold it, so a refused card can be shown again as typed. */
export function asCardText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(',');
  }
  return undefined;
}
