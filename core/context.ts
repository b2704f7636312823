import type { AgencyConfig } from '../bot/config.js';
import type { Plan } from '../bot/plan.js';
import type { Locale, Messages } from '../locales/index.js';
import type { Member, Platform } from '../storage/schema.js';
import type { Store } from '../storage/store.js';
import type { LinkCodes } from './link-codes.js';

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
  /**
   * Where the mention starts, in UTF-16 units: platforms give it in the message's text; commands see
   * it relative to their arguments (0 = the mention comes first, right after the command).
   */
  offset?: number;
}

export interface Photo {
  fileId: string;
}

/** A button on Telegram, a numbered line elsewhere: choosing it runs `command` as the caller. */
export interface Choice {
  label: string;
  command: string;
  /** The question stays as it is and the answer comes as a new message (default: it replaces the question). */
  keepsQuestion?: boolean;
}

/** A document sent with a reply (report files). */
export interface OutFile {
  filename: string;
  data: Buffer;
}

/** A platform-neutral answer. `html` uses only <b>, <i> and <code>; user text in it is escaped. */
export interface Reply {
  html: string;
  choices?: Choice[];
  /**
   * Where the reply goes: the chat the command came from (default), the agency group, or one person
   * in private (by identity); with `orGroup`, a platform that cannot reach them there posts it in
   * the agency group instead.
   */
  to?: 'chat' | 'group' | { identity: string; orGroup?: boolean };
  files?: OutFile[];
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
  /** One-time codes for linking accounts across platforms. */
  links: LinkCodes;
  /** The year's emulation plan, when one is configured. */
  plan?: Plan | undefined;
  now: Date;
  isAdmin: boolean;
  /** A member of the Emulation and Commendation Council (admins review too). */
  isCouncil: boolean;
  /** Whether the caller belongs to the agency's group chat (asks the platform when needed). */
  isGroupMember(): Promise<boolean>;
}

/**
 * Who may run a command: anyone; registered members; registered members and admins (an admin need
 * not be registered to act on others' entries); the Council (and admins); admins only.
 */
export type Access = 'anyone' | 'registered' | 'registeredOrAdmin' | 'council' | 'admin';

export interface Roles {
  registered: boolean;
  admin: boolean;
  council: boolean;
}

/** Whether a caller may run a command of this access level. */
export function mayRun(access: Access, roles: Roles): boolean {
  switch (access) {
    case 'anyone':
      return true;
    case 'registered':
      return roles.registered;
    case 'registeredOrAdmin':
      return roles.registered || roles.admin;
    case 'council':
      return roles.council || roles.admin;
    case 'admin':
      return roles.admin;
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
