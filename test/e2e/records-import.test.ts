/**
 * The Office's spreadsheet into the records, over Telegram: `/nhaphoso mau` sends the workbook to
 * fill (every member and department listed for their rating); the filled file sent back with
 * `/nhaphoso` as its caption is fetched through getFile from a Bot API server on loopback and
 * imported — all rows or none: every refused row is reported with its row number and why. The file's
 * address holds the bot's token: it never reaches the logs.
 */
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Seen, TelegramHarness, TOKEN } from '../helpers/telegram.js';
import { readBook } from '../helpers/xlsx.js';

const ADMIN = 900001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai', { username: 'maivt' });
const admin = () => tg.user(ADMIN, 'Toàn');
const DEC = new Date('2026-12-22T03:00:00Z');

const text = (seen: Seen[]) => seen.map((s) => s.text).join('\n');
const id = (name: string) => tg.store.members.find((m) => m.fullName === name)?.id as string;

/** The documents the bot sent from call `from` on. */
function documents(from: number): { filename: string; data: Buffer }[] {
  return tg.calls.slice(from).flatMap((c) => {
    if (c.method !== 'sendDocument') return [];
    const file = c.payload.document as { filename?: string; fileData?: unknown };
    return [{ filename: String(file.filename), data: file.fileData as Buffer }];
  });
}

async function template(): Promise<ExcelJS.Workbook> {
  const before = tg.calls.length;
  const seen = text(await tg.send(admin(), '/nhaphoso mau', { inPrivate: true }));
  expect(seen).toContain('Mẫu Excel hồ sơ thi đua');
  const [file] = documents(before);
  expect(file?.filename).toBe('mau-ho-so-thi-dua-2026.xlsx');
  return readBook(file?.data as Buffer);
}

const sheet = (book: ExcelJS.Workbook, name: string) => book.getWorksheet(name) as ExcelJS.Worksheet;

/** Writes `values` into the first empty row of a sheet, by column title. */
function addRow(
  book: ExcelJS.Workbook,
  name: string,
  values: Record<string, string | number | Date>,
): number {
  const s = sheet(book, name);
  const headers = (s.getRow(1).values as unknown[]).map(String);
  // The first row with nothing in it (the template's rows carry drop-down lists, not values).
  let row = 2;
  while ((s.getRow(row).values as unknown[]).some((v) => v !== undefined && v !== null && v !== '')) row += 1;
  for (const [title, value] of Object.entries(values)) {
    const column = headers.indexOf(title);
    if (column < 1) throw new Error(`no column ${title} in ${name}`);
    s.getCell(row, column).value = value;
  }
  return row;
}

/** Sets the rating of the ratings sheet's row of `who`. */
function rate(book: ExcelJS.Workbook, who: string, rating: string, reason?: string) {
  const s = sheet(book, 'Xếp loại');
  s.eachRow((row, n) => {
    if (n > 1 && row.getCell(3).value === who) {
      row.getCell(5).value = rating;
      if (reason) row.getCell(6).value = reason;
    }
  });
}

async function send(book: ExcelJS.Workbook, filename = 'ho-so-2026.xlsx') {
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return text(await tg.sendDocument(admin(), '/nhaphoso', { filename, data }, { inPrivate: true }));
}

beforeEach(async () => {
  tg = await TelegramHarness.create({ admins: [ADMIN], now: DEC, files: true });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
});
afterEach(async () => {
  await tg.close();
});

describe('the template', () => {
  it('lists every member and department for their rating, with the other sheets and the instructions', async () => {
    const book = await template();
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Hướng dẫn',
      'Xếp loại',
      'Kỷ luật',
      'Sáng kiến',
      'Khen thưởng',
    ]);
    const names: unknown[] = [];
    sheet(book, 'Xếp loại').eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(3).value);
    });
    expect(names).toEqual(
      expect.arrayContaining(['Nguyễn Thị Lan', 'Trần Văn Hùng', 'Vũ Thị Mai', 'Phòng Cán bộ']),
    );
    // Row 1 is the header row as a whole: bold and centred in its own style, so a title the Office
    // adds beyond the table's columns reads as one; the titled cells keep theirs (bold, grey, bordered).
    for (const s of book.worksheets.slice(1)) {
      const header = s.getRow(1);
      expect(header.font, s.name).toMatchObject({ bold: true });
      expect(header.alignment, s.name).toMatchObject({ horizontal: 'center', vertical: 'middle' });
      expect(header.getCell(header.cellCount + 3).font, s.name).toMatchObject({ bold: true });
      expect(header.getCell(1).font, s.name).toMatchObject({ bold: true });
      expect(header.getCell(1).fill, s.name).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
    }
  });
});

