import { Low } from 'lowdb';
import { entryCode } from '../core/codes.js';
import type {
  Award,
  DepartmentHead,
  Entry,
  HistoryItem,
  Member,
  ModelExample,
  Rating,
  Registration,
  TitleSubject,
  YearRating,
} from '../core/domain.js';
import { RecordsRefusedError, StoreCorruptError, StoreWriteError } from '../core/errors.js';
import { type NewAward, planRecords, type RecordChange, type RecordPlan } from '../core/records.js';
import type { Actor, MemberFlags, NewEntry, NewMember, Repository } from '../core/repository.js';
import { applyEvent, type Undo } from './events.js';
import { FileLog } from './file-log.js';
import type { FileSystem } from './files.js';
import { storeFiles } from './files.js';
import { Indexes } from './indexes.js';
import type { LogWriter, StoreLog } from './log.js';
import { StoreReader } from './reader.js';
import { emptyState, type State, type StoreEvent, type StoreEventBody } from './schema.js';
import { captureState, SnapshotNotKeptError, type StoreCapture } from './snapshot-file.js';

export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface StoreOptions {
  logger?: StoreLogger;
  /**
   * Fold the journal into the snapshot once it holds this many lines (default 5,000): replaying the
   * journal is most of a start's time after the snapshot (~0.1 s for 5,000 lines on a busy machine),
   * and a compaction holds nothing up, so it can come often.
   */
  compactAfter?: number;
  /** Daily backups kept beside the store. */
  keepBackups?: number;
  /** The file system (node's by default; fault tests pass one whose files fail on purpose). */
  fileSystem?: FileSystem;
}

export { BACKUP_DIR, DOCUMENT_FILE, DOCUMENT_KEPT, JOURNAL_FILE, STORE_FILE } from './file-log.js';

/**
 * The record of a newly logged entry with number `no`: active, awaiting review, its creation in its
 * history, counting for `departmentId` (the credited member's department at that moment).
 */
export function newEntry(input: NewEntry, no: number, departmentId: string, actor: Actor): Entry {
  const at = actor.at.toISOString();
  return {
    code: entryCode(input.kind, no),
    kind: input.kind,
    text: input.text,
    points: input.points,
    adhoc: input.adhoc,
    it: input.it,
    memberId: input.memberId,
    reporterId: actor.by,
    departmentId,
    at,
    status: 'active',
    review: 'pending',
    ...(input.photo ? { photo: input.photo } : {}),
    source: actor.source ?? `${actor.platform}:entry:${no}`,
    history: [{ at, action: 'created', by: actor.by, platform: actor.platform }],
  };
}

const silent: StoreLogger = { info() {}, warn() {}, error() {} };

function historyItem(action: HistoryItem['action'], actor: Actor, note?: string): HistoryItem {
  return {
    at: actor.at.toISOString(),
    action,
    by: actor.by,
    platform: actor.platform,
    ...(note ? { note } : {}),
    ...(actor.source ? { source: actor.source } : {}),
  };
}

/**
 * The bot's repository. State lives in memory (the snapshot plus the journal replayed on top; entries
 * in a table of columns, storage/entry-table.ts); every change is applied in memory at once —
 * synchronously, so a check and the change after it can never interleave with another command — and
 * appended to the journal. The promise a write returns resolves only once the change is fsync'd; if
 * the disk refuses it, the change is undone in memory and the promise rejects with StoreWriteError.
 */
export class Store extends StoreReader implements Repository {
  private journal!: LogWriter<Undo>;
  /** False for a store opened with `readOnly` (no journal open for writing). */
  private writable = false;
  private compacting: Promise<void> | null = null;
  private closed: Promise<void> | null = null;
  private readonly logger: StoreLogger;
  private readonly compactAfter: number;
  private compactAt: number;
  /** The lines after the snapshot as read at open (for a store opened read-only). */
  private linesRead = 0;

  private constructor(
    /** Where the snapshot and the lines are kept (storage/log.ts). */
    private readonly log: StoreLog,
    /** lowdb holds the state; its adapter reads and writes the log's snapshot. */
    private readonly db: Low<State>,
    options: StoreOptions,
  ) {
    super(db.data, new Indexes());
    this.logger = options.logger ?? silent;
    this.compactAfter = options.compactAfter ?? 5_000;
    this.compactAt = this.compactAfter;
  }

  /** The data directory: the store's files, or on PostgreSQL the files kept beside the store (a Zalo session's). */
  get dir(): string {
    return this.log.dir;
  }

  /**
   * Opens the store in `dir`, creating it only when no store file exists. A file that cannot be read,
   * parsed or validated throws StoreCorruptError before anything is written.
   */
  static open(dir: string, options: StoreOptions = {}): Promise<Store> {
    return Store.openLog(Store.fileLog(dir, options), options);
  }

