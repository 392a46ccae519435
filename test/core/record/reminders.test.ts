import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../../../core/common/index.js';
import {
  type CommissioningRecord,
  claimReminder,
  markReminderSent,
  markStageDone,
  nextReminderOn,
  type OwedReminder,
  owedReminders,
  releaseReminder,
  SNOOZE_DAYS,
  snoozeStage,
  stagesOf,
} from '../../../core/record/index.js';
import { pack } from './fixtures.js';
import {
  act,
  answerOf,
  assertStorable,
  awarded,
  EXIT,
  lastEntry,
  QUARTERS,
  stageOf,
} from './stage-fixtures.js';

/** Ten in the morning (UTC) of a day, as the sweep's `now`. */
const morning = (day: string, minutes = 0): string =>
  new Date(Date.parse(`${day}T10:00:00.000Z`) + minutes * 60_000).toISOString();

const owedOn = (record: CommissioningRecord, day: string, now = morning(day)): OwedReminder[] =>
  owedReminders(record, pack, day, now);

const LEASE_MINUTES = 5;
const claim = (record: CommissioningRecord, owed: OwedReminder, now: string, by = 'sweep-a') =>
  claimReminder(record, pack, owed, {
    by,
    until: new Date(Date.parse(now) + LEASE_MINUTES * 60_000).toISOString(),
  });

const FIRST = QUARTERS[0] ?? assert.fail();
const SECOND = QUARTERS[1] ?? assert.fail();
const ELEVEN: OwedReminder = { stage: 11, due: FIRST };
const TWELVE: OwedReminder = { stage: 12, due: FIRST };

const done = (record: CommissioningRecord, stage: number, on: string) =>
  answerOf(markStageDone(record, pack, { stage, on, note: 'Held' }, act(on)));
const snooze = (record: CommissioningRecord, stage: number, today: string, until: string) =>
  answerOf(snoozeStage(record, pack, { stage, until }, act(today)));

/** Sends the reminder as the sweep does: claim, deliver, mark sent. */
const sendOn = (record: CommissioningRecord, owed: OwedReminder, day: string) =>
  markReminderSent(claim(record, owed, morning(day)), pack, owed, morning(day, 1));

