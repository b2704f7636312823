// ---- year-end review (issue 20, h20b) ----
import type { EntryMark, Meeting, Nomination, VoteRound } from './council-records.js';
import type {
  Award,
  DepartmentHead,
  Discipline,
  Entry,
  EntryKind,
  Initiative,
  Member,
  ModelExample,
  Rating,
  Registration,
  TitleSubject,
  YearRating,
} from './domain.js';
import type { PlatformName } from './identity.js';
import type { NewAward, RecordChange, RecordPlan } from './records.js';

/** Who makes a change, when, from where — and the platform message that made it. */
export interface Actor {
  /** A member id, or a platform identity for someone acting without a profile (a configured admin). */
  by: string;
  platform: PlatformName;
  at: Date;
  /**
   * The platform message behind the change. Every write that carries it is recognised when the same
   * message arrives again (Telegram and Zalo redeliver after a crash), so it changes nothing twice.
   */
  source?: string | undefined;
}

/** What a platform message changed, found by `Repository.handled`. */
export interface Handled {
  /** The kind of change: `entry.created`, `member.saved`, … */
  type: string;
  /** The entry it created or changed, if any. */
  entry?: string;
  /** The model example it proposed or moved, if any. */
  model?: number;
}

export interface NewMember {
  identity: string;
  fullName: string;
  departmentId: string;
  username?: string | undefined;
}

export interface NewEntry {
  kind: EntryKind;
  text: string;
  points: number;
  adhoc: boolean;
  it: boolean;
  /** The member credited (the reporter is the actor). */
  memberId: string;
  photo?: Entry['photo'];
}

/**
 * Entries alike in everything a figure reads — kind, flags, member, department, status, review —
 * counted together: `count` of them, `points` their points together.
 */
export interface EntryGroup {
  readonly kind: EntryKind;
  readonly adhoc: boolean;
  readonly it: boolean;
  readonly memberId: string;
  readonly departmentId: string;
  readonly status: Entry['status'];
  readonly review: Entry['review'];
  readonly count: number;
  readonly points: number;
}

/**
 * Which entries to read — each field given narrows them (all must hold): read in the store's columns,
 * so only those are built.
 */
export interface EntriesOf {
  /** Credited to this member. */
  memberId?: string | undefined;
  /** Logged by this member (for themselves or a colleague). */
  reporterId?: string | undefined;
  /** Logged in this department. */
  departmentId?: string | undefined;
  kind?: EntryKind | undefined;
  /** Whose text carries `#tag` as a word, in any case (core/text.ts's tagPattern): a drive's. */
  tag?: string | undefined;
  /** Only the last so many of them (the latest logged), still oldest first. */
  last?: number | undefined;
  /** Only those awaiting review (active, review pending): the Council's queue, found in the columns. */
  pending?: boolean | undefined;
  /** Only those not withdrawn. */
  active?: boolean | undefined;
}

/**
 * What a criterion counts of an entry (reports/criteria.ts), read from the store's columns
 * (Repository.entryFacts): its code and what it is, no text, time or history.
 */
export type EntryFact = Pick<
  Entry,
  'code' | 'kind' | 'adhoc' | 'it' | 'memberId' | 'departmentId' | 'status' | 'review' | 'points'
>;

/** A period's entries as figures read them (Repository.entryGroups). */
export interface EntryGroups {
  readonly groups: readonly EntryGroup[];
  /** The withdrawn entries, oldest first: their codes and where they were logged. */
  readonly withdrawn: readonly { readonly code: string; readonly departmentId: string }[];
}

/** Preferences a member sets without touching their profile. */
export type MemberFlags = Partial<Pick<Member, 'privateChat' | 'nudges' | 'username'>>;

/**
 * What the store answers: its records, read-only. All that code which only reads needs — the report
 * files, the figures, the desk's pages — and all that a read-only view of one capture gives
 * (storage/reader.ts's StoreView, in the report worker).
 */
export interface RepositoryReads {
  readonly members: readonly Member[];
  member(id: string): Member | undefined;
  memberByIdentity(identity: string): Member | undefined;
  memberByUsername(username: string): Member | undefined;

