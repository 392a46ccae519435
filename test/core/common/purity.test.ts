import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CORE = join(ROOT, 'core');

const FORBIDDEN_PACKAGES = [/^botbuilder/, /^restify/, /^@azure\/cosmos/, /^(node:)?fs(\/|$)/];
const FORBIDDEN_DIRS = ['bot', 'cards'].map((dir) => join(ROOT, dir));
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;
const CLOCK = [/\bnew\s+Date\s*\(\s*\)/, /\bDate\s*\.\s*now\s*\(/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|json)$/.test(entry.name) ? [path] : [];
  });
}

/** What in one file would make the core impure: forbidden imports, or reading the clock. */
function impurities(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[2] ?? '';
    if (FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier))) {
      found.push(`imports ${specifier}`);
    }
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      if (FORBIDDEN_DIRS.some((dir) => target === dir || target.startsWith(dir + sep))) {
        found.push(`imports ${specifier} from ${relative(ROOT, target)}`);
      }
    }
  }
  for (const pattern of CLOCK) if (pattern.test(text)) found.push(`reads the clock (${pattern})`);
  return found;
}

describe('core stays pure', () => {
  const files = sourceFiles(CORE);

  it('finds the core sources to check', () => {
    assert.ok(files.length >= 20, `only ${files.length} files under core/`);
    assert.ok(files.some((f) => f.endsWith(join('rules', 'assessment.ts'))));
  });

  it('has a checker that catches each kind of impurity', () => {
    const file = join(CORE, 'rules', 'example.ts');
    const bad = [
      "import { ActivityHandler } from 'botbuilder';",
      "import restify from 'restify';",
      "import { CosmosClient } from '@azure/cosmos';",
      "import { readFile } from 'node:fs/promises';",
      "import * as fs from 'fs';",
      "import { card } from '../../cards/assessment.js';",
      "export { x } from '../../bot/app.js';",
      "const m = await import('../../bot/app.js');",
      'const today = new Date();',
      'const now = Date.now();',
    ];
    for (const line of bad) assert.equal(impurities(file, line).length, 1, line);
    const fine = [
      "import { z } from 'zod';",
      "import type { Reason } from './reason.js';",
      "import { addMonths } from '../common/dates.js';",
      'const d = new Date(Date.UTC(2026, 0, 1));',
      'const e = new Date(0);',
    ];
    for (const line of fine) assert.deepEqual(impurities(file, line), [], line);
  });

  it('imports no bot, cards, storage, web server or file system, and never reads the clock', () => {
    const offences = files.flatMap((file) =>
      impurities(file, readFileSync(file, 'utf8')).map((what) => `${relative(ROOT, file)} ${what}`),
    );
    assert.deepEqual(offences, []);
  });
});
