import { setContractTerms } from './core/record/index.js';
import { newRecord as coreNew, pack, walkRecord } from './test/core/record/fixtures.js';
import {
  cards,
  fillDate,
  heading,
  lastCard,
  openChat,
  press,
  send,
  startStack,
} from './test/e2e/support.js';

const now = new Date('2026-06-02T09:00:00Z');
const stack = await startStack(
  'shots',
  { REMINDERS_SECRET: 'shots-secret-0123456789', REMINDER_SWEEP_MINUTES: '0' },
  () => now,
);
const { page, app, playground } = stack;
const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await lastCard(page).screenshot({ path: `.shots/${name}.png` });
};
try {
  await page.setViewportSize({ width: 1000, height: 3200 });
  await openChat(page, playground.url);
  await send(page, 'new');
  const first = lastCard(page);
  await heading(first, 'About the contract');
  const ref = /SV-\d{4}-\d{4,}/.exec((await first.textContent()) ?? '')?.[0] ?? '';
  await first.getByRole('textbox', { name: 'Contract title' }).fill('Custody suite cleaning');
  await first.getByRole('spinbutton', { name: /Contract length in months/ }).fill('36');
  await press(first, 'Save and continue later');
  await page.waitForTimeout(500);
  await send(page, 'new');
  await shot('1-new-offer');
  await send(page, `stages ${ref}`);
  const stages = lastCard(page);
  await stages.screenshot({ path: '.shots/2-stages-prefilled.png' });
  await stages.getByRole('spinbutton', { name: 'Contract length in months' }).fill('0');
  await press(stages, 'Set the award');
  await page.waitForTimeout(500);
  await stages.screenshot({ path: '.shots/3-stages-errors.png' });
  await send(page, `rate ${ref}`);
  await shot('4-rate-unfinished');
  // A complete, awarded record of this officer, seeded, for the rating card.
  const convo = await app.store.containers.conversations.items.query('SELECT * FROM c').fetchAll();
  const saved = convo.resources[0] as { tenantId: string; userId?: string; id: string };
  const firstRecord = await app.records.read(saved.tenantId, ref);
  const owner = firstRecord!.record.owner;
  const created = await app.records.create(saved.tenantId, 2026, (reference) => {
    const r = walkRecord({ ...coreNew(reference, { tenantId: saved.tenantId, owner }) });
    const a = setContractTerms(
      r,
      pack,
      { awardDate: '2026-03-01', months: 24, supplier: 'Brightwater Cleaning Ltd' },
      { by: owner, at: '2026-03-01T10:00:00.000Z', today: '2026-03-01' },
    );
    if (!a.ok) throw new Error('award');
    return a.value;
  });
  const rated = created.record.id;
  await send(page, `rate ${rated}`);
  const rating = lastCard(page);
  await rating.getByRole('textbox', { name: 'Supplier' }).fill('');
  await press(rating, 'Rate the supplier');
  await page.waitForTimeout(500);
  await rating.screenshot({ path: '.shots/5-rating-errors.png' });
  // Reminder
  await fetch(`${app.url}/api/reminders/run`, {
    method: 'POST',
    headers: { 'x-reminders-secret': 'shots-secret-0123456789' },
  });
  await page.waitForTimeout(1500);
  const reminder = cards(page).filter({ hasText: 'Reminder: stage 11' }).first();
  await reminder.screenshot({ path: '.shots/6-reminder.png' });
  await fillDate(reminder, 'Done on (for Mark done)', '2026-06-20');
  await press(reminder, 'Mark done');
  await page.waitForTimeout(500);
  await reminder.screenshot({ path: '.shots/7-reminder-error.png' });
  await send(page, 'list');
  await shot('8-list');
  await send(page, `discard ${ref}`);
  await shot('9-discard-confirm');
  await press(lastCard(page), 'Discard it');
  await page.waitForTimeout(500);
  await shot('10-discarded');
  await send(page, `open ${ref}`);
  await shot('11-open-discarded');
} finally {
  await stack.stop();
}
process.exit(0);
