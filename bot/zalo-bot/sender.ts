import type { Log } from '../../core/log.js';
import { splitMessage } from '../../core/text.js';
import type { Timers } from '../../core/timers.js';
import { Lanes } from '../kit/lanes.js';
import { realTimers } from '../kit/timers.js';
import { ZALO_BOT_TEXT_MAX, ZaloBotApiError, type ZaloBotClient, ZaloBotHttpError } from './client.js';

/** Sends are paused after the quota answer (429): it is the monthly quota, not a rate limit. */
export class ZaloBotQuotaError extends Error {
  override readonly name = 'ZaloBotQuotaError';
  constructor(readonly until: Date) {
    super(`the Zalo Bot Platform's message quota is used up; sends are paused until ${until.toISOString()}`);
  }
}

export interface SenderOptions {
  /** At most one message per this many ms per chat. */
  intervalMs: number;
  /** The wait before the one retry of a send that failed with 429 or without an answer. */
  retryMs: number;
  /** How long sends pause after a second 429 in a row (doubling on each pause, up to a day). */
  quotaPauseMs: number;
  /** Called on 401: the token was revoked; the platform stops. */
  onRevoked(error: ZaloBotApiError): void;
  logger: Log;
  timers?: Timers;
}

const DAY_MS = 86_400_000;

/**
 * Text to one chat, in order, at most one message per `intervalMs` per chat; chats do not wait for
 * each other. A text over 2,000 characters (the Platform's limit, counted in UTF-16 units, the strict
 * reading) is split at line breaks. A 429 or a send without an answer is retried once after `retryMs`;
 * a second 429 pauses every send (the quota is monthly, so retrying soon would not help) with one clear
 * log line; a 401 means the token was revoked and stops the platform.
 */
export class ZaloBotSender {
  private readonly lanes: Lanes;
  private pausedUntil = 0;
  private pauseMs: number;
  private readonly timers: Timers;

  constructor(
    private readonly client: ZaloBotClient,
    private readonly options: SenderOptions,
  ) {
    this.pauseMs = options.quotaPauseMs;
    this.timers = options.timers ?? realTimers;
    this.lanes = new Lanes({ intervalMs: options.intervalMs, timers: this.timers });
  }

  /** Sends `text` (split as needed) to `chatId`; resolves once every part is sent. */
  send(chatId: string, text: string): Promise<void> {
    const parts = splitMessage(text, ZALO_BOT_TEXT_MAX).map((p) => p.slice(0, ZALO_BOT_TEXT_MAX));
    // One turn for the whole text: a part that fails leaves the rest unsent.
    return this.lanes.turn(chatId, async (pace) => {
      for (const part of parts) {
        await pace();
        await this.sendOne(chatId, part);
      }
    });
  }

  /** Resolves once every send queued so far has settled. */
  drain(): Promise<void> {
    return this.lanes.drain();
  }

  private async sendOne(chatId: string, text: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.pausedUntil > this.timers.now()) throw new ZaloBotQuotaError(new Date(this.pausedUntil));
      try {
        await this.client.sendMessage(chatId, text);
        this.pauseMs = this.options.quotaPauseMs;
        return;
      } catch (error) {
        if (error instanceof ZaloBotApiError && error.errorCode === 401) {
          this.options.onRevoked(error);
          throw error;
        }
        const quota = error instanceof ZaloBotApiError && error.errorCode === 429;
        const unanswered = error instanceof ZaloBotHttpError && error.reason !== 'aborted';
        if ((quota || unanswered) && attempt === 0) {
          await this.timers.sleep(this.options.retryMs);
          continue;
        }
        if (quota) {
          this.pausedUntil = this.timers.now() + this.pauseMs;
          this.options.logger.error(
            { until: new Date(this.pausedUntil).toISOString(), chat: chatId },
            'Zalo Bot Platform: message quota used up (429); sends paused (the free plan allows about 3,000 messages a month)',
          );
          this.pauseMs = Math.min(this.pauseMs * 2, DAY_MS);
        }
        throw error;
      }
    }
  }
}
