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
import type {
  Actor,
  CouncilRecords,
  MemberFlags,
  NewEntry,
  NewMember,
  Repository,
} from '../core/repository.js';
import { FileBallotKeys } from './ballot-keys.js';
import { spareOf } from './capture-spare.js';
import { CouncilStore } from './council.js';
import type { CaptureArrays } from './entry-table.js';
import { applyEvent, type Undo } from './events.js';
import { FileLog } from './file-log.js';
import type { FileSystem } from './files.js';
import { storeFiles } from './files.js';
import { Indexes } from './indexes.js';
import {
  checkIncoming,
  checkState,
  checkTouched,
  RuleBroken,
  type RuleScope,
  type RuleSettings,
  scopeOf,
} from './invariants.js';
import { NO_LINE, newStoreId, sealLine } from './line.js';
import type { LogLines, LogWriter, StoreLog } from './log.js';
import type { ReadAhead, Verdict } from './read-ahead.js';
import { StoreReader } from './reader.js';
import { emptyState, type State, type StoreEvent, type StoreEventBody } from './schema.js';
import {
  captureState,
  type LentCapture,
  lendCapture,
  SnapshotNotKeptError,
  type StoreCapture,
} from './snapshot-file.js';

export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
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
  /**
   * What the store's rules are told of the world (storage/invariants.ts): the agency's departments,
   * the clock. The bot passes its configuration; without it, departments are not checked.
   */
  rules?: RuleSettings;
  /** The snapshot, its reading begun before the store is opened (bot/start.ts); ignored if of another file. */
  readAhead?: ReadAhead;
}

