import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalThread, threadedFile } from '../../storage/journal-thread.js';
import { Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { addMember, logDeed } from '../helpers/store.js';

// The journal's durable writes are made on a thread of their own once it is up (storage/journal-thread.ts);
// before that, and for what does not fit its buffer, on the pool. Either way the bytes land where asked.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('thidua-journal-thread-'));
});
afterEach(async () => {
  await cleanup();
});

const line = (text: string) => Buffer.from(`${text}\n`, 'utf8');

/** A journal file on a new thread, `first` written at its start (on the pool), then the thread up. */
async function upAfter(first: Buffer) {
  const path = join(dir, 'journal.jsonl');
  const thread = new JournalThread();
  const file = threadedFile(await open(path, 'w+'), thread);
  await file.write(first, 0, first.length, 0);
  await thread.up();
  return { path, thread, file };
}

describe("the journal's write thread", () => {
  it('writes the bytes at their place, on the pool until it is up and on the thread after', async () => {
    const first = line('{"seq":1}');
    const { path, thread, file } = await upAfter(first);
    const second = line('{"seq":2,"text":"Giúp đỡ đồng nghiệp"}');
    await file.write(second, 0, second.length, first.length);
    const third = line('{"seq":3}');
    await file.write(third, 0, third.length, first.length + second.length);
    expect(thread.writes).toBe(2);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe(`${first}${second}${third}`);
  });

  it("reports a failed write with the system's code, and goes on writing after it", async () => {
    const bytes = line('{"seq":1}');
    const { path, thread, file } = await upAfter(bytes);
    const closed = await open(join(dir, 'other'), 'w');
    const fd = closed.fd;
    await closed.close();
    await expect(thread.write(fd, bytes, 0, bytes.length, 0)).rejects.toMatchObject({ code: 'EBADF' });
    await file.write(bytes, 0, bytes.length, bytes.length);
    expect(thread.writes).toBe(1);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe(`${bytes}${bytes}`);
  });

  it('makes a write asked to be made here on the calling thread, its failure with its code', async () => {
    const first = line('{"seq":1}');
    const { path, thread, file } = await upAfter(first);
    const second = line('{"seq":2,"text":"Giúp đỡ đồng nghiệp"}');
    await file.write(second, 0, second.length, first.length, true);
    expect(thread.writes).toBe(0);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe(`${first}${second}`);
    const readOnly = threadedFile(await open(path, 'r'), thread);
    await expect(readOnly.write(second, 0, second.length, 0, true)).rejects.toMatchObject({ code: 'EBADF' });
    await readOnly.close();
    expect(await readFile(path, 'utf8')).toBe(`${first}${second}`);
  });

  it('stops with the last file closed and starts again with the next', async () => {
    const path = join(dir, 'journal.jsonl');
    const thread = new JournalThread();
    const bytes = line('{"seq":1}');
    for (let round = 0; round < 2; round += 1) {
      const file = threadedFile(await open(path, round === 0 ? 'w+' : 'r+'), thread);
      await file.write(bytes, 0, bytes.length, round * 2 * bytes.length);
      await thread.up();
      await file.write(bytes, 0, bytes.length, (round * 2 + 1) * bytes.length);
      await file.close();
    }
    expect(thread.writes).toBe(2);
    expect(await readFile(path, 'utf8')).toBe(`${bytes}`.repeat(4));
  });

  it('keeps every entry a store acknowledged, written on either thread, across a reopen', async () => {
    const store = await Store.open(dir);
    const member = await addMember(store, 1);
    const at = new Date('2026-03-02T02:00:00Z');
    const codes: string[] = [];
    for (let i = 0; i < 300; i += 1)
      codes.push((await logDeed(store, member.id, at, `Việc tốt số ${i}`)).code);
    await store.close();
    const again = await Store.open(dir);
    expect(codes.map((code) => again.entry(code)?.text)).toEqual(codes.map((_, i) => `Việc tốt số ${i}`));
    await again.close();
  });
});
