import type { Award } from '../core/council.js';
import type { Entry } from '../core/domain.js';
import { countsByKind, PeriodEntries } from '../core/figures.js';
import { type Candidate, subjectDepartment, subjectName } from '../core/nominations.js';
import { type Period, periodContaining } from '../core/periods.js';
import type { CandidateFacts, FactsSource } from '../core/reports.js';
import { titleById } from '../core/titles.js';
import { yearCriteria } from './criteria.js';

/*
 * One candidate's facts, as the Council walks the lists and as the drafts print them: department,
 * the title registered, the year's entries the Council approved (by kind, with their codes for the
 * annex), the criteria the store does not show met. Read once here so the meeting in chat, the web
 * desk, the lists and the minutes never disagree. Facts only: the Council concludes.
 */

export const yearPeriod = (year: number): Period => periodContaining('year', new Date(Date.UTC(year, 6, 1)));

/** Facts of every candidate of one list (the year's entries read once). */
export function factsOf(
  source: FactsSource,
  year: number,
  candidates: readonly Pick<Candidate, 'subject'>[],
): CandidateFacts[] {
  const { store, agency, titles } = source;
  const period = yearPeriod(year);
  // Each candidate's entries as asked for: a case's or a short list's own, never the year for them.
  const entries = new PeriodEntries(store, period);
  const approved = (of: readonly Entry[]) =>
    of.filter((e) => e.status === 'active' && e.review === 'approved');
  const criteria = titles ? yearCriteria({ store, agency, titles }, period, entries) : undefined;
  const exceptional = new Set(
    store.council.marks.filter((m) => m.marked && m.kind === 'exceptional').map((m) => m.code),
  );
  return candidates.map(({ subject }) => {
    const deptId = subjectDepartment(source, subject);
    const department = agency.departments.find((d) => d.id === deptId)?.name ?? deptId ?? '';
    const registration = store.registration(year, subject);
    const registered = registration
      ? ((titles && titleById(titles, registration.titleId)?.name) ?? registration.titleId)
      : undefined;
    const own = approved(
      subject.kind === 'member'
        ? entries.ofMember(subject.memberId)
        : entries.ofDepartment(subject.departmentId),
    );
    let members: CandidateFacts['members'];
    let open: string[] = [];
    if (subject.kind === 'member') {
      const member = store.member(subject.memberId);
      if (criteria && member)
        open = criteria
          .member(member)
          .facts.filter((f) => f.open)
          .map((f) => f.criterion.short);
    } else {
      const dept = agency.departments.find((d) => d.id === subject.departmentId);
      const people = store.members.filter((m) => m.departmentId === subject.departmentId && !m.leftAt);
      members = {
        total: people.length,
        withApproved: people.filter((p) => own.some((e) => e.memberId === p.id)).length,
      };
      if (criteria && dept)
        open = criteria
          .department(dept)
          .facts.filter((f) => f.open)
          .map((f) => f.criterion.short);
    }
    return {
      subject,
      name: subjectName(source, subject),
      department,
      registered,
      rating: store.rating(year, subject)?.rating,
      approved: own,
      byKind: countsByKind(own),
      ...(members ? { members } : {}),
      open: [...new Set(open)],
      exceptional: own.filter((e) => exceptional.has(e.code)).map((e) => e.code),
    };
  });
}

/** The facts of one award's candidates, in the list's order. */
export function listFacts(source: FactsSource, year: number, award: Award, candidates: readonly Candidate[]) {
  return { award, facts: factsOf(source, year, candidates) };
}
