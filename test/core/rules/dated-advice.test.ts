import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { type Assessment, assess } from '../../../core/rules/index.js';
import {
  answerOf,
  assertCitationsResolve,
  citationsOfReasons,
  pathsOf,
  problemAt,
  problemsOf,
} from './helpers.js';

const ON = '2026-06-01';

function assessed(contract: Record<string, unknown>, on = ON): Assessment {
  const input = {
    category: 'services',
    keyProvider: false,
    procurementStart: '2026-03-01',
    ...contract,
  };
  const value = answerOf(assess(pack, input, on));
  assertCitationsResolve(value);
  return value;
}

const codes = (a: Assessment): string[] => a.warnings.map((w) => w.code);

describe('assess: concessions (R3)', () => {
  it('a £300,000 services concession is not regulated: it has its own threshold', () => {
    const a = assessed({ value: 300_000, concession: true });
    assert.equal(a.inScope, true, 'the local policy still covers it (§1.1.3(iii))');
    assert.equal(a.regulatedThreshold.basis, 'concession');
    assert.equal(a.regulatedThreshold.value, 5_193_000);
    assert.equal(a.aboveRegulatedThreshold, false);
    assert.equal(a.actApplies, false);
    assert.ok(citationsOfReasons(a.thresholdReasons).includes('PA 2023 s.8'));
    const contract = assessed({ value: 300_000 });
    assert.equal(
      contract.aboveRegulatedThreshold,
      true,
      'the same value as a contract is regulated',
    );
  });

  const periods: [string, string, number, number, string][] = [
    ['under the 2015 Regulations', '2025-02-23', 5_372_609, 5_372_609, 'PCR 2015 reg 5'],
    ['from 24 February 2025', '2025-02-24', 5_372_609, 5_372_609, 'SI 2025/163 reg 3'],
    ['to 31 December 2025', '2025-12-31', 5_372_609, 5_372_609, 'SI 2025/163 reg 3'],
    ['from 1 January 2026', '2026-01-01', 5_193_000, 5_372_609, 'SI 2025/1200'],
  ];
  for (const [name, start, threshold, lightTouch, source] of periods) {
    it(`${name} (${start}): a concession is regulated at £${threshold} and not a penny below`, () => {
      for (const category of ['services', 'works']) {
        const at = assessed({
          category,
          value: threshold,
          concession: true,
          procurementStart: start,
        });
        assert.equal(at.regulatedThreshold.value, threshold, category);
        assert.equal(at.regulatedThreshold.sources[0], source);
        assert.equal(at.aboveRegulatedThreshold, true, `${category} at the threshold`);
        const below = assessed({
          category,
          value: threshold - 0.01,
          concession: true,
          procurementStart: start,
        });
        assert.equal(below.aboveRegulatedThreshold, false, `${category} a penny below`);
      }
    });

    it(`${name} (${start}): a light-touch concession has its own threshold, £${lightTouch}`, () => {
      const at = assessed({
        value: lightTouch,
        lightTouch: true,
        concession: true,
        procurementStart: start,
      });
      assert.equal(at.regulatedThreshold.basis, 'light-touch concession');
      assert.equal(at.aboveRegulatedThreshold, true);
      const below = assessed({
        value: lightTouch - 0.01,
        lightTouch: true,
        concession: true,
        procurementStart: start,
      });
      assert.equal(below.aboveRegulatedThreshold, false);
      const notConcession = assessed({ value: 663_540, lightTouch: true, procurementStart: start });
      assert.equal(notConcession.regulatedThreshold.basis, 'light-touch services');
      assert.equal(notConcession.aboveRegulatedThreshold, true);
    });
  }

  it('in 2026 a works concession a penny above £5,193,000 is regulated, a penny below is not', () => {
    const above = assessed({ category: 'works', value: 5_193_000.01, concession: true });
    assert.equal(above.aboveRegulatedThreshold, true);
    const below = assessed({ category: 'works', value: 5_192_999.99, concession: true });
    assert.equal(below.aboveRegulatedThreshold, false);
  });

  it('states that the Social Value Act is read as not reaching a concession, and on what source', () => {
    const a = assessed({ value: 6_000_000, concession: true });
    assert.equal(a.aboveRegulatedThreshold, true);
    assert.equal(a.actApplies, false);
    assert.match(a.actReasons[0]?.text ?? '', /read as not reaching concessions/);
    const reading = a.actReasons.find((r) => r.citation === 'SI 2025/163 reg 7');
    assert.ok(reading?.derived, 'the reading is marked derived');
    assert.ok(reading.derived.from.includes('PSSVA 2012 s.1'));
    const contract = assessed({ value: 6_000_000 });
    assert.equal(contract.actApplies, true);
  });

  it('defaults to not a concession, and refuses a goods concession', () => {
    assert.equal(assessed({ value: 250_000 }).input.concession, false);
    const problems = problemsOf(
      assess(
        pack,
        {
          category: 'goods',
          value: 1,
          keyProvider: false,
          procurementStart: '2026-03-01',
          concession: true,
        },
        ON,
      ),
    );
    assert.deepEqual(pathsOf(problems), ['concession']);
    assert.match(problemAt(problems, 'concession').message, /works or services/);
    const notYesNo = problemsOf(
      assess(
        pack,
        {
          category: 'works',
          value: 1,
          keyProvider: false,
          procurementStart: '2026-03-01',
          concession: 'yes',
        },
        ON,
      ),
    );
    assert.deepEqual(pathsOf(notYesNo), ['concession']);
  });
});

