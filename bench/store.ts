/**
 * The local store (`npm start`, `npm run bot`: the embedded Cosmos DB server with its data
 * file): what persisting one write costs with 1,000 and with 20,000 records stored, a query
 * at both sizes, and how long the bot takes to stop and start again after a run of wizard
 * turns. Every figure is compared with its pair measured in the same run, as a ratio.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Container, CosmosClient, type JSONObject, type OperationInput } from '@azure/cosmos';
import { type App, startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { silentLogger } from '../bot/log.js';
import { openCosmos } from '../bot/store/cosmos.js';
import {
  LOCAL_CONNECTION_POLICY,
  type LocalCosmos,
  startLocalCosmos,
} from '../bot/store/local-cosmos.js';
import { RecordStore } from '../bot/store/records.js';
import type { Party } from './activities.js';
import { startCaptureServer } from './capture.js';
import { JsonClient } from './http.js';
import { runPhase } from './load.js';
import { benchRecord, officerOf } from './reminders.js';
import { WizardSession, WizardWalker } from './wizard-client.js';

export interface StoreBenchOptions {
  quick: boolean;
}

const settingsFor = (quick: boolean) => ({
  /** Records stored at the two measurements. */
  sizes: quick ? [1_000, 5_000] : [1_000, 20_000],
  /** Writes timed one at a time at each size, over all rounds (the median and p95 are reported). */
  writes: quick ? 100 : 400,
  /** Rounds alternating between the two sizes. */
  rounds: quick ? 2 : 4,
  /** Writes in flight at once for the group-commit figure, and how many each. */
  concurrent: { inFlight: 8, each: quick ? 10 : 25 },
  /** Runs of each query per round. */
  queryRuns: 3,
  /** Wizard turns before the stop is timed, 4 in flight, bounded in time. */
  turns: quick ? 500 : 7_000,
  turnsMs: quick ? 20_000 : 90_000,
  /** How long the data file is watched for rewrites after the turns. */
  watchMs: 3_000,
});

const TENANT = 'bench-force-tenant';
const DATABASE = 'bench-store';
const NO_DUE_DAY = '2025-01-01';

const round = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
const quantile = (list: number[], q: number) =>
  sorted(list)[Math.min(list.length - 1, Math.floor(list.length * q))] ?? 0;
const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0);

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

interface SizeFigures {
  stored: number;
  /** The snapshot and the journal, on disk. */
  dataBytes: number;
  writeMedianMs: number;
  writeP95Ms: number;
  /** Bytes the journal grew by per write (rounds with a compaction in them left out). */
  journalBytesPerWrite: number;
  concurrentWritesPerSecond: number;
  sequentialWritesPerSecond: number;
  /** The sweep's query for a day before any due date: nothing returned, the scan alone. */
  scanMedianMs: number;
  /** `list` for a procurement lead: the 25 newest of the tenant's records. */
  listMedianMs: number;
  loadSeconds: number;
}

/** Creates records `from` to `to` (all of one tenant) in batches of 100, 4 at a time. */
async function load(container: Container, from: number, to: number): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next <= to) {
      const first = next;
      next = Math.min(to + 1, next + 100);
      const operations: OperationInput[] = [];
      for (let sequence = first; sequence < next; sequence += 1) {
        const record = benchRecord(sequence, officerOf(sequence % 50), undefined);
        operations.push({ operationType: 'Create', resourceBody: record as unknown as JSONObject });
      }
      const response = await container.items.batch(operations, TENANT);
      if ((response.code ?? 500) >= 300 || response.result?.some((r) => r.statusCode >= 300))
        throw new Error(`a batch of creates was refused (${response.code})`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** Writes as the wizard does (one record replaced, a new title), timed one at a time. */
async function timeWrites(container: Container, stored: number, count: number, tag: string) {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const record = benchRecord(1 + ((i * 37) % stored), officerOf(0), undefined);
    const started = performance.now();
    await container
      .item(record.id, record.tenantId)
      .replace({ ...record, title: `${tag} ${i}` } as unknown as JSONObject);
    samples.push(performance.now() - started);
  }
  return samples;
}

interface Measured {
  writes: number[];
  journalBytes: number;
  /** Writes in the rounds whose journal bytes were counted. */
  journalWrites: number;
  concurrentMs: number[];
  scans: number[];
  lists: number[];
}

/** One round at one size: writes one at a time, writes side by side, then the two queries. */
async function measureRound(
  store: OpenStore,
  into: Measured,
  round: number,
  settings: ReturnType<typeof settingsFor>,
): Promise<void> {
  await store.local.flush();
  const journal = `${store.dataFile}.journal`;
  const before = await fileSize(journal);
  const writes = Math.ceil(settings.writes / settings.rounds);
  into.writes.push(...(await timeWrites(store.container, store.stored, writes, `round ${round}`)));
  const after = await fileSize(journal);
  // A compaction in the round empties the journal: such a round's bytes are not counted.
  if (after > before) {
    into.journalBytes += after - before;
    into.journalWrites += writes;
  }
  const { inFlight, each } = settings.concurrent;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, (_, worker) =>
      timeWrites(store.container, store.stored, each, `worker ${worker} round ${round}`),
    ),
  );
  into.concurrentMs.push(performance.now() - started);
  for (let run = 0; run < settings.queryRuns; run += 1) await timeQueries(store, into);
}

