import { type Command, defineCommand } from '../core/context.js';
import { periodTitle } from '../core/periods.js';
import { progressAsOf } from '../core/plan.js';
import { boardChart, kudosOf, PICTURE_WORD, picture, pictureName } from './lib/board.js';
import { onlyPeriod, pendingNote, say } from './lib/common.js';
import { leaderboardLines, standingsIn } from './lib/leaderboard.js';
import { chartTargets, progressOf } from './posts/plan.js';

export const bangxephang: Command = defineCommand({
  name: 'bangxephang',
  access: 'agency',
  usage: (t) => t.help.leaderboard.usage,
  description: (t) => t.help.leaderboard.description,
  async run(ctx) {
    const { t, store, agency, plan } = ctx;
    const args = onlyPeriod(ctx, bangxephang, 'week', (word) => word === PICTURE_WORD);
    if (Array.isArray(args)) return args;
    const { period } = args;

    const standings = standingsIn(ctx, store, period, agency.leaderboard.topMembers, ctx.now);
    const text = say(
      t.leaderboard.title(periodTitle(t, period, ctx.now)),
      '',
      ...leaderboardLines(ctx, standings, { departments: 'all' }),
      pendingNote(t, standings.pending, agency.review.mode),
    );
    if (args.kept.length === 0) return [text];
    const chart = boardChart(ctx, {
      title: t.chart.boardTitle(t.periodName(period)),
      period,
      standings,
      kudos: kudosOf(ctx, period, standings),
      targets: plan ? chartTargets(t, progressOf({ t, store, agency, plan }, ctx.now)) : undefined,
      now: ctx.now,
      targetsAsOf: plan && progressAsOf(plan, ctx.now),
    });
    const image = await picture(chart, pictureName('bang-xep-hang', period), ctx.log, ctx.reports.draw);
    return [image ? { ...text, images: [image] } : say(text.html, '', t.chart.failed)];
  },
});
