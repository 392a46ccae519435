import assert from 'node:assert/strict';
import {
  builtInPack,
  citationsIn,
  isCollectionOrHomePage,
  loadPack,
  policyPackSchema,
} from '../../../core/policy/index.js';
import { KNOWN_REFS } from '../rules/helpers.js';

const pack = builtInPack;

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
      'modernSlavery.rating.guidance.citation',
      'modernSlavery.rating.rule.derived.from.0',
      'scope.mixed.derived.from.0',
      'directAward.derived.from.0',
      'themeLinks.derived.from.0',
      'smallerProviders.turnover.byRegime.1.citation',
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

  it('states its annual review (§1.1.1), but invents no date: the document is undated', () => {
    assert.equal(pack.reviewCitation, '§1.1.1');
    assert.equal(pack.document.dated, false);
    assert.equal(pack.document.adopted, undefined);
    assert.equal(pack.reviewDue, undefined, 'the review date comes from the force');
    assert.doesNotMatch(
      pack.version,
      /^\d{4}\.\d+$/,
      'the version names the pack release, not a year',
    );
    assert.equal('effectiveFrom' in pack, false);
  });

  it('links every public source to its own document, never a collection or a home page', () => {
    assert.ok(pack.sources.length >= 20);
    for (const source of pack.sources) {
      assert.ok(source.url, `${source.ref} has no link`);
      assert.equal(isCollectionOrHomePage(source.url), false, `${source.ref}: ${source.url}`);
      const { hostname } = new URL(source.url);
      assert.ok(
        [
          'www.legislation.gov.uk',
          'www.gov.uk',
          'supplierregistration.cabinetoffice.gov.uk',
        ].includes(hostname),
        `${source.ref} links to ${hostname}`,
      );
      if (/^(PA 2023|PCR 2015|CCR 2016|SI |PSSVA|MSA 2015)/.test(source.ref)) {
        assert.equal(hostname, 'www.legislation.gov.uk', `${source.ref} is legislation`);
      }
      if (/^PPN /.test(source.ref)) {
        assert.match(source.url, /^https:\/\/www\.gov\.uk\/government\/publications\/ppn-/);
      }
    }
    // The check itself refuses what the issue found: collection pages and home pages.
    for (const bad of [
      'https://www.gov.uk/government/collections/procurement-policy-notes',
      'https://www.legislation.gov.uk',
      'https://www.legislation.gov.uk/',
      'https://www.find-tender.service.gov.uk',
    ]) {
      assert.equal(isCollectionOrHomePage(bad), true, bad);
    }
  });

  it('keeps the list of sources it may cite', () => {
    assert.deepEqual(
      pack.sources.map((s) => s.ref),
      [
        'PSSVA 2012 s.1',
        'PA 2023 s.3(2)',
        'PA 2023 s.8',
        'PA 2023 Sch 1',
        'PA 2023 Sch 1 para 5',
        'SI 2024/692',
        'SI 2024/692 reg 39',
        'PA 2023 s.12(4)',
        'PA 2023 s.18',
        'PA 2023 s.22',
        'PA 2023 s.123',
        'SI 2025/163 reg 3',
        'SI 2025/163 reg 7',
        'PCR 2015',
        'PCR 2015 reg 5',
        'PCR 2015 reg 58(9)',
        'CCR 2016',
        'PPN 11/23',
        'SI 2025/1200',
        'PPN 023:2026',
        'PPN 002',
        'PPN 009',
        'PPN 009 guidance',
        'MSA 2015 s.54',
        'MSAT',
        'PA 2023 s.9',
        'PA 2023 s.45',
        'PA 2023 s.52',
        'PA 2023 s.53',
        'PA 2023 s.71',
      ],
    );
  });

  it('credits the sub-central thresholds to the definition of a central government authority, not to a list of emergency services', () => {
    const { authority } = pack.regulated;
    assert.equal(authority.kind, 'sub-central');
    assert.equal(authority.citation, 'PA 2023 Sch 1 para 5');
    assert.doesNotMatch(authority.text, /emergency services/i);
    assert.match(authority.text, /not a central government authority/);
  });

  it('marks every rule the seed does not state as derived, with its grounds', () => {
    for (const [name, rule] of [
      ['mixed contracts', pack.scope.mixed],
      ['direct award', pack.directAward],
      ['theme links', pack.themeLinks],
      ['turnover rule of thumb', pack.smallerProviders.turnover.ruleOfThumb],
      ['risk mapping', pack.modernSlavery.rating.rule],
    ] as const) {
      assert.ok(rule.derived.from.length > 0, name);
      assert.ok(rule.derived.note.length > 20, name);
    }
    assert.ok(pack.supplierStatus.combining.derived.note.includes('no formula'));
    assert.ok(pack.act.concession.derived.from.includes('SI 2025/163 reg 7'));
  });

  it("keeps the seed's words: MSS-4's 'or', Fig 1 stages 2 and 5, Gold's strategic focus, and the lines an officer needs", () => {
    const mss4 = pack.modernSlavery.items.find((i) => i.id === 'MSS-4');
    assert.match(mss4?.text ?? '', /supplier of goods or services/);
    assert.match(mss4?.text ?? '', /working practices or modern slavery, or evidence/);
    assert.match(pack.stages[1]?.action ?? '', /suitable the requirement is for SMEs/);
    assert.match(pack.stages[4]?.action ?? '', /appropriate terms and conditions/);
    const gold = pack.supplierStatus.tiers.find((t) => t.id === 'gold');
    assert.match(gold?.summary ?? '', /strategic focus/);
    assert.deepEqual(
      pack.principles.map((p) => p.citation),
      ['§4.1', '§2.1', '§2.2', '§5.2'],
    );
    assert.match(pack.principles[1]?.text ?? '', /measurable and verifiable/);
    assert.match(pack.principles[2]?.text ?? '', /supply chain/);
    assert.match(pack.principles[3]?.text ?? '', /proportionately/);
    const lots = pack.smallerProviders.checks.find((c) => c.id === 'lots');
    assert.match(lots?.text ?? '', /Best Value/);
    assert.match(pack.modernSlavery.statementTurnover.text, /£36m/);
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

  it('R2/R3: the Act and the three dated regulated-threshold rows, VAT included, each with its sources', () => {
    assert.equal(pack.act.citation, 'PSSVA 2012 s.1');
    assert.equal(pack.regulated.includesVat, true);
    const sourceRefs = new Set(pack.sources.map((s) => s.ref));
    const rows = pack.regulated.rows.map(({ sources, confirmedOn, ...figures }) => {
      assert.ok(sources.length > 0);
      for (const ref of sources) assert.ok(sourceRefs.has(ref), `${ref} is not a listed source`);
      assert.match(confirmedOn, /^\d{4}-\d{2}-\d{2}$/);
      return figures;
    });
    assert.deepEqual(rows, [
      {
        from: '2024-01-01',
        to: '2025-02-23',
        goodsAndServices: 214_904,
        works: 5_372_609,
        lightTouch: 663_540,
        concession: 5_372_609,
        lightTouchConcession: 5_372_609,
        nextRevisionExpected: '2026-01-01',
      },
      {
        from: '2025-02-24',
        to: '2025-12-31',
        goodsAndServices: 214_904,
        works: 5_372_609,
        lightTouch: 663_540,
        concession: 5_372_609,
        lightTouchConcession: 5_372_609,
        nextRevisionExpected: '2026-01-01',
      },
      {
        from: '2026-01-01',
        goodsAndServices: 207_720,
        works: 5_193_000,
        lightTouch: 663_540,
        concession: 5_193_000,
        lightTouchConcession: 5_372_609,
        nextRevisionExpected: '2028-01-01',
      },
    ]);
    // Before the Act, the 2015 Regulations and PPN 11/23; from 24 February 2025, SI 2025/163 reg 3.
    assert.deepEqual(pack.regulated.rows[0]?.sources, ['PCR 2015 reg 5', 'CCR 2016', 'PPN 11/23']);
    assert.deepEqual(pack.regulated.rows[1]?.sources, ['SI 2025/163 reg 3', 'PA 2023 Sch 1']);
    assert.ok(!pack.regulated.rows[1]?.sources.includes('PPN 11/23'));
    assert.deepEqual(
      pack.act.regimes.map((r) => [r.id, r.from, r.to]),
      [
        ['pcr-2015', undefined, '2025-02-23'],
        ['pa-2023', '2025-02-24', undefined],
      ],
    );
  });

  it("R4: weighting 0 to 10% under §2.2, with the seed's 'must'", () => {
    assert.deepEqual(
      [pack.weighting.min, pack.weighting.max, pack.weighting.unit, pack.weighting.citation],
      [0, 10, '%', '§2.2'],
    );
    assert.match(pack.weighting.text, /must be on social value where there is a justification/);
    assert.doesNotMatch(pack.weighting.text, /\bmay\b/);
    assert.equal(pack.weighting.context.citation, 'PPN 002');
    assert.match(pack.weighting.context.text, /central government/);
    assert.match(pack.weighting.context.text, /does not bind a police body/);
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

  it('R8: the four §4.4 checks, and the turnover rule: reg 58(9) before the Act, s.22 after, twice the value a rule of thumb', () => {
    assert.deepEqual(
      pack.smallerProviders.checks.map((c) => c.citation),
      ['§4.4(a)', '§4.4(b)', '§4.4(c)', '§4.4(d)'],
    );
    const { turnover } = pack.smallerProviders;
    assert.equal(turnover.maxMultipleOfValue, 2);
    assert.deepEqual(
      turnover.byRegime.map((r) => [r.regime, r.citation, r.statesMultiple]),
      [
        ['pcr-2015', 'PCR 2015 reg 58(9)', true],
        ['pa-2023', 'PA 2023 s.22', false],
      ],
    );
    assert.ok(turnover.ruleOfThumb.derived.from.includes('PCR 2015 reg 58(9)'));
    assert.match(turnover.ruleOfThumb.derived.note, /sets no figure/);
  });

  it('R7: the SME note makes turnover or balance sheet a condition on top of the head count', () => {
    const { note } = pack.sizeBands;
    assert.equal(note.citation, 'PA 2023 s.123');
    assert.match(note.text, /£44m or less, or a balance sheet of £38m or less/);
    assert.match(note.text, /further condition on top of fewer than 250 staff/);
    assert.match(note.text, /not an alternative/);
    assert.doesNotMatch(note.text, /also allows/);
  });

  it('says for each smaller-provider check and modern slavery item whether it applies to a direct award, and why', () => {
    const direct = (items: { id: string; directAward: { applies: boolean; text: string } }[]) =>
      items.map((i) => [i.id, i.directAward.applies]);
    assert.deepEqual(direct(pack.smallerProviders.checks), [
      ['promote', false],
      ['events', false],
      ['thresholds', true],
      ['lots', false],
    ]);
    assert.deepEqual(direct(pack.modernSlavery.items), [
      ['MSS-1', true],
      ['MSS-2', true],
      ['MSS-3', true],
      ['MSS-4', true],
      ['MSS-5', true],
    ]);
    for (const item of [...pack.smallerProviders.checks, ...pack.modernSlavery.items]) {
      assert.ok(item.directAward.text.length > 10, item.id);
    }
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
    assert.match(combining.text, /suggests/);
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
    for (const s of [
      'construction',
      'cleaning',
      'security',
      'catering',
      'healthcare',
      'care-services',
    ]) {
      assert.ok(sectors.includes(s), s);
    }
    for (const sector of ms.highRiskSectors) assert.equal(sector.citation, 'PPN 009 guidance');
    // PPN 009 gives the indicators and says more than one calls for a closer look; the levels are ours.
    assert.equal(ms.rating.guidance.citation, 'PPN 009');
    assert.match(
      ms.rating.guidance.text,
      /more than one is present, consider whether the contract is high risk/,
    );
    assert.match(ms.rating.rule.derived.note, /does not map a count/);
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
