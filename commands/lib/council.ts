import type { Command, CommandContext, Reply } from '../../core/context.js';
import { type Award, type CouncilConfig, type RosterMember, rosterMemberOf } from '../../core/council.js';
import type { Meeting, RosterSnapshot, VoteRound } from '../../core/council-records.js';
import type { TitleSubject } from '../../core/domain.js';
import { type HtmlPart, joinHtml } from '../../core/html.js';
import { type MeetingSource, meetingOutcome, openMeetingOf, type Refusal } from '../../core/meeting.js';
import { type ListWriter, subjectName } from '../../core/nominations.js';
import { fold, spelled } from '../../core/text.js';
import type { Messages } from '../../locales/index.js';
import { clip, findDepartment, refuse, say, words } from './common.js';
import { findMember } from './people.js';

/*
 * What the year-end review's commands share: the Council file and the year they act on, who may run
 * the meeting, reading an award, a Council member or a subject from what was typed, and a refusal of
 * core/meeting.ts in the caller's words.
 */

export interface CouncilContext extends CommandContext {
  council: CouncilConfig;
}

/** The context with the Council configured, or the answer that it is not. */
export function withCouncil(ctx: CommandContext): CouncilContext | Reply[] {
  if (!ctx.council) return [say(ctx.t.council.notConfigured)];
  return ctx as CouncilContext;
}

/** The year under review: the Council file's (the plan's and the titles' year too). */
export const reviewYear = (ctx: CouncilContext) => ctx.council.year;

export const listSource = (ctx: CouncilContext): ListWriter => ({
  store: ctx.store,
  agency: ctx.agency,
  council: ctx.council,
});

export const meetingSource = (ctx: CouncilContext): MeetingSource => ({
  ...listSource(ctx),
  actor: ctx.actor,
});

/** The Council member behind the caller (by the identity they write from, or a linked one). */
export const callerOnCouncil = (ctx: CouncilContext): RosterMember | undefined =>
  rosterMemberOf(ctx.council, ctx.caller.identity, ctx.member);

/**
 * Who runs the meeting: its secretary, its chair, the standing member, or an admin (the Office). The
 * chat's access level (`council`) lets the whole Council in; this narrows it.
 */
export function mayRunMeeting(ctx: CouncilContext): boolean {
  if (ctx.isAdmin) return true;
  const me = callerOnCouncil(ctx);
  return me !== undefined && ['secretary', 'chair', 'standing'].includes(me.role);
}

/** Who enters a paper ballot's counts: the counting committee, or whoever runs the meeting. */
export function mayCount(ctx: CouncilContext, meeting: Meeting | undefined): boolean {
  if (mayRunMeeting(ctx)) return true;
  const me = callerOnCouncil(ctx);
  return me !== undefined && (meeting?.counting ?? ctx.council.counting).includes(me.id);
}

/**
 * The award named by id, abbreviation or name (case and diacritics ignored) — or by words of its name
 * only one award has (`lao dong xuat sac`) — and the words after it. A whole name is read first.
 */
export function readAward(
  council: CouncilConfig,
  tokens: readonly string[],
): { award: Award; rest: string[] } | undefined {
  for (let n = tokens.length; n >= 1; n -= 1) {
    const head = spelled(tokens.slice(0, n).join(' '));
    const award = council.awards.find((a) => [a.id, spelled(a.short), spelled(a.name)].includes(head));
    if (award) return { award, rest: tokens.slice(n) };
  }
  for (let n = tokens.length; n >= 1; n -= 1) {
    const head = ` ${spelled(tokens.slice(0, n).join(' '))} `;
    const some = council.awards.filter((a) => ` ${spelled(a.name)} `.includes(head));
    if (some.length === 1) return { award: some[0] as Award, rest: tokens.slice(n) };
  }
  return undefined;
}

/** The awards as people name them: `Lao động tiên tiến (LĐTT), …`. */
export const awardList = (council: CouncilConfig) =>
  council.awards.map((a) => `${a.name} (${a.short})`).join(', ');

/**
 * How a choice's command names an award: by its abbreviation, as the Council says it (`/mophieu
 * LĐTT`), or by its id if the abbreviation would read as another award.
 */
