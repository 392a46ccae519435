import { z } from 'zod';
import { fail, ok, type Result } from '../common/result.js';
import type { Person } from '../record/person.js';
import type { SpendImport } from '../spend/import-record.js';
import type { Supplier } from '../spend/suppliers.js';
import type { ActionPlan } from '../spend/targets.js';
import type { PayeeMonth } from '../spend/totals.js';
import type { SpendPart } from './api.js';
import type { ViewContext, ViewResult } from './view.js';

/** A supplier as the store keeps it: the list's fields, and what a save needs and shows. */
export type SpendSupplier = Supplier & {
  key: string;
  etag?: string;
  updatedBy?: Person;
  updatedAt?: string;
};

/** An import in force, as the store keeps it: the file read, who imported it, which it replaced. */
export type SpendImportLine = SpendImport & {
  importedBy: Person;
  importedAt: string;
  replaces: string[];
  /** Bad rows left out (the first of them are listed in skippedLines). */
  skippedRows: number;
};

/** What the spend views are built from: the tenant's payee-month totals, suppliers, plan and imports. */
export interface SpendData {
  months: readonly PayeeMonth[];
  suppliers: readonly SpendSupplier[];
  plan: ActionPlan;
  planEtag?: string;
  imports: readonly SpendImportLine[];
}

/** What a spend view reads of the store: each view loads only what it shows. */
export type SpendNeed = 'months' | 'suppliers' | 'plan' | 'imports';

/** The choices a spend view takes from the query string. */
export const spendFiltersSchema = z
  .object({
    /** A financial year, by the calendar year it starts in. */
    year: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(2000).max(2100).optional(),
    ),
    /** The suppliers page: those to fill in (the default), or every supplier. */
    show: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(['missing', 'all']).default('missing'),
    ),
    page: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(1).max(100_000).default(1),
    ),
  })
  .strip();
export type SpendFilters = z.infer<typeof spendFiltersSchema>;

const FIX: Record<string, string> = {
  year: 'Choose a financial year from the list.',
  show: 'Choose to show the suppliers to fill in, or every supplier.',
  page: 'The page must be a whole number from 1.',
};

/** Reads a spend view's choices, or says in plain words which one to fix. */
export function readSpendFilters(query: Record<string, unknown>): Result<SpendFilters> {
  const parsed = spendFiltersSchema.safeParse(query);
  if (parsed.success) return ok(parsed.data);
  const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))];
  return fail(
    fields.map((field) => ({ path: field, message: FIX[field] ?? 'Check the choices.' })),
  );
}

export interface SpendViewContext extends ViewContext {
  filters: SpendFilters;
}

export interface SpendViewResult extends ViewResult {
  /** What the page shows beside the tables: the year chosen, notes, forms. */
  part: SpendPart;
  /** Rows the detail table shows a page at a time. */
  pageSize?: number;
}

/** A view of the spend baseline, for procurement leads alone: one file that exports one of these. */
export interface SpendView {
  id: string;
  title: string;
  summary: string;
  needs: readonly SpendNeed[];
  build(data: SpendData, context: SpendViewContext): SpendViewResult;
}
