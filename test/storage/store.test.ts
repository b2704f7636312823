import { constants } from 'node:fs';
import {
  appendFile,
  type FileHandle,
  mkdir,
  open as openFile,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError, StoreWriteError } from '../../core/errors.js';
import { type FileSystem, nodeFileSystem } from '../../storage/files.js';
import { STORE_VERSION } from '../../storage/schema.js';
import { readSnapshot, writeSnapshot } from '../../storage/snapshot-file.js';
import { DOCUMENT_FILE, DOCUMENT_KEPT, JOURNAL_FILE, STORE_FILE, Store } from '../../storage/store.js';
import { memoryLogger, tempDir } from '../helpers/agency.js';
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

async function snapshotOfFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    files[entry.name] = entry.isDirectory()
      ? '(a folder)'
      : (await readFile(join(dir, entry.name))).toString('base64');
  }
  return files;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await cleanup();
});

describe('write, then read back', () => {
  it('starts a new store only when no file exists', async () => {
    const store = await open();
    expect(store.members).toEqual([]);
    expect(store.entries).toEqual([]);
  });

  it("acknowledges a write only once its journal line is on disk: written with O_DSYNC, or fdatasync'd after", async () => {
    // The journal's file operations as the store makes them, recorded in order.
    const journal: string[] = [];
    const recording: FileSystem = {
      ...nodeFileSystem,
      open: async (path, flags, mode) => {
        const handle = await nodeFileSystem.open(path, flags, mode);
        if (path !== join(dir, JOURNAL_FILE)) return handle;
        const dsync = typeof flags === 'number' && (flags & constants.O_DSYNC) !== 0;
        journal.push(dsync ? 'open with O_DSYNC' : 'open');
        return {
          write: (...args) => {
            journal.push('write');
            return handle.write(...args);
          },
          writeFile: (data) => handle.writeFile(data),
          datasync: () => {
            journal.push('fdatasync');
            return handle.datasync();
          },
          truncate: (length) => handle.truncate(length),
          close: () => handle.close(),
        };
      },
    };
    const store = await open({ fileSystem: recording });
    const member = await addMember(store, 1);
    // The journal as it is open now (a new store's is opened again once its head line is written).
    const current = journal.filter((call) => call.startsWith('open')).at(-1);
    const since = journal.length;
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'));
    const flush = journal.slice(since);
    expect(flush).toContain('write');
    // Durable when the promise resolved: every write of the journal is on disk as it returns, or is followed by fdatasync.
    expect(current === 'open with O_DSYNC' || flush.at(-1) === 'fdatasync').toBe(true);
  });

  it('keeps every acknowledged change across a reopen (journal replay)', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    const entry = await logDeed(store, member.id, new Date('2026-03-02T01:00:00Z'));
    await store.withdrawEntry(entry.code, actor(member.id, new Date('2026-03-02T02:00:00Z')));
    await store.close();

    const again = await open();
    expect(again.members).toEqual([member]);
    expect(again.entry(entry.code)?.status).toBe('withdrawn');
    expect(again.entry(entry.code)?.history.map((h) => h.action)).toEqual(['created', 'withdrawn']);
  });

  it('keeps every change across a compaction and empties the journal to its head', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-03-02T01:00:00Z'));
    await store.compact();
    const journal = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n');
    expect(journal).toHaveLength(2);
    expect(JSON.parse(journal[0] as string)).toMatchObject({ journal: 'thidua-bot', follows: 2 });
    await logDeed(store, member.id, new Date('2026-03-03T01:00:00Z'));
    await store.close();

    const again = await open();
    expect(again.entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
    expect(await readSnapshot(join(dir, STORE_FILE))).toMatchObject({ version: STORE_VERSION, seq: 2 });
  });

  it('loses nothing when 1,000 commands write at once, and shares flushes between them', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    const at = new Date('2026-05-05T05:00:00Z');
    const written = await Promise.all(Array.from({ length: 1000 }, () => logDeed(store, member.id, at)));
    expect(new Set(written.map((e) => e.code)).size).toBe(1000);
    await store.close();

    const again = await open();
    expect(again.entries).toHaveLength(1000);
    expect(new Set(again.entries.map((e) => e.code))).toEqual(new Set(written.map((e) => e.code)));
  });

  it('loses nothing when writes go on during a compaction', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    const at = new Date('2026-05-05T05:00:00Z');
    const before = Promise.all(Array.from({ length: 200 }, () => logDeed(store, member.id, at)));
    const compaction = store.compact();
    const during = Promise.all(Array.from({ length: 200 }, () => logDeed(store, member.id, at)));
    await Promise.all([before, compaction, during]);
    await store.close();
    expect((await open()).entries).toHaveLength(400);
  });

  it('finds entries of a period by time, whatever order they were logged in', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-03-10T00:00:00Z'));
    await logDeed(store, member.id, new Date('2026-01-10T00:00:00Z'));
    await logDeed(store, member.id, new Date('2026-02-10T00:00:00Z'));
    const feb = store.entriesBetween(new Date('2026-02-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    expect(feb.map((e) => e.code)).toEqual(['VT3']);
    expect(store.entries.map((e) => e.code)).toEqual(['VT2', 'VT3', 'VT1']);
  });

  it('keeps the entries of a snapshot in order of time, whatever order they were logged in', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    for (const day of ['10', '20', '15'])
      await logDeed(store, member.id, new Date(`2026-03-${day}T00:00:00Z`));
    await store.compact();
    await logDeed(store, member.id, new Date('2026-03-12T00:00:00Z'));
    await store.close();
    opened.pop();
    const again = await open();
    expect(again.entries.map((e) => e.code)).toEqual(['VT1', 'VT4', 'VT3', 'VT2']);
    const march = again.entriesBetween(new Date('2026-03-12T00:00:00Z'), new Date('2026-03-21T00:00:00Z'));
    expect(march.map((e) => e.code)).toEqual(['VT4', 'VT3', 'VT2']);
  });

  it('orders the entries of a JSON store written out of order, by time, on load', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    for (const day of ['10', '20', '15'])
      await logDeed(store, member.id, new Date(`2026-03-${day}T00:00:00Z`));
    const document = JSON.parse(JSON.stringify({ ...store.state, version: 4, entries: store.entries }));
    await store.close();
    opened.pop();
    await rm(join(dir, JOURNAL_FILE));
    await rm(join(dir, STORE_FILE));
    document.entries.reverse();
    await writeFile(join(dir, DOCUMENT_FILE), JSON.stringify(document));
    const again = await open();
    expect(again.entries.map((e) => e.code)).toEqual(['VT1', 'VT3', 'VT2']);
    const march = again.entriesBetween(new Date('2026-03-12T00:00:00Z'), new Date('2026-03-21T00:00:00Z'));
    expect(march.map((e) => e.code)).toEqual(['VT3', 'VT2']);
  });

  it('finds an entry by its code in any case, with or without its prefix', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    expect(store.entry('vt1')?.code).toBe('VT1');
    expect(store.entry('VT-1')?.code).toBe('VT1');
    expect(store.entry('1')?.code).toBe('VT1');
    expect(store.entry('HT1')).toBeUndefined();
    expect(store.entry('<b>')).toBeUndefined();
  });
});

