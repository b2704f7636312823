import { looksLikeCode } from '../core/codes.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import { refuse, say } from './lib/common.js';
import {
  decisionDay,
  decisionText,
  defaultYear,
  fields,
  orRefusal,
  quote,
  readSubjectList,
  readYear,
  recordCode,
  recordsCommand,
} from './lib/records.js';

/**
 * `/congnhansk @người[, @người] | tên sáng kiến | số QĐ | ngày QĐ [| năm] [| mã SK] [| cơ quan]`: the
 * recognition of an initiative by the agency's Hội đồng sáng kiến — the certificate a Chiến sĩ thi
 * đua cơ sở dossier needs (Luật Thi đua, khen thưởng 2022, khoản 2 Điều 23). The `/sangkien` entry
 * it came from may be named; the Council's approval of that entry stays only a pointer. One
 * initiative backs one award: /quyetdinh names it (`@lan (CN2)`) and it is marked as used.
 * Without fields: the initiatives recognised this year and whether each is used.
 */
export const congnhansk: Command = recordsCommand(
  defineCommand({
    name: 'congnhansk',
    group: 'hoso',
    access: 'admin',
    writes: true,
    usage: (t) => t.records.help.initiative.usage,
    description: (t) => t.records.help.initiative.description,
    async run(ctx) {
      const { t, store, agency } = ctx;
      const parts = fields(ctx.args);
      const [whoText = '', name, number, dayText, ...rest] = parts;
      const listYear = readYear(whoText);
      if (!whoText || (listYear && parts.length === 1)) return [list(ctx, listYear ?? defaultYear(ctx))];

      const read = readSubjectList(ctx, whoText);
      const stranger = read.items.find((i) => i.subject.kind !== 'member' || i.bracket !== undefined);
      if (read.unknown !== undefined || stranger)
        return refuse(ctx, congnhansk, t.records.unknownSubject(quote(read.unknown ?? stranger?.text ?? '')));
      const authors = read.items.map((i) => i.subject);
      const f = t.records.fields;
      const missing = [!name && f.initiative, !number && f.number, !dayText && f.day].filter(
        Boolean,
      ) as string[];
      if (missing.length) return refuse(ctx, congnhansk, t.records.missing(missing.join(', ')));
      const day = decisionDay(ctx, dayText as string);
      if ('problem' in day) return refuse(ctx, congnhansk, day.problem);
      const date = day.day;

      // The optional fields, told apart by their look: a year, an entry code, else the issuing body.
      let year: number | undefined;
      let entry: string | undefined;
      let body: string | undefined;
      for (const part of rest.filter(Boolean)) {
        if (/^\d{4}$/.test(part)) {
          year = readYear(part);
          if (!year) return refuse(ctx, congnhansk, t.records.badYear(quote(part)));
        } else if (looksLikeCode(part)) {
          const found = store.entry(part);
          if (found?.kind !== 'initiative' || !authors.some((a) => a.id === found.memberId))
            return refuse(ctx, congnhansk, t.records.initiative.unknownEntry(quote(part)));
          entry = found.code;
        } else body = part;
      }
      const decision = { number: number as string, date, body: body ?? agency.agency.name };
      const initiativeYear = year ?? Number(date.slice(0, 4));
      const plan = await orRefusal(ctx, congnhansk.usage(t), () =>
        store.changeRecords(
          [
            {
              op: 'initiative',
              name: name as string,
              authors: authors.map((a) => a.id),
              year: initiativeYear,
              decision,
              entry,
            },
          ],
          ctx.actor,
        ),
      );
      if (Array.isArray(plan)) return plan;
      const saved = plan.results[0];
      if (saved?.kind !== 'initiative') return [];
      return [
        say(
          t.records.initiative.recorded(
            recordCode('initiative', saved.record.no),
            name as string,
            authors.map((a) => a.name).join(', '),
            initiativeYear,
            decisionText(t, decision),
          ),
        ),
      ];
    },
  }),
);

/** The initiatives recognised for a year, each with whether it already backs an award. */
function list(ctx: CommandContext, year: number): Reply {
  const { t, store } = ctx;
  const ofYear = store.initiatives.filter((i) => i.year === year && i.status === 'active');
  if (!ofYear.length) return say(t.records.initiative.none(year));
  return say(
    t.records.initiative.listTitle(year),
    ...ofYear.map((i) =>
      t.records.initiative.line(
        recordCode('initiative', i.no),
        i.name,
        i.authors.map((a) => store.member(a)?.fullName ?? a).join(', '),
        i.decision.number,
        i.usedBy ? recordCode('award', i.usedBy.award) : '',
      ),
    ),
  );
}
