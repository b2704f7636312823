import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BallotKeys } from '../core/repository.js';
import { isErrnoException, type StoreFiles, syncDirectory } from './files.js';

/** The folder of the open electronic votes' keys, inside the data directory; never in a backup or an export. */
export const BALLOT_KEY_DIR = 'ballot-keys';

const KEY_BYTES = 32;
const NAME = /^round-(\d+)\.key$/;

/**
 * The keys of open electronic votes, one file each (mode 600), beside the store and never in it: the
 * snapshot, the journal, the daily backups and `npm run store:export` hold ballots only sealed. A key
 * is written durably before its vote opens (a restart mid-vote can still count it) and overwritten,
 * removed and the folder fsync'd when the vote closes: from then on no one can open a ballot the
 * journal kept. (A copy of the disk taken while the vote was open — a file-system snapshot — still
 * holds it; docs/council.md says so.)
 */
export class FileBallotKeys implements BallotKeys {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly files: StoreFiles,
  ) {
    this.dir = join(dataDir, BALLOT_KEY_DIR);
  }

  private path(round: number): string {
    return join(this.dir, `round-${round}.key`);
  }

  async create(round: number): Promise<Buffer> {
    const key = randomBytes(KEY_BYTES);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.files.writeDurably(this.path(round), key);
    return key;
  }

  async get(round: number): Promise<Buffer | undefined> {
    try {
      const key = await readFile(this.path(round));
      return key.length === KEY_BYTES ? key : undefined;
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async destroy(round: number): Promise<void> {
    const path = this.path(round);
    try {
      const { size } = await stat(path);
      // Overwritten in place first, so the key's bytes do not linger in the file's old blocks.
      const handle = await open(path, 'r+');
      try {
        await handle.write(Buffer.alloc(size), 0, size, 0);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await unlink(path);
      await syncDirectory(this.dir);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return;
      throw error;
    }
  }

  async rounds(): Promise<number[]> {
    try {
      return (await readdir(this.dir)).flatMap((name) => {
        const match = NAME.exec(name);
        return match ? [Number(match[1])] : [];
      });
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return [];
      throw error;
    }
  }
}
