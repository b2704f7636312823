import { looksLikeCode } from '../core/codes.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import type { AwardKind, TitleSubject } from '../core/domain.js';
import { DocumentFetchError } from '../core/errors.js';
import type { HtmlPart } from '../core/html.js';
import { decisionKey, planRecords, type RecordChange, type RecordFault } from '../core/records.js';
import type { RecordRow, RecordRows, RecordSheet } from '../core/reports.js';
import { fold } from '../core/text.js';
import { say, words } from './lib/common.js';
import {
  addMonthsDay,
  afterToday,
  defaultYear,
  faultText,
  quote,
  readAward,
  readDay,
  readForm,
  readRating,
  readYear,
  recordsCommand,
} from './lib/records.js';

/** A records workbook is a few dozen KB; this leaves room for a province and refuses anything else. */
const MAX_MB = 5;
/** The refused rows an answer lists before it says how many more. */
const MAX_LISTED = 30;
const SHEET_NAMES: Record<RecordSheet, string> = {
  ratings: 'Xếp loại',
  disciplines: 'Kỷ luật',
  initiatives: 'Sáng kiến',
  awards: 'Khen thưởng',
};

/** Where a change came from: its sheet and row(s) — several rows of one award decision are one change. */
interface Origin {
  sheet: RecordSheet;
  rows: number[];
}

/**
 * `/nhaphoso mau` sends the records workbook to fill (the ratings sheet listing every member and
 * department); an .xlsx sent with `/nhaphoso` as its caption (the console: a file path after the
 * command) is imported. Every row is checked first — the member or department, the level, the form,
 * the days, the decision number (one number, one record), duplicates in the file — and if any row is
 * wrong, the answer lists each with its row number and why, and nothing changes. Otherwise the whole
 * file is saved in one step: one history item per record, rows already on record recognised and left
 * as they are (the file may be sent again).
 */
export const nhaphoso: Command = recordsCommand(
  defineCommand({
    name: 'nhaphoso',
    group: 'hoso',
    access: 'admin',
    writes: true,
    acceptsDocument: true,
    usage: (t) => t.records.help.import.usage,
    description: (t) => t.records.help.import.description,
    async run(ctx) {
      const { t } = ctx;
      const m = t.records.import;
      const tokens = words(ctx.args).map(fold);
      const year = defaultYear(ctx);
      if (tokens[0] === 'mau' || tokens[0] === 'template') {
        const work = ctx.reports.files([{ report: 'recordsTemplate', args: { year } }], ctx.actor.by);
        ctx.followUp(
          work.then(([data]) => [
            { ...say(m.template), files: [{ filename: m.templateName(year), data: data as Buffer }] },
          ]),
        );
        return [];
      }
      const document = ctx.document;
      if (!document) {
        const how =
          ctx.platform === 'console'
            ? m.noFileConsole
            : ctx.platform === 'zalo' || ctx.platform === 'zalobot'
              ? m.noFileZalo
              : m.noFile;
        return [say(how)];
      }
      if (!/\.xlsx$/i.test(document.filename)) return [say(m.notXlsx(quote(document.filename)))];
      let data: Buffer;
      try {
        data = await document.read(MAX_MB * 1024 * 1024);
      } catch (error) {
        if (!(error instanceof DocumentFetchError)) throw error;
        ctx.log.warn({ reason: error.reason }, 'records import: the document was not fetched');
        return [say(error.reason === 'tooBig' ? m.tooBig(quote(document.filename), MAX_MB) : m.cannotFetch)];
      }
      let rows: RecordRows | undefined;
      try {
        rows = await ctx.reports.readRecords(data);
      } catch (error) {
        ctx.log.info({ err: error }, 'records import: unreadable workbook');
        return [say(m.unreadable(quote(document.filename)))];
      }
      if (!rows) return [say(m.noSheets)];
      return importRows(ctx, rows);
    },
  }),
);

