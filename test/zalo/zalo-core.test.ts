import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GROUP_ID,
  type ZaloHarness as Harness,
  type Sent,
  sticker,
  ZaloHarness,
  type ZaloUser,
  zaloMessage,
} from '../helpers/zalo.js';

const lan: ZaloUser = { uid: '1001', name: 'Lan Nguyễn' };
const hung: ZaloUser = { uid: '1002', name: 'Hùng Trần' };
const mai: ZaloUser = { uid: '1003', name: 'Mai' };
const toan: ZaloUser = { uid: '9001', name: 'Toàn VP' };
const council: ZaloUser = { uid: '9002', name: 'Hội đồng' };

let zalo: Harness;

const only = (sent: Sent[]): Sent => {
  expect(sent).toHaveLength(1);
  return sent[0] as Sent;
};

/** The reply in the group: quoting the command, tagging its sender in front. */
function answerTo(sent: Sent[], from: ZaloUser): string {
  const reply = only(sent);
  expect(reply.thread).toEqual({ id: GROUP_ID, kind: 'group' });
  const tag = `@${from.name}`;
  expect(reply.text.startsWith(`${tag} `)).toBe(true);
  expect(reply.mentions).toEqual([{ uid: from.uid, pos: 0, len: tag.length }]);
  expect(reply.quotes).toBeDefined();
  return reply.text.slice(tag.length + 1);
}

async function registerAll() {
  answerTo(await zalo.send(lan, '/dangky Nguyễn Thị Lan | Văn phòng Ban'), lan);
  answerTo(await zalo.send(hung, '/dangky Trần Văn Hùng | phong can bo'), hung);
  answerTo(await zalo.send(mai, '/dangky Vũ Thị Mai | cb'), mai);
  answerTo(await zalo.send(toan, '/dangky Phạm Hữu Toàn | van phong'), toan);
}

beforeEach(async () => {
  zalo = await ZaloHarness.create({ admins: [toan.uid], council: [council.uid] });
});
afterEach(async () => {
  await zalo.close();
});

