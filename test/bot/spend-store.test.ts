import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { Item } from '@azure/cosmos';
import sinon from 'sinon';
import { loadConfig } from '../../bot/config.js';
import { type CheckedSpendFile, readSpendFile } from '../../bot/spend/read-spend-file.js';
import { SpendStore, StaleSpendError } from '../../bot/spend/spend-store.js';
import { type CosmosStore, openCosmos } from '../../bot/store/cosmos.js';
import { builtInPack } from '../../core/policy/index.js';
import { spendByYear } from '../../core/spend/figures.js';
import { setTarget } from '../../core/spend/targets.js';

const LEAD = { id: 'lead-1', name: 'Lee Lead' };
const OTHER = { id: 'lead-2', name: 'Olu Other' };
const AT = '2026-12-02T03:00:00.000Z';
const LATER = '2026-12-02T04:00:00.000Z';

let tenants = 0;
const freshTenant = (): string => {
  tenants += 1;
  return `spend-tenant-${tenants}`;
};

/** A checked file, read the way an upload or the command line reads it. */
async function checked(fileName: string, csv: string): Promise<CheckedSpendFile> {
  const read = await readSpendFile(Readable.from([Buffer.from(csv)]), { fileName });
  if (!read.ok) assert.fail(read.problems.map((p) => p.message).join('\n'));
  return read.value;
}

