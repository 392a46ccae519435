/** What a card button sends back: a verb the bot routes on, and the ids it needs. */
export interface ActionData {
  verb: string;
  [key: string]: string | number | boolean | undefined;
}

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
