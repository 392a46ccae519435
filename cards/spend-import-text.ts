import { FIELD_NAMES, type SpendField } from '../core/spend/columns.js';
import type { BadRow } from '../core/spend/rows.js';
import {
  type CheckedSupplierList,
  SUPPLIER_FIELD_NAMES,
  type SupplierField,
} from '../core/spend/supplier-list.js';
import type { CheckedSpend } from '../core/spend/totals.js';
import { poundsText } from './dashboard/spend-words.js';
import { formatDate, formatDay } from './format.js';

/**
 * The words of a spend import's report: what the command line prints (and a page may show)
 * after reading a payment file or a supplier list.
 */

/** Bad rows listed, on the command line and on the dashboard's check, before "and N more". */
export const BAD_ROWS_SHOWN = 20;

/** The bad rows a lead reads, by line ("Line 4: the date ... does not exist"), and how many more. */
export function badRowsShown(
  rows: readonly BadRow[],
  count: number,
): { shown: string[]; more: number } {
  const shown = rows.slice(0, BAD_ROWS_SHOWN).map((row) => `Line ${row.line}: ${row.reason}`);
  return { shown, more: Math.max(0, count - shown.length) };
}

/** "Columns: the transaction date from "Date", the supplier name from "Supplier"." */
export function columnsText(
  columns: readonly { field: SpendField | SupplierField; header: string }[],
  kind: 'spend' | 'suppliers',
): string {
  const names: Record<string, string> = kind === 'spend' ? FIELD_NAMES : SUPPLIER_FIELD_NAMES;
  return `Columns: ${columns.map((c) => `${names[c.field]} from "${c.header}"`).join(', ')}.`;
}

/** Bad rows by line for the command line, indented: the first BAD_ROWS_SHOWN, then how many more. */
export function badRowLines(rows: readonly BadRow[], count: number): string[] {
  const { shown, more } = badRowsShown(rows, count);
  return [...shown.map((line) => `  ${line}`), ...(more > 0 ? [`  and ${more} more`] : [])];
}

export type SpendReadSummary = Omit<CheckedSpend, 'months'>;

/** What was read from a payment file: its columns, rows, redacted and bad rows, total and dates. */
export function spendReadText(read: SpendReadSummary): string[] {
  const rows = read.rows + read.redactedRows + read.badRowCount;
  const lines = [
    columnsText(read.columns, 'spend'),
    `Rows read: ${rows.toLocaleString('en-GB')} (${read.rows.toLocaleString('en-GB')} payments, ${read.redactedRows.toLocaleString('en-GB')} redacted, counted apart, ${read.badRowCount.toLocaleString('en-GB')} bad).`,
  ];
  if (read.badRowCount > 0)
    lines.push('Bad rows, left out:', ...badRowLines(read.badRows, read.badRowCount));
  lines.push(`Total: ${poundsText(read.totalPence)}.`);
  if (read.firstDate && read.lastDate)
    lines.push(`Dates: ${formatDate(read.firstDate)} to ${formatDate(read.lastDate)}.`);
  return lines;
}

/** The outcome of storing a file. */
export function spendOutcomeText(
  outcome: 'imported' | 'unchanged',
  replaced: readonly { fileName: string; importedAt: string }[],
): string {
  if (outcome === 'unchanged') return 'Already imported: nothing changed.';
  if (replaced.length === 0) return 'Imported.';
  return replaced
    .map((r) => `Replaced the import of ${r.fileName} from ${formatDay(r.importedAt)}.`)
    .join(' ');
}

/** A file refused for its bad rows: the lines, and what to do. */
export function badRowsRefusedText(rows: readonly BadRow[], count: number, what: string): string[] {
  return [
    `${what} has ${count.toLocaleString('en-GB')} bad ${count === 1 ? 'row' : 'rows'}, so nothing was imported:`,
    ...badRowLines(rows, count),
    'Correct the file, or import the good rows with --skip-bad-rows.',
  ];
}

/** What a supplier list import did. */
export function suppliersText(
  read: CheckedSupplierList,
  counts: { added: number; updated: number; unchanged: number },
): string[] {
  const lines = [
    columnsText(read.columns, 'suppliers'),
    `Suppliers read: ${read.suppliers.length.toLocaleString('en-GB')}${read.badRowCount > 0 ? ` (${read.badRowCount.toLocaleString('en-GB')} bad rows left out)` : ''}.`,
  ];
  if (read.badRowCount > 0) lines.push(...badRowLines(read.badRows, read.badRowCount));
  lines.push(
    `Suppliers: ${counts.added.toLocaleString('en-GB')} added, ${counts.updated.toLocaleString('en-GB')} updated, ${counts.unchanged.toLocaleString('en-GB')} unchanged.`,
  );
  return lines;
}
