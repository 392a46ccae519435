import { button } from './actions.js';
import { formatDay } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

export interface RecordListItem {
  id: string;
  title: string;
  status: 'draft' | 'complete';
  /** The step the record stands on, as its title. */
  stepTitle: string;
  updatedAt: string;
  ownerName: string;
}

/** Teams shows only a few buttons on a card; the rest are opened by typing. */
const MAX_BUTTONS = 5;

export function recordListCard(items: RecordListItem[], allOfTenant: boolean): AdaptiveCard {
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
    intro: 'Newest first. Type **open** and a reference to open any of them.',
    sections: [
      {
        heading: `${items.length} record${items.length === 1 ? '' : 's'}`,
        lines: items.map((item) => ({
          text: `**${item.id}** ${item.title}: ${item.status === 'complete' ? 'complete' : `at "${item.stepTitle}"`}, changed ${formatDay(item.updatedAt)}${allOfTenant ? `, owner ${item.ownerName}` : ''}`,
        })),
      },
    ],
    actions: items
      .slice(0, MAX_BUTTONS)
      .map((item) => button(`Open ${item.id}`, { verb: 'command', text: `open ${item.id}` })),
  });
}
