import { afterEach, beforeEach } from 'vitest';
import type { Actor, NewEntry } from '../../core/repository.js';
import { Store } from '../../storage/store.js';
import { tempDir } from './agency.js';

/**
 * A fresh store in a temporary folder for each test of the file, closed and removed after it: call at
 * the top of the file, read `.store` in the tests (and in beforeEach hooks declared after this call).
 */
export function useTempStore(): { readonly store: Store } {
  let store: Store | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    store = await Store.open(temp.dir);
  });
  afterEach(async () => {
    await store?.close();
    await cleanup?.();
    store = undefined;
  });
  return {
    get store(): Store {
      if (!store) throw new Error('useTempStore: read .store inside a test or a hook');
      return store;
    },
  };
}

/** A member registered straight in the store (no platform in between). */
export function addMember(
  store: Store,
  n: number,
  departmentId = 'vp',
  at = new Date('2026-01-05T02:00:00Z'),
) {
  const identity = `telegram:${1000 + n}`;
  return store.saveMember(
    { identity, fullName: `Thành viên ${n}`, departmentId },
    { by: identity, platform: 'telegram', at },
  );
}

let sourceNo = 0;

/** The actor of a change made by `by` at `at`, each with its own source message. */
export function actor(by: string, at: Date): Actor {
  sourceNo += 1;
  return { by, platform: 'telegram', at, source: `test:${process.pid}:${sourceNo}:${Math.random()}` };
}

/** Logs a good deed by `memberId` at `at` (or another kind, with `extra`). */
export function logDeed(
  store: Store,
  memberId: string,
  at: Date,
  text = 'Giúp đỡ đồng nghiệp hoàn thành báo cáo',
  extra: Partial<NewEntry> = {},
) {
  return store.addEntry(
    { kind: 'deed', text, points: 2, adhoc: false, it: false, memberId, ...extra },
    actor(memberId, at),
  );
}
