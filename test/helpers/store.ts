import type { NewEntry, Store } from '../../storage/store.js';

/** A member registered straight in the store (no platform in between). */
export function addMember(
  store: Store,
  n: number,
  departmentId = 'vp',
  at = new Date('2026-01-05T02:00:00Z'),
) {
  return store.saveMember({
    identity: `telegram:${1000 + n}`,
    fullName: `Thành viên ${n}`,
    departmentId,
    at,
    platform: 'telegram',
  });
}

let sourceNo = 0;

/** A good deed by `memberId` at `at`, each with its own source message. */
export function deed(memberId: string, at: Date, text = 'Giúp đỡ đồng nghiệp hoàn thành báo cáo'): NewEntry {
  sourceNo += 1;
  return {
    kind: 'deed',
    text,
    points: 2,
    adhoc: false,
    it: false,
    memberId,
    reporterId: memberId,
    at,
    source: `test:${process.pid}:${sourceNo}:${Math.random()}`,
    platform: 'telegram',
  };
}
