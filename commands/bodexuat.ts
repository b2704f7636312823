import { type Command, defineCommand } from '../core/context.js';
import { removeNomination, subjectName } from '../core/nominations.js';
import { clip, refuse, say, words } from './lib/common.js';
import { awardList, listSource, readAward, reviewYear, subjectIn, withCouncil } from './lib/council.js';

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
    const [head = '', ...reasonParts] = ctx.args.split('|');
    const reason = reasonParts.join('|').trim();
    const named = readAward(ctx.council, words(head));
    if (!named)
      return refuse(
        ctx,
        bodexuat,
        t.council.unknownAward(clip(head.trim())),
        t.council.awardsAre(awardList(ctx.council)),
      );
    const who = named.rest.join(' ');
    if (!who) return refuse(ctx, bodexuat, t.council.lists.nameWho);
    const subject = subjectIn(ctx, head, named.rest);
    if (!subject) return refuse(ctx, bodexuat, t.council.unknownSubject(clip(who)));
    if (!reason) return refuse(ctx, bodexuat, t.council.reasonRequired);
    const year = reviewYear(ctx);
    const done = await removeNomination(listSource(ctx), year, named.award, subject, reason, ctx.actor);
    const name = subjectName(ctx, subject);
    if (!done.ok)
      return [say(t.council.lists.notListed(name, named.award.name), t.council.refusals.nothingChanged)];
    return [say(t.council.lists.removed(name, named.award.name, year, reason))];
  },
});
