import { openBallot, sealBallot } from './ballot-seal.js';
import {
  type Award,
  awardById,
  type CouncilConfig,
  meetsThreshold,
  type RosterMember,
  type VoteMethod,
  votesNeeded,
} from './council.js';
import type { CouncilHistoryItem, Meeting, RosterSnapshot, VoteRound } from './council-records.js';
import type { TitleSubject } from './domain.js';
import { type ListSource, type ListWriter, nominationList } from './nominations.js';
import type { Actor } from './repository.js';

/*
 * The Council's meeting and its votes, as rules every front end shares (the chat commands, the web
 * desk): open a meeting for a year with its attendance, vote on each award's list — a show of hands
 * the secretary counts, a paper ballot the counting committee counts, or an electronic secret ballot
 * — record the written votes of absent members, close each vote and the meeting. Bad input is refused
 * with a reason and changes nothing; the store checks the same rules again (storage/council-events.ts).
 * The bot counts; the Council concludes and the competent head decides.
 */

/** Why a step was refused; commands and the desk put it in words (core/council-words.ts). */
export type Refusal =
  | { code: 'meetingOpen'; no: number }
  | { code: 'noMeeting' }
  | { code: 'meetingClosed'; no: number }
  | { code: 'roundOpenStill'; no: number }
  | { code: 'unknownRound'; no: number }
  | { code: 'noOpenRound' }
  | { code: 'roundNotOpen'; no: number; status: VoteRound['status'] }
  | { code: 'secretAward'; award: string }
  | { code: 'emptyList'; award: string }
  | { code: 'roundOpenFor'; no: number; award: string }
  | { code: 'noElectronicVoters' }
  | { code: 'notElectronic'; no: number }
  | { code: 'electronicCounts'; no: number }
  | { code: 'countsMismatch'; expected: number; given: number }
  | { code: 'countTooLarge'; what: 'issued' | 'returned' | 'valid' | 'candidate'; max: number; given: number }
  | { code: 'noCounts'; no: number }
  | { code: 'notAbsent'; name: string }
  | { code: 'writtenTwice'; name: string }
  | { code: 'choicesMismatch'; expected: number; given: number }
  | { code: 'notVoter' }
  | { code: 'absentVoter' }
  | { code: 'votedAlready'; no: number }
  | { code: 'keyMissing'; no: number }
  | { code: 'attendanceSame' };

export type Outcome<T> = { ok: true; value: T; warnings?: Warning[] } | { ok: false; refusal: Refusal };

/** What the bot notes and records anyway (a real meeting happened; people decide). */
export type Warning = { code: 'noQuorum'; present: number; needed: number; total: number };

const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

export interface MeetingSource extends ListWriter {
  actor: Actor;
}

function item(action: CouncilHistoryItem['action'], actor: Actor, note?: string): CouncilHistoryItem {
  return {
    at: actor.at.toISOString(),
    action,
    by: actor.by,
    platform: actor.platform,
    ...(note ? { note } : {}),
    ...(actor.source ? { source: actor.source } : {}),
  };
}

// ---- the meeting ----------------------------------------------------------------------------------

/** The open meeting of a year, if any. */
export function openMeetingOf(source: Pick<ListSource, 'store'>, year: number): Meeting | undefined {
  return source.store.council.meetings.find((m) => m.year === year && m.status === 'open');
}

/** The year's latest meeting (open or closed). */
export function latestMeeting(source: Pick<ListSource, 'store'>, year: number): Meeting | undefined {
  return source.store.council.meetings.filter((m) => m.year === year).at(-1);
}

export const present = (meeting: Meeting): RosterSnapshot[] =>
  meeting.roster.filter((r) => !meeting.absent.some((a) => a.id === r.id));

export const roleHolder = (meeting: Meeting, role: RosterSnapshot['role']) =>
  meeting.roster.find((r) => r.role === role);

function quorum(council: CouncilConfig, meeting: Meeting): Warning[] {
  const total = meeting.roster.length;
  const here = present(meeting).length;
  if (meetsThreshold(council.quorum, here, total)) return [];
  return [{ code: 'noQuorum', present: here, needed: votesNeeded(council.quorum, total), total }];
}

