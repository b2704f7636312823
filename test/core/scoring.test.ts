import { describe, expect, it } from 'vitest';
import type { Member } from '../../core/domain.js';
import { PeriodTotals } from '../../core/scoring.js';

const member = (id: string, fullName: string) => ({ id, fullName }) as Member;

describe('a member standing among others (the rank each write confirms)', () => {
  // Lan 5, Hùng 5 (tied), Mai 3, Bình 0, Cúc 0; Dũng earned 9 but is not among those ranked.
  const members = [
    member('m1', 'Nguyễn Thị Lan'),
    member('m2', 'Trần Văn Hùng'),
    member('m3', 'Lê Thị Mai'),
    member('m4', 'Phạm Văn Bình'),
    member('m5', 'Đỗ Thị Cúc'),
  ];
  const totals = PeriodTotals.of(
    [
      { memberId: 'm1', points: 2 },
      { memberId: 'm2', points: 5 },
      { memberId: 'm1', points: 3 },
      { memberId: 'm3', points: 3 },
      { memberId: 'm6', points: 9 },
    ].map((e) => ({ ...e, departmentId: 'vp', status: 'active', review: 'approved' }) as const),
    'after',
  );

  it('gives each member the rank and count the full ranking gives', () => {
    const ranking = totals.members(members);
    const ranked = ranking.filter((s) => s.rank > 0).length;
    expect(ranked).toBe(3);
    for (const m of members) {
      const full = ranking.find((s) => s.member.id === m.id);
      expect(totals.standing(members, m)).toEqual({ score: full, ranked });
    }
    expect(totals.standing(members, members[1] as Member).score).toMatchObject({ rank: 1, points: 5 });
    expect(totals.standing(members, members[2] as Member).score).toMatchObject({ rank: 3, points: 3 });
    expect(totals.standing(members, members[3] as Member).score).toMatchObject({ rank: 0, points: 0 });
  });

  it('has no score for someone not among the members ranked', () => {
    expect(totals.standing(members, member('m6', 'Vũ Văn Dũng'))).toEqual({ score: undefined, ranked: 3 });
  });
});
