import { departmentName } from '../core/agency.js';
import { type Command, defineCommand } from '../core/context.js';
import { actorShown } from '../core/identity.js';
import { formatDateTime } from '../core/periods.js';
import { counts, entryState } from '../core/scoring.js';
import { codeFirst, refuse, say } from './lib/common.js';

export const lichsu: Command = defineCommand({
  name: 'lichsu',
  access: 'registeredOrAdmin',
  usage: (t) => t.help.history.usage,
  description: (t) => t.help.history.description,
  async run(ctx) {
    const { t, store } = ctx;
    const { code } = codeFirst(ctx.args);
    if (!code) return refuse(ctx, lichsu, t.review.missingCode(lichsu.name));
    const entry = store.entry(code);
    if (!entry) return refuse(ctx, lichsu, t.withdraw.unknownCode(code));
    const who = (by: string) => {
      const shown = actorShown(store, by);
      if ('name' in shown) return shown.name;
      if ('account' in shown)
        return t.history.account(t.platformName[shown.account.platform], shown.account.id);
      return shown.raw;
    };
    return [
      say(
        t.history.title(entry.code, t.kind[entry.kind]),
        entry.text,
        entry.memberId === entry.reporterId
          ? t.history.creditedSelf(who(entry.memberId))
          : t.history.credited(who(entry.memberId), who(entry.reporterId)),
        t.history.state(t.states[entryState(entry)], t.counting(counts(entry, ctx.agency.review.mode))),
        t.history.department(departmentName(ctx.agency, entry.departmentId, t)),
        '',
        ...entry.history.flatMap((h) => [
          t.history.line(
            formatDateTime(new Date(h.at)),
            t.history.actions[h.action],
            who(h.by),
            t.history.platforms[h.platform],
          ),
          ...(h.note ? [t.history.note(h.note)] : []),
        ]),
      ),
    ];
  },
});
