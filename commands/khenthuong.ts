import { type Command, defineCommand } from '../core/context.js';
import { awardsOf } from '../core/records.js';
import { refuse, say } from './lib/common.js';
import {
  decisionDay,
  decisionText,
  fields,
  findSubject,
  orRefusal,
  quote,
  readAward,
  readYear,
  recordCode,
  recordsCommand,
  showDay,
  subjectName,
  subjectRef,
} from './lib/records.js';

/**
 * `/khenthuong @người | phòng | năm | danh hiệu, hình thức | số QĐ | ngày QĐ | cơ quan ban hành`: a
 * title or form of commendation someone already received (section III of the achievement reports,
 * the consecutive years). Several people of one decision are entered one by one: each joins the
 * decision of that number when it is the same decision; a number another record holds is refused.
 * With a name only: their awards on record.
 */
export const khenthuong: Command = recordsCommand(
  defineCommand({
    name: 'khenthuong',
    group: 'hoso',
    access: 'admin',
    writes: true,
    usage: (t) => t.records.help.pastAward.usage,
    description: (t) => t.records.help.pastAward.description,
    async run(ctx) {
      const { t, store, titles } = ctx;
      const parts = fields(ctx.args);
      const [who = '', yearText, nameText, number, dayText, body] = parts;
      if (!who) return refuse(ctx, khenthuong, t.records.missing(t.records.fields.subject));
      const subject = findSubject(ctx, who);
      if (!subject) return refuse(ctx, khenthuong, t.records.unknownSubject(quote(who)));
      const ref = subjectRef(subject);
      if (parts.length === 1) {
        const mine = awardsOf(store, ref);
        if (!mine.length) return [say(t.records.award.none(subject.name))];
        return [
          say(
            t.records.award.listTitle(subject.name),
            ...mine.map((a) =>
              t.records.award.line(
                recordCode('award', a.no),
                a.year,
                a.name,
                a.decision.number,
                showDay(a.decision.date),
                a.decision.body,
              ),
            ),
          ),
        ];
      }
      const f = t.records.fields;
      const missing = [
        !yearText && f.year,
        !nameText && f.name,
        !number && f.number,
        !dayText && f.day,
        !body && f.body,
      ].filter(Boolean) as string[];
      if (missing.length) return refuse(ctx, khenthuong, t.records.missing(missing.join(', ')));
      const year = readYear(yearText as string);
      if (!year) return refuse(ctx, khenthuong, t.records.badYear(quote(yearText as string)));
      const day = decisionDay(ctx, dayText as string);
      if ('problem' in day) return refuse(ctx, khenthuong, day.problem);
      const date = day.day;
      const award = readAward(titles, nameText as string);
      if (!award) return refuse(ctx, khenthuong, t.records.missing(f.name));

      const decision = { number: number as string, date, body: body as string };
      const plan = await orRefusal(ctx, khenthuong.usage(t), () =>
        store.changeRecords(
          [{ op: 'award', join: true, year, ...award, decision, recipients: [{ subject: ref }] }],
          ctx.actor,
        ),
      );
      if (Array.isArray(plan)) return plan;
      const saved = plan.results[0];
      if (saved?.kind !== 'award') return [];
      const code = recordCode('award', saved.record.no);
      const name = subjectName(ctx, ref);
      if (plan.unchanged.length) return [say(t.records.award.already(name, code))];
      if (saved.joined) return [say(t.records.award.joined(code, name))];
      return [say(t.records.award.recorded(code, award.name, year, name, decisionText(t, decision)))];
    },
  }),
);
