import { setImmediate as nextTurn } from 'node:timers/promises';
import type { StoreWriteError } from '../core/errors.js';

/** One line waiting to be made durable: its text, its place in the order of changes, and what undoes it. */
export interface PendingLine<T> {
  line: string;
  seq: number;
  meta: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The order and batching every log of the store shares (the journal file, PostgreSQL's table): lines
 * are made durable in the order they were appended; appends queued while a write is in flight share
 * the next one (group commit), so a burst of commands costs one flush or one transaction, not one
 * each. A promise from `append` resolves only once its line is durable. If a write fails, that batch
 * and everything queued after it are rejected — in order, through `onAbort`, so the caller can undo
 * them — and the next write starts by cutting away whatever part of the failed one may have landed.
 *
 * A subclass says how a batch is written (`writeBatch`), how a failed one is cut back (`cutBack`),
 * and what the failure is called (`failure`).
 */
export abstract class GroupCommit<T> {
  private queue: PendingLine<T>[] = [];
  private inFlight: PendingLine<T>[] = [];
  private flushing: Promise<void> | null = null;
  /** The durable batches' lines being told, in order (see tellInTurns). */
  private telling: Promise<void> = Promise.resolve();
  private paused = false;
  /** The lowest seq of each batch that failed, in order (a compaction checks none of its lines failed). */
  private readonly failures: number[] = [];

  protected constructor(private readonly onAbort: (metas: T[]) => void) {}

  /** Writes a batch durably, in order; throws if it could not (some of it may have landed: see `cutBack`). */
  protected abstract writeBatch(batch: readonly PendingLine<T>[]): Promise<void>;
  /** Removes whatever a failed write may have left, so it is never replayed. Called before the next write. */
  protected abstract cutBack(): Promise<void>;
  /** The error each line of a failed batch is rejected with. */
  protected abstract failure(cause: unknown): StoreWriteError;

  /** Queues one line (without its newline) for the event `seq`; resolves when it is durable. */
  append(line: string, seq: number, meta: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, seq, meta, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once everything queued so far is durable (or has failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.telling;
  }

  /** Lines queued and not yet being written. */
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

  /** Resolves once no line of seq ≤ `seq` waits to be written (each is durable, or failed). */
  async settledThrough(seq: number): Promise<void> {
    const waiting = () => this.inFlight.some((p) => p.seq <= seq) || this.queue.some((p) => p.seq <= seq);
    while (waiting()) {
      this.kick();
      if (this.flushing) await this.flushing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Holds appends (they queue) while `work` runs on a log with nothing in flight. */
  protected async whilePaused<R>(work: () => Promise<R>): Promise<R> {
    this.paused = true;
    try {
      await this.drain();
      return await work();
    } finally {
      this.paused = false;
      this.kick();
    }
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
      try {
        await this.cutBack();
        await this.writeBatch(batch);
      } catch (cause) {
        const aborted = [...batch, ...this.queue.splice(0)];
        this.inFlight = [];
        this.failures.push(Math.min(...aborted.map((p) => p.seq)));
        this.onAbort(aborted.map((p) => p.meta));
        const error = this.failure(cause);
        // After the lines made durable before them are told.
        this.telling = this.telling.then(() => {
          for (const item of aborted) item.reject(error);
        });
        // Cut the failed write off at once (it may have landed even though it failed); if that fails
        // too, the next write or the close tries again.
        await this.cutBack().catch(() => {});
        continue;
      }
      this.inFlight = [];
      // Told while the next batch is written.
      this.telling = this.telling.then(() => tellInTurns(batch));
    }
  }
}

/** How long the event loop may run what a batch's lines set going before it gets a turn. */
const SLICE_MS = 5;

/**
 * Tells a durable batch's lines in slices, each in a turn of the event loop of its own: what a
 * command does once its line is durable (its reply; in the bench, the same chat's next command up
 * to its own write) runs before the next slice is told. Told at once, 50 writers' commands ran back
 * to back and held the loop for all 50 (67 ms at 100k entries). A slice is as many lines as took
 * about SLICE_MS the last time (one at first, doubled or halved after each turn).
 */
async function tellInTurns(batch: readonly PendingLine<unknown>[]): Promise<void> {
  let size = 1;
  for (let next = 0; next < batch.length; ) {
    const started = performance.now();
    const end = Math.min(batch.length, next + size);
    for (; next < end; next += 1) batch[next]?.resolve();
    if (next === batch.length) return;
    // The lines told run (their microtasks) before this turn comes.
    await nextTurn();
    const took = performance.now() - started;
    if (took < SLICE_MS / 2) size *= 2;
    else if (took > SLICE_MS) size = Math.max(1, size >> 1);
  }
}
