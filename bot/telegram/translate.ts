import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'grammy';
import type {
  Document,
  InlineKeyboardButton,
  Message,
  MessageEntity,
  User,
  UserFromGetMe,
} from 'grammy/types';
import type { Choice, InDocument, Mention } from '../../core/context.js';
import { identityKey } from '../../core/identity.js';
import type { Log } from '../../core/log.js';
import type { Incoming } from '../../core/platform.js';
import type { TelegramConfig } from './config.js';
import type { Origin } from './sender.js';

/** Telegram's identity key for a user. */
export const identityOf = (user: Pick<User, 'id'>) => identityKey('telegram', user.id);

export function displayName(user: Pick<User, 'first_name' | 'last_name'>): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ');
}

/** Mentions in a message's text or caption (offsets are UTF-16, as JavaScript strings are). */
export function mentionsOf(message: Message, botId: number, botUsername: string): Mention[] {
  const text = message.text ?? message.caption ?? '';
  const entities: MessageEntity[] = message.entities ?? message.caption_entities ?? [];
  const mentions: Mention[] = [];
  for (const entity of entities) {
    const label = text.slice(entity.offset, entity.offset + entity.length);
    if (entity.type === 'mention') {
      const username = label.replace(/^@/, '');
      if (username.toLowerCase() !== botUsername.toLowerCase()) {
        mentions.push({ username, label, offset: entity.offset });
      }
    } else if (entity.type === 'text_mention' && entity.user && entity.user.id !== botId) {
      // The label is the text as written (often just a first name), so commands can find it in the text.
      mentions.push({ identity: identityOf(entity.user), label, offset: entity.offset });
    }
  }
  return mentions;
}

/** Largest size of a photo message, kept as evidence by its file_id. */
export function photoOf(message: Message): { fileId: string } | undefined {
  const sizes = message.photo;
  const largest = sizes?.[sizes.length - 1];
  return largest ? { fileId: largest.file_id } : undefined;
}

const CALLBACK_LIMIT = 64; // bytes: Telegram's limit on callback_data
const MAC_LENGTH = 8; // characters of base64url: 48 bits

/**
 * Choices become inline buttons. A button's data carries the requester's id and the command, signed
 * with a key derived from the bot's token, so a forged press — data no button of that person carries —
 * is recognised and refused. Data longer than Telegram's 64 bytes is kept here under a short key
 * (such buttons read as expired after a restart).
 */
export class ChoiceButtons {
  private readonly overflow = new Map<string, string>();
  private next = 0;
  /** Differs in every process, so an overflow key from before a restart reads as expired, never as another. */
  private readonly boot = randomBytes(4).toString('hex');
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly capacity = 1000,
  ) {
    this.key = createHmac('sha256', 'thidua-bot buttons').update(secret).digest();
  }

  keyboard(choices: readonly Choice[], requesterId: number): InlineKeyboardButton[][] {
    return choices.map((choice) => [
      {
        text: choice.label,
        callback_data: this.encode(`${requesterId}${choice.keepsQuestion ? '!' : '|'}${choice.command}`),
      },
    ]);
  }

  /** The requester and command behind a button, or null if it is unknown (expired) or forged. */
  decode(data: string | undefined): { requesterId: number; command: string; keepsQuestion: boolean } | null {
    if (!data) return null;
    const signed = data.startsWith('k:') ? this.overflow.get(data) : data;
    if (!signed) return null;
    const payload = signed.slice(MAC_LENGTH);
    if (signed.slice(0, MAC_LENGTH) !== this.mac(payload)) return null;
    const match = /^(\d+)([|!])(\/[\s\S]+)$/.exec(payload);
    return match
      ? { requesterId: Number(match[1]), command: match[3] as string, keepsQuestion: match[2] === '!' }
      : null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, MAC_LENGTH);
  }

  private encode(payload: string): string {
    const signed = this.mac(payload) + payload;
    if (Buffer.byteLength(signed) <= CALLBACK_LIMIT) return signed;
    const key = `k:${this.boot}:${(this.next++).toString(36)}`;
    this.overflow.set(key, signed);
    if (this.overflow.size > this.capacity) this.overflow.delete(this.overflow.keys().next().value as string);
    return key;
  }
}

/** The forum topic a message was sent in (not a reply thread of an ordinary group). */
export const topicOf = (message: Pick<Message, 'is_topic_message' | 'message_thread_id'>) =>
  message.is_topic_message ? message.message_thread_id : undefined;

/** A group message meant for the bot without a command: a reply to one of its messages, or a mention of it. */
export function addressedToBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? '';
  return (message.entities ?? message.caption_entities ?? []).some(
    (e) =>
      (e.type === 'mention' &&
        text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me.username.toLowerCase()) ||
      (e.type === 'text_mention' && e.user?.id === me.id),
  );
}

/** A Telegram message (or the message a button was pressed on) as the core reads it. */
export function incomingOf(
  ctx: Context,
  message: Message,
  what: {
    text: string;
    addressed: boolean;
    from: NonNullable<Message['from']>;
    origin: Origin;
    key: string;
    parts: readonly Message[];
  },
  platform: {
    config: TelegramConfig;
    log: Log;
    document: (document: Document) => InDocument;
    isGroupMember: () => Promise<boolean>;
  },
): Incoming {
  const { text, addressed, from, origin, key, parts } = what;
  const { config } = platform;
  return {
    platform: 'telegram',
    caller: { identity: identityOf(from), username: from.username, displayName: displayName(from) },
    chat: { id: String(message.chat.id), kind: message.chat.type === 'private' ? 'private' : 'group' },
    text,
    addressed,
    mentions: mentionsOf(message, ctx.me.id, ctx.me.username),
    photos: parts.flatMap((part) => photoOf(part) ?? []),
    document: message.document ? platform.document(message.document) : undefined,
    messageKey: key,
    locale: origin.locale,
    isAdmin: config.adminIds.has(String(from.id)),
    isCouncil: config.councilIds.has(String(from.id)),
    isGroupMember: platform.isGroupMember,
    origin,
    log: platform.log.child({ update: ctx.update.update_id }),
  };
}
