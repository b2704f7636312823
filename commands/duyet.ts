import { type Command, defineCommand } from '../core/context.js';
import { codeFirst } from './lib/common.js';
import { decidable, decide } from './lib/review.js';

export const duyet: Command = defineCommand({
  name: 'duyet',
  access: 'council',
  writes: true,
  usage: (t) => t.help.approve.usage,
  description: (t) => t.help.approve.description,
  async run(ctx) {
    const entry = decidable(ctx, duyet, codeFirst(ctx.args).code);
    if (Array.isArray(entry)) return entry;
    return decide(ctx, entry, 'approved');
  },
});
