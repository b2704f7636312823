import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import type { Adapter } from 'lowdb';
import * as z from 'zod';
import { entryNo } from '../core/codes.js';
import type { Entry } from '../core/domain.js';
import { StoreCorruptError } from '../core/errors.js';
import { ONCE } from '../core/parse-once.js';
import { spareOf } from './capture-spare.js';
import {
  type BlockEncoding,
  CHUNK_ROWS,
  ENCODINGS,
  encodingFor,
  SEAL_ROWS,
  SEAL_SHIFT,
  type SealedStrings,
  StringColumn,
  type StringColumnData,
  wider,
} from './columns.js';
import { type CaptureArrays, EntryTable, type EntryTableData } from './entry-table.js';
import { isErrnoException, nodeFiles, type StoreFiles } from './files.js';
import { MigrationError, migrate } from './migrations.js';
import { readShared, type SnapshotChecks } from './read-ahead.js';
import { DOCUMENT_VERSION, documentSchema, STORE_VERSION, type State, stateSchema } from './schema.js';

/*
 * The snapshot file, `store.snapshot`:
 *
 *   "thidua-bot snapshot\n"                       20 bytes, to recognise the file
 *   meta length                                    4 bytes, little-endian
 *   meta                                           JSON: {"state": the state apart from its entries,
 *                                                   "entries": the table's dictionary, sparse parts
 *                                                   and where each column lies}
 *   the entry table's columns                     each at an 8-byte boundary: numbers as they lie in
 *                                                   memory (little-endian), strings as one block per
 *                                                   column (Latin-1 or UTF-16LE) with their end offsets
 *   CRC-32 of everything above                     4 bytes, little-endian
 *
 * Reading it is reading the bytes, checking the CRC and copying the columns: no parsing per entry,
 * which is what keeps a start at 100k entries in milliseconds. Writing it streams the columns in
 * chunks of about a megabyte, so the event loop is never held for long (storage/store.ts compacts
 * while commands go on). Older stores (`store.json`, one JSON document, layouts 1–6) are read by
 * `readDocument` and written in this form at the next compaction.
 */

const MAGIC = Buffer.from('thidua-bot snapshot\n', 'latin1');
const CHECK_BYTES = 4;
/** Bytes handed to each write (and hashed) at a time: short enough never to hold the event loop. */
const CHUNK_BYTES = 1 << 20;

/** Renders the first few zod issues as `path: message`, for an operator reading a start-up failure. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return lines.join('; ') + more;
}

/** The store at one moment, captured in one synchronous step: what a snapshot or a report worker gets. */
export interface StoreCapture {
  /** The state apart from its entries, as JSON (serialised at once, so later changes cannot leak in). */
  state: string;
  entries: EntryTableData;
}

// ---- sections -------------------------------------------------------------------------------------

type NumberSection = { kind: 'numbers'; type: 'u8' | 'u32' | 'i32' | 'f64' };
const ARRAYS = {
  u8: Uint8Array,
  u32: Uint32Array,
  i32: Int32Array,
  f64: Float64Array,
} as const;

/** The numeric columns, by name, with their element type. */
const NUMBER_COLUMNS: [keyof EntryTableData & string, NumberSection['type']][] = [
  ['no', 'u32'],
  ['time', 'f64'],
  ['kind', 'u8'],
  ['flags', 'u8'],
  ['points', 'f64'],
  ['member', 'u32'],
  ['reporter', 'u32'],
  ['department', 'u32'],
  ['createdOn', 'u8'],
  ['firstItem', 'i32'],
  ['order', 'i32'],
];
const ITEM_COLUMNS: [keyof EntryTableData['items'] & string, NumberSection['type']][] = [
  ['row', 'u32'],
  ['action', 'u8'],
  ['by', 'u32'],
  ['platform', 'u8'],
  ['flags', 'u8'],
  ['next', 'i32'],
];
const STRING_COLUMNS = ['text', 'at', 'source'] as const;
const ITEM_STRING_COLUMNS = ['at', 'note', 'source'] as const;

/** One section as the meta records it: where it starts in the data area, its length, its encoding. */
const sectionSchema = z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative()]);

