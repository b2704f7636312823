import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_ID, type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
let tg: TelegramHarness;
const lan = () => tg.user(1001, 'Lan');
const hung = () => tg.user(1002, 'Hùng');
const admin = () => tg.user(ADMIN, 'Toàn');
const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};

beforeEach(async () => {
  tg = await TelegramHarness.create({ admins: [ADMIN], now: new Date('2026-11-25T03:00:00Z') });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
});
afterEach(async () => {
  await tg.close();
});

describe('/kehoach', () => {
  it('shows every target with figures from the store and a progress bar, and the next milestones', async () => {
    await tg.send(lan(), '/hoanthanh Báo cáo công tác đảng viên');
    await tg.send(lan(), '/sangkien Tra cứu hồ sơ bằng mã QR #cntt');
    const text = only(await tg.send(hung(), '/kehoach')).text;
    expect(text).toContain('Kế hoạch phát động phong trào thi đua năm 2026 (Số 22-KH/BTCTU)');
    expect(text).toContain('Tiến độ tính đến ngày 25/11/2026');
    // 1 of 2 members and 1 of 5 departments have a completed task; 1 IT model of the 1 required.
    expect(text).toMatch(/▫️ 100% cán bộ, công chức.*\n {3}▓▓▓▓▓░░░░░ 1\/2 \(50%\)/);
    expect(text).toMatch(/▫️ 100% phòng chuyên môn.*\n {3}▓▓░░░░░░░░ 1\/5 \(20%\)/);
    // The IT model is reached only if the Council approves it: ⏳, and the figure says so.
    expect(text).toMatch(
      /⏳ Ít nhất 01 mô hình ứng dụng công nghệ thông tin.*\n {3}▓▓▓▓▓▓▓▓▓▓ 1\/1, trong đó 1 dựa trên mục chưa được duyệt/,
    );
    expect(text).toContain('✅ đạt (đã được duyệt) · ⏳ đạt nếu các mục chờ duyệt được duyệt');
    expect(text).toContain(
      '• 30/11/2026 (còn 5 ngày; ngày do Văn phòng định) — Văn phòng tổng hợp báo cáo tổng kết công tác thi đua, khen thưởng năm 2026',
    );
    expect(text).toContain(
      '• 10/12/2026 (còn 15 ngày; ngày do Văn phòng định) — Hội đồng Thi đua – Khen thưởng họp bình xét',
    );
    expect(text).not.toContain('14/10/2026');
    // The plan's own targets as written; the levels the Office added marked as not the plan's.
    expect(text).toContain(
      '▫️ Nhiệm vụ phát sinh, đột xuất được hoàn thành (mức tham chiếu của Văn phòng, không phải chỉ tiêu của Kế hoạch)',
    );
    expect(text).toMatch(/▫️ 100% phòng chuyên môn hoàn thành chương trình, kế hoạch công tác\n/);
    expect(text.match(/không phải chỉ tiêu của Kế hoạch/g)).toHaveLength(4);
  });
});

describe('scheduled posts on demand', () => {
  it('/xemtruoc shows a post only to the admin who asked, in private', async () => {
    tg.startedPrivate.add(ADMIN);
    await tg.send(lan(), '/viectot Nhặt được ví trả lại');
    const seen = await tg.send(admin(), '/xemtruoc bangxephang');
    // The post's picture, then its text (too long for a caption), both in private.
    expect(seen.map((s) => [s.chatId, s.photo?.filename])).toEqual([
      [ADMIN, 'bang-vang-tuan-48-2026.png'],
      [ADMIN, undefined],
    ]);
    expect(seen[1]?.text).toContain('Xem trước — chỉ đồng chí thấy tin này.');
    expect(seen[1]?.text).toContain('Bảng vàng thi đua tuần — tuần 48/2026');
    expect(seen[1]?.text).toContain('• Nguyễn Thị Lan: Nhặt được ví trả lại');
    expect(only(await tg.send(admin(), '/xemtruoc nhac', { inPrivate: true })).text).toContain(
      'Hôm nay không có mốc kế hoạch nào cần nhắc.',
    );
    tg.now = new Date('2026-11-23T03:00:00Z'); // 7 days before the year-end report
    const reminders = await tg.send(admin(), '/xemtruoc nhac', { inPrivate: true });
    expect(reminders[0]?.text).toContain(
      'Nhắc kế hoạch: Văn phòng tổng hợp báo cáo tổng kết công tác thi đua, khen thưởng năm 2026 — ngày 30/11/2026 (còn 7 ngày).',
    );
    expect(reminders[1]?.text).toContain('Văn phòng lưu ý');
  });

  it('/dangngay posts to the group now; others are refused; an unknown post gets the usage line', async () => {
    const asked = only(await tg.send(admin(), '/dangngay thang', { inPrivate: true }));
    expect(asked.text).toContain('Đăng điểm tin tháng lên nhóm chung ngay bây giờ?');
    expect(asked.chatId).toBe(ADMIN); // nothing went to the group yet
    const posted = await tg.press(admin(), asked, '📣 Đăng ngay');
    expect(posted.map((s) => s.chatId)).toEqual([ADMIN, GROUP_ID]);
    expect(posted[0]?.text).toBe('Đã đăng lên nhóm.');
    expect(posted[1]?.text).toContain('Điểm tin thi đua tháng 10/2026');
    // The answer replaced the question and its button: it cannot be pressed twice.
    expect(tg.callsOf('editMessageText').at(-1)?.payload.reply_markup).toBeUndefined();
    expect(only(await tg.send(lan(), '/dangngay bangxephang')).text).toContain('chỉ dành cho quản trị viên');
    expect(only(await tg.send(admin(), '/dangngay tuanroi')).text).toContain(
      'Không rõ bài “tuanroi”.\nCách dùng: /dangngay bangxephang|thang',
    );
    for (const command of ['/dangngay', '/xemtruoc']) {
      expect(only(await tg.send(admin(), command)).text).toContain('Vui lòng ghi tên bài.\nCách dùng:');
    }
  });

  it('/tatnhac and /batnhac turn personal reminders off and on, recorded in the member history', async () => {
    expect(only(await tg.send(lan(), '/tatnhac')).text).toBe(
      'Đã tắt nhắc nhở cá nhân. Bật lại bằng /batnhac.',
    );
    expect(tg.store.memberByIdentity('telegram:1001')?.nudges).toBe(false);
    const on = only(await tg.send(lan(), '/batnhac'));
    expect(on.text).toContain('hãy nhắn riêng cho bot một lần');
    tg.setMembership(1001, 'member');
    const inPrivate = only(await tg.send(lan(), '/batnhac', { inPrivate: true }));
    expect(inPrivate.text).toBe('Đã bật nhắc nhở cá nhân. Tắt bằng /tatnhac.');
    const member = tg.store.memberByIdentity('telegram:1001');
    expect(member).toMatchObject({ nudges: true, privateChat: true });
    expect(member?.history.map((h) => h.note)).toEqual([
      'Nguyễn Thị Lan | vp',
      'nudges off',
      'nudges on',
      'nudges on',
    ]);
  });
});
