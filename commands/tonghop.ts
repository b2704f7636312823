import { type Department, departmentName } from '../core/agency.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import { type Member, MODEL_STAGES } from '../core/domain.js';
import { summarise } from '../core/figures.js';
import type { HtmlPart } from '../core/html.js';
import { type Period, periodRange, readPeriod } from '../core/periods.js';
import { departmentAt } from '../core/scoring.js';
import { fileName, fold } from '../core/text.js';
import { titlesFor } from '../core/titles.js';
import {
  clip,
  departmentList,
  findDepartment,
  periodOf,
  periodToken,
  refuse,
  refuseLeftover,
  say,
  words,
} from './lib/common.js';
import { deadlineLine, registrationStatus, someNames } from './lib/registration.js';

const WITHDRAWN_CODES_SHOWN = 20;
const UNREGISTERED_SHOWN = 20;

/**
 * For the Office: who has registered a title for the plan's year and who has not (of one department,
 * if named), shown under a summary of a period of that year.
 */
function registrationLines(ctx: CommandContext, period: Period, department?: Department): HtmlPart[] {
  const { t, plan, titles } = ctx;
  if (!plan?.registration || !titles || period.year !== plan.year) return [];
  const status = registrationStatus(ctx.store, ctx.agency, plan.year, department);
  const done = status.members.filter((m) => m.registration);
  const missing = someNames(
    status.members.filter((m) => !m.registration).map((m) => m.member.fullName),
    UNREGISTERED_SHOWN,
  );
  const departmentsMissing = status.departments.filter((d) => !d.registration).map((d) => d.department.name);
  return [
    '',
    t.summary.registrationTitle(plan.year),
    t.summary.registrationMembers(done.length, status.members.length),
    ...titlesFor(titles, 'member').map((title) =>
      t.summary.registrationByTitle(
        title.name,
        done.filter((m) => m.registration?.titleId === title.id).length,
      ),
    ),
    missing.shown && t.summary.registrationMissing(missing.shown, missing.more),
    t.summary.registrationDepartments(
      status.departments.length - departmentsMissing.length,
      status.departments.length,
    ),
    departmentsMissing.length > 0 && t.summary.registrationMissingDepartments(departmentsMissing.join('; ')),
    deadlineLine(t, plan, ctx.now),
  ];
}

/** Words for the report files and for the review sheet, folded. */
const FILE_WORDS = new Set(['file', 'files', 'excel', 'word', 'xlsx', 'docx', 'tep', 'baocao']);

/** Takes the words asking for files off the end of `tokens`: `file`, `binhxet`, or neither. */
function outputOf(tokens: string[]): 'file' | 'binhxet' | undefined {
  const last = fold(tokens.at(-1) ?? '').replace(/[.,;:!?]+$/, '');
  const lastTwo = fold(tokens.slice(-2).join('')).replace(/[.,;:!?]+$/, '');
  if (last === 'binhxet') {
    tokens.pop();
    return 'binhxet';
  }
  if (tokens.length >= 2 && (lastTwo === 'binhxet' || lastTwo === 'baocao')) {
    tokens.splice(-2);
    return lastTwo === 'binhxet' ? 'binhxet' : 'file';
  }
  if (FILE_WORDS.has(last)) {
    tokens.pop();
    return 'file';
  }
  return undefined;
}

