/**
 * `npm run bench -- --dashboard`: each dashboard view's data at 1,000 and at 10,000 records
 * in one tenant, at the embedded Cosmos DB server: the time from the request to the answer
 * (the projection query, the view's figures and its charts), the Cosmos DB requests the query
 * made, and the documents it returned. A procurement lead signs in through the local sign-in,
 * so the figures cover the whole tenant.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONObject, OperationInput } from '@azure/cosmos';
import { startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { silentLogger } from '../bot/log.js';
import { VIEWS } from '../cards/dashboard/views.js';
import { addDays, addMonths } from '../core/common/dates.js';
import { builtInPack } from '../core/policy/index.js';
import {
  type CommissioningRecord,
  createRecord,
  type DeliveryEntry,
  type KpiSet,
} from '../core/record/index.js';

const TENANT = 'bench-dashboard';
const LEAD = 'bench-lead';
const NOW = new Date('2026-06-01T09:00:00Z');
const tests = { relevant: true, specifiable: true, priorities: true };

/**
 * A record in one of the states the views count: drafts, complete, and awarded with stages due,
 * ratings, a year of quarterly deliveries (one corrected) and, for one in two, KPIs assessed.
 */
function benchRecord(n: number): CommissioningRecord {
  const owner = { id: `officer-${n % 40}`, name: `Officer ${n % 40}` };
  const created = `2026-0${1 + (n % 5)}-${String(1 + (n % 27)).padStart(2, '0')}T10:00:00.000Z`;
  const record = createRecord({
    reference: `SV-2026-${String(n).padStart(5, '0')}`,
    tenantId: TENANT,
    owner,
    pack: builtInPack,
    draft: {
      answers: {
        title: `Exercise ${n}`,
        value: 10_000 * n,
        measures: ['local-jobs', 'living-wage'],
        outcomeTargets: [
          { measureId: 'local-jobs', target: 12, tests },
          { measureId: 'living-wage', tests },
        ],
      },
      step: 'basics',
      visited: ['basics'],
    },
    now: created,
  });
  if (n % 3 !== 0) return { ...record, status: n % 3 === 1 ? 'draft' : 'complete' };
  const at = '2026-05-01T12:00:00.000Z';
  const quarters = ['2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'];
  const delivery: DeliveryEntry[] = quarters.flatMap((from, q) => [
    {
      id: `D${2 * q + 1}`,
      measureId: 'local-jobs',
      period: { from, to: addDays(addMonths(from, 3), -1) },
      amount: (n + q) % 4,
      evidence: { note: 'Payroll extract for the quarter', link: 'https://example.org/evidence' },
      by: owner,
      at,
    },
    {
      id: `D${2 * q + 2}`,
      measureId: 'living-wage',
      period: { from, to: addDays(addMonths(from, 3), -1) },
      status: q % 2 === 0 ? 'met' : 'partly-met',
      evidence: { note: 'Pay rates seen' },
      by: owner,
      at,
    },
  ]);
  const kpis: KpiSet | undefined =
    n % 2 === 0
      ? {
          duty: 'required',
          kpis: [
            {
              id: 'K1',
              name: 'Local jobs',
              measuredBy: 'Payroll',
              target: '12',
              mostMaterial: true,
            },
            {
              id: 'K2',
              name: 'Response',
              measuredBy: 'Logs',
              target: '4 hours',
              mostMaterial: false,
            },
          ],
          on: '2025-02-01',
          by: owner,
          at,
        }
      : undefined;
  return {
    ...record,
    status: 'complete',
    // One in nine ended in February 2026, so that the pipeline counts some closed.
    contract: {
      awardDate: '2025-02-01',
      months: n % 9 === 0 ? 12 : 36,
      supplier: `Supplier ${n % 300}`,
    },
    delivery,
    ...(kpis
      ? {
          kpis,
          performance: {
            assessments: [
              {
                id: 'A1',
                due: '2026-02-01',
                kind: 'yearly' as const,
                period: { from: '2025-02-01', to: '2026-02-01' },
                kpis: [
                  { kpiId: 'K1', rating: 'good' as const, note: 'On target' },
                  { kpiId: 'K2', rating: 'approaching-target' as const, note: 'Close' },
                ],
                overall: { rating: 'good' as const, note: 'Sound year' },
                on: '2026-02-10',
                by: owner,
                at,
              },
            ],
            events: [],
            reminder: {},
          },
        }
      : {}),
    stages: [
      { number: 9, done: true, completions: [], reminder: {} },
      {
        number: 11,
        due: `2026-0${4 + (n % 4)}-15`,
        dueSource: 'schedule',
        done: false,
        completions: [],
        reminder: {},
      },
    ],
    ratings: [
      {
        stage: 11,
        supplier: `Supplier ${n % 300}`,
        tier: (['gold', 'silver', 'bronze', 'none'] as const)[n % 4] ?? 'none',
        rows: [],
        evidence: '',
        on: '2026-05-01',
        at: `2026-05-01T12:${String(n % 60).padStart(2, '0')}:00.000Z`,
        by: owner,
      },
    ],
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runDashboardBench(options: { quick: boolean }): Promise<void> {
  const sizes = options.quick ? [1_000] : [1_000, 10_000];
  const runs = options.quick ? 2 : 3;
  const folder = await mkdtemp(join(tmpdir(), 'sv-bench-dashboard-'));
  const app = await startApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      REMINDER_SWEEP_MINUTES: '0',
      PROCUREMENT_LEAD_IDS: LEAD,
      LOCAL_DATA_FILE: join(folder, 'data.json'),
    }),
    { logger: silentLogger, pack: builtInPack, clock: () => NOW },
  );
  const lines: string[] = [];
  try {
    const container = app.store.containers.records;
    let stored = 0;
    for (const size of sizes) {
      for (let start = stored + 1; start <= size; start += 100) {
        const chunk: OperationInput[] = [];
        for (let n = start; n < Math.min(start + 100, size + 1); n += 1) {
          chunk.push({
            operationType: 'Create',
            partitionKey: TENANT,
            // A record is plain JSON (the store writes it as it is).
            resourceBody: benchRecord(n) as unknown as JSONObject,
          });
        }
        await container.items.executeBulkOperations(chunk);
      }
      stored = size;
      const people = (await (await fetch(`${app.url}/dashboard/local/people`)).json()) as {
        people: { userId: string }[];
      };
      if (!people.people.some((p) => p.userId === LEAD)) throw new Error('the lead cannot sign in');
      const signIn = await fetch(`${app.url}/dashboard/local/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: TENANT, userId: LEAD }),
      });
      const { token } = (await signIn.json()) as { token: string };
      for (const view of VIEWS) {
        const samples: number[] = [];
        let requests = 0;
        let rows = 0;
        for (let run = 0; run < runs; run += 1) {
          const before = app.store.local?.requests() ?? 0;
          const started = performance.now();
          const answer = await fetch(`${app.url}/api/dashboard/${view.id}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const body = (await answer.json()) as {
            tables: { id: string; total: number }[];
            detail: string;
          };
          samples.push(performance.now() - started);
          requests = (app.store.local?.requests() ?? 0) - before;
          rows = body.tables.find((t) => t.id === body.detail)?.total ?? 0;
        }
        const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
        const rowsRead = (
          await app.records.dashboardRows({
            tenantId: TENANT,
            userId: LEAD,
            isProcurementLead: true,
          })
        ).length;
        lines.push(
          `  ${String(size).padStart(6)} records  ${view.id.padEnd(12)} ${String(round(median)).padStart(8)} ms (median of ${runs})  ${requests} Cosmos DB requests  ${rowsRead} documents read  ${rows} table rows`,
        );
      }
    }
  } finally {
    await app.close();
    await rm(folder, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      '',
      'Dashboard views (GET /api/dashboard/<view> as a procurement lead, one tenant, embedded Cosmos DB):',
      ...lines,
      "  Each view is one projection query in the tenant's partition (a page of results per request),",
      '  then figures and charts of counts in the bot; the page shows 25 table rows at a time.',
      '',
    ].join('\n'),
  );
}
