import { entryNo } from '../core/codes.js';
import type {
  Award,
  DepartmentHead,
  Entry,
  HistoryItem,
  Member,
  ModelExample,
  Registration,
  TitleSubject,
} from '../core/domain.js';
import { recordsInvariants, sameSubject as sameRecordSubject } from '../core/records.js';
import type { Handled } from '../core/repository.js';
import { applyCast, applyMark, applyMeeting, applyNomination, applyRound } from './council-events.js';
import { foundInEntries } from './handled.js';
import type { Indexes } from './indexes.js';
import type { State, StoreEvent } from './schema.js';

/** Takes an applied event back out of memory (its write failed before it was acknowledged). */
export type Undo = () => void;

/**
 * Applies one event to the state and its indexes — live, and on replay of the journal — and returns
 * how to take it back. An event that cannot apply (an unknown entry, a duplicate code) throws, and
 * on replay that names the journal line as corrupt.
 */
export function applyEvent(data: State, idx: Indexes, event: StoreEvent): Undo {
  const seqBefore = data.seq;
  const lastBefore = data.last;
  const undo = applyBody(data, idx, event);
  const source = event.source;
  // A change to an entry is found by its message in the entry table (storage/handled.ts).
  const recorded = source !== undefined && !foundInEntries(event) && !idx.handled.has(source);
  if (recorded) idx.handled.set(source, handledBy(event));
  data.seq = event.seq;
  // The chain goes on from a sealed line (a line of layout 7 has no sum: the chain starts after it).
  if (event.sum !== undefined) data.last = event.sum;
  return () => {
    undo();
    if (recorded) idx.handled.delete(source);
    data.seq = seqBefore;
    data.last = lastBefore;
  };
}

function handledBy(event: StoreEvent): Handled {
  switch (event.type) {
    case 'entry.created':
      return { type: event.type, entry: event.entry.code };
    case 'entry.withdrawn':
    case 'entry.reviewed':
      return { type: event.type, entry: event.code };
    case 'model.saved':
      return { type: event.type, model: event.model.no };
    default:
      return { type: event.type };
  }
}

function applyBody(data: State, idx: Indexes, event: StoreEvent): Undo {
  switch (event.type) {
    case 'member.saved':
      return applyMember(data, idx, withDepartments(idx, event.member));
    case 'entry.created': {
      const { entry } = event;
      // A layout-3 journal line: the entry counts for its member's department at this point.
      const departmentId = entry.departmentId ?? idx.membersById.get(entry.memberId)?.departmentId;
      if (!departmentId) throw new Error(`entry ${entry.code} credits unknown member ${entry.memberId}`);
      return applyEntry(data, idx, { ...entry, departmentId });
    }
    case 'entry.withdrawn':
      return applyWithdrawal(data, event.code, event.item);
    case 'entry.reviewed':
      return applyReview(data, event.code, event.item);
    case 'model.saved':
      return applyModel(data, event.model);
    case 'member.linked':
      return applyLink(data, idx, event.keep, event.identity, event.item);
    case 'registration.saved':
      return applyRegistration(data, idx, event.registration);
    case 'head.saved':
      return applyHead(data, idx, event.head);
    // ---- year-end review (issue 20, h20b) ----
    case 'council.nomination.saved':
      return applyNomination(data, event.nomination);
    case 'council.meeting.saved':
      return applyMeeting(data, event.meeting);
    case 'council.round.saved':
      return applyRound(data, event.round);
    case 'council.ballot.cast':
      return applyCast(data, event.round, event.voter, event.sealed);
    case 'council.mark.saved':
      return applyMark(data, event.mark);
    case 'records.saved':
      return applyRecords(data, idx, event);
    case 'job.done': {
      const jobs = data.jobs;
      const before = jobs[event.job];
      jobs[event.job] = event.slot;
      return () => {
        if (before === undefined) delete jobs[event.job];
        else jobs[event.job] = before;
      };
    }
  }
}

