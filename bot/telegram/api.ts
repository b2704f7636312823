import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, type RawApi, type Transformer } from 'grammy';
import type { Log } from '../../core/log.js';

/** How the Telegram side waits on the Bot API: every bound here is finite. */
export interface ApiLimits {
  /** A call other than getUpdates is abandoned after this long (a hung sendMessage must not stall its chat for ever). */
  callTimeoutMs: number;
  /** getUpdates waits this long for updates (its HTTP call gets a few seconds more). */
  pollSeconds: number;
  /** Attempts of a call that failed with a network error or a 5xx: the first and this many retries. */
  retries: number;
  /** Waits before the retries, doubling from this (ms). */
  retryBaseMs: number;
  /** The longest `retry_after` (429) worth waiting for, in seconds; longer, the call fails. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  callTimeoutMs: 20_000,
  pollSeconds: 25,
  retries: 2,
  retryBaseMs: 1_000,
  maxRetryAfterSeconds: 30,
};

/**
 * A bounded timeout on every call, and an abort when the bot shuts down: grammY's own timeout is one
 * number for every method (500 s by default), which would let one unanswered sendMessage hold its
 * chat for minutes. An aborted call fails as grammY's HttpError.
 */
export function timeouts(limits: ApiLimits, shutdown: AbortSignal): Transformer<RawApi> {
  return async (prev, method, payload, signal) => {
    const ms = method === 'getUpdates' ? (limits.pollSeconds + 10) * 1000 : limits.callTimeoutMs;
    // Combined by hand, not with AbortSignal.any: on Node 20 a composite signal can be collected while
    // a request still waits on it, and then never aborts (a stop waited out a whole long poll).
    const controller = new AbortController();
    const abort = () => controller.abort();
    // grammY types its signal with the abort-controller package's AbortSignal; at run time it is Node's.
    const sources = [shutdown, ...(signal ? [signal as unknown as AbortSignal] : [])];
    for (const source of sources) {
      if (source.aborted) controller.abort();
      else source.addEventListener('abort', abort, { once: true });
    }
    const timer = setTimeout(abort, ms);
    try {
      return await prev(method, payload, controller.signal as unknown as typeof signal);
    } finally {
      clearTimeout(timer);
      for (const source of sources) source.removeEventListener('abort', abort);
    }
  };
}

/**
 * Bounded retries, in place of @grammyjs/auto-retry, which retries network errors without end (a
 * reply that kept failing stalled everyone for minutes, and an outage was followed by a long wait):
 * network errors and 5xx get `retries` more attempts with doubling waits; a 429 waits its
 * `retry_after` when that is short. getUpdates is not retried here: the poller has its own loop.
 */
export function boundedRetries(limits: ApiLimits, shutdown: AbortSignal): Transformer<RawApi> {
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= limits.retries || shutdown.aborted;
      const wait = limits.retryBaseMs * 2 ** attempt;
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (last || !(error instanceof HttpError)) throw error;
        await sleep(wait, undefined, { signal: shutdown }).catch(() => {});
        continue;
      }
      const retryAfter = result.ok ? undefined : result.parameters?.retry_after;
      if (!result.ok && !last && retryAfter !== undefined && retryAfter <= limits.maxRetryAfterSeconds) {
        await sleep(retryAfter * 1000, undefined, { signal: shutdown }).catch(() => {});
        continue;
      }
      if (!result.ok && !last && result.error_code >= 500) {
        await sleep(wait, undefined, { signal: shutdown }).catch(() => {});
        continue;
      }
      return result;
    }
  };
}

/**
 * Logs each failed call — the method and Telegram's answer, never the URL (it holds the token) — and
 * an outage of getUpdates once when it starts and once when it ends, not once a second, whatever its
 * cause: no connection, or Telegram (or a proxy before it) answering 5xx — 502 Bad Gateway, say.
 */
export function failureLog(log: Log): Transformer<RawApi> {
  let outageSince: number | undefined;
  const outage = (error: string) => {
    if (outageSince !== undefined) return;
    outageSince = Date.now();
    log.warn({ error }, 'Telegram unreachable; polling again every few seconds');
  };
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (method === 'getUpdates' && !result.ok && result.error_code >= 500) {
        outage(`${result.error_code}: ${result.description}`);
        return result;
      }
      if (method === 'getUpdates' && outageSince !== undefined) {
        log.warn({ seconds: Math.round((Date.now() - outageSince) / 1000) }, 'Telegram reachable again');
        outageSince = undefined;
      }
      if (!result.ok)
        log.warn({ method, code: result.error_code, error: result.description }, 'Telegram call failed');
      return result;
    } catch (error) {
      if (method !== 'getUpdates') {
        log.warn({ method, error: (error as Error).message }, 'Telegram call failed');
      } else if (!signal?.aborted) {
        outage((error as Error).message);
      }
      throw error;
    }
  };
}
