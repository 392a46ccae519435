import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The embedded store's data file is one process's at a time: each keeps its own copy of the
 * data in memory and rewrites the file from it, so a second process writing the same file
 * (the spend command line beside a running bot) would lose the other's changes. The process
 * that opens the file writes `<data file>.lock` holding its pid, and removes it on close; a
 * lock whose process has gone (a crash, a kill) is taken over.
 */
export class LocalDataLockedError extends Error {
  constructor(
    readonly dataFile: string,
    /** The holder's pid; undefined when the lock does not (yet) say whose it is. */
    readonly pid: number | undefined,
  ) {
    super(
      `the local data file ${dataFile} is in use by ${pid === undefined ? 'another process' : `process ${pid}`}`,
    );
    this.name = 'LocalDataLockedError';
  }
}

export interface LocalDataLock {
  release(): Promise<void>;
}

export const lockFileOf = (dataFile: string): string => `${dataFile}.lock`;

/**
 * How old a lock that names no process must be to be taken as left behind. A lock is made
 * with its pid in it from the start (linked from a written file), so an empty or garbled one
 * is another writer's mid-write (an older version of this code wrote after creating), or the
 * leftover of a crash or a full disk: a minute is far longer than any write takes, and short
 * enough that an officer retrying after a crash is not kept out for long.
 */
export const UNNAMED_LOCK_STALE_MS = 60_000;

/** Takes the data file's lock, or throws LocalDataLockedError naming the process holding it. */
export async function lockLocalData(dataFile: string): Promise<LocalDataLock> {
  const file = lockFileOf(dataFile);
  await mkdir(dirname(file), { recursive: true });
  // The lock is linked from a file already holding the pid: no one ever sees it empty.
  const mine = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(mine, `${process.pid}\n`, { flag: 'wx' });
  try {
    // Three tries at most: each after a lock left behind was moved aside.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await link(mine, file);
        const { ino } = await stat(mine);
        return { release: () => releaseLock(file, ino) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await holderOf(file);
      if (holder === 'gone') continue;
      if (holder.held) throw new LocalDataLockedError(dataFile, holder.pid);
      await clearStale(file, dataFile);
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
  throw new Error(`could not take the lock ${file}`);
}

/**
 * Removes a lock left behind, without removing one another process has just taken: the lock
 * is first renamed to a name of this process's own (atomic: one process wins it), and read
 * again there; a lock that turns out to be held is put back.
 */
async function clearStale(file: string, dataFile: string): Promise<void> {
  const aside = `${file}.stale.${randomUUID()}`;
  try {
    await rename(file, aside);
  } catch (error) {
    // Another process moved it first: try again from the start.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const again = await holderOf(aside);
  if (again !== 'gone' && again.held) {
    // Another process cleared the stale lock and took its own between the read and the rename.
    await link(aside, file).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    throw new LocalDataLockedError(dataFile, again.pid);
  }
  await unlink(aside).catch(() => undefined);
}

/** Removes the lock if it is still the one this process linked: never one another took over. */
async function releaseLock(file: string, ino: number): Promise<void> {
  const now = await stat(file).catch(() => undefined);
  if (now?.ino !== ino) return;
  const holder = await holderOf(file);
  if (holder !== 'gone' && holder.pid === process.pid) await unlink(file).catch(() => undefined);
}

type Holder = 'gone' | { held: boolean; pid: number | undefined };

/** Whose the lock is, and whether it is still held; 'gone' when there is no lock. */
async function holderOf(file: string): Promise<Holder> {
  let text: string;
  let modified: number | undefined;
  try {
    modified = (await stat(file)).mtimeMs;
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    // Unreadable (permissions, say): held, as an empty lock is, unless clearly old.
    return { held: !isOld(modified), pid: undefined };
  }
  const pid = /^\d+$/.test(text.trim()) ? Number.parseInt(text.trim(), 10) : Number.NaN;
  if (!Number.isSafeInteger(pid) || pid <= 0) return { held: !isOld(modified), pid: undefined };
  // This process's own lock is stale too: it opened the file before and never closed it.
  return { held: pid !== process.pid && isAlive(pid), pid };
}

function isOld(modified: number | undefined): boolean {
  return modified !== undefined && Date.now() - modified > UNNAMED_LOCK_STALE_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it is alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
