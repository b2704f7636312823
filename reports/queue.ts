import { ReportBusyError } from '../core/errors.js';

/*
 * Heavy requests, fairly served: report files (a year's workbook, every member's achievement report)
 * take seconds and hundreds of MB each, so they are admitted here before anything is built — one at a
 * time for each person, a few at once in all, a bounded queue behind them. The same request from the
 * same person while it is waiting or being built is not built again (ReportBusyError 'same': the
 * first one's file is on its way); a queue already full refuses (ReportBusyError 'full'). Nothing is
 * captured from the store until a request's turn comes, so what waits holds no memory.
 */

export interface QueueLimits {
  /** Requests built at once, in all. */
  atOnce: number;
  /** Requests waiting or being built for one person. */
  perPerson: number;
  /** Requests waiting (not yet built), in all. */
  waiting: number;
}

export const QUEUE_LIMITS: QueueLimits = { atOnce: 2, perPerson: 3, waiting: 20 };

interface Job {
  person: string;
  key: string;
  start: () => Promise<Buffer[]>;
  resolve(files: Buffer[]): void;
  reject(error: unknown): void;
}

export class ReportQueue {
  private readonly waiting: Job[] = [];
  /** The keys of the requests being built, and the people they are for. */
  private readonly building = new Map<string, string>();

  constructor(private readonly limits: QueueLimits = QUEUE_LIMITS) {}

  /** What is being built and waiting now (for tests and the log). */
  get size(): { building: number; waiting: number } {
    return { building: this.building.size, waiting: this.waiting.length };
  }

  /**
   * Builds with `start` once admitted: `key` names the request (the same key from the same person is
   * the same request). Rejects at once with ReportBusyError when it is not admitted.
   */
  admit(person: string, key: string, start: () => Promise<Buffer[]>): Promise<Buffer[]> {
    const id = `${person}\u0000${key}`;
    if (this.building.has(id) || this.waiting.some((j) => j.key === id)) {
      return Promise.reject(new ReportBusyError('same'));
    }
    const mine =
      this.waiting.filter((j) => j.person === person).length +
      [...this.building.values()].filter((p) => p === person).length;
    if (mine >= this.limits.perPerson || this.waiting.length >= this.limits.waiting) {
      return Promise.reject(new ReportBusyError('full'));
    }
    return new Promise<Buffer[]>((resolve, reject) => {
      this.waiting.push({ person, key: id, start, resolve, reject });
      this.next();
    });
  }

  /** Starts the first waiting requests whose person has nothing being built, while there is room. */
  private next(): void {
    while (this.building.size < this.limits.atOnce) {
      const busy = new Set(this.building.values());
      const at = this.waiting.findIndex((j) => !busy.has(j.person));
      if (at === -1) return;
      const [job] = this.waiting.splice(at, 1) as [Job];
      this.building.set(job.key, job.person);
      let files: Promise<Buffer[]>;
      try {
        files = job.start();
      } catch (error) {
        files = Promise.reject(error);
      }
      files.then(job.resolve, job.reject).finally(() => {
        this.building.delete(job.key);
        this.next();
      });
    }
  }
}

/** A request's key: its reports and arguments, the time it was asked at left out. */
export function requestKey(requests: readonly { report: string; args: unknown }[]): string {
  return JSON.stringify(requests, (name, value) => (name === 'now' ? undefined : value));
}
