import type { Adapter } from 'lowdb';
import pg from 'pg';
import { StoreCorruptError, StoreWriteError } from '../../core/errors.js';
import { GroupCommit, type PendingLine } from '../group-commit.js';
import { parseJournalLine } from '../journal.js';
import type { LogLines, LogWriter, MayReplace, StoreLog } from '../log.js';
import type { State, StoreEvent } from '../schema.js';
import { lendCapture, SnapshotNotKeptError, snapshotChunks, snapshotOf } from '../snapshot-file.js';
import type { StoreLogger } from '../store.js';
import { connectClient, describeTarget, ident, type PostgresTarget } from './connection.js';

/** A write refused because another instance became active (its epoch is newer than this one's). */
export class StoreFencedError extends StoreWriteError {
  override readonly name = 'StoreFencedError';
  constructor(
    readonly epoch: number,
    message = `another instance of the bot is now active (this one's epoch ${epoch} is no longer current); nothing was written`,
  ) {
    super(message);
  }
}

export interface PostgresLogOptions extends PostgresTarget {
  logger: StoreLogger;
  /** The data directory for files kept beside the store (a Zalo session's). */
  dataDir: string;
  /** The fencing epoch this instance holds (storage/postgres/lease.ts): every write checks it is current. */
  epoch: number;
  /** Called once when a write finds the epoch moved on: another instance is active. */
  onFenced?: (error: StoreFencedError) => void;
}

/** Snapshot parts of about this many bytes: one row each. */
const PART_BYTES = 4 << 20;

/**
 * The store's log on PostgreSQL: the journal's lines in the `journal` table (each batch one statement,
 * committed — with synchronous_commit — before any of its lines is acknowledged), snapshots in
 * `snapshot` and `snapshot_part`, exactly the bytes the embedded store writes. Every write carries the
 * instance's fencing epoch and is refused once another instance has become active. A connection lost
 * (a restart of the server, a failover) fails the writes meanwhile; the next write connects again.
 */
export class PostgresLog implements StoreLog {
  readonly name: string;
  private readonly t: { store: string; journal: string; snapshot: string; part: string };
  private lines: { events: StoreEvent[]; seqs: number[] } | undefined;
  private writer: PostgresJournal<unknown> | undefined;
  private snapshotId: string | null = null;
  /** The journal's lines after the newest snapshot, as last read (the writer's count starts there). */
  private sinceSnapshot = 0;
  /** A copy: the epoch is set when a standby's store becomes the active one (`activate`). */
  private readonly options: PostgresLogOptions;

  constructor(options: PostgresLogOptions) {
    this.options = { ...options };
    this.name = describeTarget(options);
    const s = ident(options.schema);
    this.t = {
      store: `${s}.store`,
      journal: `${s}.journal`,
      snapshot: `${s}.snapshot`,
      part: `${s}.snapshot_part`,
    };
  }

  get dir(): string {
    return this.options.dataDir;
  }

  get snapshotName(): string {
    return `${this.name}, snapshot ${this.snapshotId ?? '(none)'}`;
  }

  async prepare(): Promise<void> {}

  snapshot(mayReplace: MayReplace): Adapter<State> {
    return {
      read: () => this.readAll(),
      write: (state) => this.writeSnapshot(state, mayReplace),
    };
  }

  async readLines(): Promise<LogLines> {
    const lines = this.lines ?? { events: [], seqs: [] };
    return {
      events: lines.events,
      name: `${this.name}, table journal`,
      label: (i) => `seq ${lines.seqs[i]}`,
      tornBytes: 0,
    };
  }

  async openWriter<T>(onAbort: (metas: T[]) => void): Promise<LogWriter<T>> {
    const writer = new PostgresJournal<T>(this.options, this.t, this.sinceSnapshot, onAbort);
    this.writer = writer as PostgresJournal<unknown>;
    return writer;
  }

  async afterFold(): Promise<void> {}

