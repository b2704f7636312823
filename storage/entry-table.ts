import { isUtf8 } from 'node:buffer';
import { entryCode, entryNo } from '../core/codes.js';
import { type Entry, type EntryKind, type HistoryItem, historyItemSchema } from '../core/domain.js';
import { PLATFORMS, type PlatformName } from '../core/identity.js';
import { periodContaining } from '../core/periods.js';
import type { EntriesOf, EntryFact, EntryGroup, EntryGroups } from '../core/repository.js';
import { indexableTag, tagPattern } from '../core/text.js';
import {
  CHUNK_ROWS,
  CHUNK_SHIFT,
  F64Column,
  I32Column,
  type NumberArray,
  type NumberColumn,
  roomFor,
  StringColumn,
  type StringColumnData,
  U8Column,
  U32Column,
  utf16Length,
} from './columns.js';
import { TagIndex } from './indexes.js';
import { type EntryFacts, reviewAfter } from './invariants.js';
import { StringHash } from './string-hash.js';

/*
 * The entries, column by column. A year of a province is ~100k entries; as plain objects each costs
 * ~0.7 KB of heap (its strings, its history array, the parsed copy validation made), and loading them
 * means parsing every one. Here an entry is a row: numbers and flags in typed arrays, ids as indexes
 * into a dictionary, its text, time and source in string columns (one block per column when read from
 * a snapshot), and the history items beyond the usual "created" one in a table of their own. Reads
 * materialise plain `Entry` objects (about 60 ns each), so the rest of the bot sees what it always
 * saw; writes go through the methods below, each with its inverse for an undone write (LIFO, as the
 * journal undoes them).
 *
 * Members, model examples and every other collection stay plain objects in the state (they are small);
 * only this table has a layout of its own.
 */

export const KINDS: readonly EntryKind[] = ['deed', 'task', 'initiative'];
const REVIEWS = ['pending', 'approved', 'rejected'] as const;
export const ACTIONS = historyItemSchema.shape.action.options;

// flags of a row
const ADHOC = 1;
const IT = 2;
const WITHDRAWN = 4;
const REVIEW_SHIFT = 3; // two bits: REVIEWS index
const REVIEW_MASK = 3 << REVIEW_SHIFT;
/** The history starts with the usual item: created, at the entry's time, by its reporter, no note or source. */
const CREATED = 32;
const ROW_FLAGS = ADHOC | IT | WITHDRAWN | REVIEW_MASK | CREATED;
// flags of a history item
const HAS_NOTE = 1;
const HAS_SOURCE = 2;

/**
 * Entries kept once read one at a time or a few (an entry, a member's day or page: `entry`, `of`), and
 * of past years: the last 2,048 read (~0.5 KB each). A writer's /viectot reads their day's entries:
 * kept in the year's set, a week of writers kept every entry they wrote (~12 MB at 28,000 writes).
 */
const RECENT_ROWS = 2_048;
/** Ranges of groups kept until the next write (EntryTable.groups). */
const KEPT_GROUPS = 4;
/** Positions of the time order summed together and kept (EntryTable.groups): 16,384. */
const BLOCK_ROWS = 1 << 14;
/** Entry numbers up to this are found through a dense array; larger ones (never made by the bot) through a map. */
const DENSE_NUMBERS = 1 << 22;

type Photos = NonNullable<Entry['photo']>;

/** A consistent copy of the table: what a snapshot holds and what a report worker receives. */
export interface EntryTableData {
  count: number;
  dict: string[];
  no: Uint32Array;
  time: Float64Array;
  kind: Uint8Array;
  flags: Uint8Array;
  points: Float64Array;
  member: Uint32Array;
  reporter: Uint32Array;
  department: Uint32Array;
  createdOn: Uint8Array;
  firstItem: Int32Array;
  /** Rows in order of time (ties in the order they were added). */
  order: Int32Array;
  text: StringColumnData;
  at: StringColumnData;
  source: StringColumnData;
  /** Each photo kept with a row, in its order (a row with an album has several): [row, platform, fileId]. */
  photos: [number, string, string][];
  /** Rows whose code is not their kind's prefix and number: [row, code]. */
  codes: [number, string][];
  items: {
    count: number;
    row: Uint32Array;
    action: Uint8Array;
    by: Uint32Array;
    platform: Uint8Array;
    flags: Uint8Array;
    next: Int32Array;
    at: StringColumnData;
    note: StringColumnData;
    source: StringColumnData;
  };
}

