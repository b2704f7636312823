import { type Command, defineCommand } from '../core/context.js';
import { removeNomination, subjectName } from '../core/nominations.js';
import { say } from './lib/common.js';
import { listSource, readListChange, reviewYear, withCouncil } from './lib/council.js';

/**
 * `/bodexuat danh hiệu @người | phòng | lý do`: an admin takes a name off the year's nomination list
 * of an award (a registration's, or one added), with the reason, on the record. Nothing is erased:
 * the registration stays, and the change is in the list's history.
 */
export const bodexuat: Command = defineCommand({
  name: 'bodexuat',
  group: 'binhxet',
  access: 'admin',
  writes: true,
  usage: (t) => t.council.help.bodexuat.usage,
  description: (t) => t.council.help.bodexuat.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const change = readListChange(ctx, bodexuat);
    if (Array.isArray(change)) return change;
    const { award, subject, reason } = change;
    const year = reviewYear(ctx);
    const done = await removeNomination(listSource(ctx), year, award, subject, reason, ctx.actor);
    const name = subjectName(ctx, subject);
    if (!done.ok)
      return [say(t.council.lists.notListed(name, award.name), t.council.refusals.nothingChanged)];
    return [say(t.council.lists.removed(name, award.name, year, reason))];
  },
});
