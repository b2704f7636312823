import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import type { Command } from '../../core/context.js';
import { type Log, silentLog } from '../../core/log.js';
import { messageKey } from '../../core/message.js';
import { type Incoming, type Platform, type PlatformHost, parseCommand } from '../../core/platform.js';
import type { Timers } from '../../core/timers.js';
import { type Locale, locales, pickLocale } from '../../locales/index.js';
import { InFlight } from '../kit/inflight.js';
import { realTimers } from '../kit/timers.js';
import { Albums } from './albums.js';
import { type ApiLimits, boundedRetries, DEFAULT_LIMITS, failureLog, timeouts } from './api.js';
import type { TelegramConfig } from './config.js';
import { HandledOffsets } from './confirm.js';
import { fetchPhoto, telegramDocument } from './files.js';
import { TelegramGroup } from './group.js';
import { type Origin, TelegramSender } from './sender.js';
import { TelegramSession } from './session.js';
import { addressedToBot, ChoiceButtons, identityOf, incomingOf, topicOf } from './translate.js';

export { setCommandMenu, setDeskButton } from './menu.js';
export { CAPTION_LIMIT } from './sender.js';
export { TelegramStartError } from './session.js';

export interface TelegramOptions {
  logger?: Log;
  locale?: Locale;
  /** Known bot info skips the getMe call (grammY's test seam; also saves a call at start-up). */
  botInfo?: UserFromGetMe;
  /** The command registry, for Telegram's command menu (set once polling has begun: it may still be loading). */
  commands?: readonly Command[] | Promise<readonly Command[]>;
  limits?: Partial<ApiLimits>;
  /** How long a stop waits for the answers in flight before it abandons them. */
  stopGraceMs?: number;
  /** How long getChatMember's answer is trusted (a member who left is noticed within this). */
  membershipTtlMs?: number;
  /** Waits before polling again after a 409 Conflict (another instance with this token), doubling. */
  conflictBackoffMs?: number;
  /** Waits between attempts of getUpdates while Telegram cannot be reached (steady, so polling resumes soon). */
  pollRetryMs?: number;
  /**
   * false: `start` only binds the core, without the command menu or polling — grammY's own test seam
   * (updates go in through `bot.handleUpdate`).
   */
  polling?: boolean;
  /** How long after an album's last photo the album is taken as complete (default 1.5 s). */
  albumWaitMs?: number;
  /** The clock and waits: an album's wait, polling's back-off (tests move time instead of waiting). */
  timers?: Timers;
}

/** The Telegram platform, and its grammY bot (tests drive it through grammY's own seam, handleUpdate). */
export interface TelegramPlatform extends Platform {
  readonly bot: Bot;
  /** Resolves once every update handed to the bot so far is handled and answered. */
  idle(): Promise<void>;
  /** Resolves once polling has ended (stopped, or the token was refused). */
  stopped(): Promise<void>;
  /** Resolves once the command menu and the desk button are set or have failed (polling does not wait for them). */
  menusSet(): Promise<void>;
}

/** Telegram's id of the user that speaks for anonymous group admins (messages "sent as the group"). */
const ANONYMOUS_ADMIN = 1087968824;

/**
 * The Telegram platform: updates become neutral messages for the core (core/router.ts), and neutral
 * messages become HTML messages with inline keyboards. Long polling runs through grammY's runner, so
 * updates are handled concurrently while each chat's stay in order; every API call has a bounded
 * timeout and bounded retries (./api.ts). Composed of its parts as bot/zalo/ is: the session (start,
 * polling, stop: ./session.ts), the sender (./sender.ts), the group's membership (./group.ts) and the
 * translation (./translate.ts); what is left here is receiving. Nothing starts until `start`.
 */
