import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Problem, Result } from '../../core/common/result.js';
import { fail, ok } from '../../core/common/result.js';
import {
  CSV_OPTIONS,
  type CsvRecord,
  MAX_RECORD_CHARS,
  unreadableCsv,
} from '../../core/spend/csv.js';
import { checkWorkbookSize, WORKBOOK_EXPANSION } from './workbook-size.js';

/** How much of a file is read: past either, the file is refused and reading stops. */
export interface FileLimits {
  bytes: number;
  rows: number;
}

/** 50 MB and 500,000 rows: a force's year of payments is well under both. */
export const DEFAULT_FILE_LIMITS: FileLimits = { bytes: 50 * 1024 * 1024, rows: 500_000 };

export interface FileRead {
  /** SHA-256 of the bytes, as 64 hex digits: a file's identity. */
  id: string;
  bytes: number;
  kind: 'csv' | 'xlsx';
}

/**
 * What reads a file's records: the header first, then each record under it. Either gives
 * problems to stop reading at once (columns not recognised, say).
 */
export interface RecordSink {
  header(record: CsvRecord): Problem[] | undefined;
  record(record: CsvRecord): Problem[] | undefined;
}

/** What a file's records are read into: started from the header row, fed every record under it. */
export interface Accumulator {
  add(record: CsvRecord): void;
}

/**
 * How many rows are tried as the header: transparency files often open with a title or a
 * note ("Payments over £500, April 2024") above the column names.
 */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Reads a file into the accumulator its header starts (the payments' or the supplier list's),
 * with the file's hash and size: the header is the first of the first rows it recognises, and
 * when none is, the refusal is that of the row with the most cells filled (the first of them). `empty` is the refusal of a file with no rows.
 */
export async function readAccumulated<A extends Accumulator>(
  input: NodeJS.ReadableStream | Readable,
  fileName: string,
  limits: FileLimits,
  start: (header: CsvRecord) => Result<A>,
  empty: string,
): Promise<Result<{ accumulator: A; read: FileRead }>> {
  let accumulator: A | undefined;
  let refused: Problem[] | undefined;
  // How many cells the refused row had filled: the fullest row tried is the likeliest header.
  let refusedCells = -1;
  let tried = 0;
  const tryHeader = (record: CsvRecord): Problem[] | undefined => {
    tried += 1;
    const started = start(record);
    if (started.ok) {
      accumulator = started.value;
      return undefined;
    }
    // The row with the most cells filled is refused, not the first: a title above columns
    // that are not recognised would otherwise be the only "column" the officer could map.
    const filled = record.cells.filter((cell) => cell.trim() !== '').length;
    if (filled > refusedCells) {
      refused = started.problems;
      refusedCells = filled;
    }
    return tried >= HEADER_SEARCH_ROWS ? refused : undefined;
  };
  const read = await readFileRecords(input, fileName, limits, {
    header: tryHeader,
    record: (record) => {
      if (accumulator === undefined) return tryHeader(record);
      accumulator.add(record);
      return undefined;
    },
  });
  if (!read.ok) return read;
  if (accumulator === undefined) return fail(refused ?? [{ path: 'file', message: empty }]);
  return ok({ accumulator, read: read.value });
}

const SAVE_AS = 'Save it as CSV or Excel Workbook (.xlsx) and import that.';

const unreadableWorkbook: Problem = {
  path: 'file',
  message: `The file is not readable as an Excel workbook: it may be damaged or protected with a password. ${SAVE_AS}`,
};

/** Reading stopped on purpose: a limit passed, or the sink refused the header. */
class Stop extends Error {
  constructor(readonly problems: Problem[]) {
    super('reading stopped');
  }
}

/**
 * Reads a CSV or XLSX file as a stream, one record at a time into the sink, hashing the bytes
 * as they pass. A CSV file is never held whole; a workbook is (it is within the byte limit),
 * so that one expanding past WORKBOOK_EXPANSION times the limit is refused before it is opened.
 * A file past a limit is refused as soon as the limit is passed. The file's type is taken from its content (an Excel workbook is a zip, starting
 * "PK") and its name; an old .xls workbook or anything else is refused in plain words.
 */
