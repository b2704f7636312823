/**
 * "Cá nhân tiêu biểu" in the periodic report: only those the agency's stated rule picks — among the
 * members with an approved entry in the period, the N with the most points (or the best share),
 * whoever ties with the last one picked kept — not everyone with a point.
 */
import { describe, expect, it } from 'vitest';
import type { Entry, Member } from '../../core/domain.js';
import type { MemberScore } from '../../core/scoring.js';
import { outstandingMembers } from '../../reports/word.js';

const member = (id: string) => ({ id, fullName: id }) as Member;
const score = (id: string, points: number, rank: number): MemberScore => ({
  member: member(id),
  points,
  entries: 1,
  rank,
});
const entry = (memberId: string, review: Entry['review']) =>
  ({ memberId, status: 'active', review }) as Entry;

// Nine members with points; "f" has none approved.
const scores = [
  score('a', 12, 1),
  score('b', 10, 2),
  score('f', 9, 3),
  score('c', 8, 4),
  score('d', 8, 4),
  score('e', 5, 6),
  score('g', 3, 7),
  score('h', 2, 8),
  score('i', 1, 9),
];
const entries = [...'abcdeghi'].map((id) => entry(id, 'approved')).concat([entry('f', 'pending')]);
const ids = (list: MemberScore[]) => list.map((m) => m.member.id);

describe('the outstanding members of the periodic report', () => {
  it('takes the top N among those with an approved entry, keeping a tie whole', () => {
    expect(ids(outstandingMembers(scores, entries, { rule: 'top', count: 3 }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(outstandingMembers(scores, entries, { rule: 'top', count: 2 }))).toEqual(['a', 'b']);
  });

  it('takes a share of them, rounded down, at least one', () => {
    // 8 eligible: 25% is 2.
    expect(ids(outstandingMembers(scores, entries, { rule: 'share', percent: 25 }))).toEqual(['a', 'b']);
    expect(ids(outstandingMembers(scores, entries, { rule: 'share', percent: 1 }))).toEqual(['a']);
  });

  it('names nobody without an approved entry or without points', () => {
    expect(outstandingMembers(scores, [entry('f', 'pending')], { rule: 'top', count: 3 })).toEqual([]);
    expect(
      outstandingMembers([score('z', 0, 0)], [entry('z', 'approved')], { rule: 'top', count: 3 }),
    ).toEqual([]);
  });
});