  /**
   * For a store read from this log and kept current by a standby (storage/postgres/follow.ts): what
   * the log holds after `at` — the store's seq, the checksum of its last line, its identity — read in
   * one consistent view with the fencing epoch. `lines`: the journal's next lines (at most `limit`),
   * which continue `at` by their seq and checksum chain (the store checks each again as it applies
   * it). `reload`: the log no longer continues `at` — the lines were folded into a newer snapshot and
   * dropped, a line applied was replaced (its write answered "not saved", the next write took its
   * seq), or the store was created since — and the store is to be read again.
   */
  async linesAfter(
    at: { store: string; seq: number; last: string },
    limit = 10_000,
  ): Promise<
    | { kind: 'lines'; epoch: number; lines: LogLines; more: boolean }
    | { kind: 'reload'; epoch: number; why: string }
  > {
    const client = await connectClient(this.options, 'follow');
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const store = await client.query<{ epoch: string }>(`SELECT epoch FROM ${this.t.store} WHERE id = 1`);
      const epoch = Number(store.rows[0]?.epoch ?? 0);
      const head = await client.query<{ id: string; seq: string; last: string | null }>(
        `SELECT id, seq, last FROM ${this.t.snapshot} ORDER BY id DESC LIMIT 1`,
      );
      const snapshot = head.rows[0];
      const { rows } = await client.query<{ seq: string; line: string }>(
        `SELECT seq, line FROM ${this.t.journal} WHERE seq >= $1 ORDER BY seq LIMIT $2`,
        [at.seq, limit + 1],
      );
      const counted = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${this.t.journal} WHERE seq > $1`,
        [Number(snapshot?.seq ?? 0)],
      );
      await client.query('COMMIT');
      const reload = (why: string) => ({ kind: 'reload' as const, epoch, why });
      const name = `${this.name}, table journal`;
      const seqs = rows.map((r) => Number(r.seq));
      const events = rows.map((r, i) => parseJournalLine(r.line, `seq ${seqs[i]}`, name));
      if (at.store === '') {
        return snapshot || events.length > 0 ? reload('the store was created meanwhile') : this.none(epoch);
      }
      let from = 0;
      if (seqs[0] === at.seq) {
        if (events[0]?.sum !== at.last) {
          return reload(`the line of seq ${at.seq} it applied was replaced (a write answered "not saved")`);
        }
        from = 1;
      }
      const next = events[from];
      if (next) {
        if (next.seq !== at.seq + 1) {
          return reload(`the lines after seq ${at.seq} were folded into a newer snapshot`);
        }
        if (next.prev !== at.last) {
          return reload(`the line of seq ${at.seq} it applied was replaced (a write answered "not saved")`);
        }
      } else if (from === 0) {
        // No line at or after `at`: only a snapshot that ends exactly there continues it.
        const seq = Number(snapshot?.seq ?? 0);
        const same = snapshot ? snapshot.id === this.snapshotId || snapshot.last === at.last : at.seq === 0;
        if (seq !== at.seq || !same) {
          return reload(
            seq > at.seq
              ? `the lines after seq ${at.seq} were folded into a newer snapshot`
              : `the line of seq ${at.seq} it applied is no longer in the journal (a write answered "not saved")`,
          );
        }
      }
      const more = events.length - from > limit;
      const taken = events.slice(from, from + limit);
      const takenSeqs = seqs.slice(from, from + limit);
      if (snapshot && snapshot.id !== this.snapshotId) this.snapshotId = snapshot.id;
      this.sinceSnapshot = Number(counted.rows[0]?.n ?? 0);
      return {
        kind: 'lines',
        epoch,
        more,
        lines: { events: taken, name, label: (i) => `seq ${takenSeqs[i]}`, tornBytes: 0 },
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await client.end().catch(() => {});
    }
  }

  private none(epoch: number) {
    return {
      kind: 'lines' as const,
      epoch,
      more: false,
      lines: { events: [], name: `${this.name}, table journal`, label: () => '', tornBytes: 0 },
    };
  }

  /**
   * The store read from this log becomes the active one's: its writes carry `epoch` from now on
   * (before `Store.startWriting`).
   */
  activate(epoch: number, onFenced?: (error: StoreFencedError) => void): void {
    this.options.epoch = epoch;
    if (onFenced) this.options.onFenced = onFenced;
    else delete this.options.onFenced;
  }

  /** PostgreSQL's own backups (base backups and WAL archiving, or pg_dump) keep a store there. */
  async backupIfDue(): Promise<string | null> {
    return null;
  }

  async close(): Promise<void> {
    await this.writer?.end();
  }

  /**
   * The newest snapshot and the lines after it, read in one transaction (a consistent view, even with
   * a compaction going on elsewhere); the lines are kept for `readLines`. Null when there is no
   * snapshot: a new store, or one whose every change is still in the journal.
   */
  private async readAll(): Promise<State | null> {
    const client = await connectClient(this.options, 'load');
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const exists = await client.query(`SELECT to_regclass($1) AS t`, [this.t.journal]);
      if (!exists.rows[0]?.t) {
        throw new StoreCorruptError(this.name, 'holds no thidua-bot store (its tables are missing)');
      }
      const head = await client.query<{ id: string; seq: string; bytes: string; parts: number }>(
        `SELECT id, seq, bytes, parts FROM ${this.t.snapshot} ORDER BY id DESC LIMIT 1`,
      );
      const row = head.rows[0];
      let state: State | null = null;
      let after = 0;
      if (row) {
        this.snapshotId = row.id;
        state = snapshotOf(await this.readParts(client, row), this.snapshotName);
        after = Number(row.seq);
      }
      const { rows } = await client.query<{ seq: string; line: string }>(
        `SELECT seq, line FROM ${this.t.journal} WHERE seq > $1 ORDER BY seq`,
        [after],
      );
      const name = `${this.name}, table journal`;
      const seqs = rows.map((r) => Number(r.seq));
      const events = rows.map((r, i) => {
        const event = parseJournalLine(r.line, `seq ${seqs[i]}`, name);
        if (event.seq !== seqs[i]) {
          throw new StoreCorruptError(name, `seq ${seqs[i]} holds the line of seq ${event.seq}`);
        }
        return event;
      });
      this.lines = { events, seqs };
      this.sinceSnapshot = events.length;
      await client.query('COMMIT');
      return state;
    } finally {
      await client.end().catch(() => {});
    }
  }

  /** A snapshot's parts, in order, into one buffer in shared memory (as a snapshot file is read). */
  private async readParts(
    client: pg.Client,
    row: { id: string; bytes: string; parts: number },
  ): Promise<Buffer> {
    const total = Number(row.bytes);
    const bytes = Buffer.from(new SharedArrayBuffer(total));
    let offset = 0;
    // A few parts at a time (as hex, node-postgres's only way for bytea): the whole snapshot is never held twice.
    for (let from = 0; from < row.parts; from += 8) {
      const result = await client.query<{ data: Buffer }>(
        `SELECT data FROM ${this.t.part} WHERE snapshot = $1 AND part >= $2 AND part < $3 ORDER BY part`,
        [row.id, from, from + 8],
      );
      for (const { data } of result.rows) {
        if (offset + data.length > total) break;
        data.copy(bytes, offset);
        offset += data.length;
      }
    }
    if (offset !== total) {
      throw new StoreCorruptError(this.snapshotName, `holds ${offset} of its ${total} bytes`);
    }
    return bytes;
  }

  /**
   * Folds a capture of `state` into a new snapshot, in a transaction of its own (the journal keeps
   * taking writes on its connection meanwhile): the parts are inserted as they are made, then — only
   * if every change the capture holds is durable (`mayReplace`) and this instance is still the active
   * one — the older snapshots are deleted and the transaction commits.
   */
  private async writeSnapshot(state: State, mayReplace: MayReplace): Promise<void> {
    const seq = state.seq;
    const check = mayReplace();
    // Into the table's spare arrays (storage/capture-spare.ts), given back once the parts are written.
    const lent = lendCapture(state);
    const capture = lent.capture;
    const client = await connectClient(this.options, 'snapshot').catch((error: unknown) => {
      lent.release();
      throw error;
    });
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO ${this.t.snapshot} (seq, last, bytes, parts, epoch) VALUES ($1, $2, 0, 0, $3) RETURNING id`,
        [seq, state.last, this.options.epoch],
      );
      const id = rows[0]?.id as string;
      let part = 0;
      let bytes = 0;
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const data = Buffer.concat(pending, pendingBytes);
        await client.query(`INSERT INTO ${this.t.part} (snapshot, part, data) VALUES ($1, $2, $3)`, [
          id,
          part,
          data,
        ]);
        part += 1;
        bytes += data.length;
        pending = [];
        pendingBytes = 0;
      };
      for (const chunk of snapshotChunks(capture)) {
        // The capture never changes (storage/snapshot-file.ts): its chunks are copied into a part at flush.
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= PART_BYTES) await flush();
      }
      await flush();
      if (!(await check(seq))) {
        await client.query('ROLLBACK');
        throw new SnapshotNotKeptError();
      }
      await client.query(`UPDATE ${this.t.snapshot} SET bytes = $2, parts = $3 WHERE id = $1`, [
        id,
        bytes,
        part,
      ]);
      await client.query(`DELETE FROM ${this.t.snapshot} WHERE id <> $1`, [id]);
      const fence = await client.query(
        `SELECT epoch FROM ${this.t.store} WHERE id = 1 AND epoch = $1 FOR SHARE`,
        [this.options.epoch],
      );
      if (fence.rowCount !== 1) {
        await client.query('ROLLBACK');
        throw new StoreFencedError(this.options.epoch);
      }
      await client.query('COMMIT');
      this.snapshotId = id;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      lent.release();
      await client.end().catch(() => {});
    }
  }
}

