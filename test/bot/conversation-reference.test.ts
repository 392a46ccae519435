import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { createLogger } from '../../bot/log.js';
import { ActivityBuilder } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { cardText, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';
import { startBot, TestClock } from './post-award-support.js';

const NOW = '2026-06-02T08:30:00Z';
type Reference = Parameters<App['conversations']['remember']>[2];

/** The events of the log lines written. */
const eventsIn = (lines: string[]): string[] =>
  lines.map((line) => String((JSON.parse(line) as { event?: unknown }).event));

describe('a conversation reference that cannot be read back', function () {
  this.timeout(20_000);
  const clock = new TestClock(NOW);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  let logs: string[];

  beforeEach(async () => {
    connector = await CaptureConnector.start();
    logs = [];
    app = await startBot(clock, {}, { logger: createLogger((line) => logs.push(line)) });
    bot = new BotClient(app.url, connector);
  });

  afterEach(async () => {
    await app.close();
    await connector.close();
  });

  /** What "reminders on" answers: the card's title and text. */
  async function remindersOn(owner: Parameters<BotClient['say']>[0]): Promise<string> {
    const { card } = await bot.say(owner, 'reminders on');
    return `${cardTitle(card)}: ${cardText(card)}`;
  }

  it('is never stored from an activity whose conversation id is not text', async () => {
    const { owner } = freshTenant('bad-conversation-id');
    await bot.send(bot.activities.installationUpdate(owner));
    const message = bot.activities.message(owner, 'help');
    const malformed = { ...message, conversation: { ...message.conversation, id: 42 } };
    const answer = await bot.post(malformed as unknown as typeof message);

    // The person's reminders work as before the malformed activity.
    assert.match(await remindersOn(owner), /^Reminders on: /);
    const saved = await app.conversations.get(owner.tenantId, owner.userId);
    assert.equal(saved?.reference.conversation?.id, ActivityBuilder.personalChat(owner));
    await bot.say(owner, 'help');
    assert.ok(!eventsIn(logs).includes('conversation.save_failed'), 'a save failed');
    assert.equal(answer.status, 400, 'a malformed activity is a bad request');
  });

  it('stored before the check, is replaced by the next good message, keeping "reminders off"', async () => {
    const { owner } = freshTenant('unreadable-reference');
    // As a malformed activity left it before references were checked.
    await app.store.containers.conversations.items.create({
      id: owner.userId,
      tenantId: owner.tenantId,
      kind: 'conversation',
      reference: { serviceUrl: connector.url, conversation: { id: 42 } },
      active: true,
      remindersOn: false,
      updatedAt: clock.now().toISOString(),
    });
    assert.equal(await app.conversations.get(owner.tenantId, owner.userId), undefined);

    await bot.say(owner, 'help');
    const mended = await app.conversations.get(owner.tenantId, owner.userId);
    assert.equal(mended?.reference.conversation?.id, ActivityBuilder.personalChat(owner));
    assert.equal(mended?.remindersOn, false, 'the person had turned reminders off');
    assert.match(await remindersOn(owner), /^Reminders on: /);
    assert.equal((await app.conversations.get(owner.tenantId, owner.userId))?.remindersOn, true);
    assert.ok(!eventsIn(logs).includes('conversation.save_failed'), 'a save failed');
  });

  it('is refused by the store itself, which keeps the one it had', async () => {
    const { owner } = freshTenant('store-refuses');
    await bot.send(bot.activities.installationUpdate(owner));
    await assert.rejects(
      app.conversations.remember(
        owner.tenantId,
        owner.userId,
        // What a malformed activity would give: a conversation id that is not text.
        { serviceUrl: connector.url, conversation: { id: 42 } } as unknown as Reference,
        clock.now(),
        { recheck: true },
      ),
      /not saved/,
    );
    const kept = await app.conversations.get(owner.tenantId, owner.userId);
    assert.equal(kept?.reference.conversation?.id, ActivityBuilder.personalChat(owner));
  });
});
