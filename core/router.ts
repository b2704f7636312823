import { locales, type Messages } from '../locales/index.js';
import { type Command, type ContextServices, commandContext, type Reply } from './context.js';
import type { Delivery } from './delivery.js';
import { ReportBusyError, StoreWriteError } from './errors.js';
import type { PlatformName } from './identity.js';
import { LinkCodes } from './link-codes.js';
import type { Log } from './log.js';
import type { Incoming } from './message.js';
import type { PlatformHost } from './platform.js';
import { type ParsedCommand, recognize, withoutLeadingMentions } from './recognize.js';
import { type Checking, check } from './steps.js';
import { cleanText, fold } from './text.js';

/** What the router needs: the commands, the clock, and the services every command is given. */
export interface RouterDeps extends Omit<ContextServices, 'links'> {
  commands: readonly Command[];
  clock: () => Date;
  /** Shared by every platform of the process, so a code from one is accepted on the other. */
  links?: LinkCodes | undefined;
}

/** What the router made of one message: the command it ran (or what it read instead), and its replies. */
export interface Handled {
  command: string;
  replies: Reply[];
}

/** Takes a command's follow-up replies (slow work); they never reject, failures are answered in them. */
export type FollowUps = (replies: Promise<Reply[]>) => void;

/**
 * Turns one incoming command into replies: cleans what the user typed, finds the command, checks who
 * may run it, runs it. This is the one error boundary: a failure is logged with the message's key and
 * answered in the caller's language, never swallowed and never answered twice.
 */
export class Router {
  private readonly byName = new Map<string, Command>();
  private names: ReadonlySet<string> = new Set();
  private deps!: RouterDeps;
  private services!: ContextServices;
  /** While what the router needs is still loading (given as a promise): what each message waits for. */
  private loading: Promise<void> | undefined;

  /**
   * `deps` may come later (a promise): the bot's start gives the commands so, their modules loading
   * while the platforms begin to poll; a message that arrives meanwhile waits for them.
   */
  constructor(deps: RouterDeps | Promise<RouterDeps>) {
    if (!(deps instanceof Promise)) {
      this.bind(deps);
      return;
    }
    this.loading = deps.then((loaded) => {
      this.bind(loaded);
      this.loading = undefined;
    });
    // Seen by every message (and membership change) that waits for it; not unhandled meanwhile.
    this.loading.catch(() => {});
  }

  private bind(deps: RouterDeps): void {
    const { commands: _commands, clock: _clock, links, ...services } = deps;
    this.deps = deps;
    this.services = { ...services, links: links ?? new LinkCodes() };
    for (const command of deps.commands) {
      for (const name of [command.name, ...(command.aliases ?? [])]) this.byName.set(name, command);
    }
    this.names = new Set(this.byName.keys());
  }

  /** Resolves once the router has what it needs (at once when it was given it). */
  async ready(): Promise<void> {
    await this.loading;
  }

  /** The commands (none while they are still loading). */
  get commands(): readonly Command[] {
    return this.deps?.commands ?? [];
  }

  /**
   * Replies for `incoming`, or null when it is nothing for this bot: group talk that is not addressed
   * to the bot and not plainly a command. A command's follow-ups (replies
   * that come once slow work is done) go to `followUps` as they are made, with failures answered like
   * any other; without it they are awaited and come after the command's own replies.
   */
  async handle(raw: Incoming, followUps?: FollowUps): Promise<Handled | null> {
    if (this.loading) await this.loading;
    const incoming = clean(raw);
    const t: Messages = locales[incoming.locale];
    const reading = recognize(incoming.text, this.names);
    // In private every message is for the bot; in a group, only what is addressed to it or plainly a command.
    const forUs = incoming.chat.kind === 'private' || incoming.addressed === true;
    switch (reading.kind) {
      case 'text':
        return forUs
          ? { command: '(text)', replies: [{ html: t.chat.pointer(isGreeting(incoming.text)) }] }
          : null;
      case 'unknown':
        return forUs || reading.command.target
          ? { command: '(unknown)', replies: [{ html: t.errors.unknownCommand(clip(reading.command.name)) }] }
          : null;
      case 'nearMiss':
        // A suggestion, never a guess acted on: nothing is saved until the command is sent as it is.
        return forUs || reading.clear
          ? {
              command: '(near miss)',
              replies: [
                {
                  html: t.chat.didYouMean(
                    reading.names.map((n) => `/${n}`),
                    clip(reading.args),
                  ),
                },
              ],
            }
          : null;
      case 'command':
        break;
    }
    const parsed = reading.command;
    const command = this.byName.get(parsed.name) as Command;
    const log = incoming.log.child({ command: command.name });
    const later: Promise<Reply[]>[] = [];
    const followUp = (work: Promise<Reply[]>) => {
      const replies = work.catch((error: unknown) => this.failed(error, t, log));
      if (followUps) followUps(replies);
      else later.push(replies);
    };
    try {
      const replies = await this.run(command, incoming, parsed, t, log, followUp);
      return {
        command: command.name,
        replies: later.length ? [...replies, ...(await Promise.all(later)).flat()] : replies,
      };
    } catch (error) {
      return { command: command.name, replies: this.failed(error, t, log) };
    }
  }

