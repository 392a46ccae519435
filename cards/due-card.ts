import { CARD_LIMITS, firstLines } from '../core/flow/index.js';
import type { DueAssessment, DueStage } from '../core/record/index.js';
import { button } from './actions.js';
import { formatDate } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

/** A line of the card: a stage due, as core works it out. */
export type DueItem = DueStage;

const MAX_BUTTONS = 5;

/** My stages, and my contracts' performance assessments, due in the coming days, soonest first. */
export function dueCard(
  items: DueItem[],
  days: number,
  today: string,
  assessments: readonly DueAssessment[] = [],
): AdaptiveCard {
  if (items.length === 0 && assessments.length === 0) {
    return infoCard({
      title: 'Nothing due',
      intro: `None of your records has a stage or a performance assessment due in the next ${days} days (to ${formatDate(today)} plus ${days}).`,
    });
  }
  // Soonest first: the first ones, then a count, so that the card fits in a Teams message.
  const { shown, more } = firstLines(items, CARD_LIMITS.listLines);
  const overdue = (due: string) => (due < today ? ' (overdue)' : '');
  const stageButtons = [...new Set(items.map((item) => item.reference))].map((reference) =>
    button(`Stages of ${reference}`, { verb: 'command', text: `stages ${reference}` }),
  );
  const assessButtons = [...new Set(assessments.map((a) => a.reference))].map((reference) =>
    button(`Assess ${reference}`, { verb: 'command', text: `performance ${reference}` }),
  );
  return infoCard({
    title: `Due in the next ${days} days`,
    sections: [
      ...(items.length > 0
        ? [
            {
              heading: `${items.length} stage${items.length === 1 ? '' : 's'}`,
              lines: [
                ...shown.map((item) => ({
                  text: `**${formatDate(item.due)}**${overdue(item.due)}: ${item.reference} ${item.title}, stage ${item.stage}. ${item.stageName}`,
                  citation: item.citation,
                })),
                ...(more ? [{ text: more }] : []),
              ],
            },
          ]
        : []),
      ...(assessments.length > 0
        ? [
            {
              heading: `${assessments.length} performance assessment${assessments.length === 1 ? '' : 's'}`,
              lines: firstLines([...assessments], CARD_LIMITS.listLines).shown.map((a) => ({
                text: `**${formatDate(a.due)}**${overdue(a.due)}: ${a.reference} ${a.title}, ${a.kind === 'termination' ? 'assessment on termination' : 'yearly assessment'}`,
                citation: a.citation,
              })),
            },
          ]
        : []),
    ],
    actions: [...assessButtons, ...stageButtons].slice(0, MAX_BUTTONS),
  });
}
