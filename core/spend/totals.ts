import { z } from 'zod';
import { fail, ok, type Result } from '../common/result.js';
import { type ColumnMapping, type Columns, type ColumnTaken, recogniseColumns } from './columns.js';
import type { CsvRecord } from './csv.js';
import { type BadRow, badRowProblems, readSpendRow, type SpendRow } from './rows.js';
import { normaliseSupplierName } from './suppliers.js';
import { isRedacted } from './values.js';

/**
 * One payee's spend in one month of one file: what is kept of a file instead of its rows. The
 * figures are by financial year and quarter, so a month is the finest period they need, and a
 * file of 100,000 payments to 2,000 suppliers over two years is at most 48,000 of these.
 */
export const payeeMonthSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** The supplier id lower-cased when the file gives one, else the normalised name. */
  payee: z.string().min(1),
  /** The name as the file wrote it (the first row's, when rows differ). */
  name: z.string().min(1),
  supplierId: z.string().min(1).optional(),
  /** A withheld payee: counted apart, never matched to a supplier. */
  redacted: z.boolean(),
  pence: z.number().int(),
  rows: z.number().int().min(1),
});

export type PayeeMonth = z.infer<typeof payeeMonthSchema>;

/** Bad rows listed by line: the first this many, the rest counted. */
export const BAD_ROWS_LISTED = 200;

/** A file read and checked: its totals, and what a lead is shown before it is stored. */
export interface CheckedSpend {
  columns: ColumnTaken[];
  months: PayeeMonth[];
  /** Payments counted, not counting the redacted ones. */
  rows: number;
  redactedRows: number;
  /** At most the first BAD_ROWS_LISTED. */
  badRows: BadRow[];
  badRowCount: number;
  /** Every payment counted, redacted ones included. */
  totalPence: number;
  firstDate?: string;
  lastDate?: string;
}

/** All withheld payees in a month are one line: nothing tells them apart. */
const REDACTED_PAYEE = 'redacted';

/** The payee key of a payment: its supplier id when the file gives one, else its normalised name. */
export function payeeOf(row: { supplierName: string; supplierId?: string }): string {
  if (row.supplierId !== undefined) return row.supplierId.trim().toLowerCase();
  return normaliseSupplierName(row.supplierName) || row.supplierName.trim().toLowerCase();
}

/**
 * Adds a file's payments up one record at a time, as a stream delivers them. Its memory grows
 * with the months and payees seen (and at most BAD_ROWS_LISTED bad rows), never with the rows.
 */
export class SpendAccumulator {
  private readonly totals = new Map<string, PayeeMonth>();
  private rows = 0;
  private redactedRows = 0;
  private readonly badRows: BadRow[] = [];
  private badRowCount = 0;
  private totalPence = 0;
  private firstDate: string | undefined;
  private lastDate: string | undefined;

  private constructor(private readonly columns: Columns) {}

  /** Starts from the header record; refused when the columns needed cannot be found. */
  static start(header: CsvRecord, mapping?: ColumnMapping): Result<SpendAccumulator> {
    const columns = recogniseColumns(header.cells, mapping);
    return columns.ok ? ok(new SpendAccumulator(columns.value)) : columns;
  }

  /** Records read so far below the header, good or bad. */
  get recordsRead(): number {
    return this.rows + this.redactedRows + this.badRowCount;
  }

  add(record: CsvRecord): void {
    const read = readSpendRow(record, this.columns);
    if (!read.ok) {
      this.badRowCount += 1;
      if (this.badRows.length < BAD_ROWS_LISTED)
        this.badRows.push({ line: record.line, reason: read.reason });
      return;
    }
    this.addRow(read.value);
  }

  private addRow(row: SpendRow): void {
    const redacted = isRedacted(row.supplierName);
    if (redacted) this.redactedRows += 1;
    else this.rows += 1;
    this.totalPence += row.pence;
    if (this.firstDate === undefined || row.date < this.firstDate) this.firstDate = row.date;
    if (this.lastDate === undefined || row.date > this.lastDate) this.lastDate = row.date;
    addTo(this.totals, row, redacted);
  }

  /**
   * The totals, or the refusal: a file with no payments, or with bad rows not to be skipped
   * (every listed one "Line N: reason", so a page can show them and offer to skip).
   */
  finish(options: { skipBadRows?: boolean } = {}): Result<CheckedSpend> {
    if (this.recordsRead === 0)
      return fail([
        { path: 'file', message: 'The file has a header row but no payments under it.' },
      ]);
    if (this.badRowCount > 0 && !options.skipBadRows)
      return fail(badRowProblems(this.badRows, this.badRowCount));
    return ok(this.checked());
  }

  /** The totals as they stand, bad rows or not. */
  checked(): CheckedSpend {
    const months = [...this.totals.values()].sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        Number(a.redacted) - Number(b.redacted) ||
        a.payee.localeCompare(b.payee),
    );
    return {
      columns: this.columns.taken,
      months,
      rows: this.rows,
      redactedRows: this.redactedRows,
      badRows: [...this.badRows],
      badRowCount: this.badRowCount,
      totalPence: this.totalPence,
      ...(this.firstDate === undefined ? {} : { firstDate: this.firstDate }),
      ...(this.lastDate === undefined ? {} : { lastDate: this.lastDate }),
    };
  }
}

/** The payee-month totals of rows already read (readSpendRows), for the figures. */
export function payeeMonthsOf(
  rows: readonly SpendRow[],
  redacted: readonly SpendRow[] = [],
): PayeeMonth[] {
  const totals = new Map<string, PayeeMonth>();
  for (const row of rows) addTo(totals, row, false);
  for (const row of redacted) addTo(totals, row, true);
  return [...totals.values()];
}

/** Adds one payment to its payee's month. */
function addTo(totals: Map<string, PayeeMonth>, row: SpendRow, redacted: boolean): void {
  const month = row.date.slice(0, 7);
  const payee = redacted ? REDACTED_PAYEE : payeeOf(row);
  const key = `${month}\n${redacted}\n${payee}`;
  const total = totals.get(key);
  if (total) {
    total.pence += row.pence;
    total.rows += 1;
    return;
  }
  totals.set(key, {
    month,
    payee,
    name: row.supplierName,
    ...(row.supplierId === undefined || redacted ? {} : { supplierId: row.supplierId }),
    redacted,
    pence: row.pence,
    rows: 1,
  });
}
