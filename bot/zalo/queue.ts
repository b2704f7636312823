import { setTimeout as delay } from 'node:timers/promises';

/** The clock and the waits of the Zalo side, injected so tests move time instead of waiting. */
export interface Timers {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    delay(ms, undefined, signal ? { signal } : {}).catch((error: unknown) => {
      if (!signal?.aborted) throw error;
    }),
};

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
