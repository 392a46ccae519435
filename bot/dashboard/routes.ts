import type restify from 'restify';
import { EXPORT_SHEETS } from '../../cards/dashboard/full-export.js';
import { spendViewById } from '../../cards/dashboard/spend-views.js';
import { viewById } from '../../cards/dashboard/views.js';
import { STATUS_WORDS } from '../../cards/dashboard/words.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import {
  applyFilters,
  type DashboardRow,
  PIPELINE_STATUSES,
  pageOf,
  readFilters,
  toCsv,
  type ViewAnswer,
  wholePage,
} from '../../core/dashboard/index.js';
import type { Policies } from '../../core/flow/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import type { PageAssets } from '../../web/assets.js';
import type { Config } from '../config.js';
import { refuse } from '../http-answers.js';
import { PLAYGROUND_TENANT_ID } from '../local/playground.js';
import { errorMessage, type Logger } from '../log.js';
import type { SpendStore } from '../spend/spend-store.js';
import type { RecordStore } from '../store/records.js';
import { chartsOf, lookOf, queryOf, sendExport, sendXlsx, viewsFor } from './answers.js';
import { LOCAL_PATH, type LocalPerson, type LocalSignIn } from './local-sign-in.js';
import { bearerToken, type SignedIn, type TokenVerifier } from './sign-in.js';
import { addSpendRoutes, spendExportSheets, spendViewAnswer } from './spend-routes.js';

export interface DashboardDeps {
  config: Config;
  records: RecordStore;
  /** The spend baseline's imports, suppliers and Action Plan. */
  spend: SpendStore;
  policies: Policies;
  clock: () => Date;
  logger: Logger;
  page: PageAssets;
  /** Undefined when no sign-in is set up: every data request is refused. */
  verifier?: TokenVerifier;
  /** The local sign-in, outside production only. */
  local?: { signIn: LocalSignIn; issue(person: LocalPerson): Promise<string> };
}

const NO_SIGN_IN =
  'Sign in to see the dashboard: open it from the Dashboard tab in Microsoft Teams, which signs you in.';
const NOT_SET_UP =
  'Sign-in to the dashboard is not set up on this bot yet: ask whoever runs the bot to set it up.';
const NO_PACK = 'Your organisation has no policy pack on this bot, so there is nothing to show.';
const NO_VIEW = 'There is no such view of the dashboard. Choose one of its tabs.';
const NOT_LISTED = 'Choose one of the people listed.';

/**
 * Teams shows a tab in a frame of its own pages: only they (and this bot) may frame it. Nothing
 * is loaded from anywhere but the bot; charts arrive as SVG text shown through blob images.
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com",
};

/** The dashboard: its page and assets, the data API and exports, and the local sign-in. */
export function addDashboardRoutes(server: restify.Server, deps: DashboardDeps): void {
  server.get('/dashboard', async (_req, res) => {
    res.writeHead(200, PAGE_HEADERS);
    res.end(deps.page.html);
  });

  server.get('/dashboard/assets/:name', async (req, res) => {
    const file = deps.page.files.get(String(req.params.name));
    if (!file) return refuse(res, 404);
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(file.body);
  });

  if (deps.local) addLocalSignIn(server, deps, deps.local);

  server.get('/api/dashboard/export.xlsx', async (req, res) => {
    await signedIn(deps, req, res, async (who, pack, rows) => {
      const today = isoDateInLondon(deps.clock());
      const sheets = EXPORT_SHEETS.map((sheet) => ({
        name: sheet.name,
        table: sheet.table(rows, { pack, today }),
      }));
      // A lead's workbook holds the spend baseline too; no one else's does.
      const spend = who.viewer.isProcurementLead
        ? await spendExportSheets(deps.spend, who.viewer.tenantId, { pack, today })
        : [];
      await sendXlsx(res, [...sheets, ...spend], 'social-value-records', today);
      deps.logger.info('dashboard.exported', { view: 'all', lead: who.viewer.isProcurementLead });
    });
  });

  addSpendRoutes(server, deps);

  server.get('/api/dashboard/:file', async (req, res) => {
    const [id = '', extension = 'json', ...rest] = String(req.params.file).split('.');
    const view = viewById(id);
    const spendView = spendViewById(id);
    if ((!view && !spendView) || rest.length > 0 || !['json', 'csv', 'xlsx'].includes(extension)) {
      return refuse(res, 404, NO_VIEW);
    }
    if (spendView) {
      return asSignedIn(deps, req, res, (who, pack) =>
        spendViewAnswer(deps, spendView, { who, pack, req, res, extension }),
      );
    }
    if (!view) return;
    await signedIn(deps, req, res, async (who, pack, all) => {
      const params = queryOf(req);
      const filters = readFilters(params);
      if (!filters.ok) return refuse(res, 400, filters.problems.map((p) => p.message).join(' '));
      const today = isoDateInLondon(deps.clock());
      const context = { pack, today };
      const rows = applyFilters(all, filters.value, context);
      const built = view.build(rows, context);
      if (await sendExport(res, extension, built, `dashboard-${view.id}`, today, toCsv)) return;
      const answer: ViewAnswer = {
        view: { id: view.id, title: view.title, summary: view.summary },
        views: viewsFor(who),
        viewer: { name: who.name, isProcurementLead: who.viewer.isProcurementLead },
        filters: filters.value,
        choices: choicesOf(all, pack),
        charts: await chartsOf(built, lookOf(params.look)),
        tables: built.tables.map((table) =>
          table.id === built.detail ? pageOf(table, filters.value.page) : wholePage(table),
        ),
        detail: built.detail,
        today,
      };
      res.header('cache-control', 'no-store');
      res.json(answer);
    });
  });
}

