import { entryCode } from '../core/codes.js';
import type { EntryMark, Meeting, Nomination, VoteRound } from '../core/council-records.js';
import type {
  Award,
  DecisionRef,
  DepartmentHead,
  Discipline,
  Entry,
  EntryKind,
  HistoryItem,
  Initiative,
  Member,
  ModelExample,
  Registration,
  TitleSubject,
  YearRating,
} from '../core/domain.js';
import { parseIdentity } from '../core/identity.js';
import { recordsInvariants } from '../core/records.js';
import { TEXT_MAX_LENGTH } from '../core/text.js';
import type { Indexes } from './indexes.js';
import type { State, StoreEvent } from './schema.js';

/*
 * What cannot be true of a store, in one place: the rules every command keeps, checked over the whole
 * state when a store is loaded (the snapshot: storage/store.ts), over the records each journal line
 * touches as it is replayed, and over each change before it is written (so a line that would stop the
 * next start is never written). A broken rule stops the start naming the file, the line and the rule.
 *
 * A new record kind adds its rules here: a list like `memberRules`, a pass over the collection in
 * `checkState`, and its events in `touchedBy` (the compiler insists on every event type there).
 */

/** What the rules are told of the world beyond the store. */
export interface RuleSettings {
  /** The agency's department ids (config/agency.json); without them, departments are not checked. */
  departments?: readonly string[];
  /**
   * The clock (default: the system's) and the plan's year: nothing in the store can have happened
   * after the end of the year after the later of the two (the agency's years; a test's or a restored
   * machine's clock a little ahead is not refused).
   */
  now?: () => Date;
  planYear?: number;
  /** Nothing in the store can have happened before this (default: 1 January 2000 in Vietnam). */
  earliest?: Date;
}

const EARLIEST = new Date('2000-01-01T00:00:00+07:00');
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The bounds and references one check works with. */
export interface RuleScope {
  state: State;
  idx: Indexes;
  /** Milliseconds: the earliest and latest instant a record may hold. */
  earliest: number;
  latest: number;
  departments: ReadonlySet<string> | undefined;
}

export function scopeOf(state: State, idx: Indexes, settings: RuleSettings, withClock: boolean): RuleScope {
  const now = (settings.now?.() ?? new Date()).getTime();
  const year = Math.max(new Date(now + VIETNAM_OFFSET_MS).getUTCFullYear(), settings.planYear ?? 0);
  return {
    state,
    idx,
    earliest: (settings.earliest ?? EARLIEST).getTime(),
    latest: withClock ? Date.UTC(year + 2, 0, 1) - VIETNAM_OFFSET_MS - 1 : Number.POSITIVE_INFINITY,
    departments: settings.departments ? new Set(settings.departments) : undefined,
  };
}

/** A broken rule: which, of what, and how. */
export class RuleBroken extends Error {
  override readonly name = 'RuleBroken';
  constructor(
    readonly rule: string,
    readonly subject: string,
    readonly problem: string,
  ) {
    super(`${subject}: ${problem} (rule ${rule})`);
  }
}

interface Rule<T> {
  /** How the error names it: `record.what`. */
  name: string;
  /** The problem, or undefined when the record keeps the rule. */
  check(record: T, scope: RuleScope): string | undefined;
}

// ---- what several rules share ----------------------------------------------------------------------

const MEMBER_ID = /^m([1-9]\d*)$/;

/** A member's number (`m12` → 12), or undefined for an id the bot does not give. */
function memberNo(id: string): number | undefined {
  const match = MEMBER_ID.exec(id);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether `by` can have made a change: a member the store gave an id (still there, or merged into
 * another since), or a platform identity (a configured admin without a profile).
 */
export function isActor(by: string, scope: RuleScope): boolean {
  const no = memberNo(by);
  if (no !== undefined) return no < scope.state.nextMemberNo;
  return parseIdentity(by) !== undefined;
}

function timeProblem(what: string, at: string | number, scope: RuleScope): string | undefined {
  const time = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(time)) return `${what} is not a time`;
  if (time < scope.earliest)
    return `${what} is ${iso(time)}, before the store could exist (${iso(scope.earliest)})`;
  if (time > scope.latest)
    return `${what} is ${iso(time)}, after the years the store can hold (to ${iso(scope.latest)})`;
  return undefined;
}

