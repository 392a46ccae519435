/**
 * The short answers of the text commands (what to type, not found, shared, reminders on or
 * off): the words live here, and the command table in bot/ passes only what happened.
 */
import type { CommissioningRecord } from '../core/record/index.js';
import { button } from './actions.js';
import { formatDay } from './format.js';
import { infoCard } from './info.js';
import { messageCard } from './info-cards.js';
import type { AdaptiveCard } from './render.js';

const THRESHOLDS_USAGE =
  'Type **thresholds**, a category (goods, services, works or light-touch) and a value, for example **thresholds services 250k** or **thresholds works £1.5m**.';

/** `thresholds` without a category and value it can read; `problem` says what was wrong. */
export function thresholdsUsageCard(problem?: 'no-threshold'): AdaptiveCard {
  return messageCard(
    'Thresholds: what to type',
    problem === 'no-threshold'
      ? `I have no threshold for that contract today. ${THRESHOLDS_USAGE}`
      : THRESHOLDS_USAGE,
  );
}

/** A command that needs a reference was typed without one. */
export const whichRecordCard = (command: string): AdaptiveCard =>
  messageCard(
    'Which record?',
    `Type **${command}** and a reference, for example **${command} SV-2026-0042**. Type **list** to see yours.`,
  );

export const recordNotFoundCard = (reference: string): AdaptiveCard =>
  messageCard(
    'Record not found',
    `I could not find ${reference} among the records you can see. Type **list** to see yours.`,
  );

/** A record that was discarded: still kept for the audit trail, but closed to every change. */
export const discardedRecordCard = (
  record: Pick<CommissioningRecord, 'id' | 'title' | 'discarded'>,
): AdaptiveCard =>
  infoCard({
    title: `${record.id} was discarded`,
    notice: `${record.id} (${record.title}) was discarded${record.discarded ? ` by ${record.discarded.by.name} on ${formatDay(record.discarded.at)}` : ''}. It is kept for the audit trail, but it can no longer be opened or changed.`,
    noticeStyle: 'warning',
    actions: [
      button('Start a commissioning exercise', { verb: 'command', text: 'new' }, 'positive'),
    ],
  });

export const shareUsageCard = (): AdaptiveCard =>
  messageCard(
    'Share a record',
    'Type **share**, a reference and @mention a colleague, for example **share SV-2026-0042 @Sam Jones**.',
  );

export const shareNotFoundCard = (reference: string): AdaptiveCard =>
  messageCard(
    'Record not found',
    `I could not find ${reference} among the records you can share: only its owner or a procurement lead can.`,
  );

export const sharedCard = (names: string[], reference: string): AdaptiveCard =>
  messageCard('Shared', `${names.join(', ')} can now see and work on ${reference}.`, 'good');

export const remindersUsageCard = (): AdaptiveCard =>
  messageCard(
    'Reminders',
    'Type **reminders off** to pause reminders, or **reminders on** to have them again.',
  );

/** After `reminders on` or `reminders off`; `saved` is false when the bot cannot reach the person yet. */
export function remindersSetCard(on: boolean, saved: boolean): AdaptiveCard {
  if (!saved) {
    return messageCard(
      'Reminders',
      'I cannot reach you here yet: send me any message first, then try again.',
    );
  }
  return on
    ? messageCard(
        'Reminders on',
        'I will remind you here when a review stage of your records falls due.',
        'good',
      )
    : messageCard(
        'Reminders paused',
        'I will not send you reminders until you type **reminders on**. Stages still fall due: type **due** to see them.',
        'good',
      );
}
