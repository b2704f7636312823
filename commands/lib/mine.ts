import type { ReviewMode } from '../../core/agency.js';
import type { Entry, Member } from '../../core/domain.js';
import type { Period } from '../../core/periods.js';
import type { RepositoryReads } from '../../core/repository.js';
import { type MemberScore, PeriodTotals } from '../../core/scoring.js';

/** A member's own record for a period, as /cuatoi and the desk's own page show it. */
export interface MemberRecord {
  /** How many entries are credited to the member in the period, whatever their state. */
  count: number;
  /**
   * The newest `n` of them after the `skip` newest, newest first: only those are built (a member's
   * year at a province is thousands of entries, and a page shows a few dozen).
   */
  newest(n: number, skip?: number): Entry[];
  /** The member's score and rank (rank 0: no points). */
  score: MemberScore | undefined;
  /** How many members are ranked (have points). */
  ranked: number;
  /** Active entries the member logged for colleagues. */
  reportedForOthers: number;
}

export function memberRecord(
  store: RepositoryReads,
  member: Member,
  period: Period,
  mode: ReviewMode,
): MemberRecord {
  // The ranking from the store's groups, the counts from its columns, the entries shown built alone:
  // a year of a province (100k entries) is not built for one member's page, nor the member's year.
  const { score, ranked } = PeriodTotals.grouped(store, period, mode).standing(store.members, member);
  const { start, end } = period;
  const own = { memberId: member.id };
  const logged = { reporterId: member.id, active: true };
  return {
    count: store.countEntries(start, end, own),
    newest: (n, skip = 0) =>
      n <= 0
        ? []
        : [...store.entriesBetween(start, end, { ...own, last: n + skip })].reverse().slice(skip, skip + n),
    score,
    ranked,
    reportedForOthers:
      store.countEntries(start, end, logged) - store.countEntries(start, end, { ...logged, ...own }),
  };
}

/** Why the Council rejected an entry (its last rejection's reason), if it did. */
export function rejectionReason(entry: Entry): string | undefined {
  return entry.review === 'rejected' && entry.status === 'active'
    ? entry.history.findLast((h) => h.action === 'rejected')?.note
    : undefined;
}
