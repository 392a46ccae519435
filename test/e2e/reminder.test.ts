import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { type CommissioningRecord, commissioningRecordSchema } from '../../core/record/index.js';
import {
  cards,
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
 * A review stage falls due and its reminder reaches the officer: the real bot over HTTP, the
 * real Agents Playground and headless Chromium. The bot's clock is the test's to move; the
 * sweep is the external scheduler's route (POST /api/reminders/run), and the reminder goes
 * out as a proactive message through the Playground's own connector, found from the
 * conversation reference the bot saved when the chat opened.
 */

const SECRET = 'e2e-reminders-secret-0123456789';
const TITLE = 'Custody suite cleaning';
const SUPPLIER = 'Brightwater Cleaning Ltd';
/** When the officer sets the award: stage 11 (a quarterly review) is then due on 2 May. */
const AWARDED_ON = new Date('2026-02-16T10:00:00Z');
/** After the first quarter's review date: the sweep finds stage 11 (and 12) owed. */
const AFTER_DUE = new Date('2026-05-05T09:00:00Z');
const NOTE = 'First quarterly review held: 2 local hires, waste diverted 58%';

describe('a reminder in the Agents Playground', function () {
  this.timeout(60_000);

  let stack: Stack | undefined;
  let page: Page;
  let now = AWARDED_ON;

  before(async () => {
    stack = await startStack(
      'reminder',
      { REMINDERS_SECRET: SECRET, REMINDER_SWEEP_MINUTES: '0' },
      () => now,
    );
    page = stack.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && stack) await screenshotOnFailure(page, 'reminder');
  });

  after(async () => {
    await stack?.stop();
  });

  it('reminds the officer of a due review, which is marked done from the card', async () => {
    assert.ok(stack);
    const { app, playground } = stack;
    await openChat(page, playground.url);

    // A record with a title, saved for later: it need not be complete to follow its stages.
    await send(page, 'new');
    const first = lastCard(page);
    await heading(first, 'About the contract');
    const shown = await first
      .getByText(/^SV-\d{4}-\d{4,}: /)
      .first()
      .textContent();
    const reference = /SV-\d{4}-\d{4,}/.exec(shown ?? '')?.[0];
    assert.ok(reference, `the card names the record: ${shown}`);
    await first.getByRole('textbox', { name: 'Contract title' }).fill(TITLE);
    await press(first, 'Save and continue later');
    await first.getByText(`${reference}: ${TITLE}`).first().waitFor();

    // The award: stage 11, a review each quarter from the award, is due three months on.
    await send(page, `stages ${reference}`);
    const stages = lastCard(page);
    await heading(stages, 'Procurement stages');
    await stages.getByText('Not awarded yet').waitFor();
    await fillDate(stages, 'Award date', '2026-02-02');
    await stages.getByRole('spinbutton', { name: 'Contract length in months' }).fill('24');
    await stages.getByRole('textbox', { name: 'Supplier (optional)' }).fill(SUPPLIER);
    await press(stages, 'Set the award');
    await stages
      .getByText('The award is saved and the review stages have their due dates.')
      .waitFor();
    await stages.getByText(/11\. Contract performance review .*: due 2 May 2026/).waitFor();

    // Nothing is owed yet: a sweep today sends nothing.
    const early = await runReminders(app.url);
    assert.equal(early.report.sent, 0, 'nothing is due on the day of the award');

    // Past the due date, the scheduler's sweep sends the reminders owed.
    now = AFTER_DUE;
    const before = await cards(page).count();
    const swept = await runReminders(app.url);
    assert.equal(swept.report.recordsFound, 1);
    assert.equal(swept.report.failed, 0, 'no reminder failed to send');
    // Stage 12 (a supplier review board each quarter) falls due the same day.
    assert.equal(swept.report.sent, 2, 'stages 11 and 12 are reminded');
    await cards(page)
      .nth(before + 1)
      .waitFor();

    const reminder = cards(page).filter({
      hasText: 'Reminder: stage 11 is overdue since 2 May 2026',
    });
    await heading(reminder, 'Reminder: stage 11 is overdue since 2 May 2026');
    await reminder.getByText(`${reference}: ${TITLE}`).waitFor();
    // The stage by its number and name, as text (not a numbered list's marker).
    await reminder
      .getByText(/^11: Contract performance review and continuous improvement$/)
      .waitFor();
    assert.equal(await reminder.locator('ol').count(), 0, 'the stage is not shown as a list');
    await reminder.getByText('2 May 2026', { exact: true }).waitFor();
    await reminder.getByText(/Measure the value delivered\..*Fig 1 stage 11/).waitFor();
    assert.equal(
      await cards(page)
        .filter({ hasText: 'Reminder: stage 12 is overdue since 2 May 2026' })
        .count(),
      1,
    );

    // The officer notes what was done and marks it done from the reminder itself.
    await reminder
      .getByRole('textbox', { name: 'Note (optional): what was done, what was found' })
      .fill(NOTE);
    await press(reminder, 'Mark done');
    await reminder.getByText('Stage 11 is marked done on 5 May 2026.').waitFor();
    assert.equal(await reminder.getByRole('button', { name: 'Mark done' }).count(), 0);
    assert.equal(await reminder.getByRole('button', { name: 'Open the record' }).count(), 1);

    // The stages: stage 11 has moved on to its next quarter, with the review just done.
    await send(page, `stages ${reference}`);
    const after = lastCard(page);
    await heading(after, 'Procurement stages');
    await after
      .getByText(/11\. Contract performance review .*: due 2 August 2026; last done 5 May 2026/)
      .waitFor();
    await after.getByText(/12\. Supplier relationship .*: overdue since 2 May 2026/).waitFor();

    // The note is on the record, as typed, and the reminder is not owed again.
    const stored = await storedRecord(app, reference);
    // The reminder went to the conversation the bot saved from the chat: the Playground's own.
    const saved = await app.conversations.get(stored.tenantId, stored.owner.id);
    assert.match(saved?.reference.serviceUrl ?? '', new RegExp(`:${playground.port}/`));
    const stage11 = stored.stages?.find((stage) => stage.number === 11);
    assert.equal(stage11?.completions.at(-1)?.note, NOTE);
    assert.equal(stage11?.completions.at(-1)?.due, '2026-05-02');
    const again = await runReminders(app.url);
    assert.equal(again.report.sent, 0, 'no reminder is sent twice');
  });
});

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

interface RunAnswer {
  status: string;
  report: { recordsFound: number; sent: number; failed: number };
}

/** The external scheduler's call: one sweep now, with the shared secret. */
async function runReminders(botUrl: string): Promise<RunAnswer> {
  const response = await fetch(`${botUrl}/api/reminders/run`, {
    method: 'POST',
    headers: { 'x-reminders-secret': SECRET },
    signal: AbortSignal.timeout(30_000),
  });
  assert.equal(response.status, 200, 'the sweep ran');
  return (await response.json()) as RunAnswer;
}
