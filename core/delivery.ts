import { locales } from '../locales/index.js';
import type { Reply } from './context.js';
import { joinHtml } from './html.js';
import { type PlatformName, parseIdentity } from './identity.js';
import type { Log } from './log.js';
import type { Incoming, OutMessage, Platform } from './platform.js';
import type { Repository } from './repository.js';

/** Where one reply went, for the log and for tests. */
export type Delivered = 'chat' | 'group' | 'person' | 'undelivered';

/**
 * Where every reply goes, for every platform — the one place that answers "where does a reply go,
 * and why":
 *
 * - to the chat (default): back into the chat the command came from, on its platform — files, where
 *   that platform cannot send them, to the same person on one that can (or the text says how to get them);
 * - to the group: the agency group of the command's platform;
 * - to the admins: each admin in private, on the platform they are an admin of;
 * - to a person: in private on the command's platform if the person has an identity there, else on
 *   any other platform they have linked; if none can reach them, with `orGroup` to the agency group
 *   (of a platform they use, else the command's); if it was only for the person who asked, they are
 *   told in the chat that it could not be delivered, and if it was a notice for someone else, the
 *   asker is told that person could not be reached (no answer claims a notice it cannot know went).
 *
 * A group that asks for quiet (`Platform.quietGroup`) gets a reply's one-line `compact` form instead,
 * and the caller the whole reply in private when they have opened a private chat with the bot.
 *
 * Scheduled posts and notices use the same path (`toGroup`, `toAdmins`, `toPerson`). A reply that fails to send
 * is logged with what the message changed (e.g. the entry's code): the change is saved either way,
 * and the user is never told "error" for it.
 */
export class Delivery {
  constructor(
    private readonly platforms: readonly Platform[],
    private readonly store: Repository,
  ) {}

  platform(name: PlatformName): Platform | undefined {
    return this.platforms.find((p) => p.name === name);
  }

  /** Delivers the replies to one message, in order. Never throws: failures are logged. */
  async deliver(incoming: Incoming, replies: readonly Reply[]): Promise<Delivered[]> {
    const origin = this.platform(incoming.platform);
    const results: Delivered[] = [];
    for (const reply of replies) {
      const message = outMessage(reply);
      let result: Delivered = 'undelivered';
      try {
        result = await this.deliverOne(incoming, origin, reply, message);
      } catch (err) {
        const handled = this.store.handled(incoming.messageKey);
        incoming.log.error(
          { err, to: describe(reply), saved: handled?.entry ?? handled?.model ?? handled?.type },
          'could not deliver a reply (what the command changed is saved)',
        );
      }
      results.push(result);
      // The asker learns whether it went: never told a notice was sent that reached no one.
      if (reply.tellAsker && origin) {
        const answer = result === 'undelivered' ? reply.tellAsker.undelivered : reply.tellAsker.delivered;
        await origin
          .reply(incoming.origin, { html: answer })
          .catch((err: unknown) => incoming.log.error({ err }, 'could not tell the asker about a notice'));
      }
    }
    return results;
  }

  private async deliverOne(
    incoming: Incoming,
    origin: Platform | undefined,
    reply: Reply,
    message: OutMessage,
  ): Promise<Delivered> {
    const to = reply.to ?? 'chat';
    if (to === 'chat' && reply.compact && incoming.chat.kind === 'group' && origin?.quietGroup) {
      // A quiet group: one line there, marked on the command; the whole reply in private for a
      // member who has opened a private chat with the bot (it cannot write to anyone else first).
      await origin.reply(incoming.origin, { html: reply.compact, kind: reply.kind, acknowledge: true });
      if (this.store.memberByIdentity(incoming.caller.identity)?.privateChat) {
        const sent = await this.toPerson(
          [incoming.caller.identity],
          message,
          incoming.platform,
          incoming.log,
        );
        if (!sent) incoming.log.info({}, 'the whole confirmation could not be sent in private');
      }
      return 'chat';
    }
    if (to === 'chat') {
      if (origin && message.files?.length && origin.sendsFiles === false) {
        return this.filesElsewhere(incoming, origin, message);
      }
      await origin?.reply(incoming.origin, message);
      return 'chat';
    }
    if (to === 'admins') {
      const reached = await this.toAdmins(message, incoming.log);
      reply.tellAsker?.reached?.(reached);
      return reached ? 'person' : 'undelivered';
    }
    if (to === 'group') {
      if (origin?.sendToGroup) await origin.sendToGroup(message);
      else await origin?.reply(incoming.origin, message);
      return 'group';
    }
    const identities = 'member' in to ? (this.store.member(to.member)?.identities ?? []) : [to.identity];
    if (await this.toPerson(identities, message, incoming.platform, incoming.log)) return 'person';
    if (to.orGroup) {
      await this.groupFor(identities, incoming.platform)?.sendToGroup?.(message);
      return 'group';
    }
    const t = locales[incoming.locale];
    if (identities.includes(incoming.caller.identity)) {
      // Meant for the person who asked, and only for them: tell them where it could not go.
      await origin?.reply(incoming.origin, { html: t.errors.privateRefused });
    } else {
      // A notice for someone else that no platform delivered: the asker is told, never left to believe it went.
      const who = 'member' in to ? (this.store.member(to.member)?.fullName ?? to.member) : to.identity;
      await origin?.reply(incoming.origin, { html: t.errors.noticeUndelivered(who) });
    }
    return 'undelivered';
  }

