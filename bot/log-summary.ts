import type { LogFn, Logger } from 'pino';

/*
 * Logs that cannot be flooded: a warning of one kind (its message and KIND_FIELDS, from one
 * logger — a platform's child is its own) is written the first time; the same again within the interval is
 * only counted, and one line at the interval's end says how many there were. A kind quiet for a whole
 * interval starts over (its next line is written). Anyone who can reach a port (refused webhook
 * requests) or an outage that answers every call cannot fill the disk a line at a time.
 * Installed once, as pino's logMethod hook (bot/logger.ts): every logger of the process goes through it.
 */

/**
 * The fields that tell one kind from another beside the message: an API's method and the code or
 * HTTP status of its answer (a failed sendMessage is not a failed getChatMember; a 401 not a 403).
 */
const KIND_FIELDS = ['method', 'code', 'status'] as const;

/** How long repeats of one kind are counted before one line says how many (a minute). */
export const SUMMARY_INTERVAL_MS = 60_000;

interface Kind {
  /** Repeats counted since the last line. */
  count: number;
  timer: NodeJS.Timeout;
}

/**
 * pino's `hooks.logMethod`: summarises repeated warnings, passes everything else on (an error keeps
 * its every line: each names what was lost, an entry whose confirmation did not go out…).
 */
export function repeatSummariser(intervalMs = SUMMARY_INTERVAL_MS) {
  const kinds = new Map<string, Kind>();
  return function logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
    const message = args.find((a, i) => i > 0 || typeof a === 'string');
    if (level !== 40 || typeof message !== 'string') {
      method.apply(this, args);
      return;
    }
    const obj = typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : {};
    const key = JSON.stringify([this.bindings(), message, ...KIND_FIELDS.map((f) => obj[f])]);
    const kind = kinds.get(key);
    if (kind) {
      kind.count += 1;
      return;
    }
    method.apply(this, args);
    const tick = () => {
      const current = kinds.get(key) as Kind;
      if (current.count === 0) {
        kinds.delete(key);
        return;
      }
      method.apply(this, [
        { repeated: current.count, seconds: Math.round(intervalMs / 1000) },
        `${message} (${current.count} more like it in the last ${Math.round(intervalMs / 1000)} s)`,
      ]);
      current.count = 0;
      current.timer = setTimeout(tick, intervalMs).unref();
    };
    kinds.set(key, { count: 0, timer: setTimeout(tick, intervalMs).unref() });
  };
}
