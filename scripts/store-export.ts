// `npm run store:export [DATA_DIR | postgres://…] > store.json`: the whole store as one JSON document
// (layout 6: the state with every entry as an object), for reading, for other tools, or to start a
// store from: the bot reads a `store.json` when its data directory has no `store.snapshot`. Without an
// argument: DATABASE_URL when it is set, else DATA_DIR (default data). Read-only: the store is checked
// as at start-up and left as it is. On files, best run with the bot stopped (a compaction between
// reading the snapshot and the journal makes it refuse: run it again); on PostgreSQL it reads one
// consistent view, the bot running or not.

import { DOCUMENT_VERSION } from '../storage/schema.js';
import type { Store } from '../storage/store.js';
import { placeOf } from './store-place.js';

/** The store as one JSON document (what store:export prints, and what store:move compares). */
export function exportDocument(store: Store): string {
  const { entries: _table, ...state } = store.state;
  return JSON.stringify({ ...state, version: DOCUMENT_VERSION, entries: store.entries });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const where = process.argv[2] ?? process.env.DATABASE_URL ?? process.env.DATA_DIR ?? 'data';
  const store = await placeOf(where).read();
  process.stdout.write(`${exportDocument(store)}\n`);
  await store.close();
}
