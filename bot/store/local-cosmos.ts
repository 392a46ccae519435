import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { CosmosClient, type JSONObject } from '@azure/cosmos';
import {
  type Captured,
  containerDefinition,
  type JournalEntry,
  LocalData,
  partitionValueOf,
  type StoredDocument,
  snapshotPieces,
  snapshotSchema,
} from './local-data.js';
import { Journal, readJournal, syncDirectory } from './local-journal.js';

/**
 * The local default: a Cosmos-protocol server (@vercel/cosmosdb-server) in this process, so
 * that the same @azure/cosmos code runs with no Azure account. The server keeps data in
 * memory only; with a data file, every write is appended to a journal beside it and fsync'd
 * before the server's answer is let through, so a write the bot was told succeeded survives
 * a crash. The snapshot (the data file) is rewritten only at start and when the journal has
 * grown past the snapshot's size, never per write. It is a devDependency, loaded only here,
 * and never in production.
 */
export interface LocalCosmos {
  endpoint: string;
  key: string;
  /** Requests the bot made (the store's own loading requests are not counted). */
  requests(): number;
  /** Waits for writes being made durable and any compaction under way. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The client options the local server needs: plain HTTP, so no endpoint discovery. */
export const LOCAL_CONNECTION_POLICY = { enableEndpointDiscovery: false } as const;
const LOCAL_KEY = 'local-development-key';
const LOADER_AGENT = 'local-cosmos-snapshot';
/** The journal is compacted into the snapshot once it is this big, or the snapshot's size. */
const MIN_COMPACT_BYTES = 8 << 20;
/** Documents loaded into the server per request at start (the most a batch takes), and requests at once. */
const BATCH_SIZE = 100;
const LOAD_IN_FLIGHT = 4;

export interface LocalCosmosOptions {
  dataFile?: string;
  /** Compact once the journal holds this many bytes (at least; the snapshot's size if larger). */
  compactBytes?: number;
}

export async function startLocalCosmos(options: LocalCosmosOptions = {}): Promise<LocalCosmos> {
  const { createHttpServer } = await import('@vercel/cosmosdb-server');
  const server: Server = createHttpServer();
  const serve = server.listeners('request')[0] as RequestListener | undefined;
  if (!serve) throw new Error('the embedded Cosmos DB server has changed: no request handler');
  server.removeAllListeners('request');
  let requests = 0;
  let durable: DurableFiles | undefined;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!String(request.headers['user-agent'] ?? '').includes(LOADER_AGENT)) {
      requests += 1;
      const write = durable ? writeOf(request) : undefined;
      if (durable && write) holdUntilDurable(durable, write, request, response);
    }
    serve(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const stopServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  if (options.dataFile) {
    const loader = new CosmosClient({
      endpoint,
      key: LOCAL_KEY,
      connectionPolicy: LOCAL_CONNECTION_POLICY,
      userAgentSuffix: LOADER_AGENT,
    });
    try {
      durable = await DurableFiles.open(options.dataFile, loader, options.compactBytes);
    } catch (error) {
      // Not left listening: a server nobody can use would keep the process alive.
      await stopServer();
      throw error;
    } finally {
      loader.dispose();
    }
  }

  const flush = async () => {
    await durable?.flush();
  };
  return {
    endpoint,
    key: LOCAL_KEY,
    requests: () => requests,
    flush,
    close: async () => {
      await durable?.close();
      await stopServer();
    },
  };
}

/** A request that changes data, with what the answer's body must be read with. */
type Write =
  | { kind: 'database' }
  | { kind: 'drop-database'; db: string }
  | { kind: 'container'; db: string }
  | { kind: 'drop-container'; db: string; coll: string }
  | { kind: 'put'; db: string; coll: string }
  | { kind: 'delete'; db: string; coll: string; id: string; partitionKey: unknown }
  | { kind: 'bulk'; db: string; coll: string };

/** What the request changes, judged as the server's router does (method, path, headers). */
function writeOf(request: IncomingMessage): Write | undefined {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return undefined;
  const header = (name: string) => String(request.headers[name] ?? '').toLowerCase();
  if (header('x-ms-documentdb-isquery') === 'true') return undefined;
  if (header('content-type').startsWith('application/query+json')) return undefined;
  // Not new URL(): @azure/cosmos may send a path starting with `//`, which a URL reads as a host.
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  const [dbs, db, colls, coll, docs, id] = parts;
  if (dbs !== 'dbs') return undefined;
  if (db === undefined) return method === 'POST' ? { kind: 'database' } : undefined;
  if (colls === undefined) return method === 'DELETE' ? { kind: 'drop-database', db } : undefined;
  if (colls !== 'colls') return undefined;
  if (coll === undefined) return method === 'POST' ? { kind: 'container', db } : undefined;
  if (docs === undefined) {
    if (method === 'DELETE') return { kind: 'drop-container', db, coll };
    return method === 'PUT' ? { kind: 'container', db } : undefined;
  }
  if (docs !== 'docs' || parts.length > 6) return undefined;
  if (id === undefined) {
    if (method !== 'POST') return undefined;
    return header('x-ms-cosmos-is-batch-request') === 'true' &&
      header('x-ms-documentdb-is-upsert') !== 'true'
      ? { kind: 'bulk', db, coll }
      : { kind: 'put', db, coll };
  }
  if (method === 'DELETE')
    return {
      kind: 'delete',
      db,
      coll,
      id,
      partitionKey: request.headers['x-ms-documentdb-partitionkey'],
    };
  return method === 'PUT' || method === 'PATCH' ? { kind: 'put', db, coll } : undefined;
}

const isObject = (value: unknown): value is StoredDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The changes a successful answer reports, as journal lines. */
function entriesOf(write: Write, answer: unknown, requestBody: () => unknown): JournalEntry[] {
  switch (write.kind) {
    case 'database':
      return isObject(answer) && typeof answer.id === 'string'
        ? [{ op: 'database', db: answer.id }]
        : [];
    case 'drop-database':
      return [{ op: 'drop-database', db: write.db }];
    case 'container': {
      const container = isObject(answer) ? containerDefinition(answer) : undefined;
      return container ? [{ op: 'container', db: write.db, container }] : [];
    }
    case 'drop-container':
      return [{ op: 'drop-container', db: write.db, coll: write.coll }];
    case 'put':
      return isObject(answer) ? [{ op: 'put', db: write.db, coll: write.coll, doc: answer }] : [];
    case 'delete':
      return [
        {
          op: 'delete',
          db: write.db,
          coll: write.coll,
          id: write.id,
          partitionKey: write.partitionKey,
        },
      ];
    case 'bulk': {
      // Each result answers the operation at its index; a delete's result has no body.
      const results = Array.isArray(answer) ? answer : [];
      const operations = requestBody();
      const inputs = Array.isArray(operations) ? operations : [];
      const entries: JournalEntry[] = [];
      for (const [index, result] of results.entries()) {
        if (!isObject(result) || typeof result.statusCode !== 'number') continue;
        if (result.statusCode >= 300) continue;
        const input: unknown = inputs[index];
        const operation = isObject(input) ? String(input.operationType ?? '') : '';
        if (operation === 'Delete' && isObject(input) && typeof input.id === 'string') {
          entries.push({
            op: 'delete',
            db: write.db,
            coll: write.coll,
            id: input.id,
            partitionKey: input.partitionKey,
          });
        } else if (operation !== 'Read' && isObject(result.resourceBody)) {
          entries.push({ op: 'put', db: write.db, coll: write.coll, doc: result.resourceBody });
        }
      }
      return entries;
    }
  }
}

/**
 * Lets the server's answer to a write through only once its changes are in the journal on
 * disk. The server writes each answer with one `end(body)` and no headers before it, so the
 * answer is held there; a journal that cannot be written turns it into a 500.
 */
function holdUntilDurable(
  durable: DurableFiles,
  write: Write,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const chunks: Buffer[] = [];
  if (write.kind === 'bulk') request.on('data', (chunk: Buffer) => chunks.push(chunk));
  const requestBody = () => parseJson(Buffer.concat(chunks).toString('utf8'));
  const end = response.end.bind(response) as (body?: string) => ServerResponse;
  const held = (body?: string): ServerResponse => {
    if (response.statusCode >= 300) return end(body);
    const answer = typeof body === 'string' ? parseJson(body) : undefined;
    const entries = entriesOf(write, answer, requestBody);
    if (entries.length === 0) return end(body);
    durable.record(entries).then(
      () => end(body),
      (error: unknown) => {
        response.statusCode = 500;
        end(
          JSON.stringify({ message: `the local data file could not be written: ${String(error)}` }),
        );
      },
    );
    return response;
  };
  (response as { end: typeof held }).end = held;
}

/** The data file (the snapshot), its journal, and the copy of the data they are written from. */
class DurableFiles {
  private compacting: Promise<void> | undefined;
  private closing = false;
  /** Set when a compaction failed: the journal keeps growing, and the next start compacts. */
  private compactionFailed = false;
  private snapshotBytes = 0;

