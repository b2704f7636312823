import type { Command, CommandContext, MessageKind, OutImage, Reply } from '../../core/context.js';
import type { Html } from '../../core/html.js';
import type { Log } from '../../core/log.js';
import { fold } from '../../core/text.js';
import type { PostContext } from '../posts/context.js';
import { monthlyDigest } from '../posts/monthly.js';
import { postMessage } from '../posts/parts.js';
import { remindersMessage, remindersOn } from '../posts/reminders.js';
import { weeklyPost } from '../posts/weekly.js';
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
  return {
    name,
    post: {
      t,
      store: ctx.store,
      agency: ctx.agency,
      plan: ctx.plan,
      council: ctx.council,
      draw: ctx.reports.draw,
    },
  };
}

/** One message of a scheduled post. */
export interface PostPart {
  html: Html;
  kind?: MessageKind;
  images?: OutImage[];
}

/** A scheduled post as it would go out now: its messages, with the picture where the post has one. */
export async function postParts(name: PostName, post: PostContext, now: Date, log: Log): Promise<PostPart[]> {
  switch (name) {
    case 'bangxephang':
      return [await postMessage(post, weeklyPost(post, now), log)];
    case 'thang':
      return [await postMessage(post, monthlyDigest(post, now), log)];
    case 'nhac': {
      const due = remindersOn(post, now);
      if (due.length === 0) return [{ html: post.t.posts.noReminders }];
      return [remindersMessage(due), ...due.flatMap((r) => (r.adminHtml ? [{ html: r.adminHtml }] : []))];
    }
  }
}
