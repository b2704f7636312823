import type { Command, CommandContext, Reply } from '../../core/context.js';
import { esc, preview } from '../../core/text.js';
import type { Entry, Member } from '../../storage/schema.js';
import { refuse, say } from './common.js';

export const MAX_REASON = 300;

/**
 * The identity to reach a member by in private: one on the current platform if they have it, else
 * another (the platform passes it on to the one that owns it).
 */
export function reachable(member: Member, ctx: CommandContext): string {
  return member.identities.find((i) => i.startsWith(`${ctx.platform}:`)) ?? (member.identities[0] as string);
}

/** Finds the entry a review command names, or the refusal to give instead. */
export function reviewable(ctx: CommandContext, command: Command, code: string | undefined): Entry | Reply[] {
  const { t, store } = ctx;
  if (!code) return refuse(ctx, command, t.review.missingCode(command.name));
  const entry = store.entry(code);
  if (!entry) return refuse(ctx, command, t.withdraw.unknownCode(esc(code)));
  if (entry.status === 'withdrawn') return [say(t.review.withdrawnEntry(entry.code))];
  if (entry.review !== 'pending')
    return [say(t.review.alreadyDecided(entry.code, t.review.decisions[entry.review]))];
  const own = ctx.member && (entry.reporterId === ctx.member.id || entry.memberId === ctx.member.id);
  if (own) return [say(t.review.ownEntry(entry.code))];
  return entry;
}

/** Records a decision and tells the entry's reporter, in private where the platform can. */
export async function decide(
  ctx: CommandContext,
  entry: Entry,
  decision: 'approved' | 'rejected',
  reason?: string,
): Promise<Reply[]> {
  const { t, store } = ctx;
  await store.reviewEntry(
    entry.code,
    decision,
    ctx.member?.id ?? ctx.caller.identity,
    ctx.platform,
    ctx.now,
    reason,
  );
  const credited = store.member(entry.memberId);
  const reporter = store.member(entry.reporterId);
  const name = esc(credited?.fullName ?? '?');
  const text = esc(preview(entry.text, 150));
  const kind = t.kind[entry.kind];
  const replies: Reply[] = [
    say(
      decision === 'approved'
        ? t.review.approved(entry.code, name)
        : t.review.rejected(entry.code, name, esc(reason ?? '')),
    ),
  ];
  if (reporter) {
    replies.push({
      html:
        decision === 'approved'
          ? t.review.noticeApproved(entry.code, kind, text)
          : t.review.noticeRejected(entry.code, kind, text, esc(reason ?? '')),
      to: { identity: reachable(reporter, ctx), orGroup: true },
    });
  }
  return replies;
}
