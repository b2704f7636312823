import { describe, expect, it } from 'vitest';
import {
  initialMemory,
  LOGIN_FAILED,
  type SessionEvent,
  type SessionState,
  sessionPolicy,
  TAKEN_OVER,
  table,
  transition,
  ZaloSession,
} from '../../bot/zalo/session.js';
import { CloseCode, type ZaloMessage } from '../../bot/zalo/transport.js';
import { memoryLogger } from '../helpers/agency.js';
import { FakeZaloTransport, until, VirtualTimers, type ZaloUser, zaloMessage } from '../helpers/zalo.js';

const lan: ZaloUser = { uid: '1001', name: 'Lan Nguyễn' };
const NOW = 1_000_000;
const boom = new Error('boom');

const events: Record<string, SessionEvent> = {
  start: { type: 'start' },
  'login-ok': { type: 'login-ok' },
  'login-failed': { type: 'login-failed', error: boom },
  'closed 1006': { type: 'closed', code: CloseCode.Abnormal, reason: '' },
  'closed 1000': { type: 'closed', code: CloseCode.Manual, reason: '' },
  'closed 3000': { type: 'closed', code: CloseCode.Duplicate, reason: 'another connection' },
  'closed 3003': { type: 'closed', code: CloseCode.Kicked, reason: 'kicked' },
  'wait-over': { type: 'wait-over' },
  'restart-ok': { type: 'restart-ok' },
  'restart-failed': { type: 'restart-failed', error: boom },
  stop: { type: 'stop' },
  stopped: { type: 'stopped' },
};

/** An action as a short word: what the session will do. */
function actionsOf(state: SessionState, event: string): string[] {
  const step = transition(state, initialMemory, events[event] as SessionEvent, NOW);
  return (step?.actions ?? []).map((a) => {
    if (a.do === 'log') return `log ${a.level}`;
    if (a.do === 'wait') return `wait ${a.ms}`;
    if (a.do === 'login') return a.again ? 'login again' : 'login';
    return a.do;
  });
}

const F = sessionPolicy.loginFirstWaitMs;
const R = sessionPolicy.restartDelayMs;

