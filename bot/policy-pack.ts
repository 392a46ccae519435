import { readFile } from 'node:fs/promises';
import { builtInPack, loadPack, type PolicyPack } from '../core/policy/index.js';
import type { Config } from './config.js';

/** The pack file named by POLICY_PACK_FILE cannot be used: the bot must not start on it. */
export class PackFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(
      `The bot cannot start: the policy pack ${file} (POLICY_PACK_FILE) has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; fix ${problems.length === 1 ? 'it' : 'them'} and start again (npm run pack -- check ${file} lists them too).\n${problems.map((p) => `  ${p.path} ${p.message}`).join('\n')}`,
    );
    this.name = 'PackFileError';
  }
}

/**
 * The pack the bot runs under: the force's own file when POLICY_PACK_FILE names one, checked
 * with loadPack, or the built-in pack. Read once, at start-up, before anything starts.
 */
export async function loadPolicyPack(config: Config): Promise<PolicyPack> {
  const file = config.POLICY_PACK_FILE;
  if (file === undefined) return builtInPack;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PackFileError(file, [{ path: '(file)', message: unreadable(error) }]);
  }
  const loaded = loadPack(text);
  if (!loaded.ok) throw new PackFileError(file, loaded.problems);
  return loaded.value;
}

/** Why a file could not be read, in words that say what to check. */
export function unreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'cannot be read: there is no such file; check the path';
  if (code === 'EISDIR') return 'cannot be read: it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') {
    return 'cannot be read: permission denied; let the bot’s user read it';
  }
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}
