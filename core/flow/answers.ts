import type { Answers, MeasureTarget } from './draft.js';

/**
 * Typed reads of stored answers, for predicates and cross-field checks. An answer of the
 * wrong type reads as missing, so a predicate never acts on a value it does not understand.
 */

export function textAnswer(answers: Answers, id: string): string | undefined {
  const value = answers[id];
  return typeof value === 'string' ? value : undefined;
}

export function numberAnswer(answers: Answers, id: string): number | undefined {
  const value = answers[id];
  return typeof value === 'number' ? value : undefined;
}

export function yesNoAnswer(answers: Answers, id: string): boolean | undefined {
  const value = answers[id];
  return typeof value === 'boolean' ? value : undefined;
}

export function listAnswer(answers: Answers, id: string): string[] {
  const value = answers[id];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

export function targetsAnswer(answers: Answers, id: string): MeasureTarget[] {
  const value = answers[id];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is MeasureTarget => typeof item === 'object');
}
