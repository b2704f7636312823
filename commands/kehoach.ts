import { type Command, defineCommand } from '../core/context.js';
import { readPeriod } from '../core/periods.js';
import { fold } from '../core/text.js';
import { PICTURE_WORD, picture } from './lib/board.js';
import { clip, refuse, say, words } from './lib/common.js';
import { planChart, planText } from './posts/plan.js';

export const kehoach: Command = defineCommand({
  name: 'kehoach',
  access: 'agency',
  usage: (t) => t.help.plan.usage,
  description: (t) => t.help.plan.description,
  async run(ctx) {
    const { t, store, agency, plan, now, args, log } = ctx;
    if (!plan) return [say(t.plan.none)];
    const all = words(args);
    const asked = all.filter((word) => fold(word) !== PICTURE_WORD);
    // The plan is the year's: its year may be named (`2026`, `năm nay`); another year, or any other
    // word, is refused rather than answered with this year's plan.
    if (asked.length) {
      const reading = readPeriod(asked, now);
      const year =
        reading && 'period' in reading && reading.used === asked.length && reading.period.kind === 'year'
          ? reading.period.year
          : undefined;
      if (year === undefined) return refuse(ctx, kehoach, t.plan.onlyYear(clip(asked.join(' ')), plan.year));
      if (year !== plan.year) return refuse(ctx, kehoach, t.plan.otherYear(year, plan.year));
    }
    const post = { t, store, agency, plan };
    const text = say(planText(post, now));
    if (asked.length === all.length) return [text];
    const chart = planChart(post, now);
    const image = await picture(chart.data, chart.filename, log, ctx.reports.draw);
    return [image ? { ...text, images: [image] } : say(text.html, '', t.chart.failed)];
  },
});
