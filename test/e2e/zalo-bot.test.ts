/**
 * The official Zalo Bot Platform as a member, an admin and the Council use it: the bot as `npm start`
 * builds it (createApp with Telegram and the Zalo Bot Platform), the Platform's stand-in on 127.0.0.1
 * (test/helpers/zalo-bot-api-server.ts) and Telegram's (test/helpers/bot-api-server.ts), the real store.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZaloBotPlatform } from '../../bot/zalo-bot/platform.js';
import { ADMIN_ID, GROUP_ID, LiveBot, lan, person, toan, until } from '../helpers/live-bot.js';
import { logDeed } from '../helpers/store.js';
import { FakeZaloBotApiServer, zaloId } from '../helpers/zalo-bot-api-server.js';

const COUNCIL = person(900002, 'Hội đồng');
/** A Zalo Bot user who is an admin of the bot there. */
const ZB_ADMIN = zaloId();

let bot: LiveBot | undefined;
let zb: FakeZaloBotApiServer | undefined;
afterEach(async () => {
  await bot?.stop();
  await zb?.close();
  bot = undefined;
  zb = undefined;
});

async function launch(env: Record<string, string> = {}, seams: Parameters<typeof LiveBot.start>[0] = {}) {
  zb = await FakeZaloBotApiServer.start();
  bot = await LiveBot.start({
    ...seams,
    env: {
      ZALO_BOT_TOKEN: zb.token,
      ZALO_BOT_API_ROOT: zb.apiRoot,
      ZALO_BOT_ADMIN_IDS: ZB_ADMIN,
      TELEGRAM_COUNCIL_IDS: String(COUNCIL.id),
      ...env,
    },
  });
  bot.server.setUser(COUNCIL);
  if (platform().state === 'running' && env.ZALO_BOT_MODE !== 'webhook') await zb.waitForPoll();
  return { bot, zb };
}

const platform = () => bot?.app.platforms.find((p) => p.name === 'zalobot') as ZaloBotPlatform;

/** Waits until the stand-in handed out every event and the bot took it (it polls again only after). */
async function taken(server: FakeZaloBotApiServer): Promise<void> {
  await until('the event to be handed out', () => server.undelivered === 0);
  const polls = server.pollCount;
  await until('the bot to poll again', () => server.pollCount > polls, 10_000);
  await platform().idle();
  await bot?.settle();
}

/** A Zalo Bot user writes `text`; resolves with what the bot sent to that chat meanwhile. */
async function zsay(userId: string, text: string, displayName = 'Người dùng Zalo'): Promise<string[]> {
  const server = zb as FakeZaloBotApiServer;
  const before = server.sent(userId).length;
  server.pushText(userId, text, { displayName });
  await taken(server);
  return server.sent(userId).slice(before);
}

/** Registers a Zalo Bot user through an admin's approval (the admin answers with the choice's number). */
async function approved(userId: string, fullName: string, dept = 'vp'): Promise<void> {
  await zsay(userId, `/dangky ${fullName} | ${dept}`);
  // The admins' notice (the person who asked, when an admin, is then told it reached the admins).
  const notice =
    (zb as FakeZaloBotApiServer)
      .sent(ZB_ADMIN)
      .filter((m) => m.includes('✅ Duyệt'))
      .at(-1) ?? '';
  const number = /(\d+)\. ✅ Duyệt/.exec(notice)?.[1];
  expect(number).toBeDefined();
  await zsay(ZB_ADMIN, number as string);
}

