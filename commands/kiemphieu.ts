import { type Command, defineCommand } from '../core/context.js';
import { type CountsInput, recordCounts } from '../core/meeting.js';
import { fold } from '../core/text.js';
import { refuse, say, words } from './lib/common.js';
import { explain, mayCount, meetingSource, roundOrSay, withCouncil } from './lib/council.js';
import { resultLines } from './lib/council-results.js';

/**
 * Reads counts as the secretary or the counting committee writes them: `phat 9 thu 9 hople 8` for a
 * paper ballot, then per candidate in order `8 6 7` or numbered `1: 8, 2: 6`; for a show of hands
 * agree/disagree, `1: 7/1, 2: 8/0`.
 */
export function readCounts(text: string): CountsInput | undefined {
  let s = ` ${fold(text).replace(/\|/g, ' ')} `;
  const take = (re: RegExp): number | undefined => {
    const m = re.exec(s);
    if (!m) return undefined;
    s = s.replace(m[0], ' ');
    return Number(m[1]);
  };
  const issued = take(/\s(?:phat ra|phat)\s*[:=]?\s*(\d+)/);
  const returned = take(/\s(?:thu vao|thu ve|thu)\s*[:=]?\s*(\d+)/);
  const valid = take(/\s(?:hop le|hople)\s*[:=]?\s*(\d+)/);
  const agree: number[] = [];
  const disagree: (number | undefined)[] = [];
  let position = 0;
  for (const m of s.matchAll(/(?:(\d+)\s*[:=]\s*)?(\d+)(?:\s*\/\s*(\d+))?/g)) {
    const index = m[1] !== undefined ? Number(m[1]) - 1 : position;
    if (index < 0 || index > 200) return undefined;
    agree[index] = Number(m[2]);
    disagree[index] = m[3] !== undefined ? Number(m[3]) : undefined;
    position = index + 1;
  }
  if (agree.length === 0 || agree.some((a) => a === undefined)) return undefined;
  if (/[a-z]/.test(s.replace(/\s(?:dong y|khong dong y|ung vien|phieu)\s/g, ' '))) return undefined;
  return { issued, returned, valid, agree: [...agree], disagree };
}

/**
 * `/kiemphieu số_vòng …`: the counts of a show of hands (the secretary) or of a paper ballot (the
 * counting committee): ballots issued, returned, valid, and each candidate's agree votes. A count
 * larger than those who could vote, or a candidate missing, is refused and nothing changes. Counts may
 * be entered again until the vote is closed; each entry stays in its history.
 */
export const kiemphieu: Command = defineCommand({
  name: 'kiemphieu',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.kiemphieu.usage,
  description: (t) => t.council.help.kiemphieu.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const [no, ...rest] = words(ctx.args);
    if (!no) return refuse(ctx, kiemphieu, t.council.vote.whichRound);
    const round = roundOrSay(ctx, no);
    if (Array.isArray(round)) return round;
    if (!mayCount(ctx, ctx.store.council.meeting(round.meetingNo))) return [say(t.council.countingOnly)];
    const counts = readCounts(rest.join(' '));
    if (!counts) return refuse(ctx, kiemphieu, t.council.vote.badCounts(round.candidates.length));
    const done = await recordCounts(meetingSource(ctx), round, counts);
    if (!done.ok) return explain(ctx, done.refusal);
    return [
      {
        ...say(
          t.council.vote.counted(round.no),
          ...resultLines(ctx, done.value),
          '',
          t.council.vote.closeHint(round.no),
        ),
        choices: [
          {
            label: t.council.vote.closeButton(round.no),
            command: `/dongphieu ${round.no}`,
            keepsQuestion: true,
          },
        ],
      },
    ];
  },
});
