import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { rateModernSlaveryRisk } from '../../../core/rules/index.js';
import { answerOf, citationsOfReasons, pathsOf, problemAt, problemsOf } from './helpers.js';

describe("rateModernSlaveryRisk (R13, PPN 009; the levels are the pack's own reading)", () => {
  it('no indicator is low risk, with no assessment tool', () => {
    const rating = answerOf(rateModernSlaveryRisk(pack, { indicators: [] }));
    assert.equal(rating.level, 'low');
    assert.deepEqual(rating.indicators, []);
    assert.equal(rating.assessmentToolAdvised, false);
    assert.deepEqual(citationsOfReasons(rating.reasons), ['PPN 009', 'PPN 009']);
    assert.match(rating.reasons[0]?.text ?? '', /0 of 6 risk indicators present: low risk/);
    assert.equal(answerOf(rateModernSlaveryRisk(pack, {})).level, 'low');
  });

  it('one indicator is medium: the MSAT is advised and the supply chain monitored (MSS-2)', () => {
    const rating = answerOf(rateModernSlaveryRisk(pack, { indicators: ['workforce'] }));
    assert.equal(rating.level, 'medium');
    assert.equal(rating.assessmentToolAdvised, true);
    assert.deepEqual(citationsOfReasons(rating.reasons), ['PPN 009', 'PPN 009', 'MSAT', 'MSS-2']);
    assert.match(rating.reasons[0]?.text ?? '', /1 of 6 .*nature of the workforce.*medium risk/);
  });

  it('shows the level as derived, and says what PPN 009 itself says', () => {
    for (const indicators of [[], ['workforce'], ['location', 'commodity']]) {
      const rating = answerOf(rateModernSlaveryRisk(pack, { indicators }));
      const [level, guidance] = rating.reasons;
      assert.ok(level?.derived, 'the count-to-level rule is marked derived');
      assert.match(level.text, /by the pack's own rule \(derived\)/);
      assert.match(level.derived.note, /does not map a count of indicators/);
      assert.equal(guidance?.derived, undefined);
      assert.match(
        guidance?.text ?? '',
        /more than one is present, consider whether the contract is high risk/,
      );
    }
  });

  it('counts healthcare and care services as higher risk, marked as the pack’s own addition (not confirmed in the guidance)', () => {
    for (const sector of ['healthcare', 'care-services']) {
      const rating = answerOf(rateModernSlaveryRisk(pack, { sector }));
      assert.equal(rating.level, 'medium', sector);
      assert.deepEqual(rating.indicators, ['industry']);
      const because = rating.reasons[2];
      assert.equal(because?.citation, 'PPN 009 guidance');
      assert.ok(because?.derived, `${sector} is marked derived`);
      assert.match(because.text, /often named as higher risk.*\(derived\)/);
    }
    // A category the guidance itself names is credited to it, not marked derived.
    const cleaning = answerOf(rateModernSlaveryRisk(pack, { sector: 'cleaning' })).reasons[2];
    assert.equal(cleaning?.derived, undefined);
    assert.match(cleaning?.text ?? '', /central guidance names as higher risk/);
  });

  it('two or more indicators are high', () => {
    const two = answerOf(rateModernSlaveryRisk(pack, { indicators: ['location', 'commodity'] }));
    assert.equal(two.level, 'high');
    assert.equal(two.assessmentToolAdvised, true);
    const all = pack.modernSlavery.indicators.map((i) => i.id);
    assert.equal(answerOf(rateModernSlaveryRisk(pack, { indicators: all })).level, 'high');
  });

  it('a high-risk sector counts as the industry indicator, once', () => {
    const cleaning = answerOf(rateModernSlaveryRisk(pack, { sector: 'cleaning' }));
    assert.equal(cleaning.level, 'medium');
    assert.deepEqual(cleaning.indicators, ['industry']);
    assert.match(
      cleaning.reasons[2]?.text ?? '',
      /Cleaning is a category central guidance names as higher risk/,
    );
    const both = answerOf(
      rateModernSlaveryRisk(pack, { sector: 'cleaning', indicators: ['industry'] }),
    );
    assert.equal(both.level, 'medium');
    const plus = answerOf(
      rateModernSlaveryRisk(pack, { sector: 'construction', indicators: ['workforce'] }),
    );
    assert.equal(plus.level, 'high');
    assert.deepEqual(plus.indicators, ['industry', 'workforce']);
  });

  it('a sector not on the high-risk list adds nothing', () => {
    const rating = answerOf(rateModernSlaveryRisk(pack, { sector: 'software' }));
    assert.equal(rating.level, 'low');
  });

  it('an indicator named twice is counted once', () => {
    const rating = answerOf(
      rateModernSlaveryRisk(pack, { indicators: ['workforce', 'workforce'] }),
    );
    assert.equal(rating.level, 'medium');
  });

  it('unknown indicator ids are each a problem by position', () => {
    const problems = problemsOf(
      rateModernSlaveryRisk(pack, { indicators: ['slavery', 'workforce', 'bogus'] }),
    );
    assert.deepEqual(pathsOf(problems), ['indicators.0', 'indicators.2']);
    assert.match(
      problemAt(problems, 'indicators.0').message,
      /"slavery" is not a risk indicator; use one of industry/,
    );
  });

  it('indicators that are not a list are refused', () => {
    assert.deepEqual(
      pathsOf(problemsOf(rateModernSlaveryRisk(pack, { indicators: 'workforce' }))),
      ['indicators'],
    );
  });
});
