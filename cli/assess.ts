/**
 * Command line: assess a proposed contract under the policy pack and print the result as JSON.
 *   npm run --silent assess -- --json '{"category":"services","value":250000,"keyProvider":false,"procurementStart":"2026-03-01"}'
 *   npm run --silent assess -- --file contract.json [--pack other-pack.json] [--on 2026-11-25] [--review-due 2027-04-01]
 * Exit 0 with the assessment on stdout; exit 2 with the problems as JSON on stderr.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isoDateSchema, type Problem } from '../core/common/index.js';
import { builtInPack, loadPack, type PolicyPack } from '../core/policy/index.js';
import { assess, withReviewDue } from '../core/rules/index.js';
import { todayInLondon } from './today.js';

const USAGE =
  "usage: assess (--json '<input>' | --file PATH) [--pack PATH] [--on YYYY-MM-DD] [--review-due YYYY-MM-DD]";

async function main(argv: string[]): Promise<number> {
  let options: {
    json?: string;
    file?: string;
    pack?: string;
    on?: string;
    'review-due'?: string;
  };
  try {
    options = parseArgs({
      args: argv,
      options: {
        json: { type: 'string' },
        file: { type: 'string' },
        pack: { type: 'string' },
        on: { type: 'string' },
        'review-due': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return refuse([{ path: '(arguments)', message: `${messageOf(error)}; ${USAGE}` }]);
  }
  if ((options.json === undefined) === (options.file === undefined)) {
    return refuse([
      { path: '(arguments)', message: `give exactly one of --json or --file; ${USAGE}` },
    ]);
  }

  const inputText =
    options.file === undefined ? (options.json ?? '') : await readText(options.file, '--file');
  if (typeof inputText !== 'string') return refuse(inputText);
  let input: unknown;
  try {
    input = JSON.parse(inputText);
  } catch (error) {
    return refuse([{ path: '(input)', message: `is not valid JSON: ${messageOf(error)}` }]);
  }

  let pack: PolicyPack = builtInPack;
  if (options.pack !== undefined) {
    const packText = await readText(options.pack, '--pack');
    if (typeof packText !== 'string') return refuse(packText);
    const loaded = loadPack(packText);
    if (!loaded.ok) return refuse(loaded.problems.map((p) => ({ ...p, path: `pack.${p.path}` })));
    pack = loaded.value;
  }

  // The force's review date: the document has none, so the caller gives it.
  const reviewDue = options['review-due'];
  if (reviewDue !== undefined) {
    if (!isoDateSchema.safeParse(reviewDue).success) {
      return refuse([{ path: '--review-due', message: 'must be a real date written YYYY-MM-DD' }]);
    }
    pack = withReviewDue(pack, reviewDue);
  }

  const result = assess(pack, input, options.on ?? todayInLondon());
  if (!result.ok) return refuse(result.problems);
  process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  return 0;
}

async function readText(path: string, flag: string): Promise<string | Problem[]> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    return [{ path: flag, message: `cannot read ${path}: ${messageOf(error)}` }];
  }
}

function refuse(problems: Problem[]): number {
  process.stderr.write(`${JSON.stringify({ problems }, null, 2)}\n`);
  return 2;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

process.exitCode = await main(process.argv.slice(2));
