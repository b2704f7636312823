import type { Timers } from '../../core/timers.js';
import { realTimers } from './timers.js';

export interface LanesOptions {
  /** At least this many ms between two paced steps of one lane (0: no spacing). */
  intervalMs?: number;
  timers?: Timers;
}

/** Waits until the lane's minimum interval has passed since its last paced step (at once when it has). */
export type Pace = () => Promise<void> | undefined;

interface Lane {
  tail: Promise<unknown>;
  lastAt: number;
  pending: number;
}

/**
 * Keyed serial lanes (grammY's `sequentialize`, for the adapters that have no middleware): jobs on one
 * key run one after another in the order given, jobs on different keys at once. With `intervalMs`, a
 * lane's paced steps are at least that far apart (a per-chat send throttle). A failed job does not stop
 * its lane; an idle lane whose interval has passed is forgotten, so the map stays small.
 */
export class Lanes {
  private readonly lanes = new Map<string, Lane>();
  private readonly intervalMs: number;
  private readonly timers: Timers;

  constructor(options: LanesOptions = {}) {
    this.intervalMs = options.intervalMs ?? 0;
    this.timers = options.timers ?? realTimers;
  }

  /** Runs `job` in its turn on `key`, paced once before it starts; resolves or rejects with it. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    return this.turn(key, (pace) => {
      const wait = pace();
      return wait ? wait.then(job) : job();
    });
  }

  /** Runs `job` in its turn on `key`; the job paces its own steps (several sends in one turn). */
  turn<T>(key: string, job: (pace: Pace) => Promise<T>): Promise<T> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { tail: Promise.resolve(), lastAt: Number.NEGATIVE_INFINITY, pending: 0 };
      this.lanes.set(key, lane);
    }
    const own = lane;
    own.pending += 1;
    const result = own.tail.then(() => job(() => this.pace(own)));
    own.tail = result
      .catch(() => {})
      .finally(() => {
        own.pending -= 1;
        if (own.pending === 0 && this.timers.now() - own.lastAt >= this.intervalMs) {
          if (this.lanes.get(key) === own) this.lanes.delete(key);
        }
      });
    return result;
  }

  /** Resolves once every job queued so far has settled. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.lanes.values()].map((lane) => lane.tail));
  }

  /** How many lanes are remembered (busy, or within their interval). */
  get size(): number {
    return this.lanes.size;
  }

  private pace(lane: Lane): Promise<void> | undefined {
    const wait = lane.lastAt + this.intervalMs - this.timers.now();
    if (wait <= 0) {
      lane.lastAt = this.timers.now();
      return undefined;
    }
    return this.timers.sleep(wait).then(() => {
      lane.lastAt = this.timers.now();
    });
  }
}
