import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { CosmosClient } from '@azure/cosmos';
import { LOCAL_CONNECTION_POLICY, startLocalCosmos } from '../../bot/store/local-cosmos.js';

interface CompiledQuery {
  code: string;
}
interface Helpers {
  stripUndefined(value: unknown): unknown;
}

/** The query engine and helpers the embedded server itself loads (patches/, applied on install). */
function engine(): { compile: (query: string) => CompiledQuery; helpers: Helpers } {
  const server = createRequire(import.meta.url).resolve('@vercel/cosmosdb-server');
  const load = createRequire(server);
  const { default: compile } = load('@zeit/cosmosdb-query') as {
    default: (query: string) => CompiledQuery;
  };
  const helpers = load('@zeit/cosmosdb-query/lib/helpers') as Helpers;
  return { compile, helpers };
}

/** Copying the accumulator once per document, as the engine shipped: `[...$, ...]`. */
const COPIES_PER_DOCUMENT = /\[\s*\.\.\.\$\s*,/;

describe('the embedded server’s query engine (patched)', () => {
  it('compiles every shape of query the bot makes to a single pass over the documents', () => {
    const { compile } = engine();
    for (const query of [
      'SELECT * FROM c WHERE c.tenantId = @tenant AND c.kind = "record"',
      'SELECT TOP @limit c.id, c.title FROM c WHERE c.tenantId = @t ORDER BY c.updatedAt DESC',
      'SELECT c.id FROM c WHERE c.nextReminderOn <= @today AND c.kind = "record"',
      'SELECT VALUE COUNT(1) FROM c',
      'SELECT c.id FROM c JOIN s IN c.stages WHERE s.done = false',
      'SELECT * FROM c.children[0] x',
    ]) {
      const { code } = compile(query);
      assert.doesNotMatch(code, COPIES_PER_DOCUMENT, `${query} compiles to\n${code}`);
      assert.match(code, /\$\.push\(/, `${query}: the patched accumulator is not there`);
    }
  });

  it('strips undefined from a result list without copying it per item', () => {
    const { helpers } = engine();
    // As shipped: `obj.reduce((o, v) => ... [...o, stripUndefined(v)] : o, [])`.
    assert.doesNotMatch(String(helpers.stripUndefined), /\[\s*\.\.\.o\s*,/);
    assert.deepEqual(helpers.stripUndefined([1, undefined, { a: undefined, b: [undefined, 2] }]), [
      1,
      { b: [2] },
    ]);
  });

  it('answers queries through the real client as before: filters, joins, order and counts', async () => {
    const local = await startLocalCosmos();
    const client = new CosmosClient({
      endpoint: local.endpoint,
      key: local.key,
      connectionPolicy: LOCAL_CONNECTION_POLICY,
    });
    try {
      const { database } = await client.databases.createIfNotExists({ id: 'engine' });
      const { container } = await database.containers.createIfNotExists({
        id: 'docs',
        partitionKey: { paths: ['/tenantId'] },
      });
      for (let i = 0; i < 30; i += 1)
        await container.items.create({
          id: `d${i}`,
          tenantId: i % 2 === 0 ? 'even' : 'odd',
          n: i,
          stages: [{ done: i % 3 === 0 }, { done: true }],
        });
      const query = async <T>(text: string) =>
        (await container.items.query<T>(text).fetchAll()).resources;
      assert.deepEqual(
        (
          await query<{ id: string }>(
            "SELECT c.id FROM c WHERE c.tenantId = 'even' AND c.n >= 20 ORDER BY c.n DESC",
          )
        ).map((r) => r.id),
        ['d28', 'd26', 'd24', 'd22', 'd20'],
      );
      assert.deepEqual(await query('SELECT VALUE COUNT(1) FROM c'), [30]);
      const notDone = await query<{ id: string }>(
        'SELECT c.id FROM c JOIN s IN c.stages WHERE s.done = false',
      );
      assert.equal(notDone.length, 20, 'one row per stage not done: 30 less the 10 multiples of 3');
    } finally {
      client.dispose();
      await local.close();
    }
  });
});
