import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { seedKpiRecord } from '../bot/performance-support.js';
import {
  cards,
  heading,
  openChat,
  press,
  type Stack,
  screenshotOnFailure,
  send,
  startStack,
} from './support.js';

/**
 * A performance assessment falls due and its reminder reaches the officer in the Agents
 * Playground (real bot over HTTP, headless Chromium): the reminder opens the assessment card,
 * the officer rates each KPI and overall, and the UK9 notice is shown to paste.
 */

const SECRET = 'e2e-assessment-secret-0123456789';
const REMINDER = 'Reminder: a performance assessment is due on 1 April 2027';

describe('an assessment reminder in the Agents Playground', function () {
  this.timeout(120_000);
  let stack: Stack | undefined;
  let page: Page;
  let now = new Date('2026-04-01T09:00:00Z');

  before(async () => {
    stack = await startStack(
      'assessment',
      { REMINDERS_SECRET: SECRET, REMINDER_SWEEP_MINUTES: '0' },
      () => now,
    );
    page = stack.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && stack) {
      await screenshotOnFailure(page, 'assessment');
    }
  });

  after(async () => {
    await stack?.stop();
  });

  /** Picks a rating in a drop-down, as the Playground renders an Input.ChoiceSet. */
  async function pick(card: Locator, label: string | RegExp, rating: string): Promise<void> {
    const box = card.getByRole('combobox', { name: label });
    await box.selectOption({ label: rating }).catch(async () => {
      await box.click();
      await page.getByRole('option', { name: rating, exact: true }).click();
    });
  }

  it('reminds the officer, whose ratings are saved and whose UK9 notice is shown', async () => {
    assert.ok(stack);
    const { app, playground } = stack;
    await openChat(page, playground.url);
    await send(page, 'help');
    // The Playground's user, as the bot saved the chat: the record is theirs.
    const { resources } = await app.store.containers.conversations.items
      .query<{ id: string; tenantId: string }>('SELECT * FROM c')
      .fetchAll();
    const me = resources[0];
    assert.ok(me, 'the bot saved no conversation');
    const record = await seedKpiRecord(app.records, {
      tenantId: me.tenantId,
      userId: me.id,
      name: 'Playground officer',
    });

    now = new Date('2027-04-01T08:30:00Z');
    const answer = await fetch(`${app.url}/api/reminders/run`, {
      method: 'POST',
      headers: { 'x-reminders-secret': SECRET },
      signal: AbortSignal.timeout(30_000),
    });
    assert.equal(answer.status, 200);
    await cards(page).filter({ hasText: REMINDER }).waitFor();
    assert.equal(await cards(page).filter({ hasText: REMINDER }).count(), 1);
    let index = -1;
    for (let i = 0; i < (await cards(page).count()); i += 1) {
      if ((await cards(page).nth(i).textContent())?.includes(REMINDER)) index = i;
    }
    // The card is replaced in place by each button: it is followed by its position.
    const card = cards(page).nth(index);
    await card.getByText('1 April 2026 to 1 April 2027').waitFor();

    now = new Date('2027-04-08T10:00:00Z');
    await press(card, 'Assess performance');
    await heading(card, 'Performance assessments');
    await card.getByText(/^Good: Performance meets or exceeds the KPI\.$/).waitFor();
    for (const kpi of record.kpis?.kpis ?? []) await pick(card, new RegExp(`^${kpi.id} `), 'Good');
    await pick(card, 'Overall performance', 'Approaching target');
    const notes = card.getByRole('textbox', { name: 'Note: what the rating rests on' });
    for (let i = 0; i < (await notes.count()); i += 1) {
      await notes.nth(i).fill('From the quarterly returns');
    }
    await press(card, 'Save the assessment');
    await card.getByText(/^Assessment A1 is saved, for 1 April 2026 to 1 April 2027\./).waitFor();
    await card.getByText(/overall Approaching target; assessed 8 April 2027/).waitFor();

    await press(card, 'UK9 notice');
    await heading(card, 'Contract performance notice (UK9): assessment A1');
    const text = await card.getByRole('textbox', { name: 'Text to paste' }).inputValue();
    assert.match(text, /^Contract performance notice \(UK9, PA 2023 s\.71\)$/m);
    assert.match(text, /^Overall: Approaching target /m);
    const json = await card.getByRole('textbox', { name: 'The same as JSON' }).inputValue();
    assert.equal(JSON.parse(json).assessment, 'A1');
  });
});
