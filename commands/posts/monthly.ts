import { periodContaining, periodTitle } from '../../core/periods.js';
import { kudosLines, kudosOf } from '../lib/board.js';
import { say } from '../lib/common.js';
import { leaderboardLines, standingsIn } from '../lib/leaderboard.js';
import type { Post, PostContext } from './context.js';
import { deedsOf, modelLines, postChart } from './parts.js';
import { asOfDay, progressOf, targetLines } from './plan.js';

/** The monthly digest, posted early in a month about the month before `slot`. */
export function monthlyDigest(ctx: PostContext, slot: Date): Post {
  const { t, store } = ctx;
  const month = periodContaining('month', new Date(periodContaining('month', slot).start.getTime() - 1));
  const standings = standingsIn(ctx, store, month, 5, slot);
  const kudos = kudosOf(ctx, month, standings);
  const progress = progressOf(ctx, slot);
  const html = say(
    t.posts.monthlyTitle(periodTitle(t, month)),
    '',
    ...kudosLines(ctx, kudos),
    ...deedsOf(ctx, month),
    ...modelLines(ctx, month),
    '',
    t.posts.monthlyTop,
    ...leaderboardLines(ctx, standings, { departments: false }),
    '',
    ...targetLines(t, progress, asOfDay(ctx.plan, slot)),
  ).html;
  const title = t.chart.monthlyTitle(t.periodName(month));
  const chart = postChart(ctx, 'diem-tin', { title, period: month, standings, kudos, progress, slot });
  return { html, kind: 'post', chart };
}
