import type { Log } from '../../core/log.js';
import type { Timers } from '../../core/timers.js';
import { CloseCode, type ZaloEvents, type ZaloMessage, type ZaloTransport } from './transport.js';

/**
 * The Zalo session's life: logging in, listening, and getting back when Zalo closes the listener.
 *
 * - idle: made, not started. connecting: the first login. running: listening.
 * - restarting: the listener closed with 1006; the same listener is started again after a short wait
 *   (same session, no new login), within a budget of restarts per window.
 * - reconnecting: a full login again after a growing wait (other close codes, a restart that failed,
 *   or the restart budget spent).
 * - taken-over: another Zalo Web/PC session took the account (3000/3003): nothing more is tried.
 * - stopping, stopped: receiving ended; the transport is let go once the answers in flight are out.
 */
export type SessionState =
  | 'idle'
  | 'connecting'
  | 'running'
  | 'restarting'
  | 'reconnecting'
  | 'taken-over'
  | 'stopping'
  | 'stopped';

export type SessionEvent =
  | { type: 'start' }
  | { type: 'login-ok' }
  | { type: 'login-failed'; error: unknown }
  | { type: 'closed'; code: number; reason: string }
  | { type: 'wait-over' }
  | { type: 'restart-ok' }
  | { type: 'restart-failed'; error: unknown }
  | { type: 'stop' }
  | { type: 'stopped' };

export type SessionEventType = SessionEvent['type'];

/** What a transition asks for; the session does each, and what comes of it is the next event. */
export type SessionAction =
  /** Log in and listen; `again`: let go of the old listener first. Ends in login-ok or login-failed. */
  | { do: 'login'; again: boolean }
  /** Start the same listener again. Ends in restart-ok or restart-failed. */
  | { do: 'restart-listener' }
  /** Ends in wait-over (at once when the session stops). */
  | { do: 'wait'; ms: number }
  /** Let go of the account now, without waiting for anything. */
  | { do: 'release' }
  /** Cut short any wait: the session is stopping. */
  | { do: 'cancel-waits' }
  | { do: 'log'; level: 'info' | 'warn' | 'error'; msg: string; fields: Record<string, unknown> };

/** What the transitions remember between events. */
export interface SessionMemory {
  /** Full logins tried since the last stable connection: the exponent of the next wait. */
  failures: number;
  /** When the current connection began (login or restart), on the session's clock. */
  connectedAt: number;
  /** When the listener was restarted, within the last `restartWindowMs`. */
  restarts: readonly number[];
}

export const initialMemory: SessionMemory = { failures: 0, connectedAt: 0, restarts: [] };

export const sessionPolicy = {
  /** Before starting the same listener again after a 1006. */
  restartDelayMs: 2_000,
  /** At most this many restarts per window; past it, a full login with backoff. */
  restartBudget: 5,
  restartWindowMs: 60_000,
  /** Waits before each full login again: doubling from the first to the cap. */
  loginFirstWaitMs: 2_000,
  loginMaxWaitMs: 10 * 60_000,
  /** A connection that lasted this long was healthy: the next close starts the backoff afresh. */
  stableMs: 60_000,
} as const;

export const TAKEN_OVER =
  'Zalo session taken over by another login (Zalo Web or PC): the Zalo bot stopped. Close the other session, then restart the bot (or run npm run zalo:login)';
export const LOGIN_FAILED =
  'Zalo login failed; trying again later (if it keeps failing, run npm run zalo:login)';

export interface Step {
  state: SessionState;
  memory: SessionMemory;
  actions: SessionAction[];
}

/** A row of the table: the step for this event, or null to ignore it. */
type Rule<E extends SessionEventType> = (
  event: Extract<SessionEvent, { type: E }>,
  memory: SessionMemory,
  now: number,
) => Step | null;

type Table = { readonly [S in SessionState]: { readonly [E in SessionEventType]?: Rule<E> } };

const log = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
  ({ do: 'log', level, msg, fields }) as const;
const wait = (ms: number) => ({ do: 'wait', ms }) as const;

const isTakeOver = (code: number) => code === CloseCode.Duplicate || code === CloseCode.Kicked;

/** Another session took the account: fighting it back would only loop, so let go and say why, once. */
function takenOver(event: { code: number; reason: string }, memory: SessionMemory): Step {
  return {
    state: 'taken-over',
    memory,
    actions: [log('error', TAKEN_OVER, { code: event.code, reason: event.reason }), { do: 'release' }],
  };
}

