import { type Container, CosmosClient, type Database } from '@azure/cosmos';
import type { Config } from '../config.js';
import { CONTAINERS, type ContainerName } from './containers.js';
import { LOCAL_CONNECTION_POLICY, type LocalCosmos } from './local-cosmos.js';

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  /** The embedded local server, when there is one. */
  local?: LocalCosmos;
  close(): Promise<void>;
}

/**
 * Connects to Cosmos DB: the configured account, or, with no endpoint outside production,
 * the embedded local server. The database and containers are created if missing.
 */
export async function openCosmos(config: Config): Promise<CosmosStore> {
  let local: LocalCosmos | undefined;
  let client: CosmosClient;
  if (config.COSMOS_ENDPOINT) {
    client = new CosmosClient({
      endpoint: config.COSMOS_ENDPOINT,
      ...(config.COSMOS_KEY ? { key: config.COSMOS_KEY } : {}),
    });
  } else {
    if (config.NODE_ENV === 'production') {
      throw new Error('COSMOS_ENDPOINT is required in production');
    }
    const { startLocalCosmos } = await import('./local-cosmos.js');
    local = await startLocalCosmos({
      ...(config.NODE_ENV === 'test' ? {} : { dataFile: config.LOCAL_DATA_FILE }),
    });
    client = new CosmosClient({
      endpoint: local.endpoint,
      key: local.key,
      connectionPolicy: LOCAL_CONNECTION_POLICY,
    });
  }
  const { database } = await client.databases.createIfNotExists({ id: config.COSMOS_DATABASE });
  const containers = {} as Record<ContainerName, Container>;
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
    const { id, partitionKey } = CONTAINERS[name];
    const { container } = await database.containers.createIfNotExists({
      id,
      partitionKey: { paths: [partitionKey] },
    });
    containers[name] = container;
  }
  return {
    client,
    database,
    containers,
    ...(local ? { local } : {}),
    close: async () => {
      client.dispose();
      await local?.close();
    },
  };
}
