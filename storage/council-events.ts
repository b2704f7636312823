import type { EntryMark, Meeting, Nomination, VoteRound } from '../core/council-records.js';
import type { TitleSubject } from '../core/domain.js';
import type { State } from './schema.js';

/*
 * How the year-end review's events apply to the state, live and on replay, each with its undo
 * (storage/events.ts dispatches here). They refuse what must never be — a closed vote or meeting
 * changed, a second ballot of one member, a count above the roster, a history rewritten — so that a
 * journal line breaking a rule names itself as corrupt on replay, and a write breaking one is refused
 * before it is journalled.
 */

type Undo = () => void;

const sameSubject = (a: TitleSubject, b: TitleSubject) =>
  a.kind === 'member'
    ? b.kind === 'member' && a.memberId === b.memberId
    : b.kind === 'department' && a.departmentId === b.departmentId;

/** A record's new history must keep the old one as it was, and add to it. */
function extends_(
  before: { history: readonly unknown[] } | undefined,
  after: { history: readonly unknown[] },
) {
  if (!before) return;
  if (after.history.length <= before.history.length)
    throw new Error('a saved record must add to its history');
  for (const [i, item] of before.history.entries()) {
    if (JSON.stringify(item) !== JSON.stringify(after.history[i]))
      throw new Error('a history cannot be rewritten');
  }
}

/** Replaces the element at `index` (or appends when -1) in a fresh array, so the undo is a reassignment. */
function put<T>(list: readonly T[], index: number, item: T): T[] {
  return index === -1 ? [...list, item] : list.map((x, i) => (i === index ? item : x));
}

export function applyNomination(data: State, nomination: Nomination): Undo {
  const before = data.nominations;
  const index = before.findIndex(
    (n) =>
      n.year === nomination.year &&
      n.awardId === nomination.awardId &&
      sameSubject(n.subject, nomination.subject),
  );
  extends_(before[index], nomination);
  data.nominations = put(before, index, nomination);
  return () => {
    data.nominations = before;
  };
}

export function applyMeeting(data: State, meeting: Meeting): Undo {
  const before = data.meetings;
  const index = before.findIndex((m) => m.no === meeting.no);
  const previous = before[index];
  if (previous?.status === 'closed') throw new Error(`meeting ${meeting.no} is closed`);
  extends_(previous, meeting);
  if (!previous && before.some((m) => m.year === meeting.year && m.status === 'open'))
    throw new Error(`a meeting for ${meeting.year} is open already`);
  const ids = new Set(meeting.roster.map((r) => r.id));
  for (const who of [...meeting.absent.map((a) => a.id), ...meeting.counting]) {
    if (!ids.has(who)) throw new Error(`meeting ${meeting.no}: ${who} is not on its roster`);
  }
  data.meetings = put(before, index, meeting);
  return () => {
    data.meetings = before;
  };
}

/** Counts no greater than the ballots there can be, and consistent with each other. */
function checkTally(round: VoteRound): void {
  const t = round.tally;
  if (!t) return;
  const most = round.rosterSize;
  if (t.issued > most || t.returned > t.issued || t.valid > t.returned)
    throw new Error(`round ${round.no}: ballots issued ≥ returned ≥ valid, at most the roster (${most})`);
  if (t.counts.length !== round.candidates.length)
    throw new Error(`round ${round.no}: one count per candidate`);
  for (const c of t.counts) {
    if (c.agree + c.disagree > t.valid)
      throw new Error(`round ${round.no}: a candidate counted more than the valid ballots`);
  }
}

export function applyRound(data: State, round: VoteRound): Undo {
  const before = data.rounds;
  const index = before.findIndex((r) => r.no === round.no);
  const previous = before[index];
  if (previous) {
    if (previous.status !== 'open') throw new Error(`round ${round.no} is ${previous.status}`);
    extends_(previous, round);
    const frozen: (keyof VoteRound)[] = [
      'meetingNo',
      'year',
      'awardId',
      'method',
      'candidates',
      'voters',
      'rosterSize',
      'cast',
    ];
    for (const key of frozen) {
      if (JSON.stringify(previous[key]) !== JSON.stringify(round[key]))
        throw new Error(`round ${round.no}: ${key} cannot change`);
    }
    // Sealed ballots leave only when the round closes (opened into `ballots`) or is declared void.
    if (round.status === 'open' && JSON.stringify(previous.sealed) !== JSON.stringify(round.sealed))
      throw new Error(`round ${round.no}: sealed ballots change only by casting`);
    if (
      round.status === 'closed' &&
      round.method === 'electronic' &&
      round.ballots.length !== previous.cast.length
    )
      throw new Error(
        `round ${round.no}: ${round.ballots.length} ballots opened for ${previous.cast.length} cast`,
      );
  } else {
    const meeting = data.meetings.find((m) => m.no === round.meetingNo);
    if (meeting?.status !== 'open')
      throw new Error(`round ${round.no}: meeting ${round.meetingNo} is not open`);
    if (round.status !== 'open' || round.cast.length || round.sealed.length || round.ballots.length)
      throw new Error(`round ${round.no} must open empty`);
    if (round.voters.length > round.rosterSize)
      throw new Error(`round ${round.no}: more voters than members`);
  }
  if (round.status !== 'open' && round.sealed.length)
    throw new Error(`round ${round.no}: sealed ballots left after closing`);
  const length = round.candidates.length;
  for (const b of [...round.ballots, ...round.written.map((w) => w.choices)]) {
    if (b.length !== length)
      throw new Error(`round ${round.no}: a ballot of ${b.length} choices for ${length} candidates`);
  }
  if (round.written.length + round.voters.length > round.rosterSize)
    throw new Error(`round ${round.no}: more votes than members`);
  checkTally(round);
  data.rounds = put(before, index, round);
  return () => {
    data.rounds = before;
  };
}

export function applyCast(data: State, roundNo: number, voter: string, sealed: string): Undo {
  const before = data.rounds;
  const index = before.findIndex((r) => r.no === roundNo);
  const round = before[index];
  if (!round) throw new Error(`ballot for unknown round ${roundNo}`);
  if (round.status !== 'open' || round.method !== 'electronic')
    throw new Error(`round ${roundNo} takes no ballots`);
  if (!round.voters.includes(voter)) throw new Error(`round ${roundNo}: ${voter} does not vote in it`);
  if (round.cast.includes(voter)) throw new Error(`round ${roundNo}: ${voter} voted already`);
  // Neither list keeps the order of casting: voters in the roster's order, ballots in their bytes' order.
  const cast = round.voters.filter((v) => v === voter || round.cast.includes(v));
  const ballots = [...round.sealed, sealed].sort();
  data.rounds = put(before, index, { ...round, cast, sealed: ballots });
  return () => {
    data.rounds = before;
  };
}

export function applyMark(data: State, mark: EntryMark): Undo {
  if (data.entries.rowOfCode(mark.code) === -1) throw new Error(`mark of unknown entry ${mark.code}`);
  const before = data.marks;
  const index = before.findIndex(
    (m) => m.code === mark.code && m.kind === mark.kind && m.driveId === mark.driveId,
  );
  extends_(before[index], mark);
  data.marks = put(before, index, mark);
  return () => {
    data.marks = before;
  };
}
