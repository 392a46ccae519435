import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { type CardJson, cardText, cardTitle, fieldErrors, inputsOf } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant, officerAnswers, STEP_TITLES } from '../support/officer.js';
import {
  completeRecord,
  pack,
  referenceOf,
  startBot,
  storedRecord,
  TestClock,
} from './post-award-support.js';

const NOW = '2026-06-02T08:30:00Z';
const KPI_TITLE = STEP_TITLES.kpis;

const kpi = (slot: number, name: string, mostMaterial: boolean): Record<string, string> => ({
  [`kpi${slot}Name`]: name,
  [`kpi${slot}MeasuredBy`]: `${name}, from the monthly return`,
  [`kpi${slot}Target`]: '95%',
  [`kpi${slot}MostMaterial`]: String(mostMaterial),
});
const THREE = {
  ...kpi(1, 'Seen on time', true),
  ...kpi(2, 'Incidents reviewed', true),
  ...kpi(3, 'Local jobs', true),
};

describe('Procurement Act KPIs over HTTP', function () {
  this.timeout(30_000);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  const clock = new TestClock(NOW);

  before(async () => {
    connector = await CaptureConnector.start();
    app = await startBot(clock);
    bot = new BotClient(app.url, connector);
  });
  after(async () => {
    await app.close();
    await connector.close();
  });

  /** Starts a record and submits its basics at a value; returns the card shown next. */
  async function basicsAt(owner: Person, value: string, more: Record<string, string> = {}) {
    const { card } = await bot.say(owner, 'new another');
    const reference = referenceOf(card);
    const next = await bot.execute(owner, card, 'Continue', { ...officerAnswers.basics, value });
    // The framework question comes back on the basics, once the value calls for it.
    const answered = more.framework ? await bot.execute(owner, next, 'Continue', more) : next;
    return { reference, card: answered };
  }

  /** From the card after the basics to the KPI step (or the step after targets). */
  async function toKpiStep(owner: Person, card: CardJson): Promise<CardJson> {
    let current = card;
    for (const step of ['why', 'outcomes', 'targets'] as const) {
      assert.equal(cardTitle(current), STEP_TITLES[step]);
      current = await bot.execute(owner, current, 'Continue', officerAnswers[step]);
    }
    return current;
  }

  it('asks for KPIs at £5,000,000.01 (after whether it is a framework), and not at £5,000,000', async () => {
    const { owner } = freshTenant('kpi-value');
    const above = await basicsAt(owner, '£5,000,000.01');
    // The basics come back with the one question the value calls for.
    assert.equal(cardTitle(above.card), STEP_TITLES.basics);
    assert.ok(inputsOf(above.card).has('framework'));
    assert.match(cardText(above.card), /Is it a framework\?/);
    const why = await bot.execute(owner, above.card, 'Continue', { framework: 'false' });
    const step = await toKpiStep(owner, why);
    assert.equal(cardTitle(step), KPI_TITLE);
    assert.match(cardText(step), /PA 2023 s\.52/);
    assert.ok(inputsOf(step).has('kpi1Name'));
    assert.ok(inputsOf(step).has('kpiNotAppropriate'));

    const at = await basicsAt(owner, '£5,000,000');
    assert.equal(cardTitle(at.card), STEP_TITLES.why);
    const after = await toKpiStep(owner, at.card);
    assert.equal(cardTitle(after), STEP_TITLES.modernSlavery);
  });

  it('asks no KPIs of a framework: the exemption removes the duty', async () => {
    const { owner } = freshTenant('kpi-framework');
    const { card } = await basicsAt(owner, '£6,000,000');
    const why = await bot.execute(owner, card, 'Continue', { framework: 'true' });
    const after = await toKpiStep(owner, why);
    assert.equal(cardTitle(after), STEP_TITLES.modernSlavery);
  });

  it('refuses fewer than three KPIs and the wrong most-material count in plain words, keeping what was typed', async () => {
    const { owner } = freshTenant('kpi-refuse');
    const { card } = await basicsAt(owner, '£6,000,000', { framework: 'false' });
    const step = await toKpiStep(owner, card);
    const two = { ...kpi(1, 'Seen on time', true), ...kpi(2, 'Incidents reviewed', true) };
    const refused = await bot.execute(owner, step, 'Continue', two);
    assert.equal(cardTitle(refused), KPI_TITLE);
    assert.match(
      fieldErrors(refused).kpi3Name ?? '',
      /^Set at least 3 KPIs \(2 set\): the Procurement Act requires them .*\(PA 2023 s\.52\)\. Or say why/,
    );
    assert.equal(inputsOf(refused).get('kpi1Name')?.value, 'Seen on time');
    assert.equal(inputsOf(refused).get('kpi2Target')?.value, '95%');

    const unmarked = { ...THREE, kpi3MostMaterial: 'false' };
    const again = await bot.execute(owner, refused, 'Continue', unmarked);
    assert.match(
      fieldErrors(again).kpi1MostMaterial ?? '',
      /^Mark 3 KPIs as the most material: the contract details notice names them; 2 are marked\.$/,
    );
    assert.equal(inputsOf(again).get('kpi3Name')?.value, 'Local jobs');
  });

  it('takes the reason for no KPIs, and keeps it on the record when the wizard completes', async () => {
    const { owner } = freshTenant('kpi-reason');
    const { reference, card } = await basicsAt(owner, '£6,000,000', { framework: 'false' });
    const step = await toKpiStep(owner, card);
    const reason = 'Paid per case under a national tariff; no KPI could measure performance.';
    let next = await bot.execute(owner, step, 'Continue', { kpiNotAppropriate: reason });
    assert.equal(cardTitle(next), STEP_TITLES.modernSlavery);
    next = await bot.execute(owner, next, 'Continue', officerAnswers.modernSlavery);
    assert.match(cardText(next), /No KPIs, because/);
    next = await bot.execute(owner, next, 'Confirm and finish');
    assert.match(cardText(next), /^Pre-commissioning is complete /m);
    assert.match(cardText(next), /None: Paid per case/);
    const record = await storedRecord(app, owner, reference);
    assert.equal(record.kpis?.notAppropriate, reason);
    assert.equal(record.kpis?.duty, 'required');
    assert.equal(record.draft.answers.kpiNotAppropriate, undefined, 'one copy: on the record');
  });

  it('takes the social value outcomes as KPIs, lists them on the review, and sets them on completion', async () => {
    const { owner } = freshTenant('kpi-outcomes');
    const { reference, card } = await basicsAt(owner, '£6,000,000', { framework: 'false' });
    const step = await toKpiStep(owner, card);
    const filled = await bot.execute(owner, step, 'Take our social value outcomes as KPIs');
    const inputs = inputsOf(filled);
    const jobs = pack.framework.measures.find((m) => m.id === 'local-jobs');
    const wage = pack.framework.measures.find((m) => m.id === 'living-wage');
    assert.equal(inputs.get('kpi1Name')?.value, jobs?.text);
    assert.equal(inputs.get('kpi1Target')?.value, '3');
    assert.equal(inputs.get('kpi2Name')?.value, wage?.text);
    assert.equal(
      inputs.get('kpi2Target')?.value,
      pack.procurementAct.kpis.fromOutcome.commitmentTarget,
    );
    assert.doesNotMatch(inputs.get('kpi1MeasuredBy')?.value ?? '', /\{unit\}/);
    // Two outcomes and one KPI of the officer's own; all three marked.
    let next = await bot.execute(owner, filled, 'Continue', {
      kpi1MostMaterial: 'true',
      kpi2MostMaterial: 'true',
      ...kpi(3, 'Seen on time', true),
    });
    assert.equal(cardTitle(next), STEP_TITLES.modernSlavery);
    next = await bot.execute(owner, next, 'Continue', officerAnswers.modernSlavery);
    assert.match(cardText(next), new RegExp(`KPI 1.*${jobs?.text}`));
    next = await bot.execute(owner, next, 'Confirm and finish');
    const record = await storedRecord(app, owner, reference);
    assert.deepEqual(
      record.kpis?.kpis.map((k) => [k.id, k.name, k.mostMaterial, k.measureId]),
      [
        ['K1', jobs?.text, true, 'local-jobs'],
        ['K2', wage?.text, true, 'living-wage'],
        ['K3', 'Seen on time', true, undefined],
      ],
    );
    assert.match(cardText(next), /KPIs/);
  });

  it('sets KPIs after award with the kpis command, optional below the value, and gives the UK7 notice field by field', async () => {
    const { owner } = freshTenant('kpi-after');
    const reference = await completeRecord(bot, owner);
    const { card } = await bot.say(owner, `kpis ${reference}`);
    assert.equal(cardTitle(card), 'Key performance indicators');
    assert.match(
      cardText(card),
      /KPIs are optional for this contract\. The estimated value, £250,000, is not more than £5,000,000\./,
    );
    assert.match(cardText(card), /PA 2023 s\.52/);
    assert.ok(!inputsOf(card).has('kpiNotAppropriate'), 'no reason is asked where none is needed');

    const tooMany = await bot.execute(owner, card, 'Save the KPIs', {
      ...THREE,
      ...kpi(4, 'Complaints answered', true),
    });
    assert.match(
      fieldErrors(tooMany).kpi1MostMaterial ?? '',
      /^Mark at most 3 KPIs as most material; 4 are marked\.$/,
    );
    const saved = await bot.execute(owner, tooMany, 'Save the KPIs', {
      ...kpi(1, 'Seen on time', true),
      kpi2Name: '',
      kpi2MeasuredBy: '',
      kpi2Target: '',
      kpi2MostMaterial: 'false',
      kpi3Name: '',
      kpi3MeasuredBy: '',
      kpi3Target: '',
      kpi3MostMaterial: 'false',
      kpi4Name: '',
      kpi4MeasuredBy: '',
      kpi4Target: '',
      kpi4MostMaterial: 'false',
    });
    assert.match(cardText(saved), new RegExp(`The KPIs of ${reference} are saved\\.`));
    const record = await storedRecord(app, owner, reference);
    assert.equal(record.kpis?.duty, 'optional');
    assert.equal(record.kpis?.kpis.length, 1);

    const notice = await bot.execute(owner, saved, 'Contract details notice');
    assert.equal(cardTitle(notice), `Contract details notice (UK7): ${reference}`);
    const text = cardText(notice);
    assert.match(text, /Nothing has been published/);
    assert.match(text, /^Contract details notice \(UK7, PA 2023 s\.53\)$/m);
    assert.match(text, new RegExp(`^Contract: Custody healthcare \\(${reference}\\)$`, 'm'));
    assert.match(text, /^1\. Seen on time \[one of the most material\]$/m);
    assert.match(text, /^ {3}How it is measured: Seen on time, from the monthly return$/m);
    assert.match(text, /^ {3}Target: 95%$/m);
    assert.match(text, /^Most material: Seen on time$/m);
    const json = jsonOf(notice);
    assert.deepEqual(json, {
      notice: { id: 'UK7', name: 'Contract details notice', citation: 'PA 2023 s.53' },
      contract: { reference, title: 'Custody healthcare' },
      kpis: [
        {
          id: 'K1',
          name: 'Seen on time',
          measuredBy: 'Seen on time, from the monthly return',
          target: '95%',
          mostMaterial: true,
        },
      ],
      mostMaterial: ['Seen on time'],
    });
  });

  it('opens the KPI form from the stages card', async () => {
    const { owner } = freshTenant('kpi-stages');
    const reference = await completeRecord(bot, owner);
    const { card } = await bot.say(owner, `stages ${reference}`);
    const form = await bot.execute(owner, card, 'KPIs');
    assert.equal(cardTitle(form), 'Key performance indicators');
    assert.ok(inputsOf(form).has('kpi1Name'));
  });
});

/** The JSON block of the notice card, parsed. */
function jsonOf(card: CardJson): unknown {
  const text = cardText(card);
  const start = text.indexOf('{\n');
  assert.ok(start >= 0, 'the card has no JSON');
  return JSON.parse(text.slice(start, text.lastIndexOf('}') + 1));
}
