// `npm run store:export [DATA_DIR] > store.json`: the whole store as one JSON document (layout 6: the
// state with every entry as an object), for reading, for other tools, or to start a store from: the
// bot reads a `store.json` when its data directory has no `store.snapshot`. Read-only: the store's
// files are checked as at start-up and left as they are. Best run with the bot stopped: a compaction
// between reading the snapshot and the journal makes it refuse (seq out of order); run it again.

import { readAgencyFile } from '../bot/config.js';
import { DOCUMENT_VERSION } from '../storage/schema.js';
import { Store } from '../storage/store.js';

const dir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
let departments: string[] | undefined;
try {
  departments = readAgencyFile(process.env.AGENCY_CONFIG ?? 'config/agency.json').departments.map(
    (d) => d.id,
  );
} catch {
  departments = undefined; // the departments are then not checked
}
const store = await Store.readOnly(dir, { rules: { departments } });
const { entries: _table, ...state } = store.state;
process.stdout.write(`${JSON.stringify({ ...state, version: DOCUMENT_VERSION, entries: store.entries })}\n`);