export function createTelegramPlatform(
  config: TelegramConfig,
  options: TelegramOptions = {},
): TelegramPlatform {
  const log = options.logger ?? silentLog;
  const fallback = options.locale ?? 'vi';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const shutdown = new AbortController();
  const bot = new Bot(config.token, {
    client: { apiRoot: config.apiRoot, timeoutSeconds: limits.pollSeconds + 30 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Later transformers wrap earlier ones: each attempt has its timeout and is logged; retries go around.
  bot.api.config.use(timeouts(limits, shutdown.signal));
  bot.api.config.use(failureLog(log));
  bot.api.config.use(boundedRetries(limits, shutdown.signal));
  // An update is confirmed to Telegram only once handled: one fetched but not yet handled when the
  // process dies is handed out again (to this process restarted, or to the standby taking over).
  const offsets = new HandledOffsets();
  bot.api.config.use(offsets.transformer());
  const buttons = new ChoiceButtons(config.token);
  const group = new TelegramGroup(bot.api, config, options.membershipTtlMs ?? 5 * 60_000);
  const sender = new TelegramSender(bot.api, config, buttons, log);
  const inflight = new InFlight();
  let host: PlatformHost | undefined;

  const localeFor = (chatType: string, languageCode: string | undefined): Locale =>
    chatType === 'private' ? pickLocale(languageCode, fallback) : fallback;

  /** A message for the core (translate.ts), with what only the platform knows: the group, the document. */
  const incoming = (
    ctx: Context,
    message: Message,
    text: string,
    addressed: boolean,
    from: NonNullable<Message['from']>,
    origin: Origin,
    key: string,
    parts: readonly Message[] = [message],
  ): Incoming =>
    incomingOf(
      ctx,
      message,
      { text, addressed, from, origin, key, parts },
      {
        config,
        log,
        document: (doc) => telegramDocument(bot.api, config.apiRoot, config.token, doc, log),
        isGroupMember: async () => group.is(message.chat.id) || group.isMember(from.id),
      },
    );

  // Each chat's updates in order, different chats at once (grammY's runner is concurrent).
  bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));

  /**
   * A message with words (with the other photos of its album, if any): the core reads it — a command,
   * almost one, or talk — and answers what is for the bot. Telegram marks only `/` + Latin letters as a
   * command; `/việctốt` or `viectot …` come here all the same (core/recognize.ts).
   */
  async function onText(ctx: Context, message: Message, parts: readonly Message[]): Promise<void> {
    const chat = message.chat;
    const text = message.text ?? message.caption ?? '';
    if (!text.trim()) return;
    const command = parseCommand(text);
    if (command?.target && command.target.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    const locale = localeFor(chat.type, message.from?.language_code);
    const t = locales[locale];
    const place = {
      replyTo: chat.type === 'private' ? undefined : message.message_id,
      thread: topicOf(message),
    };
    // A forwarded message is someone else's words: never run as the person who forwarded it.
    if (message.forward_origin) {
      log.debug({ chat: chat.id }, 'ignored a forwarded message');
      if (command) await sender.answer(ctx, chat.id, t.errors.forwarded, place);
      return;
    }
    if (message.sender_chat || message.from?.id === ANONYMOUS_ADMIN) {
      if (command) await sender.answer(ctx, chat.id, t.errors.anonymousAdmin, place);
      return;
    }
    const from = message.from;
    if (!from) return;
    if (from.is_bot) {
      if (command) await sender.answer(ctx, chat.id, t.errors.botAccount, place);
      return;
    }
    const origin: Origin = {
      chatId: chat.id,
      requesterId: from.id,
      messageId: message.message_id,
      threadId: place.thread,
      replyTo: place.replyTo,
      locale,
    };
    await host?.handle(
      incoming(
        ctx,
        message,
        text,
        addressedToBot(message, ctx.me),
        from,
        origin,
        messageKey('telegram', chat.id, message.message_id),
        parts,
      ),
    );
  }

  // An album's photos arrive as separate messages; gathered, the one captioned with a command runs
  // once, with every photo of the album.
  const albums = new Albums<{ ctx: Context; message: Message }>(
    options.albumWaitMs ?? 1_500,
    options.timers ?? realTimers,
    (parts) => {
      // The photo whose caption is a command; else one with words (a near miss is answered too).
      const captioned =
        parts.find((p) => parseCommand(p.message.caption ?? '')) ??
        parts.find((p) => p.message.caption?.trim());
      if (!captioned) return undefined;
      const messages = parts.map((p) => p.message);
      return inflight
        .track(onText(captioned.ctx, captioned.message, messages))
        .catch((err: unknown) =>
          log.error({ err, update: captioned.ctx.update.update_id }, 'Telegram album failed'),
        );
    },
  );

  bot.on('message', async (ctx) => {
    const message = ctx.message;
    const chat = message.chat;
    if (chat.type !== 'private' && !group.is(chat.id)) {
      log.debug({ chat: chat.id }, 'ignored a chat that is not configured');
      return;
    }
    if (message.media_group_id) {
      // Confirmed to Telegram only once the album is handled: a process killed while it waits for the
      // album's last photo leaves every part to be handed out again (to the instance that takes over).
      offsets.handling(ctx.update.update_id, albums.add({ ctx, message }));
      return;
    }
    await onText(ctx, message, [message]);
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const t = locales[pickLocale(query.from.language_code, fallback)];
    const message = query.message;
    const choice = buttons.decode(query.data);
    if (!choice || !message || (message.chat.type !== 'private' && !group.is(message.chat.id))) {
      // Expired, forged, or from elsewhere: refused, and the message it was pressed on stays as it is.
      await ctx.answerCallbackQuery({ text: t.buttons.expired, show_alert: true });
      return;
    }
    if (choice.requesterId !== query.from.id) {
      await ctx.answerCallbackQuery({ text: t.buttons.notYours, show_alert: true });
      return;
    }
    // Answered at once, so the button stops spinning whatever the command takes. A press handed out
    // again (after a restart, or to the instance that took over) may be too old to answer: it is
    // carried out all the same (its source, the query's id, keeps it from being applied twice).
    await ctx.answerCallbackQuery().catch((err: unknown) => {
      log.warn({ err, update: ctx.update.update_id }, 'could not answer a button press; carrying it out');
    });
    const locale = localeFor(message.chat.type, query.from.language_code);
    const origin: Origin = {
      chatId: message.chat.id,
      requesterId: query.from.id,
      threadId: 'is_topic_message' in message ? topicOf(message) : undefined,
      replace: choice.keepsQuestion ? undefined : message.message_id,
      locale,
    };
    await host?.handle({
      ...incoming(
        ctx,
        message as Message,
        choice.command,
        true,
        query.from,
        origin,
        // A press is no message of its own: its query id, unique across chats, keys it.
        messageKey('telegram', 'callback', query.id),
      ),
      // The entities of the message pressed on are the bot's own, not the chosen command's.
      mentions: [],
    });
  });

  bot.on('chat_member', async (ctx) => {
    const update = ctx.chatMember;
    if (!group.is(update.chat.id)) return;
    const inGroup = group.noted(update.new_chat_member.user.id, update.new_chat_member);
    await host?.membership(identityOf(update.new_chat_member.user), inGroup, 'telegram');
  });

  // Transport failures only: the core answered the user already (core/router.ts is the boundary).
  bot.catch((error) => {
    log.error({ err: error.error, update: error.ctx.update.update_id }, 'Telegram update failed');
  });

  const session = new TelegramSession(
    bot,
    config,
    options,
    limits,
    fallback,
    log,
    offsets,
    inflight,
    shutdown,
    () => albums.flush(),
  );

  return {
    name: 'telegram',
    bot,
    stopped: () => session.polling,
    menusSet: () => session.menu,
    idle: () => inflight.idle(),
    async start(h) {
      host = h;
      await session.start();
    },
    stop: () => session.stop(),
    quietGroup: config.compactConfirmations,
    reply: (origin, message) => sender.reply(origin as Origin, message),
    sendToPerson: (identity, message) => sender.toPerson(identity, message),
    sendToGroup: (message) => sender.toGroup(message),
    admins: () => [...config.adminIds].map((id) => identityOf({ id: Number(id) })),
    photo: (fileId) =>
      fetchPhoto(bot.api, config, fileId, () =>
        AbortSignal.any([shutdown.signal, AbortSignal.timeout(limits.callTimeoutMs)]),
      ),
  };
}
