import { button } from './actions.js';
import { formatDate } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

export interface DueItem {
  reference: string;
  title: string;
  stage: number;
  stageName: string;
  due: string;
  citation: string;
}

const MAX_BUTTONS = 5;

/** My stages due in the coming days, soonest first. */
export function dueCard(items: DueItem[], days: number, today: string): AdaptiveCard {
  if (items.length === 0) {
    return infoCard({
      title: 'Nothing due',
      intro: `None of your records has a stage due in the next ${days} days (to ${formatDate(today)} plus ${days}).`,
    });
  }
  return infoCard({
    title: `Due in the next ${days} days`,
    sections: [
      {
        heading: `${items.length} stage${items.length === 1 ? '' : 's'}`,
        lines: items.map((item) => ({
          text: `**${formatDate(item.due)}**${item.due < today ? ' (overdue)' : ''}: ${item.reference} ${item.title}, stage ${item.stage}. ${item.stageName}`,
          citation: item.citation,
        })),
      },
    ],
    actions: [...new Set(items.map((item) => item.reference))]
      .slice(0, MAX_BUTTONS)
      .map((reference) =>
        button(`Stages of ${reference}`, { verb: 'command', text: `stages ${reference}` }),
      ),
  });
}
