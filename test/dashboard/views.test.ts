import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { App } from '../../bot/app.js';
import type {
  CommissioningRecord,
  DeliveryEntry,
  KpiSet,
  PerformanceAssessment,
} from '../../core/record/index.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { api, recordOf } from './support.js';

/**
 * The social value and KPI views, and the full export's deliveries and assessments, for three
 * contracts made by hand. Today is 1 June 2026; each contract runs 24 months.
 */

const TENANT = 'views-tenant';
const OFFICER = { id: 'officer-v', name: 'Vera Views' };
const NOW = '2026-06-01T09:00:00.000Z';
const FORMULA_NOTE = '=HYPERLINK("http://evil.example","Payroll")';
const tests = { relevant: true, specifiable: true, priorities: true };

function entry(
  id: string,
  measureId: string,
  from: string,
  to: string,
  value: { amount: number } | { status: DeliveryEntry['status'] },
  more: Partial<DeliveryEntry> = {},
): DeliveryEntry {
  return {
    id,
    measureId,
    period: { from, to },
    ...value,
    evidence: { note: `Evidence for ${id}` },
    by: OFFICER,
    at: `${to}T12:00:00.000Z`,
    ...more,
  };
}

const kpis = (on: string): KpiSet => ({
  duty: 'required',
  kpis: [
    { id: 'K1', name: 'Local jobs', measuredBy: 'Payroll', target: '12 jobs', mostMaterial: true },
    { id: 'K2', name: 'Response time', measuredBy: 'Logs', target: '4 hours', mostMaterial: false },
  ],
  on,
  by: OFFICER,
  at: `${on}T12:00:00.000Z`,
});

function contract(
  reference: string,
  title: string,
  awardDate: string,
  targets: { measureId: string; target?: number }[],
  more: Partial<CommissioningRecord>,
): CommissioningRecord {
  const record = recordOf({
    reference,
    tenantId: TENANT,
    owner: OFFICER,
    title,
    createdAt: `${awardDate.slice(0, 4)}-01-02T10:00:00.000Z`,
    measures: targets.map((t) => t.measureId),
    complete: true,
    awardDate,
  });
  return {
    ...record,
    draft: {
      ...record.draft,
      answers: { ...record.draft.answers, outcomeTargets: targets.map((t) => ({ ...t, tests })) },
    },
    contract: { awardDate, months: 24, supplier: `${title} Ltd` },
    ...more,
  };
}

const assessment: PerformanceAssessment = {
  id: 'A1',
  due: '2025-01-01',
  kind: 'yearly',
  period: { from: '2024-01-01', to: '2025-01-01' },
  kpis: [{ kpiId: 'K1', rating: 'approaching-target', note: 'Nine of twelve jobs' }],
  overall: { rating: 'good', note: 'Sound year' },
  on: '2025-01-10',
  by: OFFICER,
  at: '2025-01-10T12:00:00.000Z',
};

/**
 * - SV-2026-0011, awarded 1 Feb 2026, 120 of 730 days in (16%): jobs 5 + 3 (D2 corrected by D3)
 *   = 8 of 12, on track; supply-chain spend latest 35% against 30%, met; Living Wage latest
 *   partly met, behind. KPIs set, no assessment yet: first due 1 Feb 2027.
 * - SV-2026-0012, awarded 1 Mar 2026, 92 of 731 days in (13%): jobs 1 of 10 (10%), behind;
 *   supply-chain spend nothing recorded. No KPIs.
 * - SV-2026-0013, awarded 1 Jan 2024, ended 1 Jan 2026 (closed): jobs 4 of 4, met. Assessed
 *   on 10 Jan 2025 (Good); its termination assessment, due 1 Jan 2026, is 151 days overdue.
 */
const RECORDS: CommissioningRecord[] = [
  contract(
    'SV-2026-0011',
    'Custody cleaning',
    '2026-02-01',
    [
      { measureId: 'local-jobs', target: 12 },
      { measureId: 'local-supply-chain-spend', target: 30 },
      { measureId: 'living-wage' },
    ],
    {
      kpis: kpis('2026-02-01'),
      delivery: [
        entry('D1', 'local-jobs', '2026-02-01', '2026-03-31', { amount: 5 }),
        entry(
          'D2',
          'local-jobs',
          '2026-04-01',
          '2026-04-30',
          { amount: 2 },
          { supersededBy: 'D3' },
        ),
        entry(
          'D3',
          'local-jobs',
          '2026-04-01',
          '2026-04-30',
          { amount: 3 },
          { corrects: 'D2', evidence: { note: FORMULA_NOTE, link: 'https://example.org/payroll' } },
        ),
        entry('D4', 'local-supply-chain-spend', '2026-02-01', '2026-04-30', { amount: 20 }),
        entry('D5', 'local-supply-chain-spend', '2026-05-01', '2026-05-31', { amount: 35 }),
        entry('D6', 'living-wage', '2026-02-01', '2026-04-30', { status: 'partly-met' }),
      ],
    },
  ),
  contract(
    'SV-2026-0012',
    'Fleet tyres',
    '2026-03-01',
    [
      { measureId: 'local-jobs', target: 10 },
      { measureId: 'local-supply-chain-spend', target: 40 },
    ],
    { delivery: [entry('D1', 'local-jobs', '2026-03-01', '2026-05-31', { amount: 1 })] },
  ),
  contract('SV-2026-0013', 'Estates', '2024-01-01', [{ measureId: 'local-jobs', target: 4 }], {
    kpis: kpis('2024-01-01'),
    delivery: [entry('D1', 'local-jobs', '2024-01-01', '2025-12-31', { amount: 4 })],
    performance: { assessments: [assessment], events: [], reminder: {} },
  }),
];

