import type { Bot, InputFile, RawApi, Transformer } from 'grammy';
import type { Document, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
import { type App, createApp } from '../../bot/app.js';
import { createConfig } from '../../bot/config.js';
import type { ReportRunnerOptions } from '../../bot/reports.js';
import type { TelegramPlatform } from '../../bot/telegram/platform.js';
import type { AgencyConfig } from '../../core/agency.js';
import { htmlToPlain } from '../../core/html.js';
import type { Platform } from '../../core/platform.js';
import type { Router } from '../../core/router.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from './agency.js';
import { FakeBotApiServer, parseHtml } from './bot-api-server.js';
import { VirtualTimers } from './timers.js';

// biome-ignore lint/suspicious/noExplicitAny: the transformer answers every method, each with its own result type
type AnyResponse = any;
const failure = (error_code: number, description: string): AnyResponse => ({
  ok: false,
  error_code,
  description,
});

export const GROUP_ID = -1001234567890;
/** Calls that put a message into a chat. */
const SENDS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);
/** Calls whose result a user reads as a message (documents are read by tests from the calls). */
const SHOWN = new Set(['sendMessage', 'editMessageText', 'sendPhoto']);
export const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';
export const BOT_INFO: UserFromGetMe = {
  id: 123456789,
  is_bot: true,
  first_name: 'Thi đua',
  username: 'thidua_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/**
 * A call's payload as Telegram received it: a document's or photo's bytes copied when sent. The bot
 * gives a report file's memory back once it is delivered (bot/app.ts): its own bytes are empty then.
 */
function asReceived(p: Record<string, unknown>): Record<string, unknown> {
  const key = p.document ? 'document' : 'photo';
  const file = p[key] as { fileData?: unknown } | undefined;
  if (!file || !Buffer.isBuffer(file.fileData)) return p;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(file)), file, {
    fileData: Buffer.from(file.fileData),
  });
  return { ...p, [key]: copy };
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the fake answered (a Message for sends). */
  result?: unknown;
}

export interface SendOptions {
  inPrivate?: boolean;
  entities?: MessageEntity[];
  /** Sends a photo with `text` as its caption. */
  photo?: boolean;
  /** The photo's file id (its largest size). */
  photoId?: string;
  /** Sends `text` as the caption of this document (see TelegramHarness.sendDocument). */
  document?: Document;
  /** The photo is one of an album: the album's media_group_id. */
  album?: string;
  /** Sent inside this forum topic (message_thread_id) of the group. */
  topic?: number;
  messageId?: number;
}

/** What a user sees of one bot message. */
export interface Seen {
  chatId: number;
  /** The text as rendered (HTML tags gone, entities decoded): a photo's caption, if any. */
  text: string;
  html: string;
  buttons: { text: string; data: string }[];
  messageId: number;
  /** The forum topic it went to, if any. */
  topic: number | undefined;
  /** The message it answers (quoted), if any. */
  replyTo: number | undefined;
  /** For a photo: the picture as uploaded. */
  photo?: { filename: string; data: Buffer };
}

/**
 * grammY's own test seam: the bot is built exactly as `npm start` builds it, with `{ botInfo }` and
 * an API transformer that answers every call locally and records it; updates go in by handleUpdate.
 * HTML is checked the way Telegram checks it, so unescaped user text fails the call as it would live.
 */
export class TelegramHarness {
  readonly calls: ApiCall[] = [];
  private updateId = 1;
  private messageIds = new Map<number, number>();
  private readonly members = new Map<number, string>();
  /** Users who have opened a private chat with the bot; Telegram refuses to message anyone else. */
  readonly startedPrivate = new Set<number>();
  /** Forum topics that are gone: a message sent into one fails as Telegram fails it. */
  readonly goneTopics = new Set<number>();
  now: Date;

  private constructor(
    readonly app: App,
    readonly bot: Bot,
    readonly store: Store,
    readonly logs: () => Record<string, unknown>[],
    private readonly cleanup: () => Promise<void>,
    now: Date,
    /** The Telegram platform's clock and waits: an album's wait ends when the test says so. */
    readonly timers = new VirtualTimers(),
  ) {
    this.now = now;
  }

  /** Album waits started by the bot and not yet over (`finishAlbums` ends them). */
  get albumWaits(): readonly { ms: number }[] {
    return this.timers.waiting;
  }

