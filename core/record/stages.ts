import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { fail, ok, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import { stagePlan } from '../rules/stage-plan.js';
import { personSchema } from './person.js';
import type { CommissioningRecord } from './record.js';

/** The problem of a date done that is after today. */
export const FUTURE = 'must not be in the future';

/** One time a stage was done: for a recurring review stage (a quarterly review) there are several. */
export const stageCompletionSchema = z.object({
  /** The due date this completion answered, if the stage had one. */
  due: isoDateSchema.optional(),
  on: isoDateSchema,
  note: z.string(),
  by: personSchema,
  at: z.iso.datetime(),
});

/**
 * Where a reminder for the stage's current due date stands. A sweep claims it (so that
 * only one bot instance sends it), then marks it sent; an undelivered one is released.
 */
export const reminderStateSchema = z.object({
  /** The due date a reminder was delivered for: none is sent twice for the same date. */
  sentFor: isoDateSchema.optional(),
  snoozedUntil: isoDateSchema.optional(),
  claim: z.object({ by: z.string(), until: z.iso.datetime(), due: isoDateSchema }).optional(),
});

export const stageProgressSchema = z.object({
  number: z.number().int().min(1),
  /** The current due date: from the pack's schedule, or set by the officer. */
  due: isoDateSchema.optional(),
  dueSource: z.enum(['schedule', 'officer']).optional(),
  /** No further occurrence is due. */
  done: z.boolean(),
  completions: z.array(stageCompletionSchema),
  reminder: reminderStateSchema,
});

export type StageProgress = z.infer<typeof stageProgressSchema>;
export type ReminderState = z.infer<typeof reminderStateSchema>;

/** The award facts the review stages are planned from. */
export const contractTermsSchema = z.object({
  awardDate: isoDateSchema,
  months: z.number().int().min(1),
});
export type ContractTerms = z.infer<typeof contractTermsSchema>;

/** The stages of a new record: one per stage of the pack, none due, none done. */
export function initialStages(pack: PolicyPack): StageProgress[] {
  return pack.stages.map((stage) => ({
    number: stage.number,
    done: false,
    completions: [],
    reminder: {},
  }));
}

/** A record's stages, with any the pack has and the record lacks filled in. */
export function stagesOf(record: CommissioningRecord, pack: PolicyPack): StageProgress[] {
  const known = record.stages ?? [];
  return initialStages(pack).map((fresh) => known.find((s) => s.number === fresh.number) ?? fresh);
}

/** The planned due dates of every stage for these terms, from the pack's schedules. */
export function plannedDates(
  pack: PolicyPack,
  terms: ContractTerms,
): Result<Map<number, string[]>> {
  const plan = stagePlan(pack, { awardDate: terms.awardDate, contractMonths: terms.months });
  if (!plan.ok) {
    return fail(
      plan.problems.map((p) => ({ ...p, path: p.path === 'contractMonths' ? 'months' : p.path })),
    );
  }
  return ok(new Map(plan.value.stages.map((stage) => [stage.number, stage.dueDates])));
}

/**
 * Gives the review stages their default due dates from the award date and contract length.
 * A due date the officer set is kept; a stage already done keeps its state.
 */
export function applySchedule(
  stages: StageProgress[],
  planned: Map<number, string[]>,
): StageProgress[] {
  return stages.map((stage) => {
    const first = planned.get(stage.number)?.find((date) => !completedFor(stage, date));
    if (!first || stage.done || stage.dueSource === 'officer') return stage;
    return { ...stage, due: first, dueSource: 'schedule' as const };
  });
}

const completedFor = (stage: StageProgress, date: string): boolean =>
  stage.completions.some((completion) => completion.due === date);

/**
 * Marks a stage done. A recurring stage (a review each quarter) moves on to its next
 * planned date; any other stage is done for good.
 */
export function completeStage(
  stage: StageProgress,
  completion: z.infer<typeof stageCompletionSchema>,
  planned: string[] | undefined,
): StageProgress {
  const completions = [...stage.completions, completion];
  const after = stage.due ?? completion.on;
  const next = stage.dueSource === 'officer' ? undefined : planned?.find((date) => date > after);
  return {
    ...stage,
    completions,
    done: next === undefined,
    ...(next === undefined
      ? { due: undefined, dueSource: undefined }
      : { due: next, dueSource: 'schedule' as const }),
    reminder: {},
  };
}

/** The date a reminder for the stage falls due, or undefined when none is owed. */
export function reminderDate(stage: StageProgress): string | undefined {
  if (stage.done || stage.due === undefined || stage.reminder.sentFor === stage.due)
    return undefined;
  const snoozed = stage.reminder.snoozedUntil;
  return snoozed !== undefined && snoozed > stage.due ? snoozed : stage.due;
}

/**
 * The earliest date any stage of a record needs a reminder: kept on the record as one
 * indexed field, so that a sweep finds due records with one range query.
 */
export function nextReminderOn(stages: StageProgress[]): string | undefined {
  return stages
    .map(reminderDate)
    .filter((date): date is string => date !== undefined)
    .sort()[0];
}

/** The earliest due date of a stage not yet done: for "what is due soon" lists. */
export function nextDueOn(stages: StageProgress[]): string | undefined {
  return stages
    .filter((stage) => !stage.done && stage.due !== undefined)
    .map((stage) => stage.due as string)
    .sort()[0];
}

/** The stages not done that are due on the earliest due date: what is next. */
export function nextDueStages(stages: StageProgress[]): number[] {
  const first = nextDueOn(stages);
  return first === undefined
    ? []
    : stages.filter((stage) => !stage.done && stage.due === first).map((stage) => stage.number);
}
