import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { App } from '../../bot/app.js';
import { createLogger } from '../../bot/log.js';
import type { ImportCheck, ViewAnswer } from '../../core/dashboard/api.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import {
  correctedCsv,
  rowOf,
  SUPPLIER_LIST,
  signIn,
  spendCsv,
  upload,
  write,
} from './spend-support.js';
import { api, seed } from './support.js';

/**
 * The spend baseline over real HTTP, on the real store (the embedded Cosmos DB server): the
 * upload's check and confirmation, re-import, skipping bad rows, a column mapping, supplier
 * edits that change the figures without a re-import, stale edits, targets with their history,
 * the exports, and the refusals (an officer, another tenant). The file and its figures are in
 * spend-support.ts, worked out by hand there.
 */

const TENANT = 'spend-tenant-a';
const OTHER_TENANT = 'spend-tenant-b';
const OFFICER = { id: 'officer-1', name: 'Olivia Officer' };
const LEAD = { id: 'lead-1', name: 'Procurement lead lead-1' };
const NOW = '2026-06-01T09:00:00.000Z';
const IMPORT = '/api/dashboard/spend/import';
const SUPPLIERS_IMPORT = '/api/dashboard/spend/suppliers/import';

describe('the spend baseline on the dashboard API', function () {
  this.timeout(60_000);
  let app: App;
  let lead: string;
  let officer: string;
  let otherLead: string;

  /** Every log line the bot writes: what the last test reads for personal data. */
  const logged: string[] = [];

  before(async () => {
    app = await startBot(
      new TestClock(NOW),
      { PROCUREMENT_LEAD_IDS: 'lead-1,lead-2' },
      { logger: createLogger((line) => logged.push(line)) },
    );
    // The local sign-in offers the owners of records, and the leads of their tenants.
    await seed(app, [
      {
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner: OFFICER,
        title: 'Custody cleaning',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
      {
        reference: 'SV-2026-0002',
        tenantId: OTHER_TENANT,
        owner: OFFICER,
        title: 'Fleet tyres',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
    ]);
    lead = await signIn(app, TENANT, LEAD.id);
    officer = await signIn(app, TENANT, OFFICER.id);
    otherLead = await signIn(app, OTHER_TENANT, 'lead-2');
  });
  after(async () => {
    await app?.close();
  });

  const view = async (path: string, token = lead): Promise<ViewAnswer> => {
    const answer = await api(app, path, token);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as unknown as ViewAnswer;
  };

  it('refuses an officer who is not a lead on every spend route, in plain words', async () => {
    const words = 'The spend baseline is for procurement leads.';
    for (const path of [
      '/api/dashboard/spend',
      '/api/dashboard/spend.csv',
      '/api/dashboard/spend.xlsx',
      '/api/dashboard/spend-suppliers',
      '/api/dashboard/action-plan.csv',
      '/api/dashboard/spend-imports.xlsx',
    ]) {
      const answer = await api(app, path, officer);
      assert.equal(answer.status, 403, path);
      assert.deepEqual(answer.body, { error: words }, path);
    }
    for (const path of [IMPORT, SUPPLIERS_IMPORT]) {
      const sent = await upload(app, path, officer, 'spend.csv', spendCsv());
      assert.equal(sent.status, 403, path);
      assert.deepEqual(sent.body, { error: words });
    }
    for (const [method, path, body] of [
      ['POST', '/api/dashboard/spend/suppliers', { name: 'Acme' }],
      ['PUT', '/api/dashboard/spend/suppliers/name%3Aacme', { name: 'Acme' }],
      ['POST', '/api/dashboard/spend/targets', { year: 2025, measure: 'sme', percent: 40 }],
    ] as const) {
      const sent = await write(app, method, path, officer, body);
      assert.equal(sent.status, 403, `${method} ${path}`);
      assert.deepEqual(sent.body, { error: words });
    }
    // Nor does an officer see the tabs, or the spend sheets of the full workbook.
    const pipeline = await view('/api/dashboard/pipeline', officer);
    assert.deepEqual(
      pipeline.views.map((v) => v.id),
      ['pipeline', 'due', 'social-value', 'kpis', 'suppliers'],
    );
    const lead_ = await view('/api/dashboard/pipeline');
    assert.deepEqual(lead_.views.map((v) => v.title).slice(5), [
      'Spend',
      'Suppliers to fill in',
      'Action Plan',
      'Spend imports',
    ]);
    // Without a token the spend routes answer 401 and no data.
    const anonymous = await api(app, '/api/dashboard/spend');
    assert.equal(anonymous.status, 401);
    assert.equal((await upload(app, IMPORT, '', 'x.csv', 'a')).status, 401);
  });

  it('checks a file and stores nothing until the lead confirms', async () => {
    const sent = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv());
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const check = sent.body.check as ImportCheck;
    assert.equal(check.title, 'Check "spend-2024-26.csv" before it is imported');
    assert.deepEqual(check.columns, [
      { label: 'Transaction date', header: 'Transaction Date' },
      { label: 'Supplier name', header: 'Supplier Name' },
      { label: 'Supplier id', header: 'Supplier ID' },
      { label: 'Net amount', header: 'Amount' },
      { label: 'Department', header: 'Department' },
    ]);
    // 24 + 24 payments to Fellside and Northern, Lakeland's one; one redacted; two bad rows.
    assert.deepEqual(check.facts, [
      { label: 'Payments', value: '49 payments' },
      { label: 'Redacted payments', value: '1 payment' },
      { label: 'Bad rows', value: '2 rows' },
      // £4,800 in 2024-25 and £6,000 in 2025-26.
      { label: 'Total', value: '£10,800' },
      { label: 'Dates covered', value: '15 April 2024 to 15 March 2026' },
    ]);
    assert.deepEqual(check.badRows, [
      'Line 4: the date "31/02/2025" does not exist.',
      'Line 9: there is no amount.',
    ]);
    assert.equal(check.moreBadRows, undefined);
    assert.deepEqual(check.actions, { skip: 'Import, skipping the 2 bad rows', cancel: 'Cancel' });
    assert.deepEqual(check.notes, []);
    assert.match(check.id, /^[0-9a-f]{64}$/);
    const imports = await view('/api/dashboard/spend-imports');
    assert.deepEqual(imports.tables[0]?.rows, []);
    assert.deepEqual(imports.spend?.notes, [
      'No spend file is imported yet. Upload a payment file below.',
    ]);
  });

  it('refuses to import bad rows not skipped, and a file other than the one checked', async () => {
    const checked = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv());
    const id = (checked.body.check as ImportCheck).id;
    const unskipped = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv(), {
      confirm: 'yes',
      expect: id,
    });
    assert.equal(unskipped.status, 400);
    assert.match(String(unskipped.body.error), /^Line 4: the date "31\/02\/2025" does not exist/);
    const other = await upload(app, IMPORT, lead, 'spend-2024-26.csv', correctedCsv(), {
      confirm: 'yes',
      expect: id,
      skip: 'yes',
    });
    assert.equal(other.status, 409);
    assert.match(String(other.body.error), /not the one that was checked/);
    assert.equal((await app.spend.imports(TENANT)).length, 0, 'nothing stored');
  });

  it('imports skipping the bad rows, and the same file again changes nothing', async () => {
    const checked = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv());
    const id = (checked.body.check as ImportCheck).id;
    const done = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv(), {
      confirm: 'yes',
      expect: id,
      skip: 'yes',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(
      done.body.done,
      'Imported "spend-2024-26.csv": 49 payments and 1 redacted payment, £10,800 in all. 2 bad rows were skipped.',
    );
    const again = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv());
    const check = again.body.check as ImportCheck;
    assert.equal(check.alreadyImported, true);
    assert.deepEqual(check.notes, [
      'This file is already imported: importing it again would change nothing.',
    ]);
    assert.deepEqual(check.actions, { cancel: 'Close' });
    const unchanged = await upload(app, IMPORT, lead, 'spend-2024-26.csv', spendCsv(), {
      confirm: 'yes',
      expect: id,
      skip: 'yes',
    });
    assert.equal(unchanged.body.done, '"spend-2024-26.csv" was already imported: nothing changed.');
    const imports = await view('/api/dashboard/spend-imports');
    assert.equal(imports.tables[0]?.total, 1);
    assert.deepEqual(imports.tables[0]?.rows[0], [
      'spend-2024-26.csv',
      49,
      1,
      2,
      { date: '2024-04-15' },
      { date: '2026-03-15' },
      10800,
      LEAD.name,
      { date: '2026-06-01' },
      'None',
    ]);
  });

  it('shows the year against the baseline, with unknown sizes kept apart', async () => {
    const answer = await view('/api/dashboard/spend');
    assert.deepEqual(answer.spend?.years, [
      { value: '2025', label: '2025-26' },
      { value: '2024', label: '2024-25 (baseline)' },
    ]);
    assert.equal(answer.spend?.year, '2025');
    assert.deepEqual(answer.spend?.notes, [
      'Baseline: 2024-25, the first complete financial year imported. Each year is shown against it.',
      'Redacted payments (payee withheld): £200 in 1 payment, 3.3% of the total. They count in the total and in no size band, local, SME or VCSE share.',
      "Local: a supplier whose postcode is in CA1 to CA28, LA7 to LA23 and LA6 (partly outside the area). The list is our reading of §4.3 of the policy, not the policy's own words.",
    ]);
    // No supplier list yet: no size is known, so all of 2025-26's £5,800 paid is Unknown.
    assert.deepEqual(rowOf(answer, 'figures', 'Total spend (£)'), [
      'Total spend (£)',
      6000,
      4800,
      1200,
    ]);
    assert.deepEqual(rowOf(answer, 'figures', 'SME share (%)'), ['SME share (%)', 0, 0, 0]);
    assert.deepEqual(rowOf(answer, 'bands', 'Unknown'), ['Unknown', 5800, 96.7, 100]);
    assert.deepEqual(rowOf(answer, 'figures', 'Suppliers paid'), ['Suppliers paid', 3, 2, 1]);
    assert.deepEqual(rowOf(answer, 'figures', 'Redacted spend (£)'), [
      'Redacted spend (£)',
      200,
      0,
      200,
    ]);
    // Q1 is April to June 2025: Fellside 3 x £250, Northern 3 x £150 and Lakeland's £1,000.
    assert.deepEqual(rowOf(answer, 'quarters', 'Q1: April to June 2025'), [
      'Q1: April to June 2025',
      2200,
      0,
      0,
      0,
    ]);
    assert.equal(answer.charts.length, 1);
    assert.match(answer.charts[0]?.svg ?? '', /^<svg/);
    const baseline = await view('/api/dashboard/spend?year=2024');
    // The baseline year itself is shown alone: nothing to set it against.
    assert.deepEqual(rowOf(baseline, 'figures', 'Total spend (£)'), ['Total spend (£)', 4800]);
    assert.equal(baseline.tables[0]?.title, '2024-25 (baseline): the figures');
    const wrong = await api(app, '/api/dashboard/spend?year=soon', lead);
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body, { error: 'Choose a financial year from the list.' });
  });

  it('imports a supplier list after its check, and the figures follow without a re-import', async () => {
    const checked = await upload(app, SUPPLIERS_IMPORT, lead, 'suppliers.csv', SUPPLIER_LIST);
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    const check = checked.body.check as ImportCheck;
    assert.deepEqual(check.facts.slice(0, 5), [
      { label: 'Suppliers', value: '2 suppliers' },
      { label: 'With a size', value: '2 suppliers' },
      { label: 'With a postcode', value: '2 suppliers' },
      { label: 'VCSE', value: '0 suppliers' },
      { label: 'New to the list', value: '2 suppliers' },
    ]);
    assert.deepEqual((await app.spend.suppliers(TENANT)).length, 0, 'nothing stored yet');
    const done = await upload(app, SUPPLIERS_IMPORT, lead, 'suppliers.csv', SUPPLIER_LIST, {
      confirm: 'yes',
      expect: check.id,
    });
    assert.equal(
      done.body.done,
      'Imported the supplier list "suppliers.csv": 2 suppliers added, 0 updated, 0 unchanged. The figures count them now.',
    );
    const answer = await view('/api/dashboard/spend');
    // 2025-26: Fellside's £3,000 of £6,000 is SME and local; 2024-25: £1,200 of £4,800.
    assert.deepEqual(rowOf(answer, 'figures', 'SME share (%)'), ['SME share (%)', 50, 25, 25]);
    assert.deepEqual(rowOf(answer, 'figures', 'Local share (%)'), ['Local share (%)', 50, 25, 25]);
    assert.deepEqual(rowOf(answer, 'bands', 'Large'), ['Large', 1800, 30, 75]);
    assert.deepEqual(rowOf(answer, 'bands', 'Unknown'), ['Unknown', 1000, 16.7, 0]);
  });

  it('lists the suppliers to fill in, and a lead filling one in changes the SME share', async () => {
    const before = await view('/api/dashboard/spend-suppliers');
    assert.deepEqual(before.spend?.suppliers, [
      { name: 'Lakeland Uniforms', spend: '£1,000', missing: 'size and postcode' },
    ]);
    assert.equal(
      before.spend?.notes[0],
      '1 supplier paid £1,000 (9.3% of all spend) has no size. 1 supplier has no postcode.',
    );
    const refused = await write(app, 'POST', '/api/dashboard/spend/suppliers', lead, {
      name: 'Lakeland Uniforms',
      headcount: 'fifteen',
      postcode: 'nowhere',
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.problems, [
      {
        path: 'headcount',
        message: 'Enter the head count as a whole number of staff, such as 35, or leave it empty.',
      },
      {
        path: 'postcode',
        message: 'Enter a UK postcode, such as CA1 1AA, or its district alone, such as CA1.',
      },
    ]);
    const saved = await write(app, 'POST', '/api/dashboard/spend/suppliers', lead, {
      name: 'Lakeland Uniforms',
      headcount: '15',
      band: '',
      postcode: 'la9 4aa',
      vcse: 'yes',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.message, 'Saved Lakeland Uniforms. The figures count it now.');
    const answer = await view('/api/dashboard/spend');
    // Lakeland (small, in LA9, a VCSE) adds £1,000: SME and local are £4,000 of £6,000.
    assert.deepEqual(rowOf(answer, 'figures', 'SME share (%)'), ['SME share (%)', 66.7, 25, 41.7]);
    assert.deepEqual(rowOf(answer, 'figures', 'Local share (%)'), [
      'Local share (%)',
      66.7,
      25,
      41.7,
    ]);
    assert.deepEqual(rowOf(answer, 'figures', 'VCSE share (%)'), ['VCSE share (%)', 16.7, 0, 16.7]);
    const after = await view('/api/dashboard/spend-suppliers');
    assert.deepEqual(after.spend?.suppliers, []);
    assert.deepEqual(after.spend?.notes, ['Every supplier paid has a size and a postcode.']);
  });

  it('refuses a stale supplier save, saying what is stored now, and saves nothing', async () => {
    const all = await view('/api/dashboard/spend-suppliers?show=all');
    const lakeland = all.spend?.suppliers?.find((s) => s.name === 'Lakeland Uniforms');
    assert.ok(lakeland?.key && lakeland.etag);
    const path = `/api/dashboard/spend/suppliers/${encodeURIComponent(lakeland.key)}`;
    const first = await write(app, 'PUT', path, lead, {
      name: 'Lakeland Uniforms',
      headcount: '60',
      postcode: 'LA9 4AA',
      etag: lakeland.etag,
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const stale = await write(app, 'PUT', path, lead, {
      name: 'Lakeland Uniforms',
      headcount: '5',
      postcode: 'LA9 4AA',
      etag: lakeland.etag,
    });
    assert.equal(stale.status, 409);
    assert.match(
      String(stale.body.error),
      /changed this supplier since the page was loaded, so nothing was saved/,
    );
    const current = stale.body.current as { headcount: number; etag: string };
    assert.equal(current.headcount, 60);
    const stored = (await app.spend.suppliers(TENANT)).find((s) => s.name === 'Lakeland Uniforms');
    assert.equal(stored?.headcount, 60, 'the stale save changed nothing');
    const blind = await write(app, 'PUT', path, lead, {
      name: 'Lakeland Uniforms',
      headcount: '5',
    });
    assert.equal(blind.status, 400, 'a change without its version is refused');
    // Saving again over what is stored now goes through.
    const again = await write(app, 'PUT', path, lead, {
      name: 'Lakeland Uniforms',
      headcount: '15',
      postcode: 'LA9 4AA',
      vcse: 'yes',
      etag: current.etag,
    });
    assert.equal(again.status, 200);
  });

  it('refuses to add a supplier already on the list, saying so, and saves nothing', async () => {
    const before = await app.spend.suppliers(TENANT);
    // Fellside is filed by its id, Lakeland (no id) by its name however it is written.
    for (const [sent, named] of [
      [{ name: 'FELLSIDE CATERING LIMITED', id: 's1', headcount: '3' }, 'Fellside Catering Ltd'],
      [{ name: 'Lakeland Uniforms Ltd.', headcount: '3' }, 'Lakeland Uniforms'],
    ] as const) {
      const by = before.find((s) => s.name === named)?.updatedBy?.name;
      assert.ok(by);
      const added = await write(app, 'POST', '/api/dashboard/spend/suppliers', lead, sent);
      assert.equal(added.status, 409, JSON.stringify(added.body));
      assert.equal(
        added.body.error,
        `${named} is already on the supplier list (${by} saved it), so nothing was saved. What you typed is still here, and what is stored now is below: save again to replace it with yours.`,
      );
    }
    assert.deepEqual(await app.spend.suppliers(TENANT), before, 'nothing changed');
  });

  it('sets targets, shows them against the actual figures, and keeps who set which and when', async () => {
    const empty = await view('/api/dashboard/action-plan');
    assert.deepEqual(empty.spend?.notes, [
      'No target is set yet. Set the SME share and the local share you aim for in each financial year below.',
    ]);
    assert.deepEqual(
      empty.spend?.targetYears?.map((y) => y.label),
      ['2028-29', '2027-28', '2026-27', '2025-26', '2024-25'],
    );
    const bad = await write(app, 'POST', '/api/dashboard/spend/targets', lead, {
      year: '2025',
      measure: 'sme',
      percent: '140',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.problems, [
      { path: 'percent', message: 'Enter the target as a percentage from 0 to 100, such as 35.' },
    ]);
    const set = (percent: string, measure: string, year: string, etag?: string) =>
      write(app, 'POST', '/api/dashboard/spend/targets', lead, { year, measure, percent, etag });
    assert.equal((await set('60', 'sme', '2025')).status, 200);
    const stale = await set('70', 'sme', '2025');
    assert.equal(stale.status, 409, 'the page read the plan before the first target');
    assert.match(String(stale.body.error), /changed the Action Plan since the page was loaded/);
    const planEtag = String(stale.body.planEtag);
    assert.equal((await set('70', 'sme', '2025', planEtag)).status, 200);
    const plan = await view('/api/dashboard/action-plan');
    assert.equal((await set('40', 'local', '2026', plan.spend?.planEtag)).status, 200);
    const answer = await view('/api/dashboard/action-plan');
    // 2025-26 is over (31 March 2026): SME 66.7% against 70% is not met. 2026-27 is not over.
    assert.deepEqual(answer.tables[0]?.rows, [
      ['2025-26: SME share', 70, 66.7, 'Not met', LEAD.name, { date: '2026-06-01' }],
      ['2026-27: Local share', 40, null, 'Year not over', LEAD.name, { date: '2026-06-01' }],
    ]);
    assert.deepEqual(
      answer.tables[1]?.rows.map((r) => r.slice(0, 3)),
      [
        ['2026-27', 'Local share', 40],
        ['2025-26', 'SME share', 70],
        ['2025-26', 'SME share', 60],
      ],
    );
    assert.equal(answer.charts.length, 1);
  });

  it('offers a choice of column when the columns are not recognised, and checks again with it', async () => {
    const csv = 'When,Paid to,Sum\r\n01/04/2026,Fellside Catering Ltd,50\r\n';
    const refused = await upload(app, IMPORT, lead, 'odd.csv', csv);
    assert.equal(refused.status, 400);
    assert.match(String(refused.body.error), /no column was recognised/);
    const mapping = refused.body.mapping as { seen: string[]; fields: { field: string }[] };
    assert.deepEqual(mapping.seen, ['When', 'Paid to', 'Sum']);
    assert.deepEqual(
      mapping.fields.map((f) => f.field),
      ['date', 'supplierName', 'amountNet', 'amountGross', 'supplierId'],
    );
    const mapped = await upload(app, IMPORT, lead, 'odd.csv', csv, {
      'map.date': 'When',
      'map.supplierName': 'Paid to',
      'map.amountNet': 'Sum',
    });
    assert.equal(mapped.status, 200, JSON.stringify(mapped.body));
    const check = mapped.body.check as ImportCheck;
    assert.deepEqual(check.columns, [
      { label: 'Transaction date', header: 'When' },
      { label: 'Supplier name', header: 'Paid to' },
      { label: 'Net amount', header: 'Sum' },
    ]);
    assert.deepEqual(check.actions, { import: 'Import', cancel: 'Cancel' });
  });

  it('streams a file larger than the body parser takes, and refuses one past 50 MB', async () => {
    // About 1.5 MB of payments: past the 1 MB the JSON body parser takes.
    const lines = ['Date,Supplier,Amount'];
    for (let i = 0; i < 40_000; i += 1) lines.push(`01/05/2026,Supplier number ${i % 500},12.34`);
    const big = lines.join('\n');
    assert.ok(big.length > 1_200_000);
    const sent = await upload(app, IMPORT, lead, 'big.csv', big);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal((sent.body.check as ImportCheck).facts[0]?.value, '40,000 payments');
    // Rows of about 1 KB: past 50 MB long before the 500,000-row limit.
    const line = `01/05/2026,${'x'.repeat(980)},1\n`;
    const huge = Buffer.from(`Date,Supplier,Amount\n${line.repeat(53_000)}`);
    assert.ok(huge.length > 50 * 1024 * 1024);
    const refused = await upload(app, IMPORT, lead, 'huge.csv', huge);
    assert.equal(refused.status, 413);
    assert.match(String(refused.body.error), /larger than 50 MB/);
    assert.equal(
      (await upload(app, IMPORT, lead, '', 'a,b')).body.error,
      'Choose a file to upload.',
    );
  });

  it('exports each spend view to CSV and Excel, and the lead’s workbook gains spend sheets', async () => {
    const csv = await fetch(`${app.url}/api/dashboard/spend.csv?year=2025`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    assert.equal(csv.status, 200);
    const rows = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][];
    assert.deepEqual(rows[0], ['Supplier', 'Spend (£)', 'Share (%)', 'Size', 'Local', 'VCSE']);
    assert.deepEqual(rows.slice(1), [
      ['Fellside Catering Ltd', '3000', '50', 'Small', 'Yes', 'No'],
      ['Northern Fleet Services', '1800', '30', 'Large', 'No', 'No'],
      ['Lakeland Uniforms', '1000', '16.7', 'Small', 'Yes', 'Yes'],
    ]);
    const xlsx = await fetch(`${app.url}/api/dashboard/spend.xlsx?year=2025`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      [
        'Figures 2025-26',
        'By size 2025-26',
        'Shares of spend by year',
        'Quarters 2025-26',
        'Suppliers 2025-26',
      ],
    );
    assert.equal(book.worksheets[0]?.getCell('B2').value, 6000, 'a number stays a number');
    const plan = await fetch(`${app.url}/api/dashboard/action-plan.csv`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    const history = parse((await plan.text()).replace(/^\uFEFF/, '')) as string[][];
    assert.deepEqual(history[0], ['Year', 'Measure', 'Target (%)', 'Note', 'Set by', 'Set on']);
    assert.equal(history.length, 4);
    const imports = await fetch(`${app.url}/api/dashboard/spend-imports.csv`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    assert.match(
      await imports.text(),
      /"spend-2024-26\.csv",49,1,2,"2024-04-15","2026-03-15",10800/,
    );
    const all = async (token: string) => {
      const response = await fetch(`${app.url}/api/dashboard/export.xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      return workbook.worksheets.map((s) => s.name);
    };
    assert.deepEqual((await all(lead)).slice(-4), [
      'Spend by year',
      'Spend suppliers',
      'Action Plan targets',
      'Spend imports',
    ]);
    assert.ok(!(await all(officer)).includes('Spend by year'));
  });

  it('never shows one tenant’s spend to another tenant’s lead', async () => {
    const spend = await view('/api/dashboard/spend', otherLead);
    assert.deepEqual(spend.tables, []);
    assert.deepEqual(spend.spend?.notes, [
      'No spend is imported yet: import a payment file on the Spend imports tab.',
    ]);
    const imports = await view('/api/dashboard/spend-imports', otherLead);
    assert.deepEqual(imports.tables[0]?.rows, []);
    const suppliers = await view('/api/dashboard/spend-suppliers?show=all', otherLead);
    assert.deepEqual(suppliers.spend?.suppliers, []);
    const plan = await view('/api/dashboard/action-plan', otherLead);
    assert.deepEqual(plan.tables[1]?.rows, []);
    // Its lead's edit of a key of tenant A makes a supplier of its own, not a change to A's.
    const lakeland = (await app.spend.suppliers(TENANT)).find(
      (s) => s.name === 'Lakeland Uniforms',
    );
    const key = lakeland?.key;
    const sent = await write(
      app,
      'PUT',
      `/api/dashboard/spend/suppliers/${encodeURIComponent(key ?? '')}`,
      otherLead,
      { name: 'Lakeland Uniforms', headcount: '900', etag: lakeland?.etag },
    );
    // Tenant B has no such supplier: its lead's save is refused as stale, and A's is untouched.
    assert.equal(sent.status, 409);
    const mine = (await app.spend.suppliers(TENANT)).find((s) => s.name === 'Lakeland Uniforms');
    assert.equal(mine?.headcount, 15, 'tenant A’s supplier unchanged');
  });

  it('logs the uploads and saves without a file name, a supplier or a figure of the files', () => {
    const events = logged.map((line) => (JSON.parse(line) as { event: string }).event);
    for (const event of [
      'spend.checked',
      'spend.imported',
      'spend.suppliers_imported',
      'spend.supplier_saved',
      'spend.target_set',
      'spend.upload_refused',
    ])
      assert.ok(events.includes(event), event);
    const text = logged.join('\n');
    for (const secret of [
      'spend-2024-26.csv',
      'suppliers.csv',
      'Fellside',
      'Lakeland',
      'Northern',
      'LA9',
      'CA1',
      '10800',
      'Procurement lead',
    ])
      assert.ok(!text.includes(secret), `the log holds "${secret}"`);
  });
});
