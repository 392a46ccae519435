import type { PolicyPack } from '../core/policy/index.js';
import type { CommissioningRecord, OwedReminder } from '../core/record/index.js';
import { SNOOZE_DAYS } from '../core/record/index.js';
import { button } from './actions.js';
import { formatDate } from './format.js';
import { type AdaptiveCard, expand } from './render.js';
import template from './templates/reminder.json' with { type: 'json' };

export const STAGE_VERBS = {
  done: 'stage.done',
  snooze: 'stage.snooze',
  setDue: 'stage.due',
  setContract: 'contract.set',
  show: 'stages.show',
} as const;

/** The ids of the inputs the reminder's "mark done" carries. */
export const DONE_INPUTS = { on: 'doneOn', note: 'doneNote' } as const;

/**
 * A review stage has fallen due: the contract, the stage and its social value action, and
 * buttons to mark it done, snooze it or open the record.
 */
export function reminderCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  owed: OwedReminder,
  today: string,
  notice?: string,
): AdaptiveCard {
  const stage = pack.stages.find((s) => s.number === owed.stage);
  const ids = { reference: record.id, stage: owed.stage, due: owed.due };
  return expand(template, {
    title: `Reminder: stage ${owed.stage} is due`,
    notice: notice ?? '',
    contract: `${record.id}: ${record.title}`,
    stage: `${owed.stage}. ${stage?.name ?? ''}`,
    action: stage?.action || 'No social value action is named for this stage.',
    citation: stage?.citation ?? '',
    due: formatDate(owed.due),
    doneOnId: DONE_INPUTS.on,
    doneNoteId: DONE_INPUTS.note,
    today,
    actions: [
      button('Mark done', { verb: STAGE_VERBS.done, ...ids }, 'positive'),
      button(`Snooze ${SNOOZE_DAYS} days`, { verb: STAGE_VERBS.snooze, ...ids }),
      button('Open the record', { verb: 'command', text: `open ${record.id}` }),
    ],
  });
}
