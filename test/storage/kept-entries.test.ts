import { describe, expect, it } from 'vitest';
import { entryCode } from '../../core/codes.js';
import type { Entry } from '../../core/domain.js';
import { EntryTable } from '../../storage/entry-table.js';
import { Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { actor, addMember } from '../helpers/store.js';

/**
 * Issue 26: RSS ≤ 150 MB at every point of a week's run at 100k. Each /viectot reads the writer's own
 * entries of the day (commands/lib/log-entry.ts: the daily cap, the same text twice); kept with the
 * year's, every entry written in a week stayed built (~12 MB at 28,000 writes). Entries read a few at a
 * time are kept among the recent ones only — and read back the same.
 */
const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 2, 1);

function deed(no: number, time: number, memberId: string): Entry {
  const at = new Date(time).toISOString();
  return {
    code: entryCode('deed', no),
    kind: 'deed',
    text: `Giúp đồng nghiệp lần ${no}`,
    points: 2,
    adhoc: false,
    it: false,
    memberId,
    reporterId: memberId,
    departmentId: 'vp',
    at,
    status: 'active',
    review: 'pending',
    source: `telegram:1:${no}`,
    history: [{ at, action: 'created', by: memberId, platform: 'telegram' }],
  };
}

describe('entries built for a write and a few reads', () => {
  it('are not all kept through a week of writers: the table keeps a bounded few', () => {
    const table = new EntryTable();
    const written: Entry[] = [];
    // 50 writers, 4,000 writes over a week: each reads its writer's day first, as /viectot does.
    for (let no = 1; no <= 4_000; no += 1) {
      const time = START + Math.floor((no * 7 * DAY) / 4_000);
      const writer = `m${no % 50}`;
      const dayStart = time - (time % DAY);
      table.of({ reporterId: writer }, dayStart, dayStart + DAY);
      const entry = deed(no, time, writer);
      table.append(entry);
      written.push(entry);
      // Now and then one read alone (/lichsu, a review's answer).
      if (no % 10 === 0) table.entry(table.rowOfCode(entry.code));
    }
    expect(table.kept).toBeLessThanOrEqual(2_048);
    // Read back as written: one by one, a writer's day, and the whole week.
    for (const entry of written) expect(table.entry(table.rowOfCode(entry.code))).toEqual(entry);
    const last = written.at(-1) as Entry;
    const day = Date.parse(last.at) - (Date.parse(last.at) % DAY);
    expect(table.of({ reporterId: last.memberId }, day, day + DAY)).toEqual(
      written.filter((e) => e.memberId === last.memberId && Date.parse(e.at) >= day),
    );
    expect(table.all()).toEqual(written);
  });

  it('read back from a store in a temp dir equal to what addEntry returned, before and after a restart', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      let store = await Store.open(dir);
      const members = [await addMember(store, 1), await addMember(store, 2)];
      const added: Entry[] = [];
      for (let i = 0; i < 40; i += 1) {
        const member = members[i % 2] as (typeof members)[number];
        const at = new Date(START + i * 3_600_000);
        const day = new Date(at.getTime() - (at.getTime() % DAY));
        store.entriesBetween(day, new Date(day.getTime() + DAY), { reporterId: member.id });
        added.push(
          await store.addEntry(
            {
              kind: 'deed',
              text: `Việc tốt số ${i}`,
              points: 2,
              adhoc: false,
              it: false,
              memberId: member.id,
            },
            actor(member.id, at),
          ),
        );
      }
      const year = [new Date('2026-01-01T00:00:00+07:00'), new Date('2027-01-01T00:00:00+07:00')] as const;
      const readAll = (s: Store) => ({
        one: added.map((e) => s.entry(e.code)),
        mine: members.map((m) => s.entriesBetween(...year, { memberId: m.id })),
        year: s.entriesBetween(...year),
      });
      const expected = {
        one: added,
        mine: members.map((m) => added.filter((e) => e.memberId === m.id)),
        year: added,
      };
      expect(readAll(store)).toEqual(expected);
      await store.close();
      store = await Store.open(dir);
      expect(readAll(store)).toEqual(expected);
      await store.close();
    } finally {
      await cleanup();
    }
  });
});
