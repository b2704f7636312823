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
  /** Once started, the waits until the next slot or retry (tests move time instead of waiting). */
  timers?: Timers;
}

interface State {
  job: Job;
  pattern: Cron;
  attempts: number;
  retryAt: Date | null;
  /** A slot posted whose record failed (the store could not save it): recorded again, never posted again. */
  sent: Date | null;
}

const DEFAULT_RETRIES = [30_000, 60_000, 120_000, 300_000, 600_000];
/** The longest a timer waits (setTimeout's limit, ~24.8 days): a later wake is armed again on the way. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Runs the plan's posts exactly once per slot. croner computes the slots; once started, the scheduler
 * sleeps on its `Timers` until the next slot or retry is due, and after each run arms the next wake.
 * The last slot each job dealt with is kept in the store, so a restart never posts a slot twice, a
 * slot missed while the bot was down is posted once on return if it is within the grace window, and
 * older ones are skipped with a log line. A failed post is retried with backoff and
 * marked done only once it is sent. A post goes out only if the store can record it at that moment
 * (on PostgreSQL: the database answers and this instance is still the active one); one sent whose
 * record then fails is recorded again, never sent again. What remains: an instance killed between the
 * platform's "sent" and the record's commit (a few milliseconds) leaves the slot unrecorded, and the
 * instance that takes over sends it again — at least once, never lost (README, "In the data centre").
 */
export class Scheduler {
  private readonly jobs = new Map<string, State>();
  private running: Promise<void> | null = null;
  /** Cancels the wake armed on the timers (the next slot or retry). */
  private cancelWake: (() => void) | null = null;
  private started = false;

  constructor(private readonly options: SchedulerOptions) {}

  add(job: Job): void {
    this.jobs.set(job.id, {
      job,
      pattern: new Cron(job.cron, { timezone: ZONE, paused: true }),
      attempts: 0,
      retryAt: null,
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
    // Whatever this run did (a slot posted, a retry planned), the next wake follows from it.
    void run.then(
      () => this.arm(),
      () => this.arm(),
    );
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

  /** Catches up on missed slots, then wakes by itself at every slot and retry. */
  async start(): Promise<void> {
    this.started = true;
    await this.runDue();
  }

  /**
   * Arms the one wake, at the next slot or retry due, once started (a simulated clock drives runDue
   * itself). Something already due that the last run left (it should not happen) is looked at again
   * a second later, never in a tight loop.
   */
  private arm(): void {
    this.cancelWake?.();
    this.cancelWake = null;
    if (!this.started) return;
    const now = this.options.clock();
    const next = this.nextWake(now);
    if (!next) return;
    const wait = next.getTime() - now.getTime();
    this.cancelWake = (this.options.timers ?? realTimers).after(
      wait > 0 ? Math.min(wait, MAX_WAIT_MS) : 1_000,
      () => {
        this.cancelWake = null;
        void this.runDue().catch((err: unknown) =>
          this.options.logger.error({ err }, 'scheduler run failed'),
        );
      },
    );
  }

  /** Stops waking and waits for a post in progress. */
  async stop(): Promise<void> {
    this.started = false;
    this.cancelWake?.();
    this.cancelWake = null;
    await this.running?.catch(() => {});
  }
}
