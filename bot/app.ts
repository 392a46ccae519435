import { buildQuestionnaire } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import { withReviewDue } from '../core/rules/index.js';
import { createAdapter } from './adapter.js';
import type { Config } from './config.js';
import { CommissioningBot } from './conversation/commissioning-bot.js';
import { errorMessage, type Logger } from './log.js';
import { loadPolicyPack } from './policy-pack.js';
import { PacedSender } from './reminders/paced-sender.js';
import { ReminderSweep } from './reminders/sweep.js';
import { createServer, listen, type RunningServer } from './server.js';
import { ConversationStore } from './store/conversations.js';
import { type CosmosStore, openCosmos } from './store/cosmos.js';
import { RecordStore } from './store/records.js';

export interface App {
  url: string;
  store: CosmosStore;
  records: RecordStore;
  conversations: ConversationStore;
  reminders: ReminderSweep;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
  /** The pack read at start-up (bot/index.ts); left out, startApp reads POLICY_PACK_FILE itself. */
  pack?: PolicyPack;
  /** The pacing of proactive messages; the Teams limits unless a test says otherwise. */
  sender?: PacedSender;
}

/** Builds the whole bot from its configuration and starts serving. Tests start it the same way. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  // Before anything starts: a bad pack file stops start-up with nothing listening.
  const pack = options.pack ?? (await loadPolicyPack(config));
  // The review date: POLICY_REVIEW_DUE when set, else the pack's own reviewDue (an undated
  // policy document gives its pack none), else "not recorded".
  const flow = buildQuestionnaire(withReviewDue(pack, config.POLICY_REVIEW_DUE));
  const store = await openCosmos(config);
  const records = new RecordStore(store.containers.records);
  const conversations = new ConversationStore(store.containers.conversations);
  const adapter = createAdapter(config, logger);
  const bot = new CommissioningBot({ config, flow, records, conversations, clock, logger });
  const reminders = new ReminderSweep({
    pack: flow.pack,
    records,
    conversations,
    adapter,
    sender: options.sender ?? new PacedSender(),
    appId: config.MicrosoftAppId ?? '',
    logger,
  });
  const server = createServer({
    config,
    adapter,
    logger,
    handleTurn: (context) => bot.run(context),
    databaseReachable: async () => {
      await store.database.read();
      return true;
    },
    runReminders: () => reminders.run(clock()),
  });
  let running: RunningServer;
  try {
    running = await listen(server, config.HOST, config.PORT);
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.info('bot.listening', { url: running.url, cosmos: store.local ? 'embedded' : 'azure' });
  const timer = startSweepTimer(
    config.REMINDER_SWEEP_MINUTES,
    () => reminders.run(clock()),
    logger,
  );
  return {
    url: running.url,
    store,
    records,
    conversations,
    reminders,
    close: async () => {
      clearInterval(timer);
      await running.close();
      await reminders.idle();
      await store.close();
    },
  };
}

/** The in-process sweep, every few minutes; none when the interval is 0 (an external scheduler). */
function startSweepTimer(
  minutes: number,
  sweep: () => Promise<unknown>,
  logger: Logger,
): NodeJS.Timeout | undefined {
  if (minutes <= 0) return undefined;
  const timer = setInterval(() => {
    sweep().catch((error: unknown) =>
      logger.error('reminders.sweep_failed', { error: errorMessage(error) }),
    );
  }, minutes * 60_000);
  // The timer alone does not keep the process alive.
  timer.unref();
  return timer;
}
