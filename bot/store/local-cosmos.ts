import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { DurableFiles } from './local-files.js';
import { lockLocalData } from './local-lock.js';
import { holdUntilDurable, writeOf } from './local-writes.js';

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
  // Before anything listens: a data file another process has open is refused, untouched.
  const lock = options.dataFile ? await lockLocalData(options.dataFile) : undefined;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!String(request.headers['user-agent'] ?? '').includes(LOADER_AGENT)) {
      requests += 1;
      const write = durable ? writeOf(request) : undefined;
      if (durable && write) holdUntilDurable(durable, write, request, response);
    }
    serve(request, response);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
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
      await lock?.release();
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
      await lock?.release();
    },
  };
}
