import { hostname } from 'node:os';
import type pg from 'pg';
import type { StoreLogger } from '../store.js';
import { connectClient, ident, type PostgresTarget } from './connection.js';

/** The first key of the advisory lock every instance of the bot takes (the second: the schema's hash). */
const LOCK_KEY = 1_952_998_517;

export interface LeaseOptions {
  logger: StoreLogger;
  /** Names this instance in the `store` row and the logs (default: host and process id). */
  holder?: string;
  /** How often a standby tries to become active (default 1 s). */
  pollMs?: number;
  /** How often the active instance says it is alive (default 2 s). */
  heartbeatMs?: number;
  /**
   * An active instance that has not said it is alive for this long (frozen, or cut off from the
   * database while its connection lingers) is replaced: its session is ended, which frees its lock
   * (default 8 s).
   */
  staleMs?: number;
  /** Stops waiting (a standby asked to stop): `acquire` then resolves null. */
  signal?: AbortSignal;
}

/** The lock's two keys for a schema, as pg_locks shows them (classid, objid). */
const lockArgs = (schema: string) => [LOCK_KEY, schema] as const;
const TRY_LOCK = 'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked';

/** This instance's name for others: host and process. */
export function instanceName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Being the active instance. One instance at a time holds a session-level advisory lock on its own
 * connection — PostgreSQL frees it the moment that connection ends, as when the process is killed —
 * and raises the fencing epoch in the `store` row when it takes over; every write of the store checks
 * that epoch (storage/postgres/log.ts), so an instance that lost its place writes nothing more. The
 * active instance renews a heartbeat; a standby that finds it stale ends that session itself.
 */
export class Lease {
  private timer: NodeJS.Timeout | undefined;
  private client: pg.Client | null;
  private renewing = false;
  private released = false;
  /** The lease's connection is lost (said once, until it is back). */
  private lost = false;
  private lastTick = Date.now();
  private depose!: (reason: string) => void;
  /** Resolves, with the reason, once this instance is no longer the active one. */
  readonly deposed: Promise<string>;

  private constructor(
    private readonly target: PostgresTarget,
    client: pg.Client,
    /** The fencing epoch this instance holds. */
    readonly epoch: number,
    readonly holder: string,
    private readonly options: Required<Omit<LeaseOptions, 'signal' | 'holder'>>,
  ) {
    this.client = client;
    this.deposed = new Promise((resolve) => {
      this.depose = resolve;
    });
    this.timer = setInterval(() => void this.renew(), options.heartbeatMs);
    this.timer.unref();
  }

