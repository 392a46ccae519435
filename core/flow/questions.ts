import type { Measure, PolicyPack } from '../policy/schema.js';
import type { Answers, StepId } from './draft.js';

/** A condition on the answers so far (and the pack), for `when`, `required` and `skip`. */
export type Predicate = (answers: Answers, pack: PolicyPack) => boolean;

/** Errors keyed by question id, or by a measure-target field key (`outcomeTargets.local-jobs.target`). */
export type FieldErrors = Record<string, string>;

export interface Choice {
  id: string;
  label: string;
  /** A multi-choice with groups is shown as one list per group, under the group's name. */
  group?: { id: string; label: string };
  /** A choice the pack derives rather than lists: the paragraphs it is read from. */
  derivedFrom?: string[];
}

/** Fixed choices, or choices worked out from the pack and the answers so far. */
export type Choices = readonly Choice[] | ((answers: Answers, pack: PolicyPack) => Choice[]);

interface QuestionBase {
  /** Unique across the questionnaire and free of dots, which separate measure-target keys. */
  id: string;
  /** Every input has a label. */
  label: string;
  /** The answer's name where answers are listed (the review, the summary); the label if none. */
  short?: string;
  /** Left out where answers are listed, because another answer shows it (each outcome, with its target). */
  listed?: false;
  /** Lines the officer may open beside the question (what a tick agrees to), behind a toggle. */
  details?: (answers: Answers, pack: PolicyPack) => string[];
  /** The button that shows the details ("Show details" if none). */
  detailsTitle?: string;
  help?: string;
  /** A paragraph of the pack or one of its sources. */
  citation?: string;
  /**
   * Asked only when the answers (with this step's answers merged in) satisfy this. A card
   * cannot show an input on a condition met on the same card, so a question whose condition
   * depends on its own card is left off it, and the card comes back with it only when a
   * submit makes the condition hold (the cheapest honest follow-up: most officers never see it).
   */
  when?: Predicate;
  /** Must be answered when shown; a predicate makes it depend on other answers. */
  required?: boolean | Predicate;
  /**
   * For a question shown but required only on a condition: the condition in a few words
   * ("above 5%"), shown in its label as "(required if above 5%)" instead of "(optional)".
   */
  requiredIf?: string;
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

/** Starts unanswered: no default may decide anything the officer did not choose. */
export interface YesNoQuestion extends QuestionBase {
  kind: 'yesNo';
}

/** A yes/no shown as one tick box: unticked is "no", so only for a question whose "no" decides nothing. */
export interface TickQuestion extends QuestionBase {
  kind: 'tick';
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
  | TickQuestion
  | ChoiceQuestion
  | MeasureTargetsQuestion;

export type QuestionKind = Question['kind'];

export interface Step {
  id: StepId;
  /** Steps of earlier versions whose questions this one now asks: a draft stored there opens here. */
  replaces?: StepId[];
  title: string;
  /** What the step is for, in the pack's words where it has them. */
  help?: string;
  citation?: string;
  questions: Question[];
  /** A turn on this step runs the assessment (the step asks what it judges). */
  runsAssessment?: true;
  /** The step asked after this one leads with the guidance: the verdict the assessment gives. */
  guidanceAfter?: true;
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
