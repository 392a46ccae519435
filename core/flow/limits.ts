import { z } from 'zod';

/**
 * How much free text a person may type, and how much of it the record and the cards keep.
 * One place, as data: a record is one Cosmos DB item (at most 2 MB) and each card one Teams
 * message (about 100 KB), so every text an officer types is bounded here and nowhere else.
 */
export const TEXT_LIMITS = {
  /** A name or a title: one line. */
  short: 200,
  /** An answer of a paragraph or two, a note, the evidence for a rating. */
  long: 2_000,
} as const;

/** The limits of the texts the record keeps outside the questionnaire. */
export const RECORD_TEXT_LIMITS = {
  supplier: TEXT_LIMITS.short,
  stageNote: TEXT_LIMITS.long,
  ratingEvidence: TEXT_LIMITS.long,
} as const;

/**
 * Lists an officer submits are bounded by the pack: a multi-choice keeps only the options
 * listed, once each, and targets are read only for the outcomes chosen. What is left to
 * bound is how much of a refused list an error repeats.
 */
export const LIST_LIMITS = {
  /** An error names at most this many of the items it refuses, then says how many more. */
  namedInError: 3,
} as const;

/**
 * The history keeps the start of a long text that changed, not all of it (the answers hold the
 * whole text): each save of a long answer would otherwise add twice its length to the record.
 */
export const HISTORY_EXCERPT = 100;

/**
 * A refused text is shown back as typed, up to this much past its limit: enough to shorten
 * it on the card, while a pasted book still gives a card Teams can show.
 */
export const ECHO_SLACK = 1_000;

/** How much of the record one card shows, so that it fits in a Teams message. */
export const CARD_LIMITS = {
  /** The summary shows the start of an answer longer than this, saying so. */
  summaryAnswer: 600,
  /** A list card (suppliers, stages due) shows this many lines, then says how many more. */
  listLines: 40,
} as const;

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The error beside a text that is too long, in plain words. */
export function tooLongMessage(max: number, length: number): string {
  return `Shorten this to ${grouped(max)} characters or fewer; it is ${grouped(length)}.`;
}

/** What to fix in a text, or undefined when it fits. */
export function lengthError(text: string, max: number): string | undefined {
  return text.length > max ? tooLongMessage(max, text.length) : undefined;
}

/** A trimmed text of at most `max` characters, refused with the plain-words message. */
export function boundedText(max: number) {
  return z
    .string()
    .trim()
    .superRefine((text, context) => {
      const message = lengthError(text, max);
      if (message) context.addIssue({ code: 'custom', message });
    });
}

/** A value shown back on a card: cut where it runs far past its limit. */
export function echoed(text: string, max: number): string {
  return text.length > max + ECHO_SLACK ? text.slice(0, max + ECHO_SLACK) : text;
}

/** The start of a long text, saying how long the whole is. */
export function excerpt(text: string, max: number): string {
  return text.length > max
    ? `${text.slice(0, max)}… (shortened: ${grouped(text.length)} characters in all)`
    : text;
}

/** The first lines of a list for a card, and the line saying how many are left out. */
export function firstLines<T>(items: readonly T[], max: number): { shown: T[]; more?: string } {
  const left = items.length - max;
  return left > 0
    ? { shown: items.slice(0, max), more: `… and ${grouped(left)} more, not shown here.` }
    : { shown: [...items] };
}

/** The first few items of a list for an error, and how many more there are. */
export function namedFew(items: readonly string[]): string {
  const shown = items.slice(0, LIST_LIMITS.namedInError).join(', ');
  const more = items.length - LIST_LIMITS.namedInError;
  return more > 0 ? `${shown} and ${grouped(more)} more` : shown;
}
