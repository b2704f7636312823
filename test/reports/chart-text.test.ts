import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../reports/chart-font.js';
import { balancedLines, drawable, ellipsise, escapeXml, fitLines } from '../../reports/chart-text.js';

/** One unit per code point: easy widths to reason about. */
const count = (text: string) => [...text].length;

describe('ellipsise', () => {
  it('keeps text that fits', () => {
    expect(ellipsise('Phòng Cán bộ', count, 12)).toBe('Phòng Cán bộ');
  });

  it('cuts between graphemes, so a combining mark stays with its letter', () => {
    // Q̃ is two code points; a cut by code points would leave "Q̃Q̃Q…".
    expect(ellipsise('Q\u0303'.repeat(10), count, 6)).toBe('Q\u0303Q\u0303…');
    expect(ellipsise('👨‍👩‍👧👨‍👩‍👧', count, 4)).toBe('…');
  });

  it('drops the space before the ellipsis', () => {
    expect(ellipsise('Lê Hoàng Yến', count, 10)).toBe('Lê Hoàng…');
  });
});

describe('fitLines', () => {
  it('breaks at spaces and ends the last line with an ellipsis when the text is too long', () => {
    expect(fitLines('một hai ba bốn năm sáu', count, 7, 2)).toEqual(['một hai', 'ba bốn…']);
    expect(fitLines('một hai ba', count, 10, 2)).toEqual(['một hai ba']);
  });

  it('cuts a word wider than a line', () => {
    expect(fitLines('Nguyễnnnnnnn Văn', count, 6, 2)).toEqual(['Nguyễ…']);
  });

  it('evens the lines out when balanced', () => {
    expect(fitLines('aaa bbb ccc ddd e', count, 15, 2)).toEqual(['aaa bbb ccc ddd', 'e']);
    expect(balancedLines('aaa bbb ccc ddd e', count, 15, 2)).toEqual(['aaa bbb', 'ccc ddd e']);
  });
});

describe('drawable', () => {
  it('composes letters, turns control characters into spaces and drops what the font cannot draw', async () => {
    const fonts = await loadFonts();
    const text = ' Nguye\u0302\u0303n\u0000Văn\u202e \tAn 😀👍🏽 中文 ';
    expect(drawable(text, fonts[400])).toBe('Nguyễn Văn An');
  });

  it('keeps a letter decomposed when the font has its base and marks but not the composed glyph', () => {
    const font = { has: (code: number) => code !== 0x1ec5 && code !== 0x1ec7 }; // no ễ, no ệ
    expect(drawable('Nguyễn', font)).toBe('Nguye\u0302\u0303n');
    // Neither ệ nor the combining marks: the letter goes, marks and all.
    const bare = { has: (code: number) => code < 0x300 || (code > 0x36f && code !== 0x1ec7) };
    expect(drawable('Việt', bare)).toBe('Vit');
  });
});

it('escapes markup and both quotes for SVG', () => {
  expect(escapeXml(`<b>"Lan" & 'Hoa'</b>`)).toBe('&lt;b&gt;&quot;Lan&quot; &amp; &apos;Hoa&apos;&lt;/b&gt;');
});
