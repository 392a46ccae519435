import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * The Microsoft 365 Agents Playground (a Teams-like web client) as a child process pointed
 * at a local bot. `npm start` and the browser test both start it here. The package is a
 * devDependency, resolved only when this is called: it never runs in production.
 */
export interface Playground {
  /** The page to open in a browser. */
  url: string;
  port: number;
  /** Settles when the child has exited, for whatever reason. */
  exited: Promise<void>;
  /** Stops the child and waits for it to exit. */
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messages endpoint, such as http://127.0.0.1:3978/api/messages. */
  appEndpoint: string;
  /** The port to ask for; the Playground picks another when it is taken. */
  port: number;
  /** Where the Playground writes its own log (it defaults to devTools/ in the working directory). */
  logFile?: string;
  /** How long to wait for it to listen; default 30 s. */
  startTimeoutMs?: number;
  /** Each line it prints on stderr (stdout is read for its start-up line, then drained). */
  onStderr?: (line: string) => void;
}

/**
 * The tenant the Playground's default configuration puts on every activity (its
 * `tenantId`): what `npm start` chats as, so local data made there is this tenant's.
 */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

const PACKAGE = '@microsoft/m365agentsplayground';
const LISTENING = /Listening on (\d+)/;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Loaded into the Playground with --import: it listens with no host, which means every
 * interface; this makes such a listen use the loopback address, so that the chat (which can
 * act as the signed-in officer) is reachable from this machine only.
 */
const LOOPBACK_ONLY = `
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (typeof first === 'number' && (args.length === 1 || typeof second === 'function')) {
    args.splice(1, 0, '127.0.0.1');
  } else if (typeof first === 'object' && first !== null && first.host === undefined && first.path === undefined && first.port !== undefined) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
`;

/** The path of the Playground's command-line script, resolved from the project's node_modules. */
export function playgroundCli(): string {
  return createRequire(import.meta.url).resolve(`${PACKAGE}/cli.js`);
}

/** Starts the Playground and resolves once it listens, with the port it really took. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const cli = playgroundCli();
  const loopback = `data:text/javascript;base64,${Buffer.from(LOOPBACK_ONLY).toString('base64')}`;
  const child = spawn(
    process.execPath,
    [
      `--import=${loopback}`,
      cli,
      '--port',
      String(options.port),
      '--app-endpoint',
      options.appEndpoint,
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ],
    {
      env: {
        ...process.env,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
        ...(options.logFile ? { M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A child that could not be spawned never exits: it is done as well.
    child.once('error', () => {
      if (child.pid === undefined) resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  // The last lines it printed on stderr, to explain a failure to start.
  const stderr: string[] = [];
  eachLine(child, 'stderr', (line) => {
    stderr.push(line);
    if (stderr.length > 20) stderr.shift();
    options.onStderr?.(line);
  });
  try {
    const port = await listeningPort(child, options.startTimeoutMs ?? 30_000, () =>
      stderr.join('\n'),
    );
    return { url: `http://127.0.0.1:${port}`, port, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function eachLine(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  onLine: (line: string) => void,
): void {
  let rest = '';
  child[stream]?.setEncoding('utf8');
  child[stream]?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

function listeningPort(
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      const printed = output();
      reject(new Error(`The Agents Playground ${why}.${printed ? `\n${printed}` : ''}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs / 1000} s`), timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`stopped before it listened (${signal ?? `exit code ${code}`})`);
    const onError = (error: Error) => fail(`could not be started: ${error.message}`);
    let printed = '';
    const onData = (chunk: Buffer) => {
      // Lines can arrive split across chunks; the start-up line is among the first few.
      printed = (printed + chunk.toString('utf8')).slice(-1_000);
      const match = LISTENING.exec(printed);
      if (!match?.[1]) return;
      cleanup();
      resolve(Number(match[1]));
    };
    function cleanup() {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stdout?.off('data', onData);
      // Keep draining stdout so that the child never blocks on a full pipe.
      child.stdout?.resume();
    }
    child.once('exit', onExit);
    child.once('error', onError);
    child.stdout?.on('data', onData);
  });
}
