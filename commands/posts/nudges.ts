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
  const until = new Date(now.getTime() + 1);
  // Whether anything was logged by or for them: their latest entry of the stretch, found in the
  // store's columns (the stretch's entries are not built).
  const active = (id: string) =>
    store.entriesBetween(since, until, { memberId: id, last: 1 }).length > 0 ||
    store.entriesBetween(since, until, { reporterId: id, last: 1 }).length > 0;
  return store.members.filter(
    (m) =>
      m.privateChat && m.nudges !== false && Date.parse(m.registeredAt) <= since.getTime() && !active(m.id),
  );
}

/** The reminder a member gets in private. */
export function nudgeMessage(ctx: PostContext, member: Member): { html: Html } {
  return { html: ctx.t.posts.nudge(member.fullName, ctx.plan.nudgeAfterDays) };
}
