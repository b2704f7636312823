import type { Entry, Member, TitleSubject } from '../core/domain.js';
import { DISCIPLINE_FORMS } from '../core/domain.js';
import { awardsOf, consecutiveYears, disciplinesIn, initiativesOf, ratingRank } from '../core/records.js';
import type { RepositoryReads } from '../core/repository.js';
import type { EntriesMeasure, Title, TitleMeasure, TitlesConfig } from '../core/titles.js';
import { titleById } from '../core/titles.js';
import { doc } from './vi.js';

/*
 * The criteria that read the year-end records (core/records.ts): the rating, the recognised
 * initiatives, discipline, the awards decided for the year and in the years before. Facts, with the
 * records' codes behind them (KT award, CN initiative, KL discipline); never a verdict.
 */

/** The measures this file answers. */
export type RecordMeasure = Extract<
  TitleMeasure,
  {
    type:
      | 'rating'
      | 'ratingOrInitiative'
      | 'noDiscipline'
      | 'noMemberDisciplined'
      | 'memberShareAwarded'
      | 'memberShareRated'
      | 'someMemberAwarded'
      | 'consecutive';
  }
>;

const RECORD_TYPES = new Set<string>([
  'rating',
  'ratingOrInitiative',
  'noDiscipline',
  'noMemberDisciplined',
  'memberShareAwarded',
  'memberShareRated',
  'someMemberAwarded',
  'consecutive',
]);

export const isRecordMeasure = (m: TitleMeasure): m is RecordMeasure => RECORD_TYPES.has(m.type);

export interface RecordFact {
  measured: true;
  fact: string;
  codes: string[];
  met: boolean;
}

/**
 * A department's share of its members meeting `meets`, as a fact: how many of how many, the share
 * against `minPercent`, and who does not yet. Met when it has members and the share reaches it.
 */
export function shareFact(
  people: readonly Member[],
  meets: (p: Member) => boolean,
  what: string,
  minPercent: number,
): { yes: Member[]; fact: string; met: boolean } {
  const yes = people.filter(meets);
  const no = people.filter((p) => !yes.includes(p));
  const share = people.length ? (yes.length / people.length) * 100 : 0;
  return {
    yes,
    fact: doc.criteria.share(
      yes.length,
      people.length,
      Math.round(share),
      what,
      minPercent,
      no.map((p) => p.fullName),
    ),
    met: people.length > 0 && share >= minPercent,
  };
}

const showDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * The fact a record measure shows for `subject` in `year`. `people`: a department's members at the
 * year's end; `matching`: a member's entries meeting an entries measure (for a pointer); `title`:
 * the title the criterion belongs to (an initiative already used for this very title still counts).
 */
