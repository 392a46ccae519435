import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInPack } from '../../core/policy/index.js';
import { runCli } from './run-cli.js';

const assessCli = (...args: string[]) => runCli('cli/assess.ts', ...args);

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
    assert.equal(result.regulatedThreshold.nextRevisionExpected, '2028-01-01');
    assert.equal(result.aboveRegulatedThreshold, true);
    assert.deepEqual(
      { min: result.weighting.min, max: result.weighting.max, unit: result.weighting.unit },
      { min: 0, max: 10, unit: '%' },
    );
    assert.equal(result.sizeBand, 'small');
    // The document is undated and no review date was given: none is invented.
    assert.deepEqual(result.policy, {
      id: builtInPack.id,
      name: builtInPack.name,
      version: builtInPack.version,
      documentDated: false,
      reviewDue: null,
      reviewOverdue: false,
    });
    assert.deepEqual(
      result.warnings.map((w: { code: string }) => w.code),
      ['review-date-unknown'],
    );
    for (const warning of result.warnings) {
      assert.deepEqual(Object.keys(warning).sort(), ['citation', 'code', 'text']);
    }
  });

  it('takes the review date from --review-due, and refuses one that is not a date', async () => {
    const due = await assessCli(
      '--json',
      JSON.stringify(services250k),
      '--on',
      '2027-04-02',
      '--review-due',
      '2027-04-01',
    );
    assert.equal(due.code, 0, due.stderr);
    const overdue = JSON.parse(due.stdout);
    assert.equal(overdue.policy.reviewDue, '2027-04-01');
    assert.equal(overdue.policy.reviewOverdue, true);
    assert.deepEqual(
      overdue.warnings.map((w: { code: string }) => w.code),
      ['review-overdue'],
    );
    const onTheDay = JSON.parse(
      (
        await assessCli(
          '--json',
          JSON.stringify(services250k),
          '--on',
          '2027-04-01',
          '--review-due',
          '2027-04-01',
        )
      ).stdout,
    );
    assert.deepEqual(onTheDay.warnings, [], 'warnings is always present, empty when all is well');
    const bad = await assessCli('--json', JSON.stringify(services250k), '--review-due', 'soon');
    assert.equal(bad.code, 2);
    assert.equal(JSON.parse(bad.stderr).problems[0].path, '--review-due');
  });

  it('takes concession as input and warns when the thresholds may be out of date', async () => {
    const concession = { ...services250k, concession: true, value: 5_192_999.99 };
    const below = JSON.parse(
      (await assessCli('--json', JSON.stringify(concession), '--review-due', '2027-12-01')).stdout,
    );
    assert.equal(below.input.concession, true);
    assert.equal(below.regulatedThreshold.basis, 'concession');
    assert.equal(below.regulatedThreshold.value, 5_193_000);
    assert.equal(below.aboveRegulatedThreshold, false);
    const late = { ...services250k, procurementStart: '2028-01-02' };
    const out = JSON.parse(
      (await assessCli('--json', JSON.stringify(late), '--on', '2027-06-01')).stdout,
    );
    assert.deepEqual(
      out.warnings.map((w: { code: string }) => w.code),
      ['thresholds-may-be-outdated', 'review-date-unknown'],
    );
    assert.equal(out.warnings[0].citation, 'PA 2023 Sch 1');
    assert.equal(out.regulatedThreshold.value, 207_720, 'the latest figures, with the warning');
  });

  it('refuses a value past the sane ceiling as too large, not as a matter of pence', async () => {
    const out = await assessCli('--json', JSON.stringify({ ...services250k, value: 1e308 }));
    assert.equal(out.code, 2);
    const { problems } = JSON.parse(out.stderr);
    assert.deepEqual(
      problems.map((p: { path: string; message: string }) => [p.path, p.message]),
      [['value', 'is too large: at most £100,000,000,000 (£100bn)']],
    );
  });

  it('reads the input from a file and applies the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assess-'));
    const file = join(dir, 'contract.json');
    const { headcount: _omitted, ...withoutHeadcount } = services250k;
    await writeFile(
      file,
      JSON.stringify({ ...withoutHeadcount, category: 'goods', value: 100_000 }),
    );
    const out = await assessCli('--file', file, '--on', '2027-02-01', '--review-due', '2027-01-31');
    assert.equal(out.code, 0, out.stderr);
    const result = JSON.parse(out.stdout);
    assert.equal(result.inScope, false, 'exactly £100,000 is not greater than £100,000');
    assert.equal(result.input.competitive, true);
    assert.equal(result.input.lightTouch, false);
    assert.equal(result.input.concession, false);
    assert.equal('sizeBand' in result, false);
    assert.equal(result.policy.reviewOverdue, true);
    // Out of the policy's scope: no weighting applies.
    assert.equal(result.weighting.applies, false);
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
      ...builtInPack,
      version: 'force-pack-1',
      reviewDue: '2027-09-30',
      scope: {
        ...builtInPack.scope,
        rules: builtInPack.scope.rules.map((rule) =>
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
    assert.equal(result.policy.version, 'force-pack-1');
    assert.equal(
      result.policy.reviewDue,
      '2027-09-30',
      "the force's own pack gives the review date",
    );
    assert.equal(result.inScope, false);

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...builtInPack, reviewDue: 'soon', themes: [] }));
    const refused = await assessCli('--json', JSON.stringify(services250k), '--pack', bad);
    assert.equal(refused.code, 2);
    const paths = JSON.parse(refused.stderr).problems.map((p: { path: string }) => p.path);
    assert.ok(paths.includes('pack.reviewDue'), paths.join(', '));
    assert.ok(paths.includes('pack.themes'), paths.join(', '));
  });
});
