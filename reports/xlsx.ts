import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { guardExcel } from './xml-text.js';

/*
 * Workbooks written as they are filled: exceljs's streaming writer sends each row into the zip as it
 * is committed (reports/excel.ts's `sheet` commits every row), so a sheet of 100k entries never sits
 * in memory as cells — the in-memory workbook held ~2.5 GB for that.
 */

guardExcel();

const output = new WeakMap<ExcelJS.Workbook, Buffer[]>();

/** A new streaming workbook (styles on, so bold headers and number formats are kept). */
export function newBook(): ExcelJS.Workbook {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  output.set(book, chunks);
  return book;
}

/** Commits the workbook and returns the .xlsx file. */
export async function finish(book: ExcelJS.Workbook): Promise<Buffer> {
  const chunks = output.get(book);
  if (!chunks) throw new Error('not a workbook made by newBook');
  await (book as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  return Buffer.concat(chunks);
}
