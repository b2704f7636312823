import { type Api, type Context, GrammyError, InputFile } from 'grammy';
import type { MessageKind } from '../../core/context.js';
import { type Html, htmlToPlain } from '../../core/html.js';
import { idOn } from '../../core/identity.js';
import type { Log } from '../../core/log.js';
import type { OutMessage } from '../../core/platform.js';
import { splitMessage } from '../../core/text.js';
import type { Locale } from '../../locales/index.js';
import type { TelegramConfig } from './config.js';
import type { ChoiceButtons } from './translate.js';

/** Where an answer to one message goes: its chat, the message it answers, the question it may replace. */
export interface Origin {
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
export interface Place {
  replyTo?: number | undefined;
  thread?: number | undefined;
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
/** Telegram's limit on a caption, in characters after the markup is parsed. */
export const CAPTION_LIMIT = 1024;
/** The reaction that says "done" on a command answered in one line (compact confirmations). */
const DONE = [{ type: 'emoji', emoji: '👍' }] as const;
/** Telegram's answers when a forum topic is gone or closed: the message then goes to the main chat. */
const TOPIC_GONE = /message thread not found|TOPIC_(CLOSED|DELETED|ID_INVALID)/i;

/**
 * Everything the bot sends on Telegram: HTML in parts within 4,096 characters, pictures as photos
 * (the text as the first one's caption when it fits), buttons under the last part, documents; each
 * kind of group message in its forum topic when one is configured. API calls are bounded by the
 * transformers of ./api.ts.
 */
export class TelegramSender {
  constructor(
    private readonly api: Api,
    private readonly config: TelegramConfig,
    private readonly buttons: ChoiceButtons,
    private readonly log: Log,
  ) {}

  /**
   * Sends into a chat: each picture as a photo, the first with the text as its caption when it fits
   * (Telegram's 1,024 characters), else the text after them in HTML parts within Telegram's 4,096;
   * buttons under the last; then documents (protected, when the operator asks). In a forum topic
   * that has gone, the rest goes to the main chat (logged).
   */
  async send(
    api: Api,
    chatId: number,
    message: OutMessage,
    requesterId: number,
    place: Place = {},
  ): Promise<void> {
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
        this.log.warn(
          { chat: chatId, topic: thread, error: error.description },
          'forum topic unavailable; sent to the main chat',
        );
        thread = undefined;
        return call(method);
      }
    };
    const keyboard = message.choices?.length
      ? { reply_markup: { inline_keyboard: this.buttons.keyboard(message.choices, requesterId) } }
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
          ...(this.config.protectReports ? { protect_content: true } : {}),
        }),
      );
    }
  }

  /** A short answer of the platform's own (a forwarded command, an anonymous admin), quoting the message. */
  async answer(ctx: Context, chatId: number, html: Html, place: Place): Promise<void> {
    await this.send(ctx.api, chatId, { html }, 0, place);
  }

  /** Answers a command: a 👍 for an acknowledged one, the question replaced by a button's answer, or a message in its place. */
  async reply(o: Origin, message: OutMessage): Promise<void> {
    const replace = o.replace;
    o.replace = undefined;
    if (message.acknowledge && o.messageId !== undefined) {
      // A reaction is a courtesy: a group that allows no reactions still gets the answer.
      await this.api
        .setMessageReaction(o.chatId, o.messageId, [...DONE])
        .catch((err: unknown) => this.log.info({ err, chat: o.chatId }, 'could not react to a command'));
    }
    if (
      replace !== undefined &&
      !message.files?.length &&
      !message.images?.length &&
      splitMessage(message.html.value).length === 1
    ) {
      // The chosen answer replaces the question and its buttons.
      const edited = await this.api
        .editMessageText(o.chatId, replace, message.html.value, {
          ...HTML,
          ...(message.choices?.length
            ? { reply_markup: { inline_keyboard: this.buttons.keyboard(message.choices, o.requesterId) } }
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
    const filed =
      o.chatId === this.config.groupId && o.threadId === undefined ? this.topicFor(message.kind) : undefined;
    const replyTo = filed === undefined ? o.replyTo : undefined;
    o.replyTo = undefined;
    await this.send(this.api, o.chatId, message, o.requesterId, { replyTo, thread: o.threadId ?? filed });
  }

  /** Writes to a Telegram user in private; false when the identity is not a Telegram one or Telegram refused. */
  async toPerson(identity: string, message: OutMessage): Promise<boolean> {
    const userId = idOn('telegram', identity);
    if (!userId || !/^\d+$/.test(userId)) return false;
    try {
      await this.send(this.api, Number(userId), message, Number(userId));
      return true;
    } catch (err) {
      this.log.info({ err, user: userId }, 'Telegram refused a private message');
      return false;
    }
  }

  /** Posts to the agency group, in the topic of the message's kind when one is configured. */
  async toGroup(message: OutMessage): Promise<void> {
    await this.send(this.api, this.config.groupId, message, 0, { thread: this.topicFor(message.kind) });
  }

  /** The topic a kind of message is filed in, in the agency group. */
  private topicFor(kind: MessageKind | undefined): number | undefined {
    return kind ? this.config.topics[kind] : undefined;
  }
}
