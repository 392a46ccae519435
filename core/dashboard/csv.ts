import type { Cell, Table } from './table.js';

/**
 * A value a spreadsheet would read as a formula (or a command, after a tab or carriage
 * return) is written after an apostrophe, so that text an officer typed never runs.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as text in a CSV file: numbers as they are, dates as YYYY-MM-DD, text escaped. */
function csvText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return cell.date;
  return escapeFormula(cell);
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** UTF-8's byte order mark: without it Excel reads the file in the machine's own code page. */
export const BOM = '\uFEFF';

/**
 * A table as a CSV file Excel opens as it is: a byte order mark, a header row, every text
 * and date field quoted (a number is left bare, so that it is read as a number) and lines
 * ended CRLF.
 */
export function toCsv(table: Pick<Table, 'columns' | 'rows'>): string {
  const lines = [
    table.columns.map((column) => quoted(escapeFormula(column.label))),
    ...table.rows.map((row) =>
      row.map((cell) => (typeof cell === 'number' ? String(cell) : quoted(csvText(cell)))),
    ),
  ];
  return `${BOM}${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
