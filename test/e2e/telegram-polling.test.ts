/**
 * End to end over HTTP: the bot is built exactly as `npm start` builds it (bot/app.ts, createApp) and
 * runs its real long polling (grammY's runner) against FakeBotApiServer on 127.0.0.1. Users' messages go in as
 * updates handed out by getUpdates; what they see is what the fake stored from the bot's sendMessage and
 * editMessageText calls (HTML parsed the way Telegram parses it).
 */
import type { BotCommand, Message, User } from 'grammy/types';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { realTimers } from '../../bot/kit/timers.js';
import { commands } from '../../commands/index.js';
import { type Command, mayRun } from '../../core/context.js';
import { locales } from '../../locales/index.js';
import {
  ADMIN_ID,
  GROUP_ID,
  hung,
  khach,
  LiveBot,
  lan,
  mai,
  SECRET,
  TOKEN,
  toan,
  type Where,
} from '../helpers/live-bot.js';
import { VirtualTimers } from '../helpers/timers.js';

let app: LiveBot | undefined;

async function launch(options?: Parameters<typeof LiveBot.start>[0]): Promise<LiveBot> {
  app = await LiveBot.start(options);
  return app;
}

afterEach(async () => {
  const running = app;
  app = undefined;
  if (!running) return;
  await running.stop();
  // Whatever a test did, the token never reaches the log.
  expect(running.linesContaining(SECRET)).toEqual([]);
});

async function registerTrio(bot: LiveBot): Promise<void> {
  bot.server.setChatMember(GROUP_ID, hung.id, 'member');
  expect((await bot.say(lan, 'group', '/dangky Nguyễn Thị Lan | vp')).reply.text).toContain('Đã đăng ký');
  expect((await bot.say(hung, 'private', '/dangky Trần Văn Hùng | cb')).reply.text).toContain('Đã đăng ký');
  expect((await bot.say(mai, 'group', '/dangky Vũ Thị Mai | cs')).reply.text).toContain('Đã đăng ký');
}

