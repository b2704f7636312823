import type {
  Award,
  AwardKind,
  AwardRecipient,
  DecisionRef,
  Discipline,
  DisciplineForm,
  HistoryItem,
  Initiative,
  Member,
  Rating,
  TitleSubject,
  YearRating,
} from './domain.js';
import { RATINGS } from './domain.js';
import type { Actor } from './repository.js';
import { fold } from './text.js';

/*
 * The year-end records the titles turn on — ratings, discipline, recognised initiatives, award
 * decisions — and the rules every change to them keeps, whoever makes it (a command, an import, the
 * Council's flow): one decision number is one decision, an initiative backs one award, nothing is
 * erased (a correction is a new history item, an annulled record stays, marked). `planRecords` checks
 * a list of changes against the records on file and builds the whole records to save, or says what is
 * wrong with each change; the store saves a plan in one journal line, so a list changes all or nothing.
 */

/** What the records' rules read: the records on file and the members. */
export interface RecordsView {
  readonly ratings: readonly YearRating[];
  readonly disciplines: readonly Discipline[];
  readonly initiatives: readonly Initiative[];
  readonly awards: readonly Award[];
  member(id: string): Member | undefined;
}

/** A discipline to record (its number is assigned by the store). */
export interface NewDiscipline {
  subject: TitleSubject;
  form: DisciplineForm;
  decision: DecisionRef;
  /** The period it takes effect, as days `yyyy-mm-dd`. */
  from: string;
  until: string;
  note?: string | undefined;
}

/** An initiative the Hội đồng sáng kiến recognised (its number is assigned by the store). */
export interface NewInitiative {
  name: string;
  authors: string[];
  year: number;
  decision: DecisionRef;
  /** The `/sangkien` entry it came from, if any. */
  entry?: string | undefined;
}

/** A signed award decision to record, or a past award (then usually one recipient). */
export interface NewAward {
  /** The emulation year the award is for (section III's "năm"). */
  year: number;
  kind: AwardKind;
  /** The titles file's id when it is one of the year's titles (`ldtt`, `cstdcs`…). */
  titleId?: string | undefined;
  /** The title or form as the decision writes it. */
  name: string;
  decision: DecisionRef;
  recipients: AwardRecipient[];
}

/** What a correction may change; `annul` keeps the record, marked, and stops it being read. */
export type DisciplinePatch = Partial<Omit<NewDiscipline, 'subject'>> & { annul?: boolean };
export type InitiativePatch = Partial<Omit<NewInitiative, 'authors'>> & { annul?: boolean };
export type AwardPatch = Partial<Omit<NewAward, 'recipients'>> & {
  annul?: boolean;
  /** People or departments to add to the decision's list, or to take off it (a mistake). */
  add?: AwardRecipient[];
  remove?: TitleSubject[];
};

/** One change to the records. */
export type RecordChange =
  | { op: 'rating'; year: number; subject: TitleSubject; rating: Rating; reason?: string | undefined }
  | ({ op: 'discipline' } & NewDiscipline)
  | ({ op: 'initiative' } & NewInitiative)
  /**
   * `join`: a past award entered person by person joins the decision of the same number when it is
   * the same decision (same date, body, title or form, year); otherwise the number is refused.
   */
  | ({ op: 'award'; join?: boolean } & NewAward)
  | { op: 'correctDiscipline'; no: number; patch: DisciplinePatch; reason: string }
  | { op: 'correctInitiative'; no: number; patch: InitiativePatch; reason: string }
  | { op: 'correctAward'; no: number; patch: AwardPatch; reason: string };

/** The record a decision number belongs to. */
export interface DecisionHolder {
  kind: 'award' | 'discipline' | 'initiative';
  no: number;
  decision: DecisionRef;
}

/** Why a change cannot be made, apart from where. */
export type RecordFault =
  | { code: 'unknownMember'; memberId: string }
  | { code: 'decisionUsed'; number: string; holder: DecisionHolder }
  | { code: 'unknownRecord'; no: number }
  | { code: 'annulledRecord'; no: number }
  | { code: 'unknownInitiative'; no: number }
  | { code: 'initiativeUsed'; no: number; award: number }
  | { code: 'notAuthor'; no: number; memberId: string }
  | { code: 'initiativeForDepartment'; no: number }
  | { code: 'badPeriod'; from: string; until: string }
  | { code: 'noRecipients' }
  | { code: 'recipientTwice'; subject: TitleSubject };

