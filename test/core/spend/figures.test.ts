import assert from 'node:assert/strict';
import { builtInPack as pack } from '../../../core/policy/index.js';
import {
  financialYear,
  financialYearOf,
  quarterMonths,
  quarterOf,
  readSpendRows,
  type Supplier,
  spendByYear,
  spendFigures,
  splitCsv,
  suppliersMissingData,
} from '../../../core/spend/index.js';

/*
 * A small hand-made file. 2023-24 has a payment in each of its twelve months, so it is the
 * first complete year; 2022-23 (one payment in January) and 2024-25 (one in April) are not.
 */
const FILE = [
  'Transaction date,Supplier name,Supplier ID,Amount',
  '10/01/2023,Acme Ltd,S1,£100.00',
  '15/04/2023,Acme Ltd,S1,"£1,000.00"',
  '2023-05-10,ACME LIMITED,,£500.00', // no id: matched by its normalised name
  '01/06/2023,Fellside Trust,,"£2,000.00"',
  '01/07/2023,Northern Builders Ltd,,"£3,000.00"',
  '01/08/2023,Big Corp PLC,,"£10,000.00"',
  '01/09/2023,Lune Valley Crafts,,"£1,500.00"',
  '01/10/2023,Mystery Services,,£800.00', // on no supplier list
  '01/11/2023,Quiet Co,,"£1,200.00"',
  '01/12/2023,REDACTED - personal data,,£400.00',
  '15/01/2024,Big Corp PLC,,"(£1,000.00)"', // a credit note
  '01/02/2024,Acme Trading,S1,£200.00', // another name, but Acme's id
  '31/03/2024,Fellside Trust,,£400.00',
  '05/04/2024,Big Corp PLC,,"£5,000.00"',
].join('\r\n');

const SUPPLIERS: Supplier[] = [
  { id: 'S1', name: 'Acme Ltd', headcount: 5, postcode: 'ca1 1aa' }, // micro, local (CA1)
  { name: 'Fellside Trust', headcount: 30, postcode: 'LA9 4DQ', vcse: true }, // small, local, VCSE
  { name: 'Northern Builders Limited', headcount: 120, postcode: 'M1 1AA' }, // medium, not local
  { name: 'Big Corp PLC', headcount: 1000, postcode: 'CA11AA' }, // large, local (CA1 1AA)
  { name: 'Lune Valley Crafts', band: 'small', postcode: 'LA6 2AB' }, // small, local (LA6, partial)
  { name: 'Quiet Co', headcount: 60 }, // medium, no postcode
];

function input() {
  const records = splitCsv(FILE);
  assert.ok(records.ok);
  const read = readSpendRows(records.value);
  assert.ok(read.ok);
  return { rows: read.value.rows, redacted: read.value.redacted, suppliers: SUPPLIERS };
}

