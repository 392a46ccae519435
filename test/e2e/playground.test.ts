import assert from 'node:assert/strict';
import { join } from 'node:path';
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
    await card.getByText('Step 1 of 6').waitFor();
    await shot(card, '1-basics');

    // The basics, with the value mistyped. Nothing is chosen for the officer.
    assert.equal(await radio(card, 'Will the award be competitive?', 'Yes').isChecked(), false);
    assert.equal(await card.getByRole('combobox', { name: /main element/i }).count(), 0);
    await card.getByRole('textbox', { name: 'Contract title' }).fill(TITLE);
    await choose(card, 'What is the contract for?', 'Services');
    await choose(
      card,
      'Is it a concession (paid by the right to run it)? (required if works or services)',
      'No',
    );
    const value = card.getByRole('textbox', { name: 'Estimated whole-life value, including VAT' });
    await value.fill('lots');
    const months = card.getByRole('spinbutton', {
      name: 'Contract length in months, with any extensions',
    });
    await months.fill('36');
    const start = card.getByRole('combobox', { name: 'Date the procurement starts' });
    await start.fill('2026-03-01');
    await start.press('Enter');
    await page.keyboard.press('Escape'); // closes the calendar the date field opens
    await choose(card, 'Is the provider one of our key providers?', 'No');
    await choose(card, 'Will the award be competitive?', 'Yes');
    await proceed(card);

    // The same card again: one plain-worded error beside the value, everything typed still there.
    await card.getByText('Check the answer marked below: each says what to change.').waitFor();
    const valueError = card.getByText(
      '“Estimated whole-life value, including VAT”: enter an amount in pounds, like £250,000 or 250k',
    );
    await valueError.waitFor();
    await shot(card, '1-basics-error');
    await assertBetween(valueError, value, months);
    assert.equal(await value.inputValue(), 'lots');
    assert.equal(await card.getByRole('textbox', { name: 'Contract title' }).inputValue(), TITLE);
    assert.equal(await months.inputValue(), '36');
    assert.equal(await start.inputValue(), 'March 1, 2026');
    assert.ok(await radio(card, 'What is the contract for?', 'Services').isChecked());
    assert.ok(await radio(card, 'Is the provider one of our key providers?', 'No').isChecked());
    assert.equal(await card.getByText('Step 1 of 6').count(), 1);

    await value.fill('250k');
    await proceed(card);

    // The verdict first: the value and the date shown back in UK form, the lines behind a toggle.
    await heading(card, 'Why, and who to consult');
    await card.getByText('Step 2 of 6').waitFor();
    await heading(card, 'The verdict');
    await card.getByText('£250,000 of services, starting 1 March 2026, 36 months').waitFor();
    await card.getByText('Yes: at or above £207,720 (goods and services)').waitFor();
    const policyLine = card.getByText(/£250,000 is greater than £100,000/);
    assert.equal(await policyLine.isVisible(), false, 'the policy lines start hidden');
    await shot(card, '2-verdict');
    await card.getByRole('button', { name: 'Show the policy lines' }).click();
    await policyLine.waitFor();
    await card
      .getByText(/§1\.1\.3\(iii\) of the policy/)
      .first()
      .waitFor();
    await shot(card, '2-verdict-lines');
    await card.getByRole('button', { name: 'Show the policy lines' }).click();
    await choose(card, 'Is the service still relevant?', 'Yes');
    await card
      .getByRole('textbox', { name: 'What are we trying to achieve?' })
      .fill('Clean, safe custody suites that meet the Home Office standards');
    await card
      .getByRole('textbox', { name: 'The baseline service outcomes' })
      .fill('Every cell cleaned daily; deep clean monthly');
    await choose(card, 'Will you consult service users, the community or the market?', 'Yes');
    await card
      .getByRole('textbox', { name: 'Who will you consult, and how? (If no one, why not?)' })
      .fill('A market engagement day with local cleaning firms');
    await proceed(card);

    // Outcomes: one list under each theme, and the weighting.
    await heading(card, 'Social value outcomes');
    await shot(card, '3-outcomes');
    await tick(card, 'Skills and employment', 'New jobs created in the local economy');
    await tick(
      card,
      'Environmental sustainability',
      'Share of contract waste diverted from landfill (our reading)',
    );
    await card
      .getByRole('spinbutton', { name: 'Share of the award criteria on social value (%)' })
      .fill('10');
    await card
      .getByRole('textbox', { name: 'Why social value carries this weight (required if above 0%)' })
      .fill('Cleaning is labour-intensive and local');
    await proceed(card);

    // Targets, each confirmed against the three tests with one tick.
    await heading(card, 'Targets for each outcome');
    await shot(card, '4-targets');
    await setTarget(card, 'New jobs created in the local economy', 'Target (number)', '4');
    await setTarget(card, 'Share of contract waste diverted from landfill', 'Target (%)', '60');
    await proceed(card);

    // Smaller providers and modern slavery: the sector from the drop-down.
    await heading(card, 'Smaller providers and modern slavery');
    await card
      .getByRole('textbox', { name: /How will you promote it widely/ })
      .fill('On Find a Tender and through the county business network, eight weeks ahead');
    await card.getByRole('checkbox', { name: 'We will hold a pre-tender awareness event' }).check();
    await choose(card, 'Will the contract be split into lots?', 'Yes');
    await tick(
      card,
      'Modern slavery risk indicators that apply (optional)',
      'Nature of the workforce (low-skilled, temporary, seasonal or migrant labour)',
    );
    await card
      .getByRole('combobox', {
        name: "Is the supplier's sector one that guidance names as higher risk?",
      })
      .click();
    await page.getByRole('option', { name: 'Cleaning' }).click();
    await card
      .getByRole('checkbox', {
        name: 'We will carry out every modern slavery commitment that applies',
      })
      .check();
    await shot(card, '5-smaller-providers-modern-slavery');
    await proceed(card);

    // The review shows every answer; Change opens a step and comes back.
    await heading(card, 'Check your answers');
    await card.getByText(TITLE, { exact: true }).waitFor();
    await card.getByText('1 March 2026', { exact: true }).waitFor();
    await card.getByText('A market engagement day with local cleaning firms').waitFor();
    await card.getByText('New jobs created in the local economy: target 4').waitFor();
    await shot(card, '6-review');
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/_conversation/v1/invoke',
    );
    await card.getByRole('button', { name: 'Change' }).nth(1).click();
    await answered;
    await heading(card, 'Why, and who to consult');
    const aims = card.getByRole('textbox', { name: 'What are we trying to achieve?' });
    assert.equal(
      await aims.inputValue(),
      'Clean, safe custody suites that meet the Home Office standards',
    );
    await aims.fill('Clean, safe and dignified custody suites');
    await press(card, 'Continue to the review');
    await heading(card, 'Check your answers');
    await card.getByText('Clean, safe and dignified custody suites').waitFor();
    await press(card, 'Confirm and finish');

    // The summary: the verdict and the plan first.
    await card.getByText(`SV-2026-0001: ${TITLE}`).waitFor();
    await card.getByText(/^Pre-commissioning is complete/).waitFor();
    await card
      .getByText(
        /New jobs created in the local economy: target 4; Share of contract waste diverted from landfill: target 60%/,
      )
      .waitFor();
    await card.getByText('£250,000 of services, starting 1 March 2026, 36 months').waitFor();
    await card.getByText('Modern slavery risk').waitFor();
    await shot(card, '7-summary');

    // The list.
    await send(page, 'list');
    const list = lastCard(page);
    await list.getByText('My commissioning records').waitFor();
    await list.getByText(/SV-2026-0001.*Custody suite cleaning: complete/).waitFor();
  });
});

