import type { Answers, Draft, DraftStep, StepId } from './draft.js';
import { evaluateStep, isEmpty, stepAsCard } from './evaluate-step.js';
import { echoed, TEXT_LIMITS } from './limits.js';
import { measureTargetsAsCard } from './measure-targets.js';
import {
  type FieldErrors,
  isSkipped,
  type Questionnaire,
  STEP_ERROR_KEY,
  type Step,
} from './questions.js';
import { asCardText, gathered, isBlank, type RawValues } from './raw.js';
import { type ShownQuestion, showQuestion } from './shown-question.js';

export type ApplyResult =
  | { ok: true; draft: Draft; next: DraftStep }
  | {
      ok: false;
      errors: FieldErrors;
      /**
       * The keys of `errors` that are questions the card did not show (their condition was met
       * by an answer on the same card): asked now, not mistakes.
       */
      followUps?: string[];
      /** The step's values as submitted, to show the card again just as the officer left it. */
      values: Record<string, string>;
    };

export interface SaveResult {
  draft: Draft;
  /** The values that did not read; their stored answers are kept. */
  errors: FieldErrors;
  values: Record<string, string>;
}

/** A new draft on the first step that applies. */
export function newDraft(flow: Questionnaire): Draft {
  const first = activeSteps(flow, {})[0]?.id ?? 'done';
  return { answers: {}, step: first, visited: first === 'done' ? [] : [first] };
}

/** The steps that apply on these answers, in order. */
export function activeSteps(flow: Questionnaire, answers: Answers): Step[] {
  return flow.steps.filter((step) => !isSkipped(step, answers, flow.pack));
}

/**
 * The questions a step shows, with choices and requirements worked out on the draft's
 * answers; given the values of a refused card, on the answers as that card would leave them
 * (so a card shown again with "mixed" chosen also shows the main element).
 */
export function visibleQuestions(
  flow: Questionnaire,
  draft: Draft,
  stepId: StepId,
  values?: RawValues,
): ShownQuestion[] {
  const step = findStep(flow, stepId);
  if (!step) return [];
  const answers = values
    ? evaluateStep(flow, step, draft.answers, values, 'save').answers
    : draft.answers;
  return step.questions.flatMap((question) => {
    const shown = showQuestion(question, answers, flow.pack);
    return shown ? [shown] : [];
  });
}

/**
 * The questions a step's card shows: the visible ones. A question whose condition is met on
 * its own card (the main element once "mixed" is chosen) is left off until a submit makes it
 * hold; the card then comes back with it, and with every value as typed.
 */
export function cardQuestions(
  flow: Questionnaire,
  draft: Draft,
  stepId: StepId,
  values?: RawValues,
): ShownQuestion[] {
  return visibleQuestions(flow, draft, stepId, values);
}

/** The draft's answers for a step, as its card's fields hold them (to show it filled in). */
export function cardValues(
  flow: Questionnaire,
  draft: Draft,
  stepId: StepId,
): Record<string, string> {
  const step = findStep(flow, stepId);
  return step ? stepAsCard(step, draft.answers) : {};
}

/**
 * Submits a step's card. Refused: the errors, the values as submitted, and the draft left
 * as it was. Accepted: the draft with the step's shown questions answered as submitted (an
 * optional one left empty is cleared), and the next step that applies. The questionnaire is
 * done only when every step that applies is complete; until then `next` is the first that is not.
 */
export function applyAnswers(
  flow: Questionnaire,
  draft: Draft,
  stepId: StepId,
  raw: RawValues,
): ApplyResult {
  const step = findStep(flow, stepId);
  const values = step ? submittedValues(step, raw) : {};
  const refusal = stepRefusal(flow, draft.answers, stepId, step);
  if (refusal || !step) return { ok: false, errors: refusal ?? {}, values };
  const evaluated = evaluateStep(flow, step, draft.answers, raw, 'submit');
  const { answers } = evaluated;
  const { errors } = evaluated;
  const followUps = followUpsOf(flow, step, draft, raw, errors);
  if (!isEmpty(errors)) {
    return { ok: false, errors, values, ...(followUps.length > 0 ? { followUps } : {}) };
  }
  const back = draft.returnTo;
  const next =
    back !== undefined && back !== step.id
      ? returnStep(flow, answers, back)
      : nextStep(flow, answers, step.id);
  const returnTo = back !== undefined && next !== back && next !== 'done' ? { returnTo: back } : {};
  return {
    ok: true,
    draft: { answers, step: next, visited: visit(draft.visited, step.id, next), ...returnTo },
    next,
  };
}

/**
 * Save and continue later: keeps each of the step's answers that reads on its own, ignoring
 * required and cross-field rules, and stays on the step. A value that does not read keeps
 * the stored answer and is reported; a required question left empty keeps its stored answer.
 */
export function saveProgress(
  flow: Questionnaire,
  draft: Draft,
  stepId: StepId,
  raw: RawValues,
): SaveResult {
  const step = findStep(flow, stepId);
  const values = step ? submittedValues(step, raw) : {};
  const refusal = stepRefusal(flow, draft.answers, stepId, step);
  if (refusal || !step) return { draft, errors: refusal ?? {}, values };
  const { answers, errors } = evaluateStep(flow, step, draft.answers, raw, 'save');
  return {
    draft: { ...draft, answers, step: step.id, visited: visit(draft.visited, step.id) },
    errors,
    values,
  };
}

