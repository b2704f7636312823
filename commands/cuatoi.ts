import type { Command } from '../core/context.js';
import { formatDay } from '../core/periods.js';
import { rankMembers } from '../core/scoring.js';
import { esc, preview } from '../core/text.js';
import type { Member } from '../storage/schema.js';
import { periodArg, say, words } from './lib/common.js';

const SHOWN = 30;

export const cuatoi: Command = {
  name: 'cuatoi',
  access: 'registered',
  usage: (t) => t.help.mine.usage,
  description: (t) => t.help.mine.description,
  async run(ctx) {
    const { t, store } = ctx;
    const me = ctx.member as Member;
    const period = periodArg(ctx, cuatoi, words(ctx.args)[0], 'week');
    if (Array.isArray(period)) return period;

    const inPeriod = store.entriesBetween(period.start, period.end);
    const mine = inPeriod.filter((e) => e.memberId === me.id);
    const scores = rankMembers(inPeriod, store.members, ctx.agency.review.mode);
    const own = scores.find((s) => s.member.id === me.id);
    const reportedForOthers = inPeriod.filter(
      (e) => e.reporterId === me.id && e.memberId !== me.id && e.status === 'active',
    ).length;

    const lines = mine
      .slice(-SHOWN)
      .reverse()
      .map((e) => {
        const rejection =
          e.review === 'rejected' ? e.history.findLast((h) => h.action === 'rejected') : undefined;
        const notes = [
          e.status === 'withdrawn' && t.mine.withdrawn,
          e.status === 'active' && e.review === 'pending' && t.mine.pending,
          e.status === 'active' && e.review === 'approved' && t.mine.approved,
          rejection && t.mine.rejected(esc(rejection.note ?? '')),
          e.reporterId !== me.id && t.mine.reportedBy(esc(store.member(e.reporterId)?.fullName ?? '?')),
        ].filter(Boolean);
        return t.mine.line(
          e.code,
          formatDay(new Date(e.at)),
          t.kind[e.kind],
          t.points(e.points),
          [esc(preview(e.text, 100)), ...notes].join(' '),
        );
      });
    return [
      say(
        t.mine.title(esc(me.fullName), t.period(period)),
        ...(lines.length ? lines : [t.mine.none]),
        mine.length > SHOWN && t.mine.more(mine.length - SHOWN),
        '',
        t.mine.total(t.points(own?.points ?? 0), own?.entries ?? 0),
        own && t.mine.rank(own.rank, scores.length),
        reportedForOthers > 0 && t.mine.reportedForOthers(reportedForOthers),
      ),
    ];
  },
};
