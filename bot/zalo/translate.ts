import type { Mention, Photo } from '../../core/context.js';
import { identityKey, idOn } from '../../core/identity.js';
import { messageKey } from '../../core/message.js';
import type { ZaloMessage, ZaloText } from './transport.js';

/** Zalo's identity key for a user. */
export const identityOf = (uid: string) => identityKey('zalo', uid);

/** The Zalo user id behind an identity, or undefined for another platform's. */
export function uidOf(identity: string): string | undefined {
  const uid = idOn('zalo', identity);
  return uid && /^\d+$/.test(uid) ? uid : undefined;
}

/** Identifies a message, so one delivered twice is handled once. */
export const messageKeyOf = (message: ZaloMessage) =>
  messageKey('zalo', message.threadId, message.data.msgId);

/**
 * The text the bot reads in a message: a text message's content, or the caption (`title`) of a photo
 * or another attachment, with the photo kept by its URL. Null for stickers and anything without text.
 */
export function readMessage(message: ZaloMessage): { text: string; photos?: Photo[] } | null {
  const { content, msgType } = message.data;
  if (typeof content === 'string') return { text: content };
  const title = typeof content.title === 'string' ? content.title : '';
  if (!title.trim()) return null;
  const href = msgType === 'chat.photo' && typeof content.href === 'string' ? content.href : '';
  return href ? { text: title, photos: [{ fileId: href }] } : { text: title };
}

/** Colleagues tagged in the message (not @All, not the bot), labelled by the span as written. */
export function mentionsOf(message: ZaloMessage, text: string, selfId: string | undefined): Mention[] {
  return (message.data.mentions ?? [])
    .filter((m) => m.type !== 1 && m.uid !== '-1' && m.uid !== selfId)
    .map((m) => ({
      identity: identityOf(m.uid),
      label: text.slice(m.pos, m.pos + m.len) || m.uid,
      offset: m.pos,
    }));
}

/** `text` addressed to someone in a group: `@Name` tags them in front. */
export function tagged(text: string, uid: string, name: string): ZaloText {
  const tag = `@${name.trim() || uid}`;
  return { text: `${tag} ${text}`, mentions: [{ uid, pos: 0, len: tag.length }] };
}
