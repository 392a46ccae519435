import type { Readable } from 'node:stream';
import { ok, type Result } from '../../core/common/result.js';
import type { ColumnMapping } from '../../core/spend/columns.js';
import { type CheckedSpend, SpendAccumulator } from '../../core/spend/totals.js';
import { DEFAULT_FILE_LIMITS, type FileLimits, readAccumulated } from './file-records.js';

/** A payment file read and checked, named by the hash of its bytes. */
export type CheckedSpendFile = CheckedSpend & {
  /** SHA-256 of the bytes, 64 hex digits: the same file is the same import. */
  id: string;
  fileName: string;
  bytes: number;
};

export interface ReadSpendFileOptions {
  fileName: string;
  mapping?: ColumnMapping;
  skipBadRows?: boolean;
  /** 50 MB and 500,000 rows unless given. */
  limits?: FileLimits;
}

/**
 * Reads a payment file (CSV or XLSX) as a stream into payee-month totals, checking every row
 * before anything is returned. A file with bad rows fails, unless told to skip them, with one
 * problem per bad row listed ("Line N: reason"), so a page can show them and offer to skip.
 */
export async function readSpendFile(
  input: NodeJS.ReadableStream | Readable,
  options: ReadSpendFileOptions,
): Promise<Result<CheckedSpendFile>> {
  const read = await readAccumulated(
    input,
    options.fileName,
    options.limits ?? DEFAULT_FILE_LIMITS,
    (header) => SpendAccumulator.start(header, options.mapping),
    'The file is empty: it needs a header row and at least one payment.',
  );
  if (!read.ok) return read;
  const checked = read.value.accumulator.finish({ skipBadRows: options.skipBadRows ?? false });
  if (!checked.ok) return checked;
  const { id, bytes } = read.value.read;
  return ok({ ...checked.value, id, fileName: options.fileName, bytes });
}
