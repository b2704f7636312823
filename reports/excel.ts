import type ExcelJS from 'exceljs';
import { type AgencyConfig, type Department, departmentName } from '../core/agency.js';
import type { Entry, ModelExample, ModelStage } from '../core/domain.js';
import { MODEL_STAGES } from '../core/domain.js';
import { modelSubject } from '../core/figures.js';
import { actorShown } from '../core/identity.js';
import { countedUntil, formatDay, lastDay, type Period } from '../core/periods.js';
import type { RepositoryReads } from '../core/repository.js';
import { vi } from '../locales/vi.js';
import { type CellText, FONT, pageRoom, rowHeight, SIZE, shownText, TITLE_SIZE } from './paper.js';
import { BORDER, framedSheet, writeHeader } from './sheet-frame.js';
import { doc } from './vi.js';

const VN_OFFSET_MS = 7 * 3_600_000;
/**
 * Excel dates have no time zone: exceljs writes a Date's UTC fields, so the instant is shifted by
 * Vietnam's fixed UTC+7 to show the local date and time.
 */
export const excelDate = (iso: string) => new Date(Date.parse(iso) + VN_OFFSET_MS);
/** The day (in Vietnam) an instant falls on, as an Excel date: midnight of that day. */
export function excelDay(at: Date): Date {
  const local = excelDate(at.toISOString());
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}
export const DATE_TIME = 'dd/mm/yyyy hh:mm';
export const DATE = 'dd/mm/yyyy';

export interface Column {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
  /** Summed in the totals row: a SUM formula over the column, with its value for readers that do not calculate. */
  total?: 'sum';
}

/** What a printed sheet carries around its table. */
export interface SheetFrame {
  /** The issuing body (the Party document's header: the superior body, then the body, in capitals). */
  agency: AgencyConfig;
  /** What the table is, printed in capitals above it. */
  title: string;
  /** The line under the title: the period with its dates, the department. */
  subtitle?: string;
  /**
   * A totals row under the table: its label, in the first column that is not summed, and values of
   * its own for columns that are not sums (a rate, points per member).
   */
  totals?: { label: string; values?: Record<string, unknown> };
}

/**
 * The frames of one document's sheets: the same issuing body, and under each sheet's title the period
 * with its dates (and the department, for a department's file).
 */
export function framesFor(
  agency: AgencyConfig,
  period: Period,
  department: Department | undefined,
  now: Date | undefined,
): (title: string) => SheetFrame {
  const until = now && countedUntil(period, now);
  const subtitle = doc.sheetPeriod(
    vi.periodName(period),
    formatDay(period.start),
    formatDay(lastDay(period)),
    department?.name,
    until && formatDay(until),
  );
  return (title) => ({ agency, title, subtitle });
}

const BLOCK_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const BODY_FONT = { name: FONT, size: SIZE } as const;
const BOLD_FONT = { name: FONT, size: SIZE, bold: true } as const;

const BLOCK = Symbol('block');
/** A row that heads a block of the table (one person's criteria): its lines across the whole table. */
export interface BlockRow {
  [BLOCK]: { title: string; lines: readonly string[] };
}
/** A block's heading: the title in bold, then its lines, each across the whole table. */
export const blockRow = (title: string, ...lines: string[]): BlockRow => ({ [BLOCK]: { title, lines } });
export type SheetRow = Record<string, unknown> | BlockRow;
const isBlock = (row: SheetRow): row is BlockRow => BLOCK in row;

/**
 * A sheet ready to print on A4 at a size that reads (reports/paper.ts): portrait when the table fits
 * at full size, else landscape scaled only as far as one page wide needs, never under 9 pt; Times New
 * Roman; every row as tall as its wrapped text (LibreOffice grows no row by itself); pages numbered in
 * the footer; above the table the issuing body, the title and the period; the table's header row
 * bold, wrapped, frozen, filtered and repeated on every printed page; every cell bordered and wrapped;
 * numbers stay numbers and dates dates (a Date gets a date format); a totals row when asked for; a
 * block's heading (blockRow) across the table. On a streaming workbook (reports/xlsx.ts) each row is
 * written out as it is added, so the styles are set first.
 */
