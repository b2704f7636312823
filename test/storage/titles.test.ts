/**
 * Registrations for the year's titles and department heads in the store: kept across restarts and
 * compactions, every change in their history, undone when the disk refuses them, carried over when
 * two accounts are linked, and an older store brought up to the layout that holds them.
 */
import { type FileHandle, open as openFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../core/errors.js';
import { STORE_VERSION } from '../../storage/schema.js';
import { readSnapshot } from '../../storage/snapshot-file.js';
import { DOCUMENT_FILE, DOCUMENT_KEPT, JOURNAL_FILE, STORE_FILE, Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { actor, addMember } from '../helpers/store.js';

let dir: string;
let cleanup: () => Promise<void>;
const opened: Store[] = [];

async function open() {
  const store = await Store.open(dir);
  opened.push(store);
  return store;
}

async function reopen(store: Store) {
  await store.close();
  opened.splice(opened.indexOf(store), 1);
  return open();
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await cleanup();
});

const may = new Date('2026-05-04T03:00:00Z');
const june = new Date('2026-06-02T03:00:00Z');

describe('registrations for a year’s title', () => {
  it('keeps every registration and change across a restart and a compaction', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    const subject = { kind: 'member', memberId: lan.id } as const;
    await store.registerTitle(2026, subject, 'ldtt', actor(lan.id, may));
    await store.registerTitle(2026, { kind: 'department', departmentId: 'vp' }, 'ttldtt', actor(lan.id, may));
    let again = await reopen(store);
    await again.registerTitle(2026, subject, 'cstdcs', actor('telegram:900001', june));
    await again.compact();
    again = await reopen(again);
    expect(again.registration(2026, subject)).toMatchObject({
      titleId: 'cstdcs',
      history: [
        { action: 'registered', note: 'ldtt', by: lan.id, at: may.toISOString() },
        { action: 'updated', note: 'cstdcs', by: 'telegram:900001', at: june.toISOString() },
      ],
    });
    expect(again.registration(2026, { kind: 'department', departmentId: 'vp' })?.titleId).toBe('ttldtt');
    expect(again.registration(2025, subject)).toBeUndefined();
    expect(again.registrations).toHaveLength(2);
  });

  it('undoes a registration the disk refused, and the earlier one stands', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    const subject = { kind: 'member', memberId: lan.id } as const;
    await store.registerTitle(2026, subject, 'ldtt', actor(lan.id, may));
    const journal = Reflect.get(store, 'journal') as object;
    const real = Reflect.get(journal, 'handle') as FileHandle;
    const full = await openFile('/dev/full', 'r+');
    Reflect.set(journal, 'handle', full);
    const failed = await store
      .registerTitle(2026, subject, 'cstdcs', actor(lan.id, june))
      .catch((e: unknown) => e);
    const failedHead = await store
      .setDepartmentHead('vp', lan.id, actor(lan.id, june))
      .catch((e: unknown) => e);
    Reflect.set(journal, 'handle', real);
    await full.close();
    expect(failed).toBeInstanceOf(StoreWriteError);
    expect(failedHead).toBeInstanceOf(StoreWriteError);
    expect(store.registration(2026, subject)?.titleId).toBe('ldtt');
    expect(store.registration(2026, subject)?.history).toHaveLength(1);
    expect(store.departmentHead('vp')).toBeUndefined();
    expect((await reopen(store)).registration(2026, subject)?.titleId).toBe('ldtt');
  });
});

describe('department heads', () => {
  it('names, replaces and takes away a head; who was stays in the history', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'cb');
    const hung = await addMember(store, 2, 'cb');
    await store.setDepartmentHead('cb', lan.id, actor('telegram:900001', may));
    await store.setDepartmentHead('cb', hung.id, actor('telegram:900001', june));
    await store.setDepartmentHead('cb', undefined, actor('telegram:900001', june));
    const again = await reopen(store);
    expect(again.departmentHead('cb')?.memberId).toBeUndefined();
    expect(again.departmentHead('cb')?.history.map((h) => [h.action, h.note])).toEqual([
      ['assigned', lan.id],
      ['unassigned', lan.id],
      ['assigned', hung.id],
      ['unassigned', hung.id],
    ]);
    await expect(again.setDepartmentHead('vp', undefined, actor('telegram:900001', june))).rejects.toThrow(
      /no head/,
    );
  });
});

describe('linking two accounts of one person', () => {
  it('carries registrations and headships over; where both registered, the kept title stands and both histories stay', async () => {
    const store = await open();
    const keep = await addMember(store, 1, 'cb');
    const other = await addMember(store, 2, 'cb');
    await store.registerTitle(2026, { kind: 'member', memberId: keep.id }, 'cstdcs', actor(keep.id, june));
    await store.registerTitle(2026, { kind: 'member', memberId: other.id }, 'ldtt', actor(other.id, may));
    await store.registerTitle(2025, { kind: 'member', memberId: other.id }, 'ldtt', actor(other.id, may));
    await store.setDepartmentHead('cb', other.id, actor('telegram:900001', may));
    await store.linkIdentity(keep.id, other.identities[0] as string, actor(keep.id, june));
    const again = await reopen(store);
    expect(again.member(other.id)).toBeUndefined();
    const mine = again.registration(2026, { kind: 'member', memberId: keep.id });
    expect(mine?.titleId).toBe('cstdcs');
    expect(mine?.history.map((h) => h.note)).toEqual(['ldtt', 'cstdcs']);
    expect(again.registration(2025, { kind: 'member', memberId: keep.id })?.titleId).toBe('ldtt');
    expect(
      again.registrations.every((r) => r.subject.kind !== 'member' || r.subject.memberId === keep.id),
    ).toBe(true);
    expect(again.departmentHead('cb')?.memberId).toBe(keep.id);
  });
});

describe('layout 4 → 5', () => {
  it('opens a layout-4 store with no registrations and no heads, and writes them at the next compaction', async () => {
    const at = '2026-03-02T01:00:00.000Z';
    const v4 = {
      version: 4,
      seq: 1,
      nextEntryNo: 1,
      nextMemberNo: 2,
      nextModelNo: 1,
      members: [
        {
          id: 'm1',
          fullName: 'Thành viên 1',
          departmentId: 'vp',
          departments: [{ departmentId: 'vp', from: at }],
          identities: ['telegram:1001'],
          registeredAt: at,
          history: [{ at, action: 'registered', by: 'm1', platform: 'telegram' }],
        },
      ],
      entries: [],
      models: [],
      jobs: {},
    };
    const text = JSON.stringify(v4);
    await writeFile(join(dir, DOCUMENT_FILE), text);
    await writeFile(join(dir, JOURNAL_FILE), '');
    const store = await open();
    expect(store.registrations).toEqual([]);
    expect(store.departmentHead('vp')).toBeUndefined();
    await store.registerTitle(2026, { kind: 'member', memberId: 'm1' }, 'ldtt', actor('m1', may));
    // Written in today's layout when opened for writing; the old file kept among the backups.
    expect(await readFile(join(dir, 'backups', DOCUMENT_KEPT), 'utf8')).toBe(text);
    await store.compact();
    expect(await readSnapshot(join(dir, STORE_FILE))).toMatchObject({
      version: STORE_VERSION,
      registrations: [{ year: 2026, titleId: 'ldtt' }],
      heads: [],
    });
  });
});
