import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRestore, RestoreRefused, restoreBackup } from '../../storage/restore.js';
import { STORE_VERSION } from '../../storage/schema.js';
import { readSnapshot } from '../../storage/snapshot-file.js';
import { BACKUP_DIR, JOURNAL_FILE, SNAPSHOT_KEPT, STORE_FILE, Store } from '../../storage/store.js';
import { memoryLogger, tempDir } from '../helpers/agency.js';
import { actor, addMember, logDeed } from '../helpers/store.js';
import {
  appendLine,
  journalLines,
  refusedOpen,
  rewriteSnapshot,
  writeJournal,
} from '../helpers/store-files.js';

let root: string;
let cleanup: () => Promise<void>;
const ours = () => join(root, 'ours');
const theirs = () => join(root, 'theirs');

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

/** A store in `dir`: `members` members, each with `deeds` good deeds; compacted after the members when `compactAfterMembers`. */
async function storeWith(
  dir: string,
  { members = 1, deeds = 0, compactAfterMembers = true, compactAtEnd = false } = {},
): Promise<void> {
  const store = await Store.open(dir);
  for (let n = 1; n <= members; n += 1) await addMember(store, n);
  if (compactAfterMembers) await store.compact();
  for (let i = 0; i < deeds; i += 1) {
    await logDeed(
      store,
      `m${(i % members) + 1}`,
      new Date(Date.UTC(2026, 2, 2, 3, i)),
      `Việc tốt số ${i + 1} của đồng chí`,
    );
  }
  if (compactAtEnd) await store.compact();
  await store.close();
}

async function reopen(dir: string, options = {}): Promise<Store> {
  return Store.open(dir, options);
}

describe('a snapshot belongs to its journal', () => {
  it('refuses another data directory’s snapshot with a higher seq, naming both files, and writes nothing', async () => {
    await storeWith(ours(), { members: 2, deeds: 10 });
    await storeWith(theirs(), { members: 3, deeds: 30, compactAtEnd: true });
    await copyFile(join(theirs(), STORE_FILE), join(ours(), STORE_FILE));
    const error = await refusedOpen(ours());
    expect(error.message).toContain(join(ours(), STORE_FILE));
    expect(error.message).toContain(join(ours(), JOURNAL_FILE));
    expect(error.message).toMatch(/belongs to store .*, but .* belongs to store .*: one of them was copied/);
  });

  it('refuses another snapshot with the same seq, and one beside a journal holding no change yet', async () => {
    await storeWith(ours(), { members: 2, deeds: 3 });
    await storeWith(theirs(), { members: 2, deeds: 3 });
    await copyFile(join(theirs(), STORE_FILE), join(ours(), STORE_FILE));
    expect((await refusedOpen(ours())).message).toMatch(/copied from another data directory/);
    await rm(root, { recursive: true, force: true });
    await storeWith(ours(), { members: 2, deeds: 3, compactAtEnd: true });
    await storeWith(theirs(), { members: 2, deeds: 3, compactAtEnd: true });
    expect(await journalLines(ours())).toHaveLength(1); // the head alone
    await copyFile(join(theirs(), STORE_FILE), join(ours(), STORE_FILE));
    expect((await refusedOpen(ours())).message).toMatch(/copied from another data directory/);
  });

  it('refuses a snapshot whose seq was edited, even with its checksum recomputed', async () => {
    for (const delta of [+5, -1]) {
      await rm(root, { recursive: true, force: true });
      await storeWith(ours(), { members: 2, deeds: 10 });
      await rewriteSnapshot(ours(), (capture) => {
        const state = JSON.parse(capture.state);
        state.seq += delta;
        capture.state = JSON.stringify(state);
      });
      const error = await refusedOpen(ours());
      expect(error.message).toContain(join(ours(), STORE_FILE));
      expect(error.message).toContain(join(ours(), JOURNAL_FILE));
      expect(error.message).toMatch(/is not the snapshot .* follows/);
    }
  });

  it('refuses an older snapshot of the same store copied over the current one, naming what is missing', async () => {
    const dir = ours();
    const store = await Store.open(dir);
    const member = await addMember(store, 1);
    await store.compact();
    await copyFile(join(dir, STORE_FILE), join(root, 'old.snapshot'));
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'));
    await store.compact();
    await logDeed(store, member.id, new Date('2026-03-03T03:00:00Z'));
    await store.close();
    await copyFile(join(root, 'old.snapshot'), join(dir, STORE_FILE));
    expect((await refusedOpen(dir)).message).toMatch(/holds changes up to seq 1, but .* starts after seq 2/);
  });

  it('refuses a journal line edited into another valid line, naming the line', async () => {
    await storeWith(ours(), { members: 1, deeds: 3 });
    const path = join(ours(), JOURNAL_FILE);
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines[3]).toContain('"points":2');
    lines[3] = (lines[3] as string).replace('"points":2', '"points":50');
    await writeFile(path, lines.join('\n'));
    const error = await refusedOpen(ours());
    expect(error.message).toBe(
      `${path}: line 4 does not match its checksum (changed after it was written: edited by hand, or damaged on disk)`,
    );
  });

  it('refuses a journal with a line taken out, or a line of another store put in', async () => {
    await storeWith(ours(), { members: 1, deeds: 3 });
    const path = join(ours(), JOURNAL_FILE);
    const lines = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, [lines[0], lines[1], lines[3], ''].join('\n'));
    expect((await refusedOpen(ours())).message).toMatch(/line 3 has seq 4, expected 3/);

    await storeWith(theirs(), { members: 1, deeds: 4 });
    const foreign = (await readFile(join(theirs(), JOURNAL_FILE), 'utf8')).split('\n')[4];
    await writeFile(path, [...lines.slice(0, 4), foreign, ''].join('\n'));
    expect((await refusedOpen(ours())).message).toMatch(
      /line 5 \(seq 5\) belongs to store .*, not to .*store\.snapshot's store/,
    );
  });
});

