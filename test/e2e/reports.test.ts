import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAgency } from '../helpers/agency.js';
import { type Seen, TelegramHarness } from '../helpers/telegram.js';
import { headerRowOf, readBook, table } from '../helpers/xlsx.js';

const ADMIN = 900001;
const COUNCIL = 800001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai');
const council = () => tg.user(COUNCIL, 'Hội đồng');
const admin = () => tg.user(ADMIN, 'Toàn');

/** The documents the bot sent while handling the last command, as they were uploaded. */
function documents(from: number): { filename: string; data: Buffer }[] {
  return tg.calls.slice(from).flatMap((c) => {
    if (c.method !== 'sendDocument') return [];
    const file = c.payload.document as { filename?: string; fileData?: unknown };
    return [{ filename: String(file.filename), data: file.fileData as Buffer }];
  });
}

async function send(
  text: string,
  from = admin(),
): Promise<{ seen: Seen[]; files: { filename: string; data: Buffer }[] }> {
  const before = tg.calls.length;
  const seen = await tg.send(from, text);
  return { seen, files: documents(before) };
}

/**
 * What the Office prints: A4, one page wide at a scale that keeps 11 pt text at 9 pt or more (the
 * printed pages themselves are read back by test/paper), each row as tall as its wrapped text, the
 * header row repeated on every page and bordered, pages numbered; above the table the issuing body
 * and the period.
 */
function expectPrintable(sheet: ExcelJS.Worksheet, period: string) {
  const at = headerRowOf(sheet);
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: false, printTitlesRow: `${at}:${at}` });
  expect(sheet.pageSetup.scale, sheet.name).toBeGreaterThanOrEqual(82);
  expect(sheet.getRow(at).height, sheet.name).toBeGreaterThan(0);
  expect(sheet.headerFooter.oddFooter).toContain('&P');
  expect(sheet.getRow(1).getCell(1).value).toBe('TỈNH ỦY LÂM ĐỒNG');
  expect(sheet.getRow(2).getCell(1).value).toBe('BAN TỔ CHỨC');
  // The title in capitals, the period under it, a blank row, the table.
  expect(String(sheet.getRow(3).getCell(1).value)).toMatch(/^[^a-zđ]+$/u);
  expect(String(sheet.getRow(4).getCell(1).value).toLowerCase()).toContain(period);
  expect(at).toBe(6);
  const header = sheet.getRow(at);
  expect(header.getCell(1).font?.bold).toBe(true);
  expect(header.getCell(1).border?.bottom?.style).toBe('thin');
  if (sheet.rowCount > at) {
    expect(sheet.getRow(at + 1).getCell(1).border?.left?.style).toBe('thin');
    expect(sheet.getRow(at + 1).getCell(1).alignment?.wrapText).toBe(true);
  }
}

/** The rows of a sheet's table, by header (its title lines and totals row apart). */
const rows = (sheet: ExcelJS.Worksheet) => table(sheet).rows;

async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

beforeEach(async () => {
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    council: [COUNCIL],
    now: new Date('2026-11-10T03:00:00Z'),
  });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
  await tg.send(council(), '/dangky Lê Hội Đồng | tcdv');
  // October: one entry, outside November's report.
  tg.now = new Date('2026-10-20T03:00:00Z');
  await tg.send(hung(), '/hoanthanh Việc của tháng Mười');
  tg.now = new Date('2026-11-10T03:00:00Z');
  await tg.send(lan(), '/viectot Trả lại ví tiền cho người đánh rơi — “của rơi trả người mất”');
  // The unplanned task's tag as a clerk types it, with diacritics and a space: read, and not printed.
  await tg.send(lan(), '/hoanthanh Báo cáo nhanh số liệu đảng viên #đột xuất');
  await tg.send(hung(), '/sangkien Tra cứu hồ sơ cán bộ bằng mã QR #cntt');
  await tg.send(mai(), '/viectot Hiến máu tình nguyện');
  await tg.send(mai(), '/hoanthanh Việc sẽ rút lại');
  await tg.send(mai(), '/huy HT6');
  await tg.send(council(), '/duyet SK4');
  await tg.send(council(), '/tuchoi VT5 Chưa đủ minh chứng');
  await tg.send(lan(), '/dienhinh SK4 Mô hình CNTT hiệu quả');
  await tg.send(council(), '/dienhinh 1 tiep Hướng dẫn các phòng áp dụng');
  await tg.send(lan(), '/dienhinh phong can bo Hoàn thành xuất sắc nhiệm vụ');
});
afterEach(async () => {
  await tg.close();
});

