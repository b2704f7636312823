import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import type { HtmlPart } from '../core/html.js';
import { disciplinesIn, sameSubject } from '../core/records.js';
import { refuse, say } from './lib/common.js';
import {
  decisionDay,
  decisionText,
  defaultYear,
  fields,
  findSubject,
  orRefusal,
  quote,
  readEffect,
  readForm,
  readYear,
  recordCode,
  recordLine,
  recordsCommand,
  showDay,
  subjectName,
  subjectRef,
} from './lib/records.js';

/**
 * `/kyluat @người | hình thức | số QĐ | ngày QĐ | thời hạn [| cơ quan ban hành] [| ghi chú]`: puts a
 * discipline on the emulation record — its form, the decision and the period it takes effect (`12
 * tháng` from the decision's day, or `từ … đến …`). The criteria read it (Nghị định 152/2025 Điều 4:
 * no award while it is being dealt with; achievements count from its end). Corrected or annulled with
 * /dinhchinh. Without fields: the discipline in effect this year; with a name only: theirs.
 */
export const kyluat: Command = recordsCommand(
  defineCommand({
    name: 'kyluat',
    group: 'hoso',
    access: 'admin',
    writes: true,
    usage: (t) => t.records.help.discipline.usage,
    description: (t) => t.records.help.discipline.description,
    async run(ctx) {
      const { t, store, agency } = ctx;
      const parts = fields(ctx.args);
      const [who = '', formText, number, dayText, effectText, body, note] = parts;
      const year = readYear(who);
      if (!who || year) return [list(ctx, year ?? defaultYear(ctx))];
      const subject = findSubject(ctx, who);
      if (!subject) return refuse(ctx, kyluat, t.records.unknownSubject(quote(who)));
      if (parts.length === 1) return [list(ctx, undefined, subjectRef(subject))];

      const f = t.records.fields;
      const missing = [
        !formText && f.form,
        !number && f.number,
        !dayText && f.day,
        !effectText && f.period,
      ].filter(Boolean) as string[];
      if (missing.length) return refuse(ctx, kyluat, t.records.missing(missing.join(', ')));
      const form = readForm(formText as string);
      if (!form) return refuse(ctx, kyluat, t.records.discipline.unknownForm(quote(formText as string)));
      const day = decisionDay(ctx, dayText as string);
      if ('problem' in day) return refuse(ctx, kyluat, day.problem);
      const date = day.day;
      const effect = readEffect(effectText as string, date);
      if (!effect) return refuse(ctx, kyluat, t.records.discipline.badPeriod(quote(effectText as string)));

      const decision = { number: number as string, date, body: body || agency.agency.name };
      const plan = await orRefusal(ctx, kyluat.usage(t), () =>
        store.changeRecords(
          [
            {
              op: 'discipline',
              subject: subjectRef(subject),
              form,
              decision,
              ...effect,
              note: note || undefined,
            },
          ],
          ctx.actor,
        ),
      );
      if (Array.isArray(plan)) return plan;
      const saved = plan.results[0];
      if (saved?.kind !== 'discipline') return [];
      return [
        say(
          t.records.discipline.recorded(
            recordCode('discipline', saved.record.no),
            t.records.forms[form],
            subject.name,
            decisionText(t, decision),
            showDay(effect.from),
            showDay(effect.until),
          ),
        ),
      ];
    },
  }),
);

/** Discipline in effect during a year (of one subject, or everyone's). */
function list(
  ctx: CommandContext,
  year: number | undefined,
  subject?: Parameters<typeof sameSubject>[0],
): Reply {
  const { t, store } = ctx;
  if (subject) {
    const mine = store.disciplines.filter((d) => sameSubject(d.subject, subject));
    return say(
      t.records.file.title(subjectName(ctx, subject)),
      t.records.file.disciplines,
      ...(mine.length ? mine.map((d) => recordLine(ctx, 'discipline', d)) : [t.records.file.nothing]),
    );
  }
  const y = year ?? defaultYear(ctx);
  const subjects = [
    ...store.members.map((m) => ({ kind: 'member' as const, memberId: m.id })),
    ...ctx.agency.departments.map((d) => ({ kind: 'department' as const, departmentId: d.id })),
  ];
  const lines: HtmlPart[] = subjects.flatMap((s) =>
    disciplinesIn(store, s, y).map((d) =>
      t.records.discipline.line(
        recordCode('discipline', d.no),
        t.records.forms[d.form],
        subjectName(ctx, s),
        showDay(d.from),
        showDay(d.until),
        d.decision.number,
      ),
    ),
  );
  return lines.length ? say(t.records.discipline.listTitle(y), ...lines) : say(t.records.discipline.none(y));
}
