import type { Readable } from 'node:stream';
import type restify from 'restify';
import { spendSheets } from '../../cards/dashboard/spend-export.js';
import { LEADS_ONLY } from '../../cards/dashboard/spend-words.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import type { Result } from '../../core/common/result.js';
import {
  pageOf,
  readFilters,
  readSpendFilters,
  type SpendData,
  type SpendImportLine,
  type SpendNeed,
  type SpendSupplier,
  type SpendView,
  toCsv,
  type ViewAnswer,
  wholePage,
} from '../../core/dashboard/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import type { Person } from '../../core/record/index.js';
import type { ColumnMapping } from '../../core/spend/columns.js';
import type { BadRow } from '../../core/spend/rows.js';
import type { Supplier } from '../../core/spend/suppliers.js';
import { type ActionPlan, EMPTY_ACTION_PLAN } from '../../core/spend/targets.js';
import type { CheckedSpend, PayeeMonth } from '../../core/spend/totals.js';
import { refuse } from '../http-answers.js';
import { chartsOf, lookOf, queryOf, sendExport, viewsFor } from './answers.js';
import type { DashboardDeps } from './routes.js';
import type { SignedIn } from './sign-in.js';
import { addSpendUploads } from './spend-uploads.js';
import { addSpendWrites } from './spend-writes.js';

/** A payment file read and checked, named by the hash of its bytes. */
export type CheckedSpendFile = CheckedSpend & { id: string; fileName: string; bytes: number };

/** A supplier list read and checked. */
export interface CheckedSupplierFile {
  id: string;
  fileName: string;
  bytes: number;
  suppliers: Supplier[];
  columns: { field: string; header: string }[];
  badRows: BadRow[];
  badRowCount: number;
}

export interface FileLimits {
  bytes: number;
  rows: number;
}

/** What the spend views and writes need of the store (bot/spend/spend-store.ts). */
export interface SpendStoreApi {
  imports(tenantId: string): Promise<SpendImportLine[]>;
  preview(
    tenantId: string,
    file: CheckedSpendFile,
  ): Promise<{
    alreadyImported: boolean;
    wouldReplace: SpendImportLine[];
    overlapping: SpendImportLine[];
  }>;
  commit(
    tenantId: string,
    file: CheckedSpendFile,
    options: { by: Person; at: string },
  ): Promise<{
    outcome: 'imported' | 'unchanged';
    import: SpendImportLine;
    replaced: SpendImportLine[];
  }>;
  months(tenantId: string): Promise<PayeeMonth[]>;
  suppliers(tenantId: string): Promise<SpendSupplier[]>;
  importSuppliers(
    tenantId: string,
    suppliers: Supplier[],
    by: Person,
    at: string,
  ): Promise<{ added: number; updated: number; unchanged: number }>;
  saveSupplier(
    tenantId: string,
    key: string | undefined,
    supplier: Supplier,
    by: Person,
    at: string,
    etag?: string,
  ): Promise<SpendSupplier>;
  actionPlan(tenantId: string): Promise<{ plan: ActionPlan; etag?: string }>;
  saveActionPlan(tenantId: string, plan: ActionPlan, etag?: string): Promise<void>;
}

/** The spend baseline's store and its file readers (bot/spend/). */
export interface SpendDeps {
  store: SpendStoreApi;
  readSpendFile(
    input: Readable,
    options: {
      fileName: string;
      mapping?: ColumnMapping;
      skipBadRows?: boolean;
      limits?: FileLimits;
    },
  ): Promise<Result<CheckedSpendFile>>;
  readSupplierFile(
    input: Readable,
    options: { fileName: string; limits?: FileLimits },
  ): Promise<Result<CheckedSupplierFile>>;
  /** Tells a stale save apart from a failure. */
  isStale(error: unknown): boolean;
  limits: FileLimits;
}

/** The person acting, for the audit trail: their id and the name their token gives. */
export const personOf = (who: SignedIn): Person => ({ id: who.viewer.userId, name: who.name });