/**
 * Opens the Council's meeting for `year`: when and where it sits, who is absent (and why). The roster
 * is the Council file's, kept in the meeting as it is today.
 */
export async function openMeeting(
  source: MeetingSource,
  input: { year: number; startsAt: Date; place: string; absent: { id: string; reason?: string }[] },
): Promise<Outcome<Meeting>> {
  const { store, council, actor } = source;
  const open = openMeetingOf(source, input.year);
  if (open) return refuse({ code: 'meetingOpen', no: open.no });
  const no = Math.max(0, ...store.council.meetings.map((m) => m.no)) + 1;
  const meeting: Meeting = {
    no,
    year: input.year,
    startsAt: input.startsAt.toISOString(),
    place: input.place,
    roster: council.members.map(({ id, fullName, position, role }) => ({ id, fullName, position, role })),
    absent: input.absent.map((a) => ({ id: a.id, ...(a.reason ? { reason: a.reason } : {}) })),
    counting: [...council.counting],
    status: 'open',
    history: [item('opened', actor, `${input.startsAt.toISOString()} | ${input.place}`)],
  };
  await store.council.saveMeeting(meeting, actor);
  return { ok: true, value: meeting, warnings: quorum(council, meeting) };
}

/** Marks a Council member present or absent (with the reason) while the meeting is open. */
export async function setAttendance(
  source: MeetingSource,
  meeting: Meeting,
  member: RosterSnapshot,
  isPresent: boolean,
  reason?: string,
): Promise<Outcome<Meeting>> {
  if (meeting.status !== 'open') return refuse({ code: 'meetingClosed', no: meeting.no });
  const wasAbsent = meeting.absent.some((a) => a.id === member.id);
  if (wasAbsent === !isPresent && !reason) return refuse({ code: 'attendanceSame' });
  const absent = meeting.absent.filter((a) => a.id !== member.id);
  if (!isPresent) absent.push({ id: member.id, ...(reason ? { reason } : {}) });
  const updated: Meeting = {
    ...meeting,
    absent: meeting.roster.flatMap((r) => absent.filter((a) => a.id === r.id)),
    history: [
      ...meeting.history,
      item(
        'attendance',
        source.actor,
        `${member.id}: ${isPresent ? 'present' : 'absent'}${reason ? ` | ${reason}` : ''}`,
      ),
    ],
  };
  await source.store.council.saveMeeting(updated, source.actor);
  return { ok: true, value: updated, warnings: quorum(source.council, updated) };
}

/** Closes the meeting with the Council's conclusion; every vote must be closed first. */
export async function closeMeeting(
  source: MeetingSource,
  meeting: Meeting,
  conclusion?: string,
): Promise<Outcome<Meeting>> {
  if (meeting.status !== 'open') return refuse({ code: 'meetingClosed', no: meeting.no });
  const open = source.store.council.rounds.find((r) => r.meetingNo === meeting.no && r.status === 'open');
  if (open) return refuse({ code: 'roundOpenStill', no: open.no });
  const closed: Meeting = {
    ...meeting,
    status: 'closed',
    closedAt: source.actor.at.toISOString(),
    ...(conclusion ? { conclusion } : {}),
    history: [...meeting.history, item('closed', source.actor, conclusion)],
  };
  await source.store.council.saveMeeting(closed, source.actor);
  return { ok: true, value: closed };
}

// ---- the votes --------------------------------------------------------------------------------------

export function roundsOf(source: Pick<ListSource, 'store'>, meeting: Meeting): VoteRound[] {
  return source.store.council.rounds.filter((r) => r.meetingNo === meeting.no);
}

/**
 * Opens a vote on `award`'s list as it stands: a show of hands (not for an award the Council votes on
 * by secret ballot), a paper ballot, or an electronic ballot (its key made and kept first, outside the
 * store). Those present vote; the share is of all members.
 */