  /** Every entry, oldest first. */
  readonly entries: readonly Entry[];
  /** An entry by its code (`VT12`, `vt-12`, `12`), case and punctuation ignored. */
  entry(code: string): Entry | undefined;
  /**
   * Entries logged in [start, end), oldest first; only those `of` asks for, when given (found in the
   * store's columns: only those are built — a year of them is 100k at a province, ~90 MB kept).
   */
  entriesBetween(start: Date, end: Date, of?: EntriesOf): readonly Entry[];
  /** How many entries `entriesBetween` would give (`last` aside), counted in the columns: none is built. */
  countEntries(start: Date, end: Date, of?: EntriesOf): number;
  /**
   * The entries `entriesBetween` would give, as facts read from the store's columns (EntryFact: code,
   * kind, member, department, status, review…): none is built, none kept — what the titles' criteria
   * of every member read of a year (a province's is 100k entries, ~90 MB built and kept).
   */
  entryFacts(start: Date, end: Date, of?: EntriesOf): readonly EntryFact[];
  /**
   * The entries logged in [start, end) summed into groups of entries alike (EntryGroup), read from the
   * store's columns: no entry is built. What a year-wide figure reads — a province's year is 100k
   * entries, which as objects take ~0.5 s to build and ~100 MB to keep.
   */
  entryGroups(start: Date, end: Date): EntryGroups;
  /**
   * Resolves once the store's reads are warm — the figures' blocks summed, the texts' tags indexed —,
   * the work done a step a turn of the event loop: a read that would otherwise search a year of texts
   * (a drive's `#tag`) awaits it first, so it never holds the loop for all of it.
   */
  warmed(): Promise<void>;

  readonly models: readonly ModelExample[];
  model(no: number): ModelExample | undefined;
  readonly nextModelNo: number;

  /** Every registration for an emulation title, of every year. */
  readonly registrations: readonly Registration[];
  /** The registration of `subject` for `year`, if it registered. */
  registration(year: number, subject: TitleSubject): Registration | undefined;
  /** The head of a department (who registers its title), and who was before. */
  departmentHead(departmentId: string): DepartmentHead | undefined;

  // Year-end records (core/records.ts): ratings, discipline, recognised initiatives, award decisions.
  /** Every year-end rating, of every year. */
  readonly ratings: readonly YearRating[];
  /** The rating of `subject` for `year`, if one was given. */
  rating(year: number, subject: TitleSubject): YearRating | undefined;
  /** Every discipline on record (annulled ones too, marked). */
  readonly disciplines: readonly Discipline[];
  /** Every initiative the Hội đồng sáng kiến recognised (annulled ones too, marked). */
  readonly initiatives: readonly Initiative[];
  /** Every award decision on record — recorded when signed, or entered as a past award (annulled ones too). */
  readonly awards: readonly Award[];

  /** What the platform message `source` changed, if it changed anything. */
  handled(source: string): Handled | undefined;

  /** The last slot a scheduled job dealt with. */
  lastJobSlot(job: string): Date | undefined;

  /** The year-end review's records: nomination lists, the Council's meetings and votes, marks. */
  readonly council: CouncilReads;
}

/**
 * The store's changes. Every write is durable (on disk, or committed in PostgreSQL) when its promise
 * resolves, and rejects with StoreWriteError — changing nothing — when the disk refuses it.
 */
export interface RepositoryWrites {
  /**
   * Registers a member, or updates the one holding `identity`. Another department is a move: it
   * applies from `actor.at` on, entries logged before keep counting where they were earned.
   */
  saveMember(member: NewMember, actor: Actor): Promise<Member>;
  /** Moves member `id` to another department from `actor.at` on (an admin's move). */
  moveMember(id: string, departmentId: string, actor: Actor): Promise<Member>;
  /** Marks a member as having left the agency group (or back in it); nothing of theirs is erased. */
  setMemberLeft(id: string, left: boolean, actor: Actor): Promise<Member>;
  /** Sets preferences; with `note`, the change is in the member's history. */
  setMemberFlags(id: string, flags: MemberFlags, actor?: Actor, note?: string): Promise<Member>;
  /** Gives another platform's `identity` to member `keep`, merging the member who held it, if any. */
  linkIdentity(keep: string, identity: string, actor: Actor): Promise<Member>;

  /** Logs an entry reported by `actor.by`; its code is assigned here. */
  addEntry(entry: NewEntry, actor: Actor): Promise<Entry>;
  /** Withdraws an active entry: it stays, with its history, and no longer counts. */
  withdrawEntry(code: string, actor: Actor, reason?: string): Promise<Entry>;
  /** Records the Council's decision on an active, pending entry. */
  reviewEntry(code: string, decision: 'approved' | 'rejected', actor: Actor, reason?: string): Promise<Entry>;
  /** Puts a decided entry back to pending; the earlier decision stays in its history. */
  reopenEntry(code: string, actor: Actor, reason: string): Promise<Entry>;

  /** Saves a new model example or a new stage of one (the whole record, by number). */
  saveModel(model: ModelExample, actor: Actor): Promise<ModelExample>;

