import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ManifestUtil, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { COMMANDS } from '../../cards/commands.js';
import { builtInPack } from '../../core/policy/index.js';
import { makeAppPackage, PackageError, zipPackage } from '../../manifest/app-package.js';
import { buildManifest, MANIFEST_VERSION } from '../../manifest/build.js';
import { checkIcons, checkManifest, checkPackage } from '../../manifest/check.js';
import { commandLists, MAX_MENU_COMMANDS, MENUS } from '../../manifest/command-lists.js';
import { drawColorIcon, drawOutlineIcon, pngOf, type RgbaImage } from '../../manifest/icons.js';
import { readPackageSettings } from '../../manifest/settings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BOT_ID = '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901';
const APP_ID = '8f2a6c1e-3b4d-4e5f-a061-7c8d9e0f1a2b';

const GOOD: Record<string, string> = {
  MicrosoftAppId: BOT_ID,
  TEAMS_APP_ID: APP_ID,
  TEAMS_APP_DEVELOPER_NAME: 'Cumbria OPCC',
  TEAMS_APP_WEBSITE_URL: 'https://www.cumbria-pcc.gov.uk/',
  TEAMS_APP_PRIVACY_URL: 'https://www.cumbria-pcc.gov.uk/privacy',
  TEAMS_APP_TERMS_URL: 'https://www.cumbria-pcc.gov.uk/terms',
  BOT_HOST: 'sv-bot.azurewebsites.net',
  SSO_APP_ID: '5d6e7f80-91a2-4b3c-8d4e-5f60718293a4',
};

/** The schema @microsoft/app-manifest bundles for a manifest version, read from disk. */
async function bundledSchema(version: string): Promise<object> {
  const root = dirname(
    createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'),
  );
  const file = join(
    root,
    'build',
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(await readFile(file, 'utf8')) as object;
}

/** An icon's pixels as 8-bit RGBA, read with pngjs as any image tool would. */
function decodeRgba8(bytes: Uint8Array): RgbaImage {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
}

/** An image saved as another editor might: grey with alpha (4) or RGB with no alpha (2). */
function savedAs(image: RgbaImage, colorType: 2 | 4): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.rgba);
  return PNG.sync.write(png, { colorType, inputHasAlpha: true });
}

async function unzip(zip: Uint8Array): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(zip);
  const files = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(archive.files)) {
    files.set(name, await entry.async('nodebuffer'));
  }
  return files;
}

