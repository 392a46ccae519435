import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { CosmosClient, type ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';

/**
 * The local default: a Cosmos-protocol server (@vercel/cosmosdb-server) in this process, so
 * that the same @azure/cosmos code runs with no Azure account. The server keeps data in
 * memory only; this saves it to a file after every write and loads it again at start.
 * It is a devDependency, loaded only here, and never in production.
 */
export interface LocalCosmos {
  endpoint: string;
  key: string;
  /** Requests the bot made (the snapshots' own requests are not counted). */
  requests(): number;
  /** Writes any pending snapshot now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The client options the local server needs: plain HTTP, so no endpoint discovery. */
export const LOCAL_CONNECTION_POLICY = { enableEndpointDiscovery: false } as const;
const LOCAL_KEY = 'local-development-key';
const SNAPSHOT_AGENT = 'local-cosmos-snapshot';
const SAVE_DELAY_MS = 100;

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);

const snapshotSchema = z.object({
  version: z.literal(1),
  databases: z.array(
    z.object({
      id: z.string(),
      containers: z.array(
        z.object({
          id: z.string(),
          partitionKey: z.object({ paths: z.array(z.string()) }),
          indexingPolicy: z.record(z.string(), z.unknown()).optional(),
          items: z.array(z.record(z.string(), z.unknown())),
        }),
      ),
    }),
  ),
});
type Snapshot = z.infer<typeof snapshotSchema>;

export async function startLocalCosmos(options: { dataFile?: string } = {}): Promise<LocalCosmos> {
  const { createHttpServer } = await import('@vercel/cosmosdb-server');
  const server: Server = createHttpServer();
  let requests = 0;
  let pending: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const snapshotClient = new CosmosClient({
    endpoint,
    key: LOCAL_KEY,
    connectionPolicy: LOCAL_CONNECTION_POLICY,
    userAgentSuffix: SNAPSHOT_AGENT,
  });

  const save = async (): Promise<void> => {
    if (!options.dataFile) return;
    const snapshot = await takeSnapshot(snapshotClient);
    await mkdir(dirname(options.dataFile), { recursive: true });
    const temporary = `${options.dataFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, options.dataFile);
  };
  const scheduleSave = (): void => {
    if (!options.dataFile || pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      saving = saving.then(save, save);
    }, SAVE_DELAY_MS);
  };

  server.on('request', (request: IncomingMessage, response) => {
    if (String(request.headers['user-agent'] ?? '').includes(SNAPSHOT_AGENT)) return;
    requests += 1;
    if (!changesData(request)) return;
    response.once('finish', () => {
      if (response.statusCode < 400) scheduleSave();
    });
  });

  if (options.dataFile) {
    try {
      await restore(snapshotClient, options.dataFile);
    } catch (error) {
      // Not left listening: a server nobody can use would keep the process alive.
      snapshotClient.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }

  const flush = async (): Promise<void> => {
    if (pending) {
      clearTimeout(pending);
      pending = undefined;
      saving = saving.then(save, save);
    }
    await saving;
  };
  return {
    endpoint,
    key: LOCAL_KEY,
    requests: () => requests,
    flush,
    close: async () => {
      await flush();
      snapshotClient.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function changesData(request: IncomingMessage): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const isQuery =
    request.headers['x-ms-documentdb-isquery'] === 'true' ||
    String(request.headers['content-type'] ?? '').startsWith('application/query+json');
  return !isQuery;
}

async function takeSnapshot(client: CosmosClient): Promise<Snapshot> {
  const { resources: databases } = await client.databases.readAll().fetchAll();
  return {
    version: 1,
    databases: await Promise.all(
      databases.map(async ({ id }) => {
        const database = client.database(id);
        const { resources: containers } = await database.containers.readAll().fetchAll();
        return {
          id,
          containers: await Promise.all(
            containers.map(async (definition) => {
              const { resources: items } = await database
                .container(definition.id)
                .items.readAll()
                .fetchAll();
              return {
                id: definition.id,
                partitionKey: { paths: definition.partitionKey?.paths ?? ['/id'] },
                ...(definition.indexingPolicy
                  ? { indexingPolicy: { ...definition.indexingPolicy } }
                  : {}),
                items: items.map(withoutSystemFields),
              };
            }),
          ),
        };
      }),
    ),
  };
}

function withoutSystemFields(item: ItemDefinition): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !SYSTEM_FIELDS.has(key)));
}

async function restore(client: CosmosClient, dataFile: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const notSnapshot = new Error(
    `The local data file ${dataFile} is not a snapshot this version can read.`,
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notSnapshot;
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) throw notSnapshot;
  for (const saved of parsed.data.databases) {
    const { database } = await client.databases.createIfNotExists({ id: saved.id });
    for (const savedContainer of saved.containers) {
      const { container } = await database.containers.createIfNotExists({
        id: savedContainer.id,
        partitionKey: savedContainer.partitionKey,
        ...(savedContainer.indexingPolicy ? { indexingPolicy: savedContainer.indexingPolicy } : {}),
      });
      for (const item of savedContainer.items) await container.items.upsert(item);
    }
  }
}
