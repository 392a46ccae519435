import { timingSafeEqual } from 'node:crypto';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import './quiet-restify.js';
import restify from 'restify';
import type { Config } from './config.js';
import { addDashboardRoutes, type DashboardDeps } from './dashboard/routes.js';
import { plainWords, type RestifyError } from './http-answers.js';
import { errorMessage, inRequest, type Logger } from './log.js';
import { receiveActivity } from './messages-route.js';

export interface ServerDeps {
  config: Config;
  adapter: CloudAdapter;
  /** Runs one turn of the bot. */
  handleTurn(context: TurnContext): Promise<void>;
  /** Whether the database answers, for /healthz. */
  databaseReachable(): Promise<boolean>;
  /** Runs one reminder sweep now, for an external scheduler. */
  runReminders(): Promise<unknown>;
  logger: Logger;
  /** The Dashboard tab: its page, data API and exports. */
  dashboard?: DashboardDeps;
}

const SECRET_HEADER = 'x-reminders-secret';

/** Compares in constant time, so that the secret cannot be guessed a character at a time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RunningServer {
  server: restify.Server;
  url: string;
  close(): Promise<void>;
}

/** The HTTP surface: Bot Framework messages, the reminder trigger, a health check and the dashboard. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({
    name: 'social-value-bot',
    handleUncaughtExceptions: false,
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));

  // Every error restify answers itself (a body that is not JSON, one too large, an unknown
  // route or method) is answered in plain words; what restify said goes to the log only.
  server.on('restifyError', (req, _res, error: RestifyError, callback: () => void) => {
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    const fields = { status, path: req.path(), error: errorMessage(error) };
    if (status >= 500) deps.logger.error('http.failed', fields);
    else deps.logger.warn('http.refused', fields);
    error.toJSON = () => ({ error: plainWords(status) });
    callback();
  });

  server.post('/api/messages', async (req, res) => {
    const body = req.body as { id?: unknown; type?: unknown } | undefined;
    const ids = {
      request: req.id(),
      activity: typeof body?.id === 'string' ? body.id : undefined,
      activityType: typeof body?.type === 'string' ? body.type : undefined,
    };
    await inRequest(ids, () => receiveActivity(deps, req, res));
  });

  // Off unless a secret is configured; the answer says nothing more than the status.
  server.post('/api/reminders/run', async (req, res) => {
    const secret = deps.config.REMINDERS_SECRET;
    const given = req.header(SECRET_HEADER);
    if (!secret || typeof given !== 'string' || !sameSecret(given, secret)) {
      res.status(secret ? 401 : 404);
      res.json({ error: secret ? 'unauthorised' : 'not found' });
      return;
    }
    try {
      res.json({ status: 'ok', report: await deps.runReminders() });
    } catch (error) {
      deps.logger.error('reminders.run_failed', { error: errorMessage(error) });
      res.status(500);
      res.json({ status: 'failed' });
    }
  });

  if (deps.dashboard) addDashboardRoutes(server, deps.dashboard);

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
    close: () => stopServing(server),
  };
}

/** How long requests in flight may take to finish once the server stops taking new ones. */
const DRAIN_MS = 20_000;

/**
 * Stops taking requests and waits for those in flight to finish: idle keep-alive
 * connections are closed at once, busy ones when their request ends, and any left after
 * the drain time are cut.
 */
function stopServing(server: restify.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.server.closeAllConnections(), DRAIN_MS);
    cut.unref();
    // A connection becomes idle once its request is answered; close it then, rather than
    // wait for the client's keep-alive to end.
    const sweep = setInterval(() => server.server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(cut);
      clearInterval(sweep);
      resolve();
    });
    server.server.closeIdleConnections();
  });
}
