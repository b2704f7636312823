import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { dayKey } from '../core/periods.js';
import { isErrnoException, removeTempFiles, type StoreFiles } from './files.js';

export const BACKUP_DIR = 'backups';
/** Daily copies: `.snapshot` since layout 7, `.json` before (kept in the same rotation). */
const NAME = /^store-\d{4}-\d{2}-\d{2}\.(snapshot|json)$/;

/**
 * Daily copies of the snapshot in `backups/store-YYYY-MM-DD.snapshot` (the day in Asia/Ho_Chi_Minh),
 * the newest `keep` kept. Each copy is fsync'd before it is renamed into place; a copy cut off by a
 * crash or a full disk is removed, never left to fill the disk.
 */
export class Backups {
  constructor(
    private readonly dataDir: string,
    private readonly files: StoreFiles,
    private readonly keep: number,
  ) {}

  get dir(): string {
    return join(this.dataDir, BACKUP_DIR);
  }

  /** Whether today's backup is still to be made. */
  async due(now: Date): Promise<boolean> {
    return !(await this.list()).includes(nameFor(now));
  }

  /** Copies `snapshot` as today's backup and prunes the oldest; returns the new file's path. */
  async write(snapshot: string, now: Date): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    await removeTempFiles(this.dir);
    const target = join(this.dir, nameFor(now));
    await this.files.copyDurably(snapshot, target);
    const all = (await this.list()).sort();
    for (const old of all.slice(0, Math.max(0, all.length - this.keep))) {
      await unlink(join(this.dir, old)).catch((error: unknown) => {
        if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
      });
    }
    return target;
  }

  private async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch((error: unknown) => {
      if (isErrnoException(error) && error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.filter((f) => NAME.test(f));
  }
}

function nameFor(now: Date): string {
  return `store-${dayKey(now)}.snapshot`;
}
