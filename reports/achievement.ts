import { Document, type Paragraph } from 'docx';
import JSZip from 'jszip';
import type { AgencyConfig, Department } from '../core/agency.js';
import type { Entry, EntryKind, Member, ModelExample, TitleSubject } from '../core/domain.js';
import { formatDay, type Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import { membersAt } from '../core/scoring.js';
import { type TitlesConfig, titleById } from '../core/titles.js';
import { vi } from '../locales/vi.js';
import { printableFrom } from './document-text.js';
import { departmentName, fileName } from './excel.js';
import { byMember, modelsAbout, modelsOf, recordOf, summarise } from './figures.js';
import { doc } from './vi.js';
import { para, partyHeader, partySection, run, signatureRoom, toWrite, twoColumns } from './word.js';
import { packWord, xmlSafe } from './xml-text.js';

/*
 * The achievement report drafts (báo cáo thành tích) a candidate for an emulation title hands in with
 * the dossier (Luật Thi đua, khen thưởng 2022, điểm b khoản 1 Điều 84), in the layout agencies use:
 * personal details (blanks for what the bot does not hold), duties, results with the Council-approved
 * entries grouped by kind, initiatives and IT models with their codes and dates, model examples, the
 * title registered, signature blocks. Figures are read as the review sheet reads them (figures.ts's
 * `recordOf` and `summarise`). Vietnamese only: documents of a Vietnamese Party body.
 */

export interface AchievementSource {
  store: Repository;
  agency: AgencyConfig;
  titles?: TitlesConfig | undefined;
}

const a = doc.achievement;
const KINDS: readonly EntryKind[] = ['task', 'initiative', 'deed'];
const bold = (text: string) => para([run(text, { bold: true })], 'left', false);
const line = (text: string) => para([run(text)]);
/** `- label: value`, the value a blank to fill in when the bot does not hold it. */
const detail = (label: string, value?: string) =>
  para(
    [run(`- ${label}: `), value ? run(value) : run(a.blank, { italics: true, bold: true })],
    'left',
    false,
  );

/** The title registered for the year, as the report's subtitle and its section names it. */
function registeredTitle(ctx: AchievementSource, year: number, subject: TitleSubject) {
  const registration = ctx.store.registration(year, subject);
  if (!registration) return undefined;
  const name = (ctx.titles && titleById(ctx.titles, registration.titleId)?.name) ?? registration.titleId;
  return { name, day: formatDay(new Date(registration.history.at(-1)?.at ?? 0)) };
}

function titleBlock(subtitle: string, who?: string): Paragraph[] {
  return [
    para([run(a.heading, { bold: true, size: 32 })], 'center', false),
    para([run(subtitle, { bold: true })], 'center', false),
    ...(who ? [para([run(who, { bold: true })], 'center', false)] : []),
    para([run('-----', { size: 28 })], 'center', false),
  ];
}

/** The approved entries of one kind, each with its code, date, member (for a department) and text. */
function entryLines(store: Repository, entries: readonly Entry[], kind: EntryKind, withMember: boolean) {
  const own = entries.filter((e) => e.kind === kind);
  if (own.length === 0) return [line(a.noEntries)];
  return own.map((e) =>
    line(
      a.entryLine(
        e.code,
        formatDay(new Date(e.at)),
        withMember ? store.member(e.memberId)?.fullName : undefined,
        [...(e.adhoc ? [a.adhocTag] : []), ...(e.it ? [a.itTag] : [])],
        printableFrom(store)(e.text),
      ),
    ),
  );
}

function modelLines(models: readonly ModelExample[], stageOf: (m: ModelExample) => string) {
  if (models.length === 0) return [line(a.noModels)];
  return models.map((m) =>
    line(a.modelLine(m.no, m.reason, stageOf(m), formatDay(new Date(m.stages[0]?.at ?? 0)))),
  );
}

function signature(
  left: readonly string[],
  right: readonly string[],
  signer?: string,
): ReturnType<typeof twoColumns> {
  // Titles in bold, the "(Ký, ghi rõ họ và tên)" line in italics.
  const centered = (lines: readonly string[]) =>
    lines.map((l) => para([run(l, l.startsWith('(') ? { italics: true } : { bold: true })], 'center', false));
  return twoColumns(
    centered(left),
    [...centered(right), signatureRoom(), para([run(signer ?? '', { bold: true })], 'center', false)],
    50,
  );
}

async function pack(title: string, children: (Paragraph | ReturnType<typeof twoColumns>)[]): Promise<Buffer> {
  const document = new Document({
    creator: doc.creator,
    title: xmlSafe(title),
    sections: [partySection(children)],
  });
  return packWord(document);
}

/** The draft of one member's achievement report for `year`. */
export async function buildMemberReport(
  ctx: AchievementSource,
  year: Period,
  member: Member,
  now: Date,
): Promise<Buffer> {
  const { store, agency } = ctx;
  const mode = agency.review.mode;
  const record = recordOf(byMember(store.entriesBetween(year.start, year.end)).get(member.id) ?? [], mode);
  const title = registeredTitle(ctx, year.year, { kind: 'member', memberId: member.id });
  const yearModels = modelsOf(store, year);
  const stage = (m: ModelExample) => vi.models.stages[yearModels.stageOf(m) ?? m.stage];
  const k = record.byKind;
  const body: (Paragraph | ReturnType<typeof twoColumns>)[] = [
    partyHeader(agency, now),
    ...titleBlock(a.subtitle(title?.name, year.year)),
    ...(title ? [] : [toWrite(a.titleToWrite)]),
    bold(a.sections.details),
    detail(a.fields.name, member.fullName),
    detail(a.fields.birth),
    detail(a.fields.gender),
    detail(a.fields.hometown),
    detail(a.fields.residence),
    detail(a.fields.unit, `${departmentName(agency, member.departmentId)}, ${agency.agency.name}`),
    detail(a.fields.position),
    detail(a.fields.profession),
    detail(a.fields.politics),
    bold(a.sections.achievements),
    bold(a.numbered(1, a.sections.duties)),
    toWrite(a.dutiesToWrite),
    bold(a.numbered(2, a.sections.results)),
    line(
      a.memberSummary(
        year.year,
        record.counted.length,
        record.points,
        k.deed,
        k.task,
        k.adhoc,
        k.initiative,
        k.it,
      ),
    ),
    line(a.councilSummary(record.approved.length, record.pending.length)),
    toWrite(a.resultsToWrite),
    ...KINDS.flatMap((kind) => [
      bold(a.kindHeadings[kind]),
      ...entryLines(store, record.approved, kind, false),
    ]),
    bold(a.numbered(3, a.sections.models)),
    ...modelLines(modelsAbout(store, yearModels.list, member.id), stage),
    bold(a.numbered(4, a.sections.registration)),
    line(title ? a.registered(title.name, year.year, title.day) : a.notRegistered(year.year)),
    bold(a.sections.awards),
    toWrite(a.awardsToWrite),
    signature(a.memberSignatureLeft, a.memberSignatureRight, member.fullName),
  ];
  return pack(`${a.heading} ${member.fullName} ${year.year}`, body);
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
  const approved = s.all.filter((e) => e.status === 'active' && e.review === 'approved');
  const title = registeredTitle(ctx, year.year, { kind: 'department', departmentId: department.id });
  const headId = store.departmentHead(department.id)?.memberId;
  const head = headId ? store.member(headId) : undefined;
  const count = (kind: EntryKind) => s.byKind.find((x) => x.kind === kind)?.count ?? 0;
  const people = membersAt(store.members, year.end).filter((m) => m.departmentId === department.id);
  const registrations = people.map((p) =>
    registeredTitle(ctx, year.year, { kind: 'member', memberId: p.member.id }),
  );
  const byTitle = new Map<string, number>();
  for (const r of registrations) if (r) byTitle.set(r.name, (byTitle.get(r.name) ?? 0) + 1);
  const missing = people.filter((_, i) => !registrations[i]).map((p) => p.member.fullName);
  const stage = (m: ModelExample) => vi.models.stages[s.models.stageOf(m) ?? m.stage];
  const body: (Paragraph | ReturnType<typeof twoColumns>)[] = [
    partyHeader(agency, now),
    ...titleBlock(a.subtitle(title?.name, year.year), a.ofDepartment(department.name)),
    ...(title ? [] : [toWrite(a.titleToWrite)]),
    bold(a.sections.situation),
    detail(a.fields.department, `${department.name}, ${agency.agency.name}`),
    detail(a.fields.headcount, a.headcount(s.members)),
    detail(a.fields.head, head?.fullName),
    toWrite(a.situationToWrite),
    bold(a.sections.achievements),
    bold(a.numbered(1, a.sections.results)),
    line(
      a.departmentSummary(
        year.year,
        s.total.count,
        s.total.points,
        count('deed'),
        count('task'),
        s.adhoc,
        count('initiative'),
        s.it,
        s.participants,
        s.members,
      ),
    ),
    line(a.councilSummary(approved.length, s.review.pending)),
    toWrite(a.departmentResultsToWrite),
    ...KINDS.flatMap((kind) => [bold(a.kindHeadings[kind]), ...entryLines(store, approved, kind, true)]),
    bold(a.numbered(2, a.sections.models)),
    ...modelLines(s.models.list, stage),
    bold(a.numbered(3, a.sections.registration)),
    line(title ? a.registered(title.name, year.year, title.day) : a.notRegistered(year.year)),
    line(
      a.membersRegistered(
        people.length - missing.length,
        people.length,
        [...byTitle].map(([name, n]) => `${name}: ${n}`),
        missing,
      ),
    ),
    bold(a.sections.awards),
    toWrite(a.awardsToWrite),
    signature(a.departmentSignatureLeft, a.departmentSignatureRight, head?.fullName),
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
  const zip = new JSZip();
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
    zip.file(`${name}.docx`, await buildMemberReport(ctx, year, member, now));
    await breathe();
  }
  for (const department of ctx.agency.departments) {
    const data = await buildDepartmentReport(ctx, year, department, now);
    zip.file(`tap-the/${fileName(department.id)}.docx`, data);
    await breathe();
  }
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { data, members: people.length, departments: ctx.agency.departments.length };
}
