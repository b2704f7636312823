import type { OutFile, Reply } from '../../core/context.js';
import { type Incoming, parseCommand, type Router } from '../../core/router.js';
import { htmlToPlain, splitMessage } from '../../core/text.js';
import { type Locale, locales } from '../../locales/index.js';
import type { ZaloConfig } from '../config.js';
import type { Broadcaster } from '../jobs.js';
import type { Logger } from '../logger.js';
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

export interface ZaloDeps {
  router: Router;
  logger: Logger;
  locale: Locale;
  transport: ZaloTransport;
  /** The bot account's own user id, if known before the login tells it. */
  selfId?: string;
  /** Injected so tests move time instead of waiting. */
  timers?: Timers;
  /** Delivers a private message to a person of another platform (a linked profile's other account). */
  elsewhere?: (identity: string, html: string) => Promise<boolean>;
}

export interface ZaloBot {
  /** Logs in and listens; rejects if the first login fails (ZaloLoginError: run `npm run zalo:login`). */
  start(): Promise<void>;
  /** Stops listening, lets the answers in flight go out, then logs out. Safe to call twice. */
  stop(): Promise<void>;
  broadcaster: Broadcaster;
  /** Resolves once every message received so far is handled and its answers are sent. */
  idle(): Promise<void>;
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
/** Message keys remembered to drop a message delivered twice (after a reconnect, say). */
const SEEN_KEYS = 1000;

type State = 'idle' | 'running' | 'reconnecting' | 'taken-over' | 'stopping' | 'stopped';

/** What the bot read in a message: its text (or caption) and photo. */
type Read = NonNullable<ReturnType<typeof readMessage>>;

/** Where a command came from, to answer it there: quoting it and, in the group, tagging its sender. */
interface Origin {
  thread: ZaloThread;
  message: ZaloMessage;
  uid: string;
  name: string;
}

/**
 * The Zalo side of the bot: turns messages into neutral ones for the router and its replies into
 * plain-text Zalo messages, sent through a throttled queue per thread. It watches the listener and
 * logs in again when Zalo drops the connection. Nothing starts until `start()`.
 */
export function createZaloBot(config: ZaloConfig, deps: ZaloDeps): ZaloBot {
  const { router, logger, transport } = deps;
  const timers = deps.timers ?? realTimers;
  const t = locales[deps.locale];
  const queue = new ThreadQueue(config.sendIntervalMs, timers);
  const group: ZaloThread = { id: config.groupId, kind: 'group' };
  const abort = new AbortController();

  let state: State = 'idle';
  let selfId = deps.selfId;
  let connectedAt = 0;
  let failures = 0;
  let handling: Promise<void> = Promise.resolve();
  const inflight = new Set<Promise<unknown>>();
  const seen = new Set<string>();
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

  /** Sends the router's replies: in the chat (the first quoting the command), the group, or in private. */
  async function deliver(replies: Reply[], origin: Origin, log: Logger): Promise<void> {
    const sends: Promise<unknown>[] = [];
    let first = true;
    for (const reply of replies) {
      const text = plainReply(reply.html, reply.choices);
      const files = reply.files ?? [];
      if (reply.to === 'group') {
        sends.push(toGroup(text, files));
      } else if (reply.to && reply.to !== 'chat') {
        const to = reply.to;
        // To one person in private; if Zalo refuses (or they are on another platform), maybe the group.
        sends.push(
          toPerson(to.identity, text, files).then(async (delivered) => {
            const sent =
              delivered ||
              (!to.identity.startsWith('zalo:') &&
                (await deps.elsewhere?.(to.identity, reply.html)) === true);
            if (!sent && to.orGroup) return toGroup(text, files);
            // Meant for the person who asked, and only for them: tell them where it could not go.
            if (!sent && to.identity === identityOf(origin.uid)) {
              return Promise.all(post(origin.thread, t.errors.privateRefused, origin)).then(() => undefined);
            }
          }),
        );
      } else {
        sends.push(...post(origin.thread, text, first ? origin : undefined));
        sends.push(...files.map((file) => sendFile(origin.thread, file)));
        first = false;
      }
    }
    for (const result of await Promise.allSettled(sends)) {
      if (result.status === 'rejected') log.error({ err: result.reason }, 'could not send a Zalo reply');
    }
  }

  // ── Receiving ─────────────────────────────────────────────────────────────────────────────────
  async function handle(message: ZaloMessage, thread: ZaloThread, read: Read, key: string): Promise<void> {
    const log = logger.child({ message: key });
    const uid = message.data.uidFrom;
    const origin: Origin = { thread, message, uid, name: message.data.dName };
    const text = read.text;
    try {
      const incoming: Incoming = {
        platform: 'zalo',
        caller: { identity: identityOf(uid), displayName: message.data.dName },
        chat: { id: thread.id, kind: thread.kind },
        text,
        mentions: mentionsOf(message, text, selfId),
        photo: read.photo,
        messageKey: key,
        locale: deps.locale,
        isAdmin: await isAdmin(uid),
        isCouncil: config.councilIds.has(uid),
        isGroupMember: async () => thread.kind === 'group' || isGroupMember(uid),
      };
      const replies = await router.handle(incoming);
      if (!replies) return;
      log.info({ chat: thread.kind, command: text.trimStart().split(/[\s@]/, 1)[0] }, 'command');
      track(deliver(replies, origin, log));
    } catch (error) {
      // The error boundary: whatever the router did not answer itself is logged and answered.
      log.error({ err: error, chat: thread.kind }, 'Zalo message failed');
      track(
        Promise.all(post(thread, htmlToPlain(t.errors.internal), origin)).catch((err: unknown) =>
          log.error({ err }, 'could not tell the user about the failure'),
        ),
      );
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
      if (seen.has(key)) {
        logger.debug({ message: key }, 'ignored a Zalo message delivered twice');
        return;
      }
      seen.add(key);
      if (seen.size > SEEN_KEYS) seen.delete(seen.values().next().value as string);
      const thread: ZaloThread = { id: message.threadId, kind: isGroup ? 'group' : 'private' };
      // One message at a time, as they came: commands read and write the same store.
      handling = handling.then(() => handle(message, thread, read, key));
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
    for (;;) {
      const before = handling;
      await handling;
      await Promise.all([...inflight]);
      await queue.drain();
      if (handling === before && inflight.size === 0) return;
    }
  }

  return {
    start() {
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
    broadcaster: {
      toGroup: (html) => toGroup(htmlToPlain(html)),
      toPerson: (identity, html) => toPerson(identity, htmlToPlain(html)),
      admins: () => {
        const ids = new Set(config.adminIds);
        if (config.groupAdminsAreAdmins && info) {
          for (const id of info.value.adminIds) if (id !== selfId) ids.add(id);
        }
        return [...ids].map(identityOf);
      },
    },
  };
}
