/**
 * The project's postinstall: applies the patches in this folder with patch-package. Both
 * patch-package and the patched package (the embedded Cosmos DB server's query engine) are
 * devDependencies, so a production install (`npm ci --omit=dev`) has neither: there this does
 * nothing, rather than fail the install.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const resolves = (name) => {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
};

const patchPackage = resolves('patch-package');
if (!patchPackage || !resolves('@zeit/cosmosdb-query')) {
  process.stdout.write('patches/apply.js: no dev dependencies installed, nothing to patch\n');
} else {
  const result = spawnSync(
    process.execPath,
    [join(dirname(patchPackage), 'index.js'), '--error-on-fail'],
    { cwd: root, stdio: 'inherit' },
  );
  process.exitCode = result.status ?? 1;
}