describe('registering where there is no group: an admin approves', () => {
  it('a stranger asks, cannot log yet, an admin on Telegram approves with a button, and the person is told', async () => {
    const { bot, zb } = await launch();
    const ha = zaloId();
    expect(await zsay(ha, '/viectot Trực thay ca đêm cho đồng nghiệp bị ốm')).toEqual([
      'Đồng chí chưa đăng ký. Hãy gửi: /dangky Họ và tên | Phòng',
    ]);
    const asked = await zsay(ha, '/dangky Phạm Thu Hà | vp', 'Hà Phạm');
    expect(asked[0]).toContain(
      'Đề nghị đăng ký của đồng chí (Phạm Thu Hà — Văn phòng Ban) đã được gửi tới quản trị viên',
    );
    expect(bot.store.members).toHaveLength(0);
    // Both admins got the request: on Telegram with buttons, on the Zalo Bot Platform as numbered lines.
    const onTelegram = bot.seenIn(ADMIN_ID).at(-1);
    expect(onTelegram?.text).toContain(
      'Đề nghị đăng ký qua Zalo Bot: Phạm Thu Hà — Văn phòng Ban (tên hiển thị: Hà Phạm',
    );
    expect(zb.sent(ZB_ADMIN).at(-1)).toContain('1. ✅ Duyệt: Phạm Thu Hà — /duyetdangky zalobot:');
    // The department by its name, as the admin reads it (issue 21), not the store's id.
    expect(zb.sent(ZB_ADMIN).at(-1)).toContain('| Phạm Thu Hà | Văn phòng Ban');
    // Asking again within the hour does not send the admins a second notice: it says how many got it.
    const again = await zsay(ha, '/dangky Phạm Thu Hà | vp');
    expect(again).toHaveLength(1);
    expect(again[0]).toMatch(
      /^Đề nghị đăng ký của đồng chí đã được gửi tới 2 quản trị viên lúc \d\d:\d\d \d\d\/\d\d\/\d{4} và đang chờ duyệt/,
    );
    expect(bot.seenIn(ADMIN_ID).filter((s) => s.text.includes('Đề nghị đăng ký qua'))).toHaveLength(1);

    const before = zb.sent(ha).length;
    const pressed = await bot.press(
      toan,
      onTelegram as NonNullable<typeof onTelegram>,
      '✅ Duyệt: Phạm Thu Hà',
    );
    await platform().idle();
    expect(pressed.replies.at(-1)?.text).toContain('Đã duyệt đăng ký: Phạm Thu Hà — Văn phòng Ban');
    expect(zb.sent(ha).slice(before)).toEqual([
      '✅ Đề nghị đăng ký của đồng chí đã được duyệt: Phạm Thu Hà — Văn phòng Ban. Gửi /trogiup để xem các lệnh.',
    ]);
    const member = bot.store.memberByIdentity(`zalobot:${ha}`);
    expect(member?.fullName).toBe('Phạm Thu Hà');
    expect(member?.history[0]).toMatchObject({ action: 'registered', by: `telegram:${ADMIN_ID}` });
    expect((await zsay(ha, '/viectot Trực thay ca đêm cho đồng nghiệp bị ốm'))[0]).toContain('Đã lưu');
  }, 60_000);

  it('an admin turns a request down with a reason; the person is told and nothing is stored', async () => {
    const { bot, zb } = await launch();
    const stranger = zaloId();
    await zsay(stranger, '/dangky Người Lạ | vp');
    const notice = zb.sent(ZB_ADMIN).at(-1) ?? '';
    expect(notice).toContain('2. ✖ Không chấp thuận — /tuchoidangky zalobot:');
    await zsay(ZB_ADMIN, `/tuchoidangky zalobot:${stranger} không phải cán bộ của cơ quan`);
    expect(zb.sent(stranger).at(-1)).toBe(
      'Đề nghị đăng ký của đồng chí không được chấp thuận: không phải cán bộ của cơ quan. Nếu cần, đề nghị liên hệ Văn phòng.',
    );
    expect(bot.store.members).toHaveLength(0);
    // Strangers read nothing of the agency's figures.
    expect((await zsay(stranger, '/bangxephang'))[0]).toContain('chỉ dành cho cán bộ, công chức');
  }, 60_000);
});