export async function readFileRecords(
  input: NodeJS.ReadableStream | Readable,
  fileName: string,
  limits: FileLimits,
  sink: RecordSink,
): Promise<Result<FileRead>> {
  const stream = input instanceof Readable ? input : new Readable().wrap(input);
  const hash = createHash('sha256');
  let bytes = 0;
  async function* metered(): AsyncGenerator<Buffer> {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      // An empty chunk says nothing about the file's type: the first with bytes does.
      if (buffer.length === 0) continue;
      bytes += buffer.length;
      if (bytes > limits.bytes) throw new Stop([tooBig(limits)]);
      hash.update(buffer);
      yield buffer;
    }
  }
  const chunks = metered();
  try {
    const first = await chunks.next();
    if (first.done)
      return fail([{ path: 'file', message: 'The file is empty: it has nothing to import.' }]);
    const kind = kindOf(fileName, first.value);
    if (!kind.ok) return kind;
    if (kind.value === 'xlsx') {
      // A workbook is read whole first (it is within the byte limit, enforced as it streams in)
      // so its zip's directory can be checked before the Excel reader expands anything.
      const parts = [first.value];
      for (let next = await chunks.next(); !next.done; next = await chunks.next())
        parts.push(next.value);
      const workbook = Buffer.concat(parts);
      const bound = limits.bytes * WORKBOOK_EXPANSION;
      const size = await checkWorkbookSize(workbook, bound);
      if (size?.kind === 'too-large') return fail([tooLargeOpened(fileName, bound)]);
      if (size?.kind === 'damaged') return fail([unreadableWorkbook]);
      await consumeXlsx(Readable.from([workbook]), limits, sink);
      return ok({ id: hash.digest('hex'), bytes, kind: kind.value });
    }
    const pass = new PassThrough();
    let consumed = false;
    let wake: (() => void) | undefined;
    // Feeds the parser; once it has what it needs (a sink may stop before the end) the rest
    // of the file is still read through, for its hash and its size.
    const pump = (async () => {
      let next: IteratorResult<Buffer> = first;
      while (!next.done) {
        if (!consumed && !pass.write(next.value))
          await new Promise<void>((resolve) => {
            wake = resolve;
            pass.once('drain', resolve);
          });
        next = await chunks.next();
      }
      pass.end();
    })();
    pump.catch((error: unknown) => pass.destroy(error as Error));
    try {
      await consumeCsv(pass, limits, sink);
    } finally {
      consumed = true;
      wake?.();
    }
    await pump;
    return ok({ id: hash.digest('hex'), bytes, kind: kind.value });
  } catch (error) {
    if (error instanceof Stop) return fail(error.problems);
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Stop) return fail(cause.problems);
    if (error instanceof UnreadableFile) return fail([error.problem]);
    throw error;
  } finally {
    // Stops reading the input, whatever was left of it.
    await chunks.return(undefined).catch(() => undefined);
    stream.destroy();
  }
}

class UnreadableFile extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Counts the records under the header against the row limit, and hands them on. */
function counter(limits: FileLimits, sink: RecordSink): (record: CsvRecord) => void {
  let header = false;
  let rows = 0;
  return (record) => {
    if (!header) {
      header = true;
      const problems = sink.header(record);
      if (problems) throw new Stop(problems);
      return;
    }
    rows += 1;
    if (rows > limits.rows) throw new Stop([tooManyRows(limits)]);
    const problems = sink.record(record);
    if (problems) throw new Stop(problems);
  };
}

/**
 * Text from a CSV file's bytes: UTF-8, or, from the first byte that is not UTF-8, Windows-1252,
 * which Excel's plain "CSV" and many finance systems still write (a "£" there is one byte,
 * 0xA3, that UTF-8 would read as a replacement mark and every such amount as a bad row).
 */
class CsvText extends Transform {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly windows = new TextDecoder('windows-1252');
  private legacy = false;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.legacy) {
      try {
        // Checked as UTF-8, and passed on as the bytes: the parser reads bytes faster than text.
        this.utf8.decode(chunk, { stream: true });
        done(null, chunk);
        return;
      } catch {
        this.legacy = true;
      }
    }
    done(null, this.windows.decode(chunk, { stream: true }));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.legacy ? this.windows.decode() : undefined);
  }
}

