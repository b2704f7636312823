import type { ReviewMode } from '../../core/agency.js';
import type { Entry, Member } from '../../core/domain.js';
import type { Period } from '../../core/periods.js';
import type { RepositoryReads } from '../../core/repository.js';
import { type MemberScore, PeriodTotals } from '../../core/scoring.js';

/** A member's own record for a period, as /cuatoi and the desk's own page show it. */
export interface MemberRecord {
  /** The entries credited to the member in the period, oldest first, whatever their state. */
  entries: Entry[];
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
  // The ranking from the store's groups, the member's own entries from its columns: a year of a
  // province (100k entries) is not built for one member's page.
  const { score, ranked } = PeriodTotals.grouped(store, period, mode).standing(store.members, member);
  return {
    entries: [...store.entriesBetween(period.start, period.end, { memberId: member.id })],
    score,
    ranked,
    reportedForOthers: store
      .entriesBetween(period.start, period.end, { reporterId: member.id })
      .filter((e) => e.memberId !== member.id && e.status === 'active').length,
  };
}

/** Why the Council rejected an entry (its last rejection's reason), if it did. */
export function rejectionReason(entry: Entry): string | undefined {
  return entry.review === 'rejected' && entry.status === 'active'
    ? entry.history.findLast((h) => h.action === 'rejected')?.note
    : undefined;
}