/**
 * Runs `work` for a procurement lead; anyone else is refused with 403 and plain words, before
 * anything of the spend baseline is read. The request's body is left unread.
 */
export async function asLead(
  who: SignedIn,
  res: restify.Response,
  work: () => Promise<void>,
): Promise<void> {
  if (!who.viewer.isProcurementLead) return refuse(res, 403, LEADS_ONLY);
  await work();
}

/** What a view reads of the store, each part only when the view shows it. */
export async function spendData(
  store: SpendStoreApi,
  tenantId: string,
  needs: readonly SpendNeed[],
): Promise<SpendData> {
  const need = (part: SpendNeed) => needs.includes(part);
  const [months, suppliers, plan, imports] = await Promise.all([
    need('months') ? store.months(tenantId) : [],
    need('suppliers') ? store.suppliers(tenantId) : [],
    need('plan')
      ? store.actionPlan(tenantId)
      : ({ plan: EMPTY_ACTION_PLAN } as { plan: ActionPlan; etag?: string }),
    need('imports') ? store.imports(tenantId) : [],
  ]);
  return {
    months,
    suppliers,
    plan: plan.plan,
    ...(plan.etag ? { planEtag: plan.etag } : {}),
    imports,
  };
}

/** A spend view as JSON for the page, or as CSV or Excel: for procurement leads alone. */
export async function spendViewAnswer(
  deps: DashboardDeps,
  spend: SpendDeps,
  view: SpendView,
  {
    who,
    pack,
    req,
    res,
    extension,
  }: {
    who: SignedIn;
    pack: PolicyPack;
    req: restify.Request;
    res: restify.Response;
    extension: string;
  },
): Promise<void> {
  await asLead(who, res, async () => {
    const params = queryOf(req);
    const filters = readSpendFilters(params);
    if (!filters.ok) return refuse(res, 400, filters.problems.map((p) => p.message).join(' '));
    const today = isoDateInLondon(deps.clock());
    const data = await spendData(spend.store, who.viewer.tenantId, view.needs);
    const built = view.build(data, { pack, today, filters: filters.value });
    if (await sendExport(res, extension, built, `dashboard-${view.id}`, today, toCsv)) {
      deps.logger.info('dashboard.exported', { view: view.id, extension });
      return;
    }
    const size = built.pageSize;
    const detail = built.tables.find((t) => t.id === built.detail);
    const paged = detail ? pageOf(detail, filters.value.page, size) : undefined;
    const part = { ...built.part };
    // The suppliers' forms are the detail table's rows: the same page of them.
    if (part.suppliers && paged && size) {
      const from = (paged.page - 1) * size;
      part.suppliers = part.suppliers.slice(from, from + size);
    }
    const answer: ViewAnswer = {
      view: { id: view.id, title: view.title, summary: view.summary },
      views: viewsFor(who, true),
      viewer: { name: who.name, isProcurementLead: true },
      filters: (readFilters({}) as { ok: true; value: ViewAnswer['filters'] }).value,
      choices: { statuses: [], themes: [], owners: [], records: [] },
      charts: await chartsOf(built, lookOf(params.look)),
      tables: built.tables.map((table) =>
        table.id === built.detail && paged ? paged : wholePage(table),
      ),
      detail: built.detail,
      today,
      spend: part,
    };
    res.header('cache-control', 'no-store');
    res.json(answer);
  });
}

/** The spend sheets of a lead's full workbook. */
export async function spendExportSheets(
  spend: SpendDeps,
  tenantId: string,
  context: { pack: PolicyPack; today: string },
) {
  const data = await spendData(spend.store, tenantId, ['months', 'suppliers', 'plan', 'imports']);
  return spendSheets(data, context);
}

/** The spend baseline's writes and uploads, every one for leads alone. */
export function addSpendRoutes(
  server: restify.Server,
  deps: DashboardDeps,
  spend: SpendDeps,
): void {
  addSpendWrites(server, deps, spend);
  addSpendUploads(server, deps, spend);
}
