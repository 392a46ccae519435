/**
 * Command line for a force's own policy pack:
 *   npm run pack -- check FILE           is FILE a valid pack? exit 0 yes, 1 no (every problem listed)
 *   npm run pack -- export [--out FILE]  the built-in pack as JSON, a starting point
 * Exit 2 for a usage mistake or a file that cannot be read or written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { builtInPack, loadPack, type PolicyPack } from '../core/policy/index.js';

const USAGE = 'usage: npm run pack -- check FILE | npm run pack -- export [--out FILE] [--force]';

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await check(rest);
    if (command === 'export') return await exportPack(rest);
    throw new UsageError(
      command === undefined
        ? 'say what to do: check a pack file, or export the built-in pack'
        : `"${command}" is not a pack command`,
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
}

async function check(args: string[]): Promise<number> {
  const { positionals } = usage(() => parseArgs({ args, allowPositionals: true, strict: true }));
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('name the pack file to check');
  if (extra.length > 0)
    throw new UsageError(`check takes one file; also given: ${extra.join(' ')}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file} ${unreadable(error)}\n`);
    return 2;
  }
  const loaded = loadPack(text);
  if (loaded.ok) {
    process.stdout.write(
      `${file} is a valid pack: ${loaded.value.name}, version ${loaded.value.version}\n`,
    );
    return 0;
  }
  const count = loaded.problems.length;
  process.stderr.write(
    `${file} is not a valid pack: ${count === 1 ? 'one problem' : `${count} problems`}, each by its field path.\n${loaded.problems.map((p) => `  ${p.path} ${p.message}`).join('\n')}\n`,
  );
  return 1;
}

async function exportPack(args: string[]): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args,
      options: { out: { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length > 0) {
    throw new UsageError(
      `export takes no file name but --out FILE; given: ${positionals.join(' ')}`,
    );
  }
  const text = packJson(builtInPack);
  const out = values.out;
  if (typeof out !== 'string') {
    if (values.force) throw new UsageError('--force goes with --out FILE');
    process.stdout.write(text);
    return 0;
  }
  try {
    // Never over a force's edited pack by accident: --force says it is meant.
    await writeFile(out, text, { encoding: 'utf8', flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    process.stderr.write(
      code === 'EEXIST'
        ? `${out} already exists: choose another name, or add --force to replace it\n`
        : `${out} cannot be written: ${messageOf(error)}\n`,
    );
    return 2;
  }
  process.stdout.write(
    `Wrote the built-in pack (${builtInPack.name}, version ${builtInPack.version}) to ${out}. Edit it, then: npm run pack -- check ${out}\n`,
  );
  return 0;
}

/**
 * The pack as JSON, two-space indented, its keys in the schema's order (id, name, version,
 * document, ...) whatever order the pack was written in: loading it back through the schema
 * rebuilds every object in that order, so two exports of the same pack are the same bytes.
 */
export function packJson(pack: PolicyPack): string {
  const loaded = loadPack(pack);
  if (!loaded.ok) {
    throw new Error(
      `the built-in pack is not valid: ${loaded.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  }
  return `${JSON.stringify(loaded.value, null, 2)}\n`;
}

/** Reads the arguments; a mistake in them is a usage error. */
function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
}

/** Why a file could not be read, in words that say what to check. */
function unreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'cannot be read: there is no such file; check the path';
  if (code === 'EISDIR') return 'cannot be read: it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read: ${messageOf(error)}`;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

process.exitCode = await main(process.argv.slice(2));
