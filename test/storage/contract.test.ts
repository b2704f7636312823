import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError, StoreWriteError } from '../../core/errors.js';
import type { EntriesOf } from '../../core/repository.js';
import { JOURNAL_FILE } from '../../storage/file-log.js';
import { sealLine } from '../../storage/line.js';
import {
  migrate,
  openPostgresStore,
  type PostgresTarget,
  readPostgresStore,
  takeEpoch,
} from '../../storage/postgres/index.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir } from '../helpers/agency.js';
import { DiskFaults } from '../helpers/disk-faults.js';
import { adminQuery, postgresMissing, testDatabase } from '../helpers/postgres.js';
import { actor, addMember, logDeed } from '../helpers/store.js';

/*
 * One contract, two stores: every rule below holds the same on the embedded store (files in a data
 * directory) and on PostgreSQL (a real server, a database of this file's own). The Store is the same
 * code over both; what differs is only where its lines and snapshots are kept (storage/log.ts).
 */

interface Backend {
  /** Opens the store for writing (on PostgreSQL: with a new fencing epoch, as an instance becoming active). */
  open(): Promise<Store>;
  /** The store as it is, read only (store:export). */
  readOnly(): Promise<Store>;
  /** From now on the medium refuses writes (a full disk; a server refusing the insert), until `mend`. */
  breakWrites(): Promise<void>;
  mend(): Promise<void>;
  /** The raw journal lines, in order. */
  lines(): Promise<string[]>;
  /** Replaces the raw journal lines (as an older version, or a damaged medium, left them). */
  setLines(lines: string[]): Promise<void>;
  /** Everything the medium holds, to check a refused start wrote nothing. */
  contents(): Promise<unknown>;
}

const fileBackend = (): { setup(): Promise<Backend>; teardown(): Promise<void> } => {
  let cleanup = async () => {};
  return {
    async setup() {
      const made = await tempDir();
      cleanup = made.cleanup;
      const dir = made.dir;
      const faults = new DiskFaults();
      return {
        open: () => Store.open(dir, { fileSystem: faults }),
        readOnly: () => Store.readOnly(dir),
        breakWrites: async () => {
          faults.full = true;
        },
        mend: async () => {
          faults.full = false;
        },
        // The change lines; the journal's head line (the store and the snapshot it follows) stays.
        lines: async () => (await journalFile(dir)).filter((l) => !isHead(l)),
        setLines: async (lines) => {
          const head = (await journalFile(dir)).filter(isHead);
          await writeFile(join(dir, JOURNAL_FILE), [...head, ...lines].map((l) => `${l}\n`).join(''));
        },
        contents: async () => {
          const out: Record<string, string> = {};
          for (const name of await readdir(dir)) {
            out[name] = (await readFile(join(dir, name)).catch(() => Buffer.alloc(0))).toString('base64');
          }
          return out;
        },
      };
    },
    teardown: () => cleanup(),
  };
};

async function journalFile(dir: string): Promise<string[]> {
  return (await readFile(join(dir, JOURNAL_FILE), 'utf8').catch(() => '')).split('\n').filter(Boolean);
}
const isHead = (line: string) => line.startsWith('{"journal":');

