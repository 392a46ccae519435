import assert from 'node:assert/strict';
import type { TierId } from '../../../core/policy/index.js';
import {
  type CommissioningRecord,
  canRate,
  markStageDone,
  rateSupplier,
  setContractTerms,
  setStageDue,
  shareRecord,
  snoozeStage,
  stagesOf,
} from '../../../core/record/index.js';
import {
  COLLEAGUE,
  LEAD,
  minutesLater,
  newRecord,
  OWNER,
  pack,
  STRANGER,
  viewer,
} from './fixtures.js';
import {
  AWARD,
  act,
  answerOf,
  assertStorable,
  awarded,
  dueDates,
  EXIT,
  lastEntry,
  MONTHS,
  pathsOf,
  problemAt,
  problemsOf,
  QUARTERS,
  ratable,
  refusedLeavingAsItWas,
  stageOf,
  storedForm,
} from './stage-fixtures.js';

const done = (
  record: CommissioningRecord,
  stage: number,
  on: string,
  today = on,
  note = 'Review held',
): CommissioningRecord => answerOf(markStageDone(record, pack, { stage, on, note }, act(today)));

const ROWS = pack.supplierStatus.rows.map((row) => row.id);
const allRows = (level: TierId): Record<string, TierId> =>
  Object.fromEntries(ROWS.map((id) => [id, level]));