export class EntryTable {
  private readonly dict: string[] = [];
  private readonly dictIndex = new Map<string, number>();
  private readonly no: NumberColumn<Uint32Array>;
  private readonly time: NumberColumn<Float64Array>;
  private readonly kind: NumberColumn<Uint8Array>;
  private readonly flags: NumberColumn<Uint8Array>;
  private readonly points: NumberColumn<Float64Array>;
  private readonly member: NumberColumn<Uint32Array>;
  private readonly reporter: NumberColumn<Uint32Array>;
  private readonly department: NumberColumn<Uint32Array>;
  private readonly createdOn: NumberColumn<Uint8Array>;
  private readonly firstItem: NumberColumn<Int32Array>;
  private readonly order: NumberColumn<Int32Array>;
  private readonly text: StringColumn;
  private readonly at: StringColumn;
  private readonly source: StringColumn;
  private readonly photos = new Map<number, Photos>();
  /**
   * The same photos as a capture holds them ([row, platform, fileId], in order of rows): kept beside
   * the map, as rows are only ever added at the end or taken back from it, so a capture copies one
   * array of references (at 1M entries, 33k photos made into triples at each capture took 25-36 ms).
   */
  private readonly photoList: [number, string, string][] = [];
  private readonly codes = new Map<number, string>();
  private readonly items: {
    row: NumberColumn<Uint32Array>;
    action: NumberColumn<Uint8Array>;
    by: NumberColumn<Uint32Array>;
    platform: NumberColumn<Uint8Array>;
    flags: NumberColumn<Uint8Array>;
    next: NumberColumn<Int32Array>;
    at: StringColumn;
    note: StringColumn;
    source: StringColumn;
  };
  private byNo = new Int32Array(0);
  private readonly byLargeNo = new Map<number, number>();
  /** Entries of the current year once read in a range (see `build`), and the last few thousand read otherwise (see `entry`). */
  private hot: (Entry | undefined)[] = [];
  private readonly recent = new Map<number, Entry>();
  private hotYear = { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  /** Bumped by every write: the last range read (`between`) holds only while it has not moved. */
  private version = 0;
  private lastRange: { version: number; from: number; to: number; entries: Entry[] } | undefined;
  private lastGroups: { version: number; from: number; to: number; groups: EntryGroups }[] = [];
  /** Whole blocks of the time order, summed (see `groups`); undefined once a write touched one. */
  private readonly blocks: (GroupSum | undefined)[] = [];
  /** The sources hashed (see `changeBySource`): a row's as 2 × row, a history item's as 2 × index + 1. */
  private sources: StringHash | undefined;
  private materialised = 0;
  /** The rows by the tags of their texts (see `taggedRows`), indexed from the first on. */
  private readonly tags = new TagIndex();

  /**
   * An empty table, or one holding `data` (captured, or read from a snapshot and verified).
   * `keepBuilt: false` (a report thread's copy, read once and thrown away): entries are built at each
   * read and none is kept beyond the last range read — a year of them is ~100 MB at 100k entries.
   */
  constructor(
    data?: EntryTableData,
    private readonly keepBuilt = true,
  ) {
    this.no = new U32Column(data?.no);
    this.time = new F64Column(data?.time);
    this.kind = new U8Column(data?.kind);
    this.flags = new U8Column(data?.flags);
    this.points = new F64Column(data?.points);
    this.member = new U32Column(data?.member);
    this.reporter = new U32Column(data?.reporter);
    this.department = new U32Column(data?.department);
    this.createdOn = new U8Column(data?.createdOn);
    this.firstItem = new I32Column(data?.firstItem);
    this.order = new I32Column(data?.order);
    this.text = new StringColumn(data?.text);
    this.at = new StringColumn(data?.at);
    this.source = new StringColumn(data?.source);
    const i = data?.items;
    this.items = {
      row: new U32Column(i?.row),
      action: new U8Column(i?.action),
      by: new U32Column(i?.by),
      platform: new U8Column(i?.platform),
      flags: new U8Column(i?.flags),
      next: new I32Column(i?.next),
      at: new StringColumn(i?.at),
      note: new StringColumn(i?.note),
      source: new StringColumn(i?.source),
    };
    if (!data) return;
    for (const word of data.dict) this.intern(word);
    for (const [row, platform, fileId] of data.photos) {
      const photo = { platform: platform as PlatformName, fileId };
      const kept = this.photos.get(row);
      if (kept) kept.push(photo);
      else this.photos.set(row, [photo]);
      this.photoList.push([row, platform, fileId]);
    }
    for (const [row, code] of data.codes) this.codes.set(row, code);
    for (let row = 0; row < data.count; row += 1) this.setRowOfNo(data.no[row] as number, row);
  }

  get count(): number {
    return this.no.length;
  }

  // ---- reads ----------------------------------------------------------------------------------------

  /** The row of entry number `no`, or -1. */
  rowOfNo(no: number): number {
    if (no >= 0 && no < this.byNo.length) return this.byNo[no] as number;
    return this.byLargeNo.get(no) ?? -1;
  }

  /** The row of the entry whose code is exactly `code`, or -1. */
  rowOfCode(code: string): number {
    const row = this.rowOfNo(entryNo(code));
    return row !== -1 && this.codeAt(row) === code ? row : -1;
  }

  /** The text of `row` (decoded from the snapshot's block when first read). */
  textOf(row: number): string {
    return this.text.get(row);
  }

  codeAt(row: number): string {
    return this.codes.get(row) ?? entryCode(KINDS[this.kind.get(row)] as EntryKind, this.no.get(row));
  }

  status(row: number): Entry['status'] {
    return this.flags.get(row) & WITHDRAWN ? 'withdrawn' : 'active';
  }

  review(row: number): Entry['review'] {
    return REVIEWS[(this.flags.get(row) & REVIEW_MASK) >> REVIEW_SHIFT] as Entry['review'];
  }

  /**
   * The entry of `row` as a plain object, frozen: later changes to the store do not show in it (they
   * make a new one). Once read, it stays among the last few thousand read (`recent`); an entry of the
   * current year read in a range stays with the year's (`hot`, see `build`).
   */
  entry(row: number): Entry {
    const built = this.cached(row);
    if (built) return built;
    return this.keepBuilt ? this.keep(row, false, true) : freeze(this.materialise(row, true));
  }

  private keep(row: number, hot: boolean, alone: boolean): Entry {
    const entry = freeze(this.materialise(row, alone));
    if (hot) {
      this.hot[row] = entry;
    } else {
      this.recent.set(row, entry);
      if (this.recent.size > RECENT_ROWS) this.recent.delete(this.recent.keys().next().value as number);
    }
    return entry;
  }

  private cached(row: number): Entry | undefined {
    return this.hot[row] ?? this.recent.get(row);
  }

  /** A write changed (or took back) this row: its entry is built again when next read. */
  private forget(row: number): void {
    if (row < this.count) this.touchRow(row);
    this.hot[row] = undefined;
    this.recent.delete(row);
    this.version += 1;
  }

  /**
   * Where the current year starts: the year of the latest entry (not the clock's: the store keeps no
   * clock, and the latest entry is "now" for a bot in use). When a new year begins, last year's
   * entries leave the hot set.
   */
  private hotFrom(): number {
    const n = this.order.length;
    const latest = n ? this.time.get(this.order.get(n - 1)) : 0;
    if (latest < this.hotYear.start || latest >= this.hotYear.end) {
      const year = periodContaining('year', new Date(latest));
      this.hotYear = { start: year.start.getTime(), end: year.end.getTime() };
      this.hot = [];
    }
    return this.hotYear.start;
  }

  /**
   * Row `row` as an entry. `alone`: one of a few rows here and there (one entry, a member's year),
   * whose strings are decoded on their own (StringColumn.one); else one of a range, whose chunks are
   * decoded whole and kept, for the rows after it.
   */
  private materialise(row: number, alone: boolean): Entry {
    this.materialised += 1;
    const flags = this.flags.get(row);
    const at = alone ? this.at.one(row) : this.at.get(row);
    const reporterId = this.dict[this.reporter.get(row)] as string;
    const history: HistoryItem[] = [];
    if (flags & CREATED) {
      history.push({
        at,
        action: 'created',
        by: reporterId,
        platform: PLATFORMS[this.createdOn.get(row)] as PlatformName,
      });
    }
    for (let item = this.firstItem.get(row); item !== -1; item = this.items.next.get(item)) {
      history.push(this.item(item, alone));
    }
    const code = this.codeAt(row);
    const kind = KINDS[this.kind.get(row)] as EntryKind;
    const text = alone ? this.text.one(row) : this.text.get(row);
    const points = this.points.get(row);
    const memberId = this.dict[this.member.get(row)] as string;
    const departmentId = this.dict[this.department.get(row)] as string;
    const status = flags & WITHDRAWN ? 'withdrawn' : 'active';
    const review = REVIEWS[(flags & REVIEW_MASK) >> REVIEW_SHIFT] as Entry['review'];
    const source = alone ? this.source.one(row) : this.source.get(row);
    const adhoc = (flags & ADHOC) !== 0;
    const it = (flags & IT) !== 0;
    const photos = this.photos.get(row);
    // Two literals, not a spread of the photo: a spread in a literal is V8's slow path, and most
    // entries have none. The keys in the same order either way.
    if (photos) {
      const photo = photos.map((p) => ({ ...p }));
      return {
        code,
        kind,
        text,
        points,
        adhoc,
        it,
        memberId,
        reporterId,
        departmentId,
        at,
        status,
        review,
        photo,
        source,
        history,
      };
    }
    return {
      code,
      kind,
      text,
      points,
      adhoc,
      it,
      memberId,
      reporterId,
      departmentId,
      at,
      status,
      review,
      source,
      history,
    };
  }

  /** Entries logged in [start, end) (milliseconds), oldest first (an array of the caller's own). */
  between(start: number, end: number): Entry[] {
    const from = this.lowerBound(start);
    const to = Math.max(from, this.lowerBound(end));
    // One command often reads the same period several times (the plan's progress: once a target),
    // and nothing can change in between: the last range is kept until the next write.
    const last = this.lastRange;
    if (last && last.version === this.version && last.from === from && last.to === to) {
      return last.entries.slice();
    }
    const out = this.build(from, to);
    // A report thread's copy keeps nothing (a year of entries is ~100 MB at 100k).
    if (this.keepBuilt) this.lastRange = { version: this.version, from, to, entries: out };
    return out.slice();
  }

  /**
   * The entries logged in [start, end) that `of` asks for (core/repository.ts's EntriesOf: credited to
   * a member, logged by one, logged in a department, of a kind, awaiting review, carrying a #tag — all
   * it says), oldest first: found in the columns, only those are built.
   */
  of(of: EntriesOf, start: number, end: number): Entry[] {
    // Kept among the recent ones once built (not with the year's: a writer's day read at each write
    // would keep every entry written), each row's strings are decoded alone (a member's rows lie in
    // every chunk of the year: decoded whole, the year's texts would be). A report thread's copy
    // builds again at each read (one member after another, the year over): its chunks are decoded once
    // and kept instead.
    return this.positions(of, start, end).map((i) => {
      const row = this.order.get(i);
      return (
        this.cached(row) ?? (this.keepBuilt ? this.keep(row, false, true) : this.materialise(row, false))
      );
    });
  }

  /**
   * The same entries as `of` gives, as the facts a criterion counts (core/repository.ts's EntryFact:
   * code, kind, marks, member, department, status, review, points), read from the columns: none is
   * built, no string decoded but an odd code — a year of a province is 100k entries, ~90 MB built.
   */
  facts(of: EntriesOf, start: number, end: number): EntryFact[] {
    return this.positions(of, start, end).map((i) => {
      const row = this.order.get(i);
      const flags = this.flags.get(row);
      return {
        code: this.codeAt(row),
        kind: KINDS[this.kind.get(row)] as EntryKind,
        adhoc: (flags & ADHOC) !== 0,
        it: (flags & IT) !== 0,
        memberId: this.dict[this.member.get(row)] as string,
        departmentId: this.dict[this.department.get(row)] as string,
        status: flags & WITHDRAWN ? 'withdrawn' : 'active',
        review: REVIEWS[(flags & REVIEW_MASK) >> REVIEW_SHIFT] as Entry['review'],
        points: this.points.get(row),
      };
    });
  }

  /** The positions in the time order of the entries `of` asks for in [start, end), in order. */
  private positions(of: EntriesOf, start: number, end: number): number[] {
    // A tag of letters and digits (every drive's) is looked up in the tag index: its rows only are read.
    const tagged = of.tag !== undefined && indexableTag(of.tag) ? this.taggedRows(of.tag) : undefined;
    const wanted = this.rowsOf(of, tagged === undefined);
    if (!wanted) return [];
    const from = this.lowerBound(start);
    const to = Math.max(from, this.lowerBound(end));
    let found: number[] = [];
    if (tagged) {
      for (const row of tagged) {
        const time = this.time.get(row);
        if (time >= start && time < end && wanted(row)) found.push(this.positionOf(row));
      }
      found.sort((a, b) => a - b);
      if (of.last !== undefined) found = found.slice(Math.max(0, found.length - of.last));
    } else if (of.last !== undefined) {
      // The latest first, until there are enough: the rows before them are never looked at.
      for (let i = to - 1; i >= from && found.length < of.last; i -= 1) {
        if (wanted(this.order.get(i))) found.push(i);
      }
      found.reverse();
    } else {
      for (let i = from; i < to; i += 1) if (wanted(this.order.get(i))) found.push(i);
    }
    // A search of the texts (a tag the index does not hold) is done with the last chunk it decoded.
    if (of.tag !== undefined && !tagged) this.text.release();
    return found;
  }

  /** How many entries `of` would give (`last` aside), counted in the columns: none is built. */
  countOf(of: EntriesOf, start: number, end: number): number {
    const tagged = of.tag !== undefined && indexableTag(of.tag) ? this.taggedRows(of.tag) : undefined;
    const wanted = this.rowsOf(of, tagged === undefined);
    if (!wanted) return 0;
    let count = 0;
    if (tagged) {
      for (const row of tagged) {
        const time = this.time.get(row);
        if (time >= start && time < end && wanted(row)) count += 1;
      }
      return count;
    }
    const from = this.lowerBound(start);
    const to = Math.max(from, this.lowerBound(end));
    for (let i = from; i < to; i += 1) if (wanted(this.order.get(i))) count += 1;
    if (of.tag !== undefined) this.text.release();
    return count;
  }

  /**
   * Whether a row is one `of` asks for, read from the columns (a text only when the rest fit, without
   * keeping it decoded); undefined when none can be (a member or department the table never saw).
   */
  private rowsOf(of: EntriesOf, withTag: boolean): ((row: number) => boolean) | undefined {
    const word = (id: string | undefined) => (id === undefined ? -1 : this.dictIndex.get(id));
    const member = word(of.memberId);
    const reporter = word(of.reporterId);
    const department = word(of.departmentId);
    if (member === undefined || reporter === undefined || department === undefined) return undefined;
    const kind = of.kind === undefined ? -1 : KINDS.indexOf(of.kind);
    // Awaiting review: not withdrawn, and the review bits at 'pending' (REVIEWS[0]). Active: not withdrawn.
    const notPending = (of.pending ? WITHDRAWN | REVIEW_MASK : 0) | (of.active ? WITHDRAWN : 0);
    const tag = of.tag === undefined || !withTag ? undefined : tagPattern(of.tag);
    return (row) =>
      (member === -1 || this.member.get(row) === member) &&
      (reporter === -1 || this.reporter.get(row) === reporter) &&
      (department === -1 || this.department.get(row) === department) &&
      (kind === -1 || this.kind.get(row) === kind) &&
      (this.flags.get(row) & notPending) === 0 &&
      (tag === undefined || tag.test(this.text.peek(row)));
  }

  /**
   * The rows whose text carries `tag` (letters and digits), in row order: from the tag index, the rows
   * it has not reached yet indexed first (none once the start-up's `warm` is done: a written row is
   * indexed as it is written).
   */
  private taggedRows(tag: string): readonly number[] {
    const tags = this.tags;
    if (tags.indexed < this.count) {
      while (tags.indexed < this.count) tags.add(this.text.peek(tags.indexed));
      this.text.release();
    }
    return tags.rowsOf(tag.toLowerCase());
  }

  /** Where row `row` stands in the time order. */
  private positionOf(row: number): number {
    let at = this.lowerBound(this.time.get(row));
    while (this.order.get(at) !== row) at += 1;
    return at;
  }

  private build(from: number, to: number): Entry[] {
    const out = new Array<Entry>(to - from);
    // The current year's rows are kept once built. A long range of past years reads what is cached
    // but does not push the recent rows out: it gets copies of its own (not frozen: freezing costs more
    // than building an entry).
    const hotFrom = this.lowerBound(this.hotFrom());
    const keepPast = to - from <= RECENT_ROWS / 2;
    for (let i = from; i < to; i += 1) {
      const row = this.order.get(i);
      const hot = i >= hotFrom;
      out[i - from] =
        this.cached(row) ??
        ((hot || keepPast) && this.keepBuilt ? this.keep(row, hot, false) : this.materialise(row, false));
    }
    return out;
  }

  /**
   * The rows logged in [start, end) (milliseconds) summed by what a figure reads of them — kind,
   * flags, member, department, status, review — read straight from the columns: no entry built, no
   * text decoded. A year of a province (100k entries) comes to a few hundred groups, read in one pass
   * of a few milliseconds (1M: tens); kept until the next write, as `between` keeps its last range.
   */
  groups(start: number, end: number): EntryGroups {
    const from = this.lowerBound(start);
    const to = Math.max(from, this.lowerBound(end));
    // A weekly post reads the week, the week before and the year: the last few ranges are kept.
    const kept = this.lastGroups.find((g) => g.version === this.version && g.from === from && g.to === to);
    if (kept) return kept.groups;
    const sum = new GroupSum(this.dict);
    // Whole blocks of BLOCK_ROWS positions are summed once and kept until a write touches them: a
    // year at 1M entries is ~60 of them, and a write changes one (`warmGroups` sums them at start).
    const firstBlock = Math.ceil(from / BLOCK_ROWS);
    const lastBlock = Math.floor(to / BLOCK_ROWS);
    if (firstBlock < lastBlock) {
      this.sumRows(sum, from, firstBlock * BLOCK_ROWS);
      for (let block = firstBlock; block < lastBlock; block += 1) sum.merge(this.block(block));
      this.sumRows(sum, lastBlock * BLOCK_ROWS, to);
    } else {
      this.sumRows(sum, from, to);
    }
    const result = sum.result();
    this.lastGroups = [
      { version: this.version, from, to, groups: result },
      ...this.lastGroups.filter((g) => g.version === this.version).slice(0, KEPT_GROUPS - 1),
    ];
    return result;
  }

  /**
   * One step of the reads' warm-up — a few milliseconds of work at most —; false once there is none
   * left. The bot calls it after a start between turns of the event loop, so the first reads find it
   * done: the figures' blocks summed (`warmGroups`), then the texts' places marked for reading one row
   * alone (StringColumn.one: a member's year), then the texts' tags indexed a chunk at a time (a
   * drive's entries).
   */
  warm(): boolean {
    if (this.warmGroups() || this.text.markNext()) return true;
    const tags = this.tags;
    if (tags.indexed >= this.count) return false;
    const stop = Math.min(this.count, ((tags.indexed >>> CHUNK_SHIFT) + 1) << CHUNK_SHIFT);
    while (tags.indexed < stop) tags.add(this.text.peek(tags.indexed));
    this.text.release();
    return true;
  }

  /**
   * Sums the next whole block of rows not summed yet (see `groups`); false when every one is. Called at
   * start-up between turns of the event loop (`warm`), so the first year-wide read finds them done.
   */
  warmGroups(): boolean {
    const whole = Math.floor(this.order.length / BLOCK_ROWS);
    for (let block = 0; block < whole; block += 1) {
      if (!this.blocks[block]) {
        this.block(block);
        return true;
      }
    }
    return false;
  }

  /** Block `block`'s rows summed (kept until a write touches them). */
  private block(block: number): GroupSum {
    let sum = this.blocks[block];
    if (!sum) {
      sum = new GroupSum(this.dict);
      this.sumRows(sum, block * BLOCK_ROWS, (block + 1) * BLOCK_ROWS);
      this.blocks[block] = sum;
    }
    return sum;
  }

  /** Adds the rows at positions [from, to) of the time order to `sum`, read straight from the columns. */
  private sumRows(sum: GroupSum, from: number, to: number): void {
    const order = this.order;
    const flagsOf = this.flags;
    const kindOf = this.kind;
    const memberOf = this.member;
    const departmentOf = this.department;
    const pointsOf = this.points;
    for (let i = from; i < to; i += 1) {
      const r = order.get(i);
      const flags = flagsOf.get(r) & (ADHOC | IT | WITHDRAWN | REVIEW_MASK);
      const department = departmentOf.get(r);
      const group = sum.group(memberOf.get(r), department, kindOf.get(r), flags);
      group.count += 1;
      group.points += pointsOf.get(r);
      if (flags & WITHDRAWN)
        sum.withdrawn.push({ code: this.codeAt(r), departmentId: this.dict[department] as string });
    }
  }

  /** Positions from `at` on have moved or changed: their blocks are summed again when next read. */
  private touchFrom(at: number): void {
    this.blocks.length = Math.min(this.blocks.length, Math.floor(at / BLOCK_ROWS));
  }

  /** Row `row` changed in place: the blocks holding the positions of its time are summed again. */
  private touchRow(row: number): void {
    const time = this.time.get(row);
    const first = Math.floor(this.lowerBound(time) / BLOCK_ROWS);
    const last = Math.floor(Math.max(0, this.upperBound(time) - 1) / BLOCK_ROWS);
    for (let block = first; block <= last && block < this.blocks.length; block += 1)
      this.blocks[block] = undefined;
  }

  /** How many entries were built as objects so far (the year-wide figures build none: see `groups`). */
  get built(): number {
    return this.materialised;
  }

  /** How many built entries the table keeps now (the year's read in a range, and the recent ones). */
  get kept(): number {
    let count = this.recent.size;
    for (const entry of this.hot) if (entry) count += 1;
    return count;
  }

  /** How many chunks of the string columns were decoded whole so far (see StringColumn.one). */
  get chunksDecoded(): number {
    const i = this.items;
    return [this.text, this.at, this.source, i.at, i.note, i.source].reduce((n, c) => n + c.decodes, 0);
  }

  /** Every entry, oldest first. */
  all(): Entry[] {
    return this.between(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  }

  /**
   * Hands every row to `visit` as the load-time rules read it (storage/invariants.ts), in place: no
   * entry is built and no text decoded — times are read from their text's bytes, a text is counted
   * only when its length in code units is over a limit. One facts object serves every row in turn.
   * `isActor` is asked once a word of the dictionary.
   */
  checkRows(isActor: (by: string) => boolean, visit: (facts: EntryFacts) => void): void {
    const actor = this.dict.map(isActor);
    const items = this.items;
    const facts = new RowFacts(this);
    // The columns as arrays (the snapshot's own, at load: no copy), read without a call a value.
    const flagsOf = this.flags.values();
    const timeOf = this.time.values();
    const kindOf = this.kind.values();
    const noOf = this.no.values();
    const memberOf = this.member.values();
    const reporterOf = this.reporter.values();
    const departmentOf = this.department.values();
    const firstItemOf = this.firstItem.values();
    const itemNext = items.next.values();
    const itemAction = items.action.values();
    const itemBy = items.by.values();
    const dict = this.dict;
    const codes = this.codes;
    for (let row = 0; row < this.count; row += 1) {
      facts.row = row;
      const flags = flagsOf[row] as number;
      const time = timeOf[row] as number;
      facts.kind = KINDS[kindOf[row] as number] as EntryKind;
      facts.no = noOf[row] as number;
      facts.codeFitsKind = codes.size === 0 || !codes.has(row);
      facts.time = time;
      facts.textTime = this.at.timeAt(row);
      facts.textUnits = this.text.unitsAt(row);
      facts.memberId = dict[memberOf[row] as number] as string;
      const reporter = reporterOf[row] as number;
      facts.reporterId = dict[reporter] as string;
      facts.departmentId = dict[departmentOf[row] as number] as string;
      facts.status = flags & WITHDRAWN ? 'withdrawn' : 'active';
      facts.review = REVIEWS[(flags & REVIEW_MASK) >> REVIEW_SHIFT] as Entry['review'];
      let withdrawn = false;
      let review: Entry['review'] = 'pending';
      let from = flags & CREATED ? time : Number.POSITIVE_INFINITY;
      let to = flags & CREATED ? time : Number.NEGATIVE_INFINITY;
      let unknown = flags & CREATED && !actor[reporter] ? facts.reporterId : undefined;
      for (let item = firstItemOf[row] as number; item !== -1; item = itemNext[item] as number) {
        const action = ACTIONS[itemAction[item] as number] as HistoryItem['action'];
        if (action === 'withdrawn') withdrawn = true;
        review = reviewAfter(review, action);
        const at = items.at.timeAt(item);
        from = Number.isNaN(at) ? at : Math.min(from, at);
        to = Math.max(to, at);
        const by = itemBy[item] as number;
        if (unknown === undefined && !actor[by]) unknown = dict[by] as string;
      }
      facts.withdrawnInHistory = withdrawn;
      facts.reviewInHistory = review;
      facts.historyFrom = from;
      facts.historyTo = to;
      facts.unknownActor = unknown;
      visit(facts);
    }
  }

  // ---- writes (each undone by its inverse, last first) ------------------------------------------------

  /** Adds an entry at the end; throws (changing nothing) when it cannot be stored. */
  append(entry: Entry): void {
    const no = entryNo(entry.code);
    if (!Number.isInteger(no) || no < 0 || no > 0xffffffff) {
      throw new Error(`entry code ${entry.code} is not a kind's prefix and a number`);
    }
    if (this.rowOfNo(no) !== -1) throw new Error(`entry ${entry.code} exists already`);
    const time = Date.parse(entry.at);
    if (!Number.isFinite(time)) throw new Error(`entry ${entry.code} has an invalid time ${entry.at}`);
    const kind = KINDS.indexOf(entry.kind);
    const review = REVIEWS.indexOf(entry.review);
    const photosKnown = (entry.photo ?? []).every((p) => PLATFORMS.includes(p.platform));
    if (kind < 0 || review < 0 || !photosKnown) throw new Error(`entry ${entry.code} is malformed`);
    const [first, ...rest] = entry.history;
    const usual =
      first !== undefined &&
      first.action === 'created' &&
      first.at === entry.at &&
      first.by === entry.reporterId &&
      first.note === undefined &&
      first.source === undefined;
    const row = this.count;
    this.no.push(no);
    this.time.push(time);
    this.kind.push(kind);
    this.flags.push(
      (entry.adhoc ? ADHOC : 0) |
        (entry.it ? IT : 0) |
        (entry.status === 'withdrawn' ? WITHDRAWN : 0) |
        (review << REVIEW_SHIFT) |
        (usual ? CREATED : 0),
    );
    this.points.push(entry.points);
    this.member.push(this.intern(entry.memberId));
    this.reporter.push(this.intern(entry.reporterId));
    this.department.push(this.intern(entry.departmentId));
    this.createdOn.push(usual ? PLATFORMS.indexOf(first.platform) : 0);
    this.firstItem.push(-1);
    this.text.push(entry.text);
    this.at.push(entry.at);
    this.source.push(entry.source);
    if (this.sources && entry.source) this.sources.add(entry.source, row * 2);
    if (entry.photo?.length) {
      this.photos.set(
        row,
        entry.photo.map((p) => ({ platform: p.platform, fileId: p.fileId })),
      );
      for (const p of entry.photo) this.photoList.push([row, p.platform, p.fileId]);
    }
    if (entry.code !== entryCode(entry.kind, no)) this.codes.set(row, entry.code);
    this.setRowOfNo(no, row);
    this.insertInOrder(row, time);
    if (this.tags.indexed === row) this.tags.add(entry.text);
    this.version += 1;
    for (const item of usual ? rest : entry.history) this.pushItem(row, item);
  }

  /** Takes the last row back out (its write failed before it was acknowledged). */
  removeLast(): void {
    const row = this.count - 1;
    this.forget(row);
    while (this.items.row.length > 0 && this.items.row.get(this.items.row.length - 1) === row) {
      this.popItem(row);
    }
    this.removeFromOrder(row);
    this.setRowOfNo(this.no.get(row), -1);
    if (this.photos.delete(row)) this.dropPhotosOf(row);
    this.codes.delete(row);
    if (this.tags.indexed > row) this.tags.removeLast(this.text.peek(row));
    for (const column of [
      this.no,
      this.time,
      this.kind,
      this.flags,
      this.points,
      this.member,
      this.reporter,
      this.department,
      this.createdOn,
      this.firstItem,
    ]) {
      column.pop();
    }
    this.text.pop();
    this.at.pop();
    this.source.pop();
  }

  setStatus(row: number, status: Entry['status']): void {
    this.forget(row);
    const flags = this.flags.get(row) & ~WITHDRAWN;
    this.flags.set(row, status === 'withdrawn' ? flags | WITHDRAWN : flags);
  }

  setReview(row: number, review: Entry['review']): void {
    this.forget(row);
    const flags = this.flags.get(row) & ~REVIEW_MASK;
    this.flags.set(row, flags | (REVIEWS.indexOf(review) << REVIEW_SHIFT));
  }

  /** Adds an item to the end of a row's history. */
  pushItem(row: number, item: HistoryItem): void {
    this.forget(row);
    const action = ACTIONS.indexOf(item.action);
    const platform = PLATFORMS.indexOf(item.platform);
    if (action < 0 || platform < 0) throw new Error(`a history item of row ${row} is malformed`);
    const items = this.items;
    const index = items.row.length;
    items.row.push(row);
    items.action.push(action);
    items.by.push(this.intern(item.by));
    items.platform.push(platform);
    items.flags.push((item.note !== undefined ? HAS_NOTE : 0) | (item.source !== undefined ? HAS_SOURCE : 0));
    items.next.push(-1);
    items.at.push(item.at);
    items.note.push(item.note ?? '');
    items.source.push(item.source ?? '');
    if (this.sources && item.source !== undefined) this.sources.add(item.source, index * 2 + 1);
    const first = this.firstItem.get(row);
    if (first === -1) {
      this.firstItem.set(row, index);
    } else {
      let last = first;
      while (items.next.get(last) !== -1) last = items.next.get(last);
      items.next.set(last, index);
    }
  }

  /**
   * What a platform message did to an entry here — the row, and the action of the first change it
   * made (its creation before any later item) — or undefined. For the messages already handled
   * (storage/handled.ts). The sources are hashed at the first question (100k entries: ~2 MB, where a
   * Map of them held ~16 MB of strings), then each as it is written, and read back to be compared: a
   * change taken back since is not found (its row or item is gone, or holds another source).
   */
  changeBySource(source: string): { row: number; action: HistoryItem['action'] } | undefined {
    this.sources ??= this.hashSources();
    const items = this.items;
    const found = this.sources.find(source, (n) => {
      const at = n >>> 1;
      if ((n & 1) === 0) return at < this.count ? this.source.peek(at) : undefined;
      return at < items.row.length && items.flags.get(at) & HAS_SOURCE ? items.source.peek(at) : undefined;
    });
    if (found === undefined) return undefined;
    const at = found >>> 1;
    if ((found & 1) === 0) return { row: at, action: 'created' };
    return { row: items.row.get(at), action: ACTIONS[items.action.get(at)] as HistoryItem['action'] };
  }

  /** Every row's source, then every history item's that has one, in that order (the first change wins). */
  private hashSources(): StringHash {
    const rows = this.count;
    const items = this.items;
    const hash = new StringHash(rows + items.row.length);
    for (let row = 0; row < rows; row += 1) {
      const source = this.source.peek(row);
      if (source) hash.add(source, row * 2);
    }
    for (let index = 0; index < items.row.length; index += 1) {
      if (items.flags.get(index) & HAS_SOURCE) hash.add(items.source.peek(index), index * 2 + 1);
    }
    return hash;
  }

  /** Takes back the last item added to the table, which must be `row`'s. */
  popItem(row: number): void {
    this.forget(row);
    const items = this.items;
    const index = items.row.length - 1;
    if (index < 0 || items.row.get(index) !== row)
      throw new Error(`the last history item is not row ${row}'s`);
    if (this.firstItem.get(row) === index) {
      this.firstItem.set(row, -1);
    } else {
      let previous = this.firstItem.get(row);
      while (items.next.get(previous) !== index) previous = items.next.get(previous);
      items.next.set(previous, -1);
    }
    for (const column of [items.row, items.action, items.by, items.platform, items.flags, items.next]) {
      column.pop();
    }
    items.at.pop();
    items.note.pop();
    items.source.pop();
  }

  /** Every entry credited to or reported by member `from` now belongs to `to`; returns how to undo it. */
  reassign(from: string, to: string): () => void {
    const old = this.dictIndex.get(from);
    if (old === undefined) return () => {};
    const now = this.intern(to);
    const credited: number[] = [];
    const reported: number[] = [];
    for (let row = 0; row < this.count; row += 1) {
      if (this.member.get(row) === old) {
        this.member.set(row, now);
        credited.push(row);
        this.forget(row);
      }
      if (this.reporter.get(row) === old) {
        this.reporter.set(row, now);
        reported.push(row);
        this.forget(row);
      }
    }
    return () => {
      for (const row of credited) {
        this.member.set(row, old);
        this.forget(row);
      }
      for (const row of reported) {
        this.reporter.set(row, old);
        this.forget(row);
      }
    };
  }

  // ---- capture and restore --------------------------------------------------------------------------

  /**
   * A consistent copy of the whole table, taken in one synchronous step (a few ms at 100k rows): its
   * number columns copied — into the arrays of an earlier capture when given (storage/capture-spare.ts:
   * one nothing reads any more, its memory already faulted in) — and its strings shared.
   */
  capture(reuse?: CaptureArrays): EntryTableData {
    const items = this.items;
    const into = <K extends NumberKey>(key: K) => grownFor(reuse?.[key] as EntryTableData[K] | undefined);
    const itemsInto = <K extends ItemKey>(key: K) =>
      grownFor(reuse?.items[key] as EntryTableData['items'][K] | undefined);
    return {
      count: this.count,
      dict: this.dict.slice(),
      no: this.no.copy(into('no')),
      time: this.time.copy(into('time')),
      kind: this.kind.copy(into('kind')),
      flags: this.flags.copy(into('flags')),
      points: this.points.copy(into('points')),
      member: this.member.copy(into('member')),
      reporter: this.reporter.copy(into('reporter')),
      department: this.department.copy(into('department')),
      createdOn: this.createdOn.copy(into('createdOn')),
      firstItem: this.firstItem.copy(into('firstItem')),
      order: this.order.copy(into('order')),
      text: this.text.capture(),
      at: this.at.capture(),
      source: this.source.capture(),
      // The triples are never changed once made: shared, like the strings.
      photos: this.photoList.slice(),
      codes: [...this.codes],
      items: {
        count: items.row.length,
        row: items.row.copy(itemsInto('row')),
        action: items.action.copy(itemsInto('action')),
        by: items.by.copy(itemsInto('by')),
        platform: items.platform.copy(itemsInto('platform')),
        flags: items.flags.copy(itemsInto('flags')),
        next: items.next.copy(itemsInto('next')),
        at: items.at.capture(),
        note: items.note.capture(),
        source: items.source.capture(),
      },
    };
  }

  /** How many history items the table holds beyond the usual "created" one (a capture's `items.count`). */
  get itemCount(): number {
    return this.items.row.length;
  }

  /**
   * A table from stored data, every rule a table keeps verified first: a broken rule throws an Error
   * naming it, and nothing is built.
   */
  static verified(data: EntryTableData, isMember: (id: string) => boolean): EntryTable {
    verify(data, isMember);
    return new EntryTable(data);
  }

  // ---- inside ---------------------------------------------------------------------------------------

  /** Takes row `row`'s photos out of `photoList` (the last row's: at its end, unless read so from a store). */
  private dropPhotosOf(row: number): void {
    const list = this.photoList;
    while (list.length > 0 && (list[list.length - 1] as [number, string, string])[0] === row) list.pop();
    if (list.some(([r]) => r === row)) {
      const kept = list.filter(([r]) => r !== row);
      list.length = 0;
      list.push(...kept);
    }
  }

  private item(index: number, alone: boolean): HistoryItem {
    const items = this.items;
    const flags = items.flags.get(index);
    const str = (column: StringColumn) => (alone ? column.one(index) : column.get(index));
    const item: HistoryItem = {
      at: str(items.at),
      action: ACTIONS[items.action.get(index)] as HistoryItem['action'],
      by: this.dict[items.by.get(index)] as string,
      platform: PLATFORMS[items.platform.get(index)] as PlatformName,
    };
    if (flags & HAS_NOTE) item.note = str(items.note);
    if (flags & HAS_SOURCE) item.source = str(items.source);
    return item;
  }

  private intern(word: string): number {
    let index = this.dictIndex.get(word);
    if (index === undefined) {
      index = this.dict.length;
      this.dict.push(word);
      this.dictIndex.set(word, index);
    }
    return index;
  }

  private setRowOfNo(no: number, row: number): void {
    if (no >= DENSE_NUMBERS) {
      if (row === -1) this.byLargeNo.delete(no);
      else this.byLargeNo.set(no, row);
      return;
    }
    if (no >= this.byNo.length) {
      if (row === -1) return;
      const grown = new Int32Array(Math.max(1024, no + 1, this.byNo.length * 2)).fill(-1);
      grown.set(this.byNo);
      this.byNo = grown;
    }
    this.byNo[no] = row;
  }

  /** The first position in time order whose time is at least `time`. */
  private lowerBound(time: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.time.get(this.order.get(mid)) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first position in time order whose time is after `time`. */
  private upperBound(time: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.time.get(this.order.get(mid)) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertInOrder(row: number, time: number): void {
    const n = this.order.length;
    if (n === 0 || this.time.get(this.order.get(n - 1)) <= time) {
      this.touchFrom(n);
      this.order.push(row);
    } else {
      const at = this.upperBound(time);
      this.touchFrom(at);
      this.order.insert(at, row);
    }
  }

  private removeFromOrder(row: number): void {
    let at = this.upperBound(this.time.get(row)) - 1;
    while (at >= 0 && this.order.get(at) !== row) at -= 1;
    if (at < 0) throw new Error(`row ${row} is not in time order`);
    this.touchFrom(at);
    this.order.remove(at);
  }
}

/** A group as it is summed. */
type Building = { -readonly [K in keyof EntryGroup]: EntryGroup[K] };

/** Rows summed by group: by member (its word in the dictionary), then department, kind and flags. */
class GroupSum {
  private readonly byMember: (Map<number, Building> | undefined)[] = [];
  /** Each group with its member's word and its key, in the order first met. */
  readonly groups: { member: number; key: number; group: Building }[] = [];
  readonly withdrawn: { code: string; departmentId: string }[] = [];

  constructor(private readonly dict: readonly string[]) {}

  group(member: number, department: number, kind: number, flags: number): Building {
    const key = (department * 3 + kind) * 32 + flags;
    let inMember = this.byMember[member];
    if (!inMember) {
      inMember = new Map();
      this.byMember[member] = inMember;
    }
    let group = inMember.get(key);
    if (!group) {
      group = {
        kind: KINDS[kind] as EntryKind,
        adhoc: (flags & ADHOC) !== 0,
        it: (flags & IT) !== 0,
        memberId: this.dict[member] as string,
        departmentId: this.dict[department] as string,
        status: flags & WITHDRAWN ? 'withdrawn' : 'active',
        review: REVIEWS[(flags & REVIEW_MASK) >> REVIEW_SHIFT] as Entry['review'],
        count: 0,
        points: 0,
      };
      inMember.set(key, group);
      this.groups.push({ member, key, group });
    }
    return group;
  }

  /** Adds another sum's groups (a block's: summed once, merged into many reads). */
  merge(other: GroupSum): void {
    for (const { member, key, group } of other.groups) {
      const department = Math.floor(key / 96);
      const kind = Math.floor(key / 32) % 3;
      const into = this.group(member, department, kind, key % 32);
      into.count += group.count;
      into.points += group.points;
    }
    for (const w of other.withdrawn) this.withdrawn.push(w);
  }

  /**
   * The groups, frozen: what Repository.entryGroups hands out. This sum is done with then (a block's
   * sum is merged, never handed out), so its own objects are frozen rather than copied.
   */
  result(): EntryGroups {
    const groups = this.groups.map((g) => Object.freeze(g.group));
    return Object.freeze({ groups: Object.freeze(groups), withdrawn: Object.freeze(this.withdrawn) });
  }
}

/** One row's facts for the load-time rules (EntryTable.checkRows fills it row after row). */
class RowFacts implements EntryFacts {
  row = 0;
  kind: EntryKind = 'deed';
  no = 0;
  codeFitsKind = true;
  time = 0;
  textTime = 0;
  textUnits = 0;
  memberId = '';
  reporterId = '';
  departmentId = '';
  status: Entry['status'] = 'active';
  review: Entry['review'] = 'pending';
  withdrawnInHistory = false;
  reviewInHistory: Entry['review'] = 'pending';
  historyFrom = 0;
  historyTo = 0;
  unknownActor: string | undefined = undefined;

  constructor(private readonly table: EntryTable) {}

  get code(): string {
    return this.table.codeAt(this.row);
  }

  textLength(): number {
    return Array.from(this.table.textOf(this.row)).length;
  }
}

type NumberKey =
  | 'no'
  | 'time'
  | 'kind'
  | 'flags'
  | 'points'
  | 'member'
  | 'reporter'
  | 'department'
  | 'createdOn'
  | 'firstItem'
  | 'order';
type ItemKey = 'row' | 'action' | 'by' | 'platform' | 'flags' | 'next';

/** The arrays a capture copies the number columns into: an earlier capture's, or spare ones made for one. */
export type CaptureArrays = Pick<EntryTableData, NumberKey> & {
  items: Pick<EntryTableData['items'], ItemKey>;
};

/**
 * Fresh arrays for a capture of `rows` rows and `items` history items, with the room a fresh copy
 * gets: made one at a time, each yielded as it is made (storage/capture-spare.ts touches its pages
 * before the next is made — at 1M entries ~70 MB made at once had V8 collect the whole heap, 180 ms).
 */
export function* captureArrays(rows: number, items: number): Generator<NumberArray, CaptureArrays> {
  const r = roomFor(rows);
  const i = roomFor(items);
  const no = new Uint32Array(r);
  yield no;
  const time = new Float64Array(r);
  yield time;
  const kind = new Uint8Array(r);
  yield kind;
  const flags = new Uint8Array(r);
  yield flags;
  const points = new Float64Array(r);
  yield points;
  const member = new Uint32Array(r);
  yield member;
  const reporter = new Uint32Array(r);
  yield reporter;
  const department = new Uint32Array(r);
  yield department;
  const createdOn = new Uint8Array(r);
  yield createdOn;
  const firstItem = new Int32Array(r);
  yield firstItem;
  const order = new Int32Array(r);
  yield order;
  const row = new Uint32Array(i);
  yield row;
  const action = new Uint8Array(i);
  yield action;
  const by = new Uint32Array(i);
  yield by;
  const platform = new Uint8Array(i);
  yield platform;
  const itemFlags = new Uint8Array(i);
  yield itemFlags;
  const next = new Int32Array(i);
  yield next;
  return {
    no,
    time,
    kind,
    flags,
    points,
    member,
    reporter,
    department,
    createdOn,
    firstItem,
    order,
    items: { row, action, by, platform, flags: itemFlags, next },
  };
}

/** How many rows and history items `arrays` have room for (what a capture into them may hold). */
export function roomOf(arrays: CaptureArrays): { rows: number; items: number } {
  return { rows: arrays.no.buffer.byteLength / 4, items: arrays.items.row.buffer.byteLength / 4 };
}

/**
 * An earlier capture's array with room for what the table holds now: the whole of its memory, seen
 * again (`copy` fills the front). Undefined when there is none, or it had no room to spare.
 */
function grownFor<A extends Uint8Array | Uint32Array | Int32Array | Float64Array>(
  array: A | undefined,
): A | undefined {
  if (!array) return undefined;
  const Type = array.constructor as new (buffer: ArrayBufferLike) => A;
  return new Type(array.buffer);
}

/** An entry made read-only, with its history and photo: it is shared by every reader of its row. */
function freeze(entry: Entry): Entry {
  for (const item of entry.history) Object.freeze(item);
  Object.freeze(entry.history);
  if (entry.photo) {
    for (const photo of entry.photo) Object.freeze(photo);
    Object.freeze(entry.photo);
  }
  return Object.freeze(entry);
}

/**
 * The memory of a capture's own copies (its number columns), which can be handed to a worker thread
 * instead of copied again. The string blocks are not among them: they are the snapshot's, shared.
 */
export function copiedBuffers(data: EntryTableData): ArrayBuffer[] {
  const items = data.items;
  return [
    data.no,
    data.time,
    data.kind,
    data.flags,
    data.points,
    data.member,
    data.reporter,
    data.department,
    data.createdOn,
    data.firstItem,
    data.order,
    items.row,
    items.action,
    items.by,
    items.platform,
    items.flags,
    items.next,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** Checks every rule of stored table data; throws an Error naming the first one broken. */
function verify(data: EntryTableData, isMember: (id: string) => boolean): void {
  const n = data.count;
  const fail = (what: string): never => {
    throw new Error(what);
  };
  for (const name of [
    'no',
    'time',
    'kind',
    'flags',
    'points',
    'member',
    'reporter',
    'department',
    'createdOn',
    'firstItem',
    'order',
  ] as const) {
    if (data[name].length !== n) fail(`entry column ${name} holds ${data[name].length} values, not ${n}`);
  }
  verifyStrings('entry text', data.text, n);
  verifyStrings('entry times', data.at, n);
  verifyStrings('entry sources', data.source, n);
  const words = data.dict.length;
  const memberWord = data.dict.map((w) => isMember(w));
  const code = (row: number) =>
    data.codes.find(([r]) => r === row)?.[1] ??
    entryCode(KINDS[data.kind[row] as number] ?? 'deed', data.no[row] as number);
  const seen = new Uint8Array(n);
  // Entry numbers are dense (1, 2, 3…): a byte per number finds one used twice; a set for outliers.
  let largest = 0;
  for (let row = 0; row < n; row += 1) largest = Math.max(largest, data.no[row] as number);
  const used = largest < DENSE_NUMBERS ? new Uint8Array(largest + 1) : null;
  const numbers = new Set<number>();
  const items = data.items;
  for (let row = 0; row < n; row += 1) {
    const kind = data.kind[row] as number;
    const flags = data.flags[row] as number;
    if (kind >= KINDS.length) fail(`entry row ${row} has an unknown kind`);
    if ((flags & ~ROW_FLAGS) !== 0 || (flags & REVIEW_MASK) >> REVIEW_SHIFT >= REVIEWS.length) {
      fail(`entry ${code(row)} has invalid flags`);
    }
    const no = data.no[row] as number;
    if (used ? used[no] : numbers.has(no)) fail(`entry code ${code(row)} appears twice`);
    if (used) used[no] = 1;
    else numbers.add(no);
    if (!Number.isFinite(data.time[row])) fail(`entry ${code(row)} has an invalid time`);
    const points = data.points[row] as number;
    if (!Number.isInteger(points) || points < 0) fail(`entry ${code(row)} has invalid points`);
    for (const column of [data.member, data.reporter]) {
      const word = column[row] as number;
      if (word >= words) fail(`entry ${code(row)} refers to a member outside the dictionary`);
      if (!memberWord[word]) {
        fail(`entry ${code(row)} refers to member ${data.dict[word]}, who does not exist`);
      }
    }
    if ((data.department[row] as number) >= words || !data.dict[data.department[row] as number]) {
      fail(`entry ${code(row)} has no department`);
    }
    if ((data.createdOn[row] as number) >= PLATFORMS.length)
      fail(`entry ${code(row)} has an unknown platform`);
    const first = data.firstItem[row] as number;
    if (first < -1 || first >= items.count) fail(`entry ${code(row)} has a broken history`);
    if (!(flags & CREATED) && first === -1) fail(`entry ${code(row)} has no history`);
    const at = data.order[row] as number;
    if (at < 0 || at >= n || seen[at]) fail('the time order of the entries is broken');
    seen[at] = 1;
    if (row > 0 && (data.time[at] as number) < (data.time[data.order[row - 1] as number] as number)) {
      fail('the time order of the entries is broken');
    }
  }
  for (const name of ['row', 'action', 'by', 'platform', 'flags', 'next'] as const) {
    if (items[name].length !== items.count) fail(`history column ${name} is incomplete`);
  }
  verifyStrings('history times', items.at, items.count);
  verifyStrings('history notes', items.note, items.count);
  verifyStrings('history sources', items.source, items.count);
  const reached = new Uint8Array(items.count);
  for (let row = 0; row < n; row += 1) {
    for (let item = data.firstItem[row] as number; item !== -1; item = items.next[item] as number) {
      if (item < 0 || item >= items.count || reached[item] || items.row[item] !== row) {
        fail(`entry ${code(row)} has a broken history`);
      }
      reached[item] = 1;
      if (
        (items.action[item] as number) >= ACTIONS.length ||
        (items.platform[item] as number) >= PLATFORMS.length ||
        (items.by[item] as number) >= words ||
        ((items.flags[item] as number) & ~(HAS_NOTE | HAS_SOURCE)) !== 0
      ) {
        fail(`entry ${code(row)} has a malformed history item`);
      }
    }
  }
  if (reached.includes(0)) fail('a history item belongs to no entry');
  for (const [row, platform, fileId] of data.photos) {
    if (!(row >= 0 && row < n) || !(PLATFORMS as readonly string[]).includes(platform) || !fileId) {
      fail('a photo record is malformed');
    }
  }
  for (const [row, text] of data.codes) {
    if (!(row >= 0 && row < n) || entryNo(text) !== data.no[row]) fail('a code record is malformed');
  }
}

function verifyStrings(what: string, column: StringColumnData, n: number): void {
  const sealed = column.sealed?.ends.length ?? 0;
  if (column.ends.length + sealed + column.added.length !== n) throw new Error(`${what}: ${n} expected`);
  const ends = column.ends;
  let previous = 0;
  for (let i = 0; i < ends.length; i += 1) {
    const end = ends[i] as number;
    if (end < previous) throw new Error(`${what}: broken offsets`);
    previous = end;
  }
  if (column.encoding === 'utf8') {
    // The chunks' starts, in bytes: one a chunk of rows, in order, inside the block. Each chunk is
    // decoded on its own when first read: it must be UTF-8 (a byte that is not would be read as
    // U+FFFD), and hold exactly the text its rows' ends say (or every text after it would shift).
    const chunks = column.chunks;
    if (!chunks || chunks.length !== Math.ceil(ends.length / CHUNK_ROWS))
      throw new Error(`${what}: broken chunks`);
    const block = column.block;
    for (let g = 0; g < chunks.length; g += 1) {
      const start = chunks[g] as number;
      const stop = g + 1 < chunks.length ? (chunks[g + 1] as number) : block.length;
      if (start > stop || stop > block.length) throw new Error(`${what}: broken chunks`);
      const bytes = block.subarray(start, stop);
      if (!isUtf8(bytes)) throw new Error(`${what}: not valid UTF-8 (rows ${g * CHUNK_ROWS} on)`);
      const first = g === 0 ? 0 : (ends[g * CHUNK_ROWS - 1] as number);
      const last = ends[Math.min(ends.length, (g + 1) * CHUNK_ROWS) - 1] as number;
      if (utf16Length(bytes) !== last - first) {
        throw new Error(`${what}: the offsets do not match the text (rows ${g * CHUNK_ROWS} on)`);
      }
    }
  } else if (previous * (column.encoding === 'latin1' ? 1 : 2) !== column.block.length) {
    throw new Error(`${what}: broken offsets`);
  }
}
