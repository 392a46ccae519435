import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtInPack as pack, type TierId } from '../../../core/policy/index.js';
import {
  assess,
  checkTurnover,
  checkWeighting,
  rateModernSlaveryRisk,
  sizeBand,
  stagePlan,
  supplierTier,
} from '../../../core/rules/index.js';
import { answerOf, assertCitationsResolve } from './helpers.js';

const RUNS = { numRuns: 300 };
const ON = '2026-06-01';

const isoDate = (min: string, max: string) =>
  fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

/** Procurement starts the pack has thresholds for, weighted toward the change of row. */
const start = fc.oneof(
  isoDate('2024-01-01', '2028-12-31'),
  fc.constantFrom('2024-01-01', '2025-02-23', '2025-02-24', '2025-12-31', '2026-01-01'),
);

/** Every kind of contract the rules tell apart. */
const kind = fc.constantFrom(
  { category: 'goods' },
  { category: 'services' },
  { category: 'works' },
  { category: 'mixed', mainElement: 'goods' },
  { category: 'mixed', mainElement: 'services' },
  { category: 'mixed', mainElement: 'works' },
);

/** Every threshold in the pack, to the penny either side. */
const EDGES = [100_000, 2_000_000, 214_904, 207_720, 5_372_609, 5_193_000, 663_540].flatMap(
  (pounds) => [pounds - 0.01, pounds, pounds + 0.01],
);

/** Amounts in whole pence up to £20m, often at a threshold. */
const pounds = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }).map((pence) => pence / 100),
  fc.constantFrom(...EDGES),
);

/** Two amounts in rising order. */
const risingPair = fc
  .tuple(pounds, pounds)
  .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

const validInput = fc
  .record({
    kind,
    value: pounds,
    keyProvider: fc.boolean(),
    procurementStart: start,
    competitive: fc.boolean(),
    lightTouch: fc.boolean(),
    headcount: fc.option(fc.nat({ max: 100_000 }), { nil: undefined }),
  })
  .map(({ kind: k, lightTouch, headcount, ...rest }) => {
    const services = k.category === 'services' || k.mainElement === 'services';
    return {
      ...k,
      ...rest,
      lightTouch: services && lightTouch,
      ...(headcount === undefined ? {} : { headcount }),
    };
  });

