import type { Activity } from 'botbuilder';

export interface CommandText {
  /** The first word, lower-cased: the command. */
  name: string;
  /** The words after it. */
  args: string[];
  /** The whole text as typed (mention removed). */
  text: string;
}

/**
 * The longest message text read. Teams lets a person post about 28 KB in one message
 * (HTML included), so anything longer did not come from a person typing in Teams; it is
 * answered politely and never parsed.
 */
export const MAX_MESSAGE_CHARACTERS = 28_000;

/** A message too long to have been typed in Teams: answered, never parsed. */
export const TOO_LONG = 'too-long' as const;

/**
 * An HTML tag with no `<` inside it. Excluding `<` as well as `>` keeps the match linear:
 * a long run of `<` with no `>` is skipped once, not rescanned from every `<`.
 */
const TAG = /<[^<>]*>/g;
const SPACES = /\s+/g;

interface MentionEntity {
  type?: unknown;
  text?: unknown;
  mentioned?: { id?: unknown } | null;
}

/**
 * The text without the @mention of the bot (in channels): each mention entity naming the
 * recipient has its `<at>…</at>` text removed. Written here rather than taken from
 * botbuilder, whose helper throws on an entity with no `mentioned`, which anyone can send.
 */
function withoutBotMention(activity: Partial<Activity>, text: string): string {
  const bot = activity.recipient?.id;
  if (typeof bot !== 'string' || !Array.isArray(activity.entities)) return text;
  let result = text;
  for (const entity of activity.entities as MentionEntity[]) {
    if (typeof entity !== 'object' || entity === null || entity.type !== 'mention') continue;
    if (typeof entity.mentioned !== 'object' || entity.mentioned === null) continue;
    if (entity.mentioned.id !== bot || typeof entity.text !== 'string' || entity.text === '') {
      continue;
    }
    result = result.replace(entity.text, ' ');
  }
  return result;
}

/**
 * Reads a command from a message: the @mention of the bot (in channels) is removed and
 * the first word is the command, so that a word inside a sentence never triggers one.
 * Every step is linear in the length of the text.
 */
export function readCommand(
  activity: Partial<Activity>,
): CommandText | typeof TOO_LONG | undefined {
  const typed = activity.text;
  if (typeof typed !== 'string') return undefined;
  if (typed.length > MAX_MESSAGE_CHARACTERS) return TOO_LONG;
  const text = withoutBotMention(activity, typed).replace(TAG, ' ').replace(SPACES, ' ').trim();
  if (text === '') return undefined;
  const [first = '', ...args] = text.split(' ');
  return { name: first.toLowerCase(), args, text };
}