describe('long polling over HTTP: a week of the emulation movement', () => {
  it('staff register, log deeds, tasks and initiatives, and read the standings; admins summarise', async () => {
    const tg = await launch({ admins: [ADMIN_ID] });
    const { server, store } = tg;
    server.setChatMember(GROUP_ID, hung.id, 'member');

    // Lan registers in the group; the department is found without diacritics or case.
    const lanJoins = await tg.say(lan, 'group', '/dangky Nguyễn Thị Lan | van phong ban');
    expect(lanJoins.reply.text).toBe(
      '✅ Đã đăng ký Nguyễn Thị Lan — Văn phòng Ban. Chào mừng đồng chí tham gia phong trào!\n' +
        'Ghi nhận đầu tiên: /viectot nội dung, /hoanthanh nội dung hoặc /sangkien nội dung.',
    );
    expect(lanJoins.reply).toMatchObject({ chatId: GROUP_ID, replyTo: lanJoins.message?.message_id });
    expect(lanJoins.callsOf('getChatMember')).toEqual([]); // in the group, membership is evident

    // Hùng registers in private: the bot asks Telegram whether he is in the agency's group.
    const hungJoins = await tg.say(hung, 'private', '/dangky Trần Văn Hùng | phong can bo');
    expect(hungJoins.callsOf('getChatMember').map((c) => c.params)).toEqual([
      { chat_id: GROUP_ID, user_id: hung.id },
    ]);
    expect(hungJoins.reply).toMatchObject({ chatId: hung.id, replyTo: undefined });
    expect(hungJoins.reply.text).toContain('✅ Đã đăng ký Trần Văn Hùng — Phòng Cán bộ.');

    // A visitor who is not in the group cannot register in private.
    const visitor = await tg.say(khach, 'private', '/dangky Người Ngoài | vp');
    expect(visitor.callsOf('getChatMember').map((c) => c.params)).toEqual([
      { chat_id: GROUP_ID, user_id: khach.id },
    ]);
    expect(visitor.reply.text).toBe(
      'Chỉ thành viên nhóm chung của cơ quan mới đăng ký được. Hãy tham gia nhóm, hoặc gửi lệnh ngay trong nhóm.',
    );

    const maiJoins = await tg.say(mai, 'group', '/dangky Vũ Thị Mai | CHINH SACH CAN BO');
    expect(maiJoins.reply.text).toContain('✅ Đã đăng ký Vũ Thị Mai — Phòng Chính sách cán bộ.');
    const toanJoins = await tg.say(toan, 'group', '/dangky Phạm Hữu Toàn | Văn phòng');
    expect(toanJoins.reply.text).toContain('✅ Đã đăng ký Phạm Hữu Toàn — Văn phòng Ban.');

    // Lan credits Hùng with a good deed by naming him first.
    const deed = await tg.say(lan, 'group', '/viectot @hungtv ở lại giúp sửa máy in');
    expect(deed.reply.replyTo).toBe(deed.message?.message_id);
    expect(deed.reply.text).toBe(
      [
        '✅ Đã lưu Việc tốt — mã VT1, 2 điểm.',
        '@hungtv ở lại giúp sửa máy in',
        'Ghi nhận cho: Trần Văn Hùng (người báo: Nguyễn Thị Lan).',
        'Tuần này Trần Văn Hùng xếp hạng 1/1 người có điểm, với 2 điểm.',
        'Ghi nhầm? Gửi /huy VT1 để rút lại.',
      ].join('\n'),
    );

    // Hùng logs an urgent task in private (codes are numbered across kinds).
    const task = await tg.say(hung, 'private', '/hoanthanh Báo cáo nhanh tình hình nhân sự #dotxuat');
    expect(task.reply.text).toContain('✅ Đã lưu Hoàn thành nhiệm vụ — mã HT2, 2 điểm.');
    expect(task.reply.text).toContain('Đánh dấu: nhiệm vụ đột xuất');
    expect(task.reply.text).toContain('Tuần này Trần Văn Hùng xếp hạng 1/1 người có điểm, với 4 điểm.');

    // Mai logs an IT initiative in the group.
    const idea = await tg.say(mai, 'group', '/sangkien Tra cứu hồ sơ đảng viên bằng mã QR #cntt');
    expect(idea.reply.text).toContain('✅ Đã lưu Sáng kiến — mã SK3, 5 điểm.');
    expect(idea.reply.text).toContain('Đánh dấu: mô hình ứng dụng CNTT');
    expect(idea.reply.text).toContain('Tuần này Vũ Thị Mai xếp hạng 1/2 người có điểm, với 5 điểm.');

    // Lan sends a photo captioned with a command: the photo is kept as evidence.
    const photo = await tg.say(lan, 'group', '/viectot Dọn vệ sinh khuôn viên cơ quan', { photo: true });
    expect(photo.reply.replyTo).toBe(photo.message?.message_id);
    expect(photo.reply.text).toContain('✅ Đã lưu Việc tốt — mã VT4, 2 điểm.');
    expect(photo.reply.text).toContain('📷 Ảnh đã được lưu làm minh chứng.');
    expect(photo.reply.text).toContain('Tuần này Nguyễn Thị Lan xếp hạng 3/3 người có điểm, với 2 điểm.');

    // Hùng looks at his week, newest first, with the deed Lan reported for him.
    const mine = await tg.say(hung, 'private', '/cuatoi');
    expect(mine.reply.text).toMatch(/^Ghi nhận của Trần Văn Hùng — tuần \d+\/\d{4} \(/);
    expect(mine.reply.text).toMatch(
      /HT2 .* · Hoàn thành nhiệm vụ · 2 điểm\n {3}Báo cáo nhanh tình hình nhân sự #dotxuat\b.*\n/,
    );
    expect(mine.reply.text).toMatch(
      /VT1 .* · Việc tốt · 2 điểm\n {3}@hungtv ở lại giúp sửa máy in\b.* \(do Nguyễn Thị Lan báo\)/,
    );
    expect(mine.reply.text.indexOf('HT2')).toBeLessThan(mine.reply.text.indexOf('VT1'));
    expect(mine.reply.text).toContain(
      'Tổng: 4 điểm từ 2 mục được tính.\nXếp hạng: 2/3 người có điểm trong kỳ.',
    );

    // Everyone sees the week's leaderboard in the group.
    const board = await tg.say(mai, 'group', '/bangxephang');
    expect(board.reply.text).toMatch(/^🏆 Bảng xếp hạng thi đua — tuần \d+\/\d{4}/);
    expect(board.reply.text).toContain(
      [
        'Cá nhân dẫn đầu (top 10)',
        '1. Vũ Thị Mai (Phòng Chính sách cán bộ) — 5 điểm',
        '2. Trần Văn Hùng (Phòng Cán bộ) — 4 điểm',
        '3. Nguyễn Thị Lan (Văn phòng Ban) — 2 điểm',
        '',
      ].join('\n'),
    );
    expect(board.reply.text).not.toContain('Phạm Hữu Toàn');

    // Lan is not an admin: /tonghop is refused. The admin gets the month's summary.
    const refused = await tg.say(lan, 'group', '/tonghop');
    expect(refused.reply.text).toBe('Lệnh này chỉ dành cho quản trị viên (Văn phòng Ban, lãnh đạo Ban).');
    const summary = await tg.say(toan, 'private', '/tonghop');
    expect(summary.reply.chatId).toBe(toan.id);
    expect(summary.reply.text).toMatch(/^📊 Tổng hợp thi đua — tháng \d{2}\/\d{4} \(/);
    expect(summary.reply.text).toContain(
      [
        'Theo loại',
        '• Việc tốt: 2 mục, 4 điểm',
        '• Hoàn thành nhiệm vụ: 1 mục, 2 điểm',
        '   Trong đó nhiệm vụ đột xuất: 1',
        '• Sáng kiến: 1 mục, 5 điểm',
        '   Trong đó mô hình ứng dụng CNTT: 1',
        'Tổng cộng: 4 mục, 11 điểm',
      ].join('\n'),
    );
    expect(summary.reply.text).toContain('Tỷ lệ tham gia: 3/4 người có ít nhất một mục (75%)');
    expect(summary.reply.text).toContain('1. Vũ Thị Mai (Phòng Chính sách cán bộ) — 5 điểm, 1 mục');

    // The store holds exactly what was logged.
    const nameOf = (id: string) => store.member(id)?.fullName;
    expect(store.members.map((m) => [m.fullName, m.departmentId, m.identities, m.username])).toEqual([
      ['Nguyễn Thị Lan', 'vp', ['telegram:1001'], 'lan_nguyen'],
      ['Trần Văn Hùng', 'cb', ['telegram:1002'], 'hungtv'],
      ['Vũ Thị Mai', 'cs', ['telegram:1003'], undefined],
      ['Phạm Hữu Toàn', 'vp', [`telegram:${ADMIN_ID}`], 'toan_vp'],
    ]);
    expect(
      store.entries.map((e) => ({
        code: e.code,
        kind: e.kind,
        points: e.points,
        adhoc: e.adhoc,
        it: e.it,
        member: nameOf(e.memberId),
        reporter: nameOf(e.reporterId),
        text: e.text,
        photo: e.photo,
        source: e.source,
        status: e.status,
      })),
    ).toEqual([
      {
        code: 'VT1',
        kind: 'deed',
        points: 2,
        adhoc: false,
        it: false,
        member: 'Trần Văn Hùng',
        reporter: 'Nguyễn Thị Lan',
        text: '@hungtv ở lại giúp sửa máy in',
        photo: undefined,
        source: `telegram:${GROUP_ID}:${deed.message?.message_id}`,
        status: 'active',
      },
      {
        code: 'HT2',
        kind: 'task',
        points: 2,
        adhoc: true,
        it: false,
        member: 'Trần Văn Hùng',
        reporter: 'Trần Văn Hùng',
        text: 'Báo cáo nhanh tình hình nhân sự #dotxuat',
        photo: undefined,
        source: `telegram:${hung.id}:${task.message?.message_id}`,
        status: 'active',
      },
      {
        code: 'SK3',
        kind: 'initiative',
        points: 5,
        adhoc: false,
        it: true,
        member: 'Vũ Thị Mai',
        reporter: 'Vũ Thị Mai',
        text: 'Tra cứu hồ sơ đảng viên bằng mã QR #cntt',
        photo: undefined,
        source: `telegram:${GROUP_ID}:${idea.message?.message_id}`,
        status: 'active',
      },
      {
        code: 'VT4',
        kind: 'deed',
        points: 2,
        adhoc: false,
        it: false,
        member: 'Nguyễn Thị Lan',
        reporter: 'Nguyễn Thị Lan',
        text: 'Dọn vệ sinh khuôn viên cơ quan',
        photo: [{ platform: 'telegram', fileId: 'AgACAgIAAxkBAAIBlarge' }],
        source: `telegram:${GROUP_ID}:${photo.message?.message_id}`,
        status: 'active',
      },
    ]);

    // Every update was handed out, handled once, and confirmed once handled (one still being handled
    // is handed out again by the next poll and dropped by the bot: bot/telegram/confirm.ts).
    expect(tg.pushed).toHaveLength(13);
    expect([...new Set(server.deliveries.flatMap((d) => d.updateIds))]).toEqual(tg.pushed);
    expect(server.pendingUpdateCount).toBe(0);
    expect(
      tg
        .logs()
        .filter((l) => l.msg === 'command')
        .map((l) => l.update),
    ).toEqual(tg.pushed);
    expect(server.callsOf('sendMessage').every((c) => c.response?.ok)).toBe(true);
  });
});

describe('pictures, topics and albums over HTTP', () => {
  it('uploads the leaderboard as a photo in the topic of the command, the leaderboard as its caption', async () => {
    const bot = await launch();
    await registerTrio(bot);
    await bot.say(lan, 'group', '/viectot Trả lại ví tiền cho người đánh rơi');
    const exchange = await bot.say(mai, 'group', '/bangxephang anh', { topic: 5 });
    const [upload] = exchange.callsOf('sendPhoto');
    expect(upload?.params.message_thread_id).toBe(5);
    // This week's, on the machine's clock.
    expect(upload?.files.map((f) => [f.field, f.filename])).toEqual([
      ['photo', expect.stringMatching(/^bang-xep-hang-tuan-\d+-\d{4}\.png$/)],
    ]);
    expect(PNG.sync.read(upload?.files[0]?.data as Buffer).width).toBe(1280);
    // The photo as Telegram keeps it: in the topic, answering the command, the caption parsed from HTML.
    const shown = (upload?.response as { result: Message } | undefined)?.result as Message;
    expect(shown.message_thread_id).toBe(5);
    expect(shown.reply_to_message?.message_id).toBe(exchange.message?.message_id);
    expect(shown.caption).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 2 điểm');
    expect(shown.caption_entities?.some((e) => e.type === 'bold')).toBe(true);
  });

  it('logs an album that arrives as three updates as one entry with three photos, after a reaction', async () => {
    const waits: (() => void)[] = [];
    const bot = await launch({
      env: { TELEGRAM_COMPACT_CONFIRMATIONS: 'true' },
      // A wait, once started, is never cancelled here: whichever ends first hands the album over.
      telegram: {
        timers: {
          ...realTimers,
          after: (_ms, run) => {
            waits.push(run);
            return () => {};
          },
        },
      },
    });
    await registerTrio(bot);
    const before = bot.server.calls.length;
    const parts = ['/viectot Dọn vệ sinh khuôn viên cơ quan', '', ''].map(
      (caption, i) => bot.push(lan, 'group', caption, { album: 'a-13', photoId: `album-${i + 1}` }).updateId,
    );
    // Handed out, and the bot polls again — without confirming the parts while the album waits (a
    // process killed now leaves them to be handed out again, to the instance that takes over).
    const server = bot.server;
    const handedOut = () => server.deliveries.filter((d) => parts.every((id) => d.updateIds.includes(id)));
    // Either they are confirmed (the next poll's offset passes them), or they are handed out again
    // while the bot's handlers have long returned.
    await until(() => server.pendingUpdateCount === 0 || handedOut().length >= 4);
    expect(server.pendingUpdateCount).toBe(3);
    expect(bot.server.calls.slice(before).map((c) => c.method)).toEqual([]);
    // Whichever wait ends first hands the whole album over; the others find it gone.
    for (const run of waits.splice(0)) run();
    await bot.settle();
    expect(server.pendingUpdateCount).toBe(0);
    const calls = bot.server.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['setMessageReaction', 'sendMessage']);
    expect(calls[1]?.params.text).toBe('✅ Việc tốt <code>VT1</code>, 2 điểm — Nguyễn Thị Lan');
    expect(bot.store.entries.map((e) => e.photo?.map((p) => p.fileId))).toEqual([
      ['album-1', 'album-2', 'album-3'],
    ]);
  });
});

describe('another instance polling with the token (409 Conflict)', () => {
  it('waits on the platform clock before polling again, twice as long each time, then answers', async () => {
    const timers = new VirtualTimers();
    const bot = await launch({ telegram: { timers } });
    bot.server.fault({
      method: 'getUpdates',
      action: { error_code: 409, description: 'Conflict: terminated by other getUpdates request' },
      times: 2,
    });
    // The fake clock never moves by itself: each wait lasts until the test ends it.
    await until(() => timers.waiting.length === 1);
    expect(timers.waiting.map((w) => w.ms)).toEqual([200]);
    timers.fire();
    await until(() => timers.waiting.length === 1);
    expect(timers.waiting.map((w) => w.ms)).toEqual([400]);
    timers.fire();
    const exchange = await bot.say(lan, 'private', '/trogiup');
    expect(exchange.calls.map((c) => c.method)).toContain('sendMessage');
  });
});

describe('command menu', () => {
  const menu = (list: readonly Command[], locale: 'vi' | 'en') =>
    list
      .filter((c) => !c.hidden)
      .map((c) => ({ command: c.name, description: c.description(locales[locale]) }));
  const registry = new Set(commands.map((c) => c.name));
  /** What a plain registered member may run, in registry order. */
  const memberCommands = commands.filter((c) =>
    mayRun(c.access, { registered: true, admin: false, council: false }),
  );
  /** The member commands of a menu, in the menu's order. */
  const memberPart = (list: BotCommand[]) =>
    list.filter((c) => memberCommands.some((m) => m.name === c.command));

  it('sets the menu by default, in Vietnamese and in English, from the command registry', async () => {
    const tg = await launch({ admins: [ADMIN_ID] });
    const { server } = tg;
    const inGroup = { type: 'chat_member', chat_id: GROUP_ID, user_id: ADMIN_ID };
    expect(server.callsOf('setMyCommands').map((c) => [c.params.language_code, c.params.scope])).toEqual([
      [undefined, undefined],
      ['vi', undefined],
      ['en', undefined],
      [undefined, { type: 'chat', chat_id: ADMIN_ID }],
      ['vi', { type: 'chat', chat_id: ADMIN_ID }],
      ['en', { type: 'chat', chat_id: ADMIN_ID }],
      [undefined, inGroup],
      ['vi', inGroup],
      ['en', inGroup],
    ]);
    expect(memberCommands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['dangky', 'viectot', 'hoanthanh', 'sangkien', 'cuatoi', 'bangxephang']),
    );
    for (const [language, locale] of [
      ['vi', 'vi'],
      ['en', 'en'],
      ['', 'vi'], // the default menu follows BOT_LOCALE=vi
    ] as const) {
      const shown = server.commandsFor(language);
      // Every command a member may run is there, in registry order, described in the language...
      expect(memberPart(shown)).toEqual(menu(memberCommands, locale));
      // ...and only registry commands, never the admins' own.
      expect(shown.every((c) => registry.has(c.command))).toBe(true);
      expect(shown.map((c) => c.command)).not.toContain('tonghop');
    }
    expect(server.commandsFor('en').find((c) => c.command === 'dangky')?.description).toBe(
      'Register or update your profile',
    );
    expect(server.commandsFor('vi').find((c) => c.command === 'dangky')?.description).toBe(
      'Đăng ký hoặc cập nhật hồ sơ',
    );
    // The admin's private chat has the whole registry, /tonghop included, and so has their menu in the group.
    expect(server.commandsFor('', { type: 'chat', chat_id: ADMIN_ID })).toEqual(menu(commands, 'vi'));
    expect(server.commandsFor('', inGroup)).toEqual(menu(commands, 'vi'));
  });

  it('gives Council members their commands in the group’s menu too, not only in private', async () => {
    const COUNCIL_ID = 800001;
    const tg = await launch({ admins: [], env: { TELEGRAM_COUNCIL_IDS: String(COUNCIL_ID) } });
    const councilMenu = menu(
      commands.filter((c) => mayRun(c.access, { registered: true, admin: false, council: true })),
      'vi',
    );
    const inGroup = tg.server.commandsFor('', {
      type: 'chat_member',
      chat_id: GROUP_ID,
      user_id: COUNCIL_ID,
    });
    expect(inGroup).toEqual(councilMenu);
    expect(inGroup.map((c) => c.command)).toEqual(expect.arrayContaining(['choduyet', 'duyet', 'tuchoi']));
    expect(inGroup.map((c) => c.command)).not.toContain('tonghop');
    expect(
      tg.server.commandsFor('en', { type: 'chat_member', chat_id: GROUP_ID, user_id: COUNCIL_ID }),
    ).toEqual(
      menu(
        commands.filter((c) => mayRun(c.access, { registered: true, admin: false, council: true })),
        'en',
      ),
    );
    // Everyone else's menu in the group stays the members' one.
    expect(tg.server.commandsFor('').map((c) => c.command)).not.toContain('choduyet');
  });

  it('uses BOT_LOCALE for the default menu', async () => {
    const tg = await launch({ admins: [], locale: 'en' });
    expect(tg.server.callsOf('setMyCommands')).toHaveLength(3);
    expect(memberPart(tg.server.commandsFor(''))).toEqual(menu(memberCommands, 'en'));
    expect(memberPart(tg.server.commandsFor('vi'))).toEqual(menu(memberCommands, 'vi'));
  });
});

