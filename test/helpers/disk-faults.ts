import { copyFile, open } from 'node:fs/promises';
import type { DataFile, FileSystem } from '../../storage/files.js';

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
