import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { type Assessment, assess, withReviewDue } from '../../../core/rules/index.js';
import {
  answerOf,
  assertCitationsResolve,
  citationsOfReasons,
  pathsOf,
  problemAt,
  problemsOf,
} from './helpers.js';

const ON = '2026-06-01';

interface Contract {
  category: 'goods' | 'services' | 'works' | 'mixed';
  value: number;
  mainElement?: 'goods' | 'services' | 'works';
  keyProvider?: boolean;
  procurementStart?: string;
  competitive?: boolean;
  lightTouch?: boolean;
  headcount?: number;
}

/** Assesses a contract that must be accepted; not a key provider and begun in 2026 unless said. */
function assessed(contract: Contract, on = ON): Assessment {
  const input = { keyProvider: false, procurementStart: '2026-03-01', ...contract };
  const result = assess(pack, input, on);
  const value = answerOf(result);
  assertCitationsResolve(value);
  return value;
}

describe('assess: scope (R1, §1.1.3)', () => {
  it('goods at exactly £100,000 are not in scope: the policy says more than £100,000', () => {
    const a = assessed({ category: 'goods', value: 100_000 });
    assert.equal(a.inScope, false);
    assert.deepEqual(citationsOfReasons(a.scopeReasons), ['§1.1.3(i)', '§1.1.3(iii)']);
    assert.match(a.scopeReasons[1]?.text ?? '', /£100,000 is not greater than £100,000/);
  });

  it('goods at £100,000.01 are in scope under §1.1.3(iii)', () => {
    const a = assessed({ category: 'goods', value: 100_000.01 });
    assert.equal(a.inScope, true);
    assert.deepEqual(citationsOfReasons(a.scopeReasons), ['§1.1.3(iii)']);
    assert.match(a.scopeReasons[0]?.text ?? '', /£100,000\.01 is greater than £100,000/);
  });

  it('services follow the same £100,000 line', () => {
    assert.equal(assessed({ category: 'services', value: 100_000 }).inScope, false);
    assert.equal(assessed({ category: 'services', value: 100_001 }).inScope, true);
  });

  it('works at exactly £2,000,000 are not in scope; £2,000,001 is, under §1.1.3(iv)', () => {
    const at = assessed({ category: 'works', value: 2_000_000 });
    assert.equal(at.inScope, false);
    assert.deepEqual(citationsOfReasons(at.scopeReasons), ['§1.1.3(i)', '§1.1.3(iv)']);
    const above = assessed({ category: 'works', value: 2_000_001 });
    assert.equal(above.inScope, true);
    assert.deepEqual(citationsOfReasons(above.scopeReasons), ['§1.1.3(iv)']);
  });

  it('works between £100,000 and £2,000,000 are not in scope: the goods line does not apply', () => {
    const a = assessed({ category: 'works', value: 1_500_000 });
    assert.equal(a.inScope, false);
    assert.ok(!citationsOfReasons(a.scopeReasons).includes('§1.1.3(iii)'));
  });

  it('a key provider is in scope whatever the value, citing §1.1.3(i)', () => {
    for (const category of ['goods', 'services', 'works'] as const) {
      const a = assessed({ category, value: 0, keyProvider: true });
      assert.equal(a.inScope, true, category);
      assert.deepEqual(citationsOfReasons(a.scopeReasons), ['§1.1.3(i)']);
      assert.match(a.scopeReasons[0]?.text ?? '', /key provider/);
    }
  });

  it('a key provider above the value line is in scope on both grounds', () => {
    const a = assessed({ category: 'works', value: 3_000_000, keyProvider: true });
    assert.deepEqual(citationsOfReasons(a.scopeReasons), ['§1.1.3(i)', '§1.1.3(iv)']);
  });
});

