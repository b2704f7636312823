import { entryCode } from '../core/codes.js';
import type {
  DepartmentHead,
  Entry,
  EntryKind,
  HistoryItem,
  Member,
  ModelExample,
  Registration,
} from '../core/domain.js';
import { parseIdentity } from '../core/identity.js';
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
}

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
}

interface Touched {
  member?: string;
  entry?: string;
  model?: number;
  registration?: Registration;
  head?: string;
  job?: string;
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
      // Year-end records keep their own rules (core/records.ts), checked as each line is applied.
      return {};
    default: {
      const unknown: never = event;
      throw new Error(`no rules say what ${(unknown as StoreEvent).type} touches`);
    }
  }
}
