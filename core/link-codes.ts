import { randomInt } from 'node:crypto';

/** How long a link code may be used. */
export const LINK_CODE_MINUTES = 10;

export interface PendingLink {
  memberId: string;
  /** The identity that asked; the code must be used from another platform. */
  identity: string;
  expires: number;
}

/**
 * One-time codes for linking a person's accounts on two platforms (/lienket). Kept in memory: a code
 * lives ten minutes, and a restart simply means asking for a new one.
 */
/** Wrong codes one account may try in a window before it must wait; and all accounts together. */
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_IN_ALL = 30;
const FAILURE_WINDOW_MS = LINK_CODE_MINUTES * 60_000;

export class LinkCodes {
  private readonly pending = new Map<string, PendingLink>();
  /** Times of recent wrong attempts, by account: six digits must not be guessable by trying. */
  private readonly failures = new Map<string, number[]>();
  private allFailures: number[] = [];
  /** Codes that were issued and are gone (used or expired), to tell "expired" from "wrong". */
  private readonly spent = new Set<string>();

  issue(memberId: string, identity: string, now: Date): string {
    for (const [code, p] of this.pending) {
      if (p.memberId === memberId || p.expires < now.getTime()) this.spend(code);
    }
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.pending.has(code) || this.spent.has(code));
    this.pending.set(code, { memberId, identity, expires: now.getTime() + LINK_CODE_MINUTES * 60_000 });
    return code;
  }

  /** Who issued a code, without using it; or why it cannot be used. */
  peek(code: string, now: Date): PendingLink | 'expired' | 'unknown' {
    const pending = this.pending.get(code);
    if (!pending) return this.spent.has(code) ? 'expired' : 'unknown';
    if (pending.expires < now.getTime()) {
      this.spend(code);
      return 'expired';
    }
    return pending;
  }

  /** Whether an account has tried too many wrong codes lately. */
  blocked(identity: string, now: Date): boolean {
    const recent = (this.failures.get(identity) ?? []).filter((at) => now.getTime() - at < FAILURE_WINDOW_MS);
    this.failures.set(identity, recent);
    return recent.length >= MAX_FAILURES_PER_ACCOUNT;
  }

  /** Counts a wrong code. Past a limit across all accounts, every live code is spent: someone is guessing. */
  failed(identity: string, now: Date): void {
    const at = now.getTime();
    this.failures.set(identity, [...(this.failures.get(identity) ?? []), at]);
    this.allFailures = [...this.allFailures.filter((t) => at - t < FAILURE_WINDOW_MS), at];
    if (this.allFailures.length >= MAX_FAILURES_IN_ALL) {
      for (const code of [...this.pending.keys()]) this.spend(code);
    }
  }

  /** Uses a code up. */
  spend(code: string): void {
    this.pending.delete(code);
    this.spent.add(code);
  }
}
