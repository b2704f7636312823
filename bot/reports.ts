import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { AgencyConfig } from '../core/agency.js';
import type { ReportJob, ReportRunner } from '../core/reports.js';
import type { TitlesConfig } from '../core/titles.js';
import type { Store } from '../storage/store.js';
import { type Frame, FrameReader, pack, writeFrame } from './report-wire.js';

/*
 * Report files (a year's workbook at 100k entries takes seconds and hundreds of MB to build) are built
 * in a child process of their own, so the bot's memory stays its own and what a report took is given
 * back to the system when the child ends (a thread's heap stayed in the bot's RSS). The child gets a
 * capture of the store taken at the request — one synchronous copy of the entry table's number
 * columns (storage/entry-table.ts) into the table's spare arrays, whose memory is already faulted in
 * (storage/capture-spare.ts: into fresh memory the copy took 10-25 ms at 100k entries, 120-250 ms at
 * 1M) — written to it over a socket from where it lies: the copied columns and the snapshot's
 * strings, never serialised. The spare arrays go back for the next capture only once the socket has
 * sent them. The event loop only takes the capture, writes it and receives the files.
 */

export interface ReportRunnerOptions {
  /**
   * Test seam (a deliberately slow report): each job, once started in the report process, waits until
   * `gate[0]` is set and notified (Atomics) before it builds; a gate nobody opens within 15 s fails
   * the job.
   */
  gate?: Int32Array;
  /** Called when a job has started in the report process. */
  onStart?: () => void;
}

/** How long the report process stays once idle before it ends and its memory is returned. */
const IDLE_MS = 2_000;
/** How long a gated job waits for its gate (tests only; under vitest's 20 s limit). */
const GATE_MS = 15_000;
/** How much of the report process's stderr is kept, to say why it stopped. */
const STDERR_KEPT = 4_096;

interface Waiting {
  resolve(files: Buffer[]): void;
  reject(error: Error): void;
  onStart?: (() => void) | undefined;
  gate?: Int32Array | undefined;
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeout: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };

type Answer =
  | { id: number; started: true }
  | { id: number; files: number }
  | { id: number; error: { message: string; stack?: string } };

/** The running report process: the child, its socket, and the tail of what it said on stderr. */
interface Child {
  process: ChildProcess;
  socket: Socket;
  stderr: string;
}

/** The process's one report process: started at the first file asked for, ended after a while without work. */
class ReportProcess {
  private child: Child | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private next = 1;
  private idle: NodeJS.Timeout | undefined;

  /** Sends a request (`sent` is called once its blobs are written, or will never be) and waits for its files. */
  run(
    { header, blobs, sent }: ReportRequest,
    options: { onStart?: (() => void) | undefined; gate?: Int32Array | undefined },
  ): Promise<Buffer[]> {
    const id = this.next++;
    clearTimeout(this.idle);
    const files = new Promise<Buffer[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, ...options });
    });
    void this.send(id, { ...header, id, gated: Boolean(options.gate) }, blobs, sent);
    return files;
  }

  /**
   * Starts the child if need be and writes the request, each in a turn of the event loop of its own
   * after the capture's: at 100k entries the capture, the child's spawn and the frame's writing took
   * ~20 ms each on a loaded machine, and 50 writers' commands waited for all three at once.
   */
  private async send(id: number, header: object, blobs: Uint8Array[], sent: () => void): Promise<void> {
    let writing = false;
    try {
      await nextTurn();
      // Failed meanwhile (the child before ended): nothing to send.
      if (!this.waiting.has(id)) return;
      const child = this.start();
      child.process.ref();
      child.socket.ref();
      await nextTurn();
      if (this.child === child && this.waiting.has(id)) {
        writeFrame(child.socket, header, blobs, sent);
        writing = true;
      }
    } finally {
      if (!writing) sent();
    }
  }

  private start(): Child {
    if (this.child) return this.child;
    const proc = startChild();
    const socket = proc.stdio[3] as Socket;
    const child: Child = { process: proc, socket, stderr: '' };
    // The files received are given back once delivered (bot/app.ts).
    const reader = new FrameReader((frame) => this.answer(child, frame), { givesBack: true });
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    // A write to a child that has just died: its exit says why.
    socket.on('error', () => {});
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (text: string) => {
      child.stderr = (child.stderr + text).slice(-STDERR_KEPT);
    });
    proc.on('error', (error) => this.fail(child, error));
    proc.on('exit', (code, signal) => {
      const why = child.stderr.trim().split('\n').slice(-3).join(' | ');
      this.fail(
        child,
        new Error(`the report process stopped (${signal ?? `exit code ${code}`})${why ? `: ${why}` : ''}`),
      );
    });
    this.child = child;
    return child;
  }

  private answer(child: Child, { header, blobs }: Frame): void {
    const answer = header as Answer;
    const job = this.waiting.get(answer.id);
    if (!job) return;
    if ('started' in answer) {
      job.onStart?.();
      if (job.gate) void this.whenOpen(child, answer.id, job.gate);
      return;
    }
    this.waiting.delete(answer.id);
    if ('files' in answer) job.resolve(blobs);
    else job.reject(Object.assign(new Error(answer.error.message), { stack: answer.error.stack }));
    if (this.waiting.size === 0) this.rest();
  }

  /** The test seam: tells the report process to go on once the gate is opened (or that nobody did). */
  private async whenOpen(child: Child, id: number, gate: Int32Array): Promise<void> {
    // Atomics.waitAsync (Node 16+) is not in TypeScript's ES2023 library.
    const wait = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(gate, 0, 0, GATE_MS);
    const result = wait.async ? await wait.value : wait.value;
    if (this.child === child) writeFrame(child.socket, { id, go: result !== 'timed-out' });
  }

  /** No work left: the child no longer keeps the process alive, and ends if none comes for a while. */
  private rest(): void {
    const child = this.child;
    if (!child) return;
    child.process.unref();
    child.socket.unref();
    this.idle = setTimeout(() => {
      if (this.child === child && this.waiting.size === 0) {
        this.child = null;
        // The child ends when its socket does, its memory returned to the system.
        child.socket.end();
      }
    }, IDLE_MS);
    this.idle.unref();
  }

  private fail(child: Child, error: Error): void {
    if (this.child !== child) return;
    this.child = null;
    child.socket.destroy();
    for (const job of this.waiting.values()) job.reject(error);
    this.waiting.clear();
  }
}