  /**
   * The store in `dir` as it is, for reading only (`npm run store:export`): the same checks as `open`,
   * and nothing created, removed or written; every write rejects.
   */
  static readOnly(dir: string, options: StoreOptions = {}): Promise<Store> {
    return Store.read(Store.fileLog(dir, options), options, true);
  }

  /** Opens the store kept in `log` (files, or PostgreSQL), with the same checks as `open`. */
  static async openLog(log: StoreLog, options: StoreOptions = {}): Promise<Store> {
    const store = await Store.read(log, options, false);
    store.journal = await log.openWriter<Undo>((undos) => {
      for (const undo of undos.reverse()) undo();
      // Read from the records while the undone changes were in them: read again when next asked.
      store.idx.inRecords = null;
    });
    store.writable = true;
    return store;
  }

  /** The store kept in `log`, for reading only. */
  static readOnlyLog(log: StoreLog, options: StoreOptions = {}): Promise<Store> {
    return Store.read(log, options, true);
  }

  private static fileLog(dir: string, options: StoreOptions): FileLog {
    return new FileLog(dir, options.logger ?? silent, {
      files: storeFiles(options.fileSystem),
      ...(options.keepBackups !== undefined ? { keepBackups: options.keepBackups } : {}),
    });
  }

  private static async read(log: StoreLog, options: StoreOptions, readOnly: boolean): Promise<Store> {
    if (!readOnly) await log.prepare();
    let store: Store | undefined;
    // A new snapshot replaces the old only if every change it holds is durable in the log: a change
    // whose write failed was undone, and must not come back through the snapshot.
    const adapter = log.snapshot(() => {
      const journal = (store as Store).journal;
      const mark = journal.failureMark;
      return async (seq) => {
        await journal.settledThrough(seq);
        return !journal.failedSince(mark, seq);
      };
    });
    const db = new Low<State>(adapter, emptyState());
    await db.read();
    store = new Store(log, db, options);
    store.indexMembers(log.snapshotName);
    const lines = await log.readLines();
    let expected = store.data.seq + 1;
    for (const [i, event] of lines.events.entries()) {
      if (event.seq < expected) continue; // already folded into the snapshot
      if (event.seq !== expected) {
        throw new StoreCorruptError(
          lines.name,
          `${lines.label(i)} has seq ${event.seq}, expected ${expected}`,
        );
      }
      try {
        applyEvent(store.data, store.idx, event);
      } catch (error) {
        throw new StoreCorruptError(lines.name, `${lines.label(i)}: ${(error as Error).message}`);
      }
      expected += 1;
    }
    if (lines.tornBytes > 0) {
      store.logger.warn(
        { file: lines.name, bytes: lines.tornBytes },
        'dropped an incomplete last journal line (a write cut off before it was acknowledged)',
      );
    }
    store.linesRead = lines.events.length;
    return store;
  }

  /** Lines in the journal not yet folded into the snapshot. */
  get journalLines(): number {
    return this.writable ? this.journal.lines : this.linesRead;
  }

  // ---- writes -----------------------------------------------------------------------------------

  saveMember(change: NewMember, actor: Actor): Promise<Member> {
    const existing = this.idx.membersByIdentity.get(change.identity);
    const at = actor.at.toISOString();
    const username = change.username?.toLowerCase() ?? existing?.username;
    if (!existing) {
      const id = `m${this.data.nextMemberNo}`;
      // Registering oneself: the member is the author of their own first history line.
      const by = actor.by === change.identity ? { ...actor, by: id } : actor;
      const member: Member = {
        id,
        fullName: change.fullName,
        departmentId: change.departmentId,
        departments: [{ departmentId: change.departmentId, from: at }],
        identities: [change.identity],
        ...(username ? { username } : {}),
        registeredAt: at,
        history: [historyItem('registered', by, `${change.fullName} | ${change.departmentId}`)],
      };
      return this.commit({ type: 'member.saved', member }, actor).then(() => member);
    }
    const by = actor.by === change.identity ? { ...actor, by: existing.id } : actor;
    const moved = existing.departmentId !== change.departmentId;
    const items: HistoryItem[] = [];
    if (existing.fullName !== change.fullName || !moved) {
      items.push(historyItem('updated', by, change.fullName));
    }
    if (moved) items.push(historyItem('moved', by, `${existing.departmentId} → ${change.departmentId}`));
    const member: Member = {
      ...existing,
      fullName: change.fullName,
      departmentId: change.departmentId,
      departments: moved
        ? [...existing.departments, { departmentId: change.departmentId, from: at }]
        : existing.departments,
      ...(username ? { username } : {}),
      history: [...existing.history, ...items],
    };
    return this.commit({ type: 'member.saved', member }, actor).then(() => member);
  }

