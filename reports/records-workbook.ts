import ExcelJS from 'exceljs';
import type { AgencyConfig } from '../core/agency.js';
import type { RecordRow, RecordRows, RecordSheet } from '../core/reports.js';
import type { RepositoryReads } from '../core/repository.js';
import { fold } from '../core/text.js';
import { vi } from '../locales/vi.js';
import { FONT, rowHeight, shownText } from './paper.js';
import { framedSheet, headerStyle, writeHeader } from './sheet-frame.js';
import { guardExcel } from './xml-text.js';

guardExcel();

/** The records workbook is filled by hand and read on screen as much as on paper: 12 pt. */
const SIZE_12 = 12;

/*
 * The records workbook: the template the Office fills (`/nhaphoso mau`) and what an import reads back
 * from it (`/nhaphoso`), laid out in this one file — its sheets, their columns and their words. One
 * sheet per kind of record, the column titles on row 1, a sheet of instructions. The ratings sheet
 * comes filled with every member and department of the year, so the Office only writes the levels.
 * Vietnamese only: it is a document of the agency, filed as such.
 */

interface ColumnSpec {
  key: string;
  header: string;
  width: number;
  /** What it holds, for the instructions sheet. */
  help: string;
  /** A list Excel offers in the cell (and checks). */
  list?: string[];
  date?: boolean;
}

const ratingNames = Object.values(vi.records.ratings);
const formNames = Object.values(vi.records.forms);

