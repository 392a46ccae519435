import assert from 'node:assert/strict';
import {
  type CommissioningRecord,
  correctDelivery,
  deliveryLevel,
  progress,
  recordDelivery,
  recordTermination,
} from '../../../core/record/index.js';
import { actOn, awardedRecord, okValue, problemsOf } from './contract-fixtures.js';
import { pack } from './fixtures.js';

/** Award 2026-04-01, 36 months: the contract ends 2029-04-01. */
const END = '2029-04-01';
const Q1 = { from: '2026-04-01', to: '2026-06-30' };
const note = 'Payroll return for the quarter, checked by the contract manager';

function deliver(
  record: CommissioningRecord,
  entry: Record<string, unknown>,
  today = '2026-07-05',
): CommissioningRecord {
  return okValue(recordDelivery(record, pack, { ...Q1, note, ...entry }, actOn(today)));
}

const statusOf = (record: CommissioningRecord, on: string, measureId: string) => {
  const found = okValue(progress(record, pack, on)).outcomes.find((o) => o.measureId === measureId);
  assert.ok(found, measureId);
  return found;
};

describe('recording delivery against each outcome', () => {
  const record = awardedRecord();

  it('appends an entry with its amount, evidence, who and when, and a history entry', () => {
    const after = deliver(record, {
      measureId: 'local-jobs',
      amount: 1,
      link: 'https://sharepoint.example.org/returns/q1.pdf',
    });
    assert.deepEqual(after.delivery, [
      {
        id: 'D1',
        measureId: 'local-jobs',
        period: Q1,
        amount: 1,
        evidence: { note, link: 'https://sharepoint.example.org/returns/q1.pdf' },
        by: record.owner,
        at: '2026-07-05T10:00:00.000Z',
      },
    ]);
    const last = after.history.at(-1);
    assert.equal(last?.action, 'delivery-recorded');
    assert.deepEqual(last?.changes, [
      { field: 'delivery D1', to: 'local-jobs, 2026-04-01 to 2026-06-30: 1' },
    ]);
    assert.equal(after.revision, record.revision + 1);
  });

  it('takes met, partly met or not met for a commitment, and no amount', () => {
    const after = deliver(record, { measureId: 'living-wage', status: 'partly-met' });
    assert.equal(after.delivery?.[0]?.status, 'partly-met');
    assert.equal(after.delivery?.[0]?.amount, undefined);
    const amount = problemsOf(
      recordDelivery(
        record,
        pack,
        { ...Q1, note, measureId: 'living-wage', amount: 3 },
        actOn('2026-07-05'),
      ),
    );
    assert.match(amount[0]?.message ?? '', /is a commitment: say whether it was met/);
    const status = problemsOf(
      recordDelivery(
        record,
        pack,
        { ...Q1, note, measureId: 'local-jobs', status: 'met' },
        actOn('2026-07-05'),
      ),
    );
    assert.match(status[0]?.message ?? '', /enter the amount delivered/);
  });

  it('says in plain words what to fix', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ note: '' }, 'note', /Describe the evidence in a short note/],
      [{ note: 'x'.repeat(301) }, 'note', /Shorten this to 300 characters or fewer; it is 301/],
      [{ link: 'http://example.org/a.pdf' }, 'link', /must be a web address starting https:\/\//],
      [{ link: 'javascript:alert(1)' }, 'link', /must be a web address starting https:\/\//],
      [{ link: 'https://intranet/a b.pdf' }, 'link', /must be a web address starting https:\/\//],
      [{ to: '2026-07-06' }, 'to', /must not be in the future/],
      [{ from: '2026-03-31' }, 'from', /must not start before the award date, 2026-04-01/],
      [{ from: '2026-06-01', to: '2026-05-31' }, 'to', /must not end before it starts/],
      [{ from: '2026-02-30' }, 'from', /Enter the first day of the period as a date, YYYY-MM-DD/],
      [
        { measureId: 'cyber-certification' },
        'measureId',
        /Choose one of the outcomes this record commits to/,
      ],
      [{ amount: 1.5 }, 'amount', /^Enter a whole number\.$/],
      [{ amount: -2 }, 'amount', /0 or more/],
      [
        { measureId: 'local-supply-chain-spend', amount: 101 },
        'amount',
        /percentage from 0 to 100/,
      ],
      [{ amount: undefined }, 'amount', /^Enter the amount delivered\.$/],
    ];
    for (const [change, path, message] of cases) {
      const input = { ...Q1, note, measureId: 'local-jobs', amount: 1, ...change };
      const problems = problemsOf(recordDelivery(record, pack, input, actOn('2026-07-05')));
      const found = problems.find((p) => p.path === path);
      assert.ok(found, `${JSON.stringify(change)}: ${JSON.stringify(problems)}`);
      assert.match(found.message, message);
    }
  });
});

