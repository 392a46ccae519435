/**
 * Unfinished drafts: `new` offers to carry on with one before starting another, and the owner
 * can discard a draft after confirming it. A discarded draft stays stored for the audit trail.
 */
import type { CommissioningRecord } from '../core/record/index.js';
import { button, recordCardData } from './actions.js';
import { formatDay } from './format.js';
import { infoCard } from './info.js';
import { messageCard } from './info-cards.js';
import type { AdaptiveCard } from './render.js';

export const DRAFT_VERBS = { discard: 'record.discard' } as const;

/** The word after `new` that starts another exercise though a draft is unfinished. */
export const NEW_ANOTHER = 'another';

export interface DraftItem {
  id: string;
  title: string;
  /** The step it stands on, as its title. */
  stepTitle: string;
  updatedAt: string;
}

/** Buttons per draft on the offer: Teams shows only a few buttons on a card. */
const MAX_DRAFTS_WITH_BUTTONS = 2;

/** `new` while the officer has unfinished exercises: carry on with one, or start another. */
export function unfinishedDraftsCard(drafts: DraftItem[]): AdaptiveCard {
  const one = drafts.length === 1;
  return infoCard({
    title: one ? 'You have an unfinished exercise' : 'You have unfinished exercises',
    intro: one
      ? 'Carry on where you left off, or start another exercise.'
      : 'Carry on with one of them, or start another exercise. The most recently changed is first.',
    sections: [
      {
        heading: one ? 'Unfinished' : `${drafts.length} unfinished`,
        lines: drafts.map((draft) => ({
          text: `**${draft.id}** ${draft.title}: at "${draft.stepTitle}", changed ${formatDay(draft.updatedAt)}`,
        })),
      },
    ],
    actions: [
      ...drafts
        .slice(0, MAX_DRAFTS_WITH_BUTTONS)
        .map((draft) =>
          button(`Continue ${draft.id}`, { verb: 'command', text: `open ${draft.id}` }, 'positive'),
        ),
      button('Start another exercise', { verb: 'command', text: `new ${NEW_ANOTHER}` }),
      ...drafts
        .slice(0, 1)
        .map((draft) =>
          button(`Discard ${draft.id}`, { verb: 'command', text: `discard ${draft.id}` }),
        ),
    ],
  });
}

/** Asks the owner to confirm: nothing is discarded until "Discard it" is pressed. */
export function confirmDiscardCard(
  record: Pick<CommissioningRecord, 'id' | 'title' | 'revision'>,
  stepTitle: string,
  notice?: string,
): AdaptiveCard {
  return infoCard({
    title: `Discard ${record.id}?`,
    ...(notice ? { notice, noticeStyle: 'warning' as const } : {}),
    intro: `${record.id} (${record.title}) is unfinished, at "${stepTitle}". Discarded, it leaves your lists and gets no reminders, and no one can change it again. It is not deleted: its history keeps who discarded it and when, for the audit trail.`,
    actions: [
      button('Discard it', { verb: DRAFT_VERBS.discard, ...recordCardData(record) }, 'destructive'),
      button('Keep it and carry on', { verb: 'command', text: `open ${record.id}` }, 'positive'),
    ],
  });
}

/** After the discard is saved. */
export function draftDiscardedCard(
  record: Pick<CommissioningRecord, 'id' | 'title'>,
): AdaptiveCard {
  return infoCard({
    title: `${record.id} is discarded`,
    notice: `${record.id} (${record.title}) is discarded. It no longer appears in your lists and gets no reminders; its history keeps who discarded it and when.`,
    noticeStyle: 'good',
    actions: [
      button('Start a commissioning exercise', { verb: 'command', text: 'new' }, 'positive'),
      button('My records', { verb: 'command', text: 'list' }),
    ],
  });
}

/** Why this record cannot be discarded. */
export function cannotDiscardCard(
  refusal: 'not-owner' | 'complete',
  reference: string,
): AdaptiveCard {
  return messageCard(
    'Not discarded',
    refusal === 'complete'
      ? `${reference} is complete: only an unfinished draft can be discarded. A complete record is kept as the evidence of the decisions made.`
      : `Only the owner of ${reference} can discard it.`,
  );
}

/** The record changed between the confirmation and the press: asked again. */
export const DISCARD_CHANGED_MEANWHILE =
  'This draft changed after you were asked. Here it is as it stands: discard it now if you still mean to.';
