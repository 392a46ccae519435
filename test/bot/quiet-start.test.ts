import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a script with tsx as the bot runs, and returns what it printed on stderr. */
function stderrOf(script: string): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  assert.equal(result.status, 0, result.stderr);
  return result.stderr;
}

describe('a clean install and start warn of nothing a user cannot fix', function () {
  this.timeout(60_000);

  it('starts the HTTP server without the DEP0111 warning restify’s unused spdy causes', () => {
    const printed = stderrOf("await import('./bot/server.ts');");
    assert.doesNotMatch(printed, /DEP0111|http_parser/);
  });

  it('still prints every other warning, DEP0111 for another binding included', () => {
    const printed = stderrOf(
      "await import('./bot/server.ts'); process.emitWarning(\"Access to process.binding('tcp_wrap') is deprecated.\", 'DeprecationWarning', 'DEP0111');",
    );
    assert.match(printed, /DEP0111.*tcp_wrap/);
  });

  it('installs only packages that declare the Node version it runs on', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
    };
    const declared = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
    ).engines.node;
    // npm warns EBADENGINE when the Node running the install is outside a package's range.
    assert.ok(semver.satisfies(process.version, declared), `the project declares node ${declared}`);
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === '' || range === undefined) return [];
      return semver.satisfies(process.version, range)
        ? []
        : [`${path.replace(/^node_modules\//, '')} wants node ${range}`];
    });
    assert.deepEqual(refusing, []);
  });
});
