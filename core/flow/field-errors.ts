import type { Problem } from '../common/result.js';
import { type FieldErrors, STEP_ERROR_KEY } from './questions.js';

/** Where a rule's problem belongs on the card, and how to make its message a sentence. */
export interface FieldTarget {
  /** The question id (or field key) the error is shown against. */
  key: string;
  /** What the rule's message is about, for messages that start mid-sentence ("is required…"). */
  subject: string;
  /** What to do, where the rule's message does not say. */
  fix?: string;
}

/**
 * Puts the problems a core/rules function found onto the questions they concern, keeping
 * the rule's own wording (and citation); a problem with no field goes on the step.
 */
export function fieldErrorsFrom(
  problems: readonly Problem[],
  targets: Readonly<Record<string, FieldTarget>>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const target = targets[problem.path.split('.')[0] ?? ''];
    const key = target?.key ?? STEP_ERROR_KEY;
    const subject = target?.subject ?? problem.path;
    // Every error names what it is about: a message that is already a sentence gets its
    // subject in front ("The weighting: 11% is refused: ..."), one that starts mid-sentence reads on from it.
    const text = /^[a-z]/.test(problem.message)
      ? `${subject} ${problem.message}`
      : target
        ? `${subject}: ${problem.message}`
        : problem.message;
    const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    errors[key] ??= target?.fix ? `${sentence}. ${target.fix}` : sentence;
  }
  return errors;
}
