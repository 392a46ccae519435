import assert from 'node:assert/strict';
import { type App, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { BotClient } from '../support/bot-client.js';
import { cardText, cardTitle } from '../support/cards.js';
import { CaptureConnector, type Refusal } from '../support/connector.js';
import { freshTenant, STEP_TITLES } from '../support/officer.js';

/** Polls (bounded) until the condition holds; false if it never did. */
async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** The log lines of one event. */
const events = (lines: string[], event: string): Record<string, unknown>[] =>
  lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.event === event);

describe('a typing indicator the connector refuses', function () {
  this.timeout(20_000);
  let connector: CaptureConnector | undefined;
  let app: App | undefined;
  /** Rejections nothing handled: each would have ended `npm run bot`. */
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(() => {
    process.on('unhandledRejection', onUnhandled);
  });

  after(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  afterEach(async () => {
    await app?.close();
    await connector?.close();
    app = undefined;
    connector = undefined;
    unhandled.length = 0;
  });

  const cases: [string, Refusal][] = [
    ['429 at once', { status: 429 }],
    ['429 300 ms late, after the turn', { status: 429, delayMs: 300 }],
    ['400', { status: 400 }],
    ['500', { status: 500 }],
  ];
  for (const [name, refusal] of cases) {
    it(`answered ${name}, answers each "new" with its record and stays up`, async () => {
      connector = await CaptureConnector.start({
        refuse: (activity) => (activity.type === 'typing' ? refusal : undefined),
      });
      const logs: string[] = [];
      app = await startApp(
        loadConfig({ NODE_ENV: 'test', PORT: '0', REMINDER_SWEEP_MINUTES: '0' }),
        { logger: createLogger((line) => logs.push(line)) },
      );
      const bot = new BotClient(app.url, connector);
      const { owner } = freshTenant(`typing-${refusal.status}`);

      const references: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        // Exactly one reply each: the new record's first card, not an apology.
        // `new another`: the owner's earlier records are unfinished, and plain `new` offers them.
        const { card } = await bot.say(owner, 'new another');
        assert.equal(cardTitle(card), STEP_TITLES.basics);
        assert.doesNotMatch(cardText(card), /went wrong/);
        references.push(/SV-\d{4}-\d{4,}/.exec(cardText(card))?.[0] ?? '');
      }
      assert.equal(new Set(references).size, 5, `five records: ${references.join(', ')}`);
      const { resources } = await app.store.containers.records.items
        .query({
          query: "SELECT c.id FROM c WHERE c.tenantId = @tenant AND c.kind = 'record'",
          parameters: [{ name: '@tenant', value: owner.tenantId }],
        })
        .fetchAll();
      assert.deepEqual(resources.map((r) => r.id).sort(), [...references].sort());

      // Each refused typing indicator is logged and goes no further (the late ones too).
      const typingSent = () =>
        (connector?.received ?? []).filter((c) => c.activity.type === 'typing');
      const handled = await until(
        () => unhandled.length > 0 || events(logs, 'typing.failed').length >= typingSent().length,
        5_000,
      );
      assert.deepEqual(unhandled.map(String), [], 'a failed typing indicator went unhandled');
      assert.ok(handled, 'the refused typing indicators were never logged');
      assert.ok(typingSent().length >= 5, 'a typing indicator for each message');
      assert.ok(events(logs, 'typing.failed').every((line) => line.status === refusal.status));
      assert.deepEqual(events(logs, 'turn.error'), [], 'no turn failed');

      // Still serving.
      const { card } = await bot.say(owner, 'help');
      assert.doesNotMatch(cardText(card), /went wrong/);
    });
  }
});
