/**
 * Issue 21: every message understood or answered, as a colleague of the Office would — commands as
 * people type them on a phone, through grammY's own seam.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from '../../locales/vi.js';
import { testAgency } from '../helpers/agency.js';
import { BOT_INFO, GROUP_ID, type Seen, TelegramHarness } from '../helpers/telegram.js';

let tg: TelegramHarness;
const ADMIN = 900001;
const admin = () => tg.user(ADMIN, 'Toàn');
const lan = () => tg.user(1001, 'Lan', { last_name: 'Nguyễn', username: 'lan_nguyen' });

const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};

beforeEach(async () => {
  tg = await TelegramHarness.create({ admins: [ADMIN], council: [ADMIN] });
  tg.setMembership(1001, 'member');
  only(await tg.send(lan(), '/dangky Nguyễn Thị Lan | Văn phòng Ban'));
});
afterEach(async () => {
  await tg.close();
});

describe('commands as people type them', () => {
  it.each(['/việctốt', '/VIỆCTỐT', '/VIECTOT', '/ViệcTốt'])(
    'logs %s as /viectot, in the group and in private',
    async (name) => {
      const group = only(await tg.send(lan(), `${name} Trực thay ca cho đồng nghiệp bị ốm`));
      expect(group.text).toContain('Đã lưu Việc tốt');
      const direct = only(
        await tg.send(lan(), `${name} Hỗ trợ đồng nghiệp mới làm quen phần mềm`, { inPrivate: true }),
      );
      expect(direct.text).toContain('Đã lưu Việc tốt');
      expect(tg.store.entries).toHaveLength(2);
    },
  );

  it.each([
    ['/vietot Trực thay ca cho đồng nghiệp', '/viectot Trực thay ca cho đồng nghiệp'],
    ['/viec tot Trực thay ca cho đồng nghiệp', '/viectot Trực thay ca cho đồng nghiệp'],
    ['/việc tốt Trực thay ca cho đồng nghiệp', '/viectot Trực thay ca cho đồng nghiệp'],
    ['viectot Trực thay ca cho đồng nghiệp', '/viectot Trực thay ca cho đồng nghiệp'],
    ['/dang ky thi dua ldtt', '/dangkythidua ldtt'],
  ])(
    'answers the near miss %j in the group with one line suggesting %j, and saves nothing',
    async (typed, meant) => {
      const reply = only(await tg.send(lan(), typed));
      expect(reply.text).toBe(
        `Có phải đồng chí định gửi ${meant}? Chưa ghi nhận gì: vui lòng gửi lại đúng lệnh (bắt đầu bằng dấu /, tên lệnh viết liền).`,
      );
      expect(reply.chatId).toBe(GROUP_ID);
      expect(tg.store.entries).toHaveLength(0);
    },
  );

  it('leaves the group’s own talk alone, but answers words addressed to the bot', async () => {
    expect(await tg.send(lan(), 'xin chào cả nhà')).toEqual([]);
    expect(await tg.send(lan(), 'Việc tốt tuần này của phòng mình nhiều quá')).toEqual([]);
    expect(await tg.send(lan(), 'Huy ơi, chiều nay họp')).toEqual([]);
    expect(await tg.send(lan(), '/thoitiet Hà Nội')).toEqual([]); // another bot's, maybe
    // Part of one of this bot's names is a guess: not answered in the group, answered in private.
    expect(await tg.send(lan(), '/thanhtich 2026')).toEqual([]);
    expect(only(await tg.send(lan(), '/xephang tuần trước', { inPrivate: true })).text).toContain(
      'Có phải đồng chí định gửi /bangxephang tuần trước?',
    );

    const mention = `@${BOT_INFO.username} xin chào`;
    const greeted = only(
      await tg.send(lan(), mention, {
        entities: [{ type: 'mention', offset: 0, length: BOT_INFO.username.length + 1 }],
      }),
    );
    expect(greeted.text).toMatch(/^Xin chào đồng chí! Bot nhận lệnh bắt đầu bằng dấu \/.*Gửi \/trogiup/);

    // A reply to one of the bot's messages is for the bot too.
    const update = tg.update(lan(), 'việc tốt: trực thay ca cho đồng nghiệp');
    (update.message as { reply_to_message?: unknown }).reply_to_message = {
      message_id: 1,
      date: 0,
      chat: { id: GROUP_ID, type: 'supergroup', title: 'x' },
      from: BOT_INFO,
      text: '…',
    };
    const suggested = only(await tg.deliver(update));
    expect(suggested.text).toContain('Có phải đồng chí định gửi /viectot trực thay ca cho đồng nghiệp?');
    expect(tg.store.entries).toHaveLength(0);
  });

  it('points anything that is no command, in private, to /trogiup', async () => {
    const hello = only(await tg.send(lan(), 'xin chào', { inPrivate: true }));
    expect(hello.text).toBe(
      'Xin chào đồng chí! Bot nhận lệnh bắt đầu bằng dấu /, ví dụ /viectot Trực thay ca cho đồng nghiệp bị ốm. Gửi /trogiup để xem các lệnh.',
    );
    const words = only(await tg.send(lan(), 'cho hỏi điểm của tôi', { inPrivate: true }));
    expect(words.text).toMatch(/^Bot nhận lệnh bắt đầu bằng dấu \//);
    const unknown = only(await tg.send(lan(), '/thoitiet', { inPrivate: true }));
    expect(unknown.text).toContain('Không có lệnh /thoitiet');
    const typo = only(await tg.send(lan(), 'huy VT1', { inPrivate: true }));
    expect(typo.text).toContain('Có phải đồng chí định gửi /huy VT1?');
    expect(tg.store.entries).toHaveLength(0);
  });
});

describe('periods in everyday words', () => {
  // Wednesday 25 November 2026 (the harness's clock).
  it('answers for the period asked, as people say it', async () => {
    const title = async (text: string) => only(await tg.send(lan(), text)).text.split('\n')[0];
    expect(await title('/bangxephang tuần vừa rồi')).toContain('tuần 47/2026 (16/11/2026 – 22/11/2026)');
    expect(await title('/bangxephang tuần qua')).toContain('tuần 47/2026');
    expect(await title('/bangxephang tháng vừa qua')).toContain('tháng 10/2026');
    expect(await title('/bangxephang tháng mười một')).toContain('tháng 11/2026');
    expect(await title('/bangxephang thg 10')).toContain('tháng 10/2026');
    expect(await title('/bangxephang thang10')).toContain('tháng 10/2026');
    expect(await title('/bangxephang quy3')).toContain('quý III/2026');
    expect(await title('/bangxephang năm ngoái')).toContain('năm 2025');
    expect(await title('/cuatoi tháng mười')).toContain('tháng 10/2026');
    // The one before last, as people say it.
    expect(await title('/bangxephang tuần trước nữa')).toContain('tuần 46/2026 (09/11/2026 – 15/11/2026)');
    expect(await title('/cuatoi thang truoc nua')).toContain('tháng 09/2026');
    expect(await title('/bangxephang quý trước nữa')).toContain('quý II/2026');
  });

  it('refuses what it does not understand with the usage line, never answering for another period', async () => {
    const next = only(await tg.send(lan(), '/bangxephang tháng sau'));
    expect(next.text).toContain('Không hiểu kỳ “tháng sau”.');
    expect(next.text).toContain('Cách dùng: /bangxephang');
    expect(next.text).not.toContain('Bảng xếp hạng');
    // A span of months no period is (the half-years are): said to be none of them, quoted whole.
    expect(only(await tg.send(lan(), '/bangxephang 9 tháng đầu năm')).text).toContain(
      'Bot tổng hợp theo tuần, tháng, quý, 6 tháng đầu năm, 6 tháng cuối năm hoặc năm, chưa theo kỳ “9 tháng đầu năm”: đồng chí xem 6 tháng đầu năm và quý III,',
    );
    expect(only(await tg.send(lan(), '/bangxephang 6 tháng đầu năm')).text).toContain(
      'Bảng xếp hạng thi đua — 6 tháng đầu năm 2026',
    );
    const two = only(await tg.send(lan(), '/cuatoi tuần trước tháng'));
    expect(two.text).toContain('Đồng chí ghi hai kỳ, “tuần trước” và “tháng”: vui lòng chọn một.');
    expect(two.text).not.toContain('Ghi nhận của');
  });

  it('/kehoach answers for its plan’s year and refuses another, never dropping the year', async () => {
    expect(only(await tg.send(lan(), '/kehoach 2026')).text).toContain('Tiến độ tính đến ngày 25/11/2026');
    const other = only(await tg.send(lan(), '/kehoach 2025'));
    expect(other.text).toContain(
      'Bot theo dõi kế hoạch thi đua năm 2026; không có số liệu kế hoạch năm 2025.',
    );
    expect(other.text).toContain('Cách dùng: /kehoach');
    expect(other.text).not.toContain('Tiến độ đến ngày');
    expect(only(await tg.send(lan(), '/kehoach tuần này')).text).toContain('Không hiểu “tuần này”');
  });

  it('invites the first entry only in a period still going on', async () => {
    expect(only(await tg.send(lan(), '/bangxephang tuần')).text).toContain('Hãy là người đầu tiên!');
    const past = only(await tg.send(lan(), '/bangxephang tháng 3'));
    expect(past.text).toContain('Không có ai được ghi nhận trong kỳ này.');
    expect(past.text).not.toContain('Hãy là người đầu tiên');
  });
});

describe('/tonghop in the words a clerk uses for the files', () => {
  const filesFor = async (text: string) => {
    const before = tg.calls.length;
    await tg.send(admin(), text);
    return tg.calls
      .slice(before)
      .filter((c) => c.method === 'sendDocument')
      .map((c) => String((c.payload.document as { filename?: string }).filename));
  };

  it.each([
    ['/tonghop nam binh xet', /^binh-xet-2026/],
    ['/tonghop năm bình xét', /^binh-xet-2026/],
    ['/tonghop quy 4 excel', /\.xlsx$/],
    ['/tonghop quý 4 word', /\.docx$/],
    ['/tonghop tháng 11 tệp', /\.xlsx$/],
  ])('reads %j as asking for the files', async (text, file) => {
    const files = await filesFor(text);
    expect(files.some((f) => file.test(f))).toBe(true);
  });
});

describe('content that counts once', () => {
  const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });

  it('asks before a second entry of the same text the same day, and logs it only when confirmed', async () => {
    only(await tg.send(lan(), '/viectot Trực thay ca cho đồng nghiệp bị ốm'));
    const asked = only(await tg.send(lan(), '/viectot  trực THAY ca cho đồng nghiệp bị ốm'));
    expect(asked.text).toContain('Hôm nay lúc 10:00 đồng chí đã ghi nội dung này (mã VT1)');
    expect(asked.text).toContain('Chưa lưu gì thêm.');
    expect(asked.buttons.map((b) => b.text)).toEqual(['Ghi thêm mục mới', 'Hủy']);
    expect(tg.store.entries).toHaveLength(1);

    const cancelled = only(await tg.press(lan(), asked, 'Hủy'));
    expect(cancelled.text).toBe('Đã hủy; không có gì thay đổi.');
    expect(tg.store.entries).toHaveLength(1);

    const again = only(await tg.send(lan(), '/viectot Truc thay ca cho dong nghiep bi om'));
    const saved = only(await tg.press(lan(), again, 'Ghi thêm mục mới'));
    expect(saved.text).toContain('Đã lưu Việc tốt — mã VT2');
    expect(tg.store.entries.map((e) => e.text)).toEqual([
      'Trực thay ca cho đồng nghiệp bị ốm',
      'Truc thay ca cho dong nghiep bi om',
    ]);
  });

  it('keeps the colleague credited when the repeat is confirmed', async () => {
    only(await tg.send(hung(), '/dangky Trần Văn Hùng | cb'));
    const text = '/viectot @hungtv đã trực thay ca cho cả phòng';
    const entities = [{ type: 'mention' as const, offset: 9, length: 7 }];
    only(await tg.send(lan(), text, { entities }));
    const asked = only(await tg.send(lan(), text, { entities }));
    const saved = only(await tg.press(lan(), asked, 'Ghi thêm mục mới'));
    expect(saved.text).toContain('Ghi nhận cho: Trần Văn Hùng (người báo: Nguyễn Thị Lan)');
    expect(tg.store.entries.map((e) => e.memberId)).toEqual(['m2', 'm2']);
  });

  it('counts distinct words, so a repeated word is not content', async () => {
    const reply = only(await tg.send(lan(), '/viectot ok ok ok'));
    expect(reply.text).toContain('ít nhất 3 từ khác nhau');
    expect(tg.store.entries).toHaveLength(0);
  });

  it('refuses a reason that says nothing in words, with an example, and changes nothing', async () => {
    only(await tg.send(lan(), '/hoanthanh Hoàn thành báo cáo sơ kết quý'));
    const dot = only(await tg.send(admin(), '/tuchoi HT1 .'));
    expect(dot.text).toContain('Lý do “.” chưa nói rõ điều gì.');
    expect(dot.text).toContain('/tuchoi HT1 Chưa đủ minh chứng');
    expect(tg.store.entries[0]?.review).toBe('pending');
    const ok = only(await tg.send(admin(), '/huy HT1 x -'));
    expect(ok.text).toContain('Lý do “x -” chưa nói rõ điều gì.');
    expect(tg.store.entries[0]?.status).toBe('active');
    await tg.send(admin(), '/duyet HT1');
    expect(only(await tg.send(admin(), '/xetlai HT1 ...')).text).toContain('chưa nói rõ điều gì');
    expect(tg.store.entries[0]?.review).toBe('approved');
  });
});

describe('figures read the same way everywhere', () => {
  const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
  const mai = () => tg.user(1003, 'Mai');

  it('gives departments with equal points per member one rank, in the text and the picture, and says who has none', async () => {
    // Văn phòng Ban: Lan alone, 3 points. Phòng Cán bộ: Hùng and Mai, 6 points — 3 per member too.
    only(await tg.send(hung(), '/dangky Trần Văn Hùng | cb'));
    only(await tg.send(mai(), '/dangky Vũ Thị Mai | cb'));
    await tg.send(lan(), '/viectot Trực thay ca cho đồng nghiệp bị ốm');
    await tg.send(lan(), '/hoanthanh Hoàn thành báo cáo sơ kết quý');
    await tg.send(hung(), '/viectot Giúp đồng nghiệp sửa máy in');
    await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ cán bộ xong');
    await tg.send(mai(), '/viectot Hiến máu tình nguyện đợt hai');
    await tg.send(mai(), '/hoanthanh Tổng hợp số liệu đảng viên mới');
    const board = only(await tg.send(lan(), '/bangxephang tuần anh'));
    expect(board.text).toContain('1. Phòng Cán bộ — 3 điểm/người (tổng 6 điểm, 2 người)');
    expect(board.text).toContain('1. Văn phòng Ban — 3 điểm/người (tổng 3 điểm, 1 người)');
    expect(board.text).toContain('• Phòng Chính sách cán bộ — chưa có điểm trong kỳ (0 người)');
    expect(board.text).not.toMatch(/^–\./m);
    // The picture was drawn from the same ranks (its medals are the ranks' colours).
    const { boardChart } = await import('../../commands/lib/board.js');
    const { standingsOf } = await import('../../commands/lib/leaderboard.js');
    const { periodContaining } = await import('../../core/periods.js');
    const week = periodContaining('week', tg.now);
    const standings = standingsOf(
      { agency: testAgency() },
      tg.store.entriesBetween(week.start, week.end),
      tg.store.members,
      week,
      5,
    );
    const chart = boardChart(
      { t: vi, store: tg.store, agency: testAgency() },
      { title: 'x', period: week, standings },
    );
    expect(chart.departments.slice(0, 2).map((d) => [d.name, d.rank])).toEqual([
      ['Phòng Cán bộ', 1],
      ['Văn phòng Ban', 1],
    ]);
  });

  it('explains a department average changed by a move instead of congratulating it', async () => {
    // Last week, Phòng Cán bộ: Hùng and Mai, 2 points each — 2 per member.
    const thisWeek = tg.now;
    tg.now = new Date('2026-11-18T03:00:00Z');
    only(await tg.send(hung(), '/dangky Trần Văn Hùng | cb'));
    only(await tg.send(mai(), '/dangky Vũ Thị Mai | cb'));
    await tg.send(mai(), '/viectot Trực thay ca cho đồng nghiệp bị ốm');
    await tg.send(hung(), '/viectot Giúp đồng nghiệp sửa máy in');
    tg.now = thisWeek;
    // This week Mai logs 2 + 1, Hùng 2, then Hùng moves to Văn phòng Ban: 5 points over Mai alone.
    await tg.send(mai(), '/viectot Hiến máu tình nguyện đợt hai');
    await tg.send(mai(), '/hoanthanh Hoàn thành báo cáo sơ kết quý');
    await tg.send(hung(), '/viectot Quyên góp ủng hộ đồng bào vùng lũ');
    const asked = only(await tg.send(hung(), '/chuyenphong vp'));
    await tg.press(hung(), asked, 'Xác nhận chuyển sang Văn phòng Ban');
    const seen = await tg.send(admin(), '/xemtruoc bangxephang', { inPrivate: true });
    const post = seen.map((s) => s.text).join('\n');
    expect(post).toContain('1. Phòng Cán bộ — 5 điểm/người (tổng 5 điểm, 1 người)');
    expect(post).not.toContain('Tiến bộ nhất');
    expect(post).toContain(
      'ℹ️ Phòng Cán bộ: 5 điểm/người tính trên 1 người (tuần trước: 2 người) vì có người chuyển phòng',
    );
  });
});

describe('the register of a Party agency', () => {
  const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
  /** The command a button runs (what Zalo and the console show beside it). */
  const commandOf = (data: string) => data.slice(8).replace(/^\d+[|!]/, '');

  it('addresses members as “đồng chí”, and names each unit’s head as the agency does', async () => {
    expect(only(await tg.send(hung(), '/cuatoi')).text).toContain('Đồng chí chưa đăng ký.');
    only(await tg.send(hung(), '/dangky Trần Văn Hùng | cb'));
    tg.startedPrivate.add(1001);
    tg.startedPrivate.add(1002);
    const office = await tg.send(admin(), '/truongphong @lan_nguyen', {
      entities: [{ type: 'mention', offset: 13, length: 11 }],
    });
    expect(office[0]?.text).toBe(
      '✅ Đồng chí Nguyễn Thị Lan là Chánh Văn phòng Ban trên bot: đăng ký danh hiệu thi đua cho tập thể.',
    );
    expect(office[1]?.text).toContain('Đồng chí được Toàn chỉ định là Chánh Văn phòng Ban trên bot');
    const cb = await tg.send(admin(), '/truongphong @hungtv', {
      entities: [{ type: 'mention', offset: 13, length: 7 }],
    });
    expect(cb[0]?.text).toContain('Đồng chí Trần Văn Hùng là Trưởng phòng Cán bộ trên bot');
    for (const seen of [...office, ...cb]) expect(seen.text).not.toMatch(/\bbạn\b/i);
  });

  it('offers “Hủy” beside a confirmation, whose command names people and units, not ids', async () => {
    const asked = only(await tg.send(lan(), '/chuyenphong phong can bo'));
    expect(asked.buttons.map((b) => b.text)).toEqual(['Xác nhận chuyển sang Phòng Cán bộ', 'Hủy']);
    expect(commandOf(asked.buttons[0]?.data ?? '')).toBe('/chuyenphong Phòng Cán bộ xacnhan');
    expect(only(await tg.press(lan(), asked, 'Hủy')).text).toBe('Đã hủy; không có gì thay đổi.');
    expect(tg.store.members[0]?.departmentId).toBe('vp');

    only(await tg.send(hung(), '/dangky Trần Văn Hùng | cb'));
    const other = only(await tg.send(admin(), '/chuyenphong Trần Văn Hùng | vp'));
    // (Its command is longer than Telegram's 64 bytes of button data: kept by the bot, pressed below.)
    expect((await tg.press(admin(), other, 'Xác nhận chuyển sang Văn phòng Ban'))[0]?.text).toContain(
      'Đã chuyển Trần Văn Hùng từ Phòng Cán bộ sang Văn phòng Ban',
    );
  });

  it('says a rejection in the status’s own words', async () => {
    tg.startedPrivate.add(1001);
    only(await tg.send(lan(), '/hoanthanh Hoàn thành báo cáo sơ kết quý'));
    const seen = await tg.send(admin(), '/tuchoi HT1 Chưa đủ minh chứng');
    const notice = seen.find((s) => s.chatId === 1001)?.text ?? '';
    expect(notice).toContain(
      'ghi nhận cho đồng chí không được thành viên Hội đồng Thi đua – Khen thưởng duyệt',
    );
    expect(notice).not.toContain('chưa được');
  });

  it('never claims a notice reached someone no platform could reach', async () => {
    const seen = await tg.send(admin(), '/tuchoidangky zalobot:6ede9afa66b88fe6d6a9 không phải cán bộ');
    expect(seen.map((s) => s.text)).toEqual([
      'Đã không chấp thuận đề nghị đăng ký của tài khoản zalobot:6ede9afa66b88fe6d6a9.',
      '⚠️ Chưa gửi được thông báo cho zalobot:6ede9afa66b88fe6d6a9: bot chưa liên lạc riêng được với người này (chưa nhắn riêng cho bot). Đề nghị báo trực tiếp.',
    ]);
  });

  it('says a title that does not exist is none, instead of reading part of it as a person', async () => {
    const reply = only(await tg.send(lan(), '/dangkythidua Lao động tiên tiến xuất sắc'));
    expect(reply.text).toContain('“Lao động tiên tiến xuất sắc” không phải danh hiệu thi đua nào.');
    expect(reply.text).not.toContain('không phải danh hiệu thi đua, thành viên hay phòng');
  });
});

