import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { App } from '../../bot/app.js';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { figures, seed } from './support.js';

/**
 * The dashboard through the local sign-in (no Teams, no Entra), as `npm start` runs it: the
 * views' figures and filters, and the exports read back with exceljs and a CSV parser.
 */

const TENANT = 'local-tenant';
const OFFICER = { id: 'officer-1', name: 'Olivia Officer' };
const LEAD = { id: 'lead-1', name: 'Lena Lead' };
const NOW = '2026-06-01T09:00:00.000Z';
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","Click")';

async function signIn(app: App, userId: string): Promise<string> {
  const response = await fetch(`${app.url}/dashboard/local/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: TENANT, userId }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

async function download(app: App, path: string, token: string): Promise<Response> {
  const response = await fetch(`${app.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200, path);
  return response;
}

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

describe('dashboard views and exports, through the local sign-in', function () {
  this.timeout(30_000);
  let app: App;
  let officer: string;

  before(async () => {
    app = await startBot(new TestClock(NOW), { PROCUREMENT_LEAD_IDS: LEAD.id });
    await seed(app, [
      {
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner: OFFICER,
        title: FORMULA_TITLE,
        createdAt: '2026-01-10T10:00:00.000Z',
        value: 250_000,
        measures: ['local-jobs', 'barrier-employment'],
        targets: [{ measureId: 'local-jobs', target: 12 }],
        complete: true,
        awardDate: '2026-02-01',
        due: [
          { stage: 11, on: '2026-05-20' },
          { stage: 12, on: '2026-06-05' },
        ],
        done: [9],
        ratings: [{ supplier: '+Brightwater Ltd', tier: 'silver', on: '2026-05-01' }],
      },
      {
        reference: 'SV-2026-0002',
        tenantId: TENANT,
        owner: OFFICER,
        title: 'Fleet tyres',
        createdAt: '2026-04-10T10:00:00.000Z',
        value: -5,
      },
      {
        reference: 'SV-2026-0003',
        tenantId: TENANT,
        owner: { id: 'other', name: 'Oscar Other' },
        title: 'Not the officer’s',
        createdAt: '2026-04-11T10:00:00.000Z',
      },
    ]);
    officer = await signIn(app, OFFICER.id);
  });
  after(async () => app?.close());

  it('offers the people in the local data, and the procurement leads, to sign in as', async () => {
    const { people } = (await (await fetch(`${app.url}/dashboard/local/people`)).json()) as {
      people: { userId: string; isProcurementLead: boolean }[];
    };
    assert.deepEqual(
      people.map((p) => [p.userId, p.isProcurementLead]),
      [
        [LEAD.id, true],
        [OFFICER.id, false],
        ['other', false],
      ],
    );
    const refused = await fetch(`${app.url}/dashboard/local/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: TENANT, userId: 'someone-made-up' }),
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(await refused.json(), { error: 'Choose one of the people listed.' });
  });

  it('shows stages overdue and due soon, and suppliers by their latest tier', async () => {
    const due = (await (await download(app, '/api/dashboard/due', officer)).json()) as Record<
      string,
      unknown
    >;
    assert.deepEqual(figures(due, 'when'), [
      ['Overdue', 1],
      ['Due in the next 7 days', 1],
      ['Due in 8 to 30 days', 0],
    ]);
    const suppliers = (await (
      await download(app, '/api/dashboard/suppliers', officer)
    ).json()) as Record<string, unknown>;
    assert.deepEqual(figures(suppliers, 'by-tier'), [
      ['Gold', 0],
      ['Silver', 1],
      ['Bronze', 0],
      ['No Award', 0],
    ]);
    const charts = suppliers.charts as { svg: string }[];
    assert.match(charts[0]?.svg ?? '', /^<svg/);
  });

  it('changes the figures with each filter', async () => {
    const count = async (query: string) =>
      figures(
        (await (await download(app, `/api/dashboard/pipeline?${query}`, officer)).json()) as Record<
          string,
          unknown
        >,
        'by-status',
      )
        .map(([, n]) => n)
        .reduce((a, b) => a + b, 0);
    assert.equal(await count(''), 2);
    assert.equal(await count('from=2026-03-01'), 1);
    assert.equal(await count('to=2026-03-01'), 1);
    assert.equal(await count('status=awarded'), 1);
    assert.equal(await count('theme=4'), 1);
    assert.equal(await count('theme=1'), 0);
    assert.equal(await count('owner=other'), 0);
  });

  it('exports a view as CSV that Excel opens as it is, with a formula escaped', async () => {
    const response = await download(app, '/api/dashboard/pipeline.csv', officer);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="dashboard-pipeline-2026-06-01\.csv"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends CRLF');
    const rows = parse(text, {
      columns: true,
      cast: (value, context) => (context.quoting ? value : Number(value)),
    }) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'Reference',
      'Title',
      'Owner',
      'Status',
      'Stage reached',
      'Started',
      'Value (£)',
      'Themes',
    ]);
    const awarded = rows.find((row) => row.Reference === 'SV-2026-0001');
    assert.equal(awarded?.Title, `'${FORMULA_TITLE}`);
    assert.equal(awarded?.['Value (£)'], 250_000, 'a number, unquoted');
    assert.equal(awarded?.Started, '2026-01-10');
    assert.equal(
      rows.find((row) => row.Reference === 'SV-2026-0002')?.['Value (£)'],
      -5,
      'a negative number stays a number',
    );
  });

  it('exports a view to Excel with numbers as numbers, dates as dates, and text escaped', async () => {
    const book = await workbook(await download(app, '/api/dashboard/pipeline.xlsx', officer));
    assert.deepEqual(
      book.worksheets.map((sheet) => sheet.name),
      ['Records by status', 'Records by stage reached', 'Records'],
    );
    const status = book.getWorksheet('Records by status');
    assert.equal(status?.getCell('B4').value, 1, 'awarded: 1, a number');
    const records = book.getWorksheet('Records');
    const row = [1, 2, 3]
      .map((n) => records?.getRow(n + 1))
      .find((r) => r?.getCell(1).value === 'SV-2026-0001');
    assert.equal(row?.getCell(2).value, `'${FORMULA_TITLE}`);
    assert.equal(row?.getCell(7).value, 250_000);
    const started = row?.getCell(6).value;
    assert.ok(started instanceof Date && started.toISOString().startsWith('2026-01-10'));
  });

  it('exports all the viewer’s records, outcomes and stages, one sheet each', async () => {
    const book = await workbook(await download(app, '/api/dashboard/export.xlsx', officer));
    assert.deepEqual(
      book.worksheets.map((sheet) => sheet.name),
      ['Records', 'Outcomes', 'Deliveries', 'Stages', 'KPI assessments'],
    );
    assert.equal(
      book.getWorksheet('Records')?.rowCount,
      3,
      'a header and the officer’s two records',
    );
    const outcomes = book.getWorksheet('Outcomes');
    const first = [1, 2, 3, 4, 5].map((n) => outcomes?.getRow(2).getCell(n).value);
    assert.deepEqual(first, [
      'SV-2026-0001',
      'Skills and employment',
      'New jobs created in the local economy',
      12,
      'number',
    ]);
    const stages = book.getWorksheet('Stages');
    assert.equal(stages?.rowCount, 4);
    assert.equal(stages?.getRow(2).getCell(2).value, 11);
  });

  it('gives a lead the tenant’s records through the same sign-in', async () => {
    const lead = await signIn(app, LEAD.id);
    const answer = (await (await download(app, '/api/dashboard/pipeline', lead)).json()) as Record<
      string,
      unknown
    >;
    assert.equal(
      figures(answer, 'by-status').reduce((sum, [, n]) => sum + n, 0),
      3,
    );
  });

  it('serves the page and its script itself, with no address outside the bot', async () => {
    const page = await fetch(`${app.url}/dashboard`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /https?:\/\//);
    const script = await fetch(`${app.url}/dashboard/assets/dashboard.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /getAuthToken/);
  });
});

describe('a bot with no dashboard sign-in set up', function () {
  this.timeout(20_000);
  let app: App;
  before(async () => {
    app = await startBot(new TestClock(NOW), { LOCAL_SIGN_IN: 'false' });
  });
  after(async () => app?.close());

  it('refuses every data request, saying sign-in is not set up, and offers no local sign-in', async () => {
    const answer = await fetch(`${app.url}/api/dashboard/pipeline`, {
      headers: { authorization: 'Bearer whatever' },
    });
    assert.equal(answer.status, 401);
    assert.deepEqual(await answer.json(), {
      error:
        'Sign-in to the dashboard is not set up on this bot yet: ask whoever runs the bot to set it up.',
    });
    assert.equal((await fetch(`${app.url}/dashboard/local/people`)).status, 404);
    assert.equal((await fetch(`${app.url}/dashboard`)).status, 200);
  });
});

describe('the local sign-in setting', () => {
  const production = {
    NODE_ENV: 'production',
    MicrosoftAppId: 'a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d',
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: 'tenant',
    COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/',
  };

  it('refuses to start production with it on', () => {
    assert.throws(
      () => loadConfig({ ...production, LOCAL_SIGN_IN: 'true' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some(
          (p) => p.setting === 'LOCAL_SIGN_IN' && /must not be on in production/.test(p.message),
        ),
    );
  });

  it('refuses it on an address other machines can reach', () => {
    assert.throws(
      () =>
        loadConfig({
          HOST: '0.0.0.0',
          ALLOW_UNAUTHENTICATED_REMOTE: 'true',
          LOCAL_SIGN_IN: 'true',
        }),
      (error: unknown) =>
        error instanceof ConfigError && error.problems.some((p) => p.setting === 'LOCAL_SIGN_IN'),
    );
  });
});
