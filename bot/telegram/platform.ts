import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { type Api, Bot, type Context, GrammyError, HttpError, InputFile } from 'grammy';
import type { BotCommand, Message, UserFromGetMe } from 'grammy/types';
import { type Command, type MessageKind, mayRun, type Roles } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { type Html, htmlToPlain } from '../../core/html.js';
import { idOn } from '../../core/identity.js';
import { type Log, silentLog } from '../../core/log.js';
import {
  type Incoming,
  type OutMessage,
  type Platform,
  type PlatformHost,
  parseCommand,
} from '../../core/platform.js';
import { splitMessage } from '../../core/text.js';
import { type Locale, locales, pickLocale } from '../../locales/index.js';
import { Albums, type AlbumTimers, realAlbumTimers } from './albums.js';
import { type ApiLimits, boundedRetries, DEFAULT_LIMITS, failureLog, timeouts } from './api.js';
import type { TelegramConfig } from './config.js';
import { HandledOffsets } from './confirm.js';
import { telegramDocument } from './files.js';
import { ChoiceButtons, displayName, identityOf, mentionsOf, photoOf } from './translate.js';

export interface TelegramOptions {
  logger?: Log;
  locale?: Locale;
  /** Known bot info skips the getMe call (grammY's test seam; also saves a call at start-up). */
  botInfo?: UserFromGetMe;
  /** The command registry, for Telegram's command menu. */
  commands?: readonly Command[];
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
  /** The album wait's timer (tests fire it instead of waiting). */
  albumTimers?: AlbumTimers;
}

/** The Telegram platform, and its grammY bot (tests drive it through grammY's own seam, handleUpdate). */
export interface TelegramPlatform extends Platform {
  readonly bot: Bot;
  /** Resolves once every update handed to the bot so far is handled and answered. */
  idle(): Promise<void>;
  /** Resolves once polling has ended (stopped, or the token was refused). */
  stopped(): Promise<void>;
}

/** Telegram refused to let the bot start: a wrong or revoked token (401), or a wrong API root (404). */
export class TelegramStartError extends AppError {
  override readonly name = 'TelegramStartError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('TELEGRAM_START', message, options);
  }
}

/** Where an answer to one message goes: its chat, the message it answers, the question it may replace. */
interface Origin {
  chatId: number;
  requesterId: number;
  /** The command's own message (absent for a button press), for a reaction. */
  messageId?: number | undefined;
  /** The forum topic the command was sent in: its answers go there. */
  threadId?: number | undefined;
  replyTo?: number | undefined;
  /** A button's question, replaced by the first answer when that is one plain message. */
  replace?: number | undefined;
  locale: Locale;
}

/** Where in a chat a message goes: the message it answers, the forum topic. */
interface Place {
  replyTo?: number | undefined;
  thread?: number | undefined;
}

const MEMBER_STATUSES = new Set(['creator', 'administrator', 'member']);
const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
const ALLOWED_UPDATES = ['message', 'callback_query', 'chat_member'] as const;
/** Telegram's limit on a caption, in characters after the markup is parsed. */
export const CAPTION_LIMIT = 1024;
/** The reaction that says "done" on a command answered in one line (compact confirmations). */
const DONE = [{ type: 'emoji', emoji: '👍' }] as const;
/** Telegram's answers when a forum topic is gone or closed: the message then goes to the main chat. */
const TOPIC_GONE = /message thread not found|TOPIC_(CLOSED|DELETED|ID_INVALID)/i;
/** Telegram's id of the user that speaks for anonymous group admins (messages "sent as the group"). */
const ANONYMOUS_ADMIN = 1087968824;

