import { button } from './actions.js';
import { formatDate, formatDay } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

export interface RecordListItem {
  id: string;
  title: string;
  /** Draft (unfinished), complete, or complete with the contract awarded; discarded is never listed. */
  status: 'draft' | 'complete' | 'awarded';
  /** The step the record stands on, as its title. */
  stepTitle: string;
  updatedAt: string;
  ownerName: string;
  /** The earliest due date of a stage not done, and the stages due on it. */
  nextDue?: { on: string; stages: number[] };
}

/** Teams shows only a few buttons on a card; the rest are opened by typing. */
const MAX_BUTTONS = 5;

const statusWords = (item: RecordListItem): string => {
  switch (item.status) {
    case 'draft':
      return `draft, at "${item.stepTitle}"`;
    case 'complete':
      return 'complete, not awarded yet';
    case 'awarded':
      return 'awarded';
  }
};

function nextDueWords(item: RecordListItem, today: string): string {
  if (!item.nextDue) return '';
  const { on, stages } = item.nextDue;
  const which =
    stages.length === 0
      ? 'a review or assessment'
      : stages.length === 1
        ? `stage ${stages[0]}`
        : `stages ${stages.slice(0, -1).join(', ')} and ${stages.at(-1)}`;
  return `; next: ${which} ${on < today ? 'overdue since' : 'due'} ${formatDate(on)}`;
}

/** The viewer's records, most recently changed first, each with its status and next due stage. */
export function recordListCard(
  items: RecordListItem[],
  allOfTenant: boolean,
  today: string,
): AdaptiveCard {
  if (items.length === 0) {
    return infoCard({
      title: 'No records yet',
      intro: 'You have no commissioning records. Start one and it will be listed here.',
      actions: [
        button('Start a commissioning exercise', { verb: 'command', text: 'new' }, 'positive'),
      ],
    });
  }
  return infoCard({
    title: allOfTenant ? 'Commissioning records' : 'My commissioning records',
    intro: 'Most recently changed first. Type **open** and a reference to open any of them.',
    sections: [
      {
        heading: `${items.length} record${items.length === 1 ? '' : 's'}`,
        lines: items.map((item) => ({
          text: `**${item.id}** ${item.title}: ${statusWords(item)}${nextDueWords(item, today)}; changed ${formatDay(item.updatedAt)}${allOfTenant ? `, owner ${item.ownerName}` : ''}`,
        })),
      },
    ],
    actions: items
      .slice(0, MAX_BUTTONS)
      .map((item) => button(`Open ${item.id}`, { verb: 'command', text: `open ${item.id}` })),
  });
}
