// Child process: one cold start, measured in a fresh process so earlier work cannot pollute it.
// Usage: node --expose-gc --import tsx bench/cold-start.ts project|naive DIR
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { StoreDocument } from '../storage/schema.js';
import { Store } from '../storage/store.js';
import { emit, mb } from './common.js';

const [side, dir] = process.argv.slice(2);
if ((side !== 'project' && side !== 'naive') || !dir)
  throw new Error('usage: cold-start.ts project|naive DIR');

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let entries: number;
let close: () => Promise<void> = async () => {};
if (side === 'project') {
  const store = await Store.open(join(dir, 'project'));
  entries = store.state.entries.count;
  close = () => store.close();
} else {
  const db = new Low<StoreDocument>(
    new JSONFile<StoreDocument>(join(dir, 'naive', 'db.json')),
    {} as StoreDocument,
  );
  await db.read();
  entries = db.data.entries.length;
}
const openMs = performance.now() - started;
const afterLoad = process.memoryUsage();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const afterGc = process.memoryUsage();
await close();
emit({
  side,
  entries,
  openMs,
  /** Since the process started (includes Node start-up, tsx and module loading). */
  readyMs: performance.now(),
  rssBeforeMB: mb(rssBefore),
  rssMB: mb(afterLoad.rss),
  heapUsedMB: mb(afterLoad.heapUsed),
  rssAfterGcMB: gc ? mb(afterGc.rss) : null,
  heapAfterGcMB: gc ? mb(afterGc.heapUsed) : null,
});
