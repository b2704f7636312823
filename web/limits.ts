import type { Context } from 'hono';

/**
 * A fixed window of one minute per key (a client address, a session): enough to stop a script
 * hammering the desk or guessing links, without state beyond a map that sweeps itself.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one request of `key`; false once the key has used up its minute. */
  take(key: string): boolean {
    const now = this.clock();
    const window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size >= 10_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perMinute;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(key);
  }
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address: the connection's, or — when the connection comes from a reverse proxy on
 * this machine (README: Caddy, nginx) — the last address that proxy put in X-Forwarded-For. A header
 * from anyone else is ignored: it could say anything.
 */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? 'unknown';
  if (!LOOPBACK.test(peer)) return peer;
  const forwarded = c.req.header('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || peer;
}
