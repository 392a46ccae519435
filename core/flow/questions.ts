import type { Measure, PolicyPack } from '../policy/schema.js';
import type { Answers, StepId } from './draft.js';

/** A condition on the answers so far (and the pack), for `when`, `required` and `skip`. */
export type Predicate = (answers: Answers, pack: PolicyPack) => boolean;

/** Errors keyed by question id, or by a measure-target field key (`outcomeTargets.local-jobs.target`). */
export type FieldErrors = Record<string, string>;

export interface Choice {
  id: string;
  label: string;
}

/** Fixed choices, or choices worked out from the pack and the answers so far. */
export type Choices = readonly Choice[] | ((answers: Answers, pack: PolicyPack) => Choice[]);

interface QuestionBase {
  /** Unique across the questionnaire and free of dots, which separate measure-target keys. */
  id: string;
  /** Every input has a label. */
  label: string;
  help?: string;
  /** A paragraph of the pack or one of its sources. */
  citation?: string;
  /** Asked only when the answers (with this step's answers merged in) satisfy this. */
  when?: Predicate;
  /**
   * For a question whose `when` depends on an answer on the same card: the condition in a
   * few words ("If mixed"). A card cannot show a question only once another is answered, so
   * the card always shows it, labelled with this; it is read only when `when` holds.
   */
  followUp?: string;
  /** Must be answered when shown; a predicate makes it depend on other answers. */
  required?: boolean | Predicate;
}

export interface TextQuestion extends QuestionBase {
  kind: 'text' | 'longText';
  /** Every text has a limit (see limits.ts): the card stops typing there and reading refuses past it. */
  maxLength: number;
}

export interface MoneyQuestion extends QuestionBase {
  kind: 'money';
}

export interface DateQuestion extends QuestionBase {
  kind: 'date';
}

export interface NumberQuestion extends QuestionBase {
  kind: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
  /** Shown after the input, such as `%`. */
  unit?: string;
}

export interface YesNoQuestion extends QuestionBase {
  kind: 'yesNo';
  /** The value a card starts with, and the answer taken when none is given. */
  default?: boolean;
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice' | 'multiChoice';
  choices: Choices;
}

/** A measure to set a target for, as the measureTargets question shows it. */
export interface TargetMeasure {
  id: string;
  label: string;
  unit: Measure['unit'];
  citation: string;
}

export interface MeasureTargetsQuestion extends QuestionBase {
  kind: 'measureTargets';
  /** The measures to set targets for, chosen in an earlier step. */
  measures: (answers: Answers, pack: PolicyPack) => TargetMeasure[];
}

export type Question =
  | TextQuestion
  | MoneyQuestion
  | DateQuestion
  | NumberQuestion
  | YesNoQuestion
  | ChoiceQuestion
  | MeasureTargetsQuestion;

export type QuestionKind = Question['kind'];

export interface Step {
  id: StepId;
  title: string;
  /** What the step is for, in the pack's words where it has them. */
  help?: string;
  citation?: string;
  questions: Question[];
  /** The whole step is skipped while this holds. */
  skip?: Predicate;
  /** Checks across fields, run on the answers as they would be after this step. */
  validate?: (answers: Answers, pack: PolicyPack) => FieldErrors;
}

/** The questionnaire for one pack: the declarative flow the engine walks. */
export interface Questionnaire {
  pack: PolicyPack;
  steps: Step[];
}

export function isShown(question: Question, answers: Answers, pack: PolicyPack): boolean {
  return question.when === undefined || question.when(answers, pack);
}

export function isRequired(question: Question, answers: Answers, pack: PolicyPack): boolean {
  const { required } = question;
  return typeof required === 'function' ? required(answers, pack) : required === true;
}

export function choicesOf(question: ChoiceQuestion, answers: Answers, pack: PolicyPack): Choice[] {
  const { choices } = question;
  return typeof choices === 'function' ? choices(answers, pack) : [...choices];
}

export function isSkipped(step: Step, answers: Answers, pack: PolicyPack): boolean {
  return step.skip?.(answers, pack) === true;
}

/** The key of an error about the step as a whole rather than one of its fields. */
export const STEP_ERROR_KEY = '_step';
