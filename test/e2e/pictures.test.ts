/**
 * The leaderboard picture as members get it: with the weekly post and the monthly digest (each in its
 * forum topic when one is set), and on request with /bangxephang anh and /kehoach anh.
 */
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CAPTION_LIMIT } from '../../bot/telegram/platform.js';
import { GROUP_ID, type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai');

afterEach(async () => {
  await tg.close();
});

/** Nov 2026: three members log entries in week 48 (and one in week 47, so someone can improve). */
async function aWeekOfEntries(env: Record<string, string> = {}) {
  tg = await TelegramHarness.create({ admins: [ADMIN], now: new Date('2026-11-18T03:00:00Z'), env });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
  await tg.send(lan(), '/viectot Trả lại ví tiền cho người đánh rơi');
  tg.now = new Date('2026-11-24T03:00:00Z');
  await tg.send(lan(), '/hoanthanh Báo cáo nhanh số liệu đảng viên');
  await tg.send(hung(), '/sangkien Tra cứu hồ sơ cán bộ bằng mã QR #cntt');
  await tg.send(mai(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm');
}

/** The PNG as decoded from what the bot uploaded. */
function decoded(seen: Seen | undefined): PNG {
  expect(seen?.photo, 'a photo').toBeDefined();
  return PNG.sync.read(seen?.photo?.data as Buffer);
}

describe('pictures on request', () => {
  it('/bangxephang anh answers with the leaderboard picture, the leaderboard as its caption', async () => {
    await aWeekOfEntries();
    const seen = await tg.send(hung(), '/bangxephang anh');
    expect(seen).toHaveLength(1);
    const [reply] = seen;
    expect(reply?.photo?.filename).toBe('bang-xep-hang-tuan-48-2026.png');
    const png = decoded(reply);
    // 640 layout units at 2 px a unit, never taller than the 2,560 px Telegram keeps.
    expect(png.width).toBe(1280);
    expect(png.height).toBeGreaterThan(600);
    expect(png.height).toBeLessThanOrEqual(2560);
    // The text as a caption: the same leaderboard, answering the command in the group.
    expect(reply?.text).toContain('Bảng xếp hạng thi đua — tuần 48/2026');
    expect(reply?.text).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 5 điểm');
    expect(reply?.replyTo).toBeDefined();
    expect(reply?.chatId).toBe(GROUP_ID);
    // Without the word, the text alone, as before.
    const plain = await tg.send(hung(), '/bangxephang tuần này');
    expect(plain.map((s) => s.photo)).toEqual([undefined]);
    // The word goes with any period, and as written with its tone mark.
    const last = await tg.send(hung(), '/bangxephang ảnh tuần trước');
    expect(last[0]?.photo?.filename).toBe('bang-xep-hang-tuan-47-2026.png');
    expect(last[0]?.text).toContain('tuần 47/2026');
  });

  it('/kehoach anh answers with the plan’s picture and the plan as text', async () => {
    await aWeekOfEntries();
    const seen = await tg.send(mai(), '/kehoach anh');
    expect(seen[0]?.photo?.filename).toBe('ke-hoach-nam-2026.png');
    expect(decoded(seen[0]).width).toBe(1280);
    const text = seen.map((s) => s.text).join('\n');
    expect(text).toContain('Kế hoạch phát động phong trào thi đua năm 2026');
    expect(text).toContain('Mốc sắp tới');
  });

  it('sends a text longer than a caption may be after the picture, as messages of its own', async () => {
    await aWeekOfEntries();
    tg.startedPrivate.add(ADMIN);
    const seen = await tg.send(tg.user(ADMIN, 'Toàn'), '/xemtruoc bangxephang', { inPrivate: true });
    expect(seen[0]?.photo).toBeDefined();
    expect(seen[0]?.text).toBe('');
    const text = seen
      .slice(1)
      .map((s) => s.text)
      .join('\n');
    expect(text.length).toBeGreaterThan(CAPTION_LIMIT);
    expect(text).toContain('Bảng vàng thi đua tuần — tuần 48/2026');
    expect(seen.slice(1).every((s) => s.photo === undefined)).toBe(true);
  });
});

describe('scheduled posts', () => {
  it('the weekly post and the monthly digest carry the picture, reminders go alone, each in its topic', async () => {
    await aWeekOfEntries({
      TELEGRAM_TOPIC_POSTS: '7',
      TELEGRAM_TOPIC_REMINDERS: '8',
      TELEGRAM_TOPIC_CONFIRMATIONS: '9',
    });
    const { scheduler } = tg.app;
    await scheduler.runDue(new Date('2026-11-26T10:00:00Z')); // first run: nothing owed before now

    // Friday 27 November, 16:31 in Vietnam: the weekly leaderboard.
    let before = tg.calls.length;
    await scheduler.runDue(new Date('2026-11-27T09:31:00Z'));
    const weekly = tg.seenSince(before);
    expect(weekly[0]?.photo?.filename).toBe('bang-vang-tuan-48-2026.png');
    const png = decoded(weekly[0]);
    expect(png.width).toBeLessThanOrEqual(1280);
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(2560);
    expect(weekly.map((s) => [s.chatId, s.topic])).toEqual(weekly.map(() => [GROUP_ID, 7]));
    const post = weekly.map((s) => s.text).join('\n');
    expect(post).toContain('Bảng vàng thi đua tuần — tuần 48/2026');
    // Good news first: the leader, and the department that improved most on last week.
    expect(post).toContain('🎉 Chúc mừng Trần Văn Hùng dẫn đầu với 5 điểm.');
    expect(post).toContain('📈 Tiến bộ nhất: Phòng Cán bộ, tăng 3,5 điểm/người so với tuần trước.');

    // 1 December, 08:01: the digest of November, with its picture, in the same topic.
    before = tg.calls.length;
    await scheduler.runDue(new Date('2026-12-01T01:01:00Z'));
    const digest = tg.seenSince(before);
    expect(digest[0]?.photo?.filename).toBe('diem-tin-thang-11-2026.png');
    expect(decoded(digest[0]).width).toBeGreaterThan(0);
    expect(digest.map((s) => s.topic)).toEqual(digest.map(() => 7));
    expect(digest.map((s) => s.text).join('\n')).toContain('Điểm tin thi đua tháng 11/2026');

    // 3 December, 08:01: a week before the Council's review, a reminder — text only, in its topic.
    before = tg.calls.length;
    await scheduler.runDue(new Date('2026-12-03T01:01:00Z'));
    const reminder = tg.seenSince(before);
    expect(reminder.map((s) => [s.chatId, s.topic, s.photo])).toEqual([[GROUP_ID, 8, undefined]]);
    expect(reminder[0]?.text).toContain('Nhắc kế hoạch');
  });

  it('posts to the main chat, and says so in the log, when the posts’ topic is gone', async () => {
    await aWeekOfEntries({ TELEGRAM_TOPIC_POSTS: '7' });
    tg.goneTopics.add(7);
    await tg.app.scheduler.runDue(new Date('2026-11-26T10:00:00Z'));
    const before = tg.calls.length;
    await tg.app.scheduler.runDue(new Date('2026-11-27T09:31:00Z'));
    const weekly = tg.seenSince(before);
    expect(weekly[0]?.photo).toBeDefined();
    expect(weekly.map((s) => [s.chatId, s.topic])).toEqual(weekly.map(() => [GROUP_ID, undefined]));
    expect(tg.store.lastJobSlot('leaderboard')?.toISOString()).toBe('2026-11-27T09:30:00.000Z');
    expect(tg.logs().filter((l) => l.msg === 'forum topic unavailable; sent to the main chat')).toHaveLength(
      1,
    );
  });
});
