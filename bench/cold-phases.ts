// Child process: where Store.open's time and memory go, phase by phase, at one size. It repeats the
// steps of storage/snapshot-file.ts (read) and storage/store.ts (index) with the project's own
// functions, so a regression or a fix shows up here by phase.
// Usage: node --import tsx bench/cold-phases.ts DIR
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entry } from '../core/domain.js';
import { migrate } from '../storage/migrations.js';
import { stateSchema } from '../storage/schema.js';
import { STORE_FILE } from '../storage/store.js';
import { emit, mb } from './common.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cold-phases.ts DIR');

const phases: { phase: string; ms: number; rssMB: number; heapUsedMB: number }[] = [];
let last = performance.now();
function lap(phase: string): void {
  const now = performance.now();
  const memory = process.memoryUsage();
  phases.push({ phase, ms: now - last, rssMB: mb(memory.rss), heapUsedMB: mb(memory.heapUsed) });
  last = performance.now();
}

lap('baseline (node + tsx + modules)');
const text = await readFile(join(dir, 'project', STORE_FILE), 'utf8');
lap('readFile + UTF-8 decode');
const raw: unknown = JSON.parse(text);
lap('JSON.parse');
const migrated = migrate(raw);
lap('migrate');
const parsed = stateSchema.safeParse(migrated);
if (!parsed.success) throw new Error('generated store fails validation');
lap('zod stateSchema.safeParse');
const entries: readonly Entry[] = parsed.data.entries;
// As storage/store.ts index(): one pass parses each date once, checks the order and fills the maps.
let sorted = true;
const times: number[] = [];
const byCode = new Map<string, Entry>();
const bySource = new Map<string, Entry>();
for (const entry of entries) {
  const time = Date.parse(entry.at);
  if (time < (times.at(-1) ?? Number.NEGATIVE_INFINITY)) sorted = false;
  times.push(time);
  byCode.set(entry.code.slice(2), entry);
  bySource.set(entry.source, entry);
}
lap('index (order check, times, byCode, bySource)');
emit({
  entries: entries.length,
  sorted,
  textChars: text.length,
  phases,
  indexed: times.length + byCode.size + bySource.size,
});
