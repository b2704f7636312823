import { departmentName } from '../../core/agency.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../../core/context.js';
import {
  type Award,
  type AwardKind,
  type DecisionRef,
  DISCIPLINE_FORMS,
  type Discipline,
  type DisciplineForm,
  type HistoryItem,
  type Initiative,
  RATINGS,
  type Rating,
  type TitleSubject,
} from '../../core/domain.js';
import { RecordsRefusedError } from '../../core/errors.js';
import { type HtmlPart, joinHtml } from '../../core/html.js';
import { dayKey, formatDateTime, formatDay } from '../../core/periods.js';
import {
  EXCELLENCE_CAP,
  EXCELLENCE_CAP_EXCEPTIONAL,
  excellenceShare,
  type RecordFault,
  type RecordProblem,
} from '../../core/records.js';
import { fold } from '../../core/text.js';
import type { TitlesConfig } from '../../core/titles.js';
import type { Messages } from '../../locales/index.js';
import { clip, findDepartment, say } from './common.js';
import { findMember } from './people.js';

/*
 * What the year-end records' commands share (/xeploai, /kyluat, /khenthuong, /congnhansk,
 * /quyetdinh, /dinhchinh, /hoso, /nhaphoso): reading what an admin types — people and departments,
 * days, ratings, forms of discipline, titles — and saying records and refusals back.
 */

// ---- record codes -----------------------------------------------------------------------------------

/** The code a record goes by in chat: KL (kỷ luật), CN (sáng kiến được công nhận), KT (khen thưởng). */
export type RecordKind = 'discipline' | 'initiative' | 'award';
const PREFIX: Record<RecordKind, string> = { discipline: 'KL', initiative: 'CN', award: 'KT' };

export const recordCode = (kind: RecordKind, no: number) => `${PREFIX[kind]}${no}`;

