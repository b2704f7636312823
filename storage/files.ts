import { constants } from 'node:fs';
import { copyFile, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JournalThread, threadedFile } from './journal-thread.js';

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

/** What the store needs of an open file: node's FileHandle has it, and fault tests hand in failing ones. */
export interface DataFile {
  /**
   * `here`: the caller writes alone (nothing else waits for the event loop), so the write may be made
   * on the calling thread, holding it until the bytes are written (storage/journal-thread.ts). A file
   * without a thread of its own ignores it.
   */
  write(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    here?: boolean,
  ): Promise<{ bytesWritten: number }>;
  writeFile(data: string | Uint8Array): Promise<void>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file system as the store touches it, as one seam: node's by default; fault tests pass one whose
 * files fail where they choose (a full disk, a refused fsync) instead of reaching into the store.
 */
export interface FileSystem {
  open(path: string, flags: string | number, mode?: number): Promise<DataFile>;
  copyFile(from: string, to: string): Promise<void>;
}

export const nodeFileSystem: FileSystem = {
  open: (path, flags, mode) => open(path, flags, mode),
  copyFile: (from, to) => copyFile(from, to),
};

/**
 * Whether the journal is opened with O_DSYNC (Linux, macOS: wherever Node has the flag): then a write
 * returns only once its bytes are on disk, as a write followed by fdatasync would — one call where
 * there were two (made on the journal's own thread: storage/journal-thread.ts). Elsewhere the journal
 * calls fdatasync after each write.
 */
export const JOURNAL_WRITES_DURABLY = typeof constants.O_DSYNC === 'number';

/** The file operations the store makes, over a file system. */
export interface StoreFiles {
  /** Opens (creating) the journal for reading and writing; its writes are durable (`JOURNAL_WRITES_DURABLY`). */
  openJournal(path: string): Promise<DataFile>;
  /** Writes a file atomically and durably (temp file, fdatasync, rename, fsync of the directory). */
  writeDurably(path: string, content: string | Uint8Array): Promise<void>;
  /**
   * The same, chunk by chunk (each write awaited, so the event loop runs between chunks; a chunk is
   * written before the next is asked for, so its memory may be reused then). Before the rename,
   * `beforeRename` may refuse (false): the temp file is removed and false returned.
   */
  writeChunksDurably(
    path: string,
    chunks: Iterable<Uint8Array>,
    beforeRename?: () => Promise<boolean>,
  ): Promise<boolean>;
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

/**
 * Writes `path` through a temp file that is removed, not left holding the disk's last space, if
 * anything fails — or if `beforeRename` refuses (then false).
 */
async function viaTemp(
  path: string,
  fill: (tmp: string) => Promise<void>,
  beforeRename?: () => Promise<boolean>,
): Promise<boolean> {
  const tmp = `${path}.tmp`;
  try {
    await fill(tmp);
    if (beforeRename && !(await beforeRename())) {
      await removeQuietly(tmp);
      return false;
    }
    await rename(tmp, path);
  } catch (error) {
    await removeQuietly(tmp).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
  return true;
}

/** How much of a snapshot may wait in the page cache before it is flushed (storeFiles.writeChunksDurably). */
const SYNC_EVERY_BYTES = 4 << 20;

/** The store's file operations over `fs`: every durable write goes through a temp file, removed if it fails. */
export function storeFiles(fs: FileSystem = nodeFileSystem): StoreFiles {
  const thread = new JournalThread();
  return {
    openJournal: async (path) => {
      const flags = constants.O_RDWR | constants.O_CREAT | (JOURNAL_WRITES_DURABLY ? constants.O_DSYNC : 0);
      // Node's own files get their writes made on the journal's thread (storage/journal-thread.ts);
      // a file system handed in (fault tests) keeps its own.
      if (fs !== nodeFileSystem) return fs.open(path, flags, 0o600);
      return threadedFile(await open(path, flags, 0o600), thread);
    },
    writeDurably: async (path, content) => {
      await viaTemp(path, async (tmp) => {
        const handle = await fs.open(tmp, 'w', 0o600);
        try {
          await handle.writeFile(content);
          await handle.datasync();
        } finally {
          await handle.close();
        }
      });
    },
    writeChunksDurably: (path, chunks, beforeRename) =>
      viaTemp(
        path,
        async (tmp) => {
          const handle = await fs.open(tmp, 'w', 0o600);
          try {
            let position = 0;
            let unsynced = 0;
            for (const chunk of chunks) {
              const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
              let written = 0;
              while (written < buffer.length) {
                const { bytesWritten } = await handle.write(
                  buffer,
                  written,
                  buffer.length - written,
                  position + written,
                );
                written += bytesWritten;
              }
              position += buffer.length;
              unsynced += buffer.length;
              // Flushed as it goes: tens of MB of dirty data flushed at once would hold up the
              // journal's own fdatasync meanwhile (ext4 commits them together), and every write.
              if (unsynced >= SYNC_EVERY_BYTES) {
                await handle.datasync();
                unsynced = 0;
              }
            }
            await handle.datasync();
          } finally {
            await handle.close();
          }
        },
        beforeRename,
      ),
    copyDurably: async (from, to) => {
      await viaTemp(to, async (tmp) => {
        await fs.copyFile(from, tmp);
        // The copy is on disk before it takes the backup's name (a rename of unsynced data can leave
        // an empty file after a power cut).
        const handle = await fs.open(tmp, 'r+');
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      });
    },
  };
}

export const nodeFiles: StoreFiles = storeFiles();

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
