import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import { type DataFile, isErrnoException, nodeFiles, type StoreFiles, syncDirectory } from './files.js';
import { checkSeal, sealLine } from './line.js';
import { eventSchema, type JournalHead, journalHeadSchema, type StoreEvent } from './schema.js';
import { describeIssues } from './snapshot-file.js';

export interface JournalContents {
  /** The journal's first line (layout 8): the store it belongs to and the snapshot it follows. */
  head: (JournalHead & { line: number }) | undefined;
  /** Each change, in the file's order; `sum` and `prev` only on a sealed line (layout 8). */
  events: StoreEvent[];
  /** The line of the file each event is on (1 is the first line). */
  lines: number[];
  /** Where each event's line ends (the byte after its newline). */
  ends: number[];
  /** Where the head line ends (0 without one). */
  headEnd: number;
  /** Bytes of complete, valid lines: where the next append goes. */
  goodLength: number;
  /** Bytes of an incomplete last line (a write cut off before its newline), dropped. */
  tornBytes: number;
  /** Whether the file was there at all. */
  exists: boolean;
}

const NEWLINE = 0x0a;
/** Strict: a byte sequence that is not UTF-8 is corruption, never silently replaced. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON Lines journal. Every complete line must be a valid event (after a head line, in
 * layout 8) and a sealed line's checksum must match; only an incomplete last line (no newline: its
 * write never finished, so it was never acknowledged) is dropped. Anything else throws, naming the line.
 * Whether the lines belong to the snapshot (identity, chain, seq) is for the store to check.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') {
      return {
        head: undefined,
        events: [],
        lines: [],
        ends: [],
        headEnd: 0,
        goodLength: 0,
        tornBytes: 0,
        exists: false,
      };
    }
    throw new StoreCorruptError(path, `cannot be read (${isErrnoException(error) ? error.code : error})`, {
      cause: error,
    });
  }
  const events: StoreEvent[] = [];
  const lines: number[] = [];
  const ends: number[] = [];
  let head: JournalContents['head'];
  let headEnd = 0;
  let start = 0;
  let line = 0;
  for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    line += 1;
    const raw = bytes.subarray(start, end);
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      throw new StoreCorruptError(path, `line ${line} is not valid UTF-8`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new StoreCorruptError(path, `line ${line} is not valid JSON (${(error as Error).message})`);
    }
    const seal = checkSeal(raw);
    if (seal.sealed && !seal.intact) {
      throw new StoreCorruptError(
        path,
        `line ${line} does not match its checksum (changed after it was written: edited by hand, or damaged on disk)`,
      );
    }
    start = end + 1;
    if (line === 1 && typeof value === 'object' && value !== null && 'journal' in value) {
      const parsed = journalHeadSchema.safeParse(value);
      if (!parsed.success || !seal.sealed) {
        const why = parsed.success ? 'it has no checksum' : describeIssues(parsed.error);
        throw new StoreCorruptError(path, `line 1 is not a valid journal head: ${why}`);
      }
      head = { ...parsed.data, line };
      headEnd = start;
      continue;
    }
    const parsed = eventSchema.safeParse(value);
    if (!parsed.success) {
      throw new StoreCorruptError(path, `line ${line} is not a valid event: ${describeIssues(parsed.error)}`);
    }
    const event = parsed.data;
    // The sum is the one the seal holds; a "sum" anywhere else in an unsealed line means nothing.
    if (seal.sealed) event.sum = seal.sum;
    else delete event.sum;
    events.push(event);
    lines.push(line);
    ends.push(start);
  }
  return {
    head,
    events,
    lines,
    ends,
    headEnd,
    goodLength: start,
    tornBytes: bytes.length - start,
    exists: true,
  };
}

/** A journal's head line (without its newline): the store it belongs to and the snapshot it follows. */
export function headLine(store: string, follows: number, last: string): string {
  return sealLine(JSON.stringify({ journal: 'thidua-bot', store, follows, last })).text;
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
  /** Each line in the file after its head: its seq, and where it ends. */
  private seqs: number[];
  private ends: number[];
  /** Where the head line ends (0: no head yet). */
  private headEnd: number;
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
    this.headEnd = contents.headEnd;
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

  /** Whether the file starts with a head line (every line of layout 8 is appended after one). */
  get headed(): boolean {
    return this.headEnd > 0;
  }

  /** Change lines in the file (the head aside). */
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
   * Drops the lines of seq ≤ `seq` (a durable snapshot holds them) and starts the file with `head`
   * (headLine: the store, and the snapshot the lines after it follow): the head and the lines after
   * `seq` are written as a new journal (temp file, fdatasync, rename). Appends wait meanwhile. If the
   * disk refuses, it throws and the journal stays as it was — its old head and lines, which the
   * snapshot still follows (storage/store.ts finds the snapshot's place among them).
   */
  async dropThrough(seq: number, head: string): Promise<void> {
    this.paused = true;
    try {
      await this.drain();
      let keep = 0;
      while (keep < this.seqs.length && (this.seqs[keep] as number) <= seq) keep += 1;
      const cut = keep === 0 ? this.headEnd : (this.ends[keep - 1] as number);
      const headBytes = Buffer.from(`${head}\n`, 'utf8');
      const file = Buffer.alloc(headBytes.length + this.position - cut);
      headBytes.copy(file, 0);
      if (this.position > cut) {
        const reader = await open(this.path, 'r');
        try {
          await reader.read(file, headBytes.length, this.position - cut, cut);
        } finally {
          await reader.close();
        }
      }
      await this.files.writeDurably(this.path, file);
      const handle = await this.files.openJournal(this.path);
      await this.handle.close().catch(() => {});
      this.handle = handle;
      this.position = file.length;
      this.needsTruncate = false;
      this.seqs = this.seqs.slice(keep);
      this.ends = this.ends.slice(keep).map((end) => end - cut + headBytes.length);
      this.headEnd = headBytes.length;
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
