import type { Message, MessageEntity, User } from 'grammy/types';
import { type App, type AppDeps, createApp } from '../../bot/app.js';
import { createConfig } from '../../bot/config.js';
import type { ApiLimits } from '../../bot/telegram/api.js';
import type { TelegramOptions, TelegramPlatform } from '../../bot/telegram/platform.js';
import type { ZaloBotOptions } from '../../bot/zalo-bot/platform.js';
import type { AgencyConfig } from '../../core/agency.js';
import { Store, type StoreOptions } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from './agency.js';
import { FakeBotApiServer, type RecordedCall } from './bot-api-server.js';

/*
 * The bot as `npm start` runs it — bot/app.ts's createApp, grammY's runner polling over HTTP — against
 * FakeBotApiServer on 127.0.0.1. Users' messages go in as updates handed out by getUpdates; what they
 * see is what the fake stored from the bot's sendMessage and editMessageText calls (HTML parsed the way
 * Telegram parses it).
 */

export const TOKEN = '7123456789:AAH-thidua_POLLING_e2e_secret_0123456789';
export const SECRET = TOKEN.slice(TOKEN.indexOf(':') + 1);
export const GROUP_ID = -1001234567890;
export const GROUP_TITLE = 'Ban Tổ chức Tỉnh ủy';
export const ADMIN_ID = 900001;

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Short waits between retries, so a test of a fault does not wait out production's seconds. */
const FAST: Partial<ApiLimits> = { retryBaseMs: 20, pollSeconds: 1, callTimeoutMs: 3_000 };

export async function until(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(2);
  }
}

export const person = (id: number, first_name: string, extra: Partial<User> = {}): User => ({
  id,
  is_bot: false,
  first_name,
  language_code: 'vi',
  ...extra,
});
export const lan = person(1001, 'Lan', { last_name: 'Nguyễn', username: 'lan_nguyen' });
export const hung = person(1002, 'Hùng', { username: 'hungtv' });
export const mai = person(1003, 'Mai');
export const toan = person(ADMIN_ID, 'Toàn', { username: 'toan_vp' });
export const khach = person(5555, 'Khách');
export const everyone = [lan, hung, mai, toan, khach];

export type Where = 'group' | 'private';

export interface PushOptions {
  /** A photo with the text as its caption. */
  photo?: boolean;
  /** The photo's file id (its largest size). */
  photoId?: string;
  /** A photo of this album (media_group_id). */
  album?: string;
  /** Sent in this forum topic of the group. */
  topic?: number;
}

/** One bot message as its reader sees it. */
export interface Seen {
  method: string;
  chatId: number;
  messageId: number;
  /** As displayed: the text the fake parsed out of the bot's HTML. */
  text: string;
  html: string;
  replyTo: number | undefined;
  buttons: { text: string; data: string }[];
}

function seenOf(call: RecordedCall): Seen {
  const message = (call.response as { result: Message }).result;
  return {
    method: call.method,
    chatId: message.chat.id,
    messageId: message.message_id,
    text: message.text ?? '',
    html: String(call.params.text),
    replyTo: message.reply_to_message?.message_id,
    buttons: (message.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ({ text: b.text, data: 'callback_data' in b ? String(b.callback_data) : '' })),
  };
}

const isShown = (c: RecordedCall) =>
  (c.method === 'sendMessage' || c.method === 'editMessageText') && c.response?.ok === true;

/** What one update led to: the bot messages users saw and every API call made meanwhile. */
export class Exchange {
  constructor(
    readonly updateId: number,
    readonly message: Message | undefined,
    readonly calls: RecordedCall[],
  ) {}

  get replies(): Seen[] {
    return this.calls.filter(isShown).map(seenOf);
  }

  /** The one reply; fails when there were none or several. */
  get reply(): Seen {
    const replies = this.replies;
    if (replies.length !== 1) {
      throw new Error(
        `expected one reply, got ${replies.length}: ${JSON.stringify(replies.map((r) => r.text))}`,
      );
    }
    return replies[0] as Seen;
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}

/** Entities Telegram adds: the leading /command and every @username. */
export function entitiesOf(text: string): MessageEntity[] {
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text)?.[0] ?? '';
  return [
    ...(command ? [{ type: 'bot_command' as const, offset: 0, length: command.length }] : []),
    ...[...text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{3,}/g)]
      .filter((m) => m.index >= command.length)
      .map((m) => ({ type: 'mention' as const, offset: m.index, length: m[0].length })),
  ];
}

