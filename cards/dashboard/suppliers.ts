import { countBy, type DashboardView } from '../../core/dashboard/index.js';
import { latestTiers } from '../../core/record/index.js';

/** Each supplier's latest tier, and when and on which record it was given. */
export const suppliersView: DashboardView = {
  id: 'suppliers',
  title: 'Suppliers',
  summary: 'Each supplier’s latest tier, with the date it was given and the record.',
  build(rows, { pack }) {
    const standings = latestTiers(
      rows.map((row) => ({ reference: row.id, ratings: row.ratings ?? [] })),
      pack,
    );
    const tiers = pack.supplierStatus.tiers.map((tier) => tier.label);
    const counts = countBy(standings, tiers, (standing) => standing.tierLabel);
    return {
      charts: [{ tableId: 'by-tier', measure: 'Suppliers' }],
      detail: 'suppliers',
      tables: [
        {
          id: 'by-tier',
          title: 'Suppliers by latest tier',
          columns: [
            { label: 'Tier', kind: 'text' },
            { label: 'Suppliers', kind: 'number' },
          ],
          rows: tiers.map((tier) => [tier, counts.get(tier) ?? 0]),
        },
        {
          id: 'suppliers',
          title: 'Suppliers and their latest tier',
          columns: [
            { label: 'Supplier', kind: 'text' },
            { label: 'Tier', kind: 'text' },
            { label: 'Rated on', kind: 'date' },
            { label: 'Record', kind: 'text' },
          ],
          rows: standings.map((s) => [s.supplier, s.tierLabel, { date: s.on }, s.reference]),
        },
      ],
    };
  },
};
