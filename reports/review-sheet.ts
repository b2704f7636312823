import { type AgencyConfig, departmentName } from '../core/agency.js';
import type { ModelExample } from '../core/domain.js';
import { byMember, modelSubject, modelsOf, recordOf } from '../core/figures.js';
import type { Period } from '../core/periods.js';
import type { RepositoryReads } from '../core/repository.js';
import { counts, departmentAt, membersAt, rankDepartments, rankMembers } from '../core/scoring.js';
import type { Criterion, TitlesConfig } from '../core/titles.js';
import { vi } from '../locales/vi.js';
import { type Assessment, yearCriteria } from './criteria.js';
import { blockRow, type Column, framesFor, MODEL_COLUMNS, modelRows, type SheetRow, sheet } from './excel.js';
import { doc } from './vi.js';
import { finish, newBook } from './xlsx.js';

/**
 * The year-end review sheet: every member's and department's record, the Council's starting table.
 * With the year's titles configured, also the title each registered and, criterion by criterion, the
 * fact the store shows with the entries behind it, and the points the Council must confirm.
 */
export async function buildReviewSheet(
  ctx: { store: RepositoryReads; agency: AgencyConfig; titles?: TitlesConfig | undefined },
  year: Period,
  now?: Date,
): Promise<Buffer> {
  const { store, agency } = ctx;
  const mode = agency.review.mode;
  const entries = store.entriesBetween(year.start, year.end);
  const yearModels = modelsOf(store, year);
  const models = yearModels.list;
  const book = newBook();
  book.creator = doc.creator;
  const modelsFor = (match: (m: ModelExample) => boolean) =>
    models
      .filter(match)
      .map((m) => doc.modelLine(m.no, vi.models.stages[yearModels.stageOf(m) ?? m.stage]))
      .join('; ');
  const own = byMember(entries);
  const c = doc.columns;
  const titles = ctx.titles?.year === year.year ? ctx.titles : undefined;
  const criteria = titles && yearCriteria({ store, agency, titles }, year);
  const registered = (a: Assessment | undefined) =>
    a?.registered?.name ?? (a ? doc.criteria.notRegistered : '');
  const openPoints = (a: Assessment | undefined) =>
    (a?.facts ?? [])
      .filter((f) => f.open)
      .map((f) => f.criterion.short)
      .join('; ');
  const titleColumns: Column[] = titles
    ? [
        { header: c.registeredTitle, key: 'registered', width: 13 },
        { header: c.openPoints, key: 'open', width: 20 },
      ]
    : [];
  const t = doc.sheetTitles;
  const frame = framesFor(agency, year, undefined, now);
  const totals = { label: doc.total, values: { rank: null } };

  const scores = rankMembers(
    entries,
    membersAt(store.members, year.end).map((m) => m.member),
    mode,
  );
  // Each member's department at the year's end, and facts: read once for the table and the criteria sheet.
  const people = scores.map((score) => ({
    score,
    name: score.member.fullName,
    dept: departmentName(agency, departmentAt(score.member, year.end) ?? score.member.departmentId, vi),
    assessment: criteria?.member(score.member),
  }));
  sheet(
    book,
    doc.sheets.reviewMembers,
    [
      // Landscape; with the titles' columns 163 units, printed at 86% (9.5 pt).
      { header: c.rank, key: 'rank', width: 6 },
      { header: c.name, key: 'name', width: 18 },
      { header: c.department, key: 'dept', width: 15 },
      { header: c.deed, key: 'deed', width: 6, total: 'sum' },
      { header: c.task, key: 'task', width: 8, total: 'sum' },
      { header: c.adhoc, key: 'adhoc', width: 7, total: 'sum' },
      { header: c.initiative, key: 'initiative', width: 7, total: 'sum' },
      { header: c.it, key: 'it', width: 6, total: 'sum' },
      { header: c.countedEntries, key: 'entries', width: 7, total: 'sum' },
      { header: c.points, key: 'points', width: 6, total: 'sum' },
      { header: c.approved, key: 'approved', width: 7, total: 'sum' },
      { header: c.rejected, key: 'rejected', width: 7, total: 'sum' },
      { header: c.pending, key: 'pending', width: 7, total: 'sum' },
      { header: c.memberModels, key: 'models', width: 11 },
      ...titleColumns,
      { header: c.council, key: 'council', width: 12 },
    ],
    people.map(({ score, name, dept, assessment }) => {
      const record = recordOf(own.get(score.member.id) ?? [], mode);
      return {
        rank: score.rank || null,
        name,
        dept,
        ...record.byKind,
        entries: score.entries,
        points: score.points,
        approved: record.approved.length,
        rejected: record.rejected.length,
        pending: record.pending.length,
        models: modelsFor(
          (m) => m.subject.kind !== 'department' && modelSubject(store, m).memberId === score.member.id,
        ),
        registered: registered(assessment),
        open: openPoints(assessment),
        council: '',
      };
    }),
    { ...frame(t.reviewMembers), totals },
  );

  const departments = rankDepartments(entries, store.members, agency.departments, mode, year.end);
  const sum = (key: 'members' | 'points') => departments.reduce((n, d) => n + d[key], 0);
  sheet(
    book,
    doc.sheets.reviewDepartments,
    [
      // Landscape, full size with the titles' columns: 139 units.
      { header: c.rank, key: 'rank', width: 6 },
      { header: c.department, key: 'name', width: 22 },
      { header: c.members, key: 'members', width: 7, total: 'sum' },
      { header: c.participants, key: 'participants', width: 9, total: 'sum' },
      { header: c.countedEntries, key: 'entries', width: 8, total: 'sum' },
      { header: c.points, key: 'points', width: 7, total: 'sum' },
      { header: c.perMember, key: 'perMember', width: 10, numFmt: '0.00' },
      { header: c.itModels, key: 'it', width: 8, total: 'sum' },
      { header: c.departmentModels, key: 'models', width: 14 },
      ...titleColumns,
      { header: c.council, key: 'council', width: 13 },
    ],
    departments.map((d) => {
      const assessment = criteria?.department(d.department);
      return {
        rank: d.rank || null,
        name: d.department.name,
        members: d.members,
        participants: d.participants,
        entries: d.entries,
        points: d.points,
        perMember: d.perMember,
        it: entries.filter((e) => counts(e, mode) && e.it && e.departmentId === d.department.id).length,
        models: modelsFor(
          (m) => m.subject.kind === 'department' && m.subject.departmentId === d.department.id,
        ),
        registered: registered(assessment),
        open: openPoints(assessment),
        council: '',
      };
    }),
    {
      ...frame(t.reviewDepartments),
      totals: {
        label: doc.total,
        values: { rank: null, perMember: sum('members') ? sum('points') / sum('members') : 0 },
      },
    },
  );
  sheet(
    book,
    doc.sheets.models,
    MODEL_COLUMNS,
    modelRows(store, agency, models, yearModels.stageOf),
    frame(t.models),
  );
  if (titles && criteria) {
    sheet(book, doc.sheets.standards, STANDARDS_COLUMNS, standardsRows(titles), frame(t.standards));
    sheet(
      book,
      doc.sheets.criteriaMembers,
      CRITERIA_COLUMNS,
      people.flatMap((p, i) =>
        p.assessment ? criteriaBlock(p.assessment, doc.criteria.blockTitle(i + 1, p.name, p.dept)) : [],
      ),
      frame(t.criteriaMembers),
    );
    sheet(
      book,
      doc.sheets.criteriaDepartments,
      CRITERIA_COLUMNS,
      agency.departments.flatMap((d, i) =>
        criteriaBlock(criteria.department(d), doc.criteria.blockTitle(i + 1, d.name)),
      ),
      frame(t.criteriaDepartments),
    );
    sheet(book, doc.sheets.basis, BASIS_COLUMNS, basisRows(titles), frame(t.basis));
  }
  return finish(book);
}

