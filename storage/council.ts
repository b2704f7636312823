import type { EntryMark, Meeting, Nomination, VoteRound } from '../core/council-records.js';
import type { TitleSubject } from '../core/domain.js';
import type { Actor, BallotKeys, CouncilReads, CouncilRecords } from '../core/repository.js';
import type { State, StoreEventBody } from './schema.js';

const sameSubject = (a: TitleSubject, b: TitleSubject) =>
  a.kind === 'member'
    ? b.kind === 'member' && a.memberId === b.memberId
    : b.kind === 'department' && a.departmentId === b.departmentId;

/** The year-end review's records over the store's state, read-only. */
export class CouncilReader implements CouncilReads {
  constructor(protected readonly data: State) {}

  get nominations(): readonly Nomination[] {
    return this.data.nominations;
  }

  nomination(year: number, awardId: string, subject: TitleSubject): Nomination | undefined {
    return this.data.nominations.find(
      (n) => n.year === year && n.awardId === awardId && sameSubject(n.subject, subject),
    );
  }

  get meetings(): readonly Meeting[] {
    return this.data.meetings;
  }

  meeting(no: number): Meeting | undefined {
    return this.data.meetings.find((m) => m.no === no);
  }

  get rounds(): readonly VoteRound[] {
    return this.data.rounds;
  }

  round(no: number): VoteRound | undefined {
    return this.data.rounds.find((r) => r.no === no);
  }

  get marks(): readonly EntryMark[] {
    return this.data.marks;
  }
}

/** The records and their writes, each one durable journal line through the store's `commit`. */
export class CouncilStore extends CouncilReader implements CouncilRecords {
  constructor(
    data: State,
    readonly ballotKeys: BallotKeys,
    private readonly commit: (body: StoreEventBody, actor: Actor) => Promise<void>,
  ) {
    super(data);
  }

  saveNomination = (nomination: Nomination, actor: Actor) =>
    this.commit({ type: 'council.nomination.saved', nomination }, actor).then(() => nomination);

  saveMeeting = (meeting: Meeting, actor: Actor) =>
    this.commit({ type: 'council.meeting.saved', meeting }, actor).then(() => meeting);

  saveRound = (round: VoteRound, actor: Actor) =>
    this.commit({ type: 'council.round.saved', round }, actor).then(() => round);

  castBallot = (round: number, voter: string, sealed: string, actor: Actor) =>
    this.commit({ type: 'council.ballot.cast', round, voter, sealed }, actor);

  saveMark = (mark: EntryMark, actor: Actor) =>
    this.commit({ type: 'council.mark.saved', mark }, actor).then(() => mark);
}
