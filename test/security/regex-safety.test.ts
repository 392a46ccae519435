import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { checkSync } from 'recheck';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Every folder whose code can see text a person typed or a client sent. */
const SOURCE_DIRS = ['bot', 'cards', 'core', 'cli', 'manifest'];

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'out' ? [] : sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

const isNode = (value: unknown): value is { type: string; [key: string]: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { type?: unknown }).type === 'string';

/**
 * Every regular expression in a file: literals, and `new RegExp(...)`/`RegExp(...)`. A
 * RegExp built from anything but string literals is reported with source `null`, since
 * it cannot be checked before it runs.
 */
function regexesIn(
  file: string,
  text: string,
): Array<FoundRegex | { where: string; source: null }> {
  const ast = parse(text, { sourceType: 'module', plugins: ['typescript'] });
  const found: Array<FoundRegex | { where: string; source: null }> = [];
  const where = (node: { [key: string]: unknown }) => {
    const line = (node.loc as { start?: { line?: number } } | undefined)?.start?.line;
    return `${relative(ROOT, file)}:${line ?? '?'}`;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'RegExpLiteral') {
      found.push({ where: where(node), source: String(node.pattern), flags: String(node.flags) });
    }
    if (
      (node.type === 'NewExpression' || node.type === 'CallExpression') &&
      isNode(node.callee) &&
      node.callee.type === 'Identifier' &&
      node.callee.name === 'RegExp'
    ) {
      const [pattern, flags] = (node.arguments as unknown[]) ?? [];
      const literal = (arg: unknown) =>
        isNode(arg) && arg.type === 'StringLiteral' ? String(arg.value) : undefined;
      const source = literal(pattern);
      found.push(
        source === undefined
          ? { where: where(node), source: null }
          : {
              where: where(node),
              source,
              flags: flags === undefined ? '' : (literal(flags) ?? ''),
            },
      );
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'loc' && key !== 'start' && key !== 'end') visit(child);
    }
  };
  visit(ast.program);
  return found;
}

/** What the ReDoS checker says of one expression: 'safe', or why not. */
function verdict(source: string, flags: string): string {
  const result = checkSync(source, flags, { timeout: 10_000 });
  if (result.status === 'safe') return 'safe';
  if (result.status === 'vulnerable') {
    return `vulnerable (${result.complexity.type}), attack ${JSON.stringify(result.attack.pattern)}`;
  }
  return `unknown (${result.error.kind})`;
}

describe('regular expressions run on what people send', function () {
  this.timeout(120_000);
  const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const found = files.flatMap((file) => regexesIn(file, readFileSync(file, 'utf8')));

  it('finds the expressions to check', () => {
    assert.ok(files.length >= 50, `only ${files.length} files`);
    assert.ok(
      found.some((f) => f.where.startsWith(join('core', 'common', 'money.ts'))),
      'the money reader is among them',
    );
  });

  it('has a checker that tells a catastrophic expression from a linear one', () => {
    // The command parser's old tag stripper: quadratic on a long run of "<".
    assert.match(verdict('<[^>]+>', 'g'), /^vulnerable/);
    assert.match(verdict('^(a+)+$', ''), /^vulnerable \(exponential\)/);
    assert.equal(verdict('<[^<>]*>', 'g'), 'safe');
    const sample = regexesIn(
      join(ROOT, 'bot', 'example.ts'),
      "const a = /x+y/g; const b = new RegExp('^z$', 'i'); const c = new RegExp(text);",
    );
    assert.deepEqual(
      sample.map((f) => f.source),
      ['x+y', '^z$', null],
    );
  });

  it('builds no expression from run-time text, which could not be checked', () => {
    assert.deepEqual(
      found.filter((f) => f.source === null).map((f) => f.where),
      [],
    );
  });

  it('holds no expression the ReDoS checker finds super-linear', () => {
    const unsafe = found.flatMap((f) => {
      if (f.source === null) return [];
      const said = verdict(f.source, f.flags);
      return said === 'safe' ? [] : [`${f.where} /${f.source}/${f.flags}: ${said}`];
    });
    assert.deepEqual(unsafe, []);
  });
});
