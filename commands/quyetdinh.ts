import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import type { AwardRecipient } from '../core/domain.js';
import { fold } from '../core/text.js';
import { refuse, say } from './lib/common.js';
import {
  decisionDay,
  defaultYear,
  fields,
  orRefusal,
  quote,
  readAward,
  readRecordCode,
  readSubjectList,
  readYear,
  recordCode,
  recordsCommand,
  showDay,
  subjectName,
  subjectRef,
} from './lib/records.js';

/**
 * `/quyetdinh số QĐ | ngày | người ký | danh hiệu, hình thức | @người, phòng… [| năm] [| cơ quan]`:
 * a signed award decision goes on record (Repository.recordAward — where the Council's flow ends
 * too). It enters each person's and department's award history: next year's section III, the
 * consecutive years, the criteria. A person whose award rests on a recognised initiative is written
 * with it in brackets (`@lan (CN2)`): the initiative is then marked as used. A decision number
 * already on record is refused; a mistake is corrected with /dinhchinh. The year defaults to the
 * titles file's; the body to the agency. Without fields: the decisions recorded for the year.
 */
export const quyetdinh: Command = recordsCommand(
  defineCommand({
    name: 'quyetdinh',
    group: 'hoso',
    access: 'admin',
    writes: true,
    usage: (t) => t.records.help.decision.usage,
    description: (t) => t.records.help.decision.description,
    async run(ctx) {
      const { t, store, agency, titles } = ctx;
      const parts = fields(ctx.args);
      const [number = '', dayText, signer, nameText, list = '', ...rest] = parts;
      const listYear = readYear(number);
      if (!number || (listYear && parts.length === 1)) return [recorded(ctx, listYear ?? defaultYear(ctx))];
      const f = t.records.fields;
      const missing = [
        !dayText && f.day,
        !signer && f.signer,
        !nameText && f.name,
        !list && f.recipients,
      ].filter(Boolean) as string[];
      if (missing.length) return refuse(ctx, quyetdinh, t.records.missing(missing.join(', ')));
      const day = decisionDay(ctx, dayText as string);
      if ('problem' in day) return refuse(ctx, quyetdinh, day.problem);
      const date = day.day;
      const award = readAward(titles, nameText as string);
      if (!award) return refuse(ctx, quyetdinh, t.records.missing(f.name));

      const read = readSubjectList(ctx, list);
      if (read.unknown !== undefined)
        return refuse(ctx, quyetdinh, t.records.unknownSubject(quote(read.unknown)));
      const recipients: AwardRecipient[] = [];
      for (const item of read.items) {
        let initiative: number | undefined;
        if (item.bracket !== undefined) {
          const code = readRecordCode(item.bracket);
          if (code?.kind !== 'initiative')
            return refuse(ctx, quyetdinh, t.records.decisions.badInitiative(quote(item.text)));
          initiative = code.no;
        }
        recipients.push({ subject: subjectRef(item.subject), ...(initiative ? { initiative } : {}) });
      }

      let year: number | undefined;
      let body: string | undefined;
      for (const part of rest.filter(Boolean)) {
        if (/^\d{4}$/.test(part)) {
          year = readYear(part);
          if (!year) return refuse(ctx, quyetdinh, t.records.badYear(quote(part)));
        } else body = part;
      }
      // An award the province decides (TTLĐXS, Bằng khen, CSTĐ cấp tỉnh) is its decision, recorded here
      // once signed: issued by the province, never by the Ban, which only proposed it.
      const upward = ctx.council?.awards.find(
        (a) =>
          a.decidedBy === 'province' &&
          (a.id === award.titleId || [fold(a.name), fold(a.short)].includes(fold(nameText as string))),
      );
      const issuer = body ?? (upward ? provinceBody(ctx.council) : agency.agency.name);
      const decision = { number, date, body: issuer, signer: signer as string };
      const awardYear = year ?? defaultYear(ctx);
      const saved = await orRefusal(ctx, quyetdinh.usage(t), () =>
        store.recordAward({ year: awardYear, ...award, decision, recipients }, ctx.actor),
      );
      if (Array.isArray(saved)) return saved;
      return [
        say(
          t.records.decisions.recorded(
            recordCode('award', saved.no),
            number,
            showDay(date),
            signer as string,
            award.name,
            awardYear,
            recipients.length,
          ),
          t.records.decisions.issuedBy(issuer, upward !== undefined),
          ...recipients.map((r) =>
            t.records.decisions.recipient(
              subjectName(ctx, r.subject),
              r.initiative ? recordCode('initiative', r.initiative) : '',
            ),
          ),
        ),
      ];
    },
  }),
);

/** The body that issues the province's decisions: its People's Committee ("Chủ tịch Ủy ban …" → "Ủy ban …"). */
function provinceBody(council: CommandContext['council']): string {
  const decider = council?.province.decider ?? '';
  return decider.replace(/^Chủ tịch\s+/u, '') || decider;
}

/** The award decisions on record for a year. */
function recorded(ctx: CommandContext, year: number): Reply {
  const { t, store } = ctx;
  const ofYear = store.awards.filter((a) => a.year === year && a.status === 'active');
  if (!ofYear.length) return say(t.records.decisions.none(year));
  return say(
    t.records.decisions.listTitle(year),
    ...ofYear.map((a) =>
      t.records.decisions.line(
        recordCode('award', a.no),
        a.name,
        a.decision.number,
        showDay(a.decision.date),
        a.recipients.length,
      ),
    ),
  );
}
