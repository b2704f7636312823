import type { Command } from '../core/context.js';
import { say } from './lib/common.js';
import { postArg, postText } from './lib/scheduled.js';

export const dangngay: Command = {
  name: 'dangngay',
  access: 'admin',
  usage: (t) => t.help.postNow.usage,
  description: (t) => t.help.postNow.description,
  async run(ctx) {
    const arg = postArg(ctx, dangngay, ['bangxephang', 'thang']);
    if (Array.isArray(arg)) return arg;
    return [
      ...postText(arg.name, arg.post, ctx.now).map((html) => ({ html, to: 'group' as const })),
      ...(ctx.chat.kind === 'private' ? [say(ctx.t.posts.posted)] : []),
    ];
  },
};
