/**
 * The building blocks of the entry table (storage/entry-table.ts): number columns and string columns.
 * Both keep the rows read from a snapshot as they lie in the snapshot's bytes — no parsing, no copy
 * at start-up — and the rows added since in growable arrays after them. A copy of either is a few
 * memcpys, which is what makes a consistent capture of the whole table cheap enough to take in one
 * synchronous step (compaction, report files).
 */

export type NumberArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

/**
 * How many values a fresh copy of a column of `length` values has room for: some to spare, so the
 * next capture can be copied into it as the column grows (storage/capture-spare.ts).
 */
export function roomFor(length: number): number {
  return Math.ceil(length * 1.25) + 1024;
}
type ArrayOf<A extends NumberArray> = new (length: number) => A;

/** Numbers by row: those of a snapshot in place, those added since in a growable array. */
export interface NumberColumn<A extends NumberArray> {
  length: number;
  get(i: number): number;
  set(i: number, value: number): void;
  push(value: number): void;
  pop(): void;
  /** Inserts `value` at `at`, moving the rest one place on. */
  insert(at: number, value: number): void;
  /** Removes the value at `at`, moving the rest one place back. */
  remove(at: number): void;
  /**
   * The values, copied into one array of their own — into `into` when it is given and large enough
   * (its memory reused: fresh memory is slow to fault in, and a capture copies megabytes).
   */
  copy(into?: A): A;
  /** Every value in one array: the snapshot's own when no row was added since (no copy), else a copy. */
  values(): A;
}

/**
 * A column class for one kind of typed array. One class per kind (not one generic class): a method
 * that reads Uint8Arrays, Uint32Arrays and Float64Arrays in turn is megamorphic in V8 and several
 * times slower — it showed as ~1 µs per entry read.
 */
function columnOf<A extends NumberArray>(type: ArrayOf<A>) {
  return class implements NumberColumn<A> {
    /** The snapshot's values (a view into its bytes; may be changed in place, never resized). */
    private base: A;
    private baseLength: number;
    private tail: A;
    length: number;

    constructor(initial?: A) {
      this.base = initial ?? new type(0);
      this.baseLength = this.base.length;
      this.tail = new type(16);
      this.length = this.baseLength;
    }

    get(i: number): number {
      return (i < this.baseLength ? this.base[i] : this.tail[i - this.baseLength]) as number;
    }

    set(i: number, value: number): void {
      if (i < this.baseLength) this.base[i] = value;
      else this.tail[i - this.baseLength] = value;
    }

    push(value: number): void {
      const at = this.length - this.baseLength;
      if (at === this.tail.length) this.tail = grown(this.tail, at * 2);
      this.tail[at] = value;
      this.length += 1;
    }

    pop(): void {
      if (this.length === this.baseLength) this.flatten();
      this.length -= 1;
    }

    insert(at: number, value: number): void {
      if (at < this.baseLength) this.flatten();
      this.push(0);
      const tail = this.tail;
      const from = at - this.baseLength;
      tail.copyWithin(from + 1, from, this.length - this.baseLength - 1);
      tail[from] = value;
    }

    remove(at: number): void {
      if (at < this.baseLength) this.flatten();
      const from = at - this.baseLength;
      this.tail.copyWithin(from, from + 1, this.length - this.baseLength);
      this.length -= 1;
    }

    copy(into?: A): A {
      const out = (into && into.length >= this.length ? into : new type(roomFor(this.length))).subarray(
        0,
        this.length,
      ) as A;
      set(out, this.base, 0);
      set(out, this.tail.subarray(0, this.length - this.baseLength), this.baseLength);
      return out;
    }

    values(): A {
      return this.length === this.baseLength ? this.base : this.copy();
    }

    /** All values in the growable part (a change inside the snapshot's rows that moves them). */
    private flatten(): void {
      this.tail = grown(this.copy(), Math.max(16, this.length * 2));
      this.base = new type(0);
      this.baseLength = 0;
    }
  };

  function grown(from: A, size: number): A {
    const next = new type(Math.max(16, size));
    set(next, from, 0);
    return next;
  }
}

function set(target: NumberArray, source: NumberArray, offset: number): void {
  (target as unknown as { set(a: ArrayLike<number>, offset: number): void }).set(source, offset);
}

