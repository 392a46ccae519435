import assert from 'node:assert/strict';
import { type ReadOptions, readSpendRows, splitCsv } from '../../../core/spend/index.js';

/** Reads CSV text as the import will: split it, then read the rows. */
function read(text: string, options?: ReadOptions) {
  const records = splitCsv(text);
  assert.ok(records.ok, 'the CSV splits');
  return readSpendRows(records.value, options);
}

const messages = (result: ReturnType<typeof read>): string[] =>
  result.ok ? [] : result.problems.map((p) => p.message);

describe('reading spend rows', () => {
  it('refuses an empty file and a file with only a header, in plain words', () => {
    assert.deepEqual(messages(read('')), [
      'The file is empty: it needs a header row and at least one payment.',
    ]);
    assert.deepEqual(messages(read('Date,Supplier,Amount\r\n')), [
      'The file has a header row but no payments under it.',
    ]);
  });

  it('refuses a file whose columns cannot be mapped, naming the headers seen', () => {
    assert.deepEqual(messages(read('When,Who,How much\n01/04/2024,Acme,10\n')), [
      'The file cannot be read: no column was recognised for the transaction date, the supplier name and the amount (net or gross). Columns seen: "When", "Who", "How much". Say which column holds each of them.',
    ]);
  });

  it('reads a BOM, quoted commas and Windows line endings as a spreadsheet writes them', () => {
    const text =
      '\uFEFFTransaction Date,Supplier Name,Amount\r\n' +
      '01/04/2024,"Smith, Jones & Co Ltd","£1,250.50"\r\n' +
      '2024-04-02,"Acme ""North"" Ltd",(£50.00)\r\n';
    const result = read(text);
    assert.ok(result.ok);
    assert.equal(
      result.value.columns[0]?.header,
      'Transaction Date',
      'the BOM is not part of the first header',
    );
    assert.deepEqual(
      result.value.rows.map((row) => [row.line, row.date, row.supplierName, row.pence]),
      [
        [2, '2024-04-01', 'Smith, Jones & Co Ltd', 125_050],
        [3, '2024-04-02', 'Acme "North" Ltd', -5_000],
      ],
    );
  });

  it('counts redacted payees apart from the suppliers', () => {
    const result = read(
      'Date,Supplier,Amount\n01/04/2024,Redacted,100\n01/04/2024,REDACTED - personal data,50\n01/04/2024,Acme,10\n',
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.redacted.map((row) => [row.line, row.pence]),
      [
        [2, 10_000],
        [3, 5_000],
      ],
    );
    assert.deepEqual(
      result.value.rows.map((row) => row.supplierName),
      ['Acme'],
    );
  });

  it('adds irrecoverable VAT to the net amount, and uses the gross amount when there is no net one', () => {
    const withVat = read(
      'Date,Supplier,Net amount,Irrecoverable VAT\n01/04/2024,Acme,100.00,20.00\n01/04/2024,Acme,50,\n',
    );
    assert.ok(withVat.ok);
    assert.deepEqual(
      withVat.value.rows.map((row) => row.pence),
      [12_000, 5_000],
    );
    const gross = read('Date,Supplier,Amount inc VAT\n01/04/2024,Acme,120.00\n');
    assert.ok(gross.ok);
    assert.equal(gross.value.rows[0]?.pence, 12_000);
  });

  const withBadRows =
    'Date,Supplier,Amount\n' +
    '01/04/2024,Acme,10\n' +
    '31/02/2024,Acme,10\n' +
    '\n' +
    '02/04/2024,,10\n' +
    '03/04/2024,Acme,ten\n' +
    '04/04/2024,Acme,5\n';

  it('reports every bad row with its line number and reason, and accepts nothing', () => {
    assert.deepEqual(messages(read(withBadRows)), [
      'Line 3: the date "31/02/2024" does not exist. Nothing was imported: correct the file, or choose to skip bad rows.',
      'Line 5: there is no supplier. Nothing was imported: correct the file, or choose to skip bad rows.',
      'Line 6: the amount "ten" is not an amount in pounds and pence. Nothing was imported: correct the file, or choose to skip bad rows.',
    ]);
  });

  it('accepts the good rows when told to skip bad ones, and says which lines it left out', () => {
    const result = read(withBadRows, { skipBadRows: true });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.rows.map((row) => row.line),
      [2, 7],
    );
    assert.deepEqual(
      result.value.skipped.map((bad) => bad.line),
      [3, 5, 6],
    );
  });

  it('names every fault of one row together', () => {
    assert.deepEqual(messages(read('Date,Supplier,Amount\nsoon,,\n')), [
      'Line 2: the date "soon" is not written dd/mm/yyyy or yyyy-mm-dd; there is no supplier; there is no amount. Nothing was imported: correct the file, or choose to skip bad rows.',
    ]);
  });

  it('refuses CSV with an unclosed quote in plain words', () => {
    const records = splitCsv('Date,Supplier,Amount\n01/04/2024,"Acme,10\n');
    assert.equal(records.ok, false);
    assert.match(
      records.ok ? '' : (records.problems[0]?.message ?? ''),
      /^The file is not readable as CSV/,
    );
  });
});