describe('correcting a delivery entry', () => {
  const first = deliver(awardedRecord(), { measureId: 'local-jobs', amount: 2 });
  const corrected = okValue(
    correctDelivery(
      first,
      pack,
      { corrects: 'D1', amount: 1, note: 'The second starter left in week one; payroll re-run' },
      actOn('2026-07-10'),
    ),
  );

  it('adds a new entry naming the one it corrects, and keeps the old one as it was, superseded', () => {
    const [old, fresh] = corrected.delivery ?? [];
    assert.deepEqual(old, { ...first.delivery?.[0], supersededBy: 'D2' });
    assert.equal(old?.amount, 2);
    assert.equal(fresh?.id, 'D2');
    assert.equal(fresh?.corrects, 'D1');
    assert.deepEqual(fresh?.period, Q1);
    assert.equal(fresh?.amount, 1);
  });

  it('keeps both the entry and its correction in the history', () => {
    const actions = corrected.history.slice(-2).map((h) => h.action);
    assert.deepEqual(actions, ['delivery-recorded', 'delivery-corrected']);
    assert.deepEqual(corrected.history.at(-1)?.changes, [
      {
        field: 'delivery D2 corrects D1',
        from: 'local-jobs, 2026-04-01 to 2026-06-30: 2',
        to: 'local-jobs, 2026-04-01 to 2026-06-30: 1',
      },
    ]);
  });

  it('counts the correction, not the entry it supersedes', () => {
    assert.equal(statusOf(corrected, '2026-07-10', 'local-jobs').delivered, 1);
    assert.equal(statusOf(corrected, '2026-07-10', 'local-jobs').entries, 1);
  });

  it('refuses to correct an entry twice, naming the correction to correct instead', () => {
    const again = problemsOf(
      correctDelivery(corrected, pack, { corrects: 'd1', amount: 3, note }, actOn('2026-07-11')),
    );
    assert.equal(again[0]?.message, 'D1 was already corrected by D2: correct D2 instead.');
    const missing = problemsOf(
      correctDelivery(corrected, pack, { corrects: 'D9', amount: 3, note }, actOn('2026-07-11')),
    );
    assert.equal(missing[0]?.message, 'There is no delivery entry D9 on this record.');
  });
});

