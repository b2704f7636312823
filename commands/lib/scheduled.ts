import type { Command, CommandContext, Reply } from '../../core/context.js';
import { type Html, joinHtml } from '../../core/html.js';
import { fold } from '../../core/text.js';
import { monthlyDigest, type PostContext, remindersOn, weeklyPost } from '../posts.js';
import { clip, refuse, say, words } from './common.js';

export type PostName = 'bangxephang' | 'thang' | 'nhac';

/** Reads which scheduled post a command names, or the refusal (with the usage line) to give. */
export function postArg(
  ctx: CommandContext,
  command: Command,
  allowed: readonly PostName[],
): { name: PostName; post: PostContext } | Reply[] {
  const { t } = ctx;
  if (!ctx.plan) return [say(t.plan.none)];
  const word = fold(words(ctx.args)[0] ?? '');
  if (!word) return refuse(ctx, command, t.posts.missingPost);
  const name = allowed.find((n) => n === word);
  if (!name) return refuse(ctx, command, t.posts.unknownPost(clip(word)));
  return { name, post: { t, store: ctx.store, agency: ctx.agency, plan: ctx.plan } };
}

/** The text of a scheduled post as it would go out now. */
export function postText(name: PostName, post: PostContext, now: Date): Html[] {
  switch (name) {
    case 'bangxephang':
      return [weeklyPost(post, now)];
    case 'thang':
      return [monthlyDigest(post, now)];
    case 'nhac': {
      const due = remindersOn(post, now);
      if (due.length === 0) return [post.t.posts.noReminders];
      return [
        joinHtml(
          due.map((r) => r.html),
          '\n\n',
        ),
        ...due.flatMap((r) => (r.adminHtml ? [r.adminHtml] : [])),
      ];
    }
  }
}
