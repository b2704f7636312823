import type { Command, CommandContext, Reply } from '../../core/context.js';
import { dayContaining, periodContaining } from '../../core/periods.js';
import { pointsFor, rankMembers } from '../../core/scoring.js';
import { esc, fold, preview } from '../../core/text.js';
import type { EntryKind, Member } from '../../storage/schema.js';
import { refuse, say } from './common.js';

const ADHOC_TAG = /(^|\s)#dotxuat(?=$|[\s.,;!?])/;
const IT_TAG = /(^|\s)#cntt(?=$|[\s.,;!?])/;

/** The one colleague a good deed credits, or why it cannot be credited. */
function creditedMember(ctx: CommandContext, reporter: Member): Member | string {
  const found = new Map<string, Member>();
  for (const mention of ctx.mentions) {
    const member =
      (mention.identity && ctx.store.memberByIdentity(mention.identity)) ||
      (mention.username && ctx.store.memberByUsername(mention.username)) ||
      undefined;
    if (!member) return ctx.t.entry.mentionNotRegistered(esc(mention.label));
    found.set(member.id, member);
  }
  if (found.size > 1) return ctx.t.entry.oneMentionOnly;
  return found.values().next().value ?? reporter;
}

/** This week's rank of a member, for the confirmation. */
export function weekRank(ctx: CommandContext, member: Member): string {
  const week = periodContaining('week', ctx.now);
  const scores = rankMembers(
    ctx.store.entriesBetween(week.start, week.end),
    ctx.store.members,
    ctx.agency.review.mode,
  );
  const own = scores.find((s) => s.member.id === member.id);
  return own ? ctx.t.entry.rank(esc(member.fullName), own.rank, scores.length, ctx.t.points(own.points)) : '';
}

/**
 * Logs a good deed, a completed task or an initiative for the caller (or, for a good deed, the one
 * colleague mentioned). Shared by /viectot, /hoanthanh and /sangkien, and by photos captioned with them.
 */
export async function logEntry(ctx: CommandContext, command: Command, kind: EntryKind): Promise<Reply[]> {
  const { t, store, agency } = ctx;
  const reporter = ctx.member as Member;
  const earlier = store.entryBySource(ctx.messageKey);
  if (earlier) return [say(t.entry.alreadySaved(earlier.code))];

  const text = ctx.args.trim();
  const folded = fold(text);
  const adhoc = kind === 'task' && ADHOC_TAG.test(folded);
  const it = kind === 'initiative' && IT_TAG.test(folded);
  const substance = folded.replace(/#\S+/g, '').replace(/@\S+/g, '').trim();
  const kindName = t.kind[kind];
  if (!substance) return refuse(ctx, command, t.entry.emptyText(kindName));
  const length = Array.from(text).length;
  if (length > agency.limits.textMaxLength) {
    return refuse(ctx, command, t.entry.tooLong(length, agency.limits.textMaxLength));
  }
  const credited = kind === 'deed' ? creditedMember(ctx, reporter) : reporter;
  if (typeof credited === 'string') return refuse(ctx, command, credited);

  const today = dayContaining(ctx.now);
  const todays = store
    .entriesBetween(today.start, today.end)
    .filter((e) => e.reporterId === reporter.id && e.status === 'active').length;
  if (todays >= agency.limits.entriesPerDay) return [say(t.entry.dailyLimit(agency.limits.entriesPerDay))];

  const points = pointsFor(kind, { adhoc, it }, agency.points);
  const entry = await store.addEntry({
    kind,
    text,
    points,
    adhoc,
    it,
    memberId: credited.id,
    reporterId: reporter.id,
    at: ctx.now,
    ...(ctx.photo ? { photo: { platform: ctx.platform, fileId: ctx.photo.fileId } } : {}),
    source: ctx.messageKey,
    platform: ctx.platform,
  });

  const tags = [adhoc && t.entry.adhocTag, it && t.entry.itTag].filter(Boolean).join(', ');
  return [
    say(
      t.entry.saved(kindName, entry.code, t.points(points)),
      `<i>${esc(preview(text, 200))}</i>`,
      credited.id !== reporter.id && t.entry.creditedTo(esc(credited.fullName), esc(reporter.fullName)),
      tags ? t.entry.tags(tags) : undefined,
      entry.photo && t.entry.photoKept,
      weekRank(ctx, credited),
      t.entry.withdrawHint(entry.code),
    ),
  ];
}
