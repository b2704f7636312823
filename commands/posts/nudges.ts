import type { Member } from '../../core/domain.js';
import type { Html } from '../../core/html.js';
import type { PostContext } from './context.js';

const DAY_MS = 86_400_000;

/**
 * Members to remind in private: registered for at least `nudgeAfterDays`, nothing logged (or credited)
 * in that time, reminders not turned off, and a private chat opened with the bot.
 */
export function membersToNudge(ctx: PostContext, now: Date): Member[] {
  const { store, plan } = ctx;
  const since = new Date(now.getTime() - plan.nudgeAfterDays * DAY_MS);
  const active = new Set(
    store.entriesBetween(since, new Date(now.getTime() + 1)).flatMap((e) => [e.memberId, e.reporterId]),
  );
  return store.members.filter(
    (m) =>
      m.privateChat &&
      m.nudges !== false &&
      Date.parse(m.registeredAt) <= since.getTime() &&
      !active.has(m.id),
  );
}

/** The reminder a member gets in private. */
export function nudgeMessage(ctx: PostContext, member: Member): { html: Html } {
  return { html: ctx.t.posts.nudge(member.fullName, ctx.plan.nudgeAfterDays) };
}
