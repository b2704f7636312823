import type { AgencyConfig, Department } from './agency.js';
import { type Entry, type EntryKind, MODEL_STAGES, type ModelExample, type ModelStage } from './domain.js';
import type { Period } from './periods.js';
import type { EntriesOf, EntryFact, RepositoryReads } from './repository.js';
import { counts, isPending, membersAt, PeriodTotals, type ReviewMode, topWithTies } from './scoring.js';

/** What the figures are computed from. */
export interface FiguresSource {
  store: RepositoryReads;
  agency: AgencyConfig;
}

export const KINDS: readonly EntryKind[] = ['deed', 'task', 'initiative'];
const TOP = 10;

/**
 * The figures of a period — what `/tonghop` shows and every report file holds, computed once here:
 * by kind, by department, by member, participation, the Council's review, model examples. Entries
 * count for the department they were logged in; the headcount is of the members at the period's end.
 */
export function summarise(ctx: FiguresSource, period: Period, department?: Department) {
  const { store, agency } = ctx;
  const mode = agency.review.mode;
  // One pass over the store's columns for every figure below: a year of a province is 100k entries,
  // and none is built as an object here (the entries themselves, `all` and `withdrawn`, are built
  // only if read: the workbook lists them, the chat does not).
  // A department's figures are core/scoring.ts's departmentPeriod reading: its entries are those
  // earned in it, its headcount its members at the period's end.
  const atEnd = membersAt(store.members, period.end)
    .filter((m) => !department || m.departmentId === department.id)
    .map((m) => m.member);
  const kinds = new Map(KINDS.map((kind) => [kind, { kind, count: 0, points: 0 }]));
  const totals = new PeriodTotals(mode);
  let adhoc = 0;
  let it = 0;
  let counted = 0;
  const review = { mode, pending: 0, approved: 0, rejected: 0 };
  const read = store.entryGroups(period.start, period.end);
  for (const e of read.groups) {
    if (department && e.departmentId !== department.id) continue;
    if (e.status === 'withdrawn') continue;
    if (e.review === 'approved') review.approved += e.count;
    else if (e.review === 'rejected') review.rejected += e.count;
    if (!totals.add(e, e.count)) continue;
    counted += e.count;
    const kind = kinds.get(e.kind);
    if (kind) {
      kind.count += e.count;
      kind.points += e.points;
    }
    if (e.kind === 'task' && e.adhoc) adhoc += e.count;
    if (e.kind === 'initiative' && e.it) it += e.count;
  }
  const withdrawnCodes = read.withdrawn
    .filter((w) => !department || w.departmentId === department.id)
    .map((w) => w.code);
  review.pending = totals.pending;
  const participants = totals.byMember;
  const byKind = [...kinds.values()];
  // Members ranked here: those of the department at the end, and anyone who earned points in it.
  const ranked = new Map(atEnd.map((m) => [m.id, m]));
  for (const id of participants.keys()) {
    const member = store.member(id);
    if (member) ranked.set(member.id, member);
  }
  const memberScores = totals.members([...ranked.values()]);
  const departments = totals.departments(
    store.members,
    department ? [department] : agency.departments,
    period.end,
  );
  let all: Entry[] | undefined;
  const entries = (): Entry[] => {
    all ??= store.entriesBetween(period.start, period.end, { departmentId: department?.id }) as Entry[];
    return all;
  };
  let withdrawn: Entry[] | undefined;
  return {
    period,
    department,
    byKind,
    total: { count: counted, points: byKind.reduce((s, k) => s + k.points, 0) },
    adhoc,
    it,
    departments,
    // In a department's figures, only its entries were read: who earned points in it.
    participants: atEnd.filter((m) => participants.has(m.id)).length,
    members: atEnd.length,
    top: topWithTies(memberScores, TOP).top,
    scores: memberScores,
    /** Every entry of the period (of the department), whatever its status: the workbook lists them all. */
    get all(): Entry[] {
      return entries();
    },
    /** The withdrawn ones among them (built when read). */
    get withdrawn(): Entry[] {
      withdrawn ??= entries().filter((e) => e.status === 'withdrawn');
      return withdrawn;
    },
    /** Their codes, oldest first (read from the columns). */
    withdrawnCodes,
    review,
    models: modelsOf(store, period, department),
  };
}

/**
 * Who withdrew each withdrawn entry, from its history: the one who logged it, or an admin (/huy is open
 * to no one else). Counted apart, so no document says an admin's withdrawal was the reporter's.
 */
export function withdrawnBy(entries: readonly Entry[]): { reporter: number; admin: number } {
  let reporter = 0;
  let admin = 0;
  for (const e of entries) {
    if (e.status !== 'withdrawn') continue;
    const item = e.history.findLast((h) => h.action === 'withdrawn');
    if (!item || item.by === e.reporterId) reporter += 1;
    else admin += 1;
  }
  return { reporter, admin };
}

/** The member or department a model example is about (an entry's: its member, and where it counted). */
export function modelSubject(
  store: RepositoryReads,
  model: ModelExample,
): { memberId?: string; departmentId?: string; entry?: Entry } {
  const s = model.subject;
  if (s.kind === 'department') return { departmentId: s.departmentId };
  if (s.kind === 'member')
    return { memberId: s.memberId, departmentId: store.member(s.memberId)?.departmentId };
  const entry = store.entry(s.code);
  return { memberId: entry?.memberId, departmentId: entry?.departmentId, entry };
}

/** The stage a model example had reached by `end` (undefined if it was proposed later). */
export function stageAt(model: ModelExample, end: Date): ModelStage | undefined {
  return model.stages.filter((s) => Date.parse(s.at) < end.getTime()).at(-1)?.stage;
}

