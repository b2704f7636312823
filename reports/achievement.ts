import { AlignmentType, Paragraph, type Table, TextRun } from 'docx';
import { type AgencyConfig, type Department, departmentName } from '../core/agency.js';
import { printableFrom } from '../core/document-text.js';
import type { Award, Entry, EntryKind, Member, ModelExample, TitleSubject } from '../core/domain.js';
import { modelsAbout, modelsOf, recordOf, summarise } from '../core/figures.js';
import { formatDay, type Period } from '../core/periods.js';
import { awardsOf } from '../core/records.js';
import type { RepositoryReads } from '../core/repository.js';
import { membersAt } from '../core/scoring.js';
import { fileName } from '../core/text.js';
import {
  type ReportHeader,
  reportHeaderOf,
  type Title,
  type TitlesConfig,
  titleById,
} from '../core/titles.js';
import { vi } from '../locales/vi.js';
import { type Many, type ManyParagraphs, type ManyRows, packLong } from './achievement-pack.js';
import { annexHeading, gap, pageBreak, signatures, table } from './council-doc.js';
import { doc } from './vi.js';
import { para, partyHeader, partySection, run, toWrite, twoColumns } from './word.js';
import { xmlSafe } from './xml-text.js';
import { ZipWriter } from './zip-writer.js';

/*
 * The achievement report drafts (báo cáo thành tích) a candidate for an emulation title hands in with
 * the dossier (Luật Thi đua, khen thưởng 2022, điểm b khoản 1 Điều 84), laid out as the State's forms
 * have long been (Nghị định 91/2017/NĐ-CP Mẫu 01 and 02; Nghị định 98/2023/NĐ-CP Phụ lục I Mẫu 02 and
 * 03; the forms of Nghị định 152/2025/NĐ-CP could not be read — docs/titles-and-criteria.md):
 *   I.   sơ lược lý lịch (a department: đặc điểm, tình hình; chức năng, nhiệm vụ);
 *   II.  thành tích đạt được — prose a reader outside the agency understands: what was done, with
 *        dates, by kind; for a department also its members who achieved a title (decisions on record,
 *        not registrations), the measures and movements, the Party and mass organisations' work;
 *   III. các hình thức đã được khen thưởng — two tables (danh hiệu thi đua; hình thức khen thưởng),
 *        filled from the award decisions on record (core/records.ts), empty rows to fill otherwise;
 *   the signature blocks, the unit head's "(Ký, đóng dấu)";
 *   an annex listing the approved entries with their codes and dates.
 * No points, entry codes, tags or the bot's own words in the body. The header block is the Party's or
 * the Quốc hiệu, as the titles file sets it for the title (`reportHeader`). Vietnamese only.
 */

export interface AchievementSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  titles?: TitlesConfig | undefined;
}

type Block = Paragraph | Table;

const a = doc.achievement;
const KINDS: readonly EntryKind[] = ['task', 'initiative', 'deed'];
/** A heading kept on the page of what follows it (a table's heading never ends a page alone). */
const bold = (text: string) =>
  new Paragraph({
    children: [run(text, { bold: true })],
    alignment: AlignmentType.LEFT,
    spacing: { after: 120, line: 312 },
    keepNext: true,
  });
const line = (text: string) => para([run(text)]);
/** `- label: value`, the value a blank to fill in when the bot does not hold it. */
const detail = (label: string, value?: string) =>
  para(
    [run(`- ${label}: `), value ? run(value) : run(a.blank, { italics: true, bold: true })],
    'left',
    false,
  );
/** A day stored as `yyyy-mm-dd`, as a document writes it. */
const showDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * An entry's text as a sentence of the report: chat tags (#cntt, #dotxuat…) left out, a mention
 * (@lan_nguyen) replaced by the member's name, the first letter capitalised, no closing punctuation
 * (the line adds its own).
 */
export function plainText(store: RepositoryReads, text: string): string {
  // The one reading of user text in documents (reports/document-text.ts), without its closing mark:
  // the report's sentence closes it.
  return printableFrom(store)(text).replace(/[\s.,;:!?…]+$/u, '');
}

