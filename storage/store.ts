import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { entryCode, entryNo } from '../core/codes.js';
import type {
  DepartmentHead,
  Entry,
  HistoryItem,
  Member,
  ModelExample,
  Registration,
  TitleSubject,
} from '../core/domain.js';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import type { Actor, Handled, MemberFlags, NewEntry, NewMember, Repository } from '../core/repository.js';
import { BACKUP_DIR, Backups } from './backups.js';
import { applyEvent, sameSubject, type Undo } from './events.js';
import {
  type FileSystem,
  isErrnoException,
  removeTempFiles,
  type StoreFiles,
  storeFiles,
  syncDirectory,
} from './files.js';
import { Indexes } from './indexes.js';
import { Journal, readJournal } from './journal.js';
import { emptyState, type State, type StoreEvent, type StoreEventBody } from './schema.js';
import { SnapshotFile } from './snapshot-file.js';

export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface StoreOptions {
  logger?: StoreLogger;
  /** Fold the journal into the snapshot once it holds this many lines (keeps start-up fast). */
  compactAfter?: number;
  /** Daily backups kept beside the store. */
  keepBackups?: number;
  /** The file system (node's by default; fault tests pass one whose files fail on purpose). */
  fileSystem?: FileSystem;
}

export const STORE_FILE = 'store.json';
export const JOURNAL_FILE = 'journal.jsonl';
export { BACKUP_DIR } from './backups.js';

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
 * The bot's repository. State lives in memory (a lowdb snapshot plus the journal replayed on top);
 * every change is applied in memory at once — synchronously, so a check and the change after it can
 * never interleave with another command — and appended to the journal. The promise a write returns
 * resolves only once the change is fsync'd; if the disk refuses it, the change is undone in memory and
 * the promise rejects with StoreWriteError.
 */
export class Store implements Repository {
  private readonly idx = new Indexes();
  private journal!: Journal<Undo>;
  private compacting: Promise<void> | null = null;
  private closed: Promise<void> | null = null;
  private readonly logger: StoreLogger;
  private readonly compactAfter: number;
  private readonly backups: Backups;

  private constructor(
    readonly dir: string,
    private readonly db: Low<State>,
    files: StoreFiles,
    options: StoreOptions,
  ) {
    this.logger = options.logger ?? silent;
    this.compactAfter = options.compactAfter ?? 20_000;
    this.backups = new Backups(dir, files, options.keepBackups ?? 14);
  }

