import { AppError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import type { RuleSettings } from '../storage/invariants.js';
import type { Store } from '../storage/store.js';
import type { InstanceStatus } from './health.js';

/** What the entry point hands over: how to serve with a store, and how to stop. */
export interface ActiveStandbyOptions {
  database: { url: string; schema: string };
  dataDir: string;
  logger: Log;
  /** What the store's rules check against (storage/invariants.ts). */
  rules?: RuleSettings;
  status: InstanceStatus;
  /** How often a standby reads the journal's new lines (default 1 s). */
  followMs?: number;
  /** Aborted when the process is asked to stop (SIGTERM, SIGINT). */
  signal: AbortSignal;
  /**
   * Serves with `store` (platforms, scheduler) until `until` resolves, then stops serving and closes
   * the store. Resolves once it has stopped.
   */
  serve(store: Store, until: Promise<unknown>): Promise<void>;
}

/** How long a start waits before trying the database again when it cannot be reached. */
const RETRY_MS = 2_000;

/**
 * The bot on PostgreSQL, as one of a pair on the same database: it migrates the schema, then waits
 * until it may be the active instance (storage/postgres/lease.ts) — meanwhile a warm standby, polling
 * no platform and writing nothing, that reads the store once and follows its journal's new lines
 * (storage/postgres/follow.ts). Once active it applies the last lines, committed before its epoch (so
 * a message Telegram delivers again is recognised), and serves. If another instance takes its
 * place (this one was frozen, or cut off from the database), its writes are refused from that moment
 * (fencing); it says so, stops serving, and stands by again. On SIGTERM it finishes, closes the store
 * and lets the lock go, so the standby takes over at once.
 */
export async function runActiveStandby(options: ActiveStandbyOptions): Promise<void> {
  const { database, logger, status, signal } = options;
  // pg and node-pg-migrate are loaded only here: the embedded store never needs them.
  const pg = await import('../storage/postgres/index.js');
  const target = { url: database.url, schema: database.schema };
  await untilReachable(() => pg.migrate(target, logger), logger, signal);
  while (!signal.aborted) {
    status.set('standby', null);
    // A warm standby: the store read and its journal followed while waiting (storage/postgres/follow.ts).
    const follower = new pg.Follower(target, {
      logger,
      dataDir: options.dataDir,
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.followMs !== undefined ? { pollMs: options.followMs } : {}),
    }).start();
    status.seq = () => follower.seq;
    const lease = await pg.Lease.acquire(target, { logger, signal });
    if (!lease) {
      await follower.stop();
      return;
    }
    status.set('starting', lease.epoch);
    try {
      const { store } = await follower.promote(lease.epoch, (error) => lease.lose(error.message));
      status.seq = () => store.state.seq;
      const stopped = new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      const deposed = lease.deposed.then((reason) => {
        if (signal.aborted) return;
        logger.error(
          { reason, epoch: lease.epoch },
          'this instance is no longer the active one: it writes nothing more, stops serving and stands by',
        );
        status.set('standby', null);
      });
      await options.serve(store, Promise.race([stopped, deposed]));
    } finally {
      await lease.release();
    }
  }
}

/** Runs `attempt` until the database answers; a refusal by the database itself (a wrong password, no such database) stops start-up. */
async function untilReachable<T>(
  attempt: () => Promise<T>,
  logger: Log,
  signal: AbortSignal,
): Promise<T | undefined> {
  const { DatabaseError } = (await import('pg')).default;
  let said = false;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof DatabaseError) {
        throw new AppError('DATABASE_REFUSED', `PostgreSQL refused the connection (${error.message})`, {
          cause: error,
        });
      }
      if (!(error instanceof Error) || error instanceof AppError) throw error;
      if (signal.aborted) return undefined;
      if (!said) logger.warn({ err: error }, 'cannot reach the database; trying again');
      said = true;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
