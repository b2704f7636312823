import { writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { DataFile } from './files.js';

/**
 * The journal's durable writes made on one thread of their own, always the same, instead of on
 * libuv's thread pool, where each write lands on whichever of its four threads wakes. Measured
 * (issue 26, alternating write by write with SQLite in the same process, so both see the same disk
 * at the same moments, load 8–14): the pool's durable writes had 1.45–1.78 times SQLite's p99 (the
 * median round of each series); one thread — this one, or the pool cut to a single thread — 1.01–1.04
 * times. The pool stays for everything else, and for any write while this thread is not up, larger
 * than its buffer (the 1 MiB of zeros the journal puts down ahead) or after it is lost.
 *
 * The thread writes with the journal's own file descriptor (opened O_DSYNC: the write returns once
 * its bytes are on disk) from a buffer shared with the main thread; the main thread waits with
 * `Atomics.waitAsync`, so its event loop runs meanwhile. One write at a time: the journal's group
 * commit never has two in flight, and writes of other journals (tests open several stores) queue.
 */

/** The most one write through the thread carries: a journal piece (JOURNAL_PIECE_BYTES) and then some. */
const CAPACITY = (64 << 10) + 4096;
// The shared buffer: control words, the position, an error's text, then the bytes to write.
const REQUEST = 0; // main → thread: the number of the last request (-1: stop)
const DONE = 1; // thread → main: the number of the last request done
const LENGTH = 2;
const FD = 3;
const FAILED = 4; // 1 if the last request failed (its error in ERROR_AT)
const READY = 5; // 1 once the thread waits for requests
const POSITION_AT = 32;
const ERROR_AT = 64;
// An error's JSON: its code and at most 160 characters of its message (up to 3 bytes each in UTF-8).
const ERROR_BYTES = 1024;
const DATA_AT = ERROR_AT + ERROR_BYTES;

// CommonJS, evaluated in the thread: no module of the bundle is loaded there.
const THREAD = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const shared = workerData;
const control = new Int32Array(shared, 0, 8);
const position = new Float64Array(shared, ${POSITION_AT}, 1);
const data = new Uint8Array(shared, ${DATA_AT});
const error = new Uint8Array(shared, ${ERROR_AT}, ${ERROR_BYTES});
let seen = 0;
Atomics.store(control, ${READY}, 1);
for (;;) {
  Atomics.wait(control, ${REQUEST}, seen);
  const request = Atomics.load(control, ${REQUEST});
  if (request === -1) break;
  if (request === seen) continue;
  seen = request;
  let failed = 0;
  try {
    const length = control[${LENGTH}];
    const at = position[0];
    for (let written = 0; written < length; ) {
      written += writeSync(control[${FD}], data, written, length - written, at + written);
    }
  } catch (e) {
    failed = 1;
    const text = new TextEncoder().encode(JSON.stringify({ code: e && e.code, message: String(e && e.message).slice(0, 160) }));
    error.fill(0);
    error.set(text.subarray(0, ${ERROR_BYTES}));
  }
  control[${FAILED}] = failed;
  Atomics.store(control, ${DONE}, request);
  Atomics.notify(control, ${DONE});
}
`;

interface WaitAsync {
  waitAsync(
    array: Int32Array,
    index: number,
    value: number,
    timeout?: number,
  ): { async: false; value: string } | { async: true; value: Promise<string> };
}

/** One journal-writing thread, shared by the journal files opened through it (`use`, `release`). */
export class JournalThread {
  /** undefined: not started; null: starting at the next turn of the loop. */
  private worker: Worker | null | undefined;
  private readonly shared = new SharedArrayBuffer(DATA_AT + CAPACITY);
  private readonly control = new Int32Array(this.shared, 0, 8);
  private readonly position = new Float64Array(this.shared, POSITION_AT, 1);
  private readonly data = new Uint8Array(this.shared, DATA_AT);
  private requests = 0;
  private users = 0;
  /** Writes made on the thread so far (the rest went to the pool). */
  writes = 0;
  /** The thread failed or exited on its own: the pool writes from then on. */
  private lost: Error | undefined;
  /** Rejects the write in flight if the thread is lost meanwhile. */
  private onLost: ((error: Error) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** Resolves once the thread takes writes (started by the first write after `use`). */
  async up(): Promise<void> {
    for (;;) {
      if (this.lost) throw this.lost;
      if (this.worker && Atomics.load(this.control, READY) === 1) return;
      const result = (Atomics as unknown as WaitAsync).waitAsync(this.control, READY, 0, 50);
      if (result.async) await result.value;
    }
  }

  /** A journal file opened: the thread starts at its first write. */
  use(): void {
    this.users += 1;
  }

  /** A journal file closed: the thread stops with the last. */
  async release(): Promise<void> {
    this.users -= 1;
    if (this.users > 0) return;
    if (!this.worker) {
      this.worker = undefined;
      return;
    }
    const worker = this.worker;
    await this.queue;
    if (this.users > 0) return;
    this.worker = undefined;
    Atomics.store(this.control, REQUEST, -1);
    Atomics.notify(this.control, REQUEST);
    await worker.terminate();
  }

  /**
   * Writes `length` bytes of `buffer` from `offset` at `position` of `fd` on the thread, or returns
   * null when the caller should write on the pool: the thread not up yet (started here), lost, or
   * the bytes larger than its buffer.
   */
  write(
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }> | null {
    if (this.lost || length > CAPACITY || this.users === 0) return null;
    if (this.worker === undefined) {
      // Started once this write is on its way (on the pool): the thread's start costs the main
      // thread a few milliseconds, once.
      this.worker = null;
      setImmediate(() => {
        if (this.worker !== null) return;
        if (this.users > 0) this.start();
        else this.worker = undefined;
      });
    }
    if (!this.worker) return null;
    if (Atomics.load(this.control, READY) !== 1) return null;
    const done = this.queue.then(() => this.request(fd, buffer, offset, length, position));
    this.queue = done.catch(() => {});
    return done;
  }

  private start(): void {
    this.control.fill(0);
    this.requests = 0;
    const worker = new Worker(THREAD, { eval: true, workerData: this.shared, stdout: false, stderr: false });
    worker.unref();
    const lose = (error: Error) => {
      this.lost ??= error;
      this.onLost?.(this.lost);
    };
    worker.on('error', lose);
    worker.on('exit', (code) => {
      if (this.worker === worker) lose(new Error(`the journal's write thread exited (${code})`));
    });
    this.worker = worker;
  }

  private async request(
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }> {
    const worker = this.worker;
    if (this.lost || !worker) throw this.lost ?? new Error("the journal's write thread has stopped");
    this.data.set(buffer.subarray(offset, offset + length), 0);
    this.position[0] = position;
    this.control[LENGTH] = length;
    this.control[FD] = fd;
    this.requests += 1;
    const request = this.requests;
    Atomics.store(this.control, REQUEST, request);
    Atomics.notify(this.control, REQUEST);
    // A write in flight keeps the process alive, as one on the pool does.
    worker.ref();
    try {
      await new Promise<void>((resolve, reject) => {
        // The thread lost after it finished this write (and said so): the bytes are written — told
        // as failed, the change would be undone in memory and replayed from the file after a restart.
        this.onLost = (error) => (Atomics.load(this.control, DONE) === request ? resolve() : reject(error));
        const wait = () => {
          const last = Atomics.load(this.control, DONE);
          if (last === request) return resolve();
          const result = (Atomics as unknown as WaitAsync).waitAsync(this.control, DONE, last);
          if (result.async) result.value.then(wait, reject);
          else wait();
        };
        wait();
      });
    } finally {
      this.onLost = undefined;
      worker.unref();
    }
    if (this.control[FAILED] === 1) throw this.failure();
    this.writes += 1;
    return { bytesWritten: length };
  }

  /** The error the thread reported, as the pool would have thrown it (with its `code`). */
  private failure(): NodeJS.ErrnoException {
    const bytes = new Uint8Array(this.shared, ERROR_AT, ERROR_BYTES);
    const end = bytes.indexOf(0);
    const text = new TextDecoder().decode(bytes.slice(0, end === -1 ? ERROR_BYTES : end));
    try {
      const { code, message } = JSON.parse(text) as { code?: string; message: string };
      return Object.assign(new Error(message), code ? { code } : {});
    } catch {
      return new Error(text);
    }
  }
}

