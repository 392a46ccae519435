import assert from 'node:assert/strict';
import {
  citationsIn,
  cumbriaPack,
  loadPack,
  policyPackSchema,
} from '../../../core/policy/index.js';
import { KNOWN_REFS } from '../rules/helpers.js';

const pack = cumbriaPack;

describe('the Cumbria policy pack', () => {
  it('passes its own schema, cross-field checks included', () => {
    const parsed = policyPackSchema.safeParse(pack);
    assert.equal(parsed.success, true, JSON.stringify(parsed.error?.issues));
    assert.equal(loadPack(pack).ok, true);
  });

  it('resolves every citation it holds to a paragraph or a listed source', () => {
    const uses = citationsIn(pack);
    assert.ok(uses.length > 100, `only ${uses.length} citations found`);
    const unknown = uses.filter((use) => !KNOWN_REFS.has(use.ref));
    assert.deepEqual(unknown, []);
    const paths = uses.map((use) => use.path.join('.'));
    for (const expected of [
      'scope.rules.0.citation',
      'regulated.rows.0.sources.0',
      'themes.0.examples.0',
      'stages.12.schedule.derived.from.0',
      'supplierStatus.combining.derived.from.0',
      'modernSlavery.rating.citation',
    ]) {
      assert.ok(paths.includes(expected), `citationsIn missed ${expected}`);
    }
  });

  it('lists each paragraph and each source once', () => {
    const paragraphs = pack.paragraphs.map((p) => p.ref);
    const sources = pack.sources.map((s) => s.ref);
    assert.equal(new Set(paragraphs).size, paragraphs.length);
    assert.equal(new Set(sources).size, sources.length);
  });

  it('states its annual review (§1.1.1)', () => {
    assert.equal(pack.reviewCitation, '§1.1.1');
    assert.ok(pack.reviewDue > pack.effectiveFrom);
  });

  it('R1: scope by key provider (i), goods and services over £100,000 (iii), works over £2,000,000 (iv)', () => {
    const rules = pack.scope.rules;
    assert.deepEqual(
      rules.map((r) => r.citation),
      ['§1.1.3(i)', '§1.1.3(iii)', '§1.1.3(iv)'],
    );
    assert.equal(rules[0]?.kind, 'keyProvider');
    const [, goods, works] = rules;
    assert.ok(goods?.kind === 'valueGreaterThan' && works?.kind === 'valueGreaterThan');
    assert.deepEqual([goods.appliesTo, goods.threshold], [['goods', 'services'], 100_000]);
    assert.deepEqual([works.appliesTo, works.threshold], [['works'], 2_000_000]);
    assert.equal(pack.scope.coverage.citation, '§1.1.3(ii)');
  });

  it('R2/R3: the Act and both regulated-threshold rows, VAT included, each with its sources', () => {
    assert.equal(pack.act.citation, 'PSSVA 2012 s.1');
    assert.equal(pack.regulated.includesVat, true);
    const sourceRefs = new Set(pack.sources.map((s) => s.ref));
    const rows = pack.regulated.rows.map(({ sources, ...figures }) => {
      assert.ok(sources.length > 0);
      for (const ref of sources) assert.ok(sourceRefs.has(ref), `${ref} is not a listed source`);
      return figures;
    });
    assert.deepEqual(rows, [
      {
        from: '2024-01-01',
        to: '2025-12-31',
        goodsAndServices: 214_904,
        works: 5_372_609,
        lightTouch: 663_540,
      },
      { from: '2026-01-01', goodsAndServices: 207_720, works: 5_193_000, lightTouch: 663_540 },
    ]);
    assert.deepEqual(
      pack.act.regimes.map((r) => [r.id, r.from, r.to]),
      [
        ['pcr-2015', undefined, '2025-02-23'],
        ['pa-2023', '2025-02-24', undefined],
      ],
    );
  });

  it('R4: weighting 0 to 10% under §2.2', () => {
    assert.deepEqual(
      [pack.weighting.min, pack.weighting.max, pack.weighting.unit, pack.weighting.citation],
      [0, 10, '%', '§2.2'],
    );
  });

  it('R5/R6: three outcome tests and the §4.2 pre-commissioning questions', () => {
    assert.deepEqual(
      pack.outcomeTests.map((t) => t.citation),
      ['§2.1(i)', '§2.1(ii)', '§2.1(iii)'],
    );
    assert.deepEqual(
      pack.preCommissioningQuestions.map((q) => q.citation),
      ['§4.2(a)', '§4.2(b)', '§4.2(c)'],
    );
  });

  it('R7: four contiguous size bands by head count; SMEs below 250', () => {
    assert.deepEqual(
      pack.sizeBands.bands.map((b) => [b.id, b.min, b.max]),
      [
        ['micro', 0, 9],
        ['small', 10, 49],
        ['medium', 50, 249],
        ['large', 250, undefined],
      ],
    );
    assert.equal(pack.sizeBands.smeBelow, 250);
    assert.equal(pack.sizeBands.citation, '§4.3');
  });

  it('R8: the four §4.4 checks and the turnover rule at twice the value (PCR 2015 reg 58(9))', () => {
    assert.deepEqual(
      pack.smallerProviders.checks.map((c) => c.citation),
      ['§4.4(a)', '§4.4(b)', '§4.4(c)', '§4.4(d)'],
    );
    assert.equal(pack.smallerProviders.turnover.maxMultipleOfValue, 2);
    assert.equal(pack.smallerProviders.turnover.citation, 'PCR 2015 reg 58(9)');
  });

  it('R9/R10: five themes, each with a measure; themes 3 and 5 only by derived measures', () => {
    assert.deepEqual(
      pack.themes.map((t) => [t.id, t.citation]),
      [1, 2, 3, 4, 5].map((id) => [id, `§5.0 theme ${id}`]),
    );
    const { measures } = pack.framework;
    for (const theme of pack.themes) {
      const own = measures.filter((m) => m.theme === theme.id);
      assert.ok(own.length >= 1, `theme ${theme.id} has no measure`);
      if (theme.id === 3 || theme.id === 5) {
        for (const m of own) {
          assert.ok(m.derived, `${m.id} (theme ${theme.id}) must be marked derived`);
          assert.ok(m.derived.from.includes(`§5.0 theme ${theme.id}`));
          assert.ok(m.derived.note.length > 0);
        }
      }
    }
    const appendix = measures.filter((m) => m.outcome !== undefined);
    assert.ok(appendix.length > 0);
    for (const m of appendix) {
      assert.equal(m.derived, undefined, `${m.id} is from Appendix 1, not derived`);
      assert.equal(m.citation, `App 1 Outcome ${m.outcome}`);
    }
  });

  it('R11: thirteen stages, 11 to 13 review stages with default schedules', () => {
    assert.deepEqual(
      pack.stages.map((s) => s.number),
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      pack.stages.filter((s) => s.review).map((s) => s.number),
      [11, 12, 13],
    );
    const schedules = pack.stages.map((s) =>
      s.schedule ? [s.schedule.from, s.schedule.months, s.schedule.everyMonths] : undefined,
    );
    assert.deepEqual(schedules.slice(10), [
      ['award', 3, 3],
      ['award', 3, 3],
      ['end', -6, undefined],
    ]);
    assert.ok(schedules.slice(0, 10).every((s) => s === undefined));
    for (const s of pack.stages.slice(10)) assert.ok(s.schedule?.derived, `stage ${s.number}`);
  });

  it('R12: four ranked tiers, rubric rows with every level, and the lowest-row rule', () => {
    const { tiers, rows, combining } = pack.supplierStatus;
    assert.deepEqual(
      [...tiers].sort((a, b) => b.rank - a.rank).map((t) => t.id),
      ['gold', 'silver', 'bronze', 'none'],
    );
    assert.ok(rows.length >= 5);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row.levels).sort(), ['bronze', 'gold', 'none', 'silver']);
    }
    assert.equal(combining.rule, 'lowestRow');
    assert.ok(combining.derived.from.includes('Fig 2'));
  });

  it('R13: MSS-1 to MSS-5, six indicators, high-risk sectors and the rating bands', () => {
    const ms = pack.modernSlavery;
    assert.deepEqual(
      ms.items.map((i) => [i.id, i.citation]),
      [1, 2, 3, 4, 5].map((n) => [`MSS-${n}`, `MSS-${n}`]),
    );
    assert.equal(ms.indicators.length, 6);
    assert.ok(ms.indicators.some((i) => i.id === ms.rating.sectorIndicator));
    assert.equal(ms.rating.sectorIndicator, 'industry');
    const sectors = ms.highRiskSectors.map((s) => s.id);
    for (const s of ['construction', 'cleaning', 'security', 'catering']) {
      assert.ok(sectors.includes(s), s);
    }
    assert.deepEqual(
      ms.rating.bands.map((b) => [b.level, b.minIndicators]),
      [
        ['low', 0],
        ['medium', 1],
        ['high', 2],
      ],
    );
    assert.equal(ms.assessmentTool.from, 'medium');
    assert.equal(ms.statementTurnover.amount, 36_000_000);
  });
});
