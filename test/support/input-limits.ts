import type { CardJson } from './cards.js';

/** The `maxLength` a card gives the input with this id (the client stops typing there). */
export function maxLengthOf(card: CardJson, id: string): unknown {
  let found: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (typeof node === 'object' && node !== null) {
      const element = node as Record<string, unknown>;
      if (element.id === id && typeof element.type === 'string') found = element.maxLength;
      for (const value of Object.values(element)) visit(value);
    }
  };
  visit(card.body);
  return found;
}