/** `KT3`, `kt-3`, `CN 2` → the record kind and number. */
export function readRecordCode(text: string): { kind: RecordKind; no: number } | undefined {
  const match = /^(kl|cn|kt)[\s\-#_.]*(\d{1,6})$/i.exec(text.trim());
  if (!match) return undefined;
  const prefix = (match[1] as string).toUpperCase();
  const kind = (Object.keys(PREFIX) as RecordKind[]).find((k) => PREFIX[k] === prefix) as RecordKind;
  return { kind, no: Number(match[2]) };
}

// ---- reading --------------------------------------------------------------------------------------

/** The fields of a command, split at `|` and trimmed. */
export const fields = (args: string) => args.split('|').map((part) => part.trim());

/**
 * A day as people write it — `20/12/2026`, `20-12-2026`, `20.12.2026`, `2026-12-20` — as `yyyy-mm-dd`,
 * or undefined when it is not a day of the calendar.
 */
export function readDay(text: string): string | undefined {
  const t = text.trim();
  let d: number;
  let m: number;
  let y: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return undefined;
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A decision's day after today in Vietnam: a decision not signed yet, or a slip in the day or the year
 * (2027 for 2026). Only decisions already issued go on record.
 */
export const afterToday = (day: string, now: Date): boolean => day > dayKey(now);

/**
 * A decision's day as a command gives it: `yyyy-mm-dd`, or why it cannot be one — not a day of the
 * calendar, or after today (afterToday).
 */
export function decisionDay(ctx: CommandContext, text: string): { day: string } | { problem: HtmlPart } {
  const day = readDay(text);
  if (!day) return { problem: ctx.t.records.badDay(quote(text)) };
  if (afterToday(day, ctx.now)) return { problem: ctx.t.records.futureDay(quote(text), formatDay(ctx.now)) };
  return { day };
}

/** `yyyy-mm-dd` as a clerk writes it: `dd/mm/yyyy`. */
export const showDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The last day of `months` months of effect starting on `day`. */
export function addMonthsDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // 31 March + 1 month is 30 April's end, not 1 May.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** A year written alone: 2000–2100. */
export function readYear(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const y = Number(t);
  return y >= 2000 && y <= 2100 ? y : undefined;
}

const RATING_WORDS: Record<Rating, string[]> = {
  htxsnv: ['htxsnv', 'hoan thanh xuat sac nhiem vu', 'hoan thanh xuat sac', 'xuat sac', 'xs'],
  httnv: ['httnv', 'hoan thanh tot nhiem vu', 'hoan thanh tot', 'tot'],
  htnv: ['htnv', 'hoan thanh nhiem vu', 'hoan thanh'],
  khtnv: ['khtnv', 'khong hoan thanh nhiem vu', 'khong hoan thanh', 'khong ht'],
};

/**
 * A rating as people write it: `HTXSNV`, `httnv`, `hoàn thành tốt nhiệm vụ`, `xuất sắc`, with `NV`
 * and `HT` for `nhiệm vụ` and `hoàn thành` (`Hoàn thành tốt NV`), and `… nhiệm vụ được giao`.
 */
export function readRating(text: string): Rating | undefined {
  const t = fold(text)
    .replace(/[.;:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bnv\b/g, 'nhiem vu')
    .replace(/\bht\b/g, 'hoan thanh')
    .replace(/ nhiem vu duoc giao$/, ' nhiem vu');
  return RATINGS.find((r) => RATING_WORDS[r].includes(t));
}

/** The rating at the end of `tokens`, and where it starts. */
export function ratingAtEnd(tokens: readonly string[]): { rating: Rating; at: number } | undefined {
  // Up to eight words: `hoàn thành xuất sắc nhiệm vụ được giao`.
  for (let at = Math.max(0, tokens.length - 8); at < tokens.length; at += 1) {
    const rating = readRating(tokens.slice(at).join(' '));
    if (rating) return { rating, at };
  }
  return undefined;
}

/** A form of discipline as people write it: `khiển trách`, `Cảnh cáo`, `khientrach`. */
export function readForm(text: string): DisciplineForm | undefined {
  const t = fold(text).replace(/\s+/g, '');
  return DISCIPLINE_FORMS.find((f) => f === t);
}

/**
 * The effect of a discipline: `12 tháng` (from `start`, the decision's day), or `từ 01/03/2026 đến
 * 28/02/2027` / `01/03/2026 - 28/02/2027`.
 */
export function readEffect(text: string, start: string): { from: string; until: string } | undefined {
  const t = fold(text);
  const months = /^(\d{1,3})\s*(thang|months?)$/.exec(t);
  if (months) {
    const n = Number(months[1]);
    return n > 0 ? { from: start, until: addMonthsDay(start, n) } : undefined;
  }
  const range = /^(?:tu\s+|from\s+)?(\S+)\s*(?:-|–|den|to|đến)\s*(\S+)$/.exec(t);
  if (!range) return undefined;
  const from = readDay(range[1] as string);
  const until = readDay(range[2] as string);
  return from && until ? { from, until } : undefined;
}

/** Words that make a name a title (danh hiệu) rather than a form of commendation (hình thức). */
const TITLE_WORDS = [
  'danh hieu',
  'chien si thi dua',
  'chien si tien tien',
  'lao dong tien tien',
  'tap the lao dong',
  'co thi dua',
  'don vi',
  'chien si',
];

/**
 * A title or form of commendation as written: one of the titles file's (by id, abbreviation or name,
 * `ldtt`, `LĐTT`, `lao động tiên tiến` → its name and id), or any other name, as a title when it reads
 * as one (`Chiến sĩ thi đua cấp tỉnh`, `Cờ thi đua…`) and a form otherwise (`Giấy khen…`, `Bằng khen…`).
 */
export function readAward(
  titles: TitlesConfig | undefined,
  text: string,
): { kind: AwardKind; titleId?: string; name: string } | undefined {
  const t = fold(text);
  if (!t) return undefined;
  const title = titles?.titles.find((x) => [x.id, fold(x.short), fold(x.name)].includes(t));
  if (title) return { kind: 'title', titleId: title.id, name: title.name };
  const name = text.trim().replace(/\s+/g, ' ');
  return { kind: TITLE_WORDS.some((w) => t.startsWith(w)) ? 'title' : 'form', name };
}

/** A member or a department the words name. */
export type Subject =
  | { kind: 'member'; id: string; name: string }
  | { kind: 'department'; id: string; name: string };

export const subjectRef = (s: Subject): TitleSubject =>
  s.kind === 'member' ? { kind: 'member', memberId: s.id } : { kind: 'department', departmentId: s.id };

/**
 * A member (a mention whose label is the text, `@username`, a member id, the full name as
 * registered when only one member has it) or a department (its name or id).
 */
export function findSubject(ctx: CommandContext, text: string): Subject | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const mention = ctx.mentions.find((m) => m.label === q);
  const member = mention
    ? (mention.identity && ctx.store.memberByIdentity(mention.identity)) ||
      (mention.username && ctx.store.memberByUsername(mention.username)) ||
      undefined
    : findMember({ ...ctx, mentions: [] }, q);
  if (member) return { kind: 'member', id: member.id, name: member.fullName };
  if (mention) return undefined;
  const department = findDepartment(ctx.agency, q);
  return department ? { kind: 'department', id: department.id, name: department.name } : undefined;
}

/**
 * A list of people and departments, separated by `,` `;` or line breaks — a department's name may hold
 * a comma itself (`Phòng Tổ chức đảng, đảng viên`): the longest run of parts that names someone wins.
 * Each item may end with a bracket (`@lan (CN2)`), returned as it was written. Stops at the first item
 * that names no one.
 */
export function readSubjectList(
  ctx: CommandContext,
  text: string,
): { items: { subject: Subject; bracket?: string; text: string }[]; unknown?: string } {
  const items: { subject: Subject; bracket?: string; text: string }[] = [];
  for (const chunk of text.split(/[;\n]/)) {
    const parts = chunk.split(',').map((x) => x.trim());
    let i = 0;
    while (i < parts.length) {
      if (!parts[i]) {
        i += 1;
        continue;
      }
      let taken = 0;
      for (let j = parts.length; j > i && !taken; j -= 1) {
        const item = parts.slice(i, j).join(', ');
        const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(item);
        const subject = findSubject(ctx, bracket ? (bracket[1] as string) : item);
        if (subject) {
          items.push({ subject, text: item, ...(bracket ? { bracket: bracket[2] as string } : {}) });
          taken = j - i;
        }
      }
      if (!taken) return { items, unknown: parts[i] as string };
      i += taken;
    }
  }
  return { items };
}

/** How a subject is named in an answer: the member's name, `tập thể <phòng>`. */
export function subjectName(ctx: Pick<CommandContext, 't' | 'store' | 'agency'>, s: TitleSubject): string {
  const { t, store, agency } = ctx;
  return s.kind === 'member'
    ? (store.member(s.memberId)?.fullName ?? s.memberId)
    : t.records.department(departmentName(agency, s.departmentId, t));
}

/** The year a records command works on when none is named: the titles file's, else this year. */
export function defaultYear(ctx: Pick<CommandContext, 'titles' | 'plan' | 'now'>): number {
  return ctx.titles?.year ?? ctx.plan?.year ?? Number(dayKey(ctx.now).slice(0, 4));
}

/** The decision a record names, as one phrase: "Quyết định số … ngày … của …". */
export function decisionText(t: Messages, d: DecisionRef): HtmlPart {
  return joinHtml(
    [t.records.decision(d.number, showDay(d.date), d.body), d.signer && t.records.signedBy(d.signer)],
    '',
  );
}

// ---- answers --------------------------------------------------------------------------------------

/**
 * A records command: ratings, discipline and awards are personnel data of a Party body, so a command
 * sent in the group is answered in private (its follow-ups too — the template workbook), and the
 * group is told only that. In a private chat nothing changes.
 */
export function recordsCommand(command: Command): Command {
  const privately = (ctx: CommandContext, replies: Reply[]): Reply[] =>
    ctx.chat.kind === 'private'
      ? replies
      : replies.map((r) => (r.to ? r : { ...r, to: { identity: ctx.caller.identity } }));
  return defineCommand({
    ...command,
    async run(ctx: CommandContext) {
      const inner = {
        ...ctx,
        followUp: (work: Promise<Reply[]>) => ctx.followUp(work.then((r) => privately(ctx, r))),
      };
      const replies = privately(ctx, await command.run(inner as never));
      const told = ctx.chat.kind === 'group' && replies.length > 0;
      return told ? [...replies, say(ctx.t.records.sentPrivately)] : replies;
    },
  });
}

/** A refusal's reason in words, naming records by their codes and members by name. */
export function faultText(ctx: Pick<CommandContext, 't' | 'store' | 'agency'>, p: RecordFault): HtmlPart {
  const { t } = ctx;
  const pr = t.records.problems;
  switch (p.code) {
    case 'unknownMember':
      return pr.unknownMember(p.memberId);
    case 'decisionUsed':
      return pr.decisionUsed(p.number, recordCode(p.holder.kind, p.holder.no));
    case 'unknownRecord':
      return pr.unknownRecord(String(p.no));
    case 'annulledRecord':
      return pr.annulledRecord(String(p.no));
    case 'unknownInitiative':
      return pr.unknownInitiative(recordCode('initiative', p.no));
    case 'initiativeUsed':
      return pr.initiativeUsed(recordCode('initiative', p.no), recordCode('award', p.award));
    case 'notAuthor':
      return pr.notAuthor(
        recordCode('initiative', p.no),
        subjectName(ctx, { kind: 'member', memberId: p.memberId }),
      );
    case 'initiativeForDepartment':
      return pr.initiativeForDepartment(recordCode('initiative', p.no));
    case 'badPeriod':
      return pr.badPeriod(showDay(p.from), showDay(p.until));
    case 'noRecipients':
      return pr.noRecipients;
    case 'recipientTwice':
      return pr.recipientTwice(subjectName(ctx, p.subject));
  }
}

/**
 * Runs a records change; a refusal by the store's rules (a decision number another record holds…)
 * becomes a polite answer saying why, with the command's usage line. Nothing was changed then.
 */
export async function orRefusal<T>(
  ctx: CommandContext,
  usage: string,
  work: () => Promise<T>,
): Promise<T | Reply[]> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RecordsRefusedError)) throw error;
    const reasons = error.problems.map((p: RecordProblem) => faultText(ctx, p));
    return [say(ctx.t.records.refused(joinHtml(reasons, '; ')), ctx.t.usageLine(usage))];
  }
}

