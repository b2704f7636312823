import type { AgencyConfig } from './agency.js';
import { entryNo } from './codes.js';
import type { Award, CouncilConfig } from './council.js';
import type { CouncilHistoryItem, EntryMark, Nomination } from './council-records.js';
import type { Entry, TitleSubject } from './domain.js';
import type { Plan } from './plan.js';
import type { Actor, Repository, RepositoryReads } from './repository.js';

/*
 * The nomination lists (danh sách đề nghị) of a year, one per award: drafted from the registrations
 * for the title, with every change an admin made on the record (a name added with its reason, a name
 * taken off with its reason). The chat commands, the meeting, the drafts and the web desk all read the
 * lists here, so they never disagree.
 */

export interface ListSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  council: CouncilConfig;
}

/** The lists and the store that records their changes. */
export interface ListWriter extends ListSource {
  store: Repository;
}

/** One name on a list. */
export interface Candidate {
  subject: TitleSubject;
  /** How it came to the list. */
  origin: Nomination['origin'];
  /** Ghi chú: the reason it was added (empty for a registration). */
  note: string;
  /** The entries behind an exceptional or thematic proposal. */
  entries: readonly string[];
}

export const sameSubject = (a: TitleSubject, b: TitleSubject) =>
  a.kind === 'member'
    ? b.kind === 'member' && a.memberId === b.memberId
    : b.kind === 'department' && a.departmentId === b.departmentId;

export const subjectKey = (s: TitleSubject) =>
  s.kind === 'member' ? `m:${s.memberId}` : `d:${s.departmentId}`;

/** A subject's name as documents print it: the member's full name, or the department's name. */
export function subjectName(source: Pick<ListSource, 'store' | 'agency'>, subject: TitleSubject): string {
  if (subject.kind === 'member') return source.store.member(subject.memberId)?.fullName ?? subject.memberId;
  return source.agency.departments.find((d) => d.id === subject.departmentId)?.name ?? subject.departmentId;
}

/** The department a subject belongs to now (a member's, or the department itself). */
export function subjectDepartment(
  source: Pick<ListSource, 'store'>,
  subject: TitleSubject,
): string | undefined {
  return subject.kind === 'member'
    ? source.store.member(subject.memberId)?.departmentId
    : subject.departmentId;
}

/**
 * The list of `award` for `year`, in the order documents print it: by department in the agency's
 * order, the department itself first, then its members by name.
 */
export function nominationList(source: ListSource, year: number, award: Award): Candidate[] {
  const { store } = source;
  const changes = store.council.nominations.filter((n) => n.year === year && n.awardId === award.id);
  const candidates: Candidate[] = [];
  if (award.fromRegistration) {
    for (const r of store.registrations) {
      if (r.year !== year || r.titleId !== award.id) continue;
      if (r.subject.kind === 'member' && !store.member(r.subject.memberId)) continue;
      const change = changes.find((n) => sameSubject(n.subject, r.subject));
      if (change && !change.listed) continue;
      candidates.push({
        subject: r.subject,
        origin: change?.origin ?? 'registration',
        note: change?.note ?? '',
        entries: change?.entries ?? [],
      });
    }
  }
  for (const n of changes) {
    if (!n.listed || candidates.some((c) => sameSubject(c.subject, n.subject))) continue;
    candidates.push({ subject: n.subject, origin: n.origin, note: n.note ?? '', entries: n.entries ?? [] });
  }
  return sortCandidates(source, candidates);
}

export function sortCandidates<T extends { subject: TitleSubject }>(
  source: Pick<ListSource, 'store' | 'agency'>,
  list: T[],
): T[] {
  const order = new Map(source.agency.departments.map((d, i) => [d.id, i]));
  const rank = (s: TitleSubject) => order.get(subjectDepartment(source, s) ?? '') ?? order.size;
  return [...list].sort(
    (a, b) =>
      rank(a.subject) - rank(b.subject) ||
      (a.subject.kind === b.subject.kind ? 0 : a.subject.kind === 'department' ? -1 : 1) ||
      subjectName(source, a.subject).localeCompare(subjectName(source, b.subject), 'vi'),
  );
}

/** Every award's list for the year that has a name on it, in the Council file's order. */
export function nominationLists(
  source: ListSource,
  year: number,
): { award: Award; candidates: Candidate[] }[] {
  return source.council.awards.map((award) => ({ award, candidates: nominationList(source, year, award) }));
}