export async function openRound(
  source: MeetingSource,
  meeting: Meeting,
  award: Award,
  method: VoteMethod,
): Promise<Outcome<VoteRound>> {
  const { store, actor } = source;
  if (meeting.status !== 'open') return refuse({ code: 'meetingClosed', no: meeting.no });
  if (method === 'hands' && award.vote === 'secret')
    return refuse({ code: 'secretAward', award: award.name });
  const already = roundsOf(source, meeting).find((r) => r.awardId === award.id && r.status === 'open');
  if (already) return refuse({ code: 'roundOpenFor', no: already.no, award: award.name });
  const candidates = nominationList(source, meeting.year, award).map((c) => c.subject);
  if (candidates.length === 0) return refuse({ code: 'emptyList', award: award.name });
  const voters = present(meeting).map((r) => r.id);
  if (method === 'electronic' && !voters.some((id) => electronicVoter(source.council, id)))
    return refuse({ code: 'noElectronicVoters' });
  const no = Math.max(0, ...store.council.rounds.map((r) => r.no)) + 1;
  const round: VoteRound = {
    no,
    meetingNo: meeting.no,
    year: meeting.year,
    awardId: award.id,
    method,
    candidates,
    rosterSize: meeting.roster.length,
    voters,
    status: 'open',
    written: [],
    cast: [],
    sealed: [],
    ballots: [],
    history: [item('opened', actor, method)],
  };
  // The key is on disk before the vote exists: a restart mid-vote can still count it.
  if (method === 'electronic') await store.council.ballotKeys.create(no);
  await store.council.saveRound(round, actor);
  return { ok: true, value: round };
}

const electronicVoter = (council: CouncilConfig, id: string) =>
  (council.members.find((m) => m.id === id)?.identities.length ?? 0) > 0;

export interface CountsInput {
  /** Paper: ballots issued, returned, valid (a show of hands: those present raise hands). */
  issued?: number | undefined;
  returned?: number | undefined;
  valid?: number | undefined;
  /** Per candidate in the round's order: agree, and for a show of hands disagree. */
  agree: number[];
  disagree?: (number | undefined)[] | undefined;
}

/**
 * The secretary's count of a show of hands, or the counting committee's count of a paper ballot. A
 * count larger than those who could vote is refused; counts may be entered again until the vote
 * closes (each entry stays in its history).
 */
export async function recordCounts(
  source: MeetingSource,
  round: VoteRound,
  input: CountsInput,
): Promise<Outcome<VoteRound>> {
  if (round.status !== 'open') return refuse({ code: 'roundNotOpen', no: round.no, status: round.status });
  if (round.method === 'electronic') return refuse({ code: 'electronicCounts', no: round.no });
  const n = round.candidates.length;
  if (input.agree.length !== n)
    return refuse({ code: 'countsMismatch', expected: n, given: input.agree.length });
  const here = round.voters.length;
  let issued = here;
  let returned = here;
  let valid = here;
  if (round.method === 'paper') {
    issued = input.issued ?? here;
    if (issued > here) return refuse({ code: 'countTooLarge', what: 'issued', max: here, given: issued });
    returned = input.returned ?? issued;
    if (returned > issued)
      return refuse({ code: 'countTooLarge', what: 'returned', max: issued, given: returned });
    valid = input.valid ?? returned;
    if (valid > returned)
      return refuse({ code: 'countTooLarge', what: 'valid', max: returned, given: valid });
  }
  const counts = [];
  for (const [i, agree] of input.agree.entries()) {
    // A valid paper ballot keeps or strikes every name; hands: those not raising either abstain.
    const disagree = round.method === 'paper' ? valid - agree : (input.disagree?.[i] ?? 0);
    if (agree > valid || disagree < 0 || agree + disagree > valid)
      return refuse({
        code: 'countTooLarge',
        what: 'candidate',
        max: valid,
        given: agree + Math.max(0, disagree),
      });
    counts.push({ agree, disagree });
  }
  const tally = { issued, returned, valid, counts };
  const updated: VoteRound = {
    ...round,
    tally,
    history: [...round.history, item('counted', source.actor, JSON.stringify(tally))],
  };
  await source.store.council.saveRound(updated, source.actor);
  return { ok: true, value: updated };
}

