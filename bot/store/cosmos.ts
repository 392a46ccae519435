import { type Container, CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Config } from '../config.js';
import { CONTAINERS, type ContainerName } from './containers.js';
import { LOCAL_CONNECTION_POLICY, type LocalCosmos, startLocalCosmos } from './local-cosmos.js';

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  /** The embedded local server, when there is one. */
  local?: LocalCosmos;
  close(): Promise<void>;
}

/**
 * The client for the configured account: with a key when one is given, else signed in as
 * the app's managed identity through @azure/identity (no key anywhere). A plain-http
 * endpoint is a local Cosmos-protocol server, which needs endpoint discovery off.
 */
function accountClient(config: Config, endpoint: string): CosmosClient {
  return new CosmosClient({
    endpoint,
    ...(config.COSMOS_KEY
      ? { key: config.COSMOS_KEY }
      : {
          aadCredentials: new DefaultAzureCredential(
            config.AZURE_CLIENT_ID ? { managedIdentityClientId: config.AZURE_CLIENT_ID } : {},
          ),
        }),
    ...(endpoint.startsWith('http://') ? { connectionPolicy: LOCAL_CONNECTION_POLICY } : {}),
  });
}

/**
 * Connects to Cosmos DB: the configured account, or, with no endpoint outside production,
 * the embedded local server. With a key (or locally) the database and containers are
 * created if missing; signed in as a managed identity, which has data-plane rights only,
 * they are the ones the Azure template (deploy/) created.
 */
export async function openCosmos(config: Config): Promise<CosmosStore> {
  let local: LocalCosmos | undefined;
  let client: CosmosClient;
  if (config.COSMOS_ENDPOINT) {
    client = accountClient(config, config.COSMOS_ENDPOINT);
  } else {
    if (config.NODE_ENV === 'production') {
      throw new Error('COSMOS_ENDPOINT is required in production');
    }
    local = await startLocalCosmos({
      ...(config.NODE_ENV === 'test' ? {} : { dataFile: config.LOCAL_DATA_FILE }),
    });
    client = new CosmosClient({
      endpoint: local.endpoint,
      key: local.key,
      connectionPolicy: LOCAL_CONNECTION_POLICY,
    });
  }
  const provision = local !== undefined || config.COSMOS_KEY !== undefined;
  const database = provision
    ? (await client.databases.createIfNotExists({ id: config.COSMOS_DATABASE })).database
    : client.database(config.COSMOS_DATABASE);
  const containers = {} as Record<ContainerName, Container>;
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
    const { id, partitionKey } = CONTAINERS[name];
    containers[name] = provision
      ? (
          await database.containers.createIfNotExists({
            id,
            partitionKey: { paths: [partitionKey] },
          })
        ).container
      : database.container(id);
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