/** A full login again, after a wait that doubles with each one tried since the last stable connection. */
function loginAgain(memory: SessionMemory, ...logs: SessionAction[]): Step {
  const ms = Math.min(sessionPolicy.loginMaxWaitMs, sessionPolicy.loginFirstWaitMs * 2 ** memory.failures);
  return {
    state: 'reconnecting',
    memory: { ...memory, failures: memory.failures + 1 },
    actions: [...logs, wait(ms)],
  };
}

/** While a restart or a login is under way only a take-over matters: the listener closing again is expected. */
const onlyTakeOver: Rule<'closed'> = (event, memory) =>
  isTakeOver(event.code) ? takenOver(event, memory) : null;

const stop: Rule<'stop'> = (_, memory) => ({ state: 'stopping', memory, actions: [{ do: 'cancel-waits' }] });

/** (state, event) → (next state, actions). A pair not listed is ignored (a late event of an earlier step). */
export const table: Table = {
  idle: {
    start: (_, memory) => ({ state: 'connecting', memory, actions: [{ do: 'login', again: false }] }),
    stop,
  },
  connecting: {
    'login-ok': (_, memory, now) => ({
      state: 'running',
      memory: { ...memory, connectedAt: now },
      actions: [],
    }),
    // start() rejects with the error, and may be called again.
    'login-failed': (_, memory) => ({ state: 'idle', memory, actions: [] }),
    closed: onlyTakeOver,
    stop,
  },
  running: {
    closed: (event, memory, now) => {
      if (isTakeOver(event.code)) return takenOver(event, memory);
      const stable = now - memory.connectedAt >= sessionPolicy.stableMs;
      const restarts = memory.restarts.filter((at) => now - at < sessionPolicy.restartWindowMs);
      const fresh = { ...memory, failures: stable ? 0 : memory.failures, restarts };
      const fields = { code: event.code, reason: event.reason };
      if (event.code !== CloseCode.Abnormal) {
        // zca-js has already retried the codes Zalo asks it to; what reaches here needs a new login.
        return loginAgain(fresh, log('warn', 'Zalo listener closed; logging in again', fields));
      }
      if (restarts.length >= sessionPolicy.restartBudget) {
        return loginAgain(
          fresh,
          log('warn', 'Zalo listener keeps closing; logging in again', {
            ...fields,
            restarts: restarts.length,
          }),
        );
      }
      return {
        state: 'restarting',
        memory: { ...fresh, restarts: [...restarts, now] },
        actions: [
          log('info', 'Zalo listener closed; restarting it', { ...fields, restart: restarts.length + 1 }),
          wait(sessionPolicy.restartDelayMs),
        ],
      };
    },
    stop,
  },
  restarting: {
    'wait-over': (_, memory) => ({ state: 'restarting', memory, actions: [{ do: 'restart-listener' }] }),
    'restart-ok': (_, memory, now) => ({
      state: 'running',
      memory: { ...memory, connectedAt: now },
      actions: [log('info', 'Zalo listener restarted')],
    }),
    'restart-failed': (event, memory) =>
      loginAgain(
        memory,
        log('warn', 'could not restart the Zalo listener; logging in again', { err: event.error }),
      ),
    closed: onlyTakeOver,
    stop,
  },
  reconnecting: {
    'wait-over': (_, memory) => ({ state: 'reconnecting', memory, actions: [{ do: 'login', again: true }] }),
    'login-ok': (_, memory, now) => ({
      state: 'running',
      memory: { ...memory, connectedAt: now },
      actions: [log('info', 'Zalo listener connected again', { attempt: memory.failures })],
    }),
    'login-failed': (event, memory) =>
      loginAgain(memory, log('error', LOGIN_FAILED, { err: event.error, attempt: memory.failures })),
    closed: onlyTakeOver,
    stop,
  },
  'taken-over': { stop },
  stopping: { stopped: (_, memory) => ({ state: 'stopped', memory, actions: [] }) },
  stopped: {},
};

/** The step for `event` in `state`, or null when the table ignores it. Pure: tests read the table through it. */
export function transition(
  state: SessionState,
  memory: SessionMemory,
  event: SessionEvent,
  now: number,
): Step | null {
  const rule = table[state][event.type] as Rule<typeof event.type> | undefined;
  return rule ? rule(event as never, memory, now) : null;
}