const iso = (time: number) => new Date(time).toISOString();

function historyProblem(history: readonly HistoryItem[], scope: RuleScope): string | undefined {
  for (const [i, item] of history.entries()) {
    const problem = timeProblem(`history item ${i + 1} (${item.action})`, item.at, scope);
    if (problem) return problem;
  }
  return undefined;
}

function actorsProblem(bys: Iterable<string>, scope: RuleScope): string | undefined {
  for (const by of bys) if (!isActor(by, scope)) return `names ${by}, who is not and never was a member`;
  return undefined;
}

function departmentProblem(id: string, scope: RuleScope, what = 'department'): string | undefined {
  if (!scope.departments || scope.departments.has(id)) return undefined;
  return `${what} ${id} is not one of the agency's departments (config/agency.json)`;
}

// ---- members -----------------------------------------------------------------------------------------

export const memberRules: Rule<Member>[] = [
  {
    name: 'member.id',
    check: (m, { state }) => {
      const no = memberNo(m.id);
      if (no === undefined) return `the id ${m.id} is not one the store gives (m1, m2, …)`;
      if (no >= state.nextMemberNo)
        return `the id ${m.id} was never given (the next is m${state.nextMemberNo})`;
      return undefined;
    },
  },
  {
    name: 'member.department',
    check: (m, scope) => {
      if (m.departments.at(-1)?.departmentId !== m.departmentId) {
        return `belongs to ${m.departmentId}, but the last of its departments is ${m.departments.at(-1)?.departmentId}`;
      }
      for (const d of m.departments) {
        const problem = departmentProblem(d.departmentId, scope);
        if (problem) return problem;
      }
      return undefined;
    },
  },
  {
    name: 'member.identity-owned-once',
    check: (m, { state }) => {
      for (const identity of m.identities) {
        if (!parseIdentity(identity)) return `the identity ${identity} is not platform:id`;
        const other = state.members.find((o) => o !== m && o.identities.includes(identity));
        if (other) return `the identity ${identity} belongs to ${other.id} too`;
      }
      return undefined;
    },
  },
  {
    name: 'member.times',
    check: (m, scope) =>
      timeProblem('registered', m.registeredAt, scope) ??
      m.departments.map((d) => timeProblem(`in ${d.departmentId} from`, d.from, scope)).find(Boolean) ??
      (m.leftAt ? timeProblem('left', m.leftAt, scope) : undefined) ??
      historyProblem(m.history, scope),
  },
  {
    name: 'member.actors',
    check: (m, scope) =>
      actorsProblem(
        m.history.map((h) => h.by),
        scope,
      ),
  },
];

// ---- entries -----------------------------------------------------------------------------------------

/**
 * What the rules read of an entry: the same from an entry of a journal line (`entryFacts`) and from a
 * row of a snapshot's table, read in place without building the entry (EntryTable.checkRows).
 */
export interface EntryFacts {
  readonly code: string;
  readonly kind: EntryKind;
  readonly no: number;
  /** Whether the code is the kind's prefix and the number. */
  readonly codeFitsKind: boolean;
  readonly time: number;
  /** The instant the entry's time text says: the same as `time`, unless a file was changed. */
  readonly textTime: number;
  /** The text's length in UTF-16 code units (at least its characters; exact for most texts). */
  readonly textUnits: number;
  /** Its length in characters (code points): counted only when asked. */
  textLength(): number;
  readonly memberId: string;
  readonly reporterId: string;
  readonly departmentId: string;
  readonly status: Entry['status'];
  readonly review: Entry['review'];
  /** What the history says: whether it holds a withdrawal, and the review its decisions leave. */
  readonly withdrawnInHistory: boolean;
  readonly reviewInHistory: Entry['review'];
  /** The earliest and latest time in the history (its creation included; NaN if one is not a time). */
  readonly historyFrom: number;
  readonly historyTo: number;
  /** The first `by` of the history that is not an actor (isActor), if any. */
  readonly unknownActor: string | undefined;
}

/** How a history's decisions leave an entry's review: the last one stands (reopened: pending again). */
export function reviewAfter(review: Entry['review'], action: HistoryItem['action']): Entry['review'] {
  if (action === 'approved' || action === 'rejected') return action;
  if (action === 'reopened') return 'pending';
  return review;
}

