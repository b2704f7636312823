import { Store, type StoreLogger, type StoreOptions } from '../store.js';
import { migrate, type PostgresTarget } from './connection.js';
import { PostgresLog, type StoreFencedError } from './log.js';

export { describeTarget, migrate, type PostgresTarget } from './connection.js';
export { instanceName, Lease, type LeaseOptions, takeEpoch } from './lease.js';
export { PostgresLog, StoreFencedError } from './log.js';

export interface PostgresStoreOptions extends Omit<StoreOptions, 'fileSystem' | 'keepBackups'> {
  logger: StoreLogger;
  /** The data directory, for files kept beside the store (a Zalo session's). */
  dataDir: string;
  /** The fencing epoch this instance holds (a Lease's, or takeEpoch's). */
  epoch: number;
  onFenced?: (error: StoreFencedError) => void;
}

/**
 * Opens the store kept in PostgreSQL at `target` for writing, at `options.epoch`: the same Store as on
 * files — every rule, every check on load — over a log in the database (storage/postgres/log.ts).
 * Run `migrate` first.
 */
export function openPostgresStore(target: PostgresTarget, options: PostgresStoreOptions): Promise<Store> {
  return Store.openLog(new PostgresLog({ ...target, ...options }), options);
}

/** The store kept in PostgreSQL at `target`, read in one consistent view and never written (store:export). */
export function readPostgresStore(target: PostgresTarget, logger?: StoreLogger): Promise<Store> {
  const silent = { info() {}, warn() {}, error() {} };
  return Store.readOnlyLog(
    new PostgresLog({ ...target, logger: logger ?? silent, dataDir: '', epoch: 0 }),
    logger ? { logger } : {},
  );
}

export { Follower, type FollowerOptions, type Promotion } from './follow.js';
export { migrate as migratePostgres };
