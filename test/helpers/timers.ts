import type { Timers } from '../../core/timers.js';

interface Waiting {
  at: number;
  ms: number;
  run: () => void;
}

/**
 * The one fake of core's `Timers`: a clock that jumps ahead instead of waiting. `sleep` returns at once
 * with the time moved on; `after` keeps its callback until the clock passes its time (a sleep, or
 * `advance`) or the test runs it (`fire`). Nothing here depends on how long anything really takes.
 */
export class VirtualTimers implements Timers {
  readonly sleeps: number[] = [];
  /** The callbacks given to `after`, not run nor cancelled yet, in the order given. */
  readonly waiting: Waiting[] = [];

  constructor(public time = 1_000_000) {}

  now = (): number => this.time;

  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    const wake = this.time + ms;
    await Promise.resolve();
    if (signal?.aborted) return;
    this.moveTo(wake);
  };

  after = (ms: number, run: () => void): (() => void) => {
    const waiting = { at: this.time + ms, ms, run };
    this.waiting.push(waiting);
    return () => this.drop(waiting);
  };

  /** Moves the clock `ms` on, running what `after` was given for that time. */
  advance(ms: number): void {
    this.moveTo(this.time + ms);
  }

  /** Runs the callbacks waiting now (all, or the one given), whatever their time. */
  fire(waiting?: Waiting): void {
    for (const w of waiting ? [waiting] : [...this.waiting]) {
      this.drop(w);
      w.run();
    }
  }

  private moveTo(time: number): void {
    this.time = Math.max(this.time, time);
    for (const w of [...this.waiting]) if (w.at <= this.time) this.fire(w);
  }

  private drop(waiting: Waiting): void {
    const i = this.waiting.indexOf(waiting);
    if (i >= 0) this.waiting.splice(i, 1);
  }
}
