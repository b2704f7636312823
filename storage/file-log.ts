import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { StoreWriteError } from '../core/errors.js';
import { BACKUP_DIR, Backups } from './backups.js';
import { isErrnoException, removeTempFiles, type StoreFiles, storeFiles, syncDirectory } from './files.js';
import type { RuleSettings } from './invariants.js';
import { Journal, type JournalContents, readJournal } from './journal.js';
import type { LogLines, LogWriter, MayReplace, StoreLog } from './log.js';
import { type ReadAhead, type SnapshotChecks, STORE_FILE, type Verdict } from './read-ahead.js';
import { SnapshotAdapter } from './snapshot-file.js';
import type { StoreLogger } from './store.js';

/** The snapshot (storage/snapshot-file.ts). */
export { STORE_FILE };
/** The snapshot of layouts 1–6, one JSON document: read when there is no `store.snapshot` yet. */
export const DOCUMENT_FILE = 'store.json';
export const JOURNAL_FILE = 'journal.jsonl';
/** Where `store.json` goes once its contents are in a snapshot (kept, never deleted). */
export const DOCUMENT_KEPT = 'store-before-layout-7.json';
/** Where a layout-7 snapshot goes when the store is written in layout 8 (kept, never deleted). */
export const SNAPSHOT_KEPT = 'store-before-layout-8.snapshot';
export { BACKUP_DIR } from './backups.js';

/**
 * The embedded store's files in a data directory: `store.snapshot`, `journal.jsonl` (each line
 * fdatasync'd before it is acknowledged), daily copies in `backups/`, and `store.json` of layouts 1–6,
 * read until a snapshot holds it and then set aside among the backups.
 */
export class FileLog implements StoreLog {
  private readonly files: StoreFiles;
  private readonly backups: Backups;
  private adapter: SnapshotAdapter | undefined;
  private contents: JournalContents | undefined;
  /** `store.json` of an older layout is still there (read at start, or left by a crash): set aside after the next fold. */
  private documentLeft = false;
  /** The snapshot's bytes, when the bot began reading them before it opened the store (bot/start.ts). */
  private readonly ahead: Promise<Buffer> | undefined;
  /** A worker's checks of those bytes, if one checks them. */
  private readonly checks: SnapshotChecks | undefined;
  private readonly rules: RuleSettings;

  /** `rules`: the store's (Store.open's), for a worker checking the snapshot read ahead. */
  constructor(
    readonly dir: string,
    private readonly logger: StoreLogger,
    options: { files?: StoreFiles; keepBackups?: number; readAhead?: ReadAhead; rules?: RuleSettings } = {},
  ) {
    this.files = options.files ?? storeFiles();
    this.backups = new Backups(dir, this.files, options.keepBackups ?? 14);
    this.rules = options.rules ?? {};
    // Bytes read ahead of another file are not this store's.
    const ahead = options.readAhead;
    if (ahead && resolve(ahead.path) === resolve(join(dir, STORE_FILE))) {
      this.ahead = ahead.bytes;
      this.checks = ahead.checks;
      // Asked now, so the worker checks the rules as soon as it has checked the file.
      this.checks?.rules(this.rules);
    } else {
      ahead?.checks?.dispose();
    }
  }

  snapshotRules(): Promise<Verdict> | undefined {
    return this.adapter?.checkedBy?.rules(this.rules);
  }

  get name(): string {
    return this.dir;
  }

  get snapshotName(): string {
    return join(this.dir, this.adapter?.fromDocument ? DOCUMENT_FILE : STORE_FILE);
  }

  prepare(): Promise<void> {
    return createDirectory(this.dir);
  }

  snapshot(mayReplace: MayReplace): SnapshotAdapter {
    this.adapter = new SnapshotAdapter(
      join(this.dir, STORE_FILE),
      join(this.dir, DOCUMENT_FILE),
      this.files,
      mayReplace,
      this.ahead,
      this.checks,
    );
    return this.adapter;
  }

  async readLines(): Promise<LogLines> {
    this.documentLeft = Boolean(this.adapter?.fromDocument) || (await exists(join(this.dir, DOCUMENT_FILE)));
    const path = join(this.dir, JOURNAL_FILE);
    this.contents = await readJournal(path);
    const lines = this.contents.lines;
    return {
      head: this.contents.head,
      events: this.contents.events,
      name: path,
      label: (i) => `line ${lines[i]}`,
      tornBytes: this.contents.tornBytes,
    };
  }

  async openWriter<T>(onAbort: (metas: T[]) => void): Promise<LogWriter<T>> {
    const path = join(this.dir, JOURNAL_FILE);
    // Everything read is valid: only now may files be touched. A temp file left by a write the disk
    // refused (or a crash) would hold space the next write needs.
    for (const folder of [this.dir, join(this.dir, BACKUP_DIR)]) {
      for (const name of await removeTempFiles(folder)) {
        this.logger.warn({ file: join(folder, name) }, 'removed a temp file left by an unfinished write');
      }
    }
    const contents = this.contents ?? (await readJournal(path));
    return Journal.open<T>(path, contents, onAbort, this.files).catch((cause: unknown) => {
      throw new StoreWriteError(`cannot open ${path} for writing (${errorCode(cause)})`, { cause });
    });
  }

  async keepOlderLayout(): Promise<void> {
    const from = join(this.dir, STORE_FILE);
    const to = join(this.dir, BACKUP_DIR, SNAPSHOT_KEPT);
    if (!(await exists(from)) || (await exists(to))) return;
    await mkdir(join(this.dir, BACKUP_DIR), { recursive: true });
    await this.files.copyDurably(from, to);
    await syncDirectory(this.dir);
  }

  async afterFold(seq: number): Promise<void> {
    if (this.documentLeft) await this.setDocumentAside(seq);
  }

  async backupIfDue(now: Date, compact: () => Promise<void>): Promise<string | null> {
    if (!(await this.backups.due(now))) return null;
    await compact();
    return this.backups.write(join(this.dir, STORE_FILE), now);
  }

  async close(): Promise<void> {}

  /** `store.json` of an older layout, now in the snapshot, goes to `backups/` under a name that is never pruned. */
  private async setDocumentAside(seq: number): Promise<void> {
    const from = join(this.dir, DOCUMENT_FILE);
    try {
      if (await exists(from)) {
        await mkdir(join(this.dir, BACKUP_DIR), { recursive: true });
        let to = join(this.dir, BACKUP_DIR, DOCUMENT_KEPT);
        if (await exists(to)) to = to.replace(/\.json$/, `-${seq}.json`);
        await rename(from, to);
        await syncDirectory(join(this.dir, BACKUP_DIR));
        await syncDirectory(this.dir);
        this.logger.info(
          { from, to },
          'the store of an older layout is now in the snapshot; kept as a backup',
        );
      }
      this.documentLeft = false;
    } catch (err) {
      this.logger.warn({ err, file: from }, 'could not set the older store file aside; it is not read again');
    }
  }
}

/** Creates the data directory; a new one's parent is fsync'd so the directory itself survives a power cut. */
async function createDirectory(dir: string): Promise<void> {
  const existed = await exists(dir);
  try {
    await mkdir(dir, { recursive: true });
    if (!existed) await syncDirectory(dirname(resolve(dir)));
  } catch (cause) {
    throw new StoreWriteError(`cannot create the data directory ${dir} (${errorCode(cause)})`, { cause });
  }
}

export function errorCode(error: unknown): string {
  return isErrnoException(error) ? (error.code ?? error.message) : String(error);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
