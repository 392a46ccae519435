import { z } from 'zod';

/**
 * The embedded store's data as this process saves it: a copy of every database, container
 * and document, kept beside the in-memory server from the answers it gives to writes, so that
 * a snapshot is written from memory (never read back through the server) and a write is
 * journalled as the one document it changed.
 */

/** Fields the server sets on every document; it sets them again when the document is restored. */
const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);

const containerDefinitionSchema = z.object({
  id: z.string(),
  partitionKey: z.object({ paths: z.array(z.string()) }),
  indexingPolicy: z.record(z.string(), z.unknown()).optional(),
});
export type ContainerDefinition = z.infer<typeof containerDefinitionSchema>;

const documentSchema = z.record(z.string(), z.unknown());
export type StoredDocument = z.infer<typeof documentSchema>;

/** The snapshot file, `.data/local-cosmos.json`: the format of version 1, unchanged. */
export const snapshotSchema = z.object({
  version: z.literal(1),
  databases: z.array(
    z.object({
      id: z.string(),
      containers: z.array(containerDefinitionSchema.extend({ items: z.array(documentSchema) })),
    }),
  ),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** One line of the journal: one change the server made and answered. */
export const journalEntrySchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('database'), db: z.string() }),
  z.object({ op: z.literal('drop-database'), db: z.string() }),
  z.object({ op: z.literal('container'), db: z.string(), container: containerDefinitionSchema }),
  z.object({ op: z.literal('drop-container'), db: z.string(), coll: z.string() }),
  z.object({ op: z.literal('put'), db: z.string(), coll: z.string(), doc: documentSchema }),
  z.object({
    op: z.literal('delete'),
    db: z.string(),
    coll: z.string(),
    id: z.string(),
    partitionKey: z.unknown(),
  }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export function withoutSystemFields(document: StoredDocument): StoredDocument {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !SYSTEM_FIELDS.has(key)));
}

export function containerDefinition(body: StoredDocument): ContainerDefinition | undefined {
  const parsed = containerDefinitionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { id, partitionKey, indexingPolicy } = parsed.data;
  return {
    id,
    partitionKey: { paths: partitionKey.paths },
    ...(indexingPolicy ? { indexingPolicy } : {}),
  };
}

/** The partition key value the server files a document under: a string, number or boolean. */
export function partitionValueOf(document: StoredDocument, paths: readonly string[]): unknown {
  const path = paths[0] ?? '/id';
  let value: unknown = document;
  for (const key of path.split('/').slice(1)) {
    value =
      typeof value === 'object' && value !== null ? (value as StoredDocument)[key] : undefined;
  }
  return primitive(value);
}

/** A partition key as a delete names it (`["tenant-1"]`, `"tenant-1"`, `[{}]` for none). */
export function partitionValueOfHeader(header: unknown): unknown {
  let parsed = header;
  if (typeof header === 'string') {
    try {
      parsed = JSON.parse(header);
    } catch {
      parsed = header;
    }
  }
  return primitive(Array.isArray(parsed) ? parsed[0] : parsed);
}

const primitive = (value: unknown): unknown =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null;

interface ContainerData {
  definition: ContainerDefinition;
  /** Each document as JSON, without system fields, by its partition key value and id. */
  items: Map<string, string>;
}

/** What a snapshot writes: taken at one instant, written out while writes go on. */
export interface Captured {
  databases: { id: string; containers: { definition: ContainerDefinition; items: string[] }[] }[];
}

const itemKey = (partition: unknown, id: string): string => JSON.stringify([partition, id]);

export class LocalData {
  private readonly databases = new Map<string, Map<string, ContainerData>>();

  static fromSnapshot(snapshot: Snapshot): LocalData {
    const data = new LocalData();
    for (const database of snapshot.databases) {
      data.apply({ op: 'database', db: database.id });
      for (const { items, ...definition } of database.containers) {
        data.apply({ op: 'container', db: database.id, container: definition });
        for (const doc of items)
          data.apply({ op: 'put', db: database.id, coll: definition.id, doc });
      }
    }
    return data;
  }

  /** Applies one change; applying a journal again over data that has it changes nothing. */
  apply(entry: JournalEntry): void {
    switch (entry.op) {
      case 'database':
        if (!this.databases.has(entry.db)) this.databases.set(entry.db, new Map());
        return;
      case 'drop-database':
        this.databases.delete(entry.db);
        return;
      case 'container': {
        const database = this.database(entry.db);
        const existing = database.get(entry.container.id);
        if (existing) existing.definition = entry.container;
        else database.set(entry.container.id, { definition: entry.container, items: new Map() });
        return;
      }
      case 'drop-container':
        this.databases.get(entry.db)?.delete(entry.coll);
        return;
      case 'put': {
        const container = this.container(entry.db, entry.coll);
        const doc = withoutSystemFields(entry.doc);
        const partition = partitionValueOf(doc, container.definition.partitionKey.paths);
        container.items.set(itemKey(partition, String(doc.id)), JSON.stringify(doc));
        return;
      }
      case 'delete':
        this.container(entry.db, entry.coll).items.delete(
          itemKey(partitionValueOfHeader(entry.partitionKey), entry.id),
        );
        return;
    }
  }

  /** Every container with its documents, in a form the server is loaded from. */
  *containers(): Generator<{
    db: string;
    definition: ContainerDefinition;
    items: Iterable<string>;
  }> {
    for (const [db, containers] of this.databases)
      for (const { definition, items } of containers.values())
        yield { db, definition, items: items.values() };
  }

  databaseIds(): string[] {
    return [...this.databases.keys()];
  }

  /** The data as it stands now: references to the JSON texts, so it costs no serialising. */
  capture(): Captured {
    return {
      databases: [...this.databases].map(([id, containers]) => ({
        id,
        containers: [...containers.values()].map(({ definition, items }) => ({
          definition,
          items: [...items.values()],
        })),
      })),
    };
  }

  private database(id: string): Map<string, ContainerData> {
    let database = this.databases.get(id);
    if (!database) {
      database = new Map();
      this.databases.set(id, database);
    }
    return database;
  }

  /** A container the data has not seen (none is written before it is created) is filed by id. */
  private container(db: string, coll: string): ContainerData {
    const database = this.database(db);
    let container = database.get(coll);
    if (!container) {
      container = { definition: { id: coll, partitionKey: { paths: ['/id'] } }, items: new Map() };
      database.set(coll, container);
    }
    return container;
  }
}

/** The snapshot file's text, in pieces of about `pieceBytes`, so that writing it can pause. */
export function* snapshotPieces(captured: Captured, pieceBytes = 1 << 20): Generator<string> {
  let piece = '{"version":1,"databases":[';
  for (const [d, database] of captured.databases.entries()) {
    piece += `${d > 0 ? ',' : ''}{"id":${JSON.stringify(database.id)},"containers":[`;
    for (const [c, { definition, items }] of database.containers.entries()) {
      const head = JSON.stringify(definition);
      piece += `${c > 0 ? ',' : ''}${head.slice(0, -1)},"items":[`;
      for (const [i, item] of items.entries()) {
        piece += i > 0 ? `,${item}` : item;
        if (piece.length >= pieceBytes) {
          yield piece;
          piece = '';
        }
      }
      piece += ']}';
    }
    piece += ']}';
  }
  yield `${piece}]}`;
}
