import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import {
  type CsvRecord,
  payeeMonthsOf,
  readSpendRows,
  SpendAccumulator,
  spendByYear,
  spendFigures,
  splitCsv,
  suppliersMissingData,
} from '../../../core/spend/index.js';

const FILE = [
  'Date,Supplier,Supplier ID,Amount',
  '01/04/2024,Acme Ltd,,100.00',
  '02/04/2024,ACME LIMITED,,50.00',
  '03/04/2024,Beta,B1,20.00',
  '04/04/2024,Beta Trading,b1,5.00',
  '05/05/2024,Acme,,-10.00',
  '06/05/2024,Redacted,,7.00',
  '07/05/2024,REDACTED - personal data,,3.00',
  'not a date,Acme,,1.00',
].join('\n');

function records(text = FILE): CsvRecord[] {
  const split = splitCsv(text);
  assert.ok(split.ok);
  return split.value;
}

function accumulate(all: CsvRecord[]): SpendAccumulator {
  const [header, ...body] = all;
  assert.ok(header);
  const started = SpendAccumulator.start(header);
  assert.ok(started.ok);
  for (const record of body) started.value.add(record);
  return started.value;
}

describe('payee-month totals (core/spend/totals.ts)', () => {
  it('adds payments up by month and payee: an id when given, else the normalised name', () => {
    const checked = accumulate(records()).finish({ skipBadRows: true });
    assert.ok(checked.ok);
    assert.deepEqual(checked.value.months, [
      { month: '2024-04', payee: 'acme', name: 'Acme Ltd', redacted: false, pence: 15000, rows: 2 },
      {
        month: '2024-04',
        payee: 'b1',
        name: 'Beta',
        supplierId: 'B1',
        redacted: false,
        pence: 2500,
        rows: 2,
      },
      { month: '2024-05', payee: 'acme', name: 'Acme', redacted: false, pence: -1000, rows: 1 },
      // Withheld payees are one line a month, never matched to a supplier.
      {
        month: '2024-05',
        payee: 'redacted',
        name: 'Redacted',
        redacted: true,
        pence: 1000,
        rows: 2,
      },
    ]);
    assert.equal(checked.value.rows, 5);
    assert.equal(checked.value.redactedRows, 2);
    assert.equal(checked.value.totalPence, 17500);
    assert.deepEqual(checked.value.badRows, [
      { line: 9, reason: 'the date "not a date" is not written dd/mm/yyyy or yyyy-mm-dd' },
    ]);
  });

  it('refuses bad rows unless told to skip them, as readSpendRows does, with the same words', () => {
    const streamed = accumulate(records()).finish();
    const whole = readSpendRows(records());
    assert.equal(streamed.ok, false);
    assert.deepEqual(streamed, whole);
  });

  it('grows with months and payees, not with rows', () => {
    const lines = ['Date,Supplier,Amount'];
    for (let i = 0; i < 5000; i += 1)
      lines.push(
        `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 3) + 4}/2024,Payee ${i % 7},1.00`,
      );
    const checked = accumulate(records(lines.join('\n'))).finish();
    assert.ok(checked.ok);
    assert.equal(checked.value.rows, 5000);
    assert.equal(checked.value.months.length, 3 * 7);
    assert.equal(checked.value.totalPence, 500000);
  });

  it('gives the figures worked out by hand from the streamed totals, as from the rows', () => {
    // 2024-25, bad line skipped: Acme (listed: 3 staff, micro, in CA1) 100 + 50 - 10 = £140;
    // Beta, id B1 (not listed) 20 + 5 = £25; redacted 7 + 3 = £10. Total £175: SME and local
    // £140 = 80%, unknown size £25, two redacted payments, two suppliers.
    const checked = accumulate(records()).finish({ skipBadRows: true });
    assert.ok(checked.ok);
    const suppliers = [{ name: 'Acme', headcount: 3, postcode: 'CA1 1AA' }];
    const fromTotals = spendByYear(pack, { months: checked.value.months, suppliers });
    const year = fromTotals.years[0]?.figures;
    assert.equal(fromTotals.years.length, 1);
    assert.equal(year?.totalPence, 17_500);
    assert.deepEqual(year?.sme, { pence: 14_000, share: 0.8 });
    assert.deepEqual(year?.local, { pence: 14_000, share: 0.8 });
    assert.equal(year?.bands.find((b) => b.band === 'micro')?.pence, 14_000);
    assert.equal(year?.bands.find((b) => b.band === 'unknown')?.pence, 2_500);
    assert.deepEqual(year?.redacted, { rows: 2, pence: 1_000, share: 1_000 / 17_500 });
    assert.equal(year?.supplierCount, 2);
    assert.deepEqual(
      year?.topSuppliers.map((s) => s.pence),
      [14_000, 2_500],
    );
    // Rows read whole give the same figures as the streamed totals.
    const read = readSpendRows(records(), { skipBadRows: true });
    assert.ok(read.ok);
    assert.deepEqual(spendByYear(pack, { ...read.value, suppliers }), fromTotals);
  });

  describe('suppliers listed as SME with no band', () => {
    const months = payeeMonthsOf(
      [
        { line: 2, date: '2024-04-01', supplierName: 'Small Unknown', pence: 6000 },
        { line: 3, date: '2024-04-01', supplierName: 'Not SME', pence: 3000 },
        { line: 4, date: '2024-04-01', supplierName: 'Unlisted', pence: 1000 },
      ],
      [],
    );
    const suppliers = [
      { name: 'Small Unknown', sme: true, postcode: 'CA1 1AA' },
      { name: 'Not SME', sme: false, postcode: 'CA1 1AA' },
    ];

    it('count as SME, on a line of their own between the SME bands and large; "not SME" is large', () => {
      const figures = spendFigures(pack, { months, suppliers });
      assert.deepEqual(
        figures.bands.map((b) => [b.band, b.label, b.pence]),
        [
          ['micro', 'Micro', 0],
          ['small', 'Small', 0],
          ['medium', 'Medium', 0],
          // The two lines the pack does not name carry no words: the cards give them.
          ['sme-unknown', undefined, 6000],
          ['large', 'Large', 3000],
          // Unknown stays unknown: never folded into large.
          ['unknown', undefined, 1000],
        ],
      );
      assert.equal(figures.sme.pence, 6000);
      assert.equal(figures.localSme.pence, 6000);
      assert.equal(figures.local.pence, 9000);
    });

    it('leave the line out when no listed supplier is SME without a band', () => {
      const figures = spendFigures(pack, {
        months,
        suppliers: [{ name: 'Not SME', sme: false }],
      });
      assert.deepEqual(
        figures.bands.map((b) => b.band),
        ['micro', 'small', 'medium', 'large', 'unknown'],
      );
    });

    it('yield to a head count or a band when the list gives one', () => {
      const figures = spendFigures(pack, {
        months,
        suppliers: [
          { name: 'Small Unknown', sme: true, headcount: 400 },
          { name: 'Not SME', sme: false, band: 'small' },
        ],
      });
      assert.equal(figures.bands.find((b) => b.band === 'large')?.pence, 6000);
      assert.equal(figures.bands.find((b) => b.band === 'small')?.pence, 3000);
      assert.equal(figures.sme.pence, 3000);
    });

    it('are not asked for a size again: their SME share is known', () => {
      assert.deepEqual(
        suppliersMissingData(pack, { months, suppliers }).map((m) => [m.name, m.missing]),
        [['Unlisted', ['size', 'postcode']]],
      );
    });
  });
});
