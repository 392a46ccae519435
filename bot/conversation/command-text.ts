import type { Activity } from 'botbuilder';
import { TurnContext } from 'botbuilder';

export interface CommandText {
  /** The first word, lower-cased: the command. */
  name: string;
  /** The words after it. */
  args: string[];
  /** The whole text as typed (mention removed). */
  text: string;
}

/**
 * Reads a command from a message: the @mention of the bot (in channels) is removed and
 * the first word is the command, so that a word inside a sentence never triggers one.
 */
export function readCommand(activity: Partial<Activity>): CommandText | undefined {
  const withoutMention = activity.recipient?.id
    ? TurnContext.removeRecipientMention(activity)
    : (activity.text ?? '');
  const text = (withoutMention ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  const [first = '', ...args] = text.split(' ');
  return { name: first.toLowerCase(), args, text };
}
