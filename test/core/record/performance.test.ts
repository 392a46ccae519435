import assert from 'node:assert/strict';
import {
  assessmentDueDates,
  assessmentReminderOn,
  assessPerformance,
  type CommissioningRecord,
  markAssessmentReminderSent,
  nextAssessmentDue,
  owedAssessmentReminder,
  recordPerformanceEvent,
  recordTermination,
  setKpis,
  withAssessmentDates,
} from '../../../core/record/index.js';
import { kpiDuty } from '../../../core/rules/index.js';
import { actOn, awardedRecord, okValue, problemsOf, withKpis } from './contract-fixtures.js';
import { pack } from './fixtures.js';

const ratings = (rating = 'good') => ({
  kpis: ['K1', 'K2', 'K3'].map((kpiId) => ({
    kpiId,
    rating,
    note: `${kpiId}: on target all year`,
  })),
  overall: { rating, note: 'The supplier met its KPIs through the year' },
});

const assess = (record: CommissioningRecord, today: string, input: unknown = ratings()) =>
  okValue(assessPerformance(record, pack, input, actOn(today)));

describe('when performance assessments fall due (s.71)', () => {
  it('every 12 months from the award while the contract runs, and on its end', () => {
    assert.deepEqual(assessmentDueDates(withKpis(awardedRecord({ months: 36 })), pack), [
      { on: '2027-04-01', kind: 'yearly' },
      { on: '2028-04-01', kind: 'yearly' },
      { on: '2029-04-01', kind: 'termination' },
    ]);
  });

  it('once where a yearly date is the end date, and on a part year at the end', () => {
    assert.deepEqual(
      assessmentDueDates(withKpis(awardedRecord({ months: 24 })), pack).map((d) => d.on),
      ['2027-04-01', '2028-04-01'],
    );
    assert.deepEqual(assessmentDueDates(withKpis(awardedRecord({ months: 30 })), pack).at(-1), {
      on: '2028-10-01',
      kind: 'termination',
    });
  });

  it('on an early termination, with no yearly date after it', () => {
    const record = withKpis(awardedRecord({ months: 60 }));
    const ended = okValue(
      recordTermination(record, pack, { on: '2027-08-15' }, actOn('2027-08-20')),
    );
    assert.deepEqual(assessmentDueDates(ended, pack), [
      { on: '2027-04-01', kind: 'yearly' },
      { on: '2027-08-15', kind: 'termination' },
    ]);
    assert.equal(ended.history.at(-1)?.action, 'contract-terminated');
  });

  it('not at all where the Act did not require KPIs, or none could assess performance', () => {
    const record = awardedRecord({ value: '£250,000' });
    const optional = okValue(kpiDuty(pack, { value: 250_000, procurementStart: '2026-04-01' }));
    const set = okValue(
      setKpis(
        record,
        pack,
        optional,
        { kpis: [{ name: 'a', measuredBy: 'b', target: 'c' }] },
        actOn('2026-04-01'),
      ),
    );
    assert.deepEqual(assessmentDueDates(set, pack), []);
    const required = okValue(kpiDuty(pack, { value: 6_000_000, procurementStart: '2026-04-01' }));
    const reason = okValue(
      setKpis(
        awardedRecord(),
        pack,
        required,
        { notAppropriate: 'One delivery of goods' },
        actOn('2026-04-01'),
      ),
    );
    assert.deepEqual(assessmentDueDates(reason, pack), []);
    assert.match(
      problemsOf(assessPerformance(reason, pack, ratings(), actOn('2027-04-02')))[0]?.message ?? '',
      /no KPIs the Procurement Act required/,
    );
  });
});

describe('recording a performance assessment', () => {
  const record = withKpis(awardedRecord());

  it('rates each KPI and overall with a note, for the period since the award, and moves to the next due date', () => {
    const first = assess(record, '2027-04-05');
    const [made] = first.performance?.assessments ?? [];
    assert.equal(made?.id, 'A1');
    assert.equal(made?.due, '2027-04-01');
    assert.equal(made?.kind, 'yearly');
    assert.deepEqual(made?.period, { from: '2026-04-01', to: '2027-04-01' });
    assert.deepEqual(
      made?.kpis.map((k) => [k.kpiId, k.rating]),
      [
        ['K1', 'good'],
        ['K2', 'good'],
        ['K3', 'good'],
      ],
    );
    assert.equal(made?.overall.note, 'The supplier met its KPIs through the year');
    assert.equal(first.history.at(-1)?.action, 'performance-assessed');
    assert.match(
      String(first.history.at(-1)?.changes[0]?.to),
      /K1 Good; K2 Good; K3 Good; overall Good/,
    );
    assert.deepEqual(nextAssessmentDue(first, pack), { on: '2028-04-01', kind: 'yearly' });
  });

  it('keeps every assessment, each period following on from the last', () => {
    const second = assess(
      assess(record, '2027-04-05'),
      '2028-03-20',
      ratings('approaching-target'),
    );
    const periods = second.performance?.assessments.map((a) => [
      a.id,
      a.period.from,
      a.period.to,
      a.overall.rating,
    ]);
    assert.deepEqual(periods, [
      ['A1', '2026-04-01', '2027-04-01', 'good'],
      // Made early: the period runs to the day it was made.
      ['A2', '2027-04-02', '2028-03-20', 'approaching-target'],
    ]);
  });

  it('says what is missing in plain words', () => {
    const problems = problemsOf(
      assessPerformance(
        record,
        pack,
        {
          kpis: [
            { kpiId: 'K1', rating: 'excellent', note: 'x' },
            { kpiId: 'K2', rating: 'good', note: '' },
          ],
          overall: { rating: 'good', note: 'fine' },
        },
        actOn('2027-04-05'),
      ),
    );
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Choose one of the ratings: Good, Approaching target, Requires improvement, Inadequate, Other.',
        'Add a note on the rating.',
      ],
    );
    const unrated = problemsOf(
      assessPerformance(
        record,
        pack,
        { kpis: ratings().kpis.slice(0, 2), overall: ratings().overall },
        actOn('2027-04-05'),
      ),
    );
    assert.deepEqual(
      unrated.map((p) => p.message),
      ['Rate “Local people employed”.'],
    );
    const noOverall = problemsOf(
      assessPerformance(record, pack, { kpis: ratings().kpis }, actOn('2027-04-05')),
    );
    assert.equal(noOverall[0]?.message, 'Give an overall rating with a note.');
  });

  it('refuses an assessment once all are made', () => {
    let current = record;
    for (const day of ['2027-04-02', '2028-04-02', '2029-04-02']) current = assess(current, day);
    assert.equal(
      problemsOf(assessPerformance(current, pack, ratings(), actOn('2029-05-01')))[0]?.message,
      'No assessment is due: every one has been made.',
    );
    assert.equal(current.performance?.assessments.at(-1)?.kind, 'termination');
  });
});