describe('changing the stages of a record', () => {
  describe('setContractTerms', () => {
    it('gives review stages 11-13 their default due dates from the award and the length', () => {
      const record = newRecord();
      const set = answerOf(
        setContractTerms(record, pack, { awardDate: AWARD, months: MONTHS }, act('2026-04-02')),
      );
      assert.deepEqual(dueDates(set), { 11: QUARTERS[0], 12: QUARTERS[0], 13: EXIT });
      for (const number of [11, 12, 13]) {
        assert.equal(stageOf(set, number).dueSource, 'schedule');
        assert.equal(stageOf(set, number).done, false);
      }
      assert.equal(set.stages?.length, 13, 'the stages are stored on the record');
      assert.deepEqual(set.contract, { awardDate: AWARD, months: MONTHS });
      assert.equal(set.nextDueOn, QUARTERS[0]);
      assert.equal(set.nextReminderOn, QUARTERS[0]);
      assert.equal(set.revision, record.revision + 1);
      assert.equal(set.updatedAt, '2026-04-02T10:00:00.000Z');
      assert.deepEqual(storedForm(set).history.at(-1), {
        at: '2026-04-02T10:00:00.000Z',
        by: OWNER,
        action: 'contract-set',
        changes: [{ field: 'contract', to: { awardDate: AWARD, months: MONTHS } }],
      });
    });

    it('never plans the exit before the award, however short the contract', () => {
      const set = awarded('2026-04-01', 3);
      assert.deepEqual(dueDates(set), { 11: '2026-07-01', 12: '2026-07-01', 13: '2026-04-01' });
    });

    it('keeps the supplier, trimmed, and records the old terms when they change', () => {
      const first = answerOf(
        setContractTerms(
          newRecord(),
          pack,
          { awardDate: AWARD, months: MONTHS, supplier: '  Acme Care Ltd ' },
          act(AWARD),
        ),
      );
      assert.deepEqual(first.contract, {
        awardDate: AWARD,
        months: MONTHS,
        supplier: 'Acme Care Ltd',
      });
      const second = answerOf(
        setContractTerms(first, pack, { awardDate: '2026-05-01', months: 12 }, act('2026-05-01')),
      );
      assert.deepEqual(second.contract, {
        awardDate: '2026-05-01',
        months: 12,
        supplier: 'Acme Care Ltd',
      });
      assert.deepEqual(dueDates(second), { 11: '2026-08-01', 12: '2026-08-01', 13: '2026-11-01' });
      assert.deepEqual(lastEntry(second).changes, [
        { field: 'contract', from: first.contract, to: second.contract },
      ]);
      assert.equal(second.revision, first.revision + 1);
    });

    it('keeps a due date the officer set when the terms are set or changed later', () => {
      const officer = answerOf(
        setStageDue(newRecord(), pack, { stage: 12, due: '2026-06-15' }, act('2026-03-20')),
      );
      const set = awarded(AWARD, MONTHS, officer);
      assert.equal(stageOf(set, 12).due, '2026-06-15');
      assert.equal(stageOf(set, 12).dueSource, 'officer');
      assert.equal(stageOf(set, 11).due, QUARTERS[0]);
      assert.equal(set.nextDueOn, '2026-06-15');
      const moved = answerOf(
        setContractTerms(set, pack, { awardDate: '2026-05-01', months: 12 }, act('2026-05-01')),
      );
      assert.equal(stageOf(moved, 12).due, '2026-06-15');
      assert.equal(stageOf(moved, 11).due, '2026-08-01');
    });

    it('refuses bad input, naming every field at fault, and changes nothing', () => {
      const record = newRecord();
      const problems = problemsOf(
        refusedLeavingAsItWas(record, (r) =>
          setContractTerms(
            r,
            pack,
            { awardDate: '2026-02-30', months: 0, colour: 'red' },
            act(AWARD),
          ),
        ),
      );
      assert.deepEqual(pathsOf(problems), ['awardDate', 'colour', 'months']);
      assert.match(problemAt(problems, 'awardDate').message, /real date/);
      assert.match(problemAt(problems, 'colour').message, /not a known field/);

      const cases: [unknown, string][] = [
        [{ months: 12 }, 'awardDate'],
        [{ awardDate: '1 April 2026', months: 12 }, 'awardDate'],
        [{ awardDate: AWARD, months: 1.5 }, 'months'],
        [{ awardDate: AWARD, months: '24' }, 'months'],
        [{ awardDate: AWARD, months: -3 }, 'months'],
        [{ awardDate: AWARD, months: 601 }, 'months'],
        [{ awardDate: AWARD }, 'months'],
        ['24 months from April', '(input)'],
      ];
      for (const [input, path] of cases) {
        const result = refusedLeavingAsItWas(record, (r) =>
          setContractTerms(r, pack, input, act(AWARD)),
        );
        assert.deepEqual(pathsOf(problemsOf(result)), [path], JSON.stringify(input));
      }
    });
  });

  describe('setStageDue', () => {
    it('sets an officer due date, recorded in the history', () => {
      const record = newRecord();
      const set = answerOf(
        setStageDue(record, pack, { stage: 5, due: '2026-05-01' }, act('2026-03-02')),
      );
      assert.deepEqual(stageOf(set, 5), {
        number: 5,
        due: '2026-05-01',
        dueSource: 'officer',
        done: false,
        completions: [],
        reminder: {},
      });
      assert.equal(set.nextDueOn, '2026-05-01');
      assert.equal(set.nextReminderOn, '2026-05-01');
      assert.equal(set.revision, record.revision + 1);
      assert.deepEqual(lastEntry(set), {
        at: '2026-03-02T10:00:00.000Z',
        by: OWNER,
        action: 'stage-due-set',
        changes: [{ field: 'stage 5 due', to: '2026-05-01' }],
      });
    });

    it('moves a scheduled date, and the schedule no longer moves it', () => {
      const set = answerOf(
        setStageDue(awarded(), pack, { stage: 11, due: '2026-06-20' }, act('2026-04-10')),
      );
      assert.deepEqual(lastEntry(set).changes, [
        { field: 'stage 11 due', from: QUARTERS[0], to: '2026-06-20' },
      ]);
      assert.equal(stageOf(set, 11).dueSource, 'officer');
      const again = awarded('2026-04-15', 12, set);
      assert.equal(stageOf(again, 11).due, '2026-06-20');
      assert.equal(stageOf(again, 12).due, '2026-07-15');
    });

    it('refuses a stage that is not one of the 13 and a date that is not a date', () => {
      const record = newRecord();
      for (const stage of [0, 14, 2.5, '3', undefined]) {
        const result = refusedLeavingAsItWas(record, (r) =>
          setStageDue(r, pack, { stage, due: '2026-05-01' }, act(AWARD)),
        );
        const problems = problemsOf(result);
        assert.deepEqual(pathsOf(problems), ['stage'], String(stage));
      }
      const both = problemsOf(
        refusedLeavingAsItWas(record, (r) =>
          setStageDue(r, pack, { stage: 14, due: '2026-13-01' }, act(AWARD)),
        ),
      );
      assert.deepEqual(pathsOf(both), ['due', 'stage']);
      assert.match(problemAt(both, 'stage').message, /from 1 to 13/);
    });
  });

  describe('markStageDone', () => {
    it('a recurring review (stage 11) moves on to its next quarter, naming both dates', () => {
      const record = awarded();
      const marked = done(record, 11, '2026-07-02', '2026-07-03', '  Q1 review: on target  ');
      const stage = stageOf(marked, 11);
      assert.equal(stage.done, false);
      assert.equal(stage.due, QUARTERS[1]);
      assert.equal(stage.dueSource, 'schedule');
      assert.deepEqual(stage.completions, [
        {
          due: QUARTERS[0],
          on: '2026-07-02',
          note: 'Q1 review: on target',
          by: OWNER,
          at: '2026-07-03T10:00:00.000Z',
        },
      ]);
      assert.equal(marked.revision, record.revision + 1);
      assert.deepEqual(lastEntry(marked), {
        at: '2026-07-03T10:00:00.000Z',
        by: OWNER,
        action: 'stage-done',
        changes: [
          { field: 'stage 11 done', to: { on: '2026-07-02', note: 'Q1 review: on target' } },
          { field: 'stage 11 due', from: QUARTERS[0], to: QUARTERS[1] },
        ],
      });
      assert.equal(marked.nextDueOn, QUARTERS[0], 'stage 12 is still due this quarter');
      assertStorable(marked);
    });

    it('a quarterly review is due each quarter until the contract ends, then done for good', () => {
      let record = awarded();
      for (const quarter of QUARTERS) {
        assert.equal(stageOf(record, 11).due, quarter);
        record = done(record, 11, quarter);
      }
      const stage = stageOf(record, 11);
      assert.equal(stage.done, true);
      assert.equal(stage.due, undefined);
      assert.deepEqual(
        stage.completions.map((c) => c.due),
        QUARTERS,
      );
      assert.deepEqual(lastEntry(record).changes, [
        { field: 'stage 11 done', to: { on: QUARTERS.at(-1), note: 'Review held' } },
      ]);
    });

    it('stage 13 (exit) is done for good', () => {
      const marked = done(awarded(), 13, '2027-09-20');
      assert.equal(stageOf(marked, 13).done, true);
      assert.equal(stageOf(marked, 13).due, undefined);
      assert.equal(stageOf(marked, 13).completions[0]?.due, EXIT);
      assert.deepEqual(lastEntry(marked).changes, [
        { field: 'stage 13 done', to: { on: '2027-09-20', note: 'Review held' } },
      ]);
    });

    it('a review stage with an officer due date is done for good, and stays done', () => {
      const set = answerOf(
        setStageDue(awarded(), pack, { stage: 12, due: '2026-06-01' }, act('2026-04-10')),
      );
      const marked = done(set, 12, '2026-06-01');
      assert.equal(stageOf(marked, 12).done, true);
      assert.equal(stageOf(marked, 12).due, undefined);
      const reset = awarded('2026-05-01', 12, marked);
      assert.equal(stageOf(reset, 12).done, true, 'new terms do not reopen it');
      assert.equal(stageOf(reset, 12).due, undefined);
    });

    it('a stage with no due date is done, with its date and note', () => {
      const marked = done(newRecord(), 2, '2026-03-05');
      assert.equal(stageOf(marked, 2).done, true);
      assert.deepEqual(
        stageOf(marked, 2).completions.map((c) => [c.due, c.on, c.note]),
        [[undefined, '2026-03-05', 'Review held']],
      );
    });

    it('refuses a date in the future; today is fine', () => {
      const record = awarded();
      const problems = problemsOf(
        refusedLeavingAsItWas(record, (r) =>
          markStageDone(r, pack, { stage: 11, on: '2026-07-02', note: '' }, act('2026-07-01')),
        ),
      );
      assert.deepEqual(problems, [{ path: 'on', message: 'must not be in the future' }]);
      assert.equal(stageOf(done(record, 11, '2026-07-01'), 11).due, QUARTERS[1]);
    });

    it('refuses bad input, naming every field at fault', () => {
      const record = awarded();
      const problems = problemsOf(
        refusedLeavingAsItWas(record, (r) =>
          markStageDone(
            r,
            pack,
            { stage: 14, on: 'yesterday', note: 'x'.repeat(2001), by: 'me' },
            act('2026-07-01'),
          ),
        ),
      );
      assert.deepEqual(pathsOf(problems), ['by', 'note', 'on', 'stage']);
      assert.deepEqual(
        pathsOf(
          problemsOf(
            markStageDone(record, pack, { on: '2026-07-01', note: '' }, act('2026-07-01')),
          ),
        ),
        ['stage'],
      );
    });
  });

  describe('snoozeStage', () => {
    it('puts the reminder off to the date given, in the history', () => {
      const record = awarded();
      const snoozed = answerOf(
        snoozeStage(record, pack, { stage: 11, until: '2026-07-08' }, act('2026-07-01')),
      );
      assert.equal(stageOf(snoozed, 11).reminder.snoozedUntil, '2026-07-08');
      assert.equal(stageOf(snoozed, 11).due, QUARTERS[0], 'the due date itself stays');
      assert.equal(snoozed.nextReminderOn, QUARTERS[0], 'stage 12 is still owed');
      assert.equal(snoozed.revision, record.revision + 1);
      assert.deepEqual(lastEntry(snoozed), {
        at: '2026-07-01T10:00:00.000Z',
        by: OWNER,
        action: 'stage-snoozed',
        changes: [{ field: 'stage 11 reminder', to: 'snoozed until 2026-07-08' }],
      });
      const both = answerOf(
        snoozeStage(snoozed, pack, { stage: 12, until: '2026-07-10' }, act('2026-07-01')),
      );
      assert.equal(both.nextReminderOn, '2026-07-08');
      assert.equal(both.nextDueOn, QUARTERS[0]);
    });

    it('refuses a stage or date that is not one', () => {
      const problems = problemsOf(
        refusedLeavingAsItWas(awarded(), (r) =>
          snoozeStage(r, pack, { stage: 'eleven', until: 'next week' }, act('2026-07-01')),
        ),
      );
      assert.deepEqual(pathsOf(problems), ['stage', 'until']);
    });
  });

  describe('nextReminderOn and nextDueOn', () => {
    it('are cleared from the record when nothing is owed or due', () => {
      const set = answerOf(
        setStageDue(newRecord(), pack, { stage: 3, due: '2026-04-01' }, act('2026-03-02')),
      );
      assert.equal(set.nextDueOn, '2026-04-01');
      assert.equal(set.nextReminderOn, '2026-04-01');
      const marked = done(set, 3, '2026-03-20');
      assert.equal('nextDueOn' in marked, false);
      assert.equal('nextReminderOn' in marked, false);
      assertStorable(marked);
    });

    it('follow the stages as they are done, to nothing at the end of the contract', () => {
      let record = awarded(AWARD, 6);
      assert.deepEqual(dueDates(record), { 11: '2026-07-01', 12: '2026-07-01', 13: AWARD });
      assert.equal(record.nextDueOn, AWARD);
      record = done(record, 13, AWARD);
      assert.equal(record.nextDueOn, '2026-07-01');
      for (const on of ['2026-07-01', '2026-10-01']) {
        record = done(done(record, 11, on), 12, on);
      }
      assert.equal(
        stagesOf(record, pack).every((s) => s.due === undefined),
        true,
      );
      assert.equal(record.nextDueOn, undefined);
      assert.equal(record.nextReminderOn, undefined);
    });
  });
});