/** Why a change cannot be made; `index` is its place in the list. */
export type RecordProblem = { index: number } & RecordFault;

/** The whole records a plan saves: new ones and changed ones, each replacing its earlier self. */
export interface RecordBatch {
  ratings: YearRating[];
  disciplines: Discipline[];
  initiatives: Initiative[];
  awards: Award[];
}

export interface RecordPlan {
  batch: RecordBatch;
  problems: RecordProblem[];
  /** Changes that would change nothing (a rating given again, an award already on record). */
  unchanged: number[];
  /** What each change made or changed (for the answer), by its index. */
  results: RecordResult[];
}

export type RecordResult =
  | { kind: 'rating'; record: YearRating; previous?: Rating | undefined }
  | { kind: 'discipline'; record: Discipline }
  | { kind: 'initiative'; record: Initiative }
  | { kind: 'award'; record: Award; joined: boolean }
  | undefined;

// ---- ratings ------------------------------------------------------------------------------------

/** Rank of a rating, 0 the best. */
export const ratingRank = (rating: Rating) => RATINGS.indexOf(rating);

/** Hoàn thành tốt nhiệm vụ or better: what Lao động tiên tiến asks (Luật 2022 điểm a khoản 1 Điều 24). */
export const goodOrBetter = (rating: Rating | undefined) =>
  rating !== undefined && ratingRank(rating) <= ratingRank('httnv');

/**
 * The share of the excellent (HTXSNV) among those rated HTTNV or better, for members or for
 * departments of one year. Quy định 366-QĐ/TW (2025) caps it at 20%, 25% exceptionally: the bot
 * warns above it and never refuses a rating (the agency decides, and answers for, the exception).
 */
export function excellenceShare(
  ratings: readonly YearRating[],
  year: number,
  kind: TitleSubject['kind'],
): { excellent: number; goodOrBetter: number; percent: number } {
  const of = ratings.filter((r) => r.year === year && r.subject.kind === kind);
  const excellent = of.filter((r) => r.rating === 'htxsnv').length;
  const good = of.filter((r) => goodOrBetter(r.rating)).length;
  return { excellent, goodOrBetter: good, percent: good ? (excellent / good) * 100 : 0 };
}

/** The caps of Quy định 366-QĐ/TW on HTXSNV, in % of those rated HTTNV or better. */
export const EXCELLENCE_CAP = 20;
export const EXCELLENCE_CAP_EXCEPTIONAL = 25;

// ---- discipline -----------------------------------------------------------------------------------

/** Cảnh cáo or heavier: what Tập thể lao động tiên tiến's rule on members' discipline reads. */
export const warningOrHeavier = (form: DisciplineForm) => form !== 'khientrach';

/** Whether a discipline is in effect on `day` (`yyyy-mm-dd`). */
export const inEffect = (d: Discipline, day: string) =>
  d.status === 'active' && d.from <= day && day <= d.until;

/** Whether a discipline's effect touches `year` (any day of it). */
export const touchesYear = (d: Discipline, year: number) =>
  d.status === 'active' && d.from <= `${year}-12-31` && d.until >= `${year}-01-01`;

// ---- decisions ----------------------------------------------------------------------------------

/**
 * A decision's identity: its number as written, case, spaces and diacritics aside, in the year of
 * its date — document numbers start again on 1 January (so `12-QĐ/BTCTU` of 2025 and of 2026 are two).
 */
export function decisionKey(decision: Pick<DecisionRef, 'number' | 'date'>): string {
  return `${fold(decision.number)
    .replace(/\s+/g, '')
    .replace(/[‐‑–—]/g, '-')}@${decision.date.slice(0, 4)}`;
}

/** Every record that carries a decision, with its decision. */
function holders(view: Pick<RecordsView, 'awards' | 'disciplines' | 'initiatives'>): DecisionHolder[] {
  return [
    ...view.awards.map((a) => ({ kind: 'award' as const, no: a.no, decision: a.decision })),
    ...view.disciplines.map((d) => ({ kind: 'discipline' as const, no: d.no, decision: d.decision })),
    ...view.initiatives.map((i) => ({ kind: 'initiative' as const, no: i.no, decision: i.decision })),
  ];
}

