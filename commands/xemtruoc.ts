import { type Command, defineCommand, type Reply } from '../core/context.js';
import { joinHtml } from '../core/html.js';
import { postArg, postParts } from './lib/scheduled.js';

export const xemtruoc: Command = defineCommand({
  name: 'xemtruoc',
  access: 'admin',
  usage: (t) => t.help.preview.usage,
  description: (t) => t.help.preview.description,
  async run(ctx) {
    const arg = postArg(ctx, xemtruoc, ['bangxephang', 'thang', 'nhac']);
    if (Array.isArray(arg)) return arg;
    // Only to the admin who asked: asked in the group, it goes to them in private. A preview is an
    // answer, not a post: it is not filed in the posts' topic.
    const to = ctx.chat.kind === 'private' ? ('chat' as const) : { identity: ctx.caller.identity };
    const parts = await postParts(arg.name, arg.post, ctx.now, ctx.log);
    return parts.map(
      ({ kind: _kind, ...part }, i): Reply => ({
        ...part,
        html: i === 0 ? joinHtml([ctx.t.posts.previewNote, '', part.html]) : part.html,
        to,
      }),
    );
  },
});
