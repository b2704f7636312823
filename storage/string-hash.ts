/** FNV-1a over a string's UTF-16 units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Slots used past this share of the table, it doubles (a search then probes a slot or three). */
const FULL = 0.75;

/**
 * Strings found by number without keeping them: each key is added with a number (what the caller
 * reads it back by), and a search compares the key the caller reads back for each number whose
 * hash matches — two typed arrays, where a Map of 100k keys holds their strings (~16 MB). A key
 * added twice is found with the number added first. The table doubles as keys are added (its hashes
 * are kept: no key is read again to move it).
 */
export class StringHash {
  private hashes: Int32Array;
  /** The number added, plus one: 0 marks a free slot. */
  private values: Int32Array;
  private mask: number;
  private used = 0;

  /** Room for `capacity` keys before the table first doubles. */
  constructor(capacity: number) {
    const size = 2 ** Math.max(4, Math.ceil(Math.log2(capacity / FULL + 1)));
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  add(key: string, value: number): void {
    if (this.used + 1 > this.values.length * FULL) this.grow();
    this.put(hash(key) | 0, value + 1);
    this.used += 1;
  }

  /** The first number added with `key` (as `keyOf` reads it back now), or undefined. */
  find(key: string, keyOf: (value: number) => string | undefined): number | undefined {
    const h = hash(key) | 0;
    for (let slot = h & this.mask; this.values[slot] !== 0; slot = (slot + 1) & this.mask) {
      const value = (this.values[slot] as number) - 1;
      if (this.hashes[slot] === h && keyOf(value) === key) return value;
    }
    return undefined;
  }

  /** The table's size in bytes. */
  get bytes(): number {
    return this.hashes.byteLength + this.values.byteLength;
  }

  private put(h: number, stored: number): void {
    let slot = h & this.mask;
    while (this.values[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hashes[slot] = h;
    this.values[slot] = stored;
  }

  /**
   * Twice the slots, every key moved by its hash. The keys of one hash keep their order along their
   * probe (each is put after those before it, from the old slots in order of the new probe's start),
   * so a key added twice is still found with its first number.
   */
  private grow(): void {
    const hashes = this.hashes;
    const values = this.values;
    const size = values.length * 2;
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    // A run of used slots may wrap past the end: start the moves after a free slot, so that every
    // run is moved in its order.
    let start = 0;
    while (values[start] !== 0) start += 1;
    for (let i = 1; i <= values.length; i += 1) {
      const slot = (start + i) % values.length;
      const stored = values[slot] as number;
      if (stored !== 0) this.put(hashes[slot] as number, stored);
    }
  }
}