describe('a member on the Zalo Bot Platform', () => {
  it('logs with and without a photo; the photo is fetched once and kept in the data directory; /cuatoi counts both', async () => {
    const { bot, zb } = await launch();
    const ha = zaloId();
    await approved(ha, 'Phạm Thu Hà');
    expect((await zsay(ha, '/hoanthanh Hoàn thành báo cáo sơ kết quý IV'))[0]).toContain('Đã lưu');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    const url = zb.servePhoto(jpeg);
    const before = zb.sent(ha).length;
    zb.pushImage(ha, url, '/viectot Giúp đồng nghiệp sửa máy in của phòng');
    await taken(zb);
    expect(zb.sent(ha).slice(before).join('\n')).toContain('Đã lưu');
    const withPhoto = bot.store.entries.find((e) => e.kind === 'deed');
    expect(withPhoto?.photo?.map((p) => p.platform)).toEqual(['zalobot']);
    expect(withPhoto?.photo?.[0]?.fileId).toMatch(/^evidence\/zalobot\/[0-9a-f]{64}\.jpg$/);
    expect(existsSync(join(bot.store.dir, withPhoto?.photo?.[0]?.fileId ?? 'missing'))).toBe(true);

    // A photo too large is not kept; the entry is, and the member is told.
    const big = zb.servePhoto(Buffer.alloc(11 * 1024 * 1024, 1));
    const later = zb.sent(ha).length;
    zb.pushImage(ha, big, '/viectot Trực thay ca đêm cho đồng nghiệp bị ốm');
    await taken(zb);
    const answer = zb.sent(ha).slice(later);
    expect(answer[0]).toContain('Đã lưu');
    expect(answer.at(-1)).toContain('Không tải được ảnh minh chứng');
    expect(bot.store.entries).toHaveLength(3);
    expect(bot.store.entries.at(-1)?.photo).toBeUndefined();

    const mine = (await zsay(ha, '/cuatoi')).join('\n');
    expect(mine).toContain('Phạm Thu Hà');
    expect(mine).toMatch(/3 mục/);
  }, 60_000);

  it('is told in private on this platform when the Council, on Telegram, decides on their entry', async () => {
    const { bot, zb } = await launch();
    const ha = zaloId();
    await approved(ha, 'Phạm Thu Hà');
    await zsay(ha, '/viectot Trực thay ca đêm cho đồng nghiệp bị ốm');
    const code = bot.store.entries[0]?.code as string;
    const before = zb.sent(ha).length;
    const decided = await bot.say(COUNCIL, 'private', `/tuchoi ${code} chưa có xác nhận của trưởng phòng`);
    await platform().idle();
    expect(decided.replies.at(-1)?.text).toContain(code);
    const notice = zb.sent(ha).slice(before).join('\n');
    expect(notice).toContain(code);
    expect(notice).toContain('chưa có xác nhận của trưởng phòng');
  }, 60_000);

  it('links to a Telegram profile: one profile, points from both platforms counted once', async () => {
    const { bot } = await launch();
    bot.server.setChatMember(GROUP_ID, lan.id, 'member');
    await bot.say(lan, 'group', '/dangky Nguyễn Thị Lan | vp');
    await bot.say(lan, 'group', '/viectot Hiến máu tình nguyện tại bệnh viện tỉnh');
    const asked = await bot.say(lan, 'private', '/lienket');
    const code = /Mã liên kết: (\d{6})/.exec(asked.reply.text)?.[1] as string;
    const lanZalo = zaloId();
    expect(await zsay(lanZalo, `/lienket ${code}`)).toEqual([
      '🔗 Đã liên kết: tài khoản này và hồ sơ Nguyễn Thị Lan là một; điểm được cộng chung.',
    ]);
    expect((await zsay(lanZalo, '/viectot Trực thay ca đêm cho đồng nghiệp bị ốm'))[0]).toContain('Đã lưu');
    expect(bot.store.members).toHaveLength(1);
    const onTelegram = await bot.say(lan, 'private', '/cuatoi');
    expect(onTelegram.reply.text).toContain('Tổng: 4 điểm từ 2 mục được tính.');
    expect((await zsay(lanZalo, '/cuatoi')).join('\n')).toContain('Tổng: 4 điểm từ 2 mục được tính.');
  }, 60_000);

  it('gets report files on Telegram when linked, and is told how to get them when not', async () => {
    const { bot, zb } = await launch();
    // An admin registered on the Zalo Bot Platform only: the file cannot come here.
    await approved(ZB_ADMIN, 'Trần Văn Toàn');
    const alone = (await zsay(ZB_ADMIN, '/tonghop tuần file')).join('\n');
    expect(alone).toContain('Zalo Bot không gửi được tệp');
    expect(zb.sentMessages.some((m) => m.method !== 'sendMessage')).toBe(false);

    // Linked to Telegram, the file goes there, and the chat says so.
    bot.server.setChatMember(GROUP_ID, ADMIN_ID, 'member');
    const asked = await zsay(ZB_ADMIN, '/lienket');
    const code = /Mã liên kết: (\d{6})/.exec(asked.join('\n'))?.[1] as string;
    await bot.say(toan, 'private', `/lienket ${code}`);
    const linked = (await zsay(ZB_ADMIN, '/tonghop tuần file')).join('\n');
    expect(linked).toContain('Tệp báo cáo đã được gửi cho đồng chí qua Telegram');
    expect(
      bot.server.callsOf('sendDocument').filter((c) => Number(c.params.chat_id) === ADMIN_ID),
    ).not.toHaveLength(0);
  }, 60_000);
});

