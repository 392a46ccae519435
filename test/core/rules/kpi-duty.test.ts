import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../../../core/policy/load.js';
import { policyPackSchema } from '../../../core/policy/schema.js';
import { kpiDuty } from '../../../core/rules/index.js';
import { pack } from '../flow/helpers.js';

/** Another force's hand-written pack, which lists no private-utility exemption. */
const NORTHMOOR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/packs/northmoor.json',
);
const under = { procurementStart: '2026-04-01' };
const duty = (facts: Record<string, unknown>) => {
  const result = kpiDuty(pack, { ...under, ...facts });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return result.value;
};

describe('the Procurement Act KPI duty (s.52)', () => {
  it('is not required at exactly £5,000,000: the Act says "more than"', () => {
    const found = duty({ value: 5_000_000 });
    assert.equal(found.duty, 'optional');
    const value = found.reasons.find((r) => r.rule === 'kpi-value');
    assert.equal(value?.citation, 'PA 2023 s.52');
    assert.match(value?.text ?? '', /£5,000,000, is not more than £5,000,000/);
  });

  it('is required at £5,000,000.01, for at least three KPIs with three most material', () => {
    const found = duty({ value: 5_000_000.01 });
    assert.equal(found.duty, 'required');
    assert.equal(found.minimum, 3);
    assert.equal(found.mostMaterial, 3);
    assert.match(found.reasons[0]?.text ?? '', /£5,000,000\.01, is more than £5,000,000/);
    // The way out the Act allows is offered, cited.
    const notAppropriate = found.reasons.find((r) => r.rule === 'kpi-not-appropriate');
    assert.equal(notAppropriate?.citation, 'PA 2023 s.52');
    assert.match(notAppropriate?.text ?? '', /could not appropriately be assessed/);
  });

  for (const [fact, id] of [
    ['framework', 'framework'],
    ['concession', 'concession'],
    ['lightTouch', 'light-touch'],
    ['privateUtility', 'private-utility'],
  ] as const) {
    it(`does not apply to ${id} contracts, and says so with the citation`, () => {
      const found = duty({ value: 6_000_000, [fact]: true });
      assert.equal(found.duty, 'optional');
      const exemption = found.reasons.find((r) => r.rule === `kpi-exemption-${id}`);
      assert.ok(exemption, `no reason for ${id}`);
      assert.equal(exemption.citation, 'PA 2023 s.52');
      assert.ok(!found.reasons.some((r) => r.rule === 'kpi-not-appropriate'));
    });
  }

  it('marks the light-touch reading as the pack’s own, with its grounds', () => {
    const found = duty({ value: 6_000_000, lightTouch: true });
    const reason = found.reasons.find((r) => r.rule === 'kpi-exemption-light-touch');
    assert.deepEqual(reason?.derived?.from, ['PA 2023 s.52', 'PA 2023 s.9']);
  });

  it('does not apply to a procurement begun under the 2015 Regulations, whatever its value', () => {
    const found = duty({ value: 50_000_000, procurementStart: '2025-02-23' });
    assert.equal(found.duty, 'optional');
    assert.match(
      found.reasons[0]?.text ?? '',
      /Public Contracts Regulations 2015, not the Procurement Act 2023\. The Act does not require KPIs/,
    );
  });

  it('follows the pack’s regime flag and amount, not a regime id or a figure of its own', () => {
    const other = structuredClone(pack);
    other.act.regimes = other.act.regimes.map((r) => ({ ...r, id: `renamed-${r.id}` }));
    other.procurementAct.kpis.moreThan = 10_000_000;
    const found = kpiDuty(other, { ...under, value: 10_000_000.01 });
    assert.ok(found.ok);
    assert.equal(found.value.duty, 'required');
    const below = kpiDuty(other, { ...under, value: 6_000_000 });
    assert.ok(below.ok);
    assert.equal(below.value.duty, 'optional');
  });

  it('does not apply where no regime is marked as the Procurement Act', () => {
    const other = structuredClone(pack);
    other.act.regimes = other.act.regimes.map(({ procurementAct: _flag, ...r }) => r);
    const found = kpiDuty(other, { ...under, value: 6_000_000 });
    assert.ok(found.ok);
    assert.equal(found.value.duty, 'optional');
  });

  it('takes the exemptions from the pack: one a pack leaves out does not apply', () => {
    const northmoor = loadPack(readFileSync(NORTHMOOR, 'utf8'));
    assert.ok(northmoor.ok);
    const found = kpiDuty(northmoor.value, { ...under, value: 6_000_000, privateUtility: true });
    assert.ok(found.ok);
    assert.equal(found.value.duty, 'required');
    assert.equal(duty({ value: 6_000_000, privateUtility: true }).duty, 'optional');
  });

  it('refuses facts it cannot read, in words', () => {
    const result = kpiDuty(pack, { value: -1, procurementStart: '2026-02-30', framework: 'yes' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['framework', 'procurementStart', 'value']);
    assert.ok(
      result.problems.every((p) => !/expected|invalid/i.test(p.message)),
      JSON.stringify(result.problems),
    );
  });
});

describe('the pack’s contract management block', () => {
  it('holds the five ratings the law sets, each with its meaning', () => {
    const { ratings, ratingsCitation } = pack.procurementAct.assessments;
    assert.deepEqual(
      ratings.map((r) => r.label),
      ['Good', 'Approaching target', 'Requires improvement', 'Inadequate', 'Other'],
    );
    assert.ok(ratings.every((r) => r.meaning.length > 10));
    assert.equal(ratingsCitation, 'SI 2024/692 reg 39');
  });

  it('names the notices: UK7 for contract details, UK9 for performance', () => {
    const { contractDetails, performance } = pack.procurementAct.notices;
    assert.deepEqual(contractDetails, {
      id: 'UK7',
      name: 'Contract details notice',
      citation: 'PA 2023 s.53',
    });
    assert.deepEqual(performance, {
      id: 'UK9',
      name: 'Contract performance notice',
      citation: 'PA 2023 s.71',
    });
  });

  it('marks the schedule from award, the on-track rule and the delivery bands as its own readings', () => {
    assert.ok(pack.procurementAct.assessments.schedule.derived.note.length > 20);
    assert.ok(pack.delivery.onTrack.derived.from.length > 0);
    assert.ok(pack.delivery.supplierStatus.derived.from.includes('Fig 2'));
  });

  it('marks one rubric row as suggested from delivery: the social value outputs', () => {
    const rows = pack.supplierStatus.rows.filter((r) => r.suggestedFrom === 'delivery');
    assert.deepEqual(
      rows.map((r) => r.id),
      ['social-value-outputs'],
    );
  });

  it('refuses delivery bands that leave a share without a level', () => {
    const bad = structuredClone(pack);
    bad.delivery.supplierStatus.bands = [
      { level: 'bronze', atLeast: 0.5 },
      { level: 'silver', atLeast: 1 },
    ];
    const parsed = policyPackSchema.safeParse(bad);
    assert.equal(parsed.success, false);
    assert.ok(
      parsed.error?.issues.some((i) => i.path.join('.') === 'delivery.supplierStatus.bands'),
    );
  });

  it('refuses a KPI exemption the schema does not know', () => {
    const bad = structuredClone(pack) as unknown as {
      procurementAct: { kpis: { exemptions: { id: string }[] } };
    };
    const first = bad.procurementAct.kpis.exemptions[0];
    assert.ok(first);
    first.id = 'small-contract';
    assert.equal(policyPackSchema.safeParse(bad).success, false);
  });
});
