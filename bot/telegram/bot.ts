import { autoRetry } from '@grammyjs/auto-retry';
import { type Api, Bot, type Context, InputFile } from 'grammy';
import type { BotCommand, Message, UserFromGetMe } from 'grammy/types';
import { type Command, mayRun, type Reply, type Roles } from '../../core/context.js';
import type { Incoming, Router } from '../../core/router.js';
import { splitMessage } from '../../core/text.js';
import { type Locale, locales, pickLocale } from '../../locales/index.js';
import type { TelegramConfig } from '../config.js';
import type { Broadcaster } from '../jobs.js';
import type { Logger } from '../logger.js';
import { ChoiceButtons, displayName, identityOf, mentionsOf, photoOf } from './translate.js';

export interface TelegramDeps {
  router: Router;
  logger: Logger;
  locale: Locale;
  /** Known bot info skips the getMe call (grammY's test seam; also saves a call at start-up). */
  botInfo?: UserFromGetMe;
  /**
   * True once shutdown began: updates still in grammY's batch are left unconfirmed for the next
   * start instead of being handled while the store closes.
   */
  isStopping?: () => boolean;
  /** Delivers a private message to a person of another platform (a linked profile's other account). */
  elsewhere?: (identity: string, html: string) => Promise<boolean>;
}

const MEMBER_STATUSES = new Set(['creator', 'administrator', 'member']);

/**
 * The Telegram side of the bot: turns updates into neutral messages for the router and its replies
 * into HTML messages and inline keyboards. Nothing here starts until the caller starts polling.
 */
export function createTelegramBot(config: TelegramConfig, deps: TelegramDeps): Bot {
  const { router, logger } = deps;
  const bot = new Bot(config.token, {
    client: { apiRoot: config.apiRoot },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  // Each failed call is logged (auto-retry retries network errors without end, which would otherwise
  // be silent); only the error's message, which names the method but never the token-bearing URL.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        logger.warn({ method, code: result.error_code, error: result.description }, 'Telegram call failed');
      }
      return result;
    } catch (error) {
      logger.warn({ method, error: (error as Error).message }, 'Telegram call failed');
      throw error;
    }
  });
  // Installed after, so it runs outside the logger: waits out 429s (retry_after) and retries 5xx and
  // network errors with backoff.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
  const buttons = new ChoiceButtons();

  const isGroup = (chatId: number) => chatId === config.groupId;
  const localeFor = (chatType: string, languageCode: string | undefined): Locale =>
    chatType === 'private' ? pickLocale(languageCode, deps.locale) : deps.locale;

  function incoming(
    ctx: Context,
    message: Message,
    text: string,
    from: NonNullable<Message['from']>,
    key: string,
  ): Incoming {
    const isPrivate = message.chat.type === 'private';
    return {
      platform: 'telegram',
      caller: { identity: identityOf(from), username: from.username, displayName: displayName(from) },
      chat: { id: String(message.chat.id), kind: isPrivate ? 'private' : 'group' },
      text,
      mentions: mentionsOf(message, ctx.me.id, ctx.me.username),
      photo: photoOf(message),
      messageKey: key,
      locale: localeFor(message.chat.type, from.language_code),
      isAdmin: config.adminIds.has(String(from.id)),
      isCouncil: config.councilIds.has(String(from.id)),
      isGroupMember: async () => {
        if (isGroup(message.chat.id)) return true;
        const member = await ctx.api.getChatMember(config.groupId, from.id);
        return MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member);
      },
    };
  }

  const out = telegramBroadcaster(bot.api, config, logger);

  async function send(ctx: Context, chatId: number, replies: Reply[], requesterId: number, replyTo?: number) {
    for (const reply of replies) {
      if (reply.to === 'group') {
        await out.toGroup(reply.html);
        continue;
      }
      if (reply.to && reply.to !== 'chat') {
        // To one person in private; if Telegram refuses (they never opened the bot), maybe to the group.
        const id = reply.to.identity;
        const sent =
          (await out.toPerson(id, reply.html)) ||
          (!id.startsWith('telegram:') && (await deps.elsewhere?.(id, reply.html)) === true);
        if (!sent && reply.to.orGroup) await out.toGroup(reply.html);
        else if (!sent && reply.to.identity === `telegram:${requesterId}`) {
          // Meant for the person who asked, and only for them: tell them where it could not go.
          const t = locales[localeFor(ctx.chat?.type ?? 'group', ctx.from?.language_code)];
          await ctx.api.sendMessage(chatId, t.errors.privateRefused, HTML);
        }
        continue;
      }
      const parts = splitMessage(reply.html);
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await ctx.api.sendMessage(chatId, part, {
          ...HTML,
          ...(replyTo && i === 0
            ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
            : {}),
          ...(last && reply.choices?.length
            ? { reply_markup: { inline_keyboard: buttons.keyboard(reply.choices, requesterId) } }
            : {}),
        });
      }
      for (const file of reply.files ?? []) {
        await ctx.api.sendDocument(chatId, new InputFile(file.data, file.filename));
      }
      replyTo = undefined;
    }
  }

  // The error boundary: anything the router did not answer itself is logged with the update and
  // answered in the user's language.
  bot.use(async (ctx, next) => {
    if (deps.isStopping?.()) return;
    const log = logger.child({ update: ctx.update.update_id });
    try {
      await next();
    } catch (error) {
      log.error({ err: error, chat: ctx.chat?.id }, 'update failed');
      const chatId = ctx.chat?.id;
      if (chatId === undefined) return;
      const t = locales[localeFor(ctx.chat?.type ?? 'group', ctx.from?.language_code)];
      await ctx.api
        .sendMessage(chatId, t.errors.internal, { parse_mode: 'HTML' })
        .catch((err: unknown) => log.error({ err }, 'could not tell the user about the failure'));
    }
  });

  bot.on(['message:text', 'message:photo'], async (ctx) => {
    const message = ctx.message;
    const from = message.from;
    const chat = message.chat;
    if (chat.type !== 'private' && !isGroup(chat.id)) {
      logger.debug({ chat: chat.id }, 'ignored a chat that is not configured');
      return;
    }
    const text = message.text ?? message.caption ?? '';
    const replies = await router.handle(
      incoming(ctx, message, text, from, `telegram:${chat.id}:${message.message_id}`),
      ctx.me.username,
    );
    if (!replies) return;
    logger.info(
      { update: ctx.update.update_id, chat: chat.type, command: text.split(/[\s@]/, 1)[0] },
      'command',
    );
    await send(ctx, chat.id, replies, from.id, chat.type === 'private' ? undefined : message.message_id);
  });

  bot.on('callback_query:data', async (ctx) => {
    const query = ctx.callbackQuery;
    const t = locales[pickLocale(query.from.language_code, deps.locale)];
    let answered = false;
    try {
      const choice = buttons.decode(query.data);
      const message = query.message;
      if (!choice || !message || (message.chat.type !== 'private' && !isGroup(message.chat.id))) {
        answered = true;
        await ctx.answerCallbackQuery({ text: t.buttons.expired, show_alert: true });
        return;
      }
      if (choice.requesterId !== query.from.id) {
        answered = true;
        await ctx.answerCallbackQuery({ text: t.buttons.notYours, show_alert: true });
        return;
      }
      const replies =
        (await router.handle(
          incoming(ctx, message as Message, choice.command, query.from, `telegram:callback:${query.id}`),
          ctx.me.username,
        )) ?? [];
      answered = true;
      await ctx.answerCallbackQuery();
      const [first, ...rest] = replies;
      // The chosen answer replaces the question and its buttons, when it is one plain message.
      const replaces =
        first &&
        !choice.keepsQuestion &&
        (!first.to || first.to === 'chat') &&
        !first.files?.length &&
        splitMessage(first.html).length === 1;
      const edited =
        replaces &&
        (await ctx
          .editMessageText(first.html, {
            ...HTML,
            ...(first.choices?.length
              ? { reply_markup: { inline_keyboard: buttons.keyboard(first.choices, query.from.id) } }
              : {}),
          })
          .then(
            () => true,
            () => false,
          ));
      await send(ctx, message.chat.id, edited ? rest : replies, query.from.id);
    } finally {
      if (!answered) await ctx.answerCallbackQuery().catch(() => {});
    }
  });

  bot.catch((error) => {
    logger.error({ err: error.error, update: error.ctx.update.update_id }, 'unhandled error in update');
  });

  return bot;
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** Posts to the agency group and to people in private, for scheduled posts and notices. */
export function telegramBroadcaster(api: Api, config: TelegramConfig, logger: Logger): Broadcaster {
  return {
    async toGroup(text) {
      for (const part of splitMessage(text)) await api.sendMessage(config.groupId, part, HTML);
    },
    async toPerson(identity, text) {
      const userId = /^telegram:(\d+)$/.exec(identity)?.[1];
      if (!userId) return false;
      try {
        for (const part of splitMessage(text)) await api.sendMessage(Number(userId), part, HTML);
        return true;
      } catch (err) {
        logger.info({ err, user: userId }, 'Telegram refused a private message');
        return false;
      }
    },
    admins: () => [...config.adminIds].map((id) => `telegram:${id}`),
  };
}