describe('the next assessment feeds the record’s due and reminder dates', () => {
  const record = withKpis(awardedRecord());
  // With every stage done, the assessment is the only thing due.
  const stagesDone: CommissioningRecord = {
    ...record,
    stages: (record.stages ?? []).map(({ due: _due, dueSource: _source, ...s }) => ({
      ...s,
      done: true,
    })),
  };

  it('takes the earlier of the next stage and the next assessment', () => {
    const stageDue = record.nextDueOn;
    assert.ok(stageDue && stageDue < '2027-04-01');
    assert.equal(withAssessmentDates(record, pack).nextDueOn, stageDue);
    const only = withAssessmentDates(stagesDone, pack);
    assert.equal(only.nextDueOn, '2027-04-01');
    assert.equal(only.nextReminderOn, '2027-04-01');
    assert.deepEqual(withAssessmentDates(only, pack), only);
  });

  it('is owed to the sweep from its due date, not before', () => {
    const only = withAssessmentDates(stagesDone, pack);
    assert.equal(owedAssessmentReminder(only, pack, '2027-03-31'), undefined);
    assert.deepEqual(owedAssessmentReminder(only, pack, '2027-04-01'), { due: '2027-04-01' });
  });

  it('owes the reminder once: after it is sent, the due date stays and the reminder goes', () => {
    const sent = markAssessmentReminderSent(
      withAssessmentDates(stagesDone, pack),
      pack,
      '2027-04-01',
      '2027-04-01T07:00:00.000Z',
    );
    assert.equal(assessmentReminderOn(sent, pack), undefined);
    assert.equal(sent.nextReminderOn, undefined);
    assert.equal(sent.nextDueOn, '2027-04-01');
    assert.equal(sent.history.at(-1)?.action, 'reminder-sent');
    assert.equal(owedAssessmentReminder(sent, pack, '2027-04-01'), undefined);
    // The assessment made, the next one is due and reminded.
    const next = assess(sent, '2027-04-03');
    assert.equal(next.nextDueOn, '2028-04-01');
    assert.equal(next.nextReminderOn, '2028-04-01');
  });
});

describe('termination and breach events', () => {
  const record = withKpis(awardedRecord());

  it('refuses a termination twice, in the future, before the award or at or after the planned end', () => {
    const ended = okValue(
      recordTermination(record, pack, { on: '2027-01-10' }, actOn('2027-01-10')),
    );
    assert.match(
      problemsOf(recordTermination(ended, pack, { on: '2027-01-11' }, actOn('2027-01-11')))[0]
        ?.message ?? '',
      /already recorded, on 2027-01-10/,
    );
    const cases: [string, string, RegExp][] = [
      ['2027-01-20', '2027-01-10', /must not be in the future/],
      ['2026-03-01', '2027-01-10', /before its award, on 2026-04-01/],
      ['2029-04-01', '2029-05-01', /planned end, 2029-04-01, already counts as its termination/],
      ['soon', '2027-01-10', /Enter the day the contract was terminated/],
    ];
    for (const [on, today, message] of cases) {
      const problems = problemsOf(recordTermination(record, pack, { on }, actOn(today)));
      assert.match(problems[0]?.message ?? '', message, on);
    }
  });

  it('records a breach or a failure to improve with its date and note, as s.71 asks', () => {
    const after = okValue(
      recordPerformanceEvent(
        record,
        pack,
        {
          kind: 'breach-damages',
          on: '2027-06-01',
          note: 'Damages agreed for missed clinical cover',
        },
        actOn('2027-06-03'),
      ),
    );
    assert.deepEqual(
      after.performance?.events.map((e) => [e.id, e.kind, e.on]),
      [['E1', 'breach-damages', '2027-06-01']],
    );
    assert.deepEqual(after.history.at(-1)?.changes, [
      { field: 'performance event E1', to: 'Breach leading to damages on 2027-06-01' },
    ]);
    const problems = problemsOf(
      recordPerformanceEvent(
        record,
        pack,
        { kind: 'late', on: '2027-06-09', note: '' },
        actOn('2027-06-03'),
      ),
    );
    assert.match(
      problems[0]?.message ?? '',
      /^Choose what happened: Breach leading to termination;/,
    );
    assert.equal(problems[1]?.message, 'Describe what happened in a note.');
  });
});
