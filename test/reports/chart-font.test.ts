import { readFile } from 'node:fs/promises';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, FontMetrics, type Weight } from '../../reports/chart-font.js';
import { VIETNAMESE_LETTERS } from './vietnamese.js';

const WEIGHTS: Weight[] = [400, 600, 700];

async function both(weight: Weight) {
  const data = await readFile(FONT_FILES[weight]);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  return { ours: FontMetrics.parse(data), reference: opentype.parse(buffer) };
}

describe.each(WEIGHTS)('the shipped font, weight %i', (weight) => {
  it('has a glyph for every Vietnamese letter, in opentype.js’s reading of it', async () => {
    const { reference } = await both(weight);
    const missing = VIETNAMESE_LETTERS.filter((letter) => reference.charToGlyphIndex(letter) === 0);
    expect(missing).toEqual([]);
  });

  it('is measured as opentype.js measures it, glyph by glyph', async () => {
    const { ours, reference } = await both(weight);
    const sample = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCodePoint(32 + i)),
      ...VIETNAMESE_LETTERS,
      ...'…–—·•€\u00a0\u0300\u0301\u0303\u0309\u0323',
      ...'😀中ж\u{10FFFD}',
    ];
    for (const char of sample) {
      const code = char.codePointAt(0) ?? 0;
      const glyph = reference.charToGlyphIndex(char);
      expect({ char, has: ours.has(code) }).toEqual({ char, has: glyph !== 0 });
      const advance = (reference.glyphs.get(glyph).advanceWidth ?? 0) / reference.unitsPerEm;
      expect({ char, advance: ours.advance(code) }).toEqual({ char, advance });
    }
    expect(ours.width('Phòng Tổ chức đảng', 20)).toBeGreaterThan(0);
  });
});