describe('a colleague named by first name alone', () => {
  it('is found when the name is unique, and asked about with numbered choices when it is not', async () => {
    const lanDone = await tg.send(admin(), '/dangkythidua lan ldtt');
    expect(lanDone[0]?.text).toContain('Nguyễn Thị Lan');
    expect(tg.store.registrations.map((r) => r.subject)).toEqual([{ kind: 'member', memberId: 'm1' }]);

    only(await tg.send(tg.user(1002, 'Hùng'), '/dangky Trần Văn Hùng | cb'));
    only(await tg.send(tg.user(1003, 'Hùng'), '/dangky Nguyễn Mạnh Hùng | vp'));
    const asked = only(await tg.send(admin(), '/dangkythidua hùng ldtt'));
    expect(asked.text).toBe('Có 2 đồng chí tên “hùng”. Đồng chí muốn nói đến ai?');
    expect(asked.buttons.map((b) => b.text)).toEqual([
      'Trần Văn Hùng (Phòng Cán bộ)',
      'Nguyễn Mạnh Hùng (Văn phòng Ban)',
      'Hủy',
    ]);
    expect(tg.store.registrations).toHaveLength(1);
    const done = await tg.press(admin(), asked, 'Nguyễn Mạnh Hùng (Văn phòng Ban)');
    expect(done[0]?.text).toContain('Nguyễn Mạnh Hùng');
    expect(tg.store.registrations.map((r) => r.subject)).toContainEqual({ kind: 'member', memberId: 'm3' });
  });
});
