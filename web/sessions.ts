import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Html } from '../core/html.js';
import type { Locale } from '../locales/index.js';

const MINUTE = 60_000;

/** How someone signed in: Telegram's signed Mini App data, or a one-time link the bot sent. */
export type SignedInBy = 'telegram' | 'link';

/** One person signed in to the desk. Kept in memory: a restart signs everyone out (they reopen it). */
export interface Session {
  readonly identity: string;
  readonly by: SignedInBy;
  /** The form token: every write carries it (forms are refused without the session's own). */
  readonly csrf: string;
  readonly expires: number;
  /** The name the platform gave, for someone not registered (an admin). */
  readonly displayName: string;
  locale: Locale;
  /** What the last form did, shown once on the next page. */
  flash: Html[];
}

const digest = (secret: string) => createHash('sha256').update(secret).digest();
const token = () => randomBytes(32).toString('base64url');

/** Whether two secrets are equal, in constant time. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Sessions by their cookie's value (kept as a hash, so the map holds nothing a cookie could be made from). */
export class Sessions {
  private readonly byHash = new Map<string, Session>();

  constructor(
    private readonly clock: () => number,
    /** A working day: the desk asks again after it. */
    readonly ttlMs = 8 * 60 * MINUTE,
  ) {}

  /** A new session; its id goes into the cookie and nowhere else. */
  create(
    identity: string,
    by: SignedInBy,
    displayName: string,
    locale: Locale,
  ): { id: string; session: Session } {
    this.sweep();
    const id = token();
    const session: Session = {
      identity,
      by,
      csrf: token(),
      expires: this.clock() + this.ttlMs,
      displayName,
      locale,
      flash: [],
    };
    this.byHash.set(digest(id).toString('hex'), session);
    return { id, session };
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const key = digest(id).toString('hex');
    const session = this.byHash.get(key);
    if (session && session.expires <= this.clock()) {
      this.byHash.delete(key);
      return undefined;
    }
    return session;
  }

  drop(id: string | undefined): void {
    if (id) this.byHash.delete(digest(id).toString('hex'));
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, session] of this.byHash) if (session.expires <= now) this.byHash.delete(key);
  }
}

/**
 * One-time links to the desk (`/banlamviec`): a random token, good once and for a few minutes; only
 * its hash is kept, so the map holds nothing that would open the desk.
 */
export class OneTimeLinks {
  private readonly byHash = new Map<string, { identity: string; expires: number }>();

  constructor(
    private readonly clock: () => number,
    readonly ttlMs = 10 * MINUTE,
  ) {}

  issue(identity: string): string {
    const now = this.clock();
    for (const [key, link] of this.byHash) if (link.expires <= now) this.byHash.delete(key);
    const secret = token();
    this.byHash.set(digest(secret).toString('hex'), { identity, expires: now + this.ttlMs });
    return secret;
  }

  /** The identity the link was made for, once: the link is spent whether or not it was still good. */
  take(secret: string): string | undefined {
    const key = digest(secret).toString('hex');
    const link = this.byHash.get(key);
    this.byHash.delete(key);
    return link && link.expires > this.clock() ? link.identity : undefined;
  }
}
