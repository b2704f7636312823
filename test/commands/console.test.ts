import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runConsole } from '../../bot/console/console.js';
import { seedDemo } from '../../bot/console/demo.js';
import { commands } from '../../commands/index.js';
import { Router } from '../../core/router.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from '../helpers/agency.js';

let dir: string;
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
  const router = new Router({ store, agency, commands, clock: () => now, logger: memoryLogger().logger });
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const done = runConsole({
    router,
    locale: 'vi',
    input,
    output,
    ansi: false,
    intro: 'demo',
    filesDir: join(dir, 'reports'),
  });
  input.end(
    [
      '/trogiup',
      '/viectot Giúp @lan sửa máy in <b>gấp</b>',
      '/dangky Lê Văn Tám',
      '3',
      '/bangxephang',
      '/tonghop',
      '/huy VT11',
    ].join('\n'),
  );
  await done;
  expect(seen).toContain('/tonghop [tuan|thang|quy|nam|MM/YYYY|Qn/YYYY|YYYY] [phòng]');
  expect(seen).toContain('Đã lưu Việc tốt — mã VT11, 2 điểm.');
  expect(seen).toContain('Giúp @lan sửa máy in <b>gấp</b>');
  expect(seen).toContain('Ghi nhận cho Nguyễn Thị Lan (người báo: Người Dùng Thử).');
  expect(seen).toContain('Đã cập nhật hồ sơ: Lê Văn Tám — Phòng Cán bộ.');
  expect(seen).toContain('Bảng xếp hạng thi đua — tuần 48/2026');
  expect(seen).toContain('Tổng hợp thi đua — tháng 11/2026');
  expect(seen).toContain('Đã rút mục VT11');
  expect(store.entry('VT11')?.status).toBe('withdrawn');
});
