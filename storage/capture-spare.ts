import type { NumberArray } from './columns.js';
import { type CaptureArrays, captureArrays, type EntryTable, roomOf } from './entry-table.js';

/*
 * Warm memory for the captures of an entry table (a compaction's, a report's). A capture copies the
 * table's number columns in one synchronous step; into fresh arrays most of that step is the kernel
 * faulting their memory in (at 1M entries ~55 MB: 72-90 ms of CPU on a 2-core EPYC, 120-250 ms on the
 * event loop), into arrays whose memory was used before it is the copy alone (~10 ms). So a table
 * keeps one set of spare arrays: lent to a capture, given back once nothing reads the capture any
 * more (the snapshot written, the report's columns written to its socket), and lent to the next. The
 * spare is made before it is first needed, and made again larger as the table grows near its room,
 * its pages touched a megabyte at a time between turns of the event loop (`warm`).
 *
 * One set, shared by compactions and reports: it costs the copy's size in memory (~7 MB at 100k
 * entries, ~70 MB at 1M) for as long as the store is open — what the compaction's own spare cost
 * already. A capture taken while the spare is lent (a report during a compaction) makes its own.
 */

/** Pages touched in one step of `warm`: 1 MB, a few ms at most. */
const PAGES_PER_STEP = 256;
const PAGE_BYTES = 4096;
/** The spare is made again, larger, once the table fills this share of its room. */
const FULL = 0.9;
const EMPTY = new Uint8Array(0);

/** Arrays being made, one at a time: the one whose pages are being touched, and how far. */
interface Making {
  arrays: Generator<NumberArray, CaptureArrays>;
  bytes: Uint8Array;
  offset: number;
}

export class CaptureSpare {
  /** The spare, warm, when it is not lent. */
  private spare: CaptureArrays | undefined;
  /** The room of the largest arrays this table keeps (the spare, or those lent): 0 while it has none. */
  private room = { rows: 0, items: 0 };
  private making: Making | undefined;
  private scheduled = false;
  private stopped = false;

  constructor(private readonly table: EntryTable) {}

  /**
   * The spare arrays, lent to a capture (undefined when they are lent already, or not made yet: the
   * capture makes its own). Whatever the capture was taken into is given back with `give`.
   */
  take(): CaptureArrays | undefined {
    const spare = this.spare;
    this.spare = undefined;
    return spare;
  }

  /**
   * Arrays a capture is done with — nothing reads them any more — kept for the next capture (the
   * larger of these and the spare). Then, if the table has grown near their room, larger ones are
   * made between turns of the event loop.
   */
  give(arrays: CaptureArrays): void {
    if (this.stopped) return;
    this.keepSpare(arrays);
    if (this.needed()) this.schedule();
  }

  /**
   * One step of making the spare (a megabyte of its pages touched): true while there is more to do,
   * false once the spare has room for the table. The bot calls it between turns of the event loop
   * after start (Store.warmFigures); after a capture it goes on by itself.
   */
  warm(): boolean {
    if (this.stopped) return false;
    if (!this.making) {
      if (!this.needed()) return false;
      this.making = {
        arrays: captureArrays(this.table.count, this.table.itemCount),
        bytes: EMPTY,
        offset: 0,
      };
    }
    const making = this.making;
    let pages = PAGES_PER_STEP;
    while (pages > 0) {
      const bytes = making.bytes;
      // A write, not a read: reading a page never written maps the shared zero page, not one of its own.
      for (; pages > 0 && making.offset < bytes.length; pages -= 1, making.offset += PAGE_BYTES) {
        bytes[making.offset] = 0;
      }
      if (making.offset < bytes.length) return true;
      // The next array, made only now (see captureArrays); or all are made.
      const next = making.arrays.next();
      if (next.done) {
        this.making = undefined;
        this.keepSpare(next.value);
        return this.needed();
      }
      making.bytes = new Uint8Array(next.value.buffer);
      making.offset = 0;
    }
    return true;
  }

  /** No more steps (the store is closed). */
  stop(): void {
    this.stopped = true;
    this.making = undefined;
    this.spare = undefined;
  }

  /** Keeps `arrays` as the spare if they are larger than it (or there is none). */
  private keepSpare(arrays: CaptureArrays): void {
    const room = roomOf(arrays);
    const spare = this.spare ? roomOf(this.spare) : undefined;
    if (!spare || room.rows + room.items > spare.rows + spare.items) this.spare = arrays;
    if (room.rows + room.items > this.room.rows + this.room.items) this.room = room;
  }

  /** Whether the table has no spare yet, or has grown near its room. */
  private needed(): boolean {
    return (
      this.table.count > this.room.rows * FULL ||
      this.table.itemCount > this.room.items * FULL ||
      this.room.rows === 0
    );
  }

  /** Steps of `warm` between turns of the event loop until the spare is made (never holding the process). */
  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const step = () => {
      if (this.warm()) setImmediate(step).unref();
      else this.scheduled = false;
    };
    setImmediate(step).unref();
  }
}

const spares = new WeakMap<EntryTable, CaptureSpare>();

/** The spare arrays of `table`'s captures (one set per table, made at its first use). */
export function spareOf(table: EntryTable): CaptureSpare {
  let spare = spares.get(table);
  if (!spare) {
    spare = new CaptureSpare(table);
    spares.set(table, spare);
  }
  return spare;
}
