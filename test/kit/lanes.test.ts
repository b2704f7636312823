import { describe, expect, it } from 'vitest';
import { InFlight } from '../../bot/kit/inflight.js';
import { Lanes } from '../../bot/kit/lanes.js';
import { VirtualTimers } from '../helpers/timers.js';

/** A promise resolved from outside. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('Lanes: one key at a time, in order; keys at once', () => {
  it('runs a key’s jobs in the order given, and another key’s without waiting for them', async () => {
    const lanes = new Lanes();
    const held = gate();
    const done: string[] = [];
    const a1 = lanes.run('a', async () => {
      await held.promise;
      done.push('a1');
    });
    const a2 = lanes.run('a', async () => {
      done.push('a2');
    });
    await lanes.run('b', async () => {
      done.push('b1');
    });
    expect(done).toEqual(['b1']);
    held.open();
    await Promise.all([a1, a2]);
    expect(done).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps a lane going after a failed job, and hands the failure to its caller', async () => {
    const lanes = new Lanes();
    const failed = lanes.run('a', async () => {
      throw new Error('refused');
    });
    const next = lanes.run('a', async () => 'next');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });

  it('spaces a lane’s jobs by the interval, not different lanes', async () => {
    const timers = new VirtualTimers(1_000);
    const lanes = new Lanes({ intervalMs: 500, timers });
    const at: string[] = [];
    const stamp = (name: string) => async () => {
      at.push(`${name}@${timers.now()}`);
    };
    await Promise.all([
      lanes.run('a', stamp('a1')),
      lanes.run('a', stamp('a2')),
      lanes.run('b', stamp('b1')),
    ]);
    expect(at).toContain('a1@1000');
    expect(at).toContain('b1@1000');
    expect(at).toContain('a2@1500');
  });

  it('paces each step of one turn, and nothing of another key runs between them', async () => {
    const timers = new VirtualTimers(1_000);
    const lanes = new Lanes({ intervalMs: 200, timers });
    const at: number[] = [];
    const turn = lanes.turn('a', async (pace) => {
      for (let i = 0; i < 3; i += 1) {
        await pace();
        at.push(timers.now());
      }
      return at.length;
    });
    await expect(turn).resolves.toBe(3);
    expect(at).toEqual([1000, 1200, 1400]);
  });

  it('does not sleep at all when the interval is 0', async () => {
    const timers = new VirtualTimers(1_000);
    const lanes = new Lanes({ timers });
    await Promise.all([1, 2, 3].map((n) => lanes.run('a', async () => n)));
    expect(timers.sleeps).toEqual([]);
  });

  it('forgets a lane once it is idle and its interval has passed; drain waits for every job', async () => {
    const lanes = new Lanes();
    const held = gate();
    const job = lanes.run('a', () => held.promise);
    expect(lanes.size).toBe(1);
    let drained = false;
    const drain = lanes.drain().then(() => {
      drained = true;
    });
    await Promise.resolve();
    expect(drained).toBe(false);
    held.open();
    await job;
    await drain;
    expect(drained).toBe(true);
    expect(lanes.size).toBe(0);
  });
});

describe('InFlight: a graceful stop waits for the work started', () => {
  it('idle waits for work started meanwhile, and runs `after` once more at the end', async () => {
    const inflight = new InFlight();
    const first = gate();
    const second = gate();
    const events: string[] = [];
    void inflight.track(first.promise.then(() => events.push('first')));
    const idle = inflight.idle(async () => {
      events.push('after');
    });
    // Work that starts while the stop waits is waited for too.
    void inflight.track(second.promise.then(() => events.push('second')));
    first.open();
    // Every callback queued so far has run (setImmediate comes after them): idle still waits for the second.
    const early = await Promise.race([
      idle.then(() => 'idle'),
      new Promise((resolve) => setImmediate(() => resolve('waiting'))),
    ]);
    expect(early).toBe('waiting');
    second.open();
    await idle;
    expect(events).toEqual(['first', 'after', 'second', 'after', 'after']);
    expect(inflight.size).toBe(0);
  });

  it('a failed piece of work neither rejects idle nor stays tracked', async () => {
    const inflight = new InFlight();
    const failed = inflight.track(Promise.reject(new Error('lost')));
    await expect(failed).rejects.toThrow('lost');
    await expect(inflight.idle()).resolves.toBeUndefined();
    expect(inflight.size).toBe(0);
  });

  it('settled waits only for the work in flight when it was called', async () => {
    const inflight = new InFlight();
    const later = gate();
    void inflight.track(Promise.resolve());
    const settled = inflight.settled();
    void inflight.track(later.promise);
    await settled;
    expect(inflight.size).toBe(1);
    later.open();
    await inflight.idle();
  });
});
