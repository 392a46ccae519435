import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { RECORD_TEXT_LIMITS, TEXT_LIMITS } from '../../core/flow/index.js';
import { longText } from '../core/record/max-record.js';
import { BotClient } from '../support/bot-client.js';
import { cardText, cardTitle, fieldErrors, input } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { maxLengthOf } from '../support/input-limits.js';
import { freshTenant, officerAnswers, STEP_TITLES } from '../support/officer.js';
import {
  completeRecord,
  executeOn,
  newRecord,
  pack,
  referenceOf,
  setAward,
  startBot,
  storedRecord,
  TestClock,
} from './post-award-support.js';

const NOW = '2026-06-02T08:30:00Z';

const tooLong = (max: number): string =>
  `Shorten this to ${max.toLocaleString('en-GB')} characters or fewer; it is ${(max + 1).toLocaleString('en-GB')}.`;

const ALL_GOLD = {
  rating_relationship: 'gold',
  rating_performance: 'gold',
  rating_collaboration: 'gold',
  'rating_review-boards': 'gold',
  rating_behaviour: 'gold',
  'rating_social-value-outputs': 'gold',
};

describe('text length limits over HTTP', function () {
  this.timeout(20_000);
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

  it('refuses a wizard answer one character too long beside its field, keeping every value typed, and takes the maximum', async () => {
    const { owner } = freshTenant('lengths-wizard');
    const { card: first } = await bot.say(owner, 'new');
    const reference = referenceOf(first);
    assert.equal(maxLengthOf(first, 'title'), TEXT_LIMITS.short);
    const card = await bot.execute(owner, first, 'Continue', officerAnswers.basics);
    assert.equal(maxLengthOf(card, 'aims'), TEXT_LIMITS.long);
    const before = await storedRecord(app, owner, reference);

    const over = longText(TEXT_LIMITS.long + 1);
    const refused = await bot.execute(owner, card, 'Continue', {
      ...officerAnswers.why,
      aims: over,
    });
    assert.equal(cardTitle(refused), STEP_TITLES.why);
    assert.deepEqual(fieldErrors(refused), {
      aims: `“What are we trying to achieve?”: ${tooLong(TEXT_LIMITS.long).replace(/^S/, 's')}`,
    });
    assert.equal(input(refused, 'aims').value, over);
    assert.equal(input(refused, 'consult').value, officerAnswers.why.consult);
    assert.equal(input(refused, 'baselineOutcomes').value, officerAnswers.why.baselineOutcomes);
    const unchanged = await storedRecord(app, owner, reference);
    assert.equal(unchanged.revision, before.revision);
    assert.deepEqual(unchanged.draft, before.draft);
    assert.deepEqual(unchanged.history, before.history);

    const longest = longText(TEXT_LIMITS.long);
    const accepted = await bot.execute(owner, refused, 'Continue', { aims: longest });
    assert.equal(cardTitle(accepted), STEP_TITLES.outcomes);
    const saved = await storedRecord(app, owner, reference);
    assert.equal(saved.draft.answers.aims, longest);
  });

  it('refuses a stage note one character too long beside the note, keeping it, and takes the maximum', async () => {
    const { owner } = freshTenant('lengths-note');
    const reference = await newRecord(bot, owner);
    const { card } = await bot.say(owner, `stages ${reference}`);
    assert.equal(maxLengthOf(card, 'stageNote_5'), RECORD_TEXT_LIMITS.stageNote);
    const before = await storedRecord(app, owner, reference);

    const over = longText(RECORD_TEXT_LIMITS.stageNote + 1);
    const refused = await executeOn(
      bot,
      owner,
      card,
      { title: 'Mark done', stage: 5 },
      { stageDoneOn_5: '2026-06-01', stageNote_5: over },
    );
    assert.deepEqual(fieldErrors(refused), {
      stageNote_5: tooLong(RECORD_TEXT_LIMITS.stageNote),
    });
    assert.match(cardText(refused), /^Check the note under "Update stage 5"\.$/m);
    assert.equal(input(refused, 'stageNote_5').value, over);
    assert.equal(input(refused, 'stageDoneOn_5').value, '2026-06-01');
    const unchanged = await storedRecord(app, owner, reference);
    assert.equal(unchanged.revision, before.revision);
    assert.deepEqual(unchanged.stages, before.stages);
    assert.deepEqual(unchanged.history, before.history);

    const longest = longText(RECORD_TEXT_LIMITS.stageNote);
    await executeOn(
      bot,
      owner,
      refused,
      { title: 'Mark done', stage: 5 },
      { stageDoneOn_5: '2026-06-01', stageNote_5: longest },
    );
    const saved = await storedRecord(app, owner, reference);
    assert.equal(saved.stages?.find((s) => s.number === 5)?.completions[0]?.note, longest);
  });

  it('refuses a supplier name one character too long beside the field when the award is set', async () => {
    const { owner } = freshTenant('lengths-supplier');
    const reference = await newRecord(bot, owner);
    const before = await storedRecord(app, owner, reference);
    const over = 'S'.repeat(RECORD_TEXT_LIMITS.supplier + 1);
    const refused = await setAward(bot, owner, reference, {
      awardDate: '2026-04-15',
      months: 24,
      supplier: over,
    });
    assert.deepEqual(fieldErrors(refused), { supplier: tooLong(RECORD_TEXT_LIMITS.supplier) });
    assert.equal(input(refused, 'supplier').value, over);
    assert.equal(input(refused, 'awardDate').value, '2026-04-15');
    assert.equal((await storedRecord(app, owner, reference)).revision, before.revision);

    const longest = 'S'.repeat(RECORD_TEXT_LIMITS.supplier);
    await setAward(bot, owner, reference, {
      awardDate: '2026-04-15',
      months: 24,
      supplier: longest,
    });
    assert.equal((await storedRecord(app, owner, reference)).contract?.supplier, longest);
  });

  it('refuses rating evidence one character too long beside the field, keeping every choice, and takes the maximum', async () => {
    const { owner } = freshTenant('lengths-rating');
    // A supplier is rated on a complete, awarded record.
    const reference = await completeRecord(bot, owner);
    await setAward(bot, owner, reference, { awardDate: '2026-04-15', months: 24 });
    const { card } = await bot.say(owner, `rate ${reference}`);
    assert.equal(maxLengthOf(card, 'ratingEvidence'), RECORD_TEXT_LIMITS.ratingEvidence);
    assert.equal(maxLengthOf(card, 'ratingSupplier'), RECORD_TEXT_LIMITS.supplier);

    const over = longText(RECORD_TEXT_LIMITS.ratingEvidence + 1);
    const refused = await bot.execute(owner, card, 'Rate the supplier', {
      ratingSupplier: 'Acme Care Ltd',
      ...ALL_GOLD,
      ratingEvidence: over,
    });
    assert.deepEqual(fieldErrors(refused), {
      ratingEvidence: tooLong(RECORD_TEXT_LIMITS.ratingEvidence),
    });
    assert.equal(input(refused, 'ratingEvidence').value, over);
    assert.equal(input(refused, 'ratingSupplier').value, 'Acme Care Ltd');
    assert.equal(input(refused, 'rating_behaviour').value, 'gold');
    assert.equal((await storedRecord(app, owner, reference)).ratings, undefined);

    const longest = longText(RECORD_TEXT_LIMITS.ratingEvidence);
    const rated = await bot.execute(owner, refused, 'Rate the supplier', {
      ratingEvidence: longest,
    });
    assert.match(cardTitle(rated), /^Acme Care Ltd: /);
    const saved = await storedRecord(app, owner, reference);
    assert.equal(saved.ratings?.[0]?.evidence, longest);
  });

  it('words every stage and rating error for the officer, never by a field id', async () => {
    const { owner } = freshTenant('lengths-words');
    const reference = await completeRecord(bot, owner);
    await setAward(bot, owner, reference, { awardDate: '2026-04-15', months: 24 });
    const { card } = await bot.say(owner, `rate ${reference}`);
    const refused = await bot.execute(owner, card, 'Rate the supplier', { ratingSupplier: ' ' });
    const errors = fieldErrors(refused);
    assert.equal(
      errors.rating_behaviour,
      "Choose one level for “The supplier's behaviours”: the supplier’s tier rests on every row.",
    );
    assert.equal(
      errors.ratingSupplier,
      'Enter the supplier’s name, as it appears on the contract.',
    );
    assert.equal(
      errors.ratingEvidence,
      `Describe the evidence for the rating. ${pack.supplierStatus.basis}`,
    );

    const stages = (await bot.say(owner, `stages ${reference}`)).card;
    const future = await executeOn(
      bot,
      owner,
      stages,
      { title: 'Mark done', stage: 4 },
      { stageDoneOn_4: '2026-12-01' },
    );
    assert.deepEqual(fieldErrors(future), {
      stageDoneOn_4:
        'The date stage 4 was done cannot be after today (2 June 2026): enter the day it was done.',
    });
  });
});
