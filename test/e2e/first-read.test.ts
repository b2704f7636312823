import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/agency.js';
import { TelegramHarness } from '../helpers/telegram.js';

/**
 * The first year-wide read after a start (issue 26): a province's year is 100k entries, and building
 * them as objects held the whole bot for half a second (1M: five). The year's figures are read from
 * the store's columns instead — /tonghop, /bangxephang, /kehoach and the weekly post build no entry,
 * and say the same as ever.
 */
const ADMIN = 900001;
let dir: { dir: string; cleanup: () => Promise<void> };
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const admin = () => tg.user(ADMIN, 'Toàn', { username: 'toan_vp' });
const now = new Date('2026-11-25T03:00:00Z');

beforeAll(async () => {
  dir = await tempDir();
  tg = await TelegramHarness.create({ admins: [ADMIN], now, dataDir: dir.dir });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(lan(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm');
  await tg.send(lan(), '/viectot Dọn dẹp phòng lưu trữ hồ sơ');
  await tg.send(hung(), '/viectot Trực thay đồng nghiệp bị ốm');
  await tg.send(hung(), '/viectot Sửa máy in cho cả phòng');
  await tg.send(admin(), '/huy VT4 Ghi trùng với mục khác');
  await tg.send(admin(), '/xacnhan');
  // As a store in use for a year: its entries in the snapshot, none left in the journal to replay.
  await tg.store.compact();
  await tg.close();
  // A start: the store opened again, nothing read yet.
  tg = await TelegramHarness.create({ admins: [ADMIN], now, dataDir: dir.dir });
});

afterAll(async () => {
  await tg.close();
  await dir.cleanup();
});

describe('the first year-wide read after a start', () => {
  it('/tonghop năm answers from the columns: the figures, the withdrawn codes, no entry built', async () => {
    const built = tg.store.entriesBuilt;
    const [reply] = await tg.send(admin(), '/tonghop năm');
    const text = reply?.text ?? '';
    expect(text).toContain('năm 2026');
    expect(text).toMatch(/Tổng[^\n]*3 mục/);
    expect(text).toContain('VT4');
    expect(tg.store.entriesBuilt - built).toBe(0);
  });

  it('/bangxephang năm and /kehoach build no entry either', async () => {
    const built = tg.store.entriesBuilt;
    const [board] = await tg.send(admin(), '/bangxephang năm');
    expect(board?.text).toContain('Nguyễn Thị Lan');
    expect(board?.text).toContain('Trần Văn Hùng');
    const plan = await tg.send(admin(), '/kehoach');
    expect(plan.length).toBeGreaterThan(0);
    expect(tg.store.entriesBuilt - built).toBe(0);
  });

  it('/choduyet builds only the entries awaiting review, not the year', async () => {
    const built = tg.store.entriesBuilt;
    const replies = await tg.send(admin(), '/choduyet');
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('Mục chờ duyệt: 3 mục');
    // The three active entries await review; VT4, withdrawn, is neither listed nor built.
    for (const code of ['VT1', 'VT2', 'VT3']) expect(text).toContain(code);
    expect(text).not.toContain('VT4');
    expect(tg.store.entriesBuilt - built).toBe(3);
  });
});
