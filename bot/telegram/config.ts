import type { MessageKind } from '../../core/context.js';

/** What the Telegram platform needs from the environment (read and checked by bot/config.ts). */
export interface TelegramConfig {
  token: string;
  apiRoot: string;
  groupId: number;
  adminIds: ReadonlySet<string>;
  /** Members of the Emulation and Commendation Council: they review entries (admins may too). */
  councilIds: ReadonlySet<string>;
  /**
   * In a group with forum topics, the topic (message_thread_id) that holds each kind of message the
   * bot posts: the plan's posts, its reminders, confirmations of entries. Unset: the main chat.
   */
  topics: Readonly<Partial<Record<MessageKind, number>>>;
  /** Confirmations in the group as a reaction and one line; the whole one in private. */
  compactConfirmations: boolean;
  /** Report files are sent with protect_content (no forwarding, no saving) — they hold personnel data. */
  protectReports: boolean;
  /** The desk's address (WEB_PUBLIC_URL): the Mini App the menu button opens. Absent: no desk. */
  deskUrl?: string | undefined;
}
