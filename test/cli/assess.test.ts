import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cumbriaPack } from '../../core/policy/index.js';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'cli/assess.ts'];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function assessCli(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const services250k = {
  category: 'services',
  value: 250_000,
  keyProvider: false,
  procurementStart: '2026-03-01',
  headcount: 49,
};

describe('assess command line', function () {
  this.timeout(20_000);

  it('prints the assessment as JSON and exits 0', async () => {
    const out = await assessCli('--json', JSON.stringify(services250k), '--on', '2026-11-25');
    assert.equal(out.code, 0, out.stderr);
    const result = JSON.parse(out.stdout);
    assert.equal(result.inScope, true);
    assert.deepEqual(
      result.scopeReasons.map((r: { citation: string }) => r.citation),
      ['§1.1.3(iii)'],
    );
    assert.equal(result.actApplies, true);
    assert.deepEqual(
      {
        value: result.regulatedThreshold.value,
        basis: result.regulatedThreshold.basis,
        source: result.regulatedThreshold.source,
        effectiveFrom: result.regulatedThreshold.effectiveFrom,
      },
      {
        value: 207_720,
        basis: 'goods and services',
        source: 'SI 2025/1200; PPN 023:2026',
        effectiveFrom: '2026-01-01',
      },
    );
    assert.equal(result.aboveRegulatedThreshold, true);
    assert.deepEqual(
      { min: result.weighting.min, max: result.weighting.max, unit: result.weighting.unit },
      { min: 0, max: 10, unit: '%' },
    );
    assert.equal(result.sizeBand, 'small');
    assert.deepEqual(result.policy, {
      id: cumbriaPack.id,
      name: cumbriaPack.name,
      version: cumbriaPack.version,
      effectiveFrom: cumbriaPack.effectiveFrom,
      reviewDue: cumbriaPack.reviewDue,
      reviewOverdue: false,
    });
  });

  it('reads the input from a file and applies the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assess-'));
    const file = join(dir, 'contract.json');
    const { headcount: _omitted, ...withoutHeadcount } = services250k;
    await writeFile(
      file,
      JSON.stringify({ ...withoutHeadcount, category: 'goods', value: 100_000 }),
    );
    const out = await assessCli('--file', file, '--on', '2027-02-01');
    assert.equal(out.code, 0, out.stderr);
    const result = JSON.parse(out.stdout);
    assert.equal(result.inScope, false, 'exactly £100,000 is not greater than £100,000');
    assert.equal(result.input.competitive, true);
    assert.equal(result.input.lightTouch, false);
    assert.equal('sizeBand' in result, false);
    assert.equal(result.policy.reviewOverdue, true);
  });

  it('lists every problem with bad input on stderr and exits 2', async () => {
    const out = await assessCli(
      '--json',
      JSON.stringify({
        category: 'mixed',
        value: -1,
        keyProvider: 'no',
        procurementStart: '2026-02-30',
        headcount: 2.5,
      }),
    );
    assert.equal(out.code, 2);
    assert.equal(out.stdout, '');
    const paths = JSON.parse(out.stderr)
      .problems.map((p: { path: string }) => p.path)
      .sort();
    assert.deepEqual(paths, [
      'headcount',
      'keyProvider',
      'mainElement',
      'procurementStart',
      'value',
    ]);
  });

  it('refuses text that is not JSON, and a missing input, with exit 2', async () => {
    const notJson = await assessCli('--json', '{category: goods');
    assert.equal(notJson.code, 2);
    assert.match(JSON.parse(notJson.stderr).problems[0].message, /not valid JSON/);
    const none = await assessCli();
    assert.equal(none.code, 2);
    assert.match(JSON.parse(none.stderr).problems[0].message, /--json or --file/);
  });

  it('assesses under another pack from a file, and refuses a bad pack by field path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pack-'));
    const good = join(dir, 'good.json');
    const raised = {
      ...cumbriaPack,
      version: '2027.1',
      scope: {
        ...cumbriaPack.scope,
        rules: cumbriaPack.scope.rules.map((rule) =>
          rule.kind === 'valueGreaterThan' && rule.appliesTo.includes('goods')
            ? { ...rule, threshold: 300_000 }
            : rule,
        ),
      },
    };
    await writeFile(good, JSON.stringify(raised));
    const ok = await assessCli('--json', JSON.stringify(services250k), '--pack', good);
    assert.equal(ok.code, 0, ok.stderr);
    const result = JSON.parse(ok.stdout);
    assert.equal(result.policy.version, '2027.1');
    assert.equal(result.inScope, false);

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...cumbriaPack, reviewDue: 'soon', themes: [] }));
    const refused = await assessCli('--json', JSON.stringify(services250k), '--pack', bad);
    assert.equal(refused.code, 2);
    const paths = JSON.parse(refused.stderr).problems.map((p: { path: string }) => p.path);
    assert.ok(paths.includes('pack.reviewDue'), paths.join(', '));
    assert.ok(paths.includes('pack.themes'), paths.join(', '));
  });
});
