import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/agency.js';
import { testCouncilFile } from '../helpers/council.js';
import { FakePlatform } from '../helpers/fake-platform.js';
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
const mention = (text: string) =>
  [...text.matchAll(/@[A-Za-z0-9_]{3,}/g)].map((m) => ({
    type: 'mention' as const,
    offset: m.index ?? 0,
    length: m[0].length,
  }));

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

/**
 * The reads that list a few entries out of a year — a drive's (/chuyende: found by #tag in their
 * text), a member's own (/cuatoi năm, the desk's own page), those a merge moves (/lienket) — build
 * only those, never the year: a province's year is 100k entries, ~90 MB once built and kept.
 */
describe('a read that lists a few entries of the year, after a start', () => {
  const CHAIR = 800001;
  let listed: { dir: string; cleanup: () => Promise<void> };
  let other: FakePlatform;
  let env: Record<string, string>;
  let bot: TelegramHarness;
  const chair = () => bot.user(CHAIR, 'Chủ tịch HĐ');
  const lan = () => bot.user(1001, 'Lan', { username: 'lan_nguyen' });
  const hung = () => bot.user(1002, 'Hùng', { username: 'hungtv' });
  const admin = () => bot.user(ADMIN, 'Toàn', { username: 'toan_vp' });
  const start = async () => {
    other = new FakePlatform('console');
    bot = await TelegramHarness.create({
      admins: [ADMIN],
      now,
      dataDir: listed.dir,
      env,
      platforms: [other],
    });
  };

  beforeAll(async () => {
    listed = await tempDir();
    // The plan's first milestone ends a drive, #baucu.
    const plan = JSON.parse(await readFile('config/plan-2026.json', 'utf8'));
    plan.milestones[0].drive = { tag: 'baucu' };
    const planFile = join(listed.dir, 'plan.json');
    await writeFile(planFile, JSON.stringify(plan));
    env = {
      PLAN_FILE: planFile,
      COUNCIL_FILE: testCouncilFile(listed.dir, [CHAIR, 800002, 800003, 800004], 5),
    };
    await start();
    await bot.send(lan(), '/dangky Nguyễn Thị Lan | vp');
    await bot.send(hung(), '/dangky Trần Văn Hùng | cb');
    await bot.send(lan(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm'); // VT1, tagged by the Council
    await bot.send(hung(), '/viectot Tuyên truyền bầu cử tại tổ dân phố #baucu'); // VT2
    await bot.send(lan(), '/viectot Trực điểm bầu cử cả ngày #BauCu.'); // VT3
    await bot.send(hung(), '/viectot Sửa máy in cho cả phòng #baucuxanh'); // VT4: another tag
    const forHung = '/viectot @hungtv Dọn dẹp kho lưu trữ của phòng';
    await bot.send(lan(), forHung, { entities: mention(forHung) }); // VT5: Lan's, credited to Hùng
    await other.send('mai', '/dangky Nguyễn Thị Lan (Zalo) | vp', { name: 'Lan' });
    await other.send('mai', '/viectot Việc tốt ghi trên nền tảng kia'); // VT6
    await bot.send(chair(), '/chuyende baucu VT1 | Hướng dẫn phần mềm bầu cử', { inPrivate: true });
    // Lan on the list for CSTĐCS, with one entry approved.
    const register = '/dangkythidua @lan_nguyen cstdcs';
    await bot.send(admin(), register, { entities: mention(register) });
    await bot.send(chair(), '/duyet VT3', { inPrivate: true });
    await bot.store.compact();
    await bot.close();
  });

  beforeEach(async () => {
    // Each read after a start of its own: nothing built by an earlier one.
    await bot.close();
    await start();
  });

  afterAll(async () => {
    await bot?.close();
    await listed.cleanup();
  });

  it('/chuyende builds the drive’s entries only: those carrying #baucu, and the one the Council tagged', async () => {
    const built = bot.store.entriesBuilt;
    const replies = await bot.send(chair(), '/chuyende baucu', { inPrivate: true });
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('Nguyễn Thị Lan: VT1, VT3');
    expect(text).toContain('Trần Văn Hùng: VT2');
    expect(text).not.toContain('VT4');
    expect(bot.store.entriesBuilt - built).toBe(3);
  });

  it('/chuyende searches the texts once after a start: then its tag index answers, with entries written since', async () => {
    await bot.send(chair(), '/chuyende baucu', { inPrivate: true });
    // The texts' one chunk was read once, for the index; none is read again.
    const decoded = bot.store.chunksDecoded;
    // A message id of its own: this harness's ids start again at each start.
    await bot.send(hung(), '/viectot Vận động cử tri đi bầu #baucu', { messageId: 90_001 });
    const replies = await bot.send(chair(), '/chuyende baucu', { inPrivate: true });
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('Nguyễn Thị Lan: VT1, VT3');
    expect(text).toContain('Trần Văn Hùng: VT2, VT7');
    expect(bot.store.chunksDecoded - decoded).toBe(0);
  });

  it('/cuatoi năm builds the member’s entries it shows, not the year: those she logged for others are counted', async () => {
    const built = bot.store.entriesBuilt;
    const [reply] = await bot.send(lan(), '/cuatoi năm');
    expect(reply?.text).toContain('VT1');
    expect(reply?.text).toContain('VT3');
    expect(reply?.text).toContain('từ 2 mục được tính.');
    expect(reply?.text).toContain('Đồng chí đã báo 1 việc tốt cho đồng nghiệp.');
    // VT1 and VT3, hers, shown; VT5, which she logged for Hùng, counted in the columns.
    expect(bot.store.entriesBuilt - built).toBe(2);
    // Each of their strings read alone: no chunk of the year's texts decoded whole (a member's
    // entries lie in every chunk of a year).
    expect(bot.store.chunksDecoded).toBe(0);
  });

  it('/danhsach builds the entries of those on the list, not the year', async () => {
    const built = bot.store.entriesBuilt;
    const replies = await bot.send(chair(), '/danhsach cstdcs', { inPrivate: true });
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('1. Nguyễn Thị Lan — Văn phòng Ban');
    expect(text).toContain('1 nội dung được duyệt: 0 nhiệm vụ, 0 sáng kiến, 1 việc tốt');
    // Her own: VT1 and VT3.
    expect(bot.store.entriesBuilt - built).toBe(2);
  });

  it('/lienket builds only the entries of the profile it merges', async () => {
    const code = /Mã liên kết: (\d{6})/.exec(
      (await bot.send(lan(), '/lienket', { inPrivate: true }))[0]?.text ?? '',
    )?.[1];
    const built = bot.store.entriesBuilt;
    const [reply] = await other.send('mai', `/lienket ${code}`, { name: 'Lan', inPrivate: true });
    expect(reply?.text).toContain('Đã gộp 1 mục ghi nhận trước đây vào hồ sơ.');
    expect(bot.store.entriesBuilt - built).toBe(1);
  });
});
