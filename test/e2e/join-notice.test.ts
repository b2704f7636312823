/**
 * A registration request where there is no group (the Zalo Bot Platform): the person is told it was
 * sent to the admins only once an admin received it — never when no admin could be reached (issue 21:
 * no answer claims a notice that was not delivered), and asking again says what became of the first
 * request: how many admins it reached, or, when it reached none, it is sent again. The bot as npm start builds it, the Platform's
 * and Telegram's stand-ins on 127.0.0.1, the real store.
 */
import { afterEach, expect, it } from 'vitest';
import type { ZaloBotPlatform } from '../../bot/zalo-bot/platform.js';
import { LiveBot, until } from '../helpers/live-bot.js';
import { FakeZaloBotApiServer, zaloId } from '../helpers/zalo-bot-api-server.js';

let bot: LiveBot | undefined;
let zb: FakeZaloBotApiServer | undefined;
afterEach(async () => {
  await bot?.stop();
  await zb?.close();
  bot = undefined;
  zb = undefined;
});

async function launch(admins: { telegram: number[]; zalo: string }, clock?: () => Date, locale = 'vi') {
  zb = await FakeZaloBotApiServer.start();
  bot = await LiveBot.start({
    admins: admins.telegram,
    ...(clock ? { clock } : {}),
    env: {
      ZALO_BOT_TOKEN: zb.token,
      ZALO_BOT_API_ROOT: zb.apiRoot,
      ZALO_BOT_ADMIN_IDS: admins.zalo,
      BOT_LOCALE: locale,
    },
  });
  await zb.waitForPoll();
  return { bot, zb };
}

async function zsay(userId: string, text: string): Promise<string[]> {
  const server = zb as FakeZaloBotApiServer;
  const before = server.sent(userId).length;
  server.pushText(userId, text, { displayName: 'Hà Phạm' });
  await until('the event to be handed out', () => server.undelivered === 0);
  const polls = server.pollCount;
  await until('the bot to poll again', () => server.pollCount > polls, 10_000);
  const live = bot as LiveBot;
  await (live.app.platforms.find((p) => p.name === 'zalobot') as ZaloBotPlatform).idle();
  await live.settle();
  return server.sent(userId).slice(before);
}

it('tells the person their request reached the admins when it did', async () => {
  const admin = zaloId();
  const { zb } = await launch({ telegram: [], zalo: admin });
  const ha = zaloId();
  const answer = await zsay(ha, '/dangky Phạm Thu Hà | vp');
  expect(zb.sent(admin).at(-1)).toContain('Phạm Thu Hà');
  expect(answer).toHaveLength(1);
  expect(answer[0]).toContain(
    'Đề nghị đăng ký của đồng chí (Phạm Thu Hà — Văn phòng Ban) đã được gửi tới quản trị viên',
  );
});

it('says the request could not be sent when no admin can be reached, instead of claiming it went', async () => {
  // The only admin is on Telegram and has never opened a private chat with the bot.
  const { bot } = await launch({ telegram: [777001], zalo: '' });
  bot.server.fault({
    method: 'sendMessage',
    when: (params) => Number(params.chat_id) === 777001,
    action: { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" },
  });
  const ha = zaloId();
  const answer = await zsay(ha, '/dangky Phạm Thu Hà | vp');
  expect(answer).toEqual([
    '⚠️ Chưa gửi được đề nghị đăng ký của đồng chí: bot chưa liên lạc được với quản trị viên nào. Đề nghị liên hệ trực tiếp Văn phòng.',
  ]);
  expect(bot.store.members).toHaveLength(0);
});

it('answers a repeat within the hour with how many admins the request reached, and when', async () => {
  // 14:05 in Vietnam; the bot's clock stands still, so the repeat is within the hour.
  const at = new Date('2026-12-07T07:05:00Z');
  const admin = zaloId();
  const { bot, zb } = await launch({ telegram: [777001], zalo: admin }, () => at);
  const ha = zaloId();
  await zsay(ha, '/dangky Phạm Thu Hà | vp');
  expect(await zsay(ha, '/dangky Phạm Thu Hà | vp')).toEqual([
    'Đề nghị đăng ký của đồng chí đã được gửi tới 2 quản trị viên lúc 14:05 07/12/2026 và đang chờ duyệt; bot không gửi lại trong vòng một giờ. Nếu cần gấp, đề nghị liên hệ Văn phòng.',
  ]);
  // No second notice to either admin.
  expect(zb.sent(admin).filter((m) => m.includes('Đề nghị đăng ký qua'))).toHaveLength(1);
  expect(bot.seenIn(777001).filter((m) => m.text.includes('Đề nghị đăng ký qua'))).toHaveLength(1);
});

it('sends a request again when the first reached no admin, instead of saying it was sent', async () => {
  const { bot } = await launch({ telegram: [777001], zalo: '' });
  const blocked = bot.server.fault({
    method: 'sendMessage',
    when: (params) => Number(params.chat_id) === 777001,
    action: { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" },
  });
  const ha = zaloId();
  const undelivered =
    '⚠️ Chưa gửi được đề nghị đăng ký của đồng chí: bot chưa liên lạc được với quản trị viên nào. Đề nghị liên hệ trực tiếp Văn phòng.';
  expect(await zsay(ha, '/dangky Phạm Thu Hà | vp')).toEqual([undelivered]);
  // Still nobody to reach: told so again, never "was sent".
  expect(await zsay(ha, '/dangky Phạm Thu Hà | vp')).toEqual([undelivered]);
  // The admin opens a private chat with the bot: the next request reaches them.
  blocked();
  const answer = await zsay(ha, '/dangky Phạm Thu Hà | vp');
  expect(answer).toHaveLength(1);
  expect(answer[0]).toContain('đã được gửi tới quản trị viên');
  expect(bot.seenIn(777001).filter((m) => m.text.includes('Đề nghị đăng ký qua'))).toHaveLength(1);
});

it('says the same in English: how many admins the request reached, and when', async () => {
  const at = new Date('2026-12-07T07:05:00Z');
  await launch({ telegram: [], zalo: zaloId() }, () => at, 'en');
  const ha = zaloId();
  await zsay(ha, '/dangky Phạm Thu Hà | vp');
  expect(await zsay(ha, '/dangky Phạm Thu Hà | vp')).toEqual([
    'Your registration request was sent to 1 admin at 14:05 07/12/2026 and awaits approval; the bot does not send it again within the hour. If it is urgent, please contact the Office.',
  ]);
});
