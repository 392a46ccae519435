import assert from 'node:assert/strict';
import { performanceNoticeText } from '../../../cards/notice-text.js';
import {
  assessPerformance,
  contractDetailsNotice,
  deliveryLevel,
  nextAssessmentDue,
  performanceNotice,
  progress,
  recordDelivery,
  setKpis,
  suggestedKpis,
} from '../../../core/record/index.js';
import { kpiDuty, kpiDutyInputFrom } from '../../../core/rules/index.js';
import { actOn, awardedRecord, okValue } from './contract-fixtures.js';
import { pack } from './fixtures.js';

/**
 * The worked example for the closing note: a £6m services contract, awarded on
 * 1 April 2026 for three years, through a year of quarterly delivery and two assessments.
 */
describe('worked example: a £6m services contract through two assessments', () => {
  it('KPIs required, delivery tracked, assessed yearly, each notice prepared', () => {
    let record = awardedRecord({ reference: 'SV-2026-0042', value: '£6,000,000' });
    const assessment = record.assessment;
    assert.ok(assessment);
    const duty = okValue(kpiDuty(pack, kpiDutyInputFrom(assessment.input)));
    assert.equal(duty.duty, 'required');

    // The three social value outcomes become the three KPIs, all most material.
    const kpis = suggestedKpis(record, pack).map((k) => ({ ...k, mostMaterial: true }));
    record = okValue(setKpis(record, pack, duty, { kpis }, actOn('2026-04-01')));
    assert.deepEqual(okValue(contractDetailsNotice(record, pack)).mostMaterial.length, 3);

    // Four quarterly returns in the first year.
    const quarters = [
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
      ['2027-01-01', '2027-03-31'],
    ] as const;
    for (const [from, to] of quarters) {
      const base = { from, to, note: 'Quarterly return with payroll extract' };
      for (const entry of [
        { measureId: 'local-jobs', amount: from === '2026-04-01' ? 1 : 0 },
        { measureId: 'local-supply-chain-spend', amount: 38 },
        { measureId: 'living-wage', status: 'met' },
      ]) {
        record = okValue(recordDelivery(record, pack, { ...base, ...entry }, actOn(to)));
      }
    }
    const year = okValue(progress(record, pack, '2027-04-01'));
    assert.deepEqual(
      year.outcomes.map((o) => [o.measureId, o.status]),
      [
        ['local-jobs', 'on-track'],
        ['local-supply-chain-spend', 'behind'],
        ['living-wage', 'met'],
      ],
    );
    assert.equal(okValue(deliveryLevel(record, pack, '2027-04-01')).level, 'bronze');

    // First assessment, due on the first anniversary of the award.
    assert.deepEqual(nextAssessmentDue(record, pack), { on: '2027-04-01', kind: 'yearly' });
    const rate = (ratings: string[], overall: string) => ({
      kpis: ratings.map((rating, i) => ({
        kpiId: `K${i + 1}`,
        rating,
        note: 'From the quarterly returns',
      })),
      overall: { rating: overall, note: 'Summary agreed at the supplier review board' },
    });
    record = okValue(
      assessPerformance(
        record,
        pack,
        rate(['good', 'approaching-target', 'good'], 'good'),
        actOn('2027-04-08'),
      ),
    );
    // Second, a year later.
    assert.deepEqual(nextAssessmentDue(record, pack), { on: '2028-04-01', kind: 'yearly' });
    record = okValue(
      assessPerformance(
        record,
        pack,
        rate(['requires-improvement', 'good', 'good'], 'approaching-target'),
        actOn('2028-04-06'),
      ),
    );
    assert.deepEqual(nextAssessmentDue(record, pack), { on: '2029-04-01', kind: 'termination' });

    const second = okValue(performanceNotice(record, pack, 'A2'));
    assert.deepEqual(second.period, { from: '2027-04-02', to: '2028-04-01' });
    const text = performanceNoticeText(second);
    assert.match(text, /^Contract performance notice \(UK9, PA 2023 s\.71\)\n/);
    assert.match(text, /Period assessed: 2 April 2027 to 1 April 2028/);
    assert.match(text, /Overall: Approaching target/);
  });
});
