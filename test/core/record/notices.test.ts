import assert from 'node:assert/strict';
import { contractDetailsText, performanceNoticeText } from '../../../cards/notice-text.js';
import {
  assessPerformance,
  contractDetailsNotice,
  performanceNotice,
  setKpis,
} from '../../../core/record/index.js';
import { kpiDuty } from '../../../core/rules/index.js';
import {
  actOn,
  awardedRecord,
  okValue,
  problemsOf,
  SUPPLIER,
  THREE_KPIS,
  withKpis,
} from './contract-fixtures.js';
import { pack } from './fixtures.js';

const record = withKpis(awardedRecord({ reference: 'SV-2026-0042' }));
const assessed = okValue(
  assessPerformance(
    record,
    pack,
    {
      kpis: [
        { kpiId: 'K1', rating: 'good', note: '96% seen within the hour' },
        { kpiId: 'K2', rating: 'approaching-target', note: '92% reviewed in time' },
        { kpiId: 'K3', rating: 'requires-improvement', note: 'One of three local posts filled' },
      ],
      overall: {
        rating: 'approaching-target',
        note: 'Close to target; a local recruitment plan is agreed',
      },
    },
    actOn('2027-04-10'),
  ),
);

describe('the contract details notice (UK7): the KPIs', () => {
  it('gives the contract, the supplier and each KPI, the most material marked', () => {
    const notice = okValue(contractDetailsNotice(record, pack));
    assert.deepEqual(notice.notice, {
      id: 'UK7',
      name: 'Contract details notice',
      citation: 'PA 2023 s.53',
    });
    assert.deepEqual(notice.contract, { reference: 'SV-2026-0042', title: 'Custody healthcare' });
    assert.equal(notice.supplier, SUPPLIER);
    assert.deepEqual(
      notice.kpis,
      THREE_KPIS.map(({ measureId: _m, ...kpi }, index) => ({ id: `K${index + 1}`, ...kpi })),
    );
    assert.deepEqual(
      notice.mostMaterial,
      THREE_KPIS.map((k) => k.name),
    );
    assert.equal(notice.notAppropriate, undefined);
  });

  it('marks only the most material among more KPIs', () => {
    const duty = okValue(kpiDuty(pack, { value: 6_000_000, procurementStart: '2026-04-01' }));
    const four = [
      ...THREE_KPIS,
      {
        name: 'Complaints answered',
        measuredBy: 'Complaint log',
        target: '10 days',
        mostMaterial: false,
      },
    ];
    const set = okValue(setKpis(awardedRecord(), pack, duty, { kpis: four }, actOn('2026-04-01')));
    const notice = okValue(contractDetailsNotice(set, pack));
    assert.deepEqual(
      notice.kpis.map((k) => k.mostMaterial),
      [true, true, true, false],
    );
    const text = contractDetailsText(notice);
    assert.match(text, /4\. Complaints answered\n/);
    assert.match(text, /1\. Detainees seen within the agreed time \[one of the most material\]/);
  });

  it('carries the reason where no KPI could assess performance', () => {
    const duty = okValue(kpiDuty(pack, { value: 6_000_000, procurementStart: '2026-04-01' }));
    const set = okValue(
      setKpis(
        awardedRecord(),
        pack,
        duty,
        { notAppropriate: 'A single delivery of goods' },
        actOn('2026-04-01'),
      ),
    );
    const notice = okValue(contractDetailsNotice(set, pack));
    assert.deepEqual(notice.kpis, []);
    assert.equal(notice.notAppropriate, 'A single delivery of goods');
    assert.match(
      contractDetailsText(notice),
      /Why performance could not appropriately be assessed by KPIs: A single delivery of goods/,
    );
  });

  it('reads as text to paste, naming the notice', () => {
    assert.equal(
      contractDetailsText(okValue(contractDetailsNotice(record, pack))),
      [
        'Contract details notice (UK7, PA 2023 s.53)',
        'Contract: Custody healthcare (SV-2026-0042)',
        `Supplier: ${SUPPLIER}`,
        '',
        'Key performance indicators:',
        '1. Detainees seen within the agreed time [one of the most material]',
        '   How it is measured: Share of detainees seen within 60 minutes, from the custody log',
        '   Target: 95%',
        '2. Clinical incidents reviewed [one of the most material]',
        '   How it is measured: Incidents reviewed within 5 working days, from the incident register',
        '   Target: 100%',
        '3. Local people employed [one of the most material]',
        '   How it is measured: People from the county employed on the contract, from payroll returns',
        '   Target: 3 people',
        '',
        'Most material: Detainees seen within the agreed time; Clinical incidents reviewed; Local people employed',
      ].join('\n'),
    );
  });

  it('needs the KPIs set first', () => {
    assert.equal(
      problemsOf(contractDetailsNotice(awardedRecord(), pack))[0]?.message,
      'Set the contract’s KPIs first.',
    );
  });
});

describe('the contract performance notice (UK9): one assessment', () => {
  it('gives the contract, supplier, period, each rating with its meaning and note, and overall', () => {
    const notice = okValue(performanceNotice(assessed, pack));
    assert.deepEqual(notice.notice, {
      id: 'UK9',
      name: 'Contract performance notice',
      citation: 'PA 2023 s.71',
    });
    assert.deepEqual(notice.contract, { reference: 'SV-2026-0042', title: 'Custody healthcare' });
    assert.equal(notice.supplier, SUPPLIER);
    assert.equal(notice.assessment, 'A1');
    assert.equal(notice.kind, 'yearly');
    assert.deepEqual(notice.period, { from: '2026-04-01', to: '2027-04-01' });
    assert.equal(notice.assessedOn, '2027-04-10');
    assert.deepEqual(notice.kpis[1], {
      kpiId: 'K2',
      name: 'Clinical incidents reviewed',
      rating: 'approaching-target',
      label: 'Approaching target',
      meaning: 'Performance is close to meeting the KPI.',
      note: '92% reviewed in time',
    });
    assert.deepEqual(
      notice.kpis.map((k) => k.label),
      ['Good', 'Approaching target', 'Requires improvement'],
    );
    assert.deepEqual(notice.overall, {
      rating: 'approaching-target',
      label: 'Approaching target',
      meaning: 'Performance is close to meeting the KPI.',
      note: 'Close to target; a local recruitment plan is agreed',
    });
  });

  it('reads as text to paste, naming the notice', () => {
    assert.equal(
      performanceNoticeText(okValue(performanceNotice(assessed, pack, 'a1'))),
      [
        'Contract performance notice (UK9, PA 2023 s.71)',
        'Contract: Custody healthcare (SV-2026-0042)',
        `Supplier: ${SUPPLIER}`,
        'Period assessed: 1 April 2026 to 1 April 2027',
        '',
        'Detainees seen within the agreed time: Good (Performance meets or exceeds the KPI.)',
        '   Note: 96% seen within the hour',
        'Clinical incidents reviewed: Approaching target (Performance is close to meeting the KPI.)',
        '   Note: 92% reviewed in time',
        'Local people employed: Requires improvement (Performance is below the KPI.)',
        '   Note: One of three local posts filled',
        'Overall: Approaching target (Performance is close to meeting the KPI.)',
        '   Note: Close to target; a local recruitment plan is agreed',
      ].join('\n'),
    );
  });

  it('says which assessments there are when asked for another', () => {
    assert.equal(
      problemsOf(performanceNotice(record, pack))[0]?.message,
      'No performance assessment has been made yet.',
    );
    assert.equal(
      problemsOf(performanceNotice(assessed, pack, 'A7'))[0]?.message,
      'There is no assessment A7; this record has A1.',
    );
  });
});
