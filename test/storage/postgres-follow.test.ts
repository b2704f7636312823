import { describe, expect, it } from 'vitest';
import { StoreCorruptError, StoreWriteError } from '../../core/errors.js';
import {
  Follower,
  Lease,
  type PostgresTarget,
  readPostgresStore,
  StoreFencedError,
} from '../../storage/postgres/index.js';
import type { Store } from '../../storage/store.js';
import { memoryLogger } from '../helpers/agency.js';
import { PostgresRelay, postgresMissing, usePostgres } from '../helpers/postgres.js';
import { actor, addMember, logDeed } from '../helpers/store.js';

/*
 * A warm standby (storage/postgres/follow.ts): it reads the store while another instance is active,
 * follows the journal's new lines, and takes over with only the last few applied under its new epoch.
 * The follower here reads only when asked (`catchUp`), so each step waits on what it has applied —
 * never on time.
 */

const { logger, lines } = memoryLogger();
const db = usePostgres('f', logger);
const q = db.query;
/** A lease released once the test is over (after what was opened under it is closed). */
const held = (lease: Lease) => db.closeAfter({ close: () => lease.release(), lease }).lease;

async function active(at: PostgresTarget = db.target) {
  const lease = held((await Lease.acquire(at, { logger, heartbeatMs: 60_000 })) as Lease);
  const store = await db.open(at, { epoch: lease.epoch, onFenced: () => {} });
  return { lease, store };
}

function follower() {
  const f = new Follower(db.target, { logger, dataDir: '', pollMs: 0 });
  db.closeAfter({ close: () => f.stop() });
  return f;
}

const at = (hour: number) => new Date(`2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`);
const codes = (store: Store) => store.entries.map((e) => `${e.code} ${e.text}`);