export function entryFacts(entry: Entry, scope: RuleScope): EntryFacts {
  let withdrawn = false;
  let review: Entry['review'] = 'pending';
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let unknownActor: string | undefined;
  for (const item of entry.history) {
    if (item.action === 'withdrawn') withdrawn = true;
    review = reviewAfter(review, item.action);
    const time = Date.parse(item.at);
    from = Number.isNaN(time) ? time : Math.min(from, time);
    to = Math.max(to, time);
    if (unknownActor === undefined && !isActor(item.by, scope)) unknownActor = item.by;
  }
  const no = Number(entry.code.slice(2));
  const time = Date.parse(entry.at);
  return {
    code: entry.code,
    kind: entry.kind,
    no,
    codeFitsKind: entry.code === entryCode(entry.kind, no),
    time,
    textTime: time,
    textUnits: entry.text.length,
    textLength: () => Array.from(entry.text).length,
    memberId: entry.memberId,
    reporterId: entry.reporterId,
    departmentId: entry.departmentId,
    status: entry.status,
    review: entry.review,
    withdrawnInHistory: withdrawn,
    reviewInHistory: review,
    historyFrom: from,
    historyTo: to,
    unknownActor,
  };
}

export const entryRules: Rule<EntryFacts>[] = [
  {
    name: 'entry.code',
    check: (e, { state }) => {
      if (!e.codeFitsKind) return `a ${e.kind} must have the code ${entryCode(e.kind, e.no)}`;
      if (e.no >= state.nextEntryNo)
        return `the number ${e.no} was never given (the next is ${state.nextEntryNo})`;
      return undefined;
    },
  },
  {
    name: 'entry.time',
    check: (e, scope) =>
      timeProblem('logged', e.time, scope) ??
      (e.textTime !== e.time
        ? `its time says ${iso(e.time)} but its time text says ${Number.isNaN(e.textTime) ? 'something else' : iso(e.textTime)}`
        : undefined) ??
      timeProblem('its history starts', e.historyFrom, scope) ??
      timeProblem('its history ends', e.historyTo, scope),
  },
  {
    name: 'entry.text',
    check: (e) => {
      if (e.textUnits === 0) return 'its text is empty';
      // Code units are at least the characters: count only a text that may be too long.
      if (e.textUnits > TEXT_MAX_LENGTH && e.textLength() > TEXT_MAX_LENGTH) {
        return `its text has ${e.textLength()} characters (no setting allows more than ${TEXT_MAX_LENGTH})`;
      }
      return undefined;
    },
  },
  {
    name: 'entry.members',
    check: (e, { idx }) => {
      const missing = !idx.membersById.has(e.memberId)
        ? e.memberId
        : !idx.membersById.has(e.reporterId)
          ? e.reporterId
          : undefined;
      return missing === undefined ? undefined : `refers to member ${missing}, who does not exist`;
    },
  },
  {
    name: 'entry.department',
    check: (e, scope) => departmentProblem(e.departmentId, scope, 'counts for department'),
  },
  {
    name: 'entry.status',
    check: (e) => {
      if ((e.status === 'withdrawn') !== e.withdrawnInHistory) {
        return e.withdrawnInHistory
          ? 'its history holds a withdrawal, but it is not withdrawn'
          : 'it is withdrawn, but its history holds no withdrawal';
      }
      if (e.review !== e.reviewInHistory) {
        return `its review is ${e.review}, but its history's decisions leave it ${e.reviewInHistory}`;
      }
      return undefined;
    },
  },
  {
    name: 'entry.actors',
    check: (e) =>
      e.unknownActor ? `its history names ${e.unknownActor}, who is not and never was a member` : undefined,
  },
];

// ---- model examples, registrations, department heads, scheduled jobs ---------------------------------

function subjectProblem(
  subject: ModelExample['subject'] | Registration['subject'],
  scope: RuleScope,
): string | undefined {
  if (subject.kind === 'member') {
    return scope.idx.membersById.has(subject.memberId)
      ? undefined
      : `is about member ${subject.memberId}, who does not exist`;
  }
  if (subject.kind === 'department')
    return departmentProblem(subject.departmentId, scope, 'is about department');
  return scope.state.entries.rowOfCode(subject.code) === -1
    ? `is about entry ${subject.code}, which does not exist`
    : undefined;
}