/** The title registered for the year, if any. */
function registeredTitle(ctx: AchievementSource, year: number, subject: TitleSubject) {
  const registration = ctx.store.registration(year, subject);
  if (!registration) return undefined;
  const title = ctx.titles ? titleById(ctx.titles, registration.titleId) : undefined;
  return { title, name: title?.name ?? registration.titleId };
}

/**
 * The State's header block (the Quốc hiệu of its forms): the superior body and the body on the left,
 * CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc and the place and date on the right.
 */
function stateHeader(agency: AgencyConfig, now: Date): Table {
  const r = agency.report;
  const [day, month, year] = formatDay(now).split('/');
  return twoColumns(
    [
      para([run(r.superior.toUpperCase(), { size: 26 })], 'center', false),
      para([run(r.body.toUpperCase(), { bold: true, size: 26 })], 'center', false),
      para([run('-----', { size: 26 })], 'center', false),
    ],
    [
      para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], 'center', false),
      para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: 26 })], 'center', false),
      para(
        [run(`${agency.agency.place}, ngày ${day} tháng ${month} năm ${year}`, { italics: true, size: 26 })],
        'center',
        false,
      ),
    ],
    40,
  );
}

function header(agency: AgencyConfig, now: Date, kind: ReportHeader): Table {
  return kind === 'state' ? stateHeader(agency, now) : partyHeader(agency, now);
}

/** `BÁO CÁO THÀNH TÍCH` and, on the next line of the same paragraph, `ĐỀ NGHỊ TẶNG DANH HIỆU “…” NĂM …`. */
function titleBlock(proposal: string, ...who: string[]): Paragraph[] {
  return [
    para(
      [
        // The space before the break keeps the two lines one phrase for a reader of the text.
        run(`${a.heading} `, { bold: true, size: 30 }),
        new TextRun({ break: 1 }),
        run(proposal, { bold: true, size: 26 }),
      ],
      'center',
      false,
    ),
    ...who.map((w) => para([run(w, { bold: true })], 'center', false)),
    para([run('-----', { size: 28 })], 'center', false),
  ];
}

/**
 * Section II's lines of one kind: what was done, on which day (and by whom, for a department) — a long
 * run's texts, each made as it is written (reports/achievement-pack.ts).
 */
function* doneLines(
  store: RepositoryReads,
  entries: readonly Entry[],
  kind: EntryKind,
  withMember: boolean,
): Generator<string> {
  for (const e of entries) {
    if (e.kind !== kind) continue;
    yield a.doneLine(
      formatDay(new Date(e.at)),
      withMember ? store.member(e.memberId)?.fullName : undefined,
      plainText(store, e.text),
      e.kind === 'task' && e.adhoc ? a.adhoc : e.kind === 'initiative' && e.it ? a.it : undefined,
    );
  }
}

/** Section II, the body: the year's approved entries by kind, then the model examples, in prose. */
function achievements(
  ctx: AchievementSource,
  entries: readonly Entry[],
  models: readonly ModelExample[],
  stage: (m: ModelExample) => string,
  withMember: boolean,
): (Paragraph | ManyParagraphs)[] {
  const { store } = ctx;
  const out: (Paragraph | ManyParagraphs)[] = [];
  for (const kind of KINDS) {
    if (!entries.some((e) => e.kind === kind)) continue;
    const lines = doneLines(store, entries, kind, withMember);
    out.push(bold(a.kindHeadings[kind]), { many: 'paragraphs', texts: lines, make: line });
  }
  if (models.length) {
    out.push(
      bold(a.kindHeadings.models),
      ...models.map((m) => {
        const memberId =
          m.subject.kind === 'member'
            ? m.subject.memberId
            : m.subject.kind === 'entry'
              ? store.entry(m.subject.code)?.memberId
              : undefined;
        return line(
          a.modelLine(
            formatDay(new Date(m.stages[0]?.at ?? 0)),
            withMember && memberId ? store.member(memberId)?.fullName : undefined,
            plainText(store, m.reason),
            stage(m),
          ),
        );
      }),
    );
  }
  return out;
}