const c = doc.columns;
/**
 * The criteria sheets: one block per member or department — its name, department and titles across
 * the table, then a row per criterion with the fact the store shows. What a criterion says, and its
 * kind of rule, are the same for everyone: printed once, on the standards sheet before. Landscape at
 * full size: 139 units.
 */
const CRITERIA_COLUMNS: readonly Column[] = [
  { header: c.titleOf, key: 'titleOf', width: 8 },
  { header: c.criterion, key: 'criterion', width: 22 },
  { header: c.source, key: 'source', width: 20 },
  { header: c.basisCheck, key: 'check', width: 13 },
  { header: c.how, key: 'how', width: 12 },
  { header: c.fact, key: 'fact', width: 42 },
  { header: c.codes, key: 'codes', width: 14 },
  { header: c.open, key: 'open', width: 8 },
];

/** A member's or a department's block: its heading, then one row per criterion laid beside its title. */
function criteriaBlock(a: Assessment, title: string): SheetRow[] {
  const k = doc.criteria;
  const registered = a.registered?.name ?? k.notRegistered;
  return [
    blockRow(title, k.blockLine(registered, k.assessed(a.title.name, a.registered !== undefined))),
    ...a.facts.map((f) => ({
      titleOf: f.title.short,
      criterion: f.criterion.short,
      source: f.criterion.source,
      check: k.checks[f.criterion.check],
      how: f.measured ? (f.criterion.partial ? k.how.partial : k.how.measured) : k.how.council,
      fact: f.fact,
      codes: codesCell(f.codes),
      open: f.open ? k.open : '',
    })),
  ];
}

