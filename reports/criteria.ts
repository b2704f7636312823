import type { AgencyConfig, Department } from '../core/agency.js';
import type { Member, Registration, TitleSubject } from '../core/domain.js';
import { byMember, type EntriesBySubject, PeriodFacts } from '../core/figures.js';
import { formatDay, type Period } from '../core/periods.js';
import type { EntryFact, RepositoryReads } from '../core/repository.js';
import { counts, departmentPeriod } from '../core/scoring.js';
import {
  type Criterion,
  criteriaOf,
  type EntriesMeasure,
  type Title,
  type TitlesConfig,
  titleById,
  titlesFor,
} from '../core/titles.js';
import { isRecordMeasure, recordFact, shareFact } from './criteria-records.js';
import { doc } from './vi.js';

/*
 * Facts laid beside the criteria of a title (config/titles-2026.json): for each criterion the store
 * can measure, what it shows and the entries behind it; the rest are for the Council to confirm. It
 * lays out facts and open points, never a verdict on a title.
 */

export interface CriteriaSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  titles: TitlesConfig;
}

export interface Fact {
  /** The title the criterion belongs to (CSTĐCS shows LĐTT's criteria too). */
  title: Title;
  criterion: Criterion;
  /** Measured from the store; false: the Council confirms it (votes, ratings, discipline…). */
  measured: boolean;
  /** What the store shows, as a sentence of the document; empty when not measured. */
  fact: string;
  /** The entries behind the fact, by code. */
  codes: string[];
  /** Left for the Council: not measured, or the store does not show it. */
  open: boolean;
}

export interface Assessment {
  /** The registration for the year, if any. */
  registration: Registration | undefined;
  /** The title registered, if any. */
  registered: Title | undefined;
  /** The title whose criteria are laid out: the one registered, else the first of its kind. */
  title: Title;
  facts: Fact[];
}

/** What a criterion's measure shows, and whether it is met (an unmet one stays open for the Council). */
type Measured = Omit<Fact, 'title' | 'criterion' | 'open'> & { met: boolean };
const notMeasured = (): Measured => ({ measured: false, fact: '', codes: [], met: false });

const sameTitles = (ids: readonly string[], registration: Registration | undefined) =>
  registration !== undefined && ids.includes(registration.titleId);

/**
 * The facts of one year, for every member and department: each subject's entries read as asked for
 * (core/figures.ts's PeriodFacts: a case's own, or the year once for a whole document, as facts read
 * from the store's columns — none built); `entries` when the caller reads them too (the Council's
 * facts: core/figures.ts's PeriodEntries). Entries count as everywhere else (core/scoring.ts's
 * `counts`, in the review mode).
 */
