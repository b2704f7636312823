import { type Command, defineCommand } from '../core/context.js';
import { openMeeting, present, roleHolder } from '../core/meeting.js';
import { nominationLists } from '../core/nominations.js';
import { formatDateTime } from '../core/periods.js';
import { fold } from '../core/text.js';
import { clip, refuse, say } from './lib/common.js';
import {
  explain,
  listSource,
  mayRunMeeting,
  meetingSource,
  memberLabel,
  readAbsent,
  readWhen,
  reviewYear,
  rosterNames,
  withCouncil,
} from './lib/council.js';

/** How long before its opening time a meeting may be opened in the bot (members arriving, the roll taken). */
const EARLY_MS = 60 * 60_000;

/**
 * `/mohop giờ ngày | địa điểm | vắng: tên (lý do), …`: the secretary (or an admin) opens the
 * Council's meeting for the year's review — when, where, who is absent and why; everyone else on the
 * Council's roster is present. The meeting then walks the lists (/hop), votes (/mophieu) and closes
 * (/donghop). One meeting of a year is open at a time.
 */
export const mohop: Command = defineCommand({
  name: 'mohop',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.mohop.usage,
  description: (t) => t.council.help.mohop.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t, council } = ctx;
    if (!mayRunMeeting(ctx)) return [say(t.council.operatorsOnly)];
    if (!ctx.args.trim())
      return refuse(ctx, mohop, t.council.meeting.askWhenWhere(council.members.at(-1)?.fullName ?? ''));
    const [when = '', place = '', ...more] = ctx.args.split('|').map((p) => p.trim());
    const startsAt = readWhen(when, ctx.now);
    if (!startsAt) return refuse(ctx, mohop, t.council.meeting.badWhen(clip(when)));
    // Opened when it begins (or typed in afterwards), never ahead of time: the attendance and the votes
    // taken from now on would be recorded before the meeting the minutes say they were taken at.
    if (startsAt.getTime() - ctx.now.getTime() > EARLY_MS)
      return refuse(ctx, mohop, t.council.meeting.notYet(formatDateTime(startsAt)));
    if (!place) return refuse(ctx, mohop, t.council.meeting.askPlace);
    const absentText = more
      .join(';')
      .replace(/^\s*(vang|vắng|absent)\s*(mat|mặt)?\s*[:：]?\s*/i, '')
      .trim();
    const read = readAbsent(council.members, fold(absentText) === 'khong' ? '' : absentText);
    if (read.unknown.length)
      return refuse(
        ctx,
        mohop,
        t.council.meeting.unknownMembers(read.unknown.join(', ')),
        t.council.meeting.rosterIs(rosterNames(council.members)),
      );
    const year = reviewYear(ctx);
    const done = await openMeeting(meetingSource(ctx), {
      year,
      startsAt,
      place,
      absent: read.absent.map((a) => ({ id: a.member.id, ...(a.reason ? { reason: a.reason } : {}) })),
    });
    if (!done.ok) return explain(ctx, done.refusal);
    const meeting = done.value;
    const lists = nominationLists(listSource(ctx), year).filter((l) => l.candidates.length);
    const here = present(meeting);
    return [
      {
        ...say(
          t.council.meeting.opened(meeting.no, year, formatDateTime(startsAt), place),
          t.council.meeting.chairSecretary(
            roleHolder(meeting, 'chair')?.fullName ?? '',
            roleHolder(meeting, 'secretary')?.fullName ?? '',
          ),
          t.council.meeting.attendance(here.length, meeting.roster.length),
          ...meeting.absent.map((a) => {
            const who = meeting.roster.find((r) => r.id === a.id);
            return t.council.meeting.absentLine(who ? memberLabel(t, meeting.roster, who) : a.id, a.reason);
          }),
          ...(done.warnings ?? []).map((w) => t.council.meeting.noQuorum(w.present, w.total, w.needed)),
          '',
          t.council.meeting.lists(
            lists.map((l) => `${l.award.short}: ${l.candidates.length}`).join('; ') ||
              t.council.meeting.noLists,
          ),
          t.council.meeting.next,
        ),
        choices: [
          { label: t.council.walk.standardsButton, command: '/hop tieuchuan', keepsQuestion: true },
          { label: t.council.walk.startButton, command: '/hop 1', keepsQuestion: true },
          { label: t.council.meeting.attendanceButton, command: '/diemdanh', keepsQuestion: true },
        ],
      },
    ];
  },
});
