import { isIsoDate } from '../common/dates.js';
import { formatMoney, moneySchema, parseMoney } from '../common/money.js';
import type { AnswerValue } from './draft.js';
import { echoed, lengthError, namedFew } from './limits.js';
import {
  measureTargetsAsCard,
  measureTargetsMissing,
  measureTargetsProblems,
  readMeasureTargets,
} from './measure-targets.js';
import {
  DATE_MESSAGE,
  MONEY_MESSAGE,
  parseNumberText,
  parseYesNo,
  YES_NO_MESSAGE,
} from './parse-values.js';
import {
  type Choice,
  type ChoiceQuestion,
  choicesOf,
  type FieldErrors,
  type NumberQuestion,
  type Question,
  type TextQuestion,
} from './questions.js';
import { asCardText, gathered, isBlank, type RawValues } from './raw.js';
import type { ReadContext, Reading } from './reading.js';

type Parsed = { ok: true; value: AnswerValue } | { ok: false; message: string } | { blank: true };

/** Reads one question's value from a card submission (or a typed value), by its kind. */
export function readAnswer(question: Question, raw: RawValues, context: ReadContext): Reading {
  if (question.kind === 'measureTargets') return readMeasureTargets(question, raw, context);
  const given = question.kind === 'multiChoice' ? gathered(raw, question.id) : raw[question.id];
  if (isBlank(given)) {
    // An unticked box is a "no": a card leaves it out of what it sends.
    if (question.kind === 'tick') return { blank: false, value: false, errors: {} };
    return { blank: true, errors: {} };
  }
  const parsed = parseValue(question, given, context);
  if ('blank' in parsed) return { blank: true, errors: {} };
  return parsed.ok
    ? { blank: false, value: parsed.value, errors: {} }
    : { blank: false, errors: { [question.id]: namedError(question.label, parsed.message) } };
}

/**
 * An error names its question in words, so that it reads on its own (in a summary, to a
 * screen reader): “Estimated whole-life value, including VAT”: enter an amount in pounds.
 */