async function consumeCsv(input: Readable, limits: FileLimits, sink: RecordSink): Promise<void> {
  const take = counter(limits, sink);
  const text = new CsvText();
  const parser = input.pipe(text).pipe(parse(CSV_OPTIONS));
  input.once('error', (error) => parser.destroy(error));
  text.once('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>)
      take({ line: info.lines, cells: record });
  } catch (error) {
    if (error instanceof Stop || (error as { cause?: unknown }).cause instanceof Stop) throw error;
    if ((error as { code?: string }).code?.startsWith('CSV_'))
      throw new UnreadableFile(unreadableCsv(error));
    throw error;
  }
}

async function consumeXlsx(input: Readable, limits: FileLimits, sink: RecordSink): Promise<void> {
  const take = counter(limits, sink);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // ExcelJS numbers cells from 1; its row 1 is the sheet's first line.
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
          cellText(values[i + 1]),
        );
        // Refused whole, as a CSV row that long is: no payment has such a cell, so the file is
        // damaged or not payments, and skipping the row would hide that from the officer.
        if (cells.some((cell) => cell.length > MAX_RECORD_CHARS))
          throw new Stop([cellTooLong(row.number)]);
        if (cells.every((cell) => cell.trim() === '')) continue;
        take({ line: row.number, cells });
      }
      // The first worksheet alone: a workbook's other sheets are notes, pivots and the like.
      break;
    }
  } catch (error) {
    if (error instanceof Stop || (error as { cause?: unknown }).cause instanceof Stop) throw error;
    throw new UnreadableFile(unreadableWorkbook);
  }
}

/**
 * A cell as the row readers read text: a date cell as its ISO date, a number as written with
 * at most two decimals (so no pence are lost to floating point), a formula as its result.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return numberText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String((value as { text: unknown }).text);
  // An error cell (#N/A, #REF!) holds nothing to read.
  return '';
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  const pence = value * 100;
  // A number with at most two decimals, as the binary float holds it: 0.1 + 0.2 is 30.000000000000004 pence.
  if (Math.abs(pence - Math.round(pence)) < 1e-6 * Math.max(1, Math.abs(pence)))
    return value.toFixed(2);
  return String(value);
}

/** The file's type, from its first bytes and its name. */
function kindOf(fileName: string, first: Buffer): Result<'csv' | 'xlsx'> {
  const extension = extname(fileName).toLowerCase();
  const zip = first[0] === 0x50 && first[1] === 0x4b;
  // An old Excel workbook (.xls) is an OLE compound file.
  const ole = first.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (extension === '.xls' || ole)
    return fail([
      {
        path: 'file',
        message: `"${fileName}" is an old Excel workbook (.xls), which is not read. ${SAVE_AS}`,
      },
    ]);
  if (zip && (extension === '.xlsx' || extension === '.csv' || extension === '')) return ok('xlsx');
  if (!zip && ['.csv', '.txt', ''].includes(extension) && !first.includes(0)) return ok('csv');
  return fail([
    {
      path: 'file',
      message: `"${fileName}" is not a CSV file or an Excel workbook. ${SAVE_AS}`,
    },
  ]);
}

/** A size as an officer reads it: "50 MB", "2 KB". */
export function sizeInWords(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const tooBig = (limits: FileLimits): Problem => ({
  path: 'file',
  message: `The file is larger than ${sizeInWords(limits.bytes)}, the most that is imported at once, so nothing was imported. Split it by financial year and import each part.`,
});

const tooManyRows = (limits: FileLimits): Problem => ({
  path: 'file',
  message: `The file has more than ${limits.rows.toLocaleString('en-GB')} rows, the most that is imported at once, so nothing was imported. Split it by financial year and import each part.`,
});

const tooLargeOpened = (fileName: string, bound: number): Problem => ({
  path: 'file',
  message: `The workbook "${fileName}" expands to more than ${sizeInWords(bound)} when opened, more than can be read safely, so nothing was imported. Save it as CSV and import that, or split it by financial year.`,
});

const cellTooLong = (line: number): Problem => ({
  path: 'file',
  message: `The workbook is not readable: row ${line} has a cell longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters, more than any payment holds, so nothing was imported. Check that row, or save the sheet as CSV and import that.`,
});
