import { z } from 'zod';
import {
  type AnswerValue,
  type MeasureTarget,
  measureTargetSchema,
  type OutcomeTestId,
  outcomeTestsSchema,
} from './draft.js';
import { parseNumberText, parseYesNo, YES_NO_MESSAGE } from './parse-values.js';
import type { FieldErrors, MeasureTargetsQuestion, TargetMeasure } from './questions.js';
import { isBlank, type RawValues } from './raw.js';
import type { ReadContext, Reading } from './reading.js';

/**
 * A measureTargets answer arrives from a card as flat fields, one pair per chosen measure:
 * `${questionId}.${measureId}.target` and one tick for all three outcome tests,
 * `${questionId}.${measureId}.tests`. A test's own key (`.relevant`, `.specifiable`,
 * `.priorities`), as earlier cards sent them, is still read.
 */
export type TargetField = 'target' | 'tests' | OutcomeTestId;

export const targetKey = (questionId: string, measureId: string, field: TargetField): string =>
  `${questionId}.${measureId}.${field}`;

const TEST_IDS = outcomeTestsSchema.keyof().options;
const targetsSchema = z.array(measureTargetSchema);

/** Typed targets, as scripts give them, turned into the card's flat fields. */
export function measureTargetsAsCard(questionId: string, value: unknown): Record<string, string> {
  const parsed = targetsSchema.safeParse(value);
  if (!parsed.success) return {};
  const fields: Record<string, string> = {};
  for (const entry of parsed.data) {
    if (entry.target !== undefined) {
      fields[targetKey(questionId, entry.measureId, 'target')] = String(entry.target);
    }
    const all = TEST_IDS.every((test) => entry.tests[test]);
    fields[targetKey(questionId, entry.measureId, 'tests')] = String(all);
  }
  return fields;
}

/** Reads a target and the three test confirmations for each chosen measure. */
export function readMeasureTargets(
  question: MeasureTargetsQuestion,
  raw: RawValues,
  context: ReadContext,
): Reading {
  const typed = raw[question.id];
  if (typed !== undefined && !targetsSchema.safeParse(typed).success) {
    return {
      blank: false,
      errors: {
        [question.id]: 'Enter a target for each outcome, and tick the three tests for each',
      },
    };
  }
  const fields: RawValues = typed === undefined ? raw : measureTargetsAsCard(question.id, typed);
  const prefix = `${question.id}.`;
  const given = Object.entries(fields).some(([key, v]) => key.startsWith(prefix) && !isBlank(v));
  if (!given) return { blank: true, errors: {} };

  const previous = targetsSchema.safeParse(context.previous);
  const before = previous.success ? previous.data : [];
  const errors: FieldErrors = {};
  const value: MeasureTarget[] = question.measures(context.answers, context.pack).map((measure) => {
    const old = before.find((entry) => entry.measureId === measure.id);
    const entry: MeasureTarget = {
      measureId: measure.id,
      tests: { relevant: false, specifiable: false, priorities: false },
    };
    if (measure.unit.kind !== 'commitment') {
      const key = targetKey(question.id, measure.id, 'target');
      const target = fields[key];
      if (!isBlank(target)) {
        const read = readTarget(measure, target);
        if (typeof read === 'number') entry.target = read;
        else {
          errors[key] =
            `Target for “${measure.label}”: ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)}`;
          if (old?.target !== undefined) entry.target = old.target;
        }
      }
    }
    const allKey = targetKey(question.id, measure.id, 'tests');
    const all = fields[allKey];
    if (!isBlank(all)) {
      const flag = parseYesNo(all);
      if (flag === undefined) {
        errors[allKey] =
          `For “${measure.label}”, ${YES_NO_MESSAGE.toLowerCase()} for the three tests`;
        if (old) entry.tests = { ...old.tests };
      } else for (const test of TEST_IDS) entry.tests[test] = flag;
      return entry;
    }
    for (const test of context.pack.outcomeTests) {
      const key = targetKey(question.id, measure.id, test.id);
      const confirmed = fields[key];
      if (isBlank(confirmed)) continue;
      const flag = parseYesNo(confirmed);
      if (flag === undefined) {
        errors[allKey] =
          `For “${measure.label}”, ${YES_NO_MESSAGE.toLowerCase()} for the three tests`;
        entry.tests[test.id] = old?.tests[test.id] ?? false;
      } else entry.tests[test.id] = flag;
    }
    return entry;
  });
  return { blank: false, value, errors };
}

/** Counts of things and people are whole; a percentage is at most 100. */
function readTarget(measure: TargetMeasure, given: unknown): number | { message: string } {
  const number = parseNumberText(given);
  const { kind } = measure.unit;
  if (kind === 'percent') {
    return number !== undefined && number > 0 && number <= 100
      ? number
      : { message: 'Enter a percentage above 0 and no more than 100' };
  }
  if (kind === 'days') {
    return number !== undefined && number > 0 ? number : { message: 'Enter a number above 0' };
  }
  return number !== undefined && number > 0 && Number.isInteger(number)
    ? number
    : { message: 'Enter a whole number above 0' };
}

/** Each chosen measure needs a target (unless it is a commitment) and all three of the pack's outcome tests. */
export function measureTargetsProblems(
  question: MeasureTargetsQuestion,
  value: AnswerValue,
  context: ReadContext,
): FieldErrors {
  const parsed = targetsSchema.safeParse(value);
  const entries = parsed.success ? parsed.data : [];
  const errors: FieldErrors = {};
  for (const measure of question.measures(context.answers, context.pack)) {
    const entry = entries.find((e) => e.measureId === measure.id);
    if (measure.unit.kind !== 'commitment' && entry?.target === undefined) {
      errors[targetKey(question.id, measure.id, 'target')] =
        `Enter a target (${measure.unit.label}) for “${measure.label}”`;
    }
    if (!context.pack.outcomeTests.every((test) => entry?.tests[test.id] === true)) {
      errors[targetKey(question.id, measure.id, 'tests')] = unmetTests(measure);
    }
  }
  return errors;
}

/** Left empty: every chosen measure is missing its target and its tests. */
export function measureTargetsMissing(
  question: MeasureTargetsQuestion,
  context: ReadContext,
): FieldErrors {
  return measureTargetsProblems(question, [], context);
}

/** Shown beside the outcome's one tick for the three tests, which are explained above. */
function unmetTests(measure: TargetMeasure): string {
  return `Tick “Meets all three tests” for “${measure.label}” once it does, or untick this outcome on the outcomes card (Back)`;
}
