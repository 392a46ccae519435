import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInPack, loadPack, type PolicyPack } from '../../core/policy/index.js';
import { runCli } from './run-cli.js';

const packCli = (...args: string[]) => runCli('cli/pack.ts', ...args);

/** The problem lines a failed check prints: "  path message". */
const problemLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.startsWith('  '));

describe('pack command line', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sv-pack-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exports the built-in pack as JSON that passes check and loads back equal', async () => {
    const file = join(dir, 'my-force.json');
    const exported = await packCli('export', '--out', file);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /Edit it, then: npm run pack -- check /);
    const text = await readFile(file, 'utf8');
    assert.deepEqual(answer(loadPack(JSON.parse(text))), builtInPack);
    // Pretty, with the identity first, and the same bytes on stdout as in the file.
    assert.match(text, /^\{\n {2}"id": "cumbria-opcc-social-value",\n {2}"name": /);
    assert.equal((await packCli('export')).stdout, text);

    const checked = await packCli('check', file);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(
      checked.stdout,
      `${file} is a valid pack: ${builtInPack.name}, version ${builtInPack.version}\n`,
    );
  });

  it("passes another force's hand-written pack, with its own citations and stages", async () => {
    const file = 'test/fixtures/packs/northmoor.json';
    const checked = await packCli('check', file);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(
      checked.stdout,
      /is a valid pack: Northmoor Police Responsible Procurement Policy/,
    );
  });

  it('fails a citation reading with a placeholder it does not know', async () => {
    const file = join(dir, 'readings.json');
    const pack = structuredClone(builtInPack) as PolicyPack;
    pack.citationReadings = [{ startsWith: '§', reads: '{paragraph} of the policy' }];
    await writeFile(file, JSON.stringify(pack), 'utf8');
    const checked = await packCli('check', file);
    assert.equal(checked.code, 1);
    assert.deepEqual(problemLines(checked.stderr), [
      '  citationReadings.0.reads may hold {ref} and {rest}, and no other braces',
    ]);
  });

  it('will not write over a file already there unless told to', async () => {
    const file = join(dir, 'edited.json');
    await writeFile(file, '{"edited": true}', 'utf8');
    const refused = await packCli('export', '--out', file);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /already exists: choose another name, or add --force/);
    assert.equal(await readFile(file, 'utf8'), '{"edited": true}');
    assert.equal((await packCli('export', '--out', file, '--force')).code, 0);
    assert.equal((await packCli('check', file)).code, 0);
  });

  it('fails a broken copy, listing each problem by its field path', async () => {
    const broken = structuredClone(builtInPack) as PolicyPack;
    const row = broken.regulated.rows[2];
    const theme = broken.themes[1];
    const source = broken.sources[0];
    assert.ok(row && theme && source);
    row.goodsAndServices = -207_720; // a negative threshold
    theme.citation = '§9.9'; // a citation that does not resolve
    source.url = 'https://www.legislation.gov.uk/'; // a site's home page
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken, null, 2), 'utf8');

    const out = await packCli('check', file);
    assert.equal(out.code, 1);
    assert.equal(out.stdout, '');
    assert.ok(out.stderr.startsWith(`${file} is not a valid pack: 3 problems`), out.stderr);
    assert.deepEqual(problemLines(out.stderr), [
      '  regulated.rows.2.goodsAndServices must not be negative',
      '  themes.1.citation cites "§9.9", which is neither a paragraph of the policy nor a listed source',
      '  sources.0.url must link to the document itself, not a collection or a home page',
    ]);
  });

  it('fails a misspelt field rather than quietly ignoring it', async () => {
    const file = join(dir, 'misspelt.json');
    await writeFile(file, JSON.stringify({ ...builtInPack, reviewdue: '2027-04-01' }), 'utf8');
    const out = await packCli('check', file);
    assert.equal(out.code, 1);
    assert.deepEqual(problemLines(out.stderr), [
      '  reviewdue is not a known field; check its spelling',
    ]);
  });

  it('fails a file that is not JSON as a pack problem, saying so', async () => {
    const file = join(dir, 'half.json');
    await writeFile(file, '{"id": "my-force", ', 'utf8');
    const out = await packCli('check', file);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /^ {2}\(file\) is not valid JSON/m);
  });

  it('answers a missing file with exit 2 and a plain message naming it', async () => {
    const file = join(dir, 'no-such-pack.json');
    const out = await packCli('check', file);
    assert.equal(out.code, 2);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, `${file} cannot be read: there is no such file; check the path\n`);
  });

  it('answers a usage mistake with exit 2 and the usage', async () => {
    for (const args of [[], ['check'], ['verify', 'x.json'], ['export', '--to', 'x.json']]) {
      const out = await packCli(...args);
      assert.equal(out.code, 2, args.join(' '));
      assert.match(out.stderr, /usage: npm run pack -- check FILE/, args.join(' '));
    }
  });
});

function answer<T>(result: { ok: true; value: T } | { ok: false; problems: unknown[] }): T {
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}
