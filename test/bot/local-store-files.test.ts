import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Container, CosmosClient } from '@azure/cosmos';
import {
  LOCAL_CONNECTION_POLICY,
  type LocalCosmos,
  startLocalCosmos,
} from '../../bot/store/local-cosmos.js';

const DATABASE = 'social-value';

/** A data file as the store wrote it before it kept a journal (version 1). */
const VERSION_1 = {
  version: 1,
  databases: [
    {
      id: DATABASE,
      containers: [
        {
          id: 'records',
          partitionKey: { paths: ['/tenantId'] },
          items: [
            {
              id: 'SV-2026-0001',
              tenantId: 'tenant-a',
              kind: 'record',
              title: 'Custody healthcare',
            },
            { id: 'counter-2026', tenantId: 'tenant-a', kind: 'counter', next: 2 },
          ],
        },
      ],
    },
  ],
};

interface Doc {
  id: string;
  tenantId: string;
  title?: string;
}

/** The store on a data file, and its records container through the real client. */
async function open(dataFile: string, compactBytes?: number) {
  const local: LocalCosmos = await startLocalCosmos({
    dataFile,
    ...(compactBytes === undefined ? {} : { compactBytes }),
  });
  const client = new CosmosClient({
    endpoint: local.endpoint,
    key: local.key,
    connectionPolicy: LOCAL_CONNECTION_POLICY,
  });
  const { database } = await client.databases.createIfNotExists({ id: DATABASE });
  const { container } = await database.containers.createIfNotExists({
    id: 'records',
    partitionKey: { paths: ['/tenantId'] },
  });
  return {
    container,
    close: async () => {
      client.dispose();
      await local.close();
    },
  };
}

const all = async (container: Container): Promise<Doc[]> =>
  (await container.items.query<Doc>('SELECT c.id, c.tenantId, c.title FROM c').fetchAll())
    .resources;
const ids = (docs: Doc[]) => docs.map((d) => d.id).sort();

describe('the embedded store’s files', () => {
  let directory: string;
  let dataFile: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sv-files-'));
    dataFile = join(directory, 'local-cosmos.json');
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('loads a data file of version 1, written before the journal, as it was', async () => {
    await writeFile(dataFile, JSON.stringify(VERSION_1));
    const store = await open(dataFile);
    try {
      const { resource } = await store.container.item('SV-2026-0001', 'tenant-a').read<Doc>();
      assert.equal(resource?.title, 'Custody healthcare');
      assert.deepEqual(ids(await all(store.container)), ['SV-2026-0001', 'counter-2026']);
    } finally {
      await store.close();
    }
  });

  it('leaves out a torn last journal line, keeps every whole line, and compacts at start', async () => {
    const first = await open(dataFile);
    try {
      await first.container.items.create({ id: 'a', tenantId: 't', title: 'A' });
      await first.container.items.create({ id: 'b', tenantId: 't', title: 'B' });
      await first.container.item('a', 't').replace({ id: 'a', tenantId: 't', title: 'A2' });
    } finally {
      await first.close();
    }
    // The process stopped in the middle of writing a line: half a document, no newline.
    await appendFile(
      `${dataFile}.journal`,
      `{"op":"put","db":"${DATABASE}","coll":"records","doc":{"id":"c","tenantId":"t","ti`,
    );

    const second = await open(dataFile);
    try {
      const docs = await all(second.container);
      assert.deepEqual(ids(docs), ['a', 'b']);
      assert.equal(docs.find((d) => d.id === 'a')?.title, 'A2');
    } finally {
      await second.close();
    }
    // The replayed journal went into a fresh snapshot, of the format version 1 still.
    const snapshot = JSON.parse(await readFile(dataFile, 'utf8')) as typeof VERSION_1;
    assert.equal(snapshot.version, 1);
    assert.deepEqual(snapshot.databases[0]?.containers[0]?.items.map((item) => item.id).sort(), [
      'a',
      'b',
    ]);
    assert.equal((await readFile(`${dataFile}.journal`, 'utf8')).trim(), '');
  });

  it('clears a journal holding only a torn line at start, so later writes stay readable', async () => {
    await writeFile(`${dataFile}.journal`, `{"op":"database","db":"${DATABASE}`);
    const first = await open(dataFile);
    try {
      await first.container.items.create({ id: 'after', tenantId: 't', title: 'After' });
    } finally {
      await first.close();
    }
    const second = await open(dataFile);
    try {
      assert.deepEqual(ids(await all(second.container)), ['after']);
    } finally {
      await second.close();
    }
  });

  it('refuses a journal damaged before its last line, naming the file and line', async () => {
    await writeFile(`${dataFile}.journal`, `not a change\n{"op":"database","db":"${DATABASE}"}\n`);
    await assert.rejects(startLocalCosmos({ dataFile }), {
      message: `The local journal ${dataFile}.journal is damaged at line 1.`,
    });
  });

  it('keeps every change made while it compacts again and again', async function () {
    this.timeout(20_000);
    // A bound of one byte: the journal is set aside and the snapshot rewritten after every
    // group of writes, while the next writes go on.
    const first = await open(dataFile, 1);
    const expected = new Map<string, string>();
    try {
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const id = `doc-${i}`;
          await first.container.items.create({ id, tenantId: `t${i % 3}`, title: 'first' });
          if (i % 4 === 0) {
            await first.container.item(id, `t${i % 3}`).delete();
            return;
          }
          await first.container.items.upsert({ id, tenantId: `t${i % 3}`, title: `second ${i}` });
          expected.set(id, `second ${i}`);
        }),
      );
    } finally {
      await first.close();
    }
    const second = await open(dataFile);
    try {
      const docs = await all(second.container);
      assert.deepEqual(
        new Map(docs.map((d) => [d.id, d.title])),
        expected,
        'every document as last written, and none deleted',
      );
    } finally {
      await second.close();
    }
    assert.deepEqual(
      (await readdir(directory)).sort(),
      ['local-cosmos.json', 'local-cosmos.json.journal'],
      'no journal set aside, no temporary file left behind',
    );
  });
});