export interface SessionDeps {
  transport: ZaloTransport;
  timers: Timers;
  logger: Log;
  /** A message of the current listener, while running. Called synchronously; must not throw. */
  onMessage(message: ZaloMessage): void;
}

/**
 * Runs the table: feeds it the transport's events and the outcomes of its own actions, and does the
 * actions it asks for. At most one action is under way at a time (a login, a restart or a wait).
 */
export class ZaloSession {
  private current: SessionState = 'idle';
  private memory: SessionMemory = initialMemory;
  /** Counts logins, so events of a replaced listener are told apart. */
  private logins = 0;
  private work: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private loginError: unknown;
  private stopping: Promise<void> | null = null;
  /** The bot account's own user id, as the last login told it. */
  selfId: string | undefined;

  constructor(private readonly deps: SessionDeps) {}

  get state(): SessionState {
    return this.current;
  }

  /** Sends go over HTTP, not the listener: they may go out while it is being brought back, and while stopping. */
  canSend(): boolean {
    return (
      this.current === 'running' ||
      this.current === 'restarting' ||
      this.current === 'reconnecting' ||
      this.current === 'stopping'
    );
  }

  /** The first login; rejects with its error (and may be called again) when it fails. */
  async start(): Promise<void> {
    if (this.current !== 'idle') throw new Error(`the Zalo bot cannot start: it is ${this.current}`);
    this.dispatch({ type: 'start' });
    await this.work;
    if (this.current === 'idle') throw this.loginError;
  }

  /**
   * Stops receiving at once, lets a login or restart under way settle, waits for `drain` (the answers
   * in flight), then lets go of the transport. Safe to call twice.
   */
  stop(drain: () => Promise<void>): Promise<void> {
    this.stopping ??= (async () => {
      this.dispatch({ type: 'stop' });
      try {
        await this.work;
        await drain();
        await this.deps.transport.stop();
      } finally {
        this.dispatch({ type: 'stopped' });
      }
    })();
    return this.stopping;
  }

  private dispatch(event: SessionEvent): void {
    const step = transition(this.current, this.memory, event, this.deps.timers.now());
    if (!step) return;
    this.current = step.state;
    this.memory = step.memory;
    for (const action of step.actions) this.perform(action);
  }

  private perform(action: SessionAction): void {
    const { transport, timers, logger } = this.deps;
    switch (action.do) {
      case 'log':
        logger[action.level](action.fields, action.msg);
        return;
      case 'wait':
        this.await(timers.sleep(action.ms, this.abort.signal).then(() => ({ type: 'wait-over' })));
        return;
      case 'login':
        this.await(
          this.login(action.again).then(
            (): SessionEvent => ({ type: 'login-ok' }),
            (error: unknown): SessionEvent => {
              this.loginError = error;
              return { type: 'login-failed', error };
            },
          ),
        );
        return;
      case 'restart-listener':
        this.await(
          transport.restartListener().then(
            (): SessionEvent => ({ type: 'restart-ok' }),
            (error: unknown): SessionEvent => ({ type: 'restart-failed', error }),
          ),
        );
        return;
      case 'release':
        void transport
          .stop()
          .catch((err: unknown) => logger.warn({ err }, 'could not stop the Zalo listener'));
        return;
      case 'cancel-waits':
        this.abort.abort();
        return;
    }
  }

  /** The one action under way; what it ends in is the next event. */
  private await(outcome: Promise<SessionEvent>): void {
    this.work = outcome
      .then((event) => this.dispatch(event))
      .catch((err: unknown) => this.deps.logger.error({ err }, 'the Zalo session failed to move on'));
  }

  private async login(again: boolean): Promise<void> {
    if (again) await this.deps.transport.stop();
    this.logins += 1;
    const { selfId } = await this.deps.transport.start(this.eventsFor(this.logins));
    this.selfId = selfId;
  }

  /** Events of one login; those of an earlier one (a listener already replaced) are dropped. */
  private eventsFor(login: number): ZaloEvents {
    const current = () => login === this.logins;
    return {
      message: (message) => {
        if (current() && this.current === 'running') this.deps.onMessage(message);
      },
      error: (error) => {
        if (current()) this.deps.logger.warn({ err: error }, 'Zalo listener error');
      },
      closed: (code, reason) => {
        if (current()) this.dispatch({ type: 'closed', code, reason });
      },
    };
  }
}
