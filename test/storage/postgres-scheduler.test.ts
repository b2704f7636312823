import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../bot/scheduler.js';
import { Follower, Lease, type PostgresTarget } from '../../storage/postgres/index.js';
import type { Store } from '../../storage/store.js';
import { memoryLogger } from '../helpers/agency.js';
import { PostgresRelay, postgresMissing, usePostgres } from '../helpers/postgres.js';

/*
 * The plan's scheduled posts on PostgreSQL, across what a pair of instances meets: the database going
 * away in the middle of a post, and another instance taking over. A post goes out only if the store
 * can record it; a post sent is never sent again by the same instance; an instance replaced sends
 * nothing. Time is the scheduler's own clock, moved by the test.
 */

const { logger, lines } = memoryLogger();
const db = usePostgres('sch', logger);

// Every day at 09:00 in Asia/Ho_Chi_Minh (02:00 UTC).
const CRON = '0 9 * * *';
const before = new Date('2026-03-02T01:00:00Z');
const slot = new Date('2026-03-02T02:00:00Z');
const after = (minutes: number) => new Date(slot.getTime() + minutes * 60_000);

const open = (at: PostgresTarget) => db.open(at, { onFenced: () => {} });

/** A scheduler with one daily post on `store`; `sent` lists the slots it posted; `during` runs inside the post. */
function daily(store: Store, during?: () => void) {
  const sent: string[] = [];
  const s = new Scheduler({
    store,
    logger,
    clock: () => slot,
    graceMs: 12 * 3_600_000,
    retryDelaysMs: [60_000],
  });
  s.add({
    id: 'daily',
    cron: CRON,
    async run(at) {
      sent.push(at.toISOString());
      during?.();
    },
  });
  return { scheduler: s, sent };
}

describe.skipIf(postgresMissing)('scheduled posts on PostgreSQL', () => {
  it('a post sent while the database went away is recorded once it is back, and never sent again', async () => {
    const relay = await PostgresRelay.start();
    db.closeAfter(relay);
    const store = await open({ ...db.target, url: relay.url(db.target.url) });
    await store.markJobDone('daily', before);
    // The post goes out; the database is gone before it can be recorded.
    const { scheduler, sent } = daily(store, () => relay.cut());
    await scheduler.runDue(after(1));
    expect(sent).toEqual([slot.toISOString()]);
    expect(store.lastJobSlot('daily')).toEqual(before);
    expect(lines().some((l) => l.msg === 'scheduled post sent but not recorded; will record it again')).toBe(
      true,
    );
    // Still gone at the next attempt: nothing is sent again.
    await scheduler.runDue(after(2));
    expect(sent).toHaveLength(1);
    relay.mend();
    await scheduler.runDue(after(3));
    expect(sent).toHaveLength(1);
    expect(store.lastJobSlot('daily')).toEqual(slot);
    await scheduler.runDue(after(5));
    expect(sent).toHaveLength(1);
  });

  it('sends nothing while the database cannot record it, and sends once it can', async () => {
    const relay = await PostgresRelay.start();
    db.closeAfter(relay);
    const store = await open({ ...db.target, url: relay.url(db.target.url) });
    await store.markJobDone('daily', before);
    relay.cut();
    const { scheduler, sent } = daily(store);
    await scheduler.runDue(after(1));
    expect(sent).toEqual([]);
    relay.mend();
    await scheduler.runDue(after(2));
    expect(sent).toEqual([slot.toISOString()]);
    expect(store.lastJobSlot('daily')).toEqual(slot);
  });

  it('an instance another has taken over from sends nothing; the new one sends the slot once', async () => {
    const first = await open(db.target);
    await first.markJobDone('daily', before);
    const standby = new Follower(db.target, { logger, dataDir: '', pollMs: 0 });
    db.closeAfter({ close: () => standby.stop() });
    await standby.catchUp();
    // The first is replaced (frozen, say) before its post is due; it comes back at the slot.
    const lease = (await Lease.acquire(db.target, { logger, heartbeatMs: 60_000 })) as Lease;
    db.closeAfter({ close: () => lease.release() });
    const { store: second } = await standby.promote(lease.epoch);
    db.closeAfter(second);
    const old = daily(first);
    const current = daily(second);
    await old.scheduler.runDue(after(1));
    await current.scheduler.runDue(after(1));
    expect(old.sent).toEqual([]);
    expect(current.sent).toEqual([slot.toISOString()]);
    expect(second.lastJobSlot('daily')).toEqual(slot);
  });
});
