import { type AgencyConfig, type Department, departmentName } from '../core/agency.js';
import { printableFrom } from '../core/document-text.js';
import { byMember, countsByKind, summarise } from '../core/figures.js';
import { lastDay, type Period } from '../core/periods.js';
import type { RepositoryReads } from '../core/repository.js';
import { counts, departmentAt, entryState } from '../core/scoring.js';
import { vi } from '../locales/vi.js';
import {
  DATE_TIME,
  excelDate,
  excelDay,
  framesFor,
  MODEL_COLUMNS,
  modelRows,
  reviewerOf,
  sheet,
} from './excel.js';
import { doc } from './vi.js';
import { finish, newBook } from './xlsx.js';

/** The period's Excel workbook: summary, departments, members, every entry, model examples. */
export async function buildWorkbook(
  ctx: { store: RepositoryReads; agency: AgencyConfig },
  period: Period,
  department?: Department,
  now?: Date,
): Promise<Buffer> {
  const { store, agency } = ctx;
  const s = summarise(ctx, period, department);
  const mode = agency.review.mode;
  const book = newBook();
  book.creator = doc.creator;
  book.created = new Date();
  const d = doc.summary;
  const t = doc.sheetTitles;
  const frame = framesFor(agency, period, department, now);
  const told = printableFrom(store);

  const summaryRows: [string, string | number | Date][] = [
    [d.agency, agency.agency.name],
    [d.period, vi.periodName(period)],
    [d.from, excelDay(period.start)],
    [d.to, excelDay(lastDay(period))],
    ...(department ? ([[d.department, department.name]] as [string, string][]) : []),
    [d.mode, vi.summary.modes[mode]],
    ...s.byKind.flatMap(
      (k) =>
        [
          [d.kindCount(vi.kind[k.kind]), k.count],
          [d.kindPoints(vi.kind[k.kind]), k.points],
        ] as [string, number][],
    ),
    [d.totalCount, s.total.count],
    [d.totalPoints, s.total.points],
    [d.adhoc, s.adhoc],
    [d.it, s.it],
    [d.participants, s.participants],
    [d.members, s.members],
    [d.approved, s.review.approved],
    [d.rejected, s.review.rejected],
    [d.pending, s.review.pending],
    [d.withdrawn, s.withdrawn.length],
    [d.models, s.models.list.length],
  ];
  sheet(
    book,
    doc.sheets.summary,
    [
      { header: d.label, key: 'label', width: 40 },
      { header: d.value, key: 'value', width: 40 },
    ],
    summaryRows.map(([label, value]) => ({ label, value })),
    frame(t.summary),
  );

  const c = doc.columns;
  const totalOf = (key: 'members' | 'participants' | 'points') =>
    s.departments.reduce((sum, dep) => sum + dep[key], 0);
  sheet(
    book,
    doc.sheets.departments,
    [
      // Portrait, full size: 92 units of A4's 96 (reports/paper.ts).
      { header: c.rank, key: 'rank', width: 7 },
      { header: c.department, key: 'name', width: 30 },
      { header: c.members, key: 'members', width: 8, total: 'sum' },
      { header: c.participants, key: 'participants', width: 10, total: 'sum' },
      { header: c.rate, key: 'rate', width: 9, numFmt: '0%' },
      { header: c.entries, key: 'entries', width: 8, total: 'sum' },
      { header: c.points, key: 'points', width: 8, total: 'sum' },
      { header: c.perMember, key: 'perMember', width: 12, numFmt: '0.00' },
    ],
    s.departments.map((dep) => ({
      rank: dep.rank,
      name: dep.department.name,
      members: dep.members,
      participants: dep.participants,
      rate: dep.members ? dep.participants / dep.members : 0,
      entries: dep.entries,
      points: dep.points,
      perMember: dep.perMember,
    })),
    {
      ...frame(t.departments),
      totals: {
        label: doc.total,
        values: {
          rank: null,
          rate: totalOf('members') ? totalOf('participants') / totalOf('members') : 0,
          perMember: totalOf('members') ? totalOf('points') / totalOf('members') : 0,
        },
      },
    },
  );

  const own = byMember(s.all.filter((e) => counts(e, mode)));
  sheet(
    book,
    doc.sheets.members,
    [
      // Portrait, full size: 96 units.
      { header: c.rank, key: 'rank', width: 7 },
      { header: c.name, key: 'name', width: 23 },
      { header: c.department, key: 'dept', width: 24 },
      { header: c.deed, key: 'deed', width: 8, total: 'sum' },
      { header: c.task, key: 'task', width: 10, total: 'sum' },
      { header: c.initiative, key: 'initiative', width: 9, total: 'sum' },
      { header: c.entries, key: 'entries', width: 8, total: 'sum' },
      { header: c.points, key: 'points', width: 7, total: 'sum' },
    ],
    s.scores.map((m) => {
      const kinds = countsByKind(own.get(m.member.id) ?? []);
      return {
        rank: m.rank || null,
        name: m.member.fullName,
        dept: departmentName(agency, departmentAt(m.member, period.end) ?? m.member.departmentId, vi),
        deed: kinds.deed,
        task: kinds.task,
        initiative: kinds.initiative,
        entries: m.entries,
        points: m.points,
      };
    }),
    { ...frame(t.members), totals: { label: doc.total, values: { rank: null } } },
  );

  sheet(
    book,
    doc.sheets.entries,
    [
      // Landscape, one page wide at 10 pt or more: the flags go with the kind, the reporter (when not
      // the member) and the photos into the notes, so 12 columns instead of 15.
      { header: c.code, key: 'code', width: 7 },
      { header: c.at, key: 'at', width: 16, numFmt: DATE_TIME },
      { header: c.kind, key: 'kind', width: 12 },
      { header: c.text, key: 'text', width: 32 },
      { header: c.credited, key: 'member', width: 15 },
      { header: c.department, key: 'dept', width: 14 },
      { header: c.points, key: 'points', width: 6 },
      { header: c.state, key: 'status', width: 10 },
      { header: c.counted, key: 'counted', width: 7 },
      { header: c.reviewer, key: 'reviewer', width: 14 },
      { header: c.reason, key: 'reason', width: 15 },
      { header: c.notes, key: 'notes', width: 14 },
    ],
    s.all.map((e) => ({
      code: e.code,
      at: excelDate(e.at),
      kind: doc.entryKind(vi.kind[e.kind], e.adhoc, e.it),
      text: told(e.text),
      member: store.member(e.memberId)?.fullName ?? e.memberId,
      dept: departmentName(agency, e.departmentId, vi),
      points: e.points,
      status: vi.states[entryState(e)],
      counted: vi.yesNo(counts(e, mode)),
      ...reviewerOf(store, e),
      notes: doc.entryNotes(
        e.reporterId === e.memberId ? undefined : (store.member(e.reporterId)?.fullName ?? e.reporterId),
        e.photo?.length ?? 0,
      ),
    })),
    {
      ...frame(t.entries),
      totals: {
        label: doc.total,
        values: {
          text: doc.entriesTotal(s.all.length),
          points: s.all.filter((e) => counts(e, mode)).reduce((sum, e) => sum + e.points, 0),
        },
      },
    },
  );

  sheet(
    book,
    doc.sheets.models,
    MODEL_COLUMNS,
    modelRows(store, agency, s.models.list, s.models.stageOf),
    frame(t.models),
  );
  return finish(book);
}