describe('assess: a mixed contract is judged as its main element (§1.1.3(ii))', () => {
  it('mixed, mainly works, at £1,500,000 is out of scope though goods at that value would be in', () => {
    const a = assessed({ category: 'mixed', mainElement: 'works', value: 1_500_000 });
    assert.equal(a.element, 'works');
    assert.equal(a.inScope, false);
    const coverage = a.scopeReasons.find((r) => r.rule === 'coverage');
    assert.equal(coverage?.citation, '§1.1.3(ii)');
    assert.match(coverage?.text ?? '', /Judged as works, its main element/);
    assert.equal(a.regulatedThreshold.basis, 'works');
  });

  it('mixed, mainly goods, at £150,000 is in scope under §1.1.3(iii)', () => {
    const a = assessed({ category: 'mixed', mainElement: 'goods', value: 150_000 });
    assert.equal(a.element, 'goods');
    assert.equal(a.inScope, true);
    assert.deepEqual(citationsOfReasons(a.scopeReasons), ['§1.1.3(iii)', '§1.1.3(ii)']);
  });

  it('mixed, mainly services, above the threshold brings in the Act; mainly goods does not', () => {
    const services = assessed({ category: 'mixed', mainElement: 'services', value: 250_000 });
    assert.equal(services.actApplies, true);
    const goods = assessed({ category: 'mixed', mainElement: 'goods', value: 250_000 });
    assert.equal(goods.actApplies, false);
    assert.equal(goods.aboveRegulatedThreshold, true);
    assert.match(goods.actReasons[0]?.text ?? '', /main element is goods, not services/);
  });
});

