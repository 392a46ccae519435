/**
 * The Cosmos DB containers the bot uses. The Azure template (deploy/) creates the same
 * containers with the same partition keys and indexing; a test holds the two together.
 */
export const CONTAINERS = {
  /** One document per commissioning exercise, partitioned by tenant: a tenant's and an officer's lists are single-partition queries. */
  records: {
    id: 'records',
    partitionKey: '/tenantId',
  },
  /** One conversation reference per user who installed the app, for reminders. */
  conversations: {
    id: 'conversations',
    partitionKey: '/tenantId',
  },
  /**
   * The spend baseline (bot/spend/spend-store.ts): each file's import and its payee-month
   * totals, the supplier list and the Action Plan, partitioned by tenant: every figure a lead
   * sees is worked out from one partition.
   */
  spend: {
    id: 'spend',
    partitionKey: '/tenantId',
  },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
