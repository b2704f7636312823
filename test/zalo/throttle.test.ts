import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lanes } from '../../bot/kit/lanes.js';
import { realTimers } from '../../bot/kit/timers.js';
import {
  GROUP_ID,
  type Sent,
  VirtualTimers,
  ZaloHarness,
  type ZaloUser,
  zaloMessage,
} from '../helpers/zalo.js';

const people: ZaloUser[] = Array.from({ length: 6 }, (_, i) => ({
  uid: String(2001 + i),
  name: `Người ${i + 1}`,
}));
let zalo: ZaloHarness;

beforeEach(async () => {
  zalo = await ZaloHarness.create({ intervalMs: 1000 });
});
afterEach(async () => {
  await zalo.close();
});

function gaps(sent: Sent[]): number[] {
  return sent.slice(1).map((s, i) => s.at - (sent[i] as Sent).at);
}

describe('the send queue', () => {
  it('sends at most one message per interval per thread under a burst, all of them, in order', async () => {
    const before = zalo.timers.now();
    const burst = people.map((p) => zaloMessage(p, '/batdau'));
    const privately = zaloMessage(people[0] as ZaloUser, '/trogiup', { inPrivate: true });
    for (const message of burst) zalo.transport.deliver(message);
    zalo.transport.deliver(privately);
    await zalo.bot.idle();

    const group = zalo.transport.sent.filter((s) => s.thread.id === GROUP_ID);
    expect(group.map((s) => s.quotes)).toEqual(burst.map((m) => m.data.msgId));
    for (const gap of gaps(group)) expect(gap).toBeGreaterThanOrEqual(1000);
    expect((group.at(-1) as Sent).at - before).toBeGreaterThanOrEqual(5000);

    // Another thread has its own turn: the private answer does not wait behind the group's.
    const [own] = zalo.transport.sent.filter((s) => s.thread.kind === 'private');
    expect(own?.quotes).toBe(privately.data.msgId);
    expect(own?.at).toBeLessThan((group.at(-1) as Sent).at);
  });

  it('counts each part of a long answer and each file as a message', async () => {
    await zalo.close();
    zalo = await ZaloHarness.create({
      intervalMs: 1000,
      admins: ['2001'],
      agency: { limits: { entriesPerDay: 100, textMaxLength: 1000, minWords: 3 } },
    });
    const admin = people[0] as ZaloUser;
    await zalo.send(admin, '/dangky Nguyễn Văn Một | vp');
    for (let i = 1; i <= 30; i += 1) {
      zalo.transport.deliver(
        zaloMessage(admin, `/hoanthanh Việc số ${i}: ${'soạn thảo văn bản '.repeat(8)}`),
      );
    }
    await zalo.bot.idle();
    const parts = await zalo.send(admin, '/cuatoi');
    const files = await zalo.send(admin, '/tonghop file');
    const sent = [...parts, ...files];
    expect(parts.length).toBeGreaterThan(1);
    expect(files.filter((s) => s.file)).toHaveLength(2);
    for (const gap of gaps(sent)) expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('keeps a lane going after a failed send', async () => {
    const timers = new VirtualTimers();
    const queue = new Lanes({ intervalMs: 500, timers });
    const done: string[] = [];
    const first = queue.run('group:1', async () => {
      throw new Error('refused');
    });
    const second = queue.run('group:1', async () => {
      done.push(`second at ${timers.now()}`);
    });
    await expect(first).rejects.toThrow('refused');
    await second;
    await queue.drain();
    expect(done).toEqual([`second at ${1_000_000 + 500}`]);
  });

  it('does not wait at all when the interval is 0', async () => {
    const timers = new VirtualTimers();
    const queue = new Lanes({ intervalMs: 0, timers });
    await Promise.all([1, 2, 3].map((n) => queue.run('group:1', async () => n)));
    expect(timers.sleeps).toEqual([]);
  });

  it('wakes a real sleep at once when it is aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const started = Date.now();
    await realTimers.sleep(60_000, abort.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
