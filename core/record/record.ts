import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { draftSchema } from '../flow/draft.js';
import type { Assessment } from '../rules/assessment.js';
import { deliveryEntrySchema } from './delivery-entry.js';
import { kpiSetSchema } from './kpi-set.js';
import { performanceSchema } from './performance-record.js';
import { personSchema } from './person.js';
import { contractTermsSchema, stageProgressSchema } from './stages.js';

/** A commissioning record's reference: short and readable, unique within a tenant, e.g. SV-2026-0042. */
export const referenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^SV-\d{4}-\d{4,}$/, 'must look like SV-2026-0042');

export function formatReference(year: number, sequence: number): string {
  return `SV-${year}-${String(sequence).padStart(4, '0')}`;
}

const changeSchema = z.object({
  field: z.string(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const historyActionSchema = z.enum([
  'created',
  'answered',
  'saved',
  'went-back',
  'completed',
  'shared',
  'contract-set',
  'stage-due-set',
  'stage-done',
  'stage-snoozed',
  'reminder-sent',
  'supplier-rated',
  'discarded',
  'reassessed',
  'kpis-set',
  'delivery-recorded',
  'delivery-corrected',
  'performance-assessed',
  'contract-terminated',
  'performance-event-recorded',
]);
export type HistoryAction = z.infer<typeof historyActionSchema>;

/** One entry of the audit trail: who did what, when, and which answers changed. */
export const historyEntrySchema = z.object({
  at: z.iso.datetime(),
  by: personSchema,
  action: historyActionSchema,
  step: z.string().optional(),
  changes: z.array(changeSchema),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * A supplier status rating made at a review stage, with the evidence for each row.
 * `tier` is the rater's decision; `suggested` the tier the rubric suggested (absent in
 * ratings made before the rater decided), and `justification` why the two differ.
 */
export const supplierRatingSchema = z.object({
  stage: z.number().int(),
  supplier: z.string().min(1),
  tier: z.enum(['gold', 'silver', 'bronze', 'none']),
  suggested: z.enum(['gold', 'silver', 'bronze', 'none']).optional(),
  justification: z.string().optional(),
  rows: z.array(z.object({ id: z.string(), level: z.enum(['gold', 'silver', 'bronze', 'none']) })),
  evidence: z.string(),
  on: isoDateSchema,
  at: z.iso.datetime(),
  by: personSchema,
});
export type SupplierRating = z.infer<typeof supplierRatingSchema>;

/** The assessment as computed when the basics were answered; stored as it was, for the audit trail. */
const assessmentSchema = z.custom<Assessment>(
  (value) => typeof value === 'object' && value !== null && 'inScope' in value,
  'must be an assessment',
);

/**
 * One commissioning exercise. It is the wizard's state too: there is no second copy.
 * `revision` counts saved changes, so that a card shown from an older revision is
 * recognised as stale.
 */
export const commissioningRecordSchema = z.object({
  id: referenceSchema,
  kind: z.literal('record'),
  tenantId: z.string().min(1),
  title: z.string(),
  owner: personSchema,
  /** Ids alone, so that access checks and list queries need no join. */
  collaboratorIds: z.array(z.string()),
  collaborators: z.array(personSchema),
  /** A discarded draft stays stored for the audit trail, but is listed nowhere and never changed. */
  status: z.enum(['draft', 'complete', 'discarded']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.number().int().min(0),
  policy: z.object({ id: z.string(), version: z.string() }),
  draft: draftSchema,
  assessment: assessmentSchema.optional(),
  history: z.array(historyEntrySchema),
  /** After award: the date and length the review stages are planned from, and the supplier. */
  contract: contractTermsSchema.extend({ supplier: z.string().optional() }).optional(),
  /** Progress through the procurement stages; absent until the first stage is touched. */
  stages: z.array(stageProgressSchema).optional(),
  /** The earliest date a stage reminder is owed: the one field the reminder sweep queries. */
  nextReminderOn: isoDateSchema.optional(),
  /** The earliest due date of a stage not done: the field "due soon" lists query. */
  nextDueOn: isoDateSchema.optional(),
  /** The stages due on `nextDueOn`, for lists that show which stage is next without the stages. */
  nextDueStages: z.array(z.number().int()).optional(),
  ratings: z.array(supplierRatingSchema).optional(),
  /** The contract's KPIs (PA 2023 s.52), or why none could appropriately assess it. */
  kpis: kpiSetSchema.optional(),
  /** What the supplier delivered against each outcome, per period; corrections never overwrite. */
  delivery: z.array(deliveryEntrySchema).optional(),
  /** Performance assessments against the KPIs (PA 2023 s.71), termination and breach events. */
  performance: performanceSchema.optional(),
  /** Who discarded the draft, and when (the history says so too). */
  discarded: z.object({ by: personSchema, at: z.iso.datetime() }).optional(),
});

export type CommissioningRecord = z.infer<typeof commissioningRecordSchema>;
