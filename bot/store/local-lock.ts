import { mkdir, open, readFile, unlink } from 'node:fs/promises';
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
    readonly pid: number,
  ) {
    super(`the local data file ${dataFile} is in use by process ${pid}`);
    this.name = 'LocalDataLockedError';
  }
}

export interface LocalDataLock {
  release(): Promise<void>;
}

export const lockFileOf = (dataFile: string): string => `${dataFile}.lock`;

/** Takes the data file's lock, or throws LocalDataLockedError naming the process holding it. */
export async function lockLocalData(dataFile: string): Promise<LocalDataLock> {
  const file = lockFileOf(dataFile);
  await mkdir(dirname(file), { recursive: true });
  // Twice at most: once, and once more after clearing a lock its process left behind.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return {
        release: async () => {
          // Only our own lock: never one another process took over.
          if ((await holderOf(file)) === process.pid) await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await holderOf(file);
      // This process's own lock is stale too: it opened the file before and never closed it.
      if (holder !== undefined && holder !== process.pid && isAlive(holder))
        throw new LocalDataLockedError(dataFile, holder);
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

async function holderOf(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
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