describe('inline buttons over HTTP', () => {
  it('offers the departments as buttons; only the requester can pick one', async () => {
    const tg = await launch();
    const { server, store } = tg;

    const question = await tg.say(lan, 'group', '/dangky Nguyễn Thị Lan');
    expect(question.reply.text).toBe('Chọn phòng của Nguyễn Thị Lan:');
    expect(question.reply.buttons.map((b) => b.text)).toEqual([
      'Văn phòng Ban',
      'Phòng Tổ chức đảng, đảng viên',
      'Phòng Cán bộ',
      'Phòng Bảo vệ chính trị nội bộ',
      'Phòng Chính sách cán bộ',
    ]);

    // Hùng presses Lan's button: an alert, nothing changes.
    const stolen = await tg.press(hung, question.reply, 'Phòng Cán bộ');
    expect(stolen.callsOf('answerCallbackQuery').map((c) => c.params)).toEqual([
      {
        callback_query_id: expect.any(String),
        text: 'Nút này dành cho người đã gửi lệnh.',
        show_alert: true,
      },
    ]);
    expect(stolen.callsOf('answerCallbackQuery')[0]?.response?.ok).toBe(true);
    expect(stolen.replies).toEqual([]);
    expect(store.members).toEqual([]);
    expect(server.getMessage(GROUP_ID, question.reply.messageId)?.reply_markup?.inline_keyboard).toHaveLength(
      5,
    );

    // Lan presses it: the question becomes the confirmation, its buttons gone.
    const picked = await tg.press(lan, question.reply, 'Phòng Cán bộ');
    expect(picked.callsOf('answerCallbackQuery').map((c) => c.params)).toEqual([
      { callback_query_id: expect.any(String) },
    ]);
    expect(picked.callsOf('answerCallbackQuery')[0]?.response?.ok).toBe(true);
    expect(picked.reply.method).toBe('editMessageText');
    expect(picked.reply.messageId).toBe(question.reply.messageId);
    const now = server.getMessage(GROUP_ID, question.reply.messageId);
    expect(now?.text).toMatch(/^✅ Đã đăng ký Nguyễn Thị Lan — Phòng Cán bộ\. Chào mừng/);
    expect(now?.reply_markup).toBeUndefined();
    expect(tg.botMessagesIn(GROUP_ID)).toHaveLength(1); // edited, not sent again
    expect(store.members.map((m) => [m.fullName, m.departmentId, m.identities])).toEqual([
      ['Nguyễn Thị Lan', 'cb', ['telegram:1001']],
    ]);
  });

  it('in private, a press checks group membership with getChatMember before registering', async () => {
    const tg = await launch();
    const { server, store } = tg;
    server.setChatMember(GROUP_ID, mai.id, 'member');

    const question = await tg.say(mai, 'private', '/dangky Vũ Thị Mai');
    expect(question.reply.buttons).toHaveLength(5);
    const picked = await tg.press(mai, question.reply, 'Phòng Chính sách cán bộ');
    expect(picked.callsOf('getChatMember').map((c) => c.params)).toEqual([
      { chat_id: GROUP_ID, user_id: mai.id },
    ]);
    expect(picked.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(server.getMessage(mai.id, question.reply.messageId)?.text).toContain(
      '✅ Đã đăng ký Vũ Thị Mai — Phòng Chính sách cán bộ.',
    );
    expect(store.members.map((m) => m.departmentId)).toEqual(['cs']);
  });
});

describe('network trouble', () => {
  it('waits out a 429 (retry_after 1) and delivers the reply once', async () => {
    const tg = await launch();
    const { server, store } = tg;
    await registerTrio(tg);

    server.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      retry_after: 1,
    });
    const deed = await tg.say(lan, 'group', '/viectot Trực thay đồng nghiệp bị ốm');
    expect(deed.reply.text).toContain('✅ Đã lưu Việc tốt — mã VT1, 2 điểm.');
    const [limited, retried, ...more] = deed.callsOf('sendMessage');
    expect(more).toEqual([]);
    expect(limited?.response).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(retried?.params).toEqual(limited?.params);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(
      tg.botMessagesIn(GROUP_ID).filter((m) => m.reply_to_message?.message_id === deed.message?.message_id),
    ).toHaveLength(1);
    expect(store.entries).toHaveLength(1);
  });

  it('a burst from 3 users survives a 500 and a dropped connection: each reply once, in order', async () => {
    const tg = await launch();
    const { server, store } = tg;
    await registerTrio(tg);
    const sendsBefore = server.callsOf('sendMessage').length;

    const burst: [User, Where, string][] = [
      [lan, 'group', '/hoanthanh Soạn công văn triệu tập hội nghị'],
      [hung, 'private', '/hoanthanh Thẩm định hồ sơ bổ nhiệm'],
      [mai, 'group', '/viectot Hướng dẫn đồng nghiệp dùng phần mềm'],
      [lan, 'group', '/sangkien Sổ theo dõi văn bản điện tử #cntt'],
      [hung, 'private', '/viectot Trực thay đồng nghiệp'],
      [mai, 'group', '/hoanthanh Tổng hợp báo cáo quý #dotxuat'],
      [lan, 'group', '/viectot Đón tiếp đoàn công tác'],
      [hung, 'private', '/sangkien Mẫu biểu nhận xét cán bộ'],
      [mai, 'group', '/hoanthanh Rà soát quy hoạch'],
    ];
    // The first reply meets a 500; once four replies are through, the next one loses its connection.
    server.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' });
    const okSends = () =>
      server
        .callsOf('sendMessage')
        .slice(sendsBefore)
        .filter((c) => c.response?.ok);
    const fourDone = server
      .waitForCall(() => okSends().length === 4, 600_000)
      .then(() => server.dropNext('sendMessage'));
    const pushed = burst.map(([from, where, text]) => tg.push(from, where, text));
    await fourDone;
    await tg.settle(10_000);

    // What reached Telegram: 9 replies, one of them after a 500 and one after a dropped connection —
    // each retried with the same message (chats are handled at once, so their sends interleave).
    const attempts = server.callsOf('sendMessage').slice(sendsBefore);
    const outcome = (c: (typeof attempts)[number]) =>
      c.response === null ? 'dropped' : c.response.ok ? 'ok' : 'error';
    expect(attempts.map(outcome).sort()).toEqual([...Array(9).fill('ok'), 'dropped', 'error'].sort());
    for (const failed of attempts.filter((c) => outcome(c) !== 'ok')) {
      const retry = attempts
        .slice(attempts.indexOf(failed) + 1)
        .find((c) => c.params.text === failed.params.text);
      expect(retry && outcome(retry)).toBe('ok');
    }
    expect(attempts.find((c) => outcome(c) === 'error')?.response).toMatchObject({ error_code: 500 });

    // What users saw: in each chat, one reply per command, in the order the commands were sent.
    const expectChat = (chatId: number) => {
      const sent = burst
        .map(([, , text], i) => ({ text: text.replace(/^\/\S+ /, ''), message: pushed[i]?.message }))
        .filter((s) => s.message?.chat.id === chatId);
      const shown = tg.botMessagesIn(chatId).slice(-sent.length);
      expect(shown).toHaveLength(sent.length);
      for (const [i, s] of sent.entries()) {
        expect(shown[i]?.text).toContain(`\n${s.text}\n`);
        if (chatId === GROUP_ID) expect(shown[i]?.reply_to_message?.message_id).toBe(s.message?.message_id);
      }
    };
    expectChat(GROUP_ID);
    expectChat(hung.id);
    expect(tg.botMessagesIn(GROUP_ID)).toHaveLength(2 + 6); // two registrations, six burst replies
    expect(tg.botMessagesIn(hung.id)).toHaveLength(1 + 3);

    // Every command was saved once, each chat's in the order sent.
    for (const chatId of [GROUP_ID, hung.id]) {
      const sources = pushed
        .filter((p) => p.message.chat.id === chatId)
        .map((p) => `telegram:${chatId}:${p.message.message_id}`);
      expect(
        store.entries.filter((e) => e.source.startsWith(`telegram:${chatId}:`)).map((e) => e.source),
      ).toEqual(sources);
    }
    expect(store.entries).toHaveLength(burst.length);
    expect([...new Set(server.deliveries.flatMap((d) => d.updateIds))]).toEqual(tg.pushed);
    // Nothing failed from the users' point of view; each failed attempt was logged as a warning.
    const problems = tg.logs().filter((l) => Number(l.level) >= 40);
    expect(problems.map((l) => [l.msg, l.method])).toEqual([
      ['Telegram call failed', 'sendMessage'],
      ['Telegram call failed', 'sendMessage'],
    ]);
  });
});

