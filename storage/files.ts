import { constants } from 'node:fs';
import { copyFile, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

/** What the journal needs of an open file: node's FileHandle has it, and tests hand in faulty ones. */
export interface DataFile {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file operations the store makes, as one seam: node's file system by default; fault tests pass
 * one that fails where they choose (a full disk, a refused fsync) instead of reaching into the store.
 */
export interface StoreFiles {
  /** Opens (creating) the journal for reading and writing. */
  openJournal(path: string): Promise<DataFile>;
  /** Writes a file atomically and durably (temp file, fdatasync, rename, fsync of the directory). */
  writeDurably(path: string, content: string): Promise<void>;
  /** Copies a file atomically and durably, the same way. */
  copyDurably(from: string, to: string): Promise<void>;
}

/** fsync a directory so that a rename or a new file in it survives a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
  });
}

/** Writes `path` through a temp file that is removed, not left holding the disk's last space, if anything fails. */
async function viaTemp(path: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.tmp`;
  try {
    await fill(tmp);
    await rename(tmp, path);
  } catch (error) {
    await removeQuietly(tmp).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}

export const nodeFiles: StoreFiles = {
  openJournal: (path) => open(path, constants.O_RDWR | constants.O_CREAT, 0o600),
  writeDurably: (path, content) =>
    viaTemp(path, async (tmp) => {
      const handle = await open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }),
  copyDurably: (from, to) =>
    viaTemp(to, async (tmp) => {
      await copyFile(from, tmp);
      const handle = await open(tmp, 'r+');
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }),
};

/** Removes the temp files a write cut off by a crash or a full disk left behind (`*.tmp` in `dir`). */
export async function removeTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if (isErrnoException(error) && error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    await removeQuietly(join(dir, name));
    removed.push(name);
  }
  return removed;
}