/**
 * `handle` with its writes made on `thread` (while it is up; else on the pool) — or, asked `here`,
 * on the calling thread itself, as SQLite makes its commits: no other thread is woken for the write,
 * nor the caller's after it. Measured (issue 26: the store's writes alternated one by one with
 * SQLite's inserts in one process, 4 rounds of 1,500 each, load 9–10): a lone writer's p99 from the
 * thread 0.61–2.49 times SQLite's, 0.85–1.08 written here; the two hand-offs, each waiting for a CPU
 * (or for a halted virtual one to be woken), made the difference.
 */
export function threadedFile(handle: FileHandle, thread: JournalThread): DataFile {
  thread.use();
  let closed = false;
  return {
    write: (buffer, offset, length, position, here) =>
      here
        ? writeHere(handle.fd, buffer, offset, length, position)
        : (thread.write(handle.fd, buffer, offset, length, position) ??
          handle.write(buffer, offset, length, position)),
    writeFile: (data) => handle.writeFile(data),
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
    close: async () => {
      if (!closed) {
        closed = true;
        await thread.release();
      }
      await handle.close();
    },
  };
}

/** Writes on the calling thread; a failure is the promise's, as the pool's is. */
async function writeHere(
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<{ bytesWritten: number }> {
  let written = 0;
  while (written < length) {
    written += writeSync(fd, buffer, offset + written, length - written, position + written);
  }
  return { bytesWritten: length };
}