const entriesMetaSchema = z.object({
  count: z.number().int().nonnegative(),
  dict: z.array(z.string()),
  photos: z.array(z.tuple([z.number().int().nonnegative(), z.string(), z.string()])),
  codes: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
  items: z.number().int().nonnegative(),
  /** The encoding of each string column's block (its section is `<column>.<encoding>`). */
  strings: z.record(z.string(), z.enum(['latin1', 'utf8', 'utf16le'])),
  sections: z.array(sectionSchema),
});
type EntriesMeta = z.infer<typeof entriesMetaSchema>;
const entriesHeadSchema = entriesMetaSchema.omit({ photos: true, codes: true });

type Photo = EntriesMeta['photos'][number];
type Code = EntriesMeta['codes'][number];
const isIndex = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isPhoto = (x: unknown): x is Photo =>
  Array.isArray(x) && x.length === 3 && isIndex(x[0]) && typeof x[1] === 'string' && typeof x[2] === 'string';
const isCode = (x: unknown): x is Code =>
  Array.isArray(x) && x.length === 2 && isIndex(x[0]) && typeof x[1] === 'string';
function isListOf<T>(list: unknown, is: (x: unknown) => x is T): list is T[] {
  return Array.isArray(list) && list.every(is);
}

/**
 * The entry table's header, as `entriesMetaSchema` reads it: its lists of photos and codes (3,000-odd
 * photos at 100k entries, ~15 ms through zod at every start) checked in a plain loop, the rest by zod;
 * a header that is not as it should be goes through zod whole, so it is described as it always was.
 */
function entriesMetaOf(raw: unknown): ReturnType<typeof entriesMetaSchema.safeParse> {
  const { photos, codes } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (isListOf(photos, isPhoto) && isListOf(codes, isCode)) {
    const head = entriesHeadSchema.safeParse(raw, ONCE);
    if (head.success) return { success: true, data: { ...head.data, photos, codes } };
  }
  return entriesMetaSchema.safeParse(raw, ONCE);
}

interface Section {
  name: string;
  bytes: number;
  /** A string column's block: its encoding. */
  encoding?: BlockEncoding;
  chunks(): Iterable<Uint8Array>;
}

function numberSection(name: string, values: ArrayBufferView): Section {
  return {
    name,
    bytes: values.byteLength,
    *chunks() {
      const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    },
  };
}

/**
 * A string column as sections: every string's end (in UTF-16 code units), and the strings one after
 * another in the narrowest encoding they all survive (storage/columns.ts), a chunk of rows at a time —
 * the snapshot's block as it is, re-encoded only when strings added since need a wider encoding, then
 * the sealed pieces' bytes as they are (re-encoded likewise), then the strings not sealed yet — and,
 * for UTF-8, where each chunk starts (a chunk is decoded on its own when first read). Only the strings
 * not sealed (fewer than SEAL_ROWS) are measured one by one here.
 */