/**
 * Telegram's command menu, in Vietnamese and English by the user's language, from the same registry
 * as help: everyone sees the commands anyone may run; admins also see theirs in their private chats.
 */
export async function setCommandMenu(
  api: Api,
  commands: readonly Command[],
  config: TelegramConfig,
  fallback: Locale,
  logger: Logger,
): Promise<void> {
  const menu = (locale: Locale, roles: Roles): BotCommand[] =>
    commands
      .filter((c) => mayRun(c.access, roles))
      .map((c) => ({ command: c.name, description: c.description(locales[locale]).slice(0, 256) }));
  const everyone = { registered: true, admin: false, council: false };
  const languages = [undefined, 'vi', 'en'] as const;
  for (const language of languages) {
    await api.setMyCommands(
      menu(language ?? fallback, everyone),
      language ? { language_code: language } : {},
    );
  }
  // Admins and Council members see their own commands in their private chat with the bot.
  const special = new Map<string, Roles>();
  for (const id of config.councilIds) special.set(id, { ...everyone, council: true });
  for (const id of config.adminIds)
    special.set(id, { ...everyone, admin: true, council: config.councilIds.has(id) });
  for (const [id, roles] of special) {
    const scope = { type: 'chat', chat_id: Number(id) } as const;
    try {
      for (const language of languages) {
        await api.setMyCommands(menu(language ?? fallback, roles), {
          scope,
          ...(language ? { language_code: language } : {}),
        });
      }
    } catch (err) {
      // Telegram refuses a chat scope for someone who never opened the bot; the menu is a convenience.
      logger.warn({ err, user: id }, 'could not set a personal command menu');
    }
  }
}
