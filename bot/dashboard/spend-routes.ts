import type restify from 'restify';
import { spendSheets } from '../../cards/dashboard/spend-export.js';
import { LEADS_ONLY } from '../../cards/dashboard/spend-words.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import {
  pageOf,
  readFilters,
  readSpendFilters,
  type SpendView,
  toCsv,
  type ViewAnswer,
  wholePage,
} from '../../core/dashboard/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import type { Person } from '../../core/record/index.js';
import { refuse } from '../http-answers.js';
import { spendData } from '../spend/spend-data.js';
import type { SpendStore } from '../spend/spend-store.js';
import { chartsOf, lookOf, queryOf, sendExport, viewsFor } from './answers.js';
import type { DashboardDeps } from './routes.js';
import type { SignedIn } from './sign-in.js';
import { addSpendUploads } from './spend-uploads.js';
import { addSpendWrites } from './spend-writes.js';

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

/** A spend view as JSON for the page, or as CSV or Excel: for procurement leads alone. */
export async function spendViewAnswer(
  deps: DashboardDeps,
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
    const data = await spendData(deps.spend, who.viewer.tenantId, view.needs);
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
      views: viewsFor(who),
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
  store: SpendStore,
  tenantId: string,
  context: { pack: PolicyPack; today: string },
) {
  const data = await spendData(store, tenantId, ['months', 'suppliers', 'plan', 'imports']);
  return spendSheets(data, context);
}

/** The spend baseline's writes and uploads, every one for leads alone. */
export function addSpendRoutes(server: restify.Server, deps: DashboardDeps): void {
  addSpendWrites(server, deps);
  addSpendUploads(server, deps);
}
