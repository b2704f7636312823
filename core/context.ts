import { type Locale, locales, type Messages } from '../locales/index.js';
import type { AgencyConfig } from './agency.js';
import type { CouncilConfig } from './council.js';
import type { Member } from './domain.js';
import type { PlatformName } from './identity.js';
import type { LinkCodes } from './link-codes.js';
import type { Log } from './log.js';
import type { Caller, ChatRef, Incoming, InDocument, Membership, Mention, Photo, Reply } from './message.js';
import type { Plan } from './plan.js';
import type { Reports } from './reports.js';
import type { Actor, Repository } from './repository.js';
import type { TitlesConfig } from './titles.js';

// The message primitives are defined once, in core/message.ts; commands import them from here too.
export type {
  Caller,
  ChatRef,
  Choice,
  InDocument,
  Mention,
  MessageKind,
  OutFile,
  OutImage,
  Photo,
  Reply,
  ReplyTarget,
} from './message.js';

/**
 * The desk (web/): a link that opens it for one person, outside Telegram (on Telegram the Mini App
 * button opens it). Single-use and short-lived; whoever holds it is signed in as `identity`.
 */
export interface DeskLinks {
  link(identity: string): { url: string; minutes: number };
}

/** What every command of the process is given, the same for every message (the router holds them). */
export interface ContextServices {
  store: Repository;
  agency: AgencyConfig;
  /** One-time codes for linking accounts across platforms. */
  links: LinkCodes;
  /** The year's emulation plan, when one is configured. */
  plan?: Plan | undefined;
  /** The year's emulation titles and their criteria, when configured. */
  titles?: TitlesConfig | undefined;
  /** The Council's roster and the awards it votes on (issue 20), when configured. */
  council?: CouncilConfig | undefined;
  /**
   * What commands ask of reports/ (files, the leaderboard picture, the Council's facts, the records
   * workbook read back): commands never import reports/ themselves.
   */
  reports: Reports;
  /** The desk's one-time links, when the desk is served (absent: no desk configured). */
  desk?: DeskLinks | undefined;
}

/** Everything a command may use: the services, and what it is told of one incoming command. */
export interface CommandContext extends ContextServices {
  platform: PlatformName;
  caller: Caller;
  chat: ChatRef;
  /** The registered member behind the caller, if any. */
  member: Member | undefined;
  /** The command's text after its name. */
  args: string;
  mentions: Mention[];
  /** The photos sent with the command (several for an album), for commands that keep them as evidence. */
  photos?: readonly Photo[] | undefined;
  /** The document sent with the command (its caption), for commands that read one (`acceptsDocument`). */
  document?: InDocument | undefined;
  /** Identifies the platform message, so a message delivered twice is handled once. */
  messageKey: string;
  locale: Locale;
  t: Messages;
  now: Date;
  isAdmin: boolean;
  /** A member of the Emulation and Commendation Council (admins review too). */
  isCouncil: boolean;
  /**
   * Whether the caller belongs to the agency: in its group chat (asks the platform when needed), or on a
   * platform without a group, registered and not left.
   */
  isGroupMember(): Promise<boolean>;
  /** How the caller's platform knows who belongs: its group, or an admin's approval (see Incoming). */
  membership: Membership;
  /** Who acts in this message's writes: the member (or the caller's identity), here, now, this message. */
  actor: Actor;
  /** The logger of this one message (every line carries its key). */
  log: Log;
  /**
   * Replies that come once slow work is done (report files). The command's own replies go out at
   * once, and the chat is not held up meanwhile: the next commands in it are answered as usual.
   */
  followUp(work: Promise<Reply[]>): void;
}

/** The context of a command only registered members may run: the member is there by type. */
export interface MemberContext extends CommandContext {
  member: Member;
}

/**
 * Who may run a command: anyone; anyone in the agency (in the group chat, or in private someone the
 * platform finds in the agency group); registered members; registered members and admins (an admin
 * need not be registered to act on others' entries); the Council (and admins); admins only.
 */
