import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { StoreCorruptError } from '../core/errors.js';
import { BACKUP_DIR } from './backups.js';
import { nodeFiles, syncDirectory } from './files.js';
import type { RuleSettings } from './invariants.js';
import { headLine, readJournal } from './journal.js';
import { readSnapshot } from './snapshot-file.js';
import { DOCUMENT_FILE, JOURNAL_FILE, STORE_FILE, Store } from './store.js';

/** What a store held, as a restore reports it. */
export interface StoreSummary {
  store: string;
  seq: number;
  entries: number;
  members: number;
}

export interface RestoreReport {
  /** The backup now in place. */
  restored: StoreSummary & { from: string };
  /** What was there before (null: nothing, or a snapshot that could not be read — `unreadable` says why). */
  replaced: (StoreSummary & { journalLines: number; journalThrough: number }) | null;
  unreadable?: string;
  /** Where the replaced files were moved (nothing is deleted); null when there were none. */
  keptIn: string | null;
  /** Changes the replaced store held beyond the backup, now out of the store (kept in `keptIn`). */
  changesNotRestored: number;
}

export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
}

/**
 * Puts the snapshot `backup` (a daily copy in `backups/`) in place as the store in `dir`, with the bot
 * stopped. The backup is checked first as a start checks a store (every rule); the store in place — its
 * snapshot, journal and `store.json`, whatever their state — is moved to `backups/replaced-<time>/`,
 * never deleted; a backup of another store is refused unless `otherStore` (a move to a new machine
 * restores into an empty directory, which needs no such consent). Then the journal's head is written
 * after the backup, so the next start takes it as it is. Returns what was replaced.
 */
export async function restoreBackup(
  dir: string,
  backup: string,
  options: { otherStore?: boolean; rules?: RuleSettings; now?: Date } = {},
): Promise<RestoreReport> {
  const restored = await checkBackup(backup, options.rules ?? {});
  const snapshotPath = join(dir, STORE_FILE);
  const journalPath = join(dir, JOURNAL_FILE);
  let replaced: RestoreReport['replaced'] = null;
  let unreadable: string | undefined;
  try {
    const state = await readSnapshot(snapshotPath);
    if (state) {
      const journal = await readJournal(journalPath).catch(() => null);
      const last = journal?.events.at(-1)?.seq ?? state.seq;
      replaced = {
        store: state.store,
        seq: Math.max(state.seq, last),
        entries: state.entries.count,
        members: state.members.length,
        journalLines: journal?.events.length ?? 0,
        journalThrough: last,
      };
    }
  } catch (error) {
    unreadable = error instanceof StoreCorruptError ? error.problem : String(error);
  }
  if (replaced?.store && replaced.store !== restored.store && !options.otherStore) {
    throw new RestoreRefused(
      `${backup} is a backup of store ${restored.store}, but ${dir} holds store ${replaced.store}: refused (to put another store in its place, say so: --other-store)`,
    );
  }
  const present = await presentFiles(dir);
  let keptIn: string | null = null;
  if (present.length) {
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    keptIn = join(dir, BACKUP_DIR, `replaced-${stamp}`);
    await mkdir(keptIn, { recursive: true });
    for (const name of present) await rename(join(dir, name), join(keptIn, name));
    await syncDirectory(keptIn);
    await syncDirectory(dir);
  }
  // A restore onto a new machine: the data directory may not exist yet.
  await mkdir(dir, { recursive: true });
  await nodeFiles.copyDurably(backup, snapshotPath);
  await nodeFiles.writeDurably(
    journalPath,
    `${headLine({ store: restored.store, follows: restored.seq, last: restored.last })}\n`,
  );
  return {
    restored: {
      store: restored.store,
      seq: restored.seq,
      entries: restored.entries,
      members: restored.members,
      from: backup,
    },
    replaced,
    ...(unreadable ? { unreadable } : {}),
    keptIn,
    changesNotRestored: replaced ? Math.max(0, replaced.seq - restored.seq) : 0,
  };
}

/** The backup, checked as a start checks a store: alone in a scratch directory, read only. */
async function checkBackup(backup: string, rules: RuleSettings): Promise<StoreSummary & { last: string }> {
  const info = await stat(backup).catch(() => null);
  if (!info?.isFile()) throw new RestoreRefused(`${backup} is not a file`);
  const scratch = await mkdtemp(join(tmpdir(), 'thidua-restore-'));
  try {
    await nodeFiles.copyDurably(backup, join(scratch, STORE_FILE));
    const store = await Store.readOnly(scratch, { rules }).catch((error: unknown) => {
      if (error instanceof StoreCorruptError) {
        throw new RestoreRefused(`${backup} cannot be restored: ${error.problem}`);
      }
      throw error;
    });
    const state = store.state;
    if (!state.store)
      throw new RestoreRefused(`${backup} is of an older layout: copy it to ${STORE_FILE} by hand (README)`);
    return {
      store: state.store,
      seq: state.seq,
      last: state.last,
      entries: state.entries.count,
      members: state.members.length,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function presentFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of [STORE_FILE, JOURNAL_FILE, DOCUMENT_FILE]) {
    if (
      await stat(join(dir, name)).then(
        () => true,
        () => false,
      )
    )
      names.push(name);
  }
  return names;
}

/** The report in a few lines, for the operator. */
export function describeRestore(report: RestoreReport): string {
  const r = report.restored;
  const lines = [
    `Restored ${basename(r.from)}: store ${r.store}, changes up to seq ${r.seq}, ${r.entries} entries, ${r.members} members.`,
  ];
  if (report.replaced) {
    const p = report.replaced;
    lines.push(
      `Replaced: store ${p.store || '(older layout)'}, changes up to seq ${p.seq} (snapshot: ${p.entries} entries, ${p.members} members; journal: ${p.journalLines} lines after it).`,
    );
    lines.push(
      report.changesNotRestored > 0
        ? `${report.changesNotRestored} change(s) after the backup are not in the store now; they stay in the replaced files.`
        : 'Every change the replaced store held is in the backup.',
    );
  } else if (report.unreadable) {
    lines.push(`Replaced a store that could not be read (${report.unreadable}).`);
  } else {
    lines.push('There was no store before.');
  }
  if (report.keptIn) lines.push(`The replaced files are kept in ${report.keptIn} (nothing was deleted).`);
  return lines.join('\n');
}
