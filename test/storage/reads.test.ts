import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../core/errors.js';
import { Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { failJournalFlush } from '../helpers/disk-faults.js';
import { actor, addMember, logDeed } from '../helpers/store.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: Store;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const year = [new Date('2026-01-01T00:00:00+07:00'), new Date('2027-01-01T00:00:00+07:00')] as const;

describe('what a read returns', () => {
  it('is the entry as it was when read: read-only, and a change shows in the next read', async () => {
    const member = await addMember(store, 1);
    const deed = await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'));
    const before = store.entry(deed.code);
    expect(store.entry(deed.code)).toBe(before); // read again: the same (kept) object
    expect(Object.isFrozen(before)).toBe(true);
    expect(() => {
      (before as { status: string }).status = 'withdrawn';
    }).toThrow(TypeError);
    await store.withdrawEntry(deed.code, actor(member.id, new Date('2026-03-02T04:00:00Z')));
    expect(before?.status).toBe('active');
    expect(store.entry(deed.code)?.status).toBe('withdrawn');
    expect(store.entriesBetween(...year).map((e) => e.status)).toEqual(['withdrawn']);
  });

  it('gives a period again as it is now: a write in between shows, an undone write does not', async () => {
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'), 'một');
    const first = store.entriesBetween(...year);
    expect(store.entriesBetween(...year)).toEqual(first);
    const second = await logDeed(store, member.id, new Date('2026-03-03T03:00:00Z'), 'hai');
    expect(store.entriesBetween(...year).map((e) => e.text)).toEqual(['một', 'hai']);
    expect(first.map((e) => e.text)).toEqual(['một']);
    // A change to an entry inside the period read just before.
    await store.reviewEntry(second.code, 'approved', actor('m1', new Date('2026-03-03T05:00:00Z')));
    expect(store.entriesBetween(...year).map((e) => e.review)).toEqual(['pending', 'approved']);
    // A write the disk refuses is undone: the period is read again without it.
    failJournalFlush(store, { once: true });
    const failing = logDeed(store, member.id, new Date('2026-03-04T03:00:00Z'), 'ba (chưa lưu)');
    // Applied in memory until its flush fails: a read meanwhile sees it…
    expect(store.entriesBetween(...year).map((e) => e.text)).toEqual(['một', 'hai', 'ba (chưa lưu)']);
    expect(await failing.catch((e: unknown) => e)).toBeInstanceOf(StoreWriteError);
    // …and once it is undone, no read does.
    expect(store.entriesBetween(...year).map((e) => e.text)).toEqual(['một', 'hai']);
    expect(store.entries.map((e) => e.text)).toEqual(['một', 'hai']);
  });

  it('hands each caller an array of its own', async () => {
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'), 'một');
    await logDeed(store, member.id, new Date('2026-03-03T03:00:00Z'), 'hai');
    const mine = store.entriesBetween(...year) as ReturnType<Store['entriesBetween']> & { reverse(): void };
    mine.reverse();
    expect(store.entriesBetween(...year).map((e) => e.text)).toEqual(['một', 'hai']);
  });
});
