/**
 * Command line: imports a payment file (CSV or Excel .xlsx), and a supplier list, into the
 * spend baseline, for scripts:
 *   npm run spend -- import FILE [--suppliers FILE] [--skip-bad-rows] [--map FIELD=HEADER ...]
 *                   [--replaces FILE-NAME] [--tenant T] [--by NAME]
 *   npm run spend -- suppliers FILE [--skip-bad-rows] [--tenant T] [--by NAME]
 * It writes the store the bot uses: the Cosmos DB account at COSMOS_ENDPOINT, else the embedded
 * local data file (LOCAL_DATA_FILE), which it refuses to touch while a bot is running on it.
 * Every file is read and checked whole before anything is stored. Exit 0 when done (or when
 * the file was imported before); 1 when a file is refused, with nothing stored; 2 on a usage
 * mistake.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../bot/config.js';
import { PLAYGROUND_TENANT_ID } from '../bot/local/playground.js';
import { loadPolicyLibrary, PackFileError } from '../bot/policy-pack.js';
import { type CheckedSpendFile, readSpendFile } from '../bot/spend/read-spend-file.js';
import { type CheckedSupplierFile, readSupplierFile } from '../bot/spend/read-supplier-file.js';
import { SpendStore } from '../bot/spend/spend-store.js';
import { type CosmosStore, openCosmos } from '../bot/store/cosmos.js';
import { LocalDataLockedError } from '../bot/store/local-lock.js';
import {
  badRowsRefusedText,
  spendOutcomeText,
  spendReadText,
  suppliersText,
} from '../cards/spend-import-text.js';
import type { Result } from '../core/common/result.js';
import { type PolicyLibrary, packIdFor } from '../core/policy/index.js';
import type { Person } from '../core/record/person.js';
import { type ColumnMapping, SPEND_FIELDS, type SpendField } from '../core/spend/columns.js';

const USAGE = `usage: npm run spend -- import FILE [--suppliers FILE] [--skip-bad-rows] [--map FIELD=HEADER ...] [--replaces FILE-NAME] [--tenant T] [--by NAME]
       npm run spend -- suppliers FILE [--skip-bad-rows] [--tenant T] [--by NAME]
  FILE            a payment file, CSV or Excel Workbook (.xlsx); a supplier list for "suppliers"
  --suppliers     a supplier list to import with the payments (name, id, head count or size band, postcode, VCSE)
  --skip-bad-rows import the good rows of a file that has bad ones (by default any bad row refuses the file)
  --map           the column to read a field from, where the file's names differ: FIELD is one of
                  ${SPEND_FIELDS.join(', ')}; for example --map "date=Posted On"
  --replaces      the file name of an earlier import this file replaces (by default: one of the same name covering some of the same months)
  --tenant        the tenant to import into (needed with several tenants' packs, or a Cosmos DB account)
  --by            the name to record as the importer (by default: your user name)`;

/** What the command was told. */
interface Command {
  command: 'import' | 'suppliers';
  file: string;
  suppliers?: string;
  skipBadRows: boolean;
  mapping: ColumnMapping;
  replaces?: string;
  tenant?: string;
  by: Person;
}

class UsageMistake extends Error {}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

const say = (lines: string | string[]) =>
  process.stdout.write(`${(Array.isArray(lines) ? lines : [lines]).join('\n')}\n`);
const refuse = (lines: string | string[]): number => {
  process.stderr.write(`${(Array.isArray(lines) ? lines : [lines]).join('\n')}\n`);
  return 1;
};

