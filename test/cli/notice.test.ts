import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config.js';
import { openCosmos } from '../../bot/store/cosmos.js';
import { RecordStore } from '../../bot/store/records.js';
import { assessPerformance, type CommissioningRecord } from '../../core/record/index.js';
import { SUPPLIER, seedKpiRecord } from '../bot/performance-support.js';
import { actOn, okValue } from '../core/record/contract-fixtures.js';
import { pack } from '../core/record/fixtures.js';
import { type Outcome, runCliWith } from './run-cli.js';

/** Two assessments: the first year's, and the second's. */
function assessTwice(record: CommissioningRecord): CommissioningRecord {
  const rate = (ratings: string[], overall: string, note: string) => ({
    kpis: (record.kpis?.kpis ?? []).map((k, i) => ({
      kpiId: k.id,
      rating: ratings[i],
      note: `${k.id}: from the quarterly returns`,
    })),
    overall: { rating: overall, note },
  });
  const by = record.owner;
  const first = okValue(
    assessPerformance(
      record,
      pack,
      rate(['good', 'approaching-target', 'good'], 'good', 'A strong first year'),
      actOn('2027-04-08', by),
    ),
  );
  return okValue(
    assessPerformance(
      first,
      pack,
      rate(
        ['good', 'requires-improvement', 'good'],
        'approaching-target',
        'Supply chain spend fell',
      ),
      actOn('2028-04-03', by),
    ),
  );
}

describe('notice command line (npm run notice)', function () {
  this.timeout(60_000);
  let folder: string;
  let dataFile: string;
  let reference: string;
  let title: string;
  const notice = (...args: string[]): Promise<Outcome> =>
    runCliWith({ NODE_ENV: 'development', LOCAL_DATA_FILE: dataFile }, 'cli/notice.ts', ...args);

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'notice-cli-'));
    dataFile = join(folder, 'local-cosmos.json');
    // Written through the store the bot uses, into the data file it keeps between runs.
    const store = await openCosmos(
      loadConfig({ NODE_ENV: 'development', LOCAL_DATA_FILE: dataFile }),
    );
    try {
      const records = new RecordStore(store.containers.records);
      const owner = { tenantId: 'tenant-notice', userId: 'owner-notice', name: 'Olive Owner' };
      const seeded = await seedKpiRecord(records, owner);
      const found = await records.read(owner.tenantId, seeded.id);
      assert.ok(found);
      await records.replace(assessTwice(found.record), found.etag);
      reference = seeded.id;
      title = seeded.title;
    } finally {
      await store.close();
    }
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the UK7 KPIs and every UK9 notice as text to paste, publishing nothing', async () => {
    const out = await notice(reference);
    assert.equal(out.code, 0, out.stderr);
    const [intro, uk7, a1, a2, ...more] = out.stdout.trimEnd().split('\n\n----\n\n');
    assert.deepEqual(more, []);
    assert.equal(
      intro,
      `The notices for ${reference}: ${title}, prepared for you to paste. Nothing has been published.`,
    );
    const uk7Lines = uk7?.split('\n') ?? [];
    assert.equal(uk7Lines[0], 'Contract details notice (UK7, PA 2023 s.53)');
    assert.equal(uk7Lines[1], `Contract: ${title} (${reference})`);
    assert.equal(uk7Lines[2], `Supplier: ${SUPPLIER}`);
    assert.equal(uk7Lines.filter((l) => l.endsWith('[one of the most material]')).length, 3);
    for (const [text, period, overall] of [
      [a1, '1 April 2026 to 1 April 2027', 'Overall: Good (Performance meets or exceeds the KPI.)'],
      [
        a2,
        '2 April 2027 to 1 April 2028',
        'Overall: Approaching target (Performance is close to meeting the KPI.)',
      ],
    ] as const) {
      const lines = text?.split('\n') ?? [];
      assert.equal(lines[0], 'Contract performance notice (UK9, PA 2023 s.71)');
      assert.equal(lines[1], `Contract: ${title} (${reference})`);
      assert.equal(lines[2], `Supplier: ${SUPPLIER}`);
      assert.equal(lines[3], `Period assessed: ${period}`);
      assert.ok(lines.includes(overall), `${text}`);
      assert.equal(lines.filter((l) => l.startsWith('   Note: K')).length, 3);
    }
    assert.ok(a2?.includes('Requires improvement (Performance is below the KPI.)'));
    assert.ok(a2?.includes('   Note: Supply chain spend fell'));
  });

  it('with --json, the same notices as data', async () => {
    const out = await notice(reference, '--json');
    assert.equal(out.code, 0, out.stderr);
    const data = JSON.parse(out.stdout);
    assert.equal(data.reference, reference);
    assert.equal(data.published, false);
    assert.equal(data.contractDetails.notice.id, 'UK7');
    assert.equal(data.contractDetails.mostMaterial.length, 3);
    assert.deepEqual(
      data.performance.map(
        (n: { assessment: string; period: unknown; overall: { rating: string } }) => [
          n.assessment,
          n.period,
          n.overall.rating,
        ],
      ),
      [
        ['A1', { from: '2026-04-01', to: '2027-04-01' }, 'good'],
        ['A2', { from: '2027-04-02', to: '2028-04-01' }, 'approaching-target'],
      ],
    );
    assert.equal(data.performance[1].notice.id, 'UK9');
    assert.equal(data.performance[1].supplier, SUPPLIER);
    assert.equal(data.performance[1].kpis[1].label, 'Requires improvement');
  });

  it('a reference the store does not hold is told in plain words, exit 1', async () => {
    const out = await notice('SV-2026-9999');
    assert.equal(out.code, 1);
    assert.equal(out.stdout, '');
    assert.match(
      out.stderr,
      /^There is no record SV-2026-9999 in the store at .*local-cosmos\.json\./,
    );
  });

  it('a usage mistake exits 2 with the usage', async () => {
    for (const args of [[], ['SV-2026'], [reference, 'SV-2026-0002'], [reference, '--bogus']]) {
      const out = await notice(...args);
      assert.equal(out.code, 2, `${args.join(' ')}: ${out.stdout}`);
      assert.match(out.stderr, /usage: npm run notice -- SV-2026-0042 \[--json\]/);
      assert.equal(out.stdout, '');
    }
  });
});
