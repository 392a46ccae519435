import { z } from 'zod';
import { type ColumnTaken, SPEND_FIELDS } from './columns.js';
import type { SpendRows } from './rows.js';
import type { CheckedSpend } from './totals.js';

/**
 * What is kept of one imported file. Its id is the hash of its content, computed by the
 * caller, so importing the same file again finds the same record and changes nothing.
 */
export const spendImportSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash written as 64 hex digits'),
  fileName: z.string().trim().min(1),
  columns: z.array(
    z.object({ field: z.enum(SPEND_FIELDS), header: z.string(), index: z.number().int().min(0) }),
  ),
  rows: z.number().int().min(0),
  redactedRows: z.number().int().min(0),
  skippedLines: z.array(z.number().int().min(1)),
  totalPence: z.number().int(),
  firstDate: z.string().optional(),
  lastDate: z.string().optional(),
});

export type SpendImport = z.infer<typeof spendImportSchema>;

/** The record of a file read, named by the hash of its content. */
export function spendImport(contentHash: string, fileName: string, read: SpendRows): SpendImport {
  const all = [...read.rows, ...read.redacted];
  const dates = all.map((row) => row.date).sort();
  const columns: ColumnTaken[] = read.columns;
  return {
    id: contentHash.toLowerCase(),
    fileName,
    columns,
    rows: read.rows.length,
    redactedRows: read.redacted.length,
    skippedLines: read.skipped.map((bad) => bad.line),
    totalPence: all.reduce((sum, row) => sum + row.pence, 0),
    ...(dates.length === 0 ? {} : { firstDate: dates[0], lastDate: dates[dates.length - 1] }),
  };
}

/**
 * The record of a file read as a stream (readSpendFile): the lines of any rows skipped are
 * the first ones listed, as a file of many bad rows lists only those.
 */
export function spendImportOfChecked(
  checked: CheckedSpend & { id: string; fileName: string },
): SpendImport {
  return {
    id: checked.id.toLowerCase(),
    fileName: checked.fileName,
    columns: checked.columns,
    rows: checked.rows,
    redactedRows: checked.redactedRows,
    skippedLines: checked.badRows.map((bad) => bad.line),
    totalPence: checked.totalPence,
    ...(checked.firstDate === undefined ? {} : { firstDate: checked.firstDate }),
    ...(checked.lastDate === undefined ? {} : { lastDate: checked.lastDate }),
  };
}
