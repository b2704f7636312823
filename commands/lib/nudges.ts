import type { CommandContext, Reply } from '../../core/context.js';
import type { Member } from '../../storage/schema.js';
import { say } from './common.js';

/** Turns a member's personal reminders on or off (/batnhac, /tatnhac), kept in their history. */
export async function setNudges(ctx: CommandContext, on: boolean): Promise<Reply[]> {
  const { t, store } = ctx;
  const member = ctx.member as Member;
  await store.setMemberFlags(
    member.id,
    { nudges: on },
    { at: ctx.now, platform: ctx.platform, note: on ? 'nudges on' : 'nudges off' },
  );
  return [
    say(on ? t.posts.nudgesOn : t.posts.nudgesOff, on && !member.privateChat && t.posts.nudgesNeedPrivate),
  ];
}