export const modelRules: Rule<ModelExample>[] = [
  { name: 'model.subject', check: (m, scope) => subjectProblem(m.subject, scope) },
  {
    name: 'model.stage',
    check: (m) =>
      m.stages.at(-1)?.stage === m.stage
        ? undefined
        : `is at stage ${m.stage}, but its last stage is ${m.stages.at(-1)?.stage}`,
  },
  {
    name: 'model.times',
    check: (m, scope) =>
      m.stages.map((s) => timeProblem(`stage ${s.stage}`, s.at, scope)).find(Boolean) ??
      historyProblem(m.history, scope),
  },
  {
    name: 'model.actors',
    check: (m, scope) => actorsProblem([...m.stages.map((s) => s.by), ...m.history.map((h) => h.by)], scope),
  },
];

export const registrationRules: Rule<Registration>[] = [
  { name: 'registration.subject', check: (r, scope) => subjectProblem(r.subject, scope) },
  {
    name: 'registration.year',
    check: (r, scope) => {
      // A year's plan may be set up in the year before it.
      const first = new Date(scope.earliest + VIETNAM_OFFSET_MS).getUTCFullYear();
      const last = Number.isFinite(scope.latest)
        ? new Date(scope.latest).getUTCFullYear() + 1
        : Number.POSITIVE_INFINITY;
      return r.year < first || r.year > last
        ? `is for ${r.year}, outside the years the store can hold`
        : undefined;
    },
  },
  { name: 'registration.times', check: (r, scope) => historyProblem(r.history, scope) },
  {
    name: 'registration.actors',
    check: (r, scope) =>
      actorsProblem(
        r.history.map((h) => h.by),
        scope,
      ),
  },
];

export const headRules: Rule<DepartmentHead>[] = [
  {
    name: 'head.references',
    check: (h, scope) =>
      departmentProblem(h.departmentId, scope) ??
      (h.memberId && !scope.idx.membersById.has(h.memberId)
        ? `names member ${h.memberId}, who does not exist`
        : undefined),
  },
  { name: 'head.times', check: (h, scope) => historyProblem(h.history, scope) },
  {
    name: 'head.actors',
    check: (h, scope) =>
      actorsProblem(
        h.history.map((x) => x.by),
        scope,
      ),
  },
];

export const jobRules: Rule<[job: string, slot: string]>[] = [
  // A slot after today would silence the job until then.
  { name: 'job.slot', check: ([, slot], scope) => timeProblem('its last slot', slot, scope) },
];

// ---- year-end review (issue 20, h20b): nominations, meetings, votes, marks --------------------------

const councilHistoryProblem = (history: readonly { at: string; by: string }[], scope: RuleScope) =>
  history.map((h, i) => timeProblem(`history item ${i + 1}`, h.at, scope)).find(Boolean) ??
  actorsProblem(
    history.map((h) => h.by),
    scope,
  );

export const nominationRules: Rule<Nomination>[] = [
  { name: 'nomination.references', check: (n, scope) => subjectProblem(n.subject, scope) },
  { name: 'nomination.history', check: (n, scope) => councilHistoryProblem(n.history, scope) },
];

export const meetingRules: Rule<Meeting>[] = [
  {
    name: 'meeting.roster',
    check: (m) => {
      const ids = new Set(m.roster.map((r) => r.id));
      if (ids.size !== m.roster.length) return 'names a Council member twice';
      const stranger = [...m.absent.map((a) => a.id), ...m.counting].find((id) => !ids.has(id));
      return stranger ? `names ${stranger}, who is not on its roster` : undefined;
    },
  },
  {
    name: 'meeting.one-open',
    check: (m, { state }) =>
      m.status === 'open' && state.meetings.some((o) => o !== m && o.year === m.year && o.status === 'open')
        ? `a second meeting open for ${m.year}`
        : undefined,
  },
  {
    name: 'meeting.times',
    check: (m, scope) =>
      timeProblem('sits', m.startsAt, scope) ??
      (m.status === 'closed' && !m.closedAt ? 'is closed without a closing time' : undefined) ??
      councilHistoryProblem(m.history, scope),
  },
];

