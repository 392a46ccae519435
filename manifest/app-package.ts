/**
 * Makes the Teams app package: manifest.json, color.png and outline.png at the root of a zip,
 * checked before it is handed over (check.ts). The same settings and icons always give the
 * same bytes.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import JSZip from 'jszip';
import { builtInPack, loadPack, type PolicyPack } from '../core/policy/index.js';
import { buildManifest, ICON_FILES, type TeamsManifest } from './build.js';
import { APP_VERSION, checkIcons, checkPackage, type Problem } from './check.js';
import { DEFAULT_ICONS, type PackageSettings, readPackageSettings } from './settings.js';

export class PackageError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The Teams app package was not made: fix these problems.\n${problems.map((p) => `  ${p.where} ${p.message}`).join('\n')}`,
    );
    this.name = 'PackageError';
  }
}

export interface AppPackage {
  zip: Buffer;
  manifest: TeamsManifest;
  settings: PackageSettings;
}

/** Entries are dated this instant, so that a package is the same bytes every time. */
const ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

async function readVersion(root: string): Promise<string | Problem> {
  try {
    const text = await readFile(join(root, 'package.json'), 'utf8');
    const version: unknown = (JSON.parse(text) as { version?: unknown }).version;
    if (typeof version === 'string' && APP_VERSION.test(version)) return version;
    return {
      where: 'package.json version',
      message: `is ${JSON.stringify(version)}: Teams needs MAJOR.MINOR.PATCH, three whole numbers like 1.4.0, with no pre-release or build part`,
    };
  } catch (error) {
    return { where: 'package.json', message: `cannot be read: ${(error as Error).message}` };
  }
}

async function readIcon(root: string, setting: string, path: string): Promise<Buffer | Problem> {
  try {
    return await readFile(isAbsolute(path) ? path : join(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      where: setting,
      message: `names ${path}, which cannot be read${code === 'ENOENT' ? ': there is no such file' : `: ${(error as Error).message}`}`,
    };
  }
}

/** The pack named by POLICY_PACK_FILE, checked as the bot checks it; the built-in one if none. */
async function readPack(root: string, file: string | undefined): Promise<PolicyPack | Problem[]> {
  if (file === undefined) return builtInPack;
  let text: string;
  try {
    text = await readFile(isAbsolute(file) ? file : join(root, file), 'utf8');
  } catch {
    return [{ where: 'POLICY_PACK_FILE', message: `names ${file}, which cannot be read` }];
  }
  const loaded = loadPack(text);
  return loaded.ok
    ? loaded.value
    : loaded.problems.map((p) => ({
        where: 'POLICY_PACK_FILE',
        message: `${file}: ${p.path} ${p.message}`,
      }));
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'where' in value && 'message' in value;

/**
 * Builds and checks the app package from an environment; `root` is the project folder, where
 * package.json is and relative icon paths start. Throws a PackageError listing every problem.
 */
export async function makeAppPackage(
  env: Record<string, string | undefined>,
  root: string,
): Promise<AppPackage> {
  const problems: Problem[] = [];
  const read = readPackageSettings(env);
  if (!read.ok) problems.push(...read.problems);

  const version = await readVersion(root);
  if (isProblem(version)) problems.push(version);

  // The icons are checked even when a setting is wrong, so one run names every problem.
  const iconPaths = {
    color: read.ok
      ? read.settings.TEAMS_APP_COLOR_ICON
      : env.TEAMS_APP_COLOR_ICON?.trim() || DEFAULT_ICONS.color,
    outline: read.ok
      ? read.settings.TEAMS_APP_OUTLINE_ICON
      : env.TEAMS_APP_OUTLINE_ICON?.trim() || DEFAULT_ICONS.outline,
  };
  const color = await readIcon(root, 'TEAMS_APP_COLOR_ICON', iconPaths.color);
  const outline = await readIcon(root, 'TEAMS_APP_OUTLINE_ICON', iconPaths.outline);
  for (const icon of [color, outline]) if (isProblem(icon)) problems.push(icon);
  problems.push(
    ...checkIcons(
      {
        ...(isProblem(color) ? {} : { color }),
        ...(isProblem(outline) ? {} : { outline }),
      },
      iconPaths,
    ),
  );

  const pack = await readPack(root, read.ok ? read.settings.POLICY_PACK_FILE : undefined);
  if (Array.isArray(pack)) problems.push(...pack);

  if (
    !read.ok ||
    Array.isArray(pack) ||
    isProblem(version) ||
    isProblem(color) ||
    isProblem(outline) ||
    problems.length > 0
  ) {
    throw new PackageError(problems);
  }

  let manifest: TeamsManifest;
  try {
    manifest = buildManifest(read.settings, version, pack);
  } catch (error) {
    throw new PackageError([{ where: 'manifest', message: (error as Error).message }]);
  }
  const zip = await zipPackage(manifest, { color, outline });
  const checked = await checkPackage(zip);
  if (checked.problems.length > 0) throw new PackageError(checked.problems);
  return { zip, manifest, settings: read.settings };
}

/** Zips a manifest and its icons, every entry at the root, with fixed dates. */
export async function zipPackage(
  manifest: unknown,
  icons: { color: Uint8Array; outline: Uint8Array },
): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: ENTRY_DATE, createFolders: false };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, options);
  zip.file(ICON_FILES.color, icons.color, options);
  zip.file(ICON_FILES.outline, icons.outline, options);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}
