import type { Command } from '../core/context.js';
import { esc, preview } from '../core/text.js';
import { refuse, say } from './lib/common.js';
import { entryNotices, MAX_REASON, reviewable } from './lib/review.js';

/**
 * `/xetlai MÃ lý do`: the Council (or an admin) puts a decided entry back to pending, with the reason;
 * the earlier decision stays in the history, and the next one is recorded as a new decision. The
 * member credited and the reporter are told.
 */
export const xetlai: Command = {
  name: 'xetlai',
  access: 'council',
  usage: (t) => t.help.reopen.usage,
  description: (t) => t.help.reopen.description,
  async run(ctx) {
    const { t, store } = ctx;
    const [code, ...rest] = ctx.args.split(/\s+/);
    const entry = reviewable(ctx, xetlai, code || undefined);
    if (Array.isArray(entry)) return entry;
    if (entry.review === 'pending') return [say(t.review.notDecided(entry.code))];
    const reason = rest.join(' ').trim();
    if (!reason) return refuse(ctx, xetlai, t.review.missingReopenReason(entry.code));
    if (Array.from(reason).length > MAX_REASON)
      return refuse(ctx, xetlai, t.review.reasonTooLong(MAX_REASON));
    await store.reopenEntry(entry.code, ctx.member?.id ?? ctx.caller.identity, ctx.platform, ctx.now, reason);
    const name = esc(store.member(entry.memberId)?.fullName ?? '?');
    const text = esc(preview(entry.text, 150));
    const kind = t.kind[entry.kind];
    const why = esc(reason);
    return [
      say(t.review.reopened(entry.code, name, why)),
      ...entryNotices(ctx, entry, t.review.noticeReopened(entry.code, kind, text, why), (credited) =>
        t.review.noticeReopenedReporter(entry.code, kind, credited, text, why),
      ),
    ];
  },
};
