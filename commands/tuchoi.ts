import { type Command, defineCommand } from '../core/context.js';
import { cancelChoice } from './khong.js';
import { codeFirst, reasonRefused, refuse, say } from './lib/common.js';
import { decidable, decide, MAX_REASON } from './lib/review.js';

export const tuchoi: Command = defineCommand({
  name: 'tuchoi',
  access: 'council',
  writes: true,
  usage: (t) => t.help.reject.usage,
  description: (t) => t.help.reject.description,
  async run(ctx) {
    const { t } = ctx;
    const { code, rest } = codeFirst(ctx.args);
    const entry = decidable(ctx, tuchoi, code);
    if (Array.isArray(entry)) return entry;
    const reason = rest.join(' ').trim();
    if (!reason) {
      // A reason is required; offer the usual ones as choices, or let the reviewer type their own.
      return [
        {
          ...say(t.review.missingReason(entry.code)),
          choices: [
            ...t.review.reasons.map((r) => ({ label: r, command: `/tuchoi ${entry.code} ${r}` })),
            cancelChoice(t),
          ],
        },
      ];
    }
    if (Array.from(reason).length > MAX_REASON)
      return refuse(ctx, tuchoi, t.review.reasonTooLong(MAX_REASON));
    const refused = reasonRefused(ctx, tuchoi, reason, `/tuchoi ${entry.code} ${t.review.reasons[1]}`);
    if (refused) return refused;
    return decide(ctx, entry, 'rejected', reason);
  },
});
