import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import { boundedText, RECORD_TEXT_LIMITS } from '../flow/limits.js';
import { type PolicyPack, tierIdSchema } from '../policy/schema.js';
import { supplierTier } from '../rules/supplier-tier.js';
import { historyValue } from './changes.js';
import { withAssessmentDates } from './performance.js';
import type { Person } from './person.js';
import type { Change, CommissioningRecord, HistoryAction } from './record.js';
import {
  applySchedule,
  type ContractTerms,
  completeStage,
  contractTermsSchema,
  FUTURE,
  plannedDates,
  type StageProgress,
  stagesOf,
} from './stages.js';

/** Who acts, and when (an ISO date-time and the UK calendar date of it: core reads no clock). */
export interface Act {
  by: Person;
  at: string;
  today: string;
}

/**
 * The record with its stages changed. Its indexed dates count the next performance assessment
 * as well as the stages, so that the reminder sweep and `due` find an assessment owed.
 */
function withStages(
  record: CommissioningRecord,
  pack: PolicyPack,
  stages: StageProgress[],
  act: Act,
  action: HistoryAction,
  changes: Change[],
  extra: Partial<CommissioningRecord> = {},
): CommissioningRecord {
  return withAssessmentDates(
    {
      ...record,
      ...extra,
      stages,
      updatedAt: act.at,
      revision: record.revision + 1,
      history: [...record.history, { at: act.at, by: act.by, action, changes }],
    },
    pack,
  );
}

function stageNumber(pack: PolicyPack, value: unknown): Result<number> {
  const parsed = z
    .number({ error: 'must be a stage number' })
    .int('must be a whole stage number')
    .min(1, `must be a stage from 1 to ${pack.stages.length}`)
    .max(pack.stages.length, `must be a stage from 1 to ${pack.stages.length}`)
    .safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(problemsFromIssues(parsed.error.issues, 'stage'));
}

/**
 * Records the award date and contract length; the review stages get their default due
 * dates from the pack's schedule (a date the officer set is kept).
 */
export function setContractTerms(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const parsed = contractTermsSchema
    .extend({ supplier: boundedText(RECORD_TEXT_LIMITS.supplier).optional() })
    .strict()
    .safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const terms: ContractTerms = { awardDate: parsed.data.awardDate, months: parsed.data.months };
  const planned = plannedDates(pack, terms);
  if (!planned.ok) return planned;
  const stages = applySchedule(stagesOf(record, pack), planned.value);
  const supplier = parsed.data.supplier || record.contract?.supplier;
  const contract = { ...terms, ...(supplier ? { supplier } : {}) };
  return ok(
    withStages(
      record,
      pack,
      stages,
      act,
      'contract-set',
      [{ field: 'contract', from: record.contract, to: contract }],
      {
        contract,
      },
    ),
  );
}

/** The officer sets or changes a stage's due date; the schedule no longer moves it. */
export function setStageDue(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: { stage: unknown; due: unknown },
  act: Act,
): Result<CommissioningRecord> {
  const number = stageNumber(pack, input.stage);
  const due = isoDateSchema.safeParse(input.due);
  const problems = [
    ...(number.ok ? [] : number.problems),
    ...(due.success ? [] : problemsFromIssues(due.error.issues, 'due')),
  ];
  if (!number.ok || !due.success) return fail(problems);
  const stages = stagesOf(record, pack).map((stage) =>
    stage.number === number.value
      ? { ...stage, due: due.data, dueSource: 'officer' as const, done: false, reminder: {} }
      : stage,
  );
  const before = stagesOf(record, pack).find((s) => s.number === number.value)?.due;
  return ok(
    withStages(record, pack, stages, act, 'stage-due-set', [
      { field: `stage ${number.value} due`, ...(before ? { from: before } : {}), to: due.data },
    ]),
  );
}

const doneInputSchema = z.strictObject({
  stage: z.unknown(),
  on: isoDateSchema,
  note: boundedText(RECORD_TEXT_LIMITS.stageNote),
});

/** Marks a stage done with its date and note; a recurring review moves on to its next date. */
export function markStageDone(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const parsed = doneInputSchema.safeParse(input);
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const number = stageNumber(pack, raw.stage);
  const problems = [
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
    ...(number.ok ? [] : number.problems),
  ];
  // Checked apart from the rest, so that a note too long and a date in the future are both told.
  const on = isoDateSchema.safeParse(raw.on);
  if (on.success && on.data > act.today) {
    problems.push({ path: 'on', message: FUTURE });
  }
  if (!parsed.success || !number.ok || problems.length > 0) return fail(problems);
  const planned = record.contract ? plannedDates(pack, record.contract) : undefined;
  const schedule = planned?.ok ? planned.value.get(number.value) : undefined;
  const current = stagesOf(record, pack).find((s) => s.number === number.value);
  const stages = stagesOf(record, pack).map((stage) =>
    stage.number === number.value
      ? completeStage(
          stage,
          {
            ...(stage.due ? { due: stage.due } : {}),
            on: parsed.data.on,
            note: parsed.data.note,
            by: act.by,
            at: act.at,
          },
          schedule,
        )
      : stage,
  );
  const after = stages.find((s) => s.number === number.value);
  return ok(
    withStages(record, pack, stages, act, 'stage-done', [
      {
        field: `stage ${number.value} done`,
        to: { on: parsed.data.on, note: historyValue(parsed.data.note) },
      },
      ...(after?.due && after.due !== current?.due
        ? [
            {
              field: `stage ${number.value} due`,
              ...(current?.due ? { from: current.due } : {}),
              to: after.due,
            },
          ]
        : []),
    ]),
  );
}