const LEAD = { tenantId: TENANT, userId: 'bench-lead', isProcurementLead: true };

/** The sweep's query with nothing due (the scan alone), and `list` for a procurement lead. */
async function timeQueries(store: OpenStore, into?: Measured): Promise<void> {
  const t0 = performance.now();
  const none = await store.records.dueForReminders(NO_DUE_DAY);
  into?.scans.push(performance.now() - t0);
  if (none.length > 0) throw new Error('records owed before any due date');
  const t1 = performance.now();
  const listed = await store.records.list(LEAD);
  into?.lists.push(performance.now() - t1);
  if (listed.length !== 25) throw new Error(`list gave ${listed.length} records`);
}

interface OpenStore {
  local: LocalCosmos;
  client: CosmosClient;
  container: Container;
  records: RecordStore;
  dataFile: string;
  stored: number;
  loadSeconds: number;
}

async function openStore(dataFile: string, stored: number): Promise<OpenStore> {
  const local = await startLocalCosmos({ dataFile });
  const client = new CosmosClient({
    endpoint: local.endpoint,
    key: local.key,
    connectionPolicy: LOCAL_CONNECTION_POLICY,
  });
  const { database } = await client.databases.createIfNotExists({ id: DATABASE });
  const { container } = await database.containers.createIfNotExists({
    id: 'records',
    partitionKey: { paths: ['/tenantId'] },
  });
  const started = performance.now();
  await load(container, 1, stored);
  const loadSeconds = round((performance.now() - started) / 1000, 2);
  return {
    local,
    client,
    container,
    records: new RecordStore(container),
    dataFile,
    stored,
    loadSeconds,
  };
}

/**
 * Two stores in this process, one per size, each on its own data file; the rounds alternate
 * between them (and which goes first), so that drift in the machine's load hits both alike.
 */
async function writesAndQueries(directory: string, settings: ReturnType<typeof settingsFor>) {
  const stores: OpenStore[] = [];
  for (const [index, size] of settings.sizes.entries())
    stores.push(await openStore(join(directory, `store-${index}.json`), size));
  const measured: Measured[] = stores.map(() => ({
    writes: [],
    journalBytes: 0,
    journalWrites: 0,
    concurrentMs: [],
    scans: [],
    lists: [],
  }));
  // Warm-up: the JIT, the sockets, the first compaction after loading.
  for (const store of stores) {
    await timeWrites(store.container, store.stored, 20, 'warm-up');
    await timeQueries(store);
  }
  for (let r = 0; r < settings.rounds; r += 1) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const store = stores[index];
      const into = measured[index];
      if (store && into) await measureRound(store, into, r, settings);
    }
  }
  const { inFlight, each } = settings.concurrent;
  const sizes: SizeFigures[] = [];
  for (const [index, store] of stores.entries()) {
    const m = measured[index];
    if (!m) continue;
    const total = m.writes.reduce((sum, ms) => sum + ms, 0);
    const concurrentTotal = m.concurrentMs.reduce((sum, ms) => sum + ms, 0);
    await store.local.flush();
    sizes.push({
      stored: store.stored,
      dataBytes: (await fileSize(store.dataFile)) + (await fileSize(`${store.dataFile}.journal`)),
      writeMedianMs: round(quantile(m.writes, 0.5), 2),
      writeP95Ms: round(quantile(m.writes, 0.95), 2),
      journalBytesPerWrite: Math.round(m.journalBytes / Math.max(1, m.journalWrites)),
      sequentialWritesPerSecond: round((m.writes.length * 1000) / total),
      concurrentWritesPerSecond: round(
        (inFlight * each * settings.rounds * 1000) / concurrentTotal,
      ),
      scanMedianMs: round(quantile(m.scans, 0.5), 1),
      listMedianMs: round(quantile(m.lists, 0.5), 1),
      loadSeconds: store.loadSeconds,
    });
  }
  // The larger store: its stop, then a start on its files.
  const large = stores.at(-1);
  if (!large) throw new Error('no store');
  for (const store of stores) store.client.dispose();
  for (const store of stores.slice(0, -1)) await store.local.close();
  const closeStarted = performance.now();
  await large.local.close();
  const closeMs = round(performance.now() - closeStarted, 1);
  const startStarted = performance.now();
  const local = await startLocalCosmos({ dataFile: large.dataFile });
  const startSeconds = round((performance.now() - startStarted) / 1000, 2);
  const client = new CosmosClient({
    endpoint: local.endpoint,
    key: local.key,
    connectionPolicy: LOCAL_CONNECTION_POLICY,
  });
  const count = (
    await client
      .database(DATABASE)
      .container('records')
      .items.query<number>('SELECT VALUE COUNT(1) FROM c')
      .fetchAll()
  ).resources[0];
  client.dispose();
  await local.close();
  if (count !== large.stored)
    throw new Error(`after a restart ${count} records of ${large.stored}`);
  return { sizes, closeMs, startSeconds, restoredRecords: count };
}

