import type { AgencyConfig } from '../bot/config.js';
import type { Locale, Messages } from '../locales/index.js';
import type { Member, Platform } from '../storage/schema.js';
import type { Store } from '../storage/store.js';

/** Who sent a message, as the platform knows them. */
export interface Caller {
  /** Identity key `platform:userId`, as stored on members. */
  identity: string;
  /** Platform @username without @, if any. */
  username?: string | undefined;
  displayName: string;
}

export interface ChatRef {
  id: string;
  kind: 'private' | 'group';
}

/** A colleague named in a message: by platform identity (a text mention) or by @username. */
export interface Mention {
  identity?: string;
  username?: string;
  /** As written in the message, to quote it back. */
  label: string;
}

export interface Photo {
  fileId: string;
}

/** A button on Telegram, a numbered line elsewhere: choosing it runs `command` as the caller. */
export interface Choice {
  label: string;
  command: string;
}

/** A platform-neutral answer. `html` uses only <b>, <i> and <code>; user text in it is escaped. */
export interface Reply {
  html: string;
  choices?: Choice[];
  /** Where the reply goes: the chat the command came from (default) or the caller in private. */
  to?: 'chat' | 'private';
}

/** Everything a command may use; built by a platform adapter for one incoming command. */
export interface CommandContext {
  platform: Platform;
  caller: Caller;
  chat: ChatRef;
  /** The registered member behind the caller, if any. */
  member: Member | undefined;
  /** The command's text after its name. */
  args: string;
  mentions: Mention[];
  photo?: Photo | undefined;
  /** Identifies the platform message, so a message delivered twice is handled once. */
  messageKey: string;
  locale: Locale;
  t: Messages;
  store: Store;
  agency: AgencyConfig;
  now: Date;
  isAdmin: boolean;
  /** Whether the caller belongs to the agency's group chat (asks the platform when needed). */
  isGroupMember(): Promise<boolean>;
}

/**
 * Who may run a command: anyone; registered members; registered members and admins (an admin need
 * not be registered to act on others' entries); admins only.
 */
export type Access = 'anyone' | 'registered' | 'registeredOrAdmin' | 'admin';

/** Whether a caller may run a command of this access level. */
export function mayRun(access: Access, registered: boolean, admin: boolean): boolean {
  switch (access) {
    case 'anyone':
      return true;
    case 'registered':
      return registered;
    case 'registeredOrAdmin':
      return registered || admin;
    case 'admin':
      return admin;
  }
}

/** One command: its names, who may run it, its help text and its behaviour. */
export interface Command {
  name: string;
  aliases?: readonly string[];
  access: Access;
  /** The usage line, e.g. `/viectot nội dung`. */
  usage(t: Messages): string;
  description(t: Messages): string;
  /** Whether a photo whose caption is this command keeps the photo as evidence. */
  acceptsPhoto?: boolean;
  run(ctx: CommandContext): Promise<Reply[]>;
}
