import type { Actor, NewEntry } from '../../core/repository.js';
import type { Store } from '../../storage/store.js';

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
