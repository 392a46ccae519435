import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  choose,
  heading,
  lastCard,
  openChat,
  press,
  radio,
  type Stack,
  screenshotOnFailure,
  send,
  startStack,
} from './support.js';

/**
 * One commissioning exercise from start to summary, as an officer does it: the real bot over
 * HTTP, the real Agents Playground (a Teams-like client) and headless Chromium.
 */

/** The bot's clock: the record reference and the "today" of the assessment follow it. */
const NOW = new Date('2026-02-16T10:00:00Z');

const TITLE = 'Custody suite cleaning';

describe('an officer in the Agents Playground', function () {
  this.timeout(60_000);

  let stack: Stack | undefined;
  let page: Page;

  before(async () => {
    stack = await startStack('playground', {}, () => NOW);
    page = stack.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && stack)
      await screenshotOnFailure(page, 'playground');
  });

  after(async () => {
    await stack?.stop();
  });

  it('runs a whole exercise to its summary and finds it in the list', async function () {
    this.timeout(180_000);
    assert.ok(stack);
    await openChat(page, stack.playground.url);

    // Start an exercise.
    await send(page, 'new');
    const card = lastCard(page);
    await heading(card, 'About the contract');
    await card.getByText('SV-2026-0001: Untitled commissioning exercise').waitFor();
    await card.getByText('Step 1 of 8').waitFor();

    // The basics, with the value mistyped.
    await card.getByRole('textbox', { name: 'Contract title' }).fill(TITLE);
    await card
      .getByRole('textbox', { name: 'What is being bought, briefly (optional)' })
      .fill('Daily cleaning of the two custody suites');
    await choose(card, 'Is the contract for goods, services or works, or a mix?', 'Services');
    const value = card.getByRole('textbox', { name: 'Estimated whole-life value, including VAT' });
    await value.fill('lots');
    const months = card.getByRole('spinbutton', {
      name: 'Contract length in months, including any extensions',
    });
    await months.fill('36');
    const start = card.getByRole('combobox', { name: 'Date the procurement starts' });
    await start.fill('2026-03-01');
    await start.press('Enter');
    await page.keyboard.press('Escape'); // closes the calendar the date field opens
    await choose(card, 'Is the provider one of our key providers?', 'No');
    await choose(
      card,
      'Will the contract be awarded through a competitive process? (optional)',
      'Yes',
    );
    await proceed(card);

    // The same card again: the error beside the value, everything typed still there.
    await card.getByText('Check the answer marked below.').waitFor();
    const valueError = card.getByText('Enter an amount in pounds, like £250,000 or 250k');
    await valueError.waitFor();
    await assertBetween(valueError, value, months);
    assert.equal(await value.inputValue(), 'lots');
    assert.equal(await card.getByRole('textbox', { name: 'Contract title' }).inputValue(), TITLE);
    assert.equal(await months.inputValue(), '36');
    assert.equal(await start.inputValue(), 'March 1, 2026');
    assert.ok(await radio(card, 'Is the contract for', 'Services').isChecked());
    assert.ok(await radio(card, 'Is the provider one of our key providers?', 'No').isChecked());
    assert.equal(await card.getByText('Step 1 of 8').count(), 1);

    await value.fill('250k');
    await proceed(card);

    // Why: with the guidance the basics give, each line with its paragraph.
    await heading(card, 'Why commission it?');
    await card.getByText('Step 2 of 8').waitFor();
    await card.getByText('What the policy says about this contract').waitFor();
    await card.getByText('In scope of the policy').waitFor();
    await card.getByText('§1.1.3(iii)').first().waitFor();
    await card.getByText(/£207,720 for goods and services/).waitFor();
    await card.getByText('The Social Value Act applies').waitFor();
    await choose(card, 'Is the service still relevant?', 'Yes');
    await card
      .getByRole('textbox', { name: 'What are we trying to achieve?' })
      .fill('Clean, safe custody suites that meet the Home Office standards');
    await card
      .getByRole('textbox', { name: 'The baseline service outcomes' })
      .fill('Every cell cleaned daily; deep clean monthly');
    await proceed(card);

    // Consultation: the follow-up to "yes" is on the same card, labelled with its condition.
    await heading(card, 'Consultation and co-design');
    await choose(card, 'Will you consult service users, the community or the market?', 'Yes');
    await card
      .getByRole('textbox', { name: 'If you will consult: Who will you consult, and how?' })
      .fill('A market engagement day with local cleaning firms');
    await proceed(card);

    // Outcomes: two themes, one measure each, and the weighting.
    await heading(card, 'Social value outcomes');
    const themes = 'Which themes will the contract contribute to?';
    await tick(card, themes, 'Skills and employment');
    await tick(card, themes, 'Environmental sustainability');
    const measures = 'Which outcomes will you seek? Tick at least one for each theme';
    await tick(card, measures, 'Skills and employment: New jobs created in the local economy');
    await tick(
      card,
      measures,
      'Environmental sustainability: Share of contract waste diverted from landfill',
    );
    await card
      .getByRole('spinbutton', { name: 'Share of the award criteria on social value (%)' })
      .fill('10');
    await card
      .getByRole('textbox', { name: 'Why social value carries this weight (optional)' })
      .fill('Cleaning is labour-intensive and local');
    await proceed(card);

    // Targets, each confirmed against the three tests.
    await heading(card, 'Targets for each outcome');
    await setTarget(card, 'New jobs created in the local economy', 'Target (number)', '4');
    await setTarget(card, 'Share of contract waste diverted from landfill', 'Target (%)', '60');
    await proceed(card);

    // Smaller providers.
    await heading(card, 'Opening the contract to smaller providers');
    await card
      .getByRole('textbox', { name: /How will the opportunity be promoted widely/ })
      .fill('On Find a Tender and through the county business network, eight weeks ahead');
    await choose(card, 'Will you hold a pre-tender awareness event? (optional)', 'Yes');
    await choose(card, 'Will the contract be split into lots?', 'Yes');
    await proceed(card);

    // Modern slavery: the sector from the drop-down, every commitment planned.
    await heading(card, 'Modern slavery');
    await tick(
      card,
      'Which modern slavery risk indicators apply to this contract? (optional)',
      'Nature of the workforce (low-skilled, temporary, seasonal or migrant labour)',
    );
    await card
      .getByRole('combobox', {
        name: "Is the supplier's sector one that central guidance names as higher risk?",
      })
      .click();
    await page.getByRole('option', { name: 'Cleaning' }).click();
    const commitments = card.getByRole('checkbox', {
      name: /^Which of the Modern Slavery Statement commitments will this contract carry out\? \(optional\) MSS-\d+: /,
    });
    const count = await commitments.count();
    assert.ok(count > 0, 'the Modern Slavery Statement commitments are listed');
    for (let i = 0; i < count; i += 1) await commitments.nth(i).check();
    await proceed(card);

    // Review.
    await heading(card, 'Check and confirm');
    await choose(card, 'I confirm the answers are complete and correct', 'Yes');
    await proceed(card);

    // The summary: the record's reference and title, its outcomes with their targets.
    await card.getByText(`SV-2026-0001: ${TITLE}`).waitFor();
    await card.getByText('Pre-commissioning is complete.', { exact: false }).waitFor();
    await card
      .getByText(
        /New jobs created in the local economy: target 4\b.*three tests of §2\.1 confirmed/,
      )
      .waitFor();
    await card
      .getByText(
        /Share of contract waste diverted from landfill: target 60\b.*three tests of §2\.1 confirmed/,
      )
      .waitFor();
    await card.getByText('£250,000').first().waitFor();
    await card.getByText(/^Modern slavery risk: /).waitFor();

    // The list.
    await send(page, 'list');
    const list = lastCard(page);
    await list.getByText('My commissioning records').waitFor();
    await list.getByText(/SV-2026-0001.*Custody suite cleaning: complete/).waitFor();
  });
});