function stringSections(name: string, column: StringColumnData): Section[] {
  const base = column.ends.length;
  const sealed = column.sealed;
  const sealedRows = sealed?.ends.length ?? 0;
  const tail = base + sealedRows;
  const n = tail + column.added.length;
  const blockUnits = base ? (column.ends[base - 1] as number) : 0;
  const sealedUnits = sealedRows ? ((sealed as SealedStrings).ends[sealedRows - 1] as number) : blockUnits;
  // The ends: the block's and the sealed pieces' as they are, then the added strings' (no copy).
  const addedEnds = new Uint32Array(column.added.length);
  let chars = sealedUnits;
  for (const [i, s] of column.added.entries()) {
    chars += s.length;
    addedEnds[i] = chars;
  }
  let output = column.next;
  if (!output) {
    output = column.added.reduce<BlockEncoding>((e, s) => wider(e, encodingFor(s)), column.encoding);
    for (const e of sealed?.encodings ?? []) output = wider(output, ENCODINGS[e] as BlockEncoding);
  }
  const to = output;
  const block = Buffer.from(column.block.buffer, column.block.byteOffset, column.block.byteLength);
  const same = column.encoding === to;
  const groups = Math.ceil(n / CHUNK_ROWS);
  const starts = new Uint32Array(groups);
  // The block's rows of group g (a view of the block when its encoding stays, else re-encoded).
  const reader = same
    ? undefined
    : new StringColumn({
        block: column.block,
        encoding: column.encoding,
        ends: column.ends,
        ...(column.chunks ? { chunks: column.chunks } : {}),
        added: [],
      });
  const blockPart = (g: number): Uint8Array => {
    const from = g * CHUNK_ROWS;
    const last = Math.min(base, from + CHUNK_ROWS);
    if (from >= last) return new Uint8Array(0);
    if (reader) {
      const parts: string[] = [];
      for (let row = from; row < last; row += 1) parts.push(reader.get(row));
      return Buffer.from(parts.join(''), to);
    }
    if (column.encoding === 'utf8') {
      const chunks = column.chunks as Uint32Array;
      return block.subarray(chunks[g], g + 1 < chunks.length ? chunks[g + 1] : block.length);
    }
    const width = column.encoding === 'latin1' ? 1 : 2;
    const start = from === 0 ? 0 : (column.ends[from - 1] as number);
    return block.subarray(start * width, (column.ends[last - 1] as number) * width);
  };
  // The sealed pieces of group g: each lies in one group (SEAL_ROWS divides CHUNK_ROWS).
  const piecesPerGroup = CHUNK_ROWS / SEAL_ROWS;
  const firstPiece = base >>> SEAL_SHIFT;
  const sealedParts = function* (g: number): Generator<Uint8Array> {
    if (!sealed) return;
    const bytes = Buffer.from(sealed.bytes.buffer, sealed.bytes.byteOffset, sealed.bytes.byteLength);
    const from = Math.max(0, g * piecesPerGroup - firstPiece);
    const until = Math.min(sealed.encodings.length, (g + 1) * piecesPerGroup - firstPiece);
    for (let piece = from; piece < until; piece += 1) {
      const part = bytes.subarray(sealed.starts[piece], sealed.starts[piece + 1]);
      const encoding = ENCODINGS[sealed.encodings[piece] as number] as BlockEncoding;
      yield encoding === to ? part : Buffer.from(part.toString(encoding), to);
    }
  };
  const addedPart = (g: number): Uint8Array => {
    const from = Math.max(tail, g * CHUNK_ROWS);
    const last = Math.min(n, (g + 1) * CHUNK_ROWS);
    if (from >= last) return new Uint8Array(0);
    return Buffer.from(column.added.slice(from - tail, last - tail).join(''), to);
  };
  // Bytes of the block in `to` (known without encoding it: widening goes Latin-1 → UTF-8 → UTF-16LE).
  let blockBytes = block.length;
  if (!same && to === 'utf16le') blockBytes = blockUnits * 2;
  else if (!same) for (const byte of block) if (byte >= 0x80) blockBytes += 1; // Latin-1 → UTF-8
  // The pieces' bytes in `to`: as they are, or from their counts (a piece is never wider than `to`).
  let sealedBytes = 0;
  if (sealed && to === 'utf16le') sealedBytes = (sealedUnits - blockUnits) * 2;
  else if (sealed && to === 'utf8') for (const bytes of sealed.utf8) sealedBytes += bytes;
  else if (sealed) sealedBytes = sealed.bytes.length;
  const addedBytes =
    to === 'latin1'
      ? chars - sealedUnits
      : column.added.reduce((sum, s) => sum + Buffer.byteLength(s, to), 0);
  const sections: Section[] = [
    joined(`${name}.ends`, [
      numberSection('', column.ends),
      numberSection('', sealed?.ends ?? new Uint32Array(0)),
      numberSection('', addedEnds),
    ]),
    {
      name: `${name}.${to}`,
      bytes: blockBytes + sealedBytes + addedBytes,
      encoding: to,
      *chunks() {
        let offset = 0;
        for (let g = 0; g < groups; g += 1) {
          starts[g] = offset;
          for (const part of [blockPart(g), ...sealedParts(g), addedPart(g)]) {
            offset += part.length;
            if (part.length) yield part;
          }
        }
      },
    },
  ];
  // Written after the text, whose writing fills it in.
  if (to === 'utf8') sections.push(numberSection(`${name}.chunks`, starts));
  return sections;
}

/** One section made of several, one after another. */
function joined(name: string, parts: Section[]): Section {
  return {
    name,
    bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
    *chunks() {
      for (const part of parts) yield* part.chunks();
    },
  };
}