  moveMember(id: string, departmentId: string, actor: Actor): Promise<Member> {
    const existing = this.idx.membersById.get(id);
    if (!existing) return Promise.reject(new Error(`unknown member ${id}`));
    return this.saveMember(
      { identity: existing.identities[0] as string, fullName: existing.fullName, departmentId },
      actor,
    );
  }

  setMemberLeft(id: string, left: boolean, actor: Actor): Promise<Member> {
    const existing = this.idx.membersById.get(id);
    if (!existing) return Promise.reject(new Error(`unknown member ${id}`));
    const member: Member = {
      ...existing,
      history: [...existing.history, historyItem(left ? 'left' : 'rejoined', actor)],
    };
    if (left) member.leftAt = actor.at.toISOString();
    else delete member.leftAt;
    return this.commit({ type: 'member.saved', member }, actor).then(() => member);
  }

  setMemberFlags(id: string, flags: MemberFlags, actor?: Actor, note?: string): Promise<Member> {
    const existing = this.idx.membersById.get(id);
    if (!existing) return Promise.reject(new Error(`unknown member ${id}`));
    const member: Member = {
      ...existing,
      ...flags,
      history: actor && note ? [...existing.history, historyItem('updated', actor, note)] : existing.history,
    };
    return this.commit({ type: 'member.saved', member }, actor).then(() => member);
  }

  linkIdentity(keep: string, identity: string, actor: Actor): Promise<Member> {
    const item = historyItem('linked', { ...actor, by: keep }, identity);
    return this.commit({ type: 'member.linked', keep, identity, item }, actor).then(
      () => this.idx.membersById.get(keep) as Member,
    );
  }

  addEntry(input: NewEntry, actor: Actor): Promise<Entry> {
    const member = this.idx.membersById.get(input.memberId);
    if (!member) return Promise.reject(new Error(`unknown member ${input.memberId}`));
    const entry = newEntry(input, this.data.nextEntryNo, member.departmentId, actor);
    return this.commit({ type: 'entry.created', entry }, actor).then(() => entry);
  }

  withdrawEntry(code: string, actor: Actor, reason?: string): Promise<Entry> {
    const item = historyItem('withdrawn', actor, reason);
    return this.commit({ type: 'entry.withdrawn', code, item }, actor).then(() => this.entryByNo(code));
  }

  reviewEntry(
    code: string,
    decision: 'approved' | 'rejected',
    actor: Actor,
    reason?: string,
  ): Promise<Entry> {
    const item = historyItem(decision, actor, reason);
    return this.commit({ type: 'entry.reviewed', code, item }, actor).then(() => this.entryByNo(code));
  }

  reopenEntry(code: string, actor: Actor, reason: string): Promise<Entry> {
    const item = historyItem('reopened', actor, reason);
    return this.commit({ type: 'entry.reviewed', code, item }, actor).then(() => this.entryByNo(code));
  }

  saveModel(model: ModelExample, actor: Actor): Promise<ModelExample> {
    return this.commit({ type: 'model.saved', model }, actor).then(() => model);
  }

  registerTitle(year: number, subject: TitleSubject, titleId: string, actor: Actor): Promise<Registration> {
    const existing = this.registration(year, subject);
    const item = historyItem(existing ? 'updated' : 'registered', actor, titleId);
    const registration: Registration = {
      year,
      subject,
      titleId,
      history: [...(existing?.history ?? []), item],
    };
    return this.commit({ type: 'registration.saved', registration }, actor).then(() => registration);
  }

  setDepartmentHead(
    departmentId: string,
    memberId: string | undefined,
    actor: Actor,
  ): Promise<DepartmentHead> {
    const existing = this.departmentHead(departmentId);
    const items = [
      ...(existing?.memberId ? [historyItem('unassigned', actor, existing.memberId)] : []),
      ...(memberId ? [historyItem('assigned', actor, memberId)] : []),
    ];
    if (items.length === 0) return Promise.reject(new Error(`${departmentId} has no head to take away`));
    const head: DepartmentHead = {
      departmentId,
      ...(memberId ? { memberId } : {}),
      history: [...(existing?.history ?? []), ...items],
    };
    return this.commit({ type: 'head.saved', head }, actor).then(() => head);
  }

  // ---- year-end records (core/records.ts) ----

  changeRecords(changes: readonly RecordChange[], actor: Actor): Promise<RecordPlan> {
    // Checked and applied in one synchronous step: no other change can come between.
    const plan = planRecords(this, changes, actor);
    if (plan.problems.length > 0) return Promise.reject(new RecordsRefusedError(plan.problems));
    const { ratings, disciplines, initiatives, awards } = plan.batch;
    if (ratings.length + disciplines.length + initiatives.length + awards.length === 0)
      return Promise.resolve(plan);
    return this.commit({ type: 'records.saved', ratings, disciplines, initiatives, awards }, actor).then(
      () => plan,
    );
  }