export const U8Column = columnOf<Uint8Array>(Uint8Array);
export const U32Column = columnOf<Uint32Array>(Uint32Array);
export const I32Column = columnOf<Int32Array>(Int32Array);
export const F64Column = columnOf<Float64Array>(Float64Array);

/** How a string column's block is written: the narrowest encoding all its strings survive. */
export type BlockEncoding = 'latin1' | 'utf8' | 'utf16le';

/** What a string column holds, as captured (the block and its ends are never changed once made). */
export interface StringColumnData {
  /** The strings of a snapshot, one after another, as bytes in `encoding`. */
  block: Uint8Array;
  encoding: BlockEncoding;
  /** The end of each string of `block`, in UTF-16 code units (JavaScript's string length). */
  ends: Uint32Array;
  /** UTF-8 only: where each chunk of CHUNK_ROWS rows starts in `block`, in bytes. */
  chunks?: Uint32Array;
  /** Strings added since and sealed, the rows after those of the block (see SealedStrings). */
  sealed?: SealedStrings;
  /** Strings added since and not sealed yet, one per row after those of the block and the sealed ones. */
  added: string[];
  /** The narrowest encoding for the block and the added strings together (how the column is written next). */
  next?: BlockEncoding;
}

/**
 * The strings added to a column since its snapshot, encoded a piece of SEAL_ROWS rows at a time as
 * each piece fills, and never changed after: typed arrays, which a capture shares as they are, a
 * report's request sends as blobs (bot/report-wire.ts) and a compaction writes with their byte counts
 * known. Kept as strings, the ~28,000 added by a busy day had V8 serialise them one by one for every
 * report (~57 ms in one turn at 100k entries) and a compaction measure them one by one (~60 ms).
 * Pieces lie on multiples of SEAL_ROWS (the first one starts at the block's end), so a chunk of
 * CHUNK_ROWS rows of a snapshot is made of whole pieces.
 */
export interface SealedStrings {
  /** The pieces' bytes, one after another, each piece in its own encoding (the narrowest for it). */
  bytes: Uint8Array;
  /** Where each piece starts in `bytes`, then where the last one ends (one more than the pieces). */
  starts: Uint32Array;
  /** Each piece's encoding: ENCODINGS' index. */
  encodings: Uint8Array;
  /** Each piece's length in bytes written as UTF-8 (for a compaction that writes the column so). */
  utf8: Uint32Array;
  /** The end of each sealed row, in UTF-16 code units from the column's first row (as the block's ends). */
  ends: Uint32Array;
}

const NOT_LATIN1 = /[\u0100-\uffff]/;
/** Rows per decoded chunk of a block: 4,096 (a few hundred KB of text). */
export const CHUNK_SHIFT = 12;
export const CHUNK_ROWS = 1 << CHUNK_SHIFT;
const EMPTY = new Uint8Array(0);
/** Node's Buffer, with the slices its `toString` calls (on Buffer.prototype since Node 0.x). */
type NodeBuffer = Buffer & {
  latin1Slice(start: number, end: number): string;
  ucs2Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};
/** Rows between two marks of a UTF-8 chunk (StringColumn.one): 4 (at 1M entries, 1 MB of marks). */
const MARK_SHIFT = 2;
const MARK_ROWS = 1 << MARK_SHIFT;
/**
 * Rows per sealed piece of added strings: 1,024 (a divisor of CHUNK_ROWS). A capture carries fewer
 * than this many strings a column as strings, the rest as the pieces' bytes; sealing one is a join
 * and an encoding (~0.1-0.3 ms for a text column).
 */
export const SEAL_SHIFT = 10;
export const SEAL_ROWS = 1 << SEAL_SHIFT;
/** A piece's encoding as SealedStrings.encodings holds it. */
export const ENCODINGS: readonly BlockEncoding[] = ['latin1', 'utf8', 'utf16le'];

/** The narrowest encoding a string survives: Latin-1, else UTF-8 (well-formed), else UTF-16LE. */
export function encodingFor(value: string): BlockEncoding {
  if (!NOT_LATIN1.test(value)) return 'latin1';
  return (value as unknown as { isWellFormed(): boolean }).isWellFormed() ? 'utf8' : 'utf16le';
}