/** Every sheet of the workbook: its name as the Office sees it, and its columns. */
export const RECORD_SHEETS: Record<RecordSheet, { name: string; about: string; columns: ColumnSpec[] }> = {
  ratings: {
    name: 'Xếp loại',
    about: 'Xếp loại chất lượng cuối năm của từng cá nhân, từng tập thể phòng (Quy định 366-QĐ/TW).',
    columns: [
      { key: 'year', header: 'Năm', width: 8, help: 'Năm được xếp loại, ví dụ 2026.' },
      {
        key: 'id',
        header: 'Mã',
        width: 9,
        help: 'Mã thành viên trên bot (m12) hoặc mã phòng (vp); để trống thì bot tìm theo họ và tên.',
      },
      {
        key: 'name',
        header: 'Họ và tên / Tập thể',
        width: 30,
        help: 'Họ và tên như đã đăng ký trên bot, hoặc tên phòng.',
      },
      { key: 'department', header: 'Phòng', width: 26, help: 'Để đối chiếu; bot không đọc cột này.' },
      {
        key: 'rating',
        header: 'Mức xếp loại',
        width: 30,
        help: `Một trong: ${ratingNames.join('; ')} (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV). Để trống: chưa xếp loại, dòng được bỏ qua.`,
        list: ratingNames,
      },
      {
        key: 'reason',
        header: 'Lý do đính chính',
        width: 30,
        help: 'Chỉ khi đổi một mức đã ghi trước đó: lý do đính chính.',
      },
    ],
  },
  disciplines: {
    name: 'Kỷ luật',
    about:
      'Kỷ luật của cá nhân (hoặc tập thể): hình thức, quyết định, thời hạn (Điều 4 Nghị định 152/2025/NĐ-CP).',
    columns: [
      { key: 'id', header: 'Mã', width: 9, help: 'Mã thành viên (m12) hoặc mã phòng; có thể để trống.' },
      {
        key: 'name',
        header: 'Họ và tên / Tập thể',
        width: 30,
        help: 'Họ và tên như đã đăng ký, hoặc tên phòng.',
      },
      {
        key: 'form',
        header: 'Hình thức',
        width: 16,
        help: `Một trong: ${formNames.join('; ')}.`,
        list: formNames,
      },
      { key: 'number', header: 'Số quyết định', width: 18, help: 'Ví dụ 15-QĐ/BTCTU.' },
      { key: 'date', header: 'Ngày quyết định', width: 14, help: 'Ngày/tháng/năm.', date: true },
      {
        key: 'body',
        header: 'Cơ quan ban hành',
        width: 24,
        help: 'Để trống: cơ quan (tên trong cấu hình của bot).',
      },
      { key: 'from', header: 'Hiệu lực từ ngày', width: 14, help: 'Để trống: ngày quyết định.', date: true },
      {
        key: 'until',
        header: 'Đến ngày',
        width: 14,
        help: 'Ngày hết thời hạn kỷ luật (ngày/tháng/năm), hoặc số tháng, ví dụ “12 tháng”.',
        date: true,
      },
      { key: 'note', header: 'Ghi chú', width: 24, help: 'Không bắt buộc.' },
    ],
  },
  initiatives: {
    name: 'Sáng kiến',
    about:
      'Sáng kiến được Hội đồng sáng kiến công nhận (quyết định công nhận là căn cứ xét Chiến sĩ thi đua cơ sở).',
    columns: [
      {
        key: 'authors',
        header: 'Tác giả',
        width: 30,
        help: 'Họ và tên (hoặc mã) của tác giả, nhiều người cách nhau bởi dấu phẩy.',
      },
      { key: 'name', header: 'Tên sáng kiến', width: 36, help: 'Tên sáng kiến như trong quyết định.' },
      {
        key: 'year',
        header: 'Năm',
        width: 8,
        help: 'Năm thi đua được xét; để trống: năm của ngày quyết định.',
      },
      { key: 'number', header: 'Số quyết định', width: 18, help: 'Số quyết định công nhận.' },
      { key: 'date', header: 'Ngày quyết định', width: 14, help: 'Ngày/tháng/năm.', date: true },
      { key: 'body', header: 'Cơ quan ban hành', width: 24, help: 'Để trống: cơ quan.' },
      {
        key: 'entry',
        header: 'Mã nội dung',
        width: 12,
        help: 'Không bắt buộc: mã sáng kiến đã ghi trên bot (SK12).',
      },
    ],
  },
  awards: {
    name: 'Khen thưởng',
    about:
      'Danh hiệu thi đua, hình thức khen thưởng đã nhận. Nhiều người cùng một quyết định: mỗi người một dòng, cùng số, ngày quyết định.',
    columns: [
      { key: 'id', header: 'Mã', width: 9, help: 'Mã thành viên (m12) hoặc mã phòng; có thể để trống.' },
      {
        key: 'name',
        header: 'Họ và tên / Tập thể',
        width: 30,
        help: 'Họ và tên như đã đăng ký, hoặc tên phòng.',
      },
      { key: 'year', header: 'Năm', width: 8, help: 'Năm của thành tích được khen thưởng.' },
      {
        key: 'kind',
        header: 'Loại',
        width: 12,
        help: 'Danh hiệu (danh hiệu thi đua) hoặc Hình thức (hình thức khen thưởng); để trống: bot tự nhận.',
        list: ['Danh hiệu', 'Hình thức'],
      },
      {
        key: 'award',
        header: 'Danh hiệu, hình thức',
        width: 32,
        help: 'Ví dụ: Lao động tiên tiến; Chiến sĩ thi đua cơ sở; Giấy khen của Trưởng Ban; Bằng khen của Chủ tịch UBND tỉnh.',
      },
      { key: 'number', header: 'Số quyết định', width: 18, help: 'Số quyết định khen thưởng.' },
      { key: 'date', header: 'Ngày quyết định', width: 14, help: 'Ngày/tháng/năm.', date: true },
      { key: 'body', header: 'Cơ quan ban hành', width: 24, help: 'Ví dụ: Ban Tổ chức Tỉnh ủy; UBND tỉnh.' },
      { key: 'signer', header: 'Người ký', width: 20, help: 'Không bắt buộc.' },
    ],
  },
};

/**
 * The template workbook for `year`: the instructions first, then one sheet per kind of record; the
 * ratings sheet lists every member (not left) and department, so only the levels are to write.
 */
