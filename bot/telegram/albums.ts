import type { Message } from 'grammy/types';
import type { Timers } from '../../core/timers.js';

interface Pending<T> {
  parts: T[];
  /** Cancels the wait for the album's next part. */
  cancel: (() => void) | undefined;
  /** Settles once the album was handed over and its handling has settled. */
  done: Promise<void>;
  settle: () => void;
}

/**
 * Telegram delivers an album (photos sent together) as one message per photo, sharing a
 * `media_group_id`, and says nothing when the last has come; only one of them usually carries the
 * caption. So the parts of an album are gathered here until none has come for `waitMs`, then handed
 * over together, in the order they were sent. At most `capacity` albums wait at once: beyond that the
 * oldest is handed over early.
 */
export class Albums<T extends { message: Message }> {
  private readonly pending = new Map<string, Pending<T>>();

  constructor(
    private readonly waitMs: number,
    /** The album's wait (tests move time instead of waiting). */
    private readonly timers: Timers,
    /** Hands a complete album over; the promise it returns, if any, is its handling. */
    private readonly complete: (parts: T[]) => Promise<unknown> | undefined,
    private readonly capacity = 200,
  ) {}

  /**
   * Keeps one part of an album (its message has a `media_group_id`). Resolves once the album it
   * belongs to has been handed over and handled (never rejects): until then the part is not done with
   * (bot/telegram/confirm.ts keeps Telegram from forgetting it).
   */
  add(part: T): Promise<void> {
    const key = `${part.message.chat.id}:${part.message.media_group_id}`;
    let album = this.pending.get(key);
    if (!album) {
      let settle!: () => void;
      const done = new Promise<void>((resolve) => {
        settle = resolve;
      });
      album = { parts: [], cancel: undefined, done, settle };
    }
    album.cancel?.();
    album.parts.push(part);
    album.cancel = this.timers.after(this.waitMs, () => this.finish(key));
    this.pending.set(key, album);
    const done = album.done;
    if (this.pending.size > this.capacity) this.finish(this.pending.keys().next().value as string);
    return done;
  }

  /** Hands over every album now, complete or not (the bot is stopping). */
  flush(): void {
    for (const key of [...this.pending.keys()]) this.finish(key);
  }

  private finish(key: string): void {
    const album = this.pending.get(key);
    if (!album) return;
    this.pending.delete(key);
    album.cancel?.();
    let handling: Promise<unknown> | undefined;
    try {
      handling = this.complete(album.parts.sort((a, b) => a.message.message_id - b.message.message_id));
    } finally {
      void Promise.resolve(handling).then(album.settle, album.settle);
    }
  }
}
