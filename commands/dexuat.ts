import { type Command, defineCommand } from '../core/context.js';
import { addNomination, subjectName } from '../core/nominations.js';
import { say } from './lib/common.js';
import { listSource, readListChange, reviewYear, withCouncil } from './lib/council.js';

/**
 * `/dexuat danh hiệu @người | phòng | lý do`: an admin puts a name on the year's nomination list of an
 * award, with the reason (the list's ghi chú), on the record. A name already there is refused.
 */
export const dexuat: Command = defineCommand({
  name: 'dexuat',
  group: 'binhxet',
  access: 'admin',
  writes: true,
  usage: (t) => t.council.help.dexuat.usage,
  description: (t) => t.council.help.dexuat.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const change = readListChange(ctx, dexuat);
    if (Array.isArray(change)) return change;
    const { award, subject, reason } = change;
    const year = reviewYear(ctx);
    const done = await addNomination(listSource(ctx), year, award, subject, reason, ctx.actor);
    const name = subjectName(ctx, subject);
    if (!done.ok)
      return [
        say(
          done.reason === 'wrongSubject'
            ? t.council.lists.wrongSubject(award.name, name)
            : t.council.lists.listedAlready(name, award.name),
          t.council.refusals.nothingChanged,
        ),
      ];
    return [say(t.council.lists.added(name, award.name, year, reason))];
  },
});
