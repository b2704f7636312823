import type { Command, Reply } from '../core/context.js';
import { joinHtml } from '../core/html.js';
import { postArg, postText } from './lib/scheduled.js';

export const xemtruoc: Command = {
  name: 'xemtruoc',
  access: 'admin',
  usage: (t) => t.help.preview.usage,
  description: (t) => t.help.preview.description,
  async run(ctx) {
    const arg = postArg(ctx, xemtruoc, ['bangxephang', 'thang', 'nhac']);
    if (Array.isArray(arg)) return arg;
    // Only to the admin who asked: asked in the group, it goes to them in private.
    const to = ctx.chat.kind === 'private' ? ('chat' as const) : { identity: ctx.caller.identity };
    return postText(arg.name, arg.post, ctx.now).map(
      (html, i): Reply => ({ html: i === 0 ? joinHtml([ctx.t.posts.previewNote, '', html]) : html, to }),
    );
  },
};