describe('rating the supplier at contract review (Fig 2)', () => {
  const rating = (extra: Record<string, unknown> = {}) => ({
    stage: 11,
    supplier: 'Acme Care Ltd',
    rows: allRows('gold'),
    evidence: 'Quarterly board minutes; 360-degree feedback',
    ...extra,
  });

  it('rates at stage 11 or 12, storing the suggested tier (the lowest row) as confirmed, the rows and the evidence', () => {
    const record = ratable();
    for (const stage of [11, 12]) {
      const rated = answerOf(
        rateSupplier(
          record,
          pack,
          rating({ stage, rows: { ...allRows('gold'), collaboration: 'silver' } }),
          act('2026-07-05'),
        ),
      );
      assert.deepEqual(rated.ratings, [
        {
          stage,
          supplier: 'Acme Care Ltd',
          tier: 'silver',
          suggested: 'silver',
          rows: ROWS.map((id) => ({ id, level: id === 'collaboration' ? 'silver' : 'gold' })),
          evidence: 'Quarterly board minutes; 360-degree feedback',
          on: '2026-07-05',
          at: '2026-07-05T10:00:00.000Z',
          by: OWNER,
        },
      ]);
      assert.equal(rated.revision, record.revision + 1);
      assert.equal(rated.updatedAt, '2026-07-05T10:00:00.000Z');
      assert.deepEqual(lastEntry(rated), {
        at: '2026-07-05T10:00:00.000Z',
        by: OWNER,
        action: 'supplier-rated',
        changes: [
          { field: 'supplier Acme Care Ltd suggested tier', to: 'Silver' },
          { field: 'supplier Acme Care Ltd', to: `Silver at stage ${stage}, as suggested` },
        ],
      });
      assertStorable(rated);
    }
  });

  it('a single row of "none" gives No Award; ratings add up, none replaced', () => {
    const first = answerOf(rateSupplier(ratable(), pack, rating(), act('2026-07-05')));
    const second = answerOf(
      rateSupplier(
        first,
        pack,
        rating({ stage: 12, rows: { ...allRows('gold'), behaviour: 'none' } }),
        act('2026-10-05'),
      ),
    );
    assert.deepEqual(
      second.ratings?.map((r) => [r.stage, r.tier]),
      [
        [11, 'gold'],
        [12, 'none'],
      ],
    );
    assert.equal(lastEntry(second).changes[1]?.to, 'No Award at stage 12, as suggested');
  });

  it('Gold on five rows and Bronze on one: the rubric suggests Bronze, and the rater may award Gold with a justification', () => {
    const rows = { ...allRows('gold'), 'social-value-outputs': 'bronze' };
    const suggested = answerOf(rateSupplier(ratable(), pack, rating({ rows }), act('2026-07-05')));
    assert.equal(suggested.ratings?.[0]?.tier, 'bronze');
    assert.equal(suggested.ratings?.[0]?.suggested, 'bronze');

    const unjustified = problemsOf(
      refusedLeavingAsItWas(ratable(), (r) =>
        rateSupplier(r, pack, rating({ rows, decision: 'gold' }), act('2026-07-05')),
      ),
    );
    assert.deepEqual(pathsOf(unjustified), ['justification']);
    assert.match(problemAt(unjustified, 'justification').message, /rubric suggests Bronze/);

    const why =
      'Outputs fell short only because the site closed for a quarter; every behaviour was exemplary.';
    const gold = answerOf(
      rateSupplier(
        ratable(),
        pack,
        rating({ rows, decision: 'gold', justification: why }),
        act('2026-07-05'),
      ),
    );
    const [decided] = gold.ratings ?? [];
    assert.equal(decided?.tier, 'gold', 'the decision is the rater’s');
    assert.equal(decided?.suggested, 'bronze', 'the suggestion is kept beside it');
    assert.equal(decided?.justification, why);
    assert.deepEqual(lastEntry(gold).changes, [
      { field: 'supplier Acme Care Ltd suggested tier', to: 'Bronze' },
      { field: 'supplier Acme Care Ltd', to: 'Gold at stage 11' },
      { field: 'supplier Acme Care Ltd justification', to: why },
    ]);
    assertStorable(gold);
  });

  it('choosing the suggested tier by name needs no justification; an unknown decision is refused', () => {
    const rows = { ...allRows('gold'), behaviour: 'silver' };
    const same = answerOf(
      rateSupplier(ratable(), pack, rating({ rows, decision: 'silver' }), act('2026-07-05')),
    );
    assert.equal(same.ratings?.[0]?.tier, 'silver');
    assert.equal(same.ratings?.[0]?.justification, undefined);
    const unknown = problemsOf(
      rateSupplier(ratable(), pack, rating({ rows, decision: 'platinum' }), act('2026-07-05')),
    );
    assert.deepEqual(pathsOf(unknown), ['decision']);
  });

  it('refuses stage 13 and any stage but the reviews', () => {
    for (const stage of [13, 9, '11', undefined]) {
      const problems = problemsOf(
        refusedLeavingAsItWas(ratable(), (r) =>
          rateSupplier(r, pack, rating({ stage }), act('2026-07-05')),
        ),
      );
      assert.deepEqual(pathsOf(problems), ['stage'], String(stage));
      assert.match(
        problemAt(problems, 'stage').message,
        /stages at which suppliers are rated: 11, 12$/,
      );
    }
  });

  it('needs the supplier, every rubric row and the evidence, naming each missing one', () => {
    const { relationship: _r, 'review-boards': _b, ...someRows } = allRows('silver');
    const problems = problemsOf(
      refusedLeavingAsItWas(ratable(), (r) =>
        rateSupplier(
          r,
          pack,
          { stage: 12, supplier: '   ', rows: someRows, evidence: '' },
          act('2026-07-05'),
        ),
      ),
    );
    assert.deepEqual(pathsOf(problems), [
      'evidence',
      'rows.relationship',
      'rows.review-boards',
      'supplier',
    ]);
    assert.match(problemAt(problems, 'rows.relationship').message, /Working relationship/);
    assert.match(problemAt(problems, 'supplier').message, /supplier’s name/);
    assert.match(problemAt(problems, 'evidence').message, /evidence/);

    const none = problemsOf(rateSupplier(ratable(), pack, { stage: 11 }, act('2026-07-05')));
    assert.deepEqual(pathsOf(none), [
      'evidence',
      'rows',
      ...ROWS.map((id) => `rows.${id}`).sort(),
      'supplier',
    ]);
  });

  it('refuses a level that is not a tier and a row that is not in the rubric', () => {
    const problems = problemsOf(
      rateSupplier(
        ratable(),
        pack,
        rating({ rows: { ...allRows('gold'), performance: 'platinum' } }),
        act('2026-07-05'),
      ),
    );
    assert.deepEqual(pathsOf(problems), ['rows.performance']);
    const extra = problemsOf(
      rateSupplier(
        ratable(),
        pack,
        rating({ rows: { ...allRows('gold'), kindness: 'gold' } }),
        act('2026-07-05'),
      ),
    );
    assert.deepEqual(pathsOf(extra), ['rows.kindness']);
  });

  it('refuses rows that are not a set of ratings, naming the rows field', () => {
    const problems = problemsOf(
      rateSupplier(ratable(), pack, rating({ rows: 'gold' }), act('2026-07-05')),
    );
    assert.deepEqual(pathsOf(problems), ['rows']);
  });

  describe('canRate', () => {
    const record = shareRecord(awarded(), COLLEAGUE, OWNER, minutesLater(1));
    const cases = [
      { who: 'the owner', as: viewer(OWNER), rate: true },
      { who: 'a procurement lead', as: viewer(LEAD, { lead: true }), rate: true },
      { who: 'a collaborator', as: viewer(COLLEAGUE), rate: false },
      { who: 'another user of the tenant', as: viewer(STRANGER), rate: false },
      { who: 'the owner in another tenant', as: viewer(OWNER, { tenantId: 'x' }), rate: false },
    ];
    for (const { who, as, rate } of cases) {
      it(`${who}: ${rate ? 'may' : 'may not'} rate the supplier`, () => {
        assert.equal(canRate(record, as), rate);
      });
    }
  });
});