export const roundRules: Rule<VoteRound>[] = [
  {
    name: 'round.meeting',
    check: (r, { state }) => {
      const meeting = state.meetings.find((m) => m.no === r.meetingNo);
      if (!meeting) return `belongs to meeting ${r.meetingNo}, which does not exist`;
      // A vote cannot outlive its meeting: closing the meeting needs every vote closed.
      if (meeting.status === 'closed' && r.status === 'open')
        return `is open, but meeting ${meeting.no} is closed`;
      const ids = new Set(meeting.roster.map((x) => x.id));
      const stranger = [...r.voters, ...r.written.map((w) => w.id)].find((id) => !ids.has(id));
      if (stranger) return `names ${stranger}, who is not on the meeting's roster`;
      return r.rosterSize === meeting.roster.length
        ? undefined
        : `counts ${r.rosterSize} members of a roster of ${meeting.roster.length}`;
    },
  },
  {
    name: 'round.candidates',
    check: (r, scope) => r.candidates.map((c) => subjectProblem(c, scope)).find(Boolean),
  },
  {
    name: 'round.votes',
    check: (r) => {
      const n = r.candidates.length;
      if (new Set(r.cast).size !== r.cast.length) return 'holds a member who voted twice';
      if (r.cast.some((id) => !r.voters.includes(id)))
        return 'holds a ballot of a member who does not vote in it';
      // Who voted is kept in the roster's order, never the order of voting.
      const order = r.voters.filter((v) => r.cast.includes(v));
      if (order.join() !== r.cast.join()) return "keeps who voted in another order than the roster's";
      if (r.written.some((w) => r.voters.includes(w.id))) return 'holds a written vote of a member present';
      if (new Set(r.written.map((w) => w.id)).size !== r.written.length)
        return 'holds two written votes of one member';
      if (r.voters.length + r.written.length > r.rosterSize) return 'holds more votes than members';
      if ([...r.ballots, ...r.written.map((w) => w.choices)].some((b) => b.length !== n))
        return `holds a ballot that is not one choice for each of its ${n} candidates`;
      if (r.status === 'open' && r.sealed.length !== r.cast.length)
        return `holds ${r.sealed.length} sealed ballots for ${r.cast.length} members who voted`;
      if (r.status !== 'open' && r.sealed.length) return 'keeps sealed ballots after it ended';
      if (r.sealed.join('\n') !== [...r.sealed].sort().join('\n'))
        return 'keeps its sealed ballots in another order than their bytes';
      if (r.status === 'closed' && r.method === 'electronic' && r.ballots.length !== r.cast.length)
        return `holds ${r.ballots.length} opened ballots for ${r.cast.length} members who voted`;
      if (r.ballots.join('\n') !== [...r.ballots].sort().join('\n'))
        return 'keeps its opened ballots in another order than sorted';
      return undefined;
    },
  },
  {
    name: 'round.tally',
    check: (r) => {
      const t = r.tally;
      if (!t) return r.status === 'closed' ? 'is closed without its counts' : undefined;
      if (t.issued > r.rosterSize || t.returned > t.issued || t.valid > t.returned)
        return `counts ${t.issued} issued, ${t.returned} returned, ${t.valid} valid of ${r.rosterSize} members`;
      if (t.counts.length !== r.candidates.length) return 'has not one count per candidate';
      return t.counts.some((c) => c.agree + c.disagree > t.valid)
        ? 'counts a candidate above the valid ballots'
        : undefined;
    },
  },
  { name: 'round.history', check: (r, scope) => councilHistoryProblem(r.history, scope) },
];

export const markRules: Rule<EntryMark>[] = [
  {
    name: 'mark.entry',
    check: (m, { state }) =>
      state.entries.rowOfCode(m.code) === -1 ? `marks entry ${m.code}, which does not exist` : undefined,
  },
  { name: 'mark.history', check: (m, scope) => councilHistoryProblem(m.history, scope) },
];

// ---- year-end records (issue 20): ratings, discipline, initiatives, award decisions ------------------

/** The years a record may be for: from the earliest the store can hold to the year after its latest. */
function yearProblem(year: number, scope: RuleScope): string | undefined {
  const first = new Date(scope.earliest + VIETNAM_OFFSET_MS).getUTCFullYear();
  const last = Number.isFinite(scope.latest)
    ? new Date(scope.latest + VIETNAM_OFFSET_MS).getUTCFullYear()
    : Number.POSITIVE_INFINITY;
  return year < first || year > last ? `is for ${year}, outside the years the store can hold` : undefined;
}

