import { z } from 'zod';
import { WIZARD_ACTION_KEYS } from '../../cards/step-card.js';

/** What a card button sent: its verb and ids, and the card's input values. */
export const cardActionSchema = z.looseObject({
  verb: z.string().min(1),
  reference: z.string().optional(),
  step: z.string().optional(),
  revision: z.coerce.number().int().optional(),
  stage: z.coerce.number().int().optional(),
  due: z.string().optional(),
  text: z.string().optional(),
});

export type CardAction = z.infer<typeof cardActionSchema>;

export interface ReadAction {
  action: CardAction;
  /** The input values alone, as the card sent them. */
  values: Record<string, unknown>;
}

const ACTION_KEYS = new Set<string>([...WIZARD_ACTION_KEYS, 'text', 'stage', 'due']);

/** Reads a card action (Action.Execute data or Action.Submit value); undefined if it is not one of ours. */
export function readCardAction(payload: unknown): ReadAction | undefined {
  const parsed = cardActionSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const values = Object.fromEntries(
    Object.entries(parsed.data).filter(([key]) => !ACTION_KEYS.has(key)),
  );
  return { action: parsed.data, values };
}