/**
 * The model examples a period names: those proposed or moved on within it (of one department, if
 * given), each at the stage it had reached by the period's end, counted by stage.
 */
export function modelsOf(store: RepositoryReads, period: Period, department?: Department) {
  const start = period.start.getTime();
  const end = period.end.getTime();
  const list = store.models.filter((m) => {
    if (!m.stages.some((s) => Date.parse(s.at) >= start && Date.parse(s.at) < end)) return false;
    return !department || modelSubject(store, m).departmentId === department.id;
  });
  const byStage = Object.fromEntries(
    MODEL_STAGES.map((stage) => [stage, list.filter((m) => stageAt(m, period.end) === stage).length]),
  ) as Record<ModelStage, number>;
  return {
    list: list as readonly ModelExample[],
    byStage,
    stageOf: (m: ModelExample) => stageAt(m, period.end),
  };
}

export type Figures = ReturnType<typeof summarise>;

/** Counted entries of a member in `entries`, by kind (and the unplanned tasks and IT models among them). */
export function countsByKind(entries: readonly Entry[]) {
  return {
    deed: entries.filter((e) => e.kind === 'deed').length,
    task: entries.filter((e) => e.kind === 'task').length,
    adhoc: entries.filter((e) => e.kind === 'task' && e.adhoc).length,
    initiative: entries.filter((e) => e.kind === 'initiative').length,
    it: entries.filter((e) => e.kind === 'initiative' && e.it).length,
  };
}

/** Each member's entries in `entries` (any status), found once for a whole table. */
export function byMember<T extends EntryFact>(entries: readonly T[]): Map<string, T[]> {
  return groupBy(entries, (e) => e.memberId);
}

function groupBy<T>(entries: readonly T[], key: (entry: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entry of entries) {
    const own = map.get(key(entry));
    if (own) own.push(entry);
    else map.set(key(entry), [entry]);
  }
  return map;
}

/** How many members' or departments' entries PeriodEntries reads one at a time, before the period once. */
const ONE_BY_ONE = 8;

/** A period's entries (or their facts) by member and by department, as reports/criteria.ts reads them. */
export interface EntriesBySubject<T extends EntryFact = EntryFact> {
  /** The entries credited to member `id`. */
  ofMember(id: string): readonly T[];
  /** The entries logged in department `id`. */
  ofDepartment(id: string): readonly T[];
}

/**
 * A period's entries by member and by department (any status, oldest first), read as they are asked
 * for: the first few found in the store's columns, only theirs read — the Council's facts of one case
 * or a short list never read the year. Past ONE_BY_ONE of them the period is read once instead: a
 * page or document of every member would otherwise scan the columns once a member.
 */
class PeriodReads<T extends EntryFact> implements EntriesBySubject<T> {
  private readonly one = new Map<string, readonly T[]>();
  private all: { members: Map<string, T[]>; departments: Map<string, T[]> } | undefined;

  constructor(private readonly read: (of?: EntriesOf) => readonly T[]) {}

  ofMember(id: string): readonly T[] {
    return this.subject('memberId', id);
  }

  ofDepartment(id: string): readonly T[] {
    return this.subject('departmentId', id);
  }

  private subject(by: 'memberId' | 'departmentId', id: string): readonly T[] {
    if (!this.all) {
      const key = `${by} ${id}`;
      const kept = this.one.get(key);
      if (kept) return kept;
      if (this.one.size < ONE_BY_ONE) {
        const read = this.read({ [by]: id });
        this.one.set(key, read);
        return read;
      }
      const entries = this.read();
      this.all = { members: byMember(entries), departments: groupBy(entries, (e) => e.departmentId) };
    }
    return (by === 'memberId' ? this.all.members : this.all.departments).get(id) ?? [];
  }
}

/**
 * A period's entries by member and by department, built as entries (their texts, their history):
 * what the Council's facts of its cases list (a year of every member's would be 100k entries at a
 * province, ~90 MB kept).
 */
export class PeriodEntries extends PeriodReads<Entry> {
  constructor(store: RepositoryReads, period: Period) {
    super((of) => store.entriesBetween(period.start, period.end, of));
  }
}

/**
 * The same, as facts read from the store's columns (Repository.entryFacts: code, kind, member,
 * department, status, review): what the titles' criteria count — for every member of a province, the
 * desk's titles page read the year of entries built and kept (~220 MB of the bot's RSS at 100k).
 */
export class PeriodFacts extends PeriodReads<EntryFact> {
  constructor(store: RepositoryReads, period: Period) {
    super((of) => store.entryFacts(period.start, period.end, of));
  }
}

/**
 * One member's record in `entries` (their own entries, any status), as the review sheet and the
 * achievement report both read it: what counts in the review mode, by kind, and the Council's
 * decisions. One reading, so the two documents never disagree.
 */
export function recordOf(entries: readonly Entry[], mode: ReviewMode) {
  const counted = entries.filter((e) => counts(e, mode));
  const approved = entries.filter((e) => e.status === 'active' && e.review === 'approved');
  return {
    counted,
    byKind: countsByKind(counted),
    points: counted.reduce((s, e) => s + e.points, 0),
    approved,
    rejected: entries.filter((e) => e.status === 'active' && e.review === 'rejected'),
    pending: entries.filter(isPending),
    withdrawn: entries.filter((e) => e.status === 'withdrawn'),
  };
}

/** Model examples of `list` about a member: proposed for them, or for one of their entries. */
export function modelsAbout(store: RepositoryReads, list: readonly ModelExample[], memberId: string) {
  return list.filter((m) => m.subject.kind !== 'department' && modelSubject(store, m).memberId === memberId);
}
