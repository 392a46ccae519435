import { z } from 'zod';
import { type Answers, measureTargetSchema } from '../flow/draft.js';
import { contractEnd } from '../record/performance.js';
import { commissioningRecordSchema } from '../record/record.js';

/**
 * The fields of a record the dashboard reads, as its one query projects them: no history,
 * no other answers. Measures, value and targets come from the draft's answers.
 */
export const dashboardRowSchema = commissioningRecordSchema
  .pick({
    id: true,
    tenantId: true,
    title: true,
    owner: true,
    collaboratorIds: true,
    status: true,
    createdAt: true,
    updatedAt: true,
    policy: true,
    contract: true,
    stages: true,
    ratings: true,
    kpis: true,
    delivery: true,
    performance: true,
  })
  .extend({
    /** The measures the officer chose (their themes follow from them). */
    measures: z.array(z.string()).optional().catch(undefined),
    /** The estimated contract value, in pounds. */
    estimatedValue: z.number().optional().catch(undefined),
    /** The target set for each chosen measure. */
    targets: z.array(measureTargetSchema).optional().catch(undefined),
  });
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

/**
 * The query's SELECT list for these fields: kept beside the schema, so that the two name the
 * same fields.
 */
export const DASHBOARD_PROJECTION = [
  'c.id',
  'c.tenantId',
  'c.title',
  'c.owner',
  'c.collaboratorIds',
  'c.status',
  'c.createdAt',
  'c.updatedAt',
  'c.policy',
  'c.contract',
  'c.stages',
  'c.ratings',
  'c.kpis',
  'c.delivery',
  'c.performance',
  'c.draft.answers.measures AS measures',
  'c.draft.answers["value"] AS estimatedValue',
  'c.draft.answers.outcomeTargets AS targets',
].join(', ');

/**
 * Where a record stands on the dashboard: awarded is a complete record with an award date;
 * closed is an awarded one whose contract was terminated, or whose end date has passed (the
 * contract runs to the end of its end date, as `progress` reads it).
 */
export type PipelineStatus = 'draft' | 'complete' | 'awarded' | 'closed';
export const PIPELINE_STATUSES: readonly PipelineStatus[] = [
  'draft',
  'complete',
  'awarded',
  'closed',
];

export function pipelineStatus(
  row: Pick<DashboardRow, 'status' | 'contract' | 'performance'>,
  today: string,
): PipelineStatus {
  if (row.status !== 'complete') return 'draft';
  if (row.contract === undefined) return 'complete';
  if (row.performance?.termination !== undefined) return 'closed';
  const end = contractEnd(row);
  return end !== undefined && end < today ? 'closed' : 'awarded';
}

/**
 * A row as the record functions read it (`progress`, `nextAssessmentDue`): the targets the
 * query projected stand in for the draft's answers.
 */
export const recordParts = (row: DashboardRow): DashboardRow & { draft: { answers: Answers } } => ({
  ...row,
  draft: { answers: row.targets ? { outcomeTargets: row.targets } : {} },
});
