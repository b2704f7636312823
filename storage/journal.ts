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
  /** Zero bytes after the last line (and after `tornBytes`): room made ahead for the next lines (see `Journal`). */
  zeroBytes: number;
}

/**
 * The most a single write into the journal's zeros puts down (lines whole, in order; a longer line is
 * appended past them, after they are cut away). A power cut during such a write may leave any part of
 * it on disk and the rest zero — a partial line, zeros, then lines — so text found after the first
 * zero byte is the unfinished write's only within this many bytes of where it began. Only raised,
 * never lowered: a journal written with a larger piece would read as damaged.
 */
export const JOURNAL_PIECE_BYTES = 64 << 10;
/** The smallest unit a disk writes whole. */
const SECTOR_BYTES = 512;

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
 *
 * A journal with a head may end in zero bytes, the room `Journal` makes ahead of its lines: the lines
 * end at the first line that begins with, or holds, a zero byte. After that point only zeros may
 * follow — or, within JOURNAL_PIECE_BYTES of it, what a write cut off by a power cut put down of its
 * bytes (never acknowledged: dropped, as an incomplete last line is). Text further on means lines
 * that were acknowledged are damaged: that throws, as any other damage does.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT')
      return {
        head: null,
        events: [],
        lines: [],
        ends: [],
        headEnd: 0,
        goodLength: 0,
        tornBytes: 0,
        zeroBytes: 0,
      };
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
    const raw = bytes.subarray(start, end);
    // Zeros made ahead of the lines (only a journal with a head has them): the lines end here.
    if (head && raw.includes(0))
      return zeroTail(path, bytes, { head, events, lines, ends, headEnd }, start, line + 1);
    line += 1;
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
  if (head && bytes.subarray(start).includes(0)) {
    return zeroTail(path, bytes, { head, events, lines, ends, headEnd }, start, line + 1);
  }
  return {
    head,
    events,
    lines,
    ends,
    headEnd,
    goodLength: start,
    tornBytes: bytes.length - start,
    zeroBytes: 0,
  };
}

/**
 * The journal's lines when the rest of the file, from `start` (where line `line` would begin), holds
 * a zero byte: zeros, with perhaps an unfinished write's bytes near `start` — or, past
 * JOURNAL_PIECE_BYTES, damage.
 */
function zeroTail(
  path: string,
  bytes: Buffer,
  read: Pick<JournalContents, 'head' | 'events' | 'lines' | 'ends' | 'headEnd'>,
  start: number,
  line: number,
): JournalContents {
  let last = bytes.length - 1;
  while (last >= start && bytes[last] === 0) last -= 1;
  const torn = last + 1 - start;
  // A write cut off leaves whole sectors (512 bytes, or more) unwritten: zeros up to a sector's end.
  let zeros = bytes.indexOf(0, start);
  while (zeros < bytes.length && bytes[zeros] === 0) zeros += 1;
  const damage =
    torn > JOURNAL_PIECE_BYTES
      ? `${torn} bytes of text follow, further than an unfinished write reaches`
      : zeros < bytes.length && zeros % SECTOR_BYTES !== 0
        ? 'text follows them within a disk sector, which no unfinished write leaves'
        : null;
  if (damage) {
    throw new StoreCorruptError(
      path,
      `line ${line} holds zero bytes and ${damage} (damaged on disk, or changed after it was written)`,
    );
  }
  return { ...read, goodLength: start, tornBytes: torn, zeroBytes: bytes.length - start - torn };
}

/** How far ahead of its lines the journal makes room (zeros) at a time. */
export const JOURNAL_ROOM_BYTES = 1 << 20;

/**
 * How many lines of a lone writer in a row the main thread writes itself (see `Journal`) before one
 * goes to the write thread again, to see whether others write meanwhile. Each such probe pays the
 * thread's two hand-offs (~0.5-1 ms at a p99 on this VM): at one in 33 they were 3% of a lone writer's
 * writes, its whole p99 (0.71-0.86 ms against 0.12 at p50; SQLite 0.29-0.32). At one in 256 they are
 * 0.4%; a disk that turns slow is seen at once instead (JOURNAL_SLOW_HERE_MS).
 */
export const JOURNAL_ALONE_RUN = 255;

