import { open as openFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreWriteError } from '../../core/errors.js';
import type { DataFile, FileSystem } from '../../storage/files.js';
import { StoreView } from '../../storage/reader.js';
import { captureState, readSnapshot, snapshotChunks, snapshotOf } from '../../storage/snapshot-file.js';
import { STORE_FILE, Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { failJournalFlush } from '../helpers/disk-faults.js';
import { actor, addMember, logDeed } from '../helpers/store.js';

let dir: string;
let cleanup: () => Promise<void>;
const opened: Store[] = [];

async function open(options: Parameters<typeof Store.open>[1] = {}) {
  const store = await Store.open(dir, options);
  opened.push(store);
  return store;
}

async function reopen(store: Store, options: Parameters<typeof Store.open>[1] = {}) {
  await store.close();
  opened.splice(opened.indexOf(store), 1);
  return open(options);
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await cleanup();
});

/** A store holding every shape an entry can take: flags, photos, reviews and their reversal, withdrawals, merges, any text. */
async function everyShape(store: Store) {
  const lan = await addMember(store, 1, 'vp');
  const hung = await addMember(store, 2, 'cb');
  const council = await addMember(store, 3, 'tcdv');
  const at = (day: number, hour = 3) => new Date(Date.UTC(2026, 2, day, hour));
  const first = await logDeed(
    store,
    lan.id,
    at(2),
    'Giúp đồng nghiệp “sửa” máy in & <b>cài</b> phần mềm 😀👍🏽',
  );
  const withPhoto = await store.addEntry(
    {
      kind: 'deed',
      text: 'Trả lại ví cho người đánh rơi',
      points: 2,
      adhoc: false,
      it: false,
      memberId: hung.id,
      photo: [
        { platform: 'zalo', fileId: 'https://photo.example/1.jpg' },
        { platform: 'zalo', fileId: 'https://photo.example/2.jpg' },
      ],
    },
    actor(lan.id, at(3)),
  );
  const task = await store.addEntry(
    { kind: 'task', text: 'Báo cáo nhanh #dotxuat', points: 2, adhoc: true, it: false, memberId: hung.id },
    { by: hung.id, platform: 'console', at: at(4) },
  );
  const idea = await store.addEntry(
    {
      kind: 'initiative',
      text: 'Tra cứu hồ sơ bằng mã QR #cntt',
      points: 5,
      adhoc: false,
      it: true,
      memberId: hung.id,
    },
    actor(hung.id, at(5)),
  );
  // Logged out of order (a clock set back): it sorts before the last two.
  const early = await logDeed(store, lan.id, at(4, 1), 'Trực thay ca');
  expectSame(store, [first, withPhoto, task, idea, early]);
  await store.reviewEntry(idea.code, 'approved', actor(council.id, at(6)));
  await store.reopenEntry(idea.code, actor(council.id, at(7)), 'Xem lại minh chứng');
  await store.reviewEntry(idea.code, 'rejected', actor(council.id, at(8)), 'Chưa đủ minh chứng');
  await store.withdrawEntry(task.code, actor(hung.id, at(9)), 'Ghi nhầm');
  // Hùng's second account (Zalo) was registered apart, logged once, then linked: merged into Hùng.
  const other = await store.saveMember(
    { identity: 'zalo:77', fullName: 'Hùng (Zalo)', departmentId: 'cb' },
    { by: 'zalo:77', platform: 'zalo', at: at(10) },
  );
  await logDeed(store, other.id, at(11), 'Hướng dẫn đồng nghiệp mới');
  await store.linkIdentity(hung.id, 'zalo:77', actor(hung.id, at(12)));
  await store.registerTitle(2026, { kind: 'member', memberId: lan.id }, 'ldtt', actor(lan.id, at(13)));
  await store.setDepartmentHead('cb', hung.id, actor(council.id, at(14)));
  return { lan, hung, council, task, idea };
}

/** What each change returned, as the store built it (plain objects, before any table). */
function expectSame(store: Store, written: { code: string }[]) {
  for (const entry of written) expect(store.entry(entry.code)).toEqual(entry);
}