/** Section III: the two tables, from the award decisions on record up to `year`; empty rows to fill otherwise. */
function awardTables(ctx: AchievementSource, subject: TitleSubject, year: number): Block[] {
  const awards = awardsOf(ctx.store, subject).filter((x) => x.year <= year);
  const rows = (kind: Award['kind']) => {
    const own = awards
      .filter((x) => x.kind === kind)
      .map((x) => [
        String(x.year),
        x.name,
        a.decisionCell(x.decision.number, showDay(x.decision.date)),
        x.decision.body,
      ]);
    // Rows two lines tall (a no-break space holds each line open), room to write a decision by hand.
    const blank = ['\u00a0\n\u00a0', '', '', ''];
    return own.length ? own : [blank, blank, blank];
  };
  const t = a.table;
  const widths = [11, 33, 30, 26];
  return [
    bold(a.sections.awards),
    bold(a.sections.titlesTable),
    table([t.year, t.title, t.decision, t.body], rows('title'), widths, { size: 26, center: [0] }),
    gap(),
    bold(a.sections.formsTable),
    table([t.year, t.form, t.decision, t.body], rows('form'), widths, { size: 26, center: [0] }),
    gap(),
  ];
}

/** The annex: the approved entries with their codes and dates (and members, for a department). */
function annex(
  ctx: AchievementSource,
  year: number,
  entries: readonly Entry[],
  attached: string,
  withMember: boolean,
): (Block | ManyRows)[] {
  if (entries.length === 0) return [];
  const { store } = ctx;
  const sorted = [...entries].sort((x, y) => x.at.localeCompare(y.at) || x.code.localeCompare(y.code));
  // Each row made as it is written (reports/achievement-pack.ts).
  function* rows() {
    for (const [i, e] of sorted.entries()) {
      yield [
        String(i + 1),
        e.code,
        formatDay(new Date(e.at)),
        ...(withMember ? [store.member(e.memberId)?.fullName ?? ''] : []),
        a.kinds[e.kind],
        plainText(store, e.text),
      ];
    }
  }
  return [
    pageBreak(),
    para([run(a.annex.heading, { bold: true })], 'center', false),
    ...annexHeading(a.annex.title(year), attached),
    gap(),
    {
      many: 'rows',
      width: withMember ? 6 : 5,
      rows: rows(),
      make: (some) =>
        withMember
          ? table(a.annex.departmentColumns, some, [7, 9, 13, 19, 14, 38], { size: 24, center: [0, 1, 2] })
          : table(a.annex.columns, some, [7, 10, 14, 17, 52], { size: 24, center: [0, 1, 2] }),
    },
  ];
}

function pack(title: string, children: (Block | Many)[]): Promise<Buffer> {
  const { children: _, ...section } = partySection([]);
  return packLong({ creator: doc.creator, title: xmlSafe(title) }, section, children);
}

type Signer = { titles: string[]; name?: string };
/**
 * Two signature blocks whose names stand on one line: the shorter list of title lines is padded with
 * empty lines, so both rooms to sign start together.
 */
function sideBySide(left: Signer, right: Signer): Block[] {
  const lines = Math.max(left.titles.length, right.titles.length);
  const pad = (s: Signer): Signer => ({
    ...s,
    titles: [...s.titles, ...Array<string>(lines - s.titles.length).fill('')],
  });
  return [signatures(pad(left), pad(right))];
}

const headOf = (store: RepositoryReads, departmentId: string) => {
  const id = store.departmentHead(departmentId)?.memberId;
  return id ? store.member(id) : undefined;
};

