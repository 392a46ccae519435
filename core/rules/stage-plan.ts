import { z } from 'zod';
import { addMonths, isoDateSchema } from '../common/dates.js';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import type { PolicyPack, Stage } from '../policy/schema.js';

/** Contracts longer than this are refused as a typing slip; it also bounds the dates planned. */
export const MAX_CONTRACT_MONTHS = 600;

export const stagePlanInputSchema = z.strictObject({
  awardDate: isoDateSchema,
  contractMonths: z
    .number({ error: 'must be a whole number of months' })
    .int('must be a whole number of months')
    .min(1, 'must be at least 1 month')
    .max(MAX_CONTRACT_MONTHS, `must be at most ${MAX_CONTRACT_MONTHS} months`),
});

export interface PlannedStage {
  number: number;
  name: string;
  action: string;
  citation: string;
  review: boolean;
  /** Default due dates from the pack's schedule; empty where the officer sets them. */
  dueDates: string[];
  schedule?: { text: string; citation: string };
}

export interface StagePlan {
  awardDate: string;
  endDate: string;
  stages: PlannedStage[];
}

/**
 * The pack's stages with default due dates for the review stages, from the award date and the
 * contract's length. A schedule counted from the award repeats until the contract ends; one
 * counted back from the end falls no earlier than the award.
 */
export function stagePlan(pack: PolicyPack, input: unknown): Result<StagePlan> {
  const parsed = stagePlanInputSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const { awardDate, contractMonths } = parsed.data;
  const endDate = addMonths(awardDate, contractMonths);
  return ok({
    awardDate,
    endDate,
    stages: pack.stages.map((stage) => ({
      number: stage.number,
      name: stage.name,
      action: stage.action,
      citation: stage.citation,
      review: stage.review,
      dueDates: dueDates(stage, awardDate, endDate, contractMonths),
      ...(stage.schedule
        ? { schedule: { text: stage.schedule.text, citation: stage.schedule.citation } }
        : {}),
    })),
  });
}

function dueDates(
  stage: Stage,
  awardDate: string,
  endDate: string,
  contractMonths: number,
): string[] {
  const schedule = stage.schedule;
  if (!schedule) return [];
  if (schedule.from === 'end') {
    const due = addMonths(endDate, schedule.months);
    return [due < awardDate ? awardDate : due];
  }
  const dates: string[] = [];
  const step = schedule.everyMonths;
  for (
    let offset = schedule.months;
    offset <= contractMonths;
    offset += step ?? contractMonths + 1
  ) {
    // Counted from the award each time, so that a 31st does not drift to the 28th.
    dates.push(addMonths(awardDate, offset));
    if (step === undefined) break;
  }
  return dates.length > 0 ? dates : [endDate];
}
