import assert from 'node:assert/strict';
import sinon from 'sinon';
import { type App, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import { PacedSender } from '../../bot/reminders/paced-sender.js';
import { BotClient } from '../support/bot-client.js';
import { cardOf, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';
import { newRecord, setAward } from './post-award-support.js';

/**
 * The in-process sweep on a sinon fake clock: Date and the interval timer are faked (the
 * sockets' own timers are not, so HTTP runs as usual), and the bot reads the faked Date.
 */
describe('the in-process reminder sweep (sinon fake clock)', function () {
  this.timeout(20_000);
  let clock: sinon.SinonFakeTimers;
  let app: App;
  let connector: CaptureConnector;

  beforeEach(async () => {
    clock = sinon.useFakeTimers({
      now: Date.parse('2026-03-01T09:00:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
    connector = await CaptureConnector.start();
    app = await startApp(
      loadConfig({ NODE_ENV: 'test', PORT: '0', REMINDER_SWEEP_MINUTES: '15' }),
      {
        logger: silentLogger,
        sender: new PacedSender({
          conversationWindows: [{ limit: 1_000, ms: 1_000 }],
          baseDelayMs: 5,
        }),
      },
    );
  });

  afterEach(async () => {
    await app.close();
    await connector.close();
    clock.restore();
  });

  const reminders = () =>
    connector.received.filter(
      (c) =>
        c.method === 'POST' &&
        Boolean(c.activity.attachments) &&
        cardTitle(cardOf(c.activity)).startsWith('Reminder:'),
    );

  it('sends nothing before the due date, then reminds at the first sweep after it, once', async () => {
    const bot = new BotClient(app.url, connector);
    const { owner } = freshTenant('timer');
    const reference = await newRecord(bot, owner);
    await setAward(bot, owner, reference, { awardDate: '2026-03-01', months: 24 });

    // A day before stages 11 and 12 fall due (1 June): a sweep runs and sends nothing.
    clock.setSystemTime(Date.parse('2026-05-31T09:00:00Z'));
    await clock.tickAsync(15 * 60_000);
    await app.reminders.idle();
    assert.equal(reminders().length, 0);

    // The due date: the next tick of the timer sweeps and sends both, once.
    clock.setSystemTime(Date.parse('2026-06-01T09:00:00Z'));
    await clock.tickAsync(15 * 60_000);
    await app.reminders.idle();
    await connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        Boolean(c.activity.attachments) &&
        cardTitle(cardOf(c.activity)) === 'Reminder: stage 12 is due on 1 June 2026',
      { timeoutMs: 5_000 },
    );
    assert.deepEqual(
      reminders()
        .map((c) => cardTitle(cardOf(c.activity)))
        .sort(),
      ['Reminder: stage 11 is due on 1 June 2026', 'Reminder: stage 12 is due on 1 June 2026'],
    );

    // Later sweeps do not send them again.
    await clock.tickAsync(2 * 15 * 60_000);
    await app.reminders.idle();
    assert.equal(reminders().length, 2);
  });

  it('stops sweeping when the bot stops', async () => {
    const running = sinon.spy(app.reminders, 'run');
    await clock.tickAsync(15 * 60_000);
    assert.equal(running.callCount, 1);
    await app.close();
    await clock.tickAsync(3 * 15 * 60_000);
    assert.equal(running.callCount, 1, 'no sweep after the stop');
  });
});
