import { type Command, defineCommand } from '../core/context.js';
import { preview } from '../core/text.js';
import { codeFirst, reasonRefused, refuse, say } from './lib/common.js';
import { decidedBy, entryNotices, MAX_REASON, reviewable } from './lib/review.js';

/**
 * `/xetlai MÃ lý do`: the Council (or an admin) puts a decided entry back to pending, with the reason;
 * the earlier decision stays in the history, and the next one is recorded as a new decision. The
 * member credited and the reporter are told.
 */
export const xetlai: Command = defineCommand({
  name: 'xetlai',
  access: 'council',
  writes: true,
  usage: (t) => t.help.reopen.usage,
  description: (t) => t.help.reopen.description,
  async run(ctx) {
    const { t, store } = ctx;
    const { code, rest } = codeFirst(ctx.args);
    const entry = reviewable(ctx, xetlai, code);
    if (Array.isArray(entry)) return entry;
    if (entry.review === 'pending') return [say(t.review.notDecided(entry.code))];
    const reason = rest.join(' ').trim();
    if (!reason) return refuse(ctx, xetlai, t.review.missingReopenReason(entry.code));
    if (Array.from(reason).length > MAX_REASON)
      return refuse(ctx, xetlai, t.review.reasonTooLong(MAX_REASON));
    const refused = reasonRefused(ctx, xetlai, reason, `/xetlai ${entry.code} ${t.review.reopenExample}`);
    if (refused) return refused;
    await store.reopenEntry(entry.code, ctx.actor, reason);
    const name = store.member(entry.memberId)?.fullName ?? '?';
    const text = preview(entry.text, 150);
    const kind = t.kind[entry.kind];
    return [
      say(t.review.reopened(entry.code, name, reason)),
      ...entryNotices(
        ctx,
        entry,
        t.review.noticeReopened(entry.code, kind, text, reason, decidedBy(ctx)),
        (credited) =>
          t.review.noticeReopenedReporter(entry.code, kind, credited, text, reason, decidedBy(ctx)),
      ),
    ];
  },
});
