/** A cell of a table: text, a number (stays a number in a spreadsheet) or an ISO date. */
export type Cell = string | number | { date: string } | null;

export interface Column {
  /** The heading, in plain words. */
  label: string;
  kind: 'text' | 'number' | 'date';
}

/** One table of a view, with every row; the page shows it a page at a time. */
export interface Table {
  id: string;
  title: string;
  /** Its sheet's name in a workbook (Excel allows 31 characters); the title when absent. */
  sheet?: string;
  columns: Column[];
  rows: Cell[][];
}

/** The part of a table shown on one page, and where that page stands. */
export interface TablePage extends Omit<Table, 'rows'> {
  rows: Cell[][];
  page: number;
  pages: number;
  total: number;
}

/** Rows a page of a table shows: enough for a screen, few enough for 10,000 records. */
export const PAGE_SIZE = 25;

export function pageOf(table: Table, page: number, size = PAGE_SIZE): TablePage {
  const pages = Math.max(1, Math.ceil(table.rows.length / size));
  const shown = Math.min(Math.max(1, page), pages);
  return {
    ...table,
    rows: table.rows.slice((shown - 1) * size, shown * size),
    page: shown,
    pages,
    total: table.rows.length,
  };
}

/** A short table (a chart's figures) as one page of itself. */
export const wholePage = (table: Table): TablePage => ({
  ...table,
  page: 1,
  pages: 1,
  total: table.rows.length,
});

/** Counts by key, in the order the keys are given (a key with none counts 0). */
export function countBy<T, K>(
  items: readonly T[],
  keys: readonly K[],
  keyOf: (item: T) => K,
): Map<K, number> {
  const counts = new Map<K, number>(keys.map((key) => [key, 0]));
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