/**
 * The Telegram platform: updates become neutral messages for the core (core/router.ts), and neutral
 * messages become HTML messages with inline keyboards. Long polling runs through grammY's runner, so
 * updates are handled concurrently while each chat's stay in order; every API call has a bounded
 * timeout and bounded retries (./api.ts). Nothing starts until `start`.
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
  const membership = new Map<number, { at: number; member: boolean }>();
  const inflight = new Set<Promise<unknown>>();
  let host: PlatformHost | undefined;
  let runner: RunnerHandle | undefined;
  let stopping: Promise<void> | null = null;
  let polling: Promise<void> = Promise.resolve();

  const isGroup = (chatId: number) => chatId === config.groupId;
  const localeFor = (chatType: string, languageCode: string | undefined): Locale =>
    chatType === 'private' ? pickLocale(languageCode, fallback) : fallback;

  async function isGroupMember(userId: number): Promise<boolean> {
    const known = membership.get(userId);
    const ttl = options.membershipTtlMs ?? 5 * 60_000;
    if (known && Date.now() - known.at < (known.member ? ttl : Math.min(ttl, 30_000))) return known.member;
    const member = await bot.api.getChatMember(config.groupId, userId);
    const inGroup =
      MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member);
    membership.set(userId, { at: Date.now(), member: inGroup });
    return inGroup;
  }

  function incoming(
    ctx: Context,
    message: Message,
    text: string,
    addressed: boolean,
    from: NonNullable<Message['from']>,
    origin: Origin,
    key: string,
    parts: readonly Message[] = [message],
  ): Incoming {
    return {
      platform: 'telegram',
      caller: { identity: identityOf(from), username: from.username, displayName: displayName(from) },
      chat: { id: String(message.chat.id), kind: message.chat.type === 'private' ? 'private' : 'group' },
      text,
      addressed,
      mentions: mentionsOf(message, ctx.me.id, ctx.me.username),
      photos: parts.flatMap((part) => photoOf(part) ?? []),
      document: message.document
        ? telegramDocument(bot.api, config.apiRoot, config.token, message.document, log)
        : undefined,
      messageKey: key,
      locale: origin.locale,
      isAdmin: config.adminIds.has(String(from.id)),
      isCouncil: config.councilIds.has(String(from.id)),
      isGroupMember: async () => isGroup(message.chat.id) || isGroupMember(from.id),
      origin,
      log: log.child({ update: ctx.update.update_id }),
    };
  }

  /** The topic a kind of message is filed in, in the agency group. */
  const topicFor = (kind: MessageKind | undefined) => (kind ? config.topics[kind] : undefined);

  /**
   * Sends into a chat: each picture as a photo, the first with the text as its caption when it fits
   * (Telegram's 1,024 characters), else the text after them in HTML parts within Telegram's 4,096;
   * buttons under the last; then documents (protected, when the operator asks). In a forum topic
   * that has gone, the rest goes to the main chat (logged).
   */
  async function send(api: Api, chatId: number, message: OutMessage, requesterId: number, place: Place = {}) {
    let { replyTo, thread } = place;
    const call = async <T>(method: (extra: Record<string, unknown>) => Promise<T>): Promise<T> => {
      const extra = {
        ...(thread !== undefined ? { message_thread_id: thread } : {}),
        ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      };
      try {
        const sent = await method(extra);
        replyTo = undefined;
        return sent;
      } catch (error) {
        if (!(thread !== undefined && error instanceof GrammyError && TOPIC_GONE.test(error.description)))
          throw error;
        log.warn(
          { chat: chatId, topic: thread, error: error.description },
          'forum topic unavailable; sent to the main chat',
        );
        thread = undefined;
        return call(method);
      }
    };
    const keyboard = message.choices?.length
      ? { reply_markup: { inline_keyboard: buttons.keyboard(message.choices, requesterId) } }
      : {};
    const images = message.images ?? [];
    const caption = images.length > 0 && htmlToPlain(message.html).length <= CAPTION_LIMIT;
    for (const [i, image] of images.entries()) {
      const captioned = caption && i === 0;
      await call((extra) =>
        api.sendPhoto(chatId, new InputFile(image.data, image.filename), {
          ...extra,
          ...(captioned ? { caption: message.html.value, parse_mode: 'HTML' as const, ...keyboard } : {}),
        }),
      );
    }
    const parts = caption ? [] : splitMessage(message.html.value);
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      await call((extra) => api.sendMessage(chatId, part, { ...HTML, ...extra, ...(last ? keyboard : {}) }));
    }
    for (const file of message.files ?? []) {
      await call((extra) =>
        api.sendDocument(chatId, new InputFile(file.data, file.filename), {
          ...extra,
          ...(config.protectReports ? { protect_content: true } : {}),
        }),
      );
    }
  }

  async function answer(ctx: Context, chatId: number, html: Html, place: Place) {
    await send(ctx.api, chatId, { html }, 0, place);
  }

  const track = <T>(work: Promise<T>): Promise<T> => {
    inflight.add(work);
    void work.finally(() => inflight.delete(work)).catch(() => {});
    return work;
  };

  // Each chat's updates in order, different chats at once (grammY's runner is concurrent).
  bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));

  /** The forum topic a message was sent in (not a reply thread of an ordinary group). */
  const topicOf = (message: Pick<Message, 'is_topic_message' | 'message_thread_id'>) =>
    message.is_topic_message ? message.message_thread_id : undefined;

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
      if (command) await answer(ctx, chat.id, t.errors.forwarded, place);
      return;
    }
    if (message.sender_chat || message.from?.id === ANONYMOUS_ADMIN) {
      if (command) await answer(ctx, chat.id, t.errors.anonymousAdmin, place);
      return;
    }
    const from = message.from;
    if (!from) return;
    if (from.is_bot) {
      if (command) await answer(ctx, chat.id, t.errors.botAccount, place);
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
        `telegram:${chat.id}:${message.message_id}`,
        parts,
      ),
    );
  }

  // An album's photos arrive as separate messages; gathered, the one captioned with a command runs
  // once, with every photo of the album.
  const albums = new Albums<{ ctx: Context; message: Message }>(
    options.albumWaitMs ?? 1_500,
    options.albumTimers ?? realAlbumTimers,
    (parts) => {
      // The photo whose caption is a command; else one with words (a near miss is answered too).
      const captioned =
        parts.find((p) => parseCommand(p.message.caption ?? '')) ??
        parts.find((p) => p.message.caption?.trim());
      if (!captioned) return undefined;
      const messages = parts.map((p) => p.message);
      return track(onText(captioned.ctx, captioned.message, messages)).catch((err: unknown) =>
        log.error({ err, update: captioned.ctx.update.update_id }, 'Telegram album failed'),
      );
    },
  );

  bot.on('message', async (ctx) => {
    const message = ctx.message;
    const chat = message.chat;
    if (chat.type !== 'private' && !isGroup(chat.id)) {
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
    if (!choice || !message || (message.chat.type !== 'private' && !isGroup(message.chat.id))) {
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
        `telegram:callback:${query.id}`,
      ),
      // The entities of the message pressed on are the bot's own, not the chosen command's.
      mentions: [],
    });
  });

  bot.on('chat_member', async (ctx) => {
    const update = ctx.chatMember;
    if (!isGroup(update.chat.id)) return;
    const { status } = update.new_chat_member;
    const inGroup =
      MEMBER_STATUSES.has(status) || (status === 'restricted' && update.new_chat_member.is_member);
    membership.set(update.new_chat_member.user.id, { at: Date.now(), member: inGroup });
    await host?.membership(identityOf(update.new_chat_member.user), inGroup, 'telegram');
  });

  // Transport failures only: the core answered the user already (core/router.ts is the boundary).
  bot.catch((error) => {
    log.error({ err: error.error, update: error.ctx.update.update_id }, 'Telegram update failed');
  });

  /** Polls through grammY's runner; a 409 (another instance) waits and polls again, a 401 stops Telegram only. */
  async function poll(): Promise<void> {
    let backoff = options.conflictBackoffMs ?? 5_000;
    while (!stopping) {
      // The runner hands each update to handleUpdate; tracked here, so a stop can wait for the answers in flight.
      const adapter = {
        api: bot.api,
        init: () => bot.init(),
        handleUpdate: (update: Parameters<Bot['handleUpdate']>[0]) =>
          offsets.handling(update.update_id, track(bot.handleUpdate(update))),
        errorHandler: (error: Parameters<Bot['errorHandler']>[0]) => bot.errorHandler(error),
      };
      runner = run(adapter, {
        runner: {
          fetch: { timeout: limits.pollSeconds, allowed_updates: [...ALLOWED_UPDATES] },
          // A steady retry, so polling resumes within seconds of an outage's end (the runner's
          // default doubles without bound).
          retryInterval: options.pollRetryMs ?? 2_000,
          maxRetryTime: Number.POSITIVE_INFINITY,
          silent: true,
        },
      });
      try {
        await runner.task();
        return;
      } catch (error) {
        if (stopping) return;
        const code = error instanceof GrammyError ? error.error_code : undefined;
        if (code === 401 || code === 404) {
          log.error(
            { code },
            'Telegram refused the bot token (revoked or wrong): Telegram stopped; the other platforms go on',
          );
          return;
        }
        if (code === 409) {
          log.warn(
            { retryInSeconds: backoff / 1000 },
            'another instance is polling Telegram with this token (409 Conflict); waiting before polling again',
          );
        } else {
          log.error({ err: error }, 'Telegram polling failed; polling again');
        }
        await new Promise((resolve) => setTimeout(resolve, backoff).unref());
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }

  return {
    name: 'telegram',
    bot,
    stopped: () => polling,
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },

    async start(h) {
      host = h;
      try {
        await bot.init();
      } catch (error) {
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          throw new TelegramStartError(
            `Telegram refused the bot token (${error.error_code}: ${error.description}); check TELEGRAM_BOT_TOKEN${
              error.error_code === 404 ? ' and TELEGRAM_API_ROOT' : ''
            }`,
            { cause: error },
          );
        }
        if (error instanceof HttpError) {
          throw new TelegramStartError(`Telegram cannot be reached (${error.message})`, { cause: error });
        }
        throw error;
      }
      if (options.polling === false || stopping) return;
      // The menu is a convenience: a failure to set it is logged, and the bot goes on.
      await setCommandMenu(bot.api, options.commands ?? [], config, fallback, log).catch((err: unknown) => {
        if (!stopping) log.warn({ err }, 'could not set the command menu');
      });
      if (stopping) return;
      if (config.deskUrl) await setDeskButton(bot.api, config, fallback, log);
      if (stopping) return;
      log.info({ bot: bot.botInfo.username, group: config.groupId }, 'polling');
      polling = poll();
    },

    stop() {
      stopping ??= (async () => {
        // Albums still waiting for a photo are taken as they are, and answered before the bot stops.
        albums.flush();
        const grace = options.stopGraceMs ?? 5_000;
        const abandon = setTimeout(() => shutdown.abort(), grace);
        try {
          await runner?.stop().catch(() => {});
          await Promise.race([
            Promise.allSettled([...inflight]),
            new Promise((resolve) => shutdown.signal.addEventListener('abort', resolve)),
          ]);
        } finally {
          clearTimeout(abandon);
          shutdown.abort();
        }
        await Promise.allSettled([...inflight]);
      })();
      return stopping;
    },

    quietGroup: config.compactConfirmations,

    async reply(origin, message) {
      const o = origin as Origin;
      const replace = o.replace;
      o.replace = undefined;
      if (message.acknowledge && o.messageId !== undefined) {
        // A reaction is a courtesy: a group that allows no reactions still gets the answer.
        await bot.api
          .setMessageReaction(o.chatId, o.messageId, [...DONE])
          .catch((err: unknown) => log.info({ err, chat: o.chatId }, 'could not react to a command'));
      }
      if (
        replace !== undefined &&
        !message.files?.length &&
        !message.images?.length &&
        splitMessage(message.html.value).length === 1
      ) {
        // The chosen answer replaces the question and its buttons.
        const edited = await bot.api
          .editMessageText(o.chatId, replace, message.html.value, {
            ...HTML,
            ...(message.choices?.length
              ? { reply_markup: { inline_keyboard: buttons.keyboard(message.choices, o.requesterId) } }
              : {}),
          })
          .then(
            () => true,
            () => false,
          );
        if (edited) return;
      }
      // In the group, a command sent in a topic is answered there; one sent in the main chat is
      // answered there too, unless its kind has a topic of its own (then without quoting it, which
      // Telegram allows only within a topic).
      const filed = isGroup(o.chatId) && o.threadId === undefined ? topicFor(message.kind) : undefined;
      const replyTo = filed === undefined ? o.replyTo : undefined;
      o.replyTo = undefined;
      await send(bot.api, o.chatId, message, o.requesterId, { replyTo, thread: o.threadId ?? filed });
    },

    async sendToPerson(identity, message) {
      const userId = idOn('telegram', identity);
      if (!userId || !/^\d+$/.test(userId)) return false;
      try {
        await send(bot.api, Number(userId), message, Number(userId));
        return true;
      } catch (err) {
        log.info({ err, user: userId }, 'Telegram refused a private message');
        return false;
      }
    },

    async sendToGroup(message) {
      await send(bot.api, config.groupId, message, 0, { thread: topicFor(message.kind) });
    },

    admins: () => [...config.adminIds].map((id) => identityOf({ id: Number(id) })),

    // The file's URL holds the bot token: it is fetched here and never leaves the process.
    async photo(fileId) {
      const file = await bot.api.getFile(fileId);
      if (!file.file_path) return undefined;
      const response = await fetch(`${config.apiRoot}/file/bot${config.token}/${file.file_path}`, {
        signal: AbortSignal.any([shutdown.signal, AbortSignal.timeout(limits.callTimeoutMs)]),
      });
      if (!response.ok) return undefined;
      const declared = Number(response.headers.get('content-length'));
      if (declared > PHOTO_MAX_BYTES) return undefined;
      const data = Buffer.from(await response.arrayBuffer());
      if (data.length > PHOTO_MAX_BYTES) return undefined;
      const byName = PHOTO_TYPES[file.file_path.split('.').pop()?.toLowerCase() ?? ''];
      const sent = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      return { data, type: byName ?? sent };
    },
  };
}

