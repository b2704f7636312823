/**
 * One department rule, in every view and file: a department's participation, totals and evidence
 * for a period count the entries earned in it (the department an entry was logged in) and the
 * members in it at the period's end (core/scoring.ts's departmentPeriod).
 */
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxText } from '../helpers/documents.js';
import { type Seen, TelegramHarness } from '../helpers/telegram.js';
import { criteriaTable, readBook, table } from '../helpers/xlsx.js';

const ADMIN = 900001;
const COUNCIL = 800001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai');
const tuan = () => tg.user(1004, 'Tuấn');
const admin = () => tg.user(ADMIN, 'Toàn');

async function files(text: string): Promise<{ seen: Seen[]; files: Map<string, Buffer> }> {
  const before = tg.calls.length;
  const seen = await tg.send(admin(), text, { inPrivate: true });
  const out = new Map<string, Buffer>();
  for (const c of tg.calls.slice(before)) {
    if (c.method !== 'sendDocument') continue;
    const file = c.payload.document as { filename?: string; fileData?: unknown };
    out.set(String(file.filename), file.fileData as Buffer);
  }
  return { seen, files: out };
}
const only = (m: Map<string, Buffer>, suffix: string) =>
  [...m].find(([name]) => name.endsWith(suffix))?.[1] as Buffer;
const sheetRows = async (data: Buffer, name: string) => {
  const sheet = (await readBook(data)).getWorksheet(name) as ExcelJS.Worksheet;
  // The criteria sheets are one block per member or department.
  return name.startsWith('Tiêu chí') ? criteriaTable(sheet, null) : table(sheet).rows;
};

beforeEach(async () => {
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    council: [COUNCIL],
    now: new Date('2026-03-02T03:00:00Z'),
  });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | vp');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
  await tg.send(tuan(), '/dangky Lê Minh Tuấn | cb');
  // Lan earns in the Văn phòng, then moves to Phòng Cán bộ and logs nothing more.
  tg.now = new Date('2026-03-10T03:00:00Z');
  await tg.send(lan(), '/sangkien Sổ tay điện tử theo dõi văn bản đến #cntt');
  await tg.send(hung(), '/hoanthanh Tổng hợp báo cáo tháng của cơ quan');
  await tg.send(mai(), '/hoanthanh Thẩm định hồ sơ quy hoạch cán bộ');
  tg.now = new Date('2026-04-01T03:00:00Z');
  const asked = await tg.send(admin(), '/chuyenphong @lan_nguyen | cb');
  await tg.press(admin(), asked[0] as Seen, 'Xác nhận chuyển sang Phòng Cán bộ');
  expect(tg.store.memberByIdentity('telegram:1001')?.departmentId).toBe('cb');
  tg.now = new Date('2026-12-06T03:00:00Z');
});
afterEach(async () => {
  await tg.close();
});

describe('a department’s figures after a member moves', () => {
  it('are the same in every view: the entries earned in it, its members at the period’s end', async () => {
    // Phòng Cán bộ at the year's end: Mai, Tuấn and Lan (3); earned there: Mai's task only (1 point).
    // Văn phòng Ban: Hùng (1); earned there: Lan's initiative (5) and Hùng's task (1).
    const summary = (await tg.send(admin(), '/tonghop nam'))[0]?.text ?? '';
    expect(summary).toContain('• Phòng Cán bộ: 1 mục, 1 điểm; tham gia 1/3 người (33%)');
    expect(summary).toContain('• Văn phòng Ban: 2 mục, 6 điểm; tham gia 1/1 người (100%)');

    const cb = (await tg.send(admin(), '/tonghop nam cb'))[0]?.text ?? '';
    expect(cb).toContain('1/3 người có ít nhất một mục (33%)');
    const vp = (await tg.send(admin(), '/tonghop nam van phong'))[0]?.text ?? '';
    expect(vp).toContain('1/1 người có ít nhất một mục (100%)');
    // Lan's points count for the Văn phòng, so she is listed there, as now in Phòng Cán bộ.
    expect(vp).toContain('Nguyễn Thị Lan (nay thuộc Phòng Cán bộ) — 5 điểm, 1 mục');

    const board = (await tg.send(lan(), '/bangxephang nam'))[0]?.text ?? '';
    expect(board).toContain('Phòng Cán bộ — 0,3 điểm/người (tổng 1 điểm, 3 người)');

    const year = await files('/tonghop 2026 file');
    const byDept = await sheetRows(only(year.files, '.xlsx'), 'Theo phòng');
    expect(byDept.find((d) => d.Phòng === 'Phòng Cán bộ')).toMatchObject({
      'Số người': 3,
      'Người tham gia': 1,
      'Số mục': 1,
      Điểm: 1,
    });
    const word = await docxText(only(year.files, '.docx'));
    expect(word).toContain(
      '- Phòng Cán bộ: 1 nội dung, 1 điểm, bình quân 0,3 điểm/người; 1/3 người tham gia (33%).',
    );

    const cbFiles = await files('/tonghop 2026 cb file');
    const cbSummary = Object.fromEntries(
      (await sheetRows(only(cbFiles.files, '.xlsx'), 'Tổng hợp')).map((r) => [r['Chỉ tiêu'], r['Giá trị']]),
    );
    expect(cbSummary).toMatchObject({ 'Số người tham gia': 1, 'Tổng số người': 3, 'Tổng điểm': 1 });
    expect(await docxText(only(cbFiles.files, '.docx'))).toContain(
      'Có 1/3 cán bộ, công chức, người lao động có ít nhất một nội dung được ghi nhận (đạt 33%)',
    );

    const review = await files('/tonghop 2026 binhxet');
    const sheet = only(review.files, '.xlsx');
    expect((await sheetRows(sheet, 'Tập thể')).find((d) => d.Phòng === 'Phòng Cán bộ')).toMatchObject({
      'Số người': 3,
      'Người tham gia': 1,
      Điểm: 1,
    });
    // The evidence for Phòng Cán bộ is Mai's entry; Lan's initiative counts for the Văn phòng.
    const criteria = (await sheetRows(sheet, 'Tiêu chí tập thể')).filter(
      (r) =>
        r.Phòng === 'Phòng Cán bộ' &&
        String(r['Dữ kiện từ dữ liệu của bot'] ?? '').includes('có mục được tính'),
    );
    expect(criteria.length).toBeGreaterThan(0);
    for (const row of criteria) {
      expect(String(row['Dữ kiện từ dữ liệu của bot'])).toMatch(/^1\/3 thành viên/);
      expect(String(row['Mã mục'] ?? '')).not.toContain('SK1');
    }

    const achievement = await files('/baocaothanhtich 2026 Phòng Cán bộ');
    expect(await docxText(only(achievement.files, '.docx'))).toContain('1/3');
  });
});