const WIDTH: Record<BlockEncoding, number> = { latin1: 0, utf8: 1, utf16le: 2 };
/** The narrower of two encodings' common ground: the wider one. */
export const wider = (a: BlockEncoding, b: BlockEncoding): BlockEncoding => (WIDTH[a] >= WIDTH[b] ? a : b);

/**
 * Strings by row. Those read from a snapshot stay in its bytes and are decoded a chunk at a time,
 * when first read; strings added later are kept one by one until SEAL_ROWS of them fill a piece, which
 * is then sealed — encoded once into bytes (SealedStrings) and decoded a piece at a time when read, as
 * the snapshot's. Rows are only ever added at the end and taken back from the end (an undone write).
 */
export class StringColumn {
  private readonly block: Buffer;
  private readonly encoding: BlockEncoding;
  private readonly ends: Uint32Array;
  private readonly chunks: Uint32Array | undefined;
  /** The rows added since and sealed (see SealedStrings). */
  private readonly pieces: Pieces;
  /** The rows added after the sealed ones: fewer than fill a piece. */
  private added: string[] = [];
  private next: BlockEncoding;
  /** Decoded chunks of the block, by chunk (see `decode`). */
  private readonly decoded: (string | undefined)[] = [];
  /** The chunk `peek` decoded last, not kept in `decoded`. */
  private passing: { chunk: number; text: string } | undefined;
  /** The piece `peek` decoded last, not kept. */
  private passingPiece: { piece: number; text: string } | undefined;
  /**
   * UTF-8 only, by chunk: the byte where every MARK_ROWS-th row of the chunk starts (see `one`),
   * found when a row of the chunk is first read alone.
   */
  private readonly marks: (Uint32Array | undefined)[] = [];
  /** How many chunks and pieces were decoded whole (by `get` and `peek`), for tests that count the work done. */
  decodes = 0;
  /** Chunks before this one are marked (see `markNext`). */
  private marked = 0;
  /** UTF-8 only: the block as 32-bit words, for `mark` (see utf8Advance). */
  private words: Uint32Array | undefined;

  constructor(data?: StringColumnData) {
    const block = data?.block ?? EMPTY;
    this.block = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
    this.encoding = data?.encoding ?? 'latin1';
    this.ends = data?.ends ?? new Uint32Array(0);
    this.chunks = data?.chunks;
    this.pieces = new Pieces(data?.sealed);
    let next = this.encoding;
    if (data?.sealed && !data.next) {
      for (const e of data.sealed.encodings) next = wider(next, ENCODINGS[e] as BlockEncoding);
    }
    this.next = next;
    // Through `push`: pieces fill (and are sealed) as they would have.
    for (const value of data?.added ?? []) this.push(value);
    if (data?.next) this.next = data.next;
  }

  get length(): number {
    return this.ends.length + this.pieces.rows + this.added.length;
  }

  get(i: number): string {
    const base = this.ends.length;
    if (i >= base) return this.addedRow(i, 'keep');
    const chunk = i >>> CHUNK_SHIFT;
    let text = this.decoded[chunk];
    if (text === undefined) {
      text = this.decode(chunk);
      this.decoded[chunk] = text;
    }
    return this.inChunk(i, text);
  }

  /**
   * Row `i`'s string, as `get` reads it, but a chunk not decoded yet is decoded for the moment only
   * (the last such chunk is held, for the rows after): a search through a year's texts (a #tag)
   * decodes each chunk once and keeps none — kept, a year's texts would stay (~20 MB at 100k).
   */
  peek(i: number): string {
    const base = this.ends.length;
    if (i >= base) return this.addedRow(i, 'pass');
    const chunk = i >>> CHUNK_SHIFT;
    let text = this.decoded[chunk];
    if (text === undefined) {
      if (this.passing?.chunk !== chunk) this.passing = { chunk, text: this.decode(chunk) };
      text = this.passing.text;
    }
    return this.inChunk(i, text);
  }

  /** Lets go of the chunk `peek` holds (a search done with it). */
  release(): void {
    this.passing = undefined;
    this.passingPiece = undefined;
  }