export function awardWord(council: CouncilConfig, award: Award): string {
  return readAward(council, words(award.short))?.award === award ? award.short : award.id;
}

type Rostered = RosterSnapshot | RosterMember;

/** The members of the roster with `member`'s full name (`member` among them). */
const namesakes = <T extends Rostered>(roster: readonly T[], member: T) =>
  roster.filter((m) => fold(m.fullName) === fold(member.fullName));

/**
 * A Council member as a clerk tells them apart: the full name, with the position beside a name
 * another member shares (`Nguyễn Văn Sơn (Trưởng phòng Cán bộ)`), and the roster id after it if
 * they share the position too.
 */
export function memberLabel<T extends Rostered>(t: Messages, roster: readonly T[], member: T): string {
  const same = namesakes(roster, member);
  if (same.length === 1) return member.fullName;
  const samePosition = same.filter((m) => fold(m.position) === fold(member.position)).length > 1;
  return t.people.choice(
    member.fullName,
    samePosition ? `${member.position}; ${member.id}` : member.position,
  );
}

/**
 * The roster as people read it: full names; beside a name two members share, the position and the
 * roster id that names each (`Nguyễn Văn Sơn (Trưởng phòng Cán bộ; uv-cb)`).
 */
export const rosterNames = <T extends Rostered>(roster: readonly T[]) =>
  roster
    .map((m) => (namesakes(roster, m).length === 1 ? m.fullName : `${m.fullName} (${m.position}; ${m.id})`))
    .join(', ');

/**
 * How a choice's command names a Council member: by full name (`/diemdanh Nguyễn Văn Sơn vắng`), or
 * by roster id when two members share the name.
 */
export function memberWord<T extends Rostered>(roster: readonly T[], member: T): string {
  return namesakes(roster, member).length === 1 ? member.fullName : member.id;
}

/**
 * A Council member named by roster id, full name (one no other member has), or a part of the name
 * only one member has (their given name, say) — case and diacritics ignored.
 */
export function findRosterMember<T extends RosterSnapshot | RosterMember>(
  roster: readonly T[],
  text: string,
): T | undefined {
  const q = fold(text);
  if (!q) return undefined;
  const byId = roster.find((m) => m.id === q);
  if (byId) return byId;
  const exact = roster.filter((m) => fold(m.fullName) === q);
  // Two members of the same name: only their ids tell them apart.
  if (exact.length) return exact.length === 1 ? exact[0] : undefined;
  const partial = roster.filter((m) => ` ${fold(m.fullName)} `.includes(` ${q} `));
  return partial.length === 1 ? partial[0] : undefined;
}

/** The Council member `text` names on `roster` (as `findRosterMember` reads it), or the usage refusal
 * that names what was not found and lists the roster as people read it. */
export function rosterMemberOrSay<T extends RosterSnapshot | RosterMember>(
  ctx: CommandContext,
  command: Command,
  roster: readonly T[],
  text: string,
): T | Reply[] {
  return (
    findRosterMember(roster, text) ??
    refuse(
      ctx,
      command,
      ctx.t.council.meeting.unknownMembers(clip(text)),
      ctx.t.council.meeting.rosterIs(rosterNames(roster)),
    )
  );
}

/** A member (mention, @username, id, full name) or a department (name or id) the words name. */
export function readSubject(ctx: CommandContext, text: string): TitleSubject | undefined {
  const member = findMember(ctx, text);
  if (member) return { kind: 'member', memberId: member.id };
  const department = findDepartment(ctx.agency, text);
  return department ? { kind: 'department', departmentId: department.id } : undefined;
}

/**
 * The subject named by `rest`, the words after the award in `head` (the arguments up to a `|`): a
 * mention there is read as written first, as findMember expects.
 */
export function subjectIn(
  ctx: CommandContext,
  head: string,
  rest: readonly string[],
): TitleSubject | undefined {
  const first = rest[0];
  if (!first) return undefined;
  const at = head.indexOf(first);
  const mentions = ctx.mentions.map((m) => ({ ...m, offset: (m.offset ?? -1) - at }));
  return readSubject({ ...ctx, mentions }, head.slice(at).trim());
}

