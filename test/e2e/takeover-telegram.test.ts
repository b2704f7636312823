/**
 * What an instance that takes over meets on Telegram: updates the one before it had been handed and
 * never confirmed (bot/telegram/confirm.ts) come to it again. The bot is built as `npm start` builds it
 * and polls FakeBotApiServer on 127.0.0.1 (test/helpers/live-bot.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_ID, LiveBot, lan } from '../helpers/live-bot.js';

let app: LiveBot | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('presses handed out again after a takeover', () => {
  it('carries out a button press whose query is too old to answer', async () => {
    app = await LiveBot.start();
    const tg = app;
    const question = await tg.say(lan, 'group', '/dangky Nguyễn Thị Lan');
    expect(question.reply.text).toBe('Chọn phòng của Nguyễn Thị Lan:');
    // The press reaches the new instance after the old one had it: Telegram no longer takes an answer.
    tg.server.failNext('answerCallbackQuery', {
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    const picked = await tg.press(lan, question.reply, 'Phòng Cán bộ');
    expect(picked.callsOf('answerCallbackQuery')[0]?.response?.ok).toBe(false);
    expect(tg.store.members.map((m) => [m.fullName, m.departmentId])).toEqual([['Nguyễn Thị Lan', 'cb']]);
    expect(tg.server.getMessage(GROUP_ID, question.reply.messageId)?.text).toMatch(
      /^✅ Đã đăng ký Nguyễn Thị Lan — Phòng Cán bộ\./,
    );
  });
});
