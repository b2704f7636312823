import { StoreCorruptError } from '../../core/errors.js';
import type { RuleSettings } from '../invariants.js';
import { Store, type StoreLogger } from '../store.js';
import type { PostgresTarget } from './connection.js';
import { PostgresLog, StoreFencedError } from './log.js';

export interface FollowerOptions {
  logger: StoreLogger;
  /** The data directory, for files kept beside the store (a Zalo session's). */
  dataDir: string;
  /** What the store's rules check against (storage/invariants.ts). */
  rules?: RuleSettings;
  /** How often the journal is read for new lines (default 1 s); 0: only when `catchUp` is called. */
  pollMs?: number;
}

/** How a standby became the active one: from the copy it followed, or by reading the store anew. */
export interface Promotion {
  store: Store;
  /** `warm`: the copy kept current; `cold`: read anew (there was none, or the log no longer continued it). */
  from: 'warm' | 'cold';
  /** Lines applied at the takeover itself (warm), after the epoch was raised. */
  applied: number;
}

/**
 * A warm standby's copy of the store. While another instance is active, the standby reads the store
 * once — snapshot and journal, with every check of a load — and then follows the journal: every
 * `pollMs` it applies the lines written since (each checked as a load checks it: the store's identity,
 * the checksum chain, the rules). When the standby becomes the active instance, `promote` applies the
 * last few lines under its new fencing epoch — read after the epoch was raised, so nothing the old
 * instance committed is missed and nothing it writes later is taken — and opens the same store for
 * writing: a takeover costs a few lines, not the whole store.
 *
 * When the log no longer continues the copy (its lines folded into a newer snapshot and dropped
 * before they were followed, or a line the copy applied was replaced after its write was answered
 * "not saved"), the store is read anew. A store that fails its checks is not followed further: the
 * takeover then reads it cold and stops with the same clear message a start gives.
 */
export class Follower {
  private store: Store | null = null;
  private log: PostgresLog | null = null;
  private stopped = false;
  private failed = false;
  private working: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private said = '';
  /** How many times the store was read whole (the first read included). */
  reads = 0;
  /** Lines applied while following (not counting the first read). */
  followed = 0;

  constructor(
    private readonly target: PostgresTarget,
    private readonly options: FollowerOptions,
  ) {}

  /** Starts reading and following (in the background). */
  start(): this {
    this.schedule(0);
    return this;
  }

  /** The seq of the last line the copy holds; null before it is read. */
  get seq(): number | null {
    return this.store ? this.store.state.seq : null;
  }

  /** Reads the journal's new lines now (after a read in progress), and applies them. */
  catchUp(): Promise<void> {
    const run = this.working.then(() => this.step());
    this.working = run.catch(() => {});
    return run;
  }

  /**
   * Makes the copy the active instance's store at `epoch` (the lease just taken): stops following,
   * applies the lines written up to the epoch's raise, checks the copy is current under that epoch,
   * and opens it for writing. When there is no copy to promote, or the log no longer continues it,
   * the store is read cold. Throws StoreFencedError if another instance took a newer epoch meanwhile.
   */
  async promote(epoch: number, onFenced?: (error: StoreFencedError) => void): Promise<Promotion> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.working;
    const logger = this.options.logger;
    let applied = 0;
    const store = this.store;
    const log = this.log;
    if (store && log && !this.failed) {
      this.store = null;
      this.log = null;
      try {
        for (;;) {
          const state = store.state;
          const found = await log.linesAfter({ store: state.store, seq: state.seq, last: state.last });
          if (found.epoch !== epoch) throw new StoreFencedError(epoch);
          if (found.kind === 'reload') {
            logger.warn({ why: found.why }, 'the followed copy is not current: reading the store anew');
            break;
          }
          store.followLines(found.lines);
          applied += found.lines.events.length;
          if (!found.more) {
            log.activate(epoch, onFenced);
            await store.startWriting();
            logger.info(
              { epoch, seq: store.state.seq, applied },
              'took over with the copy it followed: the last lines applied under the new epoch',
            );
            return { store, from: 'warm', applied };
          }
        }
      } catch (error) {
        if (error instanceof StoreFencedError) {
          await store.close().catch(() => {});
          throw error;
        }
        logger.warn({ err: error }, 'the followed copy could not be brought current: reading the store anew');
      }
      await store.close().catch(() => {});
    }
    const cold = new PostgresLog({
      ...this.target,
      logger,
      dataDir: this.options.dataDir,
      epoch,
      ...(onFenced ? { onFenced } : {}),
    });
    const opened = await Store.openLog(cold, {
      logger,
      ...(this.options.rules ? { rules: this.options.rules } : {}),
    });
    logger.info({ epoch, seq: opened.state.seq }, 'took over: the store read anew');
    return { store: opened, from: 'cold', applied: 0 };
  }

  /** Stops following and lets the copy go. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.working;
    const store = this.store;
    this.store = null;
    this.log = null;
    await store?.close().catch(() => {});
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.catchUp()
        .catch(() => {})
        .finally(() => {
          const poll = this.options.pollMs ?? 1_000;
          if (poll > 0 || !this.store) this.schedule(poll > 0 ? poll : 1_000);
        });
    }, ms);
    this.timer.unref();
  }

  /** Reads the store when there is no copy; else applies the new lines (reading anew if they do not continue it). */
  private async step(): Promise<void> {
    if (this.stopped || this.failed) return;
    const logger = this.options.logger;
    try {
      if (!this.store) {
        await this.read();
        return;
      }
      const store = this.store;
      const log = this.log as PostgresLog;
      for (;;) {
        const state = store.state;
        const found = await log.linesAfter({ store: state.store, seq: state.seq, last: state.last });
        if (found.kind === 'reload') {
          logger.info({ why: found.why }, 'standing by: reading the store anew');
          await this.drop();
          await this.read();
          return;
        }
        store.followLines(found.lines);
        this.followed += found.lines.events.length;
        if (!found.more || this.stopped) break;
      }
      this.said = '';
    } catch (error) {
      if (error instanceof StoreCorruptError) {
        if (!this.store) {
          // The store read whole fails its checks: a takeover will say so (it reads it cold).
          this.failed = true;
          logger.error({ err: error }, 'standing by: the store fails its checks; it is not followed');
          return;
        }
        // A line that does not apply to the copy: read the whole store again (its checks decide).
        logger.warn({ err: error }, 'standing by: a line did not apply to the followed copy; reading anew');
        await this.drop();
        return;
      }
      if (this.said !== 'unreachable') {
        logger.warn({ err: error }, 'standing by: cannot read the store to follow it; trying again');
      }
      this.said = 'unreachable';
    }
  }

  private async read(): Promise<void> {
    const { logger, dataDir } = this.options;
    const log = new PostgresLog({ ...this.target, logger, dataDir, epoch: 0 });
    const store = await Store.readOnlyLog(log, {
      logger: this.options.logger,
      ...(this.options.rules ? { rules: this.options.rules } : {}),
    });
    this.reads += 1;
    this.store = store;
    this.log = log;
    this.options.logger.info({ seq: store.state.seq }, 'standing by: the store read; following its journal');
  }

  private async drop(): Promise<void> {
    const store = this.store;
    this.store = null;
    this.log = null;
    await store?.close().catch(() => {});
  }
}
