import { RECORD_TEXT_LIMITS } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import type { CommissioningRecord, OwedReminder } from '../core/record/index.js';
import { SNOOZE_DAYS } from '../core/record/index.js';
import { button, type RecordCardData } from './actions.js';
import { DELIVERY_VERBS } from './delivery-card.js';
import type { FormState } from './form.js';
import { formatDate } from './format.js';
import { errorSummary } from './post-award-words.js';
import { type AdaptiveCard, expand } from './render.js';
import { STAGE_VERBS, stageInputIds } from './stage-inputs.js';
import template from './templates/reminder.json' with { type: 'json' };

/** "Overdue since 15 July 2026" once the day has passed; "Due on 15 July 2026" until then. */
export const dueWords = (due: string, today: string): { title: string; when: string } =>
  due < today
    ? { title: 'Overdue since', when: `overdue since ${formatDate(due)}` }
    : { title: 'Due on', when: `due on ${formatDate(due)}` };

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
  state: FormState = {},
): AdaptiveCard {
  const stage = pack.stages.find((s) => s.number === owed.stage);
  const ids: RecordCardData = { reference: record.id, stage: owed.stage, due: owed.due };
  const inputs = stageInputIds(owed.stage);
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const count = Object.keys(errors).length;
  const due = dueWords(owed.due, today);
  return expand(template, {
    title: `Reminder: stage ${owed.stage} is ${due.when}`,
    notice: notice ?? '',
    errorSummary: count > 0 ? errorSummary(count) : '',
    dueTitle: due.title,
    doneOnValue: values[inputs.doneOn] ?? today,
    doneOnError: errors[inputs.doneOn] ?? '',
    noteValue: values[inputs.note] ?? '',
    noteError: errors[inputs.note] ?? '',
    contract: `${record.id}: ${record.title}`,
    // "11: …", not "11. …", which Teams would show as a numbered list.
    stage: `${owed.stage}: ${stage?.name ?? ''}`,
    action: stage?.action || 'No social value action is named for this stage.',
    citation: stage?.citation ?? '',
    due: formatDate(owed.due),
    doneOnId: stageInputIds(owed.stage).doneOn,
    doneNoteId: stageInputIds(owed.stage).note,
    noteMaxLength: RECORD_TEXT_LIMITS.stageNote,
    today,
    // Once dealt with (done or snoozed), the card keeps only the way to the record.
    actions: [
      ...(notice
        ? []
        : [
            button('Mark done', { verb: STAGE_VERBS.done, ...ids }, 'positive'),
            button(`Snooze ${SNOOZE_DAYS} days`, { verb: STAGE_VERBS.snooze, ...ids }),
          ]),
      // The review at which the value delivered is measured opens the delivery card.
      ...(stage?.recordsDelivery
        ? [button('Record delivery', { verb: DELIVERY_VERBS.show, reference: record.id })]
        : []),
      button('Open the record', { verb: 'command', text: `open ${record.id}` }),
    ],
  });
}
