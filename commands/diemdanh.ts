import { type Choice, type Command, defineCommand, type Reply } from '../core/context.js';
import type { Meeting } from '../core/council-records.js';
import type { HtmlPart } from '../core/html.js';
import { present, setAttendance } from '../core/meeting.js';
import { fold } from '../core/text.js';
import { refuse, say, words } from './lib/common.js';
import {
  type CouncilContext,
  explain,
  mayRunMeeting,
  meetingSource,
  memberLabel,
  memberWord,
  openMeetingOrSay,
  rosterMemberOrSay,
  withCouncil,
} from './lib/council.js';

// Folded: `vắng`, `có mặt` as the choices write them in Vietnamese; `absent`, `present` in English.
const ABSENT = new Set(['vang', 'vang mat', 'absent']);
const PRESENT = new Set(['comat', 'co mat', 'present']);

/**
 * `/diemdanh [họ tên vắng | có mặt] [| lý do]`: the open meeting's attendance. Without arguments: who is
 * present and who is absent, with a button per member; the secretary (or an admin) marks a member
 * absent (with the reason) or present again. Every change is in the meeting's history.
 */
export const diemdanh: Command = defineCommand({
  name: 'diemdanh',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.diemdanh.usage,
  description: (t) => t.council.help.diemdanh.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const meeting = openMeetingOrSay(ctx);
    if (Array.isArray(meeting)) return meeting;
    const [head = '', ...reasonParts] = ctx.args.split('|');
    const reason = reasonParts.join('|').trim() || undefined;
    const tokens = words(head);
    if (tokens.length === 0) return [status(ctx, meeting)];
    if (!mayRunMeeting(ctx)) return [say(t.council.operatorsOnly)];
    // The status after the name (`Đỗ Văn Khánh vắng`), as the buttons write it, or before it
    // (`vắng Đỗ Văn Khánh`, `có mặt Khánh`), as a secretary may say it.
    let mark: 'absent' | 'present' | undefined;
    for (const end of ['tail', 'head'] as const) {
      for (const n of [2, 1]) {
        if (tokens.length <= n) continue;
        const words = end === 'tail' ? tokens.slice(-n) : tokens.slice(0, n);
        const folded = fold(words.join(' '));
        // First, `vắng` only with its accents: `Vàng` is a surname (`/diemdanh Vàng A Pao vắng`).
        if (end === 'head' && folded.startsWith('vang') && !/^vắng/i.test(words.join(' ').normalize('NFC')))
          continue;
        if (ABSENT.has(folded)) mark = 'absent';
        else if (PRESENT.has(folded)) mark = 'present';
        if (mark) {
          if (end === 'tail') tokens.splice(-n);
          else tokens.splice(0, n);
          break;
        }
      }
      if (mark) break;
    }
    const example = meeting.roster.at(-1)?.fullName ?? '';
    if (!mark) return refuse(ctx, diemdanh, t.council.meeting.sayWhich(example));
    const who = rosterMemberOrSay(ctx, diemdanh, meeting.roster, tokens.join(' '));
    if (Array.isArray(who)) return who;
    const done = await setAttendance(meetingSource(ctx), meeting, who, mark === 'present', reason);
    if (!done.ok) return explain(ctx, done.refusal);
    return [
      say(
        mark === 'present'
          ? t.council.meeting.markedPresent(memberLabel(t, meeting.roster, who))
          : t.council.meeting.markedAbsent(memberLabel(t, meeting.roster, who), reason),
        t.council.meeting.attendance(present(done.value).length, done.value.roster.length),
        ...(done.warnings ?? []).map((w) => t.council.meeting.noQuorum(w.present, w.total, w.needed)),
      ),
    ];
  },
});

function status(ctx: CouncilContext, meeting: Meeting): Reply {
  const { t } = ctx;
  const lines: HtmlPart[] = [
    t.council.meeting.attendanceTitle(meeting.no),
    t.council.meeting.attendance(present(meeting).length, meeting.roster.length),
  ];
  const choices: Choice[] = [];
  for (const r of meeting.roster) {
    const absent = meeting.absent.find((a) => a.id === r.id);
    // Two members of the same name are told apart by their positions, as the clerk knows them.
    const name = memberLabel(t, meeting.roster, r);
    lines.push(
      absent
        ? t.council.meeting.absentLine(name, absent.reason)
        : t.council.meeting.presentLine(name, t.council.roles[r.role]),
    );
    if (mayRunMeeting(ctx))
      choices.push(
        absent
          ? {
              label: t.council.meeting.markPresentButton(name),
              command: `/diemdanh ${memberWord(meeting.roster, r)} ${t.council.meeting.presentWord}`,
            }
          : {
              label: t.council.meeting.markAbsentButton(name),
              command: `/diemdanh ${memberWord(meeting.roster, r)} ${t.council.meeting.absentWord}`,
            },
      );
  }
  if (mayRunMeeting(ctx)) lines.push('', t.council.meeting.reasonHint);
  return { ...say(...lines), ...(choices.length ? { choices } : {}) };
}
