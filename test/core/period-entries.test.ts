import { describe, expect, it } from 'vitest';
import { PeriodEntries } from '../../core/figures.js';
import { periodContaining } from '../../core/periods.js';
import { addMember, logDeed, useTempStore } from '../helpers/store.js';

/**
 * A period's entries by member and by department (core/figures.ts's PeriodEntries): the first few
 * asked for are found in the store's columns one by one, the rest read with the period once — the
 * same entries either way, as filtering the period's entries gives them, oldest first.
 */
const temp = useTempStore();

describe('a period’s entries by member and by department', () => {
  it('are the same whether read one by one or with the whole period', async () => {
    const store = temp.store;
    const departments = ['vp', 'cb', 'tcdv'];
    const members = [];
    for (let n = 1; n <= 12; n += 1) members.push(await addMember(store, n, departments[n % 3]));
    for (let i = 0; i < 60; i += 1) {
      const reporter = members[i % 12] as (typeof members)[number];
      const credited = members[(i * 5) % 12] as (typeof members)[number];
      await logDeed(
        store,
        reporter.id,
        new Date(Date.UTC(2026, i % 12, 1 + (i % 27), 2)),
        `Việc tốt số ${i}`,
        {
          memberId: credited.id,
        },
      );
    }
    const year = periodContaining('year', new Date('2026-06-01T00:00:00Z'));
    const inYear = store.entriesBetween(year.start, year.end);
    const codes = (entries: readonly { code: string }[]) => entries.map((e) => e.code);
    const read = new PeriodEntries(store, year);
    // Twelve members, then the departments: the first eight one by one, the rest from the period.
    for (const m of members) {
      expect(codes(read.ofMember(m.id)), m.id).toEqual(codes(inYear.filter((e) => e.memberId === m.id)));
    }
    for (const d of departments) {
      expect(codes(read.ofDepartment(d)), d).toEqual(codes(inYear.filter((e) => e.departmentId === d)));
    }
    expect(read.ofMember('nobody')).toEqual([]);
  });
});
