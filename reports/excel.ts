import type ExcelJS from 'exceljs';
import type { AgencyConfig, Department } from '../core/agency.js';
import type { Entry, ModelExample, ModelStage } from '../core/domain.js';
import { MODEL_STAGES } from '../core/domain.js';
import { countedUntil, formatDay, lastDay, type Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import { fold } from '../core/text.js';
import { vi } from '../locales/vi.js';
import { modelSubject } from './figures.js';
import { doc } from './vi.js';

/** A file name in plain ASCII: `tong-hop-thi-dua-thang-11-2026.xlsx`. */
export function fileName(...parts: string[]): string {
  return fold(parts.join(' '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

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

/** A4 in exceljs's (and Excel's) paper size numbering. */
const A4 = 9;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;

/**
 * A sheet ready to print: A4 landscape, one page wide (as many pages tall as it needs), pages numbered
 * in the footer; above the table the issuing body, the title and the period; the table's header row
 * bold, wrapped, frozen, filtered and repeated on every printed page; every cell bordered and wrapped;
 * numbers stay numbers and dates dates (a Date gets a date format); a totals row when asked for.
 * On a streaming workbook (reports/xlsx.ts) each row is written out as it is added, so the styles are
 * set first.
 */
export function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: Iterable<Record<string, unknown>>,
  frame: SheetFrame,
): ExcelJS.Worksheet {
  const n = columns.length;
  const r = frame.agency.report;
  const heading: { text: string; font: Partial<ExcelJS.Font>; span: number; left?: boolean }[] = [
    { text: r.superior.toUpperCase(), font: {}, span: Math.min(n, 3), left: true },
    { text: r.body.toUpperCase(), font: { bold: true }, span: Math.min(n, 3), left: true },
    { text: frame.title.toUpperCase(), font: { bold: true, size: 13 }, span: n },
    ...(frame.subtitle ? [{ text: frame.subtitle, font: { italic: true }, span: n }] : []),
  ];
  const headerRow = heading.length + 2;
  const ws = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N', evenFooter: '&CTrang &P/&N' },
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  // The column's own format too, so a row the clerk adds by hand shows the same.
  for (const [i, c] of columns.entries()) if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  for (const [i, line] of heading.entries()) {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = line.text;
    cell.font = line.font;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    if (line.span > 1) ws.mergeCells(i + 1, 1, i + 1, line.span);
    row.commit();
  }
  const header = ws.getRow(headerRow);
  for (const [i, c] of columns.entries()) {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDER,
      fill: HEADER_FILL,
    };
  }
  header.commit();
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };

  // exceljs gives each cell a style object of its own and looks its style up by object: one object
  // per column, shared by its cells, saves rebuilding the same style for every cell (~1.5 M at 100k).
  const alignment = { vertical: 'top', wrapText: true } as const;
  const styles = columns.map(
    (c): Partial<ExcelJS.Style> => ({
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      border: BORDER,
      alignment,
    }),
  );
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: DATE, border: BORDER, alignment };
  const sums = columns.map(() => 0);
  let count = 0;
  for (const row of rows) {
    const added = ws.addRow(columns.map((c) => row[c.key] ?? null));
    for (let i = 0; i < n; i += 1) {
      const cell = added.getCell(i + 1);
      const value = cell.value;
      cell.style = (value instanceof Date && !columns[i]?.numFmt ? dateStyle : styles[i]) as ExcelJS.Style;
      if (typeof value === 'number') sums[i] = (sums[i] as number) + value;
    }
    added.commit();
    count += 1;
  }
  if (frame.totals) {
    const first = headerRow + 1;
    const last = headerRow + count;
    const labelAt = Math.max(
      0,
      columns.findIndex((c) => !c.total && !(c.key in (frame.totals?.values ?? {}))),
    );
    const totals = ws.addRow([]);
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
      cell.style = { ...styles[i], font: { bold: true } };
    }
    totals.commit();
  }
  ws.commit();
  return ws;
}

export function departmentName(agency: AgencyConfig, id: string): string {
  return agency.departments.find((d) => d.id === id)?.name ?? vi.unknownDepartmentName(id);
}

/** Who made the decision in force (none once the Council reopened the entry), and a rejection's reason. */
export function reviewerOf(store: Repository, entry: Entry): { reviewer: string; reason: string } {
  const last = entry.history.findLast(
    (h) => h.action === 'approved' || h.action === 'rejected' || h.action === 'reopened',
  );
  const decision = last?.action === 'reopened' ? undefined : last;
  return {
    reviewer: decision ? (store.member(decision.by)?.fullName ?? decision.by) : '',
    reason: decision?.action === 'rejected' ? (decision.note ?? '') : '',
  };
}

export const MODEL_COLUMNS: readonly Column[] = [
  { header: doc.columns.no, key: 'no', width: 6 },
  { header: doc.columns.modelKind, key: 'kind', width: 16 },
  { header: doc.columns.subject, key: 'subject', width: 34 },
  { header: doc.columns.proposal, key: 'reason', width: 50 },
  { header: doc.columns.stage, key: 'stage', width: 16 },
  ...MODEL_STAGES.map((stage) => ({
    header: doc.columns.stageDate(vi.models.stages[stage]),
    key: stage,
    width: 14,
    numFmt: DATE,
  })),
];

/** One row per model example, at the stage it had reached by the period's end. */
export function modelRows(
  store: Repository,
  agency: AgencyConfig,
  models: readonly ModelExample[],
  stageOf: (m: ModelExample) => ModelStage | undefined,
): Record<string, unknown>[] {
  return models.map((m) => {
    const s = m.subject;
    const about = modelSubject(store, m);
    const subject =
      s.kind === 'department'
        ? departmentName(agency, s.departmentId)
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
