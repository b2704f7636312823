import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../../core/errors.js';
import { JOURNAL_PIECE_BYTES, JOURNAL_ROOM_BYTES, Journal, readJournal } from '../../storage/journal.js';
import { JOURNAL_FILE, Store } from '../../storage/store.js';
import { memoryLogger, tempDir } from '../helpers/agency.js';
import { addMember, logDeed } from '../helpers/store.js';

// The journal writes its lines into zeros it put down ahead of them (storage/journal.ts): a write
// within the file's length is made durable without a second write for the file's new size. A crash
// leaves the zeros after the lines; a clean close cuts them away.

let dir: string;
let cleanup: () => Promise<void>;
let crashed: string;
let cleanupCrashed: () => Promise<void>;
const opened: Store[] = [];

async function open(at: string, options: Parameters<typeof Store.open>[1] = {}): Promise<Store> {
  const store = await Store.open(at, options);
  opened.push(store);
  return store;
}

async function close(store: Store): Promise<void> {
  opened.splice(opened.indexOf(store), 1);
  await store.close();
}

async function files(at: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(at, { withFileTypes: true })) {
    if (entry.isFile()) out[entry.name] = (await readFile(join(at, entry.name))).toString('base64');
  }
  return out;
}

/**
 * Writes `count` deeds to a store, and copies its folder while it is still open: the files as a
 * process killed at that moment leaves them (the journal's lines, then the zeros ahead of them).
 */
async function crashAfter(count: number): Promise<string[]> {
  const store = await open(dir);
  const member = await addMember(store, 1);
  for (let i = 0; i < count; i += 1) await logDeed(store, member.id, new Date(), `việc tốt số ${i + 1}`);
  await cp(dir, crashed, { recursive: true });
  const codes = store.entries.map((e) => e.code);
  await close(store);
  return codes;
}

/** The crashed journal: its bytes, and where its lines end (the first zero byte). */
async function crashedJournal(): Promise<{ path: string; bytes: Buffer; end: number }> {
  const path = join(crashed, JOURNAL_FILE);
  const bytes = await readFile(path);
  return { path, bytes, end: bytes.indexOf(0) };
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ dir: crashed, cleanup: cleanupCrashed } = await tempDir());
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await cleanup();
  await cleanupCrashed();
});

