import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_ID, mentionEntities, type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { last_name: 'Nguyễn', username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai');
const admin = () => tg.user(ADMIN, 'Toàn', { username: 'toan_vp' });

const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};

async function registerAll() {
  only(await tg.send(lan(), '/dangky Nguyễn Thị Lan | Văn phòng Ban'));
  only(await tg.send(hung(), '/dangky Trần Văn Hùng | phong can bo'));
  only(await tg.send(mai(), '/dangky Vũ Thị Mai | cb'));
  only(await tg.send(admin(), '/dangky Phạm Hữu Toàn | van phong'));
}

beforeEach(async () => {
  tg = await TelegramHarness.create({ admins: [ADMIN] });
});
afterEach(async () => {
  await tg.close();
});

describe('registration', () => {
  it('registers a member in the group, matching the department without case or diacritics', async () => {
    const reply = only(await tg.send(hung(), '/dangky Trần Văn Hùng | phong can bo'));
    expect(reply.text).toContain('Đã đăng ký Trần Văn Hùng — Phòng Cán bộ');
    expect(reply.chatId).toBe(GROUP_ID);
    expect(tg.store.members).toHaveLength(1);
    expect(tg.store.members[0]).toMatchObject({
      fullName: 'Trần Văn Hùng',
      departmentId: 'cb',
      username: 'hungtv',
    });
  });

  it('accepts /dangky@botname in the group and ignores commands for another bot', async () => {
    only(await tg.send(lan(), '/dangky@thidua_test_bot Nguyễn Thị Lan | vp'));
    expect(await tg.send(hung(), '/dangky@other_bot Trần Văn Hùng | cb')).toEqual([]);
    expect(tg.store.members.map((m) => m.fullName)).toEqual(['Nguyễn Thị Lan']);
  });

  it('offers the departments as buttons when none is given, and the requester picks one', async () => {
    const question = only(await tg.send(lan(), '/dangky Nguyễn Thị Lan'));
    expect(question.text).toContain('Chọn phòng của Nguyễn Thị Lan');
    expect(question.buttons.map((b) => b.text)).toEqual([
      'Văn phòng Ban',
      'Phòng Tổ chức đảng, đảng viên',
      'Phòng Cán bộ',
      'Phòng Bảo vệ chính trị nội bộ',
      'Phòng Chính sách cán bộ',
    ]);
    expect(tg.store.members).toHaveLength(0);

    const someoneElse = await tg.press(hung(), question, 'Phòng Cán bộ');
    expect(someoneElse).toEqual([]);
    expect(tg.callsOf('answerCallbackQuery').at(-1)?.payload).toMatchObject({ show_alert: true });
    expect(tg.store.members).toHaveLength(0);

    const done = only(await tg.press(lan(), question, 'Phòng Cán bộ'));
    expect(done.text).toContain('Đã đăng ký Nguyễn Thị Lan — Phòng Cán bộ');
    expect(tg.callsOf('editMessageText')).toHaveLength(1);
    expect(tg.callsOf('answerCallbackQuery')).toHaveLength(2);
    expect(tg.store.members[0]?.departmentId).toBe('cb');
  });

  it('lists the departments when the one given is unknown, and saves nothing', async () => {
    const reply = only(await tg.send(lan(), '/dangky Nguyễn Thị Lan | Phòng Tài chính'));
    expect(reply.text).toContain('Không tìm thấy phòng “Phòng Tài chính”');
    expect(reply.buttons).toHaveLength(5);
    expect(tg.store.members).toHaveLength(0);
  });

  it('refuses a registration without a name, with the usage line', async () => {
    const reply = only(await tg.send(lan(), '/dangky | vp'));
    expect(reply.text).toContain('Vui lòng ghi họ và tên');
    expect(reply.text).toContain('Cách dùng: /dangky Họ và tên | Phòng');
    expect(tg.store.members).toHaveLength(0);
  });

  it('registers in private only members of the agency group (asked with getChatMember)', async () => {
    const outsider = tg.user(5555, 'Khách');
    const refused = only(await tg.send(outsider, '/dangky Người Ngoài | vp', { inPrivate: true }));
    expect(refused.text).toContain('Chỉ thành viên nhóm chung của cơ quan mới đăng ký được');
    expect(tg.callsOf('getChatMember').at(-1)?.payload).toMatchObject({ chat_id: GROUP_ID, user_id: 5555 });
    expect(tg.store.members).toHaveLength(0);

    tg.setMembership(1003, 'member');
    const ok = only(await tg.send(mai(), '/dangky Vũ Thị Mai | cb', { inPrivate: true }));
    expect(ok.text).toContain('Đã đăng ký Vũ Thị Mai');
    expect(ok.chatId).toBe(1003);
  });

  it('updates a profile on a second registration, keeping one member', async () => {
    await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
    const reply = only(await tg.send(lan(), '/dangky Nguyễn Thị Ngọc Lan | vp'));
    expect(reply.text).toContain('Đã cập nhật hồ sơ: Nguyễn Thị Ngọc Lan — Văn phòng Ban');
    expect(tg.store.members).toHaveLength(1);
    expect(tg.store.members[0]?.history.map((h) => h.action)).toEqual(['registered', 'updated']);
  });
});

