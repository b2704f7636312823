import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { RuleSettings } from './invariants.js';

/*
 * Reading the snapshot's bytes, with nothing else of the store: bot/start.ts starts this before the
 * bot's modules are loaded, so the disk works while the main thread compiles (storage/store.ts checks
 * and uses the bytes once it opens the store). In the build, a worker thread (storage/snapshot-check.ts)
 * reads them and checks them — the CRC-32, the entry table's columns, then the store's rules — on the
 * other core while the main thread compiles: the store then uses the bytes in place without checking
 * them again (a verdict of damage stops the start as the main thread's own checks would).
 */

/** The snapshot's file in a data directory. */
export const STORE_FILE = 'store.snapshot';

/** A snapshot whose reading has begun: its path, and its bytes (or the error that reading met). */
export interface ReadAhead {
  path: string;
  bytes: Promise<Buffer>;
  /** Where a worker checks the same bytes: its verdicts (storage/snapshot-check.ts). */
  checks?: SnapshotChecks;
}

/**
 * A worker's verdict: the bytes keep what it checked (`ok`), or not (`problem`, as StoreCorruptError
 * says it after the file's name), or the worker could not say (`lost`: it failed, or is gone — the
 * main thread then checks for itself).
 */
export type Verdict = { ok: true } | { problem: string } | { lost: string };

/** The rules' settings as they cross to the worker (storage/invariants.ts RuleSettings, the clock read). */
export interface RulesOnTheWire {
  departments?: readonly string[];
  planYear?: number;
  now: number;
  earliest?: number;
}

/** A worker's checks of a snapshot read ahead. */
export interface SnapshotChecks {
  /** The file as a snapshot: checksum, header, state, the entry table's columns (snapshot-file.ts snapshotOf). */
  structure: Promise<Verdict>;
  /** Every rule over what the snapshot holds under `settings` (storage/invariants.ts checkState); asked once. */
  rules(settings: RuleSettings): Promise<Verdict>;
  /** Ends the worker (idempotent): its answers no longer wanted. */
  dispose(): void;
}

/**
 * Starts reading the snapshot at `path`; what it meets waits for whoever takes the bytes. `checker`:
 * the worker's script (the build's snapshot-check.js), to read and check the bytes off the main thread.
 */
export function readAhead(path: string, checker?: URL): ReadAhead {
  if (checker) {
    try {
      return checkedAhead(path, checker);
    } catch {
      // No thread to be had: read here, checked where they are used.
    }
  }
  const bytes = readShared(path);
  // Handled by whoever awaits it (Store.open); taken by none, it ends the process for nothing.
  bytes.catch(() => {});
  return { path, bytes };
}

/** Messages from storage/snapshot-check.ts, in this order. */
export type CheckerMessage =
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'bytes'; error: { code?: string; message: string } }
  | { type: 'structure'; verdict: Verdict }
  | { type: 'rules'; verdict: Verdict };

function checkedAhead(path: string, checker: URL): ReadAhead {
  const worker = new Worker(checker, { workerData: { path } });
  // Never what keeps the process alive: a bot that stops before it opens the store just exits.
  worker.unref();
  let gotBytes!: (bytes: Buffer) => void;
  let failedBytes!: (error: Error) => void;
  let gotStructure!: (verdict: Verdict) => void;
  let gotRules!: (verdict: Verdict) => void;
  let bytesDone = false;
  let structureDone = false;
  let rulesDone = false;
  const bytes = new Promise<Buffer>((resolve, reject) => {
    gotBytes = resolve;
    failedBytes = reject;
  });
  bytes.catch(() => {});
  const structure = new Promise<Verdict>((resolve) => {
    gotStructure = resolve;
  });
  const rules = new Promise<Verdict>((resolve) => {
    gotRules = resolve;
  });
  let ended = false;
  const dispose = () => {
    if (ended) return;
    ended = true;
    void worker.terminate();
  };
  const lose = (why: string) => {
    if (!bytesDone) {
      bytesDone = true;
      // The bytes read here instead.
      readShared(path).then(gotBytes, failedBytes);
    }
    if (!structureDone) {
      structureDone = true;
      gotStructure({ lost: why });
    }
    if (!rulesDone) {
      rulesDone = true;
      gotRules({ lost: why });
    }
    dispose();
  };
  worker.on('message', (message: CheckerMessage) => {
    if (message.type === 'bytes') {
      bytesDone = true;
      if ('bytes' in message) {
        const b = message.bytes;
        gotBytes(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      } else {
        failedBytes(Object.assign(new Error(message.error.message), { code: message.error.code }));
      }
    } else if (message.type === 'structure') {
      structureDone = true;
      gotStructure(message.verdict);
      if (!('ok' in message.verdict)) lose('no rules checked on a snapshot that is not one');
    } else {
      rulesDone = true;
      gotRules(message.verdict);
      dispose();
    }
  });
  worker.on('error', (error) => lose(`the checking thread failed: ${error.message}`));
  worker.on('exit', (code) => lose(`the checking thread ended (${code})`));
  let asked = false;
  return {
    path,
    bytes,
    checks: {
      structure,
      rules(settings: RuleSettings): Promise<Verdict> {
        if (!asked && !ended) {
          const wire: RulesOnTheWire = {
            ...(settings.departments ? { departments: [...settings.departments] } : {}),
            ...(settings.planYear !== undefined ? { planYear: settings.planYear } : {}),
            now: (settings.now?.() ?? new Date()).getTime(),
            ...(settings.earliest ? { earliest: settings.earliest.getTime() } : {}),
          };
          worker.postMessage(wire);
        }
        asked = true;
        return rules;
      },
      dispose,
    },
  };
}

/**
 * A file's bytes in shared memory, read in one request to the thread pool (about twice as fast as
 * readFile's 512 KB pieces). Shared, so the snapshot's string columns reach a report worker without a
 * copy (they never change).
 */
export async function readShared(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const { bytesRead } = await file.read(bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } finally {
    await file.close();
  }
}