/**
 * Every input a screen reader meets on the card has a name: its own label, a label element,
 * or the group it belongs to (a radio or tick box in a labelled group).
 */
async function assertLabelled(card: Locator, name: string): Promise<void> {
  const fields = await card.locator('input, textarea, [role="combobox"]').count();
  const summary = name.endsWith('summary') || name.endsWith('review') || name.includes('lines');
  assert.ok(summary || fields > 0, `${name}: no inputs found to check`);
  const unnamed = await card.locator('input, textarea, [role="combobox"]').evaluateAll((fields) =>
    fields
      .filter((field) => {
        const element = field as unknown as {
          type?: string;
          labels?: { length: number } | null;
          getAttribute(name: string): string | null;
        };
        if (element.type === 'hidden' || element.getAttribute('aria-hidden') === 'true')
          return false;
        const own =
          element.getAttribute('aria-label') ??
          element.getAttribute('aria-labelledby') ??
          (element.labels && element.labels.length > 0 ? 'label' : null) ??
          element.getAttribute('title');
        return own === null || own.trim() === '';
      })
      .map((field) => field.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(unnamed, [], `${name}: inputs without a name`);
}

/**
 * With SV_SHOTS set to a folder, saves a screenshot of the card there, to look at what the
 * officer sees (`.shots/` is git-ignored); otherwise does nothing.
 */
async function shot(card: Locator, name: string): Promise<void> {
  await assertLabelled(card, name);
  const folder = process.env.SV_SHOTS;
  if (!folder) return;
  // Tall enough that the chat's own header never covers a long card.
  await card.page().setViewportSize({ width: 1000, height: 3200 });
  await card.screenshot({ path: join(folder, `${name}.png`) });
}

/** Presses Continue and waits for the bot's answer to it. */
function proceed(card: Locator): Promise<void> {
  return press(card, 'Continue');
}

/** Ticks an option of a multi-select list (its checkbox is named by both). */
async function tick(card: Locator, list: string, option: string): Promise<void> {
  await card.getByRole('checkbox', { name: `${list} ${option}`, exact: true }).check();
}

/** A target and the one tick for the three tests of §2.1, inside the outcome's own box. */
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
  const tests = box.getByRole('checkbox', { name: 'Meets all three tests' });
  assert.equal(await tests.count(), 1, `one tick for ${measure}`);
  await tests.check();
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
