import type { VoteRound } from '../../core/council-records.js';
import type { HtmlPart } from '../../core/html.js';
import { awardById, roundResults } from '../../core/meeting.js';
import { subjectName } from '../../core/nominations.js';
import type { CouncilContext } from './council.js';

/**
 * A vote's counts, candidate by candidate: agree and disagree at the meeting, written votes of absent
 * members, the share of ALL members, and whether it meets the award's threshold (a setting). The
 * Council concludes; these are its figures.
 */
export function resultLines(ctx: CouncilContext, round: VoteRound): HtmlPart[] {
  const { t } = ctx;
  const award = awardById(ctx.council, round.awardId);
  if (!award) return [];
  const lines: HtmlPart[] = [];
  const tally = round.tally;
  if (tally && round.method !== 'hands')
    lines.push(t.council.vote.ballots(tally.issued, tally.returned, tally.valid));
  if (round.written.length) lines.push(t.council.vote.writtenCount(round.written.length));
  for (const [i, r] of roundResults(round, award).entries()) {
    lines.push(
      t.council.vote.resultLine(
        i + 1,
        subjectName(ctx, r.subject),
        r.agree,
        r.disagree,
        r.writtenAgree,
        r.total,
        round.rosterSize,
        r.share,
        r.meets,
      ),
    );
  }
  lines.push(
    t.council.vote.thresholdNote(
      award.threshold.strict,
      award.threshold.percent,
      award.threshold.check === 'toVerify',
    ),
  );
  return lines;
}
