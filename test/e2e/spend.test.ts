import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { spendCsv } from '../dashboard/spend-support.js';
import { seed } from '../dashboard/support.js';
import { expectNoSeriousAxeFindings, launchBrowser, screenshotOnFailure } from './support.js';

/**
 * The spend baseline in headless Chromium, as a procurement lead uses it: upload a small file,
 * read its check (the columns taken, a bad row by its line), import it skipping that row, read
 * the figures, fill in one supplier's size and see the SME share change, set a target and see
 * it against the actual share. axe-core finds no serious or critical problem on any spend page.
 * Screenshots go to $SV_SHOTS (or a temporary folder, which the test names).
 */

const TENANT = 'local-tenant';
const NOW = '2026-06-01T09:00:00.000Z';

/**
 * Three months of 2025-26, by hand. Line 4's date does not exist (a bad row). Paid: Fellside
 * £600 less a £100 credit note = £500, Northern £1,200, Lakeland £200; a redacted £100.
 * Total £2,000. No supplier's size is known yet, so the SME share is 0%; once Fellside is
 * given 12 staff in CA1 it is £500 of £2,000: 25.0%, and so is the local share.
 */
const FILE = [
  'Date,Supplier,Amount',
  '03/04/2025,Fellside Catering Ltd,600.00',
  '10/04/2025,Northern Fleet Services,"£1,200.00"',
  '31/04/2025,Lakeland Uniforms,100',
  '12/05/2025,Lakeland Uniforms,200.00',
  '20/05/2025,Redacted,100',
  '02/06/2025,Fellside Catering Ltd,(100.00)',
].join('\r\n');

