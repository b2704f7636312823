import type { Log } from '../../core/log.js';
import type { OutMessage } from '../../core/platform.js';
import { splitMessage } from '../../core/text.js';
import type { Timers } from './timers.js';
import { plainReply, tagged, uidOf } from './translate.js';
import {
  type ZaloMessage,
  type ZaloText,
  type ZaloThread,
  type ZaloTransport,
  ZaloUnavailableError,
} from './transport.js';

/** Zalo's limit on a text is undocumented; stay well below the lengths that users report working. */
export const TEXT_LIMIT = 2000;

interface Lane {
  tail: Promise<unknown>;
  lastAt: number;
  pending: number;
}

/**
 * One queue per thread: sends run in the order given, at most one per `intervalMs` per thread (Zalo's
 * rate limits are undocumented and it locks accounts that look like spam). Threads do not wait for
 * each other.
 */
export class ThreadQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly intervalMs: number,
    private readonly timers: Timers,
  ) {}

  /** Runs `send` in its turn on `thread`; resolves or rejects with it. A failure does not stop the lane. */
  run<T>(thread: string, send: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(thread);
    if (!lane) {
      lane = { tail: Promise.resolve(), lastAt: Number.NEGATIVE_INFINITY, pending: 0 };
      this.lanes.set(thread, lane);
    }
    const own = lane;
    own.pending += 1;
    const result = own.tail.then(async () => {
      const wait = own.lastAt + this.intervalMs - this.timers.now();
      if (wait > 0) await this.timers.sleep(wait);
      own.lastAt = this.timers.now();
      return send();
    });
    own.tail = result
      .catch(() => {})
      .finally(() => {
        own.pending -= 1;
        // An idle lane whose interval has passed is forgotten, so the map stays small.
        if (own.pending === 0 && this.timers.now() - own.lastAt >= this.intervalMs) {
          if (this.lanes.get(thread) === own) this.lanes.delete(thread);
        }
      });
    return result;
  }

  /** Resolves once every send queued so far has run. */
  async drain(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.tail));
  }
}

/** Where a command came from, to answer it there: quoting it and, in the group, tagging its sender. */
export interface Origin {
  thread: ZaloThread;
  message: ZaloMessage;
  uid: string;
  name: string;
  /** Only the first answer quotes the command and tags its sender. */
  answered: boolean;
}

/** Whether anything may be sent now (the session's state), and the state to name when not. */
export interface SendGate {
  readonly state: string;
  canSend(): boolean;
}

export interface SenderOptions {
  groupId: string;
  intervalMs: number;
  timers: Timers;
  logger: Log;
}

/**
 * Everything the bot sends on Zalo: replies as plain text (split into messages Zalo takes), pictures,
 * files, private messages and group posts, each one Zalo message through the throttled queue of its
 * thread.
 */
export class ZaloSender {
  private readonly queue: ThreadQueue;
  private readonly group: ZaloThread;

  constructor(
    private readonly transport: ZaloTransport,
    private readonly gate: SendGate,
    private readonly options: SenderOptions,
  ) {
    this.queue = new ThreadQueue(options.intervalMs, options.timers);
    this.group = { id: options.groupId, kind: 'group' };
  }

  /** Sends one reply into the chat a command came from: the first answer quotes the command (and tags its sender in the group). */
  async reply(origin: Origin, message: OutMessage): Promise<void> {
    const first = !origin.answered;
    origin.answered = true;
    await this.send(origin.thread, message, first ? origin : undefined);
  }

  /** Writes to a Zalo user in private; false when the identity is not a Zalo one or Zalo refused. */
  async toPerson(identity: string, message: OutMessage): Promise<boolean> {
    const uid = uidOf(identity);
    if (!uid) return false;
    try {
      await this.send({ id: uid, kind: 'private' }, message);
      return true;
    } catch (error) {
      this.options.logger.info({ err: error, user: uid }, 'Zalo refused a private message');
      return false;
    }
  }

  /** Posts to the agency group; rejects when Zalo refused (the scheduler tries again). */
  toGroup(message: OutMessage): Promise<void> {
    return this.send(this.group, message);
  }

  /** Resolves once every message queued so far has gone out (or failed). */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async send(thread: ZaloThread, message: OutMessage, origin?: Origin): Promise<void> {
    const text = plainReply(message.html, message.choices);
    // Pictures first, then the text that says the same in words (as Telegram shows a photo and its caption).
    await Promise.all([
      ...(message.images ?? []).map((image) =>
        this.enqueue(thread, () => this.transport.sendImage(thread, image)),
      ),
      ...this.texts(thread, text, origin).map((part) =>
        this.enqueue(thread, () => this.transport.sendText(thread, part)),
      ),
      ...(message.files ?? []).map((file) =>
        this.enqueue(thread, () => this.transport.sendFile(thread, file)),
      ),
    ]);
  }

  /** Plain text in as many messages as it takes; the first may quote and tag `origin`. */
  private texts(thread: ZaloThread, text: string, origin?: Origin): ZaloText[] {
    const tag = origin && thread.kind === 'group' ? tagged('', origin.uid, origin.name).text : '';
    return splitMessage(text, TEXT_LIMIT - tag.length).map((part, i) => {
      if (i > 0 || !origin) return { text: part };
      const head = thread.kind === 'group' ? tagged(part, origin.uid, origin.name) : { text: part };
      return { ...head, quote: origin.message };
    });
  }

  /** Each send waits its turn on the thread, and goes out only if the session still may send. */
  private enqueue(thread: ZaloThread, send: () => Promise<void>): Promise<void> {
    return this.queue.run(`${thread.kind}:${thread.id}`, () => {
      if (!this.gate.canSend()) throw new ZaloUnavailableError(this.gate.state);
      return send();
    });
  }
}
