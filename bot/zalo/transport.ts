import type { OutFile, OutImage } from '../../core/context.js';
import { AppError } from '../../core/errors.js';

/** Zalo's thread types, numbered as zca-js numbers them (`ThreadType.User`, `ThreadType.Group`). */
export const THREAD_USER = 0;
export const THREAD_GROUP = 1;

/**
 * Close codes of Zalo's websocket (zca-js `CloseReason`): 1006 comes often (zca-js does not retry it),
 * and the same listener may be started again; 3000 and 3003 mean another session (Zalo Web or PC) took
 * the account over. See docs/zalo-zca.md.
 */
export const CloseCode = { Manual: 1000, Abnormal: 1006, Duplicate: 3000, Kicked: 3003 } as const;

/** A colleague tagged in a group message: a span of its text; type 1 is @All. */
export interface ZaloMention {
  uid: string;
  pos: number;
  len: number;
  type: 0 | 1;
}

/**
 * A received message, as much of it as the bot reads. zca-js's `UserMessage` and `GroupMessage` are
 * both one (zca.ts hands them over as they are), so a change of their shape in zca-js breaks the build.
 */
export interface ZaloMessage {
  /** THREAD_USER or THREAD_GROUP. */
  type: 0 | 1;
  /** The group's id, or in private the other person's id. */
  threadId: string;
  /** Sent by the bot's own account. */
  isSelf: boolean;
  data: {
    msgId: string;
    cliMsgId: string;
    /** `webchat` for text, `chat.photo`, `chat.sticker`, … */
    msgType: string;
    uidFrom: string;
    idTo: string;
    /** The sender's display name. */
    dName: string;
    ts: string;
    ttl: number;
    /** Only a text message's content is a string; a photo's is an object with its caption in `title`. */
    content: string | Record<string, unknown>;
    propertyExt: { color: number; size: number; type: number; subType: number; ext: string } | undefined;
    /** Group messages only. */
    mentions?: ZaloMention[] | undefined;
  };
}

export interface ZaloThread {
  id: string;
  kind: 'group' | 'private';
}

export interface ZaloText {
  text: string;
  /** Spans of `text` that tag a user; Zalo shows them in groups only. */
  mentions?: { uid: string; pos: number; len: number }[];
  /** The message this one answers, shown quoted above it. */
  quote?: ZaloMessage;
}

export interface ZaloGroupInfo {
  /** The owner and the deputies. */
  adminIds: string[];
  memberIds: string[];
}

/** What the transport reports while it listens. Called synchronously: handlers must not throw. */
export interface ZaloEvents {
  message(message: ZaloMessage): void;
  /** The listener closed and zca-js will not retry it (a code it does not retry, or retries spent). */
  closed(code: number, reason: string): void;
  error(error: Error): void;
}

/**
 * The bot's view of Zalo: log in and listen, send, look a group up. zca.ts implements it over zca-js;
 * tests use a fake. Each send is one Zalo message, so the bot's throttle counts them.
 */
export interface ZaloTransport {
  /** Logs in (again) with the saved session and starts listening; resolves with the bot's own user id. */
  start(events: ZaloEvents): Promise<{ selfId: string }>;
  /**
   * Starts the listener of the current login again after it closed: a new socket with the same
   * session, no new login; its events go to the same handlers. Rejects when there is no login, or the
   * listener is still open.
   */
  restartListener(): Promise<void>;
  /** Stops listening; no event is reported afterwards. Safe to call when not started. */
  stop(): Promise<void>;
  sendText(thread: ZaloThread, message: ZaloText): Promise<void>;
  sendFile(thread: ZaloThread, file: OutFile): Promise<void>;
  /** Sends a picture (PNG) as a photo message. */
  sendImage(thread: ZaloThread, image: OutImage): Promise<void>;
  groupInfo(groupId: string): Promise<ZaloGroupInfo>;
}

/** The saved Zalo session is missing or refused: someone must log in again with `npm run zalo:login`. */
export class ZaloLoginError extends AppError {
  override readonly name = 'ZaloLoginError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('ZALO_LOGIN', message, options);
  }
}

/** The Zalo side is not running (stopped, or its session was taken over), so nothing can be sent. */
export class ZaloUnavailableError extends AppError {
  override readonly name = 'ZaloUnavailableError';
  constructor(readonly state: string) {
    super('ZALO_UNAVAILABLE', `Zalo is not connected (${state})`);
  }
}