/** A member saved by layout 3 (no department list): its list continues the one held now. */
function withDepartments(
  idx: Indexes,
  member: Omit<Member, 'departments'> & Partial<Pick<Member, 'departments'>>,
): Member {
  if (member.departments) return member as Member;
  const previous = idx.membersById.get(member.id);
  if (!previous) {
    return { ...member, departments: [{ departmentId: member.departmentId, from: member.registeredAt }] };
  }
  const departments =
    previous.departmentId === member.departmentId
      ? previous.departments
      : [
          ...previous.departments,
          { departmentId: member.departmentId, from: member.history.at(-1)?.at ?? member.registeredAt },
        ];
  return { ...member, departments };
}

function applyMember(data: State, idx: Indexes, member: Member): Undo {
  const previous = idx.membersById.get(member.id);
  const nextBefore = data.nextMemberNo;
  const no = Number(member.id.slice(1));
  if (Number.isInteger(no)) data.nextMemberNo = Math.max(data.nextMemberNo, no + 1);
  if (previous) {
    data.members[data.members.indexOf(previous)] = member;
    idx.unindexMember(previous);
  } else {
    data.members.push(member);
  }
  idx.indexMember(member);
  return () => {
    idx.unindexMember(member);
    if (previous) {
      data.members[data.members.indexOf(member)] = previous;
      idx.indexMember(previous);
    } else {
      data.members.splice(data.members.indexOf(member), 1);
    }
    data.nextMemberNo = nextBefore;
  };
}

function applyEntry(data: State, idx: Indexes, entry: Entry): Undo {
  for (const id of [entry.memberId, entry.reporterId]) {
    if (!idx.membersById.has(id)) throw new Error(`entry ${entry.code} refers to unknown member ${id}`);
  }
  const table = data.entries;
  const nextBefore = data.nextEntryNo;
  table.append(entry);
  data.nextEntryNo = Math.max(data.nextEntryNo, entryNo(entry.code) + 1);
  return () => {
    table.removeLast();
    data.nextEntryNo = nextBefore;
  };
}

/** The row of the entry whose code is `code` (an unknown code is a line that cannot apply). */
function rowOf(data: State, code: string, what: string): number {
  const row = data.entries.rowOfCode(code);
  if (row === -1) throw new Error(`${what} of unknown entry ${code}`);
  return row;
}

function applyWithdrawal(data: State, code: string, item: HistoryItem): Undo {
  const table = data.entries;
  const row = rowOf(data, code, 'withdrawal');
  if (table.status(row) !== 'active') throw new Error(`entry ${code} is not active`);
  table.setStatus(row, 'withdrawn');
  table.pushItem(row, item);
  return () => {
    table.popItem(row);
    table.setStatus(row, 'active');
  };
}

function applyReview(data: State, code: string, item: HistoryItem): Undo {
  const table = data.entries;
  const row = rowOf(data, code, 'review');
  if (table.status(row) !== 'active') throw new Error(`entry ${code} is withdrawn`);
  const before = table.review(row);
  if (item.action === 'reopened') {
    if (before === 'pending') throw new Error(`entry ${code} is pending already`);
    table.setReview(row, 'pending');
  } else if (item.action === 'approved' || item.action === 'rejected') {
    if (before !== 'pending') throw new Error(`entry ${code} is not pending`);
    table.setReview(row, item.action);
  } else {
    throw new Error(`not a decision: ${item.action}`);
  }
  table.pushItem(row, item);
  return () => {
    table.popItem(row);
    table.setReview(row, before);
  };
}

function applyModel(data: State, model: ModelExample): Undo {
  const index = data.models.findIndex((m) => m.no === model.no);
  const previous = data.models[index];
  const nextBefore = data.nextModelNo;
  if (previous) data.models[index] = model;
  else data.models.push(model);
  data.nextModelNo = Math.max(data.nextModelNo, model.no + 1);
  return () => {
    if (previous) data.models[index] = previous;
    else data.models.pop();
    data.nextModelNo = nextBefore;
  };
}

/** Whether two registrations are of the same subject (the same member, or the same department). */
export function sameSubject(a: TitleSubject, b: TitleSubject): boolean {
  return a.kind === 'member'
    ? b.kind === 'member' && a.memberId === b.memberId
    : b.kind === 'department' && a.departmentId === b.departmentId;
}

