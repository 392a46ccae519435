import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { MAX_CONTRACT_MONTHS, type StagePlan, stagePlan } from '../../../core/rules/index.js';
import { answerOf, assertCitationsResolve, pathsOf, problemAt, problemsOf } from './helpers.js';

function plan(awardDate: string, contractMonths: number): StagePlan {
  const result = answerOf(stagePlan(pack, { awardDate, contractMonths }));
  assertCitationsResolve(result);
  return result;
}

const due = (p: StagePlan, stage: number): string[] =>
  p.stages.find((s) => s.number === stage)?.dueDates ?? assert.fail(`no stage ${stage}`);

describe('stagePlan (R11, Fig 1)', () => {
  it('lists all 13 stages; only 11 to 13 are review stages with dates', () => {
    const p = plan('2026-04-01', 24);
    assert.deepEqual(
      p.stages.map((s) => s.number),
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      p.stages.filter((s) => s.review).map((s) => s.number),
      [11, 12, 13],
    );
    for (const s of p.stages.slice(0, 10)) assert.deepEqual(s.dueDates, [], `stage ${s.number}`);
    assert.equal(p.stages[7]?.action, 'The award criteria include a social value assessment.');
    assert.equal(p.stages[10]?.schedule?.citation, 'Fig 1 stage 11');
    assert.equal(p.stages[11]?.schedule?.citation, 'Fig 2 Gold');
  });

  it('reviews quarterly from the award and plans the exit six months before the end', () => {
    const p = plan('2026-04-01', 12);
    assert.equal(p.endDate, '2027-04-01');
    const quarters = ['2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01'];
    assert.deepEqual(due(p, 11), quarters);
    assert.deepEqual(due(p, 12), quarters);
    assert.deepEqual(due(p, 13), ['2026-10-01']);
  });

  it('an award on the 31st clamps to month ends without drifting', () => {
    const p = plan('2026-01-31', 12);
    assert.equal(p.endDate, '2027-01-31');
    assert.deepEqual(due(p, 11), ['2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31']);
    assert.deepEqual(due(p, 13), ['2026-07-31']);
  });

  it('an award on 30 November lands on 29 February in a leap year', () => {
    const p = plan('2023-11-30', 6);
    assert.deepEqual(due(p, 11), ['2024-02-29', '2024-05-30']);
    assert.equal(p.endDate, '2024-05-30');
    assert.deepEqual(due(p, 13), ['2023-11-30']);
  });

  it('a contract shorter than a quarter is reviewed at its end, and exits no earlier than the award', () => {
    const p = plan('2026-03-15', 1);
    assert.equal(p.endDate, '2026-04-15');
    assert.deepEqual(due(p, 11), ['2026-04-15']);
    assert.deepEqual(due(p, 12), ['2026-04-15']);
    assert.deepEqual(due(p, 13), ['2026-03-15']);
  });

  it('a contract of exactly six months plans the exit on the award date', () => {
    const p = plan('2026-03-15', 6);
    assert.deepEqual(due(p, 13), ['2026-03-15']);
    assert.deepEqual(due(p, 11), ['2026-06-15', '2026-09-15']);
  });

  it(`accepts up to ${MAX_CONTRACT_MONTHS} months, with a review every quarter`, () => {
    assert.equal(MAX_CONTRACT_MONTHS, 600);
    const p = plan('2026-01-31', 600);
    assert.equal(p.endDate, '2076-01-31');
    const reviews = due(p, 11);
    assert.equal(reviews.length, 200);
    assert.equal(reviews[0], '2026-04-30');
    assert.equal(reviews[199], '2076-01-31');
    assert.equal(reviews[3], '2027-01-31');
    assert.deepEqual(due(p, 13), ['2075-07-31']);
  });

  it('refuses 601 months, no months and part months, naming contractMonths', () => {
    const cases: [unknown, RegExp][] = [
      [601, /at most 600 months/],
      [0, /at least 1 month/],
      [1.5, /whole number of months/],
      ['12', /whole number of months/],
    ];
    for (const [contractMonths, message] of cases) {
      const problems = problemsOf(stagePlan(pack, { awardDate: '2026-01-01', contractMonths }));
      assert.deepEqual(pathsOf(problems), ['contractMonths']);
      assert.match(problemAt(problems, 'contractMonths').message, message);
    }
  });

  it('refuses an award date that is not a date, with a bad length too', () => {
    const problems = problemsOf(stagePlan(pack, { awardDate: '2026-02-30', contractMonths: -3 }));
    assert.deepEqual(pathsOf(problems), ['awardDate', 'contractMonths']);
    assert.match(problemAt(problems, 'awardDate').message, /real date/);
  });
});
