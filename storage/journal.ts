import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import {
  type DataFile,
  isErrnoException,
  JOURNAL_WRITES_DURABLY,
  nodeFiles,
  type StoreFiles,
  syncDirectory,
} from './files.js';
import { GroupCommit, type PendingLine } from './group-commit.js';
import { checkSeal, sealLine } from './line.js';
import type { LogHead, LogWriter } from './log.js';
import { eventSchema, journalHeadSchema, type StoreEvent } from './schema.js';
import { describeIssues } from './snapshot-file.js';

export interface JournalContents {
  /** The journal's first line (layout 8): the store it belongs to and the snapshot it follows. */
  head: LogHead | null;
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
}

const NEWLINE = 0x0a;
/** Strict: a byte sequence that is not UTF-8 is corruption, never silently replaced. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One journal line's text as the event it holds: valid JSON, a valid event, and — a line of layout 8
 * — matching its checksum (storage/line.ts), or an Error saying what is wrong with it (`where` names
 * the line for the operator). The event's `sum` is the one its seal holds, and only then. Every log of
 * the store — the journal file, PostgreSQL's journal table — reads its lines through this one function.
 * `bytes`: the line's UTF-8 bytes, when the caller has them (else the text is encoded to check it).
 */
export function parseJournalLine(text: string, where: string, file: string, bytes?: Uint8Array): StoreEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(file, `${where} is not valid JSON (${(error as Error).message})`);
  }
  const seal = checkSeal(bytes ?? text);
  if (seal.sealed && !seal.intact) throw new StoreCorruptError(file, `${where} ${CHANGED}`);
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StoreCorruptError(file, `${where} is not a valid event: ${describeIssues(parsed.error)}`);
  }
  const event = parsed.data;
  // A "sum" anywhere but in the seal means nothing: such a line is unsealed.
  if (seal.sealed) event.sum = seal.sum;
  else delete event.sum;
  return event;
}

const CHANGED =
  'does not match its checksum (changed after it was written: edited by hand, or damaged on disk)';

/** A journal's head line (without its newline): the store it belongs to and the snapshot it follows. */
export function headLine(head: LogHead): string {
  return sealLine(
    JSON.stringify({ journal: 'thidua-bot', store: head.store, follows: head.follows, last: head.last }),
  ).text;
}

/** The head line, if `text` is one (layout 8's first line); anything else that claims to be one throws. */
function parseHead(text: string, bytes: Uint8Array, file: string): LogHead | null {
  if (!text.startsWith('{"journal":')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(file, `line 1 is not valid JSON (${(error as Error).message})`);
  }
  const seal = checkSeal(bytes);
  if (seal.sealed && !seal.intact) throw new StoreCorruptError(file, `line 1 ${CHANGED}`);
  const parsed = journalHeadSchema.safeParse(raw);
  if (!parsed.success || !seal.sealed) {
    const why = parsed.success ? 'it has no checksum' : describeIssues(parsed.error);
    throw new StoreCorruptError(file, `line 1 is not a valid journal head: ${why}`);
  }
  return { store: parsed.data.store, follows: parsed.data.follows, last: parsed.data.last };
}

/**
 * Reads a JSON Lines journal: its head line (layout 8), then its events. Every complete line must be
 * valid (parseJournalLine); only an incomplete last line (no newline: its write never finished, so
 * it was never acknowledged) is dropped. Anything else throws, naming the line. Whether the lines
 * belong to the snapshot (identity, chain, seq) is for the store to check (Store.follow).
 */
export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT')
      return { head: null, events: [], lines: [], ends: [], headEnd: 0, goodLength: 0, tornBytes: 0 };
    throw new StoreCorruptError(path, `cannot be read (${isErrnoException(error) ? error.code : error})`, {
      cause: error,
    });
  }
  const events: StoreEvent[] = [];
  const lines: number[] = [];
  const ends: number[] = [];
  let head: LogHead | null = null;
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
    start = end + 1;
    if (line === 1) {
      head = parseHead(text, raw, path);
      if (head) {
        headEnd = start;
        continue;
      }
    }
    events.push(parseJournalLine(text, `line ${line}`, path, raw));
    lines.push(line);
    ends.push(start);
  }
  return { head, events, lines, ends, headEnd, goodLength: start, tornBytes: bytes.length - start };
}

/**
 * The append-only journal file, with group commit (storage/group-commit.ts): appends queued while a
 * flush is in flight share the next write, durable when it returns (O_DSYNC; else write, then
 * fdatasync). If a flush fails, the next write starts by truncating the partial bytes away.
 *
 * A compaction never stops it: the snapshot is written while lines go on being appended, and only
 * then are the lines the snapshot holds dropped from the front (`dropThrough`), which holds appends
 * for as long as it takes to copy the few lines written meanwhile.
 */
export class Journal<T> extends GroupCommit<T> implements LogWriter<T> {
  private needsTruncate: boolean;
  /** Each line in the file after its head: its seq, and where it ends. */
  private seqs: number[];
  private ends: number[];
  /** Where the head line ends (0: no head yet). */
  private headEnd: number;

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

  /** Lines in the file. */
  get lines(): number {
    return this.seqs.length;
  }

  /**
   * Drops the lines of seq ≤ `seq` (a durable snapshot holds them) and starts the file with `head`
   * (the store, and the snapshot the lines after it follow): the head and the lines after `seq` are
   * written as a new journal (temp file, fdatasync, rename). Appends wait meanwhile. If the disk
   * refuses, it throws and the journal stays as it was — its old head and lines, which the snapshot
   * still stands on (Store.follow finds its place among them).
   */
  dropThrough(seq: number, head?: LogHead): Promise<void> {
    if (!head) return Promise.reject(new Error('the journal file is rewritten with its head'));
    return this.whilePaused(async () => {
      let keep = 0;
      while (keep < this.seqs.length && (this.seqs[keep] as number) <= seq) keep += 1;
      const cut = keep === 0 ? this.headEnd : (this.ends[keep - 1] as number);
      const headBytes = Buffer.from(`${headLine(head)}\n`, 'utf8');
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
      // Opened with O_DSYNC, each write above returned once its bytes were on disk.
      if (!JOURNAL_WRITES_DURABLY) await this.handle.datasync();
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