describe('restoring a daily backup', () => {
  it('puts the backup in place, says what it replaced, keeps the replaced files, and the bot starts on it', async () => {
    const dir = ours();
    const store = await Store.open(dir);
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-11-19T03:00:00Z'), 'Trước bản sao lưu');
    const backup = await store.backupIfDue(new Date('2026-11-20T03:00:00Z'));
    await logDeed(store, member.id, new Date('2026-11-21T03:00:00Z'), 'Sau bản sao lưu thứ nhất');
    await logDeed(store, member.id, new Date('2026-11-21T04:00:00Z'), 'Sau bản sao lưu thứ hai');
    await store.close();

    const report = await restoreBackup(dir, backup as string, { now: new Date('2026-11-22T01:00:00Z') });
    expect(report.restored).toMatchObject({ seq: 2, entries: 1, members: 1 });
    expect(report.replaced).toMatchObject({ seq: 4, journalLines: 2, journalThrough: 4 });
    expect(report.changesNotRestored).toBe(2);
    const text = describeRestore(report);
    expect(text).toContain('Restored store-2026-11-20.snapshot');
    expect(text).toContain('2 change(s) after the backup are not in the store now');
    expect(report.keptIn).toBe(join(dir, BACKUP_DIR, 'replaced-2026-11-22T01-00-00-000Z'));
    expect((await readdir(report.keptIn as string)).sort()).toEqual([JOURNAL_FILE, STORE_FILE]);

    const { logger, lines } = memoryLogger();
    const again = await reopen(dir, { logger });
    expect(again.entries.map((e) => e.text)).toEqual(['Trước bản sao lưu']);
    expect(lines().filter((l) => (l.level as number) >= 40)).toEqual([]);
    await logDeed(again, member.id, new Date('2026-11-22T02:00:00Z'), 'Sau khi khôi phục');
    await again.close();
    expect((await reopen(dir)).entries).toHaveLength(2);
  });

  it('refuses a backup of another store unless asked, and changes nothing', async () => {
    await storeWith(ours(), { members: 1, deeds: 2 });
    await storeWith(theirs(), { members: 1, deeds: 1, compactAtEnd: true });
    const before = await readdir(ours());
    await expect(restoreBackup(ours(), join(theirs(), STORE_FILE))).rejects.toThrow(RestoreRefused);
    expect(await readdir(ours())).toEqual(before);
    const report = await restoreBackup(ours(), join(theirs(), STORE_FILE), { otherStore: true });
    expect(report.restored.entries).toBe(1);
    await (await reopen(ours())).close();
  });

  it('starts from a snapshot put back by hand (the journal set aside), and says so in the log', async () => {
    const dir = ours();
    await storeWith(dir, { members: 1, deeds: 2, compactAtEnd: true });
    await rm(join(dir, JOURNAL_FILE));
    const { logger, lines } = memoryLogger();
    const store = await reopen(dir, { logger });
    expect(store.entries).toHaveLength(2);
    expect(
      lines().some((l) => (l.level as number) === 40 && String(l.msg).includes('the snapshot stands alone')),
    ).toBe(true);
    await store.close();
    expect(await journalLines(dir)).toHaveLength(1);
    expect((await reopen(dir)).entries).toHaveLength(2);
  });
});

