import assert from 'node:assert/strict';
import { addDays, addMonths } from '../../../core/common/dates.js';
import {
  assessPerformance,
  CONTRACT_LIST_LIMITS,
  CONTRACT_TEXT_LIMITS,
  type CommissioningRecord,
  correctDelivery,
  recordDelivery,
  recordPerformanceEvent,
  setKpis,
} from '../../../core/record/index.js';
import { kpiDuty } from '../../../core/rules/index.js';
import { AWARD, actOn, awardedRecord, okValue } from './contract-fixtures.js';
import { pack } from './fixtures.js';
import { longText, maximalRecord } from './max-record.js';

const COSMOS_ITEM = 2 * 1024 * 1024;
const YEARS = 5;
const MEASURES = 10;

/** Ten outcomes, each with a target (a commitment has none to set). */
const targets = Object.fromEntries(
  pack.framework.measures
    .slice(0, MEASURES)
    .map((m) => [m.id, m.unit.kind === 'commitment' ? undefined : 50]),
);

const link = (seed: string): string =>
  `https://police.sharepoint.example.org/sites/contracts/${seed}/${'evidence-folder/'.repeat(40)}`.slice(
    0,
    CONTRACT_TEXT_LIMITS.evidenceLink,
  );

function entryValue(_record: CommissioningRecord, measureId: string, amount: number) {
  const measure = pack.framework.measures.find((m) => m.id === measureId);
  assert.ok(measure);
  return measure.unit.kind === 'commitment' ? { status: 'partly-met' } : { amount };
}

/**
 * A five-year contract reviewed each quarter for ten outcomes, every text at its limit; each
 * quarter's entries corrected `correctedPerQuarter` times; ten KPIs assessed every year and on
 * termination, every note at its limit.
 */
function deliveredRecord(correctedPerQuarter: number): {
  record: CommissioningRecord;
  entries: number;
} {
  let record = awardedRecord({ months: YEARS * 12, targets, reference: 'SV-2026-0500' });
  const duty = okValue(kpiDuty(pack, { value: 6_000_000, procurementStart: '2026-04-01' }));
  const kpis = Array.from({ length: 10 }, (_, i) => ({
    name: longText(CONTRACT_TEXT_LIMITS.kpiName, `KPI ${i}`).replace(/\n/g, ' '),
    measuredBy: longText(CONTRACT_TEXT_LIMITS.kpiMeasuredBy, `Measure ${i}`),
    target: longText(CONTRACT_TEXT_LIMITS.kpiTarget, `Target ${i}`),
    mostMaterial: i < 3,
  }));
  record = okValue(setKpis(record, pack, duty, { kpis }, actOn(AWARD)));
  const ids = Object.keys(targets);
  for (let quarter = 0; quarter < YEARS * 4; quarter += 1) {
    const from = addMonths(AWARD, quarter * 3);
    const to = addDays(addMonths(AWARD, (quarter + 1) * 3), -1);
    const today = addDays(to, 5);
    const first = (record.delivery ?? []).length;
    for (const measureId of ids) {
      const input = {
        measureId,
        from,
        to,
        note: longText(CONTRACT_TEXT_LIMITS.evidenceNote, `Q${quarter} ${measureId}`),
        link: link(`q${quarter}-${measureId}`),
        ...entryValue(record, measureId, 2),
      };
      record = okValue(recordDelivery(record, pack, input, actOn(today)));
    }
    for (let n = 0; n < correctedPerQuarter; n += 1) {
      const old = record.delivery?.[first + (n % MEASURES)];
      assert.ok(old);
      const correction = {
        corrects: old.id,
        note: longText(CONTRACT_TEXT_LIMITS.evidenceNote, `Correction ${n}`),
        link: link(`correction-${quarter}-${n}`),
        ...entryValue(record, old.measureId, 3),
      };
      const latest = record.delivery?.find((e) => e.id === old.id)?.supersededBy ?? old.id;
      record = okValue(
        correctDelivery(record, pack, { ...correction, corrects: latest }, actOn(today)),
      );
    }
    if (quarter % 4 === 3) record = assessed(record, today);
  }
  return { record, entries: record.delivery?.length ?? 0 };
}

