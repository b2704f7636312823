import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  migrate,
  openPostgresStore,
  type PostgresStoreOptions,
  type PostgresTarget,
  takeEpoch,
} from '../../storage/postgres/index.js';
import type { Store, StoreLogger } from '../../storage/store.js';

/**
 * The PostgreSQL server the tests use: 127.0.0.1:5432, trust authentication, database `test` (every
 * project machine runs one; PG_TEST_URL points elsewhere). Tests that need it skip when it cannot be
 * reached, saying so — except under CI, where they must run (and fail).
 */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const problem = await reachable();
if (problem && process.env.CI) {
  throw new Error(`PostgreSQL is required under CI and cannot be reached at ${PG_TEST_URL}: ${problem}`);
}
/** Why the PostgreSQL tests are skipped, or null when the server is there. */
export const postgresMissing: string | null = problem;
if (problem) {
  process.stderr.write(
    `\nPostgreSQL tests SKIPPED: no server at ${PG_TEST_URL} (${problem}). Start one (or set PG_TEST_URL) to run them.\n`,
  );
}

/** `url` with another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A superuser's query on the test server's `test` database (or another `url`). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
  url = PG_TEST_URL,
): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.query<R>(sql, values);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A database of its own for one test file (the server is shared with other work): created empty, and
 * dropped — connections and all — by `drop`.
 */
export async function testDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `thidua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return {
    url: withDatabase(PG_TEST_URL, name),
    name,
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}

/** What a PostgreSQL test file is given by `usePostgres`. */
export interface PostgresFixture {
  /** This test's schema in the file's database, migrated (`<prefix><n>`, a new one for each test). */
  readonly target: PostgresTarget;
  /** A superuser's query on the file's database. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Closes `thing` once the test is over, the last one given first (errors ignored: the test has its verdict). */
  closeAfter<T extends { close(): Promise<unknown> }>(thing: T): T;
  /**
   * The store at `at` (this test's schema unless said), opened for writing at `epoch` — a new epoch
   * taken, as an instance does, unless given — and closed after the test.
   */
  open(
    at?: PostgresTarget,
    options?: Partial<Pick<PostgresStoreOptions, 'epoch' | 'onFenced'>>,
  ): Promise<Store>;
}

/**
 * The set-up every PostgreSQL test file shares: a database of the file's own (dropped after its last
 * test), a schema of each test's own, migrated, and whatever the test opened closed after it. Call it
 * once at the top of the file; each hook does nothing when the server is missing (the file's tests
 * skip with `describe.skipIf(postgresMissing)`).
 */
export function usePostgres(prefix: string, logger: StoreLogger): PostgresFixture {
  let database: Awaited<ReturnType<typeof testDatabase>> | undefined;
  let target: PostgresTarget | undefined;
  let n = 0;
  const closing: { close(): Promise<unknown> }[] = [];
  beforeAll(async () => {
    if (!postgresMissing) database = await testDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    if (!database) return;
    n += 1;
    target = { url: database.url, schema: `${prefix}${n}` };
    await migrate(target, logger);
  });
  afterEach(async () => {
    for (const thing of closing.splice(0).reverse()) await thing.close().catch(() => {});
  });
  const fixture: PostgresFixture = {
    get target() {
      if (!target) throw new Error('no PostgreSQL test database (is the test skipped with postgresMissing?)');
      return target;
    },
    query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values: unknown[] = []) {
      return adminQuery<R>(sql, values, fixture.target.url);
    },
    closeAfter: (thing) => {
      closing.push(thing);
      return thing;
    },
    open: async (at = fixture.target, options = {}) =>
      fixture.closeAfter(
        await openPostgresStore(at, {
          logger,
          dataDir: '',
          epoch: options.epoch ?? (await takeEpoch(at, 'test')),
          ...(options.onFenced ? { onFenced: options.onFenced } : {}),
        }),
      ),
  };
  return fixture;
}

/**
 * A TCP relay on 127.0.0.1 in front of the server: `cut()` drops every connection through it and
 * refuses new ones (as a server that restarts, or a network that fails), `mend()` lets them through
 * again. What the bot sees is a real server going away and coming back.
 */
export class PostgresRelay {
  private readonly sockets = new Set<Socket>();
  private down = false;
  private holding = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(url = PG_TEST_URL): Promise<PostgresRelay> {
    const u = new URL(url);
    const target = { host: u.hostname, port: Number(u.port || 5432) };
    let relay: PostgresRelay | undefined;
    const server = createServer((socket) => relay?.accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    relay = new PostgresRelay(server, typeof address === 'object' && address ? address.port : 0, target);
    return relay;
  }

  /** `url` (the same database) through this relay. */
  url(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  mend(): void {
    this.down = false;
    this.holding = false;
  }

  /** From now on the server's answers are swallowed (the requests still reach it), until `cut`. */
  hold(): void {
    this.holding = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    if (this.down) {
      socket.destroy();
      return;
    }
    const upstream = createConnection(this.target);
    this.sockets.add(socket);
    this.sockets.add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      this.sockets.delete(socket);
      this.sockets.delete(upstream);
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    socket.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!this.holding) socket.write(chunk);
    });
  }
}
