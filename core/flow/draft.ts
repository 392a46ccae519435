import { z } from 'zod';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import { QUESTIONNAIRE_STEPS } from './questionnaire.js';

/**
 * Steps of earlier versions, still stored in drafts: a draft there opens at the step that
 * `replaces` it.
 */
const RETIRED_STEP_IDS = ['consultation', 'smallerProviders'] as const;

/** Every step id a draft may hold: the questionnaire's, in its order, then the retired ones. */
export const STEP_IDS = [
  ...(Object.keys(QUESTIONNAIRE_STEPS) as (keyof typeof QUESTIONNAIRE_STEPS)[]),
  ...RETIRED_STEP_IDS,
];

export const stepIdSchema = z.enum(STEP_IDS);
export type StepId = z.infer<typeof stepIdSchema>;

/** Where a draft stands: on a step, or finished. */
export const draftStepSchema = z.union([stepIdSchema, z.literal('done')]);
export type DraftStep = z.infer<typeof draftStepSchema>;

/** The officer's confirmation of the three outcome tests for one outcome, keyed as the pack's outcomeTests. */
export const outcomeTestsSchema = z.object({
  relevant: z.boolean(),
  specifiable: z.boolean(),
  priorities: z.boolean(),
});
export type OutcomeTestId = keyof z.infer<typeof outcomeTestsSchema>;

/** One chosen measure with its target; a commitment has no numeric target. */
export const measureTargetSchema = z.object({
  measureId: z.string(),
  target: z.number().optional(),
  tests: outcomeTestsSchema,
});
export type MeasureTarget = z.infer<typeof measureTargetSchema>;

export const answerValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.array(measureTargetSchema),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** Answers keyed by question id; question ids are unique across the whole questionnaire. */
export const answersSchema = z.record(z.string(), answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

/** A questionnaire in progress, as stored between turns: plain JSON. */
export const draftSchema = z.object({
  answers: answersSchema,
  step: draftStepSchema,
  /** Steps the officer has been shown, in the order first reached. */
  visited: z.array(stepIdSchema),
  /** Opened from the review by "Change": Continue goes back there. */
  returnTo: stepIdSchema.optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** Checks a draft read back from storage. */
export function parseDraft(value: unknown): Result<Draft> {
  const parsed = draftSchema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(problemsFromIssues(parsed.error.issues));
}
