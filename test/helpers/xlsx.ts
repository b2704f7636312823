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
