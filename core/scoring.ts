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
export function counts(entry: Pick<Entry, 'status' | 'review'>, mode: ReviewMode): boolean {
  if (entry.status !== 'active') return false;
  return mode === 'after' ? entry.review !== 'rejected' : entry.review === 'approved';
}

/** Active entries still waiting for the Council. */
export function isPending(entry: Pick<Entry, 'status' | 'review'>): boolean {
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

/** What the totals read of an entry: an Entry, or a row of the store's columns (EntryRow). */
export type Countable = Pick<Entry, 'points' | 'memberId' | 'departmentId' | 'status' | 'review'>;

/**
 * A period's counted points and entries by member and by department, and who earned them where: what
 * rankMembers and rankDepartments read, summed once. Fed entry by entry — from a list of entries, or
 * from the store's columns (`scanned`: no entry built, for a year of a province).
 */
export class PeriodTotals {
  readonly byMember = new Map<string, { points: number; entries: number }>();
  readonly byDepartment = new Map<string, { points: number; entries: number }>();
  /** By department, the members with a counted entry earned there. */
  readonly earned = new Map<string, Set<string>>();
  /** Active entries still waiting for the Council (counted or not). */
  pending = 0;

  constructor(readonly mode: ReviewMode) {}

  /**
   * Adds `entry` if it counts — or `count` entries alike whose points together are `entry.points` (a
   * group of the store's, Repository.entryGroups); says whether it did.
   */
  add(entry: Countable, count = 1): boolean {
    if (isPending(entry)) this.pending += count;
    if (!counts(entry, this.mode)) return false;
    const member = this.byMember.get(entry.memberId);
    if (member) {
      member.points += entry.points;
      member.entries += count;
    } else this.byMember.set(entry.memberId, { points: entry.points, entries: count });
    const department = this.byDepartment.get(entry.departmentId);
    if (department) {
      department.points += entry.points;
      department.entries += count;
    } else this.byDepartment.set(entry.departmentId, { points: entry.points, entries: count });
    let ids = this.earned.get(entry.departmentId);
    if (!ids) {
      ids = new Set();
      this.earned.set(entry.departmentId, ids);
    }
    ids.add(entry.memberId);
    return true;
  }

  static of(entries: Iterable<Countable>, mode: ReviewMode): PeriodTotals {
    const totals = new PeriodTotals(mode);
    for (const entry of entries) totals.add(entry);
    return totals;
  }

  /** The totals of [start, end) from the store's groups of entries (no entry built). */
  static grouped(
    store: { entryGroups(start: Date, end: Date): { groups: readonly (Countable & { count: number })[] } },
    period: { start: Date; end: Date },
    mode: ReviewMode,
  ): PeriodTotals {
    const totals = new PeriodTotals(mode);
    for (const group of store.entryGroups(period.start, period.end).groups) totals.add(group, group.count);
    return totals;
  }

  /** Members ranked (rankMembers). */
  members(members: readonly Member[]): MemberScore[] {
    return rankMemberTotals(members, this.byMember);
  }

  /**
   * One member's score among `members` as `members()` ranks it, and how many are ranked, without
   * ranking everyone (each command's confirmation shows the week's rank): a rank is 1 + those with
   * more points, as equal points share a rank.
   */
  standing(members: readonly Member[], member: Member): { score: MemberScore | undefined; ranked: number } {
    const own = this.byMember.get(member.id);
    const points = own?.points ?? 0;
    let score: MemberScore | undefined;
    let ranked = 0;
    let ahead = 0;
    for (const m of members) {
      const theirs = this.byMember.get(m.id)?.points ?? 0;
      if (theirs > 0) ranked += 1;
      if (theirs > points) ahead += 1;
      if (m.id === member.id) score = { member: m, points, entries: own?.entries ?? 0, rank: 0 };
    }
    if (score && points > 0) score.rank = ahead + 1;
    return { score, ranked };
  }

  /** Departments ranked (rankDepartments), with the headcount at `end`. */
  departments(members: readonly Member[], departments: readonly Department[], end: Date): DepartmentScore[] {
    return rankDepartmentTotals(members, departments, this.byDepartment, this.earned, end);
  }
}

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
 * A department over a period: the one reading of its participation, totals and evidence that every
 * view and file uses (/tonghop, /bangxephang, the workbook, the Word report, the review sheet and its
 * criteria, the achievement report). Its entries are those earned in it — the department an entry
 * was logged in, wherever its member is now; its headcount is its members at the period's end; its
 * participants are those of them with at least one counted entry earned in it.
 */
export interface DepartmentPeriod {
  department: Department;
  /** Members in the department at the period's end (its headcount). */
  people: Member[];
  /** Every entry earned in the department in the period, whatever its status (its evidence). */
  entries: Entry[];
  /** Those of `entries` that count in the review mode. */
  counted: Entry[];
  /** Of `people`, those with at least one counted entry earned in the department. */
  participants: Member[];
  points: number;
}

/** Each of `departments` over the entries of a period (see DepartmentPeriod), in the order given. */
export function departmentPeriods(
  entries: readonly Entry[],
  members: readonly Member[],
  departments: readonly Department[],
  mode: ReviewMode,
  end: Date,
): DepartmentPeriod[] {
  const byId = new Map<string, DepartmentPeriod>(
    departments.map((department) => [
      department.id,
      { department, people: [], entries: [], counted: [], participants: [], points: 0 },
    ]),
  );
  const earned = new Map<string, Set<string>>();
  for (const entry of entries) {
    const record = byId.get(entry.departmentId);
    if (!record) continue;
    record.entries.push(entry);
    if (!counts(entry, mode)) continue;
    record.counted.push(entry);
    record.points += entry.points;
    let ids = earned.get(entry.departmentId);
    if (!ids) {
      ids = new Set();
      earned.set(entry.departmentId, ids);
    }
    ids.add(entry.memberId);
  }
  for (const { member, departmentId } of membersAt(members, end)) {
    const record = byId.get(departmentId);
    if (!record) continue;
    record.people.push(member);
    if (earned.get(departmentId)?.has(member.id)) record.participants.push(member);
  }
  return [...byId.values()];
}

/** One department over the entries of a period (see DepartmentPeriod). */
export function departmentPeriod(
  entries: readonly Entry[],
  members: readonly Member[],
  department: Department,
  mode: ReviewMode,
  end: Date,
): DepartmentPeriod {
  return departmentPeriods(entries, members, [department], mode, end)[0] as DepartmentPeriod;
}

/**
 * Departments ranked by points per member, then by total points, from departmentPeriods: an entry
 * counts for the department it was earned in (a member's move does not carry their past points
 * away); the headcount is of the members in each department at `end` (the period's end), and a
 * participant is one of them with at least one counted entry earned there.
 */
export function rankDepartments(
  entries: readonly Entry[],
  members: readonly Member[],
  departments: readonly Department[],
  mode: ReviewMode,
  end: Date,
): DepartmentScore[] {
  return rankRows(
    departmentPeriods(entries, members, departments, mode, end).map((d) => ({
      department: d.department,
      members: d.people.length,
      participants: d.participants.length,
      points: d.points,
      entries: d.counted.length,
      perMember: d.people.length ? d.points / d.people.length : 0,
      rank: 0,
    })),
  );
}

/**
 * Departments ranked from their totals however they were summed (here, or by a database), with the
 * headcount at `end`; `earned` holds, by department, the members with a counted entry earned there
 * (the participants among its headcount), as departmentPeriods reads them.
 */
export function rankDepartmentTotals(
  members: readonly Member[],
  departments: readonly Department[],
  totals: Totals,
  earned: ReadonlyMap<string, ReadonlySet<string>>,
  end: Date,
): DepartmentScore[] {
  const headcount = new Map<string, number>();
  const participants = new Map<string, number>();
  for (const { member, departmentId } of membersAt(members, end)) {
    headcount.set(departmentId, (headcount.get(departmentId) ?? 0) + 1);
    if (earned.get(departmentId)?.has(member.id))
      participants.set(departmentId, (participants.get(departmentId) ?? 0) + 1);
  }
  return rankRows(
    departments.map((department) => {
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
    }),
  );
}

/**
 * Departments by points per member, best first; equal points per member share a rank (1, 2, 2, 4),
 * whatever their totals — the measure is the average, so 6 points for 2 people ties 9 for 3. The
 * order within a tie (more points, then more people) is only the order of the lines.
 */
function rankRows(rows: DepartmentScore[]): DepartmentScore[] {
  rows.sort((a, b) => b.perMember - a.perMember || b.points - a.points || b.members - a.members);
  for (const [i, row] of rows.entries()) {
    if (row.points <= 0) break;
    const previous = rows[i - 1];
    row.rank = previous && sameAverage(previous, row) ? previous.rank : i + 1;
  }
  return rows;
}

/** Equal points per member, compared without the rounding of a division (6/2 and 9/3 are equal). */
function sameAverage(a: DepartmentScore, b: DepartmentScore): boolean {
  return Math.abs(a.points * b.members - b.points * a.members) < 1e-9 * Math.max(1, a.points, b.points);
}
