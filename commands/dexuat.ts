import { type Command, defineCommand } from '../core/context.js';
import { addNomination, subjectName } from '../core/nominations.js';
import { clip, refuse, say, words } from './lib/common.js';
import { awardList, listSource, readAward, reviewYear, subjectIn, withCouncil } from './lib/council.js';

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
    const [head = '', ...reasonParts] = ctx.args.split('|');
    const reason = reasonParts.join('|').trim();
    const named = readAward(ctx.council, words(head));
    if (!named)
      return refuse(
        ctx,
        dexuat,
        t.council.unknownAward(clip(head.trim())),
        t.council.awardsAre(awardList(ctx.council)),
      );
    const who = named.rest.join(' ');
    if (!who) return refuse(ctx, dexuat, t.council.lists.nameWho);
    const subject = subjectIn(ctx, head, named.rest);
    if (!subject) return refuse(ctx, dexuat, t.council.unknownSubject(clip(who)));
    if (!reason) return refuse(ctx, dexuat, t.council.reasonRequired);
    const year = reviewYear(ctx);
    const done = await addNomination(listSource(ctx), year, named.award, subject, reason, ctx.actor);
    const name = subjectName(ctx, subject);
    if (!done.ok)
      return [
        say(
          done.reason === 'wrongSubject'
            ? t.council.lists.wrongSubject(named.award.name, name)
            : t.council.lists.listedAlready(name, named.award.name),
          t.council.refusals.nothingChanged,
        ),
      ];
    return [say(t.council.lists.added(name, named.award.name, year, reason))];
  },
});
