import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePlatform } from '../helpers/fake-platform.js';
import { GROUP_ID, mentionEntities, type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
const COUNCIL = 800001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const council = () => tg.user(COUNCIL, 'Hội đồng', { username: 'hoidong' });
const admin = () => tg.user(ADMIN, 'Toàn');

const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};

async function setUp(mode: 'after' | 'before' = 'after') {
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    council: [COUNCIL],
    agency: { review: { mode } },
  });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(council(), '/dangky Lê Hội Đồng | tcdv');
}

afterEach(async () => {
  await tg.close();
});

describe('the Council reviews entries', () => {
  beforeEach(() => setUp('after'));

  it('lists pending entries oldest first, with buttons, and approves one by button; the author is told in private', async () => {
    tg.startedPrivate.add(1001);
    await tg.send(lan(), '/viectot Hiến máu tình nguyện');
    tg.now = new Date(tg.now.getTime() + 60_000);
    await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ cán bộ');
    const [title, first, second] = await tg.send(council(), '/choduyet', { inPrivate: true });
    expect(title?.text).toContain('Mục chờ duyệt: 2 mục, mục ghi sớm nhất trước.');
    expect(title?.text).toContain(
      'Mục được tính điểm ngay khi ghi nhận; mục không được duyệt thì không còn được tính.',
    );
    expect(first?.text).toContain('VT1 · Việc tốt · 2 điểm');
    expect(first?.text).toContain('Nguyễn Thị Lan (Văn phòng Ban)');
    expect(second?.text).toContain('HT2');
    expect(first?.buttons.map((b) => b.text)).toEqual(['✅ Duyệt', '❌ Không duyệt']);

    const result = await tg.press(council(), first as Seen, '✅ Duyệt');
    expect(result[0]?.text).toContain('Đã duyệt mục VT1 của Nguyễn Thị Lan.');
    const notice = result.find((s) => s.chatId === 1001);
    expect(notice?.text).toContain(
      'Mục VT1 (Việc tốt) ghi nhận cho đồng chí đã được thành viên Hội đồng Thi đua – Khen thưởng duyệt.',
    );
    expect(tg.store.entry('VT1')?.review).toBe('approved');
    expect(tg.callsOf('answerCallbackQuery')).toHaveLength(1);
  });

  it('rejects by button with a chosen reason, and tells the author in the group when Telegram cannot reach them', async () => {
    await tg.send(lan(), '/viectot Hiến máu tình nguyện');
    const [, item] = await tg.send(council(), '/choduyet', { inPrivate: true });
    const ask = only(await tg.press(council(), item as Seen, '❌ Không duyệt'));
    expect(ask.text).toContain('Vui lòng ghi lý do không duyệt');
    expect(tg.store.entry('VT1')?.review).toBe('pending');
    const done = await tg.press(council(), ask, 'Chưa đủ minh chứng');
    expect(done[0]?.text).toContain('Không duyệt mục VT1 của Nguyễn Thị Lan. Lý do: Chưa đủ minh chứng');
    const inGroup = done.find((s) => s.chatId === GROUP_ID);
    expect(inGroup?.text).toContain(
      'không được thành viên Hội đồng Thi đua – Khen thưởng duyệt.\nLý do: Chưa đủ minh chứng',
    );
    expect(tg.store.entry('VT1')?.review).toBe('rejected');
  });

  it('approves and rejects by command; a reason is required; decided, withdrawn and unknown entries are refused', async () => {
    await tg.send(lan(), '/viectot Việc tốt thứ một');
    await tg.send(lan(), '/viectot Việc tốt thứ hai');
    await tg.send(lan(), '/viectot Việc tốt thứ ba');
    await tg.send(lan(), '/huy VT3');
    expect((await tg.send(council(), '/duyet VT1'))[0]?.text).toContain('Đã duyệt mục VT1');
    expect(only(await tg.send(council(), '/duyet VT1')).text).toContain('Mục VT1 đã được duyệt trước đó.');
    expect(only(await tg.send(council(), '/tuchoi VT1 Trùng')).text).toContain(
      'Mục VT1 đã được duyệt trước đó.',
    );
    expect(only(await tg.send(council(), '/duyet VT3')).text).toContain(
      'Mục VT3 đã được rút, không cần duyệt.',
    );
    expect(only(await tg.send(council(), '/duyet VT99')).text).toContain('Không có mục nào mã “VT99”');
    expect(only(await tg.send(council(), '/duyet')).text).toContain('Cách dùng: /duyet MÃ');
    expect(only(await tg.send(council(), '/tuchoi VT2')).buttons).toHaveLength(4); // the reasons, and Hủy
    const rejected = await tg.send(council(), '/tuchoi VT2 Nội dung <không rõ>');
    expect(rejected[0]?.html).toContain('Lý do: Nội dung &lt;không rõ&gt;');
    expect(only(await tg.send(council(), '/tuchoi VT2 Lại')).text).toContain(
      'đã được xét không duyệt trước đó',
    );
  });

  it('refuses review to anyone outside the Council, and a Council member on their own entry', async () => {
    await tg.send(lan(), '/viectot Việc tốt thứ một');
    for (const command of ['/choduyet', '/duyet VT1', '/tuchoi VT1 Không']) {
      expect(only(await tg.send(hung(), command)).text).toContain(
        'dành cho thành viên Hội đồng Thi đua – Khen thưởng',
      );
    }
    await tg.send(council(), '/hoanthanh Việc của thành viên Hội đồng');
    expect(only(await tg.send(council(), '/duyet HT2')).text).toContain('thành viên Hội đồng khác sẽ xét');
    const byAdmin = await tg.send(admin(), '/duyet HT2');
    expect(byAdmin[0]?.text).toContain('Đã duyệt mục HT2');
    // An admin who is not of the Council approved it: the notice names them so, not the Council.
    const notice = byAdmin.map((s) => s.text).find((text) => text.includes('ghi nhận cho đồng chí'));
    expect(notice).toContain('ghi nhận cho đồng chí đã được quản trị viên duyệt');
    expect(tg.store.entry('VT1')?.review).toBe('pending');
    // Their own is also an entry they logged for a colleague: the reporter decides it no more than the member.
    const forLan = '/viectot @lan_nguyen đã trực thay ca đêm cho đồng nghiệp';
    const logged = only(await tg.send(council(), forLan, { entities: mentionEntities(forLan) }));
    expect(logged.text).toContain('VT3');
    expect(logged.text).toContain('Nguyễn Thị Lan');
    for (const command of ['/duyet VT3', '/tuchoi VT3 Chưa đủ minh chứng']) {
      expect(only(await tg.send(council(), command)).text).toContain('thành viên Hội đồng khác sẽ xét');
    }
    expect(tg.store.entry('VT3')?.review).toBe('pending');
  });

  it('/lichsu shows the whole history: created, rejected, withdrawn, by whom and when', async () => {
    await tg.send(lan(), '/viectot Việc tốt thứ một');
    tg.now = new Date('2026-11-25T04:30:00Z');
    await tg.send(council(), '/tuchoi VT1 Chưa đủ minh chứng');
    tg.now = new Date('2026-11-25T05:00:00Z');
    await tg.send(lan(), '/huy VT1');
    const history = only(await tg.send(hung(), '/lichsu vt1')).text;
    expect(history).toContain('Lịch sử mục VT1 — Việc tốt');
    expect(history).toContain('Trạng thái: Đã rút, không tính điểm.');
    expect(history).toContain('Tính cho: Văn phòng Ban');
    expect(history).toContain('• 10:00 25/11/2026 — ghi nhận — Nguyễn Thị Lan (Telegram)');
    expect(history).toContain(
      '• 11:30 25/11/2026 — không duyệt — Lê Hội Đồng (Telegram)\n   Chưa đủ minh chứng',
    );
    expect(history).toContain('• 12:00 25/11/2026 — rút lại — Nguyễn Thị Lan (Telegram)');
  });
});

