import assert from 'node:assert/strict';
import type { Result } from '../../../core/common/index.js';
import { builtInPack as pack } from '../../../core/policy/index.js';
import {
  checkTurnover,
  checkWeighting,
  rateModernSlaveryRisk,
  stagePlan,
} from '../../../core/rules/index.js';
import { pathsOf, problemsOf } from './helpers.js';

describe('rule inputs refuse fields they do not know', () => {
  const cases = [
    [
      'checkWeighting',
      () => checkWeighting(pack, { weighting: 5, justification: 'x', weigting: 6 }),
    ],
    [
      'checkTurnover',
      () =>
        checkTurnover(pack, {
          requiredTurnover: 1,
          contractValue: 1,
          procurementStart: '2026-03-01',
          turnOver: 2,
        }),
    ],
    ['rateModernSlaveryRisk', () => rateModernSlaveryRisk(pack, { indicators: [], sectr: 'x' })],
    [
      'stagePlan',
      () => stagePlan(pack, { awardDate: '2026-01-01', contractMonths: 12, months: 3 }),
    ],
  ] as const satisfies ReadonlyArray<readonly [string, () => Result<unknown>]>;
  for (const [name, call] of cases) {
    it(`${name} names the misspelt field instead of ignoring it`, () => {
      const problems = problemsOf<unknown>(call());
      assert.equal(pathsOf(problems).length, 1);
      assert.match(problems[0]?.message ?? '', /not a known field/);
    });
  }
});
