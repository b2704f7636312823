import type { Command } from '../core/context.js';
import { say } from './lib/common.js';
import { planText } from './lib/posts.js';

export const kehoach: Command = {
  name: 'kehoach',
  access: 'anyone',
  usage: (t) => t.help.plan.usage,
  description: (t) => t.help.plan.description,
  async run({ t, store, agency, plan, now }) {
    if (!plan) return [say(t.plan.none)];
    return [{ html: planText({ t, store, agency, plan }, now) }];
  },
};
