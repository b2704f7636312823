/**
 * The building blocks of the entry table (storage/entry-table.ts): number columns and string columns.
 * Both keep the rows read from a snapshot as they lie in the snapshot's bytes — no parsing, no copy
 * at start-up — and the rows added since in growable arrays after them. A copy of either is a few
 * memcpys, which is what makes a consistent capture of the whole table cheap enough to take in one
 * synchronous step (compaction, report files).
 */

export type NumberArray = Uint8Array | Uint32Array | Int32Array | Float64Array;
type ArrayOf<A extends NumberArray> = { new (length: number): A };

/** Numbers by row: those of a snapshot in place, those added since in a growable array. */
export class NumberColumn<A extends NumberArray> {
  /** The snapshot's values (a view into its bytes; may be changed in place, never resized). */
  private base: A;
  private baseLength: number;
  private tail: A;
  length: number;

  constructor(
    private readonly type: ArrayOf<A>,
    initial?: A,
  ) {
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
    if (at === this.tail.length) this.tail = grown(this.type, this.tail, at * 2);
    this.tail[at] = value;
    this.length += 1;
  }

  pop(): void {
    if (this.length === this.baseLength) this.flatten();
    this.length -= 1;
  }

  /** Inserts `value` at `at`, moving the rest one place on. */
  insert(at: number, value: number): void {
    if (at < this.baseLength) this.flatten();
    this.push(0);
    const tail = this.tail;
    const from = at - this.baseLength;
    tail.copyWithin(from + 1, from, this.length - this.baseLength - 1);
    tail[from] = value;
  }

  /** Removes the value at `at`, moving the rest one place back. */
  remove(at: number): void {
    if (at < this.baseLength) this.flatten();
    const from = at - this.baseLength;
    this.tail.copyWithin(from, from + 1, this.length - this.baseLength);
    this.length -= 1;
  }

  /** The values, copied into one array of their own. */
  copy(): A {
    const out = new this.type(this.length);
    (out as unknown as { set(a: ArrayLike<number>, offset?: number): void }).set(this.base);
    (out as unknown as { set(a: ArrayLike<number>, offset?: number): void }).set(
      this.tail.subarray(0, this.length - this.baseLength),
      this.baseLength,
    );
    return out;
  }

  /** All values in the growable part (a change inside the snapshot's rows that moves them). */
  private flatten(): void {
    this.tail = grown(this.type, this.copy(), Math.max(16, this.length * 2));
    this.base = new this.type(0);
    this.baseLength = 0;
  }
}

function grown<A extends NumberArray>(type: ArrayOf<A>, from: A, size: number): A {
  const next = new type(Math.max(16, size));
  (next as unknown as { set(a: ArrayLike<number>): void }).set(from);
  return next;
}

/** What a string column holds, as captured (the block and its ends are never changed once made). */
export interface StringColumnData {
  /** The strings of a snapshot, one after another, as bytes (Latin-1: one a character; else UTF-16LE). */
  block: Uint8Array;
  /** The end of each string of `block`, in characters. */
  ends: Uint32Array;
  /** Strings added since, one per row after those of the block. */
  added: string[];
  /** Whether the block is Latin-1 (one byte a character; otherwise UTF-16LE). */
  latin1: boolean;
  /** Whether the added strings fit in Latin-1 too (so the column may be written as Latin-1). */
  allLatin1?: boolean;
}

const NOT_LATIN1 = /[\u0100-\uffff]/;
const EMPTY = new Uint8Array(0);

/**
 * Strings by row. Those read from a snapshot stay in its bytes and are decoded when read (~100 ns for
 * an entry's text); strings added later are kept one by one. Rows are only ever added at the end and
 * taken back from the end (an undone write).
 */
export class StringColumn {
  private readonly block: Buffer;
  private readonly ends: Uint32Array;
  private readonly added: string[];
  private readonly blockLatin1: boolean;
  private latin1: boolean;

  constructor(data?: StringColumnData) {
    const block = data?.block ?? EMPTY;
    this.block = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
    this.ends = data?.ends ?? new Uint32Array(0);
    this.added = data ? [...data.added] : [];
    this.blockLatin1 = data?.latin1 ?? true;
    this.latin1 = this.blockLatin1 && !this.added.some((s) => NOT_LATIN1.test(s));
  }

  get length(): number {
    return this.ends.length + this.added.length;
  }

  get(i: number): string {
    const base = this.ends.length;
    if (i >= base) return this.added[i - base] as string;
    const start = i === 0 ? 0 : (this.ends[i - 1] as number);
    const end = this.ends[i] as number;
    return this.blockLatin1
      ? this.block.toString('latin1', start, end)
      : this.block.toString('utf16le', start * 2, end * 2);
  }

  push(value: string): void {
    this.added.push(value);
    if (this.latin1 && NOT_LATIN1.test(value)) this.latin1 = false;
  }

  pop(): void {
    if (this.added.length === 0) throw new Error('cannot take back a string read from the snapshot');
    this.added.pop();
  }

  /** A consistent copy: the block and its ends are immutable, so only the added strings are copied. */
  capture(): StringColumnData {
    return {
      block: this.block,
      ends: this.ends,
      added: this.added.slice(),
      latin1: this.blockLatin1,
      allLatin1: this.latin1,
    };
  }
}
