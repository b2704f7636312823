import { setTimeout as delay } from 'node:timers/promises';
import type { Timers } from '../../core/timers.js';

/** The real clock and waits behind core's `Timers` seam. */
export const realTimers: Timers = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    delay(ms, undefined, signal ? { signal } : {}).catch((error: unknown) => {
      if (!signal?.aborted) throw error;
    }),
  after: (ms, run) => {
    const timer = setTimeout(run, ms).unref();
    return () => clearTimeout(timer);
  },
};
