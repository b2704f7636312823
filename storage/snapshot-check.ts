import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { StoreCorruptError } from '../core/errors.js';
import { Indexes } from './indexes.js';
import { checkState, RuleBroken, scopeOf } from './invariants.js';
import type { CheckerMessage, RulesOnTheWire, Verdict } from './read-ahead.js';
import type { State } from './schema.js';
import { snapshotOf } from './snapshot-file.js';

/*
 * The worker thread bot/start.ts starts (storage/read-ahead.ts) before the bot's modules load: it reads
 * the snapshot into shared memory, hands the bytes to the main thread at once, then checks them as
 * Store.open would — the file as a snapshot (snapshot-file.ts snapshotOf: checksum, header, state, the
 * entry table's columns), then, told the rules' settings, every rule over what it holds
 * (storage/invariants.ts checkState) — and says what it found. It writes nothing.
 */

const port = parentPort;
if (!port) throw new Error('snapshot-check.ts runs as a worker thread');
const { path } = workerData as { path: string };
const post = (message: CheckerMessage) => port.postMessage(message);

function read(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** What an error says as a verdict: a problem of the file, or none to say (the main thread checks). */
function verdictOf(error: unknown): Verdict {
  if (error instanceof StoreCorruptError) return { problem: error.problem };
  if (error instanceof RuleBroken) return { problem: error.message };
  return { lost: String(error) };
}

// The rules' settings may come before the file is checked: kept until it is.
let settings: RulesOnTheWire | undefined;
let checkRules: (() => void) | undefined;
port.once('message', (wire: RulesOnTheWire) => {
  settings = wire;
  checkRules?.();
});

let bytes: Uint8Array | undefined;
try {
  bytes = read(path);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  post({ type: 'bytes', error: { ...(code ? { code } : {}), message } });
  port.close();
}
if (bytes) {
  post({ type: 'bytes', bytes });
  let state: State | undefined;
  try {
    state = snapshotOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
    post({ type: 'structure', verdict: { ok: true } });
  } catch (error) {
    post({ type: 'structure', verdict: verdictOf(error) });
    port.close();
  }
  if (state) {
    const checked = state;
    checkRules = () => {
      const wire = settings as RulesOnTheWire;
      let verdict: Verdict = { ok: true };
      try {
        const idx = new Indexes();
        // A member twice is the main thread's to say (Store.open), before it asks for this verdict.
        for (const member of checked.members) idx.indexMember(member);
        const now = new Date(wire.now);
        checkState(
          scopeOf(
            checked,
            idx,
            {
              ...(wire.departments ? { departments: wire.departments } : {}),
              ...(wire.planYear !== undefined ? { planYear: wire.planYear } : {}),
              now: () => now,
              ...(wire.earliest !== undefined ? { earliest: new Date(wire.earliest) } : {}),
            },
            true,
          ),
        );
      } catch (error) {
        verdict = verdictOf(error);
      }
      post({ type: 'rules', verdict });
      port.close();
    };
    if (settings) checkRules();
  }
}