describe('assess: thresholds that may be out of date (R3)', () => {
  it('no warning for a procurement beginning the day before the expected revision (2027-12-31)', () => {
    const a = assessed({ value: 250_000, procurementStart: '2027-12-31' });
    assert.deepEqual(
      codes(a).filter((c) => c === 'thresholds-may-be-outdated'),
      [],
    );
    assert.equal(a.regulatedThreshold.nextRevisionExpected, '2028-01-01');
  });

  it('the latest figures and a warning for one beginning on or after it (2028-01-01, 2028-01-02, 2030)', () => {
    for (const start of ['2028-01-01', '2028-01-02', '2030-06-01']) {
      const a = assessed({ value: 250_000, procurementStart: start });
      assert.equal(a.regulatedThreshold.value, 207_720, start);
      const warning = a.warnings.find((w) => w.code === 'thresholds-may-be-outdated');
      assert.ok(warning, start);
      assert.equal(warning.citation, 'PA 2023 Sch 1');
      assert.match(warning.text, /revised every two years/);
      assert.match(warning.text, /next revision was expected on 1 January 2028/);
      assert.match(warning.text, /last confirmed on 1 December 2026/);
    }
  });

  it('earlier rows ended before their expected revision: no warning for a 2025 start', () => {
    assert.ok(
      !codes(assessed({ value: 250_000, procurementStart: '2025-12-31' })).includes(
        'thresholds-may-be-outdated',
      ),
    );
  });

  it('warnings is always present, each { code, text, citation }', () => {
    const a = assessed({ value: 250_000 });
    assert.ok(Array.isArray(a.warnings));
    for (const w of a.warnings) {
      assert.deepEqual(Object.keys(w).sort(), ['citation', 'code', 'text']);
    }
  });
});

describe('assess: the award weighting (R4, §2.2)', () => {
  it('a contract in scope and awarded competitively gets the weighting, with the seed\'s "must"', () => {
    const a = assessed({ value: 100_000.01 });
    assert.equal(a.inScope, true);
    assert.equal(a.weighting.applies, true);
    assert.match(a.weighting.text, /must be on social value where there is a justification/);
    assert.ok(
      a.advice.some((r) => r.citation === 'PPN 002' && /does not bind a police body/.test(r.text)),
    );
  });

  it('a contract a penny out of scope gets weighting.applies false and no weighting advice', () => {
    const a = assessed({ value: 100_000 });
    assert.equal(a.inScope, false);
    assert.equal(a.weighting.applies, false);
    assert.ok(!a.advice.some((r) => r.rule === 'weighting'));
  });

  it('a key provider is in scope at any value, and gets the weighting when competed', () => {
    const a = assessed({ value: 5_000, keyProvider: true });
    assert.equal(a.weighting.applies, true);
    assert.equal(
      assessed({ value: 5_000, keyProvider: true, competitive: false }).weighting.applies,
      false,
    );
  });
});

describe("assess: what the pack adds is marked, and the seed's lines are given", () => {
  it('a mixed contract is judged as its main element, marked derived with its grounds', () => {
    const a = assessed({ category: 'mixed', mainElement: 'works', value: 2_500_000 });
    const coverage = a.scopeReasons.find((r) => r.rule === 'coverage');
    assert.ok(coverage?.derived);
    assert.match(coverage.text, /Judged as works, its main element/);
  });

  it('§4.1, §2.1, §2.2 and §5.2 are given as advice, each with its paragraph', () => {
    const cited = assessed({ value: 250_000 }).advice.map((r) => r.citation);
    for (const ref of ['§4.1', '§2.1', '§2.2', '§5.2']) assert.ok(cited.includes(ref), ref);
  });
});

describe('assess: sane input limits', () => {
  it('refuses a value of 1e308 as too large, not as a matter of pence', () => {
    const problems = problemsOf(
      assess(
        pack,
        { category: 'services', value: 1e308, keyProvider: false, procurementStart: '2026-03-01' },
        ON,
      ),
    );
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [['value', 'is too large: at most £100,000,000,000 (£100bn)']],
    );
  });

  it('accepts exactly £100bn, refuses a penny more, and still refuses part pence below it', () => {
    assessed({ value: 100_000_000_000 });
    const above = problemsOf(
      assess(
        pack,
        {
          category: 'services',
          value: 100_000_000_000.01,
          keyProvider: false,
          procurementStart: '2026-03-01',
        },
        ON,
      ),
    );
    assert.match(problemAt(above, 'value').message, /too large/);
    const pence = problemsOf(
      assess(
        pack,
        { category: 'services', value: 1.005, keyProvider: false, procurementStart: '2026-03-01' },
        ON,
      ),
    );
    assert.match(problemAt(pence, 'value').message, /whole pence/);
  });
});