/**
 * "Change" on the review: opens a step the officer has been through, and marks the draft so
 * that Continue there comes back to the step it was opened from.
 */
export function openStep(flow: Questionnaire, draft: Draft, stepId: StepId, from: StepId): Draft {
  const step = findStep(flow, stepId);
  if (!step || isSkipped(step, draft.answers, flow.pack) || step.id === from) return draft;
  return { ...draft, step: step.id, returnTo: from };
}

/** Back to the step before that applies (the first step stays put); answers untouched. */
export function goBack(flow: Questionnaire, draft: Draft, stepId: DraftStep): Draft {
  const own = stepId === 'done' ? undefined : findStep(flow, stepId)?.id;
  const index = stepId === 'done' ? flow.steps.length : flow.steps.findIndex((s) => s.id === own);
  const earlier = flow.steps.slice(0, Math.max(index, 0));
  const previous =
    earlier.reverse().find((step) => !isSkipped(step, draft.answers, flow.pack)) ??
    activeSteps(flow, draft.answers)[0];
  if (!previous) return draft;
  return { ...draft, step: previous.id, visited: visit(draft.visited, previous.id) };
}

/**
 * What is wrong or missing in a step's stored answers, as its card would report it on
 * submit: the check behind "done".
 */
export function stepErrors(flow: Questionnaire, answers: Answers, stepId: StepId): FieldErrors {
  const step = findStep(flow, stepId);
  if (!step || isSkipped(step, answers, flow.pack)) return {};
  return evaluateStep(flow, step, answers, stepAsCard(step, answers), 'submit').errors;
}

/** The step with this id, or the one that now asks the questions of a step of an earlier version. */
export function findStep(flow: Questionnaire, stepId: string): Step | undefined {
  return (
    flow.steps.find((step) => step.id === stepId) ??
    flow.steps.find((step) => step.replaces?.some((id) => id === stepId))
  );
}

function stepRefusal(
  flow: Questionnaire,
  answers: Answers,
  stepId: string,
  step: Step | undefined,
): FieldErrors | undefined {
  if (!step) {
    return { [STEP_ERROR_KEY]: `There is no step "${stepId}": go back to the current step` };
  }
  if (isSkipped(step, answers, flow.pack)) {
    return {
      [STEP_ERROR_KEY]: `“${step.title}” does not apply to this contract: go on to the next step`,
    };
  }
  return undefined;
}

/** The next step after this one that applies, or the first incomplete one once at the end. */
function nextStep(flow: Questionnaire, answers: Answers, stepId: StepId): DraftStep {
  const index = flow.steps.findIndex((step) => step.id === stepId);
  const later = flow.steps.slice(index + 1).find((step) => !isSkipped(step, answers, flow.pack));
  if (later) return later.id;
  const incomplete = activeSteps(flow, answers).find(
    (step) => !isEmpty(stepErrors(flow, answers, step.id)),
  );
  return incomplete?.id ?? 'done';
}

/**
 * The questions the card did not show (their condition was met by an answer on the same
 * card) and that are unanswered: they come back as questions, not as mistakes.
 */
function followUpsOf(
  flow: Questionnaire,
  step: Step,
  draft: Draft,
  raw: RawValues,
  errors: FieldErrors,
): string[] {
  const shown = new Set(visibleQuestions(flow, draft, step.id).map((question) => question.id));
  return step.questions
    .filter((q) => !shown.has(q.id) && errors[q.id] !== undefined && isBlank(raw[q.id]))
    .map((q) => q.id);
}

/** Back to the step "Change" was pressed on, unless a step before it is now incomplete. */
function returnStep(flow: Questionnaire, answers: Answers, back: StepId): DraftStep {
  const steps = activeSteps(flow, answers);
  const at = steps.findIndex((step) => step.id === back);
  if (at === -1) return nextStep(flow, answers, steps.at(-1)?.id ?? back);
  const incomplete = steps
    .slice(0, at)
    .find((step) => !isEmpty(stepErrors(flow, answers, step.id)));
  return incomplete?.id ?? back;
}

function visit(visited: readonly StepId[], ...steps: DraftStep[]): StepId[] {
  const list = [...visited];
  for (const step of steps) if (step !== 'done' && !list.includes(step)) list.push(step);
  return list;
}

/**
 * The submitted values that belong to this step, as card text, each cut where it runs far
 * past its limit (a refused card is shown again with them, and must still fit in Teams).
 */
function submittedValues(step: Step, raw: RawValues): Record<string, string> {
  const values: Record<string, string> = {};
  for (const question of step.questions) {
    const given = raw[question.id];
    if (question.kind === 'measureTargets') {
      const prefix = `${question.id}.`;
      for (const [key, value] of Object.entries(raw)) {
        const text = asCardText(value);
        if (key.startsWith(prefix) && text !== undefined) {
          values[key] = echoed(text, TEXT_LIMITS.short);
        }
      }
      if (Array.isArray(given)) Object.assign(values, measureTargetsAsCard(question.id, given));
      continue;
    }
    const text = asCardText(question.kind === 'multiChoice' ? gathered(raw, question.id) : given);
    const limit =
      question.kind === 'text' || question.kind === 'longText'
        ? question.maxLength
        : TEXT_LIMITS.long;
    if (text !== undefined) values[question.id] = echoed(text, limit);
  }
  return values;
}
