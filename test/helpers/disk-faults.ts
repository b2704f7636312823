import { copyFile, open } from 'node:fs/promises';
import { type DataFile, type FileSystem, JOURNAL_WRITES_DURABLY } from '../../storage/files.js';
import type { Store } from '../../storage/store.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/**
 * A file system whose disk can be made full: while `full`, writes put down part of their data and
 * then fail with ENOSPC, fsyncs fail, copies fail — as a real full disk does. The store's own code
 * (temp files, renames, clean-up) runs unchanged on top.
 */
export class DiskFaults implements FileSystem {
  full = false;

  async open(path: string, flags: string | number, mode?: number): Promise<DataFile> {
    const handle = await open(path, flags, mode);
    return {
      write: async (buffer, offset, length, position) => {
        if (!this.full) return handle.write(buffer, offset, length, position);
        await handle.write(buffer, offset, Math.min(length, 7), position);
        throw enospc();
      },
      writeFile: async (data) => {
        if (!this.full) return handle.writeFile(data, 'utf8');
        await handle.writeFile(data.slice(0, Math.min(data.length, 4096)), 'utf8');
        throw enospc();
      },
      datasync: async () => {
        if (this.full) throw enospc();
        return handle.datasync();
      },
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  }

  async copyFile(from: string, to: string): Promise<void> {
    if (this.full) {
      await open(to, 'w').then((h) => h.close());
      throw enospc();
    }
    await copyFile(from, to);
  }
}

const eio = () => Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });

/**
 * Makes the journal's flushes fail after their bytes reached the file, as a disk does that takes a
 * write and then reports an error making it durable (EIO): the write itself reports it where the
 * journal writes with O_DSYNC (storage/files.ts), else the fdatasync after it. Every flush until
 * `restore()`, or only the next one (`once`).
 */
export function failJournalFlush(store: Store, { once = false } = {}): { restore(): void } {
  const handle = Reflect.get(Reflect.get(store, 'journal') as object, 'handle') as DataFile;
  const restore = () => {
    handle.write = write;
    handle.datasync = datasync;
  };
  const write = handle.write;
  const datasync = handle.datasync;
  if (JOURNAL_WRITES_DURABLY) {
    handle.write = async (buffer, offset, length, position) => {
      if (once) restore();
      await write.call(handle, buffer, offset, length, position);
      throw eio();
    };
  } else {
    handle.datasync = async () => {
      if (once) restore();
      throw eio();
    };
  }
  return { restore };
}