/**
 * The filters' lists: every status, the pack's themes, the owners of the records seen, and
 * the awarded records (a contract to look at on its own).
 */
function choicesOf(rows: readonly DashboardRow[], pack: PolicyPack): ViewAnswer['choices'] {
  const owners = new Map(rows.map((row) => [row.owner.id, row.owner.name]));
  const contracts = rows.filter((row) => row.contract !== undefined);
  return {
    records: contracts
      .map((row) => ({ value: row.id, label: `${row.id}: ${row.title}` }))
      .sort((a, b) => a.value.localeCompare(b.value)),
    statuses: PIPELINE_STATUSES.map((status) => ({ value: status, label: STATUS_WORDS[status] })),
    themes: pack.themes.map((theme) => ({ value: String(theme.id), label: theme.name })),
    owners: [...owners]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/**
 * Runs `work` for a request with a valid sign-in token, with the tenant's pack; anything else
 * is 401 with plain words and no data. The token is never logged, nor is any internal error
 * text ever answered.
 */
export async function asSignedIn(
  deps: DashboardDeps,
  req: restify.Request,
  res: restify.Response,
  work: (who: SignedIn, pack: PolicyPack) => Promise<void>,
): Promise<void> {
  if (!deps.verifier) return refuse(res, 401, NOT_SET_UP);
  const token = bearerToken(req.header('authorization'));
  if (!token) return refuse(res, 401, NO_SIGN_IN);
  const checked = await deps.verifier.verify(token);
  if (!checked.ok) {
    deps.logger.warn('dashboard.refused', { reason: checked.reason });
    return refuse(res, 401, NO_SIGN_IN);
  }
  const who = checked.signedIn;
  const flow = deps.policies.forTenant(who.viewer.tenantId, isoDateInLondon(deps.clock()));
  if (!flow) return refuse(res, 403, NO_PACK);
  try {
    await work(who, flow.pack);
  } catch (error) {
    deps.logger.error('dashboard.failed', { error: errorMessage(error) });
    if (!res.headersSent) refuse(res, 500);
  }
}

/** As asSignedIn, with the records the viewer may see. */
function signedIn(
  deps: DashboardDeps,
  req: restify.Request,
  res: restify.Response,
  work: (who: SignedIn, pack: PolicyPack, rows: DashboardRow[]) => Promise<void>,
): Promise<void> {
  return asSignedIn(deps, req, res, async (who, pack) =>
    work(who, pack, await deps.records.dashboardRows(who.viewer)),
  );
}

function addLocalSignIn(
  server: restify.Server,
  deps: DashboardDeps,
  local: NonNullable<DashboardDeps['local']>,
): void {
  // The key server, shaped as Entra's: {authority}/{tenant}/discovery/v2.0/keys.
  server.get(`${LOCAL_PATH}/:tenant/discovery/v2.0/keys`, async (_req, res) => {
    res.json(local.signIn.jwks());
  });
  server.get(`${LOCAL_PATH}/people`, async (_req, res) => {
    res.json({ people: await localPeople(deps) });
  });
  server.post(`${LOCAL_PATH}/sign-in`, async (req, res) => {
    const body = (req.body ?? {}) as { tenantId?: unknown; userId?: unknown };
    const person = (await localPeople(deps)).find(
      (p) => p.tenantId === body.tenantId && p.userId === body.userId,
    );
    if (!person) return refuse(res, 400, NOT_LISTED);
    res.json({ token: await local.issue(person) });
  });
}

/**
 * The owners in the local data, and in each tenant the procurement leads of PROCUREMENT_LEAD_IDS
 * (named by their id when they own no record, so that a lead can sign in with none).
 */
async function localPeople(deps: DashboardDeps): Promise<LocalPerson[]> {
  const owners = await deps.records.localOwners();
  const leads = deps.config.PROCUREMENT_LEAD_IDS;
  const people = new Map<string, LocalPerson>();
  // With no record yet, the Playground's tenant: a lead can sign in to a fresh store and import spend.
  const tenants = new Set(owners.map((o) => o.tenantId));
  if (tenants.size === 0) tenants.add(PLAYGROUND_TENANT_ID);
  for (const tenantId of tenants) {
    for (const lead of leads) {
      people.set(`${tenantId}/${lead}`, {
        tenantId,
        userId: lead,
        name: `Procurement lead ${lead}`,
        isProcurementLead: true,
      });
    }
  }
  for (const { tenantId, owner } of owners) {
    const key = `${tenantId}/${owner.id}`;
    const known = people.get(key);
    people.set(key, {
      tenantId,
      userId: owner.id,
      name: owner.name,
      isProcurementLead: known?.isProcurementLead ?? false,
    });
  }
  return [...people.values()].sort(
    (a, b) =>
      Number(b.isProcurementLead) - Number(a.isProcurementLead) || a.name.localeCompare(b.name),
  );
}
