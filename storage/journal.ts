import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import { type DataFile, isErrnoException, nodeFiles, type StoreFiles, syncDirectory } from './files.js';
import { eventSchema, type StoreEvent } from './schema.js';
import { describeIssues } from './snapshot-file.js';

export interface JournalContents {
  events: StoreEvent[];
  /** Where each event's line ends (the byte after its newline). */
  ends: number[];
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
      return { events: [], ends: [], goodLength: 0, tornBytes: 0 };
    throw new StoreCorruptError(path, `cannot be read (${isErrnoException(error) ? error.code : error})`, {
      cause: error,
    });
  }
  const events: StoreEvent[] = [];
  const ends: number[] = [];
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
    ends.push(start);
  }
  return { events, ends, goodLength: start, tornBytes: bytes.length - start };
}

interface Pending<T> {
  data: Buffer;
  seq: number;
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
 *
 * A compaction never stops it: the snapshot is written while lines go on being appended, and only
 * then are the lines the snapshot holds dropped from the front (`dropThrough`), which holds appends
 * for as long as it takes to copy the few lines written meanwhile.
 */
export class Journal<T> {
  private queue: Pending<T>[] = [];
  private inFlight: Pending<T>[] = [];
  private flushing: Promise<void> | null = null;
  private paused = false;
  private needsTruncate: boolean;
  /** Each line in the file: its seq, and where it ends. */
  private seqs: number[];
  private ends: number[];
  /** The lowest seq of each batch that failed, in order (a compaction checks none of its lines failed). */
  private readonly failures: number[] = [];

  private constructor(
    readonly path: string,
    private handle: DataFile,
    private position: number,
    fileLength: number,
    contents: JournalContents,
    private readonly onAbort: (metas: T[]) => void,
    private readonly files: StoreFiles,
  ) {
    this.needsTruncate = fileLength > position;
    this.seqs = contents.events.map((e) => e.seq);
    this.ends = [...contents.ends];
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
      contents,
      onAbort,
      files,
    );
  }

  /** Lines in the file. */
  get lines(): number {
    return this.seqs.length;
  }

  /** Queues one line (without its newline) for the event `seq`; resolves when it is durably on disk. */
  append(line: string, seq: number, meta: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ data: Buffer.from(`${line}\n`, 'utf8'), seq, meta, resolve, reject });
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

  /** How many batches have failed so far (a mark for `failedSince`). */
  get failureMark(): number {
    return this.failures.length;
  }

  /** Whether a batch holding a line of seq ≤ `seq` has failed since `mark`. */
  failedSince(mark: number, seq: number): boolean {
    return this.failures.slice(mark).some((lowest) => lowest <= seq);
  }

  /** Resolves once no line of seq ≤ `seq` waits to be written (each is on disk, or failed). */
  async settledThrough(seq: number): Promise<void> {
    const waiting = () => this.inFlight.some((p) => p.seq <= seq) || this.queue.some((p) => p.seq <= seq);
    while (waiting()) {
      this.kick();
      if (this.flushing) await this.flushing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Drops the lines of seq ≤ `seq` (a durable snapshot holds them): the lines after them are copied
   * into a new journal (temp file, fdatasync, rename), or the file is emptied when there are none.
   * Appends wait meanwhile. If the disk refuses, the journal stays as it was: its old lines are
   * skipped on replay by their seq.
   */
  async dropThrough(seq: number): Promise<void> {
    this.paused = true;
    try {
      await this.drain();
      let keep = 0;
      while (keep < this.seqs.length && (this.seqs[keep] as number) <= seq) keep += 1;
      if (keep === 0) return;
      const cut = this.ends[keep - 1] as number;
      if (keep === this.seqs.length) {
        await this.handle.truncate(0);
        await this.handle.datasync();
        this.position = 0;
        this.needsTruncate = false;
      } else {
        const tail = Buffer.alloc(this.position - cut);
        const reader = await open(this.path, 'r');
        try {
          await reader.read(tail, 0, tail.length, cut);
        } finally {
          await reader.close();
        }
        await this.files.writeDurably(this.path, tail);
        const handle = await this.files.openJournal(this.path);
        await this.handle.close().catch(() => {});
        this.handle = handle;
        this.position -= cut;
        this.needsTruncate = false;
      }
      this.seqs = this.seqs.slice(keep);
      this.ends = this.ends.slice(keep).map((end) => end - cut);
    } catch {
      // Not dropped (or not durably): the old lines are in the snapshot and skipped on replay by
      // their seq; appends go on at `position`, which matches what the file holds.
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
      this.inFlight = batch;
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
        this.inFlight = [];
        this.failures.push(Math.min(...aborted.map((p) => p.seq)));
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
      let end = this.position;
      for (const item of batch) {
        end += item.data.length;
        this.seqs.push(item.seq);
        this.ends.push(end);
      }
      this.position = end;
      this.inFlight = [];
      for (const item of batch) item.resolve();
    }
  }
}
