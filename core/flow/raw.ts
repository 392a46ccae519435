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

/**
 * A multi-choice's value, whether sent whole (`measures`) or as one list per group
 * (`measures.2`, `measures.4`): the groups joined as one list, as a card sends a multi-select.
 */
export function gathered(raw: RawValues, id: string): unknown {
  const prefix = `${id}.`;
  const parts = [
    raw[id],
    ...Object.entries(raw)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value),
  ].filter((part) => !isBlank(part));
  if (parts.length <= 1) return parts[0];
  const texts = parts.map(asCardText);
  return texts.every((text) => text !== undefined) ? texts.join(',') : parts;
}