function sectionsOf(data: EntryTableData): Section[] {
  return [
    ...NUMBER_COLUMNS.map(([name]) => numberSection(name, data[name] as ArrayBufferView)),
    ...STRING_COLUMNS.flatMap((name) => stringSections(name, data[name])),
    ...ITEM_COLUMNS.map(([name]) => numberSection(`items.${name}`, data.items[name] as ArrayBufferView)),
    ...ITEM_STRING_COLUMNS.flatMap((name) => stringSections(`items.${name}`, data.items[name])),
  ];
}

const align8 = (n: number) => (n + 7) & ~7;

// ---- writing ----------------------------------------------------------------------------------------

/**
 * Writes `capture` as the snapshot at `path`: into a temp file, chunk by chunk (the event loop runs
 * between chunks), fdatasync'd, then renamed into place — unless `beforeRename` says no (returns
 * false), in which case the temp file is removed and nothing changes.
 */
export async function writeSnapshot(
  path: string,
  capture: StoreCapture,
  files: StoreFiles = nodeFiles,
  beforeRename?: () => Promise<boolean>,
): Promise<boolean> {
  return files.writeChunksDurably(path, snapshotChunks(capture), beforeRename);
}

/**
 * The snapshot of `capture` as a stream of chunks (about a megabyte each, the last one the CRC-32):
 * what `writeSnapshot` puts in a file, and what a store on PostgreSQL keeps in its table. Each chunk
 * is made when it is asked for, so a writer that awaits between chunks lets the event loop run.
 */
export function snapshotChunks(capture: StoreCapture): Iterable<Uint8Array> {
  requireLittleEndian();
  // The sections and the head are made with the first chunk, not here: a compaction takes the
  // capture in one turn of the event loop and encodes its strings in the next (the writer's first
  // await comes between), where at 100k entries both in one turn held the loop twice as long.
  function head(sections: ReturnType<typeof sectionsOf>): Buffer {
    const layout: [string, number, number][] = [];
    let offset = 0;
    for (const section of sections) {
      layout.push([section.name, offset, section.bytes]);
      offset = align8(offset + section.bytes);
    }
    const d = capture.entries;
    const entriesMeta: EntriesMeta = {
      count: d.count,
      dict: d.dict,
      photos: d.photos,
      codes: d.codes,
      items: d.items.count,
      strings: Object.fromEntries(
        sections.flatMap((x) => (x.encoding ? [[x.name.slice(0, x.name.lastIndexOf('.')), x.encoding]] : [])),
      ),
      sections: layout,
    };
    const meta = Buffer.from(`{"state":${capture.state},"entries":${JSON.stringify(entriesMeta)}}`, 'utf8');
    const bytes = Buffer.alloc(align8(MAGIC.length + 4 + meta.length));
    MAGIC.copy(bytes, 0);
    bytes.writeUInt32LE(meta.length, MAGIC.length);
    meta.copy(bytes, MAGIC.length + 4);
    return bytes;
  }

  function* chunks(): Generator<Uint8Array> {
    const sections = sectionsOf(capture.entries);
    let check = 0;
    const out = (chunk: Uint8Array) => {
      check = crc32(chunk, check);
      return chunk;
    };
    yield out(head(sections));
    for (const section of sections) {
      for (const chunk of section.chunks()) yield out(chunk);
      const pad = align8(section.bytes) - section.bytes;
      if (pad) yield out(new Uint8Array(pad));
    }
    const trailer = Buffer.alloc(CHECK_BYTES);
    trailer.writeUInt32LE(check >>> 0);
    yield trailer;
  }
  return { [Symbol.iterator]: chunks };
}

// ---- reading ----------------------------------------------------------------------------------------

/** Whether `bytes` start like a snapshot (and not like a JSON document). */
export function isSnapshot(bytes: Uint8Array): boolean {
  return (
    bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC)
  );
}

/**
 * Reads and verifies the snapshot at `path`: null when there is none; StoreCorruptError naming the
 * problem for anything that is not exactly what a snapshot holds (wrong hash, wrong layout, invalid
 * state, a broken rule of the entry table). Nothing is written. `ahead`: its bytes, being read already
 * (storage/read-ahead.ts); `checks`: a worker's checks of those bytes — its finding them sound stands
 * for the checksum and the columns' checks here (any other verdict, and they are made here).
 */
