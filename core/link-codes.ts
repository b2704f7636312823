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
export class LinkCodes {
  private readonly pending = new Map<string, PendingLink>();
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

  /** Uses a code up. */
  spend(code: string): void {
    this.pending.delete(code);
    this.spent.add(code);
  }
}
