// opentype.js 2 ships no types; these are the few members the font tests read.
declare module 'opentype.js' {
  interface Glyph {
    advanceWidth?: number;
  }
  interface Font {
    unitsPerEm: number;
    charToGlyphIndex(char: string): number;
    glyphs: { get(index: number): Glyph };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
