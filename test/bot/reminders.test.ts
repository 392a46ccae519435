import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { App } from '../../bot/app.js';
import { PacedSender } from '../../bot/reminders/paced-sender.js';
import { ActivityBuilder, type Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { actionsOf, type CardJson, cardOf, cardText, cardTitle, press } from '../support/cards.js';
import { CaptureConnector, type Captured } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';
import { type ConnectorOptions, RateLimitedConnector } from '../support/rate-limited-connector.js';
import {
  Gateway,
  newRecord,
  postActivity,
  type Report,
  referenceOf,
  runSweep,
  SECRET,
  saveReference,
  seedAwardedRecord,
  setAward,
  startBot,
  storedRecord,
  sweep,
  TestClock,
} from './post-award-support.js';

/** The day the tests run on, in the UK: Tuesday 2 June 2026. */
const NOW = '2026-06-02T08:30:00Z';
/** Awarded 1 March 2026 for 24 months: stages 11 and 12 fell due on 1 June 2026. */
const AWARD = { awardDate: '2026-03-01', months: 24 } as const;
const WITH_SECRET = { REMINDERS_SECRET: SECRET };
/** Pacing loose enough not to slow a test whose connector enforces no limit. */
const unpaced = (): PacedSender =>
  new PacedSender({
    conversationWindows: [{ limit: 10_000, ms: 1_000 }],
    tenantWindows: [{ limit: 10_000, ms: 1_000 }],
    baseDelayMs: 5,
  });

/** A reminder as it reached the chat: where, and its card. */
interface Reminder {
  conversationId: string;
  card: CardJson;
}

const isReminder = (card: CardJson): boolean => cardTitle(card).startsWith('Reminder:');

/** The reminders (proactive cards) among the calls a capture connector received. */
function remindersIn(captured: Captured[]): Reminder[] {
  return captured
    .filter((c) => c.method === 'POST' && c.activity.type === 'message' && c.activity.attachments)
    .map((c) => ({ conversationId: c.conversationId, card: cardOf(c.activity) }))
    .filter((r) => isReminder(r.card));
}

/** The reminders a rate-limited connector delivered. */
function remindersDelivered(connector: RateLimitedConnector): Reminder[] {
  return connector.delivered
    .filter((d) => Array.isArray(d.activity.attachments))
    .map((d) => ({
      conversationId: d.conversationId,
      card: cardOf(d.activity as Partial<Activity>),
    }))
    .filter((r) => isReminder(r.card));
}

/** What makes a reminder the same reminder: the chat, the record and the stage. */
function keyOf(reminder: Reminder): string {
  const facts = cardText(reminder.card).split('\n');
  const fact = (name: string) => facts.find((line) => line.startsWith(`${name}: `)) ?? '';
  return `${reminder.conversationId} | ${fact('Contract')} | ${fact('Stage')} | ${fact('Due')}`;
}

/** Fails unless every reminder arrived once, and returns how many arrived. */
function assertEachOnce(reminders: Reminder[]): number {
  const keys = reminders.map(keyOf);
  const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
  assert.deepEqual(twice, [], 'these reminders arrived more than once');
  return keys.length;
}

/** Waits for a promise, failing the test if it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const noneFailed = (report: Report) => {
  assert.equal(report.failed, 0, `the sweep reported failures: ${JSON.stringify(report)}`);
};

describe('stage reminders', function () {
  this.timeout(30_000);
  const clock = new TestClock(NOW);
  let connector: CaptureConnector;

  before(async () => {
    connector = await CaptureConnector.start();
  });

  beforeEach(() => {
    clock.set(NOW);
  });

  after(async () => {
    await connector.close();
  });

  describe('through the capture connector', () => {
    let app: App;
    let bot: BotClient;

    beforeEach(async () => {
      app = await startBot(clock, WITH_SECRET, { sender: unpaced() });
      bot = new BotClient(app.url, connector);
    });

    afterEach(async () => {
      await app.close();
    });

    /** The owner has the app installed and a record awarded on 1 March 2026: two reviews due. */
    async function dueRecord(tag: string): Promise<{ owner: Person; reference: string }> {
      const { owner } = freshTenant(tag);
      const welcome = await bot.send(bot.activities.installationUpdate(owner));
      assert.equal(welcome.length, 1, 'the app should welcome the person who installed it');
      const reference = await newRecord(bot, owner);
      await setAward(bot, owner, reference, AWARD);
      return { owner, reference };
    }

    /** Sweeps and returns the reminders that reached the chat. */
    async function sweepReminders(): Promise<{ report: Report; reminders: Reminder[] }> {
      const mark = connector.mark();
      const report = await sweep(app);
      noneFailed(report);
      return { report, reminders: remindersIn(connector.since(mark)) };
    }

    it('keeps the reference saved on install and follows a new serviceUrl from a message', async () => {
      const { owner } = freshTenant('reference');
      assert.equal(await app.conversations.get(owner.tenantId, owner.userId), undefined);
      await bot.send(bot.activities.installationUpdate(owner));
      const saved = await app.conversations.get(owner.tenantId, owner.userId);
      assert.equal(saved?.reference.serviceUrl, connector.url);
      assert.equal(saved?.reference.conversation?.id, ActivityBuilder.personalChat(owner));
      assert.equal(saved?.active, true);
      assert.equal(saved?.remindersOn, true);
      const reference = await newRecord(bot, owner);
      await setAward(bot, owner, reference, AWARD);

      // Teams moves the conversation to another region: the next message comes from elsewhere.
      const moved = await CaptureConnector.start();
      try {
        const movedBot = new BotClient(app.url, moved);
        await movedBot.say(owner, 'help');
        const refreshed = await app.conversations.get(owner.tenantId, owner.userId);
        assert.equal(refreshed?.reference.serviceUrl, moved.url);

        const oldMark = connector.mark();
        const report = await sweep(app);
        assert.equal(report.sent, 2);
        const arrived = remindersIn(moved.received);
        assert.equal(arrived.length, 2, 'the reminders should go to the new serviceUrl');
        assert.ok(arrived.every((r) => cardText(r.card).includes(`Contract: ${reference}`)));
        assert.deepEqual(remindersIn(connector.since(oldMark)), [], 'nothing to the old one');
      } finally {
        await moved.close();
      }
    });

    it('keeps reminders in the one-to-one chat: a message in a channel does not move them there', async () => {
      const { owner } = freshTenant('channel');
      await bot.send(bot.activities.installationUpdate(owner));
      await bot.send(bot.activities.channelMention(owner, 'help'));
      const saved = await app.conversations.get(owner.tenantId, owner.userId);
      assert.equal(saved?.reference.conversation?.id, ActivityBuilder.personalChat(owner));
    });

    it('runs a sweep only for a caller with the secret, and reports what it did', async () => {
      const refused = [
        await runSweep(app),
        await runSweep(app, ''),
        await runSweep(app, 'reminders-secret-for-tesTS'),
        await runSweep(app, 'short'),
      ];
      assert.deepEqual(
        refused.map((answer) => answer.status),
        [401, 401, 401, 401],
      );
      assert.deepEqual(refused[0]?.body, { error: 'unauthorised' });

      const answer = await runSweep(app, SECRET);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, {
        status: 'ok',
        report: {
          recordsFound: 0,
          sent: 0,
          claimedElsewhere: 0,
          heldBack: 0,
          failed: 0,
          forbidden: 0,
        },
      });

      const closed = await startBot(clock);
      try {
        const off = await runSweep(closed, SECRET);
        assert.equal(off.status, 404, 'with no secret configured the route is off');
      } finally {
        await closed.close();
      }
    });

    it('sends a due reminder naming the contract, stage, action and due date, and never twice', async () => {
      const { owner, reference } = await dueRecord('card');
      const { report, reminders } = await sweepReminders();
      assert.deepEqual(report, {
        recordsFound: 1,
        sent: 2,
        claimedElsewhere: 0,
        heldBack: 0,
        failed: 0,
        forbidden: 0,
      });
      assert.deepEqual(
        reminders.map((r) => r.conversationId),
        [ActivityBuilder.personalChat(owner), ActivityBuilder.personalChat(owner)],
      );
      const [eleven, twelve] = reminders.map((r) => r.card);
      assert.ok(eleven && twelve);
      assert.equal(cardTitle(eleven), 'Reminder: stage 11 is overdue since 1 June 2026');
      const text = cardText(eleven);
      assert.match(text, new RegExp(`^Contract: ${reference}: Custody healthcare$`, 'm'));
      assert.match(text, /^Stage: 11: Contract performance review and continuous improvement$/m);
      assert.match(text, /^Overdue since: 1 June 2026$/m);
      assert.match(text, /^Measure the value delivered\. _\(Fig 1 stage 11\)_$/m);
      assert.deepEqual(
        actionsOf(eleven).map((a) => a.title),
        // Stage 11 is the review the pack marks as measuring the value delivered.
        ['Mark done', 'Snooze 7 days', 'Record delivery', 'Open the record'],
      );
      assert.equal(cardTitle(twelve), 'Reminder: stage 12 is overdue since 1 June 2026');
      assert.match(
        cardText(twelve),
        /^Encourage further value and innovation\. _\(Fig 1 stage 12\)_$/m,
      );

      const record = await storedRecord(app, owner, reference);
      assert.deepEqual(
        record.history.filter((e) => e.action === 'reminder-sent').map((e) => e.changes[0]?.field),
        ['stage 11 reminder', 'stage 12 reminder'],
      );

      const again = await sweepReminders();
      assert.deepEqual(again.reminders, []);
      assert.equal(again.report.sent, 0);
      clock.advanceDays(1);
      assert.deepEqual((await sweepReminders()).reminders, [], 'nor the next day');
    });

    it('"Mark done" on a reminder moves the stage on, once; the next quarter brings the next', async () => {
      const { owner, reference } = await dueRecord('reminder-done');
      const { reminders } = await sweepReminders();
      const card = reminders
        .map((r) => r.card)
        .find((c) => cardTitle(c) === 'Reminder: stage 11 is overdue since 1 June 2026');
      assert.ok(card);

      const { verb, data } = press(card, 'Mark done', {
        stageNote_11: 'Reviewed the social value report with the supplier',
      });
      const done = await bot.executeData(owner, verb, data);
      assert.match(cardText(done), /^Stage 11 is marked done on 2 June 2026\.$/m);
      assert.deepEqual(
        actionsOf(done).map((a) => a.title),
        ['Record delivery', 'Open the record'],
      );
      let record = await storedRecord(app, owner, reference);
      let eleven = record.stages?.find((s) => s.number === 11);
      assert.equal(eleven?.due, '2026-09-01');
      assert.deepEqual(
        eleven?.completions.map((c) => [c.due, c.on, c.note]),
        [['2026-06-01', '2026-06-02', 'Reviewed the social value report with the supplier']],
      );

      const twice = await bot.executeData(owner, verb, data);
      assert.match(
        cardText(twice),
        /^That reminder is already dealt with: stage 11 has moved on\./m,
      );
      record = await storedRecord(app, owner, reference);
      eleven = record.stages?.find((s) => s.number === 11);
      assert.equal(eleven?.completions.length, 1);
      assert.equal(eleven?.due, '2026-09-01');

      const mark = connector.mark();
      await bot.pressCommand(owner, card, 'Open the record');
      const opened = await connector.waitFor((c) => c.activity.type === 'message', {
        after: mark,
        description: 'the record, below the reminder',
      });
      // Where the record stands: it is still on the wizard's second card.
      assert.equal(referenceOf(cardOf(opened.activity)), reference);
      assert.equal(cardTitle(cardOf(opened.activity)), 'Why, and who to consult');

      assert.deepEqual((await sweepReminders()).reminders, []);
      clock.set('2026-09-01T08:00:00Z');
      const next = (await sweepReminders()).reminders;
      assert.deepEqual(
        next.map((r) => cardTitle(r.card)),
        ['Reminder: stage 11 is due on 1 September 2026'],
        'due today: not overdue yet',
      );
      assert.match(cardText(next[0]?.card ?? {}), /^Due on: 1 September 2026$/m);
    });

    it('"Snooze 7 days" brings the reminder back seven days later, and not before', async () => {
      const { owner } = await dueRecord('snooze');
      const { reminders } = await sweepReminders();
      const card = reminders
        .map((r) => r.card)
        .find((c) => cardTitle(c) === 'Reminder: stage 12 is overdue since 1 June 2026');
      assert.ok(card);
      const { verb, data } = press(card, 'Snooze 7 days');
      const snoozed = await bot.executeData(owner, verb, data);
      assert.match(cardText(snoozed), /^Snoozed: I will remind you again on 9 June 2026\.$/m);
      assert.deepEqual(
        actionsOf(snoozed).map((a) => a.title),
        ['Open the record'],
      );

      assert.deepEqual((await sweepReminders()).reminders, [], 'not the same day');
      clock.advanceDays(6);
      assert.deepEqual((await sweepReminders()).reminders, [], 'not on the sixth day');
      clock.advanceDays(1);
      const back = (await sweepReminders()).reminders;
      assert.deepEqual(
        back.map((r) => cardTitle(r.card)),
        ['Reminder: stage 12 is overdue since 1 June 2026'],
      );
      assert.match(cardText(back[0]?.card ?? {}), /^Overdue since: 1 June 2026$/m);
      assert.deepEqual((await sweepReminders()).reminders, [], 'and then not again');
    });

    it('"reminders off" holds reminders back, still due; "reminders on" lets the next sweep send them', async () => {
      const { owner, reference } = await dueRecord('pause');
      const paused = await bot.say(owner, 'reminders off');
      assert.equal(cardTitle(paused.card), 'Reminders paused');

      const held = await sweepReminders();
      assert.deepEqual(held.reminders, []);
      assert.equal(held.report.heldBack, 2);
      assert.equal(held.report.sent, 0);
      const record = await storedRecord(app, owner, reference);
      assert.equal(record.nextReminderOn, '2026-06-01', 'the reminders are still owed');
      const due = cardText((await bot.say(owner, 'due')).card);
      assert.match(due, /^2 stages$/m);

      clock.advanceDays(1);
      assert.deepEqual((await sweepReminders()).reminders, []);

      assert.equal(cardTitle((await bot.say(owner, 'reminders on')).card), 'Reminders on');
      const resumed = await sweepReminders();
      assert.equal(resumed.report.sent, 2);
      assert.deepEqual(
        resumed.reminders.map((r) => cardTitle(r.card)),
        [
          'Reminder: stage 11 is overdue since 1 June 2026',
          'Reminder: stage 12 is overdue since 1 June 2026',
        ],
      );
    });

    it('keeps an undelivered reminder owed and delivers it with the next sweep', async () => {
      const gateway = await Gateway.start(connector.url);
      try {
        const { owner } = freshTenant('down');
        const activities = new ActivityBuilder({ serviceUrl: gateway.url });
        assert.equal(await postActivity(app, activities.installationUpdate(owner)), 200);
        // One reminder owed: the connector's client retries a connection it cannot make
        // for some seconds before it gives up, for each send.
        const reference = (
          await seedAwardedRecord(app, owner, {
            title: 'Custody healthcare',
            ...AWARD,
            at: NOW,
            stageDue: { 12: '2026-07-01' },
          })
        ).id;

        gateway.up = false;
        const mark = connector.mark();
        const failed = await sweep(app);
        assert.equal(failed.sent, 0);
        assert.equal(failed.failed, 1);
        assert.deepEqual(remindersIn(connector.since(mark)), []);
        const record = await storedRecord(app, owner, reference);
        assert.equal(record.nextReminderOn, '2026-06-01');
        assert.ok(
          record.stages?.every(
            (s) => s.reminder.claim === undefined && s.reminder.sentFor === undefined,
          ),
          'no claim may be left behind and nothing marked sent',
        );

        gateway.up = true;
        const delivered = await sweep(app);
        assert.equal(delivered.sent, 1);
        const arrived = remindersIn(connector.since(mark));
        assert.equal(assertEachOnce(arrived), 1);
        assert.equal(
          cardTitle(arrived[0]?.card ?? {}),
          'Reminder: stage 11 is overdue since 1 June 2026',
        );
      } finally {
        await gateway.close();
      }
    });
  });

  describe('two instances over one database', () => {
    let first: App;
    let second: App;
    const running: App[] = [];

    afterEach(async () => {
      // The second uses the first's database: it stops first.
      for (const app of running.splice(0).reverse()) await app.close();
    });

    /** The second instance uses the first's database, as two App Service instances share one account. */
    async function startPair(senders: [PacedSender, PacedSender]): Promise<void> {
      first = await startBot(clock, WITH_SECRET, { sender: senders[0] });
      running.push(first);
      const local = first.store.local;
      assert.ok(local, 'the first instance runs the embedded database');
      second = await startBot(
        clock,
        { ...WITH_SECRET, COSMOS_ENDPOINT: local.endpoint, COSMOS_KEY: local.key },
        { sender: senders[1] },
      );
      running.push(second);
      assert.equal(second.store.local, undefined);
    }

    it('sweeping at the same moment, they deliver each of many reminders exactly once', async () => {
      await startPair([unpaced(), unpaced()]);
      const { tenantId, owner, colleague, lead } = freshTenant('pair');
      const owners: Person[] = [
        owner,
        colleague,
        lead,
        { tenantId, userId: 'owner-fourth', name: 'Fay Fourth' },
      ];
      const bots = [new BotClient(first.url, connector), new BotClient(second.url, connector)];
      for (const [index, person] of owners.entries()) {
        const bot = bots[index % 2];
        assert.ok(bot);
        await bot.send(bot.activities.installationUpdate(person));
      }
      for (let n = 0; n < 20; n += 1) {
        const person = owners[n % owners.length];
        assert.ok(person);
        await seedAwardedRecord(n % 2 === 0 ? first : second, person, {
          title: `Contract ${n + 1}`,
          ...AWARD,
          at: NOW,
        });
      }

      const mark = connector.mark();
      const reports = await Promise.all([sweep(first), sweep(second)]);
      const arrived = remindersIn(connector.since(mark));
      assert.equal(assertEachOnce(arrived), 40, `reports: ${JSON.stringify(reports)}`);
      for (const person of owners) {
        const chat = ActivityBuilder.personalChat(person);
        assert.equal(arrived.filter((r) => r.conversationId === chat).length, 10);
      }
      assert.equal(reports[0].sent + reports[1].sent, 40);
      reports.forEach(noneFailed);

      const again = await Promise.all([sweep(first), sweep(second)]);
      assert.equal(again[0].sent + again[1].sent, 0);
      assert.equal(remindersIn(connector.since(mark)).length, 40);
    });

    it('a sweep that starts while the other is sending leaves that record’s reminders to it', async () => {
      let openGate: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        openGate = resolve;
      });
      let holding: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      /** The first instance is slow to send (a throttled conversation, say). */
      class SlowSender extends PacedSender {
        override async send(
          target: { conversation: string; tenant: string },
          deliver: () => Promise<void>,
        ) {
          holding();
          await gate;
          return super.send(target, deliver);
        }
      }
      await startPair([new SlowSender({ baseDelayMs: 5 }), unpaced()]);
      const { owner } = freshTenant('pair-slow');
      const bot = new BotClient(first.url, connector);
      await bot.send(bot.activities.installationUpdate(owner));
      await seedAwardedRecord(first, owner, { title: 'Custody healthcare', ...AWARD, at: NOW });

      const mark = connector.mark();
      const slow = sweep(first);
      let quick: Report;
      try {
        await within(held, 5_000, 'the first instance never came to send');
        // The first instance holds its claim on stage 11 and waits to send it; the second sweeps.
        quick = await sweep(second);
      } finally {
        openGate();
      }
      const late = await slow;

      const arrived = remindersIn(connector.since(mark));
      assert.equal(assertEachOnce(arrived), 2, `reports: ${JSON.stringify([late, quick])}`);
      assert.deepEqual(arrived.map((r) => cardTitle(r.card)).sort(), [
        'Reminder: stage 11 is overdue since 1 June 2026',
        'Reminder: stage 12 is overdue since 1 June 2026',
      ]);
      assert.equal(late.sent + quick.sent, 2);
    });

    for (const comeback of ['adds the app back', 'writes to the bot days later'] as const) {
      it(`a reference one instance found removed comes back when the person ${comeback} through the other`, async () => {
        const forbidden = new Set<string>();
        const limited = await RateLimitedConnector.start({ forbidden });
        try {
          await startPair([unpaced(), unpaced()]);
          const { owner } = freshTenant('pair-removed');
          const chat = ActivityBuilder.personalChat(owner);
          const activities = new ActivityBuilder({ serviceUrl: limited.url });
          // Installed through the second instance, which notes having saved the reference.
          assert.equal(await postActivity(second, activities.installationUpdate(owner)), 200);
          await seedAwardedRecord(first, owner, { title: 'Custody healthcare', ...AWARD, at: NOW });

          forbidden.add(chat);
          assert.equal((await sweep(first)).forbidden, 1);
          assert.equal((await sweep(second)).sent, 0, 'neither instance sends to a removed app');
          assert.equal(limited.count(403), 1);

          forbidden.delete(chat);
          if (comeback === 'adds the app back') {
            assert.equal(await postActivity(second, activities.installationUpdate(owner)), 200);
          } else {
            clock.advanceDays(3);
            assert.equal(await postActivity(second, activities.message(owner, 'help')), 200);
          }
          assert.equal((await first.conversations.get(owner.tenantId, owner.userId))?.active, true);
          const report = await sweep(first);
          assert.equal(report.sent, 2, JSON.stringify(report));
          assert.equal(assertEachOnce(remindersDelivered(limited)), 2);
        } finally {
          await limited.close();
        }
      });
    }
  });

  describe('through a connector that enforces the Teams limits', () => {
    let app: App;
    let limited: RateLimitedConnector;
    const started: { close(): Promise<void> }[] = [];

    afterEach(async () => {
      for (const server of started.splice(0).reverse()) await server.close();
    });

    /** A connector with the Teams limits (and these faults), and a bot that sends through it. */
    async function start(options: ConnectorOptions, sender: PacedSender): Promise<void> {
      limited = await RateLimitedConnector.start(options);
      started.push(limited);
      app = await startBot(clock, WITH_SECRET, { sender });
      started.push(app);
    }

    /** Saves each person's reference to the limited connector and seeds their due records. */
    async function owing(people: Person[], recordsEach: number): Promise<void> {
      const activities = new ActivityBuilder({ serviceUrl: limited.url });
      for (const person of people) {
        await saveReference(app, person, activities.message(person, 'hello'), clock.now());
        for (let n = 0; n < recordsEach; n += 1) {
          await seedAwardedRecord(app, person, { title: `Contract ${n + 1}`, ...AWARD, at: NOW });
        }
      }
    }

    it('paces a fan-out to one conversation within the real Teams limits, each reminder once', async () => {
      await start({}, new PacedSender());
      const { owner } = freshTenant('one-chat');
      // Installed through the bot: its welcome card counts against the chat's limits too.
      const activities = new ActivityBuilder({ serviceUrl: limited.url });
      assert.equal(await postActivity(app, activities.installationUpdate(owner)), 200);
      for (let n = 0; n < 6; n += 1) {
        await seedAwardedRecord(app, owner, { title: `Contract ${n + 1}`, ...AWARD, at: NOW });
      }

      const report = await sweep(app);
      const arrived = remindersDelivered(limited);
      assert.equal(assertEachOnce(arrived), 12, `429s: ${limited.count(429)}`);
      // Paced, the sends keep to the windows: a throttled send or two (the welcome card the
      // sender did not pace counts in the chat's windows too), not dozens.
      assert.ok(limited.count(429) <= 4, `${limited.count(429)} sends were throttled`);
      assert.ok(arrived.every((r) => r.conversationId === ActivityBuilder.personalChat(owner)));
      assert.equal(report.sent, 12);
      noneFailed(report);
    });

    it('paces a fan-out to many conversations in one tenant within the tenant limit', async () => {
      await start({}, new PacedSender());
      const { tenantId } = freshTenant('many-chats');
      const people = Array.from({ length: 40 }, (_, n) => ({
        tenantId,
        userId: `officer-${n}`,
        name: `Officer ${n}`,
      }));
      await owing(people, 1);

      const report = await sweep(app);
      const arrived = remindersDelivered(limited);
      assert.equal(assertEachOnce(arrived), 80, `429s: ${limited.count(429)}`);
      // Paced to 30 a second; a sender that ignores the limits has some 16 of them throttled.
      assert.ok(limited.count(429) <= 4, `${limited.count(429)} sends were throttled`);
      assert.equal(new Set(arrived.map((r) => r.conversationId)).size, 40);
      assert.equal(report.sent, 80);
      noneFailed(report);
    });

    it('retries a 429 when it comes, and still delivers each reminder once', async () => {
      // A sender that does not know the limits runs into them.
      await start({}, unpaced());
      const { owner } = freshTenant('throttled');
      await owing([owner], 5);

      const report = await sweep(app);
      assert.ok(limited.count(429) > 0, 'the connector should have throttled the sender');
      assert.equal(assertEachOnce(remindersDelivered(limited)), 10);
      assert.equal(report.sent, 10);
      noneFailed(report);
    });

    for (const status of [502, 504, 412]) {
      it(`retries a ${status} and delivers the reminder once`, async () => {
        await start({ faults: { status, count: 2 } }, new PacedSender({ baseDelayMs: 5 }));
        const { owner } = freshTenant(`fault-${status}`);
        await owing([owner], 1);

        const report = await sweep(app);
        assert.equal(limited.count(status), 2);
        assert.equal(assertEachOnce(remindersDelivered(limited)), 2);
        assert.equal(report.sent, 2);
        noneFailed(report);
      });
    }

    it('stops at a 403, keeps the reminder owed, and sends again once the person messages the bot', async () => {
      const forbidden = new Set<string>();
      await start({ forbidden }, new PacedSender({ baseDelayMs: 5 }));
      const { owner } = freshTenant('removed');
      const chat = ActivityBuilder.personalChat(owner);
      const activities = new ActivityBuilder({ serviceUrl: limited.url });
      assert.equal(await postActivity(app, activities.installationUpdate(owner)), 200);
      const reference = (
        await seedAwardedRecord(app, owner, { title: 'Custody healthcare', ...AWARD, at: NOW })
      ).id;

      // The person removes the app.
      forbidden.add(chat);
      const refused = await sweep(app);
      assert.equal(refused.forbidden, 1);
      assert.equal(refused.sent, 0);
      assert.equal(limited.count(403), 1);
      assert.equal((await app.conversations.get(owner.tenantId, owner.userId))?.active, false);
      const record = await storedRecord(app, owner, reference);
      assert.equal(record.nextReminderOn, '2026-06-01', 'the reminders are still owed');

      for (const days of [0, 1]) {
        clock.advanceDays(days);
        const later = await sweep(app);
        assert.equal(later.sent, 0);
        assert.equal(later.heldBack, 2);
      }
      assert.equal(limited.count(403), 1, 'nothing more may be sent to a removed app');
      assert.deepEqual(remindersDelivered(limited), []);

      // The person adds the app back and writes to the bot.
      forbidden.delete(chat);
      assert.equal(await postActivity(app, activities.message(owner, 'help')), 200);
      assert.equal((await app.conversations.get(owner.tenantId, owner.userId))?.active, true);
      const resumed = await sweep(app);
      assert.equal(resumed.sent, 2);
      assert.equal(assertEachOnce(remindersDelivered(limited)), 2);
    });
  });
});
