/**
 * Command line: make the Teams app package a force's Teams administrator uploads.
 *   npm run package                              settings from the environment
 *   npm run package -- --env teams.env           and from an env file (the environment wins)
 *   npm run package -- --out path/to/app.zip     written there instead of manifest/out/
 * (not --env-file: Node 20 reads that flag itself, wherever it stands on the command line)
 * Exit 0 with the zip written and what went into it on stdout; exit 1 with every problem on
 * stderr and nothing written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { makeAppPackage, PackageError } from './app-package.js';
import { SETTING_NAMES } from './settings.js';

const USAGE = 'usage: npm run package [-- --env FILE] [--out FILE.zip]';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where npm was run from: paths on the command line are relative to it. */
const CALLER = process.env.INIT_CWD ?? process.cwd();

function fail(lines: string[]): number {
  process.stderr.write(`${lines.join('\n')}\n`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  let options: { env?: string; out?: string };
  try {
    options = parseArgs({
      args: argv,
      options: { env: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return fail([(error as Error).message, USAGE]);
  }

  let fromFile: Record<string, string | undefined> = {};
  const envFile = options.env;
  if (envFile !== undefined) {
    try {
      fromFile = parseEnv(await readFile(resolve(CALLER, envFile), 'utf8'));
    } catch (error) {
      return fail([`--env ${envFile} cannot be read: ${(error as Error).message}`, USAGE]);
    }
  }
  // The environment wins over the file, as with node's --env-file; a blank value hides nothing.
  const env: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(process.env)) {
    if (value?.trim()) env[name] = value;
  }

  let made: Awaited<ReturnType<typeof makeAppPackage>>;
  try {
    made = await makeAppPackage(env, ROOT);
  } catch (error) {
    if (error instanceof PackageError) return fail([error.message]);
    throw error;
  }

  const { manifest } = made;
  const out = resolve(
    CALLER,
    options.out ?? resolve(ROOT, 'manifest', 'out', `social-value-${manifest.version}.zip`),
  );
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, made.zip);

  const shown = relative(CALLER, out);
  const source = (name: string) =>
    process.env[name]?.trim()
      ? 'environment'
      : fromFile[name]?.trim()
        ? (envFile ?? 'env file')
        : 'default';
  const lists = (manifest.bots?.[0]?.commandLists ?? []).map(
    (list) => `${list.scopes.join('+')}: ${list.commands.map((c) => c.title).join(', ')}`,
  );
  process.stdout.write(
    [
      `Wrote ${shown.startsWith('..') ? out : shown} (${made.zip.length} bytes): manifest ${manifest.manifestVersion}, app version ${manifest.version}, checked against the bundled schema.`,
      `  app id ${manifest.id}`,
      `  bot id ${manifest.bots?.[0]?.botId ?? '(none)'}`,
      `  name   ${manifest.name.short} (${manifest.name.full ?? ''})`,
      ...lists.map((line) => `  menu   ${line}`),
      `  settings: ${SETTING_NAMES.map((name) => `${name} from ${source(name)}`).join('; ')}`,
      'Upload it in the Teams admin center (Manage apps > Upload new app), or in Teams (Apps > Manage your apps > Upload an app).',
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
