// The report process (bot/reports.ts starts it): builds report files from a capture of the store, one
// request at a time, and sends them back over its socket (fd 3; bot/report-wire.ts). exceljs and docx
// are loaded here, never in the bot. It ends when the bot closes the socket (idle, or gone).
import { Socket } from 'node:net';
import { setPriority } from 'node:os';
import type { AgencyConfig } from '../core/agency.js';
import type { ReportJob } from '../core/reports.js';
import type { TitlesConfig } from '../core/titles.js';
import { catalog, type ReportSource } from '../reports/catalog.js';
import type { EntryTableData } from '../storage/entry-table.js';
import { StoreView } from '../storage/reader.js';
import { type Frame, FrameReader, unpack, writeFrame } from './report-wire.js';

interface Request {
  id: number;
  state: string;
  entries: unknown;
  agency: AgencyConfig;
  titles?: TitlesConfig | undefined;
  jobs: ReportJob[];
  /** Test seam: wait for the bot's word (`go`) before building. */
  gated: boolean;
}

// Building a file must not take CPU from the bot's commands: this process runs at a lower priority.
try {
  setPriority(0, 10);
} catch {
  // Not allowed here (a container's policy): it runs at the bot's priority.
}

const socket = new Socket({ fd: 3, readable: true, writable: true });
const gates = new Map<number, (go: boolean) => void>();
let queue = Promise.resolve();
const reader = new FrameReader(({ header, blobs }: Frame) => {
  const message = header as Request | { id: number; go: boolean };
  if ('go' in message) {
    gates.get(message.id)?.(message.go);
    return;
  }
  const request = message;
  // The bot waits for the answer, so the gate's word can only come after `started`: listen before.
  const gate = request.gated
    ? new Promise<boolean>((resolve) => gates.set(request.id, resolve))
    : Promise.resolve(true);
  const entries = unpack(request.entries, blobs) as EntryTableData;
  queue = queue.then(() => build(request, entries, gate));
});
socket.on('data', (chunk: Buffer) => reader.push(chunk));
// The bot closed the socket (idle, or it stopped): nothing more will be asked.
socket.on('end', () => process.exit(0));
socket.on('error', () => process.exit(1));

async function build(request: Request, entries: EntryTableData, gate: Promise<boolean>): Promise<void> {
  const { id } = request;
  try {
    writeFrame(socket, { id, started: true });
    if (!(await gate)) throw new Error('the report gate was never opened');
    gates.delete(id);
    const source: ReportSource = {
      store: StoreView.of({ state: request.state, entries }),
      agency: request.agency,
      titles: request.titles,
    };
    const files: Buffer[] = [];
    for (const job of request.jobs) {
      const builder = (catalog as Record<string, (s: ReportSource, a: unknown) => Promise<Buffer>>)[
        job.report
      ];
      if (!builder) throw new Error(`no report named ${job.report}`);
      files.push(await builder(source, job.args));
    }
    writeFrame(socket, { id, files: files.length }, files);
  } catch (error) {
    const { message, stack } = error as Error;
    writeFrame(socket, { id, error: { message: String(message), stack } });
  }
}
