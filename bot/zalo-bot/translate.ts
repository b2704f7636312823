import { htmlToPlain } from '../../core/html.js';
import { identityKey } from '../../core/identity.js';
import type { Log } from '../../core/log.js';
import { messageKey } from '../../core/message.js';
import type { Incoming, OutMessage } from '../../core/platform.js';
import { type Locale, locales } from '../../locales/index.js';
import { type ChoiceMemory, withChoices } from '../kit/choices.js';
import type { ZaloBotConfig } from './config.js';
import type { ZaloBotMessageMeta } from './update.js';

/** Where a command came from: a private chat's id (the user's id). */
export interface Origin {
  chatId: string;
}

/** The Zalo Bot Platform's identity key for a user. */
export const identityOf = (id: string) => identityKey('zalobot', id);

/** A message for the core: a private chat's text, the caller's roles from the configuration. */
export function incomingOf(
  meta: ZaloBotMessageMeta,
  text: string,
  context: { config: ZaloBotConfig; locale: Locale; log: Log },
): Incoming {
  const from = meta.from.id;
  const { config } = context;
  return {
    platform: 'zalobot',
    caller: { identity: identityOf(from), displayName: meta.from.displayName ?? from },
    chat: { id: meta.chat.id, kind: 'private' },
    text,
    mentions: [],
    messageKey: messageKey('zalobot', meta.chat.id, meta.messageId ?? `${meta.date ?? Date.now()}`),
    locale: context.locale,
    isAdmin: config.adminIds.has(from),
    isCouncil: config.councilIds.has(from),
    // No group: the core decides who belongs (a registered member who has not left).
    isGroupMember: async () => false,
    membership: 'approval',
    origin: { chatId: meta.chat.id } satisfies Origin,
    log: context.log,
  };
}

/** What a chat's text says: a number picking a choice, or words for the core to read (a command or not). */
export function readText(
  choices: ChoiceMemory,
  chatId: string,
  text: string,
): { text: string; picked?: string } | 'expired' | 'other' {
  const picked = choices.read(chatId, text);
  // Whatever comes now answers this message: the choices shown before are closed.
  choices.begin(chatId);
  if (picked === 'expired') return picked;
  if (picked) return { text: picked.command, picked: picked.command };
  return text.trim() ? { text } : 'other';
}

/**
 * A message as the chat shows it: plain text, the choices numbered below (remembered for a number
 * answer); a `reply` numbers its choices on from the others of the same answer.
 */
export function render(
  choices: ChoiceMemory,
  chatId: string,
  message: OutMessage,
  reply: boolean,
  locale: Locale,
): string {
  const shown = message.choices ?? [];
  const first = choices.show(chatId, shown, reply);
  const hint = locales[locale].zaloBot.pickByNumber(first + shown.length - 1);
  return withChoices(htmlToPlain(message.html), shown, first, hint);
}
