import type { Adapter } from 'lowdb';
import type { Verdict } from './read-ahead.js';
import type { State, StoreEvent } from './schema.js';

/**
 * Asked when a snapshot's state is captured; the answer, given the capture's seq once the snapshot is
 * written, says whether it may replace the old one (every change it holds is durable in the log).
 */
export type MayReplace = () => (seq: number) => Promise<boolean>;

/**
 * What a log's lines follow (storage/line.ts): the store they belong to, and the snapshot before
 * them — its seq, and the checksum of its last line (the `prev` of the first line after it).
 */
export interface LogHead {
  store: string;
  follows: number;
  last: string;
}

/** The lines of a log after its snapshot, each a valid event, in the order they were written. */
export interface LogLines {
  /**
   * What the lines follow as the log records it — the journal file's head line; null when the log
   * keeps one but has none (a journal of layout 7, or no journal at all); undefined for a log that
   * keeps none, whose lines follow its snapshot by their own chain alone.
   */
  head?: LogHead | null;
  events: StoreEvent[];
  /** Names the log in messages: the journal's path, or the database's table. */
  name: string;
  /** Names line `i` (0-based) for an operator: `line 3`, `seq 1042`. */
  label(i: number): string;
  /** Bytes of an incomplete last line dropped (a write cut off before it was acknowledged); 0 if none. */
  tornBytes: number;
}

/** Where the store writes its lines: in order, durably, each rejected (and undone) if it cannot be. */
export interface LogWriter<T> {
  /** Lines written since the snapshot. */
  readonly lines: number;
  /** Lines queued and not yet being written. */
  readonly pending: number;
  /** Queues one line for the event `seq`; resolves once it is durable, rejects with StoreWriteError if not. */
  append(line: string, seq: number, meta: T): Promise<void>;
  /** How many batches have failed so far (a mark for `failedSince`). */
  readonly failureMark: number;
  /** Whether a batch holding a line of seq ≤ `seq` has failed since `mark`. */
  failedSince(mark: number, seq: number): boolean;
  /** Resolves once no line of seq ≤ `seq` waits to be written. */
  settledThrough(seq: number): Promise<void>;
  /**
   * Drops the lines of seq ≤ `seq` (a durable snapshot holds them), the log then following `head` (the
   * journal file writes it as its first line). Throws if it could not: the lines stay, and the snapshot
   * stands on their chain (Store.follow).
   */
  dropThrough(seq: number, head?: LogHead): Promise<void>;
  /** Waits for what is queued, then lets go of the log. */
  close(): Promise<void>;
  /**
   * Resolves if a line could be written now (a log shared by instances: this one is still the writer);
   * rejects with StoreWriteError if not. A log that needs no asking leaves it out.
   */
  checkWritable?(): Promise<void>;
  /**
   * The store is writing a snapshot or a backup meanwhile (true), or no longer (false): a log that
   * writes some lines on the event loop's thread sends them all elsewhere meanwhile (storage/journal.ts).
   */
  diskBusy?(busy: boolean): void;
}

/**
 * Where a Store keeps what it remembers: a snapshot and the lines written after it. The store's state
 * and every rule about it stay in memory (storage/store.ts); a log only makes lines and snapshots
 * durable and reads them back, so a change the store learns (a new event, a new check on load) holds
 * the same on every log. Two logs: files in a data directory (storage/file-log.ts, the default) and
 * PostgreSQL (storage/postgres/log.ts).
 */
export interface StoreLog {
  /** The data directory: the store's own files, or on PostgreSQL only the files kept beside the store. */
  readonly dir: string;
  /** Names the store in messages. */
  readonly name: string;
  /** Before anything is read, for a store opened for writing: the place made ready (a new directory). */
  prepare(): Promise<void>;
  /** lowdb's adapter for the snapshot: `read` gives the state or null (a new store), `write` folds a capture. */
  snapshot(mayReplace: MayReplace): Adapter<State>;
  /** Names the snapshot last read, for messages about what it holds. */
  readonly snapshotName: string;
  /** The lines after the snapshot (after `snapshot().read()`), each valid; anything else throws StoreCorruptError. */
  readLines(): Promise<LogLines>;
  /**
   * Where a worker checked the snapshot just read (storage/read-ahead.ts): its verdict on the store's
   * rules over what it holds, which Store.open then does not check itself. Undefined where none did.
   */
  snapshotRules?(): Promise<Verdict> | undefined;
  /** Opens the log for writing, once everything read was valid; `onAbort` undoes the lines of a failed write. */
  openWriter<T>(onAbort: (metas: T[]) => void): Promise<LogWriter<T>>;
  /**
   * Before a store of an older layout is written in today's (storage/migrations.ts): keep what it was
   * (the files: a layout-7 snapshot copied among the backups). A log that needs nothing leaves it out.
   */
  keepOlderLayout?(): Promise<void>;
  /** After a snapshot of seq `seq` has replaced the old one and its lines were dropped. */
  afterFold(seq: number): Promise<void>;
  /** The daily backup, if the log keeps its own (`compact` folds the lines first); null when none is due. */
  backupIfDue(now: Date, compact: () => Promise<void>): Promise<string | null>;
  /** Lets go of whatever the log holds open (after the writer is closed). */
  close(): Promise<void>;
}