/** An absent member's written vote (signed, so recorded by name), while the vote is open. */
export async function recordWritten(
  source: MeetingSource,
  round: VoteRound,
  meeting: Meeting,
  member: RosterSnapshot,
  choices: string,
): Promise<Outcome<VoteRound>> {
  if (round.status !== 'open') return refuse({ code: 'roundNotOpen', no: round.no, status: round.status });
  if (!meeting.absent.some((a) => a.id === member.id) || round.voters.includes(member.id))
    return refuse({ code: 'notAbsent', name: member.fullName });
  if (round.written.some((w) => w.id === member.id))
    return refuse({ code: 'writtenTwice', name: member.fullName });
  if (choices.length !== round.candidates.length)
    return refuse({ code: 'choicesMismatch', expected: round.candidates.length, given: choices.length });
  const updated: VoteRound = {
    ...round,
    written: [...round.written, { id: member.id, choices }],
    history: [...round.history, item('written', source.actor, member.id)],
  };
  await source.store.council.saveRound(updated, source.actor);
  return { ok: true, value: updated };
}

/** The open electronic votes a Council member may still cast, oldest first. */
export function ballotsAwaiting(
  source: Pick<ListSource, 'store'>,
  voter: RosterMember | RosterSnapshot,
): VoteRound[] {
  return source.store.council.rounds.filter(
    (r) =>
      r.status === 'open' &&
      r.method === 'electronic' &&
      r.voters.includes(voter.id) &&
      !r.cast.includes(voter.id),
  );
}

/**
 * Casts a Council member's electronic ballot: one per member and vote, from a member present at the
 * meeting, while the vote is open. The ballot is sealed before it reaches the store; the store keeps
 * that the member voted, never what they chose.
 */
export async function castBallot(
  source: MeetingSource,
  round: VoteRound,
  voter: RosterMember,
  choices: string,
): Promise<Outcome<VoteRound>> {
  if (round.method !== 'electronic') return refuse({ code: 'notElectronic', no: round.no });
  if (round.status !== 'open') return refuse({ code: 'roundNotOpen', no: round.no, status: round.status });
  if (!round.voters.includes(voter.id)) {
    const meeting = source.store.council.meeting(round.meetingNo);
    return refuse(
      meeting?.roster.some((r) => r.id === voter.id) ? { code: 'absentVoter' } : { code: 'notVoter' },
    );
  }
  if (round.cast.includes(voter.id)) return refuse({ code: 'votedAlready', no: round.no });
  if (choices.length !== round.candidates.length)
    return refuse({ code: 'choicesMismatch', expected: round.candidates.length, given: choices.length });
  const key = await source.store.council.ballotKeys.get(round.no);
  if (!key) return refuse({ code: 'keyMissing', no: round.no });
  await source.store.council.castBallot(round.no, voter.id, sealBallot(key, round.no, choices), source.actor);
  return { ok: true, value: source.store.council.round(round.no) as VoteRound };
}

/** Removes the keys of votes that are no longer open (left by a crash between closing and removing). */
async function sweepKeys(source: MeetingSource): Promise<void> {
  const keys = source.store.council.ballotKeys;
  for (const no of await keys.rounds()) {
    if (source.store.council.round(no)?.status !== 'open') await keys.destroy(no);
  }
}

/**
 * Closes a vote. A show of hands or a paper ballot needs its counts; an electronic ballot is counted
 * here: every sealed ballot is opened with the round's key, the opened ballots are kept sorted (no
 * voter, no time), and the key is destroyed — after which nothing can tell who chose what.
 */