/** The record holding a decision number in the year of `date`, if any. */
export function decisionHolder(
  view: Pick<RecordsView, 'awards' | 'disciplines' | 'initiatives'>,
  decision: Pick<DecisionRef, 'number' | 'date'>,
): DecisionHolder | undefined {
  const key = decisionKey(decision);
  return holders(view).find((h) => decisionKey(h.decision) === key);
}

/**
 * Every rule the records keep together, over the whole of them (the store checks it on every change
 * and on load): one decision number per record, awards' initiatives recognised, unused elsewhere and
 * their recipient's own. Returns what is wrong, in words for a log.
 */
export function recordsInvariants(view: RecordsView): string[] {
  const wrong: string[] = [];
  const seen = new Map<string, DecisionHolder>();
  for (const h of holders(view)) {
    const key = decisionKey(h.decision);
    const other = seen.get(key);
    if (other)
      wrong.push(`decision ${h.decision.number} is held by ${other.kind} ${other.no} and ${h.kind} ${h.no}`);
    seen.set(key, h);
  }
  const subjects = [
    ...view.ratings.map((r) => r.subject),
    ...view.disciplines.map((d) => d.subject),
    ...view.awards.flatMap((a) => a.recipients.map((r) => r.subject)),
  ];
  for (const s of subjects) {
    if (s.kind === 'member' && !view.member(s.memberId))
      wrong.push(`a record names unknown member ${s.memberId}`);
  }
  for (const i of view.initiatives) {
    for (const m of i.authors)
      if (!view.member(m)) wrong.push(`initiative ${i.no} names unknown member ${m}`);
  }
  const backing = new Map<number, number>();
  for (const a of view.awards) {
    for (const r of a.recipients) {
      if (r.initiative === undefined || a.status !== 'active') continue;
      const i = view.initiatives.find((x) => x.no === r.initiative);
      if (!i) wrong.push(`award ${a.no} is backed by unknown initiative ${r.initiative}`);
      else if (i.usedBy?.award !== a.no) wrong.push(`initiative ${i.no} does not name award ${a.no}`);
      const before = backing.get(r.initiative);
      if (before !== undefined) wrong.push(`initiative ${r.initiative} backs awards ${before} and ${a.no}`);
      backing.set(r.initiative, a.no);
    }
  }
  const numbers = (list: readonly { no: number }[], what: string) => {
    const nos = new Set<number>();
    for (const x of list) {
      if (nos.has(x.no)) wrong.push(`${what} ${x.no} appears twice`);
      nos.add(x.no);
    }
  };
  numbers(view.awards, 'award');
  numbers(view.disciplines, 'discipline');
  numbers(view.initiatives, 'initiative');
  return wrong;
}

// ---- planning -------------------------------------------------------------------------------------

export const sameSubject = (a: TitleSubject, b: TitleSubject) =>
  a.kind === 'member'
    ? b.kind === 'member' && a.memberId === b.memberId
    : b.kind === 'department' && a.departmentId === b.departmentId;

function item(action: HistoryItem['action'], actor: Actor, note?: string): HistoryItem {
  return {
    at: actor.at.toISOString(),
    action,
    by: actor.by,
    platform: actor.platform,
    ...(note ? { note } : {}),
    ...(actor.source ? { source: actor.source } : {}),
  };
}

const sameDecision = (a: DecisionRef, b: DecisionRef) =>
  decisionKey(a) === decisionKey(b) && a.date === b.date && fold(a.body) === fold(b.body);