  /** The one answer to a failure: logged with the message's key, answered in the caller's language. */
  private failed(error: unknown, t: Messages, log: Log): Reply[] {
    if (error instanceof ReportBusyError) {
      log.info({ reason: error.reason }, 'report not admitted');
      return [{ html: error.reason === 'same' ? t.errors.reportOnItsWay : t.errors.reportsBusy }];
    }
    if (error instanceof StoreWriteError) {
      log.error({ err: error }, 'store write failed');
      return [{ html: t.errors.storeWrite }];
    }
    log.error({ err: error }, 'command failed');
    return [{ html: t.errors.internal }];
  }

  private async run(
    command: Command,
    incoming: Incoming,
    parsed: ParsedCommand,
    t: Messages,
    log: Log,
    followUp: (work: Promise<Reply[]>) => void,
  ): Promise<Reply[]> {
    const { store, clock } = this.deps;
    const checking: Checking = {
      command,
      incoming,
      t,
      now: clock(),
      log,
      store,
      member: store.memberByIdentity(incoming.caller.identity),
    };
    const refusal = await check(checking);
    if (refusal) return refusal;
    const { member, now } = checking;
    return command.run(
      commandContext({ command, incoming, parsed, member, now, log, followUp }, this.services),
    );
  }

  /** A platform saw `identity` leave (or rejoin) its agency group: the member is marked so. */
  async membership(identity: string, inGroup: boolean, platform: PlatformName): Promise<void> {
    if (this.loading) await this.loading;
    const member = this.deps.store.memberByIdentity(identity);
    if (!member || inGroup === !member.leftAt) return;
    await this.deps.store.setMemberLeft(member.id, !inGroup, {
      by: member.id,
      platform,
      at: this.deps.clock(),
    });
  }
}

/** At most `max` characters of what a user typed, when an answer repeats it. */
function clip(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whether words open with a greeting (`xin chào`, `chào bot`, `hello`): the pointer greets back. */
function isGreeting(text: string): boolean {
  return /^(xin chao|chao|hello|hi|alo|kinh chao)\b/.test(fold(withoutLeadingMentions(text)));
}

/** Cleans what the user typed, once, where it enters (see cleanText). */
function clean(incoming: Incoming): Incoming {
  return {
    ...incoming,
    text: cleanText(incoming.text),
    caller: { ...incoming.caller, displayName: cleanText(incoming.caller.displayName) },
    mentions: incoming.mentions.map((m) => ({ ...m, label: cleanText(m.label) })),
  };
}

/** The core as platforms see it, and the follow-ups still being made (`idle`). */
export interface Host extends PlatformHost {
  /** Resolves once every follow-up made so far is delivered. */
  idle(): Promise<void>;
}

/**
 * The core as platforms see it: each incoming command is run and its replies delivered. Follow-ups
 * (report files) are delivered when ready, outside the platform's handling of the message — so a
 * chat whose messages are handled in order (Telegram, Zalo) is not held up by them.
 */
export function createHost(
  router: Router,
  delivery: Delivery,
  log: Log,
  /** Called once replies are delivered, whether or not they reached anyone (the bot gives back its report files' memory). */
  done: (replies: readonly Reply[]) => void = () => {},
): Host {
  const pending = new Set<Promise<void>>();
  const followUps =
    (incoming: Incoming): FollowUps =>
    (work) => {
      const delivered = work.then(async (replies) => {
        if (!replies.length) return;
        incoming.log.info({ replies: replies.length }, 'follow-up');
        await delivery.deliver(incoming, replies);
        done(replies);
      });
      pending.add(delivered);
      void delivered.finally(() => pending.delete(delivered));
    };
  return {
    async handle(incoming) {
      const handled = await router.handle(incoming, followUps(incoming));
      if (!handled?.replies.length) return;
      incoming.log.info({ command: handled.command, replies: handled.replies.length }, 'command');
      await delivery.deliver(incoming, handled.replies);
      done(handled.replies);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async membership(identity, inGroup, platform) {
      await router
        .membership(identity, inGroup, platform)
        .catch((err: unknown) =>
          log.error({ err, platform }, 'could not record a change of group membership'),
        );
    },
  };
}
