// Where a store is, as the store commands take it: a data directory, or a PostgreSQL connection string
// (postgres://…; the schema from DATABASE_SCHEMA, default thidua).
import { FileLog } from '../storage/file-log.js';
import type { StoreLog } from '../storage/log.js';
import { Store, type StoreLogger } from '../storage/store.js';

export interface Place {
  kind: 'files' | 'postgres';
  /** As an operator may read it (no password). */
  name: string;
  /** The store as it is, read only, checked as at start-up. */
  read(): Promise<Store>;
  /** The log to write a new store into, after checking it holds none (PostgreSQL: migrated first). */
  empty(): Promise<StoreLog>;
}

const quiet: StoreLogger = { info() {}, warn() {}, error() {} };

export function placeOf(where: string, schema = process.env.DATABASE_SCHEMA || 'thidua'): Place {
  if (/^postgres(ql)?:\/\//.test(where)) {
    const target = { url: where, schema };
    const pg = () => import('../storage/postgres/index.js');
    return {
      kind: 'postgres',
      name: redact(where, schema),
      read: async () => (await pg()).readPostgresStore(target),
      empty: async () => {
        const { migrate, PostgresLog, readPostgresStore, takeEpoch } = await pg();
        await migrate(target, quiet);
        const existing = await readPostgresStore(target);
        const holds = existing.state.seq > 0 || existing.entries.length > 0 || existing.members.length > 0;
        await existing.close();
        if (holds) throw new Error(`${redact(where, schema)} already holds a store; nothing was written`);
        return new PostgresLog({
          ...target,
          logger: quiet,
          dataDir: '',
          epoch: await takeEpoch(target, 'store:move'),
        });
      },
    };
  }
  return {
    kind: 'files',
    name: where,
    read: () => Store.readOnly(where),
    empty: async () => {
      const existing = await Store.readOnly(where);
      const holds = existing.state.seq > 0 || existing.entries.length > 0 || existing.members.length > 0;
      await existing.close();
      if (holds) throw new Error(`${where} already holds a store; nothing was written`);
      const log = new FileLog(where, quiet);
      await log.prepare();
      return log;
    },
  };
}

function redact(url: string, schema: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `${u.toString()} (schema ${schema})`;
  } catch {
    return `PostgreSQL (schema ${schema})`;
  }
}
