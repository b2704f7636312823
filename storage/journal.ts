import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import { type DataFile, isErrnoException, nodeFiles, type StoreFiles, syncDirectory } from './files.js';
import { GroupCommit, type PendingLine } from './group-commit.js';
import type { LogWriter } from './log.js';
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
 * One journal line's text as the event it holds: valid JSON and a valid event, or an Error saying
 * what is wrong with it (`where` names the line for the operator). Every log of the store — the
 * journal file, PostgreSQL's journal table — reads its lines through this one function.
 */
export function parseJournalLine(text: string, where: string, file: string): StoreEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(file, `${where} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StoreCorruptError(file, `${where} is not a valid event: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

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
    events.push(parseJournalLine(text, `line ${line}`, path));
    start = end + 1;
    ends.push(start);
  }
  return { events, ends, goodLength: start, tornBytes: bytes.length - start };
}

/**
 * The append-only journal file, with group commit (storage/group-commit.ts): appends queued while a
 * flush is in flight share the next write and fdatasync. If a flush fails, the next write starts by
 * truncating the partial bytes away.
 *
 * A compaction never stops it: the snapshot is written while lines go on being appended, and only
 * then are the lines the snapshot holds dropped from the front (`dropThrough`), which holds appends
 * for as long as it takes to copy the few lines written meanwhile.
 */
export class Journal<T> extends GroupCommit<T> implements LogWriter<T> {
  private needsTruncate: boolean;
  /** Each line in the file: its seq, and where it ends. */
  private seqs: number[];
  private ends: number[];

  private constructor(
    readonly path: string,
    private handle: DataFile,
    private position: number,
    fileLength: number,
    contents: JournalContents,
    onAbort: (metas: T[]) => void,
    private readonly files: StoreFiles,
  ) {
    super(onAbort);
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

  /**
   * Drops the lines of seq ≤ `seq` (a durable snapshot holds them): the lines after them are copied
   * into a new journal (temp file, fdatasync, rename), or the file is emptied when there are none.
   * Appends wait meanwhile. If the disk refuses, the journal stays as it was: its old lines are
   * skipped on replay by their seq.
   */
  dropThrough(seq: number): Promise<void> {
    return this.whilePaused(async () => {
      try {
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
      }
    });
  }

  async close(): Promise<void> {
    await this.drain();
    await this.cutBack().catch(() => {});
    await this.handle.close();
  }

  /** Removes the bytes of a failed write, so they can never be replayed. */
  protected async cutBack(): Promise<void> {
    if (!this.needsTruncate) return;
    await this.handle.truncate(this.position);
    await this.handle.datasync();
    this.needsTruncate = false;
  }

  protected async writeBatch(batch: readonly PendingLine<T>[]): Promise<void> {
    const buffer = Buffer.from(batch.map((p) => `${p.line}\n`).join(''), 'utf8');
    try {
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
    } catch (error) {
      this.needsTruncate = true;
      throw error;
    }
    let end = this.position;
    for (const item of batch) {
      end += Buffer.byteLength(item.line, 'utf8') + 1;
      this.seqs.push(item.seq);
      this.ends.push(end);
    }
    this.position = end;
  }

  protected failure(cause: unknown): StoreWriteError {
    return new StoreWriteError(
      `cannot write ${this.path} (${isErrnoException(cause) ? cause.code : cause})`,
      {
        cause,
      },
    );
  }
}
