import { WIZARD_VERBS } from '../../cards/step-card.js';
import type { Person } from './activities.js';
import type { BotClient } from './bot-client.js';
import { actionsOf, type CardJson, cardTitle, fieldErrors, inputsOf } from './cards.js';
import { officerAnswers } from './officer.js';

/**
 * The typical exercise as an officer meets it, card by card: what each card asks of them
 * (words to read, controls to use) and how large it is. `npm run walk` prints it; tests hold
 * it to the goals.
 */

/** One card the officer saw on the way to the summary. */
export interface WalkedCard {
  title: string;
  /** Words shown on the card as it opens (text behind a toggle or a ShowCard not counted). */
  words: number;
  /** Inputs the officer can use: each radio option or checkbox counts as one. */
  controls: number;
  /** Questions (inputs) on the card. */
  questions: number;
  /** Buttons on the card as it opens. */
  buttons: number;
  /** The card's JSON, in bytes. */
  bytes: number;
  /** Errors shown beside fields when the card came back (none for a correct officer). */
  errors: string[];
}

export interface Walk {
  cards: WalkedCard[];
  /** The card the walk ended on (the summary, when it got there). */
  last: CardJson;
  reachedSummary: boolean;
}

/** The goals of the typical exercise (issue 9): cards to the summary, controls, words. */
export const WALK_GOALS = { cards: 7, controls: 60, wordsBeforeSummary: 900, cardBytes: 28_000 };

/** At most this many cards: a walk that never reaches the summary stops here. */
const MAX_CARDS = 20;

const isObject = (value: unknown): value is CardJson =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const wordCount = (text: unknown): number =>
  typeof text === 'string' ? (text.match(/[\p{L}\p{N}£%][\p{L}\p{N}£%,.'’-]*/gu) ?? []).length : 0;

/** Words and controls on what the card shows as it opens. */
export function measureCard(card: CardJson): Omit<WalkedCard, 'title' | 'bytes' | 'errors'> {
  let words = 0;
  let controls = 0;
  let questions = 0;
  let buttons = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    // Hidden until a toggle shows it: not read on the way through.
    if (node.isVisible === false) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (type === 'TextBlock') words += wordCount(node.text);
    if (type === 'RichTextBlock' && Array.isArray(node.inlines)) {
      for (const inline of node.inlines)
        words += wordCount(isObject(inline) ? inline.text : inline);
    }
    if (type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts) {
        if (isObject(fact)) words += wordCount(fact.title) + wordCount(fact.value);
      }
    }
    if (type.startsWith('Input.')) {
      questions += 1;
      words += wordCount(node.label) + wordCount(node.placeholder);
      if (type === 'Input.ChoiceSet' && Array.isArray(node.choices)) {
        const expanded = node.style === 'expanded' || node.isMultiSelect === true;
        controls += expanded ? node.choices.length : 1;
        for (const choice of node.choices) if (isObject(choice)) words += wordCount(choice.title);
      } else {
        controls += 1;
        if (type === 'Input.Toggle') words += wordCount(node.title);
      }
    }
    if (type.startsWith('Action.')) {
      buttons += 1;
      words += wordCount(node.title);
      // A ShowCard's own card opens only when pressed.
      return;
    }
    for (const key of ['body', 'items', 'columns', 'actions']) visit(node[key]);
  };
  visit(card.body);
  visit(card.actions);
  return { words, controls, questions, buttons };
}

/** Every answer the typical officer gives, by input id, whichever card asks for it. */
const ANSWERS: Record<string, string> = Object.assign({}, ...Object.values(officerAnswers));

/** The button that moves the wizard on, whatever its title. */
function nextButton(card: CardJson): string | undefined {
  return actionsOf(card).find((a) => a.verb === WIZARD_VERBS.next)?.title;
}

/**
 * Walks the typical exercise from `new` to the summary over HTTP, answering each card from
 * the typical officer's answers (for the inputs it shows) and pressing its Continue.
 */
export async function walkTypical(bot: BotClient, officer: Person): Promise<Walk> {
  const cards: WalkedCard[] = [];
  let { card } = await bot.say(officer, 'new');
  for (let count = 0; count < MAX_CARDS; count += 1) {
    const shown: WalkedCard = {
      title: cardTitle(card),
      ...measureCard(card),
      bytes: Buffer.byteLength(JSON.stringify(card)),
      errors: Object.values(fieldErrors(card)),
    };
    cards.push(shown);
    const next = nextButton(card);
    if (next === undefined || shown.errors.length > 0) {
      return { cards, last: card, reachedSummary: next === undefined && shown.errors.length === 0 };
    }
    const typed: Record<string, string> = {};
    for (const id of inputsOf(card).keys()) {
      const answer = ANSWERS[id];
      if (answer !== undefined) typed[id] = answer;
    }
    card = await bot.execute(officer, card, next, typed);
  }
  return { cards, last: card, reachedSummary: false };
}

/** The figures the goals are about. */
export function walkFigures(walk: Walk) {
  const beforeSummary = walk.reachedSummary ? walk.cards.slice(0, -1) : walk.cards;
  const sum = (of: (card: WalkedCard) => number, cards = walk.cards) =>
    cards.reduce((total, card) => total + of(card), 0);
  return {
    cards: walk.cards.length,
    controls: sum((c) => c.controls),
    questions: sum((c) => c.questions),
    wordsBeforeSummary: sum((c) => c.words, beforeSummary),
    summaryWords: walk.reachedSummary ? (walk.cards.at(-1)?.words ?? 0) : 0,
    largestCardBytes: Math.max(...walk.cards.map((c) => c.bytes)),
    errorsMet: sum((c) => c.errors.length),
    reachedSummary: walk.reachedSummary,
  };
}
