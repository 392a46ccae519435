import { CARD_LIMITS, firstLines } from '../core/flow/index.js';
import type { DueStage } from '../core/record/index.js';
import { button } from './actions.js';
import { formatDate } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

/** A line of the card: a stage due, as core works it out. */
export type DueItem = DueStage;

const MAX_BUTTONS = 5;

/** My stages due in the coming days, soonest first. */
export function dueCard(items: DueItem[], days: number, today: string): AdaptiveCard {
  if (items.length === 0) {
    return infoCard({
      title: 'Nothing due',
      intro: `None of your records has a stage due in the next ${days} days (to ${formatDate(today)} plus ${days}).`,
    });
  }
  // Soonest first: the first ones, then a count, so that the card fits in a Teams message.
  const { shown, more } = firstLines(items, CARD_LIMITS.listLines);
  return infoCard({
    title: `Due in the next ${days} days`,
    sections: [
      {
        heading: `${items.length} stage${items.length === 1 ? '' : 's'}`,
        lines: [
          ...shown.map((item) => ({
            text: `**${formatDate(item.due)}**${item.due < today ? ' (overdue)' : ''}: ${item.reference} ${item.title}, stage ${item.stage}. ${item.stageName}`,
            citation: item.citation,
          })),
          ...(more ? [{ text: more }] : []),
        ],
      },
    ],
    actions: [...new Set(items.map((item) => item.reference))]
      .slice(0, MAX_BUTTONS)
      .map((reference) =>
        button(`Stages of ${reference}`, { verb: 'command', text: `stages ${reference}` }),
      ),
  });
}
