import type { Command, CommandContext, MemberContext, Reply } from '../../core/context.js';
import type { Entry, EntryKind, Member } from '../../core/domain.js';
import { Html, html, joinHtml } from '../../core/html.js';
import { dayContaining, formatDateTime, periodContaining } from '../../core/periods.js';
import { PeriodTotals, pointsFor } from '../../core/scoring.js';
import { fold, preview } from '../../core/text.js';
import { CANCEL } from '../khong.js';
import { distinctWords, refuse, say } from './common.js';

// Read in the folded text: `#dotxuat`, and as people type it, `#đột xuất`, `#Đột_xuất`, `#dot-xuat`.
const ADHOC_TAG = /(^|\s)#dot[\s_-]?xuat(?=$|[\s.,;!?])/;
const IT_TAG = /(^|\s)#cntt(?=$|[\s.,;!?])/;

/**
 * The colleague a good deed credits: the one the command names first (`/viectot @lan đã trực thay
 * ca`), or else the caller — a mention anywhere else is part of the text. Or why it cannot be logged.
 */
function creditedMember(ctx: CommandContext, reporter: Member): Member | Html {
  const leading = ctx.mentions.find((m) =>
    m.offset === undefined ? ctx.args.startsWith(m.label) : m.offset === 0,
  );
  if (!leading) {
    // The repeat's button names the colleague as `@username` in its command, which carries no entity.
    const typed = AGAIN_TAG.test(ctx.args) ? /^@([A-Za-z0-9_]{3,})(?=\s|$)/.exec(ctx.args) : null;
    if (typed && !ctx.mentions.length) {
      return ctx.store.memberByUsername(typed[1] as string) ?? ctx.t.entry.mentionNotRegistered(typed[0]);
    }
    return reporter;
  }
  const member =
    (leading.identity && ctx.store.memberByIdentity(leading.identity)) ||
    (leading.username && ctx.store.memberByUsername(leading.username)) ||
    undefined;
  if (!member) return ctx.t.entry.mentionNotRegistered(leading.label);
  // `/viectot @lan @hung …`: two people named first — one entry credits one person.
  const after = ctx.args.slice(leading.label.length);
  const next = ctx.mentions.find(
    (m) =>
      m !== leading &&
      m.offset !== undefined &&
      m.offset === leading.label.length + (after.length - after.trimStart().length),
  );
  if (next) return ctx.t.entry.oneMentionOnly;
  return member;
}

/**
 * How many distinct words of substance a text holds once tags, mentions, emoji, numbers and
 * punctuation are set aside, case and diacritics ignored: `ok ok ok` is one word.
 */