describe('the author on another platform', () => {
  it('is told of the decision on the platform they use, not in the Telegram group', async () => {
    // A member who uses only Zalo: a fake platform beside Telegram, in the same app.
    const zalo = new FakePlatform('zalo');
    tg = await TelegramHarness.create({ council: [COUNCIL], platforms: [zalo] });
    await tg.send(council(), '/dangky Lê Hội Đồng | tcdv');
    await zalo.send('777', '/dangky Vũ Thị Mai | cb', { name: 'Mai' });
    await zalo.send('777', '/viectot Hiến máu tình nguyện', { name: 'Mai' });
    const delivered = () => zalo.sent.filter((s) => s.to !== 'chat' && s.to !== 'group');
    const seen = await tg.send(council(), '/duyet VT1');
    expect(seen.map((s) => s.chatId)).toEqual([GROUP_ID]);
    expect(seen[0]?.text).toContain('Đã duyệt mục VT1 của Vũ Thị Mai.');
    expect(delivered()).toHaveLength(1);
    expect(delivered()[0]?.to).toBe('zalo:777');
    expect(delivered()[0]?.text).toContain(
      'ghi nhận cho đồng chí đã được thành viên Hội đồng Thi đua – Khen thưởng duyệt',
    );
  });
});

describe('review modes change what counts', () => {
  it('after (default): entries count at once; a rejected one stops counting; pending ones are announced', async () => {
    await setUp('after');
    await tg.send(lan(), '/sangkien Sổ tay điện tử #cntt');
    await tg.send(hung(), '/viectot Hiến máu tình nguyện');
    let board = only(await tg.send(hung(), '/bangxephang')).text;
    expect(board).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 5 điểm');
    expect(board).toContain('2 mục chưa được Hội đồng Thi đua – Khen thưởng duyệt (đang được tính');
    await tg.send(council(), '/tuchoi SK1 Chưa triển khai');
    board = only(await tg.send(hung(), '/bangxephang')).text;
    expect(board).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 2 điểm');
    expect(board).not.toContain('Nguyễn Thị Lan (Văn phòng Ban) —');
    const summary = only(await tg.send(admin(), '/tonghop')).text;
    expect(summary).toContain('Tổng cộng: 1 mục, 2 điểm');
    expect(summary).toContain('• Mô hình ứng dụng CNTT (chỉ tiêu: ít nhất 01): 0');
    expect(summary).toContain(
      'Xét duyệt từng mục (thành viên Hội đồng hoặc quản trị viên): đã duyệt 0, không duyệt 1, chờ duyệt 1.',
    );
    expect(summary).toContain(
      'Mục được tính điểm ngay khi ghi nhận; mục không được duyệt thì không còn được tính.',
    );
  });

  it('before: entries count only once approved', async () => {
    await setUp('before');
    await tg.send(lan(), '/sangkien Sổ tay điện tử #cntt');
    await tg.send(hung(), '/viectot Hiến máu tình nguyện');
    let board = only(await tg.send(hung(), '/bangxephang')).text;
    expect(board).toContain('Chưa có ai ghi nhận trong kỳ này');
    expect(board).toContain('2 mục đang chờ Hội đồng Thi đua – Khen thưởng duyệt (chưa được tính điểm).');
    await tg.send(council(), '/duyet SK1');
    board = only(await tg.send(hung(), '/bangxephang')).text;
    expect(board).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 5 điểm');
    expect(board).toContain('1 mục đang chờ');
    const summary = only(await tg.send(admin(), '/tonghop')).text;
    expect(summary).toContain('Tổng cộng: 1 mục, 5 điểm');
    expect(summary).toContain('đã duyệt 1, không duyệt 0, chờ duyệt 1');
  });
});

