import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { createConfig } from '../../bot/config.js';
import { seedDemo } from '../../bot/console/demo.js';
import type { ConsolePlatform } from '../../bot/console/platform.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from '../helpers/agency.js';
import { readBook } from '../helpers/xlsx.js';

let dir: string;

/** The console demo as npm start runs it (bot/app.ts with the console platform), until the input ends. */
async function runDemo(
  agency: ReturnType<typeof testAgency>,
  now: Date,
  input: PassThrough,
  output: PassThrough,
): Promise<void> {
  const config = createConfig({ DATA_DIR: dir }, agency);
  const app = createApp(config, {
    store,
    logger: memoryLogger().logger,
    clock: () => now,
    console: { locale: 'vi', input, output, ansi: false, intro: 'demo', filesDir: join(dir, 'reports') },
  });
  await app.start();
  await (app.platforms[0] as ConsolePlatform).finished();
}
let cleanup: () => Promise<void>;
let store: Store;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

it('lets a newcomer try every command in the terminal on the demo store', async () => {
  const agency = testAgency();
  const now = new Date('2026-11-25T03:00:00Z');
  await seedDemo(store, agency, now);
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const done = runDemo(agency, now, input, output);
  input.end(
    [
      '/trogiup',
      '/viectot Giúp @lan sửa máy in <b>gấp</b>',
      '/viectot @lan đã trực thay ca đêm',
      '/dangky Lê Văn Tám',
      '3',
      '1',
      '/bangxephang tuần trước',
      '/tonghop',
      '/huy VT11',
    ].join('\n'),
  );
  await done;
  expect(seen).toContain('/tonghop [kỳ] [tên phòng] [file|binhxet]');
  expect(seen).toContain('Đã lưu Việc tốt — mã VT11, 2 điểm.');
  expect(seen).toContain('Giúp @lan sửa máy in <b>gấp</b>');
  // The README's example: helping Lan is the caller's deed; naming Lan first credits her.
  expect(seen).toContain('Ghi nhận cho: Người Dùng Thử.');
  expect(seen).toContain('Ghi nhận cho: Nguyễn Thị Lan (người báo: Người Dùng Thử).');
  // A number picks from what was shown last, and says which command it runs.
  expect(seen).toContain('→ /dangky Lê Văn Tám | Phòng Cán bộ');
  expect(seen).toContain('Lê Văn Tám đang thuộc Văn phòng Ban. Chuyển sang Phòng Cán bộ từ hôm nay?');
  expect(seen).toContain('→ /dangky Lê Văn Tám | Phòng Cán bộ xacnhan');
  expect(seen).toContain('Đã chuyển Lê Văn Tám từ Văn phòng Ban sang Phòng Cán bộ kể từ hôm nay.');
  expect(seen).toContain('Bảng xếp hạng thi đua — tuần 47/2026');
  expect(seen).toContain('Tổng hợp thi đua — tháng 11/2026');
  expect(seen).toContain('Đã rút mục VT11');
  expect(store.entry('VT11')?.status).toBe('withdrawn');
});

it('numbers the choices of a whole answer in the order shown, and a number acts on that one', async () => {
  const agency = testAgency();
  const now = new Date('2026-11-25T03:00:00Z');
  await seedDemo(store, agency, now);
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const done = runDemo(agency, now, input, output);
  input.end(['/choduyet', '1', '4', 'Trùng lặp nội dung', '/trogiup', '1'].join('\n'));
  await done;
  const pending = store.entries.filter((e) => e.review === 'pending');
  const [first, second] = store.entries;
  expect(seen).toContain(`1. ✅ Duyệt — /duyet ${first?.code}`);
  expect(seen).toContain(`4. ❌ Không duyệt — /tuchoi ${second?.code}`);
  // "1" approves the first entry listed (not the last), and says so.
  expect(seen).toContain(`→ /duyet ${first?.code}`);
  expect(store.entry(first?.code ?? '')?.review).toBe('approved');
  // "4" after another answer refers to nothing shown last: it is no stale choice, and the chat says so.
  expect(store.entry(second?.code ?? '')?.review).toBe('pending');
  expect(seen).toContain('Số thứ tự này không ứng với lựa chọn nào còn hiệu lực. Vui lòng gửi lại lệnh.');
  expect(pending.length).toBeGreaterThan(1);
});

it('saves a picture beside the report files and prints its path', async () => {
  const agency = testAgency();
  const now = new Date('2026-11-25T03:00:00Z');
  await seedDemo(store, agency, now);
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const done = runDemo(agency, now, input, output);
  input.end('/bangxephang anh\n');
  await done;
  const path = join(dir, 'reports', 'bang-xep-hang-tuan-48-2026.png');
  expect(seen).toContain(`🖼  ${path}`);
  expect(seen).toContain('Bảng xếp hạng thi đua — tuần 48/2026');
  const png = PNG.sync.read(await readFile(path));
  // 1280 px wide, or a little less when the picture is taller than 2560 px (drawn smaller, not cropped).
  expect(png.width).toBeGreaterThan(1100);
  expect(png.width).toBeLessThanOrEqual(1280);
  expect(png.height).toBeLessThanOrEqual(2560);
});

it('imports a records workbook named by its path, the terminal’s way of sending a file', async () => {
  const agency = testAgency();
  const now = new Date('2026-12-10T03:00:00Z');
  await seedDemo(store, agency, now);
  const { buildRecordsTemplate } = await import('../../reports/records-workbook.js');
  const book = await readBook(await buildRecordsTemplate({ store, agency }, 2026));
  const sheet = book.getWorksheet('Xếp loại') as ExcelJS.Worksheet;
  const first = store.members[0];
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(2).value === first?.id) row.getCell(5).value = 'HTTNV';
  });
  const path = join(dir, 'ho so 2026.xlsx');
  await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const done = runDemo(agency, now, input, output);
  input.end(['/nhaphoso', `/nhaphoso "${path}"`].join('\n'));
  await done;
  expect(seen).toContain('Ghi đường dẫn tệp Excel (.xlsx) sau lệnh');
  expect(seen).toContain('Đã nhập 1 dòng vào hồ sơ thi đua');
  expect(store.rating(2026, { kind: 'member', memberId: first?.id as string })?.rating).toBe('httnv');
});
