import { parse } from 'csv-parse/sync';
import { fail, ok, type Result } from '../common/result.js';

/** One record of a CSV file, with the line of the file it ends on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records: a byte-order mark is dropped, quoted commas and Windows line
 * endings are read as a spreadsheet writes them, and blank lines are skipped.
 */
export function splitCsv(text: string): Result<CsvRecord[]> {
  try {
    const records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return ok(records.map(({ record, info }) => ({ line: info.lines, cells: record })));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = line === undefined ? '' : ` near line ${line}`;
    return fail([
      {
        path: 'file',
        message: `The file is not readable as CSV${where}: check that every quoted value has its closing quote.`,
      },
    ]);
  }
}
