import type { MemberContext, Reply } from '../../core/context.js';
import { say } from './common.js';

/** Turns a member's personal reminders on or off (/batnhac, /tatnhac), kept in their history. */
export async function setNudges(ctx: MemberContext, on: boolean): Promise<Reply[]> {
  const { t, store, member } = ctx;
  const saved = await store.setMemberFlags(
    member.id,
    { nudges: on },
    ctx.actor,
    on ? 'nudges on' : 'nudges off',
  );
  return [
    say(on ? t.posts.nudgesOn : t.posts.nudgesOff, on && !saved.privateChat && t.posts.nudgesNeedPrivate),
  ];
}