describe('the session table', () => {
  // (state, event) → (next state, actions), one row per transition.
  const rows: [SessionState, string, SessionState, string[]][] = [
    ['idle', 'start', 'connecting', ['login']],
    ['idle', 'stop', 'stopping', ['cancel-waits']],
    ['connecting', 'login-ok', 'running', []],
    ['connecting', 'login-failed', 'idle', []],
    ['connecting', 'closed 3000', 'taken-over', ['log error', 'release']],
    ['connecting', 'stop', 'stopping', ['cancel-waits']],
    ['running', 'closed 1006', 'restarting', ['log info', `wait ${R}`]],
    ['running', 'closed 1000', 'reconnecting', ['log warn', `wait ${F}`]],
    ['running', 'closed 3000', 'taken-over', ['log error', 'release']],
    ['running', 'closed 3003', 'taken-over', ['log error', 'release']],
    ['running', 'stop', 'stopping', ['cancel-waits']],
    ['restarting', 'wait-over', 'restarting', ['restart-listener']],
    ['restarting', 'restart-ok', 'running', ['log info']],
    ['restarting', 'restart-failed', 'reconnecting', ['log warn', `wait ${F}`]],
    ['restarting', 'closed 3003', 'taken-over', ['log error', 'release']],
    ['restarting', 'stop', 'stopping', ['cancel-waits']],
    ['reconnecting', 'wait-over', 'reconnecting', ['login again']],
    ['reconnecting', 'login-ok', 'running', ['log info']],
    ['reconnecting', 'login-failed', 'reconnecting', ['log error', `wait ${F}`]],
    ['reconnecting', 'closed 3000', 'taken-over', ['log error', 'release']],
    ['reconnecting', 'stop', 'stopping', ['cancel-waits']],
    ['taken-over', 'stop', 'stopping', ['cancel-waits']],
    ['stopping', 'stopped', 'stopped', []],
  ];

  it.each(rows)('%s + %s → %s, doing %j', (state, event, next, actions) => {
    expect(transition(state, initialMemory, events[event] as SessionEvent, NOW)?.state).toBe(next);
    expect(actionsOf(state, event)).toEqual(actions);
  });

  it('ignores every other (state, event): a late event of an earlier step changes nothing', () => {
    const listed = new Set(rows.map(([state, event]) => `${state}/${event}`));
    // A close while a restart or a login is under way is expected; only a take-over counts then.
    for (const state of ['connecting', 'restarting', 'reconnecting'] as const) {
      for (const code of ['closed 3000', 'closed 3003']) listed.add(`${state}/${code}`);
    }
    const ignored: string[] = [];
    for (const state of Object.keys(table) as SessionState[]) {
      for (const event of Object.keys(events)) {
        if (listed.has(`${state}/${event}`)) continue;
        if (transition(state, initialMemory, events[event] as SessionEvent, NOW) !== null) {
          ignored.push(`${state}/${event}`);
        }
      }
    }
    expect(ignored).toEqual([]);
  });

  it('restarts within the budget per window, then logs in again; the window slides', () => {
    const recent = Array.from({ length: sessionPolicy.restartBudget }, (_, i) => NOW - 10_000 + i * 1000);
    const memory = { ...initialMemory, connectedAt: NOW - 1000, restarts: recent };
    const spent = transition('running', memory, events['closed 1006'] as SessionEvent, NOW);
    expect(spent?.state).toBe('reconnecting');
    expect(spent?.actions[0]).toMatchObject({ msg: 'Zalo listener keeps closing; logging in again' });
    const later = NOW + sessionPolicy.restartWindowMs - 5_000;
    const slid = transition('running', memory, events['closed 1006'] as SessionEvent, later);
    expect(slid?.state).toBe('restarting');
    expect(slid?.memory.restarts).toHaveLength(sessionPolicy.restartBudget - 4);
  });

  it('doubles the wait before each login again, up to the cap, and starts afresh after a stable connection', () => {
    const waits = (failures: number, connectedFor: number) => {
      const memory = { ...initialMemory, failures, connectedAt: NOW - connectedFor };
      const step = transition('running', memory, events['closed 1000'] as SessionEvent, NOW);
      return step?.actions.find((a) => a.do === 'wait');
    };
    expect(waits(0, 0)).toEqual({ do: 'wait', ms: 2_000 });
    expect(waits(3, 0)).toEqual({ do: 'wait', ms: 16_000 });
    expect(waits(30, 0)).toEqual({ do: 'wait', ms: 10 * 60_000 });
    expect(waits(30, sessionPolicy.stableMs - 1)).toEqual({ do: 'wait', ms: 10 * 60_000 });
    expect(waits(30, sessionPolicy.stableMs)).toEqual({ do: 'wait', ms: 2_000 });
  });
});

/** A session over the fake transport and virtual time, as the platform builds it. */
function session(timers = new VirtualTimers()) {
  const { logger, lines } = memoryLogger();
  const transport = new FakeZaloTransport(timers);
  const received: ZaloMessage[] = [];
  const zalo = new ZaloSession({ transport, timers, logger, onMessage: (m) => void received.push(m) });
  const logged = (msg: string) => lines().filter((l) => l.msg === msg);
  return { zalo, transport, timers, received, lines, logged };
}

async function started() {
  const s = session();
  await s.zalo.start();
  return s;
}

