/**
 * The Telegram side's start, over HTTP against FakeBotApiServer: polling begins before the command
 * menu is set, so the first getUpdates takes the connection getMe left open (to Telegram, a TLS
 * connection already made) instead of waiting for one of its own while setMyCommands has it.
 */
import type { RawApi, Transformer } from 'grammy';
import { afterEach, expect, it } from 'vitest';
import { createTelegramPlatform, type TelegramPlatform } from '../../bot/telegram/platform.js';
import { commands } from '../../commands/index.js';
import type { PlatformHost } from '../../core/platform.js';
import { FakeBotApiServer } from '../helpers/bot-api-server.js';

const TOKEN = '7123456789:AAH-thidua_START_e2e_secret_0123456789';
const ADMIN_ID = 900001;

let server: FakeBotApiServer | undefined;
let platform: TelegramPlatform | undefined;
afterEach(async () => {
  await platform?.stop();
  await server?.close();
  platform = undefined;
  server = undefined;
});

it('asks for updates before it sets the command menu', async () => {
  server = await FakeBotApiServer.start({ token: TOKEN });
  platform = createTelegramPlatform(
    {
      token: TOKEN,
      apiRoot: server.apiRoot,
      groupId: -1001234567890,
      adminIds: new Set([String(ADMIN_ID)]),
      councilIds: new Set(),
      topics: {},
      compactConfirmations: false,
      protectReports: true,
    },
    { commands, limits: { pollSeconds: 1 } },
  );
  // The calls in the order the bot makes them (each is sent as it is made).
  const made: string[] = [];
  const record: Transformer<RawApi> = (prev, method, payload, signal) => {
    made.push(method);
    return prev(method, payload, signal);
  };
  platform.bot.api.config.use(record);
  await platform.start({} as PlatformHost);
  await platform.menusSet();
  expect(made[0]).toBe('getMe');
  expect(made.indexOf('getUpdates')).toBe(1);
  // The whole menu is still set: three languages for everyone, three for the admin, three for the
  // admin in the group.
  expect(made.filter((m) => m === 'setMyCommands')).toHaveLength(9);
});