export async function readSnapshot(
  path: string,
  ahead?: Promise<Buffer>,
  checks?: SnapshotChecks,
): Promise<State | null> {
  let bytes: Buffer;
  try {
    bytes = await (ahead ?? readShared(path));
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw new StoreCorruptError(path, `cannot be read (${isErrnoException(error) ? error.code : error})`, {
      cause: error,
    });
  }
  if (ahead && checks) {
    // Nothing of the columns is read before the worker has found them sound: a broken history's
    // links could loop, a number send an index past its end.
    // Any other verdict, and the checks are made here: what is wrong is said as it always is.
    if ('ok' in (await checks.structure)) return snapshotOf(bytes, path, true);
  }
  return snapshotOf(bytes, path);
}

/**
 * The state a snapshot's `bytes` hold, verified as `readSnapshot` verifies a file (`name` names it in
 * the error). The table's columns stay views into `bytes`: best in shared memory (a report worker then
 * reads them without a copy). `checked`: the same bytes were verified already (storage/snapshot-check.ts
 * found them sound): the checksum and the entry table's column checks are not made again.
 */
export function snapshotOf(bytes: Buffer, name: string, checked = false): State {
  requireLittleEndian();
  const corrupt = (what: string): never => {
    throw new StoreCorruptError(name, what);
  };
  if (!isSnapshot(bytes)) corrupt('is not a thidua-bot snapshot');
  if (bytes.length < MAGIC.length + 4 + CHECK_BYTES) corrupt('is cut short');
  const body = bytes.subarray(0, bytes.length - CHECK_BYTES);
  if (!checked && crc32(body) >>> 0 !== bytes.readUInt32LE(body.length)) {
    corrupt('is damaged (its checksum does not match: cut short, or changed on disk)');
  }
  const metaLength = bytes.readUInt32LE(MAGIC.length);
  const metaStart = MAGIC.length + 4;
  if (metaStart + metaLength > body.length) corrupt('has a broken header');
  let raw: { state?: unknown; entries?: unknown };
  try {
    raw = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(metaStart, metaStart + metaLength)),
    );
  } catch (error) {
    return corrupt(`has an unreadable header (${(error as Error).message})`);
  }
  let migrated: unknown;
  try {
    migrated = migrate(raw.state, undefined, STORE_VERSION);
  } catch (error) {
    if (error instanceof MigrationError) return corrupt(error.message);
    throw error;
  }
  const state = stateSchema.safeParse(migrated, ONCE);
  if (!state.success) return corrupt(`fails validation: ${describeIssues(state.error)}`);
  // Only a migrated state of an older layout is without an identity; a layout-8 snapshot always has one.
  if (
    state.data.store === '' &&
    (raw.state as { version?: unknown } | undefined)?.version === STORE_VERSION
  ) {
    corrupt('has no store identity');
  }
  const meta = entriesMetaOf(raw.entries);
  if (!meta.success) return corrupt(`has a broken entry table: ${describeIssues(meta.error)}`);
  const dataStart = align8(metaStart + metaLength);
  let data: EntryTableData;
  try {
    data = tableData(meta.data, body, dataStart);
  } catch (error) {
    return corrupt(`has a broken entry table: ${(error as Error).message}`);
  }
  const members = new Set(state.data.members.map((m) => m.id));
  try {
    const entries = checked ? new EntryTable(data) : EntryTable.verified(data, (id) => members.has(id));
    return { ...state.data, entries };
  } catch (error) {
    return corrupt((error as Error).message);
  }
}