/** Packaging's refusal, or a failed assertion when it did not refuse. */
async function refusal(
  env: Record<string, string | undefined>,
  root = ROOT,
): Promise<PackageError> {
  try {
    await makeAppPackage(env, root);
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  assert.fail('packaging should have been refused');
}

const problemAt = (error: PackageError, where: string) =>
  error.problems.find((problem) => problem.where === where);

describe('Teams app package', () => {
  describe("with a force's own pack (POLICY_PACK_FILE)", () => {
    it("names that force's policy and tiers in the store's descriptions, and no other force's", async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sv-pack-'));
      try {
        const other = structuredClone(builtInPack) as { name: string };
        other.name = 'Northshire Police Social Value Policy';
        const file = join(dir, 'northshire.json');
        await writeFile(file, JSON.stringify(other));
        const { manifest } = await makeAppPackage({ ...GOOD, POLICY_PACK_FILE: file }, ROOT);
        const text = JSON.stringify(manifest.description);
        assert.match(text, /apply the Northshire Police Social Value Policy from/);
        assert.doesNotMatch(text, /Cumbria/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('refuses a bad or missing pack file, naming each problem, and writes nothing', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sv-pack-'));
      try {
        const bad = join(dir, 'bad.json');
        await writeFile(bad, JSON.stringify({ ...builtInPack, name: '' }));
        const refused = await refusal({ ...GOOD, POLICY_PACK_FILE: bad });
        assert.match(problemAt(refused, 'POLICY_PACK_FILE')?.message ?? '', /bad\.json: name /);
        const missing = await refusal({ ...GOOD, POLICY_PACK_FILE: join(dir, 'none.json') });
        assert.match(problemAt(missing, 'POLICY_PACK_FILE')?.message ?? '', /cannot be read/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('with good settings', () => {
    let zip: Buffer;
    let files: Map<string, Buffer>;
    let manifest: TeamsManifest & { manifestVersion: typeof MANIFEST_VERSION };

    before(async () => {
      zip = (await makeAppPackage(GOOD, ROOT)).zip;
      files = await unzip(zip);
      manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
    });

    it('holds manifest.json and both icons at the root of the zip, and nothing else', () => {
      assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    });

    it('has a manifest that validates against the bundled schema of the version it names', async () => {
      assert.equal(manifest.manifestVersion, MANIFEST_VERSION);
      assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 22, 'manifest 1.22 or later');
      assert.equal(
        manifest.$schema,
        `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
      );
      const schema = await bundledSchema(manifest.manifestVersion);
      // The package's own validator, given the bundled schema: no download.
      const errors = await ManifestUtil.validateManifestAgainstSchema(
        manifest,
        schema as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1],
      );
      assert.deepEqual(errors, []);
      assert.deepEqual(checkManifest(manifest), []);
    });

    it('names the bot and the app by the ids given, at the version in package.json', async () => {
      const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
        version: string;
      };
      assert.equal(manifest.id, APP_ID);
      assert.equal(manifest.version, pkg.version);
      assert.equal(manifest.bots?.length, 1);
      const bot = manifest.bots?.[0];
      assert.equal(bot?.botId, BOT_ID);
      assert.deepEqual(bot?.scopes, ['personal', 'team', 'groupChat']);
      assert.equal(bot?.supportsFiles, false);
      assert.equal(bot?.isNotificationOnly, false);
    });

    it("has the Dashboard tab on the bot's own host, signed in through the SSO app", () => {
      assert.deepEqual(manifest.staticTabs, [
        {
          entityId: 'dashboard',
          name: 'Dashboard',
          contentUrl: 'https://sv-bot.azurewebsites.net/dashboard',
          scopes: ['personal'],
        },
      ]);
      assert.deepEqual(manifest.webApplicationInfo, {
        id: GOOD.SSO_APP_ID,
        resource: `api://sv-bot.azurewebsites.net/${GOOD.SSO_APP_ID}`,
      });
      assert.deepEqual(manifest.validDomains, ['sv-bot.azurewebsites.net']);
    });

    it('refuses a bot host written as an address, or a placeholder', async () => {
      const address = await refusal({ ...GOOD, BOT_HOST: 'https://sv-bot.azurewebsites.net/' });
      assert.match(problemAt(address, 'BOT_HOST')?.message ?? '', /host name alone/);
      const placeholder = await refusal({ ...GOOD, BOT_HOST: 'bot.example.com' });
      assert.match(problemAt(placeholder, 'BOT_HOST')?.message ?? '', /placeholder/);
    });

    it('uses the default names and the policy in its description', () => {
      assert.deepEqual(manifest.name, {
        short: 'Social Value',
        full: 'Social value commissioning assistant',
      });
      assert.match(manifest.description.short, /social value policy/);
      assert.match(manifest.description.full, new RegExp(`apply the ${builtInPack.name} from`));
      assert.match(manifest.description.full, /Gold, Silver, Bronze or No Award/);
      assert.deepEqual(manifest.developer, {
        name: 'Cumbria OPCC',
        websiteUrl: GOOD.TEAMS_APP_WEBSITE_URL,
        privacyUrl: GOOD.TEAMS_APP_PRIVACY_URL,
        termsOfUseUrl: GOOD.TEAMS_APP_TERMS_URL,
      });
    });

    it('has command lists made from COMMANDS, at most ten each, covering every scope once', () => {
      const lists = manifest.bots?.[0]?.commandLists ?? [];
      assert.deepEqual(lists.flatMap((list) => list.scopes).sort(), [
        'groupChat',
        'personal',
        'team',
      ]);
      for (const list of lists) {
        const menu = MENUS.find((m) => m.scopes.join() === list.scopes.join());
        assert.ok(menu, `a menu for ${list.scopes.join()}`);
        assert.ok(list.commands.length <= MAX_MENU_COMMANDS);
        const expected = COMMANDS.filter((c) => menu.leftOut[c.name] === undefined).map((c) => ({
          title: c.name,
          description: c.description,
        }));
        assert.deepEqual(list.commands, expected);
        // Every command is either in the menu or left out with a reason.
        for (const command of COMMANDS) {
          const shown = list.commands.some((c) => c.title === command.name);
          assert.notEqual(shown, (menu.leftOut[command.name] ?? '').length > 0, command.name);
        }
      }
      const personal = lists.find((l) => l.scopes.includes('personal'))?.commands ?? [];
      const team = lists.find((l) => l.scopes.includes('team'))?.commands ?? [];
      assert.ok(
        team.some((c) => c.title === 'share'),
        'share is offered in teams and group chats',
      );
      assert.ok(!personal.some((c) => c.title === 'share'), 'but not one to one');
      for (const core of ['new', 'list', 'open', 'help']) {
        assert.ok(personal.some((c) => c.title === core) && team.some((c) => c.title === core));
      }
    });

    it('holds a 192x192 colour icon and a 32x32 outline icon', () => {
      const color = decodeRgba8(files.get('color.png') ?? Buffer.alloc(0));
      const outline = decodeRgba8(files.get('outline.png') ?? Buffer.alloc(0));
      assert.deepEqual([color.width, color.height], [192, 192]);
      assert.deepEqual([outline.width, outline.height], [32, 32]);
      // Full colour: opaque, and more than one colour.
      const colours = new Set<string>();
      for (let i = 0; i < color.rgba.length; i += 4) {
        assert.equal(color.rgba[i + 3], 255);
        colours.add(color.rgba.subarray(i, i + 3).join());
      }
      assert.ok(colours.size > 2);
    });

    it('has an outline icon that really is white on transparent', () => {
      const outline = decodeRgba8(files.get('outline.png') ?? Buffer.alloc(0));
      let transparent = 0;
      let drawn = 0;
      for (let i = 0; i < outline.rgba.length; i += 4) {
        const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
        if (a === 0) {
          transparent++;
          continue;
        }
        drawn++;
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is white`);
      }
      assert.ok(transparent > 32 * 32 * 0.4, 'a transparent background');
      assert.ok(drawn > 50, 'an outline drawn');
      for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) {
        assert.equal(outline.rgba[corner * 4 + 3], 0, `corner pixel ${corner} is transparent`);
      }
    });

    it('gives the same bytes for the same settings', async () => {
      assert.ok(zip.equals((await makeAppPackage(GOOD, ROOT)).zip));
    });
  });

  describe('refuses to package', () => {
    it('without the bot id, naming MicrosoftAppId', async () => {
      const { MicrosoftAppId: _, ...rest } = GOOD;
      const error = await refusal(rest);
      assert.equal(error.problems.length, 1);
      assert.match(problemAt(error, 'MicrosoftAppId')?.message ?? '', /is required/);
      assert.match(error.message, /MicrosoftAppId is required/);
    });

    it('with a bot id or app id that is not a GUID', async () => {
      const error = await refusal({ ...GOOD, MicrosoftAppId: 'my-bot', TEAMS_APP_ID: '1234' });
      assert.match(problemAt(error, 'MicrosoftAppId')?.message ?? '', /must be a GUID/);
      assert.match(problemAt(error, 'TEAMS_APP_ID')?.message ?? '', /must be a GUID/);
    });

    it('with the all-zero placeholder GUID', async () => {
      const error = await refusal({
        ...GOOD,
        TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
      });
      assert.match(problemAt(error, 'TEAMS_APP_ID')?.message ?? '', /placeholder/);
    });

    it('with an address that is not https, or a placeholder', async () => {
      const error = await refusal({
        ...GOOD,
        TEAMS_APP_PRIVACY_URL: 'http://www.cumbria-pcc.gov.uk/privacy',
        TEAMS_APP_TERMS_URL: 'https://example.com/terms',
        TEAMS_APP_WEBSITE_URL: 'our website',
      });
      assert.match(problemAt(error, 'TEAMS_APP_PRIVACY_URL')?.message ?? '', /https address/);
      assert.match(problemAt(error, 'TEAMS_APP_TERMS_URL')?.message ?? '', /placeholder/);
      assert.match(problemAt(error, 'TEAMS_APP_WEBSITE_URL')?.message ?? '', /web address/);
    });

    it('with no publisher or addresses, listing every missing setting at once', async () => {
      const error = await refusal({});
      assert.deepEqual(error.problems.map((p) => p.where).sort(), [
        'BOT_HOST',
        'MicrosoftAppId',
        'SSO_APP_ID',
        'TEAMS_APP_DEVELOPER_NAME',
        'TEAMS_APP_ID',
        'TEAMS_APP_PRIVACY_URL',
        'TEAMS_APP_TERMS_URL',
        'TEAMS_APP_WEBSITE_URL',
      ]);
    });

    it('with names or a colour Teams would refuse', async () => {
      const error = await refusal({
        ...GOOD,
        TEAMS_APP_SHORT_NAME: 'Social value commissioning assistant',
        TEAMS_APP_ACCENT_COLOR: 'navy',
      });
      assert.match(problemAt(error, 'TEAMS_APP_SHORT_NAME')?.message ?? '', /at most 30/);
      assert.match(problemAt(error, 'TEAMS_APP_ACCENT_COLOR')?.message ?? '', /#1F4E79/);
    });

    it('treats a blank setting as unset: the default, or required', () => {
      const read = readPackageSettings({ ...GOOD, TEAMS_APP_SHORT_NAME: ' ', MicrosoftAppId: '' });
      assert.equal(read.ok, false);
      assert.deepEqual(read.ok ? [] : read.problems.map((p) => p.where), ['MicrosoftAppId']);
    });

    describe('from another project folder', () => {
      let root: string;
      beforeEach(async () => {
        root = await mkdtemp(join(tmpdir(), 'teams-package-'));
        await mkdir(join(root, 'manifest'));
        await copyFile(join(ROOT, 'manifest/color.png'), join(root, 'manifest/color.png'));
        await copyFile(join(ROOT, 'manifest/outline.png'), join(root, 'manifest/outline.png'));
      });
      afterEach(async () => rm(root, { recursive: true, force: true }));

      it('with a package.json version Teams cannot take', async () => {
        await writeFile(join(root, 'package.json'), JSON.stringify({ version: '1.0.0-beta.1' }));
        const error = await refusal(GOOD, root);
        assert.match(
          problemAt(error, 'package.json version')?.message ?? '',
          /"1\.0\.0-beta\.1".*MAJOR\.MINOR\.PATCH/,
        );
      });

      it('with icons of the wrong size or an outline that is not white on transparent', async () => {
        await writeFile(join(root, 'package.json'), JSON.stringify({ version: '1.0.0' }));
        const error = await refusal(
          {
            ...GOOD,
            TEAMS_APP_COLOR_ICON: 'manifest/outline.png',
            TEAMS_APP_OUTLINE_ICON: 'manifest/color.png',
          },
          root,
        );
        const messages = error.problems.map((p) => `${p.where} ${p.message}`);
        assert.ok(
          messages.includes(
            'manifest/outline.png (color icon) is 32x32 pixels: it must be 192x192',
          ),
        );
        assert.ok(
          messages.includes(
            'manifest/color.png (outline icon) is 192x192 pixels: it must be 32x32',
          ),
        );
        assert.ok(messages.some((m) => /outline icon\) has no transparent pixels/.test(m)));
        assert.ok(messages.some((m) => /outline icon\) has \d+ pixels that are not white/.test(m)));
      });

      it('with an icon file that is missing, naming its setting', async () => {
        await writeFile(join(root, 'package.json'), JSON.stringify({ version: '1.0.0' }));
        const error = await refusal(
          { ...GOOD, TEAMS_APP_OUTLINE_ICON: 'branding/outline.png' },
          root,
        );
        assert.match(
          problemAt(error, 'TEAMS_APP_OUTLINE_ICON')?.message ?? '',
          /branding\/outline\.png.*no such file/,
        );
      });
    });
  });

  describe('checking a manifest', () => {
    /** A manifest as plain JSON, to break on purpose. */
    type Loose = Record<string, unknown> & {
      name: { short: string };
      developer: Record<string, unknown>;
      bots: { scopes: string[]; commandLists: { scopes: string[]; commands: unknown[] }[] }[];
    };
    const good = () => {
      const read = readPackageSettings(GOOD);
      assert.ok(read.ok);
      return JSON.parse(
        JSON.stringify(buildManifest(read.settings, '1.2.3', builtInPack)),
      ) as Loose;
    };
    const wheres = (manifest: unknown) => checkManifest(manifest).map((p) => p.where);

    it('passes the built manifest', () => {
      assert.deepEqual(checkManifest(good()), []);
    });

    it('reports what breaks the schema, by its path', () => {
      const manifest = good();
      manifest.accentColor = 'blue';
      manifest.name.short = 'x'.repeat(31);
      manifest.colour = '#FFFFFF';
      manifest.id = 'not-a-guid';
      const problems = checkManifest(manifest);
      const text = problems.map((p) => `${p.where} ${p.message}`);
      assert.ok(text.some((t) => t.startsWith('manifest.json /accentColor must match pattern')));
      assert.ok(text.includes('manifest.json /name/short must NOT have more than 30 characters'));
      assert.ok(
        text.some((t) =>
          /^manifest\.json \(whole file\) .*additional properties: "colour"/.test(t),
        ),
      );
      assert.ok(text.some((t) => t.startsWith('manifest.json /id must match pattern')));
    });

    it('reports more than ten commands in a list', () => {
      const manifest = good();
      const list = manifest.bots[0]?.commandLists[0];
      assert.ok(list);
      list.commands = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: 'd' }));
      assert.ok(wheres(manifest).includes('manifest.json /bots/0/commandLists/0/commands'));
    });

    it('reports a version that is not MAJOR.MINOR.PATCH, which the schema lets through', () => {
      for (const version of ['1.0', '1.0.0-beta.1', 'v1.0.0']) {
        const manifest = { ...good(), version };
        const problems = checkManifest(manifest);
        assert.equal(problems.length, 1, version);
        assert.equal(problems[0]?.where, 'manifest.json /version');
        assert.match(problems[0]?.message ?? '', /MAJOR\.MINOR\.PATCH/);
      }
    });

    it('reports a $schema that does not match manifestVersion, or a version with no bundled schema', () => {
      const mismatched = {
        ...good(),
        $schema:
          'https://developer.microsoft.com/json-schemas/teams/v1.21/MicrosoftTeams.schema.json',
      };
      assert.match(
        checkManifest(mismatched)[0]?.message ?? '',
        /must be https:.*v1\.22.*manifestVersion 1\.22/,
      );
      const unknown = {
        ...good(),
        manifestVersion: '9.99',
        $schema:
          'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
      };
      assert.match(
        checkManifest(unknown)[0]?.message ?? '',
        /"9\.99", which has no schema bundled/,
      );
    });

    it('reports http addresses, which the schema lets through', () => {
      const manifest = good();
      manifest.developer.privacyUrl = 'http://x.police.uk/p';
      assert.deepEqual(wheres(manifest), ['manifest.json /developer/privacyUrl']);
    });

    it('reports a command list for a scope the bot does not have, or a scope listed twice', () => {
      const manifest = good();
      const bot = manifest.bots[0];
      assert.ok(bot);
      bot.scopes = ['personal', 'team'];
      const problems = checkManifest(manifest).map((p) => p.message);
      assert.ok(problems.some((m) => /"groupChat", which is not one of the bot's scopes/.test(m)));
      const twice = good();
      const second = twice.bots[0]?.commandLists[1];
      assert.ok(second);
      second.scopes = ['team', 'personal'];
      assert.ok(
        checkManifest(twice).some((p) =>
          /"personal", which an earlier command list/.test(p.message),
        ),
      );
    });
  });

  describe('checking a package', () => {
    const icons = async () => ({
      color: await readFile(join(ROOT, 'manifest/color.png')),
      outline: await readFile(join(ROOT, 'manifest/outline.png')),
    });
    const manifest = () => {
      const read = readPackageSettings(GOOD);
      assert.ok(read.ok);
      return buildManifest(read.settings, '1.0.0', builtInPack);
    };

    it('reports a manifest.json in a folder instead of at the root', async () => {
      const zip = new JSZip();
      zip.file('app/manifest.json', JSON.stringify(manifest()));
      const { problems } = await checkPackage(await zip.generateAsync({ type: 'uint8array' }));
      assert.match(problems[0]?.message ?? '', /in a folder \(app\/manifest\.json\)/);
    });

    it('reports an icon the manifest names that is not in the zip', async () => {
      const zip = await JSZip.loadAsync(await zipPackage(manifest(), await icons()));
      zip.remove('outline.png');
      const { problems } = await checkPackage(await zip.generateAsync({ type: 'uint8array' }));
      assert.deepEqual(problems, [
        {
          where: 'manifest.json /icons/outline',
          message: 'names outline.png, which is not in the package',
        },
      ]);
    });

    it('reports something that is not a zip', async () => {
      const { problems } = await checkPackage(Buffer.from('not a zip'));
      assert.match(problems[0]?.message ?? '', /is not a zip file/);
    });
  });

  describe('command lists', () => {
    it('refuse a menu of more than ten commands, asking for a choice', () => {
      assert.ok(
        COMMANDS.length > MAX_MENU_COMMANDS,
        'this test needs more commands than a menu holds',
      );
      assert.throws(
        () => commandLists([{ scopes: ['personal'], leftOut: {} }]),
        new RegExp(`would list ${COMMANDS.length} commands; Teams allows 10`),
      );
    });

    it('leave out only commands that exist, each with a reason', () => {
      const names = new Set<string>(COMMANDS.map((c) => c.name));
      for (const menu of MENUS) {
        for (const [name, reason] of Object.entries(menu.leftOut)) {
          assert.ok(names.has(name), name);
          assert.ok((reason ?? '').length > 20, `a reason for leaving out ${name}`);
        }
      }
    });
  });

  describe('icons', () => {
    it('are the committed PNGs, as make-icons.ts draws them', async () => {
      for (const [file, drawn] of [
        ['color.png', drawColorIcon()],
        ['outline.png', drawOutlineIcon()],
      ] as const) {
        const committed = decodeRgba8(await readFile(join(ROOT, 'manifest', file)));
        assert.deepEqual([committed.width, committed.height], [drawn.width, drawn.height]);
        // Within one level a channel, should another machine's floating point round differently.
        const off = committed.rgba.findIndex((v, i) => Math.abs(v - (drawn.rgba[i] ?? -9)) > 1);
        assert.equal(off, -1, `${file} is as drawn: remake it with npx tsx manifest/make-icons.ts`);
      }
      assert.deepEqual(
        checkIcons({ color: pngOf(drawColorIcon()), outline: pngOf(drawOutlineIcon()) }),
        [],
      );
    });

    it("accepts a force's own outline icon saved as grey with alpha", () => {
      assert.deepEqual(checkIcons({ outline: savedAs(drawOutlineIcon(), 4) }), []);
    });

    it('refuses an outline icon with no alpha channel at all', () => {
      assert.deepEqual(checkIcons({ outline: savedAs(drawOutlineIcon(), 2) }), [
        {
          where: 'outline.png (outline icon)',
          message:
            'has no transparency: save it as a PNG with an alpha channel, white on transparent',
        },
      ]);
    });

    it('says in plain words that a damaged PNG cannot be read', () => {
      const damaged = pngOf(drawOutlineIcon());
      // A byte of the header's checksum changed, as a broken download leaves it.
      damaged[29] = (damaged[29] ?? 0) ^ 0xff;
      const problems = checkIcons({ outline: damaged });
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.where, 'outline.png (outline icon)');
      assert.match(
        problems[0]?.message ?? '',
        /^is a damaged PNG that cannot be read \(.+\): save it again from an image editor$/,
      );
    });

    it('reports an outline icon with a pixel that is not white', () => {
      const outline = drawOutlineIcon();
      const at = (16 * 32 + 5) * 4;
      outline.rgba.set([200, 200, 200, 255], at);
      const problems = checkIcons({ outline: pngOf(outline) });
      assert.deepEqual(problems, [
        {
          where: 'outline.png (outline icon)',
          message:
            'has 1 pixel that is not white (the first at x 5, y 16 is #C8C8C8): an outline icon is white on transparent only',
        },
      ]);
    });

    it('reports a file that is not a PNG', () => {
      assert.deepEqual(checkIcons({ color: Buffer.from('GIF89a') }), [
        {
          where: 'color.png (color icon)',
          message: 'is not a PNG file (the PNG signature is missing)',
        },
      ]);
    });
  });
});

describe('npm run package', function () {
  this.timeout(30_000);
  const run = promisify(execFile);
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'teams-cli-'));
  });
  after(async () => rm(folder, { recursive: true, force: true }));

  /** The command line with only these settings: nothing leaks in from the caller's environment. */
  async function cli(args: string[], env: Record<string, string>) {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'manifest/package.ts', ...args],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', INIT_CWD: folder, ...env } },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  it('writes the package from an env file and says what went into it', async () => {
    const envFile = join(folder, 'teams.env');
    await writeFile(
      envFile,
      Object.entries(GOOD)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n'),
    );
    const out = await cli(['--env', 'teams.env', '--out', 'app.zip'], {
      TEAMS_APP_SHORT_NAME: 'SV Assistant',
    });
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^Wrote app\.zip/);
    assert.match(out.stdout, new RegExp(`bot id ${BOT_ID}`));
    assert.match(out.stdout, /TEAMS_APP_SHORT_NAME from environment/);
    const { manifest } = await checkPackage(await readFile(join(folder, 'app.zip')));
    assert.deepEqual(manifest?.name, {
      short: 'SV Assistant',
      full: 'Social value commissioning assistant',
    });
  });

  it('exits 1 listing every problem, and writes nothing', async () => {
    const out = await cli(['--out', 'bad.zip'], {
      TEAMS_APP_ID: 'x',
      TEAMS_APP_TERMS_URL: 'http://a.b',
    });
    assert.equal(out.code, 1);
    assert.match(out.stderr, /^The Teams app package was not made: fix these problems\./);
    for (const setting of [
      'MicrosoftAppId is required',
      'TEAMS_APP_ID must be a GUID',
      'TEAMS_APP_TERMS_URL must be an https address',
    ]) {
      assert.ok(out.stderr.includes(setting), setting);
    }
    await assert.rejects(readFile(join(folder, 'bad.zip')), { code: 'ENOENT' });
  });
});