describe.skipIf(postgresMissing)('a warm standby on PostgreSQL', () => {
  it('follows the writes (through compactions) and takes over with the latest change, each applied once', async () => {
    const first = await active();
    const lan = await addMember(first.store, 1);
    await logDeed(first.store, lan.id, at(1), 'một');
    const standby = follower();
    await standby.catchUp();
    expect(standby.seq).toBe(first.store.state.seq);

    await logDeed(first.store, lan.id, at(2), 'hai');
    await standby.catchUp();
    expect(standby.seq).toBe(first.store.state.seq);
    // A compaction folds the followed lines into a snapshot: the copy goes on without reading it.
    await first.store.compact();
    await logDeed(first.store, lan.id, at(3), 'ba');
    await standby.catchUp();
    await first.store.compact();
    await standby.catchUp();
    expect(standby.seq).toBe(first.store.state.seq);
    expect(standby.reads).toBe(1);
    expect(standby.followed).toBe(2);

    // The last change, acknowledged, not yet followed; then the active instance is gone.
    const last = actor(lan.id, at(4));
    await first.store.addEntry(
      { kind: 'deed', text: 'bốn', points: 2, adhoc: false, it: false, memberId: lan.id },
      last,
    );
    await first.lease.release();
    const second = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    held(second);
    const taken = await standby.promote(second.epoch);
    db.closeAfter(taken.store);
    expect(taken.from).toBe('warm');
    expect(taken.applied).toBe(1);
    expect(standby.reads).toBe(1);
    expect(codes(taken.store)).toEqual(['VT1 một', 'VT2 hai', 'VT3 ba', 'VT4 bốn']);
    // The message of the last change, delivered again, is recognised as handled.
    expect(taken.store.handled(last.source as string)).toMatchObject({ type: 'entry.created' });

    // The old instance is fenced off; the new one writes after the last change.
    await expect(logDeed(first.store, lan.id, at(5), 'cũ')).rejects.toBeInstanceOf(StoreFencedError);
    const next = await logDeed(taken.store, lan.id, at(5), 'năm');
    expect(next.code).toBe('VT5');
    await taken.store.compact();
    await logDeed(taken.store, lan.id, at(6), 'sáu');
    const cold = await readPostgresStore(db.target);
    db.closeAfter(cold);
    expect(codes(cold)).toEqual(codes(taken.store));
    expect(cold.state.seq).toBe(taken.store.state.seq);
    expect(cold.state.last).toBe(taken.store.state.last);
  });

  it('reads the store anew when lines it had not followed were folded away', async () => {
    const first = await active();
    const lan = await addMember(first.store, 1);
    const standby = follower();
    await standby.catchUp();
    await logDeed(first.store, lan.id, at(1), 'một');
    await logDeed(first.store, lan.id, at(2), 'hai');
    await first.store.compact();
    await standby.catchUp();
    expect(standby.reads).toBe(2);
    expect(standby.seq).toBe(first.store.state.seq);
    await first.lease.release();
    const second = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    held(second);
    const taken = await standby.promote(second.epoch);
    db.closeAfter(taken.store);
    expect(taken.from).toBe('warm');
    expect(codes(taken.store)).toEqual(['VT1 một', 'VT2 hai']);
  });

  it('drops a line it applied whose write was answered "not saved", and takes over with what was saved', async () => {
    const relay = await PostgresRelay.start();
    db.closeAfter(relay);
    const first = await active({ ...db.target, url: relay.url(db.target.url) });
    const lan = await addMember(first.store, 1);
    const standby = follower();
    await standby.catchUp();
    // The server commits the line, the answer never arrives: the user is told "not saved".
    relay.hold();
    const writing = logDeed(first.store, lan.id, at(1), 'không chắc đã lưu');
    await until(
      async () => Number((await q(`SELECT count(*) AS n FROM ${db.target.schema}.journal`)).rows[0]?.n) === 2,
    );
    // The standby has applied it meanwhile.
    await standby.catchUp();
    expect(standby.seq).toBe(2);
    relay.cut();
    expect(await writing.catch((e: unknown) => e)).toBeInstanceOf(StoreWriteError);
    relay.mend();
    // The next write takes its seq; the standby sees the line it applied was replaced.
    await logDeed(first.store, lan.id, at(2), 'đã lưu');
    await first.lease.release();
    const second = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    held(second);
    const taken = await standby.promote(second.epoch);
    db.closeAfter(taken.store);
    expect(codes(taken.store)).toEqual(['VT1 đã lưu']);
    expect(lines().some((l) => /was replaced/.test(JSON.stringify(l)))).toBe(true);
  });

  it('keeps the checks of a load on what it follows: a changed line is not applied, and the takeover stops on it', async () => {
    const first = await active();
    const lan = await addMember(first.store, 1);
    const standby = follower();
    await standby.catchUp();
    await logDeed(first.store, lan.id, at(1), 'một');
    await q(`UPDATE ${db.target.schema}.journal SET line = replace(line, 'một', 'hai') WHERE seq = 2`);
    await standby.catchUp();
    await standby.catchUp();
    expect(standby.seq).toBeNull();
    await first.lease.release();
    const second = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    held(second);
    const error = await standby.promote(second.epoch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(/seq 2/);
  });

  it('goes on following once the database is back from a restart', async () => {
    const relay = await PostgresRelay.start();
    db.closeAfter(relay);
    const first = await active();
    const lan = await addMember(first.store, 1);
    const standby = new Follower(
      { ...db.target, url: relay.url(db.target.url) },
      { logger, dataDir: '', pollMs: 0 },
    );
    db.closeAfter({ close: () => standby.stop() });
    await standby.catchUp();
    relay.cut();
    await logDeed(first.store, lan.id, at(1), 'trong lúc mất kết nối');
    await standby.catchUp();
    expect(standby.seq).toBe(1);
    relay.mend();
    await standby.catchUp();
    expect(standby.seq).toBe(first.store.state.seq);
    expect(standby.reads).toBe(1);
  });

  it('refuses to take over when another instance took a newer epoch first', async () => {
    const first = await active();
    await addMember(first.store, 1);
    const standby = follower();
    await standby.catchUp();
    await first.lease.release();
    const second = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    await second.release();
    const third = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    held(third);
    await expect(standby.promote(second.epoch)).rejects.toBeInstanceOf(StoreFencedError);
  });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
