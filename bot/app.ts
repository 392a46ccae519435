import { isoDateInLondon } from '../core/common/dates.js';
import { Policies } from '../core/flow/index.js';
import { type PolicyLibrary, type PolicyPack, singlePackLibrary } from '../core/policy/index.js';
import { withReviewDue } from '../core/rules/index.js';
import { createAdapter } from './adapter.js';
import type { Config } from './config.js';
import { CommissioningBot } from './conversation/commissioning-bot.js';
import { dashboardSignIn } from './dashboard/setup.js';
import { errorMessage, type Logger } from './log.js';
import { loadPolicyLibrary } from './policy-pack.js';
import { PacedSender } from './reminders/paced-sender.js';
import { ReminderSweep } from './reminders/sweep.js';
import { createServer, listen, type RunningServer } from './server.js';
import { SpendStore } from './spend/spend-store.js';
import { ConversationStore } from './store/conversations.js';
import { type CosmosStore, openCosmos } from './store/cosmos.js';
import { RecordStore } from './store/records.js';

export interface App {
  url: string;
  store: CosmosStore;
  records: RecordStore;
  spend: SpendStore;
  conversations: ConversationStore;
  reminders: ReminderSweep;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
  /** The packs read at start-up (bot/index.ts); left out, startApp reads the pack settings itself. */
  library?: PolicyLibrary;
  /** One pack in one version, as a test gives it (POLICY_REVIEW_DUE still applies to it). */
  pack?: PolicyPack;
  /** The pacing of proactive messages; the Teams limits unless a test says otherwise. */
  sender?: PacedSender;
}

/** Builds the whole bot from its configuration and starts serving. Tests start it the same way. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  // Before anything starts: a bad pack file stops start-up with nothing listening. The review
  // date: POLICY_REVIEW_DUE when set, else the pack's own reviewDue, else "not recorded".
  const library =
    options.library ??
    (options.pack
      ? singlePackLibrary(withReviewDue(options.pack, config.POLICY_REVIEW_DUE))
      : await loadPolicyLibrary(config));
  const policies = new Policies(library);
  const store = await openCosmos(config);
  const records = new RecordStore(store.containers.records);
  const spend = new SpendStore(store.containers.spend);
  const conversations = new ConversationStore(store.containers.conversations);
  const adapter = createAdapter(config, logger);
  // The address the server listens on, once it does (the dashboard's local sign-in and the
  // Playground's `report` card need it).
  let url = '';
  const bot = new CommissioningBot({
    config,
    policies,
    records,
    conversations,
    clock,
    logger,
    serverUrl: () => url,
  });
  const reminders = new ReminderSweep({
    packOf: (record) => policies.forRecord(record, isoDateInLondon(clock())).pack,
    records,
    conversations,
    adapter,
    sender: options.sender ?? new PacedSender(),
    appId: config.MicrosoftAppId ?? '',
    logger,
  });
  // The dashboard's local sign-in serves its keys from this server, at the address it listens on.
  const dashboard = {
    config,
    records,
    spend,
    policies,
    clock,
    logger,
    ...(await dashboardSignIn(config, clock, () => url)),
  };
  const server = createServer({
    config,
    adapter,
    logger,
    dashboard,
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
    url = running.url;
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.info('bot.listening', {
    url: running.url,
    cosmos: store.local ? 'embedded' : 'azure',
    dashboard: `${running.url}/dashboard`,
  });
  const timer = startSweepTimer(
    config.REMINDER_SWEEP_MINUTES,
    () => reminders.run(clock()),
    logger,
  );
  return {
    url: running.url,
    store,
    records,
    spend,
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
