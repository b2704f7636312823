import { type Command, defineCommand } from '../core/context.js';
import { recordWritten } from '../core/meeting.js';
import { refuse, say, words } from './lib/common.js';
import {
  candidateLines,
  explain,
  mayRunMeeting,
  meetingSource,
  memberLabel,
  readChoices,
  rosterMemberOrSay,
  roundOrSay,
  withCouncil,
} from './lib/council.js';

/**
 * `/phieuvang số_vòng tên | lựa chọn`: the secretary records the written vote an absent member sent
 * (one letter per candidate in order: d — đồng ý, k — không đồng ý). A written vote is signed, so it
 * is recorded by name and counted apart; a member present, or one recorded already, is refused.
 */
export const phieuvang: Command = defineCommand({
  name: 'phieuvang',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.phieuvang.usage,
  description: (t) => t.council.help.phieuvang.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    if (!mayRunMeeting(ctx)) return [say(t.council.operatorsOnly)];
    const [head = '', ...choiceParts] = ctx.args.split('|');
    const [no, ...nameWords] = words(head);
    if (!no) return refuse(ctx, phieuvang, t.council.vote.whichRound);
    const round = roundOrSay(ctx, no);
    if (Array.isArray(round)) return round;
    const meeting = ctx.store.council.meeting(round.meetingNo);
    if (!meeting) return refuse(ctx, phieuvang, t.council.vote.whichRound);
    const who = rosterMemberOrSay(ctx, phieuvang, meeting.roster, nameWords.join(' '));
    if (Array.isArray(who)) return who;
    const choices = readChoices(choiceParts.join(' '));
    if (!choices)
      return refuse(
        ctx,
        phieuvang,
        t.council.vote.badChoices(round.candidates.length),
        ...candidateLines(ctx, round.candidates),
      );
    const done = await recordWritten(meetingSource(ctx), round, meeting, who, choices);
    if (!done.ok) return explain(ctx, done.refusal);
    return [say(t.council.vote.writtenRecorded(memberLabel(t, meeting.roster, who), round.no))];
  },
});
