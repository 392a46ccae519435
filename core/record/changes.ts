import type { Answers } from '../flow/draft.js';
import type { Change } from './record.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The answers that differ between two versions, each with its old and new value. */
export function answerChanges(before: Answers, after: Answers): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({
      field,
      ...(before[field] === undefined ? {} : { from: before[field] }),
      ...(after[field] === undefined ? {} : { to: after[field] }),
    }));
}
