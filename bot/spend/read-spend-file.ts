import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ok, type Result } from '../../core/common/result.js';
import type { ColumnMapping } from '../../core/spend/columns.js';
import { type CheckedSpend, SpendAccumulator } from '../../core/spend/totals.js';
import { DEFAULT_FILE_LIMITS, type FileLimits, readAccumulated } from './file-records.js';

/** A payment file read and checked, named by the hash of its bytes and of how they were read. */
export type CheckedSpendFile = CheckedSpend & {
  /**
   * SHA-256, 64 hex digits, of the bytes' own SHA-256 and the columns taken for each field:
   * the same file read the same way is the same import, changing nothing; the same bytes read
   * with other columns (a mapping corrected) are a correction that replaces it.
   */
  id: string;
  /** SHA-256 of the bytes alone. */
  contentHash: string;
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
  const { id: contentHash, bytes } = read.value.read;
  const readAs = checked.value.columns.map(({ field, index }) => `${field}=${index}`).join(',');
  const id = createHash('sha256').update(`${contentHash}\n${readAs}`).digest('hex');
  return ok({ ...checked.value, id, contentHash, fileName: options.fileName, bytes });
}