const party = (n: number): Party => ({
  tenantId: TENANT,
  userId: `store-officer-${n}`,
  userName: `Store officer ${n}`,
  conversationId: `a:store-officer-${n}`,
});

/** The bot as `npm run bot` runs it, on a data file: turns, then a stop, then a start. */
async function botStop(directory: string, settings: ReturnType<typeof settingsFor>) {
  const dataFile = join(directory, 'bot.json');
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    LOCAL_DATA_FILE: dataFile,
    REMINDER_SWEEP_MINUTES: '0',
  });
  const capture = await startCaptureServer();
  const client = new JsonClient(8);
  let app: App | undefined;
  try {
    app = await startApp(config, { logger: silentLogger });
    const env = { client, botUrl: app.url, capture };
    const walkers = Array.from(
      { length: 4 },
      (_, n) => new WizardWalker(new WizardSession(env, party(n))),
    );
    const run = await runPhase(
      walkers.map((walker) => async () => (await walker.turn()).kind),
      { maxTurns: settings.turns, maxMs: settings.turnsMs },
    );
    if (run.errors > 0) throw new Error(`wizard turns failed: ${run.firstError}`);
    // Does anything go on writing the data file once the turns are over?
    const rewrites = await watchRewrites(dataFile, settings.watchMs);
    const journalBytes = await fileSize(`${dataFile}.journal`);
    const stopStarted = performance.now();
    const closing = app;
    app = undefined;
    await closing.close();
    const stopMs = round(performance.now() - stopStarted, 1);
    const startStarted = performance.now();
    const again = await openCosmos(config);
    const startSeconds = round((performance.now() - startStarted) / 1000, 2);
    await again.close();
    return {
      turns: run.turns,
      turnsSeconds: round(run.elapsedMs / 1000, 2),
      records: walkers.reduce((sum, w) => sum + w.completed, 0),
      rewritesAfter: rewrites,
      watchSeconds: settings.watchMs / 1000,
      journalBytes,
      snapshotBytes: await fileSize(dataFile),
      stopMs,
      startSeconds,
    };
  } finally {
    client.close();
    await app?.close();
    await capture.close();
  }
}

/** Counts changes of the data file (size or modification time) over `ms`, polled. */
async function watchRewrites(file: string, ms: number): Promise<number> {
  const mark = async () => {
    try {
      const s = await stat(file);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'absent';
    }
  };
  let last = await mark();
  let changes = 0;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = await mark();
    if (now !== last) changes += 1;
    last = now;
  }
  return changes;
}