  /** The router the bot uses, for driving a second platform against the same core. */
  get router(): Router {
    return this.app.router;
  }

  static async create(
    options: {
      now?: Date;
      admins?: number[];
      council?: number[];
      agency?: Partial<AgencyConfig>;
      locale?: 'vi' | 'en';
      /** Other platforms beside Telegram (a fake one stands for Zalo in cross-platform stories). */
      platforms?: Platform[];
      /** The report thread's seams (a gated report). */
      reports?: ReportRunnerOptions;
      /** More of the environment (topics, compact confirmations, protected reports). */
      env?: Record<string, string>;
      /**
       * Documents users send are served by a Bot API server of our own on loopback (getFile and the
       * file route, the token in its path as Telegram serves files): see `sendDocument`.
       */
      files?: boolean;
      /** The store's directory, kept when the harness closes (a restart: another harness opens it again). */
      dataDir?: string;
    } = {},
  ): Promise<TelegramHarness> {
    const { dir, cleanup } = options.dataDir
      ? { dir: options.dataDir, cleanup: async () => {} }
      : await tempDir();
    const agency = testAgency(options.agency);
    const fileServer = options.files ? await FakeBotApiServer.start({ token: TOKEN }) : undefined;
    const config = createConfig(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: String(GROUP_ID),
        TELEGRAM_ADMIN_IDS: (options.admins ?? []).join(','),
        TELEGRAM_COUNCIL_IDS: (options.council ?? []).join(','),
        DATA_DIR: dir,
        BOT_LOCALE: options.locale ?? 'vi',
        ...(fileServer ? { TELEGRAM_API_ROOT: fileServer.apiRoot } : {}),
        ...options.env,
      },
      agency,
    );
    const { logger, lines } = memoryLogger();
    const store = await Store.open(dir, { logger });
    let harness: TelegramHarness | undefined;
    const timers = new VirtualTimers();
    // The bot as npm start builds it (bot/app.ts), with grammY's test seam: known botInfo, no polling;
    // an album's wait for its last photo ends when the test says so.
    const app = createApp(config, {
      store,
      logger,
      clock: () => (harness as TelegramHarness).now,
      telegram: {
        botInfo: BOT_INFO,
        polling: false,
        albumWaitMs: 1_500,
        timers,
      },
      backupCheckMs: 0,
      ...(options.platforms ? { platforms: options.platforms } : {}),
      ...(options.reports ? { reports: options.reports } : {}),
    });
    const platform = app.platforms.find((p) => p.name === 'telegram') as TelegramPlatform;
    harness = new TelegramHarness(
      app,
      platform.bot,
      store,
      lines,
      async () => {
        await app.stop();
        await fileServer?.close();
        await cleanup();
      },
      options.now ?? new Date('2026-11-25T03:00:00Z'),
      timers,
    );
    harness.fileServer = fileServer;
    platform.bot.api.config.use(harness.transformer);
    // The platforms only: the scheduled posts run on real time, which these tests do not wait for.
    for (const p of app.platforms) await p.start(app.host);
    return harness;
  }

  /** The next calls of `method` fail with this Bot API error (all of them, until `times` is spent). */
  refuse(method: string, code: number, description: string, times = Number.POSITIVE_INFINITY): void {
    this.refusals.set(method, { code, description, times });
  }

  private readonly refusals = new Map<string, { code: number; description: string; times: number }>();

  /** Makes getChatMember answer `status` for this user in the agency group. */
  setMembership(userId: number, status: 'member' | 'left' | 'administrator' | 'kicked'): void {
    this.members.set(userId, status);
  }

  /** The loopback Bot API server that serves documents (created with `files`). */
  fileServer: FakeBotApiServer | undefined;

  private readonly transformer: Transformer<RawApi> = async (prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    const call: ApiCall = { method, payload: asReceived(p) };
    this.calls.push(call);
    if (method === 'getFile' && this.fileServer && !this.refusals.get(method)?.times) {
      const answer = await prev(method, payload);
      call.result = answer.ok ? answer.result : undefined;
      return answer;
    }
    const refusal = this.refusals.get(method);
    if (refusal && refusal.times > 0) {
      refusal.times -= 1;
      return failure(refusal.code, refusal.description);
    }
    const markup = method === 'sendPhoto' || method === 'sendDocument' ? p.caption : p.text;
    if (SENDS.has(method) && p.parse_mode === 'HTML') {
      try {
        const parsed = parseHtml(String(markup));
        if (method === 'sendPhoto' && parsed.text.length > 1024) {
          return failure(400, 'Bad Request: message caption is too long');
        }
      } catch (error) {
        return failure(400, (error as Error).message);
      }
    }
    if (method === 'sendMessage' && String(p.text).length > 4096) {
      return failure(400, 'Bad Request: message is too long');
    }
    const chatId = Number(p.chat_id);
    if (SENDS.has(method) && chatId > 0 && !this.startedPrivate.has(chatId)) {
      return failure(403, "Forbidden: bot can't initiate conversation with a user");
    }
    if (SENDS.has(method) && this.goneTopics.has(Number(p.message_thread_id))) {
      return failure(400, 'Bad Request: message thread not found');
    }
    const result = (() => {
      switch (method) {
        case 'sendMessage':
        case 'sendPhoto':
        case 'sendDocument': {
          const id = (this.messageIds.get(chatId) ?? 1000) + 1;
          this.messageIds.set(chatId, id);
          const topic = p.message_thread_id as number | undefined;
          return {
            message_id: id,
            date: 0,
            chat: {
              id: chatId,
              type: chatId < 0 ? 'supergroup' : 'private',
              ...(topic ? { is_forum: true } : {}),
            },
            ...(topic ? { message_thread_id: topic, is_topic_message: true } : {}),
            ...(method === 'sendMessage' ? { text: p.text } : { caption: p.caption }),
          };
        }
        case 'editMessageText':
          return { message_id: p.message_id, date: 0, chat: { id: chatId, type: 'private' }, text: p.text };
        case 'getChatMember':
          return {
            status: this.members.get(Number(p.user_id)) ?? 'left',
            user: { id: Number(p.user_id), is_bot: false, first_name: 'x' },
          };
        default:
          return true;
      }
    })();
    call.result = result;
    return { ok: true, result } as AnyResponse;
  };

  user(id: number, firstName: string, extra: Partial<User> = {}): User {
    return { id, is_bot: false, first_name: firstName, language_code: 'vi', ...extra };
  }

  /** A user sends `text` in the group (or in private) and gets what the bot answered. */
  async send(from: User, text: string, options: SendOptions = {}): Promise<Seen[]> {
    return this.deliver(this.update(from, text, options));
  }

  /** The update Telegram would send when `from` writes `text` (delivered with `deliver` or `bot.handleUpdate`). */
  update(from: User, text: string, options: SendOptions = {}): Update {
    if (options.inPrivate) this.startedPrivate.add(from.id);
    const chat = options.inPrivate
      ? { id: from.id, type: 'private' as const, first_name: from.first_name }
      : { id: GROUP_ID, type: 'supergroup' as const, title: 'Ban Tổ chức Tỉnh ủy' };
    const messageId = options.messageId ?? this.updateId + 500;
    const entities: MessageEntity[] = [
      ...(text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/, 1)[0]?.length ?? 0 }]
        : []),
      ...(options.entities ?? []),
    ];
    const topic = options.topic && !options.inPrivate ? options.topic : undefined;
    const common = {
      message_id: messageId,
      date: Math.floor(this.now.getTime() / 1000),
      chat: topic ? { ...chat, is_forum: true } : chat,
      from,
      ...(topic ? { message_thread_id: topic, is_topic_message: true } : {}),
    };
    const message = (
      options.document
        ? { ...common, caption: text, caption_entities: entities, document: options.document }
        : options.photo || options.album
          ? {
              ...common,
              ...(text ? { caption: text, caption_entities: entities } : {}),
              ...(options.album ? { media_group_id: options.album } : {}),
              photo: [
                { file_id: 'small-id', file_unique_id: 's', width: 90, height: 90 },
                {
                  file_id: options.photoId ?? 'large-photo-id',
                  file_unique_id: 'l',
                  width: 1280,
                  height: 960,
                },
              ],
            }
          : { ...common, text, entities }
    ) as Message;
    return { update_id: this.updateId++, message } as Update;
  }

  /**
   * Delivers an update (again, if you like) and returns what the bot sent while handling it, and the
   * follow-ups it made (report files, sent once built).
   */
  async deliver(update: Update): Promise<Seen[]> {
    const before = this.calls.length;
    await this.bot.handleUpdate(update);
    await this.app.idle();
    return this.seenSince(before);
  }

  /**
   * A user sends a file with `caption` (a command) as Telegram delivers it: the message carries the
   * document's file_id; the bytes are served by the loopback Bot API server (create with `files`).
   */
  async sendDocument(
    from: User,
    caption: string,
    file: { filename: string; data: Buffer },
    options: SendOptions = {},
  ): Promise<Seen[]> {
    if (!this.fileServer) throw new Error('create the harness with { files: true } to send documents');
    const document = this.fileServer.addDocument(file.data, file.filename);
    return this.send(from, caption, { ...options, document });
  }

  /**
   * A user sends an album: `count` photos sharing one media_group_id, the command in the first one's
   * caption. The bot answers once the album's wait is over: here, at once (`finishAlbums`).
   */
  async sendAlbum(from: User, caption: string, count: number, options: SendOptions = {}): Promise<Seen[]> {
    const before = this.calls.length;
    const album = `album-${this.updateId}`;
    for (let i = 0; i < count; i += 1) {
      await this.send(from, i === 0 ? caption : '', {
        ...options,
        album,
        photoId: `album-photo-${i + 1}`,
        ...(options.messageId !== undefined ? { messageId: options.messageId + i } : {}),
      });
    }
    await this.finishAlbums();
    return this.seenSince(before);
  }

  /** Ends the wait of every album the bot is gathering, and waits for its answers. */
  async finishAlbums(): Promise<void> {
    this.timers.fire();
    await (this.app.platforms.find((p) => p.name === 'telegram') as TelegramPlatform).idle();
    await this.app.idle();
  }

  /** What the bot sent from call number `before` on, as users see it. */
  seenSince(before: number): Seen[] {
    return this.calls.slice(before).flatMap((call) => {
      if (!SHOWN.has(call.method) || !call.result) return [];
      const photo = call.method === 'sendPhoto';
      const html = String((photo ? call.payload.caption : call.payload.text) ?? '');
      const markup = call.payload.reply_markup as
        | { inline_keyboard?: { text: string; callback_data: string }[][] }
        | undefined;
      const reply = call.payload.reply_parameters as { message_id?: number } | undefined;
      const file = call.payload.photo as InputFile | undefined;
      return [
        {
          chatId: Number(call.payload.chat_id),
          text: htmlToPlain(html),
          html,
          buttons: (markup?.inline_keyboard ?? [])
            .flat()
            .map((b) => ({ text: b.text, data: b.callback_data })),
          messageId: Number(
            (call.result as { message_id?: number } | undefined)?.message_id ?? call.payload.message_id,
          ),
          topic: call.payload.message_thread_id as number | undefined,
          replyTo: reply?.message_id,
          ...(photo && file
            ? {
                photo: {
                  filename: String(file.filename),
                  data: (file as unknown as { fileData: Buffer }).fileData,
                },
              }
            : {}),
        },
      ];
    });
  }

  /** `from` presses a button of a bot message. */
  async press(from: User, seen: Seen, buttonText: string): Promise<Seen[]> {
    const button = seen.buttons.find((b) => b.text === buttonText);
    if (!button)
      throw new Error(`no button “${buttonText}” in: ${seen.buttons.map((b) => b.text).join(', ')}`);
    const chat =
      seen.chatId < 0
        ? { id: seen.chatId, type: 'supergroup' as const, title: 'Ban Tổ chức Tỉnh ủy' }
        : { id: seen.chatId, type: 'private' as const, first_name: from.first_name };
    return this.deliver({
      update_id: this.updateId++,
      callback_query: {
        id: `cb${this.updateId}`,
        from,
        chat_instance: 'ci',
        data: button.data,
        message: {
          message_id: seen.messageId,
          date: 0,
          chat,
          text: seen.text,
          from: BOT_INFO,
          ...(seen.topic ? { message_thread_id: seen.topic, is_topic_message: true } : {}),
        },
      },
    } as Update);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    await this.cleanup();
  }
}

/** Entities for `@username` mentions found in `text`. */
export function mentionEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/@[A-Za-z0-9_]{3,}/g)].map((m) => ({
    type: 'mention' as const,
    offset: m.index ?? 0,
    length: m[0].length,
  }));
}