  private constructor(
    private readonly dataFile: string,
    private readonly data: LocalData,
    private readonly journal: Journal,
    private readonly compactBytes: number,
  ) {
    journal.onWritten = () => this.maybeCompact();
  }

  /**
   * Loads the snapshot and replays the journals over it (the one a compaction was writing
   * out, then the current one), loads the result into the server, writes it as a fresh
   * snapshot and starts an empty journal.
   */
  static async open(
    dataFile: string,
    loader: CosmosClient,
    compactBytes = MIN_COMPACT_BYTES,
  ): Promise<DurableFiles> {
    const snapshot = await readSnapshot(dataFile);
    const data = snapshot ? LocalData.fromSnapshot(snapshot) : new LocalData();
    const journals = [compactingJournalOf(dataFile), journalOf(dataFile)];
    // Any journal left, even one holding only a torn line, is compacted away: appending to a
    // torn line would leave it in the middle of the journal.
    let journalled = false;
    for (const file of journals) {
      const entries = await readJournal(file);
      for (const entry of entries) data.apply(entry);
      journalled ||= (await stat(file).catch(() => undefined)) !== undefined;
    }
    await loadInto(loader, data);
    await mkdir(dirname(dataFile), { recursive: true });
    let snapshotBytes = snapshot ? (await stat(dataFile)).size : 0;
    if (journalled) {
      snapshotBytes = (await writeSnapshot(dataFile, data.capture(), () => false)) ?? 0;
      for (const file of journals) await unlink(file).catch(ignoreMissing);
      await syncDirectory(dirname(dataFile));
    }
    const files = new DurableFiles(
      dataFile,
      data,
      await Journal.open(journalOf(dataFile)),
      compactBytes,
    );
    files.snapshotBytes = snapshotBytes;
    return files;
  }

