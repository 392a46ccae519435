import type { PolicyPack } from '../policy/schema.js';
import { withAssessmentDates } from './performance.js';
import type { CommissioningRecord } from './record.js';
import { reminderDate, type StageProgress, stagesOf } from './stages.js';

/** A stage whose reminder is owed on a day, with the due date it is for. */
export interface OwedReminder {
  stage: number;
  due: string;
}

/** The reminders a record owes on `today`, skipping any another sweep holds a live claim on. */
export function owedReminders(
  record: CommissioningRecord,
  pack: PolicyPack,
  today: string,
  now: string,
): OwedReminder[] {
  return stagesOf(record, pack).flatMap((stage) => {
    const on = reminderDate(stage);
    if (on === undefined || on > today || stage.due === undefined) return [];
    const claim = stage.reminder.claim;
    if (claim && claim.until > now) return [];
    return [{ stage: stage.number, due: stage.due }];
  });
}

function changeStage(
  record: CommissioningRecord,
  pack: PolicyPack,
  number: number,
  change: (stage: StageProgress) => StageProgress,
): StageProgress[] {
  return stagesOf(record, pack).map((stage) => (stage.number === number ? change(stage) : stage));
}

/** The record with its stages' reminders changed; its reminder date counts the next assessment too. */
function withReminderStages(
  record: CommissioningRecord,
  pack: PolicyPack,
  stages: StageProgress[],
): CommissioningRecord {
  return withAssessmentDates({ ...record, stages }, pack);
}

/**
 * Claims a reminder for one sweep until the lease ends: written with If-Match, so that of
 * several bot instances only one sends it. The claim changes no answer and no revision.
 */
export function claimReminder(
  record: CommissioningRecord,
  pack: PolicyPack,
  owed: OwedReminder,
  claim: { by: string; until: string },
): CommissioningRecord {
  return withReminderStages(
    record,
    pack,
    changeStage(record, pack, owed.stage, (stage) => ({
      ...stage,
      reminder: { ...stage.reminder, claim: { ...claim, due: owed.due } },
    })),
  );
}

/**
 * The reminder was delivered: it is never sent again for this due date. When the stage
 * has moved on meanwhile (done, or given another date), its new reminder, and any claim
 * another sweep holds on it, is left alone; the delivery still goes into the history.
 */
export function markReminderSent(
  record: CommissioningRecord,
  pack: PolicyPack,
  owed: OwedReminder,
  at: string,
): CommissioningRecord {
  const stages = changeStage(record, pack, owed.stage, (stage) => {
    if (stage.due !== owed.due) return stage;
    const { claim: _claim, snoozedUntil: _snooze, ...reminder } = stage.reminder;
    return { ...stage, reminder: { ...reminder, sentFor: owed.due } };
  });
  const sent = withReminderStages(record, pack, stages);
  return {
    ...sent,
    history: [
      ...record.history,
      {
        at,
        by: { id: 'reminders', name: 'Reminder service' },
        action: 'reminder-sent',
        changes: [{ field: `stage ${owed.stage} reminder`, to: `sent for ${owed.due}` }],
      },
    ],
  };
}

/**
 * The reminder could not be delivered: the claim is dropped and it stays owed for the next
 * sweep. A claim on another due date (the stage moved on meanwhile) is not this one's.
 */
export function releaseReminder(
  record: CommissioningRecord,
  pack: PolicyPack,
  owed: OwedReminder,
): CommissioningRecord {
  return withReminderStages(
    record,
    pack,
    changeStage(record, pack, owed.stage, (stage) => {
      if (stage.reminder.claim?.due !== owed.due) return stage;
      const { claim: _claim, ...reminder } = stage.reminder;
      return { ...stage, reminder };
    }),
  );
}

/** "Snooze" puts a reminder off by this many days. */
export const SNOOZE_DAYS = 7;