describe('registration', () => {
  it('registers in the group, answering in plain text that quotes the command and tags the caller', async () => {
    const message = zaloMessage(hung, '/dangky Trần Văn Hùng | phong can bo');
    const sent = await zalo.deliver(message);
    const text = answerTo(sent, hung);
    expect(text).toContain('✅ Đã đăng ký Trần Văn Hùng — Phòng Cán bộ');
    expect(text).not.toMatch(/<\/?[bic]/);
    expect(sent[0]?.quotes).toBe(message.data.msgId);
    expect(zalo.store.members).toHaveLength(1);
    expect(zalo.store.members[0]).toMatchObject({ fullName: 'Trần Văn Hùng', identities: ['zalo:1002'] });
  });

  it('lists the departments as numbered lines with the command to send, and registers the one picked', async () => {
    const question = answerTo(await zalo.send(lan, '/dangky Nguyễn Thị Lan'), lan);
    expect(question.split('\n')).toEqual([
      'Chọn phòng của Nguyễn Thị Lan:',
      '',
      '1. Văn phòng Ban — /dangky Nguyễn Thị Lan | Văn phòng Ban',
      '2. Phòng Tổ chức đảng, đảng viên — /dangky Nguyễn Thị Lan | Phòng Tổ chức đảng, đảng viên',
      '3. Phòng Cán bộ — /dangky Nguyễn Thị Lan | Phòng Cán bộ',
      '4. Phòng Bảo vệ chính trị nội bộ — /dangky Nguyễn Thị Lan | Phòng Bảo vệ chính trị nội bộ',
      '5. Phòng Chính sách cán bộ — /dangky Nguyễn Thị Lan | Phòng Chính sách cán bộ',
      'Trả lời bằng số thứ tự (1–5) để chọn, hoặc gửi lệnh.',
    ]);
    expect(zalo.store.members).toHaveLength(0);

    const done = answerTo(await zalo.send(lan, '/dangky Nguyễn Thị Lan | tcdv'), lan);
    expect(done).toContain('Đã đăng ký Nguyễn Thị Lan — Phòng Tổ chức đảng, đảng viên');
    expect(zalo.store.members[0]?.departmentId).toBe('tcdv');
  });

  it('reads a bare number back as the choice it picks, as the Zalo Bot Platform and the console do', async () => {
    await zalo.send(lan, '/dangky Nguyễn Thị Lan');
    // Someone else's number in the group picks nothing of Lan's: it is talk, and nobody answers it.
    expect(await zalo.send(mai, '2')).toEqual([]);
    const sent = await zalo.send(lan, '2');
    expect(sent.map((s) => s.text)).toEqual([
      '@Lan Nguyễn → /dangky Nguyễn Thị Lan | Phòng Tổ chức đảng, đảng viên',
      expect.stringContaining('Đã đăng ký Nguyễn Thị Lan — Phòng Tổ chức đảng, đảng viên'),
    ]);
    expect(zalo.store.members[0]?.departmentId).toBe('tcdv');
    // The answer closed the choices: the same number again picks nothing, and in private says so.
    const stale = only(await zalo.send(lan, '2', { inPrivate: true }));
    expect(stale.text).toBe('Số thứ tự này không ứng với lựa chọn nào còn hiệu lực. Vui lòng gửi lại lệnh.');
    expect(zalo.store.members).toHaveLength(1);
  });

  it('keeps the numbered choices open for 30 minutes: a number sent later picks nothing', async () => {
    await zalo.send(lan, '/dangky Nguyễn Thị Lan');
    zalo.timers.time += 30 * 60_000;
    expect(await zalo.send(lan, '2')).toEqual([]);
    expect(zalo.store.members).toHaveLength(0);
    await zalo.send(lan, '/dangky Nguyễn Thị Lan');
    zalo.timers.time += 29 * 60_000;
    const picked = await zalo.send(lan, '2');
    expect(picked.map((m) => m.text)).toContainEqual(expect.stringContaining('Đã đăng ký Nguyễn Thị Lan'));
  });

  it('registers in private only members of the agency group, from the group member list', async () => {
    zalo.transport.group = { adminIds: [], memberIds: [mai.uid] };
    const outsider: ZaloUser = { uid: '5555', name: 'Khách' };
    const refused = only(await zalo.send(outsider, '/dangky Người Ngoài | vp', { inPrivate: true }));
    expect(refused.thread).toEqual({ id: '5555', kind: 'private' });
    expect(refused.text).toContain('Chỉ thành viên nhóm chung của cơ quan mới đăng ký được');
    expect(refused.mentions).toEqual([]);
    expect(refused.quotes).toBeDefined();
    expect(zalo.store.members).toHaveLength(0);

    const ok = only(await zalo.send(mai, '/dangky Vũ Thị Mai | cb', { inPrivate: true }));
    expect(ok.thread).toEqual({ id: mai.uid, kind: 'private' });
    expect(ok.text).toMatch(/^✅ Đã đăng ký Vũ Thị Mai/);
  });

  it('asks the group again for someone who joined since the member list was read', async () => {
    zalo.transport.group = { adminIds: [], memberIds: [] };
    await zalo.send(mai, '/dangky Vũ Thị Mai | cb', { inPrivate: true });
    zalo.transport.group = { adminIds: [], memberIds: [mai.uid] };
    zalo.timers.time += 60_000;
    const ok = only(await zalo.send(mai, '/dangky Vũ Thị Mai | cb', { inPrivate: true }));
    expect(ok.text).toContain('Đã đăng ký Vũ Thị Mai');
  });
});