/** Telegram serves files of up to 20 MB to bots (getFile). */
const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
const PHOTO_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/**
 * The menu button of the private chat with the bot opens the desk (a Mini App): by default for
 * everyone — members find their own page there — and set for each admin's and Council member's chat
 * too. Telegram refuses a chat's button for someone who never opened the bot: logged, and the
 * default serves them.
 */
export async function setDeskButton(
  api: Api,
  config: TelegramConfig,
  fallback: Locale,
  log: Log,
): Promise<void> {
  if (!config.deskUrl) return;
  const menu_button = {
    type: 'web_app' as const,
    text: locales[fallback].desk.menuButton,
    web_app: { url: `${config.deskUrl}/` },
  };
  try {
    await api.setChatMenuButton({ menu_button });
  } catch (err) {
    log.warn({ err }, 'could not set the desk as the menu button (Telegram opens Mini Apps over HTTPS only)');
    return;
  }
  for (const id of new Set([...config.adminIds, ...config.councilIds])) {
    try {
      await api.setChatMenuButton({ chat_id: Number(id), menu_button });
    } catch (err) {
      log.info({ err, user: id }, 'could not set the desk button in a private chat (not opened yet)');
    }
  }
  log.info({ url: config.deskUrl }, 'desk menu button set');
}

/** A group message meant for the bot without a command: a reply to one of its messages, or a mention of it. */
function addressedToBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? '';
  return (message.entities ?? message.caption_entities ?? []).some(
    (e) =>
      (e.type === 'mention' &&
        text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me.username.toLowerCase()) ||
      (e.type === 'text_mention' && e.user?.id === me.id),
  );
}

