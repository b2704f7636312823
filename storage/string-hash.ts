/** FNV-1a over a string's UTF-16 units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/**
 * Strings found by number without keeping them: each key is added with a number (what the caller
 * reads it back by), and a search compares the key the caller reads back for each number whose
 * hash matches — two typed arrays, where a Map of 100k keys holds their strings (~16 MB). A key
 * added twice is found with the number added first.
 */
export class StringHash {
  private readonly hashes: Int32Array;
  /** The number added, plus one: 0 marks a free slot. */
  private readonly values: Int32Array;
  private readonly mask: number;

  /** Room for `capacity` keys (the table is twice that, so a search probes a slot or two). */
  constructor(capacity: number) {
    const size = 2 ** Math.max(4, Math.ceil(Math.log2(capacity * 2 + 1)));
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  add(key: string, value: number): void {
    const h = hash(key) | 0;
    let slot = h & this.mask;
    while (this.values[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hashes[slot] = h;
    this.values[slot] = value + 1;
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
}
