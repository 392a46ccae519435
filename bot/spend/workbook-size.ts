import { createInflateRaw } from 'node:zlib';

/**
 * How far a workbook may expand when opened, as a multiple of the byte limit. A workbook is a
 * zip: its limit counts compressed bytes, but the reader (ExcelJS) holds every shared string in
 * memory and may write worksheets' expanded XML to temporary files, so a small file that
 * expands to gigabytes (a "zip bomb") would exhaust memory or disk. Payments' sheet XML
 * compresses about 5 to 10 times, so a real workbook near the byte limit holds fewer rows than
 * the row limit allows anyway; four times the byte limit (200 MB by default) reads every
 * workbook a finance system writes and bounds what a hostile one costs.
 */
export const WORKBOOK_EXPANSION = 4;

/**
 * The most parts a workbook may hold. A payments workbook has a dozen or two (sheets, styles,
 * shared strings, properties); thousands are no spreadsheet, and each costs the reader.
 */
export const MAX_WORKBOOK_ENTRIES = 10_000;

/** Why a workbook is not opened: too large once expanded, or not a readable zip. */
export type WorkbookSizeProblem = { kind: 'too-large' } | { kind: 'damaged' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The End of Central Directory record is 22 bytes, followed by a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** A data descriptor after an entry's data: at most signature, CRC and two 8-byte sizes. */
const MAX_DESCRIPTOR = 24;

interface Entry {
  local: number;
  compressed: number;
  uncompressed: number;
  method: number;
}

/**
 * Checks, before any parsing, that a workbook's bytes expand to at most `bound` bytes, from
 * its zip's central directory, and then by inflating each part with its output counted (and
 * thrown away), since a directory may lie about the sizes. The parts must also lie end to end
 * from the start of the file, as a streaming reader finds them: no part the directory hides.
 */
export async function checkWorkbookSize(
  zip: Buffer,
  bound: number,
): Promise<WorkbookSizeProblem | undefined> {
  const eocd = findEocd(zip);
  if (eocd === undefined) return { kind: 'damaged' };
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const start = zip.readUInt32LE(eocd + 16);
  // ZIP64 markers: a workbook this large is more than is read.
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return { kind: 'too-large' };
  if (count > MAX_WORKBOOK_ENTRIES) return { kind: 'too-large' };
  if (start + size > eocd) return { kind: 'damaged' };
  const entries: Entry[] = [];
  let total = 0;
  let at = start;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL) return { kind: 'damaged' };
    const compressed = zip.readUInt32LE(at + 20);
    const uncompressed = zip.readUInt32LE(at + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { kind: 'too-large' };
    total += uncompressed;
    if (total > bound) return { kind: 'too-large' };
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressed,
      uncompressed,
      local: zip.readUInt32LE(at + 42),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  entries.sort((a, b) => a.local - b.local);
  let expected = 0;
  let expanded = 0;
  for (const entry of entries) {
    // Each part starts where the one before ended (after its data descriptor, if any).
    if (entry.local < expected || entry.local > expected + MAX_DESCRIPTOR)
      return { kind: 'damaged' };
    if (entry.local + 30 > start || zip.readUInt32LE(entry.local) !== LOCAL)
      return { kind: 'damaged' };
    const data =
      entry.local + 30 + zip.readUInt16LE(entry.local + 26) + zip.readUInt16LE(entry.local + 28);
    const end = data + entry.compressed;
    if (end > start) return { kind: 'damaged' };
    const out = await expandedSize(zip.subarray(data, end), entry.method, bound - expanded);
    if (out === 'too-large') return { kind: 'too-large' };
    if (out === 'damaged') return { kind: 'damaged' };
    expanded += out;
    expected = end;
  }
  if (start < expected || start > expected + MAX_DESCRIPTOR) return { kind: 'damaged' };
  return undefined;
}

function findEocd(zip: Buffer): number | undefined {
  const last = zip.length - 22;
  for (let at = last; at >= 0 && at >= zip.length - EOCD_SEARCH; at -= 1)
    if (zip.readUInt32LE(at) === EOCD) return at;
  return undefined;
}

/** A part's size once inflated, counted and never kept; past `budget`, 'too-large' at once. */
function expandedSize(
  data: Buffer,
  method: number,
  budget: number,
): Promise<number | 'too-large' | 'damaged'> {
  if (method === 0) return Promise.resolve(data.length > budget ? 'too-large' : data.length);
  if (method !== 8) return Promise.resolve('damaged');
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve('too-large');
      }
    });
    inflate.once('error', () => resolve('damaged'));
    inflate.once('end', () => resolve(size));
    inflate.end(data);
  });
}
