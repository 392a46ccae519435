/**
 * Issue 12, contract performance assessments (PA 2023 s.71) as an officer meets them over
 * HTTP, against the real bot and the embedded Cosmos server: when they fall due, the reminder
 * the sweep sends once, the assessment card, termination and breach, and the UK9 notice. The
 * record is the worked example: a £6m services contract through two assessments.
 */
import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { PacedSender } from '../../bot/reminders/paced-sender.js';
import type { CommissioningRecord } from '../../core/record/index.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { actionsOf, type CardJson, cardOf, cardText, cardTitle, input } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';
import { SUPPLIER, seedKpiRecord } from './performance-support.js';
import { SECRET, startBot, storedRecord, sweep, TestClock } from './post-award-support.js';

const ASSESSMENT_REMINDER = 'Reminder: a performance assessment is';

describe('performance assessments over HTTP (issue 12)', function () {
  this.timeout(60_000);
  const clock = new TestClock('2026-04-01T09:00:00Z');
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  let owner: Person;
  let seeded: CommissioningRecord;
  let reference: string;

  before(async () => {
    connector = await CaptureConnector.start();
    app = await startBot(
      clock,
      { REMINDERS_SECRET: SECRET },
      {
        sender: new PacedSender({
          conversationWindows: [{ limit: 10_000, ms: 1_000 }],
          tenantWindows: [{ limit: 10_000, ms: 1_000 }],
          baseDelayMs: 5,
        }),
      },
    );
    bot = new BotClient(app.url, connector);
    owner = freshTenant('performance').owner;
    await bot.send(bot.activities.installationUpdate(owner));
    seeded = await seedKpiRecord(app.records, owner);
    reference = seeded.id;
  });

  after(async () => {
    await app.close();
    await connector.close();
  });

  const kpis = () => seeded.kpis?.kpis ?? [];

  /** Sweeps, and returns the assessment reminders that reached the chat. */
  async function assessmentReminders(): Promise<CardJson[]> {
    const mark = connector.mark();
    const report = await sweep(app);
    assert.equal(report.failed, 0);
    return connector
      .since(mark)
      .filter((c) => c.method === 'POST' && c.activity.type === 'message' && c.activity.attachments)
      .map((c) => cardOf(c.activity))
      .filter((card) => cardTitle(card).startsWith(ASSESSMENT_REMINDER));
  }

  /** Rates every KPI and overall on the card, and saves. */
  function assess(card: CardJson, ratings: string[], overall: string): Promise<CardJson> {
    const typed: Record<string, string> = {
      perfOverallRating: overall,
      perfOverallNote: 'Summary agreed at the supplier review board',
    };
    kpis().forEach((kpi, i) => {
      typed[`perfRating_${kpi.id}`] = ratings[i] ?? 'good';
      typed[`perfNote_${kpi.id}`] = `${kpi.name}: from the quarterly returns`;
    });
    return bot.execute(owner, card, 'Save the assessment', typed);
  }

  it('is due yearly from the award: the card, the stages card and due say so', async () => {
    assert.equal(kpis().length, 3);
    clock.set('2027-03-03T09:00:00Z');
    const { card } = await bot.say(owner, `performance ${reference}`);
    assert.equal(cardTitle(card), 'Performance assessments');
    const text = cardText(card);
    assert.match(
      text,
      new RegExp(`^Next: the yearly assessment, due on 1 April 2027. Supplier: ${SUPPLIER}$`, 'm'),
    );
    // Not yet due: the form waits behind a toggle, so that none is made early by mistake.
    assert.ok(actionsOf(card).some((a) => a.title === 'Save the assessment'));
    assert.equal(
      (card.body as CardJson[]).some((item) =>
        JSON.stringify(item).includes('"title":"Assess early, before 1 April 2027"'),
      ),
      true,
    );
    assert.equal(input(card, 'perfOverallRating').label, 'Overall performance');

    const stages = (await bot.say(owner, `stages ${reference}`)).card;
    assert.match(
      cardText(stages),
      /^\*\*Performance assessments\*\* _\(PA 2023 s\.71\)_: next, the yearly assessment, due on 1 April 2027$/m,
    );
    const due = cardText((await bot.say(owner, 'due')).card);
    assert.match(due, /^1 performance assessment$/m);
    assert.ok(
      due.includes(`**1 April 2027**: ${reference} ${seeded.title}, yearly assessment`),
      due,
    );
    const stored = await storedRecord(app, owner, reference);
    assert.ok(stored.nextReminderOn && stored.nextReminderOn <= '2027-04-01');
  });

  it('the sweep sends the assessment reminder once, from its due date, and its button opens the card', async () => {
    clock.set('2027-03-31T08:30:00Z');
    assert.deepEqual(await assessmentReminders(), [], 'no reminder before the due date');
    clock.set('2027-04-01T08:30:00Z');
    const [reminder, ...more] = await assessmentReminders();
    assert.ok(reminder, 'the assessment reminder was not sent');
    assert.deepEqual(more, []);
    assert.deepEqual(await assessmentReminders(), [], 'a second sweep sends it again');
    assert.equal(cardTitle(reminder), 'Reminder: a performance assessment is due on 1 April 2027');
    const text = cardText(reminder);
    for (const fact of [
      `Contract: ${reference}: ${seeded.title}`,
      `Supplier: ${SUPPLIER}`,
      'Assessment: Yearly',
      'Due on: 1 April 2027',
      'Period: 1 April 2026 to 1 April 2027',
      'KPIs to rate: 3',
    ]) {
      assert.ok(text.split('\n').includes(fact), `the reminder lacks "${fact}"`);
    }
    const stored = await storedRecord(app, owner, reference);
    assert.equal(stored.performance?.reminder.sentFor, '2027-04-01');
    assert.equal(stored.performance?.reminder.claim, undefined);
    assert.equal(
      stored.history.filter((h) => h.changes[0]?.field === 'performance assessment reminder')
        .length,
      1,
    );

    clock.set('2027-04-08T10:00:00Z');
    const card = await bot.execute(owner, reminder, 'Assess performance');
    assert.equal(cardTitle(card), 'Performance assessments');
    assert.match(cardText(card), /^Next: the yearly assessment, overdue since 1 April 2027/m);
    assert.match(cardText(card), /^Period assessed: 1 April 2026 to 1 April 2027\.$/m);
    const shown = cardText(card);
    // Each of the five ratings with its meaning, once; each KPI rated and noted, and overall.
    for (const line of [
      '**Good**: Performance meets or exceeds the KPI.',
      '**Approaching target**: Performance is close to meeting the KPI.',
      '**Requires improvement**: Performance is below the KPI.',
      '**Inadequate**: Performance is significantly below the KPI.',
      '**Other**: None of the other ratings describes the performance; the note says why.',
    ]) {
      assert.ok(shown.includes(line), `the card lacks "${line}"`);
    }
  });

  let afterFirst: CardJson;

  it('an assessment is saved with its ratings and notes, and kept', async () => {
    const { card } = await bot.say(owner, `performance ${reference}`);
    afterFirst = await assess(card, ['good', 'approaching-target', 'good'], 'good');
    const text = cardText(afterFirst);
    assert.match(
      text,
      /^Assessment A1 is saved, for 1 April 2026 to 1 April 2027\. For the text to publish, press "UK9 notice" beside it\.$/m,
    );
    assert.match(
      text,
      /^\*\*A1\*\* 1 April 2026 to 1 April 2027: overall Good; assessed 8 April 2027 by Olive Owner$/m,
    );
    assert.match(text, /^Next: the yearly assessment, due on 1 April 2028/m);
    const stored = await storedRecord(app, owner, reference);
    const [a1] = stored.performance?.assessments ?? [];
    assert.deepEqual(
      a1?.kpis.map((k) => [k.kpiId, k.rating]),
      [
        ['K1', 'good'],
        ['K2', 'approaching-target'],
        ['K3', 'good'],
      ],
    );
    assert.equal(a1?.overall.note, 'Summary agreed at the supplier review board');
    assert.equal(stored.history.at(-1)?.action, 'performance-assessed');
    assert.equal(stored.history.at(-1)?.by.name, 'Olive Owner');
  });

  it('the UK9 notice button answers with the notice named, as text and JSON, field by field', async () => {
    const notice = await bot.execute(owner, afterFirst, 'UK9 notice');
    assert.equal(cardTitle(notice), 'Contract performance notice (UK9): assessment A1');
    const text = cardText(notice).split('\n');
    assert.ok(text.includes('Notice: Contract performance notice (UK9, PA 2023 s.71)'));
    assert.ok(text.includes(`Contract: ${seeded.title} (${reference})`));
    assert.ok(text.includes(`Supplier: ${SUPPLIER}`));
    const [k1, k2, k3] = kpis();
    assert.ok(k1 && k2 && k3);
    assert.equal(
      input(notice, 'noticeText').value,
      [
        'Contract performance notice (UK9, PA 2023 s.71)',
        `Contract: ${seeded.title} (${reference})`,
        `Supplier: ${SUPPLIER}`,
        'Period assessed: 1 April 2026 to 1 April 2027',
        '',
        `${k1.name}: Good (Performance meets or exceeds the KPI.)`,
        `   Note: ${k1.name}: from the quarterly returns`,
        `${k2.name}: Approaching target (Performance is close to meeting the KPI.)`,
        `   Note: ${k2.name}: from the quarterly returns`,
        `${k3.name}: Good (Performance meets or exceeds the KPI.)`,
        `   Note: ${k3.name}: from the quarterly returns`,
        'Overall: Good (Performance meets or exceeds the KPI.)',
        '   Note: Summary agreed at the supplier review board',
      ].join('\n'),
    );
    const json = JSON.parse(input(notice, 'noticeJson').value ?? '') as Record<string, unknown>;
    assert.deepEqual(json.notice, {
      id: 'UK9',
      name: 'Contract performance notice',
      citation: 'PA 2023 s.71',
    });
    assert.deepEqual(json.contract, { reference, title: seeded.title });
    assert.equal(json.supplier, SUPPLIER);
    assert.equal(json.assessment, 'A1');
    assert.equal(json.kind, 'yearly');
    assert.deepEqual(json.period, { from: '2026-04-01', to: '2027-04-01' });
    assert.deepEqual(
      (json.kpis as { kpiId: string; name: string; rating: string; note: string }[]).map((k) => [
        k.kpiId,
        k.name,
        k.rating,
        k.note,
      ]),
      kpis().map((k, i) => [
        k.id,
        k.name,
        ['good', 'approaching-target', 'good'][i],
        `${k.name}: from the quarterly returns`,
      ]),
    );
    assert.deepEqual(json.overall, {
      rating: 'good',
      label: 'Good',
      meaning: 'Performance meets or exceeds the KPI.',
      note: 'Summary agreed at the supplier review board',
    });
    assert.equal(json.assessedOn, '2027-04-08');
    const back = await bot.execute(owner, notice, 'Back to the assessments');
    assert.equal(cardTitle(back), 'Performance assessments');
  });

  it('a second yearly assessment follows on from the first', async () => {
    clock.set('2028-04-03T10:00:00Z');
    const { card } = await bot.say(owner, `performance ${reference}`);
    assert.match(cardText(card), /^Period assessed: 2 April 2027 to 1 April 2028\.$/m);
    const saved = await assess(
      card,
      ['good', 'requires-improvement', 'good'],
      'approaching-target',
    );
    assert.match(
      cardText(saved),
      /^\*\*A2\*\* 2 April 2027 to 1 April 2028: overall Approaching target; assessed 3 April 2028 by Olive Owner$/m,
    );
    // The contract's planned end, 36 months on, counts as its termination.
    assert.match(cardText(saved), /^Next: the assessment on termination, due on 1 April 2029/m);
  });

  it('a termination makes the final assessment due that day, and the sweep reminds of it', async () => {
    clock.set('2028-10-01T08:30:00Z');
    const { card } = await bot.say(owner, `performance ${reference}`);
    const recorded = await bot.execute(owner, card, 'Record the termination', {
      perfTerminatedOn: '2028-09-30',
    });
    const text = cardText(recorded);
    assert.match(
      text,
      /^The termination on 30 September 2028 is recorded: the assessment on termination is due that day\.$/m,
    );
    assert.match(text, /^Next: the assessment on termination, overdue since 30 September 2028/m);
    assert.match(text, /^Terminated on 30 September 2028, before its planned end\.$/m);
    const [reminder, ...more] = await assessmentReminders();
    assert.ok(reminder, 'no reminder for the assessment on termination');
    assert.deepEqual(more, []);
    assert.equal(
      cardTitle(reminder),
      'Reminder: a performance assessment is overdue since 30 September 2028',
    );
    assert.ok(cardText(reminder).split('\n').includes('Assessment: On termination'));
    assert.deepEqual(await assessmentReminders(), []);
  });

  it('a breach is recorded with its day and note', async () => {
    const { card } = await bot.say(owner, `performance ${reference}`);
    const recorded = await bot.execute(owner, card, 'Record it', {
      perfEventKind: 'breach-termination',
      perfEventOn: '2028-09-15',
      perfEventNote: 'Repeated missed response times; notice served 1 August 2028',
    });
    const text = cardText(recorded);
    assert.match(
      text,
      /^Breach leading to termination on 15 September 2028 is recorded\. A contract performance notice is due for it\.$/m,
    );
    assert.match(
      text,
      /^\*\*E1\*\* Breach leading to termination on 15 September 2028: Repeated missed response times/m,
    );
    const stored = await storedRecord(app, owner, reference);
    assert.equal(stored.performance?.events[0]?.kind, 'breach-termination');
  });

  it('the assessment on termination closes the contract: none is due after it', async () => {
    const { card } = await bot.say(owner, `performance ${reference}`);
    const saved = await assess(card, ['requires-improvement', 'inadequate', 'good'], 'inadequate');
    const text = cardText(saved);
    assert.match(
      text,
      /^\*\*A3\*\* 2 April 2028 to 30 September 2028 \(on termination\): overall Inadequate/m,
    );
    assert.match(text, /^No assessment is due$/m);
    const button = actionsOf(saved).find((a) => a.data.assessment === 'A3');
    assert.ok(button);
    assert.equal(button.title, 'UK9 notice');
    const notice = await bot.executeData(owner, button.verb, button.data);
    assert.match(
      input(notice, 'noticeText').value ?? '',
      /^Period assessed: 2 April 2028 to 30 September 2028 \(on termination\)$/m,
    );
    // The records's dates no longer count an assessment: the sweep finds none owed.
    assert.deepEqual(await assessmentReminders(), []);
  });

  it('someone the record is not shared with can neither see nor change its assessments', async () => {
    const stranger: Person = { tenantId: owner.tenantId, userId: 'stranger', name: 'Sam Stranger' };
    const { card } = await bot.say(stranger, `performance ${reference}`);
    assert.notEqual(cardTitle(card), 'Performance assessments');
    const forged = await bot.executeData(stranger, 'performance.terminate', {
      reference,
      perfTerminatedOn: '2028-09-01',
    });
    assert.notEqual(cardTitle(forged), 'Performance assessments');
    const stored = await storedRecord(app, owner, reference);
    assert.equal(stored.performance?.termination?.on, '2028-09-30');
    assert.equal(stored.performance?.assessments.length, 3);
  });
});

