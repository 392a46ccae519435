import { copyFile, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CosmosClient, JSONObject } from '@azure/cosmos';
import {
  type Captured,
  type JournalEntry,
  LocalData,
  partitionValueOf,
  snapshotPieces,
  snapshotSchema,
} from './local-data.js';
import { Journal, readJournal, syncDirectory } from './local-journal.js';
import { parseJson } from './local-writes.js';

/** The journal is compacted into the snapshot once it is this big, or the snapshot's size. */
const MIN_COMPACT_BYTES = 8 << 20;
/** Documents loaded into the server per request at start (the most a batch takes), and requests at once. */
const BATCH_SIZE = 100;
const LOAD_IN_FLIGHT = 4;

/** The data file (the snapshot), its journal, and the copy of the data they are written from. */
export class DurableFiles {
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

/**
 * Copies the local store's files (the snapshot and any journal) into `folder`, for a reader
 * such as `npm run notice`: opening the copy replays and compacts it, and leaves the files of
 * a bot that may be running untouched. Returns the copy's data file.
 */
export async function copyLocalData(dataFile: string, folder: string): Promise<string> {
  const copy = join(folder, basename(dataFile));
  for (const [from, to] of [
    [dataFile, copy],
    [journalOf(dataFile), journalOf(copy)],
    [compactingJournalOf(dataFile), compactingJournalOf(copy)],
  ] as const) {
    await copyFile(from, to).catch(ignoreMissing);
  }
  return copy;
}

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
