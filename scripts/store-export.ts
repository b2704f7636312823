// `npm run store:export [DATA_DIR | postgres://…] > store.json`: the whole store as one JSON document
// (layout 6: the state with every entry as an object), for reading, for other tools, or to start a
// store from: the bot reads a `store.json` when its data directory has no `store.snapshot`. Without an
// argument: DATABASE_URL when it is set, else DATA_DIR (default data). Read-only: the store is checked
// as at start-up and left as it is. On files, best run with the bot stopped (a compaction between
// reading the snapshot and the journal makes it refuse: run it again); on PostgreSQL it reads one
// consistent view, the bot running or not.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_VERSION } from '../storage/schema.js';
import { DOCUMENT_FILE, STORE_FILE, type Store } from '../storage/store.js';
import { placeOf } from './store-place.js';

/** The store as one JSON document (what store:export prints, and what store:move compares). */
export function exportDocument(store: Store): string {
  const { entries: _table, ...state } = store.state;
  return JSON.stringify({ ...state, version: DOCUMENT_VERSION, entries: store.entries });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const where = process.argv[2] ?? process.env.DATABASE_URL ?? process.env.DATA_DIR ?? 'data';
  // A directory without a store is said so, not exported as an empty store (a restore drill reading
  // the wrong folder would count 0 members and think the backup empty).
  if (
    placeOf(where).kind === 'files' &&
    ![STORE_FILE, DOCUMENT_FILE].some((f) => existsSync(join(where, f)))
  ) {
    process.stderr.write(`store:export: no store in ${where} (no ${STORE_FILE} nor ${DOCUMENT_FILE})\n`);
    process.exit(1);
  }
  const store = await placeOf(where).read();
  process.stdout.write(`${exportDocument(store)}\n`);
  await store.close();
}