/** Each title's criteria as the titles file states them, then those every title shares. Landscape, 137 units. */
const STANDARDS_COLUMNS: readonly Column[] = [
  { header: c.title, key: 'title', width: 15 },
  { header: c.criterion, key: 'criterion', width: 22 },
  { header: c.criterionText, key: 'text', width: 46 },
  { header: c.source, key: 'source', width: 24 },
  { header: c.ruleKind, key: 'rule', width: 14 },
  { header: c.basisCheck, key: 'check', width: 16 },
];

function standardsRows(titles: TitlesConfig): Record<string, unknown>[] {
  const k = doc.criteria;
  const row = (title: string, criterion: Criterion) => ({
    title,
    criterion: criterion.short,
    text: criterion.text,
    source: criterion.source,
    rule: k.rules[criterion.rule],
    check: k.checks[criterion.check],
  });
  return [
    ...titles.titles.flatMap((t) => t.criteria.map((criterion) => row(t.name, criterion))),
    ...titles.general.map((criterion) => row(k.everyTitle, criterion)),
  ];
}

/** At most CODES_SHOWN codes in a cell: a year of a member's entries would be hundreds. */
const CODES_SHOWN = 20;
const codesCell = (codes: readonly string[]) =>
  codes.length > CODES_SHOWN
    ? `${codes.slice(0, CODES_SHOWN).join(', ')}${doc.criteria.moreCodes(codes.length - CODES_SHOWN)}`
    : codes.join(', ');

const BASIS_COLUMNS: readonly Column[] = [
  // Landscape, full size: 140 units.
  { header: c.item, key: 'kind', width: 10 },
  { header: c.content, key: 'content', width: 44 },
  { header: c.value, key: 'value', width: 16 },
  { header: c.source, key: 'source', width: 36 },
  { header: c.ruleKind, key: 'rule', width: 16 },
  { header: c.basisCheck, key: 'check', width: 18 },
];

/** The legal texts the criteria cite, with their status, and the settings with their values. */
function basisRows(titles: TitlesConfig): Record<string, unknown>[] {
  const k = doc.criteria;
  return [
    ...titles.legalBasis.map((b) => ({
      kind: k.basisKind,
      content: [b.title, b.number].filter(Boolean).join(' — '),
      value: k.basisStatus[b.status],
      source: b.note,
      rule: '',
      check: b.status === 'toVerify' ? k.checks.toVerify : k.checks.confirmed,
    })),
    ...Object.values(titles.settings).map((setting) => ({
      kind: k.settingKind,
      content: setting.label,
      value:
        setting.value === null
          ? k.noValue
          : setting.floor !== undefined
            ? `${setting.value} (${k.floor(setting.floor)})`
            : setting.value,
      source: setting.source,
      rule: k.rules[setting.rule],
      check: k.checks[setting.check],
    })),
  ];
}
