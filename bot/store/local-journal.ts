import { constants } from 'node:fs';
import { type FileHandle, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type JournalEntry, journalEntrySchema } from './local-data.js';

/**
 * The embedded store's journal: one JSON line per change, appended and fsync'd before the
 * change is answered, so that an answered write survives a crash (kill -9, power loss).
 * Writes that arrive while one fsync runs are written and fsync'd together (group commit),
 * in the order the server made them.
 */
export class Journal {
  private queue: { text: string; done: (error?: unknown) => void }[] = [];
  private rotation: { to: string; done: (error?: unknown) => void } | undefined;
  private running: Promise<void> | undefined;
  /** Bytes in the current file, for deciding when to compact. */
  bytes = 0;
  /** Called after each group is on disk. */
  onWritten: () => void = () => {};

  private constructor(
    readonly file: string,
    private handle: FileHandle,
  ) {}

  /** Opens (creating) the journal for appending; the directory entry is made durable too. */
  static async open(file: string): Promise<Journal> {
    const journal = new Journal(file, await openForAppend(file));
    journal.bytes = (await journal.handle.stat()).size;
    return journal;
  }

  /** Resolves once the text is on disk. */
  append(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, done: (error) => (error ? reject(error) : resolve()) });
      this.run();
    });
  }

  /**
   * Renames the file to `to` between two groups and goes on in a new, empty file: every line
   * written before is in `to`, every line after in the new file.
   */
  rotate(to: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.rotation = { to, done: (error) => (error ? reject(error) : resolve()) };
      this.run();
    });
  }

  /** Resolves when nothing is waiting to be written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    await this.idle();
    await this.handle.close();
  }

  private run(): void {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0 || this.rotation) {
      const rotation = this.rotation;
      if (rotation) {
        this.rotation = undefined;
        try {
          await this.handle.close();
          await rename(this.file, rotation.to);
          this.handle = await openForAppend(this.file);
          this.bytes = 0;
          rotation.done();
        } catch (error) {
          rotation.done(error);
        }
        continue;
      }
      const group = this.queue.splice(0);
      const text = group.map((item) => item.text).join('');
      try {
        await this.handle.write(text);
        await this.handle.datasync();
        this.bytes += Buffer.byteLength(text);
        for (const item of group) item.done();
      } catch (error) {
        // Cut off whatever part of the group reached the file, so that no torn line is left
        // in the middle of the journal for the next start to refuse.
        await this.handle.truncate(this.bytes).catch(() => {});
        for (const item of group) item.done(error);
      }
      this.onWritten();
    }
  }
}

async function openForAppend(file: string): Promise<FileHandle> {
  const handle = await open(file, 'a');
  await syncDirectory(dirname(file));
  return handle;
}

/** Makes a file's creation, rename or removal in `directory` durable. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The changes in a journal file, in order; none if it does not exist. A last line that does
 * not parse was being written when the process stopped (it was never answered) and is left
 * out; a bad line before the last means the file is damaged, and is refused.
 */
export async function readJournal(file: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const entry = parseLine(line);
    if (entry) {
      entries.push(entry);
      continue;
    }
    const last = lines.slice(index + 1).every((rest) => rest.trim() === '');
    if (last) break;
    throw new Error(`The local journal ${file} is damaged at line ${index + 1}.`);
  }
  return entries;
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const parsed = journalEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