/** A record's fields as a short note for its history (`field: old → new`). */
function changesNote(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keys: string[],
): string {
  const show = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '—'));
  return keys
    .filter((k) => show(before[k]) !== show(after[k]))
    .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`)
    .join('; ');
}

/**
 * Checks `changes`, in order, against the records on file (each change sees the ones before it) and
 * builds the records to save, each with its history item. Nothing is saved here: the store saves the
 * batch in one journal line when there are no problems.
 */
export function planRecords(view: RecordsView, changes: readonly RecordChange[], actor: Actor): RecordPlan {
  // Working copies: later changes of the list see the earlier ones.
  const ratings = [...view.ratings];
  const disciplines = [...view.disciplines];
  const initiatives = [...view.initiatives];
  const awards = [...view.awards];
  const work = { ratings, disciplines, initiatives, awards, member: (id: string) => view.member(id) };
  const changed = {
    ratings: new Set<number>(),
    disciplines: new Set<number>(),
    initiatives: new Set<number>(),
    awards: new Set<number>(),
  };
  const problems: RecordProblem[] = [];
  const unchanged: number[] = [];
  const results: RecordResult[] = [];
  const nextNo = (list: readonly { no: number }[]) => list.reduce((max, x) => Math.max(max, x.no), 0) + 1;

  const put = <T>(list: T[], set: Set<number>, at: number, record: T) => {
    if (at === -1) {
      list.push(record);
      set.add(list.length - 1);
    } else {
      list[at] = record;
      set.add(at);
    }
  };

  changes.forEach((change, index) => {
    const before = problems.length;
    const problem = (p: RecordFault) => problems.push({ index, ...p });
    const knownSubject = (s: TitleSubject) => {
      if (s.kind === 'member' && !view.member(s.memberId))
        problem({ code: 'unknownMember', memberId: s.memberId });
    };
    /** The decision is free for record `self` (or used by it already). */
    const decisionFree = (decision: DecisionRef, self?: { kind: DecisionHolder['kind']; no: number }) => {
      const holder = decisionHolder(work, decision);
      if (holder && !(self && holder.kind === self.kind && holder.no === self.no)) {
        problem({ code: 'decisionUsed', number: decision.number, holder });
        return false;
      }
      return true;
    };
    /** An initiative may back `memberId`'s award `awardNo`. */
    const initiativeFree = (no: number, subject: TitleSubject, awardNo: number) => {
      const i = initiatives.find((x) => x.no === no);
      if (i?.status !== 'active') return problem({ code: 'unknownInitiative', no });
      if (subject.kind !== 'member') return problem({ code: 'initiativeForDepartment', no });
      if (!i.authors.includes(subject.memberId))
        return problem({ code: 'notAuthor', no, memberId: subject.memberId });
      if (i.usedBy && i.usedBy.award !== awardNo)
        problem({ code: 'initiativeUsed', no, award: i.usedBy.award });
    };
    const markUsed = (no: number, memberId: string, awardNo: number, awardNumber: string) => {
      const at = initiatives.findIndex((x) => x.no === no);
      const i = initiatives[at] as Initiative;
      if (i.usedBy?.award === awardNo) return;
      put(initiatives, changed.initiatives, at, {
        ...i,
        usedBy: { award: awardNo, memberId },
        history: [...i.history, item('used', actor, awardNumber)],
      });
    };
    const release = (no: number, why: string) => {
      const at = initiatives.findIndex((x) => x.no === no);
      const i = initiatives[at];
      if (!i?.usedBy) return;
      const { usedBy: _, ...rest } = i;
      put(initiatives, changed.initiatives, at, {
        ...rest,
        history: [...i.history, item('corrected', actor, why)],
      });
    };
    const recipientsOk = (recipients: readonly AwardRecipient[]) => {
      if (recipients.length === 0) problem({ code: 'noRecipients' });
      recipients.forEach((r, i) => {
        knownSubject(r.subject);
        if (recipients.findIndex((x) => sameSubject(x.subject, r.subject)) !== i)
          problem({ code: 'recipientTwice', subject: r.subject });
      });
    };

    switch (change.op) {
      case 'rating': {
        knownSubject(change.subject);
        if (problems.length > before) break;
        const at = ratings.findIndex((r) => r.year === change.year && sameSubject(r.subject, change.subject));
        const previous = ratings[at];
        if (previous?.rating === change.rating) {
          unchanged.push(index);
          results[index] = { kind: 'rating', record: previous, previous: previous.rating };
          break;
        }
        const record: YearRating = {
          year: change.year,
          subject: change.subject,
          rating: change.rating,
          history: previous
            ? [
                ...previous.history,
                item(
                  'corrected',
                  actor,
                  `${previous.rating} → ${change.rating}${change.reason ? `: ${change.reason}` : ''}`,
                ),
              ]
            : [item('recorded', actor, change.rating)],
        };
        put(ratings, changed.ratings, at, record);
        results[index] = { kind: 'rating', record, previous: previous?.rating };
        break;
      }
      case 'discipline': {
        knownSubject(change.subject);
        if (change.until < change.from)
          problem({ code: 'badPeriod', from: change.from, until: change.until });
        const no = nextNo(disciplines);
        if (problems.length > before) break;
        // The same discipline entered again (a file imported twice) is recognised, not refused.
        const same = disciplines.find(
          (d) =>
            d.status === 'active' &&
            sameDecision(d.decision, change.decision) &&
            sameSubject(d.subject, change.subject) &&
            d.form === change.form &&
            d.from === change.from &&
            d.until === change.until,
        );
        if (same) {
          unchanged.push(index);
          results[index] = { kind: 'discipline', record: same };
          break;
        }
        if (!decisionFree(change.decision)) break;
        const { op: _, ...fields } = change;
        const record: Discipline = {
          no,
          ...fields,
          ...(change.note ? { note: change.note } : { note: undefined }),
          status: 'active',
          history: [item('recorded', actor, `${change.form} ${change.decision.number}`)],
        };
        if (record.note === undefined) delete record.note;
        put(disciplines, changed.disciplines, -1, record);
        results[index] = { kind: 'discipline', record };
        break;
      }
      case 'initiative': {
        for (const m of change.authors) knownSubject({ kind: 'member', memberId: m });
        const no = nextNo(initiatives);
        if (problems.length > before) break;
        const same = initiatives.find(
          (i) =>
            i.status === 'active' &&
            sameDecision(i.decision, change.decision) &&
            fold(i.name) === fold(change.name) &&
            i.year === change.year &&
            i.authors.length === new Set(change.authors).size &&
            change.authors.every((a) => i.authors.includes(a)),
        );
        if (same) {
          unchanged.push(index);
          results[index] = { kind: 'initiative', record: same };
          break;
        }
        if (!decisionFree(change.decision)) break;
        const record: Initiative = {
          no,
          name: change.name,
          authors: [...new Set(change.authors)],
          year: change.year,
          decision: change.decision,
          ...(change.entry ? { entry: change.entry } : {}),
          status: 'active',
          history: [item('recorded', actor, change.decision.number)],
        };
        put(initiatives, changed.initiatives, -1, record);
        results[index] = { kind: 'initiative', record };
        break;
      }
      case 'award': {
        recipientsOk(change.recipients);
        if (problems.length > before) break;
        const holder = decisionHolder(work, change.decision);
        const joinable =
          change.join && holder?.kind === 'award'
            ? awards.find(
                (a) =>
                  a.no === holder.no &&
                  a.status === 'active' &&
                  sameDecision(a.decision, change.decision) &&
                  a.year === change.year &&
                  a.kind === change.kind &&
                  fold(a.name) === fold(change.name),
              )
            : undefined;
        if (joinable) {
          const adding = change.recipients.filter(
            (r) => !joinable.recipients.some((x) => sameSubject(x.subject, r.subject)),
          );
          for (const r of adding)
            if (r.initiative !== undefined) initiativeFree(r.initiative, r.subject, joinable.no);
          if (problems.length > before) break;
          if (adding.length === 0) {
            unchanged.push(index);
            results[index] = { kind: 'award', record: joinable, joined: true };
            break;
          }
          const record: Award = {
            ...joinable,
            recipients: [...joinable.recipients, ...adding],
            history: [
              ...joinable.history,
              item('updated', actor, `+ ${adding.map((r) => subjectNote(r.subject)).join(', ')}`),
            ],
          };
          put(awards, changed.awards, awards.indexOf(joinable), record);
          for (const r of adding)
            if (r.initiative !== undefined && r.subject.kind === 'member')
              markUsed(r.initiative, r.subject.memberId, record.no, record.decision.number);
          results[index] = { kind: 'award', record, joined: true };
          break;
        }
        if (!decisionFree(change.decision)) break;
        const no = nextNo(awards);
        for (const r of change.recipients)
          if (r.initiative !== undefined) initiativeFree(r.initiative, r.subject, no);
        if (problems.length > before) break;
        const { op: _, join: __, ...fields } = change;
        const record: Award = {
          no,
          ...fields,
          ...(change.titleId ? { titleId: change.titleId } : { titleId: undefined }),
          status: 'active',
          history: [item('recorded', actor, `${change.name} ${change.decision.number}`)],
        };
        if (record.titleId === undefined) delete record.titleId;
        put(awards, changed.awards, -1, record);
        for (const r of record.recipients)
          if (r.initiative !== undefined && r.subject.kind === 'member')
            markUsed(r.initiative, r.subject.memberId, no, record.decision.number);
        results[index] = { kind: 'award', record, joined: false };
        break;
      }
      case 'correctDiscipline': {
        const at = disciplines.findIndex((d) => d.no === change.no);
        const old = disciplines[at];
        if (!old) {
          problem({ code: 'unknownRecord', no: change.no });
          break;
        }
        if (old.status !== 'active') {
          problem({ code: 'annulledRecord', no: change.no });
          break;
        }
        const { annul, ...patch } = change.patch;
        const next: Discipline = { ...old, ...defined(patch), status: annul ? 'annulled' : 'active' };
        if (next.until < next.from) problem({ code: 'badPeriod', from: next.from, until: next.until });
        if (problems.length > before || !decisionFree(next.decision, { kind: 'discipline', no: old.no }))
          break;
        const what = annul
          ? change.reason
          : withReason(changesNote(old, next, ['form', 'decision', 'from', 'until', 'note']), change.reason);
        next.history = [...old.history, item(annul ? 'annulled' : 'corrected', actor, what)];
        put(disciplines, changed.disciplines, at, next);
        results[index] = { kind: 'discipline', record: next };
        break;
      }
      case 'correctInitiative': {
        const at = initiatives.findIndex((d) => d.no === change.no);
        const old = initiatives[at];
        if (!old) {
          problem({ code: 'unknownRecord', no: change.no });
          break;
        }
        if (old.status !== 'active') {
          problem({ code: 'annulledRecord', no: change.no });
          break;
        }
        const { annul, ...patch } = change.patch;
        if (annul && old.usedBy) problem({ code: 'initiativeUsed', no: old.no, award: old.usedBy.award });
        const next: Initiative = { ...old, ...defined(patch), status: annul ? 'annulled' : 'active' };
        if (problems.length > before || !decisionFree(next.decision, { kind: 'initiative', no: old.no }))
          break;
        const what = annul
          ? change.reason
          : withReason(changesNote(old, next, ['name', 'year', 'decision', 'entry']), change.reason);
        next.history = [...old.history, item(annul ? 'annulled' : 'corrected', actor, what)];
        put(initiatives, changed.initiatives, at, next);
        results[index] = { kind: 'initiative', record: next };
        break;
      }
      case 'correctAward': {
        const at = awards.findIndex((d) => d.no === change.no);
        const old = awards[at];
        if (!old) {
          problem({ code: 'unknownRecord', no: change.no });
          break;
        }
        if (old.status !== 'active') {
          problem({ code: 'annulledRecord', no: change.no });
          break;
        }
        const { annul, add = [], remove = [], ...patch } = change.patch;
        const kept = old.recipients.filter((r) => !remove.some((s) => sameSubject(s, r.subject)));
        const recipients = [
          ...kept,
          ...add.filter((r) => !kept.some((x) => sameSubject(x.subject, r.subject))),
        ];
        recipientsOk(recipients);
        for (const r of add) if (r.initiative !== undefined) initiativeFree(r.initiative, r.subject, old.no);
        const next: Award = { ...old, ...defined(patch), recipients, status: annul ? 'annulled' : 'active' };
        // A new name is a new title or form: its title id goes with it (none, for a form).
        if (patch.name !== undefined) {
          if (patch.titleId === undefined) delete next.titleId;
          else next.titleId = patch.titleId;
        }
        if (problems.length > before || !decisionFree(next.decision, { kind: 'award', no: old.no })) break;
        const removed = old.recipients.filter((r) => !kept.includes(r));
        const what = annul
          ? change.reason
          : withReason(
              [
                changesNote(old, next, ['year', 'kind', 'titleId', 'name', 'decision']),
                removed.length ? `− ${removed.map((r) => subjectNote(r.subject)).join(', ')}` : '',
                recipients.length > kept.length
                  ? `+ ${recipients
                      .slice(kept.length)
                      .map((r) => subjectNote(r.subject))
                      .join(', ')}`
                  : '',
              ]
                .filter(Boolean)
                .join('; '),
              change.reason,
            );
        next.history = [...old.history, item(annul ? 'annulled' : 'corrected', actor, what)];
        put(awards, changed.awards, at, next);
        // An annulled award, or a recipient taken off, no longer uses its initiative.
        for (const r of annul ? old.recipients : removed)
          if (r.initiative !== undefined) release(r.initiative, `${old.decision.number}: ${change.reason}`);
        for (const r of recipients.slice(kept.length))
          if (r.initiative !== undefined && r.subject.kind === 'member')
            markUsed(r.initiative, r.subject.memberId, old.no, next.decision.number);
        results[index] = { kind: 'award', record: next, joined: false };
        break;
      }
    }
    if (problems.length > before) results[index] = undefined;
  });

  const pick = <T>(list: T[], set: Set<number>) => [...set].sort((a, b) => a - b).map((i) => list[i] as T);
  return {
    batch: {
      ratings: pick(ratings, changed.ratings),
      disciplines: pick(disciplines, changed.disciplines),
      initiatives: pick(initiatives, changed.initiatives),
      awards: pick(awards, changed.awards),
    },
    problems,
    unchanged,
    results,
  };
}

/** A subject as a history note writes it: the member id, or `phòng:<id>`. */
export const subjectNote = (s: TitleSubject) =>
  s.kind === 'member' ? s.memberId : `phòng:${s.departmentId}`;

const withReason = (what: string, reason: string) => (what ? `${what} — ${reason}` : reason);

/** The fields of a patch that are set (an absent or undefined field changes nothing). */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---- reading ----------------------------------------------------------------------------------------

/** The active awards `subject` received, of every year, oldest year first. */
export function awardsOf(view: Pick<RecordsView, 'awards'>, subject: TitleSubject): Award[] {
  return view.awards
    .filter((a) => a.status === 'active' && a.recipients.some((r) => sameSubject(r.subject, subject)))
    .sort((a, b) => a.year - b.year || a.decision.date.localeCompare(b.decision.date));
}

/** One line of an achievement report's section III: a title or a form of commendation on record. */
export interface AwardLine {
  year: number;
  /** The title or form, as the decision names it. */
  name: string;
  /** The decision's number, date (yyyy-mm-dd) and issuing body; its signer if recorded. */
  decision: DecisionRef;
  /** The record's number (its code is `KT` and this number). */
  no: number;
}

/**
 * Section III of an achievement report (reports/achievement.ts): the titles and the forms of
 * commendation `subject` received by decisions on record up to `year` (the report's year and before),
 * oldest first — each with the decision's number, date and issuing body. Annulled records are left
 * out; a correction reads as corrected. Recorded by `/quyetdinh`, `/khenthuong` or `/nhaphoso`.
 */
export function awardHistory(
  view: Pick<RecordsView, 'awards'>,
  subject: TitleSubject,
  year: number,
): { titles: AwardLine[]; forms: AwardLine[] } {
  const lines = awardsOf(view, subject)
    .filter((a) => a.year <= year)
    .map((a) => ({
      kind: a.kind,
      line: { year: a.year, name: a.name, decision: a.decision, no: a.no },
    }));
  return {
    titles: lines.filter((l) => l.kind === 'title').map((l) => l.line),
    forms: lines.filter((l) => l.kind === 'form').map((l) => l.line),
  };
}

/**
 * How many years in a row, ending with `year`, `subject` received one of `titleIds` by a decision on
 * record (recorded decisions only: a year without one breaks the run). "02 lần liên tục", "03 lần…".
 */
export function consecutiveYears(
  view: Pick<RecordsView, 'awards'>,
  subject: TitleSubject,
  titleIds: readonly string[],
  year: number,
): number[] {
  const years = new Set(
    awardsOf(view, subject)
      .filter((a) => a.titleId !== undefined && titleIds.includes(a.titleId))
      .map((a) => a.year),
  );
  const run: number[] = [];
  for (let y = year; years.has(y); y -= 1) run.push(y);
  return run;
}

/** The active disciplines of `subject` whose effect touches `year`. */
export function disciplinesIn(
  view: Pick<RecordsView, 'disciplines'>,
  subject: TitleSubject,
  year: number,
): Discipline[] {
  return view.disciplines.filter((d) => sameSubject(d.subject, subject) && touchesYear(d, year));
}

/** The active initiatives of `memberId` recognised for `year`. */
export function initiativesOf(
  view: Pick<RecordsView, 'initiatives'>,
  memberId: string,
  year: number,
): Initiative[] {
  return view.initiatives.filter(
    (i) => i.status === 'active' && i.year === year && i.authors.includes(memberId),
  );
}
