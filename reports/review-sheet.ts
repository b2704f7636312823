import type { AgencyConfig } from '../core/agency.js';
import type { ModelExample } from '../core/domain.js';
import type { Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import { counts, departmentAt, isPending, membersAt, rankDepartments, rankMembers } from '../core/scoring.js';
import { vi } from '../locales/vi.js';
import { departmentName, MODEL_COLUMNS, modelRows, sheet } from './excel.js';
import { byMember, countsByKind, modelSubject, modelsOf } from './figures.js';
import { doc } from './vi.js';
import { finish, newBook } from './xlsx.js';

/** The year-end review sheet: every member's and department's record, the Council's starting table. */
export async function buildReviewSheet(
  ctx: { store: Repository; agency: AgencyConfig },
  year: Period,
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

  const scores = rankMembers(
    entries,
    membersAt(store.members, year.end).map((m) => m.member),
    mode,
  );
  sheet(
    book,
    doc.sheets.reviewMembers,
    [
      { header: c.rank, key: 'rank', width: 7 },
      { header: c.name, key: 'name', width: 28 },
      { header: c.department, key: 'dept', width: 30 },
      { header: c.deed, key: 'deed', width: 10 },
      { header: c.task, key: 'task', width: 12 },
      { header: c.adhoc, key: 'adhoc', width: 11 },
      { header: c.initiative, key: 'initiative', width: 11 },
      { header: c.it, key: 'it', width: 10 },
      { header: c.countedEntries, key: 'entries', width: 11 },
      { header: c.points, key: 'points', width: 9 },
      { header: c.approved, key: 'approved', width: 10 },
      { header: c.rejected, key: 'rejected', width: 11 },
      { header: c.pending, key: 'pending', width: 10 },
      { header: c.memberModels, key: 'models', width: 30 },
      { header: c.council, key: 'council', width: 24 },
    ],
    scores.map((score) => {
      const mine = own.get(score.member.id) ?? [];
      return {
        rank: score.rank || null,
        name: score.member.fullName,
        dept: departmentName(agency, departmentAt(score.member, year.end) ?? score.member.departmentId),
        ...countsByKind(mine.filter((e) => counts(e, mode))),
        entries: score.entries,
        points: score.points,
        approved: mine.filter((e) => e.status === 'active' && e.review === 'approved').length,
        rejected: mine.filter((e) => e.status === 'active' && e.review === 'rejected').length,
        pending: mine.filter(isPending).length,
        models: modelsFor(
          (m) => m.subject.kind !== 'department' && modelSubject(store, m).memberId === score.member.id,
        ),
        council: '',
      };
    }),
  );

  sheet(
    book,
    doc.sheets.reviewDepartments,
    [
      { header: c.rank, key: 'rank', width: 7 },
      { header: c.department, key: 'name', width: 34 },
      { header: c.members, key: 'members', width: 10 },
      { header: c.participants, key: 'participants', width: 14 },
      { header: c.countedEntries, key: 'entries', width: 12 },
      { header: c.points, key: 'points', width: 10 },
      { header: c.perMember, key: 'perMember', width: 18, numFmt: '0.00' },
      { header: c.itModels, key: 'it', width: 12 },
      { header: c.departmentModels, key: 'models', width: 30 },
      { header: c.council, key: 'council', width: 24 },
    ],
    rankDepartments(entries, store.members, agency.departments, mode, year.end).map((d) => ({
      rank: d.rank || null,
      name: d.department.name,
      members: d.members,
      participants: d.participants,
      entries: d.entries,
      points: d.points,
      perMember: d.perMember,
      it: entries.filter((e) => counts(e, mode) && e.it && e.departmentId === d.department.id).length,
      models: modelsFor((m) => m.subject.kind === 'department' && m.subject.departmentId === d.department.id),
      council: '',
    })),
  );
  sheet(book, doc.sheets.models, MODEL_COLUMNS, modelRows(store, agency, models, yearModels.stageOf));
  return finish(book);
}
