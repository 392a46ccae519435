import type { Answers, AnswerValue } from '../flow/draft.js';
import { excerpt, HISTORY_EXCERPT } from '../flow/limits.js';
import type { Change } from './record.js';

/**
 * A value as the history keeps it: a long text by its start and length (the answers hold
 * the whole), so that many edits of long answers keep the record within one Cosmos DB item.
 */
export const historyValue = (value: AnswerValue): AnswerValue =>
  typeof value === 'string' ? excerpt(value, HISTORY_EXCERPT) : value;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The answers that differ between two versions, each with its old and new value. */
export function answerChanges(before: Answers, after: Answers): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({
      field,
      ...(before[field] === undefined ? {} : { from: historyValue(before[field]) }),
      ...(after[field] === undefined ? {} : { to: historyValue(after[field]) }),
    }));
}
