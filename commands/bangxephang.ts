import type { Command } from '../core/context.js';
import { periodTitle } from '../core/periods.js';
import { onlyPeriod, pendingNote, say } from './lib/common.js';
import { leaderboardLines } from './lib/leaderboard.js';

export const bangxephang: Command = {
  name: 'bangxephang',
  access: 'agency',
  usage: (t) => t.help.leaderboard.usage,
  description: (t) => t.help.leaderboard.description,
  async run(ctx) {
    const { t, store, agency } = ctx;
    const args = onlyPeriod(ctx, bangxephang, 'week');
    if (Array.isArray(args)) return args;
    const { period } = args;

    const entries = store.entriesBetween(period.start, period.end);
    const board = leaderboardLines(ctx, entries, store.members, period, {
      top: agency.leaderboard.topMembers,
      departments: true,
    });
    return [
      say(
        t.leaderboard.title(periodTitle(t, period)),
        args.note,
        '',
        ...board.lines,
        pendingNote(t, entries, agency.review.mode),
      ),
    ];
  },
};
