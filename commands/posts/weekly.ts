import { periodContaining, periodTitle } from '../../core/periods.js';
import { kudosLines, kudosOf } from '../lib/board.js';
import { pendingNote, say } from '../lib/common.js';
import { leaderboardLines, standingsIn } from '../lib/leaderboard.js';
import type { Post, PostContext } from './context.js';
import { deedsOf, modelLines, postChart } from './parts.js';
import { asOfDay, progressOf, targetLines } from './plan.js';

/**
 * The weekly leaderboard post for the week containing `slot`. It opens with good news (who leads,
 * the most improved department) and never names who is behind: departments without points are
 * counted, not listed (the whole table is /bangxephang's, on request).
 */
export function weeklyPost(ctx: PostContext, slot: Date): Post {
  const { t, store, agency } = ctx;
  const week = periodContaining('week', slot);
  const standings = standingsIn(ctx, store, week, agency.leaderboard.topMembers, slot);
  const kudos = kudosOf(ctx, week, standings);
  const progress = progressOf(ctx, slot);
  const active = standings.departments.filter((d) => d.entries > 0).length;
  const all = standings.departments.length;
  const html = say(
    t.posts.weeklyTitle(periodTitle(t, week, slot)),
    '',
    ...kudosLines(ctx, kudos),
    ...leaderboardLines(ctx, standings, { departments: 'ranked' }),
    active === all ? t.posts.allDepartmentsActive : t.posts.activeDepartments(active, all),
    '',
    ...deedsOf(ctx, week),
    ...modelLines(ctx, week),
    '',
    ...targetLines(t, progress, asOfDay(ctx.plan, slot)),
    pendingNote(t, standings.pending, agency.review.mode),
  ).html;
  const title = t.chart.weeklyTitle(t.periodName(week));
  const chart = postChart(ctx, 'bang-vang', { title, period: week, standings, kudos, progress, slot });
  return { html, kind: 'post', chart };
}
