import { parentPort, workerData } from 'node:worker_threads';
import { type CheckerMessage, type RulesOnTheWire, readShared } from './read-ahead.js';

/*
 * The worker thread bot/start.ts starts (storage/read-ahead.ts) before the bot's modules load: it reads
 * the snapshot into shared memory, hands the bytes to the main thread at once, then checks them as
 * Store.open would (storage/snapshot-verify.ts) and says what it found. It writes nothing.
 *
 * The read is begun before the checking code is loaded — this file imports nothing else — so the
 * thread pool copies the file while this thread compiles that code (the read no longer waits for the
 * modules, nor they for it: ~25 ms of a quiet start at 100k entries, more on a busy machine).
 */

const port = parentPort;
if (!port) throw new Error('snapshot-check.ts runs as a worker thread');
const { path } = workerData as { path: string };
const post = (message: CheckerMessage) => port.postMessage(message);

// The rules' settings (Store.open sends them once, perhaps before the file is checked): kept until then.
const settings = new Promise<RulesOnTheWire>((resolve) => port.once('message', resolve));
const reading = readShared(path).then(
  (bytes) => {
    post({ type: 'bytes', bytes });
    return bytes;
  },
  (error: NodeJS.ErrnoException) => {
    const { code, message } = error;
    post({ type: 'bytes', error: { ...(code ? { code } : {}), message } });
    return undefined;
  },
);
const { verify } = await import('./snapshot-verify.js');
const bytes = await reading;
if (bytes) await verify(bytes, path, post, settings);
port.close();