describe('layout versions', () => {
  it('migrates a layout-1 store on load (entries await review) without rewriting the file', async () => {
    const at = '2026-03-02T01:00:00.000Z';
    const v1 = {
      version: 1,
      seq: 2,
      nextEntryNo: 2,
      nextMemberNo: 2,
      members: [
        {
          id: 'm1',
          fullName: 'Nguyễn Thị Lan',
          departmentId: 'vp',
          identities: ['telegram:1001'],
          registeredAt: at,
          history: [{ at, action: 'registered', by: 'm1', platform: 'telegram' }],
        },
      ],
      entries: [
        {
          code: 'VT1',
          kind: 'deed',
          text: 'Hiến máu tình nguyện',
          points: 2,
          adhoc: false,
          it: false,
          memberId: 'm1',
          reporterId: 'm1',
          at,
          status: 'active',
          source: 'telegram:-100:5',
          history: [{ at, action: 'created', by: 'm1', platform: 'telegram' }],
        },
      ],
    };
    const text = JSON.stringify(v1);
    await writeFile(join(dir, DOCUMENT_FILE), text);
    // A journal line written by layout-1 code (no review field) replays too.
    const line = {
      seq: 3,
      type: 'entry.created',
      entry: { ...v1.entries[0], code: 'HT2', kind: 'task', source: 's2' },
    };
    await writeFile(join(dir, JOURNAL_FILE), `${JSON.stringify(line)}\n`);
    // A read-only open migrates in memory and writes nothing.
    const reader = await Store.readOnly(dir);
    expect(reader.entries.map((e) => [e.code, e.review])).toEqual([
      ['VT1', 'pending'],
      ['HT2', 'pending'],
    ]);
    expect(reader.models).toEqual([]);
    expect(await readFile(join(dir, DOCUMENT_FILE), 'utf8')).toBe(text);
    // Opened for writing, it is written in today's layout before any write; the old file is kept
    // among the backups.
    const store = await open();
    expect(store.entries.map((e) => [e.code, e.review])).toEqual([
      ['VT1', 'pending'],
      ['HT2', 'pending'],
    ]);
    expect((await readSnapshot(join(dir, STORE_FILE)))?.version).toBe(STORE_VERSION);
    expect(await readdir(dir)).not.toContain(DOCUMENT_FILE);
    expect(await readFile(join(dir, 'backups', DOCUMENT_KEPT), 'utf8')).toBe(text);
    await store.close();
    opened.pop();
    expect((await open()).entries.map((e) => [e.code, e.review])).toEqual([
      ['VT1', 'pending'],
      ['HT2', 'pending'],
    ]);
  });
  it('migrates a layout-3 store: every entry counts for its member’s department, and moves start from then', async () => {
    const at = '2026-03-02T01:00:00.000Z';
    const member = (id: string, departmentId: string) => ({
      id,
      fullName: `Thành viên ${id}`,
      departmentId,
      identities: [`telegram:${id.slice(1)}`],
      registeredAt: at,
      history: [{ at, action: 'registered', by: id, platform: 'telegram' }],
    });
    const entry = (code: string, memberId: string) => ({
      code,
      kind: 'deed',
      text: 'Hiến máu tình nguyện',
      points: 2,
      adhoc: false,
      it: false,
      memberId,
      reporterId: memberId,
      at,
      status: 'active',
      review: 'pending',
      source: `s-${code}`,
      history: [{ at, action: 'created', by: memberId, platform: 'telegram' }],
    });
    const v3 = {
      version: 3,
      seq: 3,
      nextEntryNo: 3,
      nextMemberNo: 3,
      nextModelNo: 1,
      members: [member('m1', 'vp'), member('m2', 'cb')],
      entries: [entry('VT1', 'm1'), entry('VT2', 'm2')],
      models: [],
      jobs: {},
    };
    const text = JSON.stringify(v3);
    await writeFile(join(dir, DOCUMENT_FILE), text);
    // Journal lines written by layout 3: m1 re-registered in another department, then logged.
    const later = '2026-03-05T01:00:00.000Z';
    const moved = {
      ...member('m1', 'cb'),
      history: [
        ...member('m1', 'vp').history,
        { at: later, action: 'updated', by: 'm1', platform: 'telegram' },
      ],
    };
    const lines = [
      { seq: 4, type: 'member.saved', member: moved },
      { seq: 5, type: 'entry.created', entry: { ...entry('VT3', 'm1'), at: later, source: 's3' } },
    ];
    await writeFile(join(dir, JOURNAL_FILE), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const store = await open();
    expect(store.entries.map((e) => [e.code, e.departmentId])).toEqual([
      ['VT1', 'vp'],
      ['VT2', 'cb'],
      ['VT3', 'cb'],
    ]);
    expect(store.member('m1')?.departments).toEqual([
      { departmentId: 'vp', from: at },
      { departmentId: 'cb', from: later },
    ]);
    expect(store.member('m2')?.departments).toEqual([{ departmentId: 'cb', from: at }]);
    // Written in today's layout when opened; the old file kept among the backups.
    expect(await readFile(join(dir, 'backups', DOCUMENT_KEPT), 'utf8')).toBe(text);
    await store.close();
    const again = await open();
    expect(again.entries.map((e) => e.departmentId)).toEqual(['vp', 'cb', 'cb']);
    expect((await readSnapshot(join(dir, STORE_FILE)))?.version).toBe(STORE_VERSION);
  });

  it('migrates a layout-5 store: an entry’s one photo becomes a list of one, in the snapshot and the journal', async () => {
    const at = '2026-03-02T01:00:00.000Z';
    const entry = (code: string, photo?: unknown) => ({
      code,
      kind: 'deed',
      text: 'Hiến máu tình nguyện',
      points: 2,
      adhoc: false,
      it: false,
      memberId: 'm1',
      reporterId: 'm1',
      departmentId: 'vp',
      at,
      status: 'active',
      review: 'pending',
      source: `s-${code}`,
      history: [{ at, action: 'created', by: 'm1', platform: 'telegram' }],
      ...(photo ? { photo } : {}),
    });
    const v5 = {
      version: 5,
      seq: 2,
      nextEntryNo: 3,
      nextMemberNo: 2,
      nextModelNo: 1,
      members: [
        {
          id: 'm1',
          fullName: 'Nguyễn Thị Lan',
          departmentId: 'vp',
          departments: [{ departmentId: 'vp', from: at }],
          identities: ['telegram:1001'],
          registeredAt: at,
          history: [{ at, action: 'registered', by: 'm1', platform: 'telegram' }],
        },
      ],
      entries: [entry('VT1', { platform: 'telegram', fileId: 'photo-1' }), entry('VT2')],
      models: [],
      jobs: {},
      registrations: [],
      heads: [],
    };
    const text = JSON.stringify(v5);
    await writeFile(join(dir, DOCUMENT_FILE), text);
    // A journal line written by layout-5 code holds its photo as an object too.
    const line = {
      seq: 3,
      type: 'entry.created',
      entry: entry('VT3', { platform: 'zalo', fileId: 'https://photo.example/3.jpg' }),
    };
    await writeFile(join(dir, JOURNAL_FILE), `${JSON.stringify(line)}\n`);
    const store = await open();
    const photos = () => store.entries.map((e) => [e.code, e.photo]);
    expect(photos()).toEqual([
      ['VT1', [{ platform: 'telegram', fileId: 'photo-1' }]],
      ['VT2', undefined],
      ['VT3', [{ platform: 'zalo', fileId: 'https://photo.example/3.jpg' }]],
    ]);
    expect(await readFile(join(dir, 'backups', DOCUMENT_KEPT), 'utf8')).toBe(text);
    const written = await readSnapshot(join(dir, STORE_FILE));
    expect(written?.version).toBe(STORE_VERSION);
    expect(written?.entries.all().map((e) => e.photo)).toEqual([
      [{ platform: 'telegram', fileId: 'photo-1' }],
      undefined,
      [{ platform: 'zalo', fileId: 'https://photo.example/3.jpg' }],
    ]);
  });
});

describe('a store that cannot be trusted stops start-up and is left untouched', () => {
  const cases: [string, string][] = [
    ['not JSON', '{"version": 1, "seq": '],
    ['the text null', 'null'],
    ['a newer version', JSON.stringify({ version: 99, seq: 0 })],
    ['no version', JSON.stringify({ members: [], entries: [] })],
    [
      'an invalid entry',
      JSON.stringify({
        version: 1,
        seq: 0,
        nextEntryNo: 1,
        nextMemberNo: 1,
        members: [],
        entries: [{ code: 'VT1' }],
      }),
    ],
  ];

  it.each(cases)('refuses a JSON store file holding %s', async (_what, content) => {
    await writeFile(join(dir, DOCUMENT_FILE), content);
    await writeFile(join(dir, JOURNAL_FILE), '');
    const before = await snapshotOfFiles();
    // A store that opens after all is closed again (a leaked journal handle would be closed by GC).
    const error = await Store.open(dir).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).message).toContain(join(dir, DOCUMENT_FILE));
    expect(await snapshotOfFiles()).toEqual(before);
  });

  it.each(cases)('refuses a snapshot file holding %s', async (_what, content) => {
    await writeFile(join(dir, STORE_FILE), content);
    const before = await snapshotOfFiles();
    // A store that opens after all is closed again (a leaked journal handle would be closed by GC).
    const error = await Store.open(dir).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).message).toBe(
      `${join(dir, STORE_FILE)}: is not a thidua-bot snapshot`,
    );
    expect(await snapshotOfFiles()).toEqual(before);
  });

  /** A real store of two deeds by one member. */
  async function twoDeeds(): Promise<Store> {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'));
    await logDeed(store, member.id, new Date('2026-03-03T03:00:00Z'));
    return store;
  }

  /** Opening the store must fail on the file `name`, leaving every file as it was. */
  async function refused(name: string): Promise<Error> {
    const before = await snapshotOfFiles();
    // A store that opens after all is closed again (a leaked journal handle would be closed by GC).
    const error = await Store.open(dir).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain(join(dir, name));
    expect(await snapshotOfFiles()).toEqual(before);
    return error as Error;
  }

  /** The two deeds as a JSON store (layout 6, `store.json`); `spoil` edits that file. */
  async function documentThen(spoil: (file: Buffer) => Buffer | string): Promise<Error> {
    const store = await twoDeeds();
    const document = { ...store.state, version: 4, entries: store.entries };
    await store.close();
    opened.pop();
    await rm(join(dir, JOURNAL_FILE));
    await rm(join(dir, STORE_FILE));
    await writeFile(join(dir, DOCUMENT_FILE), spoil(Buffer.from(JSON.stringify(document), 'utf8')));
    return refused(DOCUMENT_FILE);
  }

  /** The two deeds compacted into a snapshot; `spoil` edits that file's bytes. */
  async function snapshotThen(spoil: (file: Buffer) => Buffer): Promise<Error> {
    const store = await twoDeeds();
    await store.compact();
    await store.close();
    opened.pop();
    await writeFile(join(dir, STORE_FILE), spoil(await readFile(join(dir, STORE_FILE))));
    return refused(STORE_FILE);
  }

  /** A snapshot with a valid checksum whose table breaks a rule (as only a faulty writer could make one). */
  async function snapshotBreaking(change: (capture: ReturnType<Store['capture']>) => void): Promise<Error> {
    const store = await twoDeeds();
    const capture = store.capture();
    await store.close();
    opened.pop();
    await rm(join(dir, JOURNAL_FILE));
    change(capture);
    await writeSnapshot(join(dir, STORE_FILE), capture);
    return refused(STORE_FILE);
  }

  it.each([
    ['snapshot', STORE_FILE],
    ['journal', JOURNAL_FILE],
  ])(
    'refuses a %s that is there but cannot be read (a folder in its place): only a missing file starts a new store',
    async (_what, name) => {
      const store = await twoDeeds();
      await store.compact();
      await store.close();
      opened.pop();
      await rm(join(dir, name));
      await mkdir(join(dir, name));
      const error = await refused(name);
      expect(error.message).toBe(`${join(dir, name)}: cannot be read (EISDIR)`);
    },
  );

  it('refuses bytes that are not UTF-8 instead of reading them as replacement characters', async () => {
    const error = await documentThen((file) => {
      const at = file.indexOf('Giúp');
      return Buffer.concat([file.subarray(0, at), Buffer.from([0xc3, 0x28]), file.subarray(at + 2)]);
    });
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('refuses two entries with the same code, naming the code', async () => {
    const error = await documentThen((file) => file.toString('utf8').replace('"VT2"', '"VT1"'));
    expect(error.message).toMatch(/entry code VT1 appears twice/);
  });

  it('refuses a snapshot whose table holds the same code twice, naming the code', async () => {
    const snapshot = await snapshotBreaking((capture) => {
      capture.entries.no[1] = 1;
    });
    expect(snapshot.message).toMatch(/entry code VT1 appears twice/);
  });

  it('refuses a snapshot whose table lists a photo that is not one, saying which', async () => {
    const photo = await snapshotBreaking((capture) => {
      capture.entries.photos = [[0, 'telegram', 'AgAC'], ['0', 'telegram', 'AgAC'] as never];
    });
    expect(photo.message).toMatch(/has a broken entry table: photos\.1\.0: .*expected number/);
  });

  it('refuses a snapshot whose table lists a code that is not one, saying which', async () => {
    const code = await snapshotBreaking((capture) => {
      capture.entries.codes = [[1, 'VT2', 'extra'] as never];
    });
    expect(code.message).toMatch(/has a broken entry table: codes\.0: /);
  });

  it('refuses an entry credited to a member who does not exist, naming both', async () => {
    const error = await documentThen((file) => {
      const state = JSON.parse(file.toString('utf8'));
      state.entries[1].memberId = 'm999';
      return JSON.stringify(state);
    });
    expect(error.message).toMatch(/entry VT2 refers to member m999, who does not exist/);
  });

  it('refuses a snapshot whose table credits a member who does not exist, naming both', async () => {
    const snapshot = await snapshotBreaking((capture) => {
      capture.entries.dict = capture.entries.dict.map((word) => (word === 'm1' ? 'm999' : word));
    });
    expect(snapshot.message).toMatch(/entry VT1 refers to member m999, who does not exist/);
  });

  it('refuses a snapshot changed on disk, by a single byte anywhere, or cut short', async () => {
    const sizes: number[] = [];
    await snapshotThen((file) => {
      sizes.push(file.length);
      return file;
    }).catch(() => {});
    opened.splice(0);
    for (const at of [0.3, 0.6, 0.95]) {
      ({ dir, cleanup } = await tempDir());
      const error = await snapshotThen((file) => {
        const spoiled = Buffer.from(file);
        const i = Math.floor(file.length * at);
        spoiled[i] = (spoiled[i] as number) ^ 0x04;
        return spoiled;
      });
      expect(error.message).toMatch(/is damaged|is not a thidua-bot snapshot/);
      await cleanup();
    }
    ({ dir, cleanup } = await tempDir());
    const cut = await snapshotThen((file) => file.subarray(0, file.length - 40));
    expect(cut.message).toMatch(/is damaged/);
    expect(sizes[0]).toBeGreaterThan(100);
  });

  it('refuses a journal with a garbled line before its end, naming the line', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    await store.close();
    opened.pop();
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n');
    // Line 1 is the journal's head; line 2 the member's registration.
    lines[1] = lines[1]?.replace('"member.saved"', '"member.savd"') ?? '';
    await writeFile(join(dir, JOURNAL_FILE), lines.join('\n'));
    const before = await snapshotOfFiles();
    // A store that opens after all is closed again (a leaked journal handle would be closed by GC).
    const error = await Store.open(dir).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(/journal\.jsonl: line 2 does not match its checksum/);
    expect(await snapshotOfFiles()).toEqual(before);
  });

  // A line that ends with its newline was written whole: if it is not JSON, the file was damaged after
  // it was acknowledged. Skipping it would lose a saved change without a word — the store refuses.
  it.each([
    ['before its end', 1],
    ['as its last complete line', 2],
  ])('refuses a journal with a complete line that is not JSON %s, naming the line', async (_where, index) => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    await store.close();
    opened.pop();
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n');
    expect(lines).toHaveLength(4); // the head, two events and the empty tail after the last newline
    lines[index] = (lines[index] ?? '').slice(0, 25);
    await writeFile(join(dir, JOURNAL_FILE), lines.join('\n'));
    const before = await snapshotOfFiles();
    const error = await Store.open(dir).then(
      (store) => store.close().then(() => store),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(new RegExp(`journal\\.jsonl: line ${index + 1} `));
    expect(await snapshotOfFiles()).toEqual(before);
  });

  it('drops a torn last journal line (an unacknowledged write) with a warning, and appends after it cleanly', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    await store.close();
    opened.pop();
    await appendFile(join(dir, JOURNAL_FILE), '{"seq":3,"type":"entry.cre');
    const { logger, lines } = memoryLogger();
    const again = await open({ logger });
    expect(again.entries).toHaveLength(1);
    expect(
      lines().some((l) => l.level === 40 && String(l.msg).includes('incomplete last journal line')),
    ).toBe(true);
    await logDeed(again, member.id, new Date());
    await again.close();
    opened.pop();
    expect((await open()).entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
  });
});