describe('assess: regulated thresholds (R3) and the Act (R2)', () => {
  it('services at £210,000 begun 2025-12-31 are below the £214,904 threshold', () => {
    const a = assessed({ category: 'services', value: 210_000, procurementStart: '2025-12-31' });
    assert.equal(a.aboveRegulatedThreshold, false);
    assert.equal(a.actApplies, false);
    assert.equal(a.socialValueObjective, false);
    assert.deepEqual(
      [
        a.regulatedThreshold.value,
        a.regulatedThreshold.effectiveFrom,
        a.regulatedThreshold.effectiveTo,
      ],
      [214_904, '2025-02-24', '2025-12-31'],
    );
    assert.deepEqual(a.regulatedThreshold.sources, ['SI 2025/163 reg 3', 'PA 2023 Sch 1']);
    assert.equal(
      a.thresholdReasons[0]?.text,
      'The sub-central threshold for goods and services in procurements begun from 24 February 2025 to 31 December 2025 is £214,904 including VAT.',
    );
    assert.match(
      a.thresholdReasons[1]?.text ?? '',
      /£210,000 is below £214,904, so the contract is not regulated/,
    );
    assert.match(a.actReasons[0]?.text ?? '', /Below the regulated threshold/);
  });

  it('the same services begun 2026-01-01 reach the £207,720 threshold and the Act applies', () => {
    const a = assessed({ category: 'services', value: 210_000, procurementStart: '2026-01-01' });
    assert.equal(a.aboveRegulatedThreshold, true);
    assert.equal(a.actApplies, true);
    assert.equal(a.socialValueObjective, true);
    assert.equal(a.regulatedThreshold.value, 207_720);
    assert.equal(a.regulatedThreshold.effectiveTo, undefined);
    assert.deepEqual(a.regulatedThreshold.sources, ['SI 2025/1200', 'PPN 023:2026']);
    const citations = citationsOfReasons(a.thresholdReasons);
    assert.deepEqual(citations, ['SI 2025/1200', 'PA 2023 s.3(2)', 'PA 2023 Sch 1 para 5']);
    assert.match(
      a.thresholdReasons[1]?.text ?? '',
      /at or above £207,720, so the contract is regulated/,
    );
    assert.deepEqual(citationsOfReasons(a.actReasons), [
      'PSSVA 2012 s.1',
      'PSSVA 2012 s.1',
      'SI 2025/163 reg 7',
    ]);
    assert.ok(a.advice.some((r) => r.rule === 'objective' && r.citation === '§2.2'));
  });

  const atThreshold: [string, Contract & { procurementStart: string }, number][] = [
    [
      'goods and services, 2024-25',
      { category: 'services', value: 214_904, procurementStart: '2025-12-31' },
      214_904,
    ],
    [
      'goods and services, from 2026',
      { category: 'goods', value: 207_720, procurementStart: '2026-01-01' },
      207_720,
    ],
    [
      'works, 2024-25',
      { category: 'works', value: 5_372_609, procurementStart: '2024-01-01' },
      5_372_609,
    ],
    [
      'works, from 2026',
      { category: 'works', value: 5_193_000, procurementStart: '2026-01-01' },
      5_193_000,
    ],
    [
      'light-touch services, 2024-25',
      { category: 'services', lightTouch: true, value: 663_540, procurementStart: '2025-06-30' },
      663_540,
    ],
    [
      'light-touch services, from 2026',
      {
        category: 'mixed',
        mainElement: 'services',
        lightTouch: true,
        value: 663_540,
        procurementStart: '2026-01-01',
      },
      663_540,
    ],
  ];
  for (const [name, contract, threshold] of atThreshold) {
    it(`${name}: exactly £${threshold} is regulated ("not less than"); a penny less is not`, () => {
      const at = assessed(contract);
      assert.equal(at.regulatedThreshold.value, threshold);
      assert.equal(at.aboveRegulatedThreshold, true);
      const below = assessed({ ...contract, value: threshold - 0.01 });
      assert.equal(below.aboveRegulatedThreshold, false);
    });
  }

  it('light-touch services use the light-touch threshold, not the goods and services one', () => {
    const a = assessed({ category: 'services', lightTouch: true, value: 300_000 });
    assert.equal(a.regulatedThreshold.basis, 'light-touch services');
    assert.equal(a.aboveRegulatedThreshold, false);
    assert.equal(a.actApplies, false);
    assert.match(
      a.thresholdReasons[0]?.text ?? '',
      /light-touch services .* is £663,540 including VAT/,
    );
  });

  it('works above the threshold are regulated but the Act (services only) does not apply', () => {
    const a = assessed({ category: 'works', value: 6_000_000 });
    assert.equal(a.aboveRegulatedThreshold, true);
    assert.equal(a.actApplies, false);
    assert.match(a.actReasons[0]?.text ?? '', /main element is works/);
  });

  it('procurements begun before 24 February 2025 run under PCR 2015, after under the Procurement Act', () => {
    const before = assessed({
      category: 'services',
      value: 250_000,
      procurementStart: '2025-02-23',
    });
    assert.equal(before.regime?.id, 'pcr-2015');
    const lots = before.smallerProviderChecks.find((c) => c.id === 'lots');
    assert.equal(lots?.statutory, undefined);
    const after = assessed({
      category: 'services',
      value: 250_000,
      procurementStart: '2025-02-24',
    });
    assert.equal(after.regime?.id, 'pa-2023');
    const lotsAfter = after.smallerProviderChecks.find((c) => c.id === 'lots');
    assert.equal(lotsAfter?.statutory?.citation, 'PA 2023 s.18');
  });

  it('the statutory lots duty needs a regulated procurement; the SME regard duty does not', () => {
    const a = assessed({ category: 'services', value: 150_000 });
    const byId = new Map(a.smallerProviderChecks.map((c) => [c.id, c]));
    assert.equal(byId.get('lots')?.statutory, undefined);
    assert.equal(byId.get('promote')?.statutory?.citation, 'PA 2023 s.12(4)');
  });

  it('a direct award gets no weighting, sets aside the checks that need a competition and says why, and keeps modern slavery due diligence', () => {
    const a = assessed({ category: 'services', value: 250_000, competitive: false });
    assert.equal(a.weighting.applies, false);
    assert.deepEqual(
      a.smallerProviderChecks.map((c) => c.id),
      ['thresholds'],
    );
    assert.match(a.smallerProviderChecks[0]?.directAward ?? '', /Still applies/);
    assert.deepEqual(
      a.setAside.map((i) => [i.id, i.citation]),
      [
        ['promote', '§4.4(a)'],
        ['events', '§4.4(b)'],
        ['lots', '§4.4(d)'],
      ],
    );
    for (const item of a.setAside) {
      assert.ok(item.why.length > 10, item.id);
      assert.ok(item.derived.from.length > 0, item.id);
    }
    assert.deepEqual(
      a.modernSlaveryItems.map((i) => i.id),
      ['MSS-1', 'MSS-2', 'MSS-3', 'MSS-4', 'MSS-5'],
    );
    assert.match(
      a.modernSlaveryItems[0]?.directAward ?? '',
      /Still applies to the one supplier chosen/,
    );
    const directAdvice = a.advice.find((r) => r.rule === 'direct-award');
    assert.ok(directAdvice?.derived, 'what a direct award changes is marked derived');
    const competitive = assessed({ category: 'services', value: 250_000 });
    assert.equal(competitive.weighting.applies, true);
    assert.deepEqual(
      competitive.modernSlaveryItems.map((i) => i.id),
      ['MSS-1', 'MSS-2', 'MSS-3', 'MSS-4', 'MSS-5'],
    );
    assert.deepEqual(
      competitive.smallerProviderChecks.map((c) => c.citation),
      ['§4.4(a)', '§4.4(b)', '§4.4(c)', '§4.4(d)'],
    );
    assert.deepEqual(competitive.setAside, []);
    assert.equal(competitive.smallerProviderChecks[0]?.directAward, undefined);
  });

  it('gives the size band when a head count is given', () => {
    const a = assessed({ category: 'services', value: 250_000, headcount: 49 });
    assert.equal(a.sizeBand, 'small');
    assert.deepEqual(citationsOfReasons(a.sizeBandReasons), ['§4.3']);
    const none = assessed({ category: 'services', value: 250_000 });
    assert.equal(none.sizeBand, undefined);
    assert.deepEqual(none.sizeBandReasons, []);
  });
});