describe('a store of layout 7', () => {
  /** A store written by layout 7: its snapshot without identity, its journal lines without checksums. */
  async function layout7(dir: string, { snapshot = true } = {}): Promise<void> {
    const store = await Store.open(dir);
    const member = await addMember(store, 1);
    if (snapshot) await store.compact();
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'));
    await logDeed(store, member.id, new Date('2026-03-03T03:00:00Z'));
    await store.close();
    const lines = (await journalLines(dir))
      .slice(1)
      .map(({ store: _store, prev: _prev, sum: _sum, ...line }) => line);
    await writeJournal(dir, lines);
    if (snapshot) {
      await rewriteSnapshot(dir, (capture) => {
        const { store: _store, last: _last, ...state } = JSON.parse(capture.state);
        capture.state = JSON.stringify({ ...state, version: 7 });
      });
    } else {
      await rm(join(dir, STORE_FILE));
    }
  }

  it('is given an identity and written in layout 8 when opened, its old snapshot kept among the backups', async () => {
    const dir = ours();
    await layout7(dir);
    const old = await readFile(join(dir, STORE_FILE));
    const store = await reopen(dir);
    expect(store.entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
    const written = await readSnapshot(join(dir, STORE_FILE));
    expect(written).toMatchObject({ version: STORE_VERSION, seq: 3, legacyThrough: 3 });
    expect(written?.store).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readFile(join(dir, BACKUP_DIR, SNAPSHOT_KEPT))).toEqual(old);
    expect(await journalLines(dir)).toEqual([expect.objectContaining({ store: written?.store, follows: 3 })]);
    await logDeed(store, 'm1', new Date('2026-03-04T03:00:00Z'));
    await store.close();
    expect((await reopen(dir)).entries).toHaveLength(3);
  });

  it('opens a layout-7 store that never had a snapshot (its journal alone)', async () => {
    const dir = ours();
    await layout7(dir, { snapshot: false });
    const store = await reopen(dir);
    expect(store.entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
    await store.close();
    expect((await readSnapshot(join(dir, STORE_FILE)))?.legacyThrough).toBe(3);
  });

  it('finishes a migration cut off before the journal was rewritten, and refuses an unsealed line after it', async () => {
    const dir = ours();
    await layout7(dir);
    const legacyJournal = await readFile(join(dir, JOURNAL_FILE));
    await (await reopen(dir)).close();
    // The new snapshot is in place, the journal still the old one (a crash between the two).
    await writeFile(join(dir, JOURNAL_FILE), legacyJournal);
    const store = await reopen(dir);
    expect(store.entries).toHaveLength(2);
    await store.close();
    expect((await journalLines(dir))[0]).toMatchObject({ journal: 'thidua-bot', follows: 3 });
    // A line without checksum where no migration allows one.
    const line = JSON.parse(legacyJournal.toString('utf8').split('\n')[1] as string);
    await writeFile(
      join(dir, JOURNAL_FILE),
      `${await readFile(join(dir, JOURNAL_FILE), 'utf8')}${JSON.stringify({ ...line, seq: 4, entry: { ...line.entry, code: 'VT4' } })}\n`,
    );
    expect((await refusedOpen(dir)).message).toMatch(/line 2 \(seq 4\) has no checksum/);
  });
});

describe('lines written as the store writes them', () => {
  it('appends a line an external tool sealed and chained, and the store reads it', async () => {
    const dir = ours();
    await storeWith(dir, { members: 1, deeds: 1 });
    const at = '2026-03-04T03:00:00.000Z';
    await appendLine(dir, { type: 'job.done', job: 'leaderboard', slot: at });
    const store = await reopen(dir);
    expect(store.lastJobSlot('leaderboard')?.toISOString()).toBe(at);
    await store.withdrawEntry('VT1', actor('m1', new Date('2026-03-04T04:00:00Z')));
    await store.close();
    await mkdir(join(root, 'x'), { recursive: true });
    expect((await reopen(dir)).entry('VT1')?.status).toBe('withdrawn');
  });
});