/** Twelve months of 2024-25, one payment a month to Acme and one to Beta. */
function year(acmeAmount: string, beta = '50.00'): string {
  const lines = ['Date,Supplier,Amount'];
  for (let i = 0; i < 12; i += 1) {
    const month = ((i + 3) % 12) + 1;
    const calendarYear = month >= 4 ? 2024 : 2025;
    const date = `15/${String(month).padStart(2, '0')}/${calendarYear}`;
    lines.push(`${date},Acme Ltd,${acmeAmount}`, `${date},Beta,${beta}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the spend store (bot/spend/spend-store.ts)', function () {
  this.timeout(30_000);
  let store: CosmosStore;
  let spend: SpendStore;
  before(async () => {
    store = await openCosmos(loadConfig({ NODE_ENV: 'test' }));
    spend = new SpendStore(store.containers.spend);
  });
  after(async () => {
    await store?.close();
  });
  afterEach(() => sinon.restore());

  /** Every document of a tenant's spend, by id, with its ETag: what "nothing changed" compares. */
  async function documents(tenantId: string): Promise<Map<string, string>> {
    const { resources } = await store.containers.spend.items
      .query<{ id: string; _etag: string }>({
        query: 'SELECT c.id, c._etag FROM c WHERE c.tenantId = @tenant',
        parameters: [{ name: '@tenant', value: tenantId }],
      })
      .fetchAll();
    return new Map(resources.map((r) => [r.id, r._etag]));
  }

  it('stores a file as its payee-month totals, in a few documents, and reads them back', async () => {
    const tenant = freshTenant();
    const file = await checked('spend-2024.csv', year('100.00'));
    const done = await spend.commit(tenant, file, { by: LEAD, at: AT });
    assert.equal(done.outcome, 'imported');
    assert.deepEqual(done.replaced, []);
    assert.equal(done.import.id, file.id);
    assert.equal(done.import.rows, 24);
    assert.equal(done.import.totalPence, 12 * 15000);
    assert.deepEqual(done.import.importedBy, LEAD);
    const imports = await spend.imports(tenant);
    assert.deepEqual(
      imports.map((i) => [i.id, i.fileName, i.firstDate, i.lastDate]),
      [[file.id, 'spend-2024.csv', '2024-04-15', '2025-03-15']],
    );
    const months = await spend.months(tenant);
    assert.deepEqual(
      [...months].sort((a, b) => a.month.localeCompare(b.month) || a.payee.localeCompare(b.payee)),
      file.months,
    );
    // One import document and one document a month: not one a payment.
    assert.equal((await documents(tenant)).size, 13);
  });

  it('changes nothing when the same file is imported again: same documents, same ETags', async () => {
    const tenant = freshTenant();
    const file = await checked('spend.csv', year('100.00'));
    await spend.commit(tenant, file, { by: LEAD, at: AT });
    const before = await documents(tenant);
    const again = await spend.commit(tenant, await checked('renamed.csv', year('100.00')), {
      by: OTHER,
      at: LATER,
    });
    assert.equal(again.outcome, 'unchanged');
    assert.deepEqual(again.import.importedBy, LEAD, 'the first import stands');
    assert.deepEqual(await documents(tenant), before);
    const preview = await spend.preview(tenant, file);
    assert.equal(preview.alreadyImported, true);
    assert.deepEqual(preview.wouldReplace, []);
  });

  it('replaces the earlier import of a corrected file of the same name, and the figures show the corrected amounts', async () => {
    const tenant = freshTenant();
    const first = await checked('spend.csv', year('100.00'));
    await spend.commit(tenant, first, { by: LEAD, at: AT });
    const corrected = await checked('spend.csv', year('120.00'));
    const preview = await spend.preview(tenant, corrected);
    assert.equal(preview.alreadyImported, false);
    assert.deepEqual(
      preview.wouldReplace.map((i) => i.id),
      [first.id],
    );
    assert.deepEqual(preview.overlapping, []);
    const done = await spend.commit(tenant, corrected, { by: OTHER, at: LATER });
    assert.equal(done.outcome, 'imported');
    assert.deepEqual(
      done.replaced.map((i) => i.id),
      [first.id],
    );
    assert.deepEqual(done.import.replaces, [first.id]);
    assert.deepEqual(
      (await spend.imports(tenant)).map((i) => i.id),
      [corrected.id],
    );
    const figures = spendByYear(builtInPack, {
      months: await spend.months(tenant),
      suppliers: [],
    }).baseline?.figures;
    // 12 x £120 to Acme and 12 x £50 to Beta: £2,040, none of the first file's £100s.
    assert.equal(figures?.totalPence, 204000);
    assert.deepEqual(
      figures?.topSuppliers.map((s) => [s.name, s.pence]),
      [
        ['Acme Ltd', 144000],
        ['Beta', 60000],
      ],
    );
    // The replaced import's documents are gone: 1 import and 12 months left.
    const ids = [...(await documents(tenant)).keys()];
    assert.equal(ids.length, 13);
    assert.ok(!ids.some((id) => id.includes(first.id)), ids.join(', '));
  });

  it('keeps a file of the same name over other months beside the first: it corrects nothing', async () => {
    // Finance systems name every month's export alike: April's and May's are two files.
    const tenant = freshTenant();
    const april = await checked('export.csv', 'Date,Supplier,Amount\n15/04/2024,Acme Ltd,100.00\n');
    const may = await checked('export.csv', 'Date,Supplier,Amount\n15/05/2024,Acme Ltd,200.00\n');
    await spend.commit(tenant, april, { by: LEAD, at: AT });
    const preview = await spend.preview(tenant, may);
    assert.deepEqual(preview.wouldReplace, []);
    const done = await spend.commit(tenant, may, { by: LEAD, at: LATER });
    assert.deepEqual(done.replaced, []);
    assert.deepEqual(
      (await spend.imports(tenant)).map((i) => i.id).sort(),
      [april.id, may.id].sort(),
    );
    const months = await spend.months(tenant);
    assert.equal(
      months.reduce((sum, m) => sum + m.pence, 0),
      30000,
    );
  });

  it('takes the same file read with other columns as a correction that replaces it', async () => {
    // Imported first with the net amounts; the lead meant the gross ones and maps them.
    const tenant = freshTenant();
    const csv = 'Date,Supplier,Net,Gross\n15/04/2024,Acme Ltd,100.00,120.00\n';
    const net = await checked('spend.csv', csv);
    await spend.commit(tenant, net, { by: LEAD, at: AT });
    const read = await readSpendFile(Readable.from([Buffer.from(csv)]), {
      fileName: 'spend.csv',
      mapping: { amountNet: 'Gross' },
    });
    assert.ok(read.ok);
    const gross = read.value;
    assert.notEqual(gross.id, net.id);
    assert.equal((await spend.preview(tenant, gross)).alreadyImported, false);
    const done = await spend.commit(tenant, gross, { by: LEAD, at: LATER });
    assert.equal(done.outcome, 'imported');
    assert.deepEqual(
      done.replaced.map((i) => i.id),
      [net.id],
    );
    const months = await spend.months(tenant);
    assert.deepEqual(
      months.map((m) => m.pence),
      [12000],
    );
  });

  it('counts a file imported again after its correction replaced it', async () => {
    const tenant = freshTenant();
    const first = await checked('spend.csv', year('100.00'));
    const corrected = await checked('spend.csv', year('120.00'));
    await spend.commit(tenant, first, { by: LEAD, at: AT });
    await spend.commit(tenant, corrected, { by: LEAD, at: AT });
    const back = await spend.commit(tenant, first, { by: LEAD, at: AT });
    assert.equal(back.outcome, 'imported');
    assert.deepEqual(
      (await spend.imports(tenant)).map((i) => i.id),
      [first.id],
    );
    const total = (await spend.months(tenant)).reduce((sum, m) => sum + m.pence, 0);
    assert.equal(total, 12 * 15000);
  });

  it('keeps another file covering the same months, and says it overlaps', async () => {
    const tenant = freshTenant();
    const a = await checked('north.csv', year('100.00'));
    const b = await checked('south.csv', year('10.00', '5.00'));
    await spend.commit(tenant, a, { by: LEAD, at: AT });
    const preview = await spend.preview(tenant, b);
    assert.deepEqual(preview.wouldReplace, []);
    assert.deepEqual(
      preview.overlapping.map((i) => i.fileName),
      ['north.csv'],
    );
    await spend.commit(tenant, b, { by: LEAD, at: LATER });
    assert.deepEqual(
      (await spend.imports(tenant)).map((i) => i.fileName),
      ['south.csv', 'north.csv'],
    );
    // Replacing by choice: the lead names the import to replace.
    const c = await checked('all.csv', year('1.00', '1.00'));
    const done = await spend.commit(tenant, c, { by: LEAD, at: LATER, replaces: [a.id, b.id] });
    assert.deepEqual(done.replaced.map((i) => i.fileName).sort(), ['north.csv', 'south.csv']);
    assert.deepEqual(
      (await spend.imports(tenant)).map((i) => i.fileName),
      ['all.csv'],
    );
  });

  it('counts nothing of an import that fails on its import document, and the same file then imports cleanly', async () => {
    const tenant = freshTenant();
    const file = await checked('spend.csv', year('100.00'));
    const items = store.containers.spend.items;
    const create = sinon.stub(items, 'create').callsFake(async function (this: unknown, body) {
      if ((body as { kind?: string }).kind === 'spend-import')
        throw new Error('the connection dropped');
      return create.wrappedMethod.call(items, body);
    });
    await assert.rejects(spend.commit(tenant, file, { by: LEAD, at: AT }), /connection dropped/);
    create.restore();
    // The months were written, but no import commits them: nothing is counted.
    assert.ok((await documents(tenant)).size > 0, 'the months documents were written first');
    assert.deepEqual(await spend.imports(tenant), []);
    assert.deepEqual(await spend.months(tenant), []);
    const done = await spend.commit(tenant, file, { by: LEAD, at: LATER });
    assert.equal(done.outcome, 'imported');
    assert.equal(
      (await spend.months(tenant)).reduce((sum, m) => sum + m.pence, 0),
      12 * 15000,
    );
    // No orphans: the retry wrote the same months documents over the first attempt's.
    const ids = [...(await documents(tenant)).keys()];
    assert.equal(ids.length, 13, ids.join(', '));
    assert.ok(ids.every((id) => id === file.id || id.startsWith(`months-${file.id}-`)));
  });

  it("sweeps a crashed import's months at a later import of another file, once they are old", async () => {
    const tenant = freshTenant();
    const crashed = await checked('crashed.csv', year('1.00'));
    const items = store.containers.spend.items;
    const create = sinon.stub(items, 'create').callsFake(async (body) => {
      if ((body as { kind?: string }).kind === 'spend-import') throw new Error('power cut');
      return create.wrappedMethod.call(items, body);
    });
    await assert.rejects(spend.commit(tenant, crashed, { by: LEAD, at: AT }));
    create.restore();
    const other = await checked('other.csv', year('2.00'));
    // Fifteen minutes on: another import might still be writing them, so they are left.
    await spend.commit(tenant, other, { by: LEAD, at: '2026-12-02T03:10:00.000Z' });
    assert.equal((await documents(tenant)).size, 25);
    const third = await checked('third.csv', year('3.00'));
    await spend.commit(tenant, third, { by: LEAD, at: LATER });
    const ids = [...(await documents(tenant)).keys()];
    assert.equal(ids.length, 26, ids.join(', '));
    assert.ok(!ids.some((id) => id.includes(crashed.id)));
  });

  it('counts only the correction when the removal of the import it replaced fails, and sweeps that at the next import', async () => {
    const tenant = freshTenant();
    const first = await checked('spend.csv', year('100.00'));
    await spend.commit(tenant, first, { by: LEAD, at: AT });
    const corrected = await checked('spend.csv', year('120.00'));
    const remove = sinon
      .stub(Item.prototype, 'delete')
      .rejects(new Error('the connection dropped'));
    const done = await spend.commit(tenant, corrected, { by: LEAD, at: LATER });
    remove.restore();
    assert.equal(done.outcome, 'imported', 'committed: the removal is tidying up');
    // The correction is committed: the first file's documents are still there, but not counted.
    assert.equal((await documents(tenant)).size, 26);
    assert.deepEqual(
      (await spend.imports(tenant)).map((i) => i.id),
      [corrected.id],
    );
    assert.equal(
      (await spend.months(tenant)).reduce((sum, m) => sum + m.pence, 0),
      12 * 17000,
    );
    // The same correction again changes nothing; another file's import sweeps what was left.
    assert.equal(
      (await spend.commit(tenant, corrected, { by: LEAD, at: LATER })).outcome,
      'unchanged',
    );
    await spend.commit(tenant, await checked('other.csv', year('1.00')), { by: LEAD, at: LATER });
    const ids = [...(await documents(tenant)).keys()];
    assert.equal(ids.length, 26);
    assert.ok(!ids.some((id) => id.includes(first.id)));
  });

  it('splits a month of very many payees into documents far under the 2 MB item limit', async () => {
    const tenant = freshTenant();
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `01/04/2024,Supplier number ${i} with a long registered name Limited,1.00`,
    );
    const file = await checked('wide.csv', `Date,Supplier,Amount\n${rows.join('\n')}\n`);
    await spend.commit(tenant, file, { by: LEAD, at: AT });
    const { resources } = await store.containers.spend.items
      .query<{ id: string; payees: unknown[] }>({
        query: "SELECT * FROM c WHERE c.tenantId = @tenant AND c.kind = 'spend-months'",
        parameters: [{ name: '@tenant', value: tenant }],
      })
      .fetchAll();
    assert.ok(resources.length > 1, 'the month is split');
    for (const resource of resources)
      assert.ok(JSON.stringify(resource).length < 512 * 1024, `${resource.id} is too large`);
    assert.equal((await spend.months(tenant)).length, 6000);
  });

  it("never shows one tenant another's imports, totals, suppliers or Action Plan", async () => {
    const a = freshTenant();
    const b = freshTenant();
    const file = await checked('spend.csv', year('100.00'));
    await spend.commit(a, file, { by: LEAD, at: AT });
    await spend.importSuppliers(a, [{ name: 'Acme Ltd', headcount: 12 }], LEAD, AT);
    const plan = setTarget({ settings: [] }, { year: 2024, measure: 'sme', percent: 30 }, LEAD, AT);
    assert.ok(plan.ok);
    await spend.saveActionPlan(a, plan.value.plan);
    assert.deepEqual(await spend.imports(b), []);
    assert.deepEqual(await spend.months(b), []);
    assert.deepEqual(await spend.suppliers(b), []);
    assert.deepEqual((await spend.actionPlan(b)).plan, { settings: [] });
    // The same file in tenant B is B's own first import, not "already imported".
    assert.equal((await spend.preview(b, file)).alreadyImported, false);
    assert.equal((await spend.commit(b, file, { by: OTHER, at: AT })).outcome, 'imported');
    assert.equal((await spend.imports(a)).length, 1);
    assert.equal((await spend.imports(b)).length, 1);
  });

  it('changes the figures when a supplier is edited, with no re-import', async () => {
    const tenant = freshTenant();
    await spend.commit(tenant, await checked('spend.csv', year('100.00')), { by: LEAD, at: AT });
    const counts = await spend.importSuppliers(
      tenant,
      [
        { name: 'ACME LIMITED', headcount: 400, postcode: 'M1 1AE' },
        { name: 'Beta', band: 'small', postcode: 'CA1 1AA' },
      ],
      LEAD,
      AT,
    );
    assert.deepEqual(counts, { added: 2, updated: 0, unchanged: 0 });
    const figures = async () =>
      spendByYear(builtInPack, {
        months: await spend.months(tenant),
        suppliers: await spend.suppliers(tenant),
      }).baseline?.figures;
    // Acme (large, not local) £1,200; Beta (small, local) £600 of £1,800.
    assert.equal((await figures())?.sme.pence, 60000);
    assert.equal((await figures())?.local.pence, 60000);
    const acme = (await spend.suppliers(tenant)).find((s) => s.name === 'ACME LIMITED');
    assert.ok(acme);
    const saved = await spend.saveSupplier(
      tenant,
      acme.key,
      { name: acme.name, headcount: 40, postcode: 'CA10 2AB' },
      OTHER,
      LATER,
      acme.etag,
    );
    assert.notEqual(saved.etag, acme.etag);
    assert.equal((await figures())?.sme.pence, 180000);
    assert.equal((await figures())?.localSme.pence, 180000);
    // A change from the ETag read before the save is refused, not written over it.
    await assert.rejects(
      spend.saveSupplier(
        tenant,
        acme.key,
        { name: acme.name, headcount: 999 },
        LEAD,
        LATER,
        acme.etag,
      ),
      StaleSpendError,
    );
    assert.equal((await spend.suppliers(tenant)).find((s) => s.key === acme.key)?.headcount, 40);
    // The same list again changes nothing; a new id for a supplier known by name is the same supplier.
    assert.deepEqual(
      await spend.importSuppliers(
        tenant,
        [
          { name: 'Beta', band: 'small', postcode: 'CA1 1AA' },
          { name: 'Beta Ltd', id: 'B1' },
        ],
        LEAD,
        LATER,
      ),
      { added: 0, updated: 1, unchanged: 1 },
    );
    const beta = (await spend.suppliers(tenant)).filter((s) => s.name.startsWith('Beta'));
    assert.deepEqual(
      beta.map((s) => [s.name, s.id, s.band, s.postcode]),
      [['Beta Ltd', 'B1', 'small', 'CA1 1AA']],
    );
    // Listed again by its id: the same supplier still, not a second one.
    assert.deepEqual(
      await spend.importSuppliers(tenant, [{ name: 'Beta Ltd', id: 'b1' }], LEAD, LATER),
      { added: 0, updated: 1, unchanged: 0 },
    );
    assert.deepEqual(
      await spend.importSuppliers(tenant, [{ name: 'Beta Ltd', id: 'b1' }], LEAD, LATER),
      { added: 0, updated: 0, unchanged: 1 },
    );
    assert.equal((await spend.suppliers(tenant)).length, 2);
  });

  it('adds a supplier by hand, refusing a second with the same name', async () => {
    const tenant = freshTenant();
    const added = await spend.saveSupplier(tenant, undefined, { name: 'Gamma' }, LEAD, AT);
    assert.equal(added.key, 'name:gamma');
    await assert.rejects(
      spend.saveSupplier(tenant, undefined, { name: 'GAMMA Ltd' }, LEAD, AT),
      StaleSpendError,
    );
  });

  it('saves the Action Plan on its ETag, refusing a save from a stale read', async () => {
    const tenant = freshTenant();
    const empty = await spend.actionPlan(tenant);
    assert.deepEqual(empty.plan, { settings: [] });
    assert.equal(empty.etag, undefined);
    const first = setTarget(empty.plan, { year: 2025, measure: 'local', percent: 40 }, LEAD, AT);
    assert.ok(first.ok);
    await spend.saveActionPlan(tenant, first.value.plan, empty.etag);
    // A second first save (another lead's, from the same empty read) is refused.
    await assert.rejects(spend.saveActionPlan(tenant, first.value.plan), StaleSpendError);
    const read = await spend.actionPlan(tenant);
    assert.equal(read.plan.settings.length, 1);
    assert.ok(read.etag);
    const second = setTarget(
      read.plan,
      { year: 2025, measure: 'local', percent: 45 },
      OTHER,
      LATER,
    );
    assert.ok(second.ok);
    await spend.saveActionPlan(tenant, second.value.plan, read.etag);
    await assert.rejects(
      spend.saveActionPlan(tenant, second.value.plan, read.etag),
      StaleSpendError,
    );
    assert.equal((await spend.actionPlan(tenant)).plan.settings.length, 2);
  });
});
