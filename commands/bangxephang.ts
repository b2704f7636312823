import type { Command } from '../core/context.js';
import { pendingNote, periodArg, say, words } from './lib/common.js';
import { leaderboardLines } from './lib/leaderboard.js';

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
    const board = leaderboardLines(ctx, entries, store.members, {
      top: agency.leaderboard.topMembers,
      departments: true,
    });
    return [
      say(
        t.leaderboard.title(t.period(period)),
        '',
        ...board.lines,
        pendingNote(t, entries, agency.review.mode),
      ),
    ];
  },
};
