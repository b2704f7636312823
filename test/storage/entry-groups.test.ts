import { describe, expect, it } from 'vitest';
import { entryCode } from '../../core/codes.js';
import type { Entry, EntryKind } from '../../core/domain.js';
import type { EntryGroups } from '../../core/repository.js';
import { EntryTable } from '../../storage/entry-table.js';

/**
 * A period's entries summed by what a figure reads (EntryTable.groups, behind Repository.entryGroups)
 * say what the entries themselves say — over ranges that cover whole kept blocks (16,384 positions)
 * and parts of them, before and after writes that touch them: a status changed, an entry logged out
 * of time order (every later position moves), an undone write.
 */
const KINDS: EntryKind[] = ['deed', 'task', 'initiative'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

function entry(no: number, time: number): Entry {
  const kind = KINDS[no % 3] as EntryKind;
  const at = new Date(time).toISOString();
  const memberId = `m${no % 7}`;
  return {
    code: entryCode(kind, no),
    kind,
    text: `việc ${no}`,
    points: 1 + (no % 4),
    adhoc: no % 5 === 0,
    it: no % 11 === 0,
    memberId,
    reporterId: memberId,
    departmentId: `d${(no >> 3) % 3}`,
    at,
    status: 'active',
    review: (['pending', 'approved', 'rejected'] as const)[no % 3] as Entry['review'],
    source: `telegram:1:${no}`,
    history: [{ at, action: 'created', by: memberId, platform: 'telegram' }],
  };
}

/** The same figures from the entries themselves, in a form that compares equal whatever the order. */
function expected(entries: readonly Entry[]) {
  const sums = new Map<string, { count: number; points: number }>();
  for (const e of entries) {
    const key = [e.kind, e.adhoc, e.it, e.memberId, e.departmentId, e.status, e.review].join('|');
    const sum = sums.get(key) ?? { count: 0, points: 0 };
    sum.count += 1;
    sum.points += e.points;
    sums.set(key, sum);
  }
  return {
    sums: Object.fromEntries([...sums].sort()),
    withdrawn: entries
      .filter((e) => e.status === 'withdrawn')
      .map((e) => ({ code: e.code, departmentId: e.departmentId })),
  };
}

function actual(groups: EntryGroups) {
  const sums = new Map<string, { count: number; points: number }>();
  for (const g of groups.groups) {
    const key = [g.kind, g.adhoc, g.it, g.memberId, g.departmentId, g.status, g.review].join('|');
    expect(sums.has(key)).toBe(false);
    sums.set(key, { count: g.count, points: g.points });
  }
  return { sums: Object.fromEntries([...sums].sort()), withdrawn: [...groups.withdrawn] };
}

function check(table: EntryTable): void {
  const last = table.between(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const end = Date.parse(last.at(-1)?.at ?? '') + 1;
  for (const [from, to] of [
    [START, end],
    [START + 3 * DAY + 5, end - 2 * DAY],
    [START + 40 * DAY, START + 41 * DAY],
    [START - DAY, START + 200 * DAY],
  ] as const) {
    const inRange = last.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) < to);
    expect(actual(table.groups(from, to))).toEqual(expected(inRange));
  }
}

describe('the figures read from the columns', () => {
  it('sum the entries of any range, through every kind of write', () => {
    const table = new EntryTable();
    const n = 40_000; // two whole blocks and a part
    for (let no = 1; no <= n; no += 1) table.append(entry(no, START + Math.floor((no * 300 * DAY) / n)));
    while (table.warmGroups()) {
      // every whole block summed, as at start-up
    }
    check(table);
    // Changes in place, in the first block and the second.
    for (const no of [3, 5000, 20_000, 33_333]) table.setStatus(table.rowOfNo(no), 'withdrawn');
    table.setReview(table.rowOfNo(17_000), 'approved');
    check(table);
    // An entry logged out of time order: every position after it moves on by one.
    table.append(entry(n + 1, START + 10 * DAY + 1));
    check(table);
    // Taken back (its write failed).
    table.removeLast();
    check(table);
    table.append(entry(n + 2, START + 301 * DAY));
    check(table);
  });
});