/**
 * The report process's heap grows by half over what V8's last full collection kept, instead of up to
 * four times (V8's own choice on a machine with memory to spare), and its young objects are collected
 * in 4 MB halves instead of 16 (as the bot's own, package.json's start). A zip of every achievement
 * draft keeps 50-90 MB alive at 100k entries, yet its heap grew to 220+ MB of mostly garbage: the
 * process peaked at 370-390 MB; with the growing factor ~240 MB, with both ~210 MB. Collections come
 * more often, in a process that runs at a lower priority (bot/report-worker.ts); a year's workbook,
 * whose objects are all alive, is unchanged (~370 MB).
 */
const REPORT_V8_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'];

function startChild(): ChildProcess {
  const here = import.meta.url;
  // fd 3: the socket frames go both ways on; stderr kept to say why the child stopped, if it does.
  const options = { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[] };
  if (here.endsWith('.ts')) {
    // The sources run through tsx (tests, `npm run dev`): so does the child, by way of a bootstrap.
    const entry = new URL('./report-worker.ts', here).href;
    const bootstrap = fileURLToPath(new URL('./tsx-worker.mjs', here));
    return spawn(process.execPath, [...REPORT_V8_FLAGS, bootstrap, entry], options);
  }
  // The build (`npm start`): dist/report-worker.js beside the bundle.
  const worker = fileURLToPath(new URL('./report-worker.js', here));
  return spawn(process.execPath, [...REPORT_V8_FLAGS, worker], options);
}

const reportProcess = new ReportProcess();

/** The bot's report runner: every file built in the report process, from a capture of `store` at the call. */
export function createReportRunner(
  store: Store,
  config: { agency: AgencyConfig; titles?: TitlesConfig | undefined },
  options: ReportRunnerOptions = {},
): ReportRunner {
  return {
    build(jobs: readonly ReportJob[]) {
      return reportProcess.run(reportRequest(store, config, jobs), {
        onStart: options.onStart,
        gate: options.gate,
      });
    },
  };
}

/** What the report process is sent for a request: a header, and blobs written from where they lie. */
export interface ReportRequest {
  header: object;
  blobs: Uint8Array[];
  /** To call once the blobs are written (or never will be): their memory is then the next capture's. */
  sent: () => void;
}

/**
 * What the report process is sent for `jobs`, taken on the event loop: the capture of `store` at this
 * instant (into the store's spare arrays), its columns as blobs (written from where they lie;
 * bot/report-wire.ts), given back with `sent`.
 */
export function reportRequest(
  store: Store,
  config: { agency: AgencyConfig; titles?: TitlesConfig | undefined },
  jobs: readonly ReportJob[],
): ReportRequest {
  const { capture, release } = store.lendCapture();
  const entries = pack(capture.entries);
  return {
    header: {
      state: capture.state,
      entries: entries.value,
      agency: config.agency,
      titles: config.titles,
      jobs,
    },
    blobs: entries.blobs,
    sent: release,
  };
}
