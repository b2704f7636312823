import { isOwnEntry } from '../../core/access.js';
import type { Command, CommandContext, Reply } from '../../core/context.js';
import type { Entry, EntryKind, Member } from '../../core/domain.js';
import type { Html } from '../../core/html.js';
import type { RepositoryReads } from '../../core/repository.js';
import { isPending } from '../../core/scoring.js';
import { preview } from '../../core/text.js';
import { clip, refuse, say } from './common.js';

export const MAX_REASON = 300;

/**
 * A notice for a member in private, on whichever platform reaches them (core/delivery.ts), in the
 * agency group when none can.
 */
export function notice(member: Member, html: Html): Reply {
  return { html, to: { member: member.id, orGroup: true } };
}

/**
 * Notices about an entry for the member it credits and, when someone else logged it, its reporter —
 * never for the person acting (they read the answer already).
 */
export function entryNotices(
  ctx: CommandContext,
  entry: Entry,
  forCredited: Html,
  forReporter: (creditedName: string) => Html,
): Reply[] {
  const { store } = ctx;
  const credited = store.member(entry.memberId);
  const reporter = entry.reporterId !== entry.memberId ? store.member(entry.reporterId) : undefined;
  const replies: Reply[] = [];
  if (credited && credited.id !== ctx.member?.id) replies.push(notice(credited, forCredited));
  if (reporter && reporter.id !== ctx.member?.id) {
    replies.push(notice(reporter, forReporter(credited?.fullName ?? '?')));
  }
  return replies;
}

/** Finds the entry a review command names, or the refusal to give instead. */
export function reviewable(ctx: CommandContext, command: Command, code: string | undefined): Entry | Reply[] {
  const { t, store } = ctx;
  if (!code) return refuse(ctx, command, t.review.missingCode(command.name));
  const entry = store.entry(code);
  if (!entry) return refuse(ctx, command, t.withdraw.unknownCode(clip(code)));
  if (entry.status === 'withdrawn') return [say(t.review.withdrawnEntry(entry.code))];
  if (isOwnEntry(entry, ctx.member?.id)) return [say(t.review.ownEntry(entry.code))];
  return entry;
}

/** A pending entry a decision may be made on, or the refusal. */
export function decidable(ctx: CommandContext, command: Command, code: string | undefined): Entry | Reply[] {
  const entry = reviewable(ctx, command, code);
  if (Array.isArray(entry)) return entry;
  if (entry.review !== 'pending')
    return [say(ctx.t.review.alreadyDecided(entry.code, ctx.t.review.decisions[entry.review]))];
  return entry;
}

/**
 * Who decides an entry, as the notices name them: one member of the Council, or an admin (the review
 * commands are open to both) — never "the Council", whose decisions are its meeting's.
 */
export function decidedBy(ctx: CommandContext): string {
  return ctx.isCouncil ? ctx.t.review.by.council : ctx.t.review.by.admin;
}

/** Records a decision and tells the member credited and the reporter, in private where a platform can. */
export async function decide(
  ctx: CommandContext,
  entry: Entry,
  decision: 'approved' | 'rejected',
  reason?: string,
): Promise<Reply[]> {
  const { t, store } = ctx;
  await store.reviewEntry(entry.code, decision, ctx.actor, reason);
  const name = store.member(entry.memberId)?.fullName ?? '?';
  const text = preview(entry.text, 150);
  const kind = t.kind[entry.kind];
  const why = reason ?? '';
  const by = decidedBy(ctx);
  return [
    say(
      decision === 'approved'
        ? t.review.approved(entry.code, name)
        : t.review.rejected(entry.code, name, why),
    ),
    ...entryNotices(
      ctx,
      entry,
      decision === 'approved'
        ? t.review.noticeApproved(entry.code, kind, text, by)
        : t.review.noticeRejected(entry.code, kind, text, why, by),
      (credited) =>
        decision === 'approved'
          ? t.review.noticeApprovedReporter(entry.code, kind, credited, text, by)
          : t.review.noticeRejectedReporter(entry.code, kind, credited, text, why, by),
    ),
  ];
}

/** Which entries awaiting review to list: of one department, one kind, logged in [from, to). */
export interface QueueFilter {
  departmentId?: string | undefined;
  kind?: EntryKind | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * The entries awaiting the Council's review, oldest first (/choduyet and the desk's queue), of one
 * department, kind or span of days if asked.
 */
export function pendingEntries(store: RepositoryReads, filter: QueueFilter = {}): Entry[] {
  const { departmentId, kind, from, to } = filter;
  // Only the entries awaiting review are built (found in the store's columns): a year's queue is a few
  // dozen entries, the year itself 100k at a province's size — built and kept, ~90 MB.
  const entries = store.entriesBetween(from ?? new Date(0), to ?? new Date(8.64e15), {
    pending: true,
    departmentId,
    kind,
  });
  return entries.filter(
    (e) =>
      isPending(e) &&
      (departmentId === undefined || e.departmentId === departmentId) &&
      (kind === undefined || e.kind === kind),
  );
}
