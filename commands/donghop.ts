import { type Command, defineCommand } from '../core/context.js';
import { closeMeeting, meetingOutcome } from '../core/meeting.js';
import { subjectName } from '../core/nominations.js';
import { say } from './lib/common.js';
import { explain, mayRunMeeting, meetingSource, openMeetingOrSay, withCouncil } from './lib/council.js';

/**
 * `/donghop [kết luận]`: the secretary (or an admin) closes the meeting with the Council's conclusion,
 * once every vote is closed. The answer lists, award by award, the names whose vote met the share the
 * settings ask, and offers the drafts: the minutes, the counting minutes, the tờ trình, the decision.
 */
export const donghop: Command = defineCommand({
  name: 'donghop',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.donghop.usage,
  description: (t) => t.council.help.donghop.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    if (!mayRunMeeting(ctx)) return [say(t.council.operatorsOnly)];
    const meeting = openMeetingOrSay(ctx);
    if (Array.isArray(meeting)) return meeting;
    const done = await closeMeeting(meetingSource(ctx), meeting, ctx.args.trim() || undefined);
    if (!done.ok) return explain(ctx, done.refusal);
    const outcome = meetingOutcome(ctx, done.value);
    return [
      {
        ...say(
          t.council.meeting.closed(meeting.no, meeting.year),
          ...outcome.map((o) =>
            t.council.meeting.carried(
              o.award.name,
              o.results
                .filter((r) => r.meets)
                .map((r) => subjectName(ctx, r.subject))
                .join('; '),
              o.award.decidedBy === 'province',
            ),
          ),
          outcome.length === 0 ? t.council.meeting.noVotes : undefined,
          '',
          t.council.meeting.draftsNext,
        ),
        choices: [
          { label: t.council.drafts.kinds.bienban, command: '/duthao bienban', keepsQuestion: true },
          { label: t.council.drafts.kinds.kiemphieu, command: '/duthao kiemphieu', keepsQuestion: true },
          { label: t.council.drafts.kinds.totrinh, command: '/duthao totrinh', keepsQuestion: true },
          { label: t.council.drafts.kinds.totrinhtinh, command: '/duthao totrinhtinh', keepsQuestion: true },
          { label: t.council.drafts.kinds.quyetdinh, command: '/duthao quyetdinh', keepsQuestion: true },
          { label: t.council.drafts.kinds.giaykhen, command: '/duthao giaykhen', keepsQuestion: true },
        ],
      },
    ];
  },
});