/** A day (`yyyy-mm-dd`) as the instant it starts in Vietnam. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+07:00`);

function decisionProblem(decision: DecisionRef, scope: RuleScope): string | undefined {
  return timeProblem(
    `decision ${decision.number} is dated ${decision.date}, which`,
    dayStart(decision.date),
    scope,
  );
}

function recordSubjectProblem(subject: TitleSubject, scope: RuleScope): string | undefined {
  if (subject.kind === 'member') {
    return scope.idx.membersById.has(subject.memberId)
      ? undefined
      : `names member ${subject.memberId}, who does not exist`;
  }
  return departmentProblem(subject.departmentId, scope, 'names department');
}

/** An annulled record says so in its history, and only an annulled one. */
function annulledProblem(record: { status: 'active' | 'annulled'; history: readonly HistoryItem[] }) {
  const annulled = record.history.some((h) => h.action === 'annulled');
  if ((record.status === 'annulled') === annulled) return undefined;
  return annulled
    ? 'its history holds an annulment, but it is not annulled'
    : 'it is annulled, but its history holds no annulment';
}

const recordHistory = (history: readonly HistoryItem[], scope: RuleScope) =>
  historyProblem(history, scope) ??
  actorsProblem(
    history.map((h) => h.by),
    scope,
  );

export const ratingRules: Rule<YearRating>[] = [
  { name: 'rating.year', check: (r, scope) => yearProblem(r.year, scope) },
  { name: 'rating.subject', check: (r, scope) => recordSubjectProblem(r.subject, scope) },
  { name: 'rating.history', check: (r, scope) => recordHistory(r.history, scope) },
];

/** The longest a discipline takes effect (the longest forms run 24 months; a margin beyond). */
const DISCIPLINE_MAX_YEARS = 5;

export const disciplineRules: Rule<Discipline>[] = [
  { name: 'discipline.subject', check: (d, scope) => recordSubjectProblem(d.subject, scope) },
  {
    name: 'discipline.dates',
    check: (d, scope) => {
      const from = dayStart(d.from);
      const until = dayStart(d.until);
      return (
        decisionProblem(d.decision, scope) ??
        timeProblem(`takes effect from ${d.from}, which`, from, scope) ??
        (until < from ? `takes effect until ${d.until}, before it starts (${d.from})` : undefined) ??
        (until - from > DISCIPLINE_MAX_YEARS * 366 * 86_400_000
          ? `takes effect until ${d.until}, more than ${DISCIPLINE_MAX_YEARS} years after ${d.from}`
          : undefined)
      );
    },
  },
  { name: 'discipline.status', check: (d) => annulledProblem(d) },
  { name: 'discipline.history', check: (d, scope) => recordHistory(d.history, scope) },
];

export const initiativeRules: Rule<Initiative>[] = [
  {
    name: 'initiative.year',
    check: (i, scope) => yearProblem(i.year, scope) ?? decisionProblem(i.decision, scope),
  },
  {
    name: 'initiative.references',
    check: (i, scope) => {
      const unknown = [...i.authors, ...(i.usedBy ? [i.usedBy.memberId] : [])].find(
        (m) => !scope.idx.membersById.has(m),
      );
      if (unknown) return `names member ${unknown}, who does not exist`;
      if (i.usedBy && !i.authors.includes(i.usedBy.memberId))
        return `backs an award of ${i.usedBy.memberId}, who is not one of its authors`;
      return undefined;
    },
  },
  { name: 'initiative.status', check: (i) => annulledProblem(i) },
  { name: 'initiative.history', check: (i, scope) => recordHistory(i.history, scope) },
];

export const awardRules: Rule<Award>[] = [
  {
    name: 'award.year',
    check: (a, scope) => yearProblem(a.year, scope) ?? decisionProblem(a.decision, scope),
  },
  {
    name: 'award.recipients',
    check: (a, scope) => {
      for (const r of a.recipients) {
        const problem = recordSubjectProblem(r.subject, scope);
        if (problem) return problem;
      }
      const keys = a.recipients.map((r) =>
        r.subject.kind === 'member' ? `m:${r.subject.memberId}` : `d:${r.subject.departmentId}`,
      );
      return new Set(keys).size === keys.length ? undefined : 'names someone twice';
    },
  },
  { name: 'award.status', check: (a) => annulledProblem(a) },
  { name: 'award.history', check: (a, scope) => recordHistory(a.history, scope) },
];

