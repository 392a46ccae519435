import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_FILE_LIMITS, readFileRecords } from '../../bot/spend/file-records.js';
import { readSpendFile } from '../../bot/spend/read-spend-file.js';
import { readSupplierFile } from '../../bot/spend/read-supplier-file.js';
import type { Result } from '../../core/common/result.js';

/** The value of a result expected to succeed, or the test fails with its problems. */
function okValue<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

function problemsOf<T>(result: Result<T>): string[] {
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? [] : result.problems.map((p) => p.message);
}

const text = (content: string | Buffer) => Readable.from([Buffer.from(content)]);

describe('reading spend files as a stream (bot/spend)', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'spend-read-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** An Excel workbook written by ExcelJS, as a spreadsheet program would save one. */
  async function workbook(
    name: string,
    rows: ExcelJS.CellValue[][],
    more?: (book: ExcelJS.Workbook) => void,
  ): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Payments');
    for (const row of rows) sheet.addRow(row);
    more?.(book);
    const file = join(folder, name);
    await book.xlsx.writeFile(file);
    return file;
  }

  it('reads a CSV file with a BOM, Windows line endings and quoted commas into payee-month totals', async () => {
    const csv =
      '\uFEFFTransaction Date,Supplier Name,Amount\r\n' +
      '01/04/2024,"Acme, Ltd","£1,234.50"\r\n' +
      '15/04/2024,ACME LIMITED,-34.50\r\n' +
      '02/05/2024,Redacted,100\r\n' +
      '03/05/2024,REDACTED - personal data,50\r\n';
    const read = okValue(await readSpendFile(text(csv), { fileName: 'payments.csv' }));
    assert.deepEqual(
      read.columns.map((c) => `${c.field}=${c.header}`),
      ['date=Transaction Date', 'supplierName=Supplier Name', 'amountNet=Amount'],
    );
    assert.deepEqual(read.months, [
      // "Acme, Ltd" and "ACME LIMITED" are one payee: £1,234.50 less the £34.50 credit note.
      {
        month: '2024-04',
        payee: 'acme',
        name: 'Acme, Ltd',
        redacted: false,
        pence: 120000,
        rows: 2,
      },
      {
        month: '2024-05',
        payee: 'redacted',
        name: 'Redacted',
        redacted: true,
        pence: 15000,
        rows: 2,
      },
    ]);
    assert.equal(read.rows, 2);
    assert.equal(read.redactedRows, 2);
    assert.equal(read.totalPence, 135000);
    assert.equal(read.firstDate, '2024-04-01');
    assert.equal(read.lastDate, '2024-05-03');
    assert.match(read.id, /^[0-9a-f]{64}$/);
    assert.equal(read.bytes, Buffer.byteLength(csv));
  });

  it("reads a file saved in Windows-1252, as Excel's plain CSV is, with its £ signs", async () => {
    const csv = Buffer.from(
      'Date,Supplier,Amount\r\n01/04/2024,Café Nero,"£1,234.50"\r\n',
      'latin1',
    );
    assert.equal(csv.includes(0xa3), true, 'a one-byte £');
    const read = okValue(await readSpendFile(text(csv), { fileName: 'windows.csv' }));
    assert.equal(read.totalPence, 123450);
    assert.equal(read.months[0]?.name, 'Café Nero');
    // The hash is of the bytes as they are, not of the text read from them.
    const { createHash } = await import('node:crypto');
    assert.equal(read.contentHash, createHash('sha256').update(csv).digest('hex'));
  });

  it('names a file by the SHA-256 of its bytes and the columns read: the same file, the same id; one byte more, or another column, another', async () => {
    const csv = 'Date,Supplier,Amount,Value\n01/04/2024,Acme,10,12\n';
    const a = okValue(await readSpendFile(text(csv), { fileName: 'a.csv' }));
    const b = okValue(await readSpendFile(text(csv), { fileName: 'b.csv' }));
    const c = okValue(await readSpendFile(text(`${csv}\n`), { fileName: 'a.csv' }));
    const d = okValue(
      await readSpendFile(text(csv), { fileName: 'a.csv', mapping: { amountNet: 'Value' } }),
    );
    assert.equal(a.id, b.id);
    assert.notEqual(a.id, c.id);
    assert.notEqual(a.id, d.id);
    assert.equal(a.contentHash, d.contentHash);
    const { createHash } = await import('node:crypto');
    assert.equal(a.contentHash, createHash('sha256').update(csv).digest('hex'));
  });

  it('keys a payee by its supplier id when the file gives one, keeping the name as written', async () => {
    const csv =
      'Date,Supplier,Supplier ID,Amount\n01/04/2024,Acme Ltd,AC/001,10\n02/04/2024,Acme Trading,ac/001,5\n';
    const read = okValue(await readSpendFile(text(csv), { fileName: 'ids.csv' }));
    assert.deepEqual(read.months, [
      {
        month: '2024-04',
        payee: 'ac/001',
        name: 'Acme Ltd',
        supplierId: 'AC/001',
        redacted: false,
        pence: 1500,
        rows: 2,
      },
    ]);
  });

  it('refuses a file with bad rows, listing each by its line, unless told to skip them', async () => {
    const csv =
      'Date,Supplier,Amount\n01/04/2024,Acme,10\n31/02/2024,Acme,10\n\n02/04/2024,,ten\n03/04/2024,Beta,5\n';
    const refused = problemsOf(await readSpendFile(text(csv), { fileName: 'bad.csv' }));
    assert.deepEqual(refused, [
      'Line 3: the date "31/02/2024" does not exist. Nothing was imported: correct the file, or choose to skip bad rows.',
      'Line 5: there is no supplier; the amount "ten" is not an amount in pounds and pence. Nothing was imported: correct the file, or choose to skip bad rows.',
    ]);
    const skipped = okValue(
      await readSpendFile(text(csv), { fileName: 'bad.csv', skipBadRows: true }),
    );
    assert.equal(skipped.rows, 2);
    assert.equal(skipped.badRowCount, 2);
    assert.deepEqual(
      skipped.badRows.map((bad) => bad.line),
      [3, 5],
    );
    assert.equal(skipped.totalPence, 1500);
  });

  it('lists the first 200 bad rows and counts the rest', async () => {
    const bad = Array.from({ length: 250 }, () => 'not a date,Acme,10').join('\n');
    const csv = `Date,Supplier,Amount\n${bad}\n`;
    const problems = problemsOf(await readSpendFile(text(csv), { fileName: 'many.csv' }));
    assert.equal(problems.length, 201);
    assert.match(problems[0] ?? '', /^Line 2: /);
    assert.match(problems[199] ?? '', /^Line 201: /);
    assert.equal(problems[200], 'There are 50 more bad rows after line 201. Nothing was imported.');
    const skipped = okValue(
      await readSpendFile(text(`${csv}01/04/2024,Acme,10\n`), {
        fileName: 'many.csv',
        skipBadRows: true,
      }),
    );
    assert.equal(skipped.badRows.length, 200);
    assert.equal(skipped.badRowCount, 250);
  });

  it('refuses an empty file, a header alone, and columns it cannot map, naming the columns seen', async () => {
    assert.deepEqual(problemsOf(await readSpendFile(text(''), { fileName: 'empty.csv' })), [
      'The file is empty: it has nothing to import.',
    ]);
    const late = Readable.from([
      Buffer.alloc(0),
      Buffer.from('Date,Supplier,Amount\n01/04/2024,A,1\n'),
    ]);
    assert.equal(okValue(await readSpendFile(late, { fileName: 'late.csv' })).totalPence, 100);
    assert.deepEqual(
      problemsOf(await readSpendFile(text('Date,Supplier,Amount\r\n'), { fileName: 'h.csv' })),
      ['The file has a header row but no payments under it.'],
    );
    assert.deepEqual(
      problemsOf(
        await readSpendFile(text('When,Who,How much\n1/4/2024,A,1\n'), { fileName: 'x.csv' }),
      ),
      [
        'The file cannot be read: no column was recognised for the transaction date, the supplier name and the amount (net or gross). Columns seen: "When", "Who", "How much". Say which column holds each of them.',
      ],
    );
    const mapped = okValue(
      await readSpendFile(text('When,Who,How much\n1/4/2024,A,1\n'), {
        fileName: 'x.csv',
        mapping: { date: 'When', supplierName: 'Who', amountNet: 'How much' },
      }),
    );
    assert.equal(mapped.totalPence, 100);
  });

  it('finds the header below a title and notes, as transparency files write them', async () => {
    const csv =
      'Payments over £500,,\nPublished monthly. Amounts exclude VAT.,,\n,,\nDate,Supplier,Amount\n01/04/2024,Acme,10\nnot a date,Acme,10\n';
    const refused = problemsOf(await readSpendFile(text(csv), { fileName: 'titled.csv' }));
    // Lines are still the file's: the header is on line 4 (the blank line 3 is skipped).
    assert.match(refused[0] ?? '', /^Line 6: /);
    const read = okValue(
      await readSpendFile(text(csv), { fileName: 'titled.csv', skipBadRows: true }),
    );
    assert.equal(read.totalPence, 1000);
    assert.deepEqual(
      read.columns.map((c) => c.header),
      ['Date', 'Supplier', 'Amount'],
    );
    // No header in the first rows: refused on the first row's columns.
    const rows = Array.from({ length: 12 }, (_, i) => `note ${i},,`).join('\n');
    assert.match(
      problemsOf(
        await readSpendFile(text(`${rows}\nDate,Supplier,Amount\n`), { fileName: 'n.csv' }),
      )[0] ?? '',
      /Columns seen: "note 0", "", ""\./,
    );
  });

  it('refuses a titled file with unrecognised columns on its column row, so they can be mapped', async () => {
    const csv = 'Payments over £500 April 2024\nPosted,Payee,Value\n01/04/2024,Acme,10\n';
    const refused = await readSpendFile(text(csv), { fileName: 'titled.csv' });
    assert.equal(refused.ok, false);
    const columns = refused.ok ? undefined : refused.problems.find((p) => p.columnsSeen);
    // The title alone would leave the mapping page nothing to choose from.
    assert.deepEqual(columns?.columnsSeen, ['Posted', 'Payee', 'Value']);
    assert.match(columns?.message ?? '', /Columns seen: "Posted", "Payee", "Value"\./);
  });

  it('refuses CSV with an unclosed quote in plain words', async () => {
    const problems = problemsOf(
      await readSpendFile(text('Date,Supplier,Amount\n01/04/2024,"Acme,10\n'), {
        fileName: 'q.csv',
      }),
    );
    assert.equal(problems.length, 1);
    assert.match(
      problems[0] ?? '',
      /^The file is not readable as CSV near line \d+: check that every quoted value has its closing quote\.$/,
    );
  });

  it('refuses a row that never ends (an unclosed quote over megabytes) without reading it all', async () => {
    // 4 MB after an unclosed quote: the parser would take the rest of the file as one field.
    const chunk = Buffer.alloc(1 << 20, 'x');
    const stream = Readable.from([
      Buffer.from('Date,Supplier,Amount\n01/04/2024,"Acme'),
      chunk,
      chunk,
      chunk,
      chunk,
    ]);
    const problems = problemsOf(await readSpendFile(stream, { fileName: 'long.csv' }));
    assert.deepEqual(problems, [
      'The file is not readable as CSV near line 2: one row is longer than 100,000 characters, so a quoted value probably has no closing quote.',
    ]);
  });

  it('refuses a file past the size limit, saying the limit and to split the file, and stops reading', async () => {
    let pulled = 0;
    // A source that would go on for ever: the reader must stop of its own accord.
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(pulled === 1 ? 'Date,Supplier,Amount\n' : '01/04/2024,Acme,10\n'.repeat(100));
      },
    });
    const problems = problemsOf(
      await readSpendFile(endless, {
        fileName: 'big.csv',
        limits: { bytes: 10 * 1024, rows: 1e9 },
      }),
    );
    assert.deepEqual(problems, [
      'The file is larger than 10 KB, the most that is imported at once, so nothing was imported. Split it by financial year and import each part.',
    ]);
    assert.ok(pulled < 20, `read ${pulled} chunks of a file refused at 10 KB`);
    assert.ok(endless.destroyed, 'the input is closed');
  });

  it('refuses a file past the row limit, saying the limit and to split the file', async () => {
    const csv = `Date,Supplier,Amount\n${'01/04/2024,Acme,10\n'.repeat(11)}`;
    assert.deepEqual(
      problemsOf(
        await readSpendFile(text(csv), { fileName: 'rows.csv', limits: { bytes: 1e6, rows: 10 } }),
      ),
      [
        'The file has more than 10 rows, the most that is imported at once, so nothing was imported. Split it by financial year and import each part.',
      ],
    );
    const ten = `Date,Supplier,Amount\n${'01/04/2024,Acme,10\n'.repeat(10)}`;
    assert.equal(
      okValue(
        await readSpendFile(text(ten), { fileName: 'rows.csv', limits: { bytes: 1e6, rows: 10 } }),
      ).rows,
      10,
    );
  });

  it('reads up to 50 MB and 500,000 rows by default', () => {
    assert.deepEqual(DEFAULT_FILE_LIMITS, { bytes: 50 * 1024 * 1024, rows: 500_000 });
  });

  it('refuses an old .xls workbook and other files in plain words', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const saveAs = 'Save it as CSV or Excel Workbook (.xlsx) and import that.';
    assert.deepEqual(problemsOf(await readSpendFile(text(xls), { fileName: 'spend.xls' })), [
      `"spend.xls" is an old Excel workbook (.xls), which is not read. ${saveAs}`,
    ]);
    assert.deepEqual(problemsOf(await readSpendFile(text(xls), { fileName: 'spend.csv' })), [
      `"spend.csv" is an old Excel workbook (.xls), which is not read. ${saveAs}`,
    ]);
    assert.deepEqual(
      problemsOf(await readSpendFile(text('%PDF-1.7\n'), { fileName: 'spend.pdf' })),
      [`"spend.pdf" is not a CSV file or an Excel workbook. ${saveAs}`],
    );
    assert.deepEqual(
      problemsOf(
        await readSpendFile(text('PK\u0003\u0004 not really'), { fileName: 'spend.xlsx' }),
      ),
      [
        `The file is not readable as an Excel workbook: it may be damaged or protected with a password. ${saveAs}`,
      ],
    );
  });

  it('reads the first worksheet of an Excel workbook: dates as dates, numbers to the penny, Excel row numbers as lines', async () => {
    const file = await workbook(
      'payments.xlsx',
      [
        ['Payment Date', 'Supplier', 'Supplier ID', 'Net Amount'],
        [new Date(Date.UTC(2024, 3, 1)), 'Acme Ltd', 1001, 0.1 + 0.2],
        // A blank line in the sheet: skipped, and the lines after it keep their Excel numbers.
        [' '],
        ['15/04/2024', 'Beta', 'B-2', 1234.5],
        [new Date(Date.UTC(2024, 4, 31)), 'Gamma', 'G-3', { formula: '2*50.25', result: 100.5 }],
        [new Date(Date.UTC(2024, 4, 31)), 'Delta', 'D-4', 12.345],
        [new Date(Date.UTC(2024, 4, 31)), 'Redacted', '', -20],
      ],
      (book) => book.addWorksheet('Notes').addRow(['Date', 'Supplier', 'Amount']),
    );
    const refused = problemsOf(
      await readSpendFile(createReadStream(file), { fileName: 'payments.xlsx' }),
    );
    assert.deepEqual(refused, [
      // A third decimal place is not pence: refused rather than rounded.
      'Line 6: the amount "12.345" is not an amount in pounds and pence. Nothing was imported: correct the file, or choose to skip bad rows.',
    ]);
    const read = okValue(
      await readSpendFile(createReadStream(file), { fileName: 'payments.xlsx', skipBadRows: true }),
    );
    assert.deepEqual(
      read.months.map((m) => [m.month, m.payee, m.pence]),
      [
        ['2024-04', '1001', 30],
        ['2024-04', 'b-2', 123450],
        ['2024-05', 'g-3', 10050],
        ['2024-05', 'redacted', -2000],
      ],
    );
    assert.equal(read.lastDate, '2024-05-31');
    assert.deepEqual(read.badRows, [
      { line: 6, reason: 'the amount "12.345" is not an amount in pounds and pence' },
    ]);
    const { createHash } = await import('node:crypto');
    const { readFile } = await import('node:fs/promises');
    assert.equal(
      read.contentHash,
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  });

  it("finds a workbook's header below its title, keeping Excel's row numbers", async () => {
    const file = await workbook('titled.xlsx', [
      ['Spend over £500: April 2024'],
      [' '],
      ['Date', 'Supplier', 'Amount'],
      ['01/04/2024', 'Acme', 'ten'],
    ]);
    assert.deepEqual(
      problemsOf(await readSpendFile(createReadStream(file), { fileName: 'titled.xlsx' })),
      [
        'Line 4: the amount "ten" is not an amount in pounds and pence. Nothing was imported: correct the file, or choose to skip bad rows.',
      ],
    );
  });

  it('applies the row limit to a workbook too', async () => {
    const file = await workbook('rows.xlsx', [
      ['Date', 'Supplier', 'Amount'],
      ...Array.from({ length: 6 }, () => ['01/04/2024', 'Acme', 1]),
    ]);
    assert.deepEqual(
      problemsOf(
        await readSpendFile(createReadStream(file), {
          fileName: 'rows.xlsx',
          limits: { bytes: 1e7, rows: 5 },
        }),
      ),
      [
        'The file has more than 5 rows, the most that is imported at once, so nothing was imported. Split it by financial year and import each part.',
      ],
    );
  });

  /** Reads a file's records straight, noting whether any row reached the sink. */
  async function readRaw(bytes: Buffer, limits = DEFAULT_FILE_LIMITS) {
    let parsed = 0;
    const result = await readFileRecords(Readable.from([bytes]), 'book.xlsx', limits, {
      header: () => {
        parsed += 1;
        return undefined;
      },
      record: () => {
        parsed += 1;
        return undefined;
      },
    });
    return { result, parsed };
  }

  /** A workbook whose sheet repeats one long string: a few KB that expand far beyond that. */
  async function swollen(): Promise<Buffer> {
    const long = 'x'.repeat(20_000);
    return readFile(
      await workbook(
        'swollen.xlsx',
        Array.from({ length: 50 }, (_, i) => [`${long}${i}`, 'Acme', 1]),
      ),
    );
  }

  /** The offset of the zip's central directory entry for a name, and of its End record. */
  function zipOffsets(zip: Buffer, name: string): { central: number; eocd: number } {
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = zip.readUInt32LE(eocd + 16);
    for (let i = 0; i < zip.readUInt16LE(eocd + 10); i += 1) {
      const length = zip.readUInt16LE(at + 28);
      if (zip.toString('utf8', at + 46, at + 46 + length) === name) return { central: at, eocd };
      at += 46 + length + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    assert.fail(`no ${name} in the workbook`);
  }

  it('refuses, before parsing, a small workbook that expands past four times the byte limit', async () => {
    const bytes = await swollen();
    // About 1 MB of sheet and shared strings, compressed to a few KB.
    assert.ok(bytes.length < 64 * 1024, `the workbook is ${bytes.length} bytes`);
    const limits = { bytes: 64 * 1024, rows: 1000 };
    const { result, parsed } = await readRaw(bytes, limits);
    assert.deepEqual(problemsOf(result), [
      'The workbook "book.xlsx" expands to more than 256 KB when opened, more than can be read safely, so nothing was imported. Save it as CSV and import that, or split it by financial year.',
    ]);
    assert.equal(parsed, 0, 'no row was parsed');
    // Within the bound, the same workbook reads.
    const read = await readRaw(bytes, { bytes: 1024 * 1024, rows: 1000 });
    assert.equal(read.result.ok, true);
    assert.equal(read.parsed, 50);
  });

  it('refuses a workbook whose zip directory understates its sizes, by inflating it first', async () => {
    const bytes = await swollen();
    const { central } = zipOffsets(bytes, 'xl/sharedStrings.xml');
    // The directory says the shared strings are 10 bytes; the reader would expand them all.
    bytes.writeUInt32LE(10, central + 24);
    const { result, parsed } = await readRaw(bytes, { bytes: 64 * 1024, rows: 1000 });
    assert.match(
      problemsOf(result)[0] ?? '',
      /^The workbook "book\.xlsx" expands to more than 256 KB/,
    );
    assert.equal(parsed, 0);
  });

  it('refuses a ZIP64 workbook as too large, and a zip with no directory as not a workbook', async () => {
    const bytes = await readFile(await workbook('small.xlsx', [['Date', 'Supplier', 'Amount']]));
    const marked = Buffer.from(bytes);
    marked.writeUInt16LE(0xffff, zipOffsets(marked, 'xl/workbook.xml').eocd + 10);
    assert.match(
      problemsOf((await readRaw(marked)).result)[0] ?? '',
      /^The workbook "book\.xlsx" expands to more than 200 MB when opened/,
    );
    const cut = bytes.subarray(0, bytes.length - 200);
    assert.deepEqual(problemsOf((await readRaw(cut)).result), [
      'The file is not readable as an Excel workbook: it may be damaged or protected with a password. Save it as CSV or Excel Workbook (.xlsx) and import that.',
    ]);
  });

  it('refuses a zip of more parts than any workbook has, before parsing', async () => {
    const zip = new JSZip();
    for (let i = 0; i <= 10_000; i += 1) zip.file(`part${i}.xml`, '');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const { result, parsed } = await readRaw(bytes);
    assert.match(
      problemsOf(result)[0] ?? '',
      /^The workbook "book\.xlsx" expands to more than 200 MB/,
    );
    assert.equal(parsed, 0);
  });

  it('refuses a workbook with a cell longer than a CSV row may be, naming its row', async () => {
    const file = await workbook('cell.xlsx', [
      ['Date', 'Supplier', 'Amount'],
      ['01/04/2024', 'Acme', 1],
      ['01/04/2024', 'y'.repeat(100_001), 1],
    ]);
    assert.deepEqual(
      problemsOf(await readSpendFile(createReadStream(file), { fileName: 'cell.xlsx' })),
      [
        'The workbook is not readable: row 3 has a cell longer than 100,000 characters, more than any payment holds, so nothing was imported. Check that row, or save the sheet as CSV and import that.',
      ],
    );
  });

  describe('supplier lists', () => {
    it('reads names, ids, head counts, bands, SME yes/no, postcodes and VCSE, from CSV', async () => {
      const csv =
        'Supplier Name,Supplier ID,Number of employees,Size band,Postcode,VCSE\n' +
        'Acme Ltd,AC1,"1,200",,CA1 1AA,no\n' +
        'Beta,,,small,LA9 4XY,Y\n' +
        'Gamma,G1,,SME,M1 1AE,\n' +
        'Delta,,,Non-SME,,false\n';
      const read = okValue(await readSupplierFile(text(csv), { fileName: 'suppliers.csv' }));
      assert.deepEqual(
        read.columns.map((c) => `${c.field}=${c.header}`),
        [
          'name=Supplier Name',
          'id=Supplier ID',
          'headcount=Number of employees',
          'band=Size band',
          'postcode=Postcode',
          'vcse=VCSE',
        ],
      );
      assert.deepEqual(read.suppliers, [
        { name: 'Acme Ltd', id: 'AC1', headcount: 1200, postcode: 'CA1 1AA', vcse: false },
        { name: 'Beta', band: 'small', postcode: 'LA9 4XY', vcse: true },
        { name: 'Gamma', id: 'G1', sme: true, postcode: 'M1 1AE' },
        { name: 'Delta', sme: false, vcse: false },
      ]);
    });

    it('reports bad supplier rows by line, and reads an SME column and an Excel list', async () => {
      const csv =
        'Name,Staff,Business size,SME,VCSE\nAcme,lots,,,\nBeta,,huge,,\nGamma,,,perhaps,\n,5,,,\nDelta,,,yes,maybe\n';
      assert.deepEqual(problemsOf(await readSupplierFile(text(csv), { fileName: 's.csv' })), [
        'Line 2: the head count "lots" is not a whole number of staff. Nothing was imported: correct the file, or choose to skip bad rows.',
        'Line 3: the size "huge" is not one of micro, small, medium or large (or SME yes or no). Nothing was imported: correct the file, or choose to skip bad rows.',
        'Line 4: the SME column says "perhaps": write yes or no. Nothing was imported: correct the file, or choose to skip bad rows.',
        'Line 5: there is no supplier name. Nothing was imported: correct the file, or choose to skip bad rows.',
        'Line 6: the VCSE column says "maybe": write yes or no. Nothing was imported: correct the file, or choose to skip bad rows.',
      ]);
      const file = await workbook('suppliers.xlsx', [
        ['Supplier', 'Headcount', 'SME', 'Post code'],
        ['Acme', 12, 'No', 'CA2 5AB'],
        ['Beta', null, 'Yes', null],
      ]);
      const read = okValue(
        await readSupplierFile(createReadStream(file), { fileName: 'suppliers.xlsx' }),
      );
      assert.deepEqual(read.suppliers, [
        { name: 'Acme', headcount: 12, sme: false, postcode: 'CA2 5AB' },
        { name: 'Beta', sme: true },
      ]);
    });

    it('refuses a name, an id or a head count too long to be real, as bad rows', async () => {
      const csv = `Name,ID,Staff\n${'N'.repeat(201)},A1,5\nBeta,${'9'.repeat(101)},5\nGamma,G1,10000001\n`;
      assert.deepEqual(problemsOf(await readSupplierFile(text(csv), { fileName: 's.csv' })), [
        'Line 2: the supplier name is longer than 200 characters. Nothing was imported: correct the file, or choose to skip bad rows.',
        'Line 3: the supplier id is longer than 100 characters. Nothing was imported: correct the file, or choose to skip bad rows.',
        'Line 4: the head count "10000001" is more staff than any employer has. Nothing was imported: correct the file, or choose to skip bad rows.',
      ]);
    });

    it('refuses a list with no name column, naming the columns seen', async () => {
      assert.deepEqual(
        problemsOf(await readSupplierFile(text('Code,Staff\nA1,5\n'), { fileName: 's.csv' })),
        [
          'The file cannot be read: no column was recognised for the supplier name. Columns seen: "Code", "Staff". Say which column holds each of them.',
        ],
      );
    });
  });
});