describe('progress against each target, at the edges of the contract’s life', () => {
  const record = awardedRecord();

  it('before the award: not started, nothing expected', () => {
    const found = okValue(progress(record, pack, '2026-03-15'));
    assert.equal(found.elapsed, 0);
    assert.equal(found.endDate, END);
    assert.deepEqual(
      found.outcomes.map((o) => o.status),
      ['not-started', 'not-started', 'not-started'],
    );
  });

  it('at the award date: a total is on track with nothing delivered yet; rates and commitments are not yet recorded', () => {
    const found = okValue(progress(record, pack, '2026-04-01'));
    assert.equal(found.elapsed, 0);
    const jobs = found.outcomes[0];
    assert.deepEqual(
      [jobs?.target, jobs?.delivered, jobs?.share, jobs?.status],
      [3, 0, 0, 'on-track'],
    );
    assert.deepEqual(
      found.outcomes.slice(1).map((o) => o.status),
      ['not-recorded', 'not-recorded'],
    );
  });

  it('in the middle: behind below the elapsed share, on track at or above it', () => {
    // 2027-10-01 is 548 of the contract's 1,096 days: exactly half.
    const one = deliver(record, { measureId: 'local-jobs', amount: 1 });
    const half = okValue(progress(one, pack, '2027-10-01'));
    assert.equal(half.elapsed, 0.5);
    assert.deepEqual([half.outcomes[0]?.share, half.outcomes[0]?.status], [1 / 3, 'behind']);
    const two = deliver(
      one,
      { measureId: 'local-jobs', amount: 1, from: '2026-07-01', to: '2026-09-30' },
      '2026-10-02',
    );
    assert.equal(statusOf(two, '2027-10-01', 'local-jobs').status, 'on-track');
  });

  it('a target already met is met, early or late', () => {
    const three = deliver(record, { measureId: 'local-jobs', amount: 3 });
    assert.equal(statusOf(three, '2026-07-05', 'local-jobs').status, 'met');
    assert.equal(statusOf(three, '2030-01-01', 'local-jobs').status, 'met');
    assert.equal(statusOf(three, '2026-07-05', 'local-jobs').share, 1);
  });

  it('at the end, short of the target, is behind; after the end it is missed', () => {
    const two = deliver(record, { measureId: 'local-jobs', amount: 2 });
    const atEnd = okValue(progress(two, pack, END));
    assert.equal(atEnd.elapsed, 1);
    assert.equal(atEnd.outcomes[0]?.status, 'behind');
    assert.equal(statusOf(two, '2029-04-02', 'local-jobs').status, 'missed');
  });

  it('a contract terminated early has missed what it did not reach by then', () => {
    const two = deliver(record, { measureId: 'local-jobs', amount: 2 });
    const ended = okValue(recordTermination(two, pack, { on: '2027-01-31' }, actOn('2027-02-01')));
    const found = okValue(progress(ended, pack, '2027-02-01'));
    assert.equal(found.endDate, '2027-01-31');
    assert.equal(found.outcomes[0]?.status, 'missed');
    // Until then it is judged against the planned life: 2 of 3 by then is on track.
    assert.equal(statusOf(ended, '2027-01-31', 'local-jobs').status, 'on-track');
  });

  it('counts only entries whose period has begun by the day asked about', () => {
    const later = deliver(
      record,
      { measureId: 'local-jobs', amount: 2, from: '2026-07-01', to: '2026-09-30' },
      '2026-10-02',
    );
    assert.equal(statusOf(later, '2026-06-30', 'local-jobs').delivered, 0);
    assert.equal(statusOf(later, '2026-07-01', 'local-jobs').delivered, 2);
  });

  it('a percentage is judged by its latest figure, not summed', () => {
    const q1 = deliver(record, { measureId: 'local-supply-chain-spend', amount: 35 });
    const behind = statusOf(q1, '2026-07-05', 'local-supply-chain-spend');
    assert.deepEqual([behind.delivered, behind.status], [35, 'behind']);
    const q2 = deliver(
      q1,
      { measureId: 'local-supply-chain-spend', amount: 42, from: '2026-07-01', to: '2026-09-30' },
      '2026-10-02',
    );
    const met = statusOf(q2, '2026-10-02', 'local-supply-chain-spend');
    assert.deepEqual([met.delivered, met.status], [42, 'met']);
  });

  it('a commitment goes by its latest period: met, behind, or missed after the end', () => {
    const partly = deliver(record, { measureId: 'living-wage', status: 'partly-met' });
    const behind = statusOf(partly, '2026-07-05', 'living-wage');
    assert.deepEqual(
      [behind.latest, behind.status, behind.share],
      ['partly-met', 'behind', undefined],
    );
    assert.equal(statusOf(partly, '2029-05-01', 'living-wage').status, 'missed');
    const met = deliver(
      partly,
      { measureId: 'living-wage', status: 'met', from: '2026-07-01', to: '2026-09-30' },
      '2026-10-02',
    );
    assert.equal(statusOf(met, '2026-10-02', 'living-wage').status, 'met');
  });

  it('a measure with no target, or a target of 0, says "no target" and gives no share', () => {
    const noTarget = structuredClone(deliver(record, { measureId: 'local-jobs', amount: 2 }));
    for (const answer of Object.values(noTarget.draft.answers)) {
      if (!Array.isArray(answer)) continue;
      for (const item of answer) {
        if (typeof item === 'object' && item.measureId === 'local-jobs') delete item.target;
        if (typeof item === 'object' && item.measureId === 'local-supply-chain-spend')
          item.target = 0;
      }
    }
    const jobs = statusOf(noTarget, '2027-10-01', 'local-jobs');
    assert.deepEqual(
      [jobs.status, jobs.target, jobs.share, jobs.delivered],
      ['no-target', undefined, undefined, 2],
    );
    const spend = statusOf(noTarget, '2027-10-01', 'local-supply-chain-spend');
    assert.deepEqual([spend.status, spend.share], ['no-target', undefined]);
  });

  it('shows the pack’s reading of on track, marked as derived', () => {
    const found = okValue(progress(record, pack, '2026-07-05'));
    assert.deepEqual(
      found.reasons.map((r) => [r.rule, r.citation, r.derived !== undefined]),
      [
        ['on-track', '§2.1', true],
        ['on-track-rate', '§2.1', true],
        ['on-track-commitment', '§2.1', true],
      ],
    );
  });

  it('needs the award date first', () => {
    const unawarded = structuredClone(record);
    delete unawarded.contract;
    assert.equal(
      problemsOf(progress(unawarded, pack, '2026-07-05'))[0]?.message,
      'Record the award date and contract length first.',
    );
  });
});