/** Checks every row, then saves them all, or lists every refused row and saves nothing. */
async function importRows(ctx: CommandContext, rows: RecordRows): Promise<Reply[]> {
  const { t, store } = ctx;
  const m = t.records.import;
  const read = readRows(ctx, rows);
  const plan = planRecords(store, read.changes, ctx.actor);
  const refused = [
    ...read.refused,
    ...plan.problems.flatMap((p) => {
      const origin = read.origins[p.index] as Origin;
      return origin.rows.map((row) => ({ sheet: origin.sheet, row, why: faultText(ctx, p as RecordFault) }));
    }),
  ].sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  const total = read.rowCount;
  if (refused.length) {
    const listed = refused.slice(0, MAX_LISTED).map((r) => m.rowProblem(SHEET_NAMES[r.sheet], r.row, r.why));
    const badRows = new Set(refused.map((r) => `${r.sheet}:${r.row}`)).size;
    return [
      say(
        m.refusedTitle(badRows, total),
        ...listed,
        refused.length > MAX_LISTED ? m.more(refused.length - MAX_LISTED) : undefined,
      ),
    ];
  }
  if (read.changes.length === 0) return [say(m.empty)];
  if (plan.unchanged.length === read.changes.length) return [say(m.nothingNew(total))];
  const saved = await store.changeRecords(read.changes, ctx.actor);
  const lines: HtmlPart[] = [m.done(total)];
  for (const sheet of Object.keys(SHEET_NAMES) as RecordSheet[]) {
    const of = read.origins.map((o, i) => ({ o, i })).filter((x) => x.o.sheet === sheet);
    if (!of.length) continue;
    const unchanged = of.filter((x) => saved.unchanged.includes(x.i)).length;
    lines.push(m.doneLine(SHEET_NAMES[sheet], of.length - unchanged, unchanged));
  }
  return [say(...lines)];
}

const sheetOrder = (s: RecordSheet) => Object.keys(SHEET_NAMES).indexOf(s);

