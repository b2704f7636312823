// Child process: writes the store for one size, twice — `store.json` as the project's snapshot (compact,
// as storage/snapshot-file.ts writes it) and `db.json` as lowdb's JSONFile writes it (2-space indent).
// Usage: node --import tsx bench/generate.ts SIZE DIR
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCUMENT_FILE, STORE_FILE, Store } from '../storage/store.js';
import { agency, emit } from './common.js';
import { generateState } from './data.js';

const [sizeArg, dir] = process.argv.slice(2);
const size = Number(sizeArg);
if (!dir || !Number.isInteger(size) || size <= 0) throw new Error('usage: generate.ts SIZE DIR');

const started = performance.now();
const state = generateState(agency(), size);
const snapshot = JSON.stringify(state);
// lowdb's JSONFile indents by 2; at 1M entries that text passes V8's largest string (~512 MB), and the
// naive side is not run at that size anyway (bench/run.ts): its file is then the compact text, which
// the SQLite side still loads its rows from.
const lowdb = size <= 500_000 ? JSON.stringify(state, null, 2) : snapshot;
await mkdir(join(dir, 'project'), { recursive: true });
await mkdir(join(dir, 'naive'), { recursive: true });
await writeFile(join(dir, 'project', DOCUMENT_FILE), snapshot, 'utf8');
// The project's own layout: read once as a JSON store (layout 6), written as its snapshot.
const store = await Store.open(join(dir, 'project'));
await store.compact();
await store.close();
const { size: snapshotBytes } = await stat(join(dir, 'project', STORE_FILE));
await writeFile(join(dir, 'naive', 'db.json'), lowdb, 'utf8');
emit({
  entries: state.entries.length,
  members: state.members.length,
  withdrawn: state.entries.filter((e) => e.status === 'withdrawn').length,
  snapshotBytes,
  lowdbBytes: Buffer.byteLength(lowdb),
  ms: performance.now() - started,
});