/** The bot as `npm start` runs it, polling the fake over HTTP. */
export class LiveBot {
  /** Every update pushed, in order. */
  readonly pushed: number[] = [];

  private constructor(
    readonly server: FakeBotApiServer,
    readonly app: App,
    readonly store: Store,
    readonly logs: () => Record<string, unknown>[],
    private readonly cleanup: () => Promise<void>,
  ) {}

  /** `beforeInit` sets up faults before the bot's first call; `limits` bound its waits (fast by default). */
  static async start(
    options: {
      admins?: number[];
      locale?: 'vi' | 'en';
      limits?: Partial<ApiLimits>;
      telegram?: Partial<TelegramOptions>;
      agency?: Partial<AgencyConfig>;
      beforeInit?: (server: FakeBotApiServer) => void;
      /** A data directory of an earlier run (a restart); a fresh one by default. */
      dir?: string;
      /** The store's options (a faulty file system, an early compaction). */
      store?: StoreOptions;
      /** More environment (the Council, forum topics; the Zalo Bot Platform's ZALO_BOT_* pointing at its stand-in). */
      env?: Record<string, string>;
      /** The Zalo Bot platform's test seams (short polls, fast retries). */
      zaloBot?: Partial<ZaloBotOptions>;
      /** The desk's assets (with WEB_PUBLIC_URL and WEB_PORT in `env`). */
      deskAssets?: AppDeps['deskAssets'];
      /** The bot's clock (this machine's by default). */
      clock?: () => Date;
    } = {},
  ): Promise<LiveBot> {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    server.setChat({ id: GROUP_ID, type: 'supergroup', title: GROUP_TITLE });
    for (const user of everyone) server.setUser(user);
    const temp = options.dir
      ? { dir: options.dir, cleanup: async () => {} }
      : await tempDir('thidua-polling-');
    const { dir, cleanup } = temp;
    const { logger, lines } = memoryLogger();
    let store: Store | undefined;
    let started: { stop(): Promise<void> } | undefined;
    try {
      const config = createConfig(
        {
          TELEGRAM_BOT_TOKEN: server.token,
          TELEGRAM_API_ROOT: server.apiRoot,
          TELEGRAM_GROUP_ID: String(GROUP_ID),
          TELEGRAM_ADMIN_IDS: (options.admins ?? [ADMIN_ID]).join(','),
          DATA_DIR: dir,
          BOT_LOCALE: options.locale ?? 'vi',
          ...options.env,
        },
        testAgency(options.agency),
      );
      store = await Store.open(config.dataDir, { logger, ...options.store });
      await store.backupIfDue(new Date());
      options.beforeInit?.(server);
      const app = createApp(config, {
        store,
        logger,
        backupCheckMs: 0,
        telegram: {
          limits: { ...FAST, ...options.limits },
          conflictBackoffMs: 200,
          stopGraceMs: 2_000,
          pollRetryMs: 100,
          ...options.telegram,
        },
        zaloBot: { pollSeconds: 1, retryMs: 20, ...options.zaloBot },
        ...(options.deskAssets ? { deskAssets: options.deskAssets } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
      });
      started = app;
      await app.start();
      const live = new LiveBot(server, app, store, lines, cleanup);
      await until('the first long poll', () => server.isPolling);
      // The menus are set while the bot polls: done before a test looks at the calls.
      await (app.platforms[0] as TelegramPlatform).menusSet();
      return live;
    } catch (error) {
      // A start that failed half-way (a port taken, say) stops what it had started.
      await started?.stop().catch(() => {});
      await store?.close();
      await server.close();
      await cleanup();
      throw error;
    }
  }

  /** Every pushed update was handed out, handled, and confirmed by the next getUpdates offset. */
  async settle(timeoutMs = 5000): Promise<void> {
    await until(
      'the bot to confirm every update',
      () => this.server.isPolling && this.server.pendingUpdateCount === 0,
      timeoutMs,
    );
    // Updates are confirmed as soon as they are handed to the bot; wait for their answers too.
    await (this.app.platforms[0] as TelegramPlatform).idle();
    // And for the follow-ups (report files, built in the report thread).
    await this.app.idle();
  }

  /**
   * A user sends a message (a captioned photo with `photo`, one photo of an album with `album`, in a
   * forum topic with `topic`); returns the update id and the message.
   */
  push(from: User, where: Where, text: string, options: PushOptions = {}) {
    const chatId = where === 'group' ? GROUP_ID : from.id;
    const entities = entitiesOf(text);
    const photo = options.photo || options.album !== undefined;
    let pushed: { updateId: number; message: Message };
    if (!photo && !options.topic && entities.every((e) => e.type === 'bot_command')) {
      pushed = this.server.pushMessage({ chatId, text, from });
    } else {
      const chat =
        where === 'group'
          ? { id: GROUP_ID, type: 'supergroup' as const, title: GROUP_TITLE }
          : { id: from.id, type: 'private' as const, first_name: from.first_name };
      const messageId = Math.max(0, ...this.server.messagesIn(chatId).map((m) => m.message_id)) + 1;
      const base = {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: options.topic ? { ...chat, is_forum: true } : chat,
        from,
        ...(options.topic ? { message_thread_id: options.topic, is_topic_message: true } : {}),
      };
      const message = (
        photo
          ? {
              ...base,
              ...(text ? { caption: text, caption_entities: entities } : {}),
              ...(options.album ? { media_group_id: options.album } : {}),
              photo: [
                { file_id: 'AgACAgIAAxkBAAIBsmall', file_unique_id: 'AQADs', width: 90, height: 68 },
                {
                  file_id: options.photoId ?? 'AgACAgIAAxkBAAIBlarge',
                  file_unique_id: 'AQADl',
                  width: 1280,
                  height: 960,
                },
              ],
            }
          : { ...base, text, entities }
      ) as Message;
      pushed = {
        updateId: this.server.pushUpdate({ message } as Parameters<FakeBotApiServer['pushUpdate']>[0]),
        message,
      };
    }
    this.pushed.push(pushed.updateId);
    return pushed;
  }

  /** A user sends a message and waits until the bot has handled it. */
  async say(from: User, where: Where, text: string, options: PushOptions = {}): Promise<Exchange> {
    const before = this.server.calls.length;
    const { updateId, message } = this.push(from, where, text, options);
    await this.settle();
    return new Exchange(updateId, message, this.server.calls.slice(before));
  }

  /** A user presses an inline button of a bot message, as it currently is. */
  async press(from: User, seen: Seen, label: string): Promise<Exchange> {
    const button = seen.buttons.find((b) => b.text === label);
    if (!button) throw new Error(`no button “${label}” in: ${seen.buttons.map((b) => b.text).join(', ')}`);
    const message = this.server.getMessage(seen.chatId, seen.messageId);
    if (!message) throw new Error(`message ${seen.messageId} is gone`);
    const before = this.server.calls.length;
    const { updateId } = this.server.pushCallbackQuery({ message, data: button.data, from: { id: from.id } });
    this.pushed.push(updateId);
    await this.settle();
    return new Exchange(updateId, undefined, this.server.calls.slice(before));
  }

  /** The bot's messages sent to a chat so far, as their reader sees them, oldest first. */
  seenIn(chatId: number): Seen[] {
    return this.server.calls.filter((c) => isShown(c) && Number(c.params.chat_id) === chatId).map(seenOf);
  }

  /** What the bot has shown in a chat, oldest first (failed and dropped sends never appear). */
  botMessagesIn(chatId: number): Message[] {
    return this.server.messagesIn(chatId).filter((m) => m.from?.id === this.server.botInfo.id);
  }

  /** Every log line, serialised, to search for secrets. */
  logText(): string {
    return this.logs()
      .map((l) => JSON.stringify(l))
      .join('\n');
  }

  /** The messages of log lines that contain `secret` (none, hopefully). */
  linesContaining(secret: string): unknown[] {
    return this.logs()
      .filter((l) => JSON.stringify(l).includes(secret))
      .map((l) => l.msg);
  }

  async stop(): Promise<void> {
    try {
      await this.app.stop();
    } finally {
      await this.server.close();
      await this.cleanup();
    }
  }
}
