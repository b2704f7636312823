import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DataFile, nodeFiles, type StoreFiles } from '../../storage/files.js';
import {
  JOURNAL_ALONE_RUN,
  JOURNAL_HERE_TURN_MS,
  JOURNAL_SLOW_HERE_MS,
  Journal,
  readJournal,
} from '../../storage/journal.js';
import { tempDir } from '../helpers/agency.js';

// A lone writer's lines are written by the main thread itself, as SQLite commits; while others write
// meanwhile, their lines go through the journal's thread and share its writes (storage/journal.ts).

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('thidua-journal-alone-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

/**
 * Where each write is made depends on how long the main thread's writes take (JOURNAL_SLOW_HERE_MS): on
 * a loaded machine one may take longer. The tests read a clock of their own, which only a slow write
 * (recorded's `slowHere`) moves.
 */
let clock = 0;
beforeEach(() => {
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});

type Where = 'here' | 'thread';

/**
 * Node's files, the journal's writes recorded: where each was asked to be made. `slowHere`: how many
 * of the writes the main thread makes itself take longer than JOURNAL_SLOW_HERE_MS (a disk's slow
 * moment: the tests' clock moves on meanwhile); `hereMs`: how long each of the others takes.
 */
function recorded(slowHere = 0, hereMs = 0): { files: StoreFiles; writes: Where[] } {
  const writes: Where[] = [];
  const files: StoreFiles = {
    ...nodeFiles,
    openJournal: async (path) => {
      const file = await nodeFiles.openJournal(path);
      const write: DataFile['write'] = (buffer, offset, length, position, here) => {
        writes.push(here ? 'here' : 'thread');
        if (here && slowHere > 0) {
          slowHere -= 1;
          clock += 2 * JOURNAL_SLOW_HERE_MS;
        } else if (here) clock += hereMs;
        return file.write(buffer, offset, length, position, here);
      };
      return { ...file, write };
    },
  };
  return { files, writes };
}

async function openJournal(files: StoreFiles) {
  const path = join(dir, 'journal.jsonl');
  return { path, journal: await Journal.open<number>(path, await readJournal(path), () => {}, files) };
}

const line = (n: number) => `{"seq":${n},"text":"Việc tốt số ${n}"}`;
const lone = (run: number): Where[] => Array(run).fill('here');
/** Appends lines `from` to `to`, one after another, each awaited. */
async function appendEach(journal: Journal<number>, from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n += 1) await journal.append(line(n), n, n);
}
/** The journal's file after lines 1 to `n`. */
const linesThrough = (n: number) => Array.from({ length: n }, (_, i) => `${line(i + 1)}\n`).join('');

describe('a lone writer', () => {
  it('has its lines written by the main thread, all but one in a run, and every line reads back', async () => {
    const { files, writes } = recorded();
    const { path, journal } = await openJournal(files);
    const count = 2 * (JOURNAL_ALONE_RUN + 1) + 4;
    await appendEach(journal, 1, count);
    await journal.close();
    expect(writes).toEqual([
      // The first line with the zeros put down ahead of it; the next through the thread, none waiting.
      'thread',
      'thread',
      ...lone(JOURNAL_ALONE_RUN),
      'thread',
      ...lone(JOURNAL_ALONE_RUN),
      'thread',
      ...lone(2),
    ]);
    expect(await readFile(path, 'utf8')).toBe(linesThrough(count));
  });
});

describe('a lone writer on a slow disk', () => {
  it('sends the line after a slow write through the thread, then writes here again', async () => {
    const { files, writes } = recorded(2);
    const { path, journal } = await openJournal(files);
    await appendEach(journal, 1, 8);
    await journal.close();
    // The first two as ever (the zeros, then one through the thread); two slow writes here, each
    // followed by one through the thread (none waiting); then the main thread's again.
    expect(writes).toEqual(['thread', 'thread', 'here', 'thread', 'here', 'thread', 'here', 'here']);
    expect(await readFile(path, 'utf8')).toBe(linesThrough(8));
  });
});

describe('a writer awaiting its writes one after another', () => {
  it('lets the event loop turn after JOURNAL_HERE_TURN_MS of the main thread’s writes', async () => {
    const each = JOURNAL_SLOW_HERE_MS / 2;
    const run = Math.floor(JOURNAL_HERE_TURN_MS / each) + 1;
    const { files, writes } = recorded(0, each);
    const { path, journal } = await openJournal(files);
    await appendEach(journal, 1, 2);
    await new Promise((resolve) => setImmediate(resolve));
    writes.length = 0;
    // Answered in microtasks only: what waits for a turn of the loop runs only when the journal lets it.
    const turns: number[] = [];
    const watch = () =>
      setImmediate(() => {
        turns.push(writes.length);
        if (turns.length < 3) watch();
      });
    watch();
    const count = 2 * run + 1;
    await appendEach(journal, 3, 2 + count);
    await journal.close();
    // Every line written here, the loop turning after each run of them.
    expect(writes).toEqual(lone(count));
    expect(turns).toEqual([run, 2 * run, count]);
    expect(await readFile(path, 'utf8')).toBe(linesThrough(2 + count));
  });
});

describe('writers together', () => {
  it('share the thread’s writes while lines come during them, and write alone again once none do', async () => {
    const { files, writes } = recorded();
    const { path, journal } = await openJournal(files);
    await appendEach(journal, 1, 3);
    expect(writes).toEqual(['thread', 'thread', 'here']);
    writes.length = 0;
    // Ten at once: the first is taken alone, the nine that came meanwhile are one batch for the thread.
    await Promise.all(Array.from({ length: 10 }, (_, i) => journal.append(line(4 + i), 4 + i, 4 + i)));
    // Two at once through the thread: the second came while the first was in flight, and goes
    // through it too; none came while the second was: the lone writer's lines are the main thread's again.
    await Promise.all([journal.append(line(14), 14, 14), journal.append(line(15), 15, 15)]);
    await appendEach(journal, 16, 17);
    expect(writes).toEqual(['here', 'thread', 'thread', 'thread', 'here', 'here']);
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe(linesThrough(17));
  });
});

describe('while the store writes a snapshot or a backup', () => {
  it('sends a lone writer’s lines through the thread, and writes here again once it is done', async () => {
    const { files, writes } = recorded();
    const { path, journal } = await openJournal(files);
    await appendEach(journal, 1, 3);
    journal.diskBusy(true);
    await appendEach(journal, 4, 5);
    journal.diskBusy(false);
    await journal.append(line(6), 6, 6);
    await journal.close();
    expect(writes).toEqual(['thread', 'thread', 'here', 'thread', 'thread', 'here']);
    expect(await readFile(path, 'utf8')).toBe(linesThrough(6));
  });
});
