import { type Choice, type Command, defineCommand, type Reply } from '../core/context.js';
import type { Meeting } from '../core/council-records.js';
import { latestMeeting, roundsOf } from '../core/meeting.js';
import type { ReportRequest } from '../core/reports.js';
import { fold } from '../core/text.js';
import { clip, refuse, say, words } from './lib/common.js';
import { type CouncilContext, recordTemplates, reviewYear, withCouncil } from './lib/council.js';

/** The drafts by the word people type (Vietnamese without diacritics), each one a document layout of reports/. */
const KINDS = [
  'bienban',
  'kiemphieu',
  'phieubau',
  'totrinh',
  'totrinhtinh',
  'quyetdinh',
  'giaykhen',
  'danhsach',
] as const;
type Kind = (typeof KINDS)[number];

const ALIASES: Record<string, Kind> = {
  'bien ban': 'bienban',
  bienbanhop: 'bienban',
  minutes: 'bienban',
  'kiem phieu': 'kiemphieu',
  bienbankiemphieu: 'kiemphieu',
  'phieu bau': 'phieubau',
  phieu: 'phieubau',
  ballot: 'phieubau',
  'to trinh': 'totrinh',
  'to trinh tinh': 'totrinhtinh',
  'quyet dinh': 'quyetdinh',
  decision: 'quyetdinh',
  'giay khen': 'giaykhen',
  'danh sach': 'danhsach',
};

/**
 * `/duthao loại [số]`: the year-end drafts in the Party's document format, as Word files: the minutes
 * of the Council's meeting (bienban), the counting minutes (kiemphieu), the ballot papers of a paper
 * vote (phieubau số_vòng), the tờ trình to the Trưởng Ban for the titles the Ban decides (totrinh), the
 * Ban's tờ trình to the Chủ tịch UBND tỉnh for those it proposes (totrinhtinh), the draft decision
 * with its annexed list (quyetdinh), the Trưởng Ban's Giấy khen (giaykhen), the nomination lists
 * (danhsach). Drafts only: people check, sign and decide.
 */
export const duthao: Command = defineCommand({
  name: 'duthao',
  group: 'binhxet',
  access: 'council',
  usage: (t) => t.council.help.duthao.usage,
  description: (t) => t.council.help.duthao.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const tokens = words(ctx.args);
    const numbers = tokens.filter((w) => /^#?\d+$/.test(w)).map((w) => Number(w.replace('#', '')));
    const text = fold(tokens.filter((w) => !/^#?\d+$/.test(w)).join(' '));
    if (!text) return [menu(ctx)];
    const kind = (KINDS as readonly string[]).includes(text) ? (text as Kind) : ALIASES[text];
    if (!kind) return refuse(ctx, duthao, t.council.drafts.unknown(clip(text)), t.council.drafts.kindsList);
    const year = reviewYear(ctx);
    const meeting = latestMeeting(ctx, year);
    const args = { council: ctx.council, year, now: ctx.now };
    let request: ReportRequest;
    switch (kind) {
      case 'danhsach':
        request = {
          report: 'nominationList',
          args: { ...args, awards: ctx.council.awards.map((a) => a.id) },
        };
        break;
      case 'phieubau': {
        const rounds = paperRounds(ctx, meeting, numbers[0]);
        if (rounds.length === 0) return [say(t.council.drafts.noPaperRound)];
        request = { report: 'ballotPapers', args: { ...args, rounds } };
        break;
      }
      case 'totrinh':
      case 'totrinhtinh':
      case 'quyetdinh':
      case 'giaykhen':
      case 'bienban':
      case 'kiemphieu': {
        const m = numbers[0] && kind === 'bienban' ? ctx.store.council.meeting(numbers[0]) : meeting;
        if (!m) return [say(t.council.drafts.noMeeting(year))];
        if (kind !== 'bienban' && kind !== 'kiemphieu' && m.status !== 'closed')
          return [say(t.council.drafts.meetingNotClosed(m.no))];
        if (
          kind === 'kiemphieu' &&
          !roundsOf(ctx, m).some((r) => r.status === 'closed' && r.method !== 'hands')
        )
          return [say(t.council.drafts.noSecretRound)];
        const report = {
          bienban: 'councilMinutes',
          kiemphieu: 'countMinutes',
          totrinh: 'submissionBan',
          totrinhtinh: 'submissionProvince',
          quyetdinh: 'decision',
          giaykhen: 'certificates',
        } as const;
        request = { report: report[kind], args: { ...args, meetingNo: m.no } };
        break;
      }
    }
    const files = ctx.reports.files([request], ctx.actor.by);
    const name = t.council.drafts.kinds[kind];
    ctx.followUp(
      files.then(([data]) => [
        {
          ...say(t.council.drafts.sent(name), t.council.drafts.note),
          files: [
            { filename: `${kind}-${year}${numbers[0] ? `-${numbers[0]}` : ''}.docx`, data: data as Buffer },
          ],
          ...(ctx.chat.kind === 'private' ? {} : { to: { identity: ctx.caller.identity } }),
        },
      ]),
    );
    // Once signed, the decision goes on record: the line that does it, pre-filled from the vote.
    const recorded =
      (kind === 'quyetdinh' || kind === 'totrinhtinh') && meeting
        ? recordTemplates(ctx, meeting, kind === 'quyetdinh' ? 'ban' : 'province')
        : [];
    const hint = recorded.length ? [say(t.council.drafts.recordHint, ...recorded)] : [];
    return ctx.chat.kind === 'private' ? hint : [say(t.council.drafts.sentPrivately), ...hint];
  },
});

/** The paper votes a ballot paper is asked for: one by number, or those of the meeting still open. */
function paperRounds(ctx: CouncilContext, meeting: Meeting | undefined, no: number | undefined): number[] {
  if (no) {
    const round = ctx.store.council.round(no);
    return round && round.method === 'paper' ? [round.no] : [];
  }
  if (!meeting) return [];
  return roundsOf(ctx, meeting)
    .filter((r) => r.method === 'paper' && r.status === 'open')
    .map((r) => r.no);
}

function menu(ctx: CouncilContext): Reply {
  const { t } = ctx;
  const choices: Choice[] = KINDS.filter((k) => k !== 'phieubau').map((k) => ({
    label: t.council.drafts.kinds[k],
    command: `/duthao ${k}`,
    keepsQuestion: true,
  }));
  return { ...say(t.council.drafts.menu, t.council.drafts.kindsList), choices };
}