  /**
   * Opens the store in `dir`, creating it only when no store file exists. A file that cannot be read,
   * parsed or validated throws StoreCorruptError before anything is written.
   */
  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    const files = storeFiles(options.fileSystem);
    await createDirectory(dir);
    const snapshotPath = join(dir, STORE_FILE);
    const journalPath = join(dir, JOURNAL_FILE);
    const db = new Low<State>(new SnapshotFile(snapshotPath, files), emptyState());
    await db.read();
    const contents = await readJournal(journalPath);
    const store = new Store(dir, db, files, options);
    store.index(snapshotPath);
    let expected = db.data.seq + 1;
    for (const [i, event] of contents.events.entries()) {
      if (event.seq < expected) continue; // already folded into the snapshot
      if (event.seq !== expected) {
        throw new StoreCorruptError(journalPath, `line ${i + 1} has seq ${event.seq}, expected ${expected}`);
      }
      try {
        applyEvent(db.data, store.idx, event);
      } catch (error) {
        throw new StoreCorruptError(journalPath, `line ${i + 1}: ${(error as Error).message}`);
      }
      expected += 1;
    }
    if (contents.tornBytes > 0) {
      store.logger.warn(
        { file: journalPath, bytes: contents.tornBytes },
        'dropped an incomplete last journal line (a write cut off before it was acknowledged)',
      );
    }
    // Everything read is valid: only now may files be touched. A temp file left by a write the disk
    // refused (or a crash) would hold space the next write needs.
    for (const folder of [dir, join(dir, BACKUP_DIR)]) {
      for (const name of await removeTempFiles(folder)) {
        store.logger.warn({ file: join(folder, name) }, 'removed a temp file left by an unfinished write');
      }
    }
    store.journal = await Journal.open<Undo>(
      journalPath,
      contents,
      (undos) => {
        for (const undo of undos.reverse()) undo();
      },
      files,
    ).catch((cause: unknown) => {
      throw new StoreWriteError(`cannot open ${journalPath} for writing (${errorCode(cause)})`, { cause });
    });
    return store;
  }

  // ---- reads ------------------------------------------------------------------------------------

  get state(): Readonly<State> {
    return this.db.data;
  }

  get members(): readonly Member[] {
    return this.db.data.members;
  }

  get entries(): readonly Entry[] {
    return this.db.data.entries;
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

  entry(code: string): Entry | undefined {
    return this.idx.entry(code);
  }

  entryBySource(source: string): Entry | undefined {
    return this.idx.entriesBySource.get(source);
  }

  entriesBetween(start: Date, end: Date): readonly Entry[] {
    return this.db.data.entries.slice(
      this.idx.lowerBound(start.getTime()),
      this.idx.lowerBound(end.getTime()),
    );
  }

  get models(): readonly ModelExample[] {
    return this.db.data.models;
  }

  model(no: number): ModelExample | undefined {
    return this.db.data.models.find((m) => m.no === no);
  }

  get nextModelNo(): number {
    return this.db.data.nextModelNo;
  }

  handled(source: string): Handled | undefined {
    return this.idx.handled.get(source);
  }

  get registrations(): readonly Registration[] {
    return this.db.data.registrations;
  }

  registration(year: number, subject: TitleSubject): Registration | undefined {
    return this.db.data.registrations.find((r) => r.year === year && sameSubject(r.subject, subject));
  }

  departmentHead(departmentId: string): DepartmentHead | undefined {
    return this.db.data.heads.find((h) => h.departmentId === departmentId);
  }

  lastJobSlot(job: string): Date | undefined {
    const slot = this.db.data.jobs[job];
    return slot ? new Date(slot) : undefined;
  }

  /** Lines in the journal not yet folded into the snapshot. */
  get journalLines(): number {
    return this.journal.lines;
  }

  // ---- writes -----------------------------------------------------------------------------------

  saveMember(change: NewMember, actor: Actor): Promise<Member> {
    const existing = this.idx.membersByIdentity.get(change.identity);
    const at = actor.at.toISOString();
    const username = change.username?.toLowerCase() ?? existing?.username;
    if (!existing) {
      const id = `m${this.db.data.nextMemberNo}`;
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
    const entry = newEntry(input, this.db.data.nextEntryNo, member.departmentId, actor);
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

  markJobDone(job: string, slot: Date): Promise<void> {
    return this.commit({ type: 'job.done', job, slot: slot.toISOString() });
  }

  private entryByNo(code: string): Entry {
    return this.idx.entriesByNo.get(entryNo(code)) as Entry;
  }

  private commit(body: StoreEventBody, actor?: Actor): Promise<void> {
    const event = {
      ...body,
      seq: this.db.data.seq + 1,
      ...(actor?.source ? { source: actor.source } : {}),
    } as StoreEvent;
    const undo = applyEvent(this.db.data, this.idx, event);
    const done = this.journal.append(JSON.stringify(event), undo);
    if (this.journal.lines + this.journal.pending >= this.compactAfter && !this.compacting) {
      done.then(
        () => this.compactInBackground(),
        () => {},
      );
    }
    return done;
  }

  // ---- loading ------------------------------------------------------------------------------------

  /** Indexes the snapshot's records, refusing duplicate codes and references to members that do not exist. */
  private index(snapshotPath: string): void {
    const data = this.db.data;
    for (const member of data.members) {
      if (this.idx.membersById.has(member.id))
        throw new StoreCorruptError(snapshotPath, `member ${member.id} appears twice`);
      this.idx.indexMember(member);
    }
    let sorted = true;
    for (const entry of data.entries) {
      const time = Date.parse(entry.at);
      if (time < (this.idx.times.at(-1) ?? -Infinity)) sorted = false;
      this.idx.times.push(time);
      if (this.idx.entriesByNo.has(entryNo(entry.code)))
        throw new StoreCorruptError(snapshotPath, `entry code ${entry.code} appears twice`);
      for (const id of [entry.memberId, entry.reporterId]) {
        if (!this.idx.membersById.has(id))
          throw new StoreCorruptError(
            snapshotPath,
            `entry ${entry.code} refers to member ${id}, who does not exist`,
          );
      }
      this.idx.indexEntry(entry);
    }
    if (!sorted) {
      // Written by hand or by an older version: order by time once, keeping the index in step.
      const order = data.entries.map((entry, i) => ({ entry, time: this.idx.times[i] as number }));
      order.sort((a, b) => a.time - b.time);
      for (const [i, o] of order.entries()) {
        data.entries[i] = o.entry;
        this.idx.times[i] = o.time;
      }
    }
  }

  // ---- maintenance ------------------------------------------------------------------------------

  /** Writes the whole state as the new snapshot (atomically) and empties the journal. */
  compact(): Promise<void> {
    if (!this.compacting) {
      // lowdb's write hands db.data to the adapter, which serialises it before its first await.
      this.compacting = this.journal
        .compact(() => this.db.write())
        .finally(() => {
          this.compacting = null;
        });
    }
    return this.compacting;
  }

  private compactInBackground(): void {
    this.compact().catch((error: unknown) => this.logger.error({ err: error }, 'store compaction failed'));
  }

  /**
   * Once a day (Asia/Ho_Chi_Minh), compacts and copies the snapshot to `backups/store-YYYY-MM-DD.json`,
   * keeping the newest ones. Returns the backup's path, or null when today's exists.
   */
  async backupIfDue(now: Date): Promise<string | null> {
    if (!(await this.backups.due(now))) return null;
    await this.compact();
    const target = await this.backups.write(join(this.dir, STORE_FILE), now);
    this.logger.info({ backup: target }, 'daily backup written');
    return target;
  }

  /** Waits for writes in flight, then closes the journal. Safe to call twice. */
  async close(): Promise<void> {
    this.closed ??= (async () => {
      if (this.compacting) await this.compacting.catch(() => {});
      await this.journal.close();
    })();
    return this.closed;
  }
}

/** Creates the data directory; a new one's parent is fsync'd so the directory itself survives a power cut. */
async function createDirectory(dir: string): Promise<void> {
  const existed = await stat(dir).then(
    () => true,
    () => false,
  );
  try {
    await mkdir(dir, { recursive: true });
    if (!existed) await syncDirectory(dirname(resolve(dir)));
  } catch (cause) {
    throw new StoreWriteError(`cannot create the data directory ${dir} (${errorCode(cause)})`, { cause });
  }
}

function errorCode(error: unknown): string {
  return isErrnoException(error) ? (error.code ?? error.message) : String(error);
}
