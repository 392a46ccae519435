import type { PolicyPack } from '../policy/schema.js';
import type { Questionnaire } from './questions.js';
import { basicsStep } from './steps/basics.js';
import { modernSlaveryStep } from './steps/modern-slavery.js';
import { outcomesStep } from './steps/outcomes.js';
import { reviewStep } from './steps/review.js';
import { targetsStep } from './steps/targets.js';
import { whyStep } from './steps/why.js';

/**
 * The pre-commissioning questionnaire for a pack (its pre-commissioning questions and what follows from them), as data:
 * the engine walks it, and cards render each step from it.
 */
export function buildQuestionnaire(pack: PolicyPack): Questionnaire {
  return {
    pack,
    steps: [
      basicsStep(pack),
      whyStep(pack),
      outcomesStep(pack),
      targetsStep(pack),
      modernSlaveryStep(pack),
      reviewStep(),
    ],
  };
}