/** The rules the records keep together (core/records.ts): one decision one record, an initiative one award. */
function checkRecordsTogether(scope: RuleScope): void {
  const wrong = recordsInvariants({ ...scope.state, member: (id) => scope.idx.membersById.get(id) });
  if (wrong.length > 0)
    throw new RuleBroken('records.together', 'year-end records', wrong.slice(0, 3).join('; '));
}

const ratingSubject = (r: YearRating) =>
  `rating of ${r.subject.kind === 'member' ? r.subject.memberId : r.subject.departmentId} for ${r.year}`;

function checkRecords(
  scope: RuleScope,
  records: Pick<State, 'ratings' | 'disciplines' | 'initiatives' | 'awards'>,
): void {
  for (const r of records.ratings) apply(ratingRules, r, () => ratingSubject(r), scope);
  for (const d of records.disciplines) apply(disciplineRules, d, () => `discipline ${d.no}`, scope);
  for (const i of records.initiatives) apply(initiativeRules, i, () => `initiative ${i.no}`, scope);
  for (const a of records.awards) apply(awardRules, a, () => `award ${a.no}`, scope);
}

// ---- checking ------------------------------------------------------------------------------------------

function apply<T>(rules: readonly Rule<T>[], record: T, subject: () => string, scope: RuleScope): void {
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i] as Rule<T>;
    const problem = rule.check(record, scope);
    if (problem !== undefined) throw new RuleBroken(rule.name, subject(), problem);
  }
}

const memberSubject = (m: { id: string }) => `member ${m.id}`;
const modelSubject = (m: ModelExample) => `model example ${m.no}`;
const registrationSubject = (r: Registration) =>
  `registration of ${r.subject.kind === 'member' ? r.subject.memberId : r.subject.departmentId} for ${r.year}`;
const headSubject = (h: DepartmentHead) => `head of ${h.departmentId}`;

/** Checks every record of `scope.state` (a loaded snapshot); throws RuleBroken for the first rule broken. */
export function checkState(scope: RuleScope): void {
  const { state } = scope;
  for (const m of state.members) apply(memberRules, m, () => memberSubject(m), scope);
  // One subject for every row (the table hands the same facts object, row after row).
  let row: EntryFacts | undefined;
  const subject = () => `entry ${row?.code}`;
  state.entries.checkRows(
    (by) => isActor(by, scope),
    (facts) => {
      row = facts;
      apply(entryRules, facts, subject, scope);
    },
  );
  for (const m of state.models) apply(modelRules, m, () => modelSubject(m), scope);
  for (const r of state.registrations) apply(registrationRules, r, () => registrationSubject(r), scope);
  for (const h of state.heads) apply(headRules, h, () => headSubject(h), scope);
  for (const job of Object.entries(state.jobs)) apply(jobRules, job, () => `job ${job[0]}`, scope);
  // ---- year-end review (issue 20, h20b) ----
  for (const n of state.nominations) apply(nominationRules, n, () => nominationSubject(n), scope);
  for (const m of state.meetings) apply(meetingRules, m, () => `meeting ${m.no}`, scope);
  for (const r of state.rounds) apply(roundRules, r, () => `vote ${r.no}`, scope);
  for (const m of state.marks) apply(markRules, m, () => `mark of ${m.code}`, scope);
  // ---- year-end records (issue 20) ----
  checkRecords(scope, state);
  checkRecordsTogether(scope);
}

const nominationSubject = (n: Nomination) =>
  `nomination of ${n.subject.kind === 'member' ? n.subject.memberId : n.subject.departmentId} for ${n.awardId} ${n.year}`;

/**
 * The rules of a change as it comes, before it is applied: a new member or entry takes the next
 * number (as the commands give them).
 */
export function checkIncoming(event: StoreEvent, scope: RuleScope): void {
  const { state, idx } = scope;
  if (event.type === 'member.saved' && !idx.membersById.has(event.member.id)) {
    const next = `m${state.nextMemberNo}`;
    if (event.member.id !== next) {
      throw new RuleBroken(
        'member.id',
        memberSubject(event.member),
        `a new member takes the next id, ${next}`,
      );
    }
  }
  if (event.type === 'entry.created') {
    const no = Number(event.entry.code.slice(2));
    if (no !== state.nextEntryNo) {
      throw new RuleBroken(
        'entry.code',
        `entry ${event.entry.code}`,
        `a new entry takes the next number, ${state.nextEntryNo}`,
      );
    }
  }
}

