/**
 * The store as a report sees it (storage/reader.ts's StoreView, built in the report thread from one
 * capture): the Repository's reads as they were at the capture, and no writes at all — a report that
 * tried to change the store would not compile, rather than throw at run time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { StoreView } from '../../storage/reader.js';
import type { Store } from '../../storage/store.js';
import { addMember, logDeed, useTempStore } from '../helpers/store.js';

let store: Store;

const temp = useTempStore();
beforeEach(() => {
  store = temp.store;
});

describe('the read-only view of a capture', () => {
  it('reads the store as it was at the capture, and holds none of its writes', async () => {
    const lan = await addMember(store, 1);
    const deed = await logDeed(store, lan.id, new Date('2026-03-02T03:00:00Z'));
    const view = StoreView.of(store.capture());
    await logDeed(store, lan.id, new Date('2026-03-03T03:00:00Z'));
    expect(view.member(lan.id)?.fullName).toBe('Thành viên 1');
    expect(view.entries.map((e) => e.code)).toEqual([deed.code]);
    expect(view.council.nominations).toEqual([]);
    const writes = ['saveMember', 'addEntry', 'withdrawEntry', 'reviewEntry', 'rate', 'markJobDone'];
    expect(writes.filter((w) => w in view)).toEqual([]);
    expect(['saveNomination', 'castBallot', 'ballotKeys'].filter((w) => w in view.council)).toEqual([]);
  });
});
