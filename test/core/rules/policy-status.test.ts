import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import { policyStatus, withReviewDue } from '../../../core/rules/index.js';
import { citationsOfReasons } from './helpers.js';

describe('policyStatus (§1.1.1)', () => {
  it('records the document as undated and says the review date is not recorded', () => {
    for (const on of ['2026-01-01', '2030-06-01']) {
      const status = policyStatus(pack, on);
      assert.equal(status.reviewDue, null, on);
      assert.equal(status.reviewOverdue, false, on);
      assert.equal(status.documentDated, false);
      assert.equal(status.version, 'pack-2.0.0');
      assert.deepEqual(
        status.warnings.map((w) => [w.code, w.citation]),
        [['review-date-unknown', '§1.1.1']],
      );
      assert.deepEqual(citationsOfReasons(status.reasons), ['§1.1.1']);
      assert.equal('effectiveFrom' in status, false, 'no invented date of effect');
    }
  });

  it("takes the force's review date, and is not overdue up to and on it", () => {
    const set = withReviewDue(pack, '2027-01-01');
    for (const on of ['2026-01-01', '2026-12-31', '2027-01-01']) {
      const status = policyStatus(set, on);
      assert.equal(status.reviewOverdue, false, on);
      assert.deepEqual(status.reasons, []);
      assert.deepEqual(status.warnings, []);
      assert.equal(status.reviewDue, '2027-01-01');
    }
  });

  it('is overdue the day after, asking the officer to check it is current', () => {
    const status = policyStatus(withReviewDue(pack, '2027-01-01'), '2027-01-02');
    assert.equal(status.reviewOverdue, true);
    assert.deepEqual(citationsOfReasons(status.reasons), ['§1.1.1']);
    assert.match(status.reasons[0]?.text ?? '', /check with procurement that it is still current/);
    assert.deepEqual(
      status.warnings.map((w) => w.code),
      ['review-overdue'],
    );
  });

  it("follows the review date of the force's own pack, which a setting overrides", () => {
    const own = { ...pack, reviewDue: '2028-01-01' };
    assert.equal(policyStatus(own, '2027-06-01').reviewOverdue, false);
    assert.equal(policyStatus(own, '2027-06-01').reviewDue, '2028-01-01');
    assert.equal(policyStatus(withReviewDue(own, '2027-01-01'), '2027-06-01').reviewOverdue, true);
    assert.equal(withReviewDue(own, undefined), own);
  });
});
