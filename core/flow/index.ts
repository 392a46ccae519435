export * from './answers.js';
export * from './draft.js';
export * from './engine.js';
export { readKpiForm } from './kpi-form.js';
export * from './limits.js';
export { type TargetField, targetKey } from './measure-targets.js';
export { Policies } from './policies.js';
export { buildQuestionnaire, QUESTIONNAIRE_STEPS } from './questionnaire.js';
export * from './questions.js';
export type { RawValues } from './raw.js';
export type { ShownMeasure, ShownQuestion, TargetInput } from './shown-question.js';
export { assessmentOnStep, leadsWithGuidance } from './step-roles.js';
export {
  assessmentInputFrom,
  assessmentOf,
  elementOf,
  isCompetitive,
} from './steps/basics.js';
export {
  FRAMEWORK,
  KPI_NOT_APPROPRIATE,
  kpiAnswers,
  kpiCardValues,
  kpiDutyOf,
  kpiFieldErrors,
  kpiQuestions,
  kpiSlotCount,
  kpiSlotIds,
  kpisFromAnswers,
  kpisRequired,
  withOutcomeKpis,
  withoutKpiAnswers,
} from './steps/kpis.js';
export {
  applicableSlaveryItems,
  NO_SECTOR,
  plannedSlaveryItems,
  riskInputFrom,
} from './steps/modern-slavery.js';
