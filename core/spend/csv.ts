import { parse } from 'csv-parse/sync';
import { fail, ok, type Result } from '../common/result.js';

/** One record of a CSV file, with the line of the file it ends on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * How every CSV file is read, by the sync splitter here and by the streaming reader (bot/spend):
 * a byte-order mark is dropped, rows may differ in length (a short row is read as blanks, so
 * its missing cells are reported by the row reader in plain words), blank lines are skipped,
 * and `info` gives each record the line of the file it ends on. A record is at most
 * MAX_RECORD_CHARS long: a payment row is well under a kilobyte, and the parser is slow on a
 * vast field (an unclosed quote runs to the end of the file), so a bound refuses that early.
 */
export const MAX_RECORD_CHARS = 100_000;

export const CSV_OPTIONS = {
  bom: true,
  info: true,
  max_record_size: MAX_RECORD_CHARS,
  relax_column_count: true,
  skip_empty_lines: true,
} as const;

/**
 * Splits CSV text into records: a byte-order mark is dropped, quoted commas and Windows line
 * endings are read as a spreadsheet writes them, and blank lines are skipped.
 */
export function splitCsv(text: string): Result<CsvRecord[]> {
  try {
    const records = parse(text, CSV_OPTIONS) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return ok(records.map(({ record, info }) => ({ line: info.lines, cells: record })));
  } catch (error) {
    return fail([unreadableCsv(error)]);
  }
}

/** The plain-words problem for a CSV file the parser gave up on (an unclosed quote, mostly). */
export function unreadableCsv(error: unknown): { path: string; message: string } {
  const line = (error as { lines?: number }).lines;
  const where = line === undefined ? '' : ` near line ${line}`;
  if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
    return {
      path: 'file',
      message: `The file is not readable as CSV${where}: one row is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters, so a quoted value probably has no closing quote.`,
    };
  return {
    path: 'file',
    message: `The file is not readable as CSV${where}: check that every quoted value has its closing quote.`,
  };
}
