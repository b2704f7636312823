import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The one font every picture is drawn with: Be Vietnam Pro (SIL OFL 1.1), shipped as TTF files by
 * the npm package @expo-google-fonts/be-vietnam-pro. It covers every Vietnamese letter, precomposed
 * (ả … ỹ, Ả … Ỹ, đ Đ) and as combining marks, and nothing is downloaded at run time.
 */
export const FONT_FAMILY = 'Be Vietnam Pro';

export type Weight = 400 | 600 | 700;

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/be-vietnam-pro';

/** Absolute paths of the weights the pictures use (the package has no `exports` map). */
export const FONT_FILES: Readonly<Record<Weight, string>> = {
  400: require.resolve(`${PACKAGE}/400Regular/BeVietnamPro_400Regular.ttf`),
  600: require.resolve(`${PACKAGE}/600SemiBold/BeVietnamPro_600SemiBold.ttf`),
  700: require.resolve(`${PACKAGE}/700Bold/BeVietnamPro_700Bold.ttf`),
};

/**
 * Horizontal metrics of one TrueType font: which code points it draws and how wide they are. Layout
 * needs only this (to wrap and ellipsise names), so it reads the four tables involved (head, hhea,
 * hmtx, cmap) instead of loading a whole font engine (opentype.js or fontkit: ~150–250 ms and ~20 MB
 * on first use). Kerning is ignored, so a measured width is at most a little wider than the drawn one.
 */
export class FontMetrics {
  private readonly cache = new Map<number, number>();

  private constructor(
    private readonly unitsPerEm: number,
    private readonly advances: Uint16Array,
    private readonly glyphOf: (codePoint: number) => number,
  ) {}

  static parse(data: Uint8Array): FontMetrics {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const tables = new Map<string, number>();
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const record = 12 + 16 * i;
      const tag = String.fromCharCode(...data.subarray(record, record + 4));
      tables.set(tag, view.getUint32(record + 8));
    }
    const table = (tag: string): number => {
      const offset = tables.get(tag);
      if (offset === undefined) throw new Error(`font has no ${tag} table`);
      return offset;
    };
    const unitsPerEm = view.getUint16(table('head') + 18);
    const numberOfHMetrics = view.getUint16(table('hhea') + 34);
    const hmtx = table('hmtx');
    const advances = new Uint16Array(numberOfHMetrics);
    for (let g = 0; g < numberOfHMetrics; g++) advances[g] = view.getUint16(hmtx + 4 * g);
    return new FontMetrics(unitsPerEm, advances, cmapLookup(view, table('cmap')));
  }

  /** Whether the font has a glyph for this code point (glyph 0 is .notdef, the empty box). */
  has(codePoint: number): boolean {
    return this.glyphOf(codePoint) !== 0;
  }

  /** The advance of one code point, in ems. */
  advance(codePoint: number): number {
    let em = this.cache.get(codePoint);
    if (em === undefined) {
      const glyph = this.glyphOf(codePoint);
      // Glyphs past numberOfHMetrics share the last advance (OpenType hmtx).
      const units = this.advances[Math.min(glyph, this.advances.length - 1)] ?? 0;
      em = units / this.unitsPerEm;
      this.cache.set(codePoint, em);
    }
    return em;
  }

  /** The width of a string at a font size, in the same unit as the size. */
  width(text: string, size: number): number {
    let em = 0;
    for (const char of text) em += this.advance(char.codePointAt(0) ?? 0);
    return em * size;
  }
}

/**
 * A cmap lookup from the font's Unicode format 4 subtable (the Basic Multilingual Plane, where every
 * Vietnamese letter is; a code point beyond it counts as missing).
 */
function cmapLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const subtable = cmap + view.getUint32(record + 4);
    const unicode = platform === 0 || (platform === 3 && encoding === 1);
    if (unicode && view.getUint16(subtable) === 4) return format4Lookup(view, subtable);
  }
  throw new Error('font has no Unicode cmap subtable of format 4');
}

function format4Lookup(view: DataView, subtable: number): (codePoint: number) => number {
  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > view.getUint16(ends + 2 * i)) continue;
      const start = view.getUint16(starts + 2 * i);
      if (codePoint < start) return 0;
      const delta = view.getInt16(deltas + 2 * i);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      // idRangeOffset counts from its own position in the array (OpenType cmap format 4).
      const glyph = view.getUint16(rangeOffsets + 2 * i + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

export type Fonts = Readonly<Record<Weight, FontMetrics>>;

let loading: Promise<Fonts> | undefined;

/** The metrics of every weight, read once (about 400 KB of files) on first use. */
export function loadFonts(): Promise<Fonts> {
  loading ??= (async () => {
    const read = async (weight: Weight) => FontMetrics.parse(await readFile(FONT_FILES[weight]));
    const [regular, semibold, bold] = await Promise.all([read(400), read(600), read(700)]);
    return { 400: regular, 600: semibold, 700: bold };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
