import { type Command, defineCommand } from '../core/context.js';
import type { TitleSubject } from '../core/domain.js';
import { type HtmlPart, html } from '../core/html.js';
import { awardsOf, sameSubject } from '../core/records.js';
import { refuse, say, words } from './lib/common.js';
import {
  findSubject,
  historyLines,
  quote,
  readYear,
  recordLine,
  recordsCommand,
  type Subject,
  subjectRef,
} from './lib/records.js';

/**
 * `/hoso [@người | phòng] [năm]`: the emulation record of a member or a department — year-end
 * ratings, discipline, recognised initiatives, awards — each with its history (who entered or
 * corrected it, when, from where). A member sees their own; admins and the Council anyone's.
 * With a year, only that year's.
 */
export const hoso: Command = recordsCommand(
  defineCommand({
    name: 'hoso',
    access: 'registeredOrAdmin',
    usage: (t) => t.records.help.file.usage,
    description: (t) => t.records.help.file.description,
    async run(ctx) {
      const { t, store } = ctx;
      let tokens = words(ctx.args);
      const year = tokens.length ? readYear(tokens.at(-1) as string) : undefined;
      if (year) tokens = tokens.slice(0, -1);
      const query = tokens.join(' ');
      let subject: Subject | undefined;
      if (query) {
        subject = findSubject(ctx, query);
        if (!subject) return refuse(ctx, hoso, t.records.unknownSubject(quote(query)));
      } else if (ctx.member) {
        subject = { kind: 'member', id: ctx.member.id, name: ctx.member.fullName };
      } else {
        return refuse(ctx, hoso, t.records.missing(t.records.fields.subject));
      }
      const self = subject.kind === 'member' && subject.id === ctx.member?.id;
      if (!self && !ctx.isAdmin && !ctx.isCouncil) return [say(t.records.file.othersRestricted)];

      const ref: TitleSubject = subjectRef(subject);
      const ofYear = (y: number) => year === undefined || y === year;
      const f = t.records.file;
      const section = (title: string, lines: HtmlPart[]) => [
        '',
        html`<b>${title}</b>`,
        ...(lines.length ? lines : [f.nothing]),
      ];
      const ratings = store.ratings
        .filter((r) => sameSubject(r.subject, ref) && ofYear(r.year))
        .sort((a, b) => a.year - b.year)
        .flatMap((r) => [f.ratingLine(r.year, t.records.ratings[r.rating]), ...historyLines(ctx, r.history)]);
      const disciplines = store.disciplines
        .filter(
          (d) =>
            sameSubject(d.subject, ref) &&
            (year === undefined || (d.from.slice(0, 4) <= `${year}` && d.until.slice(0, 4) >= `${year}`)),
        )
        .flatMap((d) => [recordLine(ctx, 'discipline', d), ...historyLines(ctx, d.history)]);
      const initiatives =
        ref.kind === 'member'
          ? store.initiatives
              .filter((i) => i.authors.includes(ref.memberId) && ofYear(i.year))
              .flatMap((i) => [recordLine(ctx, 'initiative', i), ...historyLines(ctx, i.history)])
          : [];
      const awards = [
        ...awardsOf(store, ref),
        ...store.awards.filter(
          (a) => a.status === 'annulled' && a.recipients.some((r) => sameSubject(r.subject, ref)),
        ),
      ]
        .filter((a) => ofYear(a.year))
        .flatMap((a) => [recordLine(ctx, 'award', a), ...historyLines(ctx, a.history)]);
      return [
        say(
          f.title(year ? `${subject.name} (${year})` : subject.name),
          ...section(f.ratings, ratings),
          ...section(f.disciplines, disciplines),
          ...(ref.kind === 'member' ? section(f.initiatives, initiatives) : []),
          ...section(f.awards, awards),
        ),
      ];
    },
  }),
);