function parseCommand(argv: string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageMistake(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (command !== 'import' && command !== 'suppliers')
    throw new UsageMistake(
      command === undefined
        ? 'Say what to do: import a payment file, or import a supplier list (suppliers).'
        : `"${command}" is not a spend command: use import or suppliers.`,
    );
  if (file === undefined || extra.length > 0)
    throw new UsageMistake(
      `Give one file to import, such as: npm run spend -- ${command} spend-2024.csv`,
    );
  if (command === 'suppliers' && (values.suppliers || values.map || values.replaces))
    throw new UsageMistake('--suppliers, --map and --replaces go with import, not with suppliers.');
  const mapping: ColumnMapping = {};
  for (const pair of values.map ?? []) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    const header = pair.slice(at + 1).trim();
    if (at < 1 || header === '' || !(SPEND_FIELDS as readonly string[]).includes(field))
      throw new UsageMistake(
        `--map "${pair}" is not FIELD=HEADER with FIELD one of ${SPEND_FIELDS.join(', ')}.`,
      );
    mapping[field as SpendField] = header;
  }
  const name = values.by?.trim() || userInfo().username || 'command line';
  return {
    command,
    file,
    ...(values.suppliers ? { suppliers: values.suppliers } : {}),
    skipBadRows: values['skip-bad-rows'] ?? false,
    mapping,
    ...(values.replaces ? { replaces: values.replaces } : {}),
    ...(values.tenant ? { tenant: values.tenant } : {}),
    // A person named on the command line is not a Teams user: the id says where it came from.
    by: { id: `command-line:${name}`, name },
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      suppliers: { type: 'string' },
      'skip-bad-rows': { type: 'boolean' },
      map: { type: 'string', multiple: true },
      replaces: { type: 'string' },
      tenant: { type: 'string' },
      by: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
}

/**
 * The tenant to import into: the one named, else, on the embedded local store with one pack,
 * the Agents Playground's (the tenant `npm start` chats and signs in as). A tenant with no pack
 * would never see its figures, so it is refused.
 */
function tenantOf(command: Command, config: Config, library: PolicyLibrary): string {
  if (command.tenant !== undefined) {
    if (packIdFor(library, command.tenant) === undefined)
      throw new UsageMistake(
        `Tenant ${command.tenant} has no policy pack on this bot (TENANT_PACKS), so its spend would never be shown. Check the tenant id.`,
      );
    return command.tenant;
  }
  if (library.byId.size > 1 || Object.keys(library.tenants).length > 0)
    throw new UsageMistake("This bot has several tenants' packs: say which tenant with --tenant.");
  if (config.COSMOS_ENDPOINT)
    throw new UsageMistake(
      `Say which tenant to import into with --tenant: the store at ${config.COSMOS_ENDPOINT} is shared.`,
    );
  return PLAYGROUND_TENANT_ID;
}

async function readFileChecked<T>(
  path: string,
  read: (input: NodeJS.ReadableStream, fileName: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile())
    return { ok: false, problems: [{ path: 'file', message: `There is no file ${path}.` }] };
  return read(createReadStream(path), basename(path));
}

async function main(argv: string[]): Promise<number> {
  let command: Command;
  let config: Config;
  let library: PolicyLibrary;
  let tenantId: string;
  try {
    command = parseCommand(argv);
    config = loadConfig(process.env);
    library = await loadPolicyLibrary(config);
    tenantId = tenantOf(command, config, library);
  } catch (error) {
    if (
      error instanceof UsageMistake ||
      error instanceof ConfigError ||
      error instanceof PackFileError
    )
      return usage(error.message);
    throw error;
  }
  // Every file is read and checked before the store is opened: a refused file stores nothing.
  // Bad rows are read past, so that they can be listed; the file is refused below unless told.
  let spendFile: CheckedSpendFile | undefined;
  if (command.command === 'import') {
    const read = await readFileChecked(command.file, (input, fileName) =>
      readSpendFile(input, { fileName, mapping: command.mapping, skipBadRows: true }),
    );
    if (!read.ok) return refuse(read.problems.map((p) => p.message));
    spendFile = read.value;
    if (spendFile.badRowCount > 0 && !command.skipBadRows)
      return refuse(
        badRowsRefusedText(spendFile.badRows, spendFile.badRowCount, basename(command.file)),
      );
  }
  const supplierPath = command.command === 'suppliers' ? command.file : command.suppliers;
  let supplierFile: CheckedSupplierFile | undefined;
  if (supplierPath !== undefined) {
    const read = await readFileChecked(supplierPath, (input, fileName) =>
      readSupplierFile(input, { fileName, skipBadRows: true }),
    );
    if (!read.ok) return refuse(read.problems.map((p) => p.message));
    supplierFile = read.value;
    if (supplierFile.badRowCount > 0 && !command.skipBadRows)
      return refuse(
        badRowsRefusedText(supplierFile.badRows, supplierFile.badRowCount, basename(supplierPath)),
      );
  }
  let store: CosmosStore;
  try {
    store = await openCosmos(config);
  } catch (error) {
    if (error instanceof LocalDataLockedError)
      return refuse(
        `The bot is running on this data (${error.dataFile}, ${error.pid === undefined ? 'another process' : `process ${error.pid}`}): stop it, or import from the dashboard. Nothing was imported.`,
      );
    throw error;
  }
  try {
    const spend = new SpendStore(store.containers.spend);
    const at = new Date().toISOString();
    let replaces: string[] | undefined;
    if (spendFile && command.replaces !== undefined) {
      const imports = await spend.imports(tenantId);
      replaces = imports.filter((i) => i.fileName === command.replaces).map((i) => i.id);
      if (replaces.length === 0)
        return usage(
          `No import in force is named ${command.replaces}${imports.length > 0 ? `: the imports are ${imports.map((i) => i.fileName).join(', ')}` : ': there are no imports yet'}.`,
        );
    }
    if (supplierFile) {
      const counts = await spend.importSuppliers(tenantId, supplierFile.suppliers, command.by, at);
      say([`Supplier list ${supplierFile.fileName}:`, ...suppliersText(supplierFile, counts)]);
    }
    if (spendFile) {
      const done = await spend.commit(tenantId, spendFile, {
        by: command.by,
        at,
        ...(replaces ? { replaces } : {}),
      });
      say([
        `Payments ${spendFile.fileName}:`,
        ...spendReadText(spendFile),
        spendOutcomeText(done.outcome, done.replaced),
      ]);
    }
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