export function recordFact(
  ctx: { store: RepositoryReads; titles: TitlesConfig },
  measure: RecordMeasure,
  subject: TitleSubject,
  year: number,
  title: Title,
  people: readonly Member[] = [],
  matching: (memberId: string, m: EntriesMeasure) => readonly Pick<Entry, 'code'>[] = () => [],
): RecordFact {
  const { store, titles } = ctx;
  const d = doc.records;
  const nameOf = (ids: readonly string[]) =>
    ids.map((id) => titleById(titles, id)?.name ?? id).join(' hoặc ');
  const ratingLine = () => {
    const r = store.rating(year, subject);
    return { rating: r?.rating, text: r ? d.rating(year, d.ratings[r.rating]) : d.noRating(year) };
  };
  const awardedIn = (s: TitleSubject, ids: readonly string[]) =>
    awardsOf(store, s).filter((a) => a.year === year && a.titleId !== undefined && ids.includes(a.titleId));
  const award = (no: number) => `KT${no}`;

  switch (measure.type) {
    case 'rating': {
      const { rating, text } = ratingLine();
      return {
        measured: true,
        fact: text,
        codes: [],
        met: rating !== undefined && ratingRank(rating) <= ratingRank(measure.atLeast),
      };
    }
    case 'ratingOrInitiative': {
      const { rating, text } = ratingLine();
      const memberId = subject.kind === 'member' ? subject.memberId : '';
      const recognised = initiativesOf(store, memberId, year);
      // One initiative backs one award: one used for another award no longer counts here.
      const usable = recognised.filter((i) => {
        if (!i.usedBy) return true;
        const by = store.awards.find((a) => a.no === i.usedBy?.award);
        return by?.year === year && by.titleId === title.id;
      });
      const pointer = measure.pointer ? matching(memberId, measure.pointer) : [];
      const parts = [
        text,
        recognised.length
          ? d.initiatives(
              recognised.map((i) =>
                d.initiative(
                  `CN${i.no}`,
                  i.name,
                  i.decision.number,
                  usable.includes(i) ? undefined : award(i.usedBy?.award ?? 0),
                ),
              ),
            )
          : d.noInitiative(year),
        pointer.length ? d.pointer(pointer.map((e) => e.code)) : '',
      ];
      return {
        measured: true,
        fact: parts.filter(Boolean).join('. '),
        codes: [...recognised.map((i) => `CN${i.no}`), ...pointer.map((e) => e.code)],
        met: (rating !== undefined && ratingRank(rating) <= ratingRank(measure.atLeast)) || usable.length > 0,
      };
    }
    case 'noDiscipline': {
      const list = disciplinesIn(store, subject, year);
      return {
        measured: true,
        fact: list.length
          ? d.disciplined(
              list.map((x) => d.discipline(`KL${x.no}`, d.forms[x.form], showDay(x.from), showDay(x.until))),
            )
          : d.noDiscipline(year),
        codes: list.map((x) => `KL${x.no}`),
        met: list.length === 0,
      };
    }
    case 'noMemberDisciplined': {
      const heavier = (form: (typeof DISCIPLINE_FORMS)[number]) =>
        DISCIPLINE_FORMS.indexOf(form) >= DISCIPLINE_FORMS.indexOf(measure.minForm);
      const found = people.flatMap((p) =>
        disciplinesIn(store, { kind: 'member', memberId: p.id }, year)
          .filter((x) => heavier(x.form))
          .map((x) => ({ p, x })),
      );
      return {
        measured: true,
        fact: found.length
          ? d.membersDisciplined(found.map(({ p, x }) => `${p.fullName} (${d.forms[x.form]}, KL${x.no})`))
          : d.noMemberDisciplined(d.forms[measure.minForm].toLowerCase(), year),
        codes: found.map(({ x }) => `KL${x.no}`),
        met: found.length === 0,
      };
    }
    case 'memberShareAwarded': {
      const { yes, fact, met } = shareFact(
        people,
        (p) => awardedIn({ kind: 'member', memberId: p.id }, measure.titles).length > 0,
        d.awarded(nameOf(measure.titles), year),
        measure.minPercent,
      );
      const anyDecision = store.awards.some(
        (a) =>
          a.status === 'active' &&
          a.year === year &&
          a.titleId !== undefined &&
          measure.titles.includes(a.titleId),
      );
      const codes = [
        ...new Set(
          yes.flatMap((p) =>
            awardedIn({ kind: 'member', memberId: p.id }, measure.titles).map((a) => award(a.no)),
          ),
        ),
      ];
      return {
        measured: true,
        fact: fact + (anyDecision ? '' : `. ${d.noDecisionYet(nameOf(measure.titles), year)}`),
        codes,
        met,
      };
    }
    case 'memberShareRated': {
      const rated = (p: Member) => {
        const r = store.rating(year, { kind: 'member', memberId: p.id })?.rating;
        return r !== undefined && ratingRank(r) <= ratingRank(measure.atLeast);
      };
      const what = d.ratedAtLeast(d.ratings[measure.atLeast], year);
      const { fact, met } = shareFact(people, rated, what, measure.minPercent);
      return { measured: true, fact, codes: [], met };
    }
    case 'someMemberAwarded': {
      const found = people
        .map((p) => ({ p, awards: awardedIn({ kind: 'member', memberId: p.id }, measure.titles) }))
        .filter((x) => x.awards.length > 0);
      return {
        measured: true,
        fact: found.length
          ? d.someAwarded(
              found.map((x) => x.p.fullName),
              nameOf(measure.titles),
              year,
            )
          : d.noneAwarded(nameOf(measure.titles), year),
        codes: [...new Set(found.flatMap((x) => x.awards.map((a) => award(a.no))))],
        met: found.length > 0,
      };
    }
    case 'consecutive': {
      const through = measure.through === 'current' ? year : year - 1;
      const run = consecutiveYears(store, subject, measure.titles, through);
      const codes = awardsOf(store, subject)
        .filter((a) => run.includes(a.year) && a.titleId !== undefined && measure.titles.includes(a.titleId))
        .map((a) => award(a.no));
      return {
        measured: true,
        fact: d.consecutive(nameOf(measure.titles), [...run].reverse(), through),
        codes,
        met: run.length >= measure.years,
      };
    }
  }
}
