import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { sizeBand } from '../../../core/rules/index.js';
import { answerOf, citationsOfReasons, pathsOf, problemsOf } from './helpers.js';

describe('sizeBand (R7, §4.3)', () => {
  const edges: [number, string, boolean][] = [
    [0, 'micro', true],
    [9, 'micro', true],
    [10, 'small', true],
    [49, 'small', true],
    [50, 'medium', true],
    [249, 'medium', true],
    [250, 'large', false],
    [100_000, 'large', false],
  ];
  for (const [headcount, band, sme] of edges) {
    it(`${headcount} employees is ${band}${sme ? ', an SME' : ', not an SME'}`, () => {
      const result = answerOf(sizeBand(pack, headcount));
      assert.equal(result.band, band);
      assert.equal(result.sme, sme);
      assert.deepEqual(citationsOfReasons(result.reasons), ['§4.3']);
      assert.match(result.reasons[0]?.text ?? '', new RegExp(`^${headcount} employees is ${band}`));
    });
  }

  it('says which range the count fell in', () => {
    assert.match(answerOf(sizeBand(pack, 50)).reasons[0]?.text ?? '', /\(50 to 249\); an SME/);
    assert.match(
      answerOf(sizeBand(pack, 250)).reasons[0]?.text ?? '',
      /\(250 or more\); not an SME/,
    );
  });

  it('refuses fractional, negative and non-numeric head counts, naming headcount', () => {
    for (const bad of [9.5, -1, Number.NaN, '12', null, undefined]) {
      const problems = problemsOf(sizeBand(pack, bad));
      assert.deepEqual(pathsOf(problems), ['headcount'], String(bad));
    }
    assert.match(problemsOf(sizeBand(pack, 9.5))[0]?.message ?? '', /whole number of employees/);
    assert.match(problemsOf(sizeBand(pack, -1))[0]?.message ?? '', /must not be negative/);
  });
});
