import type { AgencyConfig } from '../../core/agency.js';
import type { Entry, Member } from '../../core/domain.js';
import type { HtmlPart } from '../../core/html.js';
import type { Period } from '../../core/periods.js';
import { type DepartmentScore, rankDepartments, rankMembers, topWithTies } from '../../core/scoring.js';
import type { Messages } from '../../locales/index.js';
import { departmentName } from './common.js';

/**
 * The ranking of a period as /bangxephang and the scheduled posts show it: the top members with
 * points (everyone tied at the last place included), then (unless `departments` is false) every
 * department by points per member.
 */
export function leaderboardLines(
  ctx: { t: Messages; agency: AgencyConfig },
  entries: readonly Entry[],
  members: readonly Member[],
  period: Period,
  options: { top: number; departments: boolean },
): { lines: HtmlPart[]; departments: DepartmentScore[] } {
  const { t, agency } = ctx;
  const mode = agency.review.mode;
  const { top, extended } = topWithTies(rankMembers(entries, members, mode), options.top);
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
    : [t.leaderboard.noPoints];
  if (!options.departments) return { lines: memberLines, departments: [] };
  const departments = rankDepartments(entries, members, agency.departments, mode, period.end);
  return {
    departments,
    lines: [
      t.leaderboard.members(options.top),
      ...memberLines,
      '',
      t.leaderboard.departments,
      ...departments.map((d) =>
        t.leaderboard.departmentLine(
          d.rank,
          d.department.name,
          t.number(d.perMember),
          t.points(d.points),
          d.members,
        ),
      ),
    ],
  };
}
