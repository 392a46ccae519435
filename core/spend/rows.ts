import { fail, ok, type Result } from '../common/result.js';
import { type ColumnMapping, type Columns, type ColumnTaken, recogniseColumns } from './columns.js';
import type { CsvRecord } from './csv.js';
import { isRedacted, type Read, readAmountPence, readSpendDate } from './values.js';

/** One payment, as read from its row. */
export interface SpendRow {
  line: number;
  date: string;
  supplierName: string;
  supplierId?: string;
  /** The cost to the body: the net amount plus any irrecoverable VAT, else the gross amount. */
  pence: number;
  department?: string;
  category?: string;
}

export interface BadRow {
  line: number;
  reason: string;
}

export interface SpendRows {
  columns: ColumnTaken[];
  rows: SpendRow[];
  /** Payments to a withheld payee: counted apart, never matched to a supplier. */
  redacted: SpendRow[];
  /** Rows left out because the reader was told to skip bad rows. */
  skipped: BadRow[];
}

export interface ReadOptions {
  mapping?: ColumnMapping;
  /** Accept the good rows of a file that has bad ones; by default any bad row refuses the file. */
  skipBadRows?: boolean;
}

/**
 * Reads payments from a file's records, the first being its header. Every row is checked
 * before anything is returned, so a file with a bad row is refused whole unless told to skip.
 */
export function readSpendRows(
  records: readonly CsvRecord[],
  options: ReadOptions = {},
): Result<SpendRows> {
  const [header, ...body] = records;
  if (header === undefined)
    return fail([
      {
        path: 'file',
        message: 'The file is empty: it needs a header row and at least one payment.',
      },
    ]);
  const columns = recogniseColumns(header.cells, options.mapping);
  if (!columns.ok) return columns;
  if (body.length === 0)
    return fail([{ path: 'file', message: 'The file has a header row but no payments under it.' }]);
  const rows: SpendRow[] = [];
  const redacted: SpendRow[] = [];
  const bad: BadRow[] = [];
  for (const record of body) {
    const read = readSpendRow(record, columns.value);
    if (!read.ok) bad.push({ line: record.line, reason: read.reason });
    else if (isRedacted(read.value.supplierName)) redacted.push(read.value);
    else rows.push(read.value);
  }
  if (bad.length > 0 && !options.skipBadRows) return fail(badRowProblems(bad, bad.length));
  return ok({ columns: columns.value.taken, rows, redacted, skipped: bad });
}

/** Reads one payment from its record: the row reader the whole-file check and the streaming totals share. */
export function readSpendRow(record: CsvRecord, columns: Columns): Read<SpendRow> {
  const cell = (at: number | undefined): string | undefined => {
    if (at === undefined) return undefined;
    const text = record.cells[at]?.trim() ?? '';
    return text === '' ? undefined : text;
  };
  const { index } = columns;
  const reasons: string[] = [];
  const date = readSpendDate(cell(index.date) ?? '');
  if (!date.ok) reasons.push(date.reason);
  const supplierName = cell(index.supplierName);
  if (supplierName === undefined) reasons.push('there is no supplier');
  const pence = amount(
    cell(index.amountNet),
    cell(index.irrecoverableVat),
    cell(index.amountGross),
  );
  if (!pence.ok) reasons.push(pence.reason);
  if (!date.ok || supplierName === undefined || !pence.ok)
    return { ok: false, reason: reasons.join('; ') };
  const supplierId = cell(index.supplierId);
  const department = cell(index.department);
  const category = cell(index.category);
  return {
    ok: true,
    value: {
      line: record.line,
      date: date.value,
      supplierName,
      ...(supplierId === undefined ? {} : { supplierId }),
      pence: pence.value,
      ...(department === undefined ? {} : { department }),
      ...(category === undefined ? {} : { category }),
    },
  };
}

/**
 * The problems of a file refused for its bad rows: one per row listed, "Line N: reason", and
 * a last one counting any rows past those listed.
 */
export function badRowProblems(listed: readonly BadRow[], count: number) {
  const problems = listed.map(({ line, reason }) => ({
    path: `line ${line}`,
    message: `Line ${line}: ${reason}. Nothing was imported: correct the file, or choose to skip bad rows.`,
  }));
  if (count > listed.length)
    problems.push({
      path: 'file',
      message: `There are ${count - listed.length} more bad rows after line ${listed[listed.length - 1]?.line ?? 1}. Nothing was imported.`,
    });
  return problems;
}

function amount(
  net: string | undefined,
  vat: string | undefined,
  gross: string | undefined,
): Read<number> {
  if (net === undefined && gross === undefined) return { ok: false, reason: 'there is no amount' };
  if (net === undefined) return readAmountPence(gross ?? '');
  const netPence = readAmountPence(net);
  if (!netPence.ok || vat === undefined) return netPence;
  const vatPence = readAmountPence(vat);
  if (!vatPence.ok)
    return { ok: false, reason: vatPence.reason.replace('the amount', 'the irrecoverable VAT') };
  return { ok: true, value: netPence.value + vatPence.value };
}
