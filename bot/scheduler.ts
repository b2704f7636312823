import { Cron } from 'croner';
import type { Log } from '../core/log.js';
import { ZONE } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import type { Timers } from '../core/timers.js';
import { realTimers } from './kit/timers.js';

/** A post the bot makes by itself on a cron schedule. `run` throws if the post could not be sent. */
export interface Job {
  id: string;
  /** Cron expression, read in Asia/Ho_Chi_Minh. */
  cron: string;
  run(slot: Date): Promise<void>;
}

export interface SchedulerOptions {
  store: Repository;
  logger: Pick<Log, 'info' | 'warn' | 'error'>;
  clock: () => Date;
  /** A slot missed while the bot was down is still posted this long after it; older ones are skipped. */
  graceMs: number;
  /** Waits between attempts of a failed post (the last repeats). */
  retryDelaysMs?: readonly number[];
  /** The wait before a retry, once started on real time (tests move time instead of waiting). */
  timers?: Timers;
}

interface State {
  job: Job;
  pattern: Cron;
  attempts: number;
  retryAt: Date | null;
  timer: Cron | null;
  /** A slot posted whose record failed (the store could not save it): recorded again, never posted again. */
  sent: Date | null;
}

const DEFAULT_RETRIES = [30_000, 60_000, 120_000, 300_000, 600_000];

/**
 * Runs the plan's posts exactly once per slot. croner computes the slots (and, once started, wakes
 * the bot at them); the last slot each job dealt with is kept in the store, so a restart never posts
 * a slot twice, a slot missed while the bot was down is posted once on return if it is within the
 * grace window, and older ones are skipped with a log line. A failed post is retried with backoff and
 * marked done only once it is sent. A post goes out only if the store can record it at that moment
 * (on PostgreSQL: the database answers and this instance is still the active one); one sent whose
 * record then fails is recorded again, never sent again. What remains: an instance killed between the
 * platform's "sent" and the record's commit (a few milliseconds) leaves the slot unrecorded, and the
 * instance that takes over sends it again — at least once, never lost (README, "In the data centre").
 */
export class Scheduler {
  private readonly jobs = new Map<string, State>();
  private running: Promise<void> | null = null;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  add(job: Job): void {
    this.jobs.set(job.id, {
      job,
      pattern: new Cron(job.cron, { timezone: ZONE, paused: true }),
      attempts: 0,
      retryAt: null,
      timer: null,
      sent: null,
    });
  }

  /** Slots of a job after `after` and up to `now`, oldest first. */
  private slotsBetween(state: State, after: Date, now: Date): Date[] {
    const slots: Date[] = [];
    let next = state.pattern.nextRun(after);
    while (next && next.getTime() <= now.getTime()) {
      slots.push(next);
      next = state.pattern.nextRun(next);
    }
    return slots;
  }

  /** Posts every slot that is due at `now` (and not yet dealt with). Safe to call at any time. */
  runDue(now = this.options.clock()): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const run = previous.then(() => this.runDueNow(now));
    this.running = run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  private async runDueNow(now: Date): Promise<void> {
    const { store, logger, graceMs } = this.options;
    for (const state of this.jobs.values()) {
      const { job } = state;
      const last = store.lastJobSlot(job.id);
      if (!last) {
        // First start with this job: nothing before now is owed.
        await store.markJobDone(job.id, now);
        continue;
      }
      if (state.retryAt && state.retryAt.getTime() > now.getTime()) continue;
      for (const slot of this.slotsBetween(state, last, now)) {
        if (now.getTime() - slot.getTime() > graceMs) {
          logger.warn(
            { job: job.id, slot: slot.toISOString() },
            'scheduled post skipped: missed by more than the grace window',
          );
          await store.markJobDone(job.id, slot);
          state.attempts = 0;
          state.retryAt = null;
          continue;
        }
        const retry = (err: unknown, what: string) => {
          const delays = this.options.retryDelaysMs ?? DEFAULT_RETRIES;
          const delay = delays[Math.min(state.attempts, delays.length - 1)] ?? 60_000;
          state.attempts += 1;
          state.retryAt = new Date(now.getTime() + delay);
          logger.error(
            {
              err,
              job: job.id,
              slot: slot.toISOString(),
              attempt: state.attempts,
              retryAt: state.retryAt.toISOString(),
            },
            what,
          );
          this.armRetry(delay);
        };
        if (state.sent?.getTime() !== slot.getTime()) {
          try {
            // Only while the post can be recorded: a store that cannot save, or an instance another
            // has replaced (PostgreSQL's fencing), sends nothing — it would be sent again.
            await store.checkWritable?.();
            await job.run(slot);
          } catch (err) {
            retry(err, 'scheduled post failed; will retry');
            break;
          }
          state.sent = slot;
        }
        try {
          await store.markJobDone(job.id, slot);
        } catch (err) {
          // Posted, not recorded: only the record is tried again (this instance never posts it twice).
          retry(err, 'scheduled post sent but not recorded; will record it again');
          break;
        }
        state.sent = null;
        state.attempts = 0;
        state.retryAt = null;
        logger.info({ job: job.id, slot: slot.toISOString() }, 'scheduled post sent');
      }
    }
  }

  /** When something is next due (a slot, or a retry), for callers that drive time themselves. */
  nextWake(now: Date): Date | null {
    let next: Date | null = null;
    for (const state of this.jobs.values()) {
      const last = this.options.store.lastJobSlot(state.job.id) ?? now;
      // A job waiting to retry is due at its retry time; otherwise at its next slot not yet dealt with.
      const due =
        state.retryAt ??
        state.pattern.nextRun(new Date(Math.max(last.getTime(), now.getTime() - this.options.graceMs)));
      if (due && (!next || due < next)) next = due;
    }
    return next;
  }

  /** Catches up on missed slots, then lets croner wake the bot at every slot. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.runDue();
    for (const state of this.jobs.values()) {
      state.timer = new Cron(state.job.cron, { timezone: ZONE, protect: true }, () => {
        void this.runDue().catch((err: unknown) =>
          this.options.logger.error({ err }, 'scheduler run failed'),
        );
      });
    }
    // A post that failed while catching up above waits for its retry on real time too, not for the
    // next slot of some job (the timers did not run yet when it failed).
    const retries = [...this.jobs.values()].flatMap((state) =>
      state.retryAt ? [state.retryAt.getTime()] : [],
    );
    if (retries.length) this.armRetry(Math.max(0, Math.min(...retries) - this.options.clock().getTime()));
  }

  private armRetry(delay: number): void {
    if (this.stopped || this.cancelRetry) return;
    // Only when the scheduler runs on real time (start()); a simulated clock drives runDue itself.
    if (![...this.jobs.values()].some((s) => s.timer)) return;
    this.cancelRetry = (this.options.timers ?? realTimers).after(delay, () => {
      this.cancelRetry = null;
      void this.runDue().catch((err: unknown) => this.options.logger.error({ err }, 'scheduler run failed'));
    });
  }

  /** Stops the timers and waits for a post in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.jobs.values()) {
      state.timer?.stop();
      state.timer = null;
    }
    this.cancelRetry?.();
    this.cancelRetry = null;
    await this.running?.catch(() => {});
  }
}
