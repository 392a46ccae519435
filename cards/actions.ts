import { z } from 'zod';

/** What a card button sends back: a verb the bot routes on, and the ids it needs. */
export interface ActionData {
  verb: string;
  [key: string]: string | number | boolean | undefined;
}

/**
 * What a button on a record's card sends beside its verb, one shape for the stages card, a
 * reminder and the rating card: the bot reads it back with this same schema.
 */
export const recordCardDataSchema = z.object({
  reference: z.string(),
  /** The record revision the card showed: a press on an older card is recognised as stale. */
  revision: z.coerce.number().int().optional(),
  /** The stage a row or a reminder is for. */
  stage: z.coerce.number().int().optional(),
  /** From a reminder: the due date it was sent for (a reminder has no revision to go by). */
  due: z.string().optional(),
  /** The performance assessment a notice button is for (A1, A2, ...). */
  assessment: z.string().optional(),
});

export type RecordCardData = z.infer<typeof recordCardDataSchema>;

/** A record card's data for its buttons: the record, the revision shown, and the stage if one. */
export const recordCardData = (
  record: { id: string; revision: number },
  stage?: number,
): RecordCardData => ({
  reference: record.id,
  revision: record.revision,
  ...(stage === undefined ? {} : { stage }),
});

/**
 * A button as Action.Execute (Universal Actions: the card is replaced in place), falling
 * back to Action.Submit on clients without it; the bot then updates the original message.
 * Inputs are never marked required on the client, so that Back and Save for later carry
 * what was typed; the bot checks every answer and shows its errors beside the fields.
 */
export function button(
  title: string,
  data: ActionData,
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  const common = { title, data, ...(style ? { style } : {}) };
  return {
    type: 'Action.Execute',
    verb: data.verb,
    ...common,
    fallback: { type: 'Action.Submit', ...common },
  };
}

/** A button that opens a web page (the Dashboard tab, by its Teams deep link). */
export const linkButton = (title: string, url: string): Record<string, unknown> => ({
  type: 'Action.OpenUrl',
  title,
  url,
});
