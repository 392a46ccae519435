/**
 * The spend import (`npm run bench -- --spend` alone): a generated payment file of 100,000 rows
 * to 2,000 suppliers over two financial years, read by readSpendFile and stored by
 * SpendStore.commit into the embedded Cosmos DB server through the real client. Its speed is
 * a ratio to a bare csv-parse streaming pass over the same file in the same run; its memory
 * is the peak above the start, compared with the same import of 25,000 rows (bounded memory
 * stays about the same); and it counts the Cosmos DB requests and the documents stored, and
 * times one year's figures worked out from the store.
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CosmosClient } from '@azure/cosmos';
import { parse } from 'csv-parse';
import { readSpendFile } from '../bot/spend/read-spend-file.js';
import { SpendStore } from '../bot/spend/spend-store.js';
import { LOCAL_CONNECTION_POLICY, startLocalCosmos } from '../bot/store/local-cosmos.js';
import { builtInPack } from '../core/policy/index.js';
import { CSV_OPTIONS } from '../core/spend/csv.js';
import { spendByYear } from '../core/spend/figures.js';
import type { Supplier } from '../core/spend/suppliers.js';

export interface SpendBenchOptions {
  quick: boolean;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const SUPPLIERS = 2_000;
const BY = { id: 'bench', name: 'Bench' };
const AT = '2026-01-01T00:00:00.000Z';
/** Memory is sampled this often while an import runs. */
const SAMPLE_MS = 20;

/**
 * A full collection before each import, so that its peak is measured from a clean start: the
 * flag is set at run time (bench/run.ts runs under tsx, with no way to pass it) and `gc` taken
 * from a fresh context, where V8 puts it once the flag is on.
 */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
}

/** A small seeded generator (mulberry32): the same file on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const supplierName = (i: number) => `Bench Supplier ${String(i).padStart(4, '0')} Ltd`;
const supplierId = (i: number) => `SUP-${String(i).padStart(5, '0')}`;

/** The supplier list: head counts across the bands, half of them in the local area. */
function supplierList(): Supplier[] {
  const random = seeded(7);
  return Array.from({ length: SUPPLIERS }, (_, i) => ({
    id: supplierId(i),
    name: supplierName(i),
    headcount: Math.floor(random() ** 3 * 2_000),
    postcode: random() < 0.5 ? `CA${1 + (i % 28)} 1AA` : `M${1 + (i % 40)} 1AA`,
    ...(i % 20 === 0 ? { vcse: true } : {}),
  }));
}