function assessed(record: CommissioningRecord, today: string): CommissioningRecord {
  const input = {
    kpis: (record.kpis?.kpis ?? []).map((kpi) => ({
      kpiId: kpi.id,
      rating: 'approaching-target',
      note: longText(CONTRACT_TEXT_LIMITS.ratingNote, kpi.id),
    })),
    overall: { rating: 'good', note: longText(CONTRACT_TEXT_LIMITS.overallNote, 'Overall') },
  };
  return okValue(assessPerformance(record, pack, input, actOn(today)));
}

const size = (record: CommissioningRecord): number => Buffer.byteLength(JSON.stringify(record));

describe('the size of a record with years of delivery', function () {
  this.timeout(60_000);

  it('a five-year contract, ten outcomes reviewed quarterly, every quarter corrected, and five yearly assessments of ten KPIs: under a quarter of a Cosmos DB item', () => {
    const { record, entries } = deliveredRecord(2);
    const bytes = size(record);
    console.log(
      `      delivery record: ${bytes} bytes (${((100 * bytes) / COSMOS_ITEM).toFixed(1)}% of 2 MB); ${entries} delivery entries, ${record.performance?.assessments.length} assessments, ${record.history.length} history entries`,
    );
    assert.equal(entries, YEARS * 4 * (MEASURES + 2));
    assert.equal(record.performance?.assessments.length, YEARS);
    assert.ok(bytes < COSMOS_ITEM / 4, `the record is ${bytes} bytes`);
  });

  it('the largest questionnaire record with every contract list at its limit still fits in one item', () => {
    let { record } = maximalRecord();
    const before = size(record);
    const duty = okValue(kpiDuty(pack, { value: 6_000_000, procurementStart: '2026-04-01' }));
    const kpis = Array.from({ length: CONTRACT_LIST_LIMITS.kpis }, (_, i) => ({
      name: longText(CONTRACT_TEXT_LIMITS.kpiName, `KPI ${i}`).replace(/\n/g, ' '),
      measuredBy: longText(CONTRACT_TEXT_LIMITS.kpiMeasuredBy, `Measure ${i}`),
      target: longText(CONTRACT_TEXT_LIMITS.kpiTarget, `Target ${i}`),
      mostMaterial: i < 3,
    }));
    record = okValue(setKpis(record, pack, duty, { kpis }, actOn(AWARD)));
    const award = record.contract?.awardDate ?? AWARD;
    const months = record.contract?.months ?? 0;
    for (let quarter = 0; quarter < months / 3; quarter += 1) {
      const from = addMonths(award, quarter * 3);
      const to = addDays(addMonths(award, (quarter + 1) * 3), -1);
      const today = addDays(to, 5);
      for (const measure of pack.framework.measures) {
        if ((record.delivery?.length ?? 0) >= CONTRACT_LIST_LIMITS.deliveryEntries) break;
        const input = {
          measureId: measure.id,
          from,
          to,
          note: longText(CONTRACT_TEXT_LIMITS.evidenceNote, `Q${quarter} ${measure.id}`),
          link: link(`q${quarter}-${measure.id}`),
          ...entryValue(record, measure.id, 1),
        };
        record = okValue(recordDelivery(record, pack, input, actOn(today)));
      }
      if (quarter % 4 === 3) record = assessed(record, today);
    }
    for (let n = 0; n < CONTRACT_LIST_LIMITS.events; n += 1) {
      const event = {
        kind: 'failure-to-improve',
        on: '2027-01-01',
        note: longText(CONTRACT_TEXT_LIMITS.eventNote, `Event ${n}`),
      };
      record = okValue(recordPerformanceEvent(record, pack, event, actOn('2027-01-02')));
    }
    const bytes = size(record);
    console.log(
      `      largest record with contract management: ${bytes} bytes (${((100 * bytes) / COSMOS_ITEM).toFixed(1)}% of 2 MB; ${before} before award); ${record.delivery?.length} entries, ${record.kpis?.kpis.length} KPIs, ${record.performance?.assessments.length} assessments, ${record.performance?.events.length} events`,
    );
    assert.equal(record.delivery?.length, CONTRACT_LIST_LIMITS.deliveryEntries);
    assert.equal(record.performance?.assessments.length, months / 12);
    assert.ok(bytes < COSMOS_ITEM * 0.95, `the record is ${bytes} bytes`);
  });
});