/** The rows as changes to the records (one per row; several rows of one award decision are one), and the rows refused. */
function readRows(
  ctx: CommandContext,
  rows: RecordRows,
): {
  changes: RecordChange[];
  origins: Origin[];
  refused: { sheet: RecordSheet; row: number; why: HtmlPart }[];
  rowCount: number;
} {
  const { t, store, agency, titles } = ctx;
  const m = t.records.import;
  const changes: RecordChange[] = [];
  const origins: Origin[] = [];
  const refused: { sheet: RecordSheet; row: number; why: HtmlPart }[] = [];
  let rowCount = 0;
  /** The first row of the file holding each decision (by number in its year), and what it is for. */
  const decisions = new Map<string, { row: number; sheet: RecordSheet; what: string }>();

  const column = (sheet: RecordSheet, key: string) =>
    ({
      year: 'Năm',
      name: sheet === 'initiatives' ? 'Tên sáng kiến' : 'Họ và tên / Tập thể',
      rating: 'Mức xếp loại',
      form: 'Hình thức',
      number: 'Số quyết định',
      date: 'Ngày quyết định',
      until: 'Đến ngày',
      authors: 'Tác giả',
      award: 'Danh hiệu, hình thức',
      body: 'Cơ quan ban hành',
    })[key] ?? key;

  /** The member or department of a row: by its code (m12, a department's id), else its name. */
  const subjectOf = (cells: Record<string, string>): TitleSubject | HtmlPart => {
    const code = (cells.id ?? '').trim();
    const name = (cells.name ?? '').trim();
    if (code) {
      if (store.member(code)) return { kind: 'member', memberId: code };
      const d = agency.departments.find((x) => x.id === fold(code));
      if (d) return { kind: 'department', departmentId: d.id };
      return m.unknownPerson(quote(code));
    }
    if (!name) return m.blank(column('ratings', 'name'));
    return personNamed(name);
  };
  const personNamed = (name: string): TitleSubject | HtmlPart => {
    if (/^m\d+$/.test(name) && store.member(name)) return { kind: 'member', memberId: name };
    const members = store.members.filter((x) => fold(x.fullName) === fold(name));
    if (members.length > 1) return m.ambiguousPerson(quote(name));
    if (members[0]) return { kind: 'member', memberId: members[0].id };
    const d = agency.departments.find((x) => x.id === fold(name) || fold(x.name) === fold(name));
    return d ? { kind: 'department', departmentId: d.id } : m.unknownPerson(quote(name));
  };
  const isSubject = (x: TitleSubject | HtmlPart): x is TitleSubject =>
    typeof x === 'object' && x !== null && 'kind' in x;

  /** The row's decision: its number and day, checked; the issuing body, or the agency. */
  const decisionOf = (sheet: RecordSheet, row: RecordRow, problems: HtmlPart[], what: string) => {
    const c = row.cells;
    const number = (c.number ?? '').trim();
    const date = c.date ? readDay(c.date) : undefined;
    if (!number) problems.push(m.blank(column(sheet, 'number')));
    if (!c.date) problems.push(m.blank(column(sheet, 'date')));
    else if (!date) problems.push(m.badDay(quote(c.date)));
    else if (afterToday(date, ctx.now)) problems.push(m.futureDay(quote(c.date)));
    if (!number || !date) return undefined;
    const decision = { number, date, body: (c.body ?? '').trim() || agency.agency.name };
    const key = decisionKey(decision);
    const first = decisions.get(key);
    if (first && (first.what !== what || first.sheet !== sheet)) problems.push(m.twice(first.row));
    else if (!first) decisions.set(key, { row: row.row, sheet, what });
    return decision;
  };

  // Year-end ratings: one per subject and year; a row without a level is skipped (the template lists everyone).
  const rated = new Map<string, number>();
  for (const row of rows.ratings ?? []) {
    const c = row.cells;
    if (!c.rating) continue;
    rowCount += 1;
    const problems: HtmlPart[] = [];
    const year = c.year ? readYear(c.year) : undefined;
    if (!c.year) problems.push(m.blank(column('ratings', 'year')));
    else if (!year) problems.push(m.badYear(quote(c.year)));
    const subject = subjectOf(c);
    if (!isSubject(subject)) problems.push(subject);
    const rating = readRating(c.rating);
    if (!rating) problems.push(m.unknownRating(quote(c.rating)));
    if (year && isSubject(subject)) {
      const key = `${year}:${subject.kind === 'member' ? subject.memberId : `d:${subject.departmentId}`}`;
      const first = rated.get(key);
      if (first) problems.push(m.twice(first));
      else rated.set(key, row.row);
      const before = store.rating(year, subject);
      if (rating && before && before.rating !== rating && !c.reason)
        problems.push(m.ratingChanged(t.records.ratingShort[before.rating]));
    }
    if (problems.length || !year || !isSubject(subject) || !rating) {
      for (const why of problems) refused.push({ sheet: 'ratings', row: row.row, why });
      continue;
    }
    changes.push({ op: 'rating', year, subject, rating, reason: c.reason || undefined });
    origins.push({ sheet: 'ratings', rows: [row.row] });
  }

  for (const row of rows.disciplines ?? []) {
    rowCount += 1;
    const c = row.cells;
    const problems: HtmlPart[] = [];
    const subject = subjectOf(c);
    if (!isSubject(subject)) problems.push(subject);
    const form = c.form ? readForm(c.form) : undefined;
    if (!c.form) problems.push(m.blank(column('disciplines', 'form')));
    else if (!form) problems.push(m.unknownForm(quote(c.form)));
    const decision = decisionOf('disciplines', row, problems, `kl:${row.row}`);
    const from = c.from ? readDay(c.from) : decision?.date;
    if (c.from && !from) problems.push(m.badDay(quote(c.from)));
    let until: string | undefined;
    if (!c.until) problems.push(m.blank(column('disciplines', 'until')));
    else {
      const months = /^(\d{1,3})\s*(thang|months?)$/.exec(fold(c.until));
      until = months && from ? addMonthsDay(from, Number(months[1])) : readDay(c.until);
      if (!until && !months) problems.push(m.badDay(quote(c.until)));
    }
    if (problems.length || !isSubject(subject) || !form || !decision || !from || !until) {
      for (const why of problems) refused.push({ sheet: 'disciplines', row: row.row, why });
      continue;
    }
    changes.push({ op: 'discipline', subject, form, decision, from, until, note: c.note || undefined });
    origins.push({ sheet: 'disciplines', rows: [row.row] });
  }

  for (const row of rows.initiatives ?? []) {
    rowCount += 1;
    const c = row.cells;
    const problems: HtmlPart[] = [];
    const authors: string[] = [];
    if (!c.authors) problems.push(m.blank(column('initiatives', 'authors')));
    for (const name of (c.authors ?? '')
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean)) {
      const s = personNamed(name);
      if (isSubject(s) && s.kind === 'member') authors.push(s.memberId);
      else problems.push(isSubject(s) ? m.unknownPerson(quote(name)) : s);
    }
    if (!c.name) problems.push(m.blank(column('initiatives', 'name')));
    const decision = decisionOf('initiatives', row, problems, `cn:${row.row}`);
    const year = c.year ? readYear(c.year) : decision ? Number(decision.date.slice(0, 4)) : undefined;
    if (c.year && !year) problems.push(m.badYear(quote(c.year)));
    let entry: string | undefined;
    if (c.entry) {
      const found = looksLikeCode(c.entry) ? store.entry(c.entry) : undefined;
      if (found?.kind !== 'initiative' || !authors.includes(found.memberId))
        problems.push(t.records.initiative.unknownEntry(quote(c.entry)));
      else entry = found.code;
    }
    if (problems.length || !decision || !year || !c.name) {
      for (const why of problems) refused.push({ sheet: 'initiatives', row: row.row, why });
      continue;
    }
    changes.push({ op: 'initiative', name: c.name, authors, year, decision, entry });
    origins.push({ sheet: 'initiatives', rows: [row.row] });
  }

  // Awards: the rows of one decision (same number, day, body, title or form, year) are one change.
  const groups = new Map<string, number>();
  for (const row of rows.awards ?? []) {
    rowCount += 1;
    const c = row.cells;
    const problems: HtmlPart[] = [];
    const subject = subjectOf(c);
    if (!isSubject(subject)) problems.push(subject);
    const year = c.year ? readYear(c.year) : undefined;
    if (!c.year) problems.push(m.blank(column('awards', 'year')));
    else if (!year) problems.push(m.badYear(quote(c.year)));
    const read = c.award ? readAward(titles, c.award) : undefined;
    if (!read) problems.push(m.blank(column('awards', 'award')));
    let kind: AwardKind | undefined = read?.kind;
    if (c.kind) {
      const k = fold(c.kind);
      kind = k.startsWith('danh hieu') ? 'title' : k.startsWith('hinh thuc') ? 'form' : undefined;
      if (!kind) problems.push(m.badKind(quote(c.kind)));
    }
    const what = `kt:${year}:${kind}:${fold(read?.name ?? '')}`;
    const decision = decisionOf('awards', row, problems, what);
    if (problems.length || !isSubject(subject) || !year || !read || !kind || !decision) {
      for (const why of problems) refused.push({ sheet: 'awards', row: row.row, why });
      continue;
    }
    const signer = (c.signer ?? '').trim();
    const key = `${decisionKey(decision)}|${what}`;
    const at = groups.get(key);
    const existing = at === undefined ? undefined : changes[at];
    if (existing?.op === 'award') {
      if (existing.recipients.some((r) => JSON.stringify(r.subject) === JSON.stringify(subject))) {
        refused.push({
          sheet: 'awards',
          row: row.row,
          why: m.twice((origins[at as number] as Origin).rows[0] as number),
        });
        continue;
      }
      existing.recipients.push({ subject });
      (origins[at as number] as Origin).rows.push(row.row);
      continue;
    }
    groups.set(key, changes.length);
    changes.push({
      op: 'award',
      join: true,
      year,
      kind,
      ...(kind === 'title' && read.titleId ? { titleId: read.titleId } : {}),
      name: read.name,
      decision: { ...decision, ...(signer ? { signer } : {}) },
      recipients: [{ subject }],
    });
    origins.push({ sheet: 'awards', rows: [row.row] });
  }
  return { changes, origins, refused, rowCount };
}