/** The draft of one member's achievement report for `year`. */
export async function buildMemberReport(
  ctx: AchievementSource,
  year: Period,
  member: Member,
  now: Date,
): Promise<Buffer> {
  const { store, agency } = ctx;
  // Only the member's own entries are built (the zip of every draft asks for each member in turn).
  const record = recordOf(
    store.entriesBetween(year.start, year.end, { memberId: member.id }),
    agency.review.mode,
  );
  const registered = registeredTitle(ctx, year.year, { kind: 'member', memberId: member.id });
  const yearModels = modelsOf(store, year);
  const stage = (m: ModelExample) => vi.models.stages[yearModels.stageOf(m) ?? m.stage];
  const department = agency.departments.find((d) => d.id === member.departmentId);
  const head = headOf(store, member.departmentId);
  // The unit head certifies (named as the agency names them); the head's own report, or that of a
  // member of no listed unit, is certified by the agency's leadership.
  const certifier =
    department && head?.id !== member.id
      ? {
          titles: [...a.certify, vi.heads.title(department).toLocaleUpperCase('vi'), a.sealed],
          ...(head ? { name: head.fullName } : {}),
        }
      : {
          titles: [...a.certify, ...agency.report.signatureTitle, a.sealed],
          ...(agency.report.signer ? { name: agency.report.signer } : {}),
        };
  const body: (Block | Many)[] = [
    header(agency, now, reportHeaderOf(ctx.titles, registered?.title)),
    ...titleBlock(a.proposal(registered?.name, year.year)),
    ...(registered ? [] : [toWrite(a.titleToWrite)]),
    bold(a.sections.details),
    detail(a.fields.name, member.fullName),
    detail(a.fields.birth),
    detail(a.fields.gender),
    detail(a.fields.hometown),
    detail(a.fields.residence),
    detail(a.fields.unit, `${departmentName(agency, member.departmentId, vi)}, ${agency.agency.name}`),
    detail(a.fields.position),
    detail(a.fields.profession),
    detail(a.fields.politics),
    detail(a.fields.degrees),
    bold(a.sections.achievements),
    bold(a.sections.duties),
    toWrite(a.dutiesToWrite),
    bold(a.sections.results),
    toWrite(a.resultsToWrite),
    line(a.memberIntro(year.year, member.fullName, agency.agency.name, record.approved.length)),
    ...achievements(ctx, record.approved, modelsAbout(store, yearModels.list, member.id), stage, false),
    ...awardTables(ctx, { kind: 'member', memberId: member.id }, year.year),
    ...sideBySide(certifier, { titles: [a.reporter, a.signed], name: member.fullName }),
    ...annex(ctx, year.year, record.approved, a.annex.ofMember(member.fullName), false),
  ];
  return pack(`${a.heading} ${member.fullName} ${year.year}`, body);
}

/**
 * The members of a department (at the year's end) who achieved a member title of the year, by the
 * decisions on record — what TTLĐTT and TTLĐXS turn on; a registration is not an achievement.
 */
function achieved(ctx: AchievementSource, people: readonly Member[], year: number): Paragraph[] {
  const { store } = ctx;
  const byTitle = new Map<string, { name: string; members: Set<string>; decisions: Set<string> }>();
  const anyone = new Set<string>();
  for (const person of people) {
    for (const award of awardsOf(store, { kind: 'member', memberId: person.id })) {
      if (award.year !== year || award.kind !== 'title') continue;
      const title: Title | undefined =
        ctx.titles && award.titleId ? titleById(ctx.titles, award.titleId) : undefined;
      const key = award.titleId ?? award.name;
      const group = byTitle.get(key) ?? {
        name: title?.name ?? award.name,
        members: new Set(),
        decisions: new Set(),
      };
      group.members.add(person.fullName);
      group.decisions.add(
        a.decision(award.decision.number, showDay(award.decision.date), award.decision.body),
      );
      byTitle.set(key, group);
      anyone.add(person.id);
    }
  }
  if (anyone.size === 0) return [line(a.noneAchieved(year)), toWrite(a.achievedToWrite)];
  const order = ctx.titles?.titles.map((t) => t.id) ?? [];
  const groups = [...byTitle.entries()].sort(
    ([x], [y]) => (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99),
  );
  return [
    line(a.achievedIntro(year)),
    line(a.achievedShare(anyone.size, people.length, Math.round((anyone.size / (people.length || 1)) * 100))),
    ...groups.map(([, g]) => line(a.achievedTitle(g.name, g.members.size, [...g.members], [...g.decisions]))),
  ];
}

