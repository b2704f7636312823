import { type AgencyConfig, departmentName } from '../../core/agency.js';
import type { Entry, Member } from '../../core/domain.js';
import type { HtmlPart } from '../../core/html.js';
import type { Period } from '../../core/periods.js';
import type { RepositoryReads } from '../../core/repository.js';
import { type DepartmentScore, type MemberScore, PeriodTotals, topWithTies } from '../../core/scoring.js';
import type { Messages } from '../../locales/index.js';

/** The ranking of a period, computed once for the text and the picture alike. */
export interface Standings {
  /** The first `top` members with points, and everyone tied with the last of them. */
  top: MemberScore[];
  /** Whether ties made `top` longer than asked. */
  extended: boolean;
  /** How many members were asked for. */
  asked: number;
  /** Every department by points per member. */
  departments: DepartmentScore[];
  /** Every member, ranked (rankMembers). */
  scores: MemberScore[];
  /** Active entries of the period still waiting for the Council. */
  pending: number;
  /** The period is still going on (at `now`): an empty one invites the first entry; a past one does not. */
  open: boolean;
}

export function standingsOf(
  ctx: { agency: AgencyConfig },
  entries: readonly Entry[],
  members: readonly Member[],
  period: Period,
  top: number,
  now?: Date,
): Standings {
  return standingsFrom(ctx, PeriodTotals.of(entries, ctx.agency.review.mode), members, period, top, now);
}

/** The standings of a period read from the store's columns (no entry built: a year of a province). */
export function standingsIn(
  ctx: { agency: AgencyConfig },
  store: Pick<RepositoryReads, 'entryGroups' | 'members'>,
  period: Period,
  top: number,
  now?: Date,
): Standings {
  const totals = PeriodTotals.grouped(store, period, ctx.agency.review.mode);
  return standingsFrom(ctx, totals, store.members, period, top, now);
}

function standingsFrom(
  ctx: { agency: AgencyConfig },
  totals: PeriodTotals,
  members: readonly Member[],
  period: Period,
  top: number,
  now?: Date,
): Standings {
  const scores = totals.members(members);
  const ranked = topWithTies(scores, top);
  return {
    ...ranked,
    asked: top,
    scores,
    pending: totals.pending,
    departments: totals.departments(members, ctx.agency.departments, period.end),
    open: now === undefined || period.end.getTime() > now.getTime(),
  };
}

/**
 * The ranking of a period as /bangxephang and the scheduled posts show it: the top members with
 * points (everyone tied at the last place included), then the departments by points per member —
 * `all` of them (/bangxephang: the whole table, on request), only the `ranked` ones, those with
 * points (the group's posts, which never list who is behind), or none.
 */
export function leaderboardLines(
  ctx: { t: Messages; agency: AgencyConfig },
  standings: Standings,
  options: { departments: 'all' | 'ranked' | false },
): HtmlPart[] {
  const { t, agency } = ctx;
  const { top, extended } = standings;
  const memberLines = top.length
    ? [
        ...top.map((s) =>
          t.leaderboard.memberLine(
            s.rank,
            s.member.fullName,
            departmentName(agency, s.member.departmentId, t),
            t.points(s.points),
          ),
        ),
        ...(extended ? [t.leaderboard.ties(top.length)] : []),
      ]
    : [standings.open ? t.leaderboard.noPointsYet : t.leaderboard.noPoints];
  if (!options.departments) return memberLines;
  const departments = standings.departments.filter((d) => options.departments === 'all' || d.rank > 0);
  return [
    t.leaderboard.members(standings.asked),
    ...memberLines,
    ...(departments.length ? ['', t.leaderboard.departments] : []),
    ...departments.map((d) =>
      t.leaderboard.departmentLine(
        d.rank,
        d.department.name,
        t.number(d.perMember),
        t.points(d.points),
        d.members,
      ),
    ),
  ];
}
