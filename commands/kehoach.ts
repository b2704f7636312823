import { type Command, defineCommand } from '../core/context.js';
import { say } from './lib/common.js';
import { planText } from './posts.js';

export const kehoach: Command = defineCommand({
  name: 'kehoach',
  access: 'agency',
  usage: (t) => t.help.plan.usage,
  description: (t) => t.help.plan.description,
  async run({ t, store, agency, plan, now }) {
    if (!plan) return [say(t.plan.none)];
    return [say(planText({ t, store, agency, plan }, now))];
  },
});