/** The draft of a department's achievement report (báo cáo thành tích tập thể) for `year`. */
export async function buildDepartmentReport(
  ctx: AchievementSource,
  year: Period,
  department: Department,
  now: Date,
): Promise<Buffer> {
  const { store, agency } = ctx;
  const s = summarise(ctx, year, department);
  // Read here rather than as the figures' `all`, which they would keep for as long as the draft is built.
  const approved = store
    .entriesBetween(year.start, year.end, { departmentId: department.id })
    .filter((e) => e.status === 'active' && e.review === 'approved');
  const registered = registeredTitle(ctx, year.year, { kind: 'department', departmentId: department.id });
  const head = headOf(store, department.id);
  const headTitle = vi.heads.title(department);
  const people = membersAt(store.members, year.end)
    .filter((m) => m.departmentId === department.id)
    .map((m) => m.member);
  const stage = (m: ModelExample) => vi.models.stages[s.models.stageOf(m) ?? m.stage];
  const fullName = `${department.name}, ${agency.agency.name}`;
  const body: (Block | Many)[] = [
    header(agency, now, reportHeaderOf(ctx.titles, registered?.title)),
    ...titleBlock(a.proposal(registered?.name, year.year), fullName),
    ...(registered ? [] : [toWrite(a.titleToWrite)]),
    bold(a.sections.situation),
    bold(a.sections.situationFacts),
    detail(a.fields.department, department.name),
    detail(a.fields.parent, agency.agency.name),
    detail(a.fields.headcount, a.headcount(s.members)),
    detail(headTitle, head?.fullName),
    toWrite(a.situationToWrite),
    bold(a.sections.functions),
    toWrite(a.functionsToWrite),
    bold(a.sections.achievements),
    bold(a.sections.departmentResults),
    toWrite(a.departmentResultsToWrite),
    line(a.departmentIntro(year.year, department.name, approved.length, s.participants, s.members)),
    ...achievements(ctx, approved, s.models.list, stage, true),
    ...achieved(ctx, people, year.year),
    bold(a.sections.measures),
    ...(s.models.list.length ? [line(a.modelsFact(s.models.list.length))] : []),
    ...(s.it ? [line(a.itFact(s.it))] : []),
    toWrite(a.measuresToWrite),
    bold(a.sections.party),
    toWrite(a.partyToWrite),
    ...awardTables(ctx, { kind: 'department', departmentId: department.id }, year.year),
    ...sideBySide(
      {
        titles: [...a.certifySuperior, ...agency.report.signatureTitle, a.sealed],
        ...(agency.report.signer ? { name: agency.report.signer } : {}),
      },
      {
        titles: [a.unitHead, headTitle.toLocaleUpperCase('vi'), a.sealed],
        ...(head ? { name: head.fullName } : {}),
      },
    ),
    ...annex(ctx, year.year, approved, a.annex.ofDepartment(department.name), true),
  ];
  return pack(`${a.heading} ${department.name} ${year.year}`, body);
}

/**
 * Every report of the year in one zip: one Word file per member (those of the review sheet: members
 * at the year's end) under `ca-nhan/`, one per department under `tap-the/`. One attachment instead of
 * up to a hundred messages (Telegram and Zalo both limit how fast a bot may send).
 */
export async function buildAllReports(
  ctx: AchievementSource,
  year: Period,
  now: Date,
): Promise<{ data: Buffer; members: number; departments: number }> {
  // Each draft goes into the zip as it is made (deflated then and there): none is kept once added.
  const zip = new ZipWriter();
  const used = new Set<string>();
  const unique = (base: string, id: string) => {
    const name = used.has(base) ? `${base}-${id}` : base;
    used.add(name);
    return name;
  };
  const people = membersAt(ctx.store.members, year.end).map((m) => m.member);
  // Each document is built synchronously (tenths of a second for a year of entries, more for a large
  // department); between two, the event loop serves the other chats' messages.
  const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (const member of people) {
    const name = unique(`ca-nhan/${fileName(member.fullName)}`, member.id);
    await zip.add(`${name}.docx`, [await buildMemberReport(ctx, year, member, now)]);
    await breathe();
  }
  for (const department of ctx.agency.departments) {
    await zip.add(`tap-the/${fileName(department.id)}.docx`, [
      await buildDepartmentReport(ctx, year, department, now),
    ]);
    await breathe();
  }
  const data = zip.finish();
  return { data, members: people.length, departments: ctx.agency.departments.length };
}
