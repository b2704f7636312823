import { readCode } from '../core/codes.js';
import type {
  Award,
  DepartmentHead,
  Discipline,
  Entry,
  Initiative,
  Member,
  ModelExample,
  Registration,
  TitleSubject,
  YearRating,
} from '../core/domain.js';
import type {
  CouncilReads,
  EntriesOf,
  EntryFact,
  EntryGroups,
  Handled,
  RepositoryReads,
} from '../core/repository.js';
import { CouncilReader } from './council.js';
import { EntryTable } from './entry-table.js';
import { sameSubject } from './events.js';
import { handledEntry, handledInRecords } from './handled.js';
import { Indexes } from './indexes.js';
import type { State } from './schema.js';
import type { StoreCapture } from './snapshot-file.js';

/**
 * The store's reads, over a state and its indexes. Entries come out of the table as plain objects,
 * copies made at the read (storage/entry-table.ts): a later change to the store does not show in an
 * entry read before it.
 */
export class StoreReader {
  protected constructor(
    protected readonly data: State,
    protected readonly idx: Indexes,
  ) {}

  get state(): Readonly<State> {
    return this.data;
  }

  get members(): readonly Member[] {
    return this.data.members;
  }

  member(id: string): Member | undefined {
    return this.idx.membersById.get(id);
  }

  memberByIdentity(identity: string): Member | undefined {
    return this.idx.membersByIdentity.get(identity);
  }

  memberByUsername(username: string): Member | undefined {
    return this.idx.membersByUsername.get(username.replace(/^@/, '').toLowerCase());
  }

  get entries(): readonly Entry[] {
    return this.data.entries.all();
  }

  entry(code: string): Entry | undefined {
    const read = readCode(code);
    if (!read) return undefined;
    const table = this.data.entries;
    const row = table.rowOfNo(read.no);
    if (row === -1) return undefined;
    if (read.prefix && table.codeAt(row).slice(0, 2) !== read.prefix) return undefined;
    return table.entry(row);
  }

  entriesBetween(start: Date, end: Date, of?: EntriesOf): readonly Entry[] {
    if (of && Object.values(of).some((asked) => asked !== undefined && asked !== false)) {
      return this.data.entries.of(of, start.getTime(), end.getTime());
    }
    return this.data.entries.between(start.getTime(), end.getTime());
  }

  countEntries(start: Date, end: Date, of: EntriesOf = {}): number {
    return this.data.entries.countOf(of, start.getTime(), end.getTime());
  }

  entryFacts(start: Date, end: Date, of: EntriesOf = {}): readonly EntryFact[] {
    return this.data.entries.facts(of, start.getTime(), end.getTime());
  }

  /** How many entries were built as objects since the store opened (a year's figures build none). */
  get entriesBuilt(): number {
    return this.data.entries.built;
  }

  /** How many chunks of the entries' strings were decoded whole since the store opened (see StringColumn.one). */
  get chunksDecoded(): number {
    return this.data.entries.chunksDecoded;
  }

  /**
   * One step of the reads' warm-up (storage/entry-table.ts, `warm`): sums the next block of the
   * figures' rows, or marks where the next chunk of texts' rows start, or indexes the tags of the
   * next chunk of texts; false once all are done. The bot calls it after a start between turns of the
   * event loop.
   */
  warmFigures(): boolean {
    return this.data.entries.warm();
  }

  /**
   * The warm-up done, a step a turn of the event loop (`warmFigures`): what a read that searches the
   * year's texts (a drive's #tag) awaits first, so that the loop is never held for the whole of it.
   */
  async warmed(): Promise<void> {
    while (this.warmFigures()) await new Promise((resolve) => setImmediate(resolve));
  }

  entryGroups(start: Date, end: Date): EntryGroups {
    return this.data.entries.groups(start.getTime(), end.getTime());
  }

  get models(): readonly ModelExample[] {
    return this.data.models;
  }

  model(no: number): ModelExample | undefined {
    return this.data.models.find((m) => m.no === no);
  }

  get nextModelNo(): number {
    return this.data.nextModelNo;
  }

  /**
   * What a message changed: an entry (found in the entry table's sources, live), else anything else —
   * as the journal's lines said since the start, or as the records say.
   */
  handled(source: string): Handled | undefined {
    const idx = this.idx;
    const entry = handledEntry(this.data.entries, source);
    if (entry) return entry;
    const live = idx.handled.get(source);
    if (live) return live;
    idx.inRecords ??= handledInRecords(this.data);
    return idx.inRecords.get(source);
  }

  get registrations(): readonly Registration[] {
    return this.data.registrations;
  }

  registration(year: number, subject: TitleSubject): Registration | undefined {
    return this.data.registrations.find((r) => r.year === year && sameSubject(r.subject, subject));
  }

  departmentHead(departmentId: string): DepartmentHead | undefined {
    return this.data.heads.find((h) => h.departmentId === departmentId);
  }

  lastJobSlot(job: string): Date | undefined {
    const slot = this.data.jobs[job];
    return slot ? new Date(slot) : undefined;
  }

  /** The year-end review's records (issue 20); the store's own can be written. */
  get council(): CouncilReads {
    return new CouncilReader(this.data);
  }

  // ---- year-end records (core/records.ts) ----

  get ratings(): readonly YearRating[] {
    return this.data.ratings;
  }

  rating(year: number, subject: TitleSubject): YearRating | undefined {
    return this.data.ratings.find((r) => r.year === year && sameSubject(r.subject, subject));
  }

  get disciplines(): readonly Discipline[] {
    return this.data.disciplines;
  }

  get initiatives(): readonly Initiative[] {
    return this.data.initiatives;
  }

  get awards(): readonly Award[] {
    return this.data.awards;
  }
}

/**
 * The store as it was at one capture (Store.capture), for work done elsewhere — a report built in a
 * worker thread. It has the Repository's reads only: a write does not compile.
 */
export class StoreView extends StoreReader implements RepositoryReads {
  static of(capture: StoreCapture): StoreView {
    const state = {
      ...(JSON.parse(capture.state) as Omit<State, 'entries'>),
      // Read for one request and thrown away: no entry kept once built (a year is ~100 MB at 100k).
      entries: new EntryTable(capture.entries, false),
    };
    const idx = new Indexes();
    for (const member of state.members) idx.indexMember(member);
    return new StoreView(state, idx);
  }
}