describe('report files from /tonghop', () => {
  it('sends an Excel workbook whose every figure matches the store for the month', async () => {
    const { seen, files } = await send('/tonghop 11/2026 file');
    expect(seen[0]?.text).toContain('File báo cáo tháng 11/2026');
    expect(files.map((f) => f.filename)).toEqual([
      'tong-hop-thi-dua-thang-11-2026.xlsx',
      'bao-cao-thi-dua-thang-11-2026.docx',
    ]);
    const book = await readBook(files[0]?.data as Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo phòng',
      'Theo cá nhân',
      'Các mục',
      'Điển hình',
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRowOf(sheet) });
      expect(sheet.autoFilter).toBeTruthy();
    }

    const summary = Object.fromEntries(
      rows(book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet).map((r) => [r['Chỉ tiêu'], r['Giá trị']]),
    );
    // Counted in mode "after": VT2 (2), HT3 (2), SK4 (5); VT5 rejected, HT6 withdrawn, HT1 is October's.
    expect(summary).toMatchObject({
      Kỳ: 'tháng 11/2026',
      'Việc tốt — số mục': 1,
      'Việc tốt — điểm': 2,
      'Hoàn thành nhiệm vụ — số mục': 1,
      'Hoàn thành nhiệm vụ — điểm': 2,
      'Sáng kiến — số mục': 1,
      'Sáng kiến — điểm': 5,
      'Tổng số mục được tính': 3,
      'Tổng điểm': 9,
      'Nhiệm vụ phát sinh, đột xuất': 1,
      'Mô hình ứng dụng CNTT': 1,
      'Số người tham gia': 2,
      'Tổng số người': 4,
      'Mục đã duyệt': 1,
      'Mục không duyệt': 1,
      'Mục chờ duyệt': 2,
      'Mục đã rút': 1,
      'Điển hình tiên tiến': 2,
    });

    const departments = rows(book.getWorksheet('Theo phòng') as ExcelJS.Worksheet);
    expect(departments.find((d) => d.Phòng === 'Phòng Cán bộ')).toMatchObject({
      'Số người': 2,
      'Người tham gia': 1,
      'Số mục': 1,
      Điểm: 5,
      'Điểm bình quân/người': 2.5,
    });
    const members = rows(book.getWorksheet('Theo cá nhân') as ExcelJS.Worksheet);
    expect(members[0]).toMatchObject({ Hạng: 1, 'Họ và tên': 'Trần Văn Hùng', 'Sáng kiến': 1, Điểm: 5 });
    expect(members.find((m) => m['Họ và tên'] === 'Nguyễn Thị Lan')).toMatchObject({
      'Việc tốt': 1,
      'Nhiệm vụ hoàn thành': 1,
      Điểm: 4,
    });

    const entries = rows(book.getWorksheet('Các mục') as ExcelJS.Worksheet);
    const inStore = tg.store.entriesBetween(
      new Date('2026-10-31T17:00:00Z'),
      new Date('2026-11-30T17:00:00Z'),
    );
    expect(entries.map((e) => e.Mã)).toEqual(inStore.map((e) => e.code));
    expect(entries.find((e) => e.Mã === 'HT3')?.['Nội dung']).toBe('Báo cáo nhanh số liệu đảng viên');
    const vt5 = entries.find((e) => e.Mã === 'VT5');
    // The same words as /lichsu and /cuatoi: a rejected entry is not "counted" anywhere.
    expect(vt5).toMatchObject({
      'Nội dung': 'Hiến máu tình nguyện',
      'Trạng thái': 'Không được duyệt',
      'Được tính điểm': 'Không',
      'Người duyệt': 'Lê Hội Đồng',
      'Lý do không duyệt': 'Chưa đủ minh chứng',
    });
    expect(entries.find((e) => e.Mã === 'HT6')).toMatchObject({
      'Trạng thái': 'Đã rút',
      'Được tính điểm': 'Không',
    });
    expect(entries.find((e) => e.Mã === 'VT2')).toMatchObject({
      'Trạng thái': 'Chờ duyệt',
      'Được tính điểm': 'Có',
    });
    expect(entries.find((e) => e.Mã === 'SK4')).toMatchObject({
      'Trạng thái': 'Đã duyệt',
      'Được tính điểm': 'Có',
    });
    expect(entries.find((e) => e.Mã === 'VT2')?.['Nội dung']).toBe(
      'Trả lại ví tiền cho người đánh rơi — “của rơi trả người mất”',
    );
    // 10:00 in Vietnam, shown as such whatever the reader's time zone.
    const at = entries.find((e) => e.Mã === 'VT2')?.['Thời gian'] as Date;
    expect(at.toISOString()).toBe('2026-11-10T10:00:00.000Z');
    const sheet = book.getWorksheet('Các mục') as ExcelJS.Worksheet;
    expect(sheet.getColumn(2).numFmt).toBe('dd/mm/yyyy hh:mm');

    const models = rows(book.getWorksheet('Điển hình') as ExcelJS.Worksheet);
    expect(models.map((m) => [m.Số, m['Giai đoạn cuối kỳ']])).toEqual([
      [1, 'Bồi dưỡng'],
      [2, 'Phát hiện'],
    ]);
  });

  it('sends a Word report draft in the Party document format with the period figures', async () => {
    const { files } = await send('/tonghop 11/2026 file');
    const text = await docxText(files[1]?.data as Buffer);
    expect(text).toContain('TỈNH ỦY LÂM ĐỒNG');
    expect(text).toContain('BAN TỔ CHỨC');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('-BC/BTCTU');
    expect(text).toContain('Lâm Đồng, ngày 10 tháng 11 năm 2026');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện công tác thi đua, khen thưởng');
    expect(text).toContain(
      'Từ đầu kỳ đến ngày 10/11/2026, toàn cơ quan có 3 nội dung được ghi nhận trong phong trào thi đua của cơ quan, được tính 9 điểm, gồm: ' +
        '1 nhiệm vụ hoàn thành (2 điểm), trong đó 1 nhiệm vụ phát sinh, đột xuất; ' +
        '1 sáng kiến, mô hình mới, cách làm sáng tạo (5 điểm), trong đó 1 mô hình ứng dụng công nghệ thông tin; 1 việc tốt (2 điểm).',
    );
    expect(text).toContain(
      'Có 2/4 cán bộ, công chức, người lao động có ít nhất một nội dung được ghi nhận (đạt 50%)',
    );
    expect(text).toContain(
      '- Phòng Cán bộ: 1 nội dung, 5 điểm, bình quân 2,5 điểm/người; 1/2 người tham gia (50%).',
    );
    expect(text).toContain(
      'Từ đầu kỳ đến ngày 10/11/2026, có 2 điển hình tiên tiến được đề xuất hoặc chuyển giai đoạn; đến ngày 10/11/2026: 1 ở giai đoạn phát hiện, 1 ở giai đoạn bồi dưỡng.',
    );
    // Who decided is named: one Council member or admin at a time, not the Council's meeting.
    expect(text).toContain(
      'Từ đầu kỳ đến ngày 10/11/2026, thành viên Hội đồng Thi đua – Khen thưởng và quản trị viên đã xét từng nội dung ghi nhận: ' +
        'duyệt 1 nội dung, không duyệt 1 nội dung; 2 nội dung đang chờ duyệt; 1 nội dung do người ghi rút lại. ' +
        'Đây là việc xét từng nội dung, không phải kết quả bình xét của phiên họp Hội đồng.',
    );
    expect(text).not.toContain('Hội đồng Thi đua – Khen thưởng đã duyệt');
    expect(text).toContain(
      'Cách tính điểm: nội dung được tính điểm ngay khi ghi nhận; nội dung không được duyệt thì không còn được tính.\n',
    );
    expect(text).not.toContain('..');
    // The month is not over on 10/11: its line says up to when it is counted.
    expect(text).toContain('Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026, số liệu tính đến ngày 10/11/2026)');
    // It speaks for the Ban, which signs it.
    expect(text).toContain(
      'Ban Tổ chức Tỉnh ủy báo cáo kết quả thực hiện công tác thi đua, khen thưởng tháng 11/2026',
    );
    expect(text).not.toContain('Văn phòng Ban tổng hợp');
    // "Tiêu biểu" by a stated rule (the agency's setting: the 3 best among those with an approved entry).
    expect(text).toContain('03 người có tổng điểm cao nhất');
    // The plan's targets with /kehoach's figures, the reference levels marked as not the plan's.
    expect(text).toContain('4. Kết quả thực hiện các chỉ tiêu của Kế hoạch');
    expect(text).toMatch(
      /mức tham chiếu của Văn phòng, không phải chỉ tiêu của Kế hoạch\): \d+\/12 — chưa đạt\./,
    );
    // Commendation results: a marked blank while no award decision is on record.
    expect(text).toContain('[Cần bổ sung: kết quả khen thưởng năm 2026');
    expect(text).toContain('[Cần bổ sung: đánh giá ưu điểm]');
    expect(text).toContain('[Cần bổ sung: phương hướng, nhiệm vụ]');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('PHÓ TRƯỞNG BAN');
    expect(text.indexOf('I. KẾT QUẢ THỰC HIỆN')).toBeLessThan(text.indexOf('II. ĐÁNH GIÁ CHUNG'));
    expect(text.indexOf('II. ĐÁNH GIÁ CHUNG')).toBeLessThan(text.indexOf('III. PHƯƠNG HƯỚNG'));
  });

  it('fills the Word report of one department with that department’s figures', async () => {
    const { files } = await send('/tonghop 11/2026 phong can bo file');
    expect(files.map((f) => f.filename)).toEqual([
      'tong-hop-thi-dua-thang-11-2026-cb.xlsx',
      'bao-cao-thi-dua-thang-11-2026-cb.docx',
    ]);
    const text = await docxText(files[1]?.data as Buffer);
    expect(text).toContain(
      'Từ đầu kỳ đến ngày 10/11/2026, Phòng Cán bộ có 1 nội dung được ghi nhận trong phong trào thi đua của cơ quan, được tính 5 điểm',
    );
    expect(text).toContain(
      'Có 1/2 cán bộ, công chức, người lao động có ít nhất một nội dung được ghi nhận (đạt 50%)',
    );
    expect(text).not.toContain('Văn phòng Ban:');
  });

  it('numbers the Word draft’s pages from the second, at the top centre, and leaves room to sign and seal', async () => {
    const { files } = await send('/tonghop 11/2026 file');
    const zip = await JSZip.loadAsync(files[1]?.data as Buffer);
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // The section has a first page of its own (titlePg) whose header is empty; the others carry PAGE.
    expect(document).toContain('<w:titlePg/>');
    const refs = [...document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const headerOf = async (type: string) => {
      const id = refs.find((r) => r[1] === type)?.[2];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return (await zip.file(`word/${target}`)?.async('string')) ?? '';
    };
    const page = await headerOf('default');
    expect(page).toMatch(/PAGE/);
    expect(page).toContain('<w:jc w:val="center"/>');
    expect(await headerOf('first')).not.toMatch(/PAGE/);
    // A4, the Party's margins: 20 mm top and bottom, 30 mm left, 15 mm right.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // Between the signer's title and name: about 3.5 cm for the signature and the seal.
    expect(document).toMatch(/<w:spacing w:before="1984"\/>/);
  });

  it('writes a period without entries as a clerk would: no “0 việc tốt”, no “0/4 (0%)”', async () => {
    const { files } = await send('/tonghop 1/2026 file');
    const text = await docxText(files[1]?.data as Buffer);
    expect(text).toContain(
      'Trong kỳ, toàn cơ quan chưa có nội dung nào được ghi nhận trong phong trào thi đua của cơ quan.',
    );
    expect(text).toContain('Chưa có cán bộ, công chức, người lao động nào có nội dung được ghi nhận.');
    expect(text).toContain('Trong kỳ, chưa có nội dung ghi nhận nào được xét duyệt.');
    expect(text).not.toMatch(/(^|\D)0 (nội dung|mục|việc tốt|nhiệm vụ|sáng kiến)/);
  });

  it('offers the files as a button under the summary', async () => {
    const [summary] = (await send('/tonghop')).seen;
    expect(summary?.text).toContain('Điển hình tiên tiến: 2');
    expect(summary?.text).toContain('Bồi dưỡng: 1');
    const before = tg.calls.length;
    await tg.press(admin(), summary as Seen, '📎 Tải file báo cáo (Excel, Word)');
    expect(documents(before).map((f) => f.filename)).toEqual([
      'tong-hop-thi-dua-thang-11-2026.xlsx',
      'bao-cao-thi-dua-thang-11-2026.docx',
    ]);
  });

  it('prints the workbook as the Office files it: A4 landscape, one page wide, titled, headers repeated, totals', async () => {
    const { files } = await send('/tonghop 11/2026 file');
    const book = await readBook(files[0]?.data as Buffer);
    for (const sheet of book.worksheets)
      expectPrintable(
        sheet,
        'tháng 11/2026 (từ 01/11/2026 đến 30/11/2026, số liệu tính đến ngày 10/11/2026)',
      );
    const title = (name: string) => book.getWorksheet(name)?.getRow(3).getCell(1).value;
    expect(title('Theo phòng')).toBe('KẾT QUẢ THI ĐUA THEO PHÒNG');
    expect(title('Các mục')).toBe('CÁC NỘI DUNG THI ĐUA ĐÃ GHI NHẬN');

    // Totals: sums of the table (as formulas Excel recalculates, with their values), rates recomputed.
    const departments = table(book.getWorksheet('Theo phòng') as ExcelJS.Worksheet);
    const sum = (key: string) => departments.rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
    expect(departments.totals).toMatchObject({
      Phòng: 'Tổng cộng',
      'Số người': sum('Số người'),
      'Người tham gia': 2,
      Điểm: 9,
      'Điểm bình quân/người': 9 / sum('Số người'),
    });
    const totalsRow = book.getWorksheet('Theo phòng')?.lastRow;
    expect(JSON.stringify(totalsRow?.getCell(3).value)).toContain('SUM(C7:C11)');
    expect(table(book.getWorksheet('Theo cá nhân') as ExcelJS.Worksheet).totals).toMatchObject({
      'Họ và tên': 'Tổng cộng',
      'Việc tốt': 1,
      'Sáng kiến': 1,
      Điểm: 9,
    });
    // The entries' total counts only what counts (VT5 rejected, HT6 withdrawn are listed, not summed).
    const entries = table(book.getWorksheet('Các mục') as ExcelJS.Worksheet);
    expect(entries.totals).toMatchObject({ Mã: 'Tổng cộng', Điểm: 9 });
    expect(String(entries.totals?.['Nội dung'])).toContain(`${entries.rows.length} nội dung`);

    // Numbers stay numbers, dates dates.
    expect(entries.rows.every((e) => e['Thời gian'] instanceof Date)).toBe(true);
    const summary = Object.fromEntries(
      rows(book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet).map((r) => [r['Chỉ tiêu'], r['Giá trị']]),
    );
    expect(summary['Từ ngày']).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(summary['Đến ngày']).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('prints the year-end review sheet likewise: one row per member and per department, with totals', async () => {
    const { files } = await send('/tonghop 2026 binhxet');
    const book = await readBook(files[0]?.data as Buffer);
    for (const sheet of book.worksheets)
      expectPrintable(sheet, 'năm 2026 (từ 01/01/2026 đến 31/12/2026, số liệu tính đến ngày 10/11/2026)');
    const people = table(book.getWorksheet('Cá nhân') as ExcelJS.Worksheet);
    expect(people.rows).toHaveLength(4);
    expect(people.totals).toMatchObject({ 'Họ và tên': 'Tổng cộng', 'Sáng kiến': 1, 'Không duyệt': 1 });
    const depts = table(book.getWorksheet('Tập thể') as ExcelJS.Worksheet);
    expect(depts.rows.map((d) => d.Phòng).sort()).toEqual(
      testAgency()
        .departments.map((d) => d.name)
        .sort(),
    );
    expect(depts.totals).toMatchObject({
      Phòng: 'Tổng cộng',
      'Số người': depts.rows.reduce((n, r) => n + Number(r['Số người']), 0),
    });
  });

  it('sends the year-end review sheet: every member and department with the year record', async () => {
    const { seen, files } = await send('/tonghop 2026 binhxet');
    expect(seen[0]?.text).toContain('Bảng bình xét cuối năm 2026');
    const book = await readBook(files[0]?.data as Buffer);
    const people = rows(book.getWorksheet('Cá nhân') as ExcelJS.Worksheet);
    expect(people).toHaveLength(4);
    expect(people.find((p) => p['Họ và tên'] === 'Trần Văn Hùng')).toMatchObject({
      'Nhiệm vụ hoàn thành': 1,
      'Sáng kiến': 1,
      'Trong đó CNTT': 1,
      'Số mục được tính': 2,
      Điểm: 6,
      'Đã duyệt': 1,
      'Chờ duyệt': 1,
      'Điển hình (giai đoạn)': 'số 1: Bồi dưỡng',
    });
    expect(people.find((p) => p['Họ và tên'] === 'Vũ Thị Mai')).toMatchObject({ 'Không duyệt': 1, Điểm: 0 });
    const depts = rows(book.getWorksheet('Tập thể') as ExcelJS.Worksheet);
    expect(depts.find((d) => d.Phòng === 'Phòng Cán bộ')).toMatchObject({
      'Số người': 2,
      Điểm: 6,
      'Mô hình CNTT': 1,
      'Điển hình tập thể (giai đoạn)': 'số 2: Phát hiện',
    });
    expect((await send('/tonghop 11/2026 binhxet')).seen[0]?.text).toContain(
      'Bảng bình xét chỉ lập cho cả năm',
    );
  });

  it('refuses report files to a non-admin', async () => {
    const { seen, files } = await send('/tonghop file', lan());
    expect(seen[0]?.text).toContain('chỉ dành cho quản trị viên');
    expect(files).toEqual([]);
  });
});
