import { type Command, defineCommand } from '../core/context.js';
import { preview } from '../core/text.js';
import { clip, codeFirst, reasonRefused, refuse, say } from './lib/common.js';
import { entryNotices, MAX_REASON } from './lib/review.js';

/**
 * `/huy MÃ [lý do]`: the reporter withdraws their own entry (no reason needed); an admin withdrawing
 * someone else's must give the reason, and the member credited and the reporter are told. The entry
 * stays in the store and its history, and no longer counts.
 */
export const huy: Command = defineCommand({
  name: 'huy',
  access: 'registeredOrAdmin',
  writes: true,
  usage: (t) => t.help.withdraw.usage,
  description: (t) => t.help.withdraw.description,
  async run(ctx) {
    const { t, store, member, isAdmin } = ctx;
    const { code, rest } = codeFirst(ctx.args);
    if (!code) return refuse(ctx, huy, t.withdraw.missingCode);
    const entry = store.entry(code);
    if (!entry) return refuse(ctx, huy, t.withdraw.unknownCode(clip(code)));
    const own = member !== undefined && entry.reporterId === member.id;
    if (!own && !isAdmin) return [say(t.withdraw.notYours(entry.code))];
    if (entry.status !== 'active') return [say(t.withdraw.alreadyWithdrawn(entry.code))];
    const reason = rest.join(' ').trim();
    if (!own && !reason) return refuse(ctx, huy, t.withdraw.missingReason(entry.code));
    if (Array.from(reason).length > MAX_REASON) return refuse(ctx, huy, t.withdraw.reasonTooLong(MAX_REASON));
    const refused = reason
      ? reasonRefused(ctx, huy, reason, `/huy ${entry.code} ${t.withdraw.reasonExample}`)
      : undefined;
    if (refused) return refused;
    await store.withdrawEntry(entry.code, ctx.actor, reason || undefined);
    const points = t.points(entry.points);
    if (own && entry.memberId === member.id) return [say(t.withdraw.done(entry.code, points))];
    const credited = store.member(entry.memberId)?.fullName ?? '?';
    const actor = member?.fullName ?? ctx.caller.displayName;
    const text = preview(entry.text, 150);
    const kind = t.kind[entry.kind];
    return [
      say(own ? t.withdraw.done(entry.code, points) : t.withdraw.doneFor(entry.code, points, credited)),
      ...entryNotices(ctx, entry, t.withdraw.notice(entry.code, kind, text, actor, reason), () =>
        t.withdraw.noticeReporter(entry.code, kind, text, actor, reason),
      ),
    ];
  },
});