describe('assess: the policy review (§1.1.1)', () => {
  const contract: Contract = { category: 'goods', value: 50_000 };
  const input = { keyProvider: false, procurementStart: '2026-03-01', ...contract };
  const withReview = withReviewDue(pack, '2027-01-01');

  it('says the review date is not recorded until the force sets one', () => {
    const a = assessed(contract, '2027-01-01');
    assert.equal(a.policy.reviewDue, null);
    assert.equal(a.policy.reviewOverdue, false);
    assert.equal(a.policy.version, 'pack-2.0.0');
    assert.deepEqual(
      a.warnings.map((w) => w.code),
      ['review-date-unknown'],
    );
    assert.match(a.warnings[0]?.text ?? '', /review date is not recorded/);
  });

  it("is not overdue on the force's review date itself", () => {
    const a = answerOf(assess(withReview, input, '2027-01-01'));
    assert.equal(a.policy.reviewDue, '2027-01-01');
    assert.equal(a.policy.reviewOverdue, false);
    assert.deepEqual(a.policyReasons, []);
    assert.deepEqual(a.warnings, []);
  });

  it('is overdue the day after, with a warning citing §1.1.1', () => {
    const a = answerOf(assess(withReview, input, '2027-01-02'));
    assert.equal(a.policy.reviewOverdue, true);
    assert.deepEqual(citationsOfReasons(a.policyReasons), ['§1.1.1']);
    assert.match(a.policyReasons[0]?.text ?? '', /review was due on 1 January 2027/);
    assert.deepEqual(
      a.warnings.map((w) => [w.code, w.citation]),
      [['review-overdue', '§1.1.1']],
    );
  });
});