/**
 * Telegram's command menu, in Vietnamese and English by the user's language, from the same registry
 * as help: everyone sees the commands anyone may run; admins and Council members also see theirs, in
 * their private chat with the bot and in the agency group (a menu for them alone there: the scope
 * chat_member).
 */
export async function setCommandMenu(
  api: Api,
  commands: readonly Command[],
  config: TelegramConfig,
  fallback: Locale,
  log: Log,
): Promise<void> {
  const menu = (locale: Locale, roles: Roles): BotCommand[] =>
    commands
      .filter((c) => !c.hidden && mayRun(c.access, roles))
      .map((c) => ({ command: c.name, description: c.description(locales[locale]).slice(0, 256) }));
  const everyone = { registered: true, admin: false, council: false };
  const languages = [undefined, 'vi', 'en'] as const;
  for (const language of languages) {
    await api.setMyCommands(
      menu(language ?? fallback, everyone),
      language ? { language_code: language } : {},
    );
  }
  const special = new Map<string, Roles>();
  for (const id of config.councilIds) special.set(id, { ...everyone, council: true });
  for (const id of config.adminIds)
    special.set(id, { ...everyone, admin: true, council: config.councilIds.has(id) });
  for (const [id, roles] of special) {
    const scopes = [
      { type: 'chat', chat_id: Number(id) },
      { type: 'chat_member', chat_id: config.groupId, user_id: Number(id) },
    ] as const;
    for (const scope of scopes) {
      try {
        for (const language of languages) {
          await api.setMyCommands(menu(language ?? fallback, roles), {
            scope,
            ...(language ? { language_code: language } : {}),
          });
        }
      } catch (err) {
        // Telegram refuses a chat scope for someone who never opened the bot, and a chat_member scope
        // for someone not in the group; the menu is a convenience.
        log.warn({ err, user: id, scope: scope.type }, 'could not set a personal command menu');
      }
    }
  }
}