export async function buildRecordsTemplate(
  ctx: { store: RepositoryReads; agency: AgencyConfig },
  year: number,
): Promise<Buffer> {
  const { store, agency } = ctx;
  const book = new ExcelJS.Workbook();
  book.creator = 'thidua-bot';
  book.created = new Date();

  const widths = [24, 72] as const;
  const help = framedSheet(book, 'Hướng dẫn', { widths, size: SIZE_12 }).ws;
  help.columns = widths.map((width, i) => ({ key: i ? 'b' : 'a', width }));
  // LibreOffice grows no row for wrapped text unless the file sets its height (reports/paper.ts).
  const line = (a: string, b = '', bold = false) => {
    const row = help.addRow([a, b]);
    row.font = { name: FONT, size: SIZE_12, bold };
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = rowHeight([
      { text: a, width: widths[0], size: SIZE_12, bold },
      { text: b, width: widths[1], size: SIZE_12, bold },
    ]);
  };
  line(`HỒ SƠ THI ĐUA NĂM ${year} — ${agency.agency.name.toUpperCase()}`, '', true);
  help.mergeCells(1, 1, 1, 2);
  help.getRow(1).height = rowHeight([
    { text: String(help.getCell(1, 1).value), width: widths[0] + widths[1], size: SIZE_12, bold: true },
  ]);
  line(
    'Cách dùng',
    'Mỗi trang tính là một loại hồ sơ; dòng 1 là tiêu đề cột, mỗi dòng sau là một hồ sơ. Điền xong, gửi tệp cho bot với chú thích /nhaphoso. Bot chỉ nhập khi mọi dòng đều hợp lệ; nếu có dòng chưa hợp lệ, bot trả lời số dòng và lý do, hồ sơ không thay đổi. Dòng đã có trong hồ sơ được nhận ra và bỏ qua, nên có thể gửi lại cả tệp.',
  );
  line(
    'Người, tập thể',
    'Ghi mã thành viên trên bot (xem /hoso hoặc trang Xếp loại) hoặc họ và tên như đã đăng ký; tập thể ghi tên phòng.',
  );
  line('Ngày', 'Ghi ngày/tháng/năm (20/12/2026) hoặc định dạng ngày của Excel.');
  line(
    'Số quyết định',
    'Mỗi số quyết định ứng với một quyết định trong năm ban hành; một số đã dùng cho hồ sơ khác thì bị từ chối.',
  );
  for (const spec of Object.values(RECORD_SHEETS)) {
    line('');
    line(spec.name, spec.about, true);
    for (const c of spec.columns) line(`  ${c.header}`, c.help);
  }

  for (const [key, spec] of Object.entries(RECORD_SHEETS) as [
    RecordSheet,
    (typeof RECORD_SHEETS)[RecordSheet],
  ][]) {
    const { ws: sheet } = framedSheet(book, spec.name, {
      widths: spec.columns.map((c) => c.width),
      size: SIZE_12,
      headerRow: 1,
    });
    sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width }));
    // Row 1 is the header's all along, not only its titled cells: a title the Office types beyond the
    // table reads as one (the row's own default style).
    const header = sheet.getRow(1);
    const { font, alignment } = headerStyle(SIZE_12);
    header.font = font;
    header.alignment = alignment;
    writeHeader(header, spec.columns, SIZE_12);
    if (key === 'ratings') {
      for (const m of store.members.filter((x) => !x.leftAt)) {
        const d = agency.departments.find((x) => x.id === m.departmentId);
        sheet.addRow({ year, id: m.id, name: m.fullName, department: d?.name ?? m.departmentId });
      }
      for (const d of agency.departments) sheet.addRow({ year, id: d.id, name: d.name, department: d.name });
    }
    const rows = Math.max(sheet.rowCount, 1) + 200;
    for (const [i, c] of spec.columns.entries()) {
      const column = sheet.getColumn(i + 1);
      if (c.date) column.numFmt = 'dd/mm/yyyy';
      if (!c.list) continue;
      for (let r = 2; r <= rows; r += 1) {
        sheet.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${c.list.join(',')}"`],
          showErrorMessage: false,
        };
      }
    }
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      row.font = { name: FONT, size: SIZE_12 };
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = rowHeight(
        spec.columns.map((c, i) => ({
          text: shownText(row.getCell(i + 1).value),
          width: c.width,
          size: SIZE_12,
        })),
      );
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone: exceljs reads them as UTC midnight of the day written.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/**
 * The filled rows of a records workbook, by sheet (sheets and columns found by their titles, case and
 * diacritics aside, wherever they are). Undefined when no sheet of the template is there. Throws when
 * the file is not a workbook exceljs can read.
 */
export async function readRecordsWorkbook(data: Buffer): Promise<RecordRows | undefined> {
  const book = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs's load() wants its own Buffer type
  await book.xlsx.load(data as any);
  const out: RecordRows = {};
  let found = false;
  for (const [key, spec] of Object.entries(RECORD_SHEETS) as [
    RecordSheet,
    (typeof RECORD_SHEETS)[RecordSheet],
  ][]) {
    const sheet = book.worksheets.find((s) => fold(s.name) === fold(spec.name));
    if (!sheet) continue;
    found = true;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => fold(cellText(v)));
    const at = new Map(spec.columns.map((c) => [c.key, headers.indexOf(fold(c.header))]));
    const rows: RecordRow[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells: Record<string, string> = {};
      for (const c of spec.columns) {
        const i = at.get(c.key) ?? -1;
        cells[c.key] = i > 0 ? cellText(row.getCell(i).value) : '';
      }
      if (Object.values(cells).some(Boolean)) rows.push({ row: n, cells });
    });
    out[key] = rows;
  }
  return found ? out : undefined;
}