/** Puts a stage's reminder off until the given date (a snooze). */
export function snoozeStage(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: { stage: unknown; until: unknown },
  act: Act,
): Result<CommissioningRecord> {
  const number = stageNumber(pack, input.stage);
  const until = isoDateSchema.safeParse(input.until);
  if (!number.ok || !until.success) {
    return fail([
      ...(number.ok ? [] : number.problems),
      ...(until.success ? [] : problemsFromIssues(until.error.issues, 'until')),
    ]);
  }
  const stages = stagesOf(record, pack).map((stage) =>
    stage.number === number.value
      ? { ...stage, reminder: { ...stage.reminder, snoozedUntil: until.data, sentFor: undefined } }
      : stage,
  );
  return ok(
    withStages(record, pack, stages, act, 'stage-snoozed', [
      { field: `stage ${number.value} reminder`, to: `snoozed until ${until.data}` },
    ]),
  );
}

/** The stages at which the pack has the supplier rated: review stages it marks so. */
export const ratingStages = (pack: PolicyPack): number[] =>
  pack.stages.filter((stage) => stage.review && stage.ratesSupplier).map((stage) => stage.number);

/**
 * Why a record's supplier cannot be rated yet, or undefined when it can: a rating rests on a
 * finished pre-commissioning record whose contract has been awarded.
 */
export type RatingRefusal = 'discarded' | 'unfinished' | 'not-awarded' | 'no-rating-stages';

export function ratingRefusal(
  record: CommissioningRecord,
  pack: PolicyPack,
): RatingRefusal | undefined {
  if (record.status === 'discarded') return 'discarded';
  if (record.status !== 'complete') return 'unfinished';
  if (!record.contract) return 'not-awarded';
  if (ratingStages(pack).length === 0) return 'no-rating-stages';
  return undefined;
}

function ratingInputSchema(pack: PolicyPack) {
  const stages = ratingStages(pack);
  return z.strictObject({
    stage: z.unknown().refine((value) => typeof value === 'number' && stages.includes(value), {
      message: `must be one of the stages at which suppliers are rated: ${stages.join(', ')}`,
    }),
    supplier: boundedText(RECORD_TEXT_LIMITS.supplier).pipe(
      z.string().min(1, 'Enter the supplier’s name'),
    ),
    rows: z.record(z.string(), z.unknown()),
    evidence: boundedText(RECORD_TEXT_LIMITS.ratingEvidence).pipe(
      z.string().min(1, 'Describe the evidence for the rating'),
    ),
    /** The rater's decision: the suggested tier unless another of the pack's tiers is chosen. */
    decision: z
      .union([z.literal('suggested'), tierIdSchema], {
        error: 'Choose the suggested tier or another tier',
      })
      .default('suggested'),
    justification: boundedText(RECORD_TEXT_LIMITS.ratingEvidence).optional(),
  });
}

/**
 * Rates the supplier at a review stage. A tier describes overall behaviours, so the
 * rubric only suggests a tier (by the pack's stated rule); the rater confirms it, or chooses
 * another with a justification. The suggestion, the decision and the evidence go into the
 * record and its history.
 */
export function rateSupplier(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const refusal = ratingRefusal(record, pack);
  if (refusal) return fail([{ path: 'record', message: refusal }]);
  const parsed = ratingInputSchema(pack).safeParse(input);
  const rows =
    typeof input === 'object' && input !== null
      ? (input as Record<string, unknown>).rows
      : undefined;
  const tier = supplierTier(pack, rows ?? {});
  const problems = [
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
    ...(tier.ok
      ? []
      : tier.problems.map((p) => ({
          ...p,
          // '(input)' is the rows value as a whole: not an object of ratings.
          path: p.path === '(input)' ? 'rows' : `rows.${p.path}`,
        }))),
  ];
  if (parsed.success && tier.ok) {
    const { decision, justification } = parsed.data;
    if (decision !== 'suggested' && decision !== tier.value.tier && !justification) {
      problems.push({
        path: 'justification',
        message: `is required: the rubric suggests ${tier.value.label}; say why the supplier gets another tier`,
      });
    }
  }
  if (!parsed.success || !tier.ok || problems.length > 0) return fail(problems);
  const suggested = tier.value.tier;
  const decided = parsed.data.decision === 'suggested' ? suggested : parsed.data.decision;
  const { justification } = parsed.data;
  const labelOf = (id: string): string =>
    pack.supplierStatus.tiers.find((t) => t.id === id)?.label ?? id;
  const rating = {
    stage: parsed.data.stage as number,
    supplier: parsed.data.supplier,
    tier: decided,
    suggested,
    ...(decided !== suggested && justification ? { justification } : {}),
    rows: tier.value.rows.map((row) => ({ id: row.id, level: row.level })),
    evidence: parsed.data.evidence,
    on: act.today,
    at: act.at,
    by: act.by,
  };
  return ok({
    ...record,
    ratings: [...(record.ratings ?? []), rating],
    updatedAt: act.at,
    revision: record.revision + 1,
    history: [
      ...record.history,
      {
        at: act.at,
        by: act.by,
        action: 'supplier-rated',
        changes: [
          { field: `supplier ${rating.supplier} suggested tier`, to: tier.value.label },
          {
            field: `supplier ${rating.supplier}`,
            to: `${labelOf(decided)} at stage ${rating.stage}${decided === suggested ? ', as suggested' : ''}`,
          },
          ...(rating.justification
            ? [{ field: `supplier ${rating.supplier} justification`, to: rating.justification }]
            : []),
        ],
      },
    ],
  });
}