  /**
   * A reply with files in a chat whose platform cannot send files (the Zalo Bot Platform): the text
   * goes to the chat, the files to the same person on a platform that can send them, and the text says
   * where they went — or, when no such platform reaches them, how to get them. Never silently dropped.
   */
  private async filesElsewhere(
    incoming: Incoming,
    origin: Platform,
    message: OutMessage,
  ): Promise<Delivered> {
    const t = locales[incoming.locale];
    const member = this.store.memberByIdentity(incoming.caller.identity);
    const elsewhere = (member?.identities ?? []).filter((id) => {
      const platform = this.platform(parseIdentity(id)?.platform ?? 'console');
      return platform && platform !== origin && platform.sendsFiles !== false;
    });
    const sentOn = await this.reach(
      elsewhere,
      { html: t.files.here, files: message.files },
      undefined,
      incoming.log,
    );
    const sent = sentOn !== undefined;
    const where = sentOn
      ? t.files.sentElsewhere(t.platformName[sentOn])
      : t.files.cannotSend(t.platformName[origin.name]);
    if (!sent)
      incoming.log.warn({ files: message.files?.map((f) => f.filename) }, 'report files not delivered');
    await origin.reply(incoming.origin, { ...message, html: joinHtml([message.html, '', where]), files: [] });
    return 'chat';
  }

  /**
   * Sends to one person in private, trying the identities on `prefer` first, then the others; false
   * when no platform could reach them. Files go only through platforms that can send them.
   */
  async toPerson(
    identities: readonly string[],
    message: OutMessage,
    prefer: PlatformName | undefined,
    log: Log,
  ): Promise<boolean> {
    return (await this.reach(identities, message, prefer, log)) !== undefined;
  }

  /** As toPerson, answering the platform that reached the person. */
  private async reach(
    identities: readonly string[],
    message: OutMessage,
    prefer: PlatformName | undefined,
    log: Log,
  ): Promise<PlatformName | undefined> {
    const ordered = [...identities].sort(
      (a, b) => Number(parseIdentity(b)?.platform === prefer) - Number(parseIdentity(a)?.platform === prefer),
    );
    for (const identity of ordered) {
      const platform = this.platform(parseIdentity(identity)?.platform ?? 'console');
      if (!platform) continue;
      if (message.files?.length && platform.sendsFiles === false) continue;
      try {
        if (await platform.sendToPerson(identity, message)) return platform.name;
      } catch (err) {
        log.warn({ err, platform: platform.name }, 'could not send a private message');
      }
    }
    return undefined;
  }

  /** Whether the platform has an agency group the bot posts to. */
  hasGroup(name: PlatformName): boolean {
    return Boolean(this.platform(name)?.sendToGroup);
  }

  /**
   * A post the bot makes by itself to one platform's agency group (the scheduled posts, bot/jobs.ts: one
   * job per platform). Not an answer to anyone: a failure is thrown, so the scheduler tries the slot
   * again and records it only once it went out.
   */
  async toGroup(name: PlatformName, message: OutMessage): Promise<void> {
    const platform = this.platform(name);
    if (!platform?.sendToGroup) throw new Error(`no agency group on ${name}`);
    await platform.sendToGroup(message);
  }

  /**
   * Each admin in private — the admins of platform `of`, else of every platform — each on the platform
   * they are an admin of first. Answers how many were reached (0: none); an admin not reached is logged.
   */
  async toAdmins(message: OutMessage, log: Log, of?: PlatformName): Promise<number> {
    const admins = of ? (this.platform(of)?.admins() ?? []) : this.platforms.flatMap((p) => p.admins());
    let reached = 0;
    for (const admin of new Set(admins)) {
      if (await this.toPerson([admin], message, of, log)) reached += 1;
      else log.warn({ admin }, 'could not reach an admin in private');
    }
    if (!reached) log.warn({}, 'no admin could be reached in private');
    return reached;
  }

  /** The group where someone without a private channel is told: one of a platform they use, else the command's. */
  private groupFor(identities: readonly string[], fallback: PlatformName): Platform | undefined {
    for (const identity of identities) {
      const platform = this.platform(parseIdentity(identity)?.platform ?? 'console');
      if (platform?.sendToGroup) return platform;
    }
    return this.platform(fallback);
  }
}

function outMessage(reply: Reply): OutMessage {
  return {
    html: reply.html,
    choices: reply.choices,
    files: reply.files,
    images: reply.images,
    kind: reply.kind,
  };
}

function describe(reply: Reply): string {
  const to = reply.to ?? 'chat';
  if (typeof to === 'string') return to;
  return 'member' in to ? `member ${to.member}` : 'a person';
}