export async function runStoreBench(options: StoreBenchOptions): Promise<void> {
  const settings = settingsFor(options.quick);
  const directory = await mkdtemp(join(tmpdir(), 'bench-store-'));
  try {
    const store = await writesAndQueries(directory, settings);
    const bot = await botStop(directory, settings);
    report(settings, options.quick, store, bot);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function report(
  settings: ReturnType<typeof settingsFor>,
  quick: boolean,
  store: Awaited<ReturnType<typeof writesAndQueries>>,
  bot: Awaited<ReturnType<typeof botStop>>,
): void {
  const [small, large] = store.sizes;
  if (!small || !large) throw new Error('two sizes are measured');
  const storedRatio = ratio(large.stored, small.stored);
  const ratios = {
    writeMedian: ratio(large.writeMedianMs, small.writeMedianMs),
    writeP95: ratio(large.writeP95Ms, small.writeP95Ms),
    journalBytesPerWrite: ratio(large.journalBytesPerWrite, small.journalBytesPerWrite),
    concurrentWritesPerSecond: ratio(
      large.concurrentWritesPerSecond,
      small.concurrentWritesPerSecond,
    ),
    scan: ratio(large.scanMedianMs, small.scanMedianMs),
    list: ratio(large.listMedianMs, small.listMedianMs),
    dataBytes: ratio(large.dataBytes, small.dataBytes),
    groupCommitAtLarge: ratio(large.concurrentWritesPerSecond, large.sequentialWritesPerSecond),
  };
  const cpu = cpus();
  const machine = {
    cores: cpu.length,
    cpu: cpu[0]?.model ?? 'unknown',
    node: process.version,
    load: loadavg().map((l) => round(l, 2)),
  };
  const out: string[] = [];
  const row = (label: string, a: string | number, b: string | number, r: string | number) =>
    `  ${label.padEnd(44)}${String(a).padStart(12)}${String(b).padStart(12)}${String(r).padStart(9)}`;
  out.push('');
  out.push('The local store (embedded Cosmos DB server with its data file and journal)');
  out.push(
    `${new Date().toISOString()} · ${machine.cores} cores (${machine.cpu}) · node ${machine.node} · ` +
      `load ${machine.load.join(' ')}${quick ? ' (quick)' : ''}`,
  );
  out.push(row('records stored', small.stored, large.stored, `${storedRatio}x`));
  out.push(
    row(
      'write, one at a time: median ms',
      small.writeMedianMs,
      large.writeMedianMs,
      `${ratios.writeMedian}x`,
    ),
  );
  out.push(
    row('write, one at a time: p95 ms', small.writeP95Ms, large.writeP95Ms, `${ratios.writeP95}x`),
  );
  out.push(
    row(
      'journal bytes per write',
      small.journalBytesPerWrite,
      large.journalBytesPerWrite,
      `${ratios.journalBytesPerWrite}x`,
    ),
  );
  out.push(
    row(
      `writes per second, ${settings.concurrent.inFlight} in flight`,
      small.concurrentWritesPerSecond,
      large.concurrentWritesPerSecond,
      `${ratios.concurrentWritesPerSecond}x`,
    ),
  );
  out.push(
    row(
      'writes per second, one at a time',
      small.sequentialWritesPerSecond,
      large.sequentialWritesPerSecond,
      '',
    ),
  );
  out.push(
    row(
      'query, the scan alone (none due): median ms',
      small.scanMedianMs,
      large.scanMedianMs,
      `${ratios.scan}x`,
    ),
  );
  out.push(
    row(
      'query, list (25 newest): median ms',
      small.listMedianMs,
      large.listMedianMs,
      `${ratios.list}x`,
    ),
  );
  out.push(
    row(
      'on disk, snapshot + journal, bytes',
      small.dataBytes,
      large.dataBytes,
      `${ratios.dataBytes}x`,
    ),
  );
  out.push(row('bulk load of the records, s', small.loadSeconds, large.loadSeconds, ''));
  out.push(
    `  A write is answered once its journal line is fsync'd; it writes the one document, so its cost`,
    `  stays flat (${ratios.writeMedian}x at ${storedRatio}x the records). ${settings.concurrent.inFlight} writes in flight share fsyncs: ` +
      `${ratios.groupCommitAtLarge}x the one-at-a-time rate at ${large.stored}.`,
    `  A query scans every stored document once (linear: about ${storedRatio}x at most for the scan).`,
    `  Store of ${large.stored}: close ${store.closeMs} ms; start again (snapshot + journal replayed, loaded, compacted) ${store.startSeconds} s.`,
  );
  out.push('');
  out.push(
    `The bot on a data file after ${bot.turns} wizard turns (${bot.turnsSeconds} s, 4 in flight, ${bot.records} records walked):`,
  );
  out.push(
    `  data file rewrites in the ${bot.watchSeconds} s after the turns: ${bot.rewritesAfter}; journal ${bot.journalBytes} bytes, snapshot ${bot.snapshotBytes} bytes`,
    `  stop (app.close: turns, sweep, final fsync): ${bot.stopMs} ms; start again on the file: ${bot.startSeconds} s`,
  );
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'local-store',
      date: new Date().toISOString(),
      machine,
      settings: { ...settings, quick },
      sizes: store.sizes,
      ratios,
      store: {
        closeMs: store.closeMs,
        startSeconds: store.startSeconds,
        restoredRecords: store.restoredRecords,
      },
      bot,
    })}\n`,
  );
}
