import assert from 'node:assert/strict';
import sinon from 'sinon';
import { type App, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import { TURN_FAILED } from '../../cards/conversation-notes.js';
import { type CommissioningRecord, shareRecord } from '../../core/record/index.js';
import type { Person } from '../support/activities.js';
import { BotClient, type ShownCard } from '../support/bot-client.js';
import {
  type CardJson,
  cardOf,
  cardText,
  cardTitle,
  fieldErrors,
  input,
  inputsOf,
} from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant, officerAnswers, STEP_TITLES, WIZARD_STEPS } from '../support/officer.js';
import { WALK_GOALS, walkFigures, walkTypical } from '../support/walk.js';

/** The day the tests run on: references are numbered in its year. */
const NOW = new Date('2026-03-02T09:30:00Z');
let ticks = 0;
/** The bot's clock: a second on at every reading, so that "newest first" has an order. */
const clock = () => new Date(NOW.getTime() + 1_000 * ticks++);
const LEAD_ID = 'procurement-lead';

/** Every document in every container of the bot's database. */
async function storedDocuments(app: App): Promise<unknown[]> {
  const all: unknown[] = [];
  for (const container of Object.values(app.store.containers)) {
    const { resources } = await container.items.readAll().fetchAll();
    all.push(...resources);
  }
  return all;
}

type Press = (
  card: CardJson,
  title: string,
  typed?: Readonly<Record<string, string>>,
) => Promise<CardJson>;

/** The reference and record title a wizard card shows in its first line. */
function referenceOf(card: CardJson): string {
  const first = cardText(card).split('\n')[0] ?? '';
  const reference = /^(SV-\d{4}-\d{4,})[: ]/.exec(first)?.[1];
  assert.ok(reference, `no record reference on the card: "${first}"`);
  return reference;
}

