import { type Command, defineCommand } from '../core/context.js';
import { awardById, closeRound, voidRound } from '../core/meeting.js';
import { fold } from '../core/text.js';
import { refuse, say, words } from './lib/common.js';
import { explain, mayRunMeeting, meetingSource, roundOrSay, withCouncil } from './lib/council.js';
import { resultLines } from './lib/council-results.js';

/**
 * `/dongphieu số_vòng [huy lý do]`: closes a vote. A show of hands or a paper ballot needs its counts
 * first; an electronic ballot is opened and counted here, and its key destroyed. With `huy` and a
 * reason the vote is declared void instead (a retake). A vote closed is closed: nothing more joins it.
 */
export const dongphieu: Command = defineCommand({
  name: 'dongphieu',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.dongphieu.usage,
  description: (t) => t.council.help.dongphieu.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    if (!mayRunMeeting(ctx)) return [say(t.council.operatorsOnly)];
    const [typed, action, ...reasonWords] = words(ctx.args);
    // Without a number: the one vote open, if only one is (the usual case at the table).
    const open = ctx.store.council.rounds.filter((r) => r.status === 'open');
    const no = typed ?? (open.length === 1 ? String(open[0]?.no) : undefined);
    if (!no) return refuse(ctx, dongphieu, t.council.vote.whichRound);
    const round = roundOrSay(ctx, no);
    if (Array.isArray(round)) return round;
    if (action !== undefined && ['huy', 'void'].includes(fold(action))) {
      const reason = reasonWords.join(' ').trim();
      if (!reason) return refuse(ctx, dongphieu, t.council.reasonRequired);
      const done = await voidRound(meetingSource(ctx), round, reason);
      if (!done.ok) return explain(ctx, done.refusal);
      return [say(t.council.vote.voided(round.no, reason))];
    }
    if (action !== undefined) return refuse(ctx, dongphieu, t.council.vote.whichRound);
    const done = await closeRound(meetingSource(ctx), round);
    if (!done.ok) return explain(ctx, done.refusal);
    const award = awardById(ctx.council, round.awardId);
    const closed = done.value;
    return [
      {
        ...say(
          t.council.vote.closed(closed.no, award?.name ?? closed.awardId, t.council.methods[closed.method]),
          closed.method === 'electronic'
            ? t.council.vote.electronicCounted(closed.cast.length, closed.voters.length)
            : undefined,
          ...resultLines(ctx, closed),
          '',
          t.council.vote.councilConcludes,
        ),
        choices: [{ label: t.council.walk.overviewButton, command: '/hop', keepsQuestion: true }],
      },
    ];
  },
});