export type Access = 'anyone' | 'agency' | 'registered' | 'registeredOrAdmin' | 'council' | 'admin';

export interface Roles {
  registered: boolean;
  admin: boolean;
  council: boolean;
}

/** Whether a caller may run a command of this access level (`agency` is checked by the router). */
export function mayRun(access: Access, roles: Roles): boolean {
  switch (access) {
    case 'anyone':
    case 'agency':
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

/** The groups of commands help lists on one line each (`/trogiup hoso`, `/trogiup binhxet`). */
export const HELP_GROUPS = ['hoso', 'binhxet'] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

/** One command: its names, who may run it, its help text and its behaviour. */
export interface Command<A extends Access = Access> {
  name: string;
  aliases?: readonly string[];
  access: A;
  /** The usage line, e.g. `/viectot nội dung`. */
  usage(t: Messages): string;
  description(t: Messages): string;
  /** Whether photos whose caption is this command (a photo, or an album) are kept as evidence. */
  acceptsPhoto?: boolean;
  /** Left out of help and the command menu: an answer to the bot's own question (the "Hủy" button). */
  hidden?: boolean;
  /** Whether a document whose caption is this command is handed to it (ctx.document). */
  acceptsDocument?: boolean;
  /**
   * A group of commands help names on one line (the year-end records, the year-end review), each in
   * full with `/trogiup <group>`: an admin's help stays within one message.
   */
  group?: HelpGroup;
  /**
   * Whether the command changes the store. A message that changed it once is answered as handled
   * when it arrives again (one idempotency rule for every platform), never run twice.
   */
  writes?: boolean;
  run(ctx: A extends 'registered' ? MemberContext : CommandContext): Promise<Reply[]>;
}

/** Declares a command with the context its access level guarantees, for the one registry of commands. */
export function defineCommand<A extends Access>(command: Command<A>): Command {
  return command as unknown as Command;
}

/** One message's part of a command context: the command read in it, and what the router's checks left. */
export interface ContextSource {
  command: Command;
  /** The message, its text already cleaned (core/router.ts). */
  incoming: Incoming;
  /** The command's arguments, and where they start in the message's text (to make mentions relative). */
  parsed: { args: string; argsOffset: number };
  /** The registered member behind the caller, as the checks left them (core/steps.ts). */
  member: Member | undefined;
  now: Date;
  /** The logger of this message, with the command's name. */
  log: Log;
  followUp(work: Promise<Reply[]>): void;
}

/**
 * The one builder of a command's context, for the router and for command-level tests alike
 * (test/helpers/context.ts): what a command sees of a message — photos and documents only when it
 * takes them, mentions relative to its arguments, belonging decided by the core on a platform
 * without a group — with the process's services.
 */
export function commandContext(source: ContextSource, services: ContextServices): CommandContext {
  const { command, incoming, parsed, member, now, log, followUp } = source;
  return {
    ...services,
    platform: incoming.platform,
    caller: incoming.caller,
    chat: incoming.chat,
    member,
    args: parsed.args,
    mentions: incoming.mentions.map((m) =>
      m.offset === undefined ? m : { ...m, offset: m.offset - parsed.argsOffset },
    ),
    photos: command.acceptsPhoto ? incoming.photos : undefined,
    document: command.acceptsDocument ? incoming.document : undefined,
    messageKey: incoming.messageKey,
    locale: incoming.locale,
    t: locales[incoming.locale],
    now,
    isAdmin: incoming.isAdmin,
    isCouncil: incoming.isCouncil,
    isGroupMember:
      incoming.membership === 'approval'
        ? async () => member !== undefined && !member.leftAt
        : incoming.isGroupMember,
    membership: incoming.membership ?? 'group',
    actor: {
      by: member?.id ?? incoming.caller.identity,
      platform: incoming.platform,
      at: now,
      source: incoming.messageKey,
    },
    log,
    followUp,
  };
}
