import { entryNo } from '../core/codes.js';
import type { Entry, HistoryItem, Member, ModelExample } from '../core/domain.js';
import type { Handled } from '../core/repository.js';
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
  const undo = applyBody(data, idx, event);
  const source = event.source;
  const recorded = source !== undefined && !idx.handled.has(source);
  if (recorded) idx.handled.set(source, handledBy(event));
  data.seq = event.seq;
  return () => {
    undo();
    if (recorded) idx.handled.delete(source);
    data.seq = seqBefore;
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
  };
}
