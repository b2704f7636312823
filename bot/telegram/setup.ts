import { Bot, GrammyError, HttpError } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import { type Log, silentLog } from '../../core/log.js';
import { parseCommand } from '../../core/recognize.js';
import { type Locale, locales, pickLocale } from '../../locales/index.js';
import { boundedRetries, DEFAULT_LIMITS, failureLog, timeouts } from './api.js';
import { TelegramStartError } from './platform.js';

/** What setup mode needs: a token, and no group yet. */
export interface TelegramSetupConfig {
  token: string;
  apiRoot: string;
}

export interface TelegramSetupOptions {
  logger?: Log;
  locale?: Locale;
  /** Known bot info skips getMe (grammY's test seam). */
  botInfo?: UserFromGetMe;
  /** false: no polling; updates go in through `bot.handleUpdate` (tests). */
  polling?: boolean;
}

export interface TelegramSetup {
  readonly bot: Bot;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/**
 * Setup mode: a token but no TELEGRAM_GROUP_ID yet, so the clerk can learn the ids the settings need
 * from Telegram itself. In any group it is added to, `/batdau` (`/start`) answers with the group's id
 * and the line to put in `.env`; anyone who writes to it in private is told their own user id (for
 * TELEGRAM_ADMIN_IDS, TELEGRAM_COUNCIL_IDS). Nothing else runs: no store, no commands, no posts.
 */
export function createTelegramSetup(
  config: TelegramSetupConfig,
  options: TelegramSetupOptions = {},
): TelegramSetup {
  const log = options.logger ?? silentLog;
  const fallback = options.locale ?? 'vi';
  const shutdown = new AbortController();
  const bot = new Bot(config.token, {
    client: { apiRoot: config.apiRoot, timeoutSeconds: DEFAULT_LIMITS.pollSeconds + 30 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(timeouts(DEFAULT_LIMITS, shutdown.signal));
  bot.api.config.use(failureLog(log));
  bot.api.config.use(boundedRetries(DEFAULT_LIMITS, shutdown.signal));

  bot.on('message', async (ctx) => {
    const message: Message = ctx.message;
    const chat = message.chat;
    if (chat.type === 'channel') return;
    if (chat.type === 'private') {
      if (!message.from) return;
      const t = locales[pickLocale(message.from.language_code, fallback)];
      log.info({ user: message.from.id }, 'setup mode: told a user their id');
      await ctx.reply(t.setup.userId(String(message.from.id)).value, HTML);
      return;
    }
    const command = parseCommand(message.text ?? '');
    if (!command || !['batdau', 'start'].includes(command.name)) return;
    if (command.target && command.target.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    const t = locales[fallback];
    // The operator at the terminal sees it too, in case nobody in the group can read it back.
    log.info({ chat: chat.id, title: chat.title }, 'setup mode: told a group its id');
    await ctx.reply(t.setup.groupId(String(chat.id), chat.title ?? '').value, {
      ...HTML,
      reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
    });
  });

  bot.catch((error) => {
    log.error({ err: error.error, update: error.ctx.update.update_id }, 'Telegram update failed');
  });

  let polling: Promise<void> | undefined;
  return {
    bot,
    async start() {
      try {
        await bot.init();
      } catch (error) {
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          throw new TelegramStartError(
            `Telegram refused the bot token (${error.error_code}: ${error.description}); check TELEGRAM_BOT_TOKEN`,
            { cause: error },
          );
        }
        if (error instanceof HttpError)
          throw new TelegramStartError(`Telegram cannot be reached (${error.message})`, { cause: error });
        throw error;
      }
      log.warn(
        { bot: bot.botInfo.username },
        'setup mode: TELEGRAM_GROUP_ID is not set. Add the bot to the agency group and send /batdau there: it answers with the group id. Anyone who writes to the bot in private is told their user id (for TELEGRAM_ADMIN_IDS). Nothing else runs until TELEGRAM_GROUP_ID is set',
      );
      if (options.polling === false) return;
      polling = bot.start({ allowed_updates: ['message'] }).catch((err: unknown) => {
        log.error({ err }, 'Telegram polling stopped');
      });
    },
    async stop() {
      // grammY's stop ends the long poll and confirms the updates handled; then nothing may wait on.
      if (bot.isRunning()) await bot.stop().catch(() => {});
      shutdown.abort();
      await polling;
    },
  };
}
