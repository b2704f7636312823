import { html } from '../../core/html.js';
import { type Log, silentLog } from '../../core/log.js';
import type { Incoming, OutMessage, Platform, PlatformHost } from '../../core/platform.js';
import type { Timers } from '../../core/timers.js';
import { type Locale, locales } from '../../locales/index.js';
import { ChoiceMemory } from '../kit/choices.js';
import { InFlight } from '../kit/inflight.js';
import { Lanes } from '../kit/lanes.js';
import { realTimers } from '../kit/timers.js';
import type { ZaloConfig } from './config.js';
import { ZaloGroup } from './group.js';
import { choiceKey, type Origin, ZaloSender } from './sender.js';
import { ZaloSession } from './session.js';
import { identityOf, mentionsOf, messageKeyOf, readMessage } from './translate.js';
import { THREAD_GROUP, type ZaloMessage, type ZaloThread, type ZaloTransport } from './transport.js';
import { createZcaTransport } from './zca.js';

export interface ZaloOptions {
  logger?: Log;
  locale?: Locale;
  /** The transport (zca-js by default: ./zca.ts; tests hand in a fake). */
  transport?: ZaloTransport;
  /** The bot account's own user id, if known before the login tells it. */
  selfId?: string;
  /** Injected so tests move time instead of waiting. */
  timers?: Timers;
}

/** The Zalo (zca-js) platform; `idle` resolves once every message received so far is answered. */
export interface ZaloPlatform extends Platform {
  idle(): Promise<void>;
  sendToGroup(message: OutMessage): Promise<void>;
}

/** What the bot read in a message: its text (or caption) and photo. */
type Read = NonNullable<ReturnType<typeof readMessage>>;

/**
 * The Zalo side of the bot, composed of its parts: the session (login, listening, getting back after
 * a close: ./session.ts), the sender (throttled queues, plain-text replies: ./sender.ts), the group
 * (admins and members: ./group.ts) and the translation of messages (./translate.ts). What is left
 * here is receiving: a command message becomes an `Incoming` for the core, handled one at a time per
 * thread. Nothing starts until `start()`.
 */
export function createZaloPlatform(config: ZaloConfig, deps: ZaloOptions): ZaloPlatform {
  const logger = deps.logger ?? silentLog;
  const transport = deps.transport ?? createZcaTransport({ credentialsFile: config.credentialsFile, logger });
  const timers = deps.timers ?? realTimers;
  const t = locales[deps.locale ?? 'vi'];
  const session = new ZaloSession({ transport, timers, logger, onMessage: receive });
  /** Zalo has no buttons: choices are numbered, and a bare number sent back picks one. */
  const choices = new ChoiceMemory({ timers });
  const sender = new ZaloSender(transport, session, {
    groupId: config.groupId,
    intervalMs: config.sendIntervalMs,
    timers,
    logger,
    choices,
    pickHint: (last) => t.zaloBot.pickByNumber(last),
  });
  const group = new ZaloGroup(config, transport, timers, logger);
  const selfId = () => deps.selfId ?? session.selfId;

  let host: PlatformHost | undefined;
  /** Messages are handled one thread at a time, in order; threads do not wait for each other. */
  const lanes = new Lanes();
  const inflight = new InFlight();

  async function handle(message: ZaloMessage, thread: ZaloThread, read: Read, key: string): Promise<void> {
    const uid = message.data.uidFrom;
    if (!host) return;
    const origin: Origin = { thread, message, uid, name: message.data.dName, answered: false };
    const log = logger.child({ message: key });
    const memo = choiceKey(thread, uid);
    const picked = choices.read(memo, read.text);
    // Whatever comes now answers this message: the choices shown before are closed.
    choices.begin(memo);
    // In the group a number that picks nothing is talk, for the core to read as any words.
    const expired = picked === 'expired' && thread.kind === 'private';
    const text = picked && picked !== 'expired' ? picked.command : read.text;
    const incoming: Incoming = {
      platform: 'zalo',
      caller: { identity: identityOf(uid), displayName: message.data.dName },
      chat: { id: thread.id, kind: thread.kind },
      text,
      // In the group, words that tag the bot's account are for it.
      addressed: (message.data.mentions ?? []).some((m) => m.uid === selfId()),
      mentions: mentionsOf(message, text, selfId()),
      photos: read.photos,
      messageKey: key,
      locale: deps.locale ?? 'vi',
      isAdmin: await group.isAdmin(uid),
      isCouncil: config.councilIds.has(uid),
      isGroupMember: async () => thread.kind === 'group' || group.isMember(uid),
      origin,
      log,
    };
    try {
      if (expired) return await sender.reply(origin, { html: t.zaloBot.numberExpired });
      // Say which command the number runs, so the choice is never a guess.
      if (text !== read.text) await sender.reply(origin, { html: html`${t.chosen(text)}` });
      await host.handle(incoming);
    } catch (error) {
      // The core answers users; what reaches here is a transport failure.
      log.error({ err: error, chat: thread.kind }, 'Zalo message failed');
    }
  }

  /** The session calls this synchronously, while running; it only picks what to handle and queues it, never throws. */
  function receive(message: ZaloMessage): void {
    try {
      if (message.isSelf || message.data.uidFrom === selfId()) return;
      const isGroup = message.type === THREAD_GROUP;
      if (isGroup && message.threadId !== config.groupId) {
        logger.debug({ thread: message.threadId }, 'ignored a Zalo group that is not configured');
        return;
      }
      const read = readMessage(message);
      if (!read?.text.trim()) return;
      const key = messageKeyOf(message);
      const thread: ZaloThread = { id: message.threadId, kind: isGroup ? 'group' : 'private' };
      // One message at a time per thread, as they came; threads go on at once.
      const lane = `${thread.kind}:${thread.id}`;
      void inflight.track(lanes.run(lane, () => handle(message, thread, read, key))).catch(() => {});
    } catch (error) {
      logger.error({ err: error }, 'could not read a Zalo message');
    }
  }

  /** Every message received so far answered, and every send it queued gone out. */
  const idle = () => inflight.idle(() => sender.drain());

  return {
    name: 'zalo',
    async start(h) {
      host = h;
      await session.start();
      if (session.state !== 'running') return; // stopped while logging in
      logger.info({ group: config.groupId, self: selfId() }, 'Zalo listening');
      group.warm();
    },
    stop: () => session.stop(idle),
    idle,
    reply: (origin, message) => sender.reply(origin as Origin, message),
    sendToPerson: (identity, message) => sender.toPerson(identity, message),
    sendToGroup: (message) => sender.toGroup(message),
    admins: () => group.adminIds(selfId()).map(identityOf),
  };
}
