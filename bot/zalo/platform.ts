import type { OutFile } from '../../core/context.js';
import { type Log, silentLog } from '../../core/log.js';
import {
  type Incoming,
  type OutMessage,
  type Platform,
  type PlatformHost,
  parseCommand,
} from '../../core/platform.js';
import { splitMessage } from '../../core/text.js';
import type { Locale } from '../../locales/index.js';
import type { ZaloConfig } from '../config.js';
import { realTimers, ThreadQueue, type Timers } from './queue.js';
import { identityOf, mentionsOf, messageKeyOf, plainReply, readMessage, tagged, uidOf } from './translate.js';
import {
  CloseCode,
  THREAD_GROUP,
  type ZaloEvents,
  type ZaloGroupInfo,
  type ZaloMessage,
  type ZaloText,
  type ZaloThread,
  type ZaloTransport,
  ZaloUnavailableError,
} from './transport.js';
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

/** Zalo's limit on a text is undocumented; stay well below the lengths that users report working. */
const TEXT_LIMIT = 2000;
/** The group's admins and members are asked again after this long. */
const GROUP_INFO_TTL_MS = 5 * 60_000;
/** Someone not (yet) in the cached member list is looked up afresh, at most this often. */
const MEMBER_RECHECK_MS = 30_000;
/** Waits before each new login after the listener closed: doubling from the first to the last. */
const RECONNECT_FIRST_MS = 2_000;
const RECONNECT_MAX_MS = 10 * 60_000;
/** A connection that lasted this long was healthy: the next close starts the backoff afresh. */
const STABLE_MS = 60_000;

type State = 'idle' | 'running' | 'reconnecting' | 'taken-over' | 'stopping' | 'stopped';

/** What the bot read in a message: its text (or caption) and photo. */
type Read = NonNullable<ReturnType<typeof readMessage>>;

/** Where a command came from, to answer it there: quoting it and, in the group, tagging its sender. */
interface Origin {
  thread: ZaloThread;
  message: ZaloMessage;
  uid: string;
  name: string;
  /** Only the first answer quotes the command and tags its sender. */
  answered: boolean;
}

/**
 * The Zalo side of the bot: turns messages into neutral ones for the router and its replies into
 * plain-text Zalo messages, sent through a throttled queue per thread. It watches the listener and
 * logs in again when Zalo drops the connection. Nothing starts until `start()`.
 */