type Rows = (string | number | null | { date: string })[][];
const table = (body: Record<string, unknown>, id: string): Rows =>
  (body.tables as { id: string; rows: Rows }[]).find((t) => t.id === id)?.rows ?? [];

describe('the social value and KPI views, and the full export of deliveries', function () {
  this.timeout(30_000);
  let app: App;
  let token: string;

  before(async () => {
    app = await startBot(new TestClock(NOW), {});
    for (const record of RECORDS) await app.store.containers.records.items.create(record);
    const response = await fetch(`${app.url}/dashboard/local/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: TENANT, userId: OFFICER.id }),
    });
    token = ((await response.json()) as { token: string }).token;
  });
  after(async () => app?.close());

  const view = async (path: string) => {
    const answer = await api(app, path, token);
    assert.equal(answer.status, 200, path);
    return answer.body;
  };

  it('counts outcomes committed, met and on track by theme, over every contract', async () => {
    const body = await view('/api/dashboard/social-value');
    assert.deepEqual(table(body, 'by-theme'), [
      // Theme, committed, met, on track, behind or missed, nothing yet, no target.
      ['Diverse supply chains', 2, 1, 0, 0, 1, 0],
      ['Skills and employment', 3, 1, 1, 1, 0, 0],
      ['Inclusion, staff mental health and wellbeing', 1, 0, 0, 1, 0, 0],
    ]);
    const charts = body.charts as { tableId: string; svg: string }[];
    const byTheme = charts.find((c) => c.tableId === 'by-theme')?.svg ?? '';
    // Each bar is named by its theme over what it counts.
    assert.match(byTheme, /Skills and employment<\/tspan><tspan[^>]*>committed</);
    assert.match(byTheme, /Skills and employment<\/tspan><tspan[^>]*>met</);
  });

  it('adds up counts by measure, but counts contracts for a percentage or a commitment', async () => {
    const body = await view('/api/dashboard/social-value');
    assert.deepEqual(table(body, 'by-measure'), [
      // 12 + 10 + 4 committed; 8 + 1 + 4 delivered: 13 of 26 is 50%.
      ['New jobs created in the local economy', 'number', 3, 26, 13, 50, 1],
      // Two contracts commit to a share of spend; one (35% against 30%) meets it.
      ['Share of total contract spend placed in the Cumbrian supply chain', '%', 2, 2, 1, 50, 1],
      ['Work towards paying staff the Living Wage', 'commitment', 1, 1, 0, 0, 0],
    ]);
  });

  it('shows one contract alone, with the latest figure of a rate and a commitment’s standing', async () => {
    const body = await view('/api/dashboard/social-value?record=SV-2026-0011');
    assert.deepEqual(table(body, 'by-measure')[0]?.slice(2), [1, 12, 8, 67, 0]);
    assert.deepEqual(
      table(body, 'outcomes').map((row) => [row[4], row[6], row[7], row[8], row[9], row[10]]),
      [
        ['New jobs created in the local economy', 12, 8, null, 67, 'On track'],
        [
          'Share of total contract spend placed in the Cumbrian supply chain',
          30,
          35,
          null,
          117,
          'Met',
        ],
        ['Work towards paying staff the Living Wage', null, null, 'partly met', null, 'Behind'],
      ],
    );
  });

  it('lists a performance assessment overdue among what is due, beside the stages', async () => {
    const body = await view('/api/dashboard/due');
    const due = table(body, 'due');
    // SV-2026-0013's assessment on termination was due on 1 January 2026; SV-2026-0011's first
    // yearly one (1 February 2027) is beyond the 30 days, so it is not listed.
    assert.deepEqual(
      due.filter((row) => String(row[3]).includes('assessment')),
      [
        [
          'SV-2026-0013',
          'Estates',
          due.find((row) => row[0] === 'SV-2026-0013')?.[2],
          'Performance assessment on termination',
          { date: '2026-01-01' },
          'Overdue',
          151,
        ],
      ],
    );
  });

  it('gives each contract with KPIs its latest ratings and when its next assessment is due', async () => {
    const body = await view('/api/dashboard/kpis');
    const byRating = table(body, 'by-rating');
    assert.deepEqual(byRating[0], ['Good', 1]);
    assert.deepEqual(byRating.at(-1), ['Not assessed yet', 1]);
    assert.equal(
      byRating.reduce((sum, row) => sum + Number(row[1]), 0),
      2,
      'the contract without KPIs is left out',
    );
    assert.deepEqual(table(body, 'assessments-due'), [
      ['Overdue', 1],
      ['Due later', 1],
      ['None owed', 0],
    ]);
    assert.deepEqual(table(body, 'contracts'), [
      [
        'SV-2026-0013',
        'Estates',
        'Estates Ltd',
        2,
        'Good',
        { date: '2025-01-10' },
        'K1 Local jobs: Approaching target; K2 Response time: Not assessed yet',
        { date: '2026-01-01' },
        'Overdue by 151 days',
      ],
      [
        'SV-2026-0011',
        'Custody cleaning',
        'Custody cleaning Ltd',
        2,
        'Not assessed yet',
        null,
        'K1 Local jobs: Not assessed yet; K2 Response time: Not assessed yet',
        { date: '2027-02-01' },
        'Due in 245 days',
      ],
    ]);
  });

  it('counts an ended contract as closed, and filters by it', async () => {
    const body = await view('/api/dashboard/pipeline?status=closed');
    assert.deepEqual(
      table(body, 'records').map((row) => [row[0], row[3]]),
      [['SV-2026-0013', 'Closed (ended or terminated)']],
    );
  });

  it('exports the social value view to CSV with its figures as numbers', async () => {
    const response = await fetch(`${app.url}/api/dashboard/social-value.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // text() drops the byte order mark as it decodes.
    const rows = parse(await response.text(), {
      columns: true,
      cast: (value, context) => (context.quoting ? value : Number(value)),
    }) as Record<string, unknown>[];
    assert.equal(rows.length, 6, 'one row per outcome of each contract');
    const jobs = rows.find((r) => r.Reference === 'SV-2026-0012' && r.Unit === 'number');
    assert.equal(jobs?.Target, 10);
    assert.equal(jobs?.['Delivered to date (a percentage: the latest figure)'], 1);
    assert.equal(jobs?.['Where it stands'], 'Behind');
  });

  it('exports every delivery entry and every rating given, with a formula in a note escaped', async () => {
    const response = await fetch(`${app.url}/api/dashboard/export.xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const deliveries = book.getWorksheet('Deliveries');
    assert.equal(deliveries?.rowCount, 1 + 6 + 1 + 1, 'a header and eight entries');
    const header = ((deliveries?.getRow(1).values ?? []) as unknown[]).slice(1);
    assert.deepEqual(header, [
      'Reference',
      'Entry',
      'Outcome',
      'Period from',
      'Period to',
      'Amount',
      'Unit',
      'Standing (a commitment)',
      'Evidence',
      'Link',
      'Corrects',
      'Corrected by',
      'Recorded by',
      'Recorded on',
    ]);
    const rowOf = (reference: string, id: string) =>
      (deliveries?.getRows(2, 8) ?? []).find(
        (row) => row.getCell(1).value === reference && row.getCell(2).value === id,
      );
    const d2 = rowOf('SV-2026-0011', 'D2');
    assert.equal(d2?.getCell(6).value, 2, 'an amount is a number');
    assert.equal(d2?.getCell(12).value, 'D3');
    const d3 = rowOf('SV-2026-0011', 'D3');
    assert.equal(d3?.getCell(9).value, `'${FORMULA_NOTE}`, 'the formula is escaped');
    assert.equal(d3?.getCell(10).value, 'https://example.org/payroll');
    assert.equal(d3?.getCell(11).value, 'D2');
    const from = d3?.getCell(4).value;
    assert.ok(from instanceof Date && from.toISOString().startsWith('2026-04-01'));
    assert.equal(rowOf('SV-2026-0011', 'D6')?.getCell(8).value, 'partly met');

    const ratings = book.getWorksheet('KPI assessments');
    assert.equal(ratings?.rowCount, 3, 'a header, the overall rating and K1’s');
    assert.deepEqual(
      [2, 3].map((n) => [7, 9].map((c) => ratings?.getRow(n).getCell(c).value)),
      [
        ['Overall', 'Good'],
        ['K1: Local jobs', 'Approaching target'],
      ],
    );
  });
});
