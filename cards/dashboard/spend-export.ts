import type { SpendData } from '../../core/dashboard/spend-view.js';
import type { Table } from '../../core/dashboard/table.js';
import type { ViewContext } from '../../core/dashboard/view.js';
import { spendByYear } from '../../core/spend/index.js';
import { actionPlanOf } from './action-plan.js';
import { sizeWords } from './spend.js';
import { spendImportsView } from './spend-imports.js';
import { pounds, shareOf, yearWords } from './spend-words.js';

/** The spend sheets of a lead's full workbook: every year's figures, the suppliers, the targets and the imports. */
export function spendSheets(
  data: SpendData,
  context: ViewContext,
): { name: string; table: Table }[] {
  const { pack } = context;
  // Worked out once: the Action Plan's actual shares come from the same figures.
  const byYears = spendByYear(pack, data);
  const { years, baseline } = byYears;
  const filters = { show: 'missing' as const, page: 1 };
  const tableOf = (built: { tables: Table[] }, id: string): Table =>
    built.tables.find((t) => t.id === id) ?? { id, title: id, columns: [], rows: [] };
  const byYear: Table = {
    id: 'spend-years',
    title: 'Spend by year',
    columns: [
      { label: 'Year', kind: 'text' },
      { label: 'Complete', kind: 'text' },
      { label: 'Total spend (£)', kind: 'number' },
      { label: 'SME share (%)', kind: 'number' },
      { label: 'Local share (%)', kind: 'number' },
      { label: 'Local SME share (%)', kind: 'number' },
      { label: 'VCSE share (%)', kind: 'number' },
      { label: 'Unknown size (%)', kind: 'number' },
      { label: 'Suppliers paid', kind: 'number' },
      { label: 'Redacted spend (£)', kind: 'number' },
    ],
    rows: years.map(({ year, complete, figures }) => [
      yearWords(year, baseline?.year),
      complete ? 'Yes' : 'No',
      pounds(figures.totalPence),
      shareOf(figures.sme),
      shareOf(figures.local),
      shareOf(figures.localSme),
      shareOf(figures.vcse),
      shareOf(figures.bands.find((b) => b.band === 'unknown') ?? { pence: 0, share: undefined }),
      figures.supplierCount,
      pounds(figures.redacted.pence),
    ]),
  };
  const suppliers: Table = {
    id: 'spend-suppliers',
    title: 'Suppliers',
    columns: [
      { label: 'Supplier', kind: 'text' },
      { label: 'Supplier id', kind: 'text' },
      { label: 'Head count', kind: 'number' },
      { label: 'Size', kind: 'text' },
      { label: 'Postcode', kind: 'text' },
      { label: 'VCSE', kind: 'text' },
      { label: 'Changed by', kind: 'text' },
      { label: 'Changed on', kind: 'date' },
    ],
    rows: [...data.suppliers]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => [
        s.name,
        s.id ?? null,
        s.headcount ?? null,
        sizeWords(pack, s),
        s.postcode ?? null,
        s.vcse === undefined ? null : s.vcse ? 'Yes' : 'No',
        s.updatedBy?.name ?? null,
        s.updatedAt ? { date: s.updatedAt.slice(0, 10) } : null,
      ]),
  };
  const plan = actionPlanOf(data, { ...context, filters }, byYears);
  const imports = spendImportsView.build(data, { ...context, filters });
  return [
    { name: 'Spend by year', table: byYear },
    { name: 'Spend suppliers', table: suppliers },
    { name: 'Action Plan targets', table: tableOf(plan, 'history') },
    { name: 'Spend imports', table: tableOf(imports, 'imports') },
  ];
}