/**
 * The HTXSNV share of members and of departments for a year, warned about above the caps of
 * QĐ 366-QĐ/TW. `certain`: only when the cap is passed whatever the ones not yet rated get (each
 * rating of a long list is not warned about while the list is being entered); otherwise the share
 * of those rated so far, said so.
 */
export function excellenceWarnings(
  ctx: CommandContext,
  year: number,
  options: { only?: TitleSubject['kind']; certain?: boolean } = {},
): HtmlPart[] {
  const { t, store, agency } = ctx;
  const out: HtmlPart[] = [];
  for (const kind of ['member', 'department'] as const) {
    if (options.only && options.only !== kind) continue;
    const s = excellenceShare(store.ratings, year, kind);
    const rated = store.ratings.filter((r) => r.year === year && r.subject.kind === kind).length;
    const total =
      kind === 'member' ? store.members.filter((m) => !m.leftAt).length : agency.departments.length;
    // At best, everyone not yet rated is rated HTTNV or better.
    const atBest = s.goodOrBetter + Math.max(0, total - rated);
    const percent = options.certain ? (atBest ? (s.excellent / atBest) * 100 : 0) : s.percent;
    if (percent <= EXCELLENCE_CAP) continue;
    const who = kind === 'member' ? t.records.rating.membersWho : t.records.rating.departmentsWho;
    const shown = `${Math.round(s.percent)}%`;
    out.push(
      percent > EXCELLENCE_CAP_EXCEPTIONAL
        ? t.records.rating.overExceptional(who, s.excellent, s.goodOrBetter, shown)
        : t.records.rating.overCap(who, s.excellent, s.goodOrBetter, shown),
    );
    if (rated < total) out.push(t.records.rating.soFar(rated, total));
  }
  return out;
}

