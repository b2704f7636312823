// Child process: one cold start of naive lowdb (Low + JSONFile reading db.json).
// Usage: node --expose-gc cold-naive.js DIR
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { StoreDocument } from '../storage/schema.js';
import { emit, mb } from './common.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cold-naive.js DIR');
const rssBefore = process.memoryUsage.rss();
const started = performance.now();
const db = new Low<StoreDocument>(
  new JSONFile<StoreDocument>(join(dir, 'naive', 'db.json')),
  {} as StoreDocument,
);
await db.read();
const openMs = performance.now() - started;
const readyMs = performance.now();
const rss = process.memoryUsage.rss();
const heapUsed = process.memoryUsage().heapUsed;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
emit({
  side: 'naive',
  entries: db.data.entries.length,
  openMs,
  readyMs,
  rssBeforeMB: mb(rssBefore),
  rssMB: mb(rss),
  heapUsedMB: mb(heapUsed),
  rssAfterGcMB: gc ? mb(process.memoryUsage.rss()) : null,
});