describe('the supplier-status level suggested from delivery', () => {
  const record = awardedRecord();
  const allOnTrack = deliver(
    deliver(deliver(record, { measureId: 'local-jobs', amount: 1 }), {
      measureId: 'local-supply-chain-spend',
      amount: 40,
    }),
    { measureId: 'living-wage', status: 'met' },
  );

  it('suggests Silver for the marked row when every target is met or on track', () => {
    const level = okValue(deliveryLevel(allOnTrack, pack, '2026-07-05'));
    assert.deepEqual(
      [level.rowId, level.level, level.met, level.judged],
      ['social-value-outputs', 'silver', 3, 3],
    );
    assert.equal(level.reasons[0]?.citation, 'Fig 2');
    assert.ok(level.reasons[0]?.derived);
  });

  it('suggests Bronze from half met, No Award below', () => {
    // By the end, 1 of 3 jobs is missed; the spend (40%) and the Living Wage are met: 2 of 3.
    assert.equal(okValue(deliveryLevel(allOnTrack, pack, '2029-05-01')).level, 'bronze');
    const none = deliver(record, { measureId: 'living-wage', status: 'not-met' });
    assert.equal(okValue(deliveryLevel(none, pack, '2027-01-01')).level, 'none');
  });

  it('does not count a commitment or rate with nothing recorded yet as failed', () => {
    // On the award day the count of jobs is on track (nothing is expected yet); the Living Wage
    // and the spend share have nothing recorded, so they are not judged: 1 of 1, not 1 of 3.
    const level = okValue(deliveryLevel(record, pack, record.contract?.awardDate ?? ''));
    assert.deepEqual([level.met, level.judged], [1, 1]);
    const notMet = deliver(record, { measureId: 'living-wage', status: 'not-met' });
    assert.equal(okValue(deliveryLevel(notMet, pack, '2026-07-05')).judged, 2);
  });

  it('suggests nothing before there is anything to judge', () => {
    assert.match(
      problemsOf(deliveryLevel(record, pack, '2026-01-01'))[0]?.message ?? '',
      /No outcome with a target can be judged yet/,
    );
  });
});