export function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: Iterable<SheetRow>,
  frame: SheetFrame,
): ExcelJS.Worksheet {
  const n = columns.length;
  const widths = columns.map((c) => c.width);
  const across = (from: number, span: number) => widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const r = frame.agency.report;
  const heading: { text: string; font: Partial<ExcelJS.Font>; span: number; left?: boolean }[] = [
    { text: r.superior.toUpperCase(), font: BODY_FONT, span: Math.min(n, 3), left: true },
    { text: r.body.toUpperCase(), font: BOLD_FONT, span: Math.min(n, 3), left: true },
    { text: frame.title.toUpperCase(), font: { name: FONT, bold: true, size: TITLE_SIZE }, span: n },
    ...(frame.subtitle ? [{ text: frame.subtitle, font: { ...BODY_FONT, italic: true }, span: n }] : []),
  ];
  const headerRow = heading.length + 2;
  const { ws, page } = framedSheet(book, name, { widths, headerRow, centered: true });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  // The column's own format too, so a row the clerk adds by hand shows the same.
  for (const [i, c] of columns.entries()) if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  let headingHeight = 0;
  for (const [i, line] of heading.entries()) {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = line.text;
    cell.font = line.font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (line.span > 1) ws.mergeCells(i + 1, 1, i + 1, line.span);
    row.height = rowHeight([{ text: line.text, width: across(0, line.span), ...line.font }]);
    headingHeight += row.height;
    row.commit();
  }
  const header = ws.getRow(headerRow);
  writeHeader(header, columns);
  header.commit();
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };

  // exceljs gives each cell a style object of its own and looks its style up by object: one object
  // per column, shared by its cells, saves rebuilding the same style for every cell (~1.5 M at 100k).
  const alignment = { vertical: 'top', wrapText: true } as const;
  const styles = columns.map(
    (c): Partial<ExcelJS.Style> => ({
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      font: BODY_FONT,
      border: BORDER,
      alignment,
    }),
  );
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: DATE, font: BODY_FONT, border: BORDER, alignment };
  const blockStyles = [BOLD_FONT, { ...BODY_FONT, italic: true }].map(
    (font): Partial<ExcelJS.Style> => ({ font, border: BORDER, alignment, fill: BLOCK_FILL }),
  );
  const total = across(0, n);
  const sums = columns.map(() => 0);
  let count = 0;
  let lastRow = headerRow;
  // Where LibreOffice will break the pages (every row's height is set, so it can be followed): a
  // block (one person's criteria) that would not fit on what is left of a page starts the next one,
  // unless it is longer than a page — then only its heading is kept with its first row.
  const room = pageRoom(page);
  const headerHeight = header.height;
  // The heading, the blank row under it (15 pt, the sheet's default), the table's header.
  let used = headingHeight + 15 + headerHeight;
  let pending: ExcelJS.Row | undefined;
  const place = (height: number) => {
    used = used + height > room ? headerHeight + height : used + height;
  };
  const addRow = (values: unknown[], height: number): ExcelJS.Row => {
    pending?.commit();
    const added = ws.addRow(values);
    added.height = height;
    place(height);
    lastRow = added.number;
    pending = added;
    return added;
  };
  const dataRow = (row: Record<string, unknown>) => {
    const values = columns.map((c) => row[c.key] ?? null);
    const cells = values.map((value, i) => ({
      text: shownText(value, columns[i]?.numFmt),
      width: columns[i]?.width ?? 0,
    }));
    return { values, height: rowHeight(cells) };
  };
  const writeData = (row: { values: unknown[]; height: number }) => {
    const added = addRow(row.values, row.height);
    for (let i = 0; i < n; i += 1) {
      const cell = added.getCell(i + 1);
      const value = cell.value;
      cell.style = (value instanceof Date && !columns[i]?.numFmt ? dateStyle : styles[i]) as ExcelJS.Style;
      if (typeof value === 'number') sums[i] = (sums[i] as number) + value;
    }
    count += 1;
  };
  let block:
    | { lines: { text: string; height: number }[]; rows: { values: unknown[]; height: number }[] }
    | undefined;
  const writeBlock = () => {
    if (!block) return;
    const lines = block.lines.reduce((sum, l) => sum + l.height, 0);
    const whole = lines + block.rows.reduce((sum, r) => sum + r.height, 0);
    const start = lines + (block.rows[0]?.height ?? 0);
    const fresh = used <= headerHeight;
    if (!fresh && pending && ((used + whole > room && whole <= room - headerHeight) || used + start > room)) {
      pending.addPageBreak();
      used = headerHeight;
    }
    for (const [i, line] of block.lines.entries()) {
      const added = addRow([line.text], line.height);
      const style = blockStyles[Math.min(i, 1)] as ExcelJS.Style;
      for (let c = 1; c <= n; c += 1) added.getCell(c).style = style;
      ws.mergeCells(added.number, 1, added.number, n);
    }
    for (const row of block.rows) writeData(row);
    block = undefined;
  };
  for (const row of rows) {
    if (isBlock(row)) {
      writeBlock();
      const { title, lines } = row[BLOCK];
      block = {
        lines: [title, ...lines].map((text, i) => ({
          text,
          height: rowHeight([{ text, width: total, bold: i === 0 }]),
        })),
        rows: [],
      };
    } else if (block) block.rows.push(dataRow(row));
    else writeData(dataRow(row));
  }
  writeBlock();
  pending?.commit();
  if (frame.totals) {
    const first = headerRow + 1;
    const last = lastRow;
    const labelAt = Math.max(
      0,
      columns.findIndex((c) => !c.total && !(c.key in (frame.totals?.values ?? {}))),
    );
    const totals = ws.addRow([]);
    const cells: CellText[] = [];
    for (const [i, c] of columns.entries()) {
      const cell = totals.getCell(i + 1);
      const letter = ws.getColumn(i + 1).letter;
      if (i === labelAt) cell.value = frame.totals.label;
      else if (c.total === 'sum') {
        const result = Math.round((sums[i] as number) * 100) / 100;
        cell.value = count > 0 ? { formula: `SUM(${letter}${first}:${letter}${last})`, result } : 0;
      } else if (frame.totals.values && c.key in frame.totals.values) {
        cell.value = frame.totals.values[c.key] as ExcelJS.CellValue;
      }
      cell.style = { ...styles[i], font: BOLD_FONT };
      cells.push({ text: shownText(cell.value, c.numFmt), width: c.width, bold: true });
    }
    totals.height = rowHeight(cells);
    totals.commit();
  }
  ws.commit();
  return ws;
}