export async function closeRound(source: MeetingSource, round: VoteRound): Promise<Outcome<VoteRound>> {
  if (round.status !== 'open') return refuse({ code: 'roundNotOpen', no: round.no, status: round.status });
  let closed: VoteRound;
  if (round.method === 'electronic') {
    const key = await source.store.council.ballotKeys.get(round.no);
    if (!key) return refuse({ code: 'keyMissing', no: round.no });
    const ballots = round.sealed.map((s) => openBallot(key, round.no, s)).sort();
    const counts = round.candidates.map((_, i) => ({
      agree: ballots.filter((b) => b[i] === 'd').length,
      disagree: ballots.filter((b) => b[i] === 'k').length,
    }));
    closed = {
      ...round,
      status: 'closed',
      sealed: [],
      ballots,
      tally: { issued: round.voters.length, returned: ballots.length, valid: ballots.length, counts },
      history: [...round.history, item('closed', source.actor)],
    };
  } else {
    if (!round.tally) return refuse({ code: 'noCounts', no: round.no });
    closed = { ...round, status: 'closed', history: [...round.history, item('closed', source.actor)] };
  }
  await source.store.council.saveRound(closed, source.actor);
  await sweepKeys(source);
  return { ok: true, value: closed };
}

/** Declares an open vote void (a retake, a box that cannot be opened), with the reason. */
export async function voidRound(
  source: MeetingSource,
  round: VoteRound,
  reason: string,
): Promise<Outcome<VoteRound>> {
  if (round.status !== 'open') return refuse({ code: 'roundNotOpen', no: round.no, status: round.status });
  const voided: VoteRound = {
    ...round,
    status: 'void',
    sealed: [],
    history: [...round.history, item('voided', source.actor, reason)],
  };
  await source.store.council.saveRound(voided, source.actor);
  await sweepKeys(source);
  return { ok: true, value: voided };
}

// ---- results -----------------------------------------------------------------------------------------

export interface CandidateResult {
  subject: TitleSubject;
  /** At the meeting (hands, paper or electronic). */
  agree: number;
  disagree: number;
  /** Absent members' written votes for it. */
  writtenAgree: number;
  writtenDisagree: number;
  /** Agree in all, and its share of ALL members of the Council, in %. */
  total: number;
  share: number;
  /** Whether the share meets the award's threshold (a setting; the Council concludes). */
  meets: boolean;
}

/** The result of a closed vote, candidate by candidate, against the award's threshold. */
export function roundResults(round: VoteRound, award: Award): CandidateResult[] {
  return round.candidates.map((subject, i) => {
    const counts = round.tally?.counts[i] ?? { agree: 0, disagree: 0 };
    const writtenAgree = round.written.filter((w) => w.choices[i] === 'd').length;
    const writtenDisagree = round.written.filter((w) => w.choices[i] === 'k').length;
    const total = counts.agree + writtenAgree;
    return {
      subject,
      agree: counts.agree,
      disagree: counts.disagree,
      writtenAgree,
      writtenDisagree,
      total,
      share: round.rosterSize ? (total / round.rosterSize) * 100 : 0,
      meets: meetsThreshold(award.threshold, total, round.rosterSize),
    };
  });
}

/** Each award's last closed vote at a meeting, with its results: what the minutes and the drafts report. */
export function meetingOutcome(
  source: Pick<ListSource, 'store' | 'council'>,
  meeting: Meeting,
): { award: Award; round: VoteRound; results: CandidateResult[] }[] {
  const out: { award: Award; round: VoteRound; results: CandidateResult[] }[] = [];
  for (const award of source.council.awards) {
    const round = roundsOf(source, meeting)
      .filter((r) => r.awardId === award.id && r.status === 'closed')
      .at(-1);
    if (round) out.push({ award, round, results: roundResults(round, award) });
  }
  return out;
}

/** The subjects the Council's vote carried for one award at the year's latest closed meeting. */
export function carried(
  source: Pick<ListSource, 'store' | 'council'>,
  year: number,
  awardId: string,
): TitleSubject[] {
  const meeting = source.store.council.meetings
    .filter((m) => m.year === year && m.status === 'closed')
    .at(-1);
  if (!meeting) return [];
  return (
    meetingOutcome(source, meeting)
      .find((o) => o.award.id === awardId)
      ?.results.filter((r) => r.meets)
      .map((r) => r.subject) ?? []
  );
}

export { awardById };
