import { CARD_LIMITS, firstLines } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import { ratingStages, type SupplierStanding } from '../core/record/index.js';
import { formatDate } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

/** A line of the card: a supplier's current tier, as core works it out. */
export type SupplierItem = SupplierStanding;

/** Each supplier with its current tier: the latest rating given anywhere in the tenant. */
export function suppliersCard(pack: PolicyPack, items: SupplierItem[]): AdaptiveCard {
  if (items.length === 0) {
    const stages = ratingStages(pack);
    return infoCard({
      title: 'No suppliers rated yet',
      intro: `Suppliers are rated at contract review (${stages.length === 1 ? 'stage' : 'stages'} ${stages.join(' and ')}), once a record is finished and awarded: type **rate** and a record reference.`,
    });
  }
  // A tenant may rate more suppliers than one Teams message holds: the first ones, then a count.
  const { shown, more } = firstLines(items, CARD_LIMITS.listLines);
  return infoCard({
    title: 'Supplier status',
    sections: [
      {
        heading: `${items.length} supplier${items.length === 1 ? '' : 's'}`,
        lines: [
          ...shown.map((item) => ({
            text: `**${item.supplier}**: ${item.tierLabel}, rated ${formatDate(item.on)} (${item.reference})`,
            citation: item.citation,
          })),
          ...(more ? [{ text: more }] : []),
        ],
      },
    ],
  });
}