  /**
   * Waits until this instance can be the active one, then takes the lock and a new epoch. Resolves
   * null if `signal` aborts first. Connection failures meanwhile are logged and retried.
   */
  static async acquire(target: PostgresTarget, options: LeaseOptions): Promise<Lease | null> {
    const settings = {
      logger: options.logger,
      pollMs: options.pollMs ?? 1_000,
      heartbeatMs: options.heartbeatMs ?? 2_000,
      staleMs: options.staleMs ?? 8_000,
    };
    const holder = options.holder ?? instanceName();
    const log = options.logger;
    const store = `${ident(target.schema)}.store`;
    let said = '';
    /**
     * This standby lost the database: a restart of the server, or a network cut, which the active
     * instance met too — its lock went with its session. Until the active one has taken its lock
     * again, or has been silent past `staleMs`, the standby leaves the lock alone: a restart of
     * PostgreSQL is not a takeover.
     */
    let outage = false;
    while (!options.signal?.aborted) {
      let client: pg.Client | null = null;
      try {
        client = await lockSession(target);
        while (!options.signal?.aborted) {
          if (outage) {
            const active = await activeInstance(client, target, settings.staleMs);
            if (active && active.lockPid === null && active.silentSeconds !== null && !active.stale) {
              if (said !== 'grace') {
                said = 'grace';
                log.info(
                  { active: active.holder, epoch: active.epoch },
                  'standing by: the database is back; the active instance has its time to take its lease again',
                );
              }
              await pause(settings.pollMs, options.signal);
              continue;
            }
            outage = false;
          }
          const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK, [...lockArgs(target.schema)]);
          if (rows[0]?.locked) {
            const taken = await client.query<{ epoch: string }>(
              `UPDATE ${store} SET epoch = epoch + 1, holder = $1, holder_pid = pg_backend_pid(),
                 since = now(), heartbeat_at = now() WHERE id = 1 RETURNING epoch`,
              [holder],
            );
            const epoch = Number(taken.rows[0]?.epoch);
            log.info({ epoch, holder }, 'this instance is now the active one');
            return new Lease(target, client, epoch, holder, settings);
          }
          const active = await activeInstance(client, target, settings.staleMs);
          const news = `${active?.holder ?? 'another instance'}`;
          if (news !== said) {
            said = news;
            log.info(
              { active: active?.holder ?? null, epoch: active?.epoch ?? null },
              'standing by: another instance is active',
            );
          }
          if (active?.stale && active.lockPid !== null) {
            log.warn(
              { active: active.holder, silentSeconds: active.silentSeconds },
              'the active instance stopped renewing its lease; ending its session to take over',
            );
            await client.query('SELECT pg_terminate_backend($1)', [active.lockPid]);
          }
          await pause(settings.pollMs, options.signal);
        }
      } catch (err) {
        // Once per outage, not at every attempt.
        if (said !== 'unreachable') log.warn({ err }, 'standing by: cannot reach the database; trying again');
        said = 'unreachable';
        outage = true;
        await client?.end().catch(() => {});
        client = null;
        await pause(settings.pollMs, options.signal);
      }
      await client?.end().catch(() => {});
    }
    return null;
  }

  /** Ends the lease at once: a write fenced off, or the process stopping. */
  lose(reason: string): void {
    this.depose(reason);
  }

  /** Stops renewing and lets the lock go (ending the session frees it). */
  async release(): Promise<void> {
    this.released = true;
    clearInterval(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /**
   * The heartbeat: renews `heartbeat_at` if this instance still holds the epoch. A lost connection is
   * made again and the lock taken again (the epoch unchanged: nobody took over meanwhile); finding a
   * newer epoch, or the lock in another instance's hands, means this instance was replaced.
   */
  private async renew(): Promise<void> {
    if (this.renewing || this.released) return;
    this.renewing = true;
    const now = Date.now();
    // A gap far beyond the heartbeat: this process was frozen (SIGSTOP, a VM paused). Checked first.
    if (now - this.lastTick > this.options.staleMs) {
      this.options.logger.warn(
        { gapMs: now - this.lastTick },
        'this process was frozen; checking it is still the active instance',
      );
    }
    this.lastTick = now;
    const store = `${ident(this.target.schema)}.store`;
    try {
      if (!this.client) {
        const regained = await this.regain();
        // Released while the lock was being taken again (the process stopping): that session is
        // nobody's now — end it, or it holds the lock and keeps the process from exiting.
        if (this.released) {
          await regained?.end().catch(() => {});
          return;
        }
        this.client = regained;
      }
      if (!this.client) return;
      const { rowCount } = await this.client.query(
        `UPDATE ${store} SET heartbeat_at = now() WHERE id = 1 AND epoch = $1 AND holder_pid = pg_backend_pid()`,
        [this.epoch],
      );
      if (rowCount !== 1) this.replaced();
      this.lost = false;
    } catch (err) {
      if (this.released) return;
      if (!this.lost)
        this.options.logger.warn({ err }, 'lost the connection that holds the lease; connecting again');
      this.lost = true;
      const client = this.client;
      this.client = null;
      await client?.end().catch(() => {});
    } finally {
      this.renewing = false;
    }
  }

  /** After a lost connection: the lock again, if the epoch is still this instance's; null to try later. */
  private async regain(): Promise<pg.Client | null> {
    const client = await lockSession(this.target);
    const store = `${ident(this.target.schema)}.store`;
    try {
      const current = await client.query<{ epoch: string; holder_pid: number | null }>(
        `SELECT epoch, holder_pid FROM ${store} WHERE id = 1`,
      );
      if (Number(current.rows[0]?.epoch) !== this.epoch) {
        this.replaced();
        await client.end();
        return null;
      }
      const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK, [...lockArgs(this.target.schema)]);
      if (!rows[0]?.locked) {
        // Still held by this instance's own lost session (the server has not noticed it is gone): end it.
        const old = current.rows[0]?.holder_pid;
        if (old) await client.query('SELECT pg_terminate_backend($1)', [old]);
        await client.end();
        return null;
      }
      const { rowCount } = await client.query(
        `UPDATE ${store} SET holder_pid = pg_backend_pid(), heartbeat_at = now() WHERE id = 1 AND epoch = $1`,
        [this.epoch],
      );
      if (rowCount !== 1) {
        this.replaced();
        await client.end();
        return null;
      }
      this.options.logger.info({ epoch: this.epoch }, 'the lease is held again');
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  private replaced(): void {
    this.depose('another instance is now active (the fencing epoch moved on)');
  }
}

/** The active instance as a standby sees it. */
async function activeInstance(client: pg.Client, target: PostgresTarget, staleMs: number) {
  const { rows } = await client.query<{
    holder: string | null;
    epoch: string;
    silent: number | null;
    lock_pid: number | null;
  }>(
    `SELECT s.holder, s.epoch, extract(epoch FROM now() - s.heartbeat_at) AS silent,
       (SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = $1
          AND l.objid = hashtext($2)::oid AND l.objsubid = 2 AND l.granted LIMIT 1) AS lock_pid
     FROM ${ident(target.schema)}.store s WHERE s.id = 1`,
    [...lockArgs(target.schema)],
  );
  const row = rows[0];
  if (!row) return null;
  const silentSeconds = row.silent === null ? null : Number(row.silent);
  return {
    holder: row.holder,
    epoch: Number(row.epoch),
    lockPid: row.lock_pid,
    silentSeconds,
    stale: silentSeconds !== null && silentSeconds * 1000 > staleMs,
  };
}

/**
 * The connection that holds the lock. The server checks it is alive every few seconds (TCP
 * keepalives), so the lock of an instance whose machine vanished is freed in about 10 s.
 */
async function lockSession(target: PostgresTarget): Promise<pg.Client> {
  const client = await connectClient(target, 'lease');
  try {
    await client.query(
      "SELECT set_config('tcp_keepalives_idle', '5', false), set_config('tcp_keepalives_interval', '2', false), set_config('tcp_keepalives_count', '3', false)",
    );
  } catch {
    // A Unix socket has no TCP keepalives: nothing to set.
  }
  return client;
}

/**
 * A new epoch without the lock, for a tool that writes alone (npm run store:move into PostgreSQL, the
 * tests): any active instance is fenced off from then on.
 */
export async function takeEpoch(target: PostgresTarget, holder = instanceName()): Promise<number> {
  const client = await connectClient(target, 'epoch');
  try {
    const { rows } = await client.query<{ epoch: string }>(
      `UPDATE ${ident(target.schema)}.store SET epoch = epoch + 1, holder = $1, holder_pid = NULL,
         since = now(), heartbeat_at = now() WHERE id = 1 RETURNING epoch`,
      [holder],
    );
    return Number(rows[0]?.epoch);
  } finally {
    await client.end().catch(() => {});
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
