import type { PolicyPack } from '../policy/schema.js';
import type { Questionnaire, Step } from './questions.js';
import { basicsStep } from './steps/basics.js';
import { kpisStep } from './steps/kpis.js';
import { modernSlaveryStep } from './steps/modern-slavery.js';
import { outcomesStep } from './steps/outcomes.js';
import { reviewStep } from './steps/review.js';
import { targetsStep } from './steps/targets.js';
import { whyStep } from './steps/why.js';

/**
 * The questionnaire's steps, by id, in the order the wizard asks them: the one place that
 * order is written (the step ids drafts store are read from it). The ids are stored in
 * drafts, so they stay stable.
 */
export const QUESTIONNAIRE_STEPS = {
  basics: basicsStep,
  why: whyStep,
  outcomes: outcomesStep,
  targets: targetsStep,
  kpis: kpisStep,
  modernSlavery: modernSlaveryStep,
  review: reviewStep,
} satisfies Record<string, (pack: PolicyPack) => Step>;

/**
 * The pre-commissioning questionnaire for a pack (its pre-commissioning questions and what follows from them), as data:
 * the engine walks it, and cards render each step from it.
 */
export function buildQuestionnaire(pack: PolicyPack): Questionnaire {
  return { pack, steps: Object.values(QUESTIONNAIRE_STEPS).map((build) => build(pack)) };
}
