import { copyFile, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { StoreCorruptError, StoreWriteError } from '../core/errors.js';
import { dayKey } from '../core/periods.js';
import { isErrnoException, syncDirectory } from './files.js';
import { Journal, readJournal } from './journal.js';
import {
  type Entry,
  type EntryKind,
  emptyState,
  type HistoryItem,
  type Member,
  type ModelExample,
  type Platform,
  type State,
  type StoreEvent,
  type StoreEventBody,
} from './schema.js';
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
}

export const STORE_FILE = 'store.json';
export const JOURNAL_FILE = 'journal.jsonl';
export const BACKUP_DIR = 'backups';

const CODE_PREFIX: Record<EntryKind, string> = { deed: 'VT', task: 'HT', initiative: 'SK' };

/** An entry's short code: its kind's prefix and its number (`VT12`). */
export function entryCode(kind: EntryKind, no: number): string {
  return `${CODE_PREFIX[kind]}${no}`;
}

/**
 * The record of a newly logged entry with number `no`: active, awaiting review, its creation in its
 * history, counting for `departmentId` (the credited member's department at that moment).
 */
export function newEntry(input: NewEntry, no: number, departmentId: string): Entry {
  const at = input.at.toISOString();
  return {
    code: entryCode(input.kind, no),
    kind: input.kind,
    text: input.text,
    points: input.points,
    adhoc: input.adhoc,
    it: input.it,
    memberId: input.memberId,
    reporterId: input.reporterId,
    departmentId,
    at,
    status: 'active',
    review: 'pending',
    ...(input.photo ? { photo: input.photo } : {}),
    source: input.source,
    history: [{ at, action: 'created', by: input.reporterId, platform: input.platform }],
  };
}

export interface NewEntry {
  kind: EntryKind;
  text: string;
  points: number;
  adhoc: boolean;
  it: boolean;
  memberId: string;
  reporterId: string;
  at: Date;
  photo?: Entry['photo'];
  source: string;
  platform: Platform;
}

export interface MemberChange {
  identity: string;
  fullName: string;
  departmentId: string;
  username?: string | undefined;
  at: Date;
  platform: Platform;
  /** Who made the change, when not the member themselves (an admin's move). */
  by?: string;
}

type Undo = () => void;

const silent: StoreLogger = { info() {}, warn() {}, error() {} };

/**
 * The bot's repository. State lives in memory (a lowdb snapshot plus the journal replayed on top);
 * every change is applied in memory at once — synchronously, so a check and the change after it can
 * never interleave with another command — and appended to the journal. The promise a write returns
 * resolves only once the change is fsync'd; if the disk refuses it, the change is undone in memory and
 * the promise rejects with StoreWriteError.
 */
export class Store {
  private readonly byCode = new Map<string, Entry>();
  private readonly bySource = new Map<string, Entry>();
  private readonly times: number[] = [];
  private readonly membersById = new Map<string, Member>();
  private readonly membersByIdentity = new Map<string, Member>();
  private readonly membersByUsername = new Map<string, Member>();
  private journal!: Journal<Undo>;
  private compacting: Promise<void> | null = null;
  private readonly logger: StoreLogger;
  private readonly compactAfter: number;
  private readonly keepBackups: number;

  private constructor(
    readonly dir: string,
    private readonly db: Low<State>,
    options: StoreOptions,
  ) {
    this.logger = options.logger ?? silent;
    this.compactAfter = options.compactAfter ?? 20_000;
    this.keepBackups = options.keepBackups ?? 14;
  }