/** A registration replaces the one of its year and subject (its history holds the earlier ones). */
function applyRegistration(data: State, idx: Indexes, registration: Registration): Undo {
  const s = registration.subject;
  if (s.kind === 'member' && !idx.membersById.has(s.memberId))
    throw new Error(`registration of unknown member ${s.memberId}`);
  const before = data.registrations;
  const index = before.findIndex((r) => r.year === registration.year && sameSubject(r.subject, s));
  data.registrations =
    index === -1 ? [...before, registration] : before.map((r, i) => (i === index ? registration : r));
  return () => {
    data.registrations = before;
  };
}

function applyHead(data: State, idx: Indexes, head: DepartmentHead): Undo {
  if (head.memberId && !idx.membersById.has(head.memberId))
    throw new Error(`head of ${head.departmentId} is unknown member ${head.memberId}`);
  const before = data.heads;
  const index = before.findIndex((h) => h.departmentId === head.departmentId);
  data.heads = index === -1 ? [...before, head] : before.map((h, i) => (i === index ? head : h));
  return () => {
    data.heads = before;
  };
}

/**
 * A merged member's registrations and headships become `keep`'s. Where both registered for the same
 * year, `keep`'s title stands and the other's choices join its history, so nothing is lost.
 */
function moveTitles(data: State, otherId: string, keepId: string): Undo {
  const registrations = data.registrations;
  const heads = data.heads;
  const mine = (r: Registration) => r.subject.kind === 'member' && r.subject.memberId === keepId;
  const theirs = (r: Registration) => r.subject.kind === 'member' && r.subject.memberId === otherId;
  const byTime = (a: HistoryItem, b: HistoryItem) => Date.parse(a.at) - Date.parse(b.at);
  data.registrations = registrations.flatMap((r) => {
    if (mine(r)) {
      const other = registrations.find((x) => theirs(x) && x.year === r.year);
      return other ? [{ ...r, history: [...r.history, ...other.history].sort(byTime) }] : [r];
    }
    if (!theirs(r)) return [r];
    if (registrations.some((x) => mine(x) && x.year === r.year)) return [];
    return [{ ...r, subject: { kind: 'member' as const, memberId: keepId } }];
  });
  data.heads = heads.map((h) => (h.memberId === otherId ? { ...h, memberId: keepId } : h));
  return () => {
    data.registrations = registrations;
    data.heads = heads;
  };
}

/**
 * `identity` joins member `keep`. If another member held it, they are merged into `keep`: their
 * identities, entries (credited and reported) and model examples move over, and their record goes.
 */
function applyLink(data: State, idx: Indexes, keepId: string, identity: string, item: HistoryItem): Undo {
  const keep = idx.membersById.get(keepId);
  if (!keep) throw new Error(`link to unknown member ${keepId}`);
  const other = idx.membersByIdentity.get(identity);
  if (other?.id === keepId) throw new Error(`${identity} is linked to ${keepId} already`);
  const merged: Member = {
    ...keep,
    identities: [...new Set([...keep.identities, ...(other?.identities ?? [identity])])],
    ...(keep.username || !other?.username ? {} : { username: other.username }),
    privateChat: keep.privateChat || other?.privateChat || undefined,
    history: [...keep.history, ...(other?.history ?? []), item],
  };
  if (merged.privateChat === undefined) delete merged.privateChat;
  let moveBack = () => {};
  const models: { index: number; model: ModelExample }[] = [];
  const otherIndex = other ? data.members.indexOf(other) : -1;
  const titlesBack = other ? moveTitles(data, other.id, keepId) : () => {};
  const recordsBack = other ? moveRecords(data, other.id, keepId) : () => {};
  if (other) {
    moveBack = data.entries.reassign(other.id, keepId);
    for (const [index, model] of data.models.entries()) {
      if (model.subject.kind === 'member' && model.subject.memberId === other.id) {
        models.push({ index, model });
        data.models[index] = { ...model, subject: { kind: 'member', memberId: keepId } };
      }
    }
    idx.unindexMember(other);
    data.members.splice(otherIndex, 1);
  }
  idx.unindexMember(keep);
  data.members[data.members.indexOf(keep)] = merged;
  idx.indexMember(merged);
  return () => {
    idx.unindexMember(merged);
    data.members[data.members.indexOf(merged)] = keep;
    idx.indexMember(keep);
    if (other) {
      data.members.splice(otherIndex, 0, other);
      idx.indexMember(other);
      moveBack();
      for (const m of models) data.models[m.index] = m.model;
    }
    titlesBack();
    recordsBack();
  };
}

