import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { loadConfig } from '../../bot/config.js';
import { readSpendFile } from '../../bot/spend/read-spend-file.js';
import { readSupplierFile } from '../../bot/spend/read-supplier-file.js';
import { SpendStore } from '../../bot/spend/spend-store.js';
import { type CosmosStore, openCosmos } from '../../bot/store/cosmos.js';
import { bandWords } from '../../cards/dashboard/spend-words.js';
import { builtInPack } from '../../core/policy/index.js';
import { spendByYear, suppliersMissingData } from '../../core/spend/figures.js';

const LEAD = { id: 'lead-example', name: 'Lee Lead' };

/**
 * The example files in examples/, imported as a lead would, and their figures worked out by
 * hand. The payments of 2024-25 (April 2024 to March 2025, every month present):
 *   National Fleet Services plc  5,000 + 5,000 - 1,000 (credit note) + 5,000  = 14,000.00
 *   Solway Security (id SUP-0042, three spellings)  3 x 2,500               =  7,500.00
 *   Northern IT Solutions Limited  2 x 3,000                                 =  6,000.00
 *   Eden Valley Catering Ltd  3 x 1,200                                      =  3,600.00
 *   Kendal Cleaning Co-operative  3 x 800                                    =  2,400.00
 *   Lancaster Print  412.50 + 387.50                                         =    800.00
 *   REDACTED - personal data                                                 =    600.00
 *   total                                                                      34,900.00
 * The supplier list: Eden 25 staff (small, CA11: local); Kendal micro, LA9 (local), a VCSE;
 * National Fleet 1,200 staff (large, M1: not local); Solway medium, CA2 (local), matched by its
 * id though listed as "Solway Security Services"; Northern IT "Ltd", SME with no band and no
 * postcode; Lancaster Print not listed.
 */
describe('the example spend and supplier files (examples/)', function () {
  this.timeout(30_000);
  let store: CosmosStore;
  before(async () => {
    store = await openCosmos(loadConfig({ NODE_ENV: 'test' }));
  });
  after(async () => {
    await store?.close();
  });

  it('import and give the figures worked out by hand', async () => {
    const spend = new SpendStore(store.containers.spend);
    const tenant = 'tenant-example';
    const payments = await readSpendFile(createReadStream('examples/spend-example.csv'), {
      fileName: 'spend-example.csv',
    });
    assert.ok(payments.ok, JSON.stringify(payments));
    // 20 rows: 19 payments and 1 redacted; 15/03/2024 to 14/04/2025.
    assert.equal(payments.value.rows, 19);
    assert.equal(payments.value.redactedRows, 1);
    assert.equal(payments.value.badRowCount, 0);
    assert.equal(payments.value.firstDate, '2024-03-15');
    assert.equal(payments.value.lastDate, '2025-04-14');
    // 34,900 for 2024-25, and 1,000 and 1,200 either side of it.
    assert.equal(payments.value.totalPence, 3_710_000);
    const list = await readSupplierFile(createReadStream('examples/suppliers-example.csv'), {
      fileName: 'suppliers-example.csv',
    });
    assert.ok(list.ok, JSON.stringify(list));
    assert.equal(list.value.suppliers.length, 5);
    await spend.importSuppliers(tenant, list.value.suppliers, LEAD, '2026-12-02T03:00:00Z');
    await spend.commit(tenant, payments.value, { by: LEAD, at: '2026-12-02T03:00:00Z' });

    const input = { months: await spend.months(tenant), suppliers: await spend.suppliers(tenant) };
    const { years, baseline } = spendByYear(builtInPack, input);
    // March 2024 alone of 2023-24, April 2025 alone of 2025-26: only 2024-25 is complete.
    assert.deepEqual(
      years.map((y) => [y.year.label, y.complete, y.figures.totalPence]),
      [
        ['2023-24', false, 100_000],
        ['2024-25', true, 3_490_000],
        ['2025-26', false, 120_000],
      ],
    );
    assert.equal(baseline?.year.label, '2024-25');
    const figures = baseline?.figures;
    assert.ok(figures);
    // Bands: micro Kendal 2,400; small Eden 3,600; medium Solway 7,500; SME of unknown size
    // Northern IT 6,000; large National Fleet 14,000; unknown Lancaster Print 800. With the
    // redacted 600 they make 34,900.
    assert.deepEqual(
      figures.bands.map((b) => [bandWords(b), b.pence]),
      [
        ['Micro', 240_000],
        ['Small', 360_000],
        ['Medium', 750_000],
        ['SME, size not known', 600_000],
        ['Large', 1_400_000],
        ['Unknown', 80_000],
      ],
    );
    assert.deepEqual([figures.redacted.pence, figures.redacted.rows], [60_000, 1]);
    // SME: 2,400 + 3,600 + 7,500 + 6,000 = 19,500 of 34,900.
    assert.equal(figures.sme.pence, 1_950_000);
    assert.equal(figures.sme.share, 19_500 / 34_900);
    // Local: Eden (CA11) 3,600 + Kendal (LA9) 2,400 + Solway (CA2) 7,500 = 13,500, all SMEs.
    assert.equal(figures.local.pence, 1_350_000);
    assert.equal(figures.localSme.pence, 1_350_000);
    // VCSE: Kendal alone, 2,400.
    assert.equal(figures.vcse.pence, 240_000);
    assert.equal(figures.supplierCount, 6);
    assert.deepEqual(
      figures.topSuppliers.slice(0, 3).map((s) => [s.name, s.pence]),
      [
        ['National Fleet Services plc', 1_400_000],
        ['Solway Security Services', 750_000],
        ['Northern IT Solutions Ltd', 600_000],
      ],
    );
    // Quarters: Q1 5,000 + 1,200 + 2,500; Q2 800 + 5,000 + 600 + 3,000;
    // Q3 2,500 + 412.50 + 800 - 1,000 + 1,200; Q4 3,000 + 1,200 + 2,500 + 387.50 + 5,000 + 800.
    assert.deepEqual(
      baseline?.quarters.map((q) => [q.quarter, q.figures.totalPence]),
      [
        [1, 870_000],
        [2, 940_000],
        [3, 391_250],
        [4, 1_288_750],
      ],
    );
    // To fill in: Northern IT's postcode (6,000 paid), Lancaster Print's size and postcode (800).
    assert.deepEqual(
      suppliersMissingData(builtInPack, {
        months: input.months.filter((m) => m.month >= '2024-04' && m.month <= '2025-03'),
        suppliers: input.suppliers,
      }).map((m) => [m.name, m.pence, m.missing]),
      [
        ['Northern IT Solutions Ltd', 600_000, ['postcode']],
        ['Lancaster Print', 80_000, ['size', 'postcode']],
      ],
    );
  });
});
