import { formatDate } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

export interface SupplierItem {
  supplier: string;
  tierLabel: string;
  on: string;
  reference: string;
  citation: string;
}

/** Each supplier with its current tier: the latest rating given anywhere in the tenant. */
export function suppliersCard(items: SupplierItem[]): AdaptiveCard {
  if (items.length === 0) {
    return infoCard({
      title: 'No suppliers rated yet',
      intro:
        'Suppliers are rated at contract review (stages 11 and 12): type **rate** and a record reference.',
    });
  }
  return infoCard({
    title: 'Supplier status',
    sections: [
      {
        heading: `${items.length} supplier${items.length === 1 ? '' : 's'}`,
        lines: items.map((item) => ({
          text: `**${item.supplier}**: ${item.tierLabel}, rated ${formatDate(item.on)} (${item.reference})`,
          citation: item.citation,
        })),
      },
    ],
  });
}
