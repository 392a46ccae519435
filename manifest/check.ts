/**
 * Checks a Teams app package offline: the manifest against the JSON schema of the version it
 * names, as bundled in @microsoft/app-manifest (never downloaded), the rules Teams applies that
 * the schema does not say, and the icon rules. Every check returns all its problems at once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** One thing wrong: where (a setting, a file, a manifest path) and what. */
export interface Problem {
  where: string;
  message: string;
}

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v([0-9]+\.[0-9]+)\/MicrosoftTeams\.schema\.json$/;

/** The address a manifest's `$schema` gives for a manifest version. */
export const schemaUrl = (manifestVersion: string): string =>
  `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;

const schemasFolder = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params: Record<string, unknown> }[] | null;
};

const validators = new Map<string, Validate | undefined>();

/** The bundled schema's validator for a manifest version, or undefined when none is bundled. */
function validatorFor(manifestVersion: string): Validate | undefined {
  if (validators.has(manifestVersion)) return validators.get(manifestVersion);
  let validate: Validate | undefined;
  let text: string | undefined;
  try {
    text = readFileSync(
      join(schemasFolder, `v${manifestVersion}`, 'MicrosoftTeams.schema.json'),
      'utf8',
    );
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(JSON.parse(text.replace(/^\uFEFF/, ''))) as Validate;
  }
  validators.set(manifestVersion, validate);
  return validate;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (path: string) => `manifest.json ${path || '(whole file)'}`;

function schemaMessage(error: NonNullable<Validate['errors']>[number]): string {
  const message = error.message ?? 'is not allowed by the schema';
  const extra = error.params.additionalProperty;
  const allowed = error.params.allowedValues;
  if (typeof extra === 'string') return `${message}: "${extra}"`;
  if (Array.isArray(allowed))
    return `${message}: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  return message;
}

/**
 * Checks a manifest: its `$schema` and `manifestVersion` agree and name a bundled schema, it
 * validates against that schema, and it keeps the Teams rules the schema leaves out.
 */
export function checkManifest(manifest: unknown): Problem[] {
  if (!isRecord(manifest)) return [{ where: at(''), message: 'must be a JSON object' }];
  const problems: Problem[] = [];
  const version = manifest.manifestVersion;
  const schema = manifest.$schema;
  let validate: Validate | undefined;
  if (typeof version !== 'string') {
    problems.push({ where: at('/manifestVersion'), message: 'is required, like "1.22"' });
  } else {
    validate = validatorFor(version);
    if (validate === undefined) {
      problems.push({
        where: at('/manifestVersion'),
        message: `is "${version}", which has no schema bundled with @microsoft/app-manifest to check it against`,
      });
    }
    const named = typeof schema === 'string' ? SCHEMA_URL.exec(schema)?.[1] : undefined;
    if (named !== version) {
      problems.push({
        where: at('/$schema'),
        message: `must be ${schemaUrl(version)}, the schema of manifestVersion ${version}`,
      });
    }
  }
  if (validate !== undefined && !validate(manifest)) {
    for (const error of validate.errors ?? []) {
      problems.push({ where: at(error.instancePath), message: schemaMessage(error) });
    }
  }
  problems.push(...teamsRules(manifest));
  return problems;
}

/** The app version Teams takes: MAJOR.MINOR.PATCH, whole numbers, nothing after. */
export const APP_VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** What Teams refuses on upload although the schema allows it. */
function teamsRules(manifest: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const version = manifest.version;
  if (typeof version === 'string' && !APP_VERSION.test(version)) {
    problems.push({
      where: at('/version'),
      message: `is "${version}": Teams needs MAJOR.MINOR.PATCH, three whole numbers like 1.4.0, with no pre-release or build part`,
    });
  }
  const developer = isRecord(manifest.developer) ? manifest.developer : {};
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    const url = developer[key];
    if (typeof url === 'string' && !/^https:\/\//i.test(url)) {
      problems.push({
        where: at(`/developer/${key}`),
        message: `is "${url}": it must be an https address`,
      });
    }
  }
  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  bots.forEach((bot, index) => {
    if (!isRecord(bot)) return;
    const scopes = Array.isArray(bot.scopes) ? bot.scopes : [];
    const lists = Array.isArray(bot.commandLists) ? bot.commandLists : [];
    const listed = new Set<unknown>();
    lists.forEach((list, listIndex) => {
      if (!isRecord(list)) return;
      const path = `/bots/${index}/commandLists/${listIndex}`;
      for (const scope of Array.isArray(list.scopes) ? list.scopes : []) {
        if (!scopes.includes(scope)) {
          problems.push({
            where: at(`${path}/scopes`),
            message: `names ${JSON.stringify(scope)}, which is not one of the bot's scopes`,
          });
        }
        if (listed.has(scope)) {
          problems.push({
            where: at(`${path}/scopes`),
            message: `names ${JSON.stringify(scope)}, which an earlier command list already has`,
          });
        }
        listed.add(scope);
      }
      const titles = (Array.isArray(list.commands) ? list.commands : []).map((command) =>
        isRecord(command) ? command.title : undefined,
      );
      const repeated = titles.filter((title, i) => titles.indexOf(title) !== i);
      for (const title of new Set(repeated)) {
        problems.push({
          where: at(`${path}/commands`),
          message: `lists the command ${JSON.stringify(title)} more than once`,
        });
      }
    });
  });
  return problems;
}