/** The table's columns out of the data area: views into the file's bytes, which the table keeps. */
function tableData(meta: EntriesMeta, body: Buffer, dataStart: number): EntryTableData {
  const sections = new Map(meta.sections.map(([name, offset, bytes]) => [name, { offset, bytes }]));
  const slice = (name: string) => {
    const section = sections.get(name);
    if (!section) throw new Error(`column ${name} is missing`);
    const start = dataStart + section.offset;
    if (start + section.bytes > body.length) throw new Error(`column ${name} lies outside the file`);
    return body.subarray(start, start + section.bytes);
  };
  // The columns stay in the file's bytes (no copy): aligned views, or a copy when a column is not.
  const numbers = <T extends NumberSection['type']>(name: string, type: T, count: number) => {
    const Type = ARRAYS[type];
    const bytes = slice(name);
    if (bytes.length !== count * Type.BYTES_PER_ELEMENT)
      throw new Error(`column ${name} has the wrong length`);
    if (bytes.byteOffset % Type.BYTES_PER_ELEMENT === 0) {
      return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, count) as InstanceType<
        (typeof ARRAYS)[T]
      >;
    }
    const out = new Type(count);
    new Uint8Array(out.buffer).set(bytes);
    return out as InstanceType<(typeof ARRAYS)[T]>;
  };
  const strings = (name: string, count: number): StringColumnData => {
    const encoding = meta.strings[name];
    if (!encoding) throw new Error(`column ${name} has no encoding`);
    return {
      ends: numbers(`${name}.ends`, 'u32', count),
      block: slice(`${name}.${encoding}`),
      encoding,
      ...(encoding === 'utf8'
        ? { chunks: numbers(`${name}.chunks`, 'u32', Math.ceil(count / CHUNK_ROWS)) }
        : {}),
      added: [],
    };
  };
  const n = meta.count;
  const k = meta.items;
  const columns = Object.fromEntries(NUMBER_COLUMNS.map(([name, type]) => [name, numbers(name, type, n)]));
  const items = Object.fromEntries(
    ITEM_COLUMNS.map(([name, type]) => [name, numbers(`items.${name}`, type, k)]),
  );
  return {
    ...(columns as unknown as Pick<EntryTableData, 'no'>),
    count: n,
    dict: meta.dict,
    photos: meta.photos,
    codes: meta.codes,
    text: strings('text', n),
    at: strings('at', n),
    source: strings('source', n),
    items: {
      ...(items as unknown as Omit<EntryTableData['items'], 'count' | 'at' | 'note' | 'source'>),
      count: k,
      at: strings('items.at', k),
      note: strings('items.note', k),
      source: strings('items.source', k),
    },
  } as EntryTableData;
}

/**
 * Reads a store written as one JSON document (`store.json`, layouts 1–6): migrated, validated with
 * zod, every entry checked (a code used twice, a member who does not exist) and ordered by time.
 */