/**
 * A line the main thread wrote itself that took longer than this sends the next one through the thread:
 * on a slow disk (or a slow moment of it) the event loop does not wait write after write, and whether
 * others came meanwhile is seen at the next write instead of up to JOURNAL_ALONE_RUN lines later.
 */
export const JOURNAL_SLOW_HERE_MS = 1;

/**
 * How long the main thread writes lines itself between two turns of the event loop. A writer that
 * awaits its writes one after another (an import, a batch of approvals) is answered in microtasks
 * while they are made here, and would hold the timers and every other message for as long as it
 * writes (255 lines at ~0.2 ms: 50 ms, seen in the bench's compaction row); past this, the next line
 * waits for a turn of the loop (setImmediate: microseconds when nothing else waits) before it is
 * written. Not through the thread: its hand-offs would be the lone writer's slow tail again.
 */
export const JOURNAL_HERE_TURN_MS = 5;

/**
 * The append-only journal file, with group commit (storage/group-commit.ts): appends queued while a
 * flush is in flight share the next write, durable when it returns (O_DSYNC; else write, then
 * fdatasync). If a flush fails, the next write starts by truncating the partial bytes away.
 *
 * Lines are written into zeros put down ahead of them (JOURNAL_ROOM_BYTES at a time, in the same write
 * as the line that needs them), as SQLite's WAL reuses its file: a write that makes the file longer
 * makes its fdatasync commit the file system's journal too (ext4, XFS: the new size), a second write
 * to the disk that doubled the slow tail of a durable write; a write within the file's length does
 * not. `readJournal` finds the lines' end (the first zero byte); the zeros are cut away when the
 * journal closes, so a journal at rest is its lines.
 *
 * A line written alone — its batch holds it only, and no line came while the last write through the
 * thread was in flight — is written by the main thread itself (DataFile.write's `here`), as SQLite
 * commits: the event loop waits for the disk, but nothing else was waiting for it, and no other
 * thread has to be woken twice a write (the hand-offs doubled the slow tail; storage/journal-thread.ts).
 * One line in JOURNAL_ALONE_RUN + 1 still goes through the thread, to see whether others write
 * meanwhile, and so do the line after one the main thread took long to write and every line while
 * the store writes a snapshot or a backup (`diskBusy`) (and past
 * JOURNAL_HERE_TURN_MS of its writes without a turn of the event loop, the loop turns first): once others do, every batch goes through the thread — the loop serves them while the disk
 * works, and their lines share the next write — until a write through it again finds none waiting.
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
  /** Where the zeros after the lines end (the file's length; `position` when there are none). */
  private room: number;
  /** The disk had no space for zeros ahead: lines are appended until the journal is rewritten. */
  private noRoom = false;
  /** Lone lines the main thread may still write itself before one goes through the thread (see the class). */
  private aloneLeft = 0;
  /** The store writes a snapshot or a backup meanwhile: every line goes through the thread (diskBusy). */
  private busy = false;
  /** When the main thread began writing lines itself since the event loop last turned (NaN: it has turned since). */
  private hereSince = Number.NaN;

  private constructor(
    readonly path: string,
    private handle: DataFile,
    private position: number,
    contents: JournalContents,
    onAbort: (metas: T[]) => void,
    private readonly files: StoreFiles,
  ) {
    super(onAbort);
    this.needsTruncate = contents.tornBytes > 0;
    this.room = this.needsTruncate ? position : position + contents.zeroBytes;
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
    if (contents.goodLength === 0 && contents.tornBytes === 0 && contents.zeroBytes === 0) {
      await syncDirectory(dirname(path));
    }
    return new Journal(path, handle, contents.goodLength, contents, onAbort, files);
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
      this.room = file.length;
      this.noRoom = false;
      this.needsTruncate = false;
      this.seqs = this.seqs.slice(keep);
      this.ends = this.ends.slice(keep).map((end) => end - cut + headBytes.length);
      this.headEnd = headBytes.length;
    });
  }

  async close(): Promise<void> {
    await this.drain();
    // The zeros ahead go too: a journal at rest is its lines.
    if (this.room > this.position) this.needsTruncate = true;
    await this.cutBack().catch(() => {});
    await this.handle.close();
  }

  /** Removes the bytes of a failed write, so they can never be replayed (and the zeros after them). */
  protected async cutBack(): Promise<void> {
    if (!this.needsTruncate) return;
    await this.handle.truncate(this.position);
    await this.handle.datasync();
    this.room = this.position;
    this.needsTruncate = false;
  }

  protected async writeBatch(batch: readonly PendingLine<T>[]): Promise<void> {
    const buffer = Buffer.from(batch.map((p) => `${p.line}\n`).join(''), 'utf8');
    try {
      // Pieces of whole lines, each durable before the next: a power cut tears only the last (readJournal).
      let from = 0;
      let offset = 0;
      for (let i = 0; i < batch.length; i += 1) {
        const next = offset + Buffer.byteLength((batch[i] as PendingLine<T>).line, 'utf8') + 1;
        if (next - from > JOURNAL_PIECE_BYTES && offset > from) {
          await this.writePiece(buffer.subarray(from, offset), this.position + from, false);
          from = offset;
        }
        offset = next;
      }
      await this.writePiece(buffer.subarray(from), this.position + from, batch.length === 1);
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

  /**
   * Writes `piece` durably at `at`: into the zeros ahead, with more of them when it needs them.
   * `alone`: the piece is a batch of one line.
   */
  private async writePiece(piece: Buffer, at: number, alone: boolean): Promise<void> {
    const end = at + piece.length;
    const long = piece.length > JOURNAL_PIECE_BYTES;
    if (end <= this.room && !long) return this.writeLine(piece, at, alone);
    if (long || this.noRoom) {
      // Appended past the zeros, which go first: only a piece this long may tear (readJournal).
      if (this.room > at) {
        await this.handle.truncate(at);
        await this.handle.datasync();
        this.room = at;
      }
      await this.writeAll(piece, at);
      this.room = Math.max(this.room, end);
      return;
    }
    const withRoom = Buffer.alloc(piece.length + JOURNAL_ROOM_BYTES);
    piece.copy(withRoom, 0);
    try {
      await this.writeAll(withRoom, at);
    } catch (error) {
      if (!(isErrnoException(error) && error.code === 'ENOSPC')) throw error;
      // No space for the zeros: the lines alone may still fit. Whatever landed is cut first.
      this.noRoom = true;
      await this.handle.truncate(at).catch(() => {
        throw error;
      });
      this.room = at;
      await this.writeAll(piece, at);
      this.room = end;
      return;
    }
    this.room = at + withRoom.length;
  }

  /**
   * Writes lines into the zeros: a lone writer's on the main thread (after a turn of the loop once
   * JOURNAL_HERE_TURN_MS of them went without one), except one in JOURNAL_ALONE_RUN + 1 and the one after
   * a slow write here (see the class); others' through the thread, which then tells whether lines came meanwhile.
   */
  private async writeLine(piece: Buffer, at: number, alone: boolean): Promise<void> {
    const here = alone && this.aloneLeft > 0 && !this.busy;
    if (here) {
      // Past the main thread's share of this turn, the loop turns first (the immediate that ends the
      // run comes before this one), then a new run begins.
      if (performance.now() - this.hereSince > JOURNAL_HERE_TURN_MS)
        await new Promise<void>((resolve) => setImmediate(resolve));
      if (Number.isNaN(this.hereSince)) {
        this.hereSince = performance.now();
        setImmediate(() => {
          this.hereSince = Number.NaN;
        });
      }
    }
    const started = here ? performance.now() : 0;
    await this.writeAll(piece, at, here);
    if (here) this.aloneLeft = performance.now() - started > JOURNAL_SLOW_HERE_MS ? 0 : this.aloneLeft - 1;
    else this.aloneLeft = alone && this.pending === 0 ? JOURNAL_ALONE_RUN : 0;
  }

  /**
   * While the store writes a snapshot or a backup, the disk flushes megabytes at a time: a line written
   * on the main thread then would hold the event loop until the flush is done (the compaction's longest
   * block 3 → 12-20 ms at 100k when lone lines were first written here). They go through the thread.
   */
  diskBusy(busy: boolean): void {
    this.busy = busy;
  }

  /** Writes all of `bytes` at `at`, durably (O_DSYNC, or fdatasync after); `here`: on this thread. */
  private async writeAll(bytes: Buffer, at: number, here = false): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(
        bytes,
        written,
        bytes.length - written,
        at + written,
        here,
      );
      written += bytesWritten;
    }
    // Opened with O_DSYNC, each write above returned once its bytes were on disk.
    if (!JOURNAL_WRITES_DURABLY) await this.handle.datasync();
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