describe('the entry table keeps every entry exactly', () => {
  it('through the journal, a snapshot, and a capture handed to a worker', async () => {
    const store = await open();
    const { hung, council, task } = await everyShape(store);
    const before = store.entries;
    // The table gives back what the writes made (storage/store.ts builds each record as a plain object).
    const photo = before.find((e) => e.code === 'VT2');
    expect(photo).toMatchObject({
      photo: [
        { platform: 'zalo', fileId: 'https://photo.example/1.jpg' },
        { platform: 'zalo', fileId: 'https://photo.example/2.jpg' },
      ],
      memberId: hung.id,
    });
    expect(before[0]?.text).toBe('Giúp đồng nghiệp “sửa” máy in & <b>cài</b> phần mềm 😀👍🏽');
    expect(before.find((e) => e.code === task.code)).toMatchObject({
      adhoc: true,
      status: 'withdrawn',
      history: [
        { action: 'created', platform: 'console', by: hung.id },
        { action: 'withdrawn', note: 'Ghi nhầm', by: hung.id, platform: 'telegram' },
      ],
    });
    const sk4 = before.find((e) => e.code === 'SK4');
    expect(sk4).toMatchObject({ it: true, review: 'rejected', points: 5 });
    expect(sk4?.history.slice(1)).toEqual([
      expect.objectContaining({ action: 'approved', by: council.id, source: expect.any(String) }),
      expect.objectContaining({ action: 'reopened', note: 'Xem lại minh chứng' }),
      expect.objectContaining({ action: 'rejected', note: 'Chưa đủ minh chứng' }),
    ]);
    expect(before.find((e) => e.code === 'VT6')).toMatchObject({ memberId: hung.id, reporterId: hung.id });
    expect(before.map((e) => e.code)).toEqual(['VT1', 'VT2', 'VT5', 'HT3', 'SK4', 'VT6']);
    expect(before.find((e) => e.code === 'SK4')?.history.map((h) => h.action)).toEqual([
      'created',
      'approved',
      'reopened',
      'rejected',
    ]);
    expect(new Set(before.map((e) => e.memberId)).size).toBe(2);

    const replayed = await reopen(store);
    expect(replayed.entries).toEqual(before);
    expect(StoreView.of(replayed.capture()).entries).toEqual(before);
    await replayed.compact();
    const loaded = await reopen(replayed);
    expect(loaded.journalLines).toBe(0);
    expect(loaded.entries).toEqual(before);
    expect(loaded.members).toEqual(replayed.members);
    expect(loaded.registrations).toEqual(replayed.registrations);
    expect(loaded.registrations).toHaveLength(1);
    expect(loaded.departmentHead('cb')).toEqual(replayed.departmentHead('cb'));
    expect(StoreView.of(loaded.capture()).registrations).toEqual(replayed.registrations);
    for (const entry of before) expect(loaded.entry(entry.code)).toEqual(entry);
    const march4 = loaded.entriesBetween(new Date(Date.UTC(2026, 2, 4)), new Date(Date.UTC(2026, 2, 5)));
    expect(march4.map((e) => e.code)).toEqual(['VT5', 'HT3']);
  });

  it('and a write after a snapshot is loaded goes on from where it stopped', async () => {
    const store = await open();
    const { lan } = await everyShape(store);
    await store.compact();
    const loaded = await reopen(store);
    const next = await logDeed(loaded, lan.id, new Date('2026-03-20T03:00:00Z'), 'Việc tốt sau khi nạp');
    expect(next.code).toBe('VT7');
    await loaded.withdrawEntry('VT1', actor(lan.id, new Date('2026-03-21T03:00:00Z')));
    const again = await reopen(loaded);
    expect(again.entry('VT7')?.text).toBe('Việc tốt sau khi nạp');
    expect(again.entry('VT1')?.status).toBe('withdrawn');
  });
});

describe('string columns keep every string exactly, in the narrowest encoding it survives', () => {
  it('across chunks of rows and compactions that widen a column (Latin-1 → UTF-8 → UTF-16)', async () => {
    let store = await open();
    const member = await addMember(store, 1);
    const at = new Date('2026-04-01T01:00:00Z');
    const write = (texts: string[], source?: (i: number) => string) =>
      Promise.all(
        texts.map((text, i) =>
          store.addEntry(
            { kind: 'deed', text, points: 2, adhoc: false, it: false, memberId: member.id },
            source ? { ...actor(member.id, at), source: source(i) } : actor(member.id, at),
          ),
        ),
      );
    const seen = () => store.entries.map((e) => [e.code, e.text, e.source, e.history.length]);
    const reloaded = async () => {
      const before = seen();
      await store.compact();
      store = await reopen(store);
      expect(seen()).toEqual(before);
      return before.length;
    };
    // More rows than one decoded chunk (4,096), all Latin-1: the text column is written one byte a character.
    await write(Array.from({ length: 4200 }, (_, i) => `Plain Latin-1 deed, café naïve, number ${i}`));
    expect(await reloaded()).toBe(4200);
    // Vietnamese text: the Latin-1 block is written again as UTF-8; sources widen too.
    await write(
      Array.from({ length: 300 }, (_, i) => `Giúp đồng nghiệp “số ${i}” hoàn thành hồ sơ 😀`),
      (i) => `zalo:nhóm-${i}`,
    );
    expect(await reloaded()).toBe(4500);
    // A UTF-8 block with rows added after it, over three chunks: each decodes on its own.
    await write(Array.from({ length: 4000 }, (_, i) => `Việc tốt ${i}`));
    expect(await reloaded()).toBe(8500);
    // A lone surrogate (never from a user: the router cleans input) survives only as UTF-16.
    await write(['Dòng có nửa cặp \ud800 ký tự'], () => 'nguồn \udc00');
    expect(await reloaded()).toBe(8501);
    expect(store.entries.at(-1)?.text).toBe('Dòng có nửa cặp \ud800 ký tự');
  }, 60_000);
});