describe('properties of the rules', () => {
  it('scope never turns off as the value rises, for every kind of contract, key provider or not', () => {
    fc.assert(
      fc.property(
        kind,
        fc.boolean(),
        start,
        risingPair,
        (k, keyProvider, procurementStart, [low, high]) => {
          const at = (value: number) =>
            answerOf(assess(pack, { ...k, keyProvider, procurementStart, value }, ON)).inScope;
          if (at(low)) assert.equal(at(high), true, `in scope at £${low} but not at £${high}`);
          if (keyProvider) assert.equal(at(low), true);
        },
      ),
      RUNS,
    );
  });

  it('regulated-ness never turns off as the value rises', () => {
    fc.assert(
      fc.property(validInput, risingPair, (input, [low, high]) => {
        const at = (value: number) =>
          answerOf(assess(pack, { ...input, value }, ON)).aboveRegulatedThreshold;
        if (at(low)) assert.equal(at(high), true, `regulated at £${low} but not at £${high}`);
      }),
      RUNS,
    );
  });

  it('the Act applies exactly when the main element is services and the contract is regulated', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const a = answerOf(assess(pack, input, ON));
        assert.equal(a.actApplies, a.element === 'services' && a.aboveRegulatedThreshold);
        assert.equal(a.element, input.category === 'mixed' ? input.mainElement : input.category);
      }),
      RUNS,
    );
  });

  it('every citation in an assessment exists in the pack', () => {
    fc.assert(
      fc.property(validInput, isoDate('2026-01-01', '2030-12-31'), (input, on) => {
        const a = answerOf(assess(pack, input, on));
        assertCitationsResolve(a);
        const reasons = [
          ...a.scopeReasons,
          ...a.actReasons,
          ...a.thresholdReasons,
          ...a.sizeBandReasons,
          ...a.advice,
          ...a.policyReasons,
        ];
        assert.ok(a.scopeReasons.length > 0 && a.thresholdReasons.length > 0);
        for (const r of reasons) assert.ok(r.rule && r.citation && r.text, JSON.stringify(r));
      }),
      RUNS,
    );
  });

  it('every citation in a size band, weighting, turnover, risk, tier and stage plan exists in the pack', () => {
    const tier = fc.constantFrom<TierId>('gold', 'silver', 'bronze', 'none');
    const rowIds = pack.supplierStatus.rows.map((r) => r.id);
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.integer({ min: 0, max: 1000 }).map((n) => n / 100),
        fc.tuple(pounds, pounds),
        fc.subarray(pack.modernSlavery.indicators.map((i) => i.id)),
        fc.option(
          fc.constantFrom(...pack.modernSlavery.highRiskSectors.map((s) => s.id), 'software'),
        ),
        fc.tuple(...rowIds.map(() => tier)),
        isoDate('2020-01-01', '2040-12-31'),
        fc.integer({ min: 1, max: 600 }),
        (
          headcount,
          weighting,
          [requiredTurnover, contractValue],
          indicators,
          sector,
          levels,
          awardDate,
          contractMonths,
        ) => {
          assertCitationsResolve(answerOf(sizeBand(pack, headcount)));
          assertCitationsResolve(
            answerOf(checkWeighting(pack, { weighting, justification: 'why' })),
          );
          assertCitationsResolve(
            answerOf(
              checkTurnover(pack, {
                requiredTurnover,
                contractValue,
                procurementStart: '2025-02-23',
                justification: 'why',
              }),
            ),
          );
          assertCitationsResolve(
            answerOf(
              checkTurnover(pack, {
                requiredTurnover,
                contractValue,
                procurementStart: '2026-03-01',
                justification: 'why',
              }),
            ),
          );
          assertCitationsResolve(
            answerOf(rateModernSlaveryRisk(pack, { indicators, ...(sector ? { sector } : {}) })),
          );
          const answers = Object.fromEntries(rowIds.map((id, i) => [id, levels[i]]));
          assertCitationsResolve(answerOf(supplierTier(pack, answers)));
          assertCitationsResolve(answerOf(stagePlan(pack, { awardDate, contractMonths })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('size band is given for every head count and never falls as the head count rises', () => {
    const order = pack.sizeBands.bands.map((b) => b.id);
    const rank = (n: number) => order.indexOf(answerOf(sizeBand(pack, n)).band);
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(rank(low) >= 0 && rank(low) <= rank(high), `${low} -> ${high}`);
        assert.equal(answerOf(sizeBand(pack, low)).sme, low < 250);
      }),
      RUNS,
    );
  });

  it('the supplier tier never rises when any row is lowered', () => {
    const levels: TierId[] = ['none', 'bronze', 'silver', 'gold'];
    const rowIds = pack.supplierStatus.rows.map((r) => r.id);
    const rankOf = (answers: Record<string, TierId>) =>
      levels.indexOf(answerOf(supplierTier(pack, answers)).tier);
    fc.assert(
      fc.property(
        fc.tuple(...rowIds.map(() => fc.integer({ min: 0, max: 3 }))),
        fc.nat({ max: rowIds.length - 1 }),
        fc.integer({ min: 1, max: 3 }),
        (ranks, row, drop) => {
          const answers = Object.fromEntries(
            rowIds.map((id, i) => [id, levels[ranks[i] ?? 0] ?? 'none']),
          );
          const lowered = { ...answers };
          const id = rowIds[row] ?? 'relationship';
          lowered[id] = levels[Math.max(0, (ranks[row] ?? 0) - drop)] ?? 'none';
          const before = rankOf(answers);
          assert.ok(rankOf(lowered) <= before);
          assert.equal(before, Math.min(...ranks), 'the tier is the lowest row');
        },
      ),
      RUNS,
    );
  });

  it('assess never throws on arbitrary input, and answers or lists problems', () => {
    const plausible = fc.record(
      {
        category: fc.oneof(fc.constantFrom('goods', 'services', 'works', 'mixed'), fc.anything()),
        mainElement: fc.oneof(fc.constantFrom('goods', 'services', 'works'), fc.anything()),
        value: fc.oneof(pounds, fc.double(), fc.anything()),
        keyProvider: fc.oneof(fc.boolean(), fc.anything()),
        procurementStart: fc.oneof(start, fc.string(), isoDate('1990-01-01', '2023-12-31')),
        competitive: fc.oneof(fc.boolean(), fc.anything()),
        lightTouch: fc.oneof(fc.boolean(), fc.anything()),
        headcount: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), plausible),
        fc.oneof(fc.constant(ON), fc.string()),
        (input, on) => {
          const result = assess(pack, input, on);
          if (result.ok) {
            assert.equal(typeof result.value.inScope, 'boolean');
            assertCitationsResolve(result.value);
          } else {
            assert.ok(result.problems.length > 0);
            for (const p of result.problems) {
              assert.ok(typeof p.path === 'string' && p.path.length > 0);
              assert.ok(typeof p.message === 'string' && p.message.length > 0);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