/** Who made the decision in force (none once the Council reopened the entry), and a rejection's reason. */
export function reviewerOf(store: RepositoryReads, entry: Entry): { reviewer: string; reason: string } {
  const last = entry.history.findLast(
    (h) => h.action === 'approved' || h.action === 'rejected' || h.action === 'reopened',
  );
  const decision = last?.action === 'reopened' ? undefined : last;
  return {
    reviewer: decision ? doc.actor(actorShown(store, decision.by)) : '',
    reason: decision?.action === 'rejected' ? (decision.note ?? '') : '',
  };
}

export const MODEL_COLUMNS: readonly Column[] = [
  // Landscape, full size: 134 units of 141.
  { header: doc.columns.no, key: 'no', width: 6 },
  { header: doc.columns.modelKind, key: 'kind', width: 12 },
  { header: doc.columns.subject, key: 'subject', width: 24 },
  { header: doc.columns.proposal, key: 'reason', width: 36 },
  { header: doc.columns.stage, key: 'stage', width: 12 },
  ...MODEL_STAGES.map((stage) => ({
    header: doc.columns.stageDate(vi.models.stages[stage]),
    key: stage,
    width: 11,
    numFmt: DATE,
  })),
];

/** One row per model example, at the stage it had reached by the period's end. */
export function modelRows(
  store: RepositoryReads,
  agency: AgencyConfig,
  models: readonly ModelExample[],
  stageOf: (m: ModelExample) => ModelStage | undefined,
): Record<string, unknown>[] {
  return models.map((m) => {
    const s = m.subject;
    const about = modelSubject(store, m);
    const subject =
      s.kind === 'department'
        ? departmentName(agency, s.departmentId, vi)
        : s.kind === 'member'
          ? (store.member(s.memberId)?.fullName ?? s.memberId)
          : `${s.code} — ${store.member(about.memberId ?? '')?.fullName ?? ''}`;
    const stage = stageOf(m) ?? m.stage;
    const row: Record<string, unknown> = {
      no: m.no,
      kind: doc.modelKinds[s.kind],
      subject,
      reason: m.reason,
      stage: vi.models.stages[stage],
    };
    const shown = MODEL_STAGES.slice(0, MODEL_STAGES.indexOf(stage) + 1);
    for (const st of MODEL_STAGES) {
      const reached = shown.includes(st) ? m.stages.find((x) => x.stage === st) : undefined;
      row[st] = reached ? excelDate(reached.at) : null;
    }
    return row;
  });
}
