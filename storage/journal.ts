import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import { type DataFile, isErrnoException, nodeFiles, type StoreFiles, syncDirectory } from './files.js';
import { eventSchema, type StoreEvent } from './schema.js';
import { describeIssues } from './snapshot-file.js';

export interface JournalContents {
  events: StoreEvent[];
  /** Bytes of complete, valid lines: where the next append goes. */
  goodLength: number;
  /** Bytes of an incomplete last line (a write cut off before its newline), dropped. */
  tornBytes: number;
}

const NEWLINE = 0x0a;
/** Strict: a byte sequence that is not UTF-8 is corruption, never silently replaced. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON Lines journal. Every complete line must be a valid event; only an incomplete last line
 * (no newline: its write never finished, so it was never acknowledged) is dropped. Anything else throws.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT')
      return { events: [], goodLength: 0, tornBytes: 0 };
    throw new StoreCorruptError(path, `cannot be read (${isErrnoException(error) ? error.code : error})`, {
      cause: error,
    });
  }
  const events: StoreEvent[] = [];
  let start = 0;
  let line = 0;
  for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    line += 1;
    let text: string;
    try {
      text = utf8.decode(bytes.subarray(start, end));
    } catch {
      throw new StoreCorruptError(path, `line ${line} is not valid UTF-8`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new StoreCorruptError(path, `line ${line} is not valid JSON (${(error as Error).message})`);
    }
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      throw new StoreCorruptError(path, `line ${line} is not a valid event: ${describeIssues(parsed.error)}`);
    }
    events.push(parsed.data);
    start = end + 1;
  }
  return { events, goodLength: start, tornBytes: bytes.length - start };
}

interface Pending<T> {
  data: Buffer;
  meta: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Append-only journal with group commit: appends queued while a flush is in flight share the next
 * write and fdatasync, so a burst of commands costs one flush, not one each. A promise from `append`
 * resolves only once its line is on disk. If a flush fails, that batch and everything queued after it
 * are rejected (in order, via `onAbort`, so the caller can undo them) and the next write starts by
 * truncating the partial bytes away.
 */
export class Journal<T> {
  private queue: Pending<T>[] = [];
  private flushing: Promise<void> | null = null;
  private paused = false;
  private needsTruncate: boolean;
  /** Lines written since the journal was last emptied by a compaction. */
  lines: number;

  private constructor(
    readonly path: string,
    private readonly handle: DataFile,
    private position: number,
    fileLength: number,
    lines: number,
    private readonly onAbort: (metas: T[]) => void,
  ) {
    this.needsTruncate = fileLength > position;
    this.lines = lines;
  }

  static async open<T>(
    path: string,
    contents: JournalContents,
    onAbort: (metas: T[]) => void,
    files: StoreFiles = nodeFiles,
  ): Promise<Journal<T>> {
    const handle = await files.openJournal(path);
    if (contents.goodLength === 0 && contents.tornBytes === 0) await syncDirectory(dirname(path));
    return new Journal(
      path,
      handle,
      contents.goodLength,
      contents.goodLength + contents.tornBytes,
      contents.events.length,
      onAbort,
    );
  }

  /** Queues one line (without its newline); resolves when it is durably on disk. */
  append(line: string, meta: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ data: Buffer.from(`${line}\n`, 'utf8'), meta, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once everything queued so far is on disk (or has failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Folds the journal into a snapshot. `writeSnapshot` must capture the state synchronously when called
   * (before its first await): the lines queued at that moment are then part of the snapshot, so they are
   * acknowledged as soon as the snapshot is durable, and the journal is emptied.
   */
  async compact(writeSnapshot: () => Promise<void>): Promise<void> {
    this.paused = true;
    try {
      await this.drain();
      const absorbed = this.queue.length;
      await writeSnapshot();
      // The lines queued before the snapshot are in it, so durable: acknowledged now, never undone,
      // whatever happens to the journal below.
      for (const item of this.queue.splice(0, absorbed)) item.resolve();
      try {
        await this.handle.truncate(0);
        this.position = 0;
        this.needsTruncate = false;
        this.lines = 0;
        await this.handle.datasync();
      } catch {
        // Not emptied (or not durably): its lines are all in the snapshot and are skipped on replay
        // by their seq; appends go on at `position`, which matches what the file holds.
      }
    } finally {
      this.paused = false;
      this.kick();
    }
  }

  async close(): Promise<void> {
    await this.drain();
    await this.cutBack().catch(() => {});
    await this.handle.close();
  }

  /** Removes the bytes of a failed write, so they can never be replayed. */
  private async cutBack(): Promise<void> {
    if (!this.needsTruncate) return;
    await this.handle.truncate(this.position);
    await this.handle.datasync();
    this.needsTruncate = false;
  }

  private kick(): void {
    if (this.flushing || this.paused || this.queue.length === 0) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = null;
      this.kick();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0 && !this.paused) {
      const batch = this.queue.splice(0);
      const buffer =
        batch.length === 1 ? (batch[0] as Pending<T>).data : Buffer.concat(batch.map((p) => p.data));
      try {
        await this.cutBack();
        let written = 0;
        while (written < buffer.length) {
          const { bytesWritten } = await this.handle.write(
            buffer,
            written,
            buffer.length - written,
            this.position + written,
          );
          written += bytesWritten;
        }
        await this.handle.datasync();
      } catch (cause) {
        this.needsTruncate = true;
        const aborted = [...batch, ...this.queue.splice(0)];
        this.onAbort(aborted.map((p) => p.meta));
        const error = new StoreWriteError(
          `cannot write ${this.path} (${isErrnoException(cause) ? cause.code : cause})`,
          { cause },
        );
        for (const item of aborted) item.reject(error);
        // Cut the failed bytes off at once (the write may have reached the file even though its
        // flush failed); if the disk refuses that too, the next flush or close tries again.
        await this.cutBack().catch(() => {});
        continue;
      }
      this.position += buffer.length;
      this.lines += batch.length;
      for (const item of batch) item.resolve();
    }
  }
}