export function substanceWords(text: string, mentions: CommandContext['mentions']): number {
  let rest = text;
  for (const m of [...mentions].sort((a, b) => (b.offset ?? -1) - (a.offset ?? -1))) {
    if (m.offset !== undefined && rest.slice(m.offset, m.offset + m.label.length) === m.label) {
      rest = `${rest.slice(0, m.offset)} ${rest.slice(m.offset + m.label.length)}`;
    }
  }
  return distinctWords(rest.replace(/[#@]\S*/g, ' ')).size;
}

/** Typed at the end of an entry (or carried by the confirmation's button): log it although the same text was logged today. */
const AGAIN_TAG = /(^|\s)#ghithem(?=$|[\s.,;!?])/i;

/** The same text for comparison: case, spacing and diacritics ignored, and the tag that confirms a repeat. */
const sameText = (text: string) => fold(text.replace(AGAIN_TAG, ' '));

/** This week's rank of a member, for the confirmation (a member without points is not ranked). */
export function weekRank(ctx: CommandContext, member: Member): Html {
  const week = periodContaining('week', ctx.now);
  // From the store's groups (the week's entries are not built), and this member's place alone.
  const { score, ranked } = PeriodTotals.grouped(ctx.store, week, ctx.agency.review.mode).standing(
    ctx.store.members,
    member,
  );
  return score && score.rank > 0
    ? ctx.t.entry.rank(member.fullName, score.rank, ranked, ctx.t.points(score.points))
    : ctx.t.entry.unranked(member.fullName);
}

/**
 * Logs a good deed, a completed task or an initiative for the caller (or, for a good deed, the
 * colleague named first). Shared by /viectot, /hoanthanh and /sangkien, and by photos captioned with them.
 */
export async function logEntry(ctx: MemberContext, command: Command, kind: EntryKind): Promise<Reply[]> {
  const { t, store, agency } = ctx;
  const reporter = ctx.member;

  const text = ctx.args.trim();
  const folded = fold(text);
  const adhoc = kind === 'task' && ADHOC_TAG.test(folded);
  const it = kind === 'initiative' && IT_TAG.test(folded);
  if (substanceWords(text, ctx.mentions) < agency.limits.minWords) {
    return refuse(ctx, command, t.entry.needsWords(kind, agency.limits.minWords));
  }
  const length = Array.from(text).length;
  if (length > agency.limits.textMaxLength) {
    return refuse(ctx, command, t.entry.tooLong(length, agency.limits.textMaxLength));
  }
  const credited = kind === 'deed' ? creditedMember(ctx, reporter) : reporter;
  if (credited instanceof Html) return refuse(ctx, command, credited);
  const again = AGAIN_TAG.test(text);

  // The daily cap counts what the caller logs (for themselves or for colleagues), not what is withdrawn.
  const today = dayContaining(ctx.now);
  const todays = store
    .entriesBetween(today.start, today.end, { reporterId: reporter.id })
    .filter((e) => e.status === 'active').length;
  if (todays >= agency.limits.entriesPerDay) return [say(t.entry.dailyLimit(agency.limits.entriesPerDay))];

  // The same text logged today for the same member (a message sent twice, a paste): asked first.
  const same = sameText(text);
  const earlier = again
    ? undefined
    : store
        .entriesBetween(today.start, today.end, { reporterId: reporter.id, memberId: credited.id })
        .find((e) => e.status === 'active' && sameText(e.text) === same);
  if (earlier) return [repeatQuestion(ctx, command, earlier, credited, reporter)];

  const points = pointsFor(kind, { adhoc, it }, agency.points);
  const entry = await store.addEntry(
    {
      kind,
      text: again ? text.replace(AGAIN_TAG, ' ').replace(/\s+/g, ' ').trim() : text,
      points,
      adhoc,
      it,
      memberId: credited.id,
      ...(ctx.photos?.length
        ? { photo: ctx.photos.map((p) => ({ platform: ctx.platform, fileId: p.fileId })) }
        : {}),
    },
    ctx.actor,
  );

  const tags = adhoc || it ? joinHtml([adhoc && t.entry.adhocTag, it && t.entry.itTag], ', ') : undefined;
  const otherwise = kind === 'deed' && credited.id === reporter.id && ctx.mentions.length > 0;
  return [
    {
      kind: 'confirmation',
      compact: t.entry.compact(t.kind[kind], entry.code, t.points(points), credited.fullName),
      ...say(
        t.entry.saved(t.kind[kind], entry.code, t.points(points)),
        html`<i>${preview(text, 200)}</i>`,
        credited.id !== reporter.id
          ? t.entry.creditedTo(credited.fullName, reporter.fullName)
          : t.entry.creditedSelf(reporter.fullName),
        otherwise && t.entry.mentionHint,
        tags ? t.entry.tags(tags) : undefined,
        entry.photo && t.entry.photoKept(entry.photo.length),
        weekRank(ctx, credited),
        t.entry.withdrawHint(entry.code),
      ),
    },
  ];
}

/**
 * The question when the same text was logged today: nothing is saved; "Ghi thêm" logs it as a
 * second entry (the command again, with `#ghithem`), "Hủy" leaves it. A colleague credited by a text
 * mention (no @username) cannot be written into a button, nor can photos: then the member is told
 * how to send it again.
 */
function repeatQuestion(
  ctx: MemberContext,
  command: Command,
  earlier: Entry,
  credited: Member,
  reporter: Member,
): Reply {
  const { t } = ctx;
  const leading = ctx.mentions.find((m) =>
    m.offset === undefined ? ctx.args.startsWith(m.label) : m.offset === 0,
  );
  const body = leading ? ctx.args.slice(leading.label.length).trim() : ctx.args.trim();
  const who = credited.id === reporter.id ? '' : credited.username ? `@${credited.username} ` : undefined;
  const photos = (ctx.photos?.length ?? 0) > 0;
  const button = who !== undefined && !photos;
  return {
    ...say(
      t.entry.repeated(
        earlier.code,
        formatDateTime(new Date(earlier.at)).slice(0, 5),
        preview(earlier.text, 200),
      ),
      button ? t.entry.repeatAsk : t.entry.repeatResend(`/${command.name} … #ghithem`),
    ),
    choices: [
      ...(button
        ? [{ label: t.entry.repeatButton, command: `/${command.name} ${who}${body} #ghithem` }]
        : []),
      { label: t.cancel, command: CANCEL },
    ],
  };
}
