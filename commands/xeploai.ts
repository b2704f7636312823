import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import { RATINGS } from '../core/domain.js';
import type { HtmlPart } from '../core/html.js';
import { excellenceShare } from '../core/records.js';
import { refuse, say, words } from './lib/common.js';
import {
  defaultYear,
  excellenceWarnings,
  fields,
  findSubject,
  historyLines,
  orRefusal,
  quote,
  ratingAtEnd,
  readYear,
  recordsCommand,
  type Subject,
  subjectRef,
} from './lib/records.js';

/**
 * `/xeploai [năm] @người | phòng MỨC [| lý do]`: the year-end rating of a member or a department
 * (Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ). A rating already given is
 * changed only with a reason, and the earlier one stays in its history. Above the share of HTXSNV
 * Quy định 366-QĐ/TW allows, the answer warns; it never refuses (the agency decides the exception).
 * Without a rating: the subject's rating and its history; without anything: the year's summary.
 */
export const xeploai: Command = recordsCommand(
  defineCommand({
    name: 'xeploai',
    access: 'admin',
    writes: true,
    usage: (t) => t.records.help.rating.usage,
    description: (t) => t.records.help.rating.description,
    async run(ctx) {
      const { t, store } = ctx;
      const [head = '', reason = ''] = fields(ctx.args);
      let tokens = words(head);
      const named = tokens[0] !== undefined ? readYear(tokens[0]) : undefined;
      if (named) tokens = tokens.slice(1);
      else if (tokens[0] && /^\d{4}$/.test(tokens[0]))
        return refuse(ctx, xeploai, t.records.badYear(tokens[0]));
      const year = named ?? defaultYear(ctx);
      if (tokens.length === 0) return [summary(ctx, year)];

      const found = ratingAtEnd(tokens);
      const who = tokens.slice(0, found?.at ?? tokens.length).join(' ');
      const subject = findSubject(ctx, who);
      // A name that ends like a rating (`… Tốt`) is still a name.
      const whole = !subject && found ? findSubject(ctx, tokens.join(' ')) : undefined;
      if (whole) return [current(ctx, whole, year)];
      if (!subject) {
        // A last word that is neither part of a name nor a rating: say which.
        const last = tokens.at(-1) ?? '';
        const problem =
          !found && tokens.length > 1 && findSubject(ctx, tokens.slice(0, -1).join(' '))
            ? t.records.rating.unknown(quote(last))
            : t.records.unknownSubject(quote(who || head));
        return refuse(ctx, xeploai, problem);
      }
      if (!found) return [current(ctx, subject, year)];

      const before = store.rating(year, subjectRef(subject));
      const name = (r: (typeof RATINGS)[number]) => t.records.ratings[r];
      if (before?.rating === found.rating)
        return [say(t.records.rating.unchanged(subject.name, year, name(found.rating)))];
      if (before && !reason)
        return refuse(ctx, xeploai, t.records.rating.reasonNeeded(subject.name, year, name(before.rating)));
      const saved = await orRefusal(ctx, xeploai.usage(t), () =>
        store.rate(year, subjectRef(subject), found.rating, ctx.actor, reason || undefined),
      );
      if (Array.isArray(saved)) return saved;
      return [
        say(
          before
            ? t.records.rating.corrected(subject.name, year, name(before.rating), name(found.rating))
            : t.records.rating.recorded(subject.name, year, name(found.rating)),
          ...(found.rating === 'htxsnv'
            ? excellenceWarnings(ctx, year, { only: subject.kind, certain: true })
            : []),
        ),
      ];
    },
  }),
);

/** A subject's rating for the year, with its history. */
function current(ctx: CommandContext, subject: Subject, year: number): Reply {
  const { t, store } = ctx;
  const rating = store.rating(year, subjectRef(subject));
  if (!rating) return say(t.records.rating.none(subject.name, year));
  return say(
    t.records.rating.current(subject.name, year, t.records.ratings[rating.rating]),
    ...historyLines(ctx, rating.history),
  );
}

/** The year's ratings: counts by level, the HTXSNV share (warned above the caps), who is not rated. */
function summary(ctx: CommandContext, year: number): Reply {
  const { t, store, agency } = ctx;
  const r = t.records.rating;
  const ofYear = store.ratings.filter((x) => x.year === year);
  const members = store.members.filter((m) => !m.leftAt);
  const ratedMembers = ofYear.filter((x) => x.subject.kind === 'member');
  const ratedDepartments = ofYear.filter((x) => x.subject.kind === 'department');
  const lines: HtmlPart[] = [r.summaryTitle(year), '', r.members(ratedMembers.length, members.length)];
  const counts = (list: typeof ofYear) =>
    RATINGS.map((level) => ({ level, n: list.filter((x) => x.rating === level).length }))
      .filter((c) => c.n > 0)
      .map((c) => r.count(t.records.ratings[c.level], c.n));
  lines.push(...counts(ratedMembers));
  const share = (kind: 'member' | 'department') => {
    const s = excellenceShare(store.ratings, year, kind);
    return s.goodOrBetter ? r.share(s.excellent, s.goodOrBetter, `${Math.round(s.percent)}%`) : undefined;
  };
  lines.push(share('member'));
  const notRated = members.filter(
    (m) => !ratedMembers.some((x) => x.subject.kind === 'member' && x.subject.memberId === m.id),
  );
  if (notRated.length) lines.push(r.notRated(notRated.map((m) => m.fullName).join(', ')));
  lines.push(
    '',
    r.departments(ratedDepartments.length, agency.departments.length),
    ...counts(ratedDepartments),
  );
  lines.push(share('department'));
  const departmentsLeft = agency.departments.filter(
    (d) => !ratedDepartments.some((x) => x.subject.kind === 'department' && x.subject.departmentId === d.id),
  );
  if (departmentsLeft.length) lines.push(r.notRated(departmentsLeft.map((d) => d.name).join(', ')));
  const warnings = excellenceWarnings(ctx, year);
  if (warnings.length) lines.push('', ...warnings);
  return say(...lines);
}