/** Lets the session run every step it can without more time passing than its own waits. */
async function settle(): Promise<void> {
  for (let i = 0; i < 30; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('the session over a transport', () => {
  it('logs in once and passes on the messages of its listener while running', async () => {
    const { zalo, transport, received } = await started();
    expect([zalo.state, transport.starts, zalo.selfId]).toEqual(['running', 1, '8800000000000000001']);
    transport.deliver(zaloMessage(lan, '/trogiup'));
    expect(received).toHaveLength(1);
  });

  it('restarts the same listener after a 1006, after a short wait, without logging in again', async () => {
    const { zalo, transport, timers, logged } = await started();
    transport.close(CloseCode.Abnormal);
    expect(zalo.state).toBe('restarting');
    await until('a restart', () => zalo.state === 'running');
    expect([transport.starts, transport.restarts, transport.stops, transport.listening]).toEqual([
      1,
      1,
      0,
      true,
    ]);
    expect(timers.sleeps).toEqual([R]);
    expect(logged('Zalo listener closed; restarting it')).toMatchObject([{ code: 1006, restart: 1 }]);
    expect(logged('Zalo listener restarted')).toHaveLength(1);
  });

  it('hands on no message while the listener is being brought back', async () => {
    const { zalo, transport, received } = await started();
    const events = transport.events;
    transport.close(CloseCode.Abnormal);
    events.message(zaloMessage(lan, '/trogiup'));
    expect(received).toEqual([]);
    await until('a restart', () => zalo.state === 'running');
    transport.deliver(zaloMessage(lan, '/trogiup'));
    expect(received).toHaveLength(1);
  });

  it('spends a budget of restarts per window, then logs in again with doubling waits', async () => {
    const { zalo, transport, timers, logged } = await started();
    transport.failLogins = 2;
    for (let i = 1; i <= sessionPolicy.restartBudget; i += 1) {
      transport.close(CloseCode.Abnormal);
      await until(`restart ${i}`, () => zalo.state === 'running' && transport.restarts === i);
    }
    expect(transport.starts).toBe(1);
    // The sixth close within the minute: no more restarts, a full login (two fail, the third works).
    transport.close(CloseCode.Abnormal);
    await until('a login that works', () => zalo.state === 'running' && transport.starts === 4);
    expect(transport.restarts).toBe(sessionPolicy.restartBudget);
    expect(timers.sleeps).toEqual([R, R, R, R, R, F, 2 * F, 4 * F]);
    expect(logged('Zalo listener keeps closing; logging in again')).toMatchObject([
      { code: 1006, restarts: 5 },
    ]);
    expect(logged(LOGIN_FAILED)).toMatchObject([{ attempt: 1 }, { attempt: 2 }]);
    expect(logged('Zalo listener connected again')).toMatchObject([{ attempt: 3 }]);

    // Still within the window, and the connection did not last: the next login waits longer.
    transport.close(CloseCode.Abnormal);
    await until('another login', () => zalo.state === 'running' && transport.starts === 5);
    expect(timers.sleeps.at(-1)).toBe(8 * F);

    // A minute later the budget is back: a 1006 restarts the listener again.
    timers.time += sessionPolicy.restartWindowMs;
    transport.close(CloseCode.Abnormal);
    await until('a restart', () => zalo.state === 'running' && transport.restarts === 6);
    expect(transport.starts).toBe(5);
  });

  it('logs in again when the listener cannot be restarted', async () => {
    const { zalo, transport, timers, logged } = await started();
    transport.failRestarts = 1;
    transport.close(CloseCode.Abnormal);
    await until('a new login', () => zalo.state === 'running' && transport.starts === 2);
    expect(timers.sleeps).toEqual([R, F]);
    expect(logged('could not restart the Zalo listener; logging in again')).toHaveLength(1);
  });

  it('logs in again after any other close, doubling the wait up to ten minutes while the login fails', async () => {
    const { zalo, transport, timers } = await started();
    transport.failLogins = 11;
    transport.close(CloseCode.Manual);
    expect(zalo.state).toBe('reconnecting');
    await until('a login that works', () => zalo.state === 'running', 2000);
    expect(transport.restarts).toBe(0);
    expect(timers.sleeps).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 600_000, 600_000, 600_000,
    ]);
  });

  it('starts the backoff afresh once a connection has lasted', async () => {
    const { zalo, transport, timers } = await started();
    transport.close(CloseCode.Manual);
    await until('a new login', () => zalo.state === 'running' && transport.starts === 2);
    transport.close(CloseCode.Manual);
    await until('a third login', () => zalo.state === 'running' && transport.starts === 3);
    timers.time += sessionPolicy.stableMs;
    transport.close(CloseCode.Manual);
    await until('a fourth login', () => zalo.state === 'running' && transport.starts === 4);
    expect(timers.sleeps).toEqual([F, 2 * F, F]);
  });

  it.each([
    [CloseCode.Duplicate, 'another connection'],
    [CloseCode.Kicked, 'kicked'],
  ])(
    'on %i (another session took the account) lets go at once, says so once, and never tries again',
    async (code, reason) => {
      const { zalo, transport, timers, lines } = await started();
      transport.close(code, reason);
      expect(zalo.state).toBe('taken-over');
      expect(zalo.canSend()).toBe(false);
      await settle();
      transport.events.closed(CloseCode.Abnormal, '');
      timers.time += 60 * 60_000;
      await settle();
      expect([transport.starts, transport.restarts, transport.stops, timers.sleeps]).toEqual([1, 0, 1, []]);
      expect(lines().filter((l) => Number(l.level) >= 40)).toEqual([
        expect.objectContaining({ level: 50, msg: TAKEN_OVER, code, reason }),
      ]);
      await zalo.stop(async () => {});
      expect(zalo.state).toBe('stopped');
    },
  );

  it('is taken over while waiting to log in again, and stops trying', async () => {
    const { zalo, transport } = await started();
    transport.failLogins = 100;
    transport.close(CloseCode.Manual);
    await until('a failed login', () => transport.starts >= 2);
    transport.events.closed(CloseCode.Kicked, '');
    expect(zalo.state).toBe('taken-over');
    const starts = transport.starts;
    await settle();
    expect(transport.starts).toBe(starts);
  });

  describe('stopping', () => {
    it('cuts a wait short: a stop never waits for the next try', async () => {
      // Waits that end only when cut short: a stop that did not cut them would never finish.
      const endless = new VirtualTimers();
      endless.sleep = (_ms, signal) =>
        new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      const { zalo, transport } = session(endless);
      await zalo.start();
      transport.close(CloseCode.Manual);
      let stopped = false;
      void zalo
        .stop(async () => {})
        .then(() => {
          stopped = true;
        });
      await until('the stop', () => stopped);
      expect([zalo.state, transport.starts]).toEqual(['stopped', 1]);
    });

    it('during the wait before a restart: no restart', async () => {
      const { zalo, transport } = await started();
      transport.close(CloseCode.Abnormal);
      await zalo.stop(async () => {});
      await settle();
      expect([zalo.state, transport.restarts, transport.stops]).toEqual(['stopped', 0, 1]);
    });

    it('during the wait before a login: no login', async () => {
      const { zalo, transport } = await started();
      transport.failLogins = 100;
      transport.close(CloseCode.Manual);
      await until('a failed login', () => transport.starts >= 2);
      const starts = transport.starts;
      await zalo.stop(async () => {});
      await settle();
      expect([zalo.state, transport.starts]).toEqual(['stopped', starts]);
    });

    it('while a login is under way: it settles, nothing it hears is handed on, then the transport is let go', async () => {
      const { zalo, transport, received } = await started();
      let letIn = () => {};
      transport.loginGate = new Promise<void>((resolve) => {
        letIn = resolve;
      });
      transport.close(CloseCode.Manual);
      await until('a login under way', () => transport.starts === 2);
      const drained: string[] = [];
      const stopping = zalo.stop(async () => void drained.push(`drained with ${transport.stops} stops`));
      expect(zalo.state).toBe('stopping');
      letIn();
      await until('the login', () => transport.logins.length === 2);
      transport.events.message(zaloMessage(lan, '/trogiup'));
      await stopping;
      expect(received).toEqual([]);
      // One stop before the login (the old listener), one after the answers in flight went out.
      expect(drained).toEqual(['drained with 1 stops']);
      expect([zalo.state, transport.stops, transport.listening]).toEqual(['stopped', 2, false]);
    });

    it('is safe twice, and lets the answers in flight go out before the transport', async () => {
      const { zalo, transport } = await started();
      const order: string[] = [];
      const drain = async () => void order.push(`drain (listening: ${transport.listening})`);
      await Promise.all([zalo.stop(drain), zalo.stop(drain)]);
      expect(order).toEqual(['drain (listening: true)']);
      expect([zalo.state, transport.stops, zalo.canSend()]).toEqual(['stopped', 1, false]);
    });
  });

  it('refuses a second start, and allows one after a failed first login', async () => {
    const { zalo, transport } = session();
    transport.failLogins = 1;
    await expect(zalo.start()).rejects.toThrow('Đăng nhập thất bại');
    expect(zalo.state).toBe('idle');
    await zalo.start();
    await expect(zalo.start()).rejects.toThrow('cannot start: it is running');
  });
});