describe('importing the filled workbook', () => {
  it('imports every row in one step, one history item per record, and recognises the rows on a second import', async () => {
    const book = await template();
    rate(book, 'Nguyễn Thị Lan', 'Hoàn thành xuất sắc nhiệm vụ');
    // As clerks write them: `NV` for `nhiệm vụ`, and `… nhiệm vụ được giao`.
    rate(book, 'Trần Văn Hùng', 'Hoàn thành tốt NV');
    rate(book, 'Phòng Cán bộ', 'Hoàn thành tốt nhiệm vụ được giao');
    addRow(book, 'Kỷ luật', {
      'Họ và tên / Tập thể': 'Vũ Thị Mai',
      'Hình thức': 'Khiển trách',
      'Số quyết định': '15-QĐ/BTCTU',
      'Ngày quyết định': new Date(Date.UTC(2026, 2, 2)),
      'Đến ngày': '12 tháng',
    });
    addRow(book, 'Sáng kiến', {
      'Tác giả': 'Nguyễn Thị Lan, Trần Văn Hùng',
      'Tên sáng kiến': 'Số hóa hồ sơ đảng viên',
      'Số quyết định': '7-QĐ/HĐSK',
      'Ngày quyết định': '30/11/2026',
    });
    for (const who of ['Nguyễn Thị Lan', 'Trần Văn Hùng']) {
      addRow(book, 'Khen thưởng', {
        'Họ và tên / Tập thể': who,
        Năm: 2025,
        'Danh hiệu, hình thức': 'Lao động tiên tiến',
        'Số quyết định': '98-QĐ/BTCTU',
        'Ngày quyết định': '22/12/2025',
        'Cơ quan ban hành': 'Ban Tổ chức Tỉnh ủy',
      });
    }
    const lines = tg.store.journalLines;
    const answer = await send(book);
    expect(answer).toContain('Đã nhập 7 dòng vào hồ sơ thi đua');
    expect(tg.store.journalLines).toBe(lines + 1);
    expect(tg.store.rating(2026, { kind: 'member', memberId: id('Nguyễn Thị Lan') })?.rating).toBe('htxsnv');
    expect(tg.store.rating(2026, { kind: 'member', memberId: id('Trần Văn Hùng') })?.rating).toBe('httnv');
    expect(tg.store.rating(2026, { kind: 'department', departmentId: 'cb' })?.rating).toBe('httnv');
    expect(tg.store.disciplines[0]).toMatchObject({
      form: 'khientrach',
      from: '2026-03-02',
      until: '2027-03-01',
    });
    expect(tg.store.initiatives[0]?.authors).toEqual([id('Nguyễn Thị Lan'), id('Trần Văn Hùng')]);
    expect(tg.store.awards).toHaveLength(1);
    expect(tg.store.awards[0]).toMatchObject({ titleId: 'ldtt', year: 2025, recipients: [{}, {}] });
    const records = [
      ...tg.store.ratings,
      ...tg.store.disciplines,
      ...tg.store.initiatives,
      ...tg.store.awards,
    ];
    for (const r of records)
      expect(r.history).toEqual([expect.objectContaining({ action: 'recorded', platform: 'telegram' })]);

    const again = await send(book);
    expect(again).toContain('Cả 7 dòng đã có trong hồ sơ; không có gì thay đổi');
    expect(tg.store.journalLines).toBe(lines + 1);
    expect(tg.logs().some((l) => JSON.stringify(l).includes(TOKEN))).toBe(false);
  });

  it('refuses the whole file when rows are wrong, naming each row and why, and changes nothing', async () => {
    await tg.send(
      admin(),
      '/quyetdinh 130-QĐ/BTCTU | 20/12/2026 | Phạm Hữu Toàn | Lao động tiên tiến | Nguyễn Thị Lan',
      {
        inPrivate: true,
      },
    );
    const book = await template();
    rate(book, 'Nguyễn Thị Lan', 'HTTNV');
    rate(book, 'Trần Văn Hùng', 'giỏi');
    const stranger = addRow(book, 'Xếp loại', {
      Năm: 2026,
      'Họ và tên / Tập thể': 'Người Lạ',
      'Mức xếp loại': 'HTNV',
    });
    const reused = addRow(book, 'Kỷ luật', {
      'Họ và tên / Tập thể': 'Vũ Thị Mai',
      'Hình thức': 'Cảnh cáo',
      'Số quyết định': '130-QĐ/BTCTU',
      'Ngày quyết định': '21/12/2026',
      'Đến ngày': '20/12/2027',
    });
    const badDay = addRow(book, 'Khen thưởng', {
      'Họ và tên / Tập thể': 'Vũ Thị Mai',
      Năm: 2025,
      'Danh hiệu, hình thức': 'Giấy khen của Trưởng Ban',
      'Số quyết định': '99-QĐ/BTCTU',
      'Ngày quyết định': '31/13/2025',
    });
    // A decision dated after today (22/12/2026): not issued yet, or its year slipped.
    const ahead = addRow(book, 'Khen thưởng', {
      'Họ và tên / Tập thể': 'Trần Văn Hùng',
      Năm: 2026,
      'Danh hiệu, hình thức': 'Giấy khen của Trưởng Ban',
      'Số quyết định': '140-QĐ/BTCTU',
      'Ngày quyết định': '20/12/2027',
    });
    const lines = tg.store.journalLines;
    const answer = await send(book);
    expect(answer).toContain('Chưa nhập: 5/6 dòng chưa hợp lệ');
    expect(answer).toContain(
      `Khen thưởng, dòng ${ahead}: ngày quyết định “20/12/2027” sau hôm nay (quyết định chưa ban hành?)`,
    );
    const hungRow = 3; // the template lists members in the order they registered, after the header
    expect(answer).toContain(`Xếp loại, dòng ${hungRow}: mức xếp loại “giỏi” không có`);
    expect(answer).toContain(`Xếp loại, dòng ${stranger}: không có thành viên hay phòng “Người Lạ”`);
    expect(answer).toContain(
      `Kỷ luật, dòng ${reused}: số quyết định 130-QĐ/BTCTU đã được dùng cho hồ sơ KT1`,
    );
    expect(answer).toContain(`Khen thưởng, dòng ${badDay}: ngày “31/13/2025” không đúng`);
    expect(tg.store.journalLines).toBe(lines);
    expect(tg.store.ratings).toEqual([]);
    expect(tg.store.disciplines).toEqual([]);
  });

  it('asks for a reason before changing a rating on record', async () => {
    await tg.send(admin(), '/xeploai Nguyễn Thị Lan HTTNV', { inPrivate: true });
    const book = await template();
    rate(book, 'Nguyễn Thị Lan', 'HTXSNV');
    expect(await send(book)).toContain('đổi mức xếp loại đã ghi (HTTNV) cần lý do');
    rate(book, 'Nguyễn Thị Lan', 'HTXSNV', 'theo kết luận của Thường trực');
    expect(await send(book)).toContain('Đã nhập 1 dòng');
    expect(
      tg.store.rating(2026, { kind: 'member', memberId: id('Nguyễn Thị Lan') })?.history.at(-1),
    ).toMatchObject({
      action: 'corrected',
      note: 'httnv → htxsnv: theo kết luận của Thường trực',
    });
  });

  it('refuses a file that is not a workbook, or one Telegram cannot give, and says so without the token in the logs', async () => {
    expect(
      text(
        await tg.sendDocument(
          admin(),
          '/nhaphoso',
          { filename: 'ho-so.docx', data: Buffer.from('x') },
          { inPrivate: true },
        ),
      ),
    ).toContain('không phải tệp Excel .xlsx');
    expect(
      text(
        await tg.sendDocument(
          admin(),
          '/nhaphoso',
          { filename: 'ho-so.xlsx', data: Buffer.from('not a zip') },
          { inPrivate: true },
        ),
      ),
    ).toContain('Không đọc được tệp “ho-so.xlsx”');
    tg.refuse('getFile', 400, 'Bad Request: invalid file_id');
    const book = await template();
    rate(book, 'Nguyễn Thị Lan', 'HTTNV');
    expect(await send(book)).toContain('Không tải được tệp');
    expect(tg.store.ratings).toEqual([]);
    expect(text(await tg.send(admin(), '/nhaphoso', { inPrivate: true }))).toContain(
      'Gửi tệp Excel (.xlsx) đã điền',
    );
    expect(tg.logs().some((l) => JSON.stringify(l).includes(TOKEN))).toBe(false);
  });
});
