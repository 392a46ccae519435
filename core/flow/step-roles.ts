import type { Result } from '../common/result.js';
import { type Assessment, assess } from '../rules/assessment.js';
import type { Answers, StepId } from './draft.js';
import { activeSteps, findStep } from './engine.js';
import type { Questionnaire } from './questions.js';
import { assessmentInputFrom } from './steps/basics.js';

/**
 * The assessment a turn on this step runs, judged on `today`: the questionnaire marks the
 * step whose answers it needs (`runsAssessment`); a turn on any other step runs none.
 */
export function assessmentOnStep(
  flow: Questionnaire,
  stepId: StepId,
  answers: Answers,
  today: string,
): Result<Assessment> | undefined {
  return findStep(flow, stepId)?.runsAssessment === true
    ? assess(flow.pack, assessmentInputFrom(answers), today)
    : undefined;
}

/**
 * Whether the step leads with the guidance (the verdict): it comes right after the step the
 * questionnaire marks `guidanceAfter`, among the steps these answers ask.
 */
export function leadsWithGuidance(flow: Questionnaire, answers: Answers, stepId: StepId): boolean {
  const steps = activeSteps(flow, answers);
  const index = steps.findIndex((step) => step.id === stepId);
  return index > 0 && steps[index - 1]?.guidanceAfter === true;
}
