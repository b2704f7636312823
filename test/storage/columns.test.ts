import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, StringColumn, utf16Length } from '../../storage/columns.js';

/**
 * A string column read one row at a time (StringColumn.one): a member's entries lie in every chunk of
 * a year's texts, and each of their strings is decoded on its own — the same string `get` gives, no
 * chunk decoded whole. A UTF-8 block counts its ends in UTF-16 code units: the row's bytes are found
 * from marks a few rows apart.
 */
function utf8Column(strings: string[], offset = 0) {
  const bytes = Buffer.from(strings.join(''), 'utf8');
  // The block at any alignment in its memory, as a snapshot's section may lie.
  const block = Buffer.alloc(bytes.length + offset + 8).subarray(offset, offset + bytes.length);
  bytes.copy(block);
  const ends = new Uint32Array(strings.length);
  let units = 0;
  for (const [i, s] of strings.entries()) {
    units += s.length;
    ends[i] = units;
  }
  const chunks = new Uint32Array(Math.ceil(strings.length / CHUNK_ROWS));
  for (let g = 1; g < chunks.length; g += 1) {
    chunks[g] = Buffer.byteLength(strings.slice(0, g * CHUNK_ROWS).join(''), 'utf8');
  }
  expect(utf16Length(block)).toBe(units);
  return new StringColumn({ block, encoding: 'utf8', ends, chunks, added: ['thêm 😀'] });
}

describe('a string column read a row at a time', () => {
  const pieces = ['', 'a', 'Tiếng Việt có dấu', '😀', 'ab😀😀cd', 'x'.repeat(37), 'ờ', '\u00a0#baucu.'];
  const strings = Array.from(
    { length: CHUNK_ROWS * 2 + 123 },
    (_, i) => `${pieces[i % pieces.length]}${i % 5 ? i : ''}`,
  );

  it('gives each row’s string, in any order, at any alignment, without decoding a chunk whole', () => {
    for (const offset of [0, 1, 2, 3]) {
      const column = utf8Column(strings, offset);
      const rows = [...strings.keys()].reverse().filter((i) => i % 3 === offset % 3);
      for (const i of rows) expect(column.one(i)).toBe(strings[i]);
      expect(column.one(strings.length)).toBe('thêm 😀');
      expect(column.decodes).toBe(0);
      // Its marks made ahead (the store's warm-up), the same strings.
      const warmed = utf8Column(strings, offset);
      while (warmed.markNext()) {}
      for (const i of rows) expect(warmed.one(i)).toBe(strings[i]);
      // A chunk decoded already is read from.
      expect(column.get(5)).toBe(strings[5]);
      expect(column.decodes).toBe(1);
      expect(column.one(6)).toBe(strings[6]);
      expect(column.decodes).toBe(1);
    }
  });

  it('reads Latin-1 and UTF-16 blocks by their ends alone', () => {
    const latin = ['2026-03-02T01:00:00.000Z', '', 'telegram:-100:1'];
    const ends = new Uint32Array([24, 24, 39]);
    const column = new StringColumn({
      block: Buffer.from(latin.join(''), 'latin1'),
      encoding: 'latin1',
      ends,
      added: [],
    });
    const wide = ['a\ud800', 'b', '😀'];
    const utf16 = new StringColumn({
      block: Buffer.from(wide.join(''), 'utf16le'),
      encoding: 'utf16le',
      ends: new Uint32Array([2, 3, 5]),
      added: [],
    });
    expect([2, 0, 1].map((i) => column.one(i))).toEqual([latin[2], latin[0], latin[1]]);
    expect([2, 0, 1].map((i) => utf16.one(i))).toEqual([wide[2], wide[0], wide[1]]);
    expect(column.decodes + utf16.decodes).toBe(0);
  });
});