describe('logging entries', () => {
  beforeEach(registerAll);

  it('logs a good deed with its code, points and the week rank', async () => {
    const reply = only(await tg.send(lan(), '/viectot Trả lại ví nhặt được ở sảnh cơ quan'));
    expect(reply.text).toMatch(/Đã lưu Việc tốt — mã VT1, 2 điểm\./);
    expect(reply.text).toContain('Ghi nhận cho: Nguyễn Thị Lan.');
    expect(reply.text).toContain('Tuần này Nguyễn Thị Lan xếp hạng 1/1 người có điểm, với 2 điểm.');
    expect(reply.text).toContain('/huy VT1');
    expect(tg.store.entries).toHaveLength(1);
    expect(tg.store.entries[0]).toMatchObject({ kind: 'deed', points: 2, status: 'active' });
  });

  it('credits a good deed to the colleague named first by @username, keeping the reporter', async () => {
    const text = '/viectot @hungtv ở lại giúp sửa máy in';
    const reply = only(await tg.send(lan(), text, { entities: mentionEntities(text) }));
    expect(reply.text).toContain('Ghi nhận cho: Trần Văn Hùng (người báo: Nguyễn Thị Lan).');
    expect(reply.text).toContain('Tuần này Trần Văn Hùng xếp hạng 1/1 người có điểm, với 2 điểm.');
    const [entry] = tg.store.entries;
    const hungId = tg.store.memberByUsername('hungtv')?.id;
    expect(entry?.memberId).toBe(hungId);
    expect(entry?.reporterId).toBe(tg.store.memberByUsername('lan_nguyen')?.id);
  });

  it('follows a colleague who changed their @username', async () => {
    await tg.send(tg.user(1002, 'Hùng', { username: 'hung_moi' }), '/cuatoi');
    const old = '/viectot @hungtv đã trực thay ca';
    expect(only(await tg.send(lan(), old, { entities: mentionEntities(old) })).text).toContain(
      '@hungtv chưa đăng ký',
    );
    const text = '/viectot @hung_moi đã trực thay ca';
    expect(only(await tg.send(lan(), text, { entities: mentionEntities(text) })).text).toContain(
      'Ghi nhận cho: Trần Văn Hùng',
    );
  });

  it('credits a text mention (a colleague without a username) by their Telegram id', async () => {
    const text = '/viectot Chị Mai hướng dẫn phần mềm mới';
    const offset = text.indexOf('Chị Mai');
    const reply = only(
      await tg.send(lan(), text, { entities: [{ type: 'text_mention', offset, length: 7, user: mai() }] }),
    );
    expect(reply.text).toContain('Ghi nhận cho: Vũ Thị Mai');
  });

  it('refuses a mention of someone who has not registered, and saves nothing', async () => {
    const text = '/viectot @nguoila đã giúp đỡ đồng nghiệp';
    const reply = only(await tg.send(lan(), text, { entities: mentionEntities(text) }));
    expect(reply.text).toContain('@nguoila chưa đăng ký với bot');
    expect(reply.text).toContain('Cách dùng: /viectot nội dung');
    expect(tg.store.entries).toHaveLength(0);
  });

  it('scores a completed task 1, and 2 when marked #dotxuat', async () => {
    only(await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ quy hoạch cán bộ'));
    const adhoc = only(await tg.send(hung(), '/hoanthanh Báo cáo nhanh theo yêu cầu #dotxuat'));
    expect(adhoc.text).toContain('mã HT2, 2 điểm');
    expect(adhoc.text).toContain('Đánh dấu: nhiệm vụ đột xuất');
    // As a clerk types the tag: with diacritics, in two words.
    const typed = only(await tg.send(hung(), '/hoanthanh Tổng hợp số liệu theo yêu cầu #Đột xuất'));
    expect(typed.text).toContain('mã HT3, 2 điểm');
    expect(typed.text).toContain('Đánh dấu: nhiệm vụ đột xuất');
    expect(tg.store.entries.map((e) => [e.code, e.points, e.adhoc])).toEqual([
      ['HT1', 1, false],
      ['HT2', 2, true],
      ['HT3', 2, true],
    ]);
  });

  it('scores an initiative 3, and 5 when marked #cntt', async () => {
    only(await tg.send(mai(), '/sangkien Quy trình mới tiếp nhận hồ sơ'));
    const it2 = only(await tg.send(mai(), '/sangkien Tra cứu hồ sơ đảng viên bằng mã QR #cntt'));
    expect(it2.text).toContain('mã SK2, 5 điểm');
    expect(it2.text).toContain('mô hình ứng dụng CNTT');
  });

  it('keeps a captioned photo as evidence', async () => {
    const reply = only(await tg.send(lan(), '/viectot Dọn vệ sinh khuôn viên cơ quan', { photo: true }));
    expect(reply.text).toContain('Ảnh đã được lưu làm minh chứng');
    expect(tg.store.entries[0]?.photo).toEqual([{ platform: 'telegram', fileId: 'large-photo-id' }]);
  });

  it('creates one entry when the same update is delivered twice', async () => {
    const first = await tg.send(lan(), '/viectot Hiến máu tình nguyện', { messageId: 77 });
    const again = await tg.send(lan(), '/viectot Hiến máu tình nguyện', { messageId: 77 });
    expect(first[0]?.text).toContain('mã VT1');
    expect(again[0]?.text).toContain('Tin nhắn này đã được xử lý trước đó (VT1); không ghi lại lần nữa.');
    expect(tg.store.entries).toHaveLength(1);
  });

  it('shows user text escaped: a deed containing <b> shows <b>', async () => {
    const reply = only(await tg.send(lan(), '/viectot Sửa lỗi <b>in đậm</b> & "ngoặc"'));
    expect(reply.html).toContain('&lt;b&gt;in đậm&lt;/b&gt; &amp; &quot;ngoặc&quot;');
    expect(reply.text).toContain('Sửa lỗi <b>in đậm</b> & "ngoặc"');
  });

  it('saves and shows text without control characters (a bell, a backspace, a form feed pasted in)', async () => {
    const reply = only(await tg.send(lan(), '/viectot Trực\u0007 thay ca\u0008 cho đồng nghiệp\u000C bị ốm'));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
    expect(reply.text).toContain('Trực');
    expect(reply.html).not.toMatch(controls);
    expect(tg.store.entries).toHaveLength(1);
    expect(tg.store.entries[0]?.text).not.toMatch(controls);
  });

  it.each([
    ['empty text', '/viectot', 'Vui lòng ghi rõ việc tốt đã làm'],
    ['only a tag', '/hoanthanh #dotxuat', 'Vui lòng ghi rõ nội dung công việc đã hoàn thành'],
    ['an emoji', '/viectot 😀', 'Vui lòng ghi rõ việc tốt đã làm (ít nhất 3 từ khác nhau'],
    ['a dot', '/viectot .', 'Vui lòng ghi rõ việc tốt đã làm'],
    ['two words', '/viectot Giúp đỡ', 'Vui lòng ghi rõ việc tốt đã làm'],
    ['a mention and punctuation', '/viectot @hungtv !!! 👍 #cntt', 'Vui lòng ghi rõ việc tốt đã làm'],
    [
      'text over 1,000 characters',
      `/sangkien ${'Một sáng kiến dài '.repeat(56)}`,
      'dài 1007 ký tự, vượt quá 1000',
    ],
  ])('refuses %s with the usage line and saves nothing', async (_what, text, problem) => {
    const reply = only(await tg.send(lan(), text));
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain('Cách dùng:');
    expect(tg.store.entries).toHaveLength(0);
  });

  it('says plainly whose deed it is when a colleague is mentioned later in the text', async () => {
    // The README's example: "helped Lan fix the printer" is the caller's deed, not Lan's.
    const text = '/viectot Giúp @lan_nguyen sửa máy in';
    const reply = only(await tg.send(hung(), text, { entities: mentionEntities(text) }));
    expect(reply.text).toContain('Ghi nhận cho: Trần Văn Hùng.');
    expect(reply.text).toContain('đặt tên người đó ngay sau lệnh');
    expect(tg.store.entries[0]?.memberId).toBe(tg.store.memberByUsername('hungtv')?.id);
    // Named first, the same colleague is credited; the caller stays the reporter.
    const first = '/viectot @lan_nguyen đã trực thay ca';
    const credited = only(await tg.send(hung(), first, { entities: mentionEntities(first) }));
    expect(credited.text).toContain('Ghi nhận cho: Nguyễn Thị Lan (người báo: Trần Văn Hùng).');
    expect(tg.store.entries[1]).toMatchObject({
      memberId: tg.store.memberByUsername('lan_nguyen')?.id,
      reporterId: tg.store.memberByUsername('hungtv')?.id,
    });
    // A text mention written later is part of the text too.
    const later = '/viectot Cùng chị Mai dọn kho lưu trữ';
    const offset = later.indexOf('chị Mai');
    const own = only(
      await tg.send(hung(), later, { entities: [{ type: 'text_mention', offset, length: 7, user: mai() }] }),
    );
    expect(own.text).toContain('Ghi nhận cho: Trần Văn Hùng.');
  });

  it('refuses two colleagues named first: one entry credits one person', async () => {
    const text = '/viectot @lan_nguyen @hungtv trực thay ca đêm';
    const reply = only(await tg.send(mai(), text, { entities: mentionEntities(text) }));
    expect(reply.text).toContain('Mỗi mục chỉ ghi nhận cho một người');
    expect(tg.store.entries).toHaveLength(0);
  });

  it('refuses logging before registering', async () => {
    const stranger = tg.user(4242, 'Bình');
    const reply = only(await tg.send(stranger, '/viectot Giúp đồng nghiệp'));
    expect(reply.text).toContain('Đồng chí chưa đăng ký');
    expect(tg.store.entries).toHaveLength(0);
  });

  it('refuses politely past the daily limit', async () => {
    for (let i = 1; i <= 10; i += 1) await tg.send(lan(), `/hoanthanh Nhiệm vụ số ${i}`);
    const reply = only(await tg.send(lan(), '/hoanthanh Nhiệm vụ số 11'));
    expect(reply.text).toContain('Hôm nay đồng chí đã ghi 10 mục, là mức tối đa trong một ngày');
    expect(tg.store.entries).toHaveLength(10);
    tg.now = new Date(tg.now.getTime() + 24 * 3600_000);
    expect(only(await tg.send(lan(), '/hoanthanh Nhiệm vụ ngày mới')).text).toContain('mã HT11');
  });

  it('counts toward the daily limit what the caller logged for colleagues, and not what was withdrawn', async () => {
    for (let i = 1; i <= 9; i += 1) await tg.send(lan(), `/hoanthanh Nhiệm vụ số ${i}`);
    const forHung = '/viectot @hungtv đã trực thay ca đêm'; // Hùng's deed, logged by Lan: her tenth
    const credited = only(await tg.send(lan(), forHung, { entities: mentionEntities(forHung) }));
    expect(credited.text).toContain('Ghi nhận cho: Trần Văn Hùng (người báo: Nguyễn Thị Lan).');
    expect(only(await tg.send(lan(), '/hoanthanh Nhiệm vụ số 11')).text).toContain('là mức tối đa');
    expect(tg.store.entries).toHaveLength(10);
    expect(only(await tg.send(lan(), '/huy HT3')).text).toContain('Đã rút mục HT3');
    expect(only(await tg.send(lan(), '/hoanthanh Nhiệm vụ ghi lại')).text).toContain('mã HT11');
    expect(only(await tg.send(lan(), '/hoanthanh Nhiệm vụ thêm nữa')).text).toContain('là mức tối đa');
  });
});

describe('withdrawing', () => {
  beforeEach(registerAll);

  it('lets the author withdraw an entry, which then no longer counts but stays in the trail', async () => {
    await tg.send(lan(), '/viectot Giúp đỡ đồng nghiệp');
    const reply = only(await tg.send(lan(), '/huy vt1'));
    expect(reply.text).toContain('Đã rút mục VT1; 2 điểm không còn được tính.');
    expect(tg.store.entries[0]?.status).toBe('withdrawn');
    expect(tg.store.entries[0]?.history.map((h) => h.action)).toEqual(['created', 'withdrawn']);
    const mine = only(await tg.send(lan(), '/cuatoi')).text;
    expect(mine).toContain('Tổng: 0 điểm từ 0 mục được tính.');
    expect(mine).toContain('(Đã rút, không tính điểm)');
    expect(mine).toContain('Xếp hạng: chưa có điểm trong kỳ.');
  });

  it("refuses another member's entry, an unknown code and a second withdrawal", async () => {
    await tg.send(lan(), '/viectot Giúp đỡ đồng nghiệp');
    expect(only(await tg.send(hung(), '/huy VT1')).text).toContain('không do đồng chí ghi');
    expect(only(await tg.send(hung(), '/huy VT99')).text).toContain('Không có mục nào mã “VT99”');
    expect(only(await tg.send(hung(), '/huy')).text).toContain('Cách dùng: /huy MÃ');
    expect(tg.store.entries[0]?.status).toBe('active');
    const [done, ...notices] = await tg.send(admin(), '/huy VT1 Ghi trùng với mục khác');
    expect(done?.text).toContain('Đã rút mục VT1 của Nguyễn Thị Lan');
    // Lan never opened the bot in private: the notice, with the reason, goes to the group.
    expect(notices.at(-1)?.text).toContain('ghi nhận cho đồng chí đã được Phạm Hữu Toàn rút lại');
    expect(notices.at(-1)?.text).toContain('Lý do: Ghi trùng với mục khác');
    expect(only(await tg.send(lan(), '/huy VT1')).text).toContain('đã được rút trước đó');
  });
});

describe('withdrawing as an admin who has not registered', () => {
  it('lets a configured admin withdraw any entry without a profile of their own', async () => {
    only(await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp'));
    await tg.send(lan(), '/viectot Giúp đỡ đồng nghiệp');
    const office = tg.user(ADMIN, 'Văn phòng');
    expect(only(await tg.send(office, '/huy VT1')).text).toContain('vui lòng ghi lý do rút');
    expect(tg.store.entries[0]?.status).toBe('active');
    expect((await tg.send(office, '/huy VT1 Ghi nhầm nội dung'))[0]?.text).toContain('Đã rút mục VT1');
    expect(tg.store.entries[0]?.history.at(-1)).toMatchObject({
      action: 'withdrawn',
      by: `telegram:${ADMIN}`,
      note: 'Ghi nhầm nội dung',
    });
    expect(only(await tg.send(office, '/cuatoi')).text).toContain('Đồng chí chưa đăng ký');
  });
});

describe('standings', () => {
  beforeEach(registerAll);

  it('/cuatoi lists my entries and points of the week, with deeds credited to me by others', async () => {
    await tg.send(lan(), '/hoanthanh Báo cáo tháng mười #dotxuat');
    const text = '/viectot @lan_nguyen trực thay đồng nghiệp ốm';
    await tg.send(hung(), text, { entities: mentionEntities(text) });
    const reply = only(await tg.send(lan(), '/cuatoi'));
    expect(reply.text).toContain(
      'Ghi nhận của Nguyễn Thị Lan — tuần 48/2026 (23/11/2026 – 29/11/2026, tính đến ngày 25/11/2026)',
    );
    expect(reply.text).toContain('HT1');
    expect(reply.text).toMatch(
      /VT2 .*Việc tốt · 2 điểm\n {3}@lan_nguyen trực thay đồng nghiệp ốm \(Chờ duyệt, được tính điểm\) \(do Trần Văn Hùng báo\)/,
    );
    expect(reply.text).toContain('Tổng: 4 điểm từ 2 mục được tính.');
    expect(reply.text).toContain('Xếp hạng: 1/1 người có điểm trong kỳ.');
  });

  it('/cuatoi refuses an unknown period with the usage line', async () => {
    const reply = only(await tg.send(lan(), '/cuatoi homqua'));
    expect(reply.text).toContain('Không hiểu kỳ “homqua”');
    expect(reply.text).toContain('Cách dùng: /cuatoi [kỳ]');
    expect(reply.text).toContain('Kỳ viết như: tuần, tuần trước');
  });

  it('/bangxephang ranks departments by points per member, showing totals and member counts', async () => {
    // Văn phòng: Lan and Toàn, 6 points → 3/member. Cán bộ: Hùng and Mai, 5 points → 2.5/member.
    await tg.send(lan(), '/sangkien Sổ tay điện tử #cntt'); // 5
    await tg.send(admin(), '/hoanthanh Họp giao ban tuần'); // 1
    await tg.send(hung(), '/sangkien Quy trình tiếp nhận mới'); // 3
    await tg.send(mai(), '/viectot Nhặt được của rơi'); // 2
    const reply = only(await tg.send(mai(), '/bangxephang'));
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe(
      '🏆 Bảng xếp hạng thi đua — tuần 48/2026 (23/11/2026 – 29/11/2026, tính đến ngày 25/11/2026)',
    );
    expect(lines).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 5 điểm');
    expect(lines).toContain('2. Trần Văn Hùng (Phòng Cán bộ) — 3 điểm');
    expect(lines).toContain('1. Văn phòng Ban — 3 điểm/người (tổng 6 điểm, 2 người)');
    expect(lines).toContain('2. Phòng Cán bộ — 2,5 điểm/người (tổng 5 điểm, 2 người)');
  });

  it('/bangxephang thang counts the whole month, not only this week', async () => {
    tg.now = new Date('2026-11-03T03:00:00Z');
    await tg.send(lan(), '/viectot Việc tốt đầu tháng');
    tg.now = new Date('2026-11-25T03:00:00Z');
    expect(only(await tg.send(lan(), '/bangxephang')).text).toContain('Chưa có ai ghi nhận trong kỳ này');
    expect(only(await tg.send(lan(), '/bangxephang thang')).text).toContain(
      '1. Nguyễn Thị Lan (Văn phòng Ban) — 2 điểm',
    );
  });
});

describe('/tonghop', () => {
  beforeEach(registerAll);

  it('gives an admin the month: kinds, departments, participation, top members, targets, withdrawn', async () => {
    await tg.send(lan(), '/viectot Hiến máu tình nguyện');
    await tg.send(lan(), '/hoanthanh Báo cáo đột xuất tuần #dotxuat');
    await tg.send(hung(), '/sangkien Phần mềm theo dõi #cntt');
    await tg.send(hung(), '/viectot Giúp đỡ đồng nghiệp');
    await tg.send(hung(), '/huy VT4');
    const reply = only(await tg.send(admin(), '/tonghop'));
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe(
      '📊 Tổng hợp thi đua — tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)',
    );
    expect(lines).toContain('• Việc tốt: 1 mục, 2 điểm');
    expect(lines).toContain('• Hoàn thành nhiệm vụ: 1 mục, 2 điểm');
    expect(lines).toContain('   Trong đó nhiệm vụ đột xuất: 1');
    expect(lines).toContain('• Sáng kiến: 1 mục, 5 điểm');
    expect(lines).toContain('Tổng cộng: 3 mục, 9 điểm');
    expect(lines).toContain('• Văn phòng Ban: 2 mục, 4 điểm; tham gia 1/2 người (50%)');
    expect(lines).toContain('• Phòng Cán bộ: 1 mục, 5 điểm; tham gia 1/2 người (50%)');
    expect(lines).toContain('Tỷ lệ tham gia: 2/4 người có ít nhất một mục (50%)');
    expect(lines).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 5 điểm, 1 mục');
    expect(lines).toContain('• Mô hình ứng dụng CNTT (chỉ tiêu: ít nhất 01): 1');
    expect(lines).toContain('Mục đã rút: 1');
    expect(lines).toContain('   VT4');
  });

  it('takes a named past period and a department', async () => {
    tg.now = new Date('2026-08-10T03:00:00Z');
    await tg.send(hung(), '/hoanthanh Việc của quý III');
    tg.now = new Date('2026-11-25T03:00:00Z');
    await tg.send(mai(), '/hoanthanh Việc của quý IV');
    const q3 = only(await tg.send(admin(), '/tonghop Q3/2026 phong can bo'));
    expect(q3.text.split('\n')[0]).toBe(
      '📊 Tổng hợp thi đua — Phòng Cán bộ — quý III/2026 (01/07/2026 – 30/09/2026)',
    );
    expect(q3.text).toContain('Tổng cộng: 1 mục, 1 điểm');
    const august = only(await tg.send(admin(), '/tonghop 08/2026'));
    expect(august.text).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 1 điểm, 1 mục');
    expect(only(await tg.send(admin(), '/tonghop 2026')).text).toContain('Tổng cộng: 2 mục, 2 điểm');
  });

  it('refuses a non-admin, an unknown period and an unknown department', async () => {
    expect(only(await tg.send(lan(), '/tonghop')).text).toContain('chỉ dành cho quản trị viên');
    expect(only(await tg.send(admin(), '/tonghop 13/2026')).text).toContain('Không có kỳ “13/2026”');
    const dept = only(await tg.send(admin(), '/tonghop thang phong tai chinh'));
    expect(dept.text).toContain('Không hiểu “phong tai chinh”: không phải kỳ, cũng không phải tên phòng.');
    expect(dept.text).toContain('• Phòng Cán bộ (cb)');
    expect(dept.text).toContain('Cách dùng: /tonghop');
  });
});

describe('languages, help and long answers', () => {
  it('answers in English in private to a user whose Telegram is in English', async () => {
    const en = tg.user(3003, 'John', { language_code: 'en' });
    tg.setMembership(3003, 'member');
    const asked = only(await tg.send(en, '/dangky John Smith | vp', { inPrivate: true }));
    expect(asked.text).toContain('The name “John Smith” has no diacritics or capitals');
    const reply = only(await tg.press(en, asked, 'Keep “John Smith”'));
    expect(reply.text).toContain('Registered John Smith — Văn phòng Ban');
    expect(only(await tg.send(en, '/trogiup', { inPrivate: true })).text).toContain('Commands you can use');
    // Counts in English take their number: one entry, two entries.
    await tg.send(en, '/viectot Helped a new colleague set up the printer', { inPrivate: true });
    const office = tg.user(ADMIN, 'Toàn', { username: 'toan_vp', language_code: 'en' });
    const summary = only(await tg.send(office, '/tonghop week', { inPrivate: true })).text;
    expect(summary).toContain('• Good deed: 1 entry, 2 points');
    expect(summary).toContain('Total: 1 entry, 2 points');
    expect(summary).toContain('1. John Smith (Văn phòng Ban) — 2 points, 1 entry');
    expect(summary).not.toMatch(/\b1 entries\b/);
  });

  it('/trogiup lists only the commands this user may run', async () => {
    await registerAll();
    const forMember = only(await tg.send(lan(), '/help')).text;
    expect(forMember).toContain('/viectot nội dung');
    expect(forMember).not.toContain('/tonghop');
    // An admin's list is long: it may come in two messages (split at 4,096 characters).
    expect((await tg.send(admin(), '/trogiup')).map((s) => s.text).join('\n')).toContain('/tonghop');
    const forStranger = only(await tg.send(tg.user(7777, 'Khách'), '/trogiup')).text;
    expect(forStranger).not.toContain('/viectot');
    expect(forStranger).toContain('/dangky Họ và tên | Phòng');
  });

  it('/batdau greets and says how to register', async () => {
    const reply = only(await tg.send(lan(), '/start'));
    expect(reply.text).toContain('phong trào thi đua năm 2026');
    expect(reply.text).toContain('/dangky Họ và tên | Phòng');
  });

  it('splits an answer longer than 4,096 characters at line breaks', async () => {
    await tg.close();
    tg = await TelegramHarness.create({
      admins: [ADMIN],
      agency: { limits: { entriesPerDay: 100, textMaxLength: 1000, minWords: 3 } },
    });
    await registerAll();
    for (let i = 1; i <= 30; i += 1) {
      await tg.send(
        lan(),
        `/hoanthanh Nhiệm vụ số ${i}: ${'soạn thảo văn bản hướng dẫn công tác tổ chức '.repeat(3)}`,
      );
    }
    const parts = await tg.send(lan(), '/cuatoi');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.html.length).toBeLessThanOrEqual(4096);
    const all = parts.map((p) => p.text).join('\n');
    for (let i = 1; i <= 30; i += 1) expect(all).toContain(`HT${i} `);
    expect(all).toContain('Tổng: 30 điểm từ 30 mục được tính.');
  });

  it('ignores chats other than the agency group and private chats', async () => {
    await registerAll();
    const other = await tg.deliver({
      update_id: 99999,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100999, type: 'supergroup', title: 'Nhóm khác' },
        from: lan(),
        text: '/viectot Việc ở nhóm khác',
        entities: [{ type: 'bot_command', offset: 0, length: 8 }],
      },
    } as never);
    expect(other).toEqual([]);
    expect(tg.store.entries).toHaveLength(0);
  });
});
