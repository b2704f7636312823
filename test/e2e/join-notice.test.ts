/**
 * A registration request where there is no group (the Zalo Bot Platform): the person is told it was
 * sent to the admins only once an admin received it — never when no admin could be reached (issue 21:
 * no answer claims a notice that was not delivered). The bot as npm start builds it, the Platform's
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

async function launch(admins: { telegram: number[]; zalo: string }) {
  zb = await FakeZaloBotApiServer.start();
  bot = await LiveBot.start({
    admins: admins.telegram,
    env: { ZALO_BOT_TOKEN: zb.token, ZALO_BOT_API_ROOT: zb.apiRoot, ZALO_BOT_ADMIN_IDS: admins.zalo },
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
