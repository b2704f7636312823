import type { Locale } from '../locales/index.js';
import type { Html } from './html.js';
import type { PlatformName } from './identity.js';
import type { Log } from './log.js';

/*
 * The message primitives: what a message is on its way in (`Incoming`: who, where, what, its key) and
 * on its way out (`Reply` from a command, `OutMessage` to a platform). Both the command context
 * (core/context.ts) and the platform contract (core/platform.ts) stand on this module, and neither
 * imports the other.
 */

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

/** A colleague named in a message: by platform identity (a text mention, a Zalo tag) or by @username. */
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

/** A photo received with a command (one of an album, maybe), kept as evidence by the platform's own reference to it. */
export interface Photo {
  fileId: string;
}

/**
 * A file sent with a command (the Office's spreadsheet, with the command as its caption). The
 * platform fetches its bytes only when a command reads it, and never more than `maxBytes`: a larger
 * file rejects with DocumentFetchError (`tooBig`), as does a fetch that fails (`failed`).
 */
export interface InDocument {
  /** The file's name as sent (`ho-so-2026.xlsx`). */
  filename: string;
  /** Its size in bytes, when the platform says it before the download. */
  size?: number | undefined;
  mimeType?: string | undefined;
  read(maxBytes: number): Promise<Buffer>;
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

/**
 * A picture sent with a reply (the leaderboard chart): PNG bytes, and `alt`, what it shows in words
 * for anyone who cannot see it (the reply's text says it all too).
 */
export interface OutImage {
  filename: string;
  data: Buffer;
  alt?: string;
}

/**
 * What a message is, for platforms that file messages by kind (Telegram forum topics): the plan's
 * posts (leaderboards, digests), its reminders, confirmations of what members logged. Unset: an
 * answer like any other.
 */
export type MessageKind = 'post' | 'reminder' | 'confirmation';

/** Where a reply goes. */
export type ReplyTarget =
  /** The chat the command came from (the default). */
  | 'chat'
  /** The agency group of the platform the command came from. */
  | 'group'
  /** Every admin of the bot, in private, on the platforms they are admins of (e.g. a registration request). */
  | 'admins'
  /**
   * One person in private: a member (reached on any platform they have linked) or a platform identity
   * (someone not registered). With `orGroup`, a person no platform can reach in private is told in the
   * agency group instead.
   */
  | { member: string; orGroup?: boolean }
  | { identity: string; orGroup?: boolean };

/** A platform-neutral answer. Its markup is `Html`, so user text in it is always escaped. */
export interface Reply {
  html: Html;
  choices?: Choice[];
  to?: ReplyTarget;
  files?: OutFile[];
  /** Pictures shown with the text (the text stays whole: Zalo and screen readers read it). */
  images?: OutImage[];
  kind?: MessageKind;
  /**
   * One line saying the same, for a group that asks for quiet (Telegram's compact confirmations):
   * there the group gets this line and the caller the whole reply in private (core/delivery.ts).
   */
  compact?: Html;
  /**
   * What the asker is told once this reply (for others: the admins, a person) was or was not delivered:
   * an answer that says a notice went out only when it did (core/delivery.ts).
   */
  tellAsker?: {
    delivered: Html;
    undelivered: Html;
    /** For a notice to the admins: told how many admins it reached (0: none), so the command can say so later. */
    reached?: (admins: number) => void;
  };
}

/**
 * A message as a platform hands it to the core: who sent what, where, and how to answer. Platforms
 * hand over every text they receive from a configured chat; the core reads whether it is a command
 * (core/recognize.ts), almost one, or words, and whether to answer.
 */
export interface Incoming {
  platform: PlatformName;
  caller: Caller;
  chat: ChatRef;
  /** The text as typed (a photo's caption), or a button's command. */
  text: string;
  /**
   * Addressed to the bot although in a group: a reply to one of its messages, or a mention of it. Such
   * words get an answer (a pointer to help, a suggestion) where other group talk is left alone.
   */
  addressed?: boolean;
  mentions: Mention[];
  /** The photos of the message: one, or every photo of an album sent with the command in a caption. */
  photos?: readonly Photo[] | undefined;
  /** A document sent with the command as its caption (Telegram; the console: a file path), fetched only when read. */
  document?: InDocument | undefined;
  /** Identifies the platform message, so a message delivered twice is handled once. */
  messageKey: string;
  locale: Locale;
  isAdmin: boolean;
  isCouncil: boolean;
  /** Whether the caller is in the agency's group chat (the platform asks, and may cache, when needed). */
  isGroupMember(): Promise<boolean>;
  /**
   * How this platform knows who belongs to the agency: its group chat (the default), or — on a platform
   * without one, such as the Zalo Bot Platform (one-to-one chats only) — an admin's approval: there,
   * someone belongs once registered (by an admin, or by linking an account already registered).
   */
  membership?: Membership;
  /** The platform's own handle for answering this message (chat, message id, thread…): opaque to the core. */
  origin: unknown;
  /** The logger of this message, with its key. */
  log: Log;
}

export type Membership = 'group' | 'approval';

/**
 * The key of one platform message, `platform:chat:message` (`telegram:-100123:42`): the same message
 * delivered again has the same key, so it is handled once (core/steps.ts). Built here only; adapters
 * give the parts.
 */
export function messageKey(platform: PlatformName, chat: string | number, message: string | number): string {
  return `${platform}:${chat}:${message}`;
}

/** What a platform is asked to render and send: markup, choices, files, pictures. */
export interface OutMessage {
  html: Html;
  choices?: readonly Choice[] | undefined;
  files?: readonly OutFile[] | undefined;
  /** Shown with the text where the platform can (Telegram: the photo, the text as its caption). */
  images?: readonly OutImage[] | undefined;
  /** What the message is: a platform may file it accordingly (Telegram: a forum topic per kind). */
  kind?: MessageKind | undefined;
  /** Mark the command answered on its own message too, where the platform can (Telegram: a reaction). */
  acknowledge?: boolean | undefined;
}
