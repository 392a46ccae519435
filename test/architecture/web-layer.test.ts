import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** What a file imports of ours, as paths from the project folder. */
const ourImports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((match) => match[2] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(file), specifier)));

describe('the dashboard page stays apart from the bot', () => {
  const web = sourceFiles(join(ROOT, 'web'));

  it('finds the page code', () => {
    assert.ok(web.some((file) => file.endsWith(join('page', 'main.ts'))));
  });

  it('never imports bot/', () => {
    const found = web.flatMap((file) =>
      ourImports(file)
        .filter((target) => target === 'bot' || target.startsWith(`bot${sep}`))
        .map((target) => `${relative(ROOT, file)} imports ${target}`),
    );
    assert.deepEqual(found, []);
  });

  it('gives the browser only the page words and types, no server code', () => {
    const page = web.filter((file) => file.includes(`${sep}page${sep}`));
    // The page's own modules import one another; anything else of ours is listed here.
    const targets = page
      .flatMap(ourImports)
      .filter((target) => !target.startsWith(join('web', 'page', '')));
    assert.deepEqual([...new Set(targets)].sort(), [
      join('cards', 'dashboard', 'page-words.js'),
      join('core', 'dashboard', 'api.js'),
      join('core', 'dashboard', 'table.js'),
    ]);
  });
});
