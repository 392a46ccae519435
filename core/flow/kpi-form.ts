import type { PolicyPack } from '../policy/schema.js';
import type { KpiDuty } from '../rules/kpi-duty.js';
import type { Answers } from './draft.js';
import { evaluateStep } from './evaluate-step.js';
import type { FieldErrors, Step } from './questions.js';
import type { RawValues } from './raw.js';
import { kpiFieldErrors, kpiQuestions, withoutKpiAnswers } from './steps/kpis.js';

// Apart from steps/kpis.ts, which the questionnaire imports: the engine is not imported back.

/**
 * The KPI form after award, read as the wizard's step reads it (the same questions, the same
 * plain words): the answers it gives on top of the record's, and the errors beside each field.
 */
export function readKpiForm(
  pack: PolicyPack,
  answers: Answers,
  raw: RawValues,
  duty: KpiDuty,
): { answers: Answers; errors: FieldErrors } {
  const step: Step = {
    id: 'kpis',
    title: 'Key performance indicators',
    questions: kpiQuestions(pack),
    validate: (after) => kpiFieldErrors(pack, after, duty),
  };
  // The record's own KPI answers (none once set) never leak into the form's reading.
  const before = withoutKpiAnswers(pack, answers);
  return evaluateStep({ pack, steps: [step] }, step, before, raw, 'submit');
}