  /**
   * Row `i`'s string, as `get` reads it, decoding its own bytes only: for rows read here and there (a
   * member's entries through the year, one entry by its code). `get` would decode each chunk they
   * touch whole, and keep it — a member's year touches every chunk: the year's texts decoded
   * (~70 ms at 100k entries) and kept (~20 MB). A chunk already decoded is read from. A sealed UTF-8
   * piece is decoded whole and kept, as `get` does: there are only as many as the rows added since
   * the start fill, a tenth of a millisecond each.
   */
  one(i: number): string {
    const base = this.ends.length;
    if (i >= base) return this.addedRow(i, 'alone');
    const chunk = i >>> CHUNK_SHIFT;
    const text = this.decoded[chunk] ?? (this.passing?.chunk === chunk ? this.passing.text : undefined);
    if (text !== undefined) return this.inChunk(i, text);
    const start = i === 0 ? 0 : (this.ends[i - 1] as number);
    const end = this.ends[i] as number;
    // Buffer's own slices, not toString: its checks and its look-up of the encoding cost more than
    // the decoding of a short string.
    if (this.encoding === 'latin1') return (this.block as NodeBuffer).latin1Slice(start, end);
    if (this.encoding === 'utf16le') return (this.block as NodeBuffer).ucs2Slice(start * 2, end * 2);
    // UTF-8: the ends count UTF-16 code units; the row's bytes are found from the nearest mark.
    const marks = this.marks[chunk] ?? this.mark(chunk);
    const first = chunk << CHUNK_SHIFT;
    const markRow = first + (((i - first) >>> MARK_SHIFT) << MARK_SHIFT);
    const markUnits = markRow === 0 ? 0 : (this.ends[markRow - 1] as number);
    this.words ??= wordsOf(this.block);
    const from = utf8Advance(
      this.block,
      marks[(i - first) >>> MARK_SHIFT] as number,
      start - markUnits,
      this.words,
    );
    return (this.block as NodeBuffer).utf8Slice(from, utf8Advance(this.block, from, end - start, this.words));
  }

  /**
   * Row `i` (at or after the block's end): a string not sealed yet as it is, else out of its piece —
   * decoded and kept (`keep`), decoded for the moment (`pass`, as `peek`), or read alone where the
   * piece's encoding allows it (`alone`, as `one`).
   */
  private addedRow(i: number, how: 'keep' | 'pass' | 'alone'): string {
    const base = this.ends.length;
    const pieces = this.pieces;
    const j = i - base;
    if (j >= pieces.rows) return this.added[j - pieces.rows] as string;
    const piece = (i >>> SEAL_SHIFT) - (base >>> SEAL_SHIFT);
    const firstUnits = this.pieceUnits(piece);
    const start = (j === 0 ? this.blockUnits() : pieces.end(j - 1)) - firstUnits;
    const end = pieces.end(j) - firstUnits;
    let text =
      pieces.texts[piece] ?? (this.passingPiece?.piece === piece ? this.passingPiece.text : undefined);
    if (text === undefined) {
      const encoding = pieces.encodingOf(piece);
      if (how === 'alone' && encoding !== 'utf8') {
        const at = pieces.start(piece);
        const bytes = pieces.bytesView() as NodeBuffer;
        if (encoding === 'latin1') return bytes.latin1Slice(at + start, at + end);
        return bytes.ucs2Slice(at + start * 2, at + end * 2);
      }
      this.decodes += 1;
      text = pieces.text(piece);
      if (how === 'pass') this.passingPiece = { piece, text };
      else pieces.texts[piece] = text;
    }
    return text.slice(start, end);
  }

  /** The block's length in UTF-16 code units (where the added rows' units start). */
  private blockUnits(): number {
    const base = this.ends.length;
    return base === 0 ? 0 : (this.ends[base - 1] as number);
  }

  /**
   * Where sealed piece `piece`'s rows start, in UTF-16 code units from the column's first row: pieces
   * lie on multiples of SEAL_ROWS, the first from the block's end.
   */
  private pieceUnits(piece: number): number {
    const base = this.ends.length;
    const first = piece === 0 ? 0 : (((base >>> SEAL_SHIFT) + piece) << SEAL_SHIFT) - base;
    return first === 0 ? this.blockUnits() : this.pieces.end(first - 1);
  }