describe('the Platform’s limits', () => {
  it('splits an answer over 2,000 characters at line breaks, every part within the limit', async () => {
    const { bot, zb } = await launch();
    const ha = zaloId();
    await approved(ha, 'Phạm Thu Hà');
    const member = bot.store.memberByIdentity(`zalobot:${ha}`)?.id as string;
    for (let n = 1; n <= 30; n += 1) {
      await logDeed(
        bot.store,
        member,
        new Date(),
        `Việc tốt thứ ${n}: hỗ trợ đồng nghiệp hoàn thiện hồ sơ đảng viên`,
      );
    }
    const parts = await zsay(ha, '/cuatoi');
    const whole = parts.join('\n');
    expect(whole.length).toBeGreaterThan(2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    // Every entry is there, each line whole (split at line breaks, never inside a line).
    for (let n = 1; n <= 30; n += 1) expect(whole).toContain(`Việc tốt thứ ${n}: hỗ trợ`);
    expect(zb.callsOf('sendMessage').every((c) => c.answer?.ok)).toBe(true);
  }, 60_000);

  it('retries a send refused with 429 once, and the member gets the answer', async () => {
    const { zb } = await launch();
    const ha = zaloId();
    await approved(ha, 'Phạm Thu Hà');
    zb.exceedQuota(1);
    const answer = await zsay(ha, '/cuatoi');
    expect(answer.join('\n')).toContain('Phạm Thu Hà');
    const toHa = zb.callsOf('sendMessage').filter((c) => c.params.chat_id === ha);
    expect(toHa.at(-2)?.answer).toMatchObject({ ok: false, error_code: 429 });
    expect(toHa.at(-1)?.answer?.ok).toBe(true);
  }, 60_000);

  it('a revoked token stops only this platform, with one clear log line; Telegram keeps answering', async () => {
    const { bot, zb } = await launch();
    zb.revokeToken();
    zb.expirePolls();
    await until('the platform to stop', () => platform().state === 'revoked', 10_000);
    const lines = bot.logs().filter((l) => String(l.msg).includes('refused the token (401)'));
    expect(lines).toHaveLength(1);
    expect(bot.linesContaining(zb.token.split(':')[1] as string)).toEqual([]);
    bot.server.setChatMember(GROUP_ID, lan.id, 'member');
    const still = await bot.say(lan, 'group', '/dangky Nguyễn Thị Lan | vp');
    expect(still.reply.text).toContain('Đã đăng ký');
    const polls = zb.pollCount;
    zb.pushText(zaloId(), '/trogiup');
    await bot.settle();
    expect(zb.pollCount).toBe(polls);
  }, 60_000);
});

describe('webhook mode', () => {
  const hook = (port: number) => `http://127.0.0.1:${port}/zalo-bot/webhook`;
  const post = (port: number, body: unknown, secret?: string) =>
    fetch(hook(port), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(body),
    });

  it('sets the webhook, refuses a call without or with a wrong secret (nothing changes), and handles a right one', async () => {
    const secret = 'webhook-secret-of-the-agency-0123';
    const { bot, zb } = await launch(
      {
        ZALO_BOT_MODE: 'webhook',
        ZALO_BOT_WEBHOOK_URL: 'https://thidua.example.gov.vn/zalo-bot/webhook',
        ZALO_BOT_WEBHOOK_SECRET: secret,
      },
      { zaloBot: { webhookPort: 0 } },
    );
    expect(zb.webhookInfo()).toEqual({ url: 'https://thidua.example.gov.vn/zalo-bot/webhook', secret });
    expect(zb.pollCount).toBe(0);
    const port = platform().webhookPort as number;
    const ha = zaloId();
    const event = {
      ok: true,
      result: {
        event_name: 'message.text.received',
        message: {
          from: { id: ha, display_name: 'Hà', is_bot: false },
          chat: { id: ha, chat_type: 'PRIVATE' },
          text: '/dangky Phạm Thu Hà | vp',
          message_id: zaloId(),
          date: Date.now(),
        },
      },
    };
    expect((await post(port, event)).status).toBe(401);
    expect((await post(port, event, 'a-wrong-secret-000')).status).toBe(403);
    await platform().idle();
    expect(zb.sentMessages).toEqual([]);
    expect(bot.seenIn(ADMIN_ID)).toEqual([]);
    expect((await post(port, event, secret)).status).toBe(200);
    await platform().idle();
    await bot.settle();
    expect(zb.sent(ha)[0]).toContain('đã được gửi tới quản trị viên');
  }, 60_000);
});
