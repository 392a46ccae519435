import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import {
  actionsOf,
  type CardJson,
  cardText,
  cardTitle,
  fieldErrors,
  input,
} from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant, STEP_TITLES } from '../support/officer.js';
import {
  awardedRecord as awarded,
  completeRecord,
  executeOn,
  newRecord,
  pack,
  setAward,
  stageLine,
  startBot,
  storedRecord,
  TestClock,
} from './post-award-support.js';

/** The day the tests run on, in the UK: Tuesday 2 June 2026. */
const NOW = '2026-06-02T08:30:00Z';
const LEAD_ID = 'procurement-lead';
const ACME = 'Acme Care Ltd';

/** Fig 2's six rows, by id, with the level chosen for each. */
const rows = (levels: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(levels).map(([id, level]) => [`rating_${id}`, level]));
const ALL_GOLD = rows({
  relationship: 'gold',
  performance: 'gold',
  collaboration: 'gold',
  'review-boards': 'gold',
  behaviour: 'gold',
  'social-value-outputs': 'gold',
});

describe('stages, due dates and supplier ratings over HTTP', function () {
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

  beforeEach(() => {
    clock.set(NOW);
  });

  after(async () => {
    await app.close();
    await connector.close();
  });

  const awardedRecord = (owner: Person) => awarded(bot, owner, ACME);

  describe('stages', () => {
    it('shows the 13 stages, each with its social value action and citation', async () => {
      const { owner } = freshTenant('stages-list');
      const reference = await newRecord(bot, owner);
      const { card } = await bot.say(owner, `stages ${reference}`);

      assert.equal(cardTitle(card), 'Procurement stages');
      const text = cardText(card);
      assert.match(text, new RegExp(`^${reference}: Custody healthcare$`, 'm'));
      assert.match(text, /^Not awarded yet$/m);
      assert.equal(pack.stages.length, 13);
      for (const stage of pack.stages) {
        assert.equal(
          stageLine(card, stage.number),
          `**${stage.number}. ${stage.name}**${stage.review ? ' (review stage)' : ''}: no due date _(${stage.citation})_`,
        );
        if (stage.action) {
          assert.ok(
            text.split('\n').includes(stage.action),
            `stage ${stage.number}'s action is not shown`,
          );
        }
      }
      const titles = actionsOf(card).map((a) => a.title);
      assert.equal(titles.filter((t) => t === 'Mark done').length, 13);
      assert.equal(titles.filter((t) => t === 'Set due date').length, 13);
      for (const title of ['Set the award', 'Open the record']) {
        assert.ok(titles.includes(title), `no "${title}" button`);
      }
      // An unfinished record is not rated: the card does not offer it.
      assert.ok(!titles.includes('Rate the supplier'));
    });

    it('gives review stages 11 to 13 their due dates once the award is set', async () => {
      const { owner } = freshTenant('stages-award');
      const { reference, card } = await awardedRecord(owner);

      const text = cardText(card);
      assert.match(text, /^The award is saved and the review stages have their due dates\.$/m);
      assert.match(text, /^Awarded 15 April 2026, ends 15 April 2028, supplier Acme Care Ltd$/m);
      assert.match(stageLine(card, 11), /\(review stage\): due 15 July 2026 _\(Fig 1 stage 11\)_$/);
      assert.match(stageLine(card, 12), /\(review stage\): due 15 July 2026 _\(Fig 1 stage 12\)_$/);
      // Exit planning six months before the contract ends.
      assert.match(stageLine(card, 13), /: due 15 October 2027 _\(Fig 1 stage 13\)_$/);
      for (let stage = 1; stage <= 10; stage += 1) {
        assert.match(stageLine(card, stage), /: no due date _/);
      }
      assert.equal(input(card, 'stageDue_11').value, '2026-07-15');
      assert.equal(input(card, 'awardDate').value, '2026-04-15');
      assert.equal(input(card, 'supplier').value, ACME);

      const record = await storedRecord(app, owner, reference);
      assert.deepEqual(record.contract, { awardDate: '2026-04-15', months: 24, supplier: ACME });
      assert.equal(record.history.at(-1)?.action, 'contract-set');
      assert.equal(record.history.at(-1)?.by.name, owner.name);
      // Shown again, the card says the same.
      const again = (await bot.say(owner, `stages ${reference}`)).card;
      assert.match(stageLine(again, 12), /due 15 July 2026/);
    });

    it("sets a stage's due date", async () => {
      const { owner } = freshTenant('stages-due');
      const reference = await newRecord(bot, owner);
      const { card } = await bot.say(owner, `stages ${reference}`);
      const saved = await executeOn(
        bot,
        owner,
        card,
        { title: 'Set due date', stage: 5 },
        { stageDue_5: '2026-06-20' },
      );
      assert.match(cardText(saved), /^Stage 5 is due on 20 June 2026\.$/m);
      assert.match(stageLine(saved, 5), /: due 20 June 2026 _\(Fig 1 stage 5\)_$/);
      assert.match(stageLine(saved, 4), /: no due date/);
      const record = await storedRecord(app, owner, reference);
      assert.equal(record.stages?.find((s) => s.number === 5)?.due, '2026-06-20');
      assert.equal(record.nextDueOn, '2026-06-20');
      assert.equal(record.history.at(-1)?.action, 'stage-due-set');
    });

    it('marks a stage done with its date and note; a quarterly review moves on a quarter', async () => {
      const { owner } = freshTenant('stages-done');
      const { reference, card } = await awardedRecord(owner);
      const review = await executeOn(
        bot,
        owner,
        card,
        { title: 'Mark done', stage: 11 },
        { stageDoneOn_11: '2026-06-01', stageNote_11: 'Quarterly review held with the supplier' },
      );
      assert.match(cardText(review), /^Stage 11 is marked done\.$/m);
      assert.match(stageLine(review, 11), /: due 15 October 2026; last done 1 June 2026 _/);
      assert.match(stageLine(review, 12), /: due 15 July 2026 _/);

      // A stage that does not recur is done for good, on today's date unless another is typed.
      const tender = await executeOn(bot, owner, review, { title: 'Mark done', stage: 8 });
      assert.match(stageLine(tender, 8), /: done 2 June 2026 _\(Fig 1 stage 8\)_$/);

      const record = await storedRecord(app, owner, reference);
      const eleven = record.stages?.find((s) => s.number === 11);
      assert.equal(eleven?.due, '2026-10-15');
      assert.equal(eleven?.done, false);
      assert.deepEqual(
        eleven?.completions.map((c) => [c.due, c.on, c.note, c.by.name]),
        [['2026-07-15', '2026-06-01', 'Quarterly review held with the supplier', owner.name]],
      );
      assert.equal(record.stages?.find((s) => s.number === 8)?.done, true);
      assert.deepEqual(
        record.history.slice(-2).map((entry) => entry.action),
        ['stage-done', 'stage-done'],
      );
    });

    it('shows a bad date beside its field, keeps what was typed and saves nothing', async () => {
      const { owner } = freshTenant('stages-bad');
      const { reference, card } = await awardedRecord(owner);
      const before = await storedRecord(app, owner, reference);

      const badDue = await executeOn(
        bot,
        owner,
        card,
        { title: 'Set due date', stage: 5 },
        { stageDue_5: '2026-02-30', stageNote_5: 'Typed before the date was refused' },
      );
      assert.match(cardText(badDue), /^Check the answer marked below\.$/m);
      assert.deepEqual(Object.keys(fieldErrors(badDue)), ['stageDue_5']);
      assert.equal(
        fieldErrors(badDue).stageDue_5,
        'Enter the date stage 5 is due: pick it from the calendar, or type it as year-month-day, for example 2026-07-15.',
      );
      // The field sits in the stage's closed "Update stage 5" card: the stage says to open it.
      assert.match(cardText(badDue), /^Check the date under "Update stage 5"\.$/m);
      assert.equal(input(badDue, 'stageDue_5').value, '2026-02-30');
      assert.equal(input(badDue, 'stageNote_5').value, 'Typed before the date was refused');

      const future = await executeOn(
        bot,
        owner,
        card,
        { title: 'Mark done', stage: 11 },
        { stageDoneOn_11: '2026-06-10', stageNote_11: 'Planned review' },
      );
      assert.deepEqual(Object.keys(fieldErrors(future)), ['stageDoneOn_11']);
      assert.equal(
        fieldErrors(future).stageDoneOn_11,
        'The date stage 11 was done cannot be after today (2 June 2026): enter the day it was done.',
      );
      assert.equal(input(future, 'stageDoneOn_11').value, '2026-06-10');
      assert.equal(input(future, 'stageNote_11').value, 'Planned review');

      const badAward = await bot.execute(owner, card, 'Set the award', {
        awardDate: 'last Tuesday',
        contractLength: '0',
      });
      assert.match(cardText(badAward), /^Check the 2 answers marked below\.$/m);
      assert.deepEqual(Object.keys(fieldErrors(badAward)).sort(), ['awardDate', 'contractLength']);
      assert.equal(input(badAward, 'awardDate').value, 'last Tuesday');
      assert.equal(input(badAward, 'contractLength').value, '0');
      assert.equal(input(badAward, 'supplier').value, ACME);

      const after = await storedRecord(app, owner, reference);
      assert.equal(after.revision, before.revision);
      assert.deepEqual(after.stages, before.stages);
      assert.deepEqual(after.contract, before.contract);
      assert.deepEqual(after.history, before.history);
    });

    it('marks a stage done once when "Mark done" is pressed twice', async () => {
      const { owner } = freshTenant('stages-double');
      const { reference, card } = await awardedRecord(owner);

      const first = await executeOn(bot, owner, card, { title: 'Mark done', stage: 11 });
      const second = await executeOn(bot, owner, card, { title: 'Mark done', stage: 11 });
      assert.match(cardText(first), /^Stage 11 is marked done\.$/m);
      assert.match(cardText(second), /^This record changed after the card was shown\./m);
      assert.match(stageLine(second, 11), /: due 15 October 2026; last done 2 June 2026/);

      // Both presses of a double click arriving together.
      const both = await Promise.all([
        executeOn(bot, owner, second, { title: 'Mark done', stage: 12 }),
        executeOn(bot, owner, second, { title: 'Mark done', stage: 12 }),
      ]);
      assert.equal(
        both.filter((c) => /^Stage 12 is marked done\.$/m.test(cardText(c))).length,
        1,
        'exactly one press should be saved',
      );

      const record = await storedRecord(app, owner, reference);
      for (const number of [11, 12]) {
        const stage = record.stages?.find((s) => s.number === number);
        assert.equal(stage?.completions.length, 1, `stage ${number} was marked done twice`);
        assert.equal(stage?.due, '2026-10-15', `stage ${number} skipped a quarter`);
      }
      assert.equal(record.history.filter((e) => e.action === 'stage-done').length, 2);
    });

    it('opens a complete record at its summary, with where the stages stand', async () => {
      const { owner } = freshTenant('stages-open');
      const reference = await completeRecord(bot, owner);
      const before = cardText((await bot.say(owner, `open ${reference}`)).card);
      assert.match(before, /^The procurement stages and their social value actions$/m);

      const awarded = await setAward(bot, owner, reference, {
        awardDate: '2026-04-15',
        months: 24,
      });
      await executeOn(
        bot,
        owner,
        awarded,
        { title: 'Mark done', stage: 11 },
        { stageDoneOn_11: '2026-06-01' },
      );
      const { card } = await bot.say(owner, `open ${reference}`);
      const text = cardText(card);
      assert.equal(cardTitle(card), `${reference}: Custody healthcare`);
      assert.match(text, /^Pre-commissioning is complete /m);
      assert.match(text, /^Where the stages stand$/m);
      assert.match(stageLine(card, 11), /: due 15 October 2026; last done 1 June 2026 _/);
      assert.match(stageLine(card, 12), /: due 15 July 2026 _/);
      assert.match(stageLine(card, 13), /: due 15 October 2027 _/);
      assert.match(stageLine(card, 1), /: no due date _\(Fig 1 stage 1\)_$/);
      const titles = actionsOf(card).map((a) => a.title);
      assert.ok(titles.includes('Stages and reminders'));
      assert.ok(titles.includes('Rate the supplier'));
    });
  });

  describe('due', () => {
    it("lists my stages due in the next 30 days, soonest first, not another's nor done ones", async () => {
      const { owner, colleague } = freshTenant('due');
      const award = async (person: Person, awardDate: string) => {
        const reference = await newRecord(bot, person);
        return {
          reference,
          card: await setAward(bot, person, reference, { awardDate, months: 24 }),
        };
      };
      const overdue = await award(owner, '2026-02-28'); // reviews due 28 May: overdue
      const later = await award(owner, '2026-03-20'); // due 20 June
      const sooner = await award(owner, '2026-03-10'); // due 10 June; stage 12 done below
      const outside = await award(owner, '2026-05-01'); // due 1 August: beyond 30 days
      await award(colleague, '2026-03-05'); // due 5 June, but not mine
      await executeOn(bot, owner, sooner.card, { title: 'Mark done', stage: 12 });
      await executeOn(
        bot,
        owner,
        outside.card,
        { title: 'Set due date', stage: 5 },
        {
          stageDue_5: '2026-06-25',
        },
      );
      for (const stage of [11, 12]) {
        await executeOn(bot, owner, (await bot.say(owner, `stages ${overdue.reference}`)).card, {
          title: 'Mark done',
          stage,
        });
      }
      // The overdue record's reviews are done for this quarter; set one overdue again.
      await executeOn(
        bot,
        owner,
        (await bot.say(owner, `stages ${overdue.reference}`)).card,
        { title: 'Set due date', stage: 9 },
        { stageDue_9: '2026-05-30' },
      );

      const { card } = await bot.say(owner, 'due');
      assert.equal(cardTitle(card), 'Due in the next 30 days');
      const lines = cardText(card)
        .split('\n')
        .filter((line) => line.startsWith('**'));
      const name = (n: number) => pack.stages.find((s) => s.number === n)?.name ?? '';
      assert.deepEqual(lines, [
        `**30 May 2026** (overdue): ${overdue.reference} Custody healthcare, stage 9. ${name(9)} _(Fig 1 stage 9)_`,
        `**10 June 2026**: ${sooner.reference} Custody healthcare, stage 11. ${name(11)} _(Fig 1 stage 11)_`,
        `**20 June 2026**: ${later.reference} Custody healthcare, stage 11. ${name(11)} _(Fig 1 stage 11)_`,
        `**20 June 2026**: ${later.reference} Custody healthcare, stage 12. ${name(12)} _(Fig 1 stage 12)_`,
        `**25 June 2026**: ${outside.reference} Custody healthcare, stage 5. ${name(5)} _(Fig 1 stage 5)_`,
      ]);
      assert.match(cardText(card), /^5 stages$/m);
      assert.deepEqual(
        actionsOf(card).map((a) => a.title),
        [overdue.reference, sooner.reference, later.reference, outside.reference].map(
          (reference) => `Stages of ${reference}`,
        ),
      );

      const theirs = cardText((await bot.say(colleague, 'due')).card);
      assert.match(theirs, /^2 stages$/m);
      assert.doesNotMatch(theirs, new RegExp(owner.name));

      const { owner: idle } = freshTenant('due-none');
      assert.equal(cardTitle((await bot.say(idle, 'due')).card), 'Nothing due');
    });
  });

  describe('supplier ratings', () => {
    it('lets the rater award another tier than the rubric suggests, with a justification kept in the history', async () => {
      const { owner } = freshTenant('rate-judgement');
      const { reference } = await awardedRecord(owner);
      const { card } = await bot.say(owner, `rate ${reference}`);
      assert.equal(input(card, 'ratingDecision').value, 'suggested');
      const goldButOne = {
        ...ALL_GOLD,
        ...rows({ 'social-value-outputs': 'bronze' }),
        ratingEvidence: 'Board minutes and 360-degree feedback',
        ratingDecision: 'gold',
      };
      const refused = await bot.execute(owner, card, 'Rate the supplier', goldButOne);
      assert.equal(cardTitle(refused), 'Rate the supplier');
      assert.match(fieldErrors(refused).ratingJustification ?? '', /rubric suggests Bronze/);
      assert.equal(input(refused, 'ratingDecision').value, 'gold');
      const gold = await bot.execute(owner, refused, 'Rate the supplier', {
        ...goldButOne,
        ratingJustification: 'Outputs were delayed by a site closure; behaviour was exemplary.',
      });
      assert.equal(cardTitle(gold), 'Acme Care Ltd: Gold');
      const text = cardText(gold);
      assert.match(text, /^Suggested by the rubric: Bronze$/m);
      assert.match(text, /^Decided: Gold$/m);
      assert.match(text, /^Another tier than suggested, because: Outputs were delayed/m);
      const saved = await storedRecord(app, owner, reference);
      assert.deepEqual(
        saved.ratings?.map((r) => [r.tier, r.suggested]),
        [['gold', 'bronze']],
      );
      assert.deepEqual(
        saved.history.at(-1)?.changes.map((c) => c.to),
        [
          'Bronze',
          'Gold at stage 11',
          'Outputs were delayed by a site closure; behaviour was exemplary.',
        ],
      );
    });

    it('rates the supplier by the lowest row, names missing rows, and keeps it in the history', async () => {
      const { owner } = freshTenant('rate');
      const { reference } = await awardedRecord(owner);
      const before = await storedRecord(app, owner, reference);
      const { card } = await bot.say(owner, `rate ${reference}`);
      assert.equal(cardTitle(card), 'Rate the supplier');
      assert.equal(input(card, 'ratingSupplier').value, ACME);
      assert.equal(input(card, 'ratingStage').value, '11');
      for (const row of pack.supplierStatus.rows) {
        assert.equal(input(card, `rating_${row.id}`).label, row.label);
      }

      const partial = await bot.execute(owner, card, 'Rate the supplier', {
        ...rows({ relationship: 'gold', performance: 'silver' }),
      });
      assert.equal(cardTitle(partial), 'Rate the supplier');
      const errors = fieldErrors(partial);
      // The row suggested from delivery starts at its suggestion: it is not missing.
      assert.deepEqual(Object.keys(errors).sort(), [
        'ratingEvidence',
        'rating_behaviour',
        'rating_collaboration',
        'rating_review-boards',
      ]);
      assert.equal(
        errors.rating_behaviour,
        "Choose one level for “The supplier's behaviours”: the supplier’s tier rests on every row.",
      );
      assert.equal(
        errors.ratingEvidence,
        `Describe the evidence for the rating. ${pack.supplierStatus.basis}`,
      );
      assert.equal(input(partial, 'rating_relationship').value, 'gold');
      assert.equal(input(partial, 'rating_performance').value, 'silver');
      assert.equal(input(partial, 'ratingSupplier').value, ACME);
      const unchanged = await storedRecord(app, owner, reference);
      assert.equal(unchanged.revision, before.revision);
      assert.equal(unchanged.ratings, undefined);

      const bronze = await bot.execute(owner, partial, 'Rate the supplier', {
        ...rows({
          collaboration: 'silver',
          'review-boards': 'gold',
          behaviour: 'gold',
          'social-value-outputs': 'bronze',
        }),
        ratingEvidence: 'Quarterly performance report and 360-degree feedback',
      });
      const text = cardText(bronze);
      assert.equal(cardTitle(bronze), 'Acme Care Ltd: Bronze');
      assert.match(
        text,
        new RegExp(
          `^Rated at stage 11 on 2 June 2026 and saved in ${reference}'s history\\.$`,
          'm',
        ),
      );
      assert.match(
        text,
        /^\*\*Social value outputs delivered against the contract commitments\*\*: Bronze, Some commitments met _\(Fig 2\)_$/m,
      );
      assert.match(text, /^The rubric suggests the tier of the lowest row/m);
      assert.match(text, /^Suggested by the rubric: Bronze$/m);
      assert.match(text, /^Decided: Bronze$/m);
      assert.match(text, /^Incentives the supplier may now use$/m);
      assert.match(
        text,
        /^• May claim bronze supplier status with Cumbria Constabulary _\(Fig 2 Bronze\)_$/m,
      );
      assert.match(text, /^Quarterly performance report and 360-degree feedback$/m);

      const gold = await bot.execute(owner, card, 'Rate the supplier', {
        ratingStage: '12',
        ...ALL_GOLD,
        ratingEvidence: 'Every commitment exceeded',
      });
      assert.equal(cardTitle(gold), 'Acme Care Ltd: Gold');
      const incentives = cardText(gold)
        .split('\n')
        .filter((line) => line.startsWith('• '));
      assert.equal(incentives.length, 6);

      const none = await bot.execute(owner, card, 'Rate the supplier', {
        ...ALL_GOLD,
        rating_behaviour: 'none',
        ratingEvidence: 'Repeated complaints from custody staff',
      });
      assert.equal(cardTitle(none), 'Acme Care Ltd: No Award');
      assert.match(cardText(none), /^None: No Award carries no incentives\./m);

      const record = await storedRecord(app, owner, reference);
      assert.deepEqual(
        record.ratings?.map((r) => [r.stage, r.supplier, r.tier]),
        [
          [11, ACME, 'bronze'],
          [12, ACME, 'gold'],
          [11, ACME, 'none'],
        ],
      );
      assert.deepEqual(
        record.history
          .filter((e) => e.action === 'supplier-rated')
          .map((e) => [e.by.name, e.changes[1]?.to]),
        [
          [owner.name, 'Bronze at stage 11, as suggested'],
          [owner.name, 'Gold at stage 12, as suggested'],
          [owner.name, 'No Award at stage 11, as suggested'],
        ],
      );
    });

    it('lets the owner and a procurement lead rate, but not a collaborator', async () => {
      const { owner, colleague, lead } = freshTenant('rate-who');
      const { reference } = await awardedRecord(owner);
      await share(owner, reference, colleague);
      const ownersCard = (await bot.say(owner, `rate ${reference}`)).card;

      const refused = (await bot.say(colleague, `rate ${reference}`)).card;
      assert.equal(cardTitle(refused), 'Procurement stages');
      assert.match(
        cardText(refused),
        /^Only the record’s owner or a procurement lead can rate its supplier\.$/m,
      );
      const pressed = await bot.execute(colleague, ownersCard, 'Rate the supplier', {
        ...ALL_GOLD,
        ratingEvidence: 'A collaborator tries',
      });
      assert.match(cardText(pressed), /Only the record’s owner or a procurement lead can rate/);
      assert.equal((await storedRecord(app, owner, reference)).ratings, undefined);

      const leadsCard = (await bot.say(lead, `rate ${reference}`)).card;
      assert.equal(cardTitle(leadsCard), 'Rate the supplier');
      const rated = await bot.execute(lead, leadsCard, 'Rate the supplier', {
        ...ALL_GOLD,
        ratingEvidence: 'Reviewed at the supplier board',
      });
      assert.equal(cardTitle(rated), 'Acme Care Ltd: Gold');
      assert.match(cardText(rated), /^Rated by: Priya Procurement$/m);
      const record = await storedRecord(app, owner, reference);
      assert.deepEqual(
        record.ratings?.map((r) => [r.by.name, r.tier]),
        [[lead.name, 'gold']],
      );
    });

    it("lists each supplier with its current tier: the latest rating's", async () => {
      const { owner, lead } = freshTenant('suppliers');
      const rate = async (reference: string, supplier: string, levels: Record<string, string>) => {
        const card = (await bot.say(owner, `rate ${reference}`)).card;
        await bot.execute(owner, card, 'Rate the supplier', {
          ratingSupplier: supplier,
          ...levels,
          ratingEvidence: 'Contract review',
        });
      };
      const first = (await awardedRecord(owner)).reference;
      const second = (await awardedRecord(owner)).reference;
      await rate(first, ACME, ALL_GOLD);
      await rate(second, 'Brightside Ltd', { ...ALL_GOLD, rating_performance: 'silver' });
      clock.advanceDays(30);
      await rate(second, 'acme care ltd', { ...ALL_GOLD, rating_collaboration: 'bronze' });

      const { card } = await bot.say(lead, 'suppliers');
      assert.equal(cardTitle(card), 'Supplier status');
      const text = cardText(card);
      assert.match(text, /^2 suppliers$/m);
      const lines = text.split('\n').filter((line) => line.startsWith('**'));
      assert.deepEqual(lines, [
        `**acme care ltd**: Bronze, rated 2 July 2026 (${second}) _(Fig 2 Bronze)_`,
        `**Brightside Ltd**: Silver, rated 2 June 2026 (${second}) _(Fig 2 Silver)_`,
      ]);

      const { owner: elsewhere } = freshTenant('suppliers-elsewhere');
      assert.equal(
        cardTitle((await bot.say(elsewhere, 'suppliers')).card),
        'No suppliers rated yet',
      );
    });
  });

  /** The owner types "share <reference> @colleague", the colleague @mentioned as Teams sends it. */
  async function share(from: Person, reference: string, colleague: Person): Promise<CardJson> {
    const mention = `<at>${colleague.name}</at>`;
    const message = {
      ...bot.activities.message(from, `share ${reference} ${mention}`),
      entities: [
        {
          type: 'mention',
          text: mention,
          mentioned: { id: `29:${colleague.userId}`, name: colleague.name },
        },
      ],
    };
    const replies = await bot.send(message);
    assert.equal(replies.length, 1);
    const [reply] = replies;
    assert.ok(reply);
    const attachment = reply.activity.attachments?.[0];
    assert.ok(attachment && typeof attachment.content === 'object');
    return attachment.content as CardJson;
  }

  describe('sharing', () => {
    it('lets a colleague @mentioned open the record; only the owner can share', async () => {
      const { owner, colleague } = freshTenant('share');
      const { owner: stranger } = freshTenant('share-stranger');
      const someoneElse: Person = { ...stranger, tenantId: owner.tenantId };
      const reference = await newRecord(bot, owner);
      assert.equal(
        cardTitle((await bot.say(colleague, `open ${reference}`)).card),
        'Record not found',
      );

      const shared = await share(owner, reference, colleague);
      assert.equal(cardTitle(shared), 'Shared');
      assert.match(
        cardText(shared),
        new RegExp(`^Colin Colleague can now see and work on ${reference}\\.$`, 'm'),
      );

      const opened = (await bot.say(colleague, `open ${reference}`)).card;
      assert.equal(cardTitle(opened), STEP_TITLES.why);
      assert.equal(
        cardTitle((await bot.say(colleague, `stages ${reference}`)).card),
        'Procurement stages',
      );
      const list = cardText((await bot.say(colleague, 'list')).card);
      assert.match(list, new RegExp(`\\*\\*${reference}\\*\\*`));

      // The colleague may work on it, but not pass it on.
      const passedOn = await share(colleague, reference, someoneElse);
      assert.equal(cardTitle(passedOn), 'Record not found');
      assert.match(cardText(passedOn), /only its owner or a procurement lead can/);
      assert.equal(
        cardTitle((await bot.say(someoneElse, `open ${reference}`)).card),
        'Record not found',
      );

      const record = await storedRecord(app, owner, reference);
      assert.deepEqual(
        record.collaborators.map((p) => p.name),
        [colleague.name],
      );
      assert.deepEqual(
        record.history
          .filter((e) => e.action === 'shared')
          .map((e) => [e.by.name, e.changes[0]?.to]),
        [[owner.name, colleague.name]],
      );

      const usage = (await bot.say(owner, `share ${reference}`)).card;
      assert.equal(cardTitle(usage), 'Share a record');
    });
  });
});