/**
 * A file system whose snapshot temp files wait at their first write (or, `at` 'datasync', at their
 * first flush: every chunk written) until `letGo()` is called.
 */
class GatedSnapshots {
  constructor(private readonly at: 'write' | 'datasync' = 'write') {}

  private release!: () => void;
  readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  reached!: () => void;
  readonly writing = new Promise<void>((resolve) => {
    this.reached = resolve;
  });

  /** Off until the test turns it on (opening a new store writes its first snapshot). */
  armed = false;

  letGo(): void {
    this.release();
  }

  async open(path: string, flags: string | number, mode?: number): Promise<DataFile> {
    const handle = await openFile(path, flags, mode);
    if (!this.armed || !path.endsWith(`${STORE_FILE}.tmp`)) return handle;
    let first = true;
    const wait = async () => {
      if (first) {
        first = false;
        this.reached();
        await this.gate;
      }
    };
    return {
      write: async (buffer, offset, length, position) => {
        if (this.at === 'write') await wait();
        return handle.write(buffer, offset, length, position);
      },
      writeFile: (data) => handle.writeFile(data),
      datasync: async () => {
        if (this.at === 'datasync') await wait();
        return handle.datasync();
      },
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  }

  asFileSystem(): FileSystem {
    return {
      open: (path, flags, mode) => this.open(path, flags, mode),
      copyFile: async (from, to) => {
        const { copyFile } = await import('node:fs/promises');
        await copyFile(from, to);
      },
    };
  }
}

describe("a compaction's capture", () => {
  it('gives the spare arrays back once its number columns are written: a report asked for meanwhile is copied into them, and the snapshot is the store at the compaction', async () => {
    const disk = new GatedSnapshots('datasync');
    const store = await open({ fileSystem: disk.asFileSystem() });
    const member = await addMember(store, 1);
    for (let i = 1; i <= 3; i += 1)
      await logDeed(store, member.id, new Date(`2026-05-0${i}T01:00:00Z`), `Việc ${i}`);
    while (store.warmFigures()) {
      // as at start-up: the figures, then the spare
    }
    const spare = store.lendCapture();
    const warm = spare.capture.entries.no.buffer;
    spare.release();
    const atCompaction = store.entries;
    disk.armed = true;
    const compaction = store.compact();
    await disk.writing; // every chunk written, the flush waits
    // A report asked for meanwhile gets the spare; the store changes, and the spare is copied over.
    const report = store.lendCapture();
    expect(report.capture.entries.no.buffer).toBe(warm);
    await store.withdrawEntry('VT1', actor(member.id, new Date('2026-05-05T01:00:00Z')), 'nhầm');
    await logDeed(store, member.id, new Date('2026-04-30T01:00:00Z'), 'Việc ghi muộn');
    report.release();
    const next = store.lendCapture();
    expect(next.capture.entries.no.buffer).toBe(warm);
    next.release();
    disk.letGo();
    await compaction;
    const written = await readSnapshot(join(dir, STORE_FILE));
    expect(StoreView.of(captureState(written as NonNullable<typeof written>)).entries).toEqual(atCompaction);
    const after = store.entries;
    expect((await reopen(store)).entries).toEqual(after);
  });
});

describe("a snapshot's chunks", () => {
  it('say when the number columns are written: their arrays changed after that change nothing written', async () => {
    const store = await open();
    const { lan } = await everyShape(store);
    await logDeed(store, lan.id, new Date('2026-03-01T01:00:00Z'), 'Việc ghi muộn');
    const capture = store.capture();
    const before = StoreView.of(store.capture()).entries;
    const chunks: Buffer[] = [];
    let told = 0;
    for (const chunk of snapshotChunks(capture, () => {
      told += 1;
      // Copied over by the next capture, as the spare is once given back.
      const d = capture.entries;
      for (const a of [
        d.no,
        d.time,
        d.kind,
        d.flags,
        d.points,
        d.member,
        d.firstItem,
        d.order,
        d.items.next,
      ]) {
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength).fill(0xff);
      }
    })) {
      chunks.push(Buffer.from(chunk));
    }
    expect(told).toBe(1);
    const state = snapshotOf(Buffer.concat(chunks), 'test');
    expect(StoreView.of(captureState(state)).entries).toEqual(before);
  });
});

