import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { loadConfig } from '../../bot/config.js';
import { type CosmosStore, openCosmos } from '../../bot/store/cosmos.js';
import { startLocalCosmos } from '../../bot/store/local-cosmos.js';
import { RecordStore, StaleRecordError, type Versioned } from '../../bot/store/records.js';
import {
  type CommissioningRecord,
  type Person,
  recordTurn,
  shareRecord,
} from '../../core/record/index.js';
import {
  COLLEAGUE,
  LEAD,
  minutesLater,
  newRecord,
  OTHER_TENANT,
  OWNER,
  STRANGER,
  submitStep,
  typical,
  viewer,
} from '../core/record/fixtures.js';

let tenants = 0;
/** A tenant of its own for each test, so that counters and lists start empty. */
const freshTenant = (): string => {
  tenants += 1;
  return `tenant-${tenants}`;
};

/** Creates a record for `owner` in a tenant, as the wizard does. */
const create = (
  records: RecordStore,
  tenantId: string,
  options: { owner?: Person; year?: number; now?: string } = {},
): Promise<Versioned> =>
  records.create(tenantId, options.year ?? 2026, (reference) =>
    newRecord(reference, {
      tenantId,
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
  );

/** A change of title at `at`, as a wizard turn would save it. */
const retitled = (record: CommissioningRecord, title: string, at: string, by = record.owner) =>
  recordTurn(record, {
    by,
    at,
    action: 'saved',
    step: 'basics',
    draft: { ...record.draft, answers: { ...record.draft.answers, title } },
  });

/** Runs a promise that must be refused as stale, and returns the error. */
async function staleError(promise: Promise<unknown>): Promise<StaleRecordError> {
  const error = await promise.then(
    () => assert.fail('the stale write was accepted'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof StaleRecordError, `expected StaleRecordError, got ${String(error)}`);
  return error;
}

describe('RecordStore against the embedded Cosmos DB server', () => {
  let store: CosmosStore;
  let records: RecordStore;
  const requests = (): number => store.local?.requests() ?? assert.fail('no local server');

  before(async () => {
    store = await openCosmos(loadConfig({ NODE_ENV: 'test' }));
    records = new RecordStore(store.containers.records);
  });
  after(async () => {
    await store?.close();
  });

  describe('create', () => {
    it('numbers references SV-YYYY-0001, -0002… for each tenant and each year', async () => {
      const tenant = freshTenant();
      const other = freshTenant();
      const references = [
        (await create(records, tenant)).record.id,
        (await create(records, tenant)).record.id,
        (await create(records, other)).record.id,
        (await create(records, tenant, { year: 2027 })).record.id,
        (await create(records, tenant)).record.id,
        (await create(records, tenant, { year: 2027 })).record.id,
      ];
      assert.deepEqual(references, [
        'SV-2026-0001',
        'SV-2026-0002',
        'SV-2026-0001',
        'SV-2027-0001',
        'SV-2026-0003',
        'SV-2027-0002',
      ]);
    });

    it('gives every one of ten records created at once its own reference', async () => {
      const tenant = freshTenant();
      const made = await Promise.all(Array.from({ length: 10 }, () => create(records, tenant)));
      const references = made.map((versioned) => versioned.record.id).sort();
      assert.deepEqual(
        references,
        Array.from({ length: 10 }, (_, i) => `SV-2026-${String(i + 1).padStart(4, '0')}`),
      );
      for (const { record, etag } of made) {
        const read = await records.get(viewer(OWNER, { tenantId: tenant }), record.id);
        assert.deepEqual(read, { record, etag }, `${record.id} is stored as created`);
      }
      // The counter carries on from the race.
      assert.equal((await create(records, tenant)).record.id, 'SV-2026-0011');
    });

    it('returns the record as stored, with its ETag', async () => {
      const tenant = freshTenant();
      const created = await create(records, tenant);
      assert.equal(created.record.revision, 0);
      assert.equal(created.record.tenantId, tenant);
      assert.ok(created.etag.length > 0);
      assert.deepEqual(
        await records.get(viewer(OWNER, { tenantId: tenant }), created.record.id),
        created,
      );
    });
  });

  describe('get', () => {
    it('gives the record and its ETag to its owner, a collaborator and a procurement lead', async () => {
      const tenant = freshTenant();
      const { record, etag } = await create(records, tenant);
      const shared = shareRecord(record, COLLEAGUE, OWNER, minutesLater(1));
      const saved = await records.replace(shared, etag);
      for (const who of [
        viewer(OWNER, { tenantId: tenant }),
        viewer(COLLEAGUE, { tenantId: tenant }),
        viewer(LEAD, { tenantId: tenant, lead: true }),
      ]) {
        assert.deepEqual(await records.get(who, record.id), saved, who.userId);
      }
    });

    it('is undefined for a missing record, another user’s, and another tenant’s', async () => {
      const tenant = freshTenant();
      const { record } = await create(records, tenant);
      const owner = viewer(OWNER, { tenantId: tenant });
      assert.equal(await records.get(owner, 'SV-2026-0999'), undefined, 'missing');
      assert.equal(await records.get(owner, 'SV-2025-0001'), undefined, 'another year');
      assert.equal(await records.get(viewer(STRANGER, { tenantId: tenant }), record.id), undefined);
      assert.equal(
        await records.get(viewer(COLLEAGUE, { tenantId: tenant }), record.id),
        undefined,
      );
      for (const elsewhere of [
        viewer(OWNER, { tenantId: OTHER_TENANT }),
        viewer(LEAD, { tenantId: OTHER_TENANT, lead: true }),
      ]) {
        assert.equal(await records.get(elsewhere, record.id), undefined, elsewhere.userId);
      }
      // The reference counter lives beside the records; it is not a record.
      assert.equal(
        await records.get(viewer(LEAD, { tenantId: tenant, lead: true }), 'counter-SV-2026'),
        undefined,
      );
    });

    it('reads in one round trip, and a replace writes in one', async () => {
      const tenant = freshTenant();
      const owner = viewer(OWNER, { tenantId: tenant });
      const { record } = await create(records, tenant);
      let before = requests();
      const found = await records.get(owner, record.id);
      assert.equal(requests() - before, 1, 'a read is one request');
      assert.ok(found);
      before = requests();
      await records.replace(submitStep(found.record, typical.basics), found.etag);
      assert.equal(requests() - before, 1, 'a replace is one request');
      before = requests();
      await create(records, tenant);
      assert.equal(requests() - before, 2, 'a create is two: the counter and the record');
      before = requests();
      assert.equal(await records.get(viewer(STRANGER, { tenantId: tenant }), record.id), undefined);
      assert.equal(requests() - before, 1, 'a refused read is one request too');
    });
  });

  describe('replace', () => {
    it('saves a change made on the current ETag, and gives the new ETag', async () => {
      const tenant = freshTenant();
      const owner = viewer(OWNER, { tenantId: tenant });
      const { record, etag } = await create(records, tenant);
      const answered = submitStep(record, typical.basics);
      const saved = await records.replace(answered, etag);
      assert.deepEqual(saved.record, answered);
      assert.notEqual(saved.etag, etag);
      assert.deepEqual(await records.get(owner, record.id), saved);
    });

    it('refuses a change made on a stale ETag and leaves the stored record as it was', async () => {
      const tenant = freshTenant();
      const owner = viewer(OWNER, { tenantId: tenant });
      const { record, etag } = await create(records, tenant);
      const first = await records.replace(retitled(record, 'First', minutesLater(1)), etag);
      const error = await staleError(
        records.replace(retitled(record, 'Second', minutesLater(2)), etag),
      );
      assert.equal(error.reference, record.id);
      assert.match(error.message, new RegExp(`${record.id} changed since it was read`));
      assert.deepEqual(await records.get(owner, record.id), first);
    });

    it('of two people who read the same version and save at once, one wins and the other is refused', async () => {
      const tenant = freshTenant();
      const { record } = await create(records, tenant);
      const owner = viewer(OWNER, { tenantId: tenant });
      const lead = viewer(LEAD, { tenantId: tenant, lead: true });
      const [mine, theirs] = await Promise.all([
        records.get(owner, record.id),
        records.get(lead, record.id),
      ]);
      assert.ok(mine && theirs);
      assert.equal(mine.etag, theirs.etag);
      const outcomes = await Promise.allSettled([
        records.replace(retitled(mine.record, 'Owner’s title', minutesLater(5)), mine.etag),
        records.replace(
          retitled(theirs.record, 'Lead’s title', minutesLater(5), LEAD),
          theirs.etag,
        ),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
      assert.equal(won.length, 1, 'exactly one write is saved');
      assert.equal(lost.length, 1);
      assert.ok(lost[0]?.status === 'rejected' && lost[0].reason instanceof StaleRecordError);
      const stored = await records.get(owner, record.id);
      assert.ok(won[0]?.status === 'fulfilled');
      assert.deepEqual(stored, won[0].value);
      assert.equal(stored?.record.revision, 1, 'saved once, not twice');
      assert.equal(stored?.record.history.length, 2);
    });

    it('keeps the history of every turn across reads and writes', async () => {
      const tenant = freshTenant();
      const owner = viewer(OWNER, { tenantId: tenant });
      let current = await create(records, tenant);
      for (const step of ['basics', 'why', 'outcomes'] as const) {
        const found = await records.get(owner, current.record.id);
        assert.ok(found);
        current = await records.replace(submitStep(found.record, typical[step]), found.etag);
      }
      const stored = await records.get(owner, current.record.id);
      assert.ok(stored);
      assert.equal(stored.record.revision, 3);
      assert.equal(stored.record.draft.step, 'targets');
      assert.deepEqual(
        stored.record.history.map((entry) => [entry.action, entry.step]),
        [
          ['created', undefined],
          ['answered', 'basics'],
          ['answered', 'why'],
          ['answered', 'outcomes'],
        ],
      );
      assert.deepEqual(stored.record.history[2]?.changes, [
        { field: 'aims', to: typical.why.aims },
        { field: 'baselineOutcomes', to: typical.why.baselineOutcomes },
        { field: 'coDesign', to: typical.why.coDesign },
        { field: 'consult', to: true },
        { field: 'consultationPlan', to: typical.why.consultationPlan },
        { field: 'stillRelevant', to: true },
      ]);
    });
  });

  describe('list', () => {
    it('gives my records, mine or shared with me, most recently changed first; a lead sees the tenant’s; nobody sees another tenant’s', async () => {
      const tenant = freshTenant();
      const mine1 = await create(records, tenant, { now: minutesLater(0) });
      const theirs = await create(records, tenant, { owner: STRANGER, now: minutesLater(1) });
      const sharedWithMe = await create(records, tenant, {
        owner: COLLEAGUE,
        now: minutesLater(2),
      });
      const mine2 = await create(records, tenant, { now: minutesLater(3) });
      // The same people in another tenant: never listed here.
      await create(records, OTHER_TENANT, { now: minutesLater(10) });
      await create(records, OTHER_TENANT, { owner: COLLEAGUE, now: minutesLater(11) });

      // The oldest record is changed last: it moves to the top.
      await records.replace(
        retitled(mine1.record, 'Custody healthcare', minutesLater(20)),
        mine1.etag,
      );
      await records.replace(
        shareRecord(sharedWithMe.record, OWNER, COLLEAGUE, minutesLater(15)),
        sharedWithMe.etag,
      );

      const ids = async (who: ReturnType<typeof viewer>, limit?: number) =>
        (await records.list(who, limit)).map((summary) => summary.id);
      assert.deepEqual(await ids(viewer(OWNER, { tenantId: tenant })), [
        mine1.record.id,
        sharedWithMe.record.id,
        mine2.record.id,
      ]);
      assert.deepEqual(await ids(viewer(STRANGER, { tenantId: tenant })), [theirs.record.id]);
      assert.deepEqual(
        await ids(viewer(LEAD, { tenantId: tenant })),
        [],
        'not a lead: none of hers',
      );
      assert.deepEqual(await ids(viewer(LEAD, { tenantId: tenant, lead: true })), [
        mine1.record.id,
        sharedWithMe.record.id,
        mine2.record.id,
        theirs.record.id,
      ]);
      assert.deepEqual(await ids(viewer(LEAD, { tenantId: tenant, lead: true }), 2), [
        mine1.record.id,
        sharedWithMe.record.id,
      ]);
      assert.deepEqual(await ids(viewer(OWNER, { tenantId: freshTenant() })), []);

      const [top] = await records.list(viewer(OWNER, { tenantId: tenant }));
      assert.deepEqual(top, {
        id: mine1.record.id,
        title: 'Custody healthcare',
        status: 'draft',
        step: 'basics',
        createdAt: mine1.record.createdAt,
        updatedAt: minutesLater(20),
        ownerName: OWNER.name,
      });
    });
  });
});

describe('the embedded Cosmos DB server keeps its data in a file', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sv-store-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const open = (dataFile: string) =>
    openCosmos(loadConfig({ NODE_ENV: 'development', LOCAL_DATA_FILE: dataFile }));

  it('has every record, unchanged, after a restart, and carries on numbering', async () => {
    const dataFile = join(directory, 'nested', 'local-cosmos.json');
    const tenant = 'tenant-persisted';
    const owner = viewer(OWNER, { tenantId: tenant });
    const lead = viewer(LEAD, { tenantId: tenant, lead: true });

    const first = await open(dataFile);
    let saved: Versioned[];
    let listed: unknown;
    try {
      const records = new RecordStore(first.containers.records);
      const a = await create(records, tenant);
      const b = await create(records, tenant, { owner: COLLEAGUE, now: minutesLater(1) });
      const c = await create(records, OTHER_TENANT);
      const answered = await records.replace(submitStep(a.record, typical.basics), a.etag);
      const shared = await records.replace(
        shareRecord(b.record, OWNER, COLLEAGUE, minutesLater(2)),
        b.etag,
      );
      // A created record is deleted nowhere: but a second one this year must not reuse 0003.
      saved = [answered, shared, c];
      listed = await records.list(lead);
    } finally {
      await first.close();
    }

    const second = await open(dataFile);
    try {
      const records = new RecordStore(second.containers.records);
      const [answered, shared, c] = saved;
      assert.ok(answered && shared && c);
      for (const { record } of [answered, shared]) {
        const read = await records.get(owner, record.id);
        assert.deepEqual(read?.record, record, `${record.id} comes back as it was saved`);
      }
      assert.deepEqual(
        (await records.get(viewer(OWNER, { tenantId: OTHER_TENANT }), c.record.id))?.record,
        c.record,
      );
      assert.deepEqual(await records.list(lead), listed);
      assert.equal(
        (await create(records, tenant)).record.id,
        'SV-2026-0003',
        'no reference reused',
      );
      assert.equal((await create(records, OTHER_TENANT)).record.id, 'SV-2026-0002');

      // The restored record can be changed as any other: read, then write on its ETag.
      const found = await records.get(owner, answered.record.id);
      assert.ok(found);
      const next = await records.replace(submitStep(found.record, typical.why), found.etag);
      assert.equal(next.record.revision, 2);
    } finally {
      await second.close();
    }

    const third = await open(dataFile);
    try {
      const records = new RecordStore(third.containers.records);
      const ids = (await records.list(lead)).map((summary) => summary.id).sort();
      assert.deepEqual(ids, ['SV-2026-0001', 'SV-2026-0002', 'SV-2026-0003']);
      assert.equal((await records.get(owner, 'SV-2026-0001'))?.record.revision, 2);
    } finally {
      await third.close();
    }
  });

  for (const [what, content] of [
    ['not JSON', 'this is not a snapshot'],
    ['JSON of another shape', JSON.stringify({ databases: 'none' })],
    ['a snapshot of another version', JSON.stringify({ version: 2, databases: [] })],
  ] as const) {
    it(`refuses a data file that is ${what}, naming the file`, async () => {
      const dataFile = join(directory, 'local-cosmos.json');
      await writeFile(dataFile, content);
      const listen = sinon.spy(Server.prototype, 'listen');
      try {
        await assert.rejects(startLocalCosmos({ dataFile }), (error: unknown) => {
          assert.ok(error instanceof Error);
          assert.equal(
            error.message,
            `The local data file ${dataFile} is not a snapshot this version can read.`,
          );
          return true;
        });
      } finally {
        listen.restore();
      }
      // Nothing is left listening to keep the process alive after the error.
      const servers: Server[] = listen.thisValues;
      assert.equal(servers.length, 1);
      assert.equal(servers[0]?.listening, false);
    });
  }
});
