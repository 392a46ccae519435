import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { PacedSender, type SenderOptions } from '../../bot/reminders/paced-sender.js';
import { ActivityBuilder } from '../support/activities.js';
import { freshTenant } from '../support/officer.js';
import { type ConnectorOptions, RateLimitedConnector } from '../support/rate-limited-connector.js';
import {
  SECRET,
  saveReference,
  seedAwardedRecord,
  startBot,
  sweep,
  TestClock,
} from './post-award-support.js';

const NOW = '2026-06-02T08:30:00Z';
/** Awarded 1 March 2026 for 24 months: stages 11 and 12 fell due on 1 June 2026. */
const AWARD = { awardDate: '2026-03-01', months: 24 } as const;

/** The paced sender as the bot uses it, counting each send it makes (a spy on its deliveries). */
class CountingSender extends PacedSender {
  attempts = 0;

  override send(
    target: { conversation: string; tenant: string },
    deliver: () => Promise<void>,
  ): ReturnType<PacedSender['send']> {
    return super.send(target, () => {
      this.attempts += 1;
      return deliver();
    });
  }
}

/** Every request the connector answered, whatever it answered. */
const requestsTo = (connector: RateLimitedConnector): number =>
  [...connector.answers.values()].reduce((sum, n) => sum + n, 0);

describe('proactive sends: the pacer owns every retry', function () {
  this.timeout(30_000);
  const clock = new TestClock(NOW);
  let limited: RateLimitedConnector | undefined;
  let app: App | undefined;

  afterEach(async () => {
    await app?.close();
    await limited?.close();
    app = undefined;
    limited = undefined;
  });

  /** A connector with the Teams limits and these faults; one officer owed `records` x 2 reminders. */
  async function start(
    options: ConnectorOptions,
    sender: CountingSender,
    records: number,
  ): Promise<App> {
    clock.set(NOW);
    limited = await RateLimitedConnector.start(options);
    app = await startBot(clock, { REMINDERS_SECRET: SECRET }, { sender });
    const { owner } = freshTenant('retries');
    const activities = new ActivityBuilder({ serviceUrl: limited.url });
    await saveReference(app, owner, activities.message(owner, 'hello'), clock.now());
    for (let n = 0; n < records; n += 1) {
      await seedAwardedRecord(app, owner, { title: `Contract ${n + 1}`, ...AWARD, at: NOW });
    }
    return app;
  }

  for (const status of [502, 504]) {
    it(`on a ${status}, each retry reaches the connector once, as a send the pacer made`, async () => {
      const sender = new CountingSender({ baseDelayMs: 5 });
      const started = await start({ faults: { status, count: 2 } }, sender, 1);
      const report = await sweep(started);
      assert.equal(report.sent, 2);
      assert.equal(limited?.count(status), 2, `two answered ${status}`);
      assert.equal(limited?.delivered.length, 2, 'each reminder delivered once');
      assert.equal(requestsTo(limited as RateLimitedConnector), sender.attempts);
      assert.equal(sender.attempts, 4, 'two failed tries and two deliveries');
    });
  }

  it('on a 429, each retry reaches the connector once, as a send the pacer made', async () => {
    // Pacing loose enough to run into the conversation's 7 a second.
    const loose: SenderOptions = {
      conversationWindows: [{ limit: 10_000, ms: 1_000 }],
      tenantWindows: [{ limit: 10_000, ms: 1_000 }],
      baseDelayMs: 5,
    };
    const sender = new CountingSender(loose);
    const started = await start({}, sender, 5);
    const report = await sweep(started);
    assert.equal(report.sent, 10);
    assert.ok((limited?.count(429) ?? 0) > 0, 'the connector should have throttled the sender');
    assert.equal(limited?.delivered.length, 10, 'each reminder delivered once');
    assert.equal(requestsTo(limited as RateLimitedConnector), sender.attempts);
  });
});