/** A history note made readable: rating ids as their abbreviations, member ids as names. */
export function readableNote(ctx: Pick<CommandContext, 't' | 'store' | 'agency'>, note: string): string {
  const { t, store, agency } = ctx;
  return note
    .replace(/\b(htxsnv|httnv|htnv|khtnv)\b/g, (r) => t.records.ratingShort[r as Rating])
    .replace(/\bm\d+\b/g, (id) => store.member(id)?.fullName ?? id)
    .replace(/phòng:([a-z0-9-]+)/g, (_, id: string) => departmentName(agency, id, t));
}

/** A record's history under it, one line per change: when, what, who, from where, and the note. */
export function historyLines(ctx: CommandContext, history: readonly HistoryItem[]): HtmlPart[] {
  const { t, store } = ctx;
  return history.map((h) =>
    t.records.file.historyLine(
      formatDateTime(new Date(h.at)),
      t.history.actions[h.action],
      store.member(h.by)?.fullName ?? h.by,
      t.history.platforms[h.platform],
      h.note ? readableNote(ctx, h.note) : '',
    ),
  );
}

/** A record's one line, as /hoso and /dinhchinh show it. */
export function recordLine(
  ctx: CommandContext,
  kind: RecordKind,
  record: Discipline | Initiative | Award,
): HtmlPart {
  const { t } = ctx;
  const code = recordCode(kind, record.no);
  const annulled = record.status === 'annulled' ? t.records.annulled : '';
  const decision = decisionText(t, record.decision);
  if (kind === 'discipline') {
    const d = record as Discipline;
    return joinHtml(
      [
        t.records.file.disciplineLine(
          code,
          t.records.forms[d.form],
          showDay(d.from),
          showDay(d.until),
          decision,
        ),
        annulled,
      ],
      '',
    );
  }
  if (kind === 'initiative') {
    const i = record as Initiative;
    return joinHtml([t.records.file.initiativeLine(code, i.year, i.name, decision), annulled], '');
  }
  const a = record as Award;
  return joinHtml([t.records.file.awardLine(code, a.year, a.name, decision), annulled], '');
}

/** `text` clipped for an answer that repeats it. */
export const quote = (text: string) => clip(text.trim(), 60);
