import type { AgencyConfig, Department, ReviewMode } from './agency.js';
import type { Entry, EntryKind, Member } from './domain.js';

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

export type { ReviewMode };

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

/** Where an entry stands: withdrawn by its reporter, rejected, approved, or awaiting the Council. */
export type EntryState = 'withdrawn' | 'rejected' | 'approved' | 'pending';

/** The one reading of an entry's status that every view and file shows (with `counts` beside it). */
export function entryState(entry: Entry): EntryState {
  if (entry.status === 'withdrawn') return 'withdrawn';
  return entry.review;
}

/** The department `member` belonged to just before `at` (undefined if they had not registered yet). */
export function departmentAt(member: Member, at: Date): string | undefined {
  const time = at.getTime();
  let found: string | undefined;
  for (const stretch of member.departments) {
    if (Date.parse(stretch.from) >= time) break;
    found = stretch.departmentId;
  }
  return found;
}

/** Members registered before `end`, each with the department they belonged to then. */
export function membersAt(members: readonly Member[], end: Date): { member: Member; departmentId: string }[] {
  const out: { member: Member; departmentId: string }[] = [];
  for (const member of members) {
    const departmentId = departmentAt(member, end);
    if (departmentId) out.push({ member, departmentId });
  }
  return out;
}

export interface MemberScore {
  member: Member;
  points: number;
  entries: number;
  /**
   * Standard competition rank among members with points: equal points share a rank (1, 2, 2, 4).
   * 0 for a member without points in the period: "not yet scored", never ranked.
   */
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
  return rankMemberTotals(members, totals);
}

/** Points and counted entries, by member or by department. */
export type Totals = ReadonlyMap<string, { points: number; entries: number }>;

/** Members ranked from their totals (however they were summed: here, or by a database). */
export function rankMemberTotals(members: readonly Member[], totals: Totals): MemberScore[] {
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
    if (score.points <= 0) break;
    const previous = scores[i - 1];
    score.rank = previous && previous.points === score.points ? previous.rank : i + 1;
  }
  return scores;
}

/** How many members have points, i.e. are ranked. */
export function rankedCount(scores: readonly MemberScore[]): number {
  return scores.filter((s) => s.rank > 0).length;
}

/**
 * The first `n` ranked members, and everyone tied with the last of them: a tie is never cut.
 * `extended` tells whether ties made the list longer than `n`.
 */
export function topWithTies(
  scores: readonly MemberScore[],
  n: number,
): { top: MemberScore[]; extended: boolean } {
  const ranked = scores.filter((s) => s.rank > 0);
  if (ranked.length <= n) return { top: ranked, extended: false };
  const last = ranked[n - 1] as MemberScore;
  const top = ranked.filter((s, i) => i < n || s.points === last.points);
  return { top, extended: top.length > n };
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
  /** As for members: 1, 2, 2, 4 among departments with points; 0 (unranked) without any. */
  rank: number;
}

/**
 * Departments ranked by points per member, then by total points. An entry counts for the department
 * it was logged in (a member's move does not carry their past points away); the headcount is of the
 * members in each department at `end` (the period's end), and a participant is one of them with at
 * least one counted entry in `entries`.
 */
export function rankDepartments(
  entries: readonly Entry[],
  members: readonly Member[],
  departments: readonly Department[],
  mode: ReviewMode,
  end: Date,
): DepartmentScore[] {
  const totals = new Map<string, { points: number; entries: number }>();
  const active = new Set<string>();
  for (const entry of entries) {
    if (!counts(entry, mode)) continue;
    active.add(entry.memberId);
    const total = totals.get(entry.departmentId) ?? { points: 0, entries: 0 };
    total.points += entry.points;
    total.entries += 1;
    totals.set(entry.departmentId, total);
  }
  return rankDepartmentTotals(members, departments, totals, active, end);
}

/**
 * Departments ranked from their totals, with the headcount at `end` and the `active` members (those
 * with a counted entry) as participants.
 */
export function rankDepartmentTotals(
  members: readonly Member[],
  departments: readonly Department[],
  totals: Totals,
  active: ReadonlySet<string>,
  end: Date,
): DepartmentScore[] {
  const headcount = new Map<string, number>();
  const participants = new Map<string, number>();
  for (const { member, departmentId } of membersAt(members, end)) {
    headcount.set(departmentId, (headcount.get(departmentId) ?? 0) + 1);
    if (active.has(member.id)) participants.set(departmentId, (participants.get(departmentId) ?? 0) + 1);
  }
  const rows = departments.map((department) => {
    const total = totals.get(department.id) ?? { points: 0, entries: 0 };
    const size = headcount.get(department.id) ?? 0;
    return {
      department,
      members: size,
      participants: participants.get(department.id) ?? 0,
      points: total.points,
      entries: total.entries,
      perMember: size ? total.points / size : 0,
      rank: 0,
    };
  });
  rows.sort((a, b) => b.perMember - a.perMember || b.points - a.points || b.members - a.members);
  for (const [i, row] of rows.entries()) {
    if (row.points <= 0) break;
    const previous = rows[i - 1];
    row.rank =
      previous && previous.perMember === row.perMember && previous.points === row.points
        ? previous.rank
        : i + 1;
  }
  return rows;
}