/** A line changed as a tool would change it: sealed again (storage/line.ts), so only the rules can tell. */
function resealed(line: string): string {
  const { sum: _sum, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return sealLine(JSON.stringify(rest)).text;
}

/** New lines after `lines`, as the store writes them: its identity, the next seq, chained and sealed. */
function following(lines: readonly string[], bodies: readonly Record<string, unknown>[]): string[] {
  const last = JSON.parse(lines.at(-1) as string) as { seq: number; store: string; sum: string };
  let prev = last.sum;
  return bodies.map((body, i) => {
    const line = sealLine(JSON.stringify({ seq: last.seq + 1 + i, store: last.store, prev, ...body }));
    prev = line.sum;
    return line.text;
  });
}

let database: Awaited<ReturnType<typeof testDatabase>> | undefined;
let schemaNo = 0;
const postgresBackend = (): { setup(): Promise<Backend>; teardown(): Promise<void> } => ({
  async setup() {
    if (!database) throw new Error('no test database');
    schemaNo += 1;
    const target: PostgresTarget = { url: database.url, schema: `s${schemaNo}` };
    const { logger } = memoryLogger();
    await migrate(target, logger);
    const q = (sql: string, values: unknown[] = []) => adminQuery(sql, values, target.url);
    const journal = `${target.schema}.journal`;
    return {
      open: async () =>
        openPostgresStore(target, { logger, dataDir: '', epoch: await takeEpoch(target, 'contract test') }),
      readOnly: () => readPostgresStore(target),
      breakWrites: async () => {
        await q(`CREATE FUNCTION ${target.schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS
                 $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$`);
        await q(
          `CREATE TRIGGER refuse BEFORE INSERT ON ${journal} FOR EACH ROW EXECUTE FUNCTION ${target.schema}.refuse()`,
        );
      },
      mend: async () => {
        await q(`DROP TRIGGER refuse ON ${journal}`);
        await q(`DROP FUNCTION ${target.schema}.refuse()`);
      },
      lines: async () =>
        (await q(`SELECT line FROM ${journal} ORDER BY seq`)).rows.map((r) => r.line as string),
      setLines: async (lines) => {
        await q(`DELETE FROM ${journal}`);
        for (const line of lines) {
          const seq = (JSON.parse(line) as { seq: number }).seq;
          await q(`INSERT INTO ${journal} (seq, line, epoch) VALUES ($1, $2, 0)`, [seq, line]);
        }
      },
      contents: async () => ({
        journal: (await q(`SELECT seq, line, epoch FROM ${journal} ORDER BY seq`)).rows,
        snapshots: (
          await q(`SELECT s.id, s.seq, md5(string_agg(p.data, ''::bytea ORDER BY p.part)) AS md5
                              FROM ${target.schema}.snapshot s JOIN ${target.schema}.snapshot_part p ON p.snapshot = s.id
                              GROUP BY s.id, s.seq`)
        ).rows,
      }),
    };
  },
  teardown: async () => {},
});

const backends = [
  { name: 'the embedded store (files)', make: fileBackend, missing: null },
  { name: 'PostgreSQL', make: postgresBackend, missing: postgresMissing },
];

beforeAll(async () => {
  if (!postgresMissing) database = await testDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe.each(backends)('the store on $name', ({ make, missing }) => {
  let backend: Backend;
  let teardown: () => Promise<void>;
  const opened: Store[] = [];
  const open = async () => {
    const store = await backend.open();
    opened.push(store);
    return store;
  };
  const reopen = async (store: Store) => {
    await store.close();
    return open();
  };

  beforeEach(async (context) => {
    if (missing) {
      context.skip(`PostgreSQL is not reachable: ${missing}`);
      return;
    }
    const made = make();
    teardown = made.teardown;
    backend = await made.setup();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close().catch(() => {});
    await teardown?.();
  });

  it('keeps every acknowledged change across a reopen and a compaction', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    const first = await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'), 'Hiến máu tình nguyện');
    await store.withdrawEntry(first.code, actor(lan.id, new Date('2026-03-02T02:00:00Z')), 'nhầm');
    await store.compact();
    await logDeed(store, lan.id, new Date('2026-03-03T01:00:00Z'), 'Trực thay đồng nghiệp');
    const again = await reopen(store);
    expect(again.members.map((m) => m.fullName)).toEqual(['Thành viên 1']);
    expect(again.entries.map((e) => [e.code, e.status, e.text])).toEqual([
      ['VT1', 'withdrawn', 'Hiến máu tình nguyện'],
      ['VT2', 'active', 'Trực thay đồng nghiệp'],
    ]);
    expect(again.journalLines).toBe(1);
  });

  it('reads only the entries asked for (by member, by who logged them, by #tag), from the snapshot and the journal alike', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    const hung = await addMember(store, 2, 'cb');
    const day = (d: number) => new Date(Date.UTC(2026, 2, d, 1));
    await logDeed(store, lan.id, day(2), 'Tuyên truyền bầu cử ở khu dân cư #baucu');
    await logDeed(store, lan.id, day(3), 'Trực điểm bầu cử thay đồng nghiệp', { memberId: hung.id });
    await logDeed(store, hung.id, day(4), 'Sửa máy in #BauCu, cả phòng dùng được');
    await store.compact();
    await logDeed(store, hung.id, day(5), 'Dọn kho lưu trữ hồ sơ #baucuxanh');
    await logDeed(store, hung.id, day(6), '#baucu tổng hợp kết quả cuối đợt', { memberId: lan.id });
    const read = (s: Store, of: EntriesOf) =>
      s
        .entriesBetween(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), of)
        .map((e) => e.code);
    const asked = (s: Store) => ({
      byLan: read(s, { reporterId: lan.id }),
      forHung: read(s, { memberId: hung.id }),
      byHungForLan: read(s, { reporterId: hung.id, memberId: lan.id }),
      tagged: read(s, { tag: 'baucu' }),
      taggedByHung: read(s, { tag: 'baucu', reporterId: hung.id }),
      byNobody: read(s, { reporterId: 'nobody' }),
    });
    const expected = {
      byLan: ['VT1', 'VT2'],
      forHung: ['VT2', 'VT3', 'VT4'],
      byHungForLan: ['VT5'],
      tagged: ['VT1', 'VT3', 'VT5'],
      taggedByHung: ['VT3', 'VT5'],
      byNobody: [],
    };
    expect(asked(store)).toEqual(expected);
    // Written after the tags were indexed (at the read above): found as soon as written, in time order —
    // VT6 at VT3's very instant (after it: logged later), VT7 before every other. A write the medium
    // refused is taken back, and not found.
    await logDeed(store, lan.id, day(4), 'Cùng giờ với VT3 #BAUCU!');
    await logDeed(store, hung.id, day(1), 'Sớm nhất: #baucu\ttổ 3');
    await backend.breakWrites();
    const refused = await logDeed(store, lan.id, day(7), 'Không lưu được #baucu').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreWriteError);
    await backend.mend();
    // Its row is the next write's, whose text has no tag.
    const next = await logDeed(store, hung.id, day(8), 'Viết lại báo cáo, không gắn thẻ');
    const later = {
      ...expected,
      byLan: ['VT1', 'VT2', 'VT6'],
      forHung: ['VT7', 'VT2', 'VT3', 'VT4', next.code],
      tagged: ['VT7', 'VT1', 'VT3', 'VT6', 'VT5'],
      taggedByHung: ['VT7', 'VT3', 'VT5'],
    };
    expect(asked(store)).toEqual(later);
    expect(read(store, { tag: 'baucu', last: 2 })).toEqual(['VT6', 'VT5']);
    // Counted in the columns, the same entries; `active` leaves the withdrawn out.
    await store.withdrawEntry('VT3', actor(hung.id, day(9)), 'trùng');
    const count = (s: Store, of: EntriesOf) =>
      s.countEntries(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), of);
    for (const of of [
      { tag: 'baucu' },
      { reporterId: hung.id },
      { memberId: hung.id },
      { tag: 'BauCu', kind: 'deed' as const },
    ]) {
      expect(count(store, of)).toBe(read(store, of).length);
    }
    expect(count(store, { reporterId: hung.id, active: true })).toBe(
      read(store, { reporterId: hung.id }).length - 1,
    );
    expect(read(store, { tag: 'baucu', active: true })).toEqual(['VT7', 'VT1', 'VT6', 'VT5']);
    expect(read(store, { tag: 'BauCu', kind: 'deed', memberId: lan.id })).toEqual(['VT1', 'VT6', 'VT5']);
    // Opened again: the first three entries' texts are read from the snapshot's block; the index is
    // made again, between turns (warmed) or at the first read.
    const again = await reopen(store);
    await again.warmed();
    expect(asked(again)).toEqual(later);
    expect(asked(await reopen(again))).toEqual(later);
  });

  it('loses no write when 500 commands write at once, and 200 more during a compaction', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    const at = new Date('2026-05-05T05:00:00Z');
    const burst = Promise.all(Array.from({ length: 500 }, () => logDeed(store, lan.id, at)));
    const compaction = burst.then(() => store.compact());
    const during = Promise.all(Array.from({ length: 200 }, () => logDeed(store, lan.id, at)));
    const written = [...(await burst), ...(await during)];
    await compaction;
    expect(new Set(written.map((e) => e.code)).size).toBe(700);
    const again = await reopen(store);
    expect(again.entries).toHaveLength(700);
    expect(new Set(again.entries.map((e) => e.code))).toEqual(new Set(written.map((e) => e.code)));
  });

  it('knows a platform message it has handled, after a reopen and after a compaction', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    const at = new Date('2026-03-02T01:00:00Z');
    await store.addEntry(
      {
        kind: 'deed',
        text: 'Giúp đồng nghiệp sửa máy in',
        points: 2,
        adhoc: false,
        it: false,
        memberId: lan.id,
      },
      { by: lan.id, platform: 'telegram', at, source: 'telegram:-1001234567890:42' },
    );
    let again = await reopen(store);
    expect(again.handled('telegram:-1001234567890:42')).toEqual({ type: 'entry.created', entry: 'VT1' });
    expect(again.handled('telegram:-1001234567890:43')).toBeUndefined();
    await again.compact();
    again = await reopen(again);
    expect(again.handled('telegram:-1001234567890:42')).toEqual({ type: 'entry.created', entry: 'VT1' });
  });

  it('knows each message that created or changed an entry among many, after a compaction, the first change first', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    const at = new Date('2026-03-02T01:00:00Z');
    const by = (n: number) => ({
      by: lan.id,
      platform: 'telegram' as const,
      at,
      source: `telegram:-100:${n}`,
    });
    const deed = {
      kind: 'deed' as const,
      text: 'Giúp đồng nghiệp sửa máy in',
      points: 2,
      adhoc: false,
      it: false,
    };
    for (let n = 1; n <= 300; n += 1) await store.addEntry({ ...deed, memberId: lan.id }, by(n));
    // A withdrawal by a message of its own, and one by the message that created the entry.
    await store.withdrawEntry('VT7', by(1001), 'trùng');
    await store.withdrawEntry('VT9', by(9), 'trùng');
    await store.compact();
    const again = await reopen(store);
    expect(again.handled('telegram:-100:250')).toEqual({ type: 'entry.created', entry: 'VT250' });
    expect(again.handled('telegram:-100:1001')).toEqual({ type: 'entry.withdrawn', entry: 'VT7' });
    expect(again.handled('telegram:-100:9')).toEqual({ type: 'entry.created', entry: 'VT9' });
    expect(again.handled('telegram:-100:301')).toBeUndefined();
    expect(again.handled('telegram:-100:25')).toEqual({ type: 'entry.created', entry: 'VT25' });
    // Written after the records were first asked: known too.
    await again.addEntry({ ...deed, memberId: lan.id }, by(301));
    expect(again.handled('telegram:-100:301')).toEqual({ type: 'entry.created', entry: 'VT301' });
  });

  it('answers a refused write with StoreWriteError, undoes it, and works again once the medium does', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    const kept = await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'), 'đã lưu');
    await backend.breakWrites();
    const failed = await logDeed(store, lan.id, new Date(), 'báo lỗi, chưa lưu').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreWriteError);
    const burst = await Promise.allSettled(
      Array.from({ length: 5 }, () => logDeed(store, lan.id, new Date())),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect(store.entries.map((e) => e.code)).toEqual([kept.code]);
    expect(store.handled('x')).toBeUndefined();
    expect(store.state.nextEntryNo).toBe(2);
    await backend.mend();
    const later = await logDeed(store, lan.id, new Date('2026-03-02T03:00:00Z'), 'lưu sau');
    expect(later.code).toBe('VT2');
    const again = await reopen(store);
    expect(again.entries.map((e) => [e.code, e.text])).toEqual([
      ['VT1', 'đã lưu'],
      ['VT2', 'lưu sau'],
    ]);
  });

  it('keeps every history: an entry reviewed, reopened and decided again; a member moved', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    const council = await addMember(store, 2, 'cb');
    const entry = await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'));
    const when = (h: number) => new Date(Date.UTC(2026, 2, 3, h));
    await store.reviewEntry(entry.code, 'rejected', actor(council.id, when(1)), 'thiếu minh chứng');
    await store.reopenEntry(entry.code, actor(council.id, when(2)), 'đã bổ sung');
    await store.reviewEntry(entry.code, 'approved', actor(council.id, when(3)));
    await store.moveMember(lan.id, 'cb', actor(council.id, when(4)));
    await store.compact();
    await store.withdrawEntry(entry.code, actor(lan.id, when(5)), 'rút');
    const again = await reopen(store);
    expect(again.entry(entry.code)?.history.map((h) => [h.action, h.by, h.note])).toEqual([
      ['created', lan.id, undefined],
      ['rejected', council.id, 'thiếu minh chứng'],
      ['reopened', council.id, 'đã bổ sung'],
      ['approved', council.id, undefined],
      ['withdrawn', lan.id, 'rút'],
    ]);
    expect(again.member(lan.id)?.departments.map((d) => d.departmentId)).toEqual(['vp', 'cb']);
    expect(again.entry(entry.code)?.departmentId).toBe('vp');
  });

  it('replays journal lines of older layouts (a layout-3 member without departments, a layout-5 photo)', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.close();
    const at = '2026-03-05T01:00:00.000Z';
    const saved = (await backend.lines()).map((l) => JSON.parse(l) as Record<string, unknown>);
    const member = saved[0]?.member as Record<string, unknown>;
    const { departments: _drop, ...layout3 } = member;
    // Lines in the shapes older layouts wrote them, sealed and chained as today's store writes them.
    const raw = await backend.lines();
    const lines = [
      ...raw,
      ...following(raw, [
        {
          type: 'member.saved',
          member: {
            ...layout3,
            departmentId: 'cb',
            history: [
              ...(member.history as object[]),
              { at, action: 'updated', by: lan.id, platform: 'telegram' },
            ],
          },
        },
        {
          type: 'entry.created',
          entry: {
            code: 'VT1',
            kind: 'deed',
            text: 'Trả lại ví cho người đánh rơi',
            points: 2,
            adhoc: false,
            it: false,
            memberId: lan.id,
            reporterId: lan.id,
            at,
            status: 'active',
            review: 'pending',
            photo: { platform: 'zalo', fileId: 'https://photo.example/1.jpg' },
            source: 's-3',
            history: [{ at, action: 'created', by: lan.id, platform: 'telegram' }],
          },
        },
      ]),
    ];
    await backend.setLines(lines);
    const again = await open();
    expect(again.member(lan.id)?.departments.map((d) => [d.departmentId, d.from])).toEqual([
      ['vp', lan.registeredAt],
      ['cb', at],
    ]);
    expect(again.entry('VT1')?.departmentId).toBe('cb');
    expect(again.entry('VT1')?.photo).toEqual([{ platform: 'zalo', fileId: 'https://photo.example/1.jpg' }]);
  });

  it.each([
    [
      'a garbled line',
      (lines: string[]) => [
        resealed(lines[0]?.replace('"member.saved"', '"member.savd"') ?? ''),
        ...lines.slice(1),
      ],
      /seq 1|line 2/,
      /not a valid event/,
    ],
    [
      'a line out of order',
      (lines: string[]) => [lines[0] ?? '', resealed((lines[1] ?? '').replace('"seq":2', '"seq":7'))],
      /seq 7|line 3/,
      /has seq 7, expected 2/,
    ],
    [
      'a change to an entry that does not exist',
      (lines: string[]) => [
        lines[0] ?? '',
        resealed(
          (lines[1] ?? '')
            .replace('"code":"VT1"', '"code":"VT9"')
            .replace('"type":"entry.created"', '"type":"entry.withdrawn"'),
        ),
      ],
      /seq 2|line 3/,
      /./,
    ],
  ])('refuses to open on %s, naming it, and writes nothing', async (_what, spoil, where, why) => {
    const store = await open();
    const lan = await addMember(store, 1);
    await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'));
    await store.close();
    await backend.setLines(spoil(await backend.lines()));
    const before = await backend.contents();
    const error = await backend.open().then(
      (s) => s.close().then(() => s),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(where);
    expect((error as Error).message).toMatch(why);
    expect(await backend.contents()).toEqual(before);
  });

  it('is read whole and unchanged by a read-only open (store:export)', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'));
    await store.compact();
    await logDeed(store, lan.id, new Date('2026-03-03T01:00:00Z'));
    await store.close();
    const before = await backend.contents();
    const view = await backend.readOnly();
    expect(view.entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
    await expect(logDeed(view, lan.id, new Date())).rejects.toBeInstanceOf(StoreWriteError);
    await view.close();
    expect(await backend.contents()).toEqual(before);
  });
});
