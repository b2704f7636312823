/**
 * The clock and the waits of everything that waits on real time — the adapters' lanes, sessions and
 * numbered choices, the Telegram album's wait, the scheduler's retries — one seam, injected so tests
 * move time instead of waiting. The real one is bot/kit/timers.ts's `realTimers`.
 */
export interface Timers {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs `run` once, `ms` from now, without keeping the process alive; the function returned cancels it. */
  after(ms: number, run: () => void): () => void;
}