// ---- year-end records (core/records.ts) -------------------------------------------------------------

type RecordsEvent = Extract<StoreEvent, { type: 'records.saved' }>;

/**
 * Year-end records replace their earlier selves (ratings by year and subject, the others by number);
 * then every rule the records keep together is checked over the whole (core/records.ts's
 * `recordsInvariants`): a line that breaks one cannot apply.
 */
function applyRecords(data: State, idx: Indexes, event: RecordsEvent): Undo {
  const before = {
    ratings: data.ratings,
    disciplines: data.disciplines,
    initiatives: data.initiatives,
    awards: data.awards,
  };
  const byNo = <T extends { no: number }>(list: T[], saved: readonly T[]) => {
    const out = [...list];
    for (const record of saved) {
      const at = out.findIndex((x) => x.no === record.no);
      if (at === -1) out.push(record);
      else out[at] = record;
    }
    return out;
  };
  const ratings = [...data.ratings];
  for (const rating of event.ratings) {
    const at = ratings.findIndex(
      (r) => r.year === rating.year && sameRecordSubject(r.subject, rating.subject),
    );
    if (at === -1) ratings.push(rating);
    else ratings[at] = rating;
  }
  data.ratings = ratings;
  data.disciplines = byNo(data.disciplines, event.disciplines);
  data.initiatives = byNo(data.initiatives, event.initiatives);
  data.awards = byNo(data.awards, event.awards);
  const wrong = recordsInvariants({ ...data, member: (id) => idx.membersById.get(id) });
  if (wrong.length > 0) {
    Object.assign(data, before);
    throw new Error(`records break a rule: ${wrong.slice(0, 3).join('; ')}`);
  }
  return () => {
    Object.assign(data, before);
  };
}

/**
 * A merged member's year-end records become `keep`'s. Where both were rated for the same year,
 * `keep`'s rating stands and the other's history joins it, so nothing is lost.
 */
function moveRecords(data: State, otherId: string, keepId: string): Undo {
  const before = {
    ratings: data.ratings,
    disciplines: data.disciplines,
    initiatives: data.initiatives,
    awards: data.awards,
  };
  const swap = <T extends { kind: string }>(s: T): T =>
    s.kind === 'member' && (s as { memberId?: string }).memberId === otherId ? { ...s, memberId: keepId } : s;
  const keeps = (r: { subject: { kind: string; memberId?: string } }) =>
    r.subject.kind === 'member' && r.subject.memberId === keepId;
  const theirs = (r: { subject: { kind: string; memberId?: string } }) =>
    r.subject.kind === 'member' && r.subject.memberId === otherId;
  data.ratings = data.ratings.flatMap((r) => {
    if (keeps(r)) {
      const other = data.ratings.find((x) => theirs(x) && x.year === r.year);
      return other ? [{ ...r, history: [...r.history, ...other.history].sort(byTime) }] : [r];
    }
    if (!theirs(r)) return [r];
    if (data.ratings.some((x) => keeps(x) && x.year === r.year)) return [];
    return [{ ...r, subject: swap(r.subject) }];
  });
  data.disciplines = data.disciplines.map((d) => (theirs(d) ? { ...d, subject: swap(d.subject) } : d));
  data.initiatives = data.initiatives.map((i) =>
    i.authors.includes(otherId) || i.usedBy?.memberId === otherId
      ? {
          ...i,
          authors: [...new Set(i.authors.map((a) => (a === otherId ? keepId : a)))],
          ...(i.usedBy
            ? {
                usedBy: { ...i.usedBy, memberId: i.usedBy.memberId === otherId ? keepId : i.usedBy.memberId },
              }
            : {}),
        }
      : i,
  );
  data.awards = data.awards.map((a): Award => {
    if (!a.recipients.some((r) => theirs(r))) return a;
    const recipients = a.recipients
      .map((r) => ({ ...r, subject: swap(r.subject) }))
      .filter((r, i, all) => all.findIndex((x) => sameRecordSubject(x.subject, r.subject)) === i);
    return { ...a, recipients };
  });
  return () => {
    Object.assign(data, before);
  };
}

const byTime = (a: HistoryItem, b: HistoryItem) => Date.parse(a.at) - Date.parse(b.at);