  /** The byte where every MARK_ROWS-th row of UTF-8 chunk `chunk` starts: one walk through its bytes. */
  private mark(chunk: number): Uint32Array {
    const first = chunk << CHUNK_SHIFT;
    const rows = Math.min(this.ends.length - first, CHUNK_ROWS);
    const marks = new Uint32Array(Math.ceil(rows / MARK_ROWS));
    let at = (this.chunks as Uint32Array)[chunk] as number;
    let units = first === 0 ? 0 : (this.ends[first - 1] as number);
    this.words ??= wordsOf(this.block);
    for (let m = 0; m < marks.length; m += 1) {
      const row = first + m * MARK_ROWS;
      const startUnits = row === 0 ? 0 : (this.ends[row - 1] as number);
      at = utf8Advance(this.block, at, startUnits - units, this.words);
      units = startUnits;
      marks[m] = at;
    }
    this.marks[chunk] = marks;
    return marks;
  }

  /**
   * Marks the next UTF-8 chunk not marked yet (see `one`); false when none is left. Done between turns
   * of the event loop after a start (EntryTable.warm): the first member's year read after it walks
   * no bytes.
   */
  markNext(): boolean {
    if (this.encoding !== 'utf8') return false;
    const chunks = Math.ceil(this.ends.length / CHUNK_ROWS);
    while (this.marked < chunks && this.marks[this.marked]) this.marked += 1;
    if (this.marked >= chunks) return false;
    this.mark(this.marked);
    return true;
  }

  /** Row `i`'s string out of its chunk's text. */
  private inChunk(i: number, text: string): string {
    const first = i < CHUNK_ROWS ? 0 : (this.ends[((i >>> CHUNK_SHIFT) << CHUNK_SHIFT) - 1] as number);
    const start = i === 0 ? 0 : (this.ends[i - 1] as number);
    return text.slice(start - first, (this.ends[i] as number) - first);
  }

  /**
   * The strings of one chunk of rows, decoded (~1–5 ms): slicing a JS string is ~10 ns, decoding a
   * string out of the bytes ~100–300 ns — too slow for thousands of entries a command. `get` decodes
   * a chunk on first read and keeps it: start-up stays free of it, and memory to the chunks read.
   */
  private decode(chunk: number): string {
    this.decodes += 1;
    const base = this.ends.length;
    const first = chunk === 0 ? 0 : (this.ends[(chunk << CHUNK_SHIFT) - 1] as number);
    const last = this.ends[Math.min(base, (chunk + 1) << CHUNK_SHIFT) - 1] as number;
    if (this.encoding === 'latin1') return this.block.toString('latin1', first, last);
    if (this.encoding === 'utf16le') return this.block.toString('utf16le', first * 2, last * 2);
    const chunks = this.chunks as Uint32Array;
    const end = chunk + 1 < chunks.length ? (chunks[chunk + 1] as number) : this.block.length;
    return this.block.toString('utf8', chunks[chunk] as number, end);
  }

  push(value: string): void {
    this.added.push(value);
    if (this.next !== 'utf16le') this.next = wider(this.next, encodingFor(value));
    // The piece is full when the rows reach a multiple of SEAL_ROWS.
    if ((this.length & (SEAL_ROWS - 1)) === 0) {
      const last = this.pieces.rows === 0 ? this.blockUnits() : this.pieces.end(this.pieces.rows - 1);
      this.pieces.seal(this.added, last);
      this.added = [];
    }
  }

  /**
   * The instant row `i` holds, as an ISO 8601 text (NaN if it is not one). An instant as the bot writes
   * it (`2026-03-02T01:00:00.000Z`) is read straight from a Latin-1 block, without making a string:
   * the load-time checks read every entry's time this way (storage/invariants.ts).
   */
  timeAt(i: number): number {
    const base = this.ends.length;
    if (i < base && this.encoding === 'latin1') {
      const start = i === 0 ? 0 : (this.ends[i - 1] as number);
      const time = isoInstant(this.block, start, this.ends[i] as number);
      if (time !== undefined) return time;
    }
    return Date.parse(this.get(i));
  }