describe('the assessment reminder, claimed as a stage reminder is (issue 12)', function () {
  this.timeout(60_000);
  const clock = new TestClock('2026-04-01T09:00:00Z');
  const unpaced = () =>
    new PacedSender({
      conversationWindows: [{ limit: 10_000, ms: 1_000 }],
      tenantWindows: [{ limit: 10_000, ms: 1_000 }],
      baseDelayMs: 5,
    });
  let refusing = false;
  let connector: CaptureConnector;
  const running: App[] = [];

  before(async () => {
    // While `refusing`, the connector fails every assessment reminder (a connector down).
    connector = await CaptureConnector.start({
      refuse: (activity) => {
        const card = activity.attachments?.[0]?.content as CardJson | undefined;
        return refusing && card && cardTitle(card).startsWith(ASSESSMENT_REMINDER)
          ? { status: 500 }
          : undefined;
      },
    });
  });

  afterEach(async () => {
    for (const app of running.splice(0).reverse()) await app.close();
  });

  after(async () => {
    await connector.close();
  });

  const assessmentCards = (mark: number) =>
    connector
      .since(mark)
      .filter((c) => c.method === 'POST' && c.activity.type === 'message' && c.activity.attachments)
      .map((c) => ({ to: c.conversationId, card: cardOf(c.activity) }))
      .filter((r) => cardTitle(r.card).startsWith(ASSESSMENT_REMINDER));

  it('two instances sweeping at the same moment send each record’s reminder exactly once', async () => {
    clock.set('2026-04-01T09:00:00Z');
    const first = await startBot(clock, { REMINDERS_SECRET: SECRET }, { sender: unpaced() });
    running.push(first);
    const local = first.store.local;
    assert.ok(local);
    const second = await startBot(
      clock,
      { REMINDERS_SECRET: SECRET, COSMOS_ENDPOINT: local.endpoint, COSMOS_KEY: local.key },
      { sender: unpaced() },
    );
    running.push(second);
    const { owner, colleague } = freshTenant('assessment-pair');
    const bot = new BotClient(first.url, connector);
    const seeded: string[] = [];
    for (const person of [owner, colleague]) {
      await bot.send(bot.activities.installationUpdate(person));
      for (let n = 0; n < 3; n += 1) seeded.push((await seedKpiRecord(first.records, person)).id);
    }
    clock.set('2027-04-01T08:30:00Z');
    const mark = connector.mark();
    await Promise.all([sweep(first), sweep(second)]);
    const arrived = assessmentCards(mark);
    const keys = arrived.map((r) => `${r.to} ${cardText(r.card).split('\n')[1]}`);
    assert.equal(new Set(keys).size, keys.length, `sent twice: ${keys.join('; ')}`);
    assert.equal(arrived.length, seeded.length);
    await Promise.all([sweep(first), sweep(second)]);
    assert.equal(assessmentCards(mark).length, seeded.length, 'a later sweep sent one again');
  });

  it('an undelivered reminder is released, stays owed, and is sent at the next sweep', async () => {
    clock.set('2026-04-01T09:00:00Z');
    const app = await startBot(clock, { REMINDERS_SECRET: SECRET }, { sender: unpaced() });
    running.push(app);
    const { owner } = freshTenant('assessment-release');
    const bot = new BotClient(app.url, connector);
    await bot.send(bot.activities.installationUpdate(owner));
    const { id } = await seedKpiRecord(app.records, owner);
    clock.set('2027-04-02T08:30:00Z');
    refusing = true;
    try {
      const mark = connector.mark();
      const report = await sweep(app);
      assert.ok(report.failed >= 1, JSON.stringify(report));
      assert.equal(assessmentCards(mark).length >= 1, true, 'the send was not even tried');
      const stored = await storedRecord(app, owner, id);
      assert.equal(stored.performance?.reminder.claim, undefined, 'the claim was kept');
      assert.equal(stored.performance?.reminder.sentFor, undefined);
      assert.equal(
        stored.nextReminderOn !== undefined && stored.nextReminderOn <= '2027-04-01',
        true,
      );
    } finally {
      refusing = false;
    }
    const mark = connector.mark();
    await sweep(app);
    assert.equal(assessmentCards(mark).length, 1);
    assert.equal((await storedRecord(app, owner, id)).performance?.reminder.sentFor, '2027-04-01');
  });
});
