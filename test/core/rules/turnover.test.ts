import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { checkTurnover } from '../../../core/rules/index.js';
import { answerOf, citationsOfReasons, pathsOf, problemAt, problemsOf } from './helpers.js';

/** Begun under the Procurement Act 2023 unless a test says otherwise. */
const UNDER_ACT = '2026-03-01';

describe('checkTurnover (R8c): reg 58(9) before 24 February 2025, s.22 from then on', () => {
  it('a minimum turnover of exactly twice the value is within the limit', () => {
    const decision = answerOf(
      checkTurnover(pack, {
        requiredTurnover: 300_000,
        contractValue: 150_000,
        procurementStart: UNDER_ACT,
      }),
    );
    assert.equal(decision.withinLimit, true);
    assert.equal(decision.limit, 300_000);
    assert.deepEqual(citationsOfReasons(decision.reasons), [
      'PA 2023 s.22',
      'PA 2023 s.22',
      '§4.4(c)',
    ]);
    assert.match(decision.reasons[0]?.text ?? '', /£300,000 is within £300,000, 2 times/);
  });

  it('begun 2025-02-23, the check cites PCR 2015 reg 58(9), whose own limit twice the value is', () => {
    const decision = answerOf(
      checkTurnover(pack, {
        requiredTurnover: 300_000,
        contractValue: 150_000,
        procurementStart: '2025-02-23',
      }),
    );
    assert.equal(decision.citation, 'PCR 2015 reg 58(9)');
    assert.equal(decision.ruleOfThumb, false);
    assert.deepEqual(citationsOfReasons(decision.reasons), ['PCR 2015 reg 58(9)', '§4.4(c)']);
    assert.ok(decision.reasons.every((r) => r.derived === undefined));
    const refused = problemsOf(
      checkTurnover(pack, {
        requiredTurnover: 300_000.01,
        contractValue: 150_000,
        procurementStart: '2025-02-23',
      }),
    );
    assert.match(problemAt(refused, 'justification').message, /\(PCR 2015 reg 58\(9\)\)$/);
  });

  it("begun 2025-02-24, the check cites PA 2023 s.22 and shows twice the value as the pack's derived rule of thumb", () => {
    const decision = answerOf(
      checkTurnover(pack, {
        requiredTurnover: 300_000,
        contractValue: 150_000,
        procurementStart: '2025-02-24',
      }),
    );
    assert.equal(decision.citation, 'PA 2023 s.22');
    assert.equal(decision.ruleOfThumb, true);
    assert.ok(!citationsOfReasons(decision.reasons).includes('PCR 2015 reg 58(9)'));
    assert.match(decision.reasons[0]?.text ?? '', /proportionate/);
    const thumb = decision.reasons.find((r) => r.derived);
    assert.ok(thumb, 'the rule of thumb is marked derived');
    assert.match(thumb.text, /rule of thumb/);
    assert.match(thumb.derived?.note ?? '', /reg 58\(9\).*sets no figure/);
  });

  it('a penny above twice the value needs a justification, naming the law and the rule of thumb', () => {
    const problems = problemsOf(
      checkTurnover(pack, {
        requiredTurnover: 300_000.01,
        contractValue: 150_000,
        procurementStart: UNDER_ACT,
      }),
    );
    assert.deepEqual(pathsOf(problems), ['justification']);
    assert.match(
      problemAt(problems, 'justification').message,
      /£300,000\.01 is more than 2 times the contract value \(£300,000\).*rule of thumb, under PA 2023 s\.22/,
    );
  });

  it('above the limit with a justification is accepted and says so', () => {
    const decision = answerOf(
      checkTurnover(pack, {
        requiredTurnover: 1_000_000,
        contractValue: 150_000,
        procurementStart: UNDER_ACT,
        justification: 'The supplier must carry stock for the whole force.',
      }),
    );
    assert.equal(decision.withinLimit, false);
    assert.match(decision.reasons[0]?.text ?? '', /above £300,000.*justification is recorded/);
  });

  it('works to the penny on odd values', () => {
    const at = answerOf(
      checkTurnover(pack, {
        requiredTurnover: 200_000.02,
        contractValue: 100_000.01,
        procurementStart: UNDER_ACT,
      }),
    );
    assert.equal(at.withinLimit, true);
    assert.equal(at.limit, 200_000.02);
  });

  it('refuses bad amounts and a missing start date, listing each', () => {
    const problems = problemsOf(
      checkTurnover(pack, { requiredTurnover: -1, contractValue: 'lots' }),
    );
    assert.deepEqual(pathsOf(problems), ['contractValue', 'procurementStart', 'requiredTurnover']);
  });
});
