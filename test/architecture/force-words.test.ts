import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forceWordsIn } from '../support/force-words.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACK_FOLDER = join(ROOT, 'core', 'policy', 'cumbria');

/**
 * The built-in pack's folder holds its words; tests and Markdown describe that pack and its
 * source, which is their job. Everything else must serve any force.
 */
const exempt = (path: string) =>
  path.startsWith('core/policy/cumbria/') || path.startsWith('test/') || path.endsWith('.md');

const BINARY = /\.(png|jpe?g|gif|ico|zip|woff2?)$/;

/** Tracked files, so that a file a maintainer adds anywhere is checked without listing it. */
function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '' && !exempt(path) && !BINARY.test(path));
}

const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g;

/**
 * A module specifier that imports the pack folder names it, and may: that is how the built-in
 * pack is reached. Only the specifier is blanked; the rest of the line is still read.
 */
function withoutPackImports(file: string, text: string): string {
  return text.replace(IMPORT, (whole, keyword: string, quote: string, specifier: string) => {
    const target = resolve(dirname(join(ROOT, file)), specifier);
    const intoPack = target === PACK_FOLDER || !relative(PACK_FOLDER, target).startsWith('..');
    return intoPack ? `${keyword}${quote}${' '.repeat(specifier.length)}${quote}` : whole;
  });
}

/** Each leak as `file:line: "word"`, with the line, for the failure message. */
function leaks(file: string, text: string): string[] {
  return forceWordsIn(withoutPackImports(file, text)).map(
    (hit) => `${file}:${hit.line}: "${hit.word}" in ${hit.text}`,
  );
}

describe('no force-specific words outside the policy pack', () => {
  const files = trackedFiles();

  it('finds the files to check in every part of the product', () => {
    for (const dir of [
      'bot/',
      'cards/',
      'core/',
      'cli/',
      'manifest/',
      'bench/',
      'deploy/',
      '.ci/',
    ]) {
      assert.ok(
        files.some((f) => f.startsWith(dir)),
        `no tracked file under ${dir}`,
      );
    }
    assert.ok(files.includes('package.json'));
    assert.ok(!files.some((f) => f.startsWith('core/policy/cumbria/')));
  });

  it('has a scanner that names the file, the line and the word', () => {
    const sample = [
      "import { builtInPack } from '../core/policy/cumbria/index.js';",
      '// Asked only of a competitive award (§4.4(b)).',
      'const pack = cumbriaPack;',
      "if (regime?.id === 'pa-2023') return 'Fig 2';",
      "const label = 'Contributes to the OPCC priorities';",
      "const monitor = items.find((item) => item.id === 'MSS-2');",
      "const ok = 'App 10, MSSQL, config 1 and a configured figure';",
    ].join('\n');
    assert.deepEqual(leaks('bot/example.ts', sample), [
      'bot/example.ts:2: "§" in // Asked only of a competitive award (§4.4(b)).',
      'bot/example.ts:3: "Cumbria" in const pack = cumbriaPack;',
      "bot/example.ts:4: \"Fig 2\" in if (regime?.id === 'pa-2023') return 'Fig 2';",
      "bot/example.ts:4: \"pa-2023\" in if (regime?.id === 'pa-2023') return 'Fig 2';",
      'bot/example.ts:5: "OPCC" in const label = \'Contributes to the OPCC priorities\';',
      'bot/example.ts:6: "MSS-" in const monitor = items.find((item) => item.id === \'MSS-2\');',
      'bot/example.ts:6: "MSS" in const monitor = items.find((item) => item.id === \'MSS-2\');',
      'bot/example.ts:6: "MSS-2" in const monitor = items.find((item) => item.id === \'MSS-2\');',
    ]);
  });

  it('exempts only a specifier that imports the pack folder, not one that leaves it', () => {
    assert.deepEqual(leaks('cli/x.ts', "import { x } from '../core/policy/cumbria/index.js';"), []);
    assert.equal(leaks('cli/x.ts', "import { x } from '../cumbria-words.js';").length, 1);
    assert.equal(leaks('cli/x.ts', "const where = '../core/policy/cumbria/index.js';").length, 1);
  });

  it('finds none in any tracked file', () => {
    const found = files.flatMap((file) => leaks(file, readFileSync(join(ROOT, file), 'utf8')));
    assert.deepEqual(
      found,
      [],
      `force-specific words outside core/policy/cumbria/:\n${found.join('\n')}`,
    );
  });
});
