import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { checkWeighting } from '../../../core/rules/index.js';
import { answerOf, citationsOfReasons, pathsOf, problemAt, problemsOf } from './helpers.js';

const WHY = 'Local employment is central to this contract.';

describe('checkWeighting (R4, §2.2)', () => {
  it('0% needs no justification', () => {
    const decision = answerOf(checkWeighting(pack, { weighting: 0 }));
    assert.equal(decision.weighting, 0);
    assert.equal(decision.justification, undefined);
    assert.deepEqual(citationsOfReasons(decision.reasons), ['§2.2', 'PPN 002']);
    assert.match(decision.reasons[0]?.text ?? '', /0% .* within the 0-10%/);
  });

  it('0.5% needs a justification, and is accepted with one', () => {
    const problems = problemsOf(checkWeighting(pack, { weighting: 0.5 }));
    assert.deepEqual(pathsOf(problems), ['justification']);
    assert.match(problemAt(problems, 'justification').message, /required .* above 0%.*§2\.2/);
    const decision = answerOf(checkWeighting(pack, { weighting: 0.5, justification: WHY }));
    assert.equal(decision.justification, WHY);
    assert.match(decision.reasons[0]?.text ?? '', /with a justification recorded/);
  });

  it('a justification of only spaces is no justification', () => {
    const problems = problemsOf(checkWeighting(pack, { weighting: 5, justification: '   ' }));
    assert.deepEqual(pathsOf(problems), ['justification']);
  });

  it('10% is the most allowed, with a justification', () => {
    assert.deepEqual(pathsOf(problemsOf(checkWeighting(pack, { weighting: 10 }))), [
      'justification',
    ]);
    const decision = answerOf(checkWeighting(pack, { weighting: 10, justification: WHY }));
    assert.equal(decision.weighting, 10);
  });

  for (const weighting of [10.01, 11, 20]) {
    it(`${weighting}% is refused citing §2.2, even with a justification`, () => {
      const problems = problemsOf(checkWeighting(pack, { weighting, justification: WHY }));
      assert.deepEqual(pathsOf(problems), ['weighting']);
      assert.match(
        problemAt(problems, 'weighting').message,
        new RegExp(`${weighting}% is refused: .* at most 10% .*\\(§2\\.2\\)`),
      );
    });
  }

  it('11% without a justification has both problems listed', () => {
    const problems = problemsOf(checkWeighting(pack, { weighting: 11 }));
    assert.deepEqual(pathsOf(problems), ['justification', 'weighting']);
  });

  it('refuses a negative or non-numeric weighting', () => {
    assert.match(
      problemAt(problemsOf(checkWeighting(pack, { weighting: -1 })), 'weighting').message,
      /at least 0%/,
    );
    assert.deepEqual(pathsOf(problemsOf(checkWeighting(pack, { weighting: '10%' }))), [
      'weighting',
    ]);
    assert.deepEqual(pathsOf(problemsOf(checkWeighting(pack, {}))), ['weighting']);
  });
});
