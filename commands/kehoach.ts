import { type Command, defineCommand } from '../core/context.js';
import { fold } from '../core/text.js';
import { PICTURE_WORD, picture } from './lib/board.js';
import { say, words } from './lib/common.js';
import { planChart, planText } from './posts.js';

export const kehoach: Command = defineCommand({
  name: 'kehoach',
  access: 'agency',
  usage: (t) => t.help.plan.usage,
  description: (t) => t.help.plan.description,
  async run({ t, store, agency, plan, now, args, log }) {
    if (!plan) return [say(t.plan.none)];
    const post = { t, store, agency, plan };
    const text = say(planText(post, now));
    if (!words(args).some((word) => fold(word) === PICTURE_WORD)) return [text];
    const chart = planChart(post, now);
    const image = await picture(chart.data, chart.filename, log);
    return [image ? { ...text, images: [image] } : say(text.html, '', t.chart.failed)];
  },
});