function item(action: CouncilHistoryItem['action'], actor: Actor, note: string): CouncilHistoryItem {
  return {
    at: actor.at.toISOString(),
    action,
    by: actor.by,
    platform: actor.platform,
    note,
    ...(actor.source ? { source: actor.source } : {}),
  };
}

export type ListChange =
  | { ok: true; nomination: Nomination }
  | { ok: false; reason: 'listedAlready' | 'notListed' | 'wrongSubject' };

/**
 * Puts `subject` on the year's list of `award`, with the reason (ghi chú), on the record. A name
 * already on it is refused, and nothing changes.
 */
export async function addNomination(
  source: ListWriter,
  year: number,
  award: Award,
  subject: TitleSubject,
  reason: string,
  actor: Actor,
  origin: Nomination['origin'] = 'added',
  entries?: readonly string[],
): Promise<ListChange> {
  if (!award.subjects.includes(subject.kind)) return { ok: false, reason: 'wrongSubject' };
  if (nominationList(source, year, award).some((c) => sameSubject(c.subject, subject)))
    return { ok: false, reason: 'listedAlready' };
  const before = source.store.council.nomination(year, award.id, subject);
  const nomination: Nomination = {
    year,
    awardId: award.id,
    subject,
    listed: true,
    origin: before?.origin === 'registration' ? 'registration' : origin,
    note: reason,
    ...(entries?.length || before?.entries
      ? { entries: [...new Set([...(before?.entries ?? []), ...(entries ?? [])])] }
      : {}),
    history: [...(before?.history ?? []), item('listed', actor, reason)],
  };
  return { ok: true, nomination: await source.store.council.saveNomination(nomination, actor) };
}

/** Takes `subject` off the year's list of `award`, with the reason, on the record. */
export async function removeNomination(
  source: ListWriter,
  year: number,
  award: Award,
  subject: TitleSubject,
  reason: string,
  actor: Actor,
): Promise<ListChange> {
  const listed = nominationList(source, year, award).find((c) => sameSubject(c.subject, subject));
  if (!listed) return { ok: false, reason: 'notListed' };
  const before = source.store.council.nomination(year, award.id, subject);
  const nomination: Nomination = {
    year,
    awardId: award.id,
    subject,
    listed: false,
    origin: before?.origin ?? listed.origin,
    ...(before?.note ? { note: before.note } : {}),
    ...(before?.entries ? { entries: before.entries } : {}),
    history: [...(before?.history ?? []), item('unlisted', actor, reason)],
  };
  return { ok: true, nomination: await source.store.council.saveNomination(nomination, actor) };
}

/** The marks of one kind (exceptional, or one drive) that stand now. */
export function activeMarks(store: RepositoryReads, kind: EntryMark['kind'], driveId?: string): EntryMark[] {
  return store.council.marks.filter(
    (m) => m.marked && m.kind === kind && (driveId === undefined || m.driveId === driveId),
  );
}

/** A drive of the plan (a milestone with `drive`), as /chuyende and its reminder read it. */
export interface Drive {
  id: string;
  title: string;
  tag: string;
  /** Its last day (the milestone's date), `YYYY-MM-DD`. */
  date: string;
}

export function drivesOf(plan: Plan | undefined): Drive[] {
  return (plan?.milestones ?? []).flatMap((m) =>
    m.drive ? [{ id: m.id, title: m.title, tag: m.drive.tag, date: m.date }] : [],
  );
}

/**
 * The entries of a drive: counted entries (active, not rejected) of the year whose text carries the
 * drive's `#tag`, and those the Council tagged to it — oldest first.
 */
export function driveEntries(store: RepositoryReads, drive: Drive, year: number): Entry[] {
  const start = new Date(Date.UTC(year, 0, 1, -7));
  const end = new Date(Date.UTC(year + 1, 0, 1, -7));
  // Those whose text carries the tag, found in the store's columns (the year is not built), and those
  // the Council tagged, by code.
  const found = new Map(store.entriesBetween(start, end, { tag: drive.tag }).map((e) => [e.code, e]));
  for (const { code } of activeMarks(store, 'drive', drive.id)) {
    const entry = store.entry(code);
    const time = Date.parse(entry?.at ?? '');
    if (entry?.code === code && time >= start.getTime() && time < end.getTime()) found.set(code, entry);
  }
  // Oldest first, as the store keeps them: by time, then in the order logged (their numbers).
  return [...found.values()]
    .filter((e) => e.status === 'active' && e.review !== 'rejected')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || entryNo(a.code) - entryNo(b.code));
}
