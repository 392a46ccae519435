import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { fail, ok, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import { type DashboardRow, PIPELINE_STATUSES, pipelineStatus } from './row.js';
import type { ViewContext } from './view.js';

const blankIsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

/** The filters every view takes, from the query string; the problem messages are plain words. */
export const dashboardFiltersSchema = z
  .object({
    from: optional(isoDateSchema),
    to: optional(isoDateSchema),
    status: optional(z.enum(PIPELINE_STATUSES)),
    theme: optional(z.coerce.number().int().min(1)),
    owner: optional(z.string().trim().max(200)),
    /** One record (contract) by its reference. */
    record: optional(z.string().trim().max(100)),
    page: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(100_000).default(1)),
  })
  .strip();
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

/** What to fix, said in words an officer reads, for each filter that can be wrong. */
const FIX: Record<string, string> = {
  from: 'The "from" date must be a real date, like 2026-04-01.',
  to: 'The "to" date must be a real date, like 2027-03-31.',
  status: 'The status must be draft, complete, awarded or closed.',
  theme: 'The theme must be one of the themes in the list.',
  owner: 'The owner must be one of the people in the list.',
  record: 'The record must be one of the records in the list.',
  page: 'The page must be a whole number from 1.',
};

/** Reads the filters, or says in plain words which one to fix. */
export function readFilters(query: Record<string, unknown>): Result<DashboardFilters> {
  const parsed = dashboardFiltersSchema.safeParse(query);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))];
    return fail(
      fields.map((field) => ({ path: field, message: FIX[field] ?? 'Check the filters.' })),
    );
  }
  const { from, to } = parsed.data;
  if (from !== undefined && to !== undefined && from > to) {
    return fail([{ path: 'to', message: 'The "to" date must be on or after the "from" date.' }]);
  }
  return ok(parsed.data);
}

/** The themes a record's chosen measures belong to. */
export function themesOf(row: Pick<DashboardRow, 'measures'>, pack: PolicyPack): number[] {
  const chosen = new Set(row.measures ?? []);
  return [...new Set(pack.framework.measures.filter((m) => chosen.has(m.id)).map((m) => m.theme))];
}

/** The rows the filters keep: started within the dates, of the status, theme, owner and record. */
export function applyFilters(
  rows: readonly DashboardRow[],
  filters: DashboardFilters,
  { pack, today }: ViewContext,
): DashboardRow[] {
  return rows.filter((row) => {
    const started = row.createdAt.slice(0, 10);
    if (filters.from !== undefined && started < filters.from) return false;
    if (filters.to !== undefined && started > filters.to) return false;
    if (filters.status !== undefined && pipelineStatus(row, today) !== filters.status) return false;
    if (filters.owner !== undefined && row.owner.id !== filters.owner) return false;
    if (filters.record !== undefined && row.id !== filters.record) return false;
    if (filters.theme !== undefined && !themesOf(row, pack).includes(filters.theme)) return false;
    return true;
  });
}