  /**
   * Registers `subject` for title `titleId` in `year`, or changes the title it registered: the
   * change joins the registration's history, the earlier choice stays there.
   */
  registerTitle(year: number, subject: TitleSubject, titleId: string, actor: Actor): Promise<Registration>;
  /** Names member `memberId` the head of a department (undefined: no head); who was stays in the history. */
  setDepartmentHead(
    departmentId: string,
    memberId: string | undefined,
    actor: Actor,
  ): Promise<DepartmentHead>;

  /**
   * Makes every change of the list, or none (core/records.ts's `planRecords` checks them in order):
   * one journal line, one history item per record changed. Rejects with RecordsRefusedError, changing
   * nothing, when any change breaks a rule (an unknown member, a decision number another record holds…).
   */
  changeRecords(changes: readonly RecordChange[], actor: Actor): Promise<RecordPlan>;
  /** Gives (or corrects) the year-end rating of `subject`; a correction joins the rating's history. */
  rate(
    year: number,
    subject: TitleSubject,
    rating: Rating,
    actor: Actor,
    reason?: string,
  ): Promise<YearRating>;
  /**
   * Records a signed award decision: it enters each recipient's award history (section III, the
   * consecutive years, the criteria of next year). A decision number already on record is refused
   * (RecordsRefusedError, code `decisionUsed`). The Council's flow ends here.
   */
  recordAward(award: NewAward, actor: Actor): Promise<Award>;

  /** Records that a scheduled job dealt with `slot`, so it never runs twice. */
  markJobDone(job: string, slot: Date): Promise<void>;
  /**
   * Resolves if a change could be saved now — on PostgreSQL: the database answers and this instance
   * is still the active one (its fencing epoch current); rejects with StoreWriteError if not. Asked
   * before something that cannot be taken back goes out (a scheduled post), so an instance that could
   * not record it, or that another has replaced, does not send it.
   */
  checkWritable?(): Promise<void>;
}

/**
 * The store as the rest of the bot sees it: its reads and its writes (storage/store.ts implements it,
 * over files or PostgreSQL).
 */
export interface Repository extends RepositoryReads, RepositoryWrites {
  /** The year-end review's records, and their writes. */
  readonly council: CouncilRecords;
}

// ---- year-end review (issue 20, h20b) ----

/**
 * Where an electronic vote's key lives while the vote is open: outside the store, so that nothing the
 * store keeps (snapshot, journal, backups, exports) can ever open a sealed ballot once the key is
 * destroyed at the closing (storage/ballot-keys.ts; docs/council.md, "The secret ballot").
 */
export interface BallotKeys {
  /** A new random key for round `round`, durable on disk before it resolves. */
  create(round: number): Promise<Buffer>;
  /** The key of round `round`, if this machine still holds it. */
  get(round: number): Promise<Buffer | undefined>;
  /** Overwrites and removes the key of round `round` (nothing happens if it is gone). */
  destroy(round: number): Promise<void>;
  /** The rounds whose keys are on disk. */
  rounds(): Promise<number[]>;
}

/** The year-end review's records, read-only. */
export interface CouncilReads {
  readonly nominations: readonly Nomination[];
  nomination(year: number, awardId: string, subject: TitleSubject): Nomination | undefined;
  readonly meetings: readonly Meeting[];
  meeting(no: number): Meeting | undefined;
  readonly rounds: readonly VoteRound[];
  round(no: number): VoteRound | undefined;
  readonly marks: readonly EntryMark[];
}

/**
 * The year-end review's records and their writes. Each save takes the whole record, its history already
 * extended by the rules (core/nominations.ts, core/meeting.ts); the store checks what must never be (a
 * closed vote changed, a second ballot of one member) and refuses it.
 */
export interface CouncilRecords extends CouncilReads {
  saveNomination(nomination: Nomination, actor: Actor): Promise<Nomination>;
  saveMeeting(meeting: Meeting, actor: Actor): Promise<Meeting>;
  saveRound(round: VoteRound, actor: Actor): Promise<VoteRound>;
  /**
   * Records that Council member `voter` voted in electronic round `round`, and the sealed ballot, in
   * one durable line: the member joins `cast`, the ballot `sealed` — neither in the order of casting.
   */
  castBallot(round: number, voter: string, sealed: string, actor: Actor): Promise<void>;
  saveMark(mark: EntryMark, actor: Actor): Promise<EntryMark>;

  /** The keys of open electronic votes (never in the store). */
  readonly ballotKeys: BallotKeys;
}
