import { buildQuestionnaire } from '../core/flow/index.js';
import { cumbriaPack, type PolicyPack } from '../core/policy/index.js';
import { createAdapter } from './adapter.js';
import type { Config } from './config.js';
import { CommissioningBot } from './conversation/commissioning-bot.js';
import type { Logger } from './log.js';
import { createServer, listen, type RunningServer } from './server.js';
import { ConversationStore } from './store/conversations.js';
import { type CosmosStore, openCosmos } from './store/cosmos.js';
import { RecordStore } from './store/records.js';

export interface App {
  url: string;
  store: CosmosStore;
  records: RecordStore;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
  pack?: PolicyPack;
}

/** Builds the whole bot from its configuration and starts serving. Tests start it the same way. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const flow = buildQuestionnaire(options.pack ?? cumbriaPack);
  const store = await openCosmos(config);
  const records = new RecordStore(store.containers.records);
  const conversations = new ConversationStore(store.containers.conversations);
  const adapter = createAdapter(config, logger);
  const bot = new CommissioningBot({ config, flow, records, conversations, clock, logger });
  const server = createServer({
    config,
    adapter,
    logger,
    handleTurn: (context) => bot.run(context),
    databaseReachable: async () => {
      await store.database.read();
      return true;
    },
  });
  let running: RunningServer;
  try {
    running = await listen(server, config.HOST, config.PORT);
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.info('bot.listening', { url: running.url, cosmos: store.local ? 'embedded' : 'azure' });
  return {
    url: running.url,
    store,
    records,
    close: async () => {
      await running.close();
      await store.close();
    },
  };
}
