/**
 * Issue 9, after award, as an officer meets it over HTTP: errors in plain words (all of a
 * card's at once), stages and ratings that use what the record knows, reminders that say
 * when a stage is overdue, unfinished drafts offered and discarded, and a list that is
 * ordered as it says.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { App } from '../../bot/app.js';
import { COMMAND_NAMES } from '../../bot/conversation/commands.js';
import { PacedSender } from '../../bot/reminders/paced-sender.js';
import { COMMANDS } from '../../cards/commands.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import {
  actionsOf,
  type CardJson,
  cardOf,
  cardText,
  cardTitle,
  fieldErrors,
  input,
  inputsOf,
  press,
} from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant, officerAnswers, STEP_TITLES } from '../support/officer.js';
import { seedKpiRecord } from './performance-support.js';
import {
  awardedRecord,
  completeRecord,
  executeOn,
  newRecord,
  pack,
  referenceOf,
  SECRET,
  setAward,
  startBot,
  storedRecord,
  sweep,
  TestClock,
} from './post-award-support.js';

/** Tuesday 2 June 2026, in the UK. */
const NOW = '2026-06-02T08:30:00Z';
const ACME = 'Acme Care Ltd';

/** What an error must never hold: a schema's wording, a field path, a code's value. */
const NOT_PLAIN = [
  /Invalid input/i,
  /expected \w+, received/i,
  /YYYY-MM-DD/,
  /\bmust\b/,
  /\brows\./,
  /\(input\)/,
  /not a known field/,
  /\bundefined\b/,
  /\bNaN\b/,
  /\bnull\b/,
  /\[object Object\]/,
  /^[a-z]/,
];

/**
 * Every error on the card is plain words: a sentence that holds no input id of the card, no
 * schema message and no path. Returns the errors, keyed by input.
 */
function plainErrors(card: CardJson): Record<string, string> {
  const errors = fieldErrors(card);
  const ids = [...inputsOf(card).keys()];
  const lines = cardText(card).split('\n');
  const summary = lines.filter((line) => /^Check the .* marked below\.$/.test(line));
  for (const text of [...Object.values(errors), ...summary]) {
    for (const pattern of NOT_PLAIN) {
      assert.doesNotMatch(text, pattern, `not plain words: "${text}"`);
    }
    for (const id of ids) {
      assert.ok(!text.includes(id), `the error "${text}" names the input id ${id}`);
    }
    assert.match(text, /[.]$/, `not a sentence: "${text}"`);
  }
  return errors;
}

/** Every input of the card given this value, as a forged or broken client could send. */
function everyInput(card: CardJson, value: unknown, only?: RegExp): Record<string, unknown> {
  return Object.fromEntries(
    [...inputsOf(card).keys()].filter((id) => !only || only.test(id)).map((id) => [id, value]),
  );
}

/** The wrong-typed values a client could send in place of text. */
const WRONG_TYPES: unknown[] = ['', '   ', 'soon', -1, 0, true, {}, ['2026-06-01'], null];

