import type { PolicyPack } from '../policy/schema.js';
import type { DashboardRow } from './row.js';
import type { Table } from './table.js';

/** What a view is built from besides the rows: the tenant's pack and the UK date today. */
export interface ViewContext {
  pack: PolicyPack;
  today: string;
}

/**
 * A chart is drawn from one of the view's figure tables (a label in the first column, the
 * count in the first number column), so that the chart and the table beside it always show
 * the same figures.
 */
export interface ChartOf {
  tableId: string;
  /** What the bars count, for the axis: "Records", "Stages". */
  measure: string;
  /**
   * The number columns drawn, by heading: each row gives one bar per column, named "row:
   * column" (committed beside delivered). The first number column when absent.
   */
  columns?: string[];
  /** The words under each row's name for each of `columns` ("SME share"): the column's heading in lower case when absent. */
  barNames?: string[];
}

export interface ViewResult {
  charts: ChartOf[];
  tables: Table[];
  /** The table of one line per item: the one paged on the page, and exported to CSV. */
  detail: string;
}

/** One view of the dashboard: adding a view is one file that exports one of these. */
export interface DashboardView {
  id: string;
  title: string;
  /** One sentence under the title: what the view shows. */
  summary: string;
  build(rows: readonly DashboardRow[], context: ViewContext): ViewResult;
}