/**
 * A change of a nomination list as /dexuat and /bodexuat read it — `danh hiệu @người | phòng | lý do`:
 * the award, the subject and the reason, or the refusal (with the command's usage line) to give.
 */
export function readListChange(
  ctx: CouncilContext,
  command: Command,
): { award: Award; subject: TitleSubject; reason: string } | Reply[] {
  const { t } = ctx;
  const [head = '', ...reasonParts] = ctx.args.split('|');
  const reason = reasonParts.join('|').trim();
  const named = readAward(ctx.council, words(head));
  if (!named)
    return refuse(
      ctx,
      command,
      t.council.unknownAward(clip(head.trim())),
      t.council.awardsAre(awardList(ctx.council)),
    );
  const who = named.rest.join(' ');
  if (!who) return refuse(ctx, command, t.council.lists.nameWho);
  const subject = subjectIn(ctx, head, named.rest);
  if (!subject) return refuse(ctx, command, t.council.unknownSubject(clip(who)));
  if (!reason) return refuse(ctx, command, t.council.reasonRequired);
  return { award: named.award, subject, reason };
}

/** The year's open meeting, or the answer that none is open. */
export function openMeetingOrSay(ctx: CouncilContext): Meeting | Reply[] {
  return openMeetingOf(ctx, reviewYear(ctx)) ?? [say(ctx.t.council.refusals.noMeeting(reviewYear(ctx)))];
}