describe('secrets', () => {
  it('never writes the token to the log, through dropped connections and API errors', async () => {
    const tg = await launch({
      admins: [ADMIN_ID],
      beforeInit: (server) => {
        server.dropNext('getMe');
        server.dropNext('setMyCommands');
        // The admin's own menu fails like it does for an admin who never opened the bot.
        void server
          .waitForCall((c) => c.method === 'setMyCommands' && c.params.language_code === 'en', 600_000)
          .then(() =>
            server.failNext('setMyCommands', { error_code: 400, description: 'Bad Request: chat not found' }),
          )
          .catch(() => {});
      },
    });
    const { server, store } = tg;
    server.setChatMember(GROUP_ID, hung.id, 'member');

    // Lost connections while registering in private (getChatMember) and while replying.
    server.dropNext('getChatMember');
    server.dropNext('sendMessage');
    const joined = await tg.say(hung, 'private', '/dangky Trần Văn Hùng | cb');
    expect(joined.reply.text).toContain('✅ Đã đăng ký Trần Văn Hùng');

    // Telegram refuses getChatMember: the command fails and says so.
    server.failNext('getChatMember', {
      error_code: 400,
      description: 'Bad Request: member list is inaccessible',
    });
    const failed = await tg.say(khach, 'private', '/dangky Người Ngoài | vp');
    expect(failed.reply.text).toBe(
      'Xin lỗi, đã có lỗi khi xử lý lệnh này. Trước khi gửi lại, hãy xem /cuatoi để chắc chắn mục chưa được ghi, tránh ghi trùng.',
    );

    // A reply Telegram refuses outright: logged, not turned into an "error" answer (the command ran).
    server.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    const blocked = await tg.say(hung, 'private', '/cuatoi');
    expect(blocked.replies).toEqual([]);
    expect(blocked.callsOf('sendMessage')).toHaveLength(1);

    // A button press whose answer and edit both lose their connection once.
    const question = await tg.say(lan, 'group', '/dangky Nguyễn Thị Lan');
    server.dropNext('answerCallbackQuery');
    server.dropNext('editMessageText');
    const picked = await tg.press(lan, question.reply, 'Văn phòng Ban');
    expect(picked.callsOf('answerCallbackQuery').map((c) => c.response?.ok ?? 'dropped')).toEqual([
      'dropped',
      true,
    ]);
    expect(picked.callsOf('editMessageText').map((c) => c.response?.ok ?? 'dropped')).toEqual([
      'dropped',
      true,
    ]);
    expect(store.members.map((m) => m.fullName)).toEqual(['Trần Văn Hùng', 'Nguyễn Thị Lan']);

    // Every fault happened. A dropped connection's HttpError carries the request URL, token included, but
    // auto-retry retries it until it succeeds, so it never reaches a log line; the API errors do, in full...
    const dropped = server.calls.filter((c) => c.response === null).map((c) => c.method);
    expect(dropped.sort()).toEqual(
      [
        'answerCallbackQuery',
        'editMessageText',
        'getChatMember',
        'getMe',
        'sendMessage',
        'setMyCommands',
      ].sort(),
    );
    const problems = tg.logs().filter((l) => Number(l.level) >= 40);
    expect(new Set(problems.map((l) => l.msg))).toEqual(
      new Set([
        'Telegram call failed',
        'could not set a personal command menu',
        'command failed',
        'could not deliver a reply (what the command changed is saved)',
      ]),
    );
    // Every failed call is in the log by its method, dropped connections included.
    const failedMethods = new Set(
      problems.filter((l) => l.msg === 'Telegram call failed').map((l) => l.method),
    );
    for (const method of dropped) expect(failedMethods).toContain(method);
    const text = tg.logText();
    expect(text).toContain("Call to 'setMyCommands' failed! (400: Bad Request: chat not found)");
    expect(text).toContain("Call to 'getChatMember' failed! (400: Bad Request: member list is inaccessible)");
    expect(text).toContain("Call to 'sendMessage' failed! (403: Forbidden: bot was blocked by the user)");
    // ...without the token, nor the URL that carries it.
    expect(tg.linesContaining(SECRET)).toEqual([]);
    expect(tg.linesContaining(`/bot${TOKEN}`)).toEqual([]);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