export {
  BACKUP_DIR,
  DOCUMENT_FILE,
  DOCUMENT_KEPT,
  JOURNAL_FILE,
  SNAPSHOT_KEPT,
  STORE_FILE,
} from './file-log.js';

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
  /** Snapshots and backups being written now (the journal is told while any is: LogWriter.diskBusy). */
  private busyWrites = 0;
  private closed: Promise<void> | null = null;
  private readonly logger: StoreLogger;
  private readonly compactAfter: number;
  private compactAt: number;
  /** The lines after the snapshot as read at open (for a store opened read-only). */
  private linesRead = 0;
  /**
   * What `openLog` must write before the store takes a write: `layout` — a store of an older layout
   * (or a new one) gets its identity and is written in layout 8; `head` — the journal gets its head
   * line (the snapshot stood alone, after a restore; or a migration was cut off before the journal's turn).
   */
  private pending: 'layout' | 'head' | null = null;
  /** Whether the store was written by a layout before 8 (not a new one). */
  private legacy = false;
  /** The rules of a change as it is written (no clock: the command's clock is the time's source). */
  private readonly writeScope: RuleScope;
  /** What the rules are told of the world (for the lines a standby follows). */
  private readonly rules: RuleSettings;

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
    this.rules = options.rules ?? {};
    this.writeScope = scopeOf(this.data, this.idx, this.rules, false);
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
    await store.startWriting();
    return store;
  }

  /**
   * Opens the journal for writing: at open, or for a store read and kept current by a standby
   * (`followLines`) once it becomes the active instance (storage/postgres/follow.ts). On failure the
   * log is let go of.
   */
  async startWriting(): Promise<void> {
    if (this.writable) throw new Error('the store is open for writing already');
    const log = this.log;
    this.journal = await log.openWriter<Undo>((undos) => {
      for (const undo of undos.reverse()) undo();
      // Read from the records while the undone changes were in them: read again when next asked.
      this.idx.inRecords = null;
    });
    this.writable = true;
    try {
      await this.finishOpening();
    } catch (error) {
      await this.journal.close().catch(() => {});
      await log.close().catch(() => {});
      throw error;
    }
  }

  /**
   * For a store read but not open for writing, kept current by a standby: applies the log's `lines`
   * written after this store's seq, with the checks a load makes — each line of this store, next in
   * seq, on the checksum chain from this store's last line, and within the store's rules. Throws
   * StoreCorruptError at the first line that is not; the store is then to be read again (what was
   * applied of the lines stays applied).
   */
  followLines(lines: LogLines): void {
    if (this.writable) throw new Error('a store open for writing follows no other writer');
    const data = this.data;
    const scope = scopeOf(data, this.idx, this.rules, true);
    for (let i = 0; i < lines.events.length; i += 1) {
      const event = lines.events[i] as StoreEvent;
      const at = `${lines.label(i)} (seq ${event.seq})`;
      const corrupt = (problem: string) => new StoreCorruptError(lines.name, `${at} ${problem}`);
      if (event.sum === undefined) throw corrupt('has no checksum (every line of layout 8 has one)');
      if (event.store !== data.store) throw corrupt(`belongs to store ${event.store}, not to ${data.store}`);
      if (event.seq !== data.seq + 1) throw corrupt(`is not the next line after seq ${data.seq}`);
      if (event.prev !== data.last) throw corrupt(`does not follow the line of seq ${data.seq}`);
      try {
        checkIncoming(event, scope);
        applyEvent(data, this.idx, event);
        checkTouched(event, scope);
      } catch (error) {
        throw new StoreCorruptError(lines.name, `${at}: ${(error as Error).message}`);
      }
      this.linesRead += 1;
    }
  }

  /** What must be durable before the first write (see `pending`). */
  private async finishOpening(): Promise<void> {
    const data = this.data;
    if (this.pending === 'layout') {
      data.store ||= newStoreId();
      // Its lines of layout 7, without identity or checksum, are all in the snapshot about to be written.
      if (this.legacy) {
        data.legacyThrough = data.seq;
        await this.log.keepOlderLayout?.();
      }
      await this.fold(true).catch((cause: unknown) => {
        if (cause instanceof StoreWriteError) throw cause;
        throw new StoreWriteError(`cannot write the store in layout 8 (${String(cause)})`, { cause });
      });
      this.logger.info(
        { store: data.store, seq: data.seq },
        this.legacy
          ? 'the store is written in layout 8: it has an identity, its journal lines checksums'
          : 'a new store',
      );
    } else if (this.pending === 'head') {
      const head = { store: data.store, follows: data.seq, last: data.last };
      await this.journal.dropThrough(data.seq, head).catch((cause: unknown) => {
        throw new StoreWriteError(`cannot write the journal's head (${String(cause)})`, { cause });
      });
    }
    this.pending = null;
  }

  /** The store kept in `log`, for reading only. */
  static readOnlyLog(log: StoreLog, options: StoreOptions = {}): Promise<Store> {
    return Store.read(log, options, true);
  }

  private static fileLog(dir: string, options: StoreOptions): FileLog {
    return new FileLog(dir, options.logger ?? silent, {
      files: storeFiles(options.fileSystem),
      ...(options.keepBackups !== undefined ? { keepBackups: options.keepBackups } : {}),
      ...(options.readAhead ? { readAhead: options.readAhead } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
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
    const rules = options.rules ?? {};
    // Every rule over what the snapshot holds, before any line is applied: a broken one is the snapshot's.
    const checkRules = () => {
      try {
        checkState(scopeOf((store as Store).data, (store as Store).idx, rules, true));
      } catch (error) {
        if (error instanceof RuleBroken) throw new StoreCorruptError(log.snapshotName, error.message);
        throw error;
      }
    };
    // Where a worker checks them (storage/read-ahead.ts), its verdict is awaited instead, once the
    // journal is read: nothing is applied to the state before it.
    const checked = log.snapshotRules?.();
    const rulesChecked = async () => {
      // Any other verdict, and they are checked here: what is broken is said as it always is.
      if ('ok' in (await (checked as Promise<Verdict>))) {
        (store as Store).logger.debug?.(
          { file: log.snapshotName },
          'the snapshot was checked in a worker thread',
        );
      } else checkRules();
    };
    if (!checked) checkRules();
    const lines = await log.readLines().catch(async (error: unknown) => {
      // A broken rule of the snapshot is said first, as when it is checked before the journal is read.
      if (checked) await rulesChecked();
      throw error;
    });
    if (checked) await rulesChecked();
    const start = store.follow(lines, log.snapshotName);
    const scope = scopeOf(store.data, store.idx, rules, true);
    for (let i = start; i < lines.events.length; i += 1) {
      const event = lines.events[i] as StoreEvent;
      try {
        checkIncoming(event, scope);
        applyEvent(store.data, store.idx, event);
        checkTouched(event, scope);
      } catch (error) {
        throw new StoreCorruptError(
          lines.name,
          `${lines.label(i)} (seq ${event.seq}): ${(error as Error).message}`,
        );
      }
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

  /**
   * Whether the log's lines belong to the snapshot, and from which of them on they are to be applied.
   * In layout 8 the snapshot and the log's head name the same store; every line carries it, its
   * checksum, the checksum of the line before (a chain from the head) and the next seq; and the
   * snapshot stands on that chain — at the head, or at the line whose checksum it recorded — so a
   * snapshot from elsewhere, an older one (a backup copied over it) or one whose seq was changed is
   * refused, naming both. Lines of an older layout are accepted only where the migration says so.
   */
  private follow(lines: LogLines, snapshot: string): number {
    const data = this.data;
    const { events, name } = lines;
    const at = (i: number) => `${lines.label(i)} (seq ${(events[i] as StoreEvent).seq})`;
    const corrupt = (problem: string) => new StoreCorruptError(name, problem);
    const head = lines.head;
    if (data.store === '') {
      // A store of layout 7 or before (or none yet): its lines are of that layout too.
      const sealed = events.findIndex((e) => e.sum !== undefined);
      if (head || sealed !== -1) {
        const store = head?.store ?? (events[sealed] as StoreEvent).store;
        throw new StoreCorruptError(
          snapshot,
          data.seq === 0 && data.members.length === 0
            ? `holds no store, but ${name} follows a snapshot of store ${store}${head ? ` at seq ${head.follows}` : ''}: the snapshot was moved away or deleted (nothing was changed; to start from a backup, see the README's "Restoring a backup")`
            : `is of an older layout (no identity), but ${name} was written in layout 8 for store ${store}: they do not belong together (nothing was changed)`,
        );
      }
      this.pending = 'layout';
      this.legacy = data.seq > 0 || events.length > 0 || data.members.length > 0;
      let expected = data.seq + 1;
      let first = events.length;
      for (const [i, event] of events.entries()) {
        if (event.seq < expected && first === events.length) continue; // already folded into the snapshot
        if (event.seq !== expected)
          throw corrupt(`${lines.label(i)} has seq ${event.seq}, expected ${expected}`);
        if (first === events.length) first = i;
        expected += 1;
      }
      return first;
    }
    if (head === null) {
      if (events.length === 0) {
        // The snapshot alone (a restore from a backup, the journal set aside): it is the store.
        this.pending = 'head';
        this.logger.warn(
          { snapshot, store: data.store, seq: data.seq },
          'the snapshot stands alone (no journal beside it: a restore?): the store is the snapshot as it is',
        );
        return 0;
      }
      const legacyThrough = data.legacyThrough ?? -1;
      if (events.every((e) => e.sum === undefined && e.seq <= legacyThrough)) {
        // Lines of layout 7 the migration folded into this snapshot; the journal's rewrite was cut off.
        this.pending = 'head';
        return events.length;
      }
      throw corrupt(
        `has no head line naming its store, so nothing shows it follows ${snapshot} (store ${data.store}); a journal of layout 8 always starts with one (nothing was changed)`,
      );
    }
    if (head && head.store !== data.store) {
      throw new StoreCorruptError(
        snapshot,
        `belongs to store ${data.store}, but ${name} belongs to store ${head.store}: one of them was copied from another data directory (nothing was changed)`,
      );
    }
    // A log without a head (PostgreSQL) starts its chain at its first line.
    let prev = head?.last ?? (events[0]?.prev as string);
    let seq = head ? head.follows : (events[0]?.seq ?? data.seq + 1) - 1;
    for (const [i, event] of events.entries()) {
      if (event.sum === undefined) {
        if (event.seq <= (data.legacyThrough ?? -1) && !head) {
          // A line of layout 7 a migration folded in (a log without a head): the chain starts after it.
          seq = event.seq;
          prev = NO_LINE;
          continue;
        }
        throw corrupt(`${at(i)} has no checksum (every line of layout 8 has one)`);
      }
      if (event.store !== data.store) {
        throw corrupt(`${at(i)} belongs to store ${event.store}, not to ${snapshot}'s store ${data.store}`);
      }
      if (event.seq !== seq + 1) throw corrupt(`${lines.label(i)} has seq ${event.seq}, expected ${seq + 1}`);
      if (event.prev !== prev) {
        throw corrupt(
          `${at(i)} does not follow ${i === 0 ? 'the snapshot the head names' : lines.label(i - 1)} (a line was removed, reordered or copied in)`,
        );
      }
      prev = event.sum;
      seq = event.seq;
    }
    // Where the snapshot stands on the chain: at the head, or at one of the lines (a compaction wrote
    // it, and the journal's rewrite after it did not happen).
    const stands = (what: string) =>
      new StoreCorruptError(
        snapshot,
        `${what}: it is not the snapshot ${name} follows (replaced by another snapshot, or its seq edited; nothing was changed)`,
      );
    const from = head ? head.follows : (events[0]?.seq ?? data.seq + 1) - 1;
    if (data.seq < from) {
      throw stands(
        `holds changes up to seq ${data.seq}, but ${name} starts after seq ${from}: the changes between are in neither`,
      );
    }
    if (data.seq === from) {
      if (head && data.last !== head.last)
        throw stands(`does not end with the line ${name}'s head names (seq ${from})`);
      if (!head && events.length > 0 && events[0]?.prev !== data.last)
        throw stands(`does not end with the line before ${at(0)}`);
      return 0;
    }
    const i = events.findIndex((e) => e.seq === data.seq);
    if (i === -1) throw stands(`holds changes up to seq ${data.seq}, but ${name} ends at seq ${seq}`);
    if ((events[i] as StoreEvent).sum !== data.last) throw stands(`does not end with ${name}'s ${at(i)}`);
    return i + 1;
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

  private councilStore: CouncilStore | undefined;

  /** The year-end review's records (issue 20), written through the same journal; ballot keys beside the store. */
  override get council(): CouncilRecords {
    this.councilStore ??= new CouncilStore(
      this.data,
      new FileBallotKeys(this.dir, storeFiles()),
      (body, actor) => this.commit(body, actor),
    );
    return this.councilStore;
  }

  private entryByNo(code: string): Entry {
    return this.data.entries.entry(this.data.entries.rowOfCode(code));
  }

  private commit(body: StoreEventBody, actor?: Actor): Promise<void> {
    if (!this.writable) return Promise.reject(new StoreWriteError('this store was opened for reading only'));
    // The line: the store's identity and the checksum of the line before it first, its own last
    // (storage/line.ts).
    const event = {
      seq: this.data.seq + 1,
      store: this.data.store,
      prev: this.data.last,
      ...body,
      ...(actor?.source ? { source: actor.source } : {}),
    } as StoreEvent;
    const line = sealLine(JSON.stringify(event));
    event.sum = line.sum;
    // The rules the next start will check, checked before the line is written: a change that would
    // stop the next start is refused now, and nothing is saved.
    let undo: Undo;
    try {
      checkIncoming(event, this.writeScope);
      undo = applyEvent(this.data, this.idx, event);
    } catch (error) {
      return Promise.reject(refusedBy(error));
    }
    try {
      checkTouched(event, this.writeScope);
    } catch (error) {
      undo();
      return Promise.reject(refusedBy(error));
    }
    const done = this.journal.append(line.text, event.seq, undo);
    if (this.journal.lines + this.journal.pending >= this.compactAt && !this.compacting) {
      done.then(
        () => this.compactInBackground(),
        () => {},
      );
    }
    return done;
  }

  checkWritable(): Promise<void> {
    if (!this.writable) return Promise.reject(new StoreWriteError('this store was opened for reading only'));
    return this.journal.checkWritable?.() ?? Promise.resolve();
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
   * entries) — into `reuse`, the arrays of an earlier capture nothing reads any more, when given.
   */
  capture(reuse?: CaptureArrays): StoreCapture {
    return captureState(this.data, reuse);
  }

  /**
   * The same copy, into the entry table's spare arrays, memory already faulted in (storage/capture-spare.ts):
   * what report files are built from (bot/reports.ts). `release` once nothing reads the capture any
   * more: its arrays are the next capture's.
   */
  lendCapture(): LentCapture {
    return lendCapture(this.data);
  }

  /**
   * Sums the next block of the figures' rows, then makes the captures' spare arrays a megabyte at a
   * time (their memory faulted in before a report or a compaction needs it); false once all is done.
   * The bot calls it at start-up between turns of the event loop.
   */
  override warmFigures(): boolean {
    return super.warmFigures() || spareOf(this.data.entries).warm();
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

  /**
   * Writes the snapshot, then drops the lines it holds (the journal gets its new head). `strict` (at
   * open): the lines must be dropped too, or the open fails; otherwise lines that could not be dropped
   * stay, and the new snapshot stands on their chain (`follow`).
   */
  private async fold(strict = false): Promise<void> {
    const { seq, store, last } = this.data;
    // lowdb's write hands the state to the adapter, which captures it before its first await.
    this.diskBusy(+1);
    try {
      await this.db.write();
    } catch (error) {
      if (error instanceof SnapshotNotKeptError) {
        throw new StoreWriteError(
          'a change the new snapshot held could not be written; the snapshot was not kept',
        );
      }
      throw error;
    } finally {
      this.diskBusy(-1);
    }
    try {
      await this.journal.dropThrough(seq, { store, follows: seq, last });
    } catch (error) {
      if (strict) throw error;
      this.logger.warn(
        { err: error, log: this.log.name },
        'could not drop the folded lines from the journal; they stay, and are skipped',
      );
    }
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
    this.diskBusy(+1);
    const target = await this.log.backupIfDue(now, () => this.compact()).finally(() => this.diskBusy(-1));
    if (target) this.logger.info({ backup: target }, 'daily backup written');
    return target;
  }

  /** One more (+1) or one fewer (-1) snapshot or backup being written: the journal is told. */
  private diskBusy(change: 1 | -1): void {
    this.busyWrites += change;
    if (this.writable) this.journal?.diskBusy?.(this.busyWrites > 0);
  }

  /** Waits for writes in flight, then closes the journal. Safe to call twice. */
  async close(): Promise<void> {
    this.closed ??= (async () => {
      if (this.compacting) await this.compacting.catch(() => {});
      spareOf(this.data.entries).stop();
      try {
        if (this.writable) await this.journal.close();
      } finally {
        await this.log.close();
      }
    })();
    return this.closed;
  }
}

/** A change the store's rules refuse (a command's bug): nothing is saved, and the user is told so. */
function refusedBy(error: unknown): unknown {
  if (!(error instanceof RuleBroken)) return error;
  return new StoreWriteError(`a change was refused by the store's rules: ${error.message}`, { cause: error });
}
