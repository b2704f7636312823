import { Worker } from 'node:worker_threads';
import type { AgencyConfig } from '../core/agency.js';
import type { ReportJob, ReportRunner } from '../core/context.js';
import type { TitlesConfig } from '../core/titles.js';
import { copiedBuffers } from '../storage/entry-table.js';
import type { Store } from '../storage/store.js';

/*
 * Report files (a year's workbook at 100k entries takes seconds and hundreds of MB to build) are built
 * in a worker thread, from a capture of the store taken at the request — one synchronous copy of the
 * entry table's columns (storage/entry-table.ts), a few ms; the snapshot's strings are shared memory
 * and cross without a copy. The event loop only posts the capture and receives the files.
 */

export interface ReportRunnerOptions {
  /**
   * Test seam (a deliberately slow report): each job, once started in the worker, waits until
   * `gate[0]` is set and notified (Atomics) before it builds; a gate nobody opens within 15 s fails
   * the job.
   */
  gate?: Int32Array;
  /** Called when a job has started in the worker. */
  onStart?: () => void;
}

/** How long the worker stays once idle before it ends and its memory is returned. */
const IDLE_MS = 2_000;

interface Waiting {
  resolve(files: Buffer[]): void;
  reject(error: Error): void;
  onStart?: (() => void) | undefined;
}

type Answer =
  | { id: number; started: true }
  | { id: number; files: Uint8Array[] }
  | { id: number; error: { message: string; stack?: string } };

/** The process's one report thread: started at the first file asked for, ended after a while without work. */
class ReportThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private next = 1;
  private idle: NodeJS.Timeout | undefined;

  run(message: object, transfer: ArrayBuffer[], onStart?: () => void): Promise<Buffer[]> {
    const id = this.next++;
    const worker = this.start();
    clearTimeout(this.idle);
    worker.ref();
    const files = new Promise<Buffer[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, onStart });
    });
    worker.postMessage({ ...message, id }, transfer);
    return files;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (answer: Answer) => this.answer(answer));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) =>
      this.fail(worker, new Error(`the report worker stopped (exit code ${code})`)),
    );
    this.worker = worker;
    return worker;
  }

  private answer(answer: Answer): void {
    const job = this.waiting.get(answer.id);
    if (!job) return;
    if ('started' in answer) {
      job.onStart?.();
      return;
    }
    this.waiting.delete(answer.id);
    if ('files' in answer) {
      job.resolve(answer.files.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)));
    } else {
      job.reject(Object.assign(new Error(answer.error.message), { stack: answer.error.stack }));
    }
    if (this.waiting.size === 0) this.rest();
  }

  /** No work left: the thread no longer keeps the process alive, and ends if none comes for a while. */
  private rest(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.unref();
    this.idle = setTimeout(() => {
      if (this.worker === worker && this.waiting.size === 0) {
        this.worker = null;
        void worker.terminate();
      }
    }, IDLE_MS);
    this.idle.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const job of this.waiting.values()) job.reject(error);
    this.waiting.clear();
  }
}

function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // The sources run through tsx (tests, `npm run dev`): so does the worker, by way of a bootstrap.
    return new Worker(new URL('./tsx-worker.mjs', here), {
      workerData: { entry: new URL('./report-worker.ts', here).href },
    });
  }
  // The build (`npm start`): dist/report-worker.js beside the bundle.
  return new Worker(new URL('./report-worker.js', here));
}

const thread = new ReportThread();

/** The bot's report runner: every file built in the report thread, from a capture of `store` at the call. */
export function createReportRunner(
  store: Store,
  config: { agency: AgencyConfig; titles?: TitlesConfig | undefined },
  options: ReportRunnerOptions = {},
): ReportRunner {
  return {
    build(jobs: readonly ReportJob[]) {
      const capture = store.capture();
      return thread.run(
        { capture, agency: config.agency, titles: config.titles, jobs, gate: options.gate },
        copiedBuffers(capture.entries),
        options.onStart,
      );
    },
  };
}
