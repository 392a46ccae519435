import type { DashboardFilters } from './filters.js';
import type { TablePage } from './table.js';

/** A choice of a filter's list: the value sent back, and the words shown. */
export interface Choice {
  value: string;
  label: string;
}

/** What `GET /api/dashboard/<view>` answers: the page renders this and nothing else. */
export interface ViewAnswer {
  view: { id: string; title: string; summary: string };
  views: { id: string; title: string }[];
  viewer: { name: string; isProcurementLead: boolean };
  filters: DashboardFilters;
  choices: { statuses: Choice[]; themes: Choice[]; owners: Choice[]; records: Choice[] };
  charts: { title: string; tableId: string; svg: string }[];
  /** Every table: the figure tables whole, the detail table one page of it. */
  tables: TablePage[];
  detail: string;
  today: string;
}