describe('logging entries', () => {
  beforeEach(registerAll);

  it('logs a good deed and credits it to the colleague tagged first in the message', async () => {
    const text = '/viectot @Hùng Trần ở lại giúp sửa máy in';
    const reply = answerTo(
      await zalo.send(lan, text, { mentions: [{ label: '@Hùng Trần', user: hung }] }),
      lan,
    );
    expect(reply).toContain('✅ Đã lưu Việc tốt — mã VT1, 2 điểm.');
    expect(reply).toContain('Ghi nhận cho: Trần Văn Hùng (người báo: Nguyễn Thị Lan).');
    expect(reply).toContain('Tuần này Trần Văn Hùng xếp hạng 1/1 người có điểm, với 2 điểm.');
    const [entry] = zalo.store.entries;
    expect(entry?.memberId).toBe(zalo.store.memberByIdentity('zalo:1002')?.id);
    expect(entry?.reporterId).toBe(zalo.store.memberByIdentity('zalo:1001')?.id);
    expect(entry).toMatchObject({ kind: 'deed', points: 2 });
    expect(entry?.source).toMatch(new RegExp(`^zalo:${GROUP_ID}:\\d+$`));
    // Tagged later in the text, the colleague is part of the story: the deed is the caller's.
    const later = '/viectot Cùng @Hùng Trần sửa máy in';
    const own = answerTo(
      await zalo.send(lan, later, { mentions: [{ label: '@Hùng Trần', user: hung }] }),
      lan,
    );
    expect(own).toContain('Ghi nhận cho: Nguyễn Thị Lan.');
    expect(zalo.store.entries[1]?.memberId).toBe(zalo.store.memberByIdentity('zalo:1001')?.id);
  });

  it('refuses a tag of someone not registered, quoting the tag as written', async () => {
    const stranger: ZaloUser = { uid: '4242', name: 'Bình' };
    const text = '/viectot @Bình đã giúp đỡ đồng nghiệp';
    const reply = answerTo(
      await zalo.send(lan, text, { mentions: [{ label: '@Bình', user: stranger }] }),
      lan,
    );
    expect(reply).toContain('@Bình chưa đăng ký với bot');
    expect(zalo.store.entries).toHaveLength(0);
  });

  it('ignores @All and a tag of the bot itself when crediting', async () => {
    const text = '/viectot @All cảm ơn @Thi đua đã nhắc lịch họp';
    const reply = answerTo(
      await zalo.send(mai, text, {
        mentions: [
          { label: '@All', user: { uid: '-1', name: 'All' }, type: 1 },
          { label: '@Thi đua', user: { uid: '8800000000000000001', name: 'Thi đua' } },
        ],
      }),
      mai,
    );
    expect(reply).toContain('mã VT1');
    expect(zalo.store.entries[0]?.memberId).toBe(zalo.store.memberByIdentity('zalo:1003')?.id);
  });

  it('scores a completed task and an initiative with their tags', async () => {
    const task = answerTo(await zalo.send(hung, '/hoanthanh Báo cáo nhanh theo yêu cầu #dotxuat'), hung);
    expect(task).toContain('mã HT1, 2 điểm');
    expect(task).toContain('Đánh dấu: nhiệm vụ đột xuất');
    const initiative = answerTo(await zalo.send(mai, '/sangkien Tra cứu hồ sơ bằng mã QR #cntt'), mai);
    expect(initiative).toContain('mã SK2, 5 điểm');
    expect(zalo.store.entries.map((e) => [e.code, e.kind, e.points])).toEqual([
      ['HT1', 'task', 2],
      ['SK2', 'initiative', 5],
    ]);
  });

  it('logs a photo whose caption is a command, keeping the photo as evidence', async () => {
    const reply = answerTo(await zalo.send(lan, '/viectot Dọn vệ sinh khuôn viên', { photo: true }), lan);
    expect(reply).toContain('Ảnh đã được lưu làm minh chứng');
    expect(zalo.store.entries[0]?.photo).toMatchObject([{ platform: 'zalo' }]);
    expect(zalo.store.entries[0]?.photo?.[0]?.fileId).toMatch(
      /^https:\/\/photo-stal-1\.zadn\.vn\/jpg\/\d+\.jpg$/,
    );
  });

  it('ignores stickers, photos without a command and plain chat', async () => {
    expect(await zalo.deliver(sticker(lan))).toEqual([]);
    expect(await zalo.send(lan, 'Ảnh liên hoan', { photo: true })).toEqual([]);
    expect(await zalo.send(lan, 'Chào cả nhà')).toEqual([]);
    expect(await zalo.send(lan, '/lenhla trong nhóm')).toEqual([]);
    expect(zalo.store.entries).toHaveLength(0);
  });

  it('saves a message delivered twice once, and says so the second time (one rule on every platform)', async () => {
    const message = zaloMessage(lan, '/viectot Hiến máu tình nguyện');
    expect(await zalo.deliver(message)).toHaveLength(1);
    const again = await zalo.deliver(message);
    expect(again.map((s) => s.text)).toEqual([
      expect.stringContaining('Tin nhắn này đã được xử lý trước đó (VT1); không ghi lại lần nữa.'),
    ]);
    expect(zalo.store.entries).toHaveLength(1);
  });

  it('ignores messages in other Zalo groups', async () => {
    expect(await zalo.send(lan, '/viectot Việc ở nhóm khác', { groupId: '5099999999999999999' })).toEqual([]);
    expect(zalo.store.entries).toHaveLength(0);
  });

  it('refuses logging before registering', async () => {
    const reply = answerTo(await zalo.send({ uid: '4242', name: 'Bình' }, '/viectot Giúp đồng nghiệp'), {
      uid: '4242',
      name: 'Bình',
    });
    expect(reply).toContain('Đồng chí chưa đăng ký. Hãy gửi: /dangky Họ và tên | Phòng');
  });
});

