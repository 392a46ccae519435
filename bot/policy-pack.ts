import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../core/common/result.js';
import {
  buildLibrary,
  builtInPack,
  loadPack,
  type PolicyLibrary,
  type PolicyPack,
} from '../core/policy/index.js';
import { withReviewDue } from '../core/rules/index.js';
import type { Config } from './config.js';

/** The packs named by POLICY_PACK_FILE, POLICY_PACK_DIR and TENANT_PACKS cannot be used: the bot must not start on them. */
export class PackFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: Problem[],
  ) {
    const count = problems.length;
    super(
      `The bot cannot start: the policy ${source} has ${count === 1 ? 'a problem' : `${count} problems`}; fix ${count === 1 ? 'it' : 'them'} and start again (npm run pack -- check FILE lists a file's problems too).\n${problems.map((p) => `  ${p.path} ${p.message}`).join('\n')}`,
    );
    this.name = 'PackFileError';
  }
}

/** The pack files the settings name: POLICY_PACK_FILE, then every `.json` file in POLICY_PACK_DIR. */
async function packFiles(config: Config): Promise<{ files: string[]; problems: Problem[] }> {
  const files = config.POLICY_PACK_FILE === undefined ? [] : [config.POLICY_PACK_FILE];
  const dir = config.POLICY_PACK_DIR;
  if (dir === undefined) return { files, problems: [] };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    return { files, problems: [{ path: dir, message: unreadable(error, 'folder') }] };
  }
  const packs = names.filter((name) => name.endsWith('.json')).sort();
  if (packs.length === 0) {
    return {
      files,
      problems: [
        { path: dir, message: 'holds no .json pack file: put one file per version in it' },
      ],
    };
  }
  return { files: [...files, ...packs.map((name) => join(dir, name))], problems: [] };
}

/**
 * Every pack the deployment holds: the force's own files (POLICY_PACK_FILE, POLICY_PACK_DIR),
 * each checked with loadPack, and the tenants mapped to them (TENANT_PACKS); with neither
 * setting, the built-in pack. Read once, at start-up, before anything starts, and every
 * problem of every file is listed at once.
 */
export async function loadPolicyLibrary(config: Config): Promise<PolicyLibrary> {
  const { files, problems } = await packFiles(config);
  const several = files.length > 1 || config.POLICY_PACK_DIR !== undefined;
  const where = (file: string, path: string) => (several ? `${file}: ${path}` : path);
  const loaded: { pack: PolicyPack; from: string }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ path: where(file, '(file)'), message: unreadable(error, 'file') });
      continue;
    }
    const pack = loadPack(text);
    if (pack.ok) loaded.push({ pack: pack.value, from: file });
    else problems.push(...pack.problems.map((p) => ({ ...p, path: where(file, p.path) })));
  }
  const packs = files.length === 0 ? [{ pack: builtInPack, from: 'the built-in pack' }] : loaded;
  // The packs that did load are checked together too, so that one start lists every problem.
  const library = buildLibrary(withLatestReviewDue(packs, config.POLICY_REVIEW_DUE), {
    ...config.TENANT_PACKS,
  });
  if (!library.ok) problems.push(...library.problems);
  if (problems.length > 0 || !library.ok) throw new PackFileError(sourceOf(config), problems);
  return library.value;
}

/**
 * POLICY_REVIEW_DUE is the date of the force's next review, so it belongs to each pack's
 * latest version, the one under review; earlier versions keep the dates they had.
 */
function withLatestReviewDue(
  packs: { pack: PolicyPack; from: string }[],
  reviewDue: string | undefined,
): { pack: PolicyPack; from: string }[] {
  if (reviewDue === undefined) return packs;
  const latest = new Map<string, PolicyPack>();
  for (const { pack } of packs) {
    const known = latest.get(pack.id);
    if (!known || (pack.inForceFrom ?? '') > (known.inForceFrom ?? '')) latest.set(pack.id, pack);
  }
  return packs.map((entry) =>
    latest.get(entry.pack.id) === entry.pack
      ? { ...entry, pack: withReviewDue(entry.pack, reviewDue) }
      : entry,
  );
}

function sourceOf(config: Config): string {
  const named = [
    config.POLICY_PACK_FILE === undefined
      ? undefined
      : `pack ${config.POLICY_PACK_FILE} (POLICY_PACK_FILE)`,
    config.POLICY_PACK_DIR === undefined
      ? undefined
      : `packs in ${config.POLICY_PACK_DIR} (POLICY_PACK_DIR)`,
    Object.keys(config.TENANT_PACKS).length === 0 ? undefined : 'tenant mapping (TENANT_PACKS)',
  ].filter((part) => part !== undefined);
  return named.length === 0 ? 'pack' : named.join(' and ');
}

/** Why a file or folder could not be read, in words that say what to check. */
export function unreadable(error: unknown, kind: 'file' | 'folder' = 'file'): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `cannot be read: there is no such ${kind}; check the path`;
  if (code === 'EISDIR') return 'cannot be read: it is a folder, not a file';
  if (code === 'ENOTDIR') return 'cannot be read: it is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') {
    return 'cannot be read: permission denied; let the bot’s user read it';
  }
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}
