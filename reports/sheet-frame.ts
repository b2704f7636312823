import type ExcelJS from 'exceljs';
import { FONT, footer, MARGINS, pageFor, rowHeight, SIZE } from './paper.js';

/*
 * The frame of every printed sheet, in one place: a worksheet set up to print on A4 as
 * reports/paper.ts lays it out (orientation and scale from the columns' widths, the margins, pages
 * numbered in the footer), its table's header row repeated on every page and frozen on screen, and
 * that header row's look (bold, centred, wrapped, bordered, grey). The sheets of reports/excel.ts
 * and the records workbook (reports/records-workbook.ts) are both made through it.
 */

/** A4 in exceljs's (and Excel's) paper size numbering. */
const A4 = 9;
const THIN = { style: 'thin' } as const;
/** Every cell of a table is bordered all round. */
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** The table's header row: light grey. */
export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;

export interface FrameOptions {
  /** The columns' widths, in units (reports/paper.ts). */
  widths: readonly number[];
  /** The body's font size: the smallest printed size and the footer's (default SIZE). */
  size?: number;
  /** The table's header row: frozen on screen and printed again at the top of every page. */
  headerRow?: number;
  /** Centred across the page. */
  centered?: boolean;
}

/**
 * A worksheet that prints on A4 at a size that reads (paper.ts's `pageFor`): returned with the page
 * it prints on, for paper.ts's `pageRoom`.
 */
export function framedSheet(
  book: ExcelJS.Workbook,
  name: string,
  options: FrameOptions,
): { ws: ExcelJS.Worksheet; page: ReturnType<typeof pageFor> } {
  const size = options.size ?? SIZE;
  const page = pageFor(options.widths, size);
  const row = options.headerRow;
  const ws = book.addWorksheet(name, {
    ...(row === undefined ? {} : { views: [{ state: 'frozen', ySplit: row }] }),
    pageSetup: {
      paperSize: A4,
      orientation: page.orientation,
      scale: page.scale,
      fitToPage: false,
      ...(options.centered ? { horizontalCentered: true } : {}),
      ...(row === undefined ? {} : { printTitlesRow: `${row}:${row}` }),
      margins: MARGINS,
    },
    headerFooter: { oddFooter: footer(size), evenFooter: footer(size) },
  });
  return { ws, page };
}

/** The style of a table's header cell at `size`. */
export const headerStyle = (size = SIZE): Pick<ExcelJS.Style, 'font' | 'alignment' | 'border' | 'fill'> => ({
  font: { name: FONT, size, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
  fill: HEADER_FILL,
});

/**
 * A table's header row: each column's title in the header style, the row as tall as the longest
 * wrapped title (LibreOffice grows no row by itself).
 */
export function writeHeader(
  row: ExcelJS.Row,
  columns: readonly { header: string; width: number }[],
  size = SIZE,
): void {
  for (const [i, c] of columns.entries()) {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    // A style of its own: exceljs sets a column's number format through its cells' style objects.
    cell.style = headerStyle(size);
  }
  row.height = rowHeight(columns.map((c) => ({ text: c.header, width: c.width, size, bold: true })));
}