/** Writes a payment file of `rows` rows over 2023-24 and 2024-25, 1 in 100 redacted, 1 in 50 a credit note. */
async function writeSpendFile(file: string, rows: number): Promise<void> {
  const random = seeded(42);
  const out = createWriteStream(file);
  const start = Date.UTC(2023, 3, 1);
  const days = 731;
  out.write('Transaction Date,Supplier Name,Supplier ID,Department,Expense Type,Amount\r\n');
  let buffer = '';
  for (let row = 0; row < rows; row += 1) {
    const day = new Date(start + Math.floor(random() * days) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const supplier = Math.floor(random() ** 2 * SUPPLIERS);
    const redacted = random() < 0.01;
    const pence = Math.floor(random() * 500_000) + 100;
    const credit = random() < 0.02;
    const amount = `${credit ? '-' : ''}£${Math.floor(pence / 100).toLocaleString('en-GB')}.${String(pence % 100).padStart(2, '0')}`;
    buffer += `${date},${redacted ? 'REDACTED - personal data' : `"${supplierName(supplier)}"`},${redacted ? '' : supplierId(supplier)},Operations,Goods,"${amount}"\r\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
}

/** The baseline: the same parser, with the same options, over the same file, doing nothing else. */
async function barePass(file: string): Promise<{ ms: number; records: number }> {
  const began = performance.now();
  let records = 0;
  for await (const _ of createReadStream(file).pipe(parse(CSV_OPTIONS))) records += 1;
  return { ms: performance.now() - began, records };
}

export interface ImportFigures {
  rows: number;
  bytes: number;
  bareMs: number;
  readMs: number;
  commitMs: number;
  requests: number;
  documents: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** The heap above the start after the read, once collected: what the read keeps. */
  heldHeapMb: number;
  figuresMs: number;
  /** Of figuresMs, reading the totals and the suppliers back from the store. */
  readBackMs: number;
  payeeMonths: number;
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export async function importOnce(
  folder: string,
  rows: number,
  collect: () => void,
): Promise<ImportFigures> {
  const file = join(folder, `spend-${rows}.csv`);
  await writeSpendFile(file, rows);
  const bytes = (await stat(file)).size;
  // The better of two bare passes: the first warms the file cache and the parser alike.
  const bare = Math.min((await barePass(file)).ms, (await barePass(file)).ms);
  const local = await startLocalCosmos();
  const client = new CosmosClient({
    endpoint: local.endpoint,
    key: local.key,
    connectionPolicy: LOCAL_CONNECTION_POLICY,
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: 'bench-spend' });
    const { container } = await database.containers.createIfNotExists({
      id: 'spend',
      partitionKey: { paths: ['/tenantId'] },
    });
    const spend = new SpendStore(container);
    const tenant = `bench-${rows}`;
    await spend.importSuppliers(tenant, supplierList(), BY, AT);

    collect();
    const start = process.memoryUsage();
    let peakRss = start.rss;
    let peakHeap = start.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, SAMPLE_MS);
    const requestsBefore = local.requests();
    const began = performance.now();
    let readMs = 0;
    let commitMs = 0;
    let payeeMonths = 0;
    let heldHeap = 0;
    try {
      const read = await readSpendFile(createReadStream(file), { fileName: `spend-${rows}.csv` });
      readMs = performance.now() - began;
      if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
      if (read.value.rows + read.value.redactedRows !== rows)
        throw new Error(`read ${read.value.rows} of ${rows} rows`);
      payeeMonths = read.value.months.length;
      // What the read holds once its garbage is collected: the totals, bounded by payee-months.
      collect();
      heldHeap = process.memoryUsage().heapUsed - start.heapUsed;
      const done = await spend.commit(tenant, read.value, { by: BY, at: AT });
      if (done.outcome !== 'imported') throw new Error('the import did not store');
      commitMs = performance.now() - began - readMs;
    } finally {
      clearInterval(sampler);
    }
    const requests = local.requests() - requestsBefore;
    const { resources } = await container.items
      .query<number>({
        query:
          "SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenant AND c.kind != 'spend-supplier'",
        parameters: [{ name: '@tenant', value: tenant }],
      })
      .fetchAll();

    // One year's figures, as a page works them out: the totals and suppliers from the store.
    const figuresBegan = performance.now();
    const months = await spend.months(tenant);
    const suppliers = await spend.suppliers(tenant);
    const readBackMs = performance.now() - figuresBegan;
    const year = spendByYear(builtInPack, { months, suppliers }).years.find(
      (y) => y.year.start === 2024,
    );
    const figuresMs = performance.now() - figuresBegan;
    if (!year || year.figures.supplierCount === 0) throw new Error('no figures for 2024-25');

    return {
      rows,
      bytes,
      bareMs: bare,
      readMs,
      commitMs,
      requests,
      documents: resources[0] ?? 0,
      peakRssMb: mb(peakRss - start.rss),
      peakHeapMb: mb(peakHeap - start.heapUsed),
      heldHeapMb: mb(heldHeap),
      figuresMs,
      readBackMs,
      payeeMonths,
    };
  } finally {
    client.dispose();
    await local.close();
  }
}

/**
 * The old space the bounded run is given: the process (the embedded server, the Cosmos DB
 * client, the readers) takes about 50 MB before it starts, leaving room for the payee-month
 * totals and the garbage of reading, not for 400,000 rows kept as objects.
 */
const HEAP_CAP_MB = 112;

/**
 * One import in a process of its own (bench/spend-child.ts), so that each size's memory is
 * measured from a fresh start: a process's rss never gives back what an earlier run took.
 */
async function inChild(folder: string, rows: number, heapCapMb?: number): Promise<ImportFigures> {
  const cap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...cap, '--expose-gc', '--import', 'tsx', join(HERE, 'spend-child.ts'), folder, String(rows)],
    { maxBuffer: 1 << 20, timeout: 300_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ImportFigures;
}

export async function runSpendBench(options: SpendBenchOptions): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-spend-'));
  // 25,000 and 100,000 rows as the issue asks; 400,000 (near the 500,000-row limit) has about
  // the payee-months of 100,000, as two years of 2,000 suppliers fill up: bounded memory
  // shows as about the same peak for four times the rows.
  const sizes = options.quick ? [5_000, 20_000, 80_000] : [25_000, 100_000, 400_000];
  try {
    const runs: ImportFigures[] = [];
    for (const rows of sizes) runs.push(await inChild(folder, rows, undefined));
    const largest = sizes[sizes.length - 1] ?? 400_000;
    // The bound, checked: the largest import again with the heap capped; it fails if it does not fit.
    const capped = await inChild(folder, largest, HEAP_CAP_MB);
    const rate = (f: ImportFigures, ms: number) => Math.round((f.rows * 1000) / ms);
    const columns: [string, number, (f: ImportFigures) => string][] = [
      ['rows', 8, (f) => f.rows.toLocaleString('en-GB')],
      ['MB', 6, (f) => String(mb(f.bytes))],
      ['bare rows/s', 13, (f) => rate(f, f.bareMs).toLocaleString('en-GB')],
      ['import rows/s', 15, (f) => rate(f, f.readMs + f.commitMs).toLocaleString('en-GB')],
      ['ratio', 7, (f) => (f.bareMs / (f.readMs + f.commitMs)).toFixed(2)],
      ['read ms', 9, (f) => String(Math.round(f.readMs))],
      ['store ms', 10, (f) => String(Math.round(f.commitMs))],
      ['requests', 10, (f) => String(f.requests)],
      ['docs', 6, (f) => String(f.documents)],
      ['payee-months', 14, (f) => f.payeeMonths.toLocaleString('en-GB')],
      ['rss +MB', 9, (f) => String(f.peakRssMb)],
      ['heap +MB', 10, (f) => String(f.peakHeapMb)],
      ['held +MB', 10, (f) => String(f.heldHeapMb)],
      ['year ms', 9, (f) => String(Math.round(f.figuresMs))],
    ];
    const out = [
      '',
      `Spend import: ${SUPPLIERS.toLocaleString('en-GB')} suppliers over two financial years, readSpendFile then SpendStore.commit into the embedded Cosmos DB server (real client), each size in a fresh process`,
      `${new Date().toISOString()} · ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}) · node ${process.version}${options.quick ? ' (quick)' : ''}`,
      '',
      columns.map(([title, width]) => title.padStart(width)).join(''),
      ...runs.map((f) => columns.map(([, width, cell]) => cell(f).padStart(width)).join('')),
      '',
      '  ratio: import rows/s over bare csv-parse rows/s (the same parser options, the same file, the same run).',
    ];
    const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
    for (let i = 1; i < runs.length; i += 1) {
      const [before, after] = [runs[i - 1], runs[i]];
      if (!before || !after) continue;
      out.push(
        `  Peak memory, ${after.rows.toLocaleString('en-GB')} rows over ${before.rows.toLocaleString('en-GB')} (${times(after.rows, before.rows)} the rows, ${times(after.payeeMonths, before.payeeMonths)} the payee-months): rss ${times(after.peakRssMb, before.peakRssMb)}, heap ${times(after.peakHeapMb, before.peakHeapMb)}, held after collection ${times(after.heldHeapMb, before.heldHeapMb)}.`,
      );
    }
    out.push(
      `  Bounded: ${largest.toLocaleString('en-GB')} rows again with the old space capped at ${HEAP_CAP_MB} MB: done, heap peak +${capped.peakHeapMb} MB, held +${capped.heldHeapMb} MB (uncapped, the heap's peak is mostly garbage not yet collected).`,
    );
    out.push(
      '  rss/heap +MB: the peak above the start, sampled every 20 ms during the import (the embedded server runs in the same process);',
      '  held +MB: the heap above the start once the file is read and garbage collected (the payee-month totals).',
      '  requests: Cosmos DB requests during the import, counted at the server; docs: the import and months documents stored.',
      `  year ms: reading the totals and suppliers back from the store (${runs.map((f) => Math.round(f.readBackMs)).join(', ')} ms of it) and working out 2024-25's figures.`,
      '',
    );
    process.stdout.write(`${out.join('\n')}\n`);
    process.stdout.write(
      `${JSON.stringify({ bench: 'spend-import', date: new Date().toISOString(), quick: options.quick, runs, capped: { heapCapMb: HEAP_CAP_MB, ...capped } })}\n`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