describe('stage reminders', () => {
  describe('owedReminders', () => {
    it('owes a reminder for each stage from its due date on, with the date it is for', () => {
      const record = awarded();
      assert.deepEqual(owedOn(record, addDays(FIRST, -1)), []);
      assert.deepEqual(owedOn(record, FIRST), [ELEVEN, TWELVE]);
      assert.deepEqual(owedOn(record, '2026-09-30'), [ELEVEN, TWELVE], 'still owed when late');
      assert.deepEqual(owedOn(record, EXIT), [ELEVEN, TWELVE, { stage: 13, due: EXIT }]);
    });

    it('skips stages done, and stages with no due date', () => {
      const record = done(awarded(), 13, '2026-05-01');
      assert.deepEqual(owedOn(record, '2028-12-31'), [ELEVEN, TWELVE]);
      assert.deepEqual(owedOn(done(record, 11, FIRST), FIRST), [TWELVE]);
    });

    it('skips a stage already reminded for its due date, until its next due date', () => {
      const sent = sendOn(awarded(), ELEVEN, FIRST);
      assert.deepEqual(owedOn(sent, FIRST), [TWELVE]);
      assert.deepEqual(owedOn(sent, '2026-09-30'), [TWELVE]);
      const next = done(sent, 11, '2026-07-02');
      assert.deepEqual(owedOn(next, '2026-09-30'), [TWELVE]);
      assert.deepEqual(owedOn(next, SECOND), [{ stage: 11, due: SECOND }, TWELVE]);
    });

    it('skips a stage another sweep holds a live claim on, but not an expired one', () => {
      const now = morning(FIRST);
      const claimed = claim(awarded(), ELEVEN, now, 'sweep-b');
      assert.deepEqual(owedOn(claimed, FIRST, now), [TWELVE]);
      assert.deepEqual(owedOn(claimed, FIRST, morning(FIRST, LEASE_MINUTES - 1)), [TWELVE]);
      assert.deepEqual(owedOn(claimed, FIRST, morning(FIRST, LEASE_MINUTES)), [ELEVEN, TWELVE]);
      assert.deepEqual(owedOn(claimed, '2026-07-02'), [ELEVEN, TWELVE]);
    });
  });

  describe('claim, sent and release', () => {
    it('a claim changes no revision and no history, only who holds the reminder', () => {
      const record = awarded();
      const claimed = claim(record, ELEVEN, morning(FIRST));
      assert.equal(claimed.revision, record.revision);
      assert.deepEqual(claimed.history, record.history);
      assert.deepEqual(stageOf(claimed, 11).reminder, {
        claim: { by: 'sweep-a', until: morning(FIRST, LEASE_MINUTES), due: FIRST },
      });
      assertStorable(claimed);
    });

    it('once sent, a reminder is never owed again for that due date', () => {
      let record = sendOn(awarded(), ELEVEN, FIRST);
      record = sendOn(record, TWELVE, FIRST);
      for (const day of [FIRST, '2026-08-15', addDays(SECOND, -1)]) {
        assert.deepEqual(owedOn(record, day), [], day);
      }
      assert.deepEqual(stageOf(record, 11).reminder, { sentFor: FIRST });
      assert.equal(record.nextReminderOn, EXIT, 'the next reminder owed is the exit');
      assert.equal(record.nextDueOn, FIRST, 'the reviews are still due until done');
    });

    it('names the stage and the due date in a "reminder-sent" history entry', () => {
      const record = awarded();
      const sent = sendOn(record, ELEVEN, FIRST);
      assert.equal(sent.history.length, record.history.length + 1);
      assert.deepEqual(lastEntry(sent), {
        at: morning(FIRST, 1),
        by: { id: 'reminders', name: 'Reminder service' },
        action: 'reminder-sent',
        changes: [{ field: 'stage 11 reminder', to: `sent for ${FIRST}` }],
      });
      assertStorable(sent);
    });

    it('a released reminder is owed again at once, with nothing in the history', () => {
      const record = awarded();
      const released = releaseReminder(claim(record, ELEVEN, morning(FIRST)), pack, ELEVEN);
      assert.deepEqual(owedOn(released, FIRST), [ELEVEN, TWELVE]);
      assert.deepEqual(released.history, record.history);
      assert.deepEqual(stageOf(released, 11).reminder, {});
    });

    it('a snooze makes a sent reminder owed again from the snooze date, for the same due date', () => {
      const sent = sendOn(awarded(), ELEVEN, FIRST);
      const until = addDays(FIRST, SNOOZE_DAYS);
      const snoozed = snooze(sent, 11, FIRST, until);
      assert.deepEqual(owedOn(snoozed, addDays(until, -1)), [TWELVE]);
      assert.deepEqual(owedOn(snoozed, until), [ELEVEN, TWELVE]);
      const again = sendOn(snoozed, ELEVEN, until);
      assert.deepEqual(owedOn(again, '2026-09-30'), [TWELVE]);
      assert.deepEqual(
        again.history.filter((e) => e.action === 'reminder-sent').map((e) => e.changes[0]?.to),
        [`sent for ${FIRST}`, `sent for ${FIRST}`],
      );
    });

    it('a snooze before the reminder puts it off; a snooze to before the due date does not', () => {
      const record = awarded();
      const later = snooze(record, 11, '2026-06-25', '2026-07-09');
      assert.deepEqual(owedOn(later, FIRST), [TWELVE]);
      assert.equal(later.nextReminderOn, FIRST);
      assert.equal(snooze(later, 12, '2026-06-25', '2026-07-04').nextReminderOn, '2026-07-04');
      assert.deepEqual(owedOn(later, '2026-07-09'), [ELEVEN, TWELVE]);
      const earlier = snooze(record, 11, '2026-06-20', '2026-06-27');
      assert.deepEqual(owedOn(earlier, '2026-06-30'), []);
      assert.deepEqual(owedOn(earlier, FIRST), [ELEVEN, TWELVE]);
    });

    it('a sweep that finishes after the stage moved on leaves the new due date owed', () => {
      // Late: the first review was never reminded, and the second is due too.
      const today = '2026-10-05';
      const now = morning(today);
      let record = awarded();
      record = claim(record, ELEVEN, now, 'sweep-a');
      record = done(record, 11, today);
      const second = { stage: 11, due: SECOND };
      assert.deepEqual(owedOn(record, today, now), [second, TWELVE]);
      record = claim(record, second, now, 'sweep-b');
      // Sweep A delivered the first quarter's reminder and records it on the fresh record.
      record = markReminderSent(record, pack, ELEVEN, morning(today, 1));
      assert.equal(lastEntry(record).action, 'reminder-sent');
      assert.deepEqual(
        stageOf(record, 11).reminder.claim?.by,
        'sweep-b',
        "sweep B's claim on the second quarter stands",
      );
      assert.deepEqual(owedOn(record, today, morning(today, 2)), [TWELVE]);
      // Had sweep A failed instead, its release would not free sweep B's claim either.
      const released = releaseReminder(
        claim(done(claim(awarded(), ELEVEN, now), 11, today), second, now, 'sweep-b'),
        pack,
        ELEVEN,
      );
      assert.deepEqual(owedOn(released, today, morning(today, 2)), [TWELVE]);
    });
  });

  describe('property: never marked sent twice', () => {
    /** A short contract, so that every review stage falls due within the run. */
    const AWARDED = awarded('2026-04-01', 9);
    /** The first sweep: on the first due date, or late, with several quarters already due. */
    const start = fc.constantFrom('2026-07-01', '2026-10-05', '2027-01-03');
    const LEASE_MS = LEASE_MINUTES * 60_000;

    type Op =
      | { kind: 'claim'; sweep: number; pick: number }
      | { kind: 'settle'; sweep: number; sent: boolean }
      | { kind: 'snooze'; stage: number; days: number }
      | { kind: 'done'; stage: number }
      | { kind: 'wait'; minutes: number };

    const stage = fc.constantFrom(11, 12, 13);
    const sweep = fc.constantFrom(0, 1);
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('claim'), sweep, pick: fc.nat(2) }) },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('settle'),
          sweep,
          sent: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('snooze'),
          stage,
          days: fc.integer({ min: 1, max: 10 }),
        }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('done'), stage }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('wait'),
          minutes: fc.oneof(
            { weight: 3, arbitrary: fc.integer({ min: 1, max: 10 }) },
            { weight: 1, arbitrary: fc.integer({ min: 60, max: 60 * 24 * 45 }) },
          ),
        }),
      },
    );

    /** The 'reminder-sent' entries, keyed by stage, due date and how many snoozes came before. */
    function sentKeys(record: CommissioningRecord): string[] {
      const snoozes = new Map<string, number>();
      const keys: string[] = [];
      for (const entry of record.history) {
        const change = entry.changes[0];
        const stageName = change?.field.replace(/ reminder$/, '') ?? '';
        if (entry.action === 'stage-snoozed') {
          snoozes.set(stageName, (snoozes.get(stageName) ?? 0) + 1);
        }
        if (entry.action === 'reminder-sent') {
          keys.push(
            `${stageName} ${String(change?.to)} after ${snoozes.get(stageName) ?? 0} snoozes`,
          );
        }
      }
      return keys;
    }

    it('for any run of claims, sends, releases, snoozes and stages done', () => {
      fc.assert(
        fc.property(start, fc.array(op, { minLength: 10, maxLength: 80 }), (first, ops) => {
          let record = AWARDED;
          let now = Date.parse(`${first}T08:00:00.000Z`);
          const today = () => new Date(now).toISOString().slice(0, 10);
          const inFlight: ({ owed: OwedReminder; until: number } | undefined)[] = [
            undefined,
            undefined,
          ];
          for (const step of ops) {
            const nowIso = new Date(now).toISOString();
            switch (step.kind) {
              case 'claim': {
                if (inFlight[step.sweep]) break;
                const owed = owedReminders(record, pack, today(), nowIso);
                const chosen = owed[step.pick % Math.max(1, owed.length)];
                if (!chosen) break;
                record = claimReminder(record, pack, chosen, {
                  by: `sweep-${step.sweep}`,
                  until: new Date(now + LEASE_MS).toISOString(),
                });
                inFlight[step.sweep] = { owed: chosen, until: now + LEASE_MS };
                break;
              }
              case 'settle': {
                const held = inFlight[step.sweep];
                if (!held) break;
                inFlight[step.sweep] = undefined;
                // A sweep that outlived its lease is one that crashed: it never settles.
                if (now >= held.until) break;
                record = step.sent
                  ? markReminderSent(record, pack, held.owed, nowIso)
                  : releaseReminder(record, pack, held.owed);
                break;
              }
              case 'snooze':
                record = answerOf(
                  snoozeStage(
                    record,
                    pack,
                    { stage: step.stage, until: addDays(today(), step.days) },
                    { ...act(today()), at: nowIso },
                  ),
                );
                break;
              case 'done':
                if (stageOf(record, step.stage).done) break;
                record = answerOf(
                  markStageDone(
                    record,
                    pack,
                    { stage: step.stage, on: today(), note: '' },
                    { ...act(today()), at: nowIso },
                  ),
                );
                break;
              case 'wait':
                now += step.minutes * 60_000;
                break;
            }
            assert.equal(record.nextReminderOn, nextReminderOn(stagesOf(record, pack)));
          }
          const keys = sentKeys(record);
          assert.deepEqual(
            keys.filter((key, i) => keys.indexOf(key) !== i),
            [],
            'a reminder was marked sent twice',
          );
          // Nothing owed is lost: once the claims lapse, each stage due is reminded or owed.
          const later = new Date(now + LEASE_MS).toISOString();
          const owed = owedReminders(record, pack, today(), later);
          for (const s of stagesOf(record, pack)) {
            if (s.done || s.due === undefined || s.due > today()) continue;
            const snoozed = (s.reminder.snoozedUntil ?? '') > today();
            const covered =
              s.reminder.sentFor === s.due || snoozed || owed.some((o) => o.stage === s.number);
            assert.ok(covered, `stage ${s.number} due ${s.due} is neither reminded nor owed`);
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
});
