import type { Readable } from 'node:stream';
import { ok, type Result } from '../../core/common/result.js';
import {
  type CheckedSupplierList,
  type SupplierColumnMapping,
  SupplierListAccumulator,
} from '../../core/spend/supplier-list.js';
import { DEFAULT_FILE_LIMITS, type FileLimits, readAccumulated } from './file-records.js';

export type CheckedSupplierFile = CheckedSupplierList & {
  id: string;
  fileName: string;
  bytes: number;
};

export interface ReadSupplierFileOptions {
  fileName: string;
  mapping?: SupplierColumnMapping;
  /** Accept the good rows of a list that has bad ones; by default any bad row refuses the list. */
  skipBadRows?: boolean;
  limits?: FileLimits;
}

/**
 * Reads a supplier list (CSV or XLSX) as a stream: name, id, head count, size band or SME
 * yes/no, postcode and VCSE. A bad row (a head count that is not a number, a band not known)
 * refuses the list, with its line, unless told to skip bad rows.
 */
export async function readSupplierFile(
  input: NodeJS.ReadableStream | Readable,
  options: ReadSupplierFileOptions,
): Promise<Result<CheckedSupplierFile>> {
  const read = await readAccumulated(
    input,
    options.fileName,
    options.limits ?? DEFAULT_FILE_LIMITS,
    (header) => SupplierListAccumulator.start(header, options.mapping),
    'The file is empty: it needs a header row and at least one supplier.',
  );
  if (!read.ok) return read;
  const checked = read.value.accumulator.finish({ skipBadRows: options.skipBadRows ?? false });
  if (!checked.ok) return checked;
  const { id, bytes } = read.value.read;
  return ok({ ...checked.value, id, fileName: options.fileName, bytes });
}
