import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { StoreCorruptError } from '../../core/errors.js';
import type { StoreLogger } from '../store.js';

/** Where a store lives on PostgreSQL: the server and database (DATABASE_URL) and the schema in it. */
export interface PostgresTarget {
  /** A connection string, `postgres://user:password@host:5432/database` (the password never logged). */
  url: string;
  /** The schema holding the store's tables (one per agency on a shared server). */
  schema: string;
}

/**
 * The migrations, versioned in the repository (SQL files read by node-pg-migrate). Beside this module
 * in the sources, and beside the bundle in `dist/` (scripts/build.mjs copies them).
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATIONS_TABLE = 'pgmigrations';

/** The target as an operator may read it: no password. */
export function describeTarget(target: PostgresTarget): string {
  try {
    const url = new URL(target.url);
    url.password = '';
    return `${url.toString()} (schema ${target.schema})`;
  } catch {
    return `PostgreSQL (schema ${target.schema})`;
  }
}

/** `name` quoted as an SQL identifier. */
export const ident = (name: string) => pg.escapeIdentifier(name);

/**
 * A connected client for the store: bounded waits everywhere (connecting, each statement), TCP
 * keepalive, and an error listener (a connection dropped by the server — a restart, a failover —
 * otherwise crashes the process). `onLost` hears of it.
 */
export async function connectClient(
  target: PostgresTarget,
  name: string,
  onLost?: (error: Error) => void,
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: target.url,
    application_name: `thidua-bot ${name}`,
    connectionTimeoutMillis: 5_000,
    // The server gives up on a statement after 10 s, and the client after 15 s (a server that stopped
    // answering): a write is then answered "not saved" instead of hanging a command.
    statement_timeout: 10_000,
    query_timeout: 15_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
  });
  client.on('error', (error) => onLost?.(error));
  await client.connect();
  // "Saved" means committed and flushed: a server or database set to synchronous_commit=off would
  // acknowledge commits it may lose. Stronger settings (remote_write, remote_apply) are kept.
  const { rows } = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
  if (rows[0]?.synchronous_commit === 'off') await client.query('SET synchronous_commit = on');
  return client;
}

/**
 * Brings the schema's tables to the layout this version of the bot uses, with node-pg-migrate (its
 * advisory lock makes two instances starting at once take turns). A database migrated by a newer
 * version of the bot is refused: its tables may hold what this one cannot read.
 */
export async function migrate(target: PostgresTarget, logger: StoreLogger): Promise<string[]> {
  const client = await connectClient(target, 'migrations');
  try {
    const ran = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      schema: target.schema,
      createSchema: true,
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      checkOrder: true,
      singleTransaction: true,
      advisoryLockMode: 'wait',
      logger: {
        debug() {},
        info() {},
        warn: (msg: string) => logger.warn({}, msg),
        error: (msg: string) => logger.error({}, msg),
      },
    });
    const names = ran.map((m) => m.name);
    if (names.length) logger.info({ migrations: names, schema: target.schema }, 'database migrated');
    const known = new Set(await migrationNames());
    const { rows } = await client.query<{ name: string }>(
      `SELECT name FROM ${ident(target.schema)}.${ident(MIGRATIONS_TABLE)} ORDER BY run_on, id`,
    );
    const unknown = rows.map((r) => r.name).filter((name) => !known.has(name));
    if (unknown.length) {
      throw new StoreCorruptError(
        describeTarget(target),
        `was migrated by a newer thidua-bot (${unknown.join(', ')}); this one knows up to ${[...known].at(-1)}`,
      );
    }
    return names;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The migrations this version knows, oldest first. */
async function migrationNames(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(MIGRATIONS_DIR))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.replace(/\.sql$/, ''));
}
