import type { PolicyPack } from '../policy/schema.js';
import type { Answers, AnswerValue } from './draft.js';
import type { FieldErrors } from './questions.js';

export interface ReadContext {
  /** The answers so far, with this step's earlier questions as submitted. */
  answers: Answers;
  pack: PolicyPack;
  /** The stored answer, which a partly readable value falls back on when saving. */
  previous?: AnswerValue;
}

/** What a card's value for one question says. */
export interface Reading {
  /** Nothing was given: the officer left it empty, or the card did not send it. */
  blank: boolean;
  /** The answer read; alongside errors, the part that could be read (used when saving). */
  value?: AnswerValue;
  errors: FieldErrors;
}
