import { createRequire } from 'node:module';

/**
 * The embedded Cosmos DB server (@vercel/cosmosdb-server) answers a query by compiling it to
 * JavaScript (@zeit/cosmosdb-query) and running it over every stored document. As shipped, the
 * compiled code starts with
 *
 *   $c.reduce(($, c) => typeof c !== "undefined" ? [...$, { c: c }] : $, [])
 *
 * which copies its accumulator once per document: quadratic in the documents stored (4.8 s a
 * query at 20,000). The project carries a patch of the engine (patches/, applied by
 * patch-package on install) that appends in place instead. This tells whether the engine the
 * server loaded is the patched one, so that a benchmark never reports the shipped engine's
 * figures as the project's.
 */
export function embeddedScanIsLinear(): boolean {
  const serverEntry = createRequire(import.meta.url).resolve('@vercel/cosmosdb-server');
  const engine: unknown = createRequire(serverEntry)('@zeit/cosmosdb-query');
  const make = (engine as { default?: unknown }).default;
  if (typeof make !== 'function') throw new Error('the embedded query engine has changed');
  const compiled: unknown = make('SELECT * FROM c WHERE c.x = 1');
  const code = (compiled as { code?: unknown }).code;
  if (typeof code !== 'string') throw new Error('the embedded query engine has changed');
  return !/\[\s*\.\.\.\$\s*,/.test(code);
}