/** Checks the records `event` touched, once it is applied; throws RuleBroken for the first rule broken. */
export function checkTouched(event: StoreEvent, scope: RuleScope): void {
  const { state, idx } = scope;
  const touched = touchedBy(event);
  if (touched.member) {
    const m = idx.membersById.get(touched.member);
    if (m) apply(memberRules, m, () => memberSubject(m), scope);
  }
  if (touched.entry) {
    const row = state.entries.rowOfCode(touched.entry);
    if (row !== -1) {
      const facts = entryFacts(state.entries.entry(row), scope);
      apply(entryRules, facts, () => `entry ${facts.code}`, scope);
    }
  }
  if (touched.model !== undefined) {
    const m = state.models.find((x) => x.no === touched.model);
    if (m) apply(modelRules, m, () => modelSubject(m), scope);
  }
  if (touched.registration) {
    const r = touched.registration;
    apply(registrationRules, r, () => registrationSubject(r), scope);
  }
  if (touched.head) {
    const h = state.heads.find((x) => x.departmentId === touched.head);
    if (h) apply(headRules, h, () => headSubject(h), scope);
  }
  if (touched.job) {
    const slot = state.jobs[touched.job];
    if (slot !== undefined) apply(jobRules, [touched.job, slot], () => `job ${touched.job}`, scope);
  }
  // ---- year-end review (issue 20, h20b) ----
  if (touched.nomination) {
    const n = touched.nomination;
    apply(nominationRules, n, () => nominationSubject(n), scope);
  }
  if (touched.meeting !== undefined) {
    const m = state.meetings.find((x) => x.no === touched.meeting);
    if (m) apply(meetingRules, m, () => `meeting ${m.no}`, scope);
    // A meeting closed with one of its votes still open breaks the vote's rule.
    for (const r of state.rounds.filter((x) => x.meetingNo === touched.meeting))
      apply(roundRules, r, () => `vote ${r.no}`, scope);
  }
  if (touched.round !== undefined) {
    const r = state.rounds.find((x) => x.no === touched.round);
    if (r) apply(roundRules, r, () => `vote ${r.no}`, scope);
  }
  if (touched.mark) {
    const m = touched.mark;
    apply(markRules, m, () => `mark of ${m.code}`, scope);
  }
  if (touched.records) checkRecords(scope, touched.records);
}

interface Touched {
  member?: string;
  entry?: string;
  model?: number;
  registration?: Registration;
  head?: string;
  job?: string;
  // ---- year-end review (issue 20, h20b) ----
  nomination?: Nomination;
  meeting?: number;
  round?: number;
  mark?: EntryMark;
  records?: Pick<State, 'ratings' | 'disciplines' | 'initiatives' | 'awards'>;
}

/** The records an event changes (a new event type must say which: the switch is exhaustive). */
export function touchedBy(event: StoreEvent): Touched {
  switch (event.type) {
    case 'member.saved':
      return { member: event.member.id };
    case 'member.linked':
      return { member: event.keep };
    case 'entry.created':
      return { entry: event.entry.code };
    case 'entry.withdrawn':
    case 'entry.reviewed':
      return { entry: event.code };
    case 'model.saved':
      return { model: event.model.no };
    case 'registration.saved':
      return { registration: event.registration };
    case 'head.saved':
      return { head: event.head.departmentId };
    case 'job.done':
      return { job: event.job };
    case 'records.saved':
      // What the records keep together (core/records.ts) is checked as the line is applied.
      return { records: event };
    // ---- year-end review (issue 20, h20b) ----
    case 'council.nomination.saved':
      return { nomination: event.nomination };
    case 'council.meeting.saved':
      return { meeting: event.meeting.no };
    case 'council.round.saved':
      return { round: event.round.no };
    case 'council.ballot.cast':
      return { round: event.round };
    case 'council.mark.saved':
      return { mark: event.mark };
    default: {
      const unknown: never = event;
      throw new Error(`no rules say what ${(unknown as StoreEvent).type} touches`);
    }
  }
}