export function createZaloPlatform(config: ZaloConfig, deps: ZaloOptions): ZaloPlatform {
  const logger = deps.logger ?? silentLog;
  const transport = deps.transport ?? createZcaTransport({ credentialsFile: config.credentialsFile, logger });
  const timers = deps.timers ?? realTimers;
  const queue = new ThreadQueue(config.sendIntervalMs, timers);
  const group: ZaloThread = { id: config.groupId, kind: 'group' };
  const abort = new AbortController();

  let state: State = 'idle';
  let selfId = deps.selfId;
  let connectedAt = 0;
  let failures = 0;
  let host: PlatformHost | undefined;
  /** Messages are handled one thread at a time, in order; threads do not wait for each other. */
  const chains = new Map<string, Promise<void>>();
  const inflight = new Set<Promise<unknown>>();
  /** Counts logins, so events of a replaced listener are told apart. */
  let logins = 0;
  let starting: Promise<void> | null = null;
  let reconnecting: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;

  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => {});
    inflight.add(settled);
    void settled.then(() => inflight.delete(settled));
  };
  const canSend = () => state === 'running' || state === 'reconnecting' || state === 'stopping';

  // ── Group info (admins, members), cached a few minutes ────────────────────────────────────────
  let info: { at: number; value: ZaloGroupInfo } | null = null;
  let fetching: Promise<ZaloGroupInfo> | null = null;
  async function groupInfo(maxAgeMs = GROUP_INFO_TTL_MS): Promise<ZaloGroupInfo> {
    if (info && timers.now() - info.at < maxAgeMs) return info.value;
    fetching ??= transport
      .groupInfo(config.groupId)
      .then((value) => {
        info = { at: timers.now(), value };
        return value;
      })
      .finally(() => {
        fetching = null;
      });
    try {
      return await fetching;
    } catch (error) {
      if (!info) throw error;
      logger.warn({ err: error }, 'could not refresh the Zalo group info; using the last one');
      return info.value;
    }
  }

  async function isAdmin(uid: string): Promise<boolean> {
    if (config.adminIds.has(uid)) return true;
    if (!config.groupAdminsAreAdmins) return false;
    try {
      return (await groupInfo()).adminIds.includes(uid);
    } catch (error) {
      logger.warn({ err: error }, 'could not read the Zalo group admins');
      return false;
    }
  }

  async function isGroupMember(uid: string): Promise<boolean> {
    if ((await groupInfo()).memberIds.includes(uid)) return true;
    return (await groupInfo(MEMBER_RECHECK_MS)).memberIds.includes(uid);
  }

  // ── Sending ───────────────────────────────────────────────────────────────────────────────────
  function sendText(thread: ZaloThread, message: ZaloText): Promise<void> {
    return queue.run(`${thread.kind}:${thread.id}`, () => {
      if (!canSend()) throw new ZaloUnavailableError(state);
      return transport.sendText(thread, message);
    });
  }

  function sendFile(thread: ZaloThread, file: OutFile): Promise<void> {
    return queue.run(`${thread.kind}:${thread.id}`, () => {
      if (!canSend()) throw new ZaloUnavailableError(state);
      return transport.sendFile(thread, file);
    });
  }

  /** Plain text in as many messages as it takes; the first may quote and tag `origin`. */
  function post(thread: ZaloThread, text: string, origin?: Origin): Promise<void>[] {
    const tag = origin && thread.kind === 'group' ? tagged('', origin.uid, origin.name).text : '';
    return splitMessage(text, TEXT_LIMIT - tag.length).map((part, i) => {
      if (i > 0 || !origin) return sendText(thread, { text: part });
      const head = thread.kind === 'group' ? tagged(part, origin.uid, origin.name) : { text: part };
      return sendText(thread, { ...head, quote: origin.message });
    });
  }

  async function toPerson(identity: string, text: string, files: readonly OutFile[] = []): Promise<boolean> {
    const uid = uidOf(identity);
    if (!uid) return false;
    const thread: ZaloThread = { id: uid, kind: 'private' };
    try {
      await Promise.all([...post(thread, text), ...files.map((f) => sendFile(thread, f))]);
      return true;
    } catch (error) {
      logger.info({ err: error, user: uid }, 'Zalo refused a private message');
      return false;
    }
  }

  async function toGroup(text: string, files: readonly OutFile[] = []): Promise<void> {
    await Promise.all([...post(group, text), ...files.map((f) => sendFile(group, f))]);
  }

  /** Sends one reply into the chat a command came from: the first answer quotes the command (and tags its sender in the group). */
  async function reply(origin: Origin, message: OutMessage): Promise<void> {
    const text = plainReply(message.html, message.choices);
    const first = !origin.answered;
    origin.answered = true;
    await Promise.all([
      ...post(origin.thread, text, first ? origin : undefined),
      ...(message.files ?? []).map((file) => sendFile(origin.thread, file)),
    ]);
  }

  // ── Receiving ─────────────────────────────────────────────────────────────────────────────────
  async function handle(message: ZaloMessage, thread: ZaloThread, read: Read, key: string): Promise<void> {
    const uid = message.data.uidFrom;
    const command = parseCommand(read.text);
    if (!command || !host) return;
    const origin: Origin = { thread, message, uid, name: message.data.dName, answered: false };
    const log = logger.child({ message: key });
    const incoming: Incoming = {
      platform: 'zalo',
      caller: { identity: identityOf(uid), displayName: message.data.dName },
      chat: { id: thread.id, kind: thread.kind },
      text: read.text,
      command,
      mentions: mentionsOf(message, read.text, selfId),
      photo: read.photo,
      messageKey: key,
      locale: deps.locale ?? 'vi',
      isAdmin: await isAdmin(uid),
      isCouncil: config.councilIds.has(uid),
      isGroupMember: async () => thread.kind === 'group' || isGroupMember(uid),
      origin,
      log,
    };
    try {
      await host.handle(incoming);
    } catch (error) {
      // The core answers users; what reaches here is a transport failure.
      log.error({ err: error, chat: thread.kind }, 'Zalo message failed');
    }
  }

  /** zca-js calls this synchronously; it only picks what to handle and queues it, never throws. */
  function onMessage(message: ZaloMessage): void {
    try {
      if (state !== 'running') return;
      if (message.isSelf || message.data.uidFrom === selfId) return;
      const isGroup = message.type === THREAD_GROUP;
      if (isGroup && message.threadId !== config.groupId) {
        logger.debug({ thread: message.threadId }, 'ignored a Zalo group that is not configured');
        return;
      }
      const read = readMessage(message);
      if (!read || !parseCommand(read.text)) return;
      const key = messageKeyOf(message);
      const thread: ZaloThread = { id: message.threadId, kind: isGroup ? 'group' : 'private' };
      // One message at a time per thread, as they came; threads go on at once.
      const lane = `${thread.kind}:${thread.id}`;
      const next = (chains.get(lane) ?? Promise.resolve()).then(() => handle(message, thread, read, key));
      chains.set(lane, next);
      track(next);
      void next.finally(() => {
        if (chains.get(lane) === next) chains.delete(lane);
      });
    } catch (error) {
      logger.error({ err: error }, 'could not read a Zalo message');
    }
  }

  // ── Supervision ───────────────────────────────────────────────────────────────────────────────
  /** Events of one login; those of an earlier one (a listener already replaced) are dropped. */
  function eventsFor(login: number): ZaloEvents {
    const current = () => login === logins;
    return {
      message: (message) => {
        if (current()) onMessage(message);
      },
      error: (error) => {
        if (current()) logger.warn({ err: error }, 'Zalo listener error');
      },
      closed: (code, reason) => {
        if (current()) onClosed(code, reason);
      },
    };
  }

  function onClosed(code: number, reason: string): void {
    if (state !== 'running' && state !== 'reconnecting') return;
    if (code === CloseCode.Duplicate || code === CloseCode.Kicked) {
      // Another Zalo Web/PC session took the account: fighting it back would only loop.
      state = 'taken-over';
      logger.error(
        { code, reason },
        'Zalo session taken over by another login (Zalo Web or PC): the Zalo bot stopped. Close the other session, then restart the bot (or run npm run zalo:login)',
      );
      void transport.stop().catch((err: unknown) => logger.warn({ err }, 'could not stop the Zalo listener'));
      return;
    }
    logger.warn({ code, reason }, 'Zalo listener closed; logging in again');
    if (state === 'reconnecting') return; // the loop in progress logs in again anyway
    if (timers.now() - connectedAt >= STABLE_MS) failures = 0;
    state = 'reconnecting';
    reconnecting = reconnect().finally(() => {
      reconnecting = null;
    });
  }

  async function connect(): Promise<void> {
    logins += 1;
    const session = await transport.start(eventsFor(logins));
    selfId = deps.selfId ?? session.selfId;
    connectedAt = timers.now();
  }

  async function reconnect(): Promise<void> {
    while (state === 'reconnecting') {
      const waitMs = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** failures);
      failures += 1;
      await timers.sleep(waitMs, abort.signal);
      if (state !== 'reconnecting') return;
      try {
        await transport.stop();
        await connect();
      } catch (error) {
        logger.error(
          { err: error, attempt: failures },
          'Zalo login failed; trying again later (if it keeps failing, run npm run zalo:login)',
        );
        continue;
      }
      if (state !== 'reconnecting') {
        // Stopped, or taken over, while logging in.
        await transport.stop();
        return;
      }
      state = 'running';
      logger.info({ attempt: failures }, 'Zalo listener connected again');
    }
  }

  async function idle(): Promise<void> {
    while (inflight.size > 0) {
      await Promise.all([...inflight]);
      await queue.drain();
    }
    await queue.drain();
  }

  return {
    name: 'zalo',
    start(h) {
      host = h;
      if (state !== 'idle' || starting) {
        return Promise.reject(new Error(`the Zalo bot cannot start: it is ${state}`));
      }
      starting = (async () => {
        try {
          await connect();
        } catch (error) {
          starting = null; // a failed first login may be tried again
          throw error;
        }
        if (state !== 'idle') return; // stopped while logging in
        state = 'running';
        logger.info({ group: config.groupId, self: selfId }, 'Zalo listening');
        if (config.groupAdminsAreAdmins) {
          groupInfo().catch((err: unknown) => logger.warn({ err }, 'could not read the Zalo group admins'));
        }
      })();
      return starting;
    },
    stop() {
      stopping ??= (async () => {
        state = 'stopping';
        abort.abort();
        await starting?.catch(() => {});
        await reconnecting;
        await idle();
        await transport.stop();
        state = 'stopped';
      })();
      return stopping;
    },
    idle,
    reply: (origin, message) => reply(origin as Origin, message),
    sendToPerson: (identity, message) =>
      toPerson(identity, plainReply(message.html, message.choices), message.files ?? []),
    sendToGroup: (message) => toGroup(plainReply(message.html, message.choices), message.files ?? []),
    admins: () => {
      const ids = new Set(config.adminIds);
      if (config.groupAdminsAreAdmins && info) {
        for (const id of info.value.adminIds) if (id !== selfId) ids.add(id);
      }
      return [...ids].map(identityOf);
    },
  };
}
