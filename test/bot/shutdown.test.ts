import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger, silentLogger } from '../../bot/log.js';
import { BotClient } from '../support/bot-client.js';
import { cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';

describe('stopping the bot', function () {
  this.timeout(20_000);

  afterEach(() => sinon.restore());

  it('stops taking requests but finishes the turn in flight, then closes', async () => {
    const connector = await CaptureConnector.start();
    const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0' }), {
      logger: silentLogger,
    });
    const bot = new BotClient(app.url, connector);
    const { owner } = freshTenant('shutdown');
    const { card } = await bot.say(owner, 'new');
    // Hold the next read back, so that the stop arrives while a turn is working.
    const read = app.records.get.bind(app.records);
    let turnStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      turnStarted = resolve;
    });
    sinon.stub(app.records, 'get').callsFake(async (...args) => {
      turnStarted();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return read(...args);
    });

    const inFlight = bot.execute(owner, card, 'Continue', { title: 'Cleaning' });
    await started;
    const closed = app.close();
    const answer = await inFlight;
    await closed;

    assert.equal(cardTitle(answer), 'About the contract', 'the turn in flight got its answer');
    await assert.rejects(
      fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(2_000) }),
      'no request is taken after the stop',
    );
    await connector.close();
  });

  it('writes each log line of a request with its request and activity ids, and no names', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger((line) => lines.push(JSON.parse(line)));
    const connector = await CaptureConnector.start();
    const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0' }), { logger });
    try {
      const bot = new BotClient(app.url, connector);
      const { owner } = freshTenant('logs');
      await bot.say(owner, 'new');
      const created = lines.find((line) => line.event === 'record.created');
      assert.ok(created, 'the new record is logged');
      assert.match(String(created.request), /^[0-9a-f-]{36}$/);
      assert.match(String(created.activity), /^in-/);
      const all = JSON.stringify(lines);
      assert.ok(!all.includes(owner.name), 'no user name in the logs');
    } finally {
      await app.close();
      await connector.close();
    }
  });
});