/**
 * The journal table as the store writes to it: each batch of lines one INSERT (its own transaction),
 * joined to the `store` row locked FOR SHARE at this instance's epoch — so a batch either commits
 * before another instance raises the epoch (which then reads it) or inserts nothing. A batch that
 * failed may still have committed (the connection dropped during COMMIT): its rows are deleted before
 * the next batch, which reuses their seqs, as the journal file cuts a failed write's bytes away.
 */
class PostgresJournal<T> extends GroupCommit<T> implements LogWriter<T> {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private written: number;
  /** The lowest seq of a failed batch whose rows may have landed, to delete before the next write. */
  private cutFrom: number | null = null;
  private fenced = false;
  private closed = false;

  constructor(
    private readonly options: PostgresLogOptions,
    private readonly t: { store: string; journal: string },
    lines: number,
    onAbort: (metas: T[]) => void,
  ) {
    super(onAbort);
    this.written = lines;
  }

  get lines(): number {
    return this.written;
  }

  async dropThrough(seq: number): Promise<void> {
    try {
      const client = await this.connection();
      const result = await client.query(
        `DELETE FROM ${this.t.journal} WHERE seq <= $2 AND EXISTS (SELECT 1 FROM ${this.t.store} WHERE id = 1 AND epoch = $1 FOR SHARE)`,
        [this.options.epoch, seq],
      );
      this.written = Math.max(0, this.written - (result.rowCount ?? 0));
    } catch {
      // Not dropped: the lines are in the snapshot and skipped on load by their seq.
    }
  }

