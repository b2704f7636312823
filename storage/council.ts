import type { EntryMark, Meeting, Nomination, VoteRound } from '../core/council-records.js';
import type { TitleSubject } from '../core/domain.js';
import type { Actor, BallotKeys, CouncilRecords } from '../core/repository.js';
import { noBallotKeys } from './ballot-keys.js';
import type { State, StoreEventBody } from './schema.js';

const sameSubject = (a: TitleSubject, b: TitleSubject) =>
  a.kind === 'member'
    ? b.kind === 'member' && a.memberId === b.memberId
    : b.kind === 'department' && a.departmentId === b.departmentId;

const readOnly = () => Promise.reject(new Error('a read-only view of the store cannot be changed'));

/** The year-end review's records over the store's state; the writes of a read-only view are refused. */
export class CouncilReader implements CouncilRecords {
  constructor(
    protected readonly data: State,
    readonly ballotKeys: BallotKeys = noBallotKeys,
  ) {}

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

  saveNomination: CouncilRecords['saveNomination'] = readOnly;
  saveMeeting: CouncilRecords['saveMeeting'] = readOnly;
  saveRound: CouncilRecords['saveRound'] = readOnly;
  castBallot: CouncilRecords['castBallot'] = readOnly;
  saveMark: CouncilRecords['saveMark'] = readOnly;
}

/** The records and their writes, each one durable journal line through the store's `commit`. */
export class CouncilStore extends CouncilReader {
  constructor(
    data: State,
    ballotKeys: BallotKeys,
    private readonly commit: (body: StoreEventBody, actor: Actor) => Promise<void>,
  ) {
    super(data, ballotKeys);
  }

  override saveNomination = (nomination: Nomination, actor: Actor) =>
    this.commit({ type: 'council.nomination.saved', nomination }, actor).then(() => nomination);

  override saveMeeting = (meeting: Meeting, actor: Actor) =>
    this.commit({ type: 'council.meeting.saved', meeting }, actor).then(() => meeting);

  override saveRound = (round: VoteRound, actor: Actor) =>
    this.commit({ type: 'council.round.saved', round }, actor).then(() => round);

  override castBallot = (round: number, voter: string, sealed: string, actor: Actor) =>
    this.commit({ type: 'council.ballot.cast', round, voter, sealed }, actor);

  override saveMark = (mark: EntryMark, actor: Actor) =>
    this.commit({ type: 'council.mark.saved', mark }, actor).then(() => mark);
}
