// The report thread (bot/reports.ts starts it): builds report files from a capture of the store, one
// request at a time, and sends them back. exceljs and docx are loaded here, never on the main thread.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { AgencyConfig } from '../core/agency.js';
import type { ReportJob } from '../core/context.js';
import type { TitlesConfig } from '../core/titles.js';
import { catalog, type ReportSource } from '../reports/catalog.js';
import { StoreView } from '../storage/reader.js';
import type { StoreCapture } from '../storage/snapshot-file.js';

interface Request {
  id: number;
  capture: StoreCapture;
  agency: AgencyConfig;
  titles?: TitlesConfig | undefined;
  jobs: ReportJob[];
  gate?: Int32Array;
}

/** How long a gated job waits for its gate (tests only; under vitest's 20 s limit). */
const GATE_MS = 15_000;

const port = parentPort;
if (!port) throw new Error('bot/report-worker.ts runs as a worker thread (bot/reports.ts starts it)');

// Building a file must not take CPU from the bot's commands: on Linux a thread has its own nice value,
// and this lowers the report thread's alone (elsewhere it would lower the whole process, so not there).
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // Not allowed here (a container's policy): the thread runs at the process's priority.
  }
}

let queue = Promise.resolve();
port.on('message', (request: Request) => {
  queue = queue.then(() => build(request));
});

async function build(request: Request): Promise<void> {
  const { id } = request;
  try {
    port?.postMessage({ id, started: true });
    // The test seam: wait until the test opens the gate. Opened by nobody (its thread was blocked?) is a failure.
    if (request.gate && Atomics.wait(request.gate, 0, 0, GATE_MS) === 'timed-out') {
      throw new Error('the report gate was never opened');
    }
    const source: ReportSource = {
      store: StoreView.of(request.capture),
      agency: request.agency,
      titles: request.titles,
    };
    const files: Uint8Array[] = [];
    for (const job of request.jobs) {
      const builder = (catalog as Record<string, (s: ReportSource, a: unknown) => Promise<Buffer>>)[
        job.report
      ];
      if (!builder) throw new Error(`no report named ${job.report}`);
      // A copy of its own, so its memory can be handed over (transferred) rather than copied again.
      files.push(new Uint8Array(await builder(source, job.args)));
    }
    port?.postMessage(
      { id, files },
      files.map((f) => f.buffer as ArrayBuffer),
    );
  } catch (error) {
    const { message, stack } = error as Error;
    port?.postMessage({ id, error: { message: String(message), stack } });
  }
}