describe('a disk that refuses writes', () => {
  it('answers with StoreWriteError, changes nothing, and works again once the disk does', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    const kept = await logDeed(store, member.id, new Date());
    // Swap the journal's file handle for one on /dev/full, which refuses every write with ENOSPC.
    const journal = Reflect.get(store, 'journal') as object;
    const real = Reflect.get(journal, 'handle') as FileHandle;
    const full = await openFile('/dev/full', 'r+');
    Reflect.set(journal, 'handle', full);

    const failed = await logDeed(store, member.id, new Date()).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreWriteError);
    expect((failed as Error).message).toContain('ENOSPC');
    const burst = await Promise.allSettled(
      Array.from({ length: 5 }, () => logDeed(store, member.id, new Date())),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect(store.entries.map((e) => e.code)).toEqual([kept.code]);
    expect(store.state.nextEntryNo).toBe(2);

    Reflect.set(journal, 'handle', real);
    await full.close();
    const later = await logDeed(store, member.id, new Date());
    expect(later.code).toBe('VT2');
    await store.close();
    opened.pop();
    expect((await open()).entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
  });
});

describe('failures in the middle of a flush or a compaction', () => {
  const eio = () => Object.assign(new Error('EIO'), { code: 'EIO' });

  it('never brings back a write the user was told failed (the flush failed after the bytes were written)', async () => {
    const store = await open();
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'), 'đã lưu');
    const fault = failJournalFlush(store);
    const failed = await logDeed(store, member.id, new Date(), 'báo lỗi, chưa lưu').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreWriteError);
    fault.restore();
    await store.close();
    opened.pop();
    expect((await open()).entries.map((e) => e.text)).toEqual(['đã lưu']);
  });

  it('keeps what a compaction absorbed even when rewriting the journal fails, and loses no later write', async () => {
    // The journal's rewrite after the snapshot goes through a temp file: refuse that one, once.
    let refuseRewrite = false;
    const fileSystem: FileSystem = {
      open: async (path, flags, mode) => {
        if (refuseRewrite && path.endsWith(`${JOURNAL_FILE}.tmp`)) {
          refuseRewrite = false;
          throw eio();
        }
        return nodeFileSystem.open(path, flags, mode);
      },
      copyFile: (from, to) => nodeFileSystem.copyFile(from, to),
    };
    const store = await open({ fileSystem });
    const member = await addMember(store, 1);
    const first = logDeed(store, member.id, new Date('2026-03-02T03:00:00Z'), 'một');
    const second = logDeed(store, member.id, new Date('2026-03-02T03:01:00Z'), 'hai (trong snapshot)');
    refuseRewrite = true;
    await store.compact();
    expect((await first).code).toBe('VT1');
    expect((await second).code).toBe('VT2');
    // The journal still holds the lines the snapshot holds; the next ones follow them.
    expect(store.journalLines).toBe(3);
    const third = await logDeed(store, member.id, new Date('2026-03-02T03:03:00Z'), 'ba');
    await store.close();
    opened.pop();
    const again = await open();
    expect(again.entries.map((e) => [e.code, e.text])).toEqual([
      ['VT1', 'một'],
      ['VT2', 'hai (trong snapshot)'],
      [third.code, 'ba'],
    ]);
  });
});

describe('daily backups', () => {
  it('writes one backup a day beside the store and keeps the newest 14', async () => {
    const store = await open({ keepBackups: 14 });
    const member = await addMember(store, 1);
    await logDeed(store, member.id, new Date());
    const first = await store.backupIfDue(new Date('2026-11-01T20:00:00Z'));
    expect(first).toMatch(/backups\/store-2026-11-02\.snapshot$/); // 03:00 on 2 Nov in Vietnam
    expect(await store.backupIfDue(new Date('2026-11-02T10:00:00Z'))).toBeNull();
    for (let day = 3; day <= 20; day += 1) {
      await store.backupIfDue(new Date(`2026-11-${String(day).padStart(2, '0')}T03:00:00Z`));
    }
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toHaveLength(14);
    expect(backups[0]).toBe('store-2026-11-07.snapshot');
    expect(backups.at(-1)).toBe('store-2026-11-20.snapshot');
    const copy = await readSnapshot(join(dir, 'backups', 'store-2026-11-20.snapshot'));
    expect(copy?.entries.count).toBe(1);
  });
});
