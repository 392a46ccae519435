/**
 * `npm start`: the bot with its local defaults and the Agents Playground pointed at it, for
 * chatting with the bot in a browser with no Azure account and no network. Never in production.
 */
import { dirname, join } from 'node:path';
import { type App, startApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger, errorMessage } from '../log.js';
import { loadPolicyLibrary, PackFileError } from '../policy-pack.js';
import type { Playground } from './playground.js';

if (process.env.NODE_ENV === 'production') {
  process.stderr.write(
    'npm start is for local use only: it runs the Agents Playground and the embedded database, which never run in production. Start the bot with `npm run bot` there.\n',
  );
  process.exit(1);
}

const logger = createLogger();
let app: App | undefined;
let playground: Playground | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await playground?.stop().catch((error: unknown) => {
      logger.warn('playground.stop_failed', { error: errorMessage(error) });
    });
    // Closing the app writes any pending change to the local data file.
    await app?.close().catch((error: unknown) => {
      logger.error('bot.close_failed', { error: errorMessage(error) });
      code = code === 0 ? 1 : code;
    });
  }
  process.exit(code);
}

try {
  const config = loadConfig(process.env);
  // The force's packs are checked before the bot or the Playground starts.
  const library = await loadPolicyLibrary(config);
  app = await startApp(config, { logger, library });
  // The Playground's own log goes beside the local data, not into the working directory.
  const logFile = join(dirname(config.LOCAL_DATA_FILE), 'm365agentsplayground.log');
  const { startPlayground } = await import('./playground.js');
  playground = await startPlayground({
    appEndpoint: `${app.url}/api/messages`,
    port: config.PLAYGROUND_PORT,
    logFile,
    onStderr: (line) => process.stderr.write(`[playground] ${line}\n`),
  });
  void playground.exited.then(() => {
    if (stopping) return;
    logger.error('playground.exited');
    void stop(1);
  });
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  process.stdout.write(
    `\nOpen ${playground.url} in a browser to chat with the bot (type "help" there).\nThe dashboard is at ${app.url}/dashboard (choose who to sign in as there). Ctrl+C stops it.\n\n`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof PackFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Could not start: ${errorMessage(error)}\n`);
  await stop(1);
}