describe('the spend baseline in a browser', function () {
  this.timeout(90_000);
  let app: App;
  let browser: BrowserContext | undefined;
  let page: Page;
  let profile: string;
  let shots: string;
  let ownShots = false;

  before(async () => {
    app = await startBot(new TestClock(NOW), { PROCUREMENT_LEAD_IDS: 'lead-1' });
    await seed(app, [
      {
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner: { id: 'officer-1', name: 'Olivia Officer' },
        title: 'Custody cleaning',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
    ]);
    profile = await mkdtemp(join(tmpdir(), 'sv-e2e-spend-'));
    shots = process.env.SV_SHOTS ?? (await mkdtemp(join(tmpdir(), 'sv-spend-shots-')));
    ownShots = process.env.SV_SHOTS === undefined;
    ({ browser, page } = await launchBrowser(profile));
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshotOnFailure(page, 'spend');
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await app?.close();
    await rm(profile, { recursive: true, force: true });
    if (ownShots) console.log(`    spend screenshots: ${shots}`);
  });

  const tab = async (name: string) => {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name, exact: true })
      .click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  };
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `spend-${name}.png`), fullPage: true });
  const cell = (table: string, row: string, column: number) =>
    page
      .locator(`#table-${table} tbody tr`, {
        has: page.locator('th', { hasText: new RegExp(`^${row}$`) }),
      })
      .locator('td')
      .nth(column);

  const checkAxe = (where: string) => expectNoSeriousAxeFindings(page, where);

  it('signs in as a lead and sees the spend tabs', async () => {
    await page.goto(`${app.url}/dashboard`);
    await page.getByRole('button', { name: /Procurement lead lead-1/ }).click();
    await page.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor();
    await tab('Spend');
    await page.getByText('No spend is imported yet').waitFor();
  });

  it('uploads a file, reads its check, and imports it skipping the bad row', async () => {
    await tab('Spend imports');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'payments-q1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const check = page.locator('section.check');
    await check
      .getByRole('heading', { name: 'Check "payments-q1.csv" before it is imported' })
      .waitFor();
    const columns = page.locator('#upload-spend-columns tbody tr');
    assert.deepEqual(await columns.allInnerTexts(), [
      'Transaction date\tDate',
      'Supplier name\tSupplier',
      'Net amount\tAmount',
    ]);
    await check.getByText('Line 4: the date "31/04/2025" does not exist.').waitFor();
    // Five payments read (one redacted), £2,000 in all.
    assert.equal(await check.locator('dt:text-is("Payments") + dd').textContent(), '4 payments');
    assert.equal(await check.locator('dt:text-is("Total") + dd').textContent(), '£2,000');
    await checkAxe('the check');
    await shot('check');
    await check.getByRole('button', { name: 'Import, skipping the 1 bad row' }).click();
    await page
      .getByText(
        'Imported "payments-q1.csv": 4 payments and 1 redacted payment, £2,000 in all. 1 bad row was skipped.',
      )
      .waitFor();
    assert.equal(await cell('imports', 'payments-q1.csv', 0).textContent(), '4');
    await checkAxe('Spend imports');
    await shot('imports');
  });

  it('shows the figures, worked out by hand', async () => {
    await tab('Spend');
    await page
      .getByText('2025-26 is not complete: the payments cover 3 of its 12 months')
      .waitFor();
    assert.equal(await cell('figures', 'Total spend \\(£\\)', 0).textContent(), '2,000');
    assert.equal(await cell('figures', 'SME share \\(%\\)', 0).textContent(), '0');
    // Every pound paid is of unknown size: £1,900 of £2,000 (the £100 redacted is in no band).
    assert.equal(await cell('bands', 'Unknown', 0).textContent(), '1,900');
    assert.equal(await cell('bands', 'Unknown', 1).textContent(), '95');
    await checkAxe('Spend');
    await shot('figures');
  });

  it('fills in a supplier’s size and place, and the SME share changes', async () => {
    await tab('Suppliers to fill in');
    // Largest spend first: Northern £1,200, Fellside £500, Lakeland £200.
    const names = await page.locator('#table-suppliers tbody th').allInnerTexts();
    assert.deepEqual(names, [
      'Northern Fleet Services',
      'Fellside Catering Ltd',
      'Lakeland Uniforms',
    ]);
    await checkAxe('Suppliers to fill in');
    await shot('suppliers');
    await page.getByLabel('Head count of Fellside Catering Ltd').fill('twelve');
    await page.getByRole('button', { name: 'Save Fellside Catering Ltd' }).click();
    await page.getByText('Enter the head count as a whole number of staff').waitFor();
    assert.equal(
      await page.getByLabel('Head count of Fellside Catering Ltd').inputValue(),
      'twelve',
      'kept as typed',
    );
    await shot('supplier-error');
    await page.getByLabel('Head count of Fellside Catering Ltd').fill('12');
    await page.getByLabel('Postcode of Fellside Catering Ltd').fill('CA1 1AA');
    await page.getByRole('button', { name: 'Save Fellside Catering Ltd' }).click();
    await page.getByText('Saved Fellside Catering Ltd. The figures count it now.').waitFor();
    await tab('Spend');
    // Fellside (small, in CA1): £500 of £2,000.
    assert.equal(await cell('figures', 'SME share \\(%\\)', 0).textContent(), '25');
    assert.equal(await cell('figures', 'Local share \\(%\\)', 0).textContent(), '25');
  });

  it('sets a target and sees it against the actual share', async () => {
    await tab('Action Plan');
    await page.getByLabel('Financial year').selectOption({ label: '2025-26' });
    await page.getByLabel('Measure').selectOption({ label: 'SME share' });
    await page.getByLabel('Target (% of the year’s spend)').fill('30');
    await page.getByRole('button', { name: 'Save target' }).click();
    await page.getByText('Target saved.').waitFor();
    const row = page.locator('#table-targets tbody tr').first();
    assert.deepEqual((await row.locator('th, td').allTextContents()).slice(0, 4), [
      '2025-26: SME share',
      '30',
      '25',
      'Not met (the payments do not cover every month)',
    ]);
    await checkAxe('Action Plan');
    await shot('plan');
  });

  it('shows a later file over the same months, then the year against the baseline it brings', async () => {
    await tab('Spend imports');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'payments-2024-26.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(spendCsv()),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText('Other files in force cover some of the same months: "payments-q1.csv"')
      .waitFor();
    await shot('check-overlap');
    await page.getByRole('button', { name: 'Import, skipping the 2 bad rows' }).click();
    await page.getByText('Imported "payments-2024-26.csv"').waitFor();
    await tab('Spend');
    await page
      .getByText('Baseline: 2024-25, the first complete financial year imported.')
      .waitFor();
    // 2025-26 now holds both files: £2,000 and £6,000. Fellside (an SME, local) was paid £500
    // and £3,000: 43.8%. In 2024-25 it was paid £1,200 of £4,800: 25%.
    assert.equal(await cell('figures', 'SME share \\(%\\)', 0).textContent(), '43.8');
    assert.equal(await cell('figures', 'SME share \\(%\\)', 1).textContent(), '25');
    assert.equal(await page.locator('.figure img').count(), 1, 'shares by year are drawn');
    await checkAxe('Spend with a baseline');
    await shot('baseline');
    await page.getByLabel('Financial year').selectOption({ label: '2024-25 (baseline)' });
    await page.getByRole('button', { name: 'Show this year' }).click();
    await page.getByText('2024-25 (baseline): the figures').waitFor();
    assert.equal(await cell('figures', 'Total spend \\(£\\)', 0).textContent(), '4,800');
  });

  it('answers a supplier added meanwhile in plain words and keeps what was typed', async () => {
    await tab('Suppliers to fill in');
    // Someone else lists Lakeland while this page is open.
    await app.spend.saveSupplier(
      TENANT,
      undefined,
      { name: 'Lakeland Uniforms', headcount: 300 },
      { id: 'lead-2', name: 'Lee Other' },
      NOW,
    );
    await page.getByLabel('Head count of Lakeland Uniforms').fill('8');
    await page.getByRole('button', { name: 'Save Lakeland Uniforms' }).click();
    await page
      .getByText('Lakeland Uniforms is already on the supplier list (Lee Other saved it)')
      .waitFor();
    await page.getByText('Stored now: Head count 300.').waitFor();
    assert.equal(await page.getByLabel('Head count of Lakeland Uniforms').inputValue(), '8');
    await shot('stale');
    // Saving again goes over what is stored now, on purpose.
    await page.getByRole('button', { name: 'Save Lakeland Uniforms' }).click();
    await page.getByText('Saved Lakeland Uniforms.').waitFor();
    const stored = (await app.spend.suppliers(TENANT)).find((s) => s.name === 'Lakeland Uniforms');
    assert.equal(stored?.headcount, 8);
  });

  it('offers a choice of column for a file whose columns are not recognised', async () => {
    await tab('Spend imports');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'odd.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('When,Paid to,Sum\r\n01/04/2026,Fellside Catering Ltd,50\r\n'),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText(/no column was recognised/)
      .first()
      .waitFor();
    await page.getByLabel('Column for transaction date').selectOption('When');
    await page.getByLabel('Column for supplier name').selectOption('Paid to');
    await page.getByLabel('Column for net amount').selectOption('Sum');
    await checkAxe('the column choice');
    await shot('mapping');
    await page.getByRole('button', { name: 'Check again with these columns' }).click();
    await page.getByRole('heading', { name: 'Check "odd.csv" before it is imported' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('has no serious or critical accessibility problem on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ['Spend', 'Suppliers to fill in']) {
      await tab(name);
      await checkAxe(`${name} on a phone`);
      await shot(`phone-${name.split(' ')[0]?.toLowerCase()}`);
    }
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('opens on the Spend view from the link on the spend card in chat', async () => {
    await page.goto(`${app.url}/dashboard?view=spend`);
    await page.getByRole('button', { name: /Procurement lead lead-1/ }).click();
    await page.getByRole('heading', { name: 'Spend', level: 2 }).waitFor();
    assert.equal(
      await page.getByRole('heading', { name: 'Pipeline', level: 2 }).count(),
      0,
      'the page opens on the view the link names, not on the pipeline',
    );
  });
});