  rate(
    year: number,
    subject: TitleSubject,
    rating: Rating,
    actor: Actor,
    reason?: string,
  ): Promise<YearRating> {
    return this.changeRecords([{ op: 'rating', year, subject, rating, reason }], actor).then(
      (plan) => (plan.results[0] as { record: YearRating }).record,
    );
  }

  recordAward(award: NewAward, actor: Actor): Promise<Award> {
    return this.changeRecords([{ op: 'award', ...award }], actor).then(
      (plan) => (plan.results[0] as { record: Award }).record,
    );
  }

  markJobDone(job: string, slot: Date): Promise<void> {
    return this.commit({ type: 'job.done', job, slot: slot.toISOString() });
  }

  private entryByNo(code: string): Entry {
    return this.data.entries.entry(this.data.entries.rowOfCode(code));
  }

  private commit(body: StoreEventBody, actor?: Actor): Promise<void> {
    if (!this.writable) return Promise.reject(new StoreWriteError('this store was opened for reading only'));
    const event = {
      ...body,
      seq: this.data.seq + 1,
      ...(actor?.source ? { source: actor.source } : {}),
    } as StoreEvent;
    const undo = applyEvent(this.data, this.idx, event);
    const done = this.journal.append(JSON.stringify(event), event.seq, undo);
    if (this.journal.lines + this.journal.pending >= this.compactAt && !this.compacting) {
      done.then(
        () => this.compactInBackground(),
        () => {},
      );
    }
    return done;
  }

  // ---- loading ------------------------------------------------------------------------------------

  /** Indexes the members, refusing an id used twice (the entry table checked its own rules on load). */
  private indexMembers(path: string): void {
    for (const member of this.data.members) {
      if (this.idx.membersById.has(member.id))
        throw new StoreCorruptError(path, `member ${member.id} appears twice`);
      this.idx.indexMember(member);
    }
  }

  // ---- maintenance ------------------------------------------------------------------------------

  /**
   * The whole store at this instant, copied in one synchronous step (a few milliseconds at 100k
   * entries): the snapshot is written from it, and report files are built from it in a worker.
   */
  capture(): StoreCapture {
    return captureState(this.data);
  }

  /**
   * Folds the journal into a new snapshot. The state is captured at once; the snapshot is written
   * from the capture in chunks while commands go on (the event loop is never held for long, and
   * the journal keeps taking writes); it replaces the old one (temp file, fdatasync, rename) only if
   * every change it holds is durable in the journal — a change whose write failed was undone, and
   * must not come back through the snapshot. Then the journal's lines the snapshot holds are dropped.
   */
  compact(): Promise<void> {
    if (!this.writable) return Promise.reject(new StoreWriteError('this store was opened for reading only'));
    this.compacting ??= this.fold().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private async fold(): Promise<void> {
    const seq = this.data.seq;
    // lowdb's write hands the state to the adapter, which captures it before its first await.
    try {
      await this.db.write();
    } catch (error) {
      if (error instanceof SnapshotNotKeptError) {
        throw new StoreWriteError(
          'a change the new snapshot held could not be written; the snapshot was not kept',
        );
      }
      throw error;
    }
    await this.journal.dropThrough(seq);
    this.compactAt = this.journal.lines + this.compactAfter;
    await this.log.afterFold(seq);
  }

  private compactInBackground(): void {
    this.compact().catch((error: unknown) => {
      // Not again at every write: after this many more lines.
      this.compactAt = this.journal.lines + Math.max(1, Math.ceil(this.compactAfter / 2));
      this.logger.error({ err: error }, 'store compaction failed');
    });
  }

  /**
   * Once a day (Asia/Ho_Chi_Minh), compacts and copies the snapshot to `backups/store-YYYY-MM-DD.snapshot`,
   * keeping the newest ones (a store on PostgreSQL has the database's own backups: none here). Returns
   * the backup's path, or null when today's exists.
   */
  async backupIfDue(now: Date): Promise<string | null> {
    const target = await this.log.backupIfDue(now, () => this.compact());
    if (target) this.logger.info({ backup: target }, 'daily backup written');
    return target;
  }

  /** Waits for writes in flight, then closes the journal. Safe to call twice. */
  async close(): Promise<void> {
    this.closed ??= (async () => {
      if (this.compacting) await this.compacting.catch(() => {});
      try {
        if (this.writable) await this.journal.close();
      } finally {
        await this.log.close();
      }
    })();
    return this.closed;
  }
}
