import type { Command } from '../core/context.js';
import { rankDepartments, rankMembers } from '../core/scoring.js';
import { esc } from '../core/text.js';
import { departmentName, pendingNote, periodArg, say, words } from './lib/common.js';

export const bangxephang: Command = {
  name: 'bangxephang',
  access: 'anyone',
  usage: (t) => t.help.leaderboard.usage,
  description: (t) => t.help.leaderboard.description,
  async run(ctx) {
    const { t, store, agency } = ctx;
    const period = periodArg(ctx, bangxephang, words(ctx.args)[0], 'week');
    if (Array.isArray(period)) return period;

    const entries = store.entriesBetween(period.start, period.end);
    const mode = agency.review.mode;
    const top = rankMembers(entries, store.members, mode)
      .filter((s) => s.points > 0)
      .slice(0, agency.leaderboard.topMembers);
    const departments = rankDepartments(entries, store.members, agency.departments, mode);
    return [
      say(
        t.leaderboard.title(t.period(period)),
        '',
        t.leaderboard.members(agency.leaderboard.topMembers),
        ...(top.length
          ? top.map((s) =>
              t.leaderboard.memberLine(
                s.rank,
                esc(s.member.fullName),
                esc(departmentName(agency, s.member.departmentId, t)),
                t.points(s.points),
              ),
            )
          : [t.leaderboard.noPoints]),
        '',
        t.leaderboard.departments,
        ...departments.map((d) =>
          t.leaderboard.departmentLine(
            d.rank,
            esc(d.department.name),
            t.number(d.perMember),
            t.points(d.points),
            d.members,
          ),
        ),
        pendingNote(t, entries, mode),
      ),
    ];
  },
};
