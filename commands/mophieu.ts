import { type Command, defineCommand, type Reply } from '../core/context.js';
import type { VoteMethod } from '../core/council.js';
import { openRound } from '../core/meeting.js';
import { subjectName } from '../core/nominations.js';
import { fold } from '../core/text.js';
import { clip, refuse, say, words } from './lib/common.js';
import {
  awardList,
  candidateLines,
  explain,
  mayRunMeeting,
  meetingSource,
  openMeetingOrSay,
  readAward,
  withCouncil,
} from './lib/council.js';

// Folded, as a secretary says them; `phiếu kín` alone: a secret ballot, on paper or electronic as
// the meeting allows (the default of a secret-ballot award).
const METHODS: Record<string, VoteMethod | 'secret'> = {
  giotay: 'hands',
  'gio tay': 'hands',
  hands: 'hands',
  giay: 'paper',
  phieugiay: 'paper',
  'phieu giay': 'paper',
  'phieu kin giay': 'paper',
  paper: 'paper',
  dientu: 'electronic',
  'dien tu': 'electronic',
  'phieu kin dien tu': 'electronic',
  electronic: 'electronic',
  phieukin: 'secret',
  'phieu kin': 'secret',
  'bo phieu kin': 'secret',
  secret: 'secret',
};

/**
 * `/mophieu danh hiệu [giotay | giay | dientu]`: the secretary (or an admin) opens the Council's vote
 * on an award's list as it stands: a show of hands, a paper secret ballot (the counting committee
 * enters the counts), or an electronic secret ballot (each member present votes once, in private).
 * An award the Council votes on by secret ballot cannot be voted by hands.
 */
export const mophieu: Command = defineCommand({
  name: 'mophieu',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.mophieu.usage,
  description: (t) => t.council.help.mophieu.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t, council } = ctx;
    if (!mayRunMeeting(ctx)) return [say(t.council.operatorsOnly)];
    const meeting = openMeetingOrSay(ctx);
    if (Array.isArray(meeting)) return meeting;
    const tokens = words(ctx.args);
    let method: VoteMethod | 'secret' | undefined;
    for (const n of [4, 3, 2, 1]) {
      const tail = METHODS[fold(tokens.slice(-n).join(' '))];
      if (tail && tokens.length > n - 1) {
        method = tail;
        tokens.splice(-n);
        break;
      }
    }
    const named = readAward(council, tokens);
    if (!named || named.rest.length)
      return refuse(
        ctx,
        mophieu,
        t.council.unknownAward(clip(tokens.join(' '))),
        t.council.awardsAre(awardList(council)),
      );
    const { award } = named;
    const hasIdentity = (id: string) =>
      (council.members.find((m) => m.id === id)?.identities.length ?? 0) > 0;
    const secret: VoteMethod = meeting.roster.some(
      (r) => !meeting.absent.some((a) => a.id === r.id) && hasIdentity(r.id),
    )
      ? 'electronic'
      : 'paper';
    const chosen: VoteMethod =
      method === 'secret' ? secret : (method ?? (award.vote === 'hands' ? 'hands' : secret));
    const done = await openRound(meetingSource(ctx), meeting, award, chosen);
    if (!done.ok) return explain(ctx, done.refusal);
    const round = done.value;
    const lines = [
      t.council.vote.opened(round.no, award.name, t.council.methods[chosen]),
      ...candidateLines(ctx, round.candidates),
      '',
      t.council.vote.threshold(award.threshold.strict, award.threshold.percent, round.rosterSize),
      chosen === 'hands'
        ? t.council.vote.howHands(round.no)
        : chosen === 'paper'
          ? t.council.vote.howPaper(round.no, round.voters.length)
          : t.council.vote.howElectronic(round.voters.length),
    ];
    const replies: Reply[] = [
      {
        ...say(...lines),
        choices:
          chosen === 'paper'
            ? [
                {
                  label: t.council.vote.ballotPaperButton,
                  command: `/duthao phieubau ${round.no}`,
                  keepsQuestion: true,
                },
              ]
            : chosen === 'electronic'
              ? [
                  {
                    label: t.council.vote.closeButton(round.no),
                    command: `/dongphieu ${round.no}`,
                    keepsQuestion: true,
                  },
                ]
              : [],
      },
    ];
    if (chosen === 'electronic') {
      // Each member present is asked in private, on the platform their identity (or linked profile) reaches.
      for (const id of round.voters) {
        const identity = council.members.find((m) => m.id === id)?.identities[0];
        if (!identity) continue;
        const member = ctx.store.memberByIdentity(identity);
        replies.push({
          ...say(
            t.council.vote.invitation(
              round.no,
              award.name,
              round.candidates.map((s) => subjectName(ctx, s)).join('; '),
            ),
          ),
          to: member ? { member: member.id } : { identity },
          choices: [
            { label: t.council.vote.voteButton, command: `/bophieu ${round.no}`, keepsQuestion: true },
          ],
        });
      }
    }
    return replies;
  },
});
