import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError, StoreWriteError } from '../../core/errors.js';
import {
  Lease,
  migrate,
  type PostgresTarget,
  StoreFencedError,
  takeEpoch,
} from '../../storage/postgres/index.js';
import { memoryLogger } from '../helpers/agency.js';
import { PostgresRelay, postgresMissing, usePostgres } from '../helpers/postgres.js';
import { addMember, logDeed } from '../helpers/store.js';

const { logger, lines } = memoryLogger();
const db = usePostgres('p', logger);
const q = db.query;
const open = (at?: PostgresTarget) => db.open(at);

describe.skipIf(postgresMissing)('the store on PostgreSQL', () => {
  describe('schema migrations', () => {
    it('creates the tables once; a second start runs nothing and keeps the data', async () => {
      const store = await open();
      await addMember(store, 1);
      expect(await migrate(db.target, logger)).toEqual([]);
      const ran = await q(`SELECT name FROM ${db.target.schema}.pgmigrations`);
      expect(ran.rows.map((r) => r.name)).toEqual(['1733500000000_store', '1733600000000_snapshot_last']);
      expect((await q(`SELECT count(*)::int AS n FROM ${db.target.schema}.journal`)).rows[0]?.n).toBe(1);
    });

    it('refuses a database a newer version of the bot has migrated, naming the migration', async () => {
      await q(
        `INSERT INTO ${db.target.schema}.pgmigrations (name, run_on) VALUES ('1999999999999_future', now())`,
      );
      const error = await migrate(db.target, logger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect((error as Error).message).toMatch(/migrated by a newer thidua-bot \(1999999999999_future\)/);
      expect((error as Error).message).not.toMatch(/:[^@/]*@/); // no password in the message
    });
  });

  describe('fencing', () => {
    it('refuses every write of an instance whose epoch another has taken, and writes nothing for it', async () => {
      const first = await open();
      const lan = await addMember(first, 1);
      await logDeed(first, lan.id, new Date('2026-03-02T01:00:00Z'), 'trước');
      // A second instance becomes active: the first is fenced off from its next write on.
      const second = await db.open(db.target, {
        epoch: await takeEpoch(db.target, 'second'),
        onFenced: () => {},
      });
      const refused = await logDeed(first, lan.id, new Date('2026-03-02T02:00:00Z'), 'sau').catch(
        (e: unknown) => e,
      );
      const fenced = refused as StoreFencedError;
      expect(fenced).toBeInstanceOf(StoreFencedError);
      expect(fenced).toBeInstanceOf(StoreWriteError);
      expect(first.entries.map((e) => e.text)).toEqual(['trước']);
      await expect(first.compact()).rejects.toBeInstanceOf(StoreFencedError);
      const kept = await logDeed(second, lan.id, new Date('2026-03-02T03:00:00Z'), 'của phiên mới');
      expect(kept.code).toBe('VT2');
      const rows = await q(`SELECT seq, epoch FROM ${db.target.schema}.journal ORDER BY seq`);
      expect(rows.rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    });

    it('lets one instance at a time be active: a second waits, and takes over when the first is gone', async () => {
      const first = await Lease.acquire(db.target, { logger, pollMs: 50 });
      expect(first?.epoch).toBeGreaterThan(0);
      const waiting = new AbortController();
      let second: Lease | null | undefined;
      const trying = Lease.acquire(db.target, { logger, pollMs: 50, signal: waiting.signal }).then((l) => {
        second = l;
      });
      // The standby keeps trying; it cannot become active while the first holds the lock.
      await until(() => lines().some((l) => l.msg === 'standing by: another instance is active'));
      expect(second).toBeUndefined();
      await first?.release();
      await trying;
      expect(second?.epoch).toBe((first?.epoch ?? 0) + 1);
      await second?.release();
    });

    it('replaces an active instance that stopped renewing its lease (frozen), and tells it when it comes back', async () => {
      const first = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
      // The first says it is alive no more (its timer is far off), as a frozen process would not.
      await q(`UPDATE ${db.target.schema}.store SET heartbeat_at = now() - interval '1 minute'`);
      const second = (await Lease.acquire(db.target, { logger, pollMs: 50, staleMs: 5_000 })) as Lease;
      expect(second.epoch).toBe(first.epoch + 1);
      // The first, back, renews: it learns it was replaced.
      await (first as unknown as { renew(): Promise<void> }).renew();
      await (first as unknown as { renew(): Promise<void> }).renew();
      expect(await first.deposed).toMatch(/another instance is now active/);
      await first.release();
      await second.release();
    });
  });

  describe('a server that goes away and comes back', () => {
    let relay: PostgresRelay;
    beforeEach(async () => {
      relay = await PostgresRelay.start();
    });
    afterEach(async () => {
      await relay.close();
    });

    it('answers "not saved" meanwhile, undoes it, and writes again by itself once the server is back', async () => {
      const through = { ...db.target, url: relay.url(db.target.url) };
      const store = await open(through);
      const lan = await addMember(store, 1);
      await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'), 'trước');
      relay.cut();
      const meanwhile = await Promise.allSettled([
        logDeed(store, lan.id, new Date('2026-03-02T02:00:00Z'), 'trong lúc mất kết nối'),
        logDeed(store, lan.id, new Date('2026-03-02T02:00:00Z'), 'trong lúc mất kết nối'),
      ]);
      expect(meanwhile.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect((meanwhile[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreWriteError);
      expect(store.entries.map((e) => e.text)).toEqual(['trước']);
      relay.mend();
      const after = await logDeed(store, lan.id, new Date('2026-03-02T03:00:00Z'), 'sau');
      expect(after.code).toBe('VT2');
      await store.close();
      const again = await open();
      expect(again.entries.map((e) => [e.code, e.text])).toEqual([
        ['VT1', 'trước'],
        ['VT2', 'sau'],
      ]);
    });

    it('a restart of the server is no takeover: the active instance takes its lease again, the standby waits', async () => {
      const through = { ...db.target, url: relay.url(db.target.url) };
      const count = (msg: string) => lines().filter((l) => l.msg === msg).length;
      const standing = 'standing by: another instance is active';
      const unreachable = 'standing by: cannot reach the database; trying again';
      const first = (await Lease.acquire(through, { logger, heartbeatMs: 100, staleMs: 60_000 })) as Lease;
      const waiting = new AbortController();
      let second: Lease | null | undefined;
      const before = count(standing);
      const trying = Lease.acquire(through, {
        logger,
        pollMs: 20,
        staleMs: 60_000,
        signal: waiting.signal,
      }).then((l) => {
        second = l;
      });
      await until(() => count(standing) > before);
      const cutOff = count(unreachable);
      relay.cut();
      await until(() => count(unreachable) > cutOff);
      const back = count(standing);
      relay.mend();
      // The standby, back, finds the active instance holding its lock again: it goes on standing by.
      await until(() => count(standing) > back || second !== undefined);
      expect(second).toBeUndefined();
      const row = await q(`SELECT epoch FROM ${db.target.schema}.store`);
      expect(Number(row.rows[0]?.epoch)).toBe(first.epoch);
      waiting.abort();
      await trying;
      expect(second).toBeNull();
      await first.release();
    });

    it('never brings back a write it answered "not saved", even one that committed as the connection dropped', async () => {
      const through = { ...db.target, url: relay.url(db.target.url) };
      const store = await open(through);
      const lan = await addMember(store, 1);
      // The server commits the insert, but its answer never arrives: the connection drops first.
      relay.hold();
      const writing = logDeed(store, lan.id, new Date('2026-03-02T02:00:00Z'), 'không chắc đã lưu');
      await until(
        async () =>
          Number((await q(`SELECT count(*) AS n FROM ${db.target.schema}.journal`)).rows[0]?.n) === 2,
      );
      relay.cut();
      const outcome = await writing.catch((e: unknown) => e);
      relay.mend();
      expect(outcome).toBeInstanceOf(StoreWriteError);
      // The next write removes the row the user was told was not saved, and takes its place.
      const next = await logDeed(store, lan.id, new Date('2026-03-02T03:00:00Z'), 'đã lưu');
      expect(next.code).toBe('VT1');
      await store.close();
      const again = await open();
      expect(again.entries.map((e) => e.text)).toEqual(['đã lưu']);
    });
  });

  it('refuses a snapshot changed in the database, naming it, and writes nothing', async () => {
    const store = await open();
    const lan = await addMember(store, 1);
    await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'));
    await store.compact();
    await store.close();
    await q(
      `UPDATE ${db.target.schema}.snapshot_part SET data = overlay(data placing '\\x00'::bytea from 30 for 1)`,
    );
    const before = await q(
      `SELECT md5(string_agg(data, ''::bytea)) AS m FROM ${db.target.schema}.snapshot_part`,
    );
    const error = await open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(
      /schema p\d+\), snapshot \d+: (is damaged|has a broken header|is not a thidua-bot snapshot)/,
    );
    const after = await q(
      `SELECT md5(string_agg(data, ''::bytea)) AS m FROM ${db.target.schema}.snapshot_part`,
    );
    expect(after.rows).toEqual(before.rows);
  });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
