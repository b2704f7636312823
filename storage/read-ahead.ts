import { open } from 'node:fs/promises';

/*
 * Reading the snapshot's bytes, with nothing else of the store: bot/start.ts starts this before the
 * bot's modules are loaded, so the disk works while the main thread compiles (storage/store.ts checks
 * and uses the bytes once it opens the store).
 */

/** The snapshot's file in a data directory. */
export const STORE_FILE = 'store.snapshot';

/** A snapshot whose reading has begun: its path, and its bytes (or the error that reading met). */
export interface ReadAhead {
  path: string;
  bytes: Promise<Buffer>;
}

/** Starts reading the snapshot at `path`; what it meets waits for whoever takes the bytes. */
export function readAhead(path: string): ReadAhead {
  const bytes = readShared(path);
  // Handled by whoever awaits it (Store.open); taken by none, it ends the process for nothing.
  bytes.catch(() => {});
  return { path, bytes };
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
