import { z } from 'zod';
import { fail, ok, type Result } from '../common/result.js';
import { personSchema } from '../record/person.js';

/** What the Action Plan sets a target for: the share of spend with SMEs, and with local suppliers. */
export const SPEND_TARGET_MEASURES = ['sme', 'local'] as const;
export type SpendTargetMeasure = (typeof SPEND_TARGET_MEASURES)[number];

/** One setting of a target: who set which share for which financial year, and when. */
export const spendTargetSchema = z.object({
  /** The financial year, by the calendar year it starts in (2025 is 2025-26). */
  year: z.number().int().min(2000).max(2100),
  measure: z.enum(SPEND_TARGET_MEASURES),
  /** A share of the year's spend, 0 to 1. */
  share: z.number().min(0).max(1),
  setBy: personSchema,
  setAt: z.string().min(1),
  note: z.string().trim().max(500).optional(),
});

export type SpendTarget = z.infer<typeof spendTargetSchema>;

/**
 * The Action Plan's targets: every setting ever made, oldest first. The latest for a year and
 * measure is the one in force; the earlier ones are its history, kept for the audit trail.
 */
export const actionPlanSchema = z.object({
  settings: z.array(spendTargetSchema),
});

export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const EMPTY_ACTION_PLAN: ActionPlan = { settings: [] };

/** The target in force for a year and measure, or undefined when none was ever set. */
export function targetFor(
  plan: ActionPlan,
  year: number,
  measure: SpendTargetMeasure,
): SpendTarget | undefined {
  return plan.settings.findLast((s) => s.year === year && s.measure === measure);
}

/** Every setting for a year and measure, newest first: the target's history. */
export function targetHistory(
  plan: ActionPlan,
  year: number,
  measure: SpendTargetMeasure,
): SpendTarget[] {
  return plan.settings.filter((s) => s.year === year && s.measure === measure).reverse();
}

export interface TargetInput {
  year: number;
  measure: SpendTargetMeasure;
  /** A percentage as an officer types it, 0 to 100. */
  percent: number;
  note?: string;
}

/**
 * The plan with one more setting. A setting equal to the one in force changes nothing, so a
 * form sent twice is recorded once.
 */
export function setTarget(
  plan: ActionPlan,
  input: TargetInput,
  setBy: z.infer<typeof personSchema>,
  setAt: string,
): Result<{ plan: ActionPlan; changed: boolean }> {
  if (!Number.isFinite(input.percent) || input.percent < 0 || input.percent > 100)
    return fail([
      { path: 'percent', message: 'Enter the target as a percentage from 0 to 100, such as 35.' },
    ]);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    return fail([{ path: 'year', message: 'Choose the financial year the target is for.' }]);
  const share = Math.round(input.percent * 100) / 10000;
  const current = targetFor(plan, input.year, input.measure);
  if (current?.share === share && (current.note ?? '') === (input.note ?? ''))
    return ok({ plan, changed: false });
  const setting: SpendTarget = {
    year: input.year,
    measure: input.measure,
    share,
    setBy,
    setAt,
    ...(input.note ? { note: input.note } : {}),
  };
  return ok({ plan: { settings: [...plan.settings, setting] }, changed: true });
}
