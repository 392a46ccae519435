import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LocalDataLockedError,
  lockFileOf,
  lockLocalData,
  UNNAMED_LOCK_STALE_MS,
} from '../../bot/store/local-lock.js';

describe('the local data lock (bot/store/local-lock.ts)', () => {
  let folder: string;
  let dataFile: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'local-lock-'));
    dataFile = join(folder, 'data.json');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('holds the pid from the moment the lock exists, and leaves no other file behind', async () => {
    const lock = await lockLocalData(dataFile);
    assert.equal(await readFile(lockFileOf(dataFile), 'utf8'), `${process.pid}\n`);
    assert.deepEqual(await readdir(folder), ['data.json.lock']);
    await lock.release();
    assert.deepEqual(await readdir(folder), []);
  });

  it('treats an empty lock as held (another process is writing it), and a long-empty one as left behind', async () => {
    const file = lockFileOf(dataFile);
    await writeFile(file, '');
    await assert.rejects(
      lockLocalData(dataFile),
      (error: unknown) => error instanceof LocalDataLockedError && error.pid === undefined,
    );
    assert.equal((await stat(file)).size, 0, 'the other process’s lock is left alone');
    const old = (Date.now() - UNNAMED_LOCK_STALE_MS - 10_000) / 1000;
    await utimes(file, old, old);
    const lock = await lockLocalData(dataFile);
    assert.equal(await readFile(file, 'utf8'), `${process.pid}\n`);
    await lock.release();
  });

  it('refuses a lock a live process holds, naming it, and takes over one whose process has gone', async () => {
    // The test runner's parent process is alive and is not this one.
    await writeFile(lockFileOf(dataFile), `${process.ppid}\n`);
    await assert.rejects(
      lockLocalData(dataFile),
      (error: unknown) => error instanceof LocalDataLockedError && error.pid === process.ppid,
    );
    // Far above any pid a system hands out: no such process.
    await writeFile(lockFileOf(dataFile), '2147483646\n');
    const lock = await lockLocalData(dataFile);
    assert.equal(await readFile(lockFileOf(dataFile), 'utf8'), `${process.pid}\n`);
    assert.deepEqual(await readdir(folder), ['data.json.lock'], 'the old lock was removed');
    await lock.release();
  });
});
