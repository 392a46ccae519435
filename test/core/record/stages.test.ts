import assert from 'node:assert/strict';
import {
  applySchedule,
  completeStage,
  initialStages,
  nextDueOn,
  nextReminderOn,
  plannedDates,
  reminderDate,
  type StageProgress,
  stagesOf,
} from '../../../core/record/index.js';
import { newRecord, OWNER, pack } from './fixtures.js';
import { AWARD, answerOf, EXIT, MONTHS, pathsOf, problemsOf, QUARTERS } from './stage-fixtures.js';

const planned = (awardDate = AWARD, months = MONTHS): Map<number, string[]> =>
  answerOf(plannedDates(pack, { awardDate, months }));

const completion = (on: string, due?: string) => ({
  ...(due ? { due } : {}),
  on,
  note: 'Held',
  by: OWNER,
  at: `${on}T10:00:00.000Z`,
});

const stage = (number: number, extra: Partial<StageProgress> = {}): StageProgress => ({
  number,
  done: false,
  completions: [],
  reminder: {},
  ...extra,
});

describe('procurement stages of a record (Fig 1)', () => {
  describe('initialStages', () => {
    it("gives the pack's 13 stages in order, none due, none done, none reminded", () => {
      const stages = initialStages(pack);
      assert.deepEqual(
        stages.map((s) => s.number),
        Array.from({ length: 13 }, (_, i) => i + 1),
      );
      for (const s of stages) {
        assert.deepEqual(s, stage(s.number), `stage ${s.number}`);
      }
      assert.equal(nextDueOn(stages), undefined);
      assert.equal(nextReminderOn(stages), undefined);
    });

    it('a new record has no stages stored yet; they read as the fresh ones', () => {
      const record = newRecord();
      assert.equal(record.stages, undefined);
      assert.deepEqual(stagesOf(record, pack), initialStages(pack));
    });
  });

  describe('plannedDates', () => {
    it('plans stages 11 and 12 each quarter from the award and 13 six months before the end', () => {
      const dates = planned();
      assert.deepEqual(dates.get(11), QUARTERS);
      assert.deepEqual(dates.get(12), QUARTERS);
      assert.deepEqual(dates.get(13), [EXIT]);
      for (let number = 1; number <= 10; number += 1) {
        assert.deepEqual(dates.get(number), [], `stage ${number} has no schedule`);
      }
    });

    it('never plans the exit before the award', () => {
      assert.deepEqual(planned('2026-04-01', 3).get(13), ['2026-04-01']);
      assert.deepEqual(planned('2026-04-01', 6).get(13), ['2026-04-01']);
      assert.deepEqual(planned('2026-04-01', 7).get(13), ['2026-05-01']);
    });

    it('names the problem by the field the officer typed', () => {
      const problems = problemsOf(plannedDates(pack, { awardDate: AWARD, months: 601 }));
      assert.deepEqual(pathsOf(problems), ['months']);
    });
  });

  describe('applySchedule', () => {
    it('gives the review stages their first planned date, from the schedule', () => {
      const stages = applySchedule(initialStages(pack), planned());
      assert.deepEqual(stages[10], stage(11, { due: QUARTERS[0], dueSource: 'schedule' }));
      assert.deepEqual(stages[11], stage(12, { due: QUARTERS[0], dueSource: 'schedule' }));
      assert.deepEqual(stages[12], stage(13, { due: EXIT, dueSource: 'schedule' }));
      assert.deepEqual(stages.slice(0, 10), initialStages(pack).slice(0, 10));
    });

    it('keeps a due date the officer set, and a stage already done', () => {
      const officer = stage(11, { due: '2026-05-15', dueSource: 'officer' });
      const done = stage(13, {
        done: true,
        completions: [completion('2026-05-01')],
      });
      const stages = applySchedule([officer, stage(12), done], planned());
      assert.deepEqual(stages, [
        officer,
        stage(12, { due: QUARTERS[0], dueSource: 'schedule' }),
        done,
      ]);
    });

    it('skips the planned dates a recurring stage was already done for', () => {
      const reviewed = stage(11, {
        completions: [completion('2026-07-02', QUARTERS[0]), completion('2026-10-01', QUARTERS[1])],
      });
      assert.equal(applySchedule([reviewed], planned())[0]?.due, QUARTERS[2]);
    });
  });

  describe('completeStage', () => {
    const schedule = planned().get(11);

    it('moves a recurring review on to its next quarter, with the reminder reset', () => {
      const current = stage(11, {
        due: QUARTERS[0],
        dueSource: 'schedule',
        reminder: { sentFor: QUARTERS[0] },
      });
      const next = completeStage(current, completion('2026-07-03', QUARTERS[0]), schedule);
      assert.deepEqual(next, {
        ...current,
        due: QUARTERS[1],
        dueSource: 'schedule',
        done: false,
        completions: [completion('2026-07-03', QUARTERS[0])],
        reminder: {},
      });
    });

    it('is done for good after the last quarter', () => {
      const last = stage(11, { due: QUARTERS.at(-1), dueSource: 'schedule' });
      const next = completeStage(last, completion('2028-04-01', QUARTERS.at(-1)), schedule);
      assert.equal(next.done, true);
      assert.equal(next.due, undefined);
    });

    it('a stage whose date the officer set is done for good, whatever the schedule', () => {
      const current = stage(11, { due: '2026-06-01', dueSource: 'officer' });
      const next = completeStage(current, completion('2026-06-01', '2026-06-01'), schedule);
      assert.equal(next.done, true);
      assert.equal(next.due, undefined);
      assert.equal(next.dueSource, undefined);
    });

    it('a stage with no schedule is done for good', () => {
      const next = completeStage(stage(4), completion('2026-03-10'), undefined);
      assert.equal(next.done, true);
      assert.deepEqual(next.completions, [completion('2026-03-10')]);
    });
  });

  describe('reminderDate, nextReminderOn and nextDueOn', () => {
    it('a reminder is owed on the due date, or the snooze date when that is later', () => {
      assert.equal(reminderDate(stage(11, { due: '2026-07-01' })), '2026-07-01');
      const snoozed = (until: string) =>
        stage(11, { due: '2026-07-01', reminder: { snoozedUntil: until } });
      assert.equal(reminderDate(snoozed('2026-07-08')), '2026-07-08');
      assert.equal(reminderDate(snoozed('2026-06-20')), '2026-07-01');
    });

    it('no reminder is owed for a stage done, without a due date, or reminded for this date', () => {
      assert.equal(reminderDate(stage(3)), undefined);
      assert.equal(reminderDate(stage(13, { due: EXIT, done: true })), undefined);
      assert.equal(
        reminderDate(stage(11, { due: '2026-07-01', reminder: { sentFor: '2026-07-01' } })),
        undefined,
      );
      assert.equal(
        reminderDate(stage(11, { due: '2026-10-01', reminder: { sentFor: '2026-07-01' } })),
        '2026-10-01',
        'a reminder for an earlier date does not cover the new one',
      );
    });

    it('take the earliest owed reminder and the earliest due date of the stages not done', () => {
      const stages = [
        stage(5, { due: '2026-05-01', dueSource: 'officer', done: true }),
        stage(11, { due: '2026-07-01', reminder: { sentFor: '2026-07-01' } }),
        stage(12, { due: '2026-07-01', reminder: { snoozedUntil: '2026-07-20' } }),
        stage(13, { due: '2026-09-01' }),
      ];
      assert.equal(nextDueOn(stages), '2026-07-01');
      assert.equal(nextReminderOn(stages), '2026-07-20');
      assert.equal(nextReminderOn(stages.slice(0, 2)), undefined);
      assert.equal(nextDueOn(stages.slice(0, 1)), undefined);
    });
  });
});
