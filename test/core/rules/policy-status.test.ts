import assert from 'node:assert/strict';
import { cumbriaPack as pack } from '../../../core/policy/index.js';
import { policyStatus } from '../../../core/rules/index.js';
import { citationsOfReasons } from './helpers.js';

describe('policyStatus (§1.1.1)', () => {
  it('names the pack in force and is not overdue up to and on the review date', () => {
    for (const on of ['2026-01-01', '2026-12-31', '2027-01-01']) {
      const status = policyStatus(pack, on);
      assert.equal(status.reviewOverdue, false, on);
      assert.deepEqual(status.reasons, []);
      assert.equal(status.version, '2026.1');
      assert.equal(status.reviewDue, '2027-01-01');
    }
  });

  it('is overdue after the review date, asking the officer to check it is current', () => {
    const status = policyStatus(pack, '2027-01-02');
    assert.equal(status.reviewOverdue, true);
    assert.deepEqual(citationsOfReasons(status.reasons), ['§1.1.1']);
    assert.match(status.reasons[0]?.text ?? '', /check that it is still current/);
  });

  it('follows the review date of the pack it is given', () => {
    const later = { ...pack, reviewDue: '2028-01-01' };
    assert.equal(policyStatus(later, '2027-06-01').reviewOverdue, false);
  });
});
