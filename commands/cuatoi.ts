import { type Command, defineCommand } from '../core/context.js';
import { joinHtml } from '../core/html.js';
import { formatDay, periodTitle } from '../core/periods.js';
import { counts, entryState } from '../core/scoring.js';
import { preview } from '../core/text.js';
import { onlyPeriod, say } from './lib/common.js';
import { memberRecord, rejectionReason } from './lib/mine.js';

const SHOWN = 30;

export const cuatoi: Command = defineCommand({
  name: 'cuatoi',
  access: 'registered',
  usage: (t) => t.help.mine.usage,
  description: (t) => t.help.mine.description,
  async run(ctx) {
    const { t, store } = ctx;
    const me = ctx.member;
    const args = onlyPeriod(ctx, cuatoi, 'week');
    if (Array.isArray(args)) return args;
    const { period } = args;
    const mode = ctx.agency.review.mode;

    const record = memberRecord(store, me, period, mode);
    const own = record.score;
    const reportedForOthers = record.reportedForOthers;

    const lines = record.newest(SHOWN).map((e) => {
      const state = entryState(e);
      const reason = rejectionReason(e);
      const notes = [
        t.mine.state(`${t.states[state]}, ${t.counting(counts(e, mode))}`),
        reason && t.mine.reason(reason),
        e.reporterId !== me.id && t.mine.reportedBy(store.member(e.reporterId)?.fullName ?? '?'),
      ].filter(Boolean);
      return t.mine.line(
        e.code,
        formatDay(new Date(e.at)),
        t.kind[e.kind],
        t.points(e.points),
        joinHtml([preview(e.text, 100), ...notes], ' '),
      );
    });
    return [
      say(
        t.mine.title(me.fullName, periodTitle(t, period, ctx.now)),
        ...(lines.length ? lines : [t.mine.none]),
        record.count > SHOWN && t.mine.more(record.count - SHOWN),
        '',
        t.mine.total(t.points(own?.points ?? 0), own?.entries ?? 0),
        own && own.rank > 0 ? t.mine.rank(own.rank, record.ranked) : t.mine.unranked,
        reportedForOthers > 0 && t.mine.reportedForOthers(reportedForOthers),
      ),
    ];
  },
});