describe('a compaction never holds up a write', () => {
  it('acknowledges writes while the snapshot is still being written, and loses none of them', async () => {
    const disk = new GatedSnapshots();
    const store = await open({ fileSystem: disk.asFileSystem() });
    disk.armed = true;
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-05-05T01:00:00Z'), 'trước khi gộp');
    const compaction = store.compact();
    await disk.writing; // the snapshot's first chunk is on its way, and waits
    const during = await Promise.all(
      [1, 2, 3].map((i) => logDeed(store, member.id, new Date('2026-05-05T02:00:00Z'), `trong khi gộp ${i}`)),
    );
    // Acknowledged (on disk) while the compaction still waits at its first chunk.
    expect(during.map((e) => e.code)).toEqual(['VT2', 'VT3', 'VT4']);
    let finished = false;
    void compaction.then(() => {
      finished = true;
    });
    await Promise.resolve();
    expect(finished).toBe(false);
    disk.letGo();
    await compaction;
    // The snapshot holds what was there at its start; the journal keeps only what came after.
    expect((await readSnapshot(join(dir, STORE_FILE)))?.entries.count).toBe(1);
    expect(store.journalLines).toBe(3);
    const again = await reopen(store);
    expect(again.entries.map((e) => e.text)).toEqual([
      'trước khi gộp',
      'trong khi gộp 1',
      'trong khi gộp 2',
      'trong khi gộp 3',
    ]);
  });

  it('never brings back through a snapshot a change whose write failed', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-05-05T01:00:00Z'), 'đã lưu');
    failJournalFlush(store, { once: true });
    // The write is applied in memory at once, so the compaction's capture holds it; then its flush fails.
    const failing = logDeed(store, member.id, new Date('2026-05-05T02:00:00Z'), 'báo lỗi, chưa lưu');
    const compaction = store.compact();
    expect(await failing.catch((e: unknown) => e)).toBeInstanceOf(StoreWriteError);
    expect(await compaction.catch((e: unknown) => e)).toBeInstanceOf(StoreWriteError);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await reopen(store);
    expect(again.entries.map((e) => e.text)).toEqual(['đã lưu']);
    // The next compaction works.
    await again.compact();
    expect((await reopen(again)).entries.map((e) => e.text)).toEqual(['đã lưu']);
  });
});

describe('npm run store:export', () => {
  it('writes the whole store as one JSON document the bot reads back, touching nothing', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdir, readdir, readFile, writeFile } = await import('node:fs/promises');
    const store = await open();
    await everyShape(store);
    await store.compact();
    await logDeed(store, store.members[0]?.id ?? '', new Date('2026-03-20T03:00:00Z'), 'sau khi gộp');
    const before = store.entries;
    const members = store.members;
    await store.close();
    opened.pop();
    const files = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(dir)).map(async (f) => [f, (await readFile(join(dir, f))).toString('base64')]),
        ),
      );
    const untouched = await files();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/store-export.ts', dir], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await files()).toEqual(untouched);
    const document = JSON.parse(run.stdout);
    expect(document.version).toBe(6);
    // Started from: a data directory holding only this file as its store.json.
    const other = join(dir, 'restored');
    await mkdir(other);
    await writeFile(join(other, 'store.json'), run.stdout);
    const restored = await Store.open(other);
    opened.push(restored);
    expect(restored.entries).toEqual(before);
    expect(restored.members).toEqual(members);
  }, 60_000);

  it('opens a store read-only: every write is refused, nothing is written', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await store.close();
    opened.pop();
    const readOnly = await Store.readOnly(dir);
    expect(readOnly.members.map((m) => m.id)).toEqual([member.id]);
    await expect(logDeed(readOnly, member.id, new Date())).rejects.toBeInstanceOf(StoreWriteError);
    await expect(readOnly.compact()).rejects.toBeInstanceOf(StoreWriteError);
    await readOnly.close();
  });
});

describe('the journal told while a snapshot or a backup is written', () => {
  it('is busy from a compaction’s start to its end, and through a daily backup', async () => {
    const { Journal } = await import('../../storage/journal.js');
    const told: boolean[] = [];
    const spy = vi.spyOn(Journal.prototype, 'diskBusy').mockImplementation((busy: boolean) => {
      told.push(busy);
    });
    try {
      const store = await open();
      const lan = await addMember(store, 1, 'vp');
      await logDeed(store, lan.id, new Date(Date.UTC(2026, 2, 2, 3)), 'Trực thay đồng nghiệp bị ốm');
      told.length = 0;
      await store.compact();
      expect(told).toEqual([true, false]);
      told.length = 0;
      expect(await store.backupIfDue(new Date(Date.UTC(2026, 2, 3, 3)))).not.toBeNull();
      // The backup's compaction inside it: still busy when it ends, until the copy is made.
      expect(told).toEqual([true, true, true, false]);
    } finally {
      spy.mockRestore();
    }
  });
});
