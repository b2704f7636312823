import type { AgencyConfig, Department } from '../core/agency.js';
import { lastDay, type Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import { counts, departmentAt, entryState } from '../core/scoring.js';
import { vi } from '../locales/vi.js';
import { printableFrom } from './document-text.js';
import {
  DATE_TIME,
  departmentName,
  excelDate,
  excelDay,
  framesFor,
  MODEL_COLUMNS,
  modelRows,
  reviewerOf,
  sheet,
} from './excel.js';
import { byMember, countsByKind, summarise } from './figures.js';
import { doc } from './vi.js';
import { finish, newBook } from './xlsx.js';

/** The period's Excel workbook: summary, departments, members, every entry, model examples. */
export async function buildWorkbook(
  ctx: { store: Repository; agency: AgencyConfig },
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
      { header: c.rank, key: 'rank', width: 7 },
      { header: c.department, key: 'name', width: 34 },
      { header: c.members, key: 'members', width: 10, total: 'sum' },
      { header: c.participants, key: 'participants', width: 14, total: 'sum' },
      { header: c.rate, key: 'rate', width: 14, numFmt: '0%' },
      { header: c.entries, key: 'entries', width: 10, total: 'sum' },
      { header: c.points, key: 'points', width: 10, total: 'sum' },
      { header: c.perMember, key: 'perMember', width: 20, numFmt: '0.00' },
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
      { header: c.rank, key: 'rank', width: 7 },
      { header: c.name, key: 'name', width: 28 },
      { header: c.department, key: 'dept', width: 30 },
      { header: c.deed, key: 'deed', width: 10, total: 'sum' },
      { header: c.task, key: 'task', width: 12, total: 'sum' },
      { header: c.initiative, key: 'initiative', width: 11, total: 'sum' },
      { header: c.entries, key: 'entries', width: 10, total: 'sum' },
      { header: c.points, key: 'points', width: 10, total: 'sum' },
    ],
    s.scores.map((m) => {
      const kinds = countsByKind(own.get(m.member.id) ?? []);
      return {
        rank: m.rank || null,
        name: m.member.fullName,
        dept: departmentName(agency, departmentAt(m.member, period.end) ?? m.member.departmentId),
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
      { header: c.code, key: 'code', width: 9 },
      { header: c.at, key: 'at', width: 17, numFmt: DATE_TIME },
      { header: c.kind, key: 'kind', width: 20 },
      { header: c.text, key: 'text', width: 60 },
      { header: c.credited, key: 'member', width: 26 },
      { header: c.department, key: 'dept', width: 30 },
      { header: c.reporter, key: 'reporter', width: 26 },
      { header: c.points, key: 'points', width: 8 },
      { header: c.adhocFlag, key: 'adhoc', width: 9 },
      { header: c.itFlag, key: 'it', width: 8 },
      { header: c.state, key: 'status', width: 16 },
      { header: c.counted, key: 'counted', width: 10 },
      { header: c.reviewer, key: 'reviewer', width: 26 },
      { header: c.reason, key: 'reason', width: 30 },
      { header: c.photo, key: 'photo', width: 14 },
    ],
    s.all.map((e) => ({
      code: e.code,
      at: excelDate(e.at),
      kind: vi.kind[e.kind],
      text: told(e.text),
      member: store.member(e.memberId)?.fullName ?? e.memberId,
      dept: departmentName(agency, e.departmentId),
      reporter: store.member(e.reporterId)?.fullName ?? e.reporterId,
      points: e.points,
      adhoc: e.adhoc ? doc.yes : '',
      it: e.it ? doc.yes : '',
      status: vi.states[entryState(e)],
      counted: vi.yesNo(counts(e, mode)),
      ...reviewerOf(store, e),
      photo: e.photo?.length ?? null,
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
