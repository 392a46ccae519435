import type { Answers, AnswerValue } from './draft.js';
import {
  type FieldErrors,
  isRequired,
  isShown,
  type Questionnaire,
  type Step,
} from './questions.js';
import type { RawValues } from './raw.js';
import { answerAsCard, incompleteErrors, missingErrors, readAnswer } from './read-answer.js';
import type { Reading } from './reading.js';

/**
 * `submit` checks everything: each value, required questions, completeness and the step's
 * cross-field rules. `save` keeps whatever reads on its own and checks nothing else.
 */
export type Mode = 'submit' | 'save';

export interface Evaluation {
  /** The answers as they would be after this step. */
  answers: Answers;
  errors: FieldErrors;
}

/**
 * Works out the answers after a card for one step is submitted (or saved). Only the step's
 * shown questions change: a hidden question keeps whatever it held, and so do other steps.
 */
export function evaluateStep(
  flow: Questionnaire,
  step: Step,
  before: Answers,
  raw: RawValues,
  mode: Mode,
): Evaluation {
  const { pack } = flow;
  // Read every question first, so that `when` and `required` see this card's answers too
  // (choosing "mixed" and a main element on the same card works).
  const merged: Answers = { ...before };
  const readings = new Map<string, Reading>();
  for (const question of step.questions) {
    const reading = readAnswer(question, raw, {
      answers: merged,
      pack,
      ...previousOf(before, question.id),
    });
    readings.set(question.id, reading);
    if (reading.blank) delete merged[question.id];
    else if (reading.value !== undefined && isEmpty(reading.errors)) {
      merged[question.id] = reading.value;
    }
  }

  // Then decide, in order, what is shown; a hidden question goes back to its stored answer
  // before any later question looks at it.
  const after: Answers = { ...merged };
  const errors: FieldErrors = {};
  for (const question of step.questions) {
    const reading = readings.get(question.id);
    if (!reading || !isShown(question, after, pack)) {
      put(after, question.id, before[question.id]);
      continue;
    }
    if (!isEmpty(reading.errors)) {
      Object.assign(errors, reading.errors);
      // Every error of the card at once: what is missing beside what did not read (a target
      // mistyped must not hide the next outcome's missing tick until the next round).
      if (mode === 'submit' && reading.value !== undefined) {
        const more = incompleteErrors(question, reading.value, { answers: after, pack });
        for (const [key, message] of Object.entries(more)) errors[key] ??= message;
      }
      // Submitting checks nothing further against a value that did not read; saving keeps
      // the part that did, or else the stored answer.
      put(after, question.id, mode === 'save' ? (reading.value ?? before[question.id]) : undefined);
      continue;
    }
    const context = { answers: after, pack };
    if (reading.blank || reading.value === undefined) {
      if (!isRequired(question, after, pack)) delete after[question.id];
      else if (mode === 'save') put(after, question.id, before[question.id]);
      else {
        Object.assign(errors, missingErrors(question, context));
        delete after[question.id];
      }
      continue;
    }
    after[question.id] = reading.value;
    if (mode === 'submit')
      Object.assign(errors, incompleteErrors(question, reading.value, context));
  }

  if (mode === 'submit' && step.validate) {
    // A field's own error says more than a cross-field one, so it comes first.
    for (const [key, message] of Object.entries(step.validate(after, pack))) {
      errors[key] ??= message;
    }
  }
  return { answers: after, errors };
}

/** The stored answers of a step as its card holds them (to show a card filled in). */
export function stepAsCard(step: Step, answers: Answers): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const question of step.questions) {
    const value = answers[question.id];
    if (value !== undefined) Object.assign(fields, answerAsCard(question, value));
  }
  return fields;
}

function previousOf(answers: Answers, id: string): { previous?: AnswerValue } {
  const previous = answers[id];
  return previous === undefined ? {} : { previous };
}

function put(answers: Answers, id: string, value: AnswerValue | undefined): void {
  if (value === undefined) delete answers[id];
  else answers[id] = value;
}

export const isEmpty = (errors: FieldErrors): boolean => Object.keys(errors).length === 0;