/** Presses Continue and waits for the bot's answer to it. */
function proceed(card: Locator): Promise<void> {
  return press(card, 'Continue');
}

/** Ticks an option of a multi-select question (its checkbox is named by both). */
async function tick(card: Locator, question: string, option: string): Promise<void> {
  await card.getByRole('checkbox', { name: `${question} ${option}`, exact: true }).check();
}

/** A target and the three tests of §2.1, inside the measure's own box. */
async function setTarget(
  card: Locator,
  measure: string,
  targetLabel: string,
  target: string,
): Promise<void> {
  const box = card
    .locator('.ac-container')
    .filter({ hasText: measure })
    .filter({ has: card.page().getByRole('spinbutton') })
    .last();
  await box.getByRole('spinbutton', { name: targetLabel }).fill(target);
  const tests = box.getByRole('checkbox');
  assert.equal(await tests.count(), 3, `three tests for ${measure}`);
  for (let i = 0; i < 3; i += 1) await tests.nth(i).check();
}

/** The error shows right under its own field: below it and above the next question. */
async function assertBetween(error: Locator, field: Locator, next: Locator): Promise<void> {
  const [e, f, n] = await Promise.all([
    error.boundingBox(),
    field.boundingBox(),
    next.boundingBox(),
  ]);
  assert.ok(e && f && n, 'the error and the fields are on the page');
  assert.ok(
    e.y > f.y && e.y < n.y,
    `the error (y=${e.y}) is between its field (y=${f.y}) and the next (y=${n.y})`,
  );
}