/** A vote by its number (`3`, `vong 3`, `#3`), or the answer that there is none. */
export function roundOrSay(ctx: CouncilContext, text: string | undefined): VoteRound | Reply[] {
  const no = Number((text ?? '').replace(/^#/, ''));
  const round = Number.isInteger(no) && no > 0 ? ctx.store.council.round(no) : undefined;
  return round ?? [say(ctx.t.council.refusals.unknownRound(text ?? ''))];
}

/** A refusal of the meeting's rules, in the caller's words; nothing was changed. */
export function explain(ctx: CouncilContext, refusal: Refusal): Reply[] {
  return [say(refusalWords(ctx.t, ctx.council, refusal), ctx.t.council.refusals.nothingChanged)];
}

/** A refusal of core/meeting.ts in the reader's words: the chat's answer, and the desk's (web/desk.ts). */
export function refusalWords(t: Messages, council: CouncilConfig, refusal: Refusal): HtmlPart {
  const r = t.council.refusals;
  return (() => {
    switch (refusal.code) {
      case 'meetingOpen':
        return r.meetingOpen(refusal.no);
      case 'noMeeting':
        return r.noMeeting(council.year);
      case 'meetingClosed':
        return r.meetingClosed(refusal.no);
      case 'roundOpenStill':
        return r.roundOpenStill(refusal.no);
      case 'unknownRound':
        return r.unknownRound(String(refusal.no));
      case 'noOpenRound':
        return r.noOpenRound;
      case 'roundNotOpen':
        return r.roundNotOpen(refusal.no, t.council.roundStatus[refusal.status]);
      case 'secretAward':
        return r.secretAward(refusal.award);
      case 'emptyList':
        return r.emptyList(refusal.award);
      case 'roundOpenFor':
        return r.roundOpenFor(refusal.no, refusal.award);
      case 'noElectronicVoters':
        return r.noElectronicVoters;
      case 'notElectronic':
        return r.notElectronic(refusal.no);
      case 'electronicCounts':
        return r.electronicCounts(refusal.no);
      case 'countsMismatch':
        return r.countsMismatch(refusal.expected, refusal.given);
      case 'countTooLarge':
        return r.countTooLarge(t.council.countWhat[refusal.what], refusal.given, refusal.max);
      case 'noCounts':
        return r.noCounts(refusal.no);
      case 'notAbsent':
        return r.notAbsent(refusal.name);
      case 'writtenTwice':
        return r.writtenTwice(refusal.name);
      case 'choicesMismatch':
        return r.choicesMismatch(refusal.expected, refusal.given);
      case 'notVoter':
        return r.notVoter;
      case 'absentVoter':
        return r.absentVoter;
      case 'votedAlready':
        return r.votedAlready(refusal.no);
      case 'keyMissing':
        return r.keyMissing(refusal.no);
      case 'attendanceSame':
        return r.attendanceSame;
    }
  })();
}

/** The candidates of a vote, numbered, one per line. */
export function candidateLines(ctx: CouncilContext, subjects: readonly TitleSubject[]): HtmlPart[] {
  return subjects.map((s, i) => ctx.t.council.numbered(i + 1, subjectName(ctx, s)));
}

/** `d`/`k` choices as people may type them: `dkd`, `d k d`, `1d 2k 3d`, `đ k đ`, `y n y`. */
export function readChoices(text: string): string | undefined {
  const letters = fold(text)
    .replace(/\d+\s*[:.)]?\s*/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .join('');
  if (!letters) return undefined;
  const mapped = letters.replace(/y/g, 'd').replace(/n/g, 'k');
  return /^[dk]+$/.test(mapped) ? mapped : undefined;
}

export const joinLines = (lines: HtmlPart[]) => joinHtml(lines);

/**
 * A meeting's time as the secretary writes it, in Vietnam's time: `14:00 10/12/2026`, `14h ngày
 * 10/12`, `10/12/2026 8h30`; a day without an hour is 08:00; nothing: now. Undefined when it cannot be read.
 */
export function readWhen(text: string, now: Date): Date | undefined {
  const s = fold(text);
  if (!s) return now;
  const date = /(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?/.exec(s);
  const time = /(\d{1,2})\s*(?:h|g|:|gio)\s*(\d{1,2})?/.exec(s.replace(date?.[0] ?? '', ' '));
  if (!date && !time) return undefined;
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const day = date ? Number(date[1]) : local.getUTCDate();
  const month = date ? Number(date[2]) : local.getUTCMonth() + 1;
  const year = date?.[3] ? Number(date[3]) : local.getUTCFullYear();
  const hour = time ? Number(time[1]) : 8;
  const minute = time?.[2] ? Number(time[2]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const at = new Date(Date.UTC(year, month - 1, day, hour - 7, minute));
  return new Date(at.getTime() + 7 * 3_600_000).getUTCDate() === day ? at : undefined;
}

/** `A (lý do), B; C - lý do`: names of the roster with their reasons, and the names not found. */
export function readAbsent<T extends RosterSnapshot | RosterMember>(
  roster: readonly T[],
  text: string,
): { absent: { member: T; reason?: string }[]; unknown: string[] } {
  const absent: { member: T; reason?: string }[] = [];
  const unknown: string[] = [];
  for (const part of text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.*?)\s*(?:\((.*)\)|\s[-–:]\s(.*))?$/.exec(part);
    const name = (match?.[1] ?? part).trim();
    const reason = (match?.[2] ?? match?.[3])?.trim();
    const member = findRosterMember(roster, name);
    if (member) absent.push({ member, ...(reason ? { reason } : {}) });
    else unknown.push(name);
  }
  return { absent, unknown };
}

/**
 * After the decision is signed: the `/quyetdinh` line that records it (issue 20, h20a's command),
 * pre-filled from the vote — the award, the names the vote carried, the signer or the body — so the
 * Office only writes the number and the date.
 */
export function recordTemplates(
  ctx: CouncilContext,
  meeting: Meeting,
  decidedBy: 'ban' | 'province',
): HtmlPart[] {
  const { t } = ctx;
  const chair = meeting.roster.find((r) => r.role === 'chair')?.fullName ?? '';
  return meetingOutcome(ctx, meeting)
    .filter((o) => o.award.decidedBy === decidedBy)
    .flatMap((o) => {
      const names = o.results.filter((r) => r.meets).map((r) => subjectName(ctx, r.subject));
      if (!names.length) return [];
      const line =
        decidedBy === 'ban'
          ? `/quyetdinh ${t.council.drafts.numberWord} | ${t.council.drafts.dayWord} | ${chair} | ${o.award.name} | ${names.join(', ')}`
          : `/quyetdinh ${t.council.drafts.numberWord} | ${t.council.drafts.dayWord} | ${t.council.drafts.signerWord} | ${o.award.name} | ${names.join(', ')} | ${meeting.year} | ${ctx.council.province.decider.replace(/^Chủ tịch\s+/i, '')}`;
      return [t.council.drafts.template(line)];
    });
}
