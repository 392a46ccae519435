import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type App, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { BotClient } from '../support/bot-client.js';
import { cardText, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const FORCE_NAME = 'Westshire Police Social Value Policy';
/** The day the bot runs on: the 2026 row of regulated thresholds is in force. */
const clock = () => new Date('2026-11-25T10:00:00Z');

/** What a force does: export the built-in pack with the real command, then edit the file. */
async function exportedPack(dir: string): Promise<{ file: string; pack: PolicyPack }> {
  const file = join(dir, 'my-force.json');
  await run(process.execPath, ['--import', 'tsx', 'cli/pack.ts', 'export', '--out', file], {
    cwd: ROOT,
  });
  return { file, pack: JSON.parse(await readFile(file, 'utf8')) as PolicyPack };
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts a command as a child process with only these settings, and waits for it to end. */
function runToExit(script: string, settings: Record<string, string>): Promise<Exit> {
  const env: Record<string, string> = { ...settings };
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within 20 s: ${stdout}${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe("the bot under a force's own pack (POLICY_PACK_FILE)", function () {
  this.timeout(30_000);
  let dir: string;
  let connector: CaptureConnector;
  before(async () => {
    connector = await CaptureConnector.start();
  });
  after(async () => {
    await connector.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sv-pack-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function start(settings: Record<string, string>): Promise<App> {
    return startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', ...settings }), {
      logger: silentLogger,
      clock,
    });
  }

  it("names the force's pack and uses its thresholds", async () => {
    const { file, pack } = await exportedPack(dir);
    pack.name = FORCE_NAME;
    pack.version = 'westshire-1.0';
    const row = pack.regulated.rows.at(-1);
    assert.ok(row);
    row.goodsAndServices = 300_000;
    await writeFile(file, JSON.stringify(pack, null, 2), 'utf8');

    const app = await start({ POLICY_PACK_FILE: file });
    try {
      const bot = new BotClient(app.url, connector);
      const { owner } = freshTenant('pack-file');
      const policy = cardText((await bot.say(owner, 'policy')).card);
      assert.match(policy, new RegExp(`^Policy: ${FORCE_NAME}$`, 'm'));
      assert.match(policy, /^Version in force: westshire-1\.0$/m);

      const card = (await bot.say(owner, 'thresholds services 250k')).card;
      assert.equal(cardTitle(card), 'Thresholds: services, £250,000');
      assert.match(cardText(card), /^Regulated: No: below £300,000 \(goods and services\)$/m);
      assert.doesNotMatch(cardText(card), /207,720/);
    } finally {
      await app.close();
    }
  });

  it("uses the pack's review date unless POLICY_REVIEW_DUE overrides it", async () => {
    const { file, pack } = await exportedPack(dir);
    await writeFile(file, JSON.stringify({ ...pack, reviewDue: '2099-04-01' }), 'utf8');
    const { owner } = freshTenant('pack-review');

    const fromPack = await start({ POLICY_PACK_FILE: file });
    try {
      const text = cardText(
        (await new BotClient(fromPack.url, connector).say(owner, 'policy')).card,
      );
      assert.match(text, /^Review due: 1 April 2099$/m);
    } finally {
      await fromPack.close();
    }
    const overridden = await start({ POLICY_PACK_FILE: file, POLICY_REVIEW_DUE: '2099-09-30' });
    try {
      const text = cardText(
        (await new BotClient(overridden.url, connector).say(owner, 'policy')).card,
      );
      assert.match(text, /^Review due: 30 September 2099$/m);
    } finally {
      await overridden.close();
    }
  });

  describe('a bad pack file stops start-up, with nothing listening', () => {
    async function brokenPack(): Promise<string> {
      const { file, pack } = await exportedPack(dir);
      const row = pack.regulated.rows[0];
      const stage = pack.stages[3];
      assert.ok(row && stage);
      row.works = -1; // a negative threshold
      stage.citation = 'Fig 9'; // a citation that does not resolve
      (pack as { name?: string }).name = undefined; // a required field left out
      await writeFile(file, JSON.stringify(pack), 'utf8');
      return file;
    }

    const EXPECTED_LINES = [
      '  name is missing: add it (text in quotes)',
      '  regulated.rows.0.works must not be negative',
      '  stages.3.citation cites "Fig 9", which is neither a paragraph of the policy nor a listed source',
    ];

    for (const [label, script] of [
      ['npm run bot', 'bot/index.ts'],
      ['npm start', 'bot/local/start.ts'],
    ] as const) {
      it(`${label}: exits non-zero, printing every problem by field path, and never listens`, async () => {
        const file = await brokenPack();
        const dataFile = join(dir, 'data', 'local-cosmos.json');
        const out = await runToExit(script, {
          NODE_ENV: 'development',
          PORT: '0',
          PLAYGROUND_PORT: '0',
          REMINDER_SWEEP_MINUTES: '0',
          LOCAL_DATA_FILE: dataFile,
          POLICY_PACK_FILE: file,
        });
        assert.equal(out.code, 78, out.stderr);
        assert.ok(
          out.stderr.startsWith(
            `The bot cannot start: the policy pack ${file} (POLICY_PACK_FILE) has 3 problems`,
          ),
          out.stderr,
        );
        assert.deepEqual(
          out.stderr.split('\n').filter((line) => line.startsWith('  ')),
          EXPECTED_LINES,
        );
        assert.doesNotMatch(out.stdout + out.stderr, /bot\.listening|Open http/);
        assert.equal(await exists(dirname(dataFile)), false, 'no embedded database was started');
      });
    }

    it('a missing file is named, with what to check', async () => {
      const file = join(dir, 'no-such-pack.json');
      const out = await runToExit('bot/index.ts', {
        NODE_ENV: 'development',
        PORT: '0',
        POLICY_PACK_FILE: file,
      });
      assert.equal(out.code, 78);
      assert.match(
        out.stderr,
        new RegExp(
          `the policy pack ${file.replaceAll('/', '\\/')} \\(POLICY_PACK_FILE\\) has a problem`,
        ),
      );
      assert.match(
        out.stderr,
        /^ {2}\(file\) cannot be read: there is no such file; check the path$/m,
      );
      assert.doesNotMatch(out.stdout + out.stderr, /bot\.listening/);
    });
  });
});
