import type { PolicyPack } from '../core/policy/index.js';
import type { CommissioningRecord, PerformanceNotice } from '../core/record/index.js';
import { button, recordCardData } from './actions.js';
import { infoCard } from './info.js';
import { performanceNoticeText } from './notice-text.js';
import { PERFORMANCE_VERBS } from './performance-card.js';
import type { AdaptiveCard } from './render.js';

/** The boxes the notice is shown in: an officer selects all in one and copies it. */
export const NOTICE_INPUTS = { text: 'noticeText', json: 'noticeJson' } as const;

/**
 * One assessment's contract performance notice, named, as text to paste and as JSON. The
 * force publishes it; the bot prepares it and sends nothing anywhere.
 */
export function performanceNoticeCard(
  _pack: PolicyPack,
  record: CommissioningRecord,
  notice: PerformanceNotice,
): AdaptiveCard {
  const { name, id, citation } = notice.notice;
  return infoCard({
    title: `${name} (${id}): assessment ${notice.assessment}`,
    intro: `What to publish for this assessment, prepared for you to paste into the ${id} notice. Nothing is published from here: publishing is the force’s own act.`,
    facts: [
      { title: 'Notice', value: `${name} (${id}, ${citation})` },
      { title: 'Contract', value: `${notice.contract.title} (${notice.contract.reference})` },
      ...(notice.supplier ? [{ title: 'Supplier', value: notice.supplier }] : []),
    ],
    lead: [
      {
        type: 'Input.Text',
        id: NOTICE_INPUTS.text,
        label: 'Text to paste',
        isMultiline: true,
        value: performanceNoticeText(notice),
      },
      {
        type: 'Input.Text',
        id: NOTICE_INPUTS.json,
        label: 'The same as JSON',
        isMultiline: true,
        value: JSON.stringify(notice, null, 2),
      },
    ],
    actions: [
      button('Back to the assessments', {
        verb: PERFORMANCE_VERBS.show,
        ...recordCardData(record),
      }),
    ],
  });
}