export function yearCriteria(
  source: CriteriaSource,
  year: Period,
  entries: EntriesBySubject = new PeriodFacts(source.store, year),
) {
  const { store, agency, titles } = source;
  const mode = agency.review.mode;
  const registrationOf = (subject: TitleSubject) => store.registration(year.year, subject);
  const nameOf = (id: string) => titleById(titles, id)?.name ?? id;

  /**
   * A member's entries meeting an entries measure; for a department's criterion, only those earned
   * in it (core/scoring.ts's departmentPeriod: the department an entry was logged in).
   */
  // A department's entries by member, found once: a department's criterion reads each of its members'
  // (a province's department logs ~20k entries a year, read again for every member and criterion).
  const inDepartment = new Map<string, Map<string, EntryFact[]>>();
  const ownIn = (departmentId: string, memberId: string): readonly EntryFact[] => {
    let members = inDepartment.get(departmentId);
    if (!members) {
      members = byMember(entries.ofDepartment(departmentId));
      inDepartment.set(departmentId, members);
    }
    return members.get(memberId) ?? [];
  };
  const matching = (memberId: string, m: EntriesMeasure, departmentId?: string): EntryFact[] =>
    (departmentId === undefined ? entries.ofMember(memberId) : ownIn(departmentId, memberId)).filter(
      // Every one of these is the member's (ofMember, or the department's grouped by member).
      (e) =>
        (m.approvedOnly ? e.status === 'active' && e.review === 'approved' : counts(e, mode)) &&
        (m.kind === undefined || e.kind === m.kind) &&
        (m.it === undefined || e.it === m.it) &&
        (m.adhoc === undefined || e.adhoc === m.adhoc),
    );
  const registeredLine = (registration: Registration | undefined) => {
    if (!registration) return doc.criteria.notRegistered;
    // The day the title now registered was chosen.
    const since = new Date(registration.history.at(-1)?.at ?? 0);
    return doc.criteria.registered(nameOf(registration.titleId), formatDay(since));
  };

  /**
   * What the store shows for one criterion of a subject's title. `people`: a department's members at
   * the year's end (none for a member); a department's entries criteria count only what was earned in
   * it (core/scoring.ts's departmentPeriod). The titles file lets each measure on one kind of subject
   * only (core/titles.ts); any other is left to the Council.
   */
  function measureOf(
    subject: TitleSubject,
    registration: Registration | undefined,
    people: readonly Member[],
    criterion: Criterion,
    owner: Title,
  ): Measured {
    const measure = criterion.measure;
    if (!measure) return notMeasured();
    if (isRecordMeasure(measure))
      return recordFact(source, measure, subject, year.year, owner, people, (id, x) => matching(id, x));
    const departmentId = subject.kind === 'department' ? subject.departmentId : undefined;
    switch (measure.type) {
      case 'registered':
        return {
          measured: true,
          fact: registeredLine(registration),
          codes: [],
          met: sameTitles(measure.titles, registration),
        };
      case 'entries': {
        if (subject.kind !== 'member') return notMeasured();
        const found = matching(subject.memberId, measure);
        return {
          measured: true,
          fact: doc.criteria.entries(found.length, doc.criteria.what(measure)),
          codes: found.map((e) => e.code),
          met: found.length >= measure.min,
        };
      }
      case 'memberShare':
      case 'memberShareRegistered': {
        if (departmentId === undefined) return notMeasured();
        const meets = (p: Member) =>
          measure.type === 'memberShare'
            ? matching(p.id, measure.of, departmentId).length >= measure.of.min
            : sameTitles(measure.titles, registrationOf({ kind: 'member', memberId: p.id }));
        const what =
          measure.type === 'memberShare'
            ? doc.criteria.having(doc.criteria.what(measure.of))
            : doc.criteria.registeredFor(measure.titles.map((id) => nameOf(id)).join(' hoặc '));
        const { yes, fact, met } = shareFact(people, meets, what, measure.minPercent);
        return {
          measured: true,
          fact,
          // One entry per member who meets it: the first that shows it.
          codes:
            measure.type === 'memberShare'
              ? yes.map((p) => matching(p.id, measure.of, departmentId)[0]?.code ?? '').filter(Boolean)
              : [],
          met,
        };
      }
      case 'someMember': {
        if (departmentId === undefined) return notMeasured();
        const found = people
          .map((p) => ({ p, entries: matching(p.id, measure.of, departmentId) }))
          .filter((x) => x.entries.length >= measure.of.min);
        return {
          measured: true,
          fact: doc.criteria.someMember(
            found.map((x) => x.p.fullName),
            doc.criteria.having(doc.criteria.what(measure.of)),
          ),
          codes: found.flatMap((x) => x.entries.map((e) => e.code)),
          met: found.length > 0,
        };
      }
      default:
        return notMeasured();
    }
  }

  /** A subject's facts against the title registered (or `asked`'s, when given). */
  function assessed(subject: TitleSubject, people: readonly Member[], asked?: string): Assessment {
    const registration = registrationOf(subject);
    const subjectTitles = titlesFor(titles, subject.kind);
    const registered = registration ? titleById(titles, registration.titleId) : undefined;
    // A title asked for (the list a case is on at the Council's meeting), if it is one of this subject's.
    const chosen = asked === undefined ? undefined : subjectTitles.find((x) => x.id === asked);
    const title = chosen ?? registered ?? (subjectTitles[0] as Title);
    const facts = criteriaOf(titles, title).map(({ title: owner, criterion }) => {
      const { met, ...fact } = measureOf(subject, registration, people, criterion, owner);
      return { title: owner, criterion, ...fact, open: !met };
    });
    return { registration, registered, title, facts };
  }

  /** A member's facts against the title registered (or `titleId`'s, when given). */
  const member = (m: Member, titleId?: string): Assessment =>
    assessed({ kind: 'member', memberId: m.id }, [], titleId);

  /** A department's facts against the title registered (or `titleId`'s, when given). */
  const department = (d: Department, titleId?: string): Assessment =>
    assessed(
      { kind: 'department', departmentId: d.id },
      departmentPeriod([], store.members, d, mode, year.end).people,
      titleId,
    );

  return { member, department };
}
