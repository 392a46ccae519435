import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import type { ImportCheck, ViewAnswer } from '../../core/dashboard/api.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { signIn, upload, write } from './spend-support.js';
import { api, seed } from './support.js';

/**
 * Two listed suppliers with one name and two ids, paid by id, over real HTTP on the real
 * store: each line of the views is its own supplier (size, key, version), so a lead's save
 * lands on the supplier the row shows.
 */

const TENANT = 'same-name-tenant';
const LEAD = 'lead-1';
const NOW = '2026-06-01T09:00:00.000Z';

/** 2025-26, April and May: Acme (A1) £500 a month, Acme (A2) £100 a month. */
const PAYMENTS = [
  'Transaction Date,Supplier Name,Supplier ID,Amount',
  '15/04/2025,Acme Ltd,A1,500',
  '15/05/2025,Acme Ltd,A1,500',
  '15/04/2025,Acme Ltd,A2,100',
  '15/05/2025,Acme Ltd,A2,100',
].join('\r\n');

/** A1 is small (20 staff), A2 large (400): neither has a postcode. */
const SUPPLIERS = ['Supplier name,Supplier ID,Employees', 'Acme Ltd,A1,20', 'Acme Ltd,A2,400'].join(
  '\r\n',
);

describe('two listed suppliers with the same name on the dashboard', function () {
  this.timeout(60_000);
  let app: App;
  let lead: string;

  before(async () => {
    app = await startBot(new TestClock(NOW), { PROCUREMENT_LEAD_IDS: LEAD });
    await seed(app, [
      {
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner: { id: 'officer-1', name: 'Olivia Officer' },
        title: 'Custody cleaning',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
    ]);
    lead = await signIn(app, TENANT, LEAD);
    for (const [path, name, body] of [
      ['/api/dashboard/spend/import', 'spend.csv', PAYMENTS],
      ['/api/dashboard/spend/suppliers/import', 'suppliers.csv', SUPPLIERS],
    ] as const) {
      const checked = await upload(app, path, lead, name, body);
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      const expect = (checked.body.check as ImportCheck).id;
      const done = await upload(app, path, lead, name, body, { confirm: 'yes', expect });
      assert.equal(done.status, 200, JSON.stringify(done.body));
    }
  });
  after(async () => {
    await app?.close();
  });

  const view = async (path: string): Promise<ViewAnswer> => {
    const answer = await api(app, path, lead);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as unknown as ViewAnswer;
  };

  it('shows each supplier paid with its own size', async () => {
    const answer = await view('/api/dashboard/spend');
    const paid = answer.tables.find((table) => table.id === 'suppliers');
    assert.deepEqual(
      paid?.rows.map((row) => [row[0], row[1], row[3]]),
      [
        ['Acme Ltd', 1000, 'Small'],
        ['Acme Ltd', 200, 'Large'],
      ],
    );
  });

  it('carries each supplier’s own key and version, and a save lands on that supplier', async () => {
    const stored = await app.spend.suppliers(TENANT);
    const a1 = stored.find((supplier) => supplier.id === 'A1');
    const a2 = stored.find((supplier) => supplier.id === 'A2');
    assert.ok(a1 && a2);
    const answer = await view('/api/dashboard/spend-suppliers');
    assert.deepEqual(
      answer.spend?.suppliers?.map((s) => [s.id, s.spend, s.key, s.etag, s.headcount]),
      [
        ['A1', '£1,000', a1.key, a1.etag, 20],
        ['A2', '£200', a2.key, a2.etag, 400],
      ],
    );
    const [first] = answer.spend?.suppliers ?? [];
    assert.ok(first?.key && first.etag);
    const saved = await write(
      app,
      'PUT',
      `/api/dashboard/spend/suppliers/${encodeURIComponent(first.key)}`,
      lead,
      { name: 'Acme Ltd', id: 'A1', headcount: '20', postcode: 'CA1 1AA', etag: first.etag },
    );
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const after = await app.spend.suppliers(TENANT);
    assert.equal(after.find((s) => s.id === 'A1')?.postcode, 'CA1 1AA');
    assert.equal(after.find((s) => s.id === 'A2')?.postcode, undefined, 'A2 is unchanged');
    assert.equal(after.find((s) => s.id === 'A2')?.headcount, 400);
  });
});
