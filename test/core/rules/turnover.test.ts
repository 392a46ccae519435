import assert from 'node:assert/strict';
import { cumbriaPack as pack } from '../../../core/policy/index.js';
import { checkTurnover } from '../../../core/rules/index.js';
import { answerOf, citationsOfReasons, pathsOf, problemAt, problemsOf } from './helpers.js';

describe('checkTurnover (R8c, PCR 2015 reg 58(9))', () => {
  it('a minimum turnover of exactly twice the value is within the limit', () => {
    const decision = answerOf(
      checkTurnover(pack, { requiredTurnover: 300_000, contractValue: 150_000 }),
    );
    assert.equal(decision.withinLimit, true);
    assert.equal(decision.limit, 300_000);
    assert.deepEqual(citationsOfReasons(decision.reasons), ['PCR 2015 reg 58(9)', '§4.4(c)']);
    assert.match(decision.reasons[0]?.text ?? '', /£300,000 is within £300,000, 2 times/);
  });

  it('a penny above twice the value needs a justification', () => {
    const problems = problemsOf(
      checkTurnover(pack, { requiredTurnover: 300_000.01, contractValue: 150_000 }),
    );
    assert.deepEqual(pathsOf(problems), ['justification']);
    assert.match(
      problemAt(problems, 'justification').message,
      /£300,000\.01 is more than 2 times the contract value \(£300,000\).*PCR 2015 reg 58\(9\)/,
    );
  });

  it('above the limit with a justification is accepted and says so', () => {
    const decision = answerOf(
      checkTurnover(pack, {
        requiredTurnover: 1_000_000,
        contractValue: 150_000,
        justification: 'The supplier must carry stock for the whole force.',
      }),
    );
    assert.equal(decision.withinLimit, false);
    assert.match(decision.reasons[0]?.text ?? '', /above £300,000.*justification is recorded/);
  });

  it('works to the penny on odd values', () => {
    const at = answerOf(
      checkTurnover(pack, { requiredTurnover: 200_000.02, contractValue: 100_000.01 }),
    );
    assert.equal(at.withinLimit, true);
    assert.equal(at.limit, 200_000.02);
  });

  it('refuses bad amounts, listing each', () => {
    const problems = problemsOf(
      checkTurnover(pack, { requiredTurnover: -1, contractValue: 'lots' }),
    );
    assert.deepEqual(pathsOf(problems), ['contractValue', 'requiredTurnover']);
  });
});