/** The icon sizes Teams asks for. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const hex = (r: number, g: number, b: number) =>
  `#${[r, g, b]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

/**
 * Checks the icons: PNG files of the right size; the outline one transparent, with white its
 * only colour (any opacity, for smooth edges) and something drawn.
 */
export function checkIcons(
  icons: Partial<Record<'color' | 'outline', Uint8Array>>,
  names: { color: string; outline: string } = { color: 'color.png', outline: 'outline.png' },
): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const bytes = icons[kind];
    if (bytes === undefined) continue;
    const where = `${names[kind]} (${kind} icon)`;
    const size = ICON_SIZES[kind];
    const image = readPng(bytes);
    if (typeof image === 'string') {
      problems.push({ where, message: image });
      continue;
    }
    if (image.width !== size || image.height !== size) {
      problems.push({
        where,
        message: `is ${image.width}x${image.height} pixels: it must be ${size}x${size}`,
      });
    }
    if (kind === 'outline') problems.push(...outlineRules(image, where));
  }
  return problems;
}

/** An icon read as 8-bit RGBA, and whether the file can hold transparency at all. */
interface IconImage {
  width: number;
  height: number;
  rgba: Uint8Array;
  hasAlpha: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The icon's pixels, or what is wrong with the file in plain words. */
function readPng(bytes: Uint8Array): IconImage | string {
  const data = Buffer.from(bytes);
  if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return 'is not a PNG file (the PNG signature is missing)';
  }
  try {
    const png = PNG.sync.read(data);
    const rgba = new Uint8Array(png.data);
    // An alpha channel, or (read into alpha by pngjs) a transparent colour or palette entry.
    const translucent = rgba.some((value, index) => index % 4 === 3 && value < 255);
    return { width: png.width, height: png.height, rgba, hasAlpha: png.alpha || translucent };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `is a damaged PNG that cannot be read (${reason}): save it again from an image editor`;
  }
}

function outlineRules(image: IconImage, where: string): Problem[] {
  if (!image.hasAlpha) {
    return [
      {
        where,
        message:
          'has no transparency: save it as a PNG with an alpha channel, white on transparent',
      },
    ];
  }
  const problems: Problem[] = [];
  let transparent = 0;
  let drawn = 0;
  let notWhite = 0;
  let first = '';
  for (let i = 0; i < image.rgba.length; i += 4) {
    const [r = 0, g = 0, b = 0, a = 0] = image.rgba.subarray(i, i + 4);
    if (a === 0) {
      transparent++;
      continue;
    }
    drawn++;
    if (r !== 255 || g !== 255 || b !== 255) {
      if (notWhite === 0) {
        const pixel = i / 4;
        first = ` (the first at x ${pixel % image.width}, y ${Math.floor(pixel / image.width)} is ${hex(r, g, b)})`;
      }
      notWhite++;
    }
  }
  if (transparent === 0) {
    problems.push({
      where,
      message: 'has no transparent pixels: its background must be transparent',
    });
  }
  if (drawn === 0) problems.push({ where, message: 'is empty: every pixel is transparent' });
  if (notWhite > 0) {
    problems.push({
      where,
      message: `has ${notWhite} ${notWhite === 1 ? 'pixel that is' : 'pixels that are'} not white${first}: an outline icon is white on transparent only`,
    });
  }
  return problems;
}

/** What a package holds once checked: its manifest, when it could be read. */
export interface PackageCheck {
  problems: Problem[];
  manifest?: Record<string, unknown>;
}

/**
 * Checks an app package (zip bytes) as Teams will read it: manifest.json at the root, the
 * manifest (checkManifest), and the icons it names, present at those paths (checkIcons).
 */
export async function checkPackage(zipBytes: Uint8Array): Promise<PackageCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch (error) {
    return {
      problems: [
        { where: 'app package', message: `is not a zip file: ${(error as Error).message}` },
      ],
    };
  }
  const file = zip.file('manifest.json');
  if (file === null) {
    const nested = Object.keys(zip.files).find((name) => name.endsWith('/manifest.json'));
    return {
      problems: [
        {
          where: 'app package',
          message:
            nested === undefined
              ? 'has no manifest.json'
              : `has manifest.json in a folder (${nested}): Teams needs it at the zip's root`,
        },
      ],
    };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse((await file.async('string')).replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      problems: [
        { where: 'manifest.json', message: `is not valid JSON: ${(error as Error).message}` },
      ],
    };
  }
  const problems = checkManifest(manifest);
  if (!isRecord(manifest)) return { problems };
  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  const found: Partial<Record<'color' | 'outline', Uint8Array>> = {};
  const names = { color: 'color.png', outline: 'outline.png' };
  for (const kind of ['color', 'outline'] as const) {
    const path = icons[kind];
    if (typeof path !== 'string') continue;
    names[kind] = path;
    const entry = zip.file(path);
    if (entry === null) {
      problems.push({
        where: at(`/icons/${kind}`),
        message: `names ${path}, which is not in the package`,
      });
    } else {
      found[kind] = await entry.async('uint8array');
    }
  }
  problems.push(...checkIcons(found, names));
  return { problems, manifest };
}
