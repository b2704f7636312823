import ExcelJS from 'exceljs';

/** A workbook read back as Excel would open it. */
export async function readBook(data: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs's load() wants its own Buffer type
  await book.xlsx.load(data as any);
  return book;
}

/** The row of a sheet's table header: the row the panes are frozen under. */
export function headerRowOf(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  return view?.ySplit ?? 1;
}

const TOTAL = 'Tổng cộng';
/** A cell as a reader sees it: a formula by its value. */
const shown = (value: unknown) =>
  value && typeof value === 'object' && 'formula' in value ? (value as { result?: unknown }).result : value;

/**
 * A sheet's table as a reader sees it: each row under the header by its header's text (`empty` for a
 * blank cell), and the totals row apart.
 */
export function table(
  sheet: ExcelJS.Worksheet,
  empty: unknown = null,
): { rows: Record<string, unknown>[]; totals: Record<string, unknown> | undefined } {
  const at = headerRowOf(sheet);
  const headers = (sheet.getRow(at).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  let totals: Record<string, unknown> | undefined;
  sheet.eachRow((row, n) => {
    if (n <= at) return;
    const values = (row.values as unknown[]).slice(1).map(shown);
    const record = Object.fromEntries(headers.map((h, i) => [h, values[i] ?? empty]));
    if (values.includes(TOTAL)) totals = record;
    else rows.push(record);
  });
  return { rows, totals };
}

/**
 * A criteria sheet's rows (one block per member or department: its heading across the table, then a
 * row per criterion), each with its block's subject as columns: `Họ và tên` and `Phòng` from the
 * heading (`3. Trần Văn Hùng — Phòng Cán bộ`, or `2. Phòng Cán bộ`), `Danh hiệu đăng ký` and
 * `Đối chiếu tiêu chuẩn` from the line under it.
 */
export function criteriaTable(sheet: ExcelJS.Worksheet, empty: unknown = ''): Record<string, unknown>[] {
  const at = headerRowOf(sheet);
  const headers = (sheet.getRow(at).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  let who: Record<string, unknown> = {};
  sheet.eachRow((row, n) => {
    if (n <= at) return;
    const first = row.getCell(1);
    if (headers.length > 1 && row.getCell(2).isMerged && row.getCell(2).master === first) {
      const text = String(first.value);
      const line = /^Danh hiệu đăng ký: (.*)\. Đối chiếu tiêu chuẩn: (.*)\.$/.exec(text);
      if (line) {
        who = { ...who, 'Danh hiệu đăng ký': line[1], 'Đối chiếu tiêu chuẩn': line[2] };
        return;
      }
      const title = /^\d+\. (.*?)(?: — (.*))?$/.exec(text);
      who = title?.[2] ? { 'Họ và tên': title[1], Phòng: title[2] } : { Phòng: title?.[1] };
      return;
    }
    const values = (row.values as unknown[]).slice(1).map(shown);
    rows.push({ ...who, ...Object.fromEntries(headers.map((h, i) => [h, values[i] ?? empty])) });
  });
  return rows;
}
