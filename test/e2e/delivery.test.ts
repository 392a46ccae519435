import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { type CommissioningRecord, commissioningRecordSchema } from '../../core/record/index.js';
import { newRecord, walkRecord } from '../core/record/fixtures.js';
import {
  cards,
  choose,
  fillDate,
  heading,
  lastCard,
  openChat,
  press,
  type Stack,
  screenshotOnFailure,
  send,
  startStack,
} from './support.js';

/**
 * Social value delivered, as an officer records it in the Agents Playground: an awarded
 * record's quarterly review falls due, its reminder opens the delivery card, the quarter's
 * delivery is recorded (a mistake first), and the card shows the progress against each target.
 * The real bot over HTTP, the real Playground and headless Chromium.
 */

const SECRET = 'e2e-reminders-secret-delivery-0123';
const TITLE = 'Custody healthcare';
const SUPPLIER = 'Acme Care Ltd';
const AWARDED_ON = new Date('2026-02-16T10:00:00Z');
/** After the first quarterly review's date (2 May). */
const AFTER_DUE = new Date('2026-05-05T09:00:00Z');

describe('recording delivery in the Agents Playground', function () {
  this.timeout(120_000);

  let stack: Stack | undefined;
  let page: Page;
  let now = AWARDED_ON;

  before(async () => {
    stack = await startStack(
      'delivery',
      { REMINDERS_SECRET: SECRET, REMINDER_SWEEP_MINUTES: '0' },
      () => now,
    );
    page = stack.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && stack) await screenshotOnFailure(page, 'delivery');
  });

  after(async () => {
    await stack?.stop();
  });

  it('opens the delivery card from the review reminder, records a quarter and shows progress', async () => {
    assert.ok(stack);
    const { app, playground } = stack;
    await openChat(page, playground.url);

    // A record of the officer's, finished: its questions are answered as the wizard's test
    // officer answers them (local jobs, target 3, and the Living Wage), straight in the store.
    await send(page, 'new');
    const first = lastCard(page);
    await heading(first, 'About the contract');
    const shown = await first
      .getByText(/^SV-\d{4}-\d{4,}: /)
      .first()
      .textContent();
    const reference = /SV-\d{4}-\d{4,}/.exec(shown ?? '')?.[0];
    assert.ok(reference, `the card names the record: ${shown}`);
    await finishInStore(app, reference);

    // The award, on the stages card.
    await send(page, `stages ${reference}`);
    const stages = lastCard(page);
    await heading(stages, 'Procurement stages');
    await fillDate(stages, 'Award date', '2026-02-02');
    await stages.getByRole('spinbutton', { name: 'Contract length in months' }).fill('24');
    await stages.getByRole('textbox', { name: 'Supplier (optional)' }).fill(SUPPLIER);
    await press(stages, 'Set the award');
    await stages
      .getByText('The award is saved and the review stages have their due dates.')
      .waitFor();
    assert.equal(await stages.getByRole('button', { name: 'Record delivery' }).count(), 1);

    // The quarterly review falls due; its reminder carries "Record delivery".
    now = AFTER_DUE;
    const before = await cards(page).count();
    await runReminders(app.url);
    await cards(page)
      .nth(before + 1)
      .waitFor();
    const reminder = cards(page).filter({
      hasText: 'Reminder: stage 11 is overdue since 2 May 2026',
    });
    await heading(reminder, 'Reminder: stage 11 is overdue since 2 May 2026');
    await shot(reminder, 'delivery-1-reminder');
    // The card is replaced in place: it is found by its place in the chat from now on.
    const place = await cards(page).evaluateAll((shown) =>
      shown.findIndex((card) =>
        (card.textContent ?? '').includes('Reminder: stage 11 is overdue since 2 May 2026'),
      ),
    );
    const card = cards(page).nth(place);
    await press(card, 'Record delivery');
    await heading(card, 'Social value delivered');
    await card.getByText(`${reference}: ${TITLE}`).first().waitFor();
    await card.getByText(/^13% of the contract’s life has passed on 5 May 2026/).waitFor();
    await card.getByText('Nothing recorded yet: no period recorded').waitFor();
    await shot(card, 'delivery-2-card');

    // A mistake first: the evidence left out. Told beside the field; what was typed stays.
    const period = card.getByRole('combobox', { name: 'First day of the period' });
    // The Playground shows a date in its own words.
    assert.match(
      await period.inputValue(),
      /^(2026-02-02|February 2, 2026)$/,
      'the period starts at the award',
    );
    const jobs = card.getByRole('spinbutton', { name: 'Delivered in the period (number)' });
    await jobs.fill('1');
    await press(card, 'Record delivery');
    await card
      .getByText(
        'Describe the evidence in a short note: what shows the delivery, and where it is kept.',
      )
      .first()
      .waitFor();
    assert.equal(
      await card.getByRole('spinbutton', { name: 'Delivered in the period (number)' }).inputValue(),
      '1',
    );
    await shot(card, 'delivery-3-error');

    const notes = card.getByRole('textbox', { name: 'Evidence: a short note of what shows it' });
    await notes.nth(0).fill('Payroll return for the quarter: one local starter');
    await card
      .getByRole('textbox', { name: 'Link to the evidence, starting https:// (optional)' })
      .nth(0)
      .fill('https://sharepoint.example.org/contracts/payroll-q1.pdf');
    await choose(card, 'Kept in the period?', 'Partly met');
    await notes.nth(1).fill('Two subcontractors not yet accredited');
    await press(card, 'Record delivery');
    await card
      .getByText(
        'Entries D1, D2 are recorded, with who recorded them and when, in the record’s history.',
      )
      .waitFor();
    // The progress card: one job of three is ahead of the 13% of the contract passed.
    await card.getByText('On track: 1 of 3 delivered to date (33%)').waitFor();
    await card.getByText('Behind: partly met in the latest period recorded').waitFor();
    await card.getByText(/^███░░░░░░░ 33% of the target; 13% expected by now$/).waitFor();
    await card.getByText(/^D1 New jobs created in the local economy, 2 February 2026/).waitFor();
    await shot(card, 'delivery-4-progress');

    // A correction: the quarter's payroll return was re-issued with two starters.
    await card.getByRole('button', { name: 'Correct an entry' }).click();
    await card.getByRole('combobox', { name: 'Entry to correct' }).click();
    await page.getByRole('option', { name: /^D1: New jobs created in the local economy/ }).click();
    await card
      .getByRole('spinbutton', { name: 'Corrected amount (for an outcome counted in numbers)' })
      .fill('2');
    await card
      .getByRole('textbox', { name: 'Why, and the evidence: a short note' })
      .fill('Payroll return re-issued: a second starter was missed');
    await shot(card, 'delivery-5-correction');
    await press(card, 'Save the correction');
    await card
      .getByText('D1 is corrected by D3. D1 stays in the history, marked as corrected.')
      .waitFor();
    await card.getByText('On track: 2 of 3 delivered to date (67%)').waitFor();
    await card.getByText(/Corrected by D3: no longer counted\.$/).waitFor();
    await shot(card, 'delivery-6-corrected');

    const stored = await storedRecord(app, reference);
    assert.deepEqual(
      stored.delivery?.map((e) => [e.id, e.measureId, e.amount ?? e.status, e.evidence.note]),
      [
        ['D1', 'local-jobs', 1, 'Payroll return for the quarter: one local starter'],
        ['D2', 'living-wage', 'partly-met', 'Two subcontractors not yet accredited'],
        ['D3', 'local-jobs', 2, 'Payroll return re-issued: a second starter was missed'],
      ],
    );
    assert.deepEqual(
      stored.history.slice(-3).map((h) => h.action),
      ['delivery-recorded', 'delivery-recorded', 'delivery-corrected'],
    );
  });
});

