import { z } from 'zod';
import { recordCardDataSchema } from '../../cards/actions.js';

/**
 * What a card button sent: its verb, the record card's data (the one shape every record's
 * card sends; each optional here, since a command button has none), the wizard's step, a
 * command's text, and the card's input values.
 */
export const cardActionSchema = z.looseObject({
  ...recordCardDataSchema.partial().shape,
  verb: z.string().min(1),
  step: z.string().optional(),
  text: z.string().optional(),
});

export type CardAction = z.infer<typeof cardActionSchema>;

export interface ReadAction {
  action: CardAction;
  /** The input values alone, as the card sent them. */
  values: Record<string, unknown>;
}

/** The keys a button sends besides its inputs: every key the schema reads. */
const ACTION_KEYS = new Set<string>(Object.keys(cardActionSchema.shape));

/** Reads a card action (Action.Execute data or Action.Submit value); undefined if it is not one of ours. */
export function readCardAction(payload: unknown): ReadAction | undefined {
  const parsed = cardActionSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const values = Object.fromEntries(
    Object.entries(parsed.data).filter(([key]) => !ACTION_KEYS.has(key)),
  );
  return { action: parsed.data, values };
}
