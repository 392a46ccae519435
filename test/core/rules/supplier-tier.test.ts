import assert from 'node:assert/strict';
import { builtInPack as pack, type TierId } from '../../../core/policy/index.js';
import { supplierTier } from '../../../core/rules/index.js';
import { answerOf, citationsOfReasons, pathsOf, problemAt, problemsOf } from './helpers.js';

const ROWS = pack.supplierStatus.rows.map((r) => r.id);

const all = (level: TierId): Record<string, TierId> =>
  Object.fromEntries(ROWS.map((id) => [id, level]));

describe('supplierTier (R12, Fig 2)', () => {
  it('names the six rubric rows', () => {
    assert.deepEqual(ROWS, [
      'relationship',
      'performance',
      'collaboration',
      'review-boards',
      'behaviour',
      'social-value-outputs',
    ]);
  });

  for (const level of ['gold', 'silver', 'bronze', 'none'] as const) {
    it(`every row ${level} gives ${level}`, () => {
      const result = answerOf(supplierTier(pack, all(level)));
      assert.equal(result.tier, level);
      assert.equal(result.rows.length, ROWS.length);
    });
  }

  it('gold gives the gold incentives, citing Fig 2 Gold and the combining rule', () => {
    const result = answerOf(supplierTier(pack, all('gold')));
    assert.equal(result.label, 'Gold');
    assert.ok(result.incentives.some((i) => i.includes('"Gold Supplier"')));
    assert.deepEqual(citationsOfReasons(result.reasons), ['Fig 2 Gold', 'Fig 2']);
    assert.equal(result.rows[0]?.text, 'Exceptional: seen as one team');
  });

  it('one silver row among gold gives silver, naming the row that held it back', () => {
    const result = answerOf(supplierTier(pack, { ...all('gold'), collaboration: 'silver' }));
    assert.equal(result.tier, 'silver');
    assert.match(
      result.reasons[1]?.text ?? '',
      /Lowest row: adoption of the collaboration principles\./,
    );
  });

  it('the lowest row decides: a single "none" is No Award, with no incentives', () => {
    const result = answerOf(supplierTier(pack, { ...all('gold'), behaviour: 'none' }));
    assert.equal(result.tier, 'none');
    assert.equal(result.label, 'No Award');
    assert.deepEqual(result.incentives, []);
    assert.deepEqual(citationsOfReasons(result.reasons), ['Fig 2 No Award', 'Fig 2']);
  });

  it('a mix of silver and bronze gives bronze, naming every lowest row', () => {
    const result = answerOf(
      supplierTier(pack, { ...all('silver'), performance: 'bronze', 'review-boards': 'bronze' }),
    );
    assert.equal(result.tier, 'bronze');
    assert.match(
      result.reasons[1]?.text ?? '',
      /Lowest rows: performance measures .*; supplier review boards/,
    );
  });

  it('a missing row is a problem naming the row', () => {
    const answers = all('gold');
    delete answers.performance;
    delete answers['social-value-outputs'];
    const problems = problemsOf(supplierTier(pack, answers));
    assert.deepEqual(pathsOf(problems), ['performance', 'social-value-outputs']);
    assert.match(
      problemAt(problems, 'performance').message,
      /needs a rating: Performance measures/,
    );
  });

  it('an unknown row is a problem, listed with missing rows', () => {
    const answers: Record<string, TierId> = { ...all('gold'), charm: 'gold' };
    delete answers.behaviour;
    const problems = problemsOf(supplierTier(pack, answers));
    assert.deepEqual(pathsOf(problems), ['behaviour', 'charm']);
    assert.match(problemAt(problems, 'charm').message, /not a row of the supplier status rubric/);
  });

  it('a level that is not a tier is refused by row', () => {
    const problems = problemsOf(supplierTier(pack, { ...all('gold'), behaviour: 'platinum' }));
    assert.deepEqual(pathsOf(problems), ['behaviour']);
    assert.match(problemAt(problems, 'behaviour').message, /one of gold, silver, bronze, none/);
  });

  it('answers that are not an object are refused', () => {
    for (const input of [null, 'gold', 3]) {
      assert.deepEqual(pathsOf(problemsOf(supplierTier(pack, input))), ['(input)']);
    }
  });
});
