import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { App } from '../../bot/app.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { type SeedSpec, seed } from '../dashboard/support.js';
import { expectNoSeriousAxeFindings, launchBrowser, screenshotOnFailure } from './support.js';

/**
 * The dashboard in headless Chromium through the local sign-in, as `npm start` serves it:
 * every view renders with its tables, a filter changes the figures, an export downloads, and
 * axe-core finds no serious or critical accessibility problem. Screenshots of each view go
 * to $SV_SHOTS (or a temporary folder, which the test names).
 */

const TENANT = 'local-tenant';
const LEAD = { id: 'lead-1', name: 'Lena Lead' };
const OFFICERS = [
  { id: 'officer-1', name: 'Olivia Officer' },
  { id: 'officer-2', name: 'Omar Owens' },
];
const NOW = '2026-06-01T09:00:00.000Z';
const SUPPLIERS = [
  'Brightwater Cleaning Ltd',
  'Northern Fleet Services',
  'Lakeland Uniforms',
  'Fellside Catering',
];
const TIERS = ['gold', 'silver', 'bronze', 'none'] as const;
const RATINGS = ['good', 'approaching-target', 'requires-improvement'] as const;

/**
 * What an awarded record has delivered and, for one in two, its KPIs: awarded in February 2025
 * and assessed a year on, or awarded in March 2025 with its yearly assessment overdue.
 */
function afterAward(index: number, measure: string, supplier: string): SeedSpec['more'] {
  const by = OFFICERS[0] ?? LEAD;
  const at = '2026-05-10T12:00:00.000Z';
  const withKpis = index % 2 === 0;
  const assessed = index % 4 === 0;
  const awardDate = assessed ? '2025-02-01' : withKpis ? '2025-03-01' : '2026-02-01';
  return {
    contract: { awardDate, months: 24, supplier },
    delivery: [
      {
        id: 'D1',
        measureId: measure,
        period: { from: '2026-02-01', to: '2026-04-30' },
        amount: index % 7,
        evidence: { note: 'Payroll extract' },
        by,
        at,
      },
    ],
    ...(withKpis
      ? {
          kpis: {
            duty: 'required' as const,
            kpis: [
              {
                id: 'K1',
                name: 'Local jobs',
                measuredBy: 'Payroll',
                target: '10 jobs',
                mostMaterial: true,
              },
            ],
            on: awardDate,
            by,
            at,
          },
        }
      : {}),
    ...(assessed
      ? {
          performance: {
            assessments: [
              {
                id: 'A1',
                due: '2026-02-01',
                kind: 'yearly' as const,
                period: { from: '2025-02-01', to: '2026-02-01' },
                kpis: [
                  {
                    kpiId: 'K1',
                    rating: RATINGS[Math.floor(index / 12) % 3] ?? 'good',
                    note: 'Seen',
                  },
                ],
                overall: { rating: RATINGS[Math.floor(index / 12) % 3] ?? 'good', note: 'Seen' },
                on: '2026-02-10',
                by,
                at,
              },
            ],
            events: [],
            reminder: {},
          },
        }
      : {}),
  };
}

/** Sixty records across the states a lead sees: enough for the tables to page. */
function records(): SeedSpec[] {
  return Array.from({ length: 60 }, (_, index) => {
    const n = index + 1;
    const owner = OFFICERS[index % 2] ?? LEAD;
    const awarded = n % 3 === 0;
    return {
      reference: `SV-2026-${String(n).padStart(4, '0')}`,
      tenantId: TENANT,
      owner,
      title: `Exercise ${n}: ${['Custody cleaning', 'Fleet tyres', 'Uniforms', 'Catering'][index % 4]}`,
      createdAt: `2026-0${1 + (index % 5)}-${String(1 + (index % 27)).padStart(2, '0')}T10:00:00.000Z`,
      value: 50_000 * n,
      measures: index % 2 === 0 ? ['local-jobs'] : ['barrier-employment'],
      targets: [{ measureId: index % 2 === 0 ? 'local-jobs' : 'barrier-employment', target: 6 }],
      complete: n % 3 !== 1,
      ...(awarded
        ? {
            awardDate: '2026-02-01',
            due: [{ stage: 11, on: `2026-0${4 + (index % 4)}-15` }],
            done: [9],
            ratings: [
              {
                supplier: SUPPLIERS[index % 4] ?? '',
                tier: TIERS[index % 4] ?? 'none',
                on: '2026-05-01',
              },
            ],
            more: afterAward(
              index,
              index % 2 === 0 ? 'local-jobs' : 'barrier-employment',
              SUPPLIERS[index % 4] ?? '',
            ),
          }
        : {}),
    };
  });
}