  /** Applies the changes to the copy and resolves once their journal lines are on disk. */
  record(entries: JournalEntry[]): Promise<void> {
    for (const entry of entries) this.data.apply(entry);
    return this.journal.append(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }

  async flush(): Promise<void> {
    await this.journal.idle();
    await this.compacting;
  }

  /** The final fsync: writes in flight finish; a compaction under way is left for the next start. */
  async close(): Promise<void> {
    this.closing = true;
    await this.compacting;
    await this.journal.close();
  }

  private maybeCompact(): void {
    if (this.compacting || this.closing || this.compactionFailed) return;
    if (this.journal.bytes < Math.max(this.compactBytes, this.snapshotBytes)) return;
    this.compacting = this.compact()
      .catch((error: unknown) => {
        this.compactionFailed = true;
        process.stderr.write(
          `local Cosmos DB: compaction failed, the journal keeps growing: ${String(error)}\n`,
        );
      })
      .finally(() => {
        this.compacting = undefined;
      });
  }

  /**
   * Off the path of any write: the journal is set aside (writes go on in a new one), the data
   * as it then stands is written as the snapshot, a piece at a time, and the old journal is
   * removed. Until then a start replays both journals over the old snapshot.
   */
  private async compact(): Promise<void> {
    const aside = compactingJournalOf(this.dataFile);
    await this.journal.rotate(aside);
    const bytes = await writeSnapshot(this.dataFile, this.data.capture(), () => this.closing);
    if (bytes === undefined) return;
    this.snapshotBytes = bytes;
    await unlink(aside);
    await syncDirectory(dirname(this.dataFile));
  }
}

const journalOf = (dataFile: string) => `${dataFile}.journal`;
const compactingJournalOf = (dataFile: string) => `${dataFile}.journal.compacting`;

const ignoreMissing = (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
};

async function readSnapshot(dataFile: string) {
  let text: string;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const notSnapshot = new Error(
    `The local data file ${dataFile} is not a snapshot this version can read.`,
  );
  const parsed = snapshotSchema.safeParse(parseJson(text));
  if (!parsed.success) throw notSnapshot;
  return parsed.data;
}

/**
 * Writes the snapshot beside the data file and renames it over it, durably; pauses between
 * pieces so that the server goes on answering. Undefined (nothing replaced) if stopped.
 */
async function writeSnapshot(
  dataFile: string,
  captured: Captured,
  stopped: () => boolean,
): Promise<number | undefined> {
  const temporary = `${dataFile}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  let bytes = 0;
  try {
    for (const piece of snapshotPieces(captured)) {
      if (stopped()) break;
      const { bytesWritten } = await handle.write(piece);
      bytes += bytesWritten;
    }
    if (!stopped()) await handle.sync();
  } finally {
    await handle.close();
  }
  if (stopped()) {
    await unlink(temporary);
    return undefined;
  }
  await rename(temporary, dataFile);
  await syncDirectory(dirname(dataFile));
  return bytes;
}

/**
 * Creates the databases and containers in the server and loads their documents: the server
 * is empty, so as creates in batches of 100 of one partition key (the SDK's bulk executor
 * spends most of its time waiting here), a few batches at a time.
 */
async function loadInto(client: CosmosClient, data: LocalData): Promise<void> {
  for (const id of data.databaseIds()) await client.databases.createIfNotExists({ id });
  for (const { db, definition, items } of data.containers()) {
    const { container } = await client.database(db).containers.createIfNotExists(definition);
    const byPartition = new Map<string | number | boolean, JSONObject[]>();
    for (const text of items) {
      const doc = JSON.parse(text) as JSONObject;
      const partitionKey = partitionValueOf(doc, definition.partitionKey.paths);
      if (
        typeof partitionKey === 'string' ||
        typeof partitionKey === 'number' ||
        typeof partitionKey === 'boolean'
      ) {
        const list = byPartition.get(partitionKey) ?? [];
        list.push(doc);
        byPartition.set(partitionKey, list);
      } else {
        // No partition key value to name in a batch: a request of its own.
        await container.items.upsert(doc);
      }
    }
    const batches: { partitionKey: string | number | boolean; docs: JSONObject[] }[] = [];
    for (const [partitionKey, docs] of byPartition)
      for (let i = 0; i < docs.length; i += BATCH_SIZE)
        batches.push({ partitionKey, docs: docs.slice(i, i + BATCH_SIZE) });
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next];
        next += 1;
        if (!batch) break;
        const response = await container.items.batch(
          batch.docs.map((resourceBody) => ({ operationType: 'Create', resourceBody })),
          batch.partitionKey,
        );
        const refused = response.result?.find((result) => result.statusCode >= 300);
        if (refused || response.code === undefined || response.code >= 300)
          throw new Error(
            `the local data file could not be loaded: ${refused?.statusCode ?? response.code}`,
          );
      }
    };
    await Promise.all(Array.from({ length: LOAD_IN_FLIGHT }, worker));
  }
}
