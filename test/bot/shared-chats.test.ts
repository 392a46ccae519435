import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { App } from '../../bot/app.js';
import { MAX_MESSAGE_CHARACTERS } from '../../bot/conversation/command-text.js';
import { ActivityBuilder, type Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { type CardJson, cardOf, cardText, cardTitle, press } from '../support/cards.js';
import { CaptureConnector, type Captured } from '../support/connector.js';
import { freshTenant, officerAnswers } from '../support/officer.js';
import {
  completeRecord,
  newRecord,
  setAward,
  startBot,
  storedRecord,
  TestClock,
} from './post-award-support.js';

const NOW = '2026-06-02T08:30:00Z';
const LEAD_ID = 'procurement-lead';
const CHANNEL = '19:general@thread.tacv2';

/** The activity as it would come from a team channel rather than the person's own chat. */
function inChannel(activity: Partial<Activity>): Partial<Activity> {
  return {
    ...activity,
    conversation: {
      id: `${CHANNEL};messageid=1`,
      tenantId: activity.conversation?.tenantId ?? '',
      isGroup: true,
      name: '',
      conversationType: 'channel',
    },
  };
}

const messagesIn = (captured: Captured[], conversationId: string) =>
  captured.filter(
    (c) =>
      c.method === 'POST' && c.activity.type === 'message' && c.conversationId === conversationId,
  );

/** Every word the activities would show: their text and their cards' text. */
const shownText = (captured: Captured[]): string =>
  captured
    .map((c) =>
      [
        c.activity.text ?? '',
        c.activity.attachments?.length ? cardText(cardOf(c.activity)) : '',
      ].join('\n'),
    )
    .join('\n');

describe('records in shared chats, and who may press a card', function () {
  this.timeout(20_000);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  const clock = new TestClock(NOW);

  before(async () => {
    connector = await CaptureConnector.start();
    app = await startBot(clock, { PROCUREMENT_LEAD_IDS: LEAD_ID });
    bot = new BotClient(app.url, connector);
  });

  after(async () => {
    await app.close();
    await connector.close();
  });

  /** Posts one activity and waits until the bot has answered it; returns all it sent meanwhile. */
  async function exchange(activity: Partial<Activity>): Promise<Captured[]> {
    const mark = connector.mark();
    const reply = await bot.post(activity);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    // Typing indicators left out: they show nothing.
    return connector.since(mark).filter((c) => c.activity.type !== 'typing');
  }

  describe('record commands typed in a channel', () => {
    it('answer in the one-to-one chat, leaving only a short note in the channel', async () => {
      const { owner } = freshTenant('channel-list');
      const reference = await newRecord(bot, owner);
      const sent = await exchange(bot.activities.channelMention(owner, 'list', CHANNEL));

      const channel = messagesIn(sent, `${CHANNEL};messageid=1`);
      assert.equal(channel.length, 1);
      assert.match(channel[0]?.activity.text ?? '', /answered you in our one-to-one chat/);
      assert.doesNotMatch(shownText(channel), new RegExp(`${reference}|Custody healthcare`));

      const personal = messagesIn(sent, ActivityBuilder.personalChat(owner));
      assert.equal(personal.length, 1);
      const card = cardOf(personal[0]?.activity);
      assert.match(cardText(card), new RegExp(reference));
      assert.match(cardText(card), /Custody healthcare/);
    });

    it('say how to open a one-to-one chat when the person has none with the bot', async () => {
      const { owner, colleague } = freshTenant('channel-none');
      await newRecord(bot, owner);
      for (const command of [
        'list',
        'open SV-2026-0001',
        'stages SV-2026-0001',
        'due',
        'rate SV-2026-0001',
        'suppliers',
        'new',
      ]) {
        const sent = await exchange(bot.activities.channelMention(colleague, command, CHANNEL));
        assert.equal(sent.length, 1, command);
        assert.equal(sent[0]?.conversationId, `${CHANNEL};messageid=1`, command);
        assert.match(
          sent[0]?.activity.text ?? '',
          /only in a one-to-one chat.*choose Chat/,
          command,
        );
      }
    });

    it('still answer help and thresholds where they were asked', async () => {
      const { owner } = freshTenant('channel-help');
      const sent = await exchange(
        bot.activities.channelMention(owner, 'thresholds services 250k', CHANNEL),
      );
      assert.equal(messagesIn(sent, `${CHANNEL};messageid=1`).length, 1);
      assert.match(cardText(cardOf(sent[0]?.activity)), /£250,000/);
    });
  });

  describe("a button on someone else's card in a channel", () => {
    /** The owner's wizard card, as it would stand in a channel. */
    async function ownersCard(owner: Person): Promise<{ reference: string; card: CardJson }> {
      const { card } = await bot.say(owner, 'new');
      const reference = /(SV-\d{4}-\d{4,})/.exec(cardText(card))?.[1];
      assert.ok(reference);
      return { reference, card };
    }

    it('with Action.Execute, leaves the card as it was and tells the presser alone', async () => {
      const { owner, colleague } = freshTenant('channel-execute');
      const { reference, card } = await ownersCard(owner);
      const before = await storedRecord(app, owner, reference);
      const { verb, data } = press(card, 'Continue', officerAnswers.basics);
      const mark = connector.mark();
      const reply = await bot.post(inChannel(bot.activities.execute(colleague, verb, data)));
      assert.equal(reply.status, 200);
      const body = reply.body as { type?: string; value?: unknown };
      assert.equal(
        body.type,
        'application/vnd.microsoft.activity.message',
        'no card replaces the owner’s',
      );
      assert.match(String(body.value), new RegExp(`Only the people working on ${reference}`));
      assert.deepEqual(connector.since(mark), [], 'nothing is posted or updated in the channel');
      assert.deepEqual(await storedRecord(app, owner, reference), before);
    });

    it('with Action.Submit, never writes over the card; the refusal goes to the presser’s own chat', async () => {
      const { owner, colleague } = freshTenant('channel-submit');
      const { reference, card } = await ownersCard(owner);
      const before = await storedRecord(app, owner, reference);
      await bot.say(colleague, 'help'); // the colleague's own chat with the bot, known from now on
      const { data } = press(card, 'Continue', officerAnswers.basics);
      const sent = await exchange(
        inChannel(bot.activities.submit(colleague, data, 'channel-card-1')),
      );

      assert.deepEqual(
        sent.filter((c) => c.method === 'PUT'),
        [],
        'the owner’s card is not updated',
      );
      const personal = messagesIn(sent, ActivityBuilder.personalChat(colleague));
      assert.equal(personal.length, 1);
      assert.match(
        cardText(cardOf(personal[0]?.activity)),
        new RegExp(`Only the people working on ${reference}`),
      );
      const channel = messagesIn(sent, `${CHANNEL};messageid=1`);
      assert.doesNotMatch(shownText(channel), /Record not found/);
      assert.deepEqual(await storedRecord(app, owner, reference), before);
    });

    it('still works for the owner, in place', async () => {
      const { owner } = freshTenant('channel-owner');
      const { reference, card } = await ownersCard(owner);
      const { verb, data } = press(card, 'Continue', officerAnswers.basics);
      const reply = await bot.post(inChannel(bot.activities.execute(owner, verb, data)));
      const body = reply.body as { type?: string; value?: CardJson };
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
      assert.ok(body.value);
      assert.equal(cardTitle(body.value), 'Why, and who to consult');
      assert.equal((await storedRecord(app, owner, reference)).title, 'Custody healthcare');
    });
  });

  describe('suppliers', () => {
    it('lists only the suppliers of records the viewer may open', async () => {
      const { owner, colleague, lead } = freshTenant('suppliers-access');
      // Finished, since a supplier is rated only on a complete, awarded record.
      const reference = await completeRecord(bot, owner);
      await setAward(bot, owner, reference, {
        awardDate: '2026-04-15',
        months: 24,
        supplier: 'Acme Care Ltd',
      });
      const { card: rating } = await bot.say(owner, `rate ${reference}`);
      const rated = await bot.execute(owner, rating, 'Rate the supplier', {
        ratingSupplier: 'Acme Care Ltd',
        rating_relationship: 'gold',
        rating_performance: 'gold',
        rating_collaboration: 'gold',
        'rating_review-boards': 'gold',
        rating_behaviour: 'gold',
        'rating_social-value-outputs': 'gold',
        ratingEvidence: 'Contract review',
      });
      assert.match(cardText(rated), /Gold/);

      const seenBy = async (person: Person) => cardText((await bot.say(person, 'suppliers')).card);
      assert.match(await seenBy(owner), /Acme Care Ltd/);
      assert.match(await seenBy(lead), /Acme Care Ltd/);
      const stranger = await seenBy(colleague);
      assert.doesNotMatch(stranger, new RegExp(`Acme Care Ltd|${reference}`));
      assert.equal(
        cardTitle((await bot.say(colleague, `open ${reference}`)).card),
        'Record not found',
      );
    });
  });

  describe('procurement leads', () => {
    it('are known by their Entra object id alone, never by a channel id anyone can type', async () => {
      const { owner, tenantId } = freshTenant('lead-spoof');
      const reference = await newRecord(bot, owner);
      const spoofs: Partial<Activity>[] = [
        // A channel id equal to the lead's, with another Entra id.
        {
          ...bot.activities.message({ tenantId, userId: 'someone', name: 'S' }, 'list'),
          from: { id: LEAD_ID, aadObjectId: 'someone', name: 'S' },
        },
        // A channel id equal to the lead's, and no Entra id at all.
        {
          ...bot.activities.message({ tenantId, userId: 'someone', name: 'S' }, 'list'),
          from: { id: LEAD_ID, name: 'S' },
        },
      ];
      for (const activity of spoofs) {
        const replies = await bot.send(activity);
        assert.equal(replies.length, 1);
        assert.doesNotMatch(cardText(cardOf(replies[0]?.activity)), new RegExp(reference));
      }
      const lead = await bot.say({ tenantId, userId: LEAD_ID, name: 'Priya' }, 'list');
      assert.match(cardText(lead.card), new RegExp(reference));
    });
  });

  describe('what a message can hold', () => {
    it(`answers a message over ${MAX_MESSAGE_CHARACTERS.toLocaleString('en-GB')} characters politely, without reading it`, async () => {
      const { owner } = freshTenant('too-long');
      const { card } = await bot.say(owner, '<'.repeat(244_000));
      assert.equal(cardTitle(card), 'That message is too long');
      assert.match(cardText(card), /up to 28,000 characters/);
    });

    it('reads a command after a long run of "<" at the limit', async () => {
      const { owner } = freshTenant('many-lt');
      const text = `help ${'<'.repeat(MAX_MESSAGE_CHARACTERS - 5)}`;
      const { card } = await bot.say(owner, text);
      assert.equal(cardTitle(card), 'What I can do');
    });

    it('refuses a verb that is not one of its buttons, even with a real record and revision', async () => {
      const { owner } = freshTenant('unknown-verb');
      const { card } = await bot.say(owner, 'new');
      const { data } = press(card, 'Continue', officerAnswers.basics);
      const before = await storedRecord(app, owner, String(data.reference));
      // Before, any verb the bot did not know went to the wizard, which read it as a step.
      for (const verb of ['wizard.nextt', 'stage.delete', 'toString', '__proto__']) {
        const shown = await bot.executeData(owner, verb, { ...data, verb });
        assert.equal(cardTitle(shown), 'I could not read that button', verb);
      }
      assert.deepEqual(await storedRecord(app, owner, String(data.reference)), before);
    });

    it('calls a payload that is not a button of ours unreadable, not a question of who you are', async () => {
      const { owner } = freshTenant('bad-button');
      const submitted = await bot.send(bot.activities.submit(owner, { nonsense: 1 }));
      assert.equal(cardTitle(cardOf(submitted[0]?.activity)), 'I could not read that button');
      const invoke = {
        ...bot.activities.execute(owner, 'x', {}),
        value: { action: { type: 'Action.Execute', data: 'text' } },
      };
      const reply = await bot.post(invoke);
      assert.equal(reply.status, 200);
      const value = (reply.body as { value?: CardJson }).value;
      assert.ok(value);
      assert.equal(cardTitle(value), 'I could not read that button');
    });
  });
});
