import { type Choice, type Command, defineCommand, type Reply } from '../core/context.js';
import type { RosterMember } from '../core/council.js';
import type { VoteRound } from '../core/council-records.js';
import { awardById, ballotsAwaiting, castBallot } from '../core/meeting.js';
import { subjectName } from '../core/nominations.js';
import { fold } from '../core/text.js';
import { say, words } from './lib/common.js';
import {
  type CouncilContext,
  callerOnCouncil,
  explain,
  meetingSource,
  readChoices,
  roundOrSay,
  withCouncil,
} from './lib/council.js';

const SEND = new Set(['gui', 'send', 'xacnhan']);

/**
 * `/bophieu [số_vòng] [lựa chọn] [gui]`: a Council member's electronic secret ballot, in private. The
 * ballot shows one candidate at a time (Đồng ý / Không đồng ý), then the whole ballot to check, then
 * `Gửi phiếu`: one ballot per member and vote, only while the vote is open. Nothing is stored until
 * it is sent; then the store keeps that the member voted and the ballot sealed — never the two joined
 * (docs/council.md, "The secret ballot"). Refused in a group: a choice typed there is not secret.
 */
export const bophieu: Command = defineCommand({
  name: 'bophieu',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.bophieu.usage,
  description: (t) => t.council.help.bophieu.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const tokens = words(ctx.args);
    if (ctx.chat.kind !== 'private')
      return [say(tokens.length > 1 ? t.council.ballot.notInGroupTyped : t.council.ballot.notInGroup)];
    const voter = callerOnCouncil(ctx);
    if (!voter) return [say(t.council.ballot.notOnRoster, t.council.refusals.nothingChanged)];
    const [no, ...rest] = tokens;
    if (no === undefined) return [awaiting(ctx, voter)];
    const round = roundOrSay(ctx, no);
    if (Array.isArray(round)) return round;
    const send = rest.length > 0 && SEND.has(fold(rest.at(-1) ?? ''));
    if (send) rest.pop();
    const typed = rest.join(' ');
    const choices = typed ? readChoices(typed) : '';
    if (choices === undefined) return [say(t.council.ballot.badChoices, t.council.refusals.nothingChanged)];
    if (send) {
      const done = await castBallot(meetingSource(ctx), round, voter, choices);
      if (!done.ok) return explain(ctx, done.refusal);
      return [say(t.council.ballot.cast(round.no))];
    }
    // Showing the ballot changes nothing; the same rules refuse it early, so nobody fills in a ballot in vain.
    if (round.method !== 'electronic') return explain(ctx, { code: 'notElectronic', no: round.no });
    if (round.status !== 'open')
      return explain(ctx, { code: 'roundNotOpen', no: round.no, status: round.status });
    if (!round.voters.includes(voter.id)) return explain(ctx, { code: 'absentVoter' });
    if (round.cast.includes(voter.id)) return explain(ctx, { code: 'votedAlready', no: round.no });
    if (choices.length > round.candidates.length)
      return explain(ctx, {
        code: 'choicesMismatch',
        expected: round.candidates.length,
        given: choices.length,
      });
    return [step(ctx, round, choices)];
  },
});

/** The open electronic votes the member has not voted in yet. */
function awaiting(ctx: CouncilContext, voter: RosterMember): Reply {
  const { t } = ctx;
  const rounds = ballotsAwaiting(ctx, voter);
  if (rounds.length === 0) return say(t.council.ballot.nothingOpen);
  if (rounds.length === 1) return step(ctx, rounds[0] as VoteRound, '');
  return {
    ...say(t.council.ballot.several(rounds.length)),
    choices: rounds.map((r) => ({
      label: t.council.ballot.roundButton(r.no, awardById(ctx.council, r.awardId)?.name ?? r.awardId),
      command: `/bophieu ${r.no}`,
    })),
  };
}

/** The ballot so far: the next candidate to choose for, or the whole ballot to send. */
function step(ctx: CouncilContext, round: VoteRound, choices: string): Reply {
  const { t } = ctx;
  const award = awardById(ctx.council, round.awardId)?.name ?? round.awardId;
  const n = round.candidates.length;
  const chosen = round.candidates
    .slice(0, choices.length)
    .map((s, i) => t.council.ballot.chosenLine(i + 1, subjectName(ctx, s), choices[i] === 'd'));
  const next = round.candidates[choices.length];
  if (next) {
    const options: Choice[] = [
      { label: t.council.ballot.agree, command: `/bophieu ${round.no} ${choices}d` },
      { label: t.council.ballot.disagree, command: `/bophieu ${round.no} ${choices}k` },
    ];
    if (choices.length) options.push({ label: t.council.ballot.restart, command: `/bophieu ${round.no}` });
    return {
      ...say(
        t.council.ballot.title(round.no, award),
        ...chosen,
        t.council.ballot.ask(choices.length + 1, n, subjectName(ctx, next)),
        t.council.ballot.privacy,
      ),
      choices: options,
    };
  }
  return {
    ...say(
      t.council.ballot.title(round.no, award),
      ...chosen,
      '',
      t.council.ballot.check,
      t.council.ballot.privacy,
    ),
    choices: [
      { label: t.council.ballot.send, command: `/bophieu ${round.no} ${choices} gui` },
      { label: t.council.ballot.restart, command: `/bophieu ${round.no}` },
    ],
  };
}