describe('the dashboard in a browser', function () {
  this.timeout(90_000);
  let app: App;
  let browser: BrowserContext | undefined;
  let page: Page;
  let profile: string;
  let shots: string;
  let ownShots = false;

  before(async () => {
    app = await startBot(new TestClock(NOW), { PROCUREMENT_LEAD_IDS: LEAD.id });
    await seed(app, records());
    profile = await mkdtemp(join(tmpdir(), 'sv-e2e-dashboard-'));
    shots = process.env.SV_SHOTS ?? (await mkdtemp(join(tmpdir(), 'sv-dashboard-shots-')));
    ownShots = process.env.SV_SHOTS === undefined;
    ({ browser, page } = await launchBrowser(profile));
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshotOnFailure(page, 'dashboard');
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await app?.close();
    await rm(profile, { recursive: true, force: true });
    if (ownShots) console.log(`    dashboard screenshots: ${shots}`);
  });

  const figure = (table: string, row: string) =>
    page
      .locator(`#table-${table} tbody tr`, {
        has: page.locator('th', { hasText: new RegExp(`^${row}$`) }),
      })
      .locator('td');

  it('signs in locally as a procurement lead, outside Teams', async () => {
    await page.goto(`${app.url}/dashboard`);
    await page.getByRole('heading', { name: 'Local sign-in' }).waitFor();
    await page.getByRole('button', { name: /Procurement lead lead-1/ }).click();
    await page.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor();
    await page.getByText('You are a procurement lead').waitFor();
  });

  const checkAxe = (where: string) => expectNoSeriousAxeFindings(page, where);

  it('renders every view with its charts and tables', async () => {
    for (const [view, tables, charts] of [
      ['Pipeline', ['by-status', 'by-stage'], 2],
      ['Due and overdue', ['when'], 1],
      ['Social value', ['by-theme', 'by-measure', 'outcomes'], 2],
      ['KPIs', ['by-rating', 'assessments-due', 'contracts'], 2],
      ['Suppliers', ['by-tier'], 1],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('button', { name: view, exact: true })
        .click();
      await page.getByRole('heading', { name: view, level: 2 }).waitFor();
      for (const table of tables) {
        await page.locator(`#table-${table}`).waitFor();
        assert.ok(
          (await page.locator(`#table-${table} tbody tr`).count()) > 0,
          `${view}: ${table} has rows`,
        );
      }
      const images = page.locator('.figure img');
      assert.equal(await images.count(), charts);
      for (const image of await images.all()) {
        assert.ok(
          await image.evaluate(
            (img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0,
          ),
          'the chart drew',
        );
      }
      if (view === 'Social value' || view === 'KPIs') {
        await checkAxe(view);
        // The charts close up, at the size they are read, beside the whole page.
        for (const [n, figure] of (await page.locator('.figure').all()).entries()) {
          await figure.screenshot({
            path: join(shots, `dashboard-${view.split(' ')[0]?.toLowerCase()}-chart-${n + 1}.png`),
          });
        }
      }
      await page.screenshot({
        path: join(shots, `dashboard-${view.split(' ')[0]?.toLowerCase()}.png`),
        fullPage: true,
      });
    }
  });

  it('shows one contract’s social value alone', async () => {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Social value' })
      .click();
    await page.getByRole('heading', { name: 'Social value', level: 2 }).waitFor();
    await page.locator('#filter-record').selectOption({ value: 'SV-2026-0003' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('Page 1 of 1 (1 row)').waitFor();
    assert.equal(
      await figure('by-measure', 'New jobs created in the local economy').nth(1).textContent(),
      '1',
      'one contract',
    );
    await page.screenshot({ path: join(shots, 'dashboard-social-one.png'), fullPage: true });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(/Page 1 of \d+ \(20 rows\)/).waitFor();
  });

  it('pages the records table', async () => {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Pipeline' })
      .click();
    await page.getByText('Page 1 of 3 (60 rows)').waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2 of 3 (60 rows)').waitFor();
  });

  it('changes the figures with a filter', async () => {
    assert.equal(await figure('by-status', 'Draft').textContent(), '20');
    await page.locator('#filter-status').selectOption({ label: 'Awarded' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('Page 1 of 1 (20 rows)').waitFor();
    assert.equal(await figure('by-status', 'Draft').textContent(), '0');
    assert.equal(await figure('by-status', 'Awarded').textContent(), '20');
    await page.locator('#filter-owner').selectOption({ label: 'Omar Owens' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('Page 1 of 1 (10 rows)').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Page 1 of 3 (60 rows)').waitFor();
  });

  it('downloads a view as CSV and everything as Excel', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download this view (CSV)' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), 'dashboard-pipeline-2026-06-01.csv');
    const text = await readFile((await csv.path()) ?? '', 'utf8');
    assert.ok(text.startsWith('\uFEFF"Reference","Title"'));
    assert.equal(text.trim().split('\r\n').length, 61);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all my records (Excel)' }).click(),
    ]);
    assert.equal(xlsx.suggestedFilename(), 'social-value-records-2026-06-01.xlsx');
  });

  it('has no serious or critical accessibility problem, in each theme and at a phone width', async () => {
    const check = checkAxe;
    await check('default theme');
    for (const look of ['dark', 'contrast'] as const) {
      await page.goto(`${app.url}/dashboard?look=${look}`);
      await page.getByRole('button', { name: /Procurement lead lead-1/ }).click();
      await page.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor();
      await page.locator('.figure img').first().waitFor();
      await check(`${look} theme`);
      await page.screenshot({ path: join(shots, `dashboard-${look}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/dashboard`);
    await page.getByRole('button', { name: /Procurement lead lead-1/ }).click();
    await page.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor();
    await check('phone width');
    await page.screenshot({ path: join(shots, 'dashboard-phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.screenshot({ path: join(shots, 'dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