  /**
   * Opens the store in `dir`, creating it only when no store file exists. A file that cannot be read,
   * parsed or validated throws StoreCorruptError before anything is written.
   */
  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    await mkdir(dir, { recursive: true }).catch((cause: unknown) => {
      throw new StoreWriteError(`cannot create the data directory ${dir} (${errorCode(cause)})`, { cause });
    });
    const snapshotPath = join(dir, STORE_FILE);
    const journalPath = join(dir, JOURNAL_FILE);
    const db = new Low<State>(new SnapshotFile(snapshotPath), emptyState());
    await db.read();
    const contents = await readJournal(journalPath);
    const store = new Store(dir, db, options);
    store.index();
    let expected = db.data.seq + 1;
    for (const [i, event] of contents.events.entries()) {
      if (event.seq < expected) continue; // already folded into the snapshot
      if (event.seq !== expected) {
        throw new StoreCorruptError(journalPath, `line ${i + 1} has seq ${event.seq}, expected ${expected}`);
      }
      try {
        store.apply(event);
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
    store.journal = await Journal.open<Undo>(journalPath, contents, (undos) => {
      for (const undo of undos.reverse()) undo();
    }).catch((cause: unknown) => {
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

  /** All entries, oldest first. */
  get entries(): readonly Entry[] {
    return this.db.data.entries;
  }

  member(id: string): Member | undefined {
    return this.membersById.get(id);
  }

  memberByIdentity(identity: string): Member | undefined {
    return this.membersByIdentity.get(identity);
  }

  memberByUsername(username: string): Member | undefined {
    return this.membersByUsername.get(username.replace(/^@/, '').toLowerCase());
  }

  /** Finds an entry by its code (`VT12`, `vt-12`, `12`), case and punctuation ignored. */
  entry(code: string): Entry | undefined {
    const match = /^([a-z]{2})?(\d{1,9})$/i.exec(code.replace(/[\s\-#_.]/g, ''));
    if (!match) return undefined;
    const entry = this.byCode.get(match[2] as string);
    if (!entry) return undefined;
    return match[1] && entry.code.slice(0, 2) !== match[1].toUpperCase() ? undefined : entry;
  }

  entryBySource(source: string): Entry | undefined {
    return this.bySource.get(source);
  }

  /** Entries created in [start, end), oldest first, found by binary search. */
  entriesBetween(start: Date, end: Date): readonly Entry[] {
    return this.db.data.entries.slice(this.lowerBound(start.getTime()), this.lowerBound(end.getTime()));
  }

  /** Lines in the journal not yet folded into the snapshot. */
  get journalLines(): number {
    return this.journal.lines;
  }

  // ---- writes -----------------------------------------------------------------------------------

  /**
   * Registers a new member or updates the one holding `identity`. A new department is a move: it
   * applies from `at` on (entries logged before keep counting for the old one) and is in the history.
   */
  saveMember(change: MemberChange): Promise<Member> {
    const existing = this.membersByIdentity.get(change.identity);
    const at = change.at.toISOString();
    const by = change.by ?? existing?.id ?? `m${this.db.data.nextMemberNo}`;
    const username = change.username?.toLowerCase() ?? existing?.username;
    if (!existing) {
      const member: Member = {
        id: `m${this.db.data.nextMemberNo}`,
        fullName: change.fullName,
        departmentId: change.departmentId,
        departments: [{ departmentId: change.departmentId, from: at }],
        identities: [change.identity],
        ...(username ? { username } : {}),
        registeredAt: at,
        history: [
          {
            at,
            action: 'registered',
            by,
            platform: change.platform,
            note: `${change.fullName} | ${change.departmentId}`,
          },
        ],
      };
      return this.commit({ type: 'member.saved', member }).then(() => member);
    }
    const moved = existing.departmentId !== change.departmentId;
    const items: HistoryItem[] = [];
    if (existing.fullName !== change.fullName || !moved) {
      items.push({ at, action: 'updated', by, platform: change.platform, note: change.fullName });
    }
    if (moved) {
      items.push({
        at,
        action: 'moved',
        by,
        platform: change.platform,
        note: `${existing.departmentId} → ${change.departmentId}`,
      });
    }
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
    return this.commit({ type: 'member.saved', member }).then(() => member);
  }

  /** Moves member `id` to another department from `at` on (an admin's move); kept in the history. */
  moveMember(id: string, departmentId: string, by: string, platform: Platform, at: Date): Promise<Member> {
    const existing = this.membersById.get(id);
    if (!existing) return Promise.reject(new Error(`unknown member ${id}`));
    const identity = existing.identities[0] as string;
    return this.saveMember({
      identity,
      fullName: existing.fullName,
      departmentId,
      at,
      platform,
      by,
    });
  }

  /** Logs an entry; its code is assigned here, and it counts for its member's department of now. */
  addEntry(input: NewEntry): Promise<Entry> {
    const member = this.membersById.get(input.memberId);
    if (!member) return Promise.reject(new Error(`unknown member ${input.memberId}`));
    const entry = newEntry(input, this.db.data.nextEntryNo, member.departmentId);
    return this.commit({ type: 'entry.created', entry }).then(() => entry);
  }

  /** Withdraws an active entry; it stays in the store and its history, and no longer counts. */
  withdrawEntry(code: string, by: string, platform: Platform, at: Date, note?: string): Promise<Entry> {
    const item: HistoryItem = {
      at: at.toISOString(),
      action: 'withdrawn',
      by,
      platform,
      ...(note ? { note } : {}),
    };
    return this.commit({ type: 'entry.withdrawn', code, item }).then(
      () => this.byCode.get(code.slice(2)) as Entry,
    );
  }

  /** Records the Council's decision on an active, pending entry. */
  reviewEntry(
    code: string,
    decision: 'approved' | 'rejected',
    by: string,
    platform: Platform,
    at: Date,
    reason?: string,
  ): Promise<Entry> {
    const item: HistoryItem = {
      at: at.toISOString(),
      action: decision,
      by,
      platform,
      ...(reason ? { note: reason } : {}),
    };
    return this.commit({ type: 'entry.reviewed', code, item }).then(
      () => this.byCode.get(code.slice(2)) as Entry,
    );
  }

  /**
   * Puts a decided entry back to pending (the Council reconsiders it); the reason and the earlier
   * decision stay in its history, and the next decision is recorded as a new one.
   */
  reopenEntry(code: string, by: string, platform: Platform, at: Date, reason: string): Promise<Entry> {
    const item: HistoryItem = { at: at.toISOString(), action: 'reopened', by, platform, note: reason };
    return this.commit({ type: 'entry.reviewed', code, item }).then(
      () => this.byCode.get(code.slice(2)) as Entry,
    );
  }

  /** Sets a member's preferences (private chat opened, reminders on or off) without touching their profile. */
  setMemberFlags(
    id: string,
    flags: Partial<Pick<Member, 'privateChat' | 'nudges' | 'username'>>,
    audit?: { at: Date; platform: Platform; note: string },
  ): Promise<Member> {
    const existing = this.membersById.get(id);
    if (!existing) return Promise.reject(new Error(`unknown member ${id}`));
    const member: Member = {
      ...existing,
      ...flags,
      history: audit
        ? [
            ...existing.history,
            {
              at: audit.at.toISOString(),
              action: 'updated',
              by: id,
              platform: audit.platform,
              note: audit.note,
            },
          ]
        : existing.history,
    };
    return this.commit({ type: 'member.saved', member }).then(() => member);
  }

  /**
   * Gives `identity` (another platform's account) to member `keep`, so one person has one profile and
   * one score. If another member held that identity, they are merged into `keep`: their identities,
   * entries (credited and reported) and model examples move over, and their record goes.
   */
  linkIdentity(keep: string, identity: string, at: Date, platform: Platform): Promise<Member> {
    const item: HistoryItem = { at: at.toISOString(), action: 'linked', by: keep, platform, note: identity };
    return this.commit({ type: 'member.linked', keep, identity, item }).then(
      () => this.membersById.get(keep) as Member,
    );
  }

  /** The last slot a scheduled job dealt with. */
  lastJobSlot(job: string): Date | undefined {
    const slot = this.db.data.jobs[job];
    return slot ? new Date(slot) : undefined;
  }

  /** Records that a scheduled job dealt with `slot` (posted it, or skipped it), so it never runs twice. */
  markJobDone(job: string, slot: Date): Promise<void> {
    return this.commit({ type: 'job.done', job, slot: slot.toISOString() });
  }

  /** Model examples, by number. */
  get models(): readonly ModelExample[] {
    return this.db.data.models;
  }

  model(no: number): ModelExample | undefined {
    return this.db.data.models.find((m) => m.no === no);
  }

  /** The number the next proposed model example will get. */
  get nextModelNo(): number {
    return this.db.data.nextModelNo;
  }

  /** Saves a new model example or a new stage of one (replacing it whole, by number). */
  saveModel(model: ModelExample): Promise<ModelExample> {
    return this.commit({ type: 'model.saved', model }).then(() => model);
  }

  private commit(body: StoreEventBody): Promise<void> {
    const event = { ...body, seq: this.db.data.seq + 1 } as StoreEvent;
    const undo = this.apply(event);
    const done = this.journal.append(JSON.stringify(event), undo);
    if (this.journal.lines + this.journal.pending >= this.compactAfter && !this.compacting) {
      done.then(
        () => this.compactInBackground(),
        () => {},
      );
    }
    return done;
  }

  // ---- applying events (live and on replay) -----------------------------------------------------

  private apply(event: StoreEvent): Undo {
    const data = this.db.data;
    const seqBefore = data.seq;
    let undo: Undo;
    switch (event.type) {
      case 'member.saved':
        undo = this.applyMember(this.withDepartments(event.member));
        break;
      case 'entry.created': {
        const { entry } = event;
        // A layout-3 journal line: the entry counts for its member's department at this point.
        const departmentId = entry.departmentId ?? this.membersById.get(entry.memberId)?.departmentId;
        if (!departmentId) throw new Error(`entry ${entry.code} credits unknown member ${entry.memberId}`);
        undo = this.applyEntry({ ...entry, departmentId });
        break;
      }
      case 'entry.withdrawn':
        undo = this.applyWithdrawal(event.code, event.item);
        break;
      case 'entry.reviewed':
        undo = this.applyReview(event.code, event.item);
        break;
      case 'model.saved':
        undo = this.applyModel(event.model);
        break;
      case 'member.linked':
        undo = this.applyLink(event.keep, event.identity, event.item);
        break;
      case 'job.done': {
        const jobs = data.jobs;
        const before = jobs[event.job];
        jobs[event.job] = event.slot;
        undo = () => {
          if (before === undefined) delete jobs[event.job];
          else jobs[event.job] = before;
        };
        break;
      }
    }
    data.seq = event.seq;
    return () => {
      undo();
      data.seq = seqBefore;
    };
  }

  /** A member saved by layout 3 (no department list): its list continues the one held now. */
  private withDepartments(
    member: Omit<Member, 'departments'> & Partial<Pick<Member, 'departments'>>,
  ): Member {
    if (member.departments) return member as Member;
    const previous = this.membersById.get(member.id);
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

  private applyMember(member: Member): Undo {
    const data = this.db.data;
    const previous = this.membersById.get(member.id);
    const nextBefore = data.nextMemberNo;
    const no = Number(member.id.slice(1));
    if (Number.isInteger(no)) data.nextMemberNo = Math.max(data.nextMemberNo, no + 1);
    if (previous) {
      data.members[data.members.indexOf(previous)] = member;
      this.unindexMember(previous);
    } else {
      data.members.push(member);
    }
    this.indexMember(member);
    return () => {
      this.unindexMember(member);
      if (previous) {
        data.members[data.members.indexOf(member)] = previous;
        this.indexMember(previous);
      } else {
        data.members.splice(data.members.indexOf(member), 1);
      }
      data.nextMemberNo = nextBefore;
    };
  }

  private applyEntry(entry: Entry): Undo {
    const data = this.db.data;
    const key = entry.code.slice(2);
    if (this.byCode.has(key)) throw new Error(`entry ${entry.code} exists already`);
    const nextBefore = data.nextEntryNo;
    data.nextEntryNo = Math.max(data.nextEntryNo, Number(key) + 1);
    const time = Date.parse(entry.at);
    const index = this.upperBound(time);
    if (index === data.entries.length) {
      data.entries.push(entry);
      this.times.push(time);
    } else {
      data.entries.splice(index, 0, entry);
      this.times.splice(index, 0, time);
    }
    this.byCode.set(key, entry);
    this.bySource.set(entry.source, entry);
    return () => {
      const at = data.entries.lastIndexOf(entry);
      data.entries.splice(at, 1);
      this.times.splice(at, 1);
      this.byCode.delete(key);
      this.bySource.delete(entry.source);
      data.nextEntryNo = nextBefore;
    };
  }

  private applyWithdrawal(code: string, item: HistoryItem): Undo {
    const entry = this.byCode.get(code.slice(2));
    if (!entry || entry.code !== code) throw new Error(`withdrawal of unknown entry ${code}`);
    if (entry.status !== 'active') throw new Error(`entry ${code} is not active`);
    entry.status = 'withdrawn';
    entry.history.push(item);
    return () => {
      entry.status = 'active';
      entry.history.pop();
    };
  }

  private applyLink(keepId: string, identity: string, item: HistoryItem): Undo {
    const data = this.db.data;
    const keep = this.membersById.get(keepId);
    if (!keep) throw new Error(`link to unknown member ${keepId}`);
    const other = this.membersByIdentity.get(identity);
    if (other?.id === keepId) throw new Error(`${identity} is linked to ${keepId} already`);
    const merged: Member = {
      ...keep,
      identities: [...new Set([...keep.identities, ...(other?.identities ?? [identity])])],
      ...(keep.username || !other?.username ? {} : { username: other.username }),
      privateChat: keep.privateChat || other?.privateChat || undefined,
      history: [...keep.history, ...(other?.history ?? []), item],
    };
    if (merged.privateChat === undefined) delete merged.privateChat;
    const moved: { entry: Entry; memberId: string; reporterId: string }[] = [];
    const models: { index: number; model: ModelExample }[] = [];
    const otherIndex = other ? data.members.indexOf(other) : -1;
    if (other) {
      for (const entry of data.entries) {
        if (entry.memberId !== other.id && entry.reporterId !== other.id) continue;
        moved.push({ entry, memberId: entry.memberId, reporterId: entry.reporterId });
        if (entry.memberId === other.id) entry.memberId = keepId;
        if (entry.reporterId === other.id) entry.reporterId = keepId;
      }
      for (const [index, model] of data.models.entries()) {
        if (model.subject.kind === 'member' && model.subject.memberId === other.id) {
          models.push({ index, model });
          data.models[index] = { ...model, subject: { kind: 'member', memberId: keepId } };
        }
      }
      this.unindexMember(other);
      data.members.splice(otherIndex, 1);
    }
    this.unindexMember(keep);
    data.members[data.members.indexOf(keep)] = merged;
    this.indexMember(merged);
    return () => {
      this.unindexMember(merged);
      data.members[data.members.indexOf(merged)] = keep;
      this.indexMember(keep);
      if (other) {
        data.members.splice(otherIndex, 0, other);
        this.indexMember(other);
        for (const m of moved) {
          m.entry.memberId = m.memberId;
          m.entry.reporterId = m.reporterId;
        }
        for (const m of models) data.models[m.index] = m.model;
      }
    };
  }

  private applyReview(code: string, item: HistoryItem): Undo {
    const entry = this.byCode.get(code.slice(2));
    if (!entry || entry.code !== code) throw new Error(`review of unknown entry ${code}`);
    if (entry.status !== 'active') throw new Error(`entry ${code} is withdrawn`);
    const before = entry.review;
    if (item.action === 'reopened') {
      if (before === 'pending') throw new Error(`entry ${code} is pending already`);
      entry.review = 'pending';
    } else if (item.action === 'approved' || item.action === 'rejected') {
      if (before !== 'pending') throw new Error(`entry ${code} is not pending`);
      entry.review = item.action;
    } else {
      throw new Error(`not a decision: ${item.action}`);
    }
    entry.history.push(item);
    return () => {
      entry.review = before;
      entry.history.pop();
    };
  }

  private applyModel(model: ModelExample): Undo {
    const data = this.db.data;
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

  private index(): void {
    const data = this.db.data;
    let sorted = true;
    for (const entry of data.entries) {
      const time = Date.parse(entry.at);
      if (time < (this.times.at(-1) ?? -Infinity)) sorted = false;
      this.times.push(time);
      this.byCode.set(entry.code.slice(2), entry);
      this.bySource.set(entry.source, entry);
    }
    if (!sorted) {
      // Written by hand or by an older version: order by time once, keeping the index in step.
      const order = data.entries.map((entry, i) => ({ entry, time: this.times[i] as number }));
      order.sort((a, b) => a.time - b.time);
      for (const [i, o] of order.entries()) {
        data.entries[i] = o.entry;
        this.times[i] = o.time;
      }
    }
    for (const member of data.members) this.indexMember(member);
  }

  private indexMember(member: Member): void {
    this.membersById.set(member.id, member);
    for (const identity of member.identities) this.membersByIdentity.set(identity, member);
    if (member.username) this.membersByUsername.set(member.username, member);
  }

  private unindexMember(member: Member): void {
    this.membersById.delete(member.id);
    for (const identity of member.identities) this.membersByIdentity.delete(identity);
    if (member.username && this.membersByUsername.get(member.username) === member) {
      this.membersByUsername.delete(member.username);
    }
  }

  private lowerBound(time: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(time: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
   * keeping the newest `keepBackups`. Returns the backup's path, or null when today's exists.
   */
  async backupIfDue(now: Date): Promise<string | null> {
    const backups = join(this.dir, BACKUP_DIR);
    await mkdir(backups, { recursive: true });
    const name = `store-${dayKey(now)}.json`;
    const existing = (await readdir(backups)).filter((f) => /^store-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
    if (existing.includes(name)) return null;
    await this.compact();
    const target = join(backups, name);
    await copyFile(join(this.dir, STORE_FILE), `${target}.tmp`);
    await rename(`${target}.tmp`, target);
    await syncDirectory(backups);
    const all = [...existing, name].sort();
    for (const old of all.slice(0, Math.max(0, all.length - this.keepBackups))) {
      await unlink(join(backups, old)).catch((error: unknown) => {
        if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
      });
    }
    this.logger.info({ backup: target }, 'daily backup written');
    return target;
  }

  /** Waits for writes in flight, then closes the journal. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return this.closed;
    this.closed = (async () => {
      if (this.compacting) await this.compacting.catch(() => {});
      await this.journal.close();
    })();
    return this.closed;
  }
  private closed: Promise<void> | null = null;
}

function errorCode(error: unknown): string {
  return isErrnoException(error) ? (error.code ?? error.message) : String(error);
}
