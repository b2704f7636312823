import { htmlToPlain } from '../../core/html.js';
import type { Log } from '../../core/log.js';
import type { OutMessage } from '../../core/platform.js';
import { splitMessage } from '../../core/text.js';
import type { Timers } from '../../core/timers.js';
import { type ChoiceMemory, withChoices } from '../kit/choices.js';
import { Lanes } from '../kit/lanes.js';
import { tagged, uidOf } from './translate.js';
import {
  type ZaloMessage,
  type ZaloText,
  type ZaloThread,
  type ZaloTransport,
  ZaloUnavailableError,
} from './transport.js';

/** Zalo's limit on a text is undocumented; stay well below the lengths that users report working. */
export const TEXT_LIMIT = 2000;

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
  /** The numbered choices shown to each person in each thread, read back from a bare number. */
  choices: ChoiceMemory;
  /** The line under numbered choices saying how to pick one (numbers 1 to `last`). */
  pickHint(last: number): string;
}

/** Where a person's numbered choices are remembered: their own in each thread. */
export const choiceKey = (thread: ZaloThread, uid: string) => `${thread.kind}:${thread.id}:${uid}`;

/**
 * Everything the bot sends on Zalo: replies as plain text (split into messages Zalo takes), pictures,
 * files, private messages and group posts, each one Zalo message through the throttled queue of its
 * thread.
 */
export class ZaloSender {
  /** One lane per thread: in order, at most one message per `intervalMs` (Zalo's rate limits are undocumented and it locks accounts that look like spam). */
  private readonly queue: Lanes;
  private readonly group: ZaloThread;

  constructor(
    private readonly transport: ZaloTransport,
    private readonly gate: SendGate,
    private readonly options: SenderOptions,
  ) {
    this.queue = new Lanes({ intervalMs: options.intervalMs, timers: options.timers });
    this.group = { id: options.groupId, kind: 'group' };
  }

  /** Sends one reply into the chat a command came from: the first answer quotes the command (and tags its sender in the group). */
  async reply(origin: Origin, message: OutMessage): Promise<void> {
    const first = !origin.answered;
    origin.answered = true;
    await this.send(origin.thread, message, {
      origin: first ? origin : undefined,
      choices: { key: choiceKey(origin.thread, origin.uid), reply: true },
    });
  }

  /** Writes to a Zalo user in private; false when the identity is not a Zalo one or Zalo refused. */
  async toPerson(identity: string, message: OutMessage): Promise<boolean> {
    const uid = uidOf(identity);
    if (!uid) return false;
    try {
      const thread: ZaloThread = { id: uid, kind: 'private' };
      // A message of its own: its choices are numbered from 1, and a number sent back picks one.
      await this.send(thread, message, { choices: { key: choiceKey(thread, uid), reply: false } });
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

  /**
   * Sends one message into `thread`; `origin` is quoted (and tagged) in front, and `choices` says where
   * numbered choices are remembered (a group post's are only listed: nobody in particular picks them).
   */
  private async send(
    thread: ZaloThread,
    message: OutMessage,
    how: { origin?: Origin | undefined; choices?: { key: string; reply: boolean } } = {},
  ): Promise<void> {
    const { origin } = how;
    const text = this.render(message, how.choices);
    // Pictures first, then the text that says the same in words (as Telegram shows a photo and its caption).
    // Every part is waited for, even after one fails: the message is done only when none is left in the
    // queue (a report file's bytes are given back once its message is delivered, bot/app.ts).
    const sent = await Promise.allSettled([
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
    const failed = sent.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** The message as plain text, its choices numbered below (remembered under `memo`, when given). */
  private render(message: OutMessage, memo?: { key: string; reply: boolean }): string {
    const plain = htmlToPlain(message.html);
    const choices = message.choices ?? [];
    if (!memo || !choices.length) return withChoices(plain, choices);
    const first = this.options.choices.show(memo.key, choices, memo.reply);
    return withChoices(plain, choices, first, this.options.pickHint(first + choices.length - 1));
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
