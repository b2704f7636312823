/*
 * The print geometry of every spreadsheet the bot makes, in one place: the font, how many lines a
 * cell's text wraps to in its column, how tall its row must be, and how a sheet goes on A4.
 *
 * LibreOffice 7.4 grows no row for wrapped text unless the file sets its height, so each row's height
 * is computed here from the text and the column's width. Measured with LibreOffice 7.4 and the fonts
 * Debian has in Times New Roman's and Calibri's place (fonts-liberation, fonts-crosextra-carlito):
 * - one unit of column width is 5.55 pt on paper (the width of a digit of the workbook's default
 *   font, Calibri 11, with its padding), less about 2 pt of cell padding for the text;
 * - a line of Times New Roman takes 1.11 × its size (Liberation Serif's ascent and descent);
 * - the characters' widths are Liberation Serif's (metric-compatible with Times New Roman), in
 *   thousandths of the size; a Vietnamese letter is as wide as its base letter.
 * A4 less the margins below holds 141 units across in landscape, 96 in portrait.
 */

/** The font of every sheet: Times New Roman, as the agency's documents. */
export const FONT = 'Times New Roman';
/** The body's size; the table's header is bold at the same size, the title larger. */
export const SIZE = 11;
export const TITLE_SIZE = 13;
/** No text prints smaller than this, whatever the scale. */
export const MIN_PRINTED = 9;

/** Page margins in inches (exceljs's unit). */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const POINTS_PER_UNIT = 5.55;
const CELL_PADDING = 3;
const LANDSCAPE_UNITS = Math.floor((841.9 - 72 * (MARGINS.left + MARGINS.right)) / POINTS_PER_UNIT);
const PORTRAIT_UNITS = Math.floor((595.3 - 72 * (MARGINS.left + MARGINS.right)) / POINTS_PER_UNIT);

// Liberation Serif's advance widths for U+0020…U+007E, regular and bold, in thousandths of the size.
// biome-ignore format: a table
const REGULAR = [250,333,408,500,500,833,778,180,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500,278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,333,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444,480,200,480,541];
// biome-ignore format: a table
const BOLD = [250,333,555,500,500,1000,833,278,333,333,500,570,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,570,570,570,500,930,722,667,722,722,667,611,778,778,389,500,778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,333,278,333,581,500,333,500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,722,500,500,444,394,220,394,520];
/** Letters outside ASCII whose base letter is not theirs, and common punctuation. */
const OTHER: Record<string, number> = {
  đ: 556,
  Đ: 722,
  ơ: 554,
  ư: 600,
  Ơ: 778,
  Ư: 796,
  '–': 500,
  '—': 1000,
  '“': 500,
  '”': 500,
  '‘': 333,
  '’': 333,
  '…': 1000,
  '≥': 564,
  '≤': 564,
};

/** The width of one character in thousandths of the size (bold's table when `bold`; unknowns as wide as an M). */
function charWidth(ch: string, bold: boolean): number {
  const other = OTHER[ch];
  if (other !== undefined) return other;
  const base = ch.normalize('NFD')[0] ?? ch;
  const code = base.codePointAt(0) ?? 77;
  const table = bold ? BOLD : REGULAR;
  return code >= 32 && code < 127 ? (table[code - 32] as number) : 889;
}

/** The width of a text in points. */
export function textWidth(text: string, size = SIZE, bold = false): number {
  let sum = 0;
  for (const ch of text) sum += charWidth(ch, bold);
  return (sum * size) / 1000;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
}

/**
 * How many lines `text` takes in a cell `width` units wide (or several merged columns' widths):
 * words wrapped as LibreOffice wraps them, a word longer than the line broken where it must be,
 * each line break of the text a new line.
 */
export function linesIn(text: string, width: number, style: TextStyle = {}): number {
  const size = style.size ?? SIZE;
  const bold = style.bold ?? false;
  // A little less than the cell, so a line that just fits by the estimate still fits on paper.
  const room = width * POINTS_PER_UNIT - CELL_PADDING - 0.03 * width * POINTS_PER_UNIT;
  const space = textWidth(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ').filter(Boolean)) {
      // A line may also break after a hyphen or a slash (`01/2024/TT-BNV`), as LibreOffice breaks.
      for (const [i, part] of word.split(/(?<=[-/])/).entries()) {
        const gap = i === 0 && used > 0 ? space : 0;
        const w = textWidth(part, size, bold);
        if (used > 0 && used + gap + w <= room) {
          used += gap + w;
          continue;
        }
        if (used > 0) lines += 1;
        // A part wider than the line is broken across lines.
        const extra = Math.max(0, Math.ceil(w / room) - 1);
        lines += extra;
        used = w - extra * room;
      }
    }
  }
  return lines;
}

/** A line's height in points for a font size. */
export const lineHeight = (size = SIZE) => Math.ceil(size * 1.11 * 4) / 4 + 0.5;

/** A cell as the row-height computation sees it: its text, its width in units (merged columns summed), its style. */
export interface CellText extends TextStyle {
  text: string;
  width: number;
}

/** The height in points a row needs so that each of its cells' wrapped text shows whole. */
export function rowHeight(cells: readonly CellText[]): number {
  let height = lineHeight(SIZE);
  for (const cell of cells) {
    if (!cell.text) continue;
    const lines = linesIn(cell.text, cell.width, cell);
    height = Math.max(height, lines * lineHeight(cell.size ?? SIZE));
  }
  return Math.ceil(height + 3);
}

/** The text a cell shows, for measuring: numbers as they are, dates in the sheet's format. */
export function shownText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return numFmt?.includes('hh') ? '00/00/0000 00:00' : '00/00/0000';
  if (typeof value === 'object' && 'result' in (value as object))
    return shownText((value as { result: unknown }).result, numFmt);
  if (typeof value === 'number') return numFmt?.includes('%') ? `${Math.round(value * 100)}%` : String(value);
  return String(value);
}

/**
 * How a sheet of columns `widths` units wide goes on A4: portrait when it fits at full size, else
 * landscape, scaled down only as far as needed for one page wide — never below MIN_PRINTED for
 * `size`. Throws for a table so wide it would print smaller: its columns must be fewer or narrower.
 */
export function pageFor(
  widths: readonly number[],
  size = SIZE,
): { orientation: 'portrait' | 'landscape'; scale: number } {
  const total = widths.reduce((sum, w) => sum + w, 0);
  if (total <= PORTRAIT_UNITS) return { orientation: 'portrait', scale: 100 };
  const scale = Math.min(100, Math.floor((LANDSCAPE_UNITS / total) * 100));
  if ((scale * size) / 100 < MIN_PRINTED)
    throw new Error(`a table ${total} units wide would print at ${(scale * size) / 100} pt`);
  return { orientation: 'landscape', scale };
}

/**
 * The height a page holds, in the sheet's points (before its scale): A4 less the top and bottom
 * margins (LibreOffice puts the header and footer inside them), a little kept spare.
 */
export function pageRoom(page: { orientation: 'portrait' | 'landscape'; scale: number }): number {
  const height = page.orientation === 'portrait' ? 841.9 : 595.3;
  return ((height - 72 * (MARGINS.top + MARGINS.bottom)) * 100 * 0.98) / page.scale;
}

/** The footer of every printed sheet: the page number, at the body's size. */
export const footer = (size = SIZE) => `&C&"${FONT},Regular"&${size}Trang &P/&N`;