describe('the zeros the journal writes its lines into', () => {
  it('are put down ahead of the lines while the store is open, and cut away when it closes', async () => {
    const store = await open(dir);
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    const path = join(dir, JOURNAL_FILE);
    const open_ = await readFile(path);
    const end = open_.indexOf(0);
    expect(end).toBeGreaterThan(0);
    expect(open_[end - 1]).toBe(0x0a);
    expect(open_.length - end).toBeGreaterThanOrEqual(JOURNAL_ROOM_BYTES - 1024);
    expect(open_.subarray(end).every((b) => b === 0)).toBe(true);
    await close(store);
    const closed = await readFile(path);
    expect(closed.equals(open_.subarray(0, end))).toBe(true);
    expect((await open(dir)).entries).toHaveLength(1);
  });

  it('left by a crash: every acknowledged line is read, none is dropped, and the next lines go into them', async () => {
    const codes = await crashAfter(3);
    const { bytes, end } = await crashedJournal();
    const { logger, lines } = memoryLogger();
    const again = await open(crashed, { logger });
    expect(again.entries.map((e) => e.code)).toEqual(codes);
    // Zeros are not a torn line: nothing is said about them.
    expect(lines().filter((l) => Number(l.level) >= 40)).toEqual([]);
    const member = again.members[0]?.id as string;
    await logDeed(again, member, new Date(), 'sau khi khởi động lại');
    // Written where the zeros began: the file did not grow.
    expect((await stat(join(crashed, JOURNAL_FILE))).size).toBe(bytes.length);
    const after = await readFile(join(crashed, JOURNAL_FILE));
    expect(after.subarray(0, end).equals(bytes.subarray(0, end))).toBe(true);
    await close(again);
    expect((await open(crashed)).entries.map((e) => e.code)).toEqual([...codes, 'VT4']);
  });

  it('a write a power cut tore in them (part of a line, zeros, then lines) is dropped with a warning, never replayed', async () => {
    const codes = await crashAfter(2);
    const { path, bytes, end } = await crashedJournal();
    // The unfinished write: its lines as they would have been, of which the disk kept the start of
    // the first and, a sector further on, a later line whole.
    const original = await open(dir);
    const member = original.members[0]?.id as string;
    await close(original);
    const fresh = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean);
    const whole = `${fresh.at(-1)}\n`; // a sealed line of this store (seq 3): valid on its own
    const torn = Buffer.from(bytes);
    torn.write('{"seq":4,"type":"entry.cre', end, 'utf8');
    const sector = Math.ceil((end + 100) / 512) * 512;
    torn.write(whole, sector, 'utf8');
    await writeFile(path, torn);
    const { logger, lines } = memoryLogger();
    const again = await open(crashed, { logger });
    expect(again.entries.map((e) => e.code)).toEqual(codes);
    expect(
      lines().some((l) => l.level === 40 && String(l.msg).includes('incomplete last journal line')),
    ).toBe(true);
    await logDeed(again, member, new Date(), 'sau khi mất điện');
    await close(again);
    expect((await open(crashed)).entries.map((e) => e.code)).toEqual([...codes, 'VT3']);
  });

  it('refuses text in them further than an unfinished write reaches, naming the line, and writes nothing', async () => {
    await crashAfter(2);
    const { path, bytes, end } = await crashedJournal();
    const far = Buffer.from(bytes);
    far.write('{"seq":9}\n', Math.ceil((end + JOURNAL_PIECE_BYTES + 1) / 512) * 512, 'utf8');
    await writeFile(path, far);
    const before = await files(crashed);
    const error = await Store.open(crashed).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    // The head, the member, two deeds: the zeros begin where line 5 would.
    expect((error as Error).message).toMatch(
      /journal\.jsonl: line 5 holds zero bytes and \d+ bytes of text follow/,
    );
    expect(await files(crashed)).toEqual(before);
  });

  it('refuses a zero byte inside an acknowledged line (not a torn write: text follows within its sector)', async () => {
    await crashAfter(3);
    const { path, bytes } = await crashedJournal();
    const lines = bytes.toString('utf8').split('\n');
    // Line 3 (the first deed): one byte in its text zeroed, as a damaged disk might.
    const at = Buffer.byteLength(`${lines.slice(0, 2).join('\n')}\n`) + 40;
    const damaged = Buffer.from(bytes);
    damaged[at] = 0;
    await writeFile(path, damaged);
    const before = await files(crashed);
    const error = await Store.open(crashed).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(
      /journal\.jsonl: line 3 holds zero bytes and text follows them within a disk sector/,
    );
    expect(await files(crashed)).toEqual(before);
  });

  it('are not read in a file without the journal head: a foreign file stops the store and is kept as it is', async () => {
    await crashAfter(1);
    const { path } = await crashedJournal();
    await writeFile(path, Buffer.concat([Buffer.from('{"not":"ours"}\n'), Buffer.alloc(4096)]));
    const before = await files(crashed);
    const error = await Store.open(crashed).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect(await files(crashed)).toEqual(before);
  });

  it('a journal written before them (its lines only, ending with a newline) opens and takes its next line', async () => {
    const store = await open(dir);
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    await close(store);
    const path = join(dir, JOURNAL_FILE);
    const earlier = await readFile(path);
    expect(earlier.includes(0)).toBe(false);
    const { logger, lines } = memoryLogger();
    const again = await open(dir, { logger });
    expect(lines().filter((l) => Number(l.level) >= 40)).toEqual([]);
    await logDeed(again, member.id, new Date());
    const now = await readFile(path);
    expect(now.subarray(0, earlier.length).equals(earlier)).toBe(true);
    await close(again);
    expect((await open(dir)).entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
  });

  it('a burst longer than a write into them may tear is written in pieces, each whole lines, and reads back', async () => {
    const store = await open(dir);
    const member = await addMember(store, 1);
    const text = (n: number) => `${n} `.padEnd(3000, 'ắ');
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, n) => logDeed(store, member.id, new Date(), text(n))),
    );
    expect(burst).toHaveLength(40);
    await close(store);
    const again = await open(dir);
    expect(again.entries.map((e) => e.text)).toEqual(Array.from({ length: 40 }, (_, n) => text(n)));
  });

  it('a line longer than a write into them may tear is appended past them, and the next lines go after it', async () => {
    const path = join(dir, JOURNAL_FILE);
    const journal = await Journal.open<number>(path, await readJournal(path), () => {});
    await journal.append('{"first":1}', 1, 1);
    expect((await readFile(path)).length).toBeGreaterThan(JOURNAL_ROOM_BYTES);
    const long = `{"long":"${'x'.repeat(JOURNAL_PIECE_BYTES)}"}`;
    await journal.append(long, 2, 2);
    // The zeros were cut first: the file ends with the long line.
    expect((await readFile(path)).toString('utf8')).toBe(`{"first":1}\n${long}\n`);
    await journal.append('{"after":3}', 3, 3);
    await journal.close();
    expect((await readFile(path)).toString('utf8')).toBe(`{"first":1}\n${long}\n{"after":3}\n`);
  });
});