export function namedError(label: string, message: string): string {
  return `“${label}”: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

function parseValue(
  question: Exclude<Question, { kind: 'measureTargets' }>,
  given: unknown,
  context: ReadContext,
): Parsed {
  switch (question.kind) {
    case 'text':
    case 'longText':
      return parseText(question, given);
    case 'money':
      return parseAmount(given);
    case 'date': {
      const text = typeof given === 'string' ? given.trim() : '';
      return isIsoDate(text) ? { ok: true, value: text } : { ok: false, message: DATE_MESSAGE };
    }
    case 'number':
      return parseNumberAnswer(question, given);
    case 'yesNo':
    case 'tick': {
      const flag = parseYesNo(given);
      return flag === undefined
        ? { ok: false, message: YES_NO_MESSAGE }
        : { ok: true, value: flag };
    }
    case 'choice':
    case 'multiChoice':
      return parseChoice(question, given, context);
  }
}

function parseText(question: TextQuestion, given: unknown): Parsed {
  if (typeof given !== 'string') return { ok: false, message: 'Enter this as text' };
  const text = given.trim();
  const tooLong = lengthError(text, question.maxLength);
  return tooLong ? { ok: false, message: tooLong } : { ok: true, value: text };
}

function parseAmount(given: unknown): Parsed {
  const pounds = typeof given === 'string' ? parseMoney(given) : given;
  const checked = moneySchema.safeParse(pounds);
  return checked.success
    ? { ok: true, value: checked.data }
    : { ok: false, message: MONEY_MESSAGE };
}

function parseNumberAnswer(question: NumberQuestion, given: unknown): Parsed {
  const number = parseNumberText(given);
  const { min, max, integer } = question;
  const fits =
    number !== undefined &&
    (!integer || Number.isInteger(number)) &&
    (min === undefined || number >= min) &&
    (max === undefined || number <= max);
  return fits ? { ok: true, value: number } : { ok: false, message: numberMessage(question) };
}

function numberMessage({ min, max, integer, unit }: NumberQuestion): string {
  const what = integer ? 'a whole number' : 'a number';
  const of = (n: number): string => `${n}${unit ?? ''}`;
  const range =
    min !== undefined && max !== undefined
      ? ` from ${of(min)} to ${of(max)}`
      : min !== undefined
        ? ` of ${of(min)} or more`
        : max !== undefined
          ? ` of ${of(max)} or less`
          : '';
  return `Enter ${what}${range}`;
}

function parseChoice(question: ChoiceQuestion, given: unknown, context: ReadContext): Parsed {
  const choices = choicesOf(question, context.answers, context.pack);
  const ids = choices.map((choice) => choice.id);
  // A multi-select card sends its ids joined by commas; a single choice is taken whole.
  const items =
    typeof given === 'string' && question.kind === 'multiChoice'
      ? given.split(',')
      : Array.isArray(given)
        ? given
        : [given];
  const texts = items.map((item) =>
    typeof item === 'string' ? item.trim() : typeof item === 'number' ? String(item) : undefined,
  );
  if (texts.some((text) => text === undefined)) {
    return { ok: false, message: 'Choose from the options listed' };
  }
  const picked = texts.filter((text): text is string => Boolean(text));
  if (picked.length === 0) return { blank: true };
  const unknown = picked.filter((id) => !ids.includes(id));
  if (question.kind === 'choice') {
    const [only] = picked;
    return picked.length === 1 && only !== undefined && unknown.length === 0
      ? { ok: true, value: only }
      : { ok: false, message: `Choose one of: ${choices.map((c) => c.label).join('; ')}` };
  }
  if (unknown.length > 0) {
    // Named a few at a time: a card sending thousands of ids must still get a card back.
    const named = namedFew(unknown.map((id) => `"${id}"`));
    return {
      ok: false,
      message: `Tick only the options listed: ${named} ${unknown.length === 1 ? 'is' : 'are'} not one of them`,
    };
  }
  // Stored in the order the options are listed, once each, whatever order the card sent.
  return { ok: true, value: ids.filter((id) => picked.includes(id)) };
}

/** What to fix when a shown, required question is left empty. */
export function missingErrors(question: Question, context: ReadContext): FieldErrors {
  if (question.kind === 'measureTargets') return measureTargetsMissing(question, context);
  const label = `“${question.label}”`;
  const message: Record<Question['kind'], string> = {
    text: `Enter an answer for ${label}`,
    longText: `Enter an answer for ${label}`,
    money: `Enter an amount in pounds for ${label}`,
    date: `Enter a date for ${label}`,
    number: `Enter a number for ${label}`,
    yesNo: `Choose yes or no for ${label}`,
    tick: `Tick or untick ${label}`,
    choice: `Choose an option for ${label}`,
    multiChoice: `Tick at least one option for ${label}`,
    measureTargets: `Enter a target for each outcome in ${label}`,
  };
  return { [question.id]: message[question.kind] };
}

/** Problems with an answer that reads well but is not yet complete (only measure targets have any). */
export function incompleteErrors(
  question: Question,
  value: AnswerValue,
  context: ReadContext,
): FieldErrors {
  return question.kind === 'measureTargets' ? measureTargetsProblems(question, value, context) : {};
}

/** A stored answer as a card holds it, keyed by field: the inverse of reading it. */
export function answerAsCard(question: Question, value: AnswerValue): Record<string, string> {
  if (question.kind === 'measureTargets') return measureTargetsAsCard(question.id, value);
  if (question.kind === 'money' && typeof value === 'number') {
    return { [question.id]: formatMoney(value) };
  }
  if (question.kind === 'multiChoice' && Array.isArray(question.choices) && Array.isArray(value)) {
    const grouped = groupedAsCard(question.id, question.choices, value);
    if (grouped) return grouped;
  }
  const text = asCardText(value);
  if (text === undefined) return {};
  // A text saved before it had a limit is shown cut a little past it, so that its card still
  // fits in Teams; the stored answer stays whole until the officer shortens it.
  const isText = question.kind === 'text' || question.kind === 'longText';
  return { [question.id]: isText ? echoed(text, question.maxLength) : text };
}

/** A grouped multi-choice as its card holds it: one list per group, `${id}.${groupId}`. */
function groupedAsCard(
  id: string,
  choices: readonly Choice[],
  value: readonly unknown[],
): Record<string, string> | undefined {
  if (!choices.some((choice) => choice.group)) return undefined;
  const fields: Record<string, string> = {};
  for (const choice of choices) {
    if (!choice.group || !value.includes(choice.id)) continue;
    const key = `${id}.${choice.group.id}`;
    fields[key] = fields[key] === undefined ? choice.id : `${fields[key]},${choice.id}`;
  }
  return fields;
}
