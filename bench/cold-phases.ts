// Child process: where Store.open's time and memory go, phase by phase, at one size: reading the
// snapshot's bytes, checking its CRC, and the whole read (storage/snapshot-file.ts), then the journal
// and indexes (Store.open).
// Usage: node bench/cold-phases.ts DIR (through the bench's build)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { readSnapshot } from '../storage/snapshot-file.js';
import { STORE_FILE, Store } from '../storage/store.js';
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

const path = join(dir, 'project', STORE_FILE);
lap('baseline (node + modules)');
const bytes = await readFile(path);
lap('read the file');
crc32(bytes);
lap('CRC-32 of the file');
const state = await readSnapshot(path);
lap('readSnapshot (read, hash, header, columns, checks)');
const store = await Store.open(join(dir, 'project'));
lap('Store.open (the same, plus indexes and the journal)');
await store.close();
emit({ entries: state?.entries.count ?? 0, sorted: true, textChars: bytes.length, phases });
