/** A pack item's citation and wording, as a question's or step's citation and help (nothing when the pack lacks it). */
export function cited(item: { citation: string; text: string } | undefined): {
  citation?: string;
  help?: string;
} {
  return item ? { citation: item.citation, help: item.text } : {};
}

/** The item with this id, from one of the pack's lists. */
export function byId<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  return items.find((item) => item.id === id);
}
