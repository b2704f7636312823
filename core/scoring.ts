import type { AgencyConfig, Department } from '../bot/config.js';
import type { Entry, EntryKind, Member } from '../storage/schema.js';

/** Points for a new entry, from the agency's configured values. */
export function pointsFor(
  kind: EntryKind,
  flags: { adhoc: boolean; it: boolean },
  points: AgencyConfig['points'],
) {
  switch (kind) {
    case 'deed':
      return points.deed;
    case 'task':
      return points.task + (flags.adhoc ? points.taskAdhocBonus : 0);
    case 'initiative':
      return points.initiative + (flags.it ? points.initiativeItBonus : 0);
  }
}

export type ReviewMode = 'after' | 'before';

/**
 * Whether an entry counts: never once withdrawn; in review mode `after` (the default) until the
 * Council rejects it; in mode `before` only once the Council approves it.
 */
export function counts(entry: Entry, mode: ReviewMode): boolean {
  if (entry.status !== 'active') return false;
  return mode === 'after' ? entry.review !== 'rejected' : entry.review === 'approved';
}

/** Active entries still waiting for the Council. */
export function isPending(entry: Entry): boolean {
  return entry.status === 'active' && entry.review === 'pending';
}

export interface MemberScore {
  member: Member;
  points: number;
  entries: number;
  /** Standard competition rank: equal points share a rank (1, 1, 3). */
  rank: number;
}

const byName = new Intl.Collator('vi');

/** Every registered member with their points in `entries`, best first. */
export function rankMembers(
  entries: readonly Entry[],
  members: readonly Member[],
  mode: ReviewMode,
): MemberScore[] {
  const totals = new Map<string, { points: number; entries: number }>();
  for (const entry of entries) {
    if (!counts(entry, mode)) continue;
    const total = totals.get(entry.memberId) ?? { points: 0, entries: 0 };
    total.points += entry.points;
    total.entries += 1;
    totals.set(entry.memberId, total);
  }
  const scores = members.map((member) => ({
    member,
    points: totals.get(member.id)?.points ?? 0,
    entries: totals.get(member.id)?.entries ?? 0,
    rank: 0,
  }));
  scores.sort(
    (a, b) =>
      b.points - a.points || b.entries - a.entries || byName.compare(a.member.fullName, b.member.fullName),
  );
  for (const [i, score] of scores.entries()) {
    const previous = scores[i - 1];
    score.rank = previous && previous.points === score.points ? previous.rank : i + 1;
  }
  return scores;
}

export interface DepartmentScore {
  department: Department;
  members: number;
  /** Members with at least one counted entry. */
  participants: number;
  points: number;
  entries: number;
  /** Points per registered member: how departments of different sizes are compared. */
  perMember: number;
  rank: number;
}

/** Departments ranked by points per member, then by total points. */
export function rankDepartments(
  entries: readonly Entry[],
  members: readonly Member[],
  departments: readonly Department[],
  mode: ReviewMode,
): DepartmentScore[] {
  const memberScores = rankMembers(entries, members, mode);
  const rows = departments.map((department) => {
    const own = memberScores.filter((s) => s.member.departmentId === department.id);
    const points = own.reduce((sum, s) => sum + s.points, 0);
    return {
      department,
      members: own.length,
      participants: own.filter((s) => s.entries > 0).length,
      points,
      entries: own.reduce((sum, s) => sum + s.entries, 0),
      perMember: own.length ? points / own.length : 0,
      rank: 0,
    };
  });
  rows.sort((a, b) => b.perMember - a.perMember || b.points - a.points || b.members - a.members);
  for (const [i, row] of rows.entries()) {
    const previous = rows[i - 1];
    row.rank =
      previous && previous.perMember === row.perMember && previous.points === row.points
        ? previous.rank
        : i + 1;
  }
  return rows;
}