  /** The length of row `i` in UTF-16 code units, without reading it (the offsets say it). */
  unitsAt(i: number): number {
    const base = this.ends.length;
    if (i >= base) {
      const j = i - base;
      const pieces = this.pieces;
      if (j >= pieces.rows) return (this.added[j - pieces.rows] as string).length;
      return pieces.end(j) - (j === 0 ? this.blockUnits() : pieces.end(j - 1));
    }
    return (this.ends[i] as number) - (i === 0 ? 0 : (this.ends[i - 1] as number));
  }

  pop(): void {
    if (this.added.length === 0) {
      if (this.pieces.rows === 0) throw new Error('cannot take back a string read from the snapshot');
      // The last piece's strings, back as strings (its bytes stay as they were for any capture of them).
      const piece = this.pieces.count - 1;
      this.added = this.pieces.unseal(this.pieceUnits(piece));
      if (this.passingPiece?.piece === piece) this.passingPiece = undefined;
    }
    this.added.pop();
  }

  /**
   * A consistent copy: the block and its ends are immutable, so are the sealed pieces (their arrays'
   * used parts); only the strings not sealed yet are copied.
   */
  capture(): StringColumnData {
    const sealed = this.pieces.capture();
    return {
      block: this.block,
      encoding: this.encoding,
      ends: this.ends,
      ...(this.chunks ? { chunks: this.chunks } : {}),
      ...(sealed ? { sealed } : {}),
      added: this.added.slice(),
      next: this.next,
    };
  }
}

/**
 * A string column's sealed pieces (SealedStrings), in arrays grown as pieces are sealed. The used part
 * of each array is never written again once a capture may see it: a piece taken back (`unseal`) has
 * the next piece sealed into copies, and so do arrays that came from a capture.
 */
class Pieces {
  private bytes: Uint8Array = EMPTY;
  private byteLength = 0;
  private starts: Uint32Array = new Uint32Array(1);
  private encodings: Uint8Array = EMPTY;
  private utf8: Uint32Array = new Uint32Array(0);
  private ends: Uint32Array = new Uint32Array(0);
  /** How many pieces, and the rows they hold. */
  count = 0;
  rows = 0;
  /** Whether the arrays past their used parts are free to write into (see the class). */
  private own = true;
  /** Whether a capture was taken of these arrays (it may read a piece later taken back). */
  private shared = false;
  /** Pieces decoded and kept (by StringColumn.get), by piece. */
  readonly texts: (string | undefined)[] = [];

  constructor(data?: SealedStrings) {
    if (!data) return;
    this.bytes = data.bytes;
    this.byteLength = data.bytes.length;
    this.starts = data.starts;
    this.encodings = data.encodings;
    this.utf8 = data.utf8;
    this.ends = data.ends;
    this.count = data.encodings.length;
    this.rows = data.ends.length;
    this.own = false;
  }

  /** Where sealed row `j` ends, in UTF-16 code units from the column's first row. */
  end(j: number): number {
    return this.ends[j] as number;
  }

  start(piece: number): number {
    return this.starts[piece] as number;
  }

  encodingOf(piece: number): BlockEncoding {
    return ENCODINGS[this.encodings[piece] as number] as BlockEncoding;
  }