describe('spend figures for a hand-made file', () => {
  it('sets the baseline on the first complete financial year', () => {
    const { years, baseline } = spendByYear(pack, input());
    assert.deepEqual(
      years.map((y) => [y.year.label, y.complete]),
      [
        ['2022-23', false],
        ['2023-24', true],
        ['2024-25', false],
      ],
    );
    assert.equal(baseline?.year.label, '2023-24');
    assert.equal(baseline?.year.from, '2023-04-01');
    assert.equal(baseline?.year.to, '2024-03-31');
  });

  it('gives the baseline year its spend and shares by size band, with unknown and redacted apart', () => {
    const figures = spendByYear(pack, input()).baseline?.figures;
    assert.ok(figures);
    // 1,000 + 500 + 2,000 + 3,000 + 10,000 + 1,500 + 800 + 1,200 + 400 (redacted) - 1,000 + 200 + 400 = £20,000
    assert.equal(figures.totalPence, 2_000_000);
    assert.deepEqual(
      figures.bands.map((b) => [b.band, b.pence, b.share]),
      [
        ['micro', 170_000, 0.085], // Acme 1,000 + 500 + 200 = 1,700 of 20,000
        ['small', 390_000, 0.195], // Fellside 2,000 + 400, Lune Valley 1,500 = 3,900
        ['medium', 420_000, 0.21], // Northern Builders 3,000, Quiet Co 1,200 = 4,200
        ['large', 900_000, 0.45], // Big Corp 10,000 less the 1,000 credit note = 9,000
        ['unknown', 80_000, 0.04], // Mystery Services 800: unknown, not large
      ],
    );
    assert.deepEqual(figures.redacted, { rows: 1, pence: 40_000, share: 0.02 }); // 400 of 20,000
    assert.deepEqual(figures.sme, { pence: 980_000, share: 0.49 }); // 1,700 + 3,900 + 4,200
  });

  it('gives the local, local SME and VCSE shares, the supplier count and the top suppliers', () => {
    const figures = spendByYear(pack, input(), 3).baseline?.figures;
    assert.ok(figures);
    // Local: Acme (CA1) 1,700 + Fellside (LA9) 2,400 + Lune Valley (LA6, partial) 1,500 + Big Corp (CA1) 9,000
    assert.deepEqual(figures.local, { pence: 1_460_000, share: 0.73 });
    // Local SMEs leave out Big Corp: 1,700 + 2,400 + 1,500 = 5,600
    assert.deepEqual(figures.localSme, { pence: 560_000, share: 0.28 });
    assert.deepEqual(figures.vcse, { pence: 240_000, share: 0.12 }); // Fellside 2,400
    // Acme (three names, one supplier), Fellside, Northern Builders, Big Corp, Lune Valley, Mystery, Quiet Co
    assert.equal(figures.supplierCount, 7);
    // Each carries the key the listed supplier is filed under, for the views to find it by.
    assert.deepEqual(
      figures.topSuppliers.map(({ name, pence, listedKey }) => [name, pence, listedKey]),
      [
        ['Big Corp PLC', 900_000, 'name:big corp plc'],
        ['Northern Builders Limited', 300_000, 'name:northern builders'],
        ['Fellside Trust', 240_000, 'name:fellside trust'],
      ],
    );
  });

  it('splits the year into quarters from April', () => {
    const quarters = spendByYear(pack, input()).baseline?.quarters ?? [];
    assert.deepEqual(
      quarters.map((q) => [q.quarter, q.figures.totalPence]),
      [
        [1, 350_000], // April to June: 1,000 + 500 + 2,000
        [2, 1_450_000], // July to September: 3,000 + 10,000 + 1,500
        [3, 240_000], // October to December: 800 + 1,200 + 400 redacted
        [4, -40_000], // January to March: -1,000 + 200 + 400
      ],
    );
  });

  it('lists the suppliers paid with no size or no postcode, largest spend first', () => {
    const { rows, redacted, suppliers } = input();
    const baseline = (row: { date: string }) => financialYearOf(row.date).label === '2023-24';
    assert.deepEqual(
      suppliersMissingData(pack, {
        rows: rows.filter(baseline),
        redacted: redacted.filter(baseline),
        suppliers,
      }).map(({ name, pence, missing, listedKey }) => ({ name, pence, missing, listedKey })),
      [
        { name: 'Quiet Co', pence: 120_000, missing: ['postcode'], listedKey: 'name:quiet co' },
        {
          name: 'Mystery Services',
          pence: 80_000,
          missing: ['size', 'postcode'],
          listedKey: undefined,
        },
      ],
    );
  });

  it('counts a supplier not listed as one, whether a payment gives its id or only its name', () => {
    // Two payments to Northern Fleet with its id, one naming it alone: one supplier, £600.
    // "Fell Couriers" is paid under two different ids, so its name alone cannot say which.
    const records = splitCsv(
      [
        'Date,Supplier,Supplier ID,Amount',
        '01/05/2024,Northern Fleet Services Ltd,NF1,£100',
        '01/06/2024,NORTHERN FLEET SERVICES LIMITED,NF1,£200',
        '01/07/2024,Northern Fleet Services,,£300',
        '01/07/2024,Fell Couriers,FC1,£10',
        '01/07/2024,Fell Couriers,FC2,£20',
        '01/08/2024,Fell Couriers,,£40',
      ].join('\n'),
    );
    assert.ok(records.ok);
    const read = readSpendRows(records.value);
    assert.ok(read.ok);
    const payments = { rows: read.value.rows, redacted: [], suppliers: [] };
    const figures = spendFigures(pack, payments);
    assert.equal(figures.supplierCount, 4);
    assert.deepEqual(
      figures.topSuppliers.map(({ name, pence, supplierId }) => [name, pence, supplierId]),
      [
        // The payment naming Northern alone counts with its id, and carries it to the views.
        ['Northern Fleet Services Ltd', 60_000, 'NF1'],
        // Two ids go by "Fell Couriers": the payment without one is a third payee, no id.
        ['Fell Couriers', 4_000, undefined],
        ['Fell Couriers', 2_000, 'FC2'],
        ['Fell Couriers', 1_000, 'FC1'],
      ],
    );
    // Three payees named alike stay three: none is told apart by its name alone.
    assert.equal(new Set(figures.topSuppliers.map(({ key }) => key)).size, 4);
    assert.deepEqual(
      suppliersMissingData(pack, payments).map(({ name, pence }) => [name, pence]),
      [
        ['Northern Fleet Services Ltd', 60_000],
        ['Fell Couriers', 4_000],
        ['Fell Couriers', 2_000],
        ['Fell Couriers', 1_000],
      ],
    );
    // Listed by name alone, Northern keeps the id its payments give, for a save to add it.
    const listed = { ...payments, suppliers: [{ name: 'Northern Fleet Services' }] };
    const [northern] = suppliersMissingData(pack, listed);
    assert.deepEqual(
      [northern?.name, northern?.listedKey, northern?.supplierId],
      ['Northern Fleet Services', 'name:northern fleet services', 'NF1'],
    );
  });

  it('names financial years and quarters by 1 April', () => {
    assert.equal(financialYearOf('2024-03-31').label, '2023-24');
    assert.equal(financialYearOf('2024-04-01').label, '2024-25');
    assert.equal(financialYearOf('1999-12-31').label, '1999-00');
    assert.deepEqual(
      ['2024-04-01', '2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01', '2025-03-31'].map(
        quarterOf,
      ),
      [1, 1, 2, 3, 4, 4],
    );
  });

  it('gives each quarter its months, the fourth in the next calendar year', () => {
    const year = financialYear(2024);
    assert.deepEqual(
      ([1, 2, 3, 4] as const).map((q) => quarterMonths(year, q)),
      [
        { first: '2024-04', last: '2024-06' },
        { first: '2024-07', last: '2024-09' },
        { first: '2024-10', last: '2024-12' },
        { first: '2025-01', last: '2025-03' },
      ],
    );
    // The months given are the quarter's own: their days fall in that quarter of that year.
    for (const q of [1, 2, 3, 4] as const) {
      const { first, last } = quarterMonths(year, q);
      for (const day of [`${first}-01`, `${last}-28`]) {
        assert.equal(quarterOf(day), q);
        assert.equal(financialYearOf(day).label, '2024-25');
      }
    }
  });
});