describe('model examples', () => {
  beforeEach(() => setUp('after'));

  it('are proposed from an entry, a member or a department, and the Council moves them through four stages', async () => {
    await tg.send(lan(), '/sangkien Số hóa hồ sơ đảng viên #cntt');
    expect(only(await tg.send(hung(), '/dienhinh SK1')).text).toContain(
      'Đã đề xuất điển hình số 1: mục SK1 của Nguyễn Thị Lan: “Số hóa hồ sơ đảng viên #cntt”. Giai đoạn: Phát hiện.',
    );
    const text = '/dienhinh @hungtv Tận tụy hỗ trợ đồng nghiệp';
    expect(only(await tg.send(lan(), text, { entities: mentionEntities(text) })).text).toContain(
      'Đã đề xuất điển hình số 2: Trần Văn Hùng (Phòng Cán bộ)',
    );
    expect(only(await tg.send(lan(), '/dienhinh phong can bo Hoàn thành xuất sắc nhiệm vụ')).text).toContain(
      'Đã đề xuất điển hình số 3: tập thể Phòng Cán bộ',
    );
    expect(only(await tg.send(lan(), '/dienhinh SK1 Lần nữa')).text).toContain('Đã có điển hình số 1');
    // A text mention as Telegram inserts it for someone without a username: just the first name.
    const proposal = '/dienhinh Đồng rất tích cực hỗ trợ';
    const mention = [{ type: 'text_mention' as const, offset: 10, length: 4, user: council() }];
    expect(only(await tg.send(lan(), proposal, { entities: mention })).text).toContain(
      'Đã đề xuất điển hình số 4: Lê Hội Đồng (Phòng Tổ chức đảng, đảng viên)',
    );
    expect(only(await tg.send(lan(), '/dienhinh 1 tiep Bồi dưỡng')).text).toContain(
      'Chỉ thành viên Hội đồng',
    );
    expect(only(await tg.send(council(), '/dienhinh 1 tiep')).text).toContain(
      'Vui lòng ghi nội dung của giai đoạn',
    );
    for (const [note, stage] of [
      ['Giao phòng hướng dẫn hoàn thiện', 'Bồi dưỡng'],
      ['Báo cáo tại hội nghị sơ kết', 'Tổng kết'],
      ['Triển khai cho các phòng', 'Nhân rộng'],
    ]) {
      expect(only(await tg.send(council(), `/dienhinh 1 tiep ${note}`)).text).toContain(
        `chuyển sang giai đoạn ${stage}`,
      );
      tg.now = new Date(tg.now.getTime() + 86_400_000);
    }
    expect(only(await tg.send(council(), '/dienhinh 1 tiep Nữa')).text).toContain('đã ở giai đoạn cuối');
    // A proposal and a step delivered twice (Telegram redelivers after a crash) count once.
    await tg.send(council(), '/dienhinh 2 tiep Bồi dưỡng', { messageId: 9001 });
    await tg.send(council(), '/dienhinh 2 tiep Bồi dưỡng', { messageId: 9001 });
    expect(tg.store.model(2)?.stage).toBe('nurture');
    expect(tg.store.model(1)?.stages.map((s) => s.stage)).toEqual([
      'discover',
      'nurture',
      'sumup',
      'replicate',
    ]);
    // Proposing a long entry without a reason takes a short preview of it, not a refusal.
    await tg.send(hung(), `/viectot ${'Giúp đồng nghiệp hoàn thiện hồ sơ. '.repeat(25)}`);
    expect(only(await tg.send(lan(), '/dienhinh VT2')).text).toContain('Đã đề xuất điển hình số 5');
    const list = only(await tg.send(hung(), '/dienhinh')).text;
    expect(list).toContain('Phát hiện (3)');
    expect(list).toContain('Bồi dưỡng (1)');
    expect(list).toContain('Nhân rộng (1)');
    expect(only(await tg.send(lan(), '/dienhinh Ai đó không rõ')).text).toContain('Không rõ đề xuất cho ai');
  });
});
