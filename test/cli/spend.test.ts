import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../bot/config.js';
import { PLAYGROUND_TENANT_ID } from '../../bot/local/playground.js';
import { SpendStore } from '../../bot/spend/spend-store.js';
import { openCosmos } from '../../bot/store/cosmos.js';
import { lockFileOf } from '../../bot/store/local-lock.js';
import { type Outcome, runCliWith } from './run-cli.js';

const EXAMPLE_ROWS = 'Rows read: 20 (19 payments, 1 redacted, counted apart, 0 bad).';

describe('spend command line (npm run spend)', function () {
  this.timeout(120_000);
  let folder: string;
  let dataFile: string;
  const spend = (...args: string[]): Promise<Outcome> =>
    runCliWith({ NODE_ENV: 'development', LOCAL_DATA_FILE: dataFile }, 'cli/spend.ts', ...args);

  /** What the store holds for the Playground's tenant, read as the bot reads it. */
  async function stored() {
    const store = await openCosmos(
      loadConfig({ NODE_ENV: 'development', LOCAL_DATA_FILE: dataFile }),
    );
    try {
      const spendStore = new SpendStore(store.containers.spend);
      return {
        imports: await spendStore.imports(PLAYGROUND_TENANT_ID),
        suppliers: await spendStore.suppliers(PLAYGROUND_TENANT_ID),
      };
    } finally {
      await store.close();
    }
  }

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'spend-cli-'));
    dataFile = join(folder, 'local-cosmos.json');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('imports the example payments and suppliers, says what it read, and changes nothing the second time', async () => {
    const out = await spend(
      'import',
      'examples/spend-example.csv',
      '--suppliers',
      'examples/suppliers-example.csv',
      '--by',
      'Lee Lead',
    );
    assert.equal(out.code, 0, out.stderr);
    assert.equal(
      out.stdout,
      [
        'Supplier list suppliers-example.csv:',
        'Columns: the supplier name from "Supplier Name", the supplier id from "Supplier ID", the head count from "Employees", the size band from "Size band", whether it is an SME from "SME", the postcode from "Postcode", whether it is a VCSE from "VCSE".',
        'Suppliers read: 5.',
        'Suppliers: 5 added, 0 updated, 0 unchanged.',
        'Payments spend-example.csv:',
        'Columns: the transaction date from "Transaction Date", the supplier name from "Supplier Name", the supplier id from "Supplier ID", the net amount from "Amount", the department from "Department", the category from "Expense Type".',
        EXAMPLE_ROWS,
        'Total: £37,100.',
        'Dates: 15 March 2024 to 14 April 2025.',
        'Imported.',
        '',
      ].join('\n'),
    );
    const after = await stored();
    assert.deepEqual(
      after.imports.map((i) => [i.fileName, i.importedBy.name]),
      [['spend-example.csv', 'Lee Lead']],
    );
    assert.equal(after.suppliers.length, 5);
    const again = await spend('import', 'examples/spend-example.csv');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /\nAlready imported: nothing changed\.\n$/);
    assert.deepEqual(
      (await stored()).imports.map((i) => i.id),
      after.imports.map((i) => i.id),
    );
    // The lock is the command's only while it runs.
    await assert.rejects(stat(lockFileOf(dataFile)));
  });

  it('replaces the import of a corrected file of the same name, saying which and when', async () => {
    const first = join(folder, 'spend.csv');
    await writeFile(first, 'Date,Supplier,Amount\n01/04/2024,Acme,10.00\n');
    assert.equal((await spend('import', first)).code, 0);
    await writeFile(first, 'Date,Supplier,Amount\n01/04/2024,Acme,12.00\n');
    const out = await spend('import', first);
    assert.equal(out.code, 0, out.stderr);
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    assert.match(
      out.stdout,
      new RegExp(`\nReplaced the import of spend\\.csv from ${today}\\.\n$`),
    );
    const { imports } = await stored();
    assert.deepEqual(
      imports.map((i) => i.totalPence),
      [1200],
    );
    // Naming the file replaced: another file name, the same payments corrected again.
    const other = join(folder, 'spend-corrected.csv');
    await writeFile(other, 'Date,Supplier,Amount\n01/04/2024,Acme,13.00\n');
    const named = await spend('import', other, '--replaces', 'spend.csv');
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(
      (await stored()).imports.map((i) => [i.fileName, i.totalPence]),
      [['spend-corrected.csv', 1300]],
    );
    const unknown = await spend('import', first, '--replaces', 'nothing.csv');
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.stderr,
      /^No import in force is named nothing\.csv: the imports are spend-corrected\.csv\.\n/,
    );
  });

  it('refuses a file with bad rows, listing the first 20 by line, and stores nothing; --skip-bad-rows imports the rest', async () => {
    const file = join(folder, 'bad.csv');
    const bad = Array.from({ length: 25 }, (_, i) => `${i + 1}/13/2024,Acme,10`);
    await writeFile(file, `Date,Supplier,Amount\n01/04/2024,Acme,10\n${bad.join('\n')}\n`);
    const out = await spend('import', file);
    assert.equal(out.code, 1);
    assert.equal(out.stdout, '');
    const lines = out.stderr.trimEnd().split('\n');
    assert.equal(lines[0], 'bad.csv has 25 bad rows, so nothing was imported:');
    assert.equal(lines[1], '  Line 3: the date "1/13/2024" does not exist');
    assert.equal(lines[20], '  Line 22: the date "20/13/2024" does not exist');
    assert.equal(lines[21], '  and 5 more');
    assert.equal(lines[22], 'Correct the file, or import the good rows with --skip-bad-rows.');
    assert.deepEqual((await stored()).imports, []);
    const skipped = await spend('import', file, '--skip-bad-rows');
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.match(
      skipped.stdout,
      /Rows read: 26 \(1 payments, 0 redacted, counted apart, 25 bad\)\.\nBad rows, left out:\n {2}Line 3: /,
    );
    assert.match(skipped.stdout, /\n {2}and 5 more\nTotal: £10\.\n/);
    assert.equal((await stored()).imports.length, 1);
  });

  it('refuses files it cannot read with exit 1, and usage mistakes with exit 2', async () => {
    const xls = join(folder, 'spend.xls');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const refused = await spend('import', xls);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      '"spend.xls" is an old Excel workbook (.xls), which is not read. Save it as CSV or Excel Workbook (.xlsx) and import that.\n',
    );
    const missing = await spend('import', join(folder, 'nowhere.csv'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^There is no file .*nowhere\.csv\.\n$/);
    const unmapped = join(folder, 'odd.csv');
    await writeFile(unmapped, 'When,Who,How much\n01/04/2024,Acme,10\n');
    assert.equal((await spend('import', unmapped)).code, 1);
    const mapped = await spend(
      'import',
      unmapped,
      '--map',
      'date=When',
      '--map',
      'supplierName=Who',
      '--map',
      'amountNet=How much',
    );
    assert.equal(mapped.code, 0, mapped.stderr);
    assert.match(
      mapped.stdout,
      /Columns: the transaction date from "When", the supplier name from "Who", the net amount from "How much"\./,
    );
    for (const args of [
      [],
      ['export', 'x.csv'],
      ['import'],
      ['import', 'a.csv', 'b.csv'],
      ['import', 'a.csv', '--map', 'when=Date'],
      ['import', 'a.csv', '--colour'],
      ['suppliers', 'a.csv', '--replaces', 'b.csv'],
    ]) {
      const out = await spend(...args);
      assert.equal(out.code, 2, `${args.join(' ')}: ${out.stderr}`);
      assert.match(out.stderr, /\nusage: npm run spend -- import FILE/);
    }
    assert.deepEqual(
      (await stored()).imports.map((i) => i.fileName),
      ['odd.csv'],
    );
  });

  it('imports a supplier list alone, reporting bad rows by line', async () => {
    const list = join(folder, 'suppliers.csv');
    await writeFile(list, 'Name,Staff,Postcode\nAcme,12,CA1 1AA\nBeta,many,\n');
    const refused = await spend('suppliers', list);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^suppliers\.csv has 1 bad row, so nothing was imported:\n {2}Line 3: the head count "many" is not a whole number of staff\n/,
    );
    assert.deepEqual((await stored()).suppliers, []);
    const out = await spend('suppliers', list, '--skip-bad-rows');
    assert.equal(out.code, 0, out.stderr);
    assert.match(
      out.stdout,
      /Suppliers read: 1 \(1 bad rows left out\)\.\n {2}Line 3: .*\nSuppliers: 1 added, 0 updated, 0 unchanged\.\n$/,
    );
    assert.deepEqual(
      (await stored()).suppliers.map((s) => [s.name, s.headcount, s.postcode]),
      [['Acme', 12, 'CA1 1AA']],
    );
  });

  it('refuses to write the data while the bot runs on it, and takes over a lock its process left behind', async () => {
    // The test's own process stands for a running bot: its pid is alive.
    await writeFile(lockFileOf(dataFile), `${process.pid}\n`);
    const out = await spend('import', 'examples/spend-example.csv');
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      `The bot is running on this data (${dataFile}, process ${process.pid}): stop it, or import from the dashboard. Nothing was imported.\n`,
    );
    await assert.rejects(stat(dataFile), 'the data file was not touched');
    // A process that has exited leaves its lock: the next one takes it over.
    const child = await promisify(execFile)(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]);
    await writeFile(lockFileOf(dataFile), `${child.stdout}\n`);
    const taken = await spend('import', 'examples/spend-example.csv');
    assert.equal(taken.code, 0, taken.stderr);
    assert.match(taken.stdout, /\nImported\.\n$/);
  });

  it('refuses to open the data a command line is importing into, as a bot starting would', async () => {
    const copy = join(folder, 'spend.csv');
    await copyFile('examples/spend-example.csv', copy);
    const store = await openCosmos(
      loadConfig({ NODE_ENV: 'development', LOCAL_DATA_FILE: dataFile }),
    );
    try {
      assert.equal((await stat(lockFileOf(dataFile))).isFile(), true);
      const out = await spend('import', copy);
      assert.equal(out.code, 1);
      assert.match(out.stderr, /^The bot is running on this data/);
    } finally {
      await store.close();
    }
    await assert.rejects(stat(lockFileOf(dataFile)), 'closing removes the lock');
  });
});