describe('assess: bad input is refused with every problem, never a wrong answer', () => {
  const good = {
    category: 'services',
    value: 250_000,
    keyProvider: false,
    procurementStart: '2026-03-01',
  };

  it('lists several faults in one input as several problems, each by its field', () => {
    const problems = problemsOf(
      assess(
        pack,
        {
          category: 'food',
          value: -5,
          keyProvider: 'yes',
          procurementStart: '2026-02-30',
          headcount: 4.5,
          colour: 'red',
        },
        ON,
      ),
    );
    assert.deepEqual(pathsOf(problems), [
      'category',
      'colour',
      'headcount',
      'keyProvider',
      'procurementStart',
      'value',
    ]);
    assert.match(problemAt(problems, 'category').message, /one of goods, services, works, mixed/);
    assert.match(problemAt(problems, 'value').message, /must not be negative/);
    assert.match(problemAt(problems, 'keyProvider').message, /true or false/);
    assert.match(problemAt(problems, 'procurementStart').message, /real date/);
    assert.match(problemAt(problems, 'headcount').message, /whole number/);
    assert.match(problemAt(problems, 'colour').message, /not a known field/);
  });

  it('a mixed contract with no main element is refused, alongside other faults', () => {
    const problems = problemsOf(
      assess(pack, { ...good, category: 'mixed', value: 1.005, headcount: -1 }, ON),
    );
    assert.deepEqual(pathsOf(problems), ['headcount', 'mainElement', 'value']);
    assert.match(problemAt(problems, 'mainElement').message, /required for a mixed contract/);
    assert.match(problemAt(problems, 'value').message, /whole pence/);
  });

  it('a main element on a contract that is not mixed is refused', () => {
    const problems = problemsOf(assess(pack, { ...good, mainElement: 'works' }, ON));
    assert.deepEqual(pathsOf(problems), ['mainElement']);
  });

  it('light-touch is refused for goods and works, and for mixed contracts mainly of either', () => {
    for (const extra of [
      { category: 'goods' },
      { category: 'works' },
      { category: 'mixed', mainElement: 'goods' },
    ]) {
      const problems = problemsOf(assess(pack, { ...good, ...extra, lightTouch: true }, ON));
      assert.deepEqual(pathsOf(problems), ['lightTouch'], JSON.stringify(extra));
      assert.match(problemAt(problems, 'lightTouch').message, /only be true for services/);
    }
  });

  it('a procurement begun before the first threshold row is a problem on procurementStart', () => {
    const problems = problemsOf(assess(pack, { ...good, procurementStart: '2023-12-31' }, ON));
    assert.deepEqual(pathsOf(problems), ['procurementStart']);
    assert.match(problemAt(problems, 'procurementStart').message, /thresholds begin on 2024-01-01/);
    answerOf(assess(pack, { ...good, procurementStart: '2024-01-01' }, ON));
  });

  it('a start before the first threshold row is listed together with the other faults', () => {
    const problems = problemsOf(
      assess(pack, { ...good, value: -1, procurementStart: '2023-06-01' }, '2026-02-30'),
    );
    assert.deepEqual(pathsOf(problems), ['on', 'procurementStart', 'value']);
  });

  it('missing fields are each named, and a non-object input is refused as a whole', () => {
    const problems = problemsOf(assess(pack, {}, ON));
    assert.deepEqual(pathsOf(problems), ['category', 'keyProvider', 'procurementStart', 'value']);
    for (const input of [null, 'services', 42, [good]]) {
      assert.deepEqual(pathsOf(problemsOf(assess(pack, input, ON))), ['(input)']);
    }
  });

  it('a value given as text is refused rather than guessed at', () => {
    const problems = problemsOf(assess(pack, { ...good, value: '£250,000' }, ON));
    assert.deepEqual(pathsOf(problems), ['value']);
  });
});