describe('after award, in plain words (issue 9)', function () {
  this.timeout(30_000);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  const clock = new TestClock(NOW);

  before(async () => {
    connector = await CaptureConnector.start();
    app = await startBot(
      clock,
      { REMINDERS_SECRET: SECRET, PROCUREMENT_LEAD_IDS: 'procurement-lead' },
      {
        sender: new PacedSender({
          conversationWindows: [{ limit: 10_000, ms: 1_000 }],
          tenantWindows: [{ limit: 10_000, ms: 1_000 }],
          baseDelayMs: 5,
        }),
      },
    );
    bot = new BotClient(app.url, connector);
  });

  beforeEach(() => clock.set(NOW));

  after(async () => {
    await app.close();
    await connector.close();
  });

  /** A finished record, awarded 15 April 2026 for 24 months to Acme. */
  const awarded = (owner: Person) => awardedRecord(bot, owner, ACME);

  /** Presses a button whose answer comes below as a new message; returns that message's card. */
  async function pressBelow(from: Person, card: CardJson, title: string): Promise<CardJson> {
    const mark = connector.mark();
    await bot.pressCommand(from, card, title);
    const sent = await connector.waitFor(
      (c) => c.method === 'POST' && c.activity.type === 'message' && !!c.activity.attachments,
      { after: mark, description: `the answer to "${title}"` },
    );
    return cardOf(sent.activity);
  }

  describe('5. every error in plain words, all of a card’s at once', () => {
    it('the stages card: the award and each stage’s update, empty and with wrong types', async () => {
      const { owner } = freshTenant('plain-stages');
      const { reference, card } = await awarded(owner);
      const before = await storedRecord(app, owner, reference);

      // The award left empty: both fields marked at once, each saying what to type.
      const award = actionsOf(card).find((a) => a.title === 'Set the award');
      assert.ok(award);
      const empty = await bot.executeData(owner, award.verb, {
        ...award.data,
        awardDate: '',
        contractLength: '',
        supplier: '',
      });
      assert.deepEqual(plainErrors(empty), {
        awardDate:
          'Enter the date the contract was awarded: pick it from the calendar, or type it as year-month-day, for example 2026-04-15.',
        contractLength: 'Enter the contract length in whole months, 1 or more, for example 36.',
      });
      assert.match(cardText(empty), /^Check the 2 answers marked below\.$/m);

      for (const wrong of WRONG_TYPES) {
        const shown = await bot.executeData(owner, award.verb, {
          ...award.data,
          awardDate: wrong,
          contractLength: wrong,
          supplier: wrong,
        });
        const errors = plainErrors(shown);
        assert.deepEqual(Object.keys(errors).sort(), ['awardDate', 'contractLength'], `${wrong}`);
      }

      // Each stage's "Set due date" and "Mark done", with every field wrong at once.
      for (const wrong of WRONG_TYPES) {
        const dueAction = actionsOf(card).find(
          (a) => a.title === 'Set due date' && a.data.stage === 7,
        );
        assert.ok(dueAction);
        const badDue = await bot.executeData(owner, dueAction.verb, {
          ...dueAction.data,
          ...everyInput(card, wrong, /_7$/),
        });
        assert.deepEqual(Object.keys(plainErrors(badDue)), ['stageDue_7'], `${wrong}`);
        assert.match(cardText(badDue), /^Check the date under "Update stage 7"\.$/m);
      }
      const doneAction = actionsOf(card).find((a) => a.title === 'Mark done' && a.data.stage === 3);
      assert.ok(doneAction);
      for (const wrong of ['', 'soon', 42, {}, ['x'], null]) {
        const badDone = await bot.executeData(owner, doneAction.verb, {
          ...doneAction.data,
          stageDoneOn_3: wrong,
        });
        assert.deepEqual(plainErrors(badDone), {
          stageDoneOn_3:
            'Enter the date stage 3 was done: pick it from the calendar, or type it as year-month-day, for example 2026-06-02.',
        });
      }
      // A date in the future and a note too long: both told at once.
      const both = await bot.executeData(owner, doneAction.verb, {
        ...doneAction.data,
        stageDoneOn_3: '2026-06-09',
        stageNote_3: 'n'.repeat(2_001),
      });
      assert.deepEqual(plainErrors(both), {
        stageDoneOn_3:
          'The date stage 3 was done cannot be after today (2 June 2026): enter the day it was done.',
        stageNote_3: 'Shorten this to 2,000 characters or fewer; it is 2,001.',
      });
      assert.equal(input(both, 'stageNote_3').value?.length, 2_001, 'what was typed is kept');

      // A button naming no stage of the record says so, and changes nothing.
      const forged = await bot.executeData(owner, doneAction.verb, {
        ...doneAction.data,
        stage: 99,
      });
      assert.match(
        cardText(forged),
        /^That button is out of date: it names no stage of this record\./m,
      );
      plainErrors(forged);

      const after = await storedRecord(app, owner, reference);
      assert.equal(after.revision, before.revision, 'nothing was saved');
      assert.deepEqual(after.history, before.history);
    });

    it('0 and negative months are refused with what to type, never saved as 1', async () => {
      const { owner } = freshTenant('plain-months');
      const { reference, card } = await awarded(owner);
      for (const months of ['0', '-3', '2.5', 'three years']) {
        const refused = await bot.execute(owner, card, 'Set the award', { contractLength: months });
        assert.deepEqual(plainErrors(refused), {
          contractLength: 'Enter the contract length in whole months, 1 or more, for example 36.',
        });
        assert.equal(input(refused, 'contractLength').value, months, 'what was typed is kept');
      }
      assert.equal((await storedRecord(app, owner, reference)).contract?.months, 24);
      // The card leaves the check to the bot: a client that enforced a minimum would change 0 unsaid.
      assert.equal(
        (input(card, 'contractLength') as { min?: number }).min,
        undefined,
        'the length has no client-side minimum',
      );
    });

    it('the rating card: empty and with wrong types, every error at once', async () => {
      const { owner } = freshTenant('plain-rating');
      const { reference } = await awarded(owner);
      const { card } = await bot.say(owner, `rate ${reference}`);
      const rate = actionsOf(card).find((a) => a.title === 'Rate the supplier');
      assert.ok(rate);
      const rows = pack.supplierStatus.rows;

      const empty = await bot.executeData(owner, rate.verb, {
        ...rate.data,
        ...everyInput(card, ''),
      });
      const errors = plainErrors(empty);
      assert.deepEqual(
        Object.keys(errors).sort(),
        [
          'ratingEvidence',
          'ratingStage',
          'ratingSupplier',
          ...rows.map((r) => `rating_${r.id}`),
        ].sort(),
      );
      assert.equal(errors.ratingStage, 'Choose the review stage this rating is for.');
      assert.equal(
        errors.ratingSupplier,
        'Enter the supplier’s name, as it appears on the contract.',
      );
      assert.equal(
        errors.rating_relationship,
        'Choose one level for “Working relationship with the Constabulary and other critical suppliers”: the supplier’s tier rests on every row.',
      );
      assert.match(
        cardText(empty),
        new RegExp(`^Check the ${rows.length + 3} answers marked below\\.$`, 'm'),
      );

      for (const wrong of [...WRONG_TYPES, 'platinum', '13']) {
        const shown = await bot.executeData(owner, rate.verb, {
          ...rate.data,
          ...everyInput(card, wrong),
        });
        assert.equal(cardTitle(shown), 'Rate the supplier', `${wrong}`);
        const some = plainErrors(shown);
        // Any text is evidence and a supplier's name: the rest is refused, all at once.
        const expected = [
          'ratingStage',
          ...rows.map((r) => `rating_${r.id}`),
          // Text is no tier to decide on: the decision is refused too.
          ...(typeof wrong === 'string' && wrong.trim() !== ''
            ? ['ratingDecision']
            : ['ratingEvidence', 'ratingSupplier']),
        ];
        assert.deepEqual(Object.keys(some).sort(), expected.sort(), `${wrong}`);
      }
      // A client that leaves an emptied field out: it is shown empty beside its error, not
      // filled back in with the supplier the award named.
      const omitted = await bot.executeData(owner, rate.verb, { ...rate.data, ratingStage: '12' });
      assert.equal(input(omitted, 'ratingSupplier').value, '');
      assert.equal(
        plainErrors(omitted).ratingSupplier,
        'Enter the supplier’s name, as it appears on the contract.',
      );
      assert.equal(input(omitted, 'ratingStage').value, '12');
      assert.equal((await storedRecord(app, owner, reference)).ratings, undefined);
    });

    it('the KPI form: empty and with wrong types, every error in plain words', async () => {
      const { owner } = freshTenant('plain-kpis');
      const { reference } = await awarded(owner);
      const { card } = await bot.say(owner, `kpis ${reference}`);
      const save = actionsOf(card).find((a) => a.title === 'Save the KPIs');
      assert.ok(save);
      const empty = await bot.executeData(owner, save.verb, {
        ...save.data,
        ...everyInput(card, ''),
      });
      assert.deepEqual(plainErrors(empty), {
        kpi1Name: 'Set at least one KPI, or leave KPIs unset.',
      });
      for (const wrong of WRONG_TYPES) {
        const shown = await bot.executeData(owner, save.verb, {
          ...save.data,
          ...everyInput(card, wrong),
        });
        assert.equal(cardTitle(shown), 'Key performance indicators', `${wrong}`);
        assert.ok(Object.keys(plainErrors(shown)).length > 0, `${String(wrong)} was accepted`);
      }
      assert.equal((await storedRecord(app, owner, reference)).kpis, undefined);
    });

    it('the assessment card: the assessment, termination and breach forms, empty and with wrong types', async () => {
      const { owner } = freshTenant('plain-performance');
      const seeded = await seedKpiRecord(app.records, owner);
      const reference = seeded.id;
      const { card } = await bot.say(owner, `performance ${reference}`);
      const kpis = seeded.kpis?.kpis ?? [];
      assert.equal(kpis.length, 3);
      const pressWith = async (title: string, values: Record<string, unknown>) => {
        const button = actionsOf(card).find((a) => a.title === title);
        assert.ok(button, title);
        return bot.executeData(owner, button.verb, { ...button.data, ...values });
      };
      const assessing = /^perf(Rating|Note|Overall)/;

      // Empty: every rating and note marked at once, each naming its KPI.
      const empty = await pressWith('Save the assessment', everyInput(card, '', assessing));
      const errors = plainErrors(empty);
      assert.deepEqual(
        Object.keys(errors).sort(),
        [
          ...kpis.flatMap((k) => [`perfRating_${k.id}`, `perfNote_${k.id}`]),
          'perfOverallNote',
          'perfOverallRating',
        ].sort(),
      );
      const [k1] = kpis;
      assert.ok(k1);
      assert.equal(
        errors[`perfRating_${k1.id}`],
        'Choose a rating for this KPI, one of the five above.',
      );
      assert.equal(errors[`perfNote_${k1.id}`], 'Add a note: what the rating rests on.');
      assert.equal(errors.perfOverallRating, 'Choose the overall rating, one of the five above.');
      assert.match(cardText(empty), /^Check the 8 answers marked below\.$/m);

      for (const wrong of [...WRONG_TYPES, 'excellent']) {
        const shown = await pressWith('Save the assessment', everyInput(card, wrong, assessing));
        assert.equal(cardTitle(shown), 'Performance assessments', `${wrong}`);
        const some = plainErrors(shown);
        for (const kpi of kpis) assert.ok(some[`perfRating_${kpi.id}`], `${wrong}`);
        assert.ok(some.perfOverallRating, `${wrong}`);
      }
      // A note too long is told with its length; the rest of what was typed is kept.
      const long = await pressWith('Save the assessment', {
        ...Object.fromEntries(kpis.map((k) => [`perfRating_${k.id}`, 'good'])),
        ...Object.fromEntries(kpis.map((k) => [`perfNote_${k.id}`, 'Fine'])),
        perfOverallRating: 'good',
        perfOverallNote: 'n'.repeat(2_001),
      });
      assert.deepEqual(plainErrors(long), {
        perfOverallNote: 'Shorten this to 2,000 characters or fewer; it is 2,001.',
      });
      assert.equal(input(long, `perfRating_${k1.id}`).value, 'good');

      for (const wrong of [...WRONG_TYPES, '2026-13-45']) {
        const shown = await pressWith('Record the termination', { perfTerminatedOn: wrong });
        assert.deepEqual(plainErrors(shown), {
          perfTerminatedOn:
            'Enter the day the contract was terminated: pick it from the calendar, or type it as year-month-day, for example 2026-06-02.',
        });
        assert.match(cardText(shown), /^Check the date under "Record a termination"\.$/m);
      }
      const future = await pressWith('Record the termination', { perfTerminatedOn: '2026-06-03' });
      assert.deepEqual(plainErrors(future), {
        perfTerminatedOn:
          'The termination cannot be after today (2 June 2026): record it on the day it happens.',
      });

      const emptyEvent = await pressWith('Record it', {
        perfEventKind: '',
        perfEventOn: '',
        perfEventNote: '',
      });
      assert.deepEqual(Object.keys(plainErrors(emptyEvent)).sort(), [
        'perfEventKind',
        'perfEventNote',
        'perfEventOn',
      ]);
      for (const wrong of WRONG_TYPES) {
        const shown = await pressWith('Record it', {
          perfEventKind: wrong,
          perfEventOn: wrong,
          perfEventNote: wrong,
        });
        const some = plainErrors(shown);
        assert.ok(some.perfEventKind && some.perfEventOn, `${wrong}`);
      }
      const early = await pressWith('Record it', {
        perfEventKind: 'breach-damages',
        perfEventOn: '2026-03-01',
        perfEventNote: 'Damages agreed',
      });
      assert.deepEqual(plainErrors(early), {
        perfEventOn: 'The day it happened cannot be before the award on 1 April 2026.',
      });
      const stored = await storedRecord(app, owner, reference);
      assert.deepEqual(stored.performance, undefined);
      assert.equal(stored.revision, seeded.revision);
    });

    it('the reminder card: a bad "Mark done" is told beside its own fields, with what was typed', async () => {
      const { owner } = freshTenant('plain-reminder');
      await bot.send(bot.activities.installationUpdate(owner));
      const reference = await completeRecord(bot, owner);
      await setAward(bot, owner, reference, { awardDate: '2026-03-01', months: 24 });
      const mark = connector.mark();
      await sweep(app);
      const reminder = connector
        .since(mark)
        .filter((c) => c.method === 'POST' && c.activity.attachments)
        .map((c) => cardOf(c.activity))
        .find((c) => cardTitle(c).startsWith('Reminder: stage 11'));
      assert.ok(reminder, 'the reminder came');
      const before = await storedRecord(app, owner, reference);

      for (const wrong of ['soon', 42, {}, '2026-06-30']) {
        const { verb, data } = press(reminder, 'Mark done');
        const shown = await bot.executeData(owner, verb, {
          ...data,
          stageDoneOn_11: wrong,
          stageNote_11: typeof wrong === 'string' ? `Noted: ${wrong}` : 'Noted',
        });
        assert.match(cardTitle(shown), /^Reminder: stage 11 /, 'still the reminder');
        const errors = plainErrors(shown);
        assert.deepEqual(Object.keys(errors), ['stageDoneOn_11'], `${wrong}`);
        assert.equal(
          input(shown, 'stageNote_11').value,
          typeof wrong === 'string' ? `Noted: ${wrong}` : 'Noted',
        );
        assert.ok(
          actionsOf(shown).some((a) => a.title === 'Mark done'),
          'it can be pressed again',
        );
      }
      const long = await bot.executeData(owner, press(reminder, 'Mark done').verb, {
        ...press(reminder, 'Mark done').data,
        stageDoneOn_11: '2026-07-01',
        stageNote_11: 'n'.repeat(2_001),
      });
      assert.deepEqual(plainErrors(long), {
        stageDoneOn_11:
          'The date stage 11 was done cannot be after today (2 June 2026): enter the day it was done.',
        stageNote_11: 'Shorten this to 2,000 characters or fewer; it is 2,001.',
      });
      assert.match(cardText(long), /^Check the 2 answers marked below\.$/m);
      const after = await storedRecord(app, owner, reference);
      assert.equal(after.revision, before.revision, 'nothing was saved');
    });

    it('the delivery card: recording and correcting, empty and with wrong types', async () => {
      const { owner } = freshTenant('plain-delivery');
      const { reference } = await awarded(owner);
      const { card } = await bot.say(owner, `progress ${reference}`);
      const before = await storedRecord(app, owner, reference);
      const record = actionsOf(card).find((a) => a.title === 'Record delivery');
      assert.ok(record);
      const recordForm = /^delivery/;

      // Nothing filled in: one error, saying what to do.
      const empty = await bot.executeData(owner, record.verb, {
        ...record.data,
        ...everyInput(card, '', recordForm),
      });
      assert.deepEqual(plainErrors(empty), {
        'deliveryAmount_local-jobs':
          'Enter what was delivered for at least one outcome, with its evidence note.',
      });

      for (const wrong of WRONG_TYPES) {
        const shown = await bot.executeData(owner, record.verb, {
          ...record.data,
          ...everyInput(card, wrong, recordForm),
        });
        assert.equal(cardTitle(shown), 'Social value delivered', `${wrong}`);
        const errors = plainErrors(shown);
        const blank = wrong === '' || wrong === '   ' || wrong === null;
        assert.ok(Object.keys(errors).length > (blank ? 0 : 2), `${JSON.stringify(wrong)}`);
      }
      // Each field's own words, all at once, with what was typed kept.
      const mixed = await bot.executeData(owner, record.verb, {
        ...record.data,
        deliveryFrom: '2026-01-01',
        deliveryTo: '2026-06-30',
        'deliveryAmount_local-jobs': '1.5',
        'deliveryNote_local-jobs': '',
        'deliveryLink_local-jobs': 'http://example.org/x',
        'deliveryStatus_living-wage': 'mostly',
        'deliveryNote_living-wage': 'n'.repeat(301),
      });
      assert.deepEqual(plainErrors(mixed), {
        deliveryFrom: 'The period cannot start before the award date, 15 April 2026.',
        deliveryTo:
          'The period cannot end after today (2 June 2026): enter the last day delivered so far.',
        'deliveryAmount_local-jobs': 'Enter a whole number.',
        'deliveryNote_local-jobs':
          'Describe the evidence in a short note: what shows the delivery, and where it is kept.',
        'deliveryLink_local-jobs':
          'Enter the link as a web address starting https://, or leave it empty.',
        'deliveryStatus_living-wage':
          'Choose whether “Work towards paying staff the Living Wage” was met, partly met or not met.',
        'deliveryNote_living-wage': 'Shorten this to 300 characters or fewer; it is 301.',
      });
      assert.equal(input(mixed, 'deliveryAmount_local-jobs').value, '1.5');
      assert.equal((await storedRecord(app, owner, reference)).revision, before.revision);

      // One entry, then its correction form, empty and with wrong types.
      const saved = await bot.execute(owner, card, 'Record delivery', {
        'deliveryAmount_local-jobs': '1',
        'deliveryNote_local-jobs': 'Payroll return',
      });
      assert.match(cardText(saved), /^Entry D1 is recorded/m);
      const correct = actionsOf(saved).find((a) => a.title === 'Save the correction');
      assert.ok(correct);
      const afterEntry = await storedRecord(app, owner, reference);
      const emptyCorrection = await bot.executeData(owner, correct.verb, {
        ...correct.data,
        ...everyInput(saved, '', /^correct/),
      });
      assert.deepEqual(plainErrors(emptyCorrection), {
        correctEntry: 'Choose the entry to correct.',
        correctNote:
          'Describe the evidence in a short note: what shows the delivery, and where it is kept.',
      });
      assert.match(cardText(emptyCorrection), /^Check the answers under "Correct an entry"\.$/m);
      for (const wrong of WRONG_TYPES) {
        const shown = await bot.executeData(owner, correct.verb, {
          ...correct.data,
          ...everyInput(saved, wrong, /^correct/),
          correctEntry: 'D1',
        });
        assert.ok(Object.keys(plainErrors(shown)).length > 0, `${JSON.stringify(wrong)}`);
      }
      const forCommitment = await bot.executeData(owner, correct.verb, {
        ...correct.data,
        correctEntry: 'D1',
        correctStatus: 'met',
        correctNote: 'Re-issued return',
      });
      assert.deepEqual(plainErrors(forCommitment), {
        correctStatus:
          '“New jobs created in the local economy” is counted: enter the amount delivered instead.',
      });
      assert.equal((await storedRecord(app, owner, reference)).revision, afterEntry.revision);
    });

    it('thresholds, which record and not found: no field path in any answer', async () => {
      const { owner } = freshTenant('plain-commands');
      const check = (text: string, answer: string) => {
        for (const pattern of [
          /Invalid input/i,
          /expected \w+, received/i,
          /\bmust\b/,
          /\(input\)/,
          /procurementStart|has no regulated threshold in policy pack/,
        ]) {
          assert.doesNotMatch(answer, pattern, `${text}: ${answer}`);
        }
      };
      for (const text of [
        'thresholds',
        'thresholds services',
        'thresholds gold 5',
        'thresholds services 0',
        'thresholds works 99999999999999999',
        'stages',
        'rate x',
        'discard',
      ]) {
        const answer = cardText((await bot.say(owner, text)).card);
        check(text, answer);
      }
      // A day before the pack's first thresholds: the assessment is refused, in words.
      clock.set('2019-06-02T09:00:00Z');
      const early = cardText((await bot.say(owner, 'thresholds services 250k')).card);
      check('thresholds on 2019-06-02', early);
      assert.match(
        early,
        /^I have no threshold for that contract today\. Type \*\*thresholds\*\*/m,
      );
    });
  });

  describe('6. stages and rating use what the record knows', () => {
    it('the contract length comes from the wizard’s answer', async () => {
      const { owner } = freshTenant('months-from-wizard');
      const reference = await newRecord(bot, owner);
      const { card } = await bot.say(owner, `stages ${reference}`);
      // The first card of the wizard said 36 months.
      assert.equal(input(card, 'contractLength').value, '36');
      assert.equal(input(card, 'awardDate').value, undefined);
    });

    it('rate on an unfinished record says why not and what to do, and refuses a rating', async () => {
      const { owner } = freshTenant('rate-unfinished');
      const reference = await newRecord(bot, owner);
      await setAward(bot, owner, reference, { awardDate: '2026-04-15', months: 24 });
      const { card } = await bot.say(owner, `rate ${reference}`);
      assert.equal(cardTitle(card), 'Procurement stages');
      assert.match(
        cardText(card),
        new RegExp(
          `^The supplier is rated at contract review, after award, and ${reference} is not finished yet: answer its pre-commissioning questions first \\(type \\*\\*open ${reference}\\*\\*\\), then set the award here\\.$`,
          'm',
        ),
      );
      assert.ok(!actionsOf(card).some((a) => a.title === 'Rate the supplier'));
      // A rating card kept from elsewhere (or forged) is refused too, and nothing is saved.
      const gold = Object.fromEntries(
        pack.supplierStatus.rows.map((r) => [`rating_${r.id}`, 'gold']),
      );
      const pressed = await bot.executeData(owner, 'supplier.rate', {
        reference,
        ratingStage: '11',
        ratingSupplier: ACME,
        ratingEvidence: 'Board minutes',
        ...gold,
      });
      assert.match(cardText(pressed), /is not finished yet/);
      assert.equal((await storedRecord(app, owner, reference)).ratings, undefined);
    });

    it('rate on a finished record not yet awarded says to set the award first', async () => {
      const { owner } = freshTenant('rate-unawarded');
      const reference = await completeRecord(bot, owner);
      const { card } = await bot.say(owner, `rate ${reference}`);
      assert.match(
        cardText(card),
        new RegExp(
          `^The supplier is rated at contract review, after award, and ${reference} has not been awarded: set the award date and contract length under "The award" below, then rate the supplier\\.$`,
          'm',
        ),
      );
      const awardedCard = await setAward(bot, owner, reference, {
        awardDate: '2026-04-15',
        months: 24,
      });
      assert.ok(
        actionsOf(awardedCard).some((a) => a.title === 'Rate the supplier'),
        'offered once awarded',
      );
      const rating = (await bot.say(owner, `rate ${reference}`)).card;
      // The stages offered are the pack's rating stages.
      const stages = pack.stages.filter((s) => s.ratesSupplier).map((s) => s.number);
      assert.deepEqual(stages, [11, 12]);
      assert.equal(input(rating, 'ratingStage').value, '11');
      assert.ok(cardText(rating).includes(`Review stage`));
    });
  });

  describe('8. unfinished drafts', () => {
    it('new offers to continue the unfinished exercise, or to start another', async () => {
      const { owner } = freshTenant('drafts-offer');
      const first = await newRecord(bot, owner);
      const { card } = await bot.say(owner, 'new');
      assert.equal(cardTitle(card), 'You have an unfinished exercise');
      assert.match(
        cardText(card),
        new RegExp(
          `^\\*\\*${first}\\*\\* Custody healthcare: at "Why, and who to consult", changed 2 June 2026$`,
          'm',
        ),
      );
      assert.deepEqual(
        actionsOf(card).map((a) => a.title),
        [`Continue ${first}`, 'Start another exercise', `Discard ${first}`],
      );
      assert.equal(
        (
          await app.records.list({
            tenantId: owner.tenantId,
            userId: owner.userId,
            isProcurementLead: false,
          })
        ).length,
        1,
        'no second record was started',
      );

      const continued = await pressBelow(owner, card, `Continue ${first}`);
      assert.equal(cardTitle(continued), STEP_TITLES.why);
      assert.equal(referenceOf(continued), first);

      const another = await pressBelow(owner, card, 'Start another exercise');
      assert.equal(cardTitle(another), STEP_TITLES.basics);
      assert.notEqual(referenceOf(another), first);
    });

    it('the owner discards a draft after confirming: kept for audit, gone from every list', async () => {
      const { owner, lead } = freshTenant('drafts-discard');
      await bot.send(bot.activities.installationUpdate(owner));
      const kept = await completeRecord(bot, owner);
      const draft = await newRecord(bot, owner);
      // Awarded as a draft, so that it has stages due and a reminder owed.
      await setAward(bot, owner, draft, { awardDate: '2026-03-01', months: 24 });
      const stagesCard = (await bot.say(owner, `stages ${draft}`)).card;

      const { card: confirm } = await bot.say(owner, `discard ${draft}`);
      assert.equal(cardTitle(confirm), `Discard ${draft}?`);
      assert.match(
        cardText(confirm),
        /It is not deleted: its history keeps who discarded it and when/,
      );
      assert.equal(
        (await storedRecord(app, owner, draft)).status,
        'draft',
        'nothing until confirmed',
      );

      const done = await bot.execute(owner, confirm, 'Discard it');
      assert.equal(cardTitle(done), `${draft} is discarded`);
      const record = await storedRecord(app, owner, draft);
      assert.equal(record.status, 'discarded');
      assert.deepEqual(record.discarded?.by, { id: owner.userId, name: owner.name });
      assert.deepEqual(
        record.history.at(-1) && [record.history.at(-1)?.action, record.history.at(-1)?.by.name],
        ['discarded', owner.name],
      );

      // Gone from list, due, suppliers and the reminders; the complete record stays listed.
      const list = cardText((await bot.say(owner, 'list')).card);
      assert.ok(!list.includes(draft), 'not listed');
      assert.ok(list.includes(kept));
      assert.ok(!cardText((await bot.say(lead, 'list')).card).includes(draft), 'nor for a lead');
      assert.ok(!cardText((await bot.say(owner, 'due')).card).includes(draft), 'not due');
      const mark = connector.mark();
      const report = await sweep(app);
      assert.equal(report.sent, 0, 'no reminder for a discarded draft');
      assert.deepEqual(
        connector.since(mark).filter((c) => c.method === 'POST' && c.activity.attachments),
        [],
      );
      assert.equal(
        cardTitle((await bot.say(owner, 'new')).card),
        STEP_TITLES.basics,
        'new no longer offers it',
      );

      // It can no longer be changed: every way in says it was discarded.
      for (const command of [
        `open ${draft}`,
        `stages ${draft}`,
        `rate ${draft}`,
        `discard ${draft}`,
      ]) {
        const answer = (await bot.say(owner, command)).card;
        assert.equal(cardTitle(answer), `${draft} was discarded`, command);
        assert.match(
          cardText(answer),
          new RegExp(
            `discarded by ${owner.name} on 2 June 2026\\. It is kept for the audit trail, but it can no longer be opened or changed\\.`,
          ),
        );
      }
      const before = await storedRecord(app, owner, draft);
      await executeOn(bot, owner, stagesCard, { title: 'Mark done', stage: 3 });
      await bot.execute(owner, confirm, 'Discard it');
      const after = await storedRecord(app, owner, draft);
      assert.equal(after.revision, before.revision, 'an old card changes nothing');
    });

    it('only the owner discards, and only an unfinished draft', async () => {
      const { owner, lead } = freshTenant('drafts-who');
      const complete = await completeRecord(bot, owner);
      const refused = (await bot.say(owner, `discard ${complete}`)).card;
      assert.equal(cardTitle(refused), 'Not discarded');
      assert.match(
        cardText(refused),
        new RegExp(`^${complete} is complete: only an unfinished draft can be discarded\\.`, 'm'),
      );
      const draft = await newRecord(bot, owner);
      const byLead = (await bot.say(lead, `discard ${draft}`)).card;
      assert.match(
        cardText(byLead),
        new RegExp(`^Only the owner of ${draft} can discard it\\.$`, 'm'),
      );
      // A confirmation card pressed by someone else changes nothing.
      const confirm = (await bot.say(owner, `discard ${draft}`)).card;
      const pressed = await bot.execute(lead, confirm, 'Discard it');
      assert.equal(cardTitle(pressed), 'Not discarded');
      assert.equal((await storedRecord(app, owner, draft)).status, 'draft');
      // A draft changed after the confirmation is asked about again.
      const wizard = (await bot.say(owner, `open ${draft}`)).card;
      await bot.execute(owner, wizard, 'Continue', officerAnswers.why);
      const again = await bot.execute(owner, confirm, 'Discard it');
      assert.equal(cardTitle(again), `Discard ${draft}?`);
      assert.match(cardText(again), /^This draft changed after you were asked\./m);
      assert.equal((await storedRecord(app, owner, draft)).status, 'draft');
    });
  });

  describe('9. list', () => {
    it('is most recently changed first, as it says, with each status and next due stage', async () => {
      const { owner } = freshTenant('list-order');
      const awardedOne = (await awarded(owner)).reference;
      clock.advanceDays(1);
      const complete = await completeRecord(bot, owner);
      clock.advanceDays(1);
      const draft = await newRecord(bot, owner);
      clock.advanceDays(1);
      // The oldest, changed last: it comes first.
      await setAward(bot, owner, awardedOne, {
        awardDate: '2026-04-15',
        months: 24,
        supplier: ACME,
      });

      const { card } = await bot.say(owner, 'list');
      const text = cardText(card);
      assert.match(text, /^Most recently changed first\. /m);
      const lines = text.split('\n').filter((line) => line.startsWith('**SV-'));
      assert.deepEqual(lines, [
        `**${awardedOne}** Custody healthcare: awarded; next: stages 11 and 12 due 15 July 2026; changed 5 June 2026`,
        `**${draft}** Custody healthcare: draft, at "Why, and who to consult"; changed 4 June 2026`,
        `**${complete}** Custody healthcare: complete, not awarded yet; changed 3 June 2026`,
      ]);
    });
  });

  describe('11. the command table', () => {
    it('cards/commands.ts, the handler table, the help card and the README list the same commands', async () => {
      const names = COMMANDS.map((c) => c.name);
      assert.deepEqual([...COMMAND_NAMES].sort(), [...names].sort());
      assert.ok(names.includes('discard'));
      const help = cardText((await bot.say(freshTenant('help').owner, 'help')).card);
      for (const command of COMMANDS)
        assert.ok(help.includes(command.usage), `help lacks ${command.usage}`);
      const readme = await readFile('README.md', 'utf8');
      const table = readme.slice(
        readme.indexOf('| command |'),
        readme.indexOf('\n\n', readme.indexOf('| command |')),
      );
      const documented = [...table.matchAll(/^\| `([a-z-]+)/gm)].map((m) => m[1]);
      assert.deepEqual([...new Set(documented)].sort(), [...names].sort());
    });
  });
});
