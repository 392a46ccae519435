/**
 * Starts the bot alone: `npm run bot` (TypeScript) or `node dist/bot/index.js` (compiled,
 * in production). Settings come from the environment (README, "Settings").
 */
import type { PolicyLibrary } from '../core/policy/index.js';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, errorMessage } from './log.js';
import { loadPolicyLibrary, PackFileError } from './policy-pack.js';
import { startTelemetry, type Telemetry } from './telemetry.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}

// The force's packs, checked before telemetry, the database or the server start.
let library: PolicyLibrary;
try {
  library = await loadPolicyLibrary(config);
} catch (error) {
  if (!(error instanceof PackFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}

const telemetry: Telemetry | undefined = config.APPLICATIONINSIGHTS_CONNECTION_STRING
  ? await startTelemetry(config.APPLICATIONINSIGHTS_CONNECTION_STRING)
  : undefined;
const logger = createLogger(undefined, {}, telemetry?.sink);

try {
  const app = await startApp(config, { logger, library });
  let stopping = false;
  /** Stop taking requests, let the turns in flight finish, stop the sweep, then exit. */
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('bot.stopping', { signal });
    try {
      await app.close();
      logger.info('bot.stopped', { signal });
      await telemetry?.stop();
      process.exit(0);
    } catch (error) {
      logger.error('bot.stop_failed', { error: errorMessage(error) });
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  logger.error('bot.start_failed', { error: errorMessage(error) });
  await telemetry?.stop();
  process.exit(1);
}
