import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify from 'restify';
import type { Config } from './config.js';
import type { Logger } from './log.js';

export interface ServerDeps {
  config: Config;
  adapter: CloudAdapter;
  /** Runs one turn of the bot. */
  handleTurn(context: TurnContext): Promise<void>;
  /** Whether the database answers, for /healthz. */
  databaseReachable(): Promise<boolean>;
  logger: Logger;
}

export interface RunningServer {
  server: restify.Server;
  url: string;
  close(): Promise<void>;
}

/** The HTTP surface: Bot Framework messages and a health check. Nothing else is wired here. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({
    name: 'social-value-bot',
    handleUncaughtExceptions: false,
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));

  server.post('/api/messages', async (req, res) => {
    await deps.adapter.process(req, res, (context) => deps.handleTurn(context));
  });

  server.get('/healthz', async (_req, res) => {
    const cosmos = await deps.databaseReachable().catch(() => false);
    res.status(cosmos ? 200 : 503);
    res.json({ status: cosmos ? 'ok' : 'degraded', cosmos: cosmos ? 'reachable' : 'unreachable' });
  });

  return server;
}

/** Listens on the configured address and resolves with the URL it serves. */
export async function listen(
  server: restify.Server,
  host: string,
  port: number,
): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    // restify passes the HTTP server's errors on to its own 'error' event, which throws
    // (crashing the process) unless something listens there.
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