  bytesView(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.byteLength);
  }

  /** Piece `piece`'s strings, decoded as one text. */
  text(piece: number): string {
    const from = this.starts[piece] as number;
    return this.bytesView().toString(this.encodingOf(piece), from, this.starts[piece + 1] as number);
  }

  /** Seals `strings` as the next piece; `units`: where the rows before them end. */
  seal(strings: readonly string[], units: number): void {
    const text = strings.join('');
    const encoding = encodingFor(text);
    const bytes = Buffer.from(text, encoding);
    const utf8 = encoding === 'utf8' ? bytes.length : Buffer.byteLength(text, 'utf8');
    const count = this.count;
    if (!this.own || this.byteLength + bytes.length > this.bytes.length) {
      this.bytes = grown(this.bytes, this.byteLength, this.byteLength + bytes.length);
    }
    // Each array by its own room: `starts` holds one value more than the others, so a check on its
    // room alone let the others fill up (the 17th piece's encoding and size were written past them).
    if (!this.own || count + 2 > this.starts.length) this.starts = grown(this.starts, count + 1, count + 2);
    if (!this.own || count + 1 > this.encodings.length)
      this.encodings = grown(this.encodings, count, count + 1);
    if (!this.own || count + 1 > this.utf8.length) this.utf8 = grown(this.utf8, count, count + 1);
    if (!this.own || this.rows + strings.length > this.ends.length) {
      this.ends = grown(this.ends, this.rows, this.rows + strings.length);
    }
    if (!this.own) this.shared = false;
    this.own = true;
    this.bytes.set(bytes, this.byteLength);
    this.byteLength += bytes.length;
    this.starts[count + 1] = this.byteLength;
    this.encodings[count] = ENCODINGS.indexOf(encoding);
    this.utf8[count] = utf8;
    let end = units;
    for (const s of strings) {
      end += s.length;
      this.ends[this.rows] = end;
      this.rows += 1;
    }
    this.count = count + 1;
  }

  /** Takes the last piece back: its strings. `units`: where the rows before it end. */
  unseal(units: number): string[] {
    const piece = this.count - 1;
    const text = this.texts[piece] ?? this.text(piece);
    // Every piece but the first holds SEAL_ROWS rows (the first, those up to the next multiple).
    const pieceRows = piece === 0 ? this.rows : SEAL_ROWS;
    const strings: string[] = [];
    let at = units;
    for (let j = this.rows - pieceRows; j < this.rows; j += 1) {
      const end = this.ends[j] as number;
      strings.push(text.slice(at - units, end - units));
      at = end;
    }
    this.texts[piece] = undefined;
    this.texts.length = piece;
    this.count = piece;
    this.rows -= pieceRows;
    this.byteLength = this.starts[piece] as number;
    // A capture may read the bytes and ends just given up: the next piece goes into copies. Without
    // one, the next piece is written over them (a write undone and retried again and again at a
    // piece's edge — a disk refusing each batch — would otherwise copy the arrays every time).
    if (this.shared) this.own = false;
    return strings;
  }

  capture(): SealedStrings | undefined {
    if (this.count === 0) return undefined;
    this.shared = true;
    return {
      bytes: this.bytes.subarray(0, this.byteLength),
      starts: this.starts.subarray(0, this.count + 1),
      encodings: this.encodings.subarray(0, this.count),
      utf8: this.utf8.subarray(0, this.count),
      ends: this.ends.subarray(0, this.rows),
    };
  }
}

/**
 * A copy of `array`'s first `used` values in a new array with room for at least `needed`: twice the
 * room when it must grow, the same room when it is copied only to be written apart from a capture.
 */
function grown<A extends Uint8Array | Uint32Array>(array: A, used: number, needed: number): A {
  const Type = array.constructor as new (length: number) => A;
  const next = new Type(Math.max(needed, needed > array.length ? array.length * 2 : array.length, 16));
  next.set(array.subarray(0, used));
  return next;
}

const DIGIT_0 = 0x30;
const DASH = 0x2d;
const COLON = 0x3a;