/** Completes the officer's draft in the store, as the wizard would have saved it. */
async function finishInStore(app: App, reference: string): Promise<void> {
  const draft = await storedRecord(app, reference);
  const found = await app.records.read(draft.tenantId, reference);
  assert.ok(found);
  const walked = walkRecord(
    newRecord(reference, { tenantId: draft.tenantId, owner: draft.owner, now: draft.createdAt }),
  );
  assert.equal(walked.status, 'complete');
  await app.records.replace({ ...walked, title: TITLE }, found.etag);
}

/** The record as stored (the test does not know the Playground's tenant id, so by reference). */
async function storedRecord(app: App, reference: string): Promise<CommissioningRecord> {
  const { resources } = await app.store.containers.records.items
    .query({
      query: "SELECT * FROM c WHERE c.id = @id AND c.kind = 'record'",
      parameters: [{ name: '@id', value: reference }],
    })
    .fetchAll();
  assert.equal(resources.length, 1, `one record ${reference}`);
  return commissioningRecordSchema.parse(resources[0]);
}

/** The external scheduler's call: one sweep now, with the shared secret. */
async function runReminders(botUrl: string): Promise<void> {
  const response = await fetch(`${botUrl}/api/reminders/run`, {
    method: 'POST',
    headers: { 'x-reminders-secret': SECRET },
    signal: AbortSignal.timeout(30_000),
  });
  assert.equal(response.status, 200, 'the sweep ran');
  await response.text();
}

/** With SV_SHOTS set to a folder, saves a screenshot of the card there to look at. */
async function shot(card: Locator, name: string): Promise<void> {
  const folder = process.env.SV_SHOTS;
  if (!folder) return;
  await card.page().setViewportSize({ width: 1000, height: 3200 });
  await card.screenshot({ path: join(folder, `${name}.png`) });
}
