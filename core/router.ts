import type { AgencyConfig } from '../bot/config.js';
import type { Plan } from '../bot/plan.js';
import { locales, type Messages } from '../locales/index.js';
import type { Platform } from '../storage/schema.js';
import type { Store, StoreLogger } from '../storage/store.js';
import {
  type Caller,
  type ChatRef,
  type Command,
  type CommandContext,
  type Mention,
  mayRun,
  type Photo,
  type Reply,
} from './context.js';
import { StoreWriteError } from './errors.js';
import { LinkCodes } from './link-codes.js';

/** A message as a platform adapter hands it over: text (or a photo's caption) and who sent it where. */
export interface Incoming {
  platform: Platform;
  caller: Caller;
  chat: ChatRef;
  text: string;
  mentions: Mention[];
  photo?: Photo | undefined;
  messageKey: string;
  locale: CommandContext['locale'];
  isAdmin: boolean;
  isCouncil: boolean;
  isGroupMember(): Promise<boolean>;
}

export interface RouterDeps {
  store: Store;
  agency: AgencyConfig;
  commands: readonly Command[];
  clock: () => Date;
  logger: StoreLogger;
  plan?: Plan | undefined;
  /** Shared by every platform of the process, so a code from one is accepted on the other. */
  links?: LinkCodes;
}

export interface ParsedCommand {
  name: string;
  /** The bot a group command was addressed to (`/cmd@bot`), if any. */
  target: string | undefined;
  args: string;
  /** Where `args` starts in the text, in UTF-16 units (mention offsets are moved by it). */
  argsOffset: number;
}

/** Reads `/name`, `/name@bot` and what follows. Names are case-insensitive. */
export function parseCommand(text: string): ParsedCommand | null {
  const lead = text.length - text.trimStart().length;
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=$|\s)([\s\S]*)$/.exec(text.slice(lead));
  if (!match) return null;
  const rest = match[3] ?? '';
  const args = rest.trim();
  const argsOffset = lead + (text.length - lead - rest.length) + (rest.length - rest.trimStart().length);
  return { name: (match[1] as string).toLowerCase(), target: match[2], args, argsOffset };
}

/**
 * Turns one incoming message into replies: finds the command, checks who may run it, runs it. This is
 * the error boundary every platform shares: a failure is logged with the message's key and answered
 * in the caller's language, never swallowed.
 */
export class Router {
  private readonly byName = new Map<string, Command>();
  private readonly links: LinkCodes;

  constructor(private readonly deps: RouterDeps) {
    this.links = deps.links ?? new LinkCodes();
    for (const command of deps.commands) {
      for (const name of [command.name, ...(command.aliases ?? [])]) this.byName.set(name, command);
    }
  }

  get commands(): readonly Command[] {
    return this.deps.commands;
  }

  /**
   * Replies for `message`, or null when it is not a command for this bot (plain chat, or a command
   * addressed to another bot, or an unknown command in a group where other bots may live).
   */
  async handle(message: Incoming, botUsername?: string): Promise<Reply[] | null> {
    const parsed = parseCommand(message.text);
    if (!parsed) return null;
    if (parsed.target && botUsername && parsed.target.toLowerCase() !== botUsername.toLowerCase())
      return null;
    const t: Messages = locales[message.locale];
    const command = this.byName.get(parsed.name);
    if (!command) {
      return message.chat.kind === 'private' || parsed.target
        ? [{ html: t.errors.unknownCommand(parsed.name) }]
        : null;
    }
    const { store, agency, clock, logger } = this.deps;
    let member = store.memberByIdentity(message.caller.identity);
    const roles = { registered: member !== undefined, admin: message.isAdmin, council: message.isCouncil };
    if (!mayRun(command.access, roles)) {
      const refusal = { admin: t.errors.adminOnly, council: t.review.councilOnly }[command.access as string];
      return [{ html: refusal ?? t.errors.notRegistered }];
    }

    if (member && message.chat.kind === 'private' && !member.privateChat) {
      // The bot may now write to this member in private (reminders, review notices).
      await store
        .setMemberFlags(member.id, { privateChat: true })
        .catch((err: unknown) =>
          logger.error({ err, member: member?.id }, 'could not record the private chat'),
        );
      member = store.memberByIdentity(message.caller.identity);
    }
    const username = message.caller.username?.toLowerCase();
    if (member && message.platform === 'telegram' && username !== member.username) {
      // Telegram usernames change hands: keep the one this person has now, so mentions credit them.
      await store
        .setMemberFlags(member.id, { username })
        .catch((err: unknown) => logger.error({ err, member: member?.id }, 'could not update the username'));
      member = store.memberByIdentity(message.caller.identity);
    }
    const ctx: CommandContext = {
      platform: message.platform,
      caller: message.caller,
      chat: message.chat,
      member,
      args: parsed.args,
      mentions: message.mentions.map((m) =>
        m.offset === undefined ? m : { ...m, offset: m.offset - parsed.argsOffset },
      ),
      photo: command.acceptsPhoto ? message.photo : undefined,
      messageKey: message.messageKey,
      locale: message.locale,
      t,
      store,
      agency,
      plan: this.deps.plan,
      links: this.links,
      now: clock(),
      isAdmin: message.isAdmin,
      isCouncil: message.isCouncil,
      isGroupMember: message.isGroupMember,
    };
    try {
      return await command.run(ctx);
    } catch (error) {
      if (error instanceof StoreWriteError) {
        logger.error(
          { err: error, command: command.name, message: message.messageKey },
          'store write failed',
        );
        return [{ html: t.errors.storeWrite }];
      }
      logger.error({ err: error, command: command.name, message: message.messageKey }, 'command failed');
      return [{ html: t.errors.internal }];
    }
  }
}
