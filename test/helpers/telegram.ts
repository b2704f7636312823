import type { Bot, RawApi, Transformer } from 'grammy';
import type { Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
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
import { parseHtml } from './bot-api-server.js';

// biome-ignore lint/suspicious/noExplicitAny: the transformer answers every method, each with its own result type
type AnyResponse = any;
const failure = (error_code: number, description: string): AnyResponse => ({
  ok: false,
  error_code,
  description,
});

export const GROUP_ID = -1001234567890;
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
  messageId?: number;
}

/** What a user sees of one bot message. */
export interface Seen {
  chatId: number;
  /** The text as rendered (HTML tags gone, entities decoded). */
  text: string;
  html: string;
  buttons: { text: string; data: string }[];
  messageId: number;
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
  now: Date;

  private constructor(
    readonly app: App,
    readonly bot: Bot,
    readonly store: Store,
    readonly logs: () => Record<string, unknown>[],
    private readonly cleanup: () => Promise<void>,
    now: Date,
  ) {
    this.now = now;
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
    } = {},
  ): Promise<TelegramHarness> {
    const { dir, cleanup } = await tempDir();
    const agency = testAgency(options.agency);
    const config = createConfig(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: String(GROUP_ID),
        TELEGRAM_ADMIN_IDS: (options.admins ?? []).join(','),
        TELEGRAM_COUNCIL_IDS: (options.council ?? []).join(','),
        DATA_DIR: dir,
        BOT_LOCALE: options.locale ?? 'vi',
      },
      agency,
    );
    const { logger, lines } = memoryLogger();
    const store = await Store.open(dir, { logger });
    let harness: TelegramHarness | undefined;
    // The bot as npm start builds it (bot/app.ts), with grammY's test seam: known botInfo, no polling.
    const app = createApp(config, {
      store,
      logger,
      clock: () => (harness as TelegramHarness).now,
      telegram: { botInfo: BOT_INFO, polling: false },
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
        await cleanup();
      },
      options.now ?? new Date('2026-11-25T03:00:00Z'),
    );
    platform.bot.api.config.use(harness.transformer);
    // The platforms only: the scheduled posts run on real time, which these tests do not wait for.
    for (const p of app.platforms) await p.start(app.host);
    return harness;
  }

  /** Makes getChatMember answer `status` for this user in the agency group. */
  setMembership(userId: number, status: 'member' | 'left' | 'administrator' | 'kicked'): void {
    this.members.set(userId, status);
  }

  private readonly transformer: Transformer<RawApi> = async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    const call: ApiCall = { method, payload: p };
    this.calls.push(call);
    if ((method === 'sendMessage' || method === 'editMessageText') && p.parse_mode === 'HTML') {
      try {
        parseHtml(String(p.text));
      } catch (error) {
        return failure(400, (error as Error).message);
      }
    }
    if (method === 'sendMessage' && String(p.text).length > 4096) {
      return failure(400, 'Bad Request: message is too long');
    }
    const chatId = Number(p.chat_id);
    if (method === 'sendMessage' && chatId > 0 && !this.startedPrivate.has(chatId)) {
      return failure(403, "Forbidden: bot can't initiate conversation with a user");
    }
    const result = (() => {
      switch (method) {
        case 'sendMessage': {
          const id = (this.messageIds.get(chatId) ?? 1000) + 1;
          this.messageIds.set(chatId, id);
          return {
            message_id: id,
            date: 0,
            chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
            text: p.text,
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
    const message = (
      options.photo
        ? {
            message_id: messageId,
            date: Math.floor(this.now.getTime() / 1000),
            chat,
            from,
            caption: text,
            caption_entities: entities,
            photo: [
              { file_id: 'small-id', file_unique_id: 's', width: 90, height: 90 },
              { file_id: 'large-photo-id', file_unique_id: 'l', width: 1280, height: 960 },
            ],
          }
        : { message_id: messageId, date: Math.floor(this.now.getTime() / 1000), chat, from, text, entities }
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

  /** What the bot sent (messages and edits) since call number `before`. */
  seenSince(before: number): Seen[] {
    return this.calls.slice(before).flatMap((call) => {
      if (call.method !== 'sendMessage' && call.method !== 'editMessageText') return [];
      const html = String(call.payload.text);
      const markup = call.payload.reply_markup as
        | { inline_keyboard?: { text: string; callback_data: string }[][] }
        | undefined;
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
        message: { message_id: seen.messageId, date: 0, chat, text: seen.text, from: BOT_INFO },
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