  /**
   * Whether this instance's epoch is still the current one, asked on the writing connection (made
   * again if it was lost): rejects with StoreFencedError when another instance has taken over, with
   * StoreWriteError when the database cannot be reached.
   */
  async checkWritable(): Promise<void> {
    if (this.fenced) throw new StoreFencedError(this.options.epoch);
    let epoch: number;
    try {
      const client = await this.connection();
      const { rows } = await client.query<{ epoch: string }>(
        `SELECT epoch FROM ${this.t.store} WHERE id = 1`,
      );
      epoch = Number(rows[0]?.epoch);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) this.drop();
      throw this.failure(error);
    }
    if (epoch !== this.options.epoch) {
      this.fenced = true;
      const error = new StoreFencedError(this.options.epoch);
      this.options.onFenced?.(error);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.drain();
    if (!this.fenced) await this.cutBack().catch(() => {});
    await this.end();
  }

  /** Closes the connection (after `close`, or when the log is let go of). */
  async end(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  protected async cutBack(): Promise<void> {
    if (this.cutFrom === null) return;
    const client = await this.connection();
    await client.query(
      `DELETE FROM ${this.t.journal} WHERE seq >= $2 AND EXISTS (SELECT 1 FROM ${this.t.store} WHERE id = 1 AND epoch = $1 FOR SHARE)`,
      [this.options.epoch, this.cutFrom],
    );
    this.cutFrom = null;
  }

  protected async writeBatch(batch: readonly PendingLine<T>[]): Promise<void> {
    if (this.fenced) throw new StoreFencedError(this.options.epoch);
    let result: pg.QueryResult;
    try {
      const client = await this.connection();
      result = await client.query(
        `INSERT INTO ${this.t.journal} (seq, line, epoch)
         SELECT t.seq, t.line, f.epoch
         FROM unnest($2::bigint[], $3::text[]) AS t (seq, line),
              (SELECT epoch FROM ${this.t.store} WHERE id = 1 AND epoch = $1 FOR SHARE) AS f`,
        [this.options.epoch, batch.map((p) => p.seq), batch.map((p) => p.line)],
      );
    } catch (error) {
      // The statement may have committed before the answer was lost: its rows go before the next write.
      this.cutFrom = batch[0]?.seq ?? null;
      if (!(error instanceof pg.DatabaseError)) this.drop();
      throw error;
    }
    if (result.rowCount !== batch.length) {
      this.fenced = true;
      const error = new StoreFencedError(this.options.epoch);
      this.options.onFenced?.(error);
      throw error;
    }
    this.written += batch.length;
  }

  protected failure(cause: unknown): StoreWriteError {
    if (cause instanceof StoreWriteError) return cause;
    const what =
      cause instanceof pg.DatabaseError
        ? `${cause.code}: ${cause.message}`
        : String((cause as Error)?.message ?? cause);
    return new StoreWriteError(`cannot write to ${this.options.schema}.journal on PostgreSQL (${what})`, {
      cause,
    });
  }

  /** The writing connection, made (again) when there is none: after a restart of the server, the next write reconnects. */
  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new StoreWriteError('the store is closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= connectClient(this.options, 'journal', () => this.drop())
      .then((client) => {
        this.client = client;
        return client;
      })
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  /** Forgets a connection that failed (a new one is made for the next write). */
  private drop(): void {
    const client = this.client;
    this.client = null;
    client?.end().catch(() => {});
  }
}