/** Two decimal digits at bytes[i], or -1. */
function two(bytes: Uint8Array, i: number): number {
  const a = (bytes[i] as number) - DIGIT_0;
  const b = (bytes[i + 1] as number) - DIGIT_0;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days since 1970-01-01 of a date in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DDTHH:mm:ss.sssZ` (what Date#toISOString writes) in `bytes[s, end)` as milliseconds;
 * undefined for anything else (read with Date.parse instead). Integer arithmetic and no closures:
 * this runs for every entry at load.
 */
function isoInstant(bytes: Uint8Array, s: number, end: number): number | undefined {
  if (
    end - s !== 24 ||
    bytes[s + 4] !== DASH ||
    bytes[s + 7] !== DASH ||
    bytes[s + 10] !== 0x54 || // T
    bytes[s + 13] !== COLON ||
    bytes[s + 16] !== COLON ||
    bytes[s + 19] !== 0x2e || // .
    bytes[s + 23] !== 0x5a // Z
  ) {
    return undefined;
  }
  const century = two(bytes, s);
  const yy = two(bytes, s + 2);
  const month = two(bytes, s + 5);
  const day = two(bytes, s + 8);
  const hour = two(bytes, s + 11);
  const minute = two(bytes, s + 14);
  const second = two(bytes, s + 17);
  const ms1 = two(bytes, s + 20);
  const ms2 = (bytes[s + 22] as number) - DIGIT_0;
  if (century < 0 || yy < 0 || ms1 < 0 || ms2 < 0 || ms2 > 9) return undefined;
  const year = century * 100 + yy;
  // Out of range fields (which Date.parse refuses) and 29 February: left to Date.parse.
  if (!(month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    return undefined;
  }
  if (second < 0 || second > 59 || day > (DAYS_IN_MONTH[month] as number) || (month === 2 && day === 29)) {
    return undefined;
  }
  return (
    ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms1 * 10 + ms2
  );
}

/**
 * The byte `units` UTF-16 code units after byte `at` of valid UTF-8 `bytes` (`at` the start of a
 * character, `units` ending on one). Read four bytes at a time (as `utf16Length`) while they cannot
 * pass it — four bytes count at most 5 units: three ASCII and a 4-byte character's lead —, then byte
 * by byte. `words`: `bytes`' memory as 32-bit words from the first 4-aligned byte at or before it
 * (wordsOf), made once for many calls.
 */
export function utf8Advance(bytes: Uint8Array, at: number, units: number, words = wordsOf(bytes)): number {
  const n = bytes.length;
  const shift = bytes.byteOffset & 3;
  let i = at;
  let left = units;
  while (left >= 5 && (i + shift) & 3) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) left -= b >= 0xf0 ? 2 : 1;
    i += 1;
  }
  let k = (i + shift) >>> 2;
  const lastWord = (n + shift) >>> 2; // words wholly inside `bytes` end before this one
  while (left >= 5 && k < lastWord) {
    const w = words[k] as number;
    // Per byte: a continuation (10xxxxxx) counts nothing, a 4-byte lead (11110xxx) two, any other one.
    const c = w & ~(w << 1) & 0x80808080;
    const f = w & (w << 1) & (w << 2) & (w << 3) & 0x80808080;
    left -= 4 - (Math.imul(c >>> 7, 0x01010101) >>> 24) + (Math.imul(f >>> 7, 0x01010101) >>> 24);
    k += 1;
  }
  if (k << 2 > i + shift) i = (k << 2) - shift;
  while (left > 0 && i < n) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) left -= b >= 0xf0 ? 2 : 1;
    i += 1;
  }
  // The last character's continuation bytes.
  while (i < n && ((bytes[i] as number) & 0xc0) === 0x80) i += 1;
  return i;
}

/** The memory of `bytes` as 32-bit words, from the first 4-aligned byte at or before it (utf8Advance). */
export function wordsOf(bytes: Uint8Array): Uint32Array {
  const first = bytes.byteOffset & ~3;
  return new Uint32Array(bytes.buffer, first, (bytes.byteOffset + bytes.length - first) >>> 2);
}

/**
 * How many UTF-16 code units the UTF-8 bytes decode to (for valid UTF-8): one per character, two for
 * one beyond U+FFFF. Read a word at a time (continuation bytes and 4-byte leads counted by bit
 * tricks): the load-time check of a snapshot's UTF-8 blocks reads megabytes this way.
 */
export function utf16Length(bytes: Uint8Array): number {
  const n = bytes.length;
  let units = 0;
  let i = 0;
  const one = (x: number) => ((x & 0xc0) !== 0x80 ? (x >= 0xf0 ? 2 : 1) : 0);
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) units += one(bytes[i++] as number);
  const words = (n - i) >>> 2;
  if (words > 0) {
    const w32 = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    let continuation = 0;
    let fourByte = 0;
    for (let k = 0; k < words; k += 1) {
      const w = w32[k] as number;
      // Per byte: bit 7 set and bit 6 clear (10xxxxxx); bits 7 to 4 set (11110xxx).
      const c = w & ~(w << 1) & 0x80808080;
      const f = w & (w << 1) & (w << 2) & (w << 3) & 0x80808080;
      continuation += Math.imul(c >>> 7, 0x01010101) >>> 24;
      fourByte += Math.imul(f >>> 7, 0x01010101) >>> 24;
    }
    units += words * 4 - continuation + fourByte;
    i += words * 4;
  }
  while (i < n) units += one(bytes[i++] as number);
  return units;
}
