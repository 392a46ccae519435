import assert from 'node:assert/strict';
import type { Problem, Result } from '../../../core/common/index.js';
import { builtInPack, citationsIn } from '../../../core/policy/index.js';

/** Every reference a citation may name: the pack's paragraphs and its public sources. */
export const KNOWN_REFS: ReadonlySet<string> = new Set([
  ...builtInPack.paragraphs.map((p) => p.ref),
  ...builtInPack.sources.map((s) => s.ref),
]);

/** The value of a result that must be ok; fails the test showing the problems otherwise. */
export function answerOf<T>(result: Result<T>): T {
  if (!result.ok)
    assert.fail(`expected an answer, got problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The problems of a result that must be refused. */
export function problemsOf<T>(result: Result<T>): Problem[] {
  if (result.ok) assert.fail(`expected problems, got an answer: ${JSON.stringify(result.value)}`);
  assert.ok(result.problems.length > 0, 'a refusal must list at least one problem');
  return result.problems;
}

/** The sorted field paths of the problems, each once. */
export const pathsOf = (problems: Problem[]): string[] =>
  [...new Set(problems.map((p) => p.path))].sort();

/** The problem at a path, failing when there is none. */
export function problemAt(problems: Problem[], path: string): Problem {
  const found = problems.find((p) => p.path === path);
  if (!found) assert.fail(`no problem at ${path}; got ${JSON.stringify(problems)}`);
  return found;
}

/** Asserts the value cites something, and that every citation it holds is in the pack. */
export function assertCitationsResolve(value: unknown): void {
  const uses = citationsIn(value);
  assert.ok(uses.length > 0, 'expected at least one citation');
  for (const use of uses) {
    assert.ok(KNOWN_REFS.has(use.ref), `${use.path.join('.')} cites unknown "${use.ref}"`);
  }
}

/** Asserts a reason list is well formed and returns its citations in order. */
export function citationsOfReasons(reasons: { rule: string; citation: string; text: string }[]) {
  for (const r of reasons) {
    assert.ok(r.rule.length > 0 && r.text.length > 0, `empty reason ${JSON.stringify(r)}`);
    assert.ok(KNOWN_REFS.has(r.citation), `reason cites unknown "${r.citation}"`);
  }
  return reasons.map((r) => r.citation);
}