describe('standings and summaries', () => {
  beforeEach(registerAll);

  it('/bangxephang ranks members and departments, in plain text', async () => {
    await zalo.send(lan, '/sangkien Sổ tay điện tử #cntt');
    await zalo.send(toan, '/hoanthanh Họp giao ban tuần');
    await zalo.send(hung, '/sangkien Quy trình tiếp nhận mới');
    await zalo.send(mai, '/viectot Nhặt được của rơi');
    const lines = answerTo(await zalo.send(mai, '/bangxephang'), mai).split('\n');
    expect(lines[0]).toBe(
      '🏆 Bảng xếp hạng thi đua — tuần 48/2026 (23/11/2026 – 29/11/2026, tính đến ngày 25/11/2026)',
    );
    expect(lines).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 5 điểm');
    expect(lines).toContain('1. Văn phòng Ban — 3 điểm/người (tổng 6 điểm, 2 người)');
    expect(lines).toContain('2. Phòng Cán bộ — 2,5 điểm/người (tổng 5 điểm, 2 người)');
  });

  it('/tonghop gives an admin the month, with the command for its files as a numbered line', async () => {
    await zalo.send(lan, '/viectot Hiến máu tình nguyện');
    await zalo.send(hung, '/sangkien Phần mềm theo dõi #cntt');
    const lines = answerTo(await zalo.send(toan, '/tonghop'), toan).split('\n');
    expect(lines[0]).toBe(
      '📊 Tổng hợp thi đua — tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)',
    );
    expect(lines).toContain('• Việc tốt: 1 mục, 2 điểm');
    expect(lines).toContain('Tổng cộng: 2 mục, 7 điểm');
    expect(lines.at(-2)).toMatch(/^1\. .+ — \/tonghop 11\/2026 file$/);
    expect(lines.at(-1)).toBe('Trả lời 1 để chọn, hoặc gửi lệnh.');
  });

  it('/tonghop file sends the report documents as attachments after the answer', async () => {
    await zalo.send(lan, '/viectot Hiến máu tình nguyện');
    const sent = await zalo.send(toan, '/tonghop 11/2026 file');
    expect(sent.map((s) => [s.thread.kind, s.file ? 'file' : 'text'])).toEqual([
      ['group', 'text'],
      ['group', 'file'],
      ['group', 'file'],
    ]);
    expect(sent[1]?.text).toMatch(/^tong-hop-thi-dua-.+\.xlsx$/);
    expect(sent[2]?.text).toMatch(/^bao-cao-thi-dua-.+\.docx$/);
    expect(sent[1]?.file?.data.subarray(0, 2).toString()).toBe('PK');
  });

  it('/bangxephang anh sends the picture, then the same leaderboard as text quoting the command', async () => {
    await zalo.send(lan, '/sangkien Sổ tay điện tử #cntt');
    const sent = await zalo.send(mai, '/bangxephang anh');
    expect(sent.map((s) => [s.thread.kind, s.image ? 'image' : 'text'])).toEqual([
      ['group', 'image'],
      ['group', 'text'],
    ]);
    expect(sent[0]?.image?.filename).toBe('bang-xep-hang-tuan-48-2026.png');
    expect(PNG.sync.read(sent[0]?.image?.data as Buffer).width).toBe(1280);
    expect(answerTo(sent.slice(1), mai)).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 5 điểm');
  });

  it('posts the weekly leaderboard to the group with its picture first', async () => {
    await zalo.send(lan, '/sangkien Sổ tay điện tử #cntt');
    await zalo.app.scheduler.runDue(new Date('2026-11-26T10:00:00Z'));
    const before = zalo.transport.sent.length;
    await zalo.app.scheduler.runDue(new Date('2026-11-27T09:31:00Z'));
    await zalo.bot.idle();
    const post = zalo.transport.sent.slice(before);
    expect(post[0]).toMatchObject({
      thread: { id: GROUP_ID, kind: 'group' },
      text: 'bang-vang-tuan-48-2026.png',
    });
    expect(post[0]?.image?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(
      post
        .slice(1)
        .map((s) => s.text)
        .join('\n'),
    ).toContain('🏆 Bảng vàng thi đua tuần — tuần 48/2026');
  });

  it('refuses /tonghop to a non-admin', async () => {
    expect(answerTo(await zalo.send(lan, '/tonghop'), lan)).toContain('chỉ dành cho quản trị viên');
  });

  it('splits a long answer into messages Zalo takes; only the first quotes and tags', async () => {
    await zalo.close();
    zalo = await ZaloHarness.create({
      agency: { limits: { entriesPerDay: 100, textMaxLength: 1000, minWords: 3 } },
    });
    await zalo.send(lan, '/dangky Nguyễn Thị Lan | vp');
    for (let i = 1; i <= 30; i += 1) {
      await zalo.send(
        lan,
        `/hoanthanh Nhiệm vụ số ${i}: ${'soạn thảo văn bản hướng dẫn công tác '.repeat(3)}`,
      );
    }
    const parts = await zalo.send(lan, '/cuatoi');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(2000);
    expect(parts[0]?.mentions).toHaveLength(1);
    expect(parts[0]?.quotes).toBeDefined();
    for (const part of parts.slice(1)) expect([part.mentions, part.quotes]).toEqual([[], undefined]);
    const all = parts.map((p) => p.text).join('\n');
    for (let i = 1; i <= 30; i += 1) expect(all).toContain(`HT${i} `);
  });
});

describe('admins and the Council', () => {
  it("counts the Zalo group's own admins as admins when configured, asking Zalo once in a while", async () => {
    await zalo.close();
    zalo = await ZaloHarness.create({ groupAdminsAreAdmins: true });
    zalo.transport.group = { adminIds: [hung.uid], memberIds: [hung.uid, lan.uid] };
    await zalo.timers.sleep(10 * 60_000); // past the group info read at start
    expect(answerTo(await zalo.send(hung, '/tonghop'), hung)).toContain('Tổng hợp thi đua');
    expect(answerTo(await zalo.send(lan, '/tonghop'), lan)).toContain('chỉ dành cho quản trị viên');
    expect(zalo.transport.groupInfoCalls).toBe(2);
    expect(zalo.bot.admins()).toEqual(['zalo:1002']);
  });

  it('tells a rejected entry to its author in private, or in the group when Zalo refuses', async () => {
    await registerAll();
    await zalo.send(council, '/dangky Lê Hội Đồng | tcdv');
    await zalo.send(lan, '/viectot Việc tốt thứ một');
    await zalo.send(hung, '/viectot Việc tốt thứ hai');
    zalo.transport.refusesPrivate.add(hung.uid);

    const first = await zalo.send(council, '/tuchoi VT1 Chưa đủ minh chứng');
    // Threads have their own queues: the private notice need not wait for the group's answer.
    expect(first.map((s) => s.thread.kind).sort()).toEqual(['group', 'private']);
    const notice = first.find((s) => s.thread.kind === 'private');
    expect(notice?.thread.id).toBe(lan.uid);
    expect(notice?.text).toContain(
      'Mục VT1 (Việc tốt) ghi nhận cho đồng chí không được thành viên Hội đồng Thi đua – Khen thưởng duyệt.',
    );

    const second = await zalo.send(council, '/tuchoi VT2 Trùng');
    expect(second.map((s) => s.thread.kind)).toEqual(['group', 'group']);
    expect(second[1]?.text).toContain('Mục VT2 (Việc tốt) ghi nhận cho đồng chí không được');
    expect(second[1]?.quotes).toBeUndefined();
  });
});

describe('the error boundary', () => {
  it('answers in the user language when the group cannot be asked, and keeps going', async () => {
    zalo.transport.groupInfoFails = true;
    const reply = only(await zalo.send(mai, '/dangky Vũ Thị Mai | cb', { inPrivate: true }));
    expect(reply.text).toBe(
      'Xin lỗi, đã có lỗi khi xử lý lệnh này. Trước khi gửi lại, hãy xem /cuatoi để chắc chắn mục chưa được ghi, tránh ghi trùng.',
    );
    zalo.transport.groupInfoFails = false;
    zalo.transport.group = { adminIds: [], memberIds: [mai.uid] };
    expect(only(await zalo.send(mai, '/dangky Vũ Thị Mai | cb', { inPrivate: true })).text).toContain(
      'Đã đăng ký Vũ Thị Mai',
    );
  });

  it('logs a reply Zalo refused and answers the next command', async () => {
    zalo.transport.failSends.push(new Error('Zalo: tài khoản bị hạn chế'));
    expect(await zalo.send(lan, '/trogiup')).toEqual([]);
    expect(zalo.logged('could not deliver a reply (what the command changed is saved)')).toHaveLength(1);
    expect(await zalo.send(lan, '/trogiup')).toHaveLength(1);
  });
});