describe('the bot over HTTP', function () {
  this.timeout(20_000);
  let connector: CaptureConnector;

  before(async () => {
    connector = await CaptureConnector.start();
  });

  after(async () => {
    await connector.close();
  });

  /** Starts the bot as `npm run bot` does, with these settings over the test defaults. */
  async function start(settings: Record<string, string> = {}): Promise<App> {
    return startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', ...settings }), {
      logger: silentLogger,
      clock,
    });
  }

  describe('a bot with default settings and a procurement lead', () => {
    let app: App;
    let bot: BotClient;

    before(async () => {
      app = await start({ PROCUREMENT_LEAD_IDS: `someone-else, ${LEAD_ID}` });
      bot = new BotClient(app.url, connector);
    });

    after(async () => {
      await app.close();
    });

    /** The record as stored, read as its owner would. */
    async function stored(owner: Person, reference: string): Promise<CommissioningRecord> {
      const found = await app.records.get({ ...owner, isProcurementLead: false }, reference);
      assert.ok(found, `${reference} is not in the store`);
      return found.record;
    }

    const executeAs =
      (person: Person): Press =>
      (card, title, typed) =>
        bot.execute(person, card, title, typed);

    /** Walks every step from the card shown, answering as the officer would; returns the last card. */
    async function walkWizard(first: CardJson, press: Press): Promise<CardJson> {
      let card = first;
      for (const [index, step] of WIZARD_STEPS.entries()) {
        assert.equal(cardTitle(card), STEP_TITLES[step], `expected the ${step} card`);
        assert.match(cardText(card), new RegExp(`^Step ${index + 1} of 6$`, 'm'));
        const next = step === 'review' ? 'Confirm and finish' : 'Continue';
        card = await press(card, next, officerAnswers[step]);
        if (step === 'basics') {
          // The verdict first, the date and the value shown back in UK form.
          assert.match(cardText(card), /^The verdict$/m);
          assert.match(
            cardText(card),
            /^Your contract: £250,000 of services, starting 1 April 2026, 36 months$/m,
          );
          assert.match(
            cardText(card),
            /^Regulated: Yes: at or above £207,720 \(goods and services\)$/m,
          );
          assert.match(
            cardText(card),
            /^The sub-central threshold for goods and services .* _\(SI 2025\/1200\)_$/m,
          );
        }
      }
      return card;
    }

    function assertSummary(card: CardJson, reference: string): void {
      const text = cardText(card);
      assert.equal(cardTitle(card), `${reference}: Custody healthcare`);
      assert.match(
        text,
        /^Pre-commissioning is complete \(Olive Owner, .*; policy version pack-2\.0\.0\)\./m,
      );
      assert.match(text, /^Your contract: £250,000 of services/m);
      assert.match(
        text,
        /^Outcomes and targets: New jobs created in the local economy: target 3; /m,
      );
      assert.match(text, /^Modern slavery risk: /m);
      // Every answer behind the toggle.
      assert.match(text, /^\*\*Title\*\* Custody healthcare$/m);
      assert.match(text, /^\*\*Who and how\*\* A market engagement event/m);
    }

    async function assertCompleteRecord(owner: Person, reference: string): Promise<void> {
      const record = await stored(owner, reference);
      assert.equal(record.status, 'complete');
      assert.equal(record.title, 'Custody healthcare');
      assert.deepEqual(
        record.history.map((entry) => [entry.action, entry.step ?? '']),
        [
          ['created', ''],
          ...WIZARD_STEPS.slice(0, -1).map((step) => ['answered', step]),
          ['completed', 'review'],
        ],
      );
      assert.ok(record.history.every((entry) => entry.by.name === 'Olive Owner'));
      const basics = record.history[1];
      assert.ok(
        basics?.changes.some((change) => change.field === 'value' && change.to === 250_000),
        'the history does not show the value answered',
      );
    }

    it('answers the health check', async () => {
      const response = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', cosmos: 'reachable' });
    });

    it('shows a typing indicator while it works on a message', async () => {
      const { owner } = freshTenant('typing');
      const mark = connector.mark();
      const message = bot.activities.message(owner, 'new');
      await bot.send(message);
      const typing = await connector.waitFor((c) => c.activity.type === 'typing', {
        after: mark,
        timeoutMs: 2_000,
        description: 'a typing indicator',
      });
      assert.equal(typing.conversationId, message.conversation?.id);
    });

    it('walks the whole wizard through Action.Execute to the summary', async () => {
      const { owner } = freshTenant('execute');
      const { card } = await bot.say(owner, 'new');
      const reference = referenceOf(card);
      assert.match(reference, /^SV-2026-\d{4}$/);
      const summary = await walkWizard(card, executeAs(owner));
      assertSummary(summary, reference);
      await assertCompleteRecord(owner, reference);
      const reopened = await bot.say(owner, `open ${reference}`);
      assertSummary(reopened.card, reference);
    });

    it('walks the whole wizard through the Action.Submit fallback, updating the original card', async () => {
      const { owner } = freshTenant('submit');
      let shown: ShownCard = await bot.say(owner, 'new');
      const reference = referenceOf(shown.card);
      const messageId = shown.activityId;
      const summary = await walkWizard(shown.card, async (card, title, typed) => {
        shown = await bot.submit(owner, { card, activityId: messageId }, title, typed);
        return shown.card;
      });
      assertSummary(summary, reference);
      await assertCompleteRecord(owner, reference);
    });

    it('shows a refused answer beside its field with every typed value kept, and saves nothing', async () => {
      const { owner } = freshTenant('validation');
      const { card } = await bot.say(owner, 'new');
      const reference = referenceOf(card);
      const before = await stored(owner, reference);
      const typed = {
        ...officerAnswers.basics,
        value: 'about a million',
        contractMonths: '0',
      };
      const refused = await bot.execute(owner, card, 'Continue', typed);

      assert.equal(cardTitle(refused), STEP_TITLES.basics);
      assert.match(
        cardText(refused),
        /^Check the 2 answers marked below: each says what to change\.$/m,
      );
      const errors = fieldErrors(refused);
      assert.deepEqual(Object.keys(errors).sort(), ['contractMonths', 'value']);
      assert.match(errors.value ?? '', /\S/);
      assert.match(errors.contractMonths ?? '', /\S/);
      for (const [key, value] of Object.entries(typed)) {
        assert.equal(input(refused, key).value, value, `${key} was not kept as typed`);
      }

      const after = await stored(owner, reference);
      assert.equal(after.revision, before.revision);
      assert.deepEqual(after.history, before.history);
      assert.deepEqual(after.draft, before.draft);

      // Put right, the same card moves on.
      const fixed = await bot.execute(owner, refused, 'Continue', {
        value: '£250,000',
        contractMonths: '36',
      });
      assert.equal(cardTitle(fixed), STEP_TITLES.why);
    });

    it('keeps what was typed on Back and on Save and continue later', async () => {
      const { owner } = freshTenant('back-save');
      const { card: first } = await bot.say(owner, 'new');
      const reference = referenceOf(first);
      const why = await bot.execute(owner, first, 'Continue', officerAnswers.basics);
      assert.equal(cardTitle(why), STEP_TITLES.why);

      // Back, part-way through the second card: the basics come back filled in.
      const basics = await bot.execute(owner, why, 'Back', { aims: 'Typed before going back' });
      assert.equal(cardTitle(basics), STEP_TITLES.basics);
      assert.equal(input(basics, 'title').value, 'Custody healthcare');
      assert.equal(input(basics, 'value').value, '£250,000');
      const whyAgain = await bot.execute(owner, basics, 'Continue');
      assert.equal(cardTitle(whyAgain), STEP_TITLES.why);
      assert.equal(input(whyAgain, 'aims').value, 'Typed before going back');

      // Save and continue later: a note of how to come back, and the answers kept.
      const saved = await bot.execute(owner, whyAgain, 'Save and continue later', {
        baselineOutcomes: 'Typed before saving',
      });
      assert.equal(cardTitle(saved), STEP_TITLES.why);
      assert.match(
        cardText(saved),
        new RegExp(`Saved\\. Type \\*\\*open ${reference}\\*\\* at any time`),
      );
      assert.equal(input(saved, 'aims').value, 'Typed before going back');
      assert.equal(input(saved, 'baselineOutcomes').value, 'Typed before saving');

      const { card: reopened } = await bot.say(owner, `open ${reference}`);
      assert.equal(cardTitle(reopened), STEP_TITLES.why);
      assert.equal(input(reopened, 'aims').value, 'Typed before going back');
      assert.equal(input(reopened, 'baselineOutcomes').value, 'Typed before saving');

      const record = await stored(owner, reference);
      assert.deepEqual(
        record.history.map((entry) => entry.action),
        ['created', 'answered', 'went-back', 'answered', 'saved'],
      );
    });

    it('answers a double click with "already saved" and saves the step once', async () => {
      const { owner } = freshTenant('double');
      const { card } = await bot.say(owner, 'new');
      const reference = referenceOf(card);
      const first = await bot.execute(owner, card, 'Continue', officerAnswers.basics);
      const second = await bot.execute(owner, card, 'Continue', officerAnswers.basics);

      assert.equal(cardTitle(first), STEP_TITLES.why);
      assert.equal(cardTitle(second), STEP_TITLES.why);
      assert.match(
        cardText(second),
        /That step was already saved \(the button was pressed twice\)\. Here is where the record stands\./,
      );
      const record = await stored(owner, reference);
      assert.equal(record.history.filter((entry) => entry.step === 'basics').length, 1);
      assert.equal(record.revision, 1);
    });

    it('saves a step once when both clicks of a double click arrive together', async () => {
      const { owner } = freshTenant('double-together');
      const { card } = await bot.say(owner, 'new');
      const reference = referenceOf(card);
      const cards = await Promise.all([
        bot.execute(owner, card, 'Continue', officerAnswers.basics),
        bot.execute(owner, card, 'Continue', officerAnswers.basics),
      ]);
      assert.deepEqual(
        cards.map((c) => cardTitle(c)),
        [STEP_TITLES.why, STEP_TITLES.why],
      );
      assert.equal(cards.filter((c) => /already saved/.test(cardText(c))).length, 1);
      const record = await stored(owner, reference);
      assert.equal(record.history.filter((entry) => entry.step === 'basics').length, 1);
      assert.equal(record.revision, 1);
    });

    it('answers a double click on the Action.Submit fallback the same way', async () => {
      const { owner } = freshTenant('double-submit');
      const shown = await bot.say(owner, 'new');
      const reference = referenceOf(shown.card);
      await bot.submit(owner, shown, 'Continue', officerAnswers.basics);
      const second = await bot.submit(owner, shown, 'Continue', officerAnswers.basics);
      assert.match(cardText(second.card), /That step was already saved/);
      const record = await stored(owner, reference);
      assert.equal(record.history.filter((entry) => entry.step === 'basics').length, 1);
    });

    /** A record the owner started and shared with a colleague, with both looking at the same card. */
    async function sharedRecord(tag: string) {
      const people = freshTenant(tag);
      const { owner, colleague } = people;
      const { card: started } = await bot.say(owner, 'new');
      const reference = referenceOf(started);
      const viewer = { ...owner, isProcurementLead: false };
      const found = await app.records.get(viewer, reference);
      assert.ok(found);
      const shared = shareRecord(
        found.record,
        { id: colleague.userId, name: colleague.name },
        { id: owner.userId, name: owner.name },
        NOW.toISOString(),
      );
      await app.records.replace(shared, found.etag);
      const ownerCard = (await bot.say(owner, `open ${reference}`)).card;
      const colleagueCard = (await bot.say(colleague, `open ${reference}`)).card;
      return { ...people, reference, ownerCard, colleagueCard };
    }

    it('saves one of two people editing at once and gives the other their typed values back', async () => {
      const { owner, colleague, reference, ownerCard, colleagueCard } =
        await sharedRecord('conflict');
      const before = await stored(owner, reference);
      const colleagueTyped = { ...officerAnswers.basics, title: 'Custody healthcare (colleague)' };
      const ownerTyped = {
        ...officerAnswers.basics,
        title: 'Custody nursing (owner)',
        value: '£300,000',
      };

      const saved = await bot.execute(colleague, colleagueCard, 'Continue', colleagueTyped);
      const refused = await bot.execute(owner, ownerCard, 'Continue', ownerTyped);

      assert.equal(cardTitle(saved), STEP_TITLES.why);
      assert.equal(cardTitle(refused), STEP_TITLES.basics);
      assert.match(
        cardText(refused),
        /^Colin Colleague changed this record while you had this card open\. Your answers are below as you typed them/m,
      );
      for (const [key, value] of Object.entries(ownerTyped)) {
        assert.equal(input(refused, key).value, value, `${key} was not given back as typed`);
      }
      let record = await stored(owner, reference);
      assert.equal(record.title, 'Custody healthcare (colleague)');
      assert.equal(record.revision, before.revision + 1);
      assert.equal(record.history.filter((entry) => entry.step === 'basics').length, 1);

      // The owner submits again from the card they were given back: now it is saved, once.
      const resubmitted = await bot.execute(owner, refused, 'Continue');
      assert.equal(cardTitle(resubmitted), STEP_TITLES.why);
      record = await stored(owner, reference);
      assert.equal(record.title, 'Custody nursing (owner)');
      assert.equal(record.draft.answers.value, 300_000);
      const basicsEntries = record.history.filter((entry) => entry.step === 'basics');
      assert.deepEqual(
        basicsEntries.map((entry) => entry.by.name),
        ['Colin Colleague', 'Olive Owner'],
      );
    });

    it('tells the same person with an older card that it is older than their latest change', async () => {
      const { owner } = freshTenant('own-stale');
      const { card: first } = await bot.say(owner, 'new');
      const reference = referenceOf(first);
      const second = (await bot.say(owner, `open ${reference}`)).card;
      await bot.execute(owner, first, 'Continue', officerAnswers.basics);
      const typed = { ...officerAnswers.basics, title: 'Typed on the second card' };
      const older = await bot.execute(owner, second, 'Continue', typed);
      assert.equal(cardTitle(older), STEP_TITLES.basics);
      assert.match(cardText(older), /^This card is older than your latest change to the record/m);
      assert.doesNotMatch(cardText(older), /Someone else|changed this record while/);
      assert.equal(input(older, 'title').value, 'Typed on the second card');
    });

    it('walks the typical exercise in at most 7 cards and 60 controls, no card over 28 KB, no error met', async () => {
      const walk = await walkTypical(bot, freshTenant('walk-goals').owner);
      const figures = walkFigures(walk);
      assert.equal(figures.reachedSummary, true);
      assert.equal(figures.errorsMet, 0, JSON.stringify(walk.cards.map((c) => c.errors)));
      assert.ok(figures.cards <= WALK_GOALS.cards, `${figures.cards} cards`);
      assert.ok(figures.controls <= WALK_GOALS.controls, `${figures.controls} controls`);
      assert.ok(
        figures.wordsBeforeSummary <= WALK_GOALS.wordsBeforeSummary,
        `${figures.wordsBeforeSummary} words before the summary`,
      );
      for (const card of walk.cards) {
        assert.ok(card.bytes < WALK_GOALS.cardBytes, `${card.title}: ${card.bytes} bytes`);
      }
    });

    it('shows every answer on the review, and a Change that comes back to it', async () => {
      const { owner } = freshTenant('review');
      let card = (await bot.say(owner, 'new')).card;
      const reference = referenceOf(card);
      for (const step of WIZARD_STEPS.slice(0, -1)) {
        card = await bot.execute(owner, card, 'Continue', officerAnswers[step]);
      }
      assert.equal(cardTitle(card), STEP_TITLES.review);
      const text = cardText(card);
      for (const shown of [
        'Title: Custody healthcare',
        'Value: £250,000',
        'Starts: 1 April 2026',
        'Aims: Safe and timely care for detainees',
        'Outcomes: New jobs created in the local economy: target 3',
        'Risk indicators: Nature of the workforce',
      ]) {
        assert.ok(text.includes(shown), `the review does not show "${shown}"`);
      }
      const record = await stored(owner, reference);
      const why = await bot.executeData(owner, 'wizard.change', {
        reference,
        step: 'why',
        revision: record.revision,
      });
      assert.equal(cardTitle(why), STEP_TITLES.why);
      assert.equal(input(why, 'aims').value, 'Safe and timely care for detainees');
      const back = await bot.execute(owner, why, 'Continue to the review', {
        aims: 'Safe, timely and dignified care',
      });
      assert.equal(cardTitle(back), STEP_TITLES.review);
      assert.match(cardText(back), /Aims: Safe, timely and dignified care/);
      const summary = await bot.execute(owner, back, 'Confirm and finish');
      assertSummary(summary, reference);
    });

    it('saves exactly one of two submits that arrive together', async () => {
      const { owner, colleague, reference, ownerCard, colleagueCard } = await sharedRecord('race');
      const before = await stored(owner, reference);
      const cards = await Promise.all([
        bot.execute(colleague, colleagueCard, 'Continue', {
          ...officerAnswers.basics,
          title: 'From the colleague',
        }),
        bot.execute(owner, ownerCard, 'Continue', {
          ...officerAnswers.basics,
          title: 'From the owner',
        }),
      ]);
      const movedOn = cards.filter((card) => cardTitle(card) === STEP_TITLES.why);
      const givenBack = cards.filter((card) => cardTitle(card) === STEP_TITLES.basics);
      assert.equal(movedOn.length, 1, 'exactly one submit should be saved');
      assert.equal(givenBack.length, 1, 'the other should be given back');
      const [back] = givenBack;
      assert.ok(back);
      assert.match(cardText(back), /changed this record while you had this card open/);
      const record = await stored(owner, reference);
      assert.equal(record.revision, before.revision + 1);
      assert.equal(record.history.filter((entry) => entry.step === 'basics').length, 1);
      const keptTitle = input(back, 'title').value;
      assert.notEqual(keptTitle, record.title, 'the refused person should see their own title');
    });

    it('shows a record to no one else in the tenant, but to a procurement lead', async () => {
      const { owner, colleague, lead } = freshTenant('access');
      const { card } = await bot.say(owner, 'new');
      const reference = referenceOf(card);

      const opened = await bot.say(colleague, `open ${reference}`);
      assert.equal(cardTitle(opened.card), 'Record not found');
      assert.match(
        cardText(opened.card),
        new RegExp(`I could not find ${reference} among the records you can see`),
      );

      const pressed = await bot.execute(colleague, card, 'Continue', officerAnswers.basics);
      assert.equal(cardTitle(pressed), 'Record not found');
      const record = await stored(owner, reference);
      assert.equal(record.revision, 0);
      assert.equal(record.history.length, 1);

      const asLead = await bot.say(lead, `open ${reference.toLowerCase()}`);
      assert.equal(cardTitle(asLead.card), STEP_TITLES.basics);
      assert.equal(referenceOf(asLead.card), reference);
      const leadList = cardText((await bot.say(lead, 'list')).card);
      assert.match(leadList, /^Commissioning records$/m);
      assert.match(leadList, new RegExp(`\\*\\*${reference}\\*\\* .*owner Olive Owner`));
    });

    it('shows a record to no one in another tenant, a procurement lead there included', async () => {
      const { owner } = freshTenant('home');
      const { lead: otherLead, owner: otherOwner } = freshTenant('elsewhere');
      const { card } = await bot.say(owner, 'new');
      const reference = referenceOf(card);
      for (const stranger of [otherOwner, otherLead]) {
        const opened = await bot.say(stranger, `open ${reference}`);
        assert.equal(cardTitle(opened.card), 'Record not found', `${stranger.name} saw it`);
        const pressed = await bot.execute(stranger, card, 'Continue', officerAnswers.basics);
        assert.equal(cardTitle(pressed), 'Record not found');
      }
      assert.equal((await stored(owner, reference)).revision, 0);
    });

    it('numbers records SV-<year>-0001 upwards within a tenant', async () => {
      const { owner, colleague } = freshTenant('numbering');
      const references = [];
      for (const person of [owner, colleague, owner]) {
        references.push(referenceOf((await bot.say(person, 'new another')).card));
      }
      assert.deepEqual(references, ['SV-2026-0001', 'SV-2026-0002', 'SV-2026-0003']);
      const { owner: elsewhere } = freshTenant('numbering-other');
      assert.equal(referenceOf((await bot.say(elsewhere, 'new')).card), 'SV-2026-0001');
    });

    it('lists my records only, most recently changed first', async () => {
      const { owner, colleague } = freshTenant('list');
      const mine = [];
      mine.push(referenceOf((await bot.say(owner, 'new')).card));
      const theirs = referenceOf((await bot.say(colleague, 'new')).card);
      const { card: second } = await bot.say(owner, 'new another');
      mine.push(referenceOf(second));
      await bot.execute(owner, second, 'Continue', officerAnswers.basics);

      const { card } = await bot.say(owner, 'list');
      const text = cardText(card);
      assert.equal(cardTitle(card), 'My commissioning records');
      assert.match(text, /^2 records$/m);
      assert.doesNotMatch(text, new RegExp(theirs));
      const listed = [...text.matchAll(/^\*\*(SV-\d{4}-\d{4})\*\* (.*)$/gm)];
      assert.deepEqual(
        listed.map((match) => match[1]),
        [...mine].reverse(),
      );
      assert.match(
        listed[0]?.[2] ?? '',
        /^Custody healthcare: draft, at "Why, and who to consult"/,
      );

      const colleagueList = cardText((await bot.say(colleague, 'list')).card);
      assert.match(colleagueList, /^1 record$/m);
      assert.doesNotMatch(colleagueList, new RegExp(mine.join('|')));
    });

    it('tells someone with no records how to start one', async () => {
      const { owner } = freshTenant('empty-list');
      const { card } = await bot.say(owner, 'list');
      assert.equal(cardTitle(card), 'No records yet');
    });

    it('runs a command button pressed on a card and sends its answer below', async () => {
      const { owner } = freshTenant('button');
      const welcome = (await bot.say(owner, 'help')).card;
      const mark = connector.mark();
      const answer = await bot.pressCommand(owner, welcome, 'Start a commissioning exercise');
      assert.match(answer, /Answered below/);
      const sent = await connector.waitFor(
        (c) => c.method === 'POST' && c.activity.type === 'message',
        { after: mark, description: 'the new record card' },
      );
      assert.equal(cardTitle(cardOf(sent.activity)), STEP_TITLES.basics);
    });

    describe('when the database fails', () => {
      afterEach(() => {
        sinon.restore();
      });

      it('says the answers were not saved, and keeps the record as it was', async () => {
        const { owner } = freshTenant('db-fault');
        const { card } = await bot.say(owner, 'new');
        const reference = referenceOf(card);
        sinon.stub(app.records, 'replace').rejects(new Error('Cosmos DB is unavailable'));
        const failed = await bot.execute(owner, card, 'Continue', officerAnswers.basics);
        sinon.restore();
        assert.equal(cardTitle(failed), 'Something went wrong');
        assert.match(
          cardText(failed),
          /Your answers were not saved\. Please try again in a moment\./,
        );
        assert.doesNotMatch(cardText(failed), /Cosmos/);
        const record = await stored(owner, reference);
        assert.equal(record.revision, 0);
        // Pressed again once the database is back, the same card is saved.
        assert.equal(
          cardTitle(await bot.execute(owner, card, 'Continue', officerAnswers.basics)),
          STEP_TITLES.why,
        );
      });

      it('apologises for a typed command that fails, without the technical detail', async () => {
        const { owner } = freshTenant('db-fault-command');
        sinon.stub(app.records, 'list').rejects(new Error('Cosmos DB is unavailable'));
        const replies = await bot.send(bot.activities.message(owner, 'list'));
        assert.deepEqual(
          replies.map((reply) => reply.activity.text),
          [TURN_FAILED],
        );
      });

      it('reports itself degraded on the health check', async () => {
        sinon.stub(app.store.database, 'read').rejects(new Error('Cosmos DB is unavailable'));
        const response = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        assert.equal(response.status, 503);
        assert.deepEqual(await response.json(), { status: 'degraded', cosmos: 'unreachable' });
      });
    });
  });

  describe('with Bot Framework credentials set', () => {
    let app: App;
    let bot: BotClient;
    let consoleError: sinon.SinonStub;

    before(async () => {
      app = await start({ MicrosoftAppId: 'test-app-id', MicrosoftAppPassword: 'any-secret' });
      bot = new BotClient(app.url, connector);
    });

    beforeEach(() => {
      // botbuilder prints each refused request; the test checks the response instead.
      consoleError = sinon.stub(console, 'error');
    });

    afterEach(() => {
      consoleError.restore();
    });

    after(async () => {
      await app.close();
    });

    for (const [name, headers] of [
      ['no token', {}],
      ['a token that is not a JWT', { authorization: 'Bearer not-a-token' }],
      ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ] as const) {
      it(`refuses a request with ${name} with 401 and changes nothing`, async () => {
        const { owner } = freshTenant('auth');
        const mark = connector.mark();
        const message = bot.activities.message(owner, 'new');
        const reply = await bot.post(message, headers);
        assert.equal(reply.status, 401);
        const invoke = bot.activities.execute(owner, 'command', { verb: 'command', text: 'new' });
        assert.equal((await bot.post(invoke, headers)).status, 401);
        // Give any stray reply time to arrive before saying none did.
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(connector.since(mark), []);
        assert.deepEqual(await storedDocuments(app), []);
      });
    }
  });

  describe('with a tenant allow-list', () => {
    let app: App;
    let bot: BotClient;
    const allowed = freshTenant('allowed');
    const refused = freshTenant('refused');

    before(async () => {
      app = await start({ ALLOWED_TENANT_IDS: `tenant-x, ${allowed.tenantId}` });
      bot = new BotClient(app.url, connector);
    });

    after(async () => {
      await app.close();
    });

    it('refuses another tenant politely and stores nothing', async () => {
      const replies = await bot.send(bot.activities.message(refused.owner, 'new'));
      assert.deepEqual(
        replies.map((r) => r.activity.text),
        [
          'Sorry, this assistant is not available to your organisation. Ask your IT team if you think it should be.',
        ],
      );
      const invoke = await bot.post(
        bot.activities.execute(refused.owner, 'command', { verb: 'command', text: 'new' }),
      );
      assert.equal(invoke.status, 200);
      assert.match(JSON.stringify(invoke.body), /not available to your organisation/);
      await bot.send(bot.activities.installationUpdate(refused.owner));

      const { resources: records } = await app.store.containers.records.items.readAll().fetchAll();
      assert.deepEqual(records, [], 'no record (nor a reference counter) may be made');
      const theirs = (await storedDocuments(app)).filter((document) =>
        JSON.stringify(document).includes(refused.tenantId),
      );
      assert.deepEqual(theirs, [], 'nothing may be stored for a refused tenant');
    });

    it('serves a tenant on the list', async () => {
      const { card } = await bot.say(allowed.owner, 'new');
      assert.equal(cardTitle(card), STEP_TITLES.basics);
      assert.ok(inputsOf(card).has('title'));
      assert.doesNotMatch(cardText(card), /not available/);
      const { resources } = await app.store.containers.records.items.readAll().fetchAll();
      assert.ok(resources.some((item) => item.id === referenceOf(card)));
    });
  });
  describe("with the force's policy review date set (POLICY_REVIEW_DUE)", () => {
    it('shows the review date the setting gives, and warns once it has passed', async () => {
      const { owner } = freshTenant('review-date');
      const later = await start({ POLICY_REVIEW_DUE: '2099-12-31' });
      try {
        const text = cardText(
          (await new BotClient(later.url, connector).say(owner, 'policy')).card,
        );
        assert.match(text, /^Review due: 31 December 2099$/m);
        assert.doesNotMatch(text, /not recorded|has passed/);
      } finally {
        await later.close();
      }
      const passed = await start({ POLICY_REVIEW_DUE: '2000-01-01' });
      try {
        const text = cardText(
          (await new BotClient(passed.url, connector).say(owner, 'policy')).card,
        );
        assert.match(text, /^Review due: 1 January 2000$/m);
        assert.match(text, /its review date has passed/);
      } finally {
        await passed.close();
      }
    });

    it('says the review date is not recorded when the setting is left unset', async () => {
      const { owner } = freshTenant('no-review-date');
      const unset = await start();
      try {
        const text = cardText(
          (await new BotClient(unset.url, connector).say(owner, 'policy')).card,
        );
        assert.match(text, /^Review due: Not recorded$/m);
        assert.match(text, /review date is not recorded/);
      } finally {
        await unset.close();
      }
    });
  });
});