export async function readDocument(path: string): Promise<State | null> {
  let text: string;
  try {
    // Strict UTF-8: invalid bytes are corruption, not silently replaced.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (error) {
    if (error instanceof TypeError) throw new StoreCorruptError(path, 'is not valid UTF-8');
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw new StoreCorruptError(path, `cannot be read (${isErrnoException(error) ? error.code : error})`, {
      cause: error,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(path, `is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  let migrated: unknown;
  try {
    migrated = migrate(raw, undefined, DOCUMENT_VERSION);
  } catch (error) {
    if (error instanceof MigrationError) throw new StoreCorruptError(path, error.message, { cause: error });
    throw error;
  }
  const parsed = documentSchema.safeParse(migrated, ONCE);
  if (!parsed.success) {
    throw new StoreCorruptError(path, `fails validation: ${describeIssues(parsed.error)}`);
  }
  const { entries, ...rest } = parsed.data;
  // From here on the layout is the snapshot's (the same state; entries in a table).
  let state: z.infer<typeof stateSchema>;
  try {
    state = stateSchema.parse(migrate({ ...rest, version: DOCUMENT_VERSION + 1 }, undefined, STORE_VERSION));
  } catch (error) {
    throw new StoreCorruptError(path, (error as Error).message, { cause: error });
  }
  return { ...state, entries: tableOf(path, entries, new Set(state.members.map((m) => m.id))) };
}

/** The entries of a document as a table, in order of time; a code used twice or an unknown member is refused. */
function tableOf(path: string, entries: readonly Entry[], members: ReadonlySet<string>): EntryTable {
  const numbers = new Set<number>();
  for (const entry of entries) {
    const no = entryNo(entry.code);
    if (numbers.has(no)) throw new StoreCorruptError(path, `entry code ${entry.code} appears twice`);
    numbers.add(no);
    for (const id of [entry.memberId, entry.reporterId]) {
      if (!members.has(id)) {
        throw new StoreCorruptError(path, `entry ${entry.code} refers to member ${id}, who does not exist`);
      }
    }
  }
  // Written by hand or by an older version, the entries may be out of order: by time, ties as written.
  const ordered = entries
    .map((entry, i) => ({ entry, i, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.i - b.i);
  const table = new EntryTable();
  for (const { entry } of ordered) {
    try {
      table.append(entry);
    } catch (error) {
      throw new StoreCorruptError(path, (error as Error).message);
    }
  }
  return table;
}

function requireLittleEndian(): void {
  // The columns are written as they lie in memory; every platform Node supports today is little-endian.
  if (endianness() !== 'LE') throw new Error('thidua-bot snapshots need a little-endian machine');
}

/** A capture of `state` (see StoreCapture), into the arrays of an earlier one when given (EntryTable.capture). */
export function captureState(state: State, reuse?: CaptureArrays): StoreCapture {
  const { entries, ...rest } = state;
  return { state: JSON.stringify(rest), entries: entries.capture(reuse) };
}

/** A capture lent its memory (see `lendCapture`): `release` once nothing reads it any more. */
export interface LentCapture {
  capture: StoreCapture;
  /** The capture's arrays go back to be copied into by the next one: nothing may read them after. */
  release(): void;
}

/**
 * A capture of `state` into its entry table's spare arrays, warm memory (storage/capture-spare.ts):
 * a few ms at 100k entries where fresh memory took 10-25. Released, its arrays are the next one's.
 */
export function lendCapture(state: State): LentCapture {
  const spare = spareOf(state.entries);
  const capture = captureState(state, spare.take());
  let released = false;
  return {
    capture,
    release() {
      if (released) return;
      released = true;
      spare.give(capture.entries);
    },
  };
}

/**
 * lowdb's adapter for the store's own files: `read` gives the state of `store.snapshot`, or before the
 * first compaction the migrated `store.json` of layouts 1–6, or null for a new store; `write` folds the
 * state into a new snapshot. The state is captured when `write` is called, before its first await (so
 * lowdb's `write()` captures at once), into the table's spare arrays (given back once written); the
 * snapshot is written from the capture in chunks and replaces the old one only if `mayReplace` —
 * asked for at the capture — answers true once the file is on disk.
 */
export class SnapshotAdapter implements Adapter<State> {
  /** Whether the last `read` came from `store.json` (set aside once a snapshot holds it). */
  fromDocument = false;

  constructor(
    private readonly snapshotPath: string,
    private readonly documentPath: string,
    private readonly files: StoreFiles,
    private readonly mayReplace: () => (seq: number) => Promise<boolean> = () => async () => true,
    /** The snapshot's bytes, being read already: taken by the first `read` only (a later one reads the file). */
    private ahead?: Promise<Buffer>,
    /** A worker's checks of those bytes (storage/read-ahead.ts), with them. */
    private checks?: SnapshotChecks,
  ) {}

  /** The worker whose verdict stood for the last `read`'s checks, if one did (its rules are asked of it). */
  checkedBy: SnapshotChecks | undefined;

  async read(): Promise<State | null> {
    const ahead = this.ahead;
    const checks = this.checks;
    this.ahead = undefined;
    this.checks = undefined;
    this.checkedBy = undefined;
    const snapshot = await readSnapshot(this.snapshotPath, ahead, checks).catch((error: unknown) => {
      checks?.dispose();
      throw error;
    });
    if (checks) {
      if (snapshot && 'ok' in (await checks.structure)) this.checkedBy = checks;
      else checks.dispose();
    }
    if (snapshot) return snapshot;
    const document = await readDocument(this.documentPath);
    this.fromDocument = document !== null;
    return document;
  }

  async write(state: State): Promise<void> {
    const seq = state.seq;
    const check = this.mayReplace();
    const lent = lendCapture(state);
    try {
      const written = await writeSnapshot(this.snapshotPath, lent.capture, this.files, () => check(seq));
      if (!written) throw new SnapshotNotKeptError();
    } finally {
      lent.release();
    }
  }
}

/** A new snapshot held a change whose journal write failed (undone since): the old snapshot was kept. */
export class SnapshotNotKeptError extends Error {
  override readonly name = 'SnapshotNotKeptError';
}