export const tonghop: Command = defineCommand({
  name: 'tonghop',
  access: 'admin',
  usage: (t) => t.help.summary.usage,
  description: (t) => t.help.summary.description,
  async run(ctx) {
    const { t, agency } = ctx;
    const tokens = words(ctx.args);
    // Last words asking for the report files (`file`, `excel`, `word`, `tệp`) or the year-end review
    // sheet (`binhxet`, `bình xét`), as a clerk says them.
    const output = outputOf(tokens);
    const fallback = output === 'binhxet' ? 'year' : 'month';
    // The period comes first (`/tonghop quý 4 cán bộ`) or last (`/tonghop cán bộ quý 4`); the words
    // left name a department, by its name or id — never by a number in a list.
    let args = periodOf(ctx, tonghop, tokens, fallback);
    if (Array.isArray(args)) return args;
    if (!args.named) {
      for (let i = 1; i < tokens.length; i += 1) {
        const reading = readPeriod(tokens.slice(i), ctx.now);
        if (reading && reading.used === tokens.length - i) {
          const tail = periodOf(ctx, tonghop, tokens.slice(i), fallback);
          if (Array.isArray(tail)) return tail;
          args = { ...tail, rest: tokens.slice(0, i) };
          break;
        }
      }
    }
    const { period } = args;
    // A second period (`/tonghop thang tuan`) is refused: which one was meant is not guessed.
    const second = args.rest.length ? readPeriod(args.rest, ctx.now) : null;
    if (second && second.used === args.rest.length) return refuseLeftover(ctx, tonghop, tokens, args.rest);
    const query = args.rest.join(' ');
    const department = query ? findDepartment(agency, query) : undefined;
    if (query && !department) {
      return refuse(ctx, tonghop, t.summary.unknownWords(clip(query)), ...departmentList(ctx), t.periodForms);
    }
    const label = t.periodName(period);

    // Report files are built away from the event loop (bot/reports.ts) and sent when ready; the chat
    // is not held up meanwhile.
    if (output === 'binhxet') {
      if (period.kind !== 'year') return refuse(ctx, tonghop, t.summary.reviewSheetYearOnly);
      const files = ctx.reports.files(
        [{ report: 'reviewSheet', args: { period, now: ctx.now } }],
        ctx.actor.by,
      );
      ctx.followUp(
        files.then(([data]) => [
          {
            ...say(
              t.summary.reviewSheetSent(period.year),
              department && t.summary.reviewSheetWholeAgency(department.name),
            ),
            files: [{ filename: `binh-xet-${period.year}.xlsx`, data: data as Buffer }],
          },
        ]),
      );
      return [];
    }
    if (output === 'file') {
      const base = fileName(label, department?.id ?? '');
      const files = ctx.reports.files(
        [
          { report: 'workbook', args: { period, department, now: ctx.now } },
          { report: 'reportDoc', args: { period, now: ctx.now, department, plan: ctx.plan } },
        ],
        ctx.actor.by,
      );
      ctx.followUp(
        files.then(([xlsx, docx]) => [
          {
            ...say(t.summary.filesSent(department ? `${label} — ${department.name}` : label)),
            files: [
              { filename: `tong-hop-thi-dua-${base}.xlsx`, data: xlsx as Buffer },
              { filename: `bao-cao-thi-dua-${base}.docx`, data: docx as Buffer },
            ],
          },
        ]),
      );
      return [];
    }

    const s = summarise(ctx, period, department);
    const dept = (id: string) => departmentName(agency, id, t);
    // Where each member was at the period's end; in a department's summary, one who earned points
    // there and has since moved is listed for them, as now elsewhere.
    const memberDept = (member: Member) => {
      const at = departmentAt(member, period.end) ?? member.departmentId;
      return department && at !== department.id ? t.summary.nowIn(dept(at)) : dept(at);
    };
    const reply: Reply = say(
      t.summary.title(label, periodRange(t, period, ctx.now), department?.name),
      '',
      t.summary.byKind,
      ...s.byKind.flatMap((k) => [
        t.summary.kindLine(t.kind[k.kind], k.count, t.points(k.points)),
        ...(k.kind === 'task' ? [t.summary.adhoc(s.adhoc)] : []),
        ...(k.kind === 'initiative' ? [t.summary.it(s.it)] : []),
      ]),
      t.summary.total(s.total.count, t.points(s.total.points)),
      '',
      t.summary.byDepartment,
      ...s.departments.map((d) =>
        t.summary.departmentLine(
          d.department.name,
          d.entries,
          t.points(d.points),
          d.participants,
          d.members,
          t.percent(d.participants, d.members),
        ),
      ),
      t.summary.participation(s.participants, s.members, t.percent(s.participants, s.members)),
      '',
      t.summary.topMembers,
      ...(s.top.length
        ? s.top.map((m) =>
            t.summary.memberLine(
              m.rank,
              m.member.fullName,
              memberDept(m.member),
              t.points(m.points),
              m.entries,
            ),
          )
        : [t.summary.empty]),
      '',
      t.summary.targets,
      t.summary.adhocTotal(s.adhoc),
      t.summary.itTotal(s.it),
      '',
      t.summary.models(s.models.list.length),
      ...MODEL_STAGES.map((stage) => t.summary.modelStage(t.models.stages[stage], s.models.byStage[stage])),
      t.summary.review(s.review.approved, s.review.rejected, s.review.pending),
      t.summary.modes[s.review.mode],
      // The count alone (read from the columns, no entry built); the Word report says who withdrew.
      t.summary.withdrawn(s.withdrawnCodes.length),
      s.withdrawnCodes.length > 0 &&
        t.summary.withdrawnCodes(
          s.withdrawnCodes.slice(0, WITHDRAWN_CODES_SHOWN).join(', ') +
            (s.withdrawnCodes.length > WITHDRAWN_CODES_SHOWN ? ', …' : ''),
        ),
      ...registrationLines(ctx, period, department),
    );
    // A button under the summary fetches the same period's files.
    // The department by its name, as a reader knows it (Zalo and the console show the command).
    const again = ['/tonghop', periodToken(period), department?.name ?? '', 'file'].filter(Boolean).join(' ');
    return [{ ...reply, choices: [{ label: t.summary.fileButton, command: again, keepsQuestion: true }] }];
  },
});
