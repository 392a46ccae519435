import { createRequire } from 'node:module';

/**
 * The embedded Cosmos DB server (@vercel/cosmosdb-server) answers a query by compiling it to
 * JavaScript (@zeit/cosmosdb-query) and running it over every stored document. The compiled
 * code starts with
 *
 *   $c.reduce(($, c) => typeof c !== "undefined" ? [...$, { c: c }] : $, [])
 *
 * which copies its accumulator once per document: the scan's work grows with the square of
 * the documents stored (20,000 took seconds here; 100,000 blocked the process for minutes).
 * For measuring how the scan grows when it is linear, as a server that scans would be at best,
 * this switches that one expression, in this process only, for a filter and a map with the
 * same result. It changes nothing on disk and nothing the bot does outside the benchmark.
 */

const QUADRATIC =
  /\$c\.reduce\(\(\$, (\w+)\) => typeof \1 !== "undefined" \? \[\.\.\.\$, \{\s*\1: \1\s*\}\] : \$, \[\]\)/g;

const linear = (code: string): string =>
  code.replace(QUADRATIC, '$c.filter(($1) => typeof $1 !== "undefined").map(($1) => ({ $1: $1 }))');

export interface EmbeddedScan {
  /** Whether the shipped compiled code has the quadratic accumulator this replaces. */
  readonly found: boolean;
  /** Runs `work` with the linear scan, then puts the shipped code back. */
  withLinearScan<T>(work: () => Promise<T>): Promise<T>;
}

/** The query engine the embedded server itself loaded (the same module instance). */
export function embeddedScan(): EmbeddedScan {
  const serverEntry = createRequire(import.meta.url).resolve('@vercel/cosmosdb-server');
  const engine: unknown = createRequire(serverEntry)('@zeit/cosmosdb-query');
  const make = (engine as { default?: unknown }).default;
  if (typeof make !== 'function') throw new Error('the embedded query engine has changed');
  const sample: unknown = make('SELECT * FROM c WHERE c.x = 1');
  const prototype: unknown = Object.getPrototypeOf(sample);
  const descriptor =
    typeof prototype === 'object' && prototype !== null
      ? Object.getOwnPropertyDescriptor(prototype, 'code')
      : undefined;
  const shipped = descriptor?.get;
  if (!descriptor || !shipped || typeof prototype !== 'object' || prototype === null)
    throw new Error('the embedded query engine has changed');
  const code = shipped.call(sample);
  const found = typeof code === 'string' && linear(code) !== code;
  return {
    found,
    async withLinearScan(work) {
      Object.defineProperty(prototype, 'code', {
        ...descriptor,
        get(this: unknown) {
          const original: unknown = shipped.call(this);
          return typeof original === 'string' ? linear(original) : original;
        },
      });
      try {
        return await work();
      } finally {
        Object.defineProperty(prototype, 'code', descriptor);
      }
    },
  };
}
