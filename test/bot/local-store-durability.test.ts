import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS } from '../../bot/store/containers.js';
import { LOCAL_CONNECTION_POLICY, startLocalCosmos } from '../../bot/store/local-cosmos.js';
import { typical } from '../core/flow/helpers.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { action } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Officers saving side by side, as in a busy office. */
const OFFICERS = 4;
/** The bot is killed once this many saves have been acknowledged, mid-burst. */
const KILL_AFTER = 40;
/** Bounds on the burst: saves sent by each officer, and the time it may take. */
const MAX_SAVES_EACH = 60;
const BURST_MS = 15_000;

/** `npm run bot` on a data file: the bot alone, with the embedded store, on a free port. */
async function startBot(dataFile: string): Promise<{ child: ChildProcess; url: string }> {
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    PORT: '0',
    LOCAL_DATA_FILE: dataFile,
    REMINDER_SWEEP_MINUTES: '0',
  };
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not listen within 20 s; it printed ${printed}`));
    }, 20_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const line = printed.split('\n').find((l) => l.includes('"bot.listening"'));
      if (!line) return;
      clearTimeout(timer);
      resolve(String((JSON.parse(line) as { url: string }).url));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before listening: ${printed}`));
    });
  });
  return { child, url };
}

describe('the embedded store (npm run bot) after kill -9', () => {
  let directory: string;
  let connector: CaptureConnector;
  let bot: ChildProcess | undefined;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sv-durable-'));
    connector = await CaptureConnector.start();
  });
  afterEach(async () => {
    bot?.kill('SIGKILL');
    await connector.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps every record and answer the officers were told was saved', async function () {
    this.timeout(40_000);
    const dataFile = join(directory, 'local-cosmos.json');
    const started = await startBot(dataFile);
    bot = started.child;
    const exited = new Promise<void>((resolve) => bot?.once('exit', () => resolve()));
    const client = new BotClient(started.url, connector);

    // What the officers saw saved: each record's reference, and its title once its first card was accepted.
    const created = new Set<string>();
    const titled = new Map<string, string>();
    let acknowledged = 0;
    let killed = false;
    const acknowledge = () => {
      acknowledged += 1;
      if (acknowledged >= KILL_AFTER && !killed) {
        killed = true;
        bot?.kill('SIGKILL');
      }
    };
    const until = Date.now() + BURST_MS;
    const officer = async (n: number) => {
      const person: Person = {
        tenantId: 'tenant-durable',
        userId: `officer-${n}`,
        name: `Officer ${n}`,
      };
      for (let save = 0; save < MAX_SAVES_EACH && !killed && Date.now() < until; save += 1) {
        try {
          // After the first, "new another": a plain "new" offers the unfinished draft instead.
          const shown = await client.say(person, save === 0 ? 'new' : 'new another');
          const reference = String(action(shown.card, 'Continue').data.reference);
          created.add(reference);
          acknowledge();
          const title = `Contract ${n}-${save}`;
          await client.execute(person, shown.card, 'Continue', { ...typical.basics, title });
          titled.set(reference, title);
          acknowledge();
        } catch (error) {
          // Only the kill may stop a save: anything else is a failure of the test's own turns.
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: OFFICERS }, (_, n) => officer(n)));
    assert.ok(killed, `the burst ended before ${KILL_AFTER} saves were acknowledged`);
    await exited;
    bot = undefined;

    // Started again on the same file, the store holds every acknowledged save.
    const local = await startLocalCosmos({ dataFile });
    const reader = new CosmosClient({
      endpoint: local.endpoint,
      key: local.key,
      connectionPolicy: LOCAL_CONNECTION_POLICY,
    });
    try {
      const { resources } = await reader
        .database('social-value')
        .container(CONTAINERS.records.id)
        .items.query<{ id: string; title: string }>(
          "SELECT c.id, c.title FROM c WHERE c.kind = 'record'",
        )
        .fetchAll();
      const stored = new Map(resources.map((r) => [r.id, r.title]));
      const lost = [...created].filter((reference) => !stored.has(reference));
      assert.deepEqual(lost, [], `${lost.length} of ${created.size} acknowledged records lost`);
      const untitled = [...titled].filter(([reference, title]) => stored.get(reference) !== title);
      assert.deepEqual(
        untitled,
        [],
        `${untitled.length} of ${titled.size} acknowledged answers lost`,
      );
    } finally {
      reader.dispose();
      await local.close();
    }
  });
});
