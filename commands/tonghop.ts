import type { Command, Reply } from '../core/context.js';
import { formatDay, lastDay, parsePeriod } from '../core/periods.js';
import { esc } from '../core/text.js';
import { MODEL_STAGES } from '../storage/schema.js';
import { departmentName, findDepartment, periodArg, refuse, say, words } from './lib/common.js';
import { buildReportDoc, buildReviewSheet, buildWorkbook, fileName } from './lib/reports.js';
import { summarise } from './lib/summary.js';

const WITHDRAWN_CODES_SHOWN = 20;
const OUTPUTS = new Set(['file', 'binhxet']);

export const tonghop: Command = {
  name: 'tonghop',
  access: 'admin',
  usage: (t) => t.help.summary.usage,
  description: (t) => t.help.summary.description,
  async run(ctx) {
    const { t, agency } = ctx;
    const tokens = words(ctx.args);
    // A last word `file` asks for the report files, `binhxet` for the year-end review sheet.
    const output = OUTPUTS.has((tokens.at(-1) ?? '').toLowerCase()) ? tokens.pop()?.toLowerCase() : undefined;
    const first = tokens[0];
    // The first word is a period when it reads as one; a word that looks like a date but is not one
    // is refused, anything else starts a department name.
    const named = first ? parsePeriod(first, ctx.now) : null;
    const looksLikePeriod = first !== undefined && /^(q?\d|\d)/i.test(first);
    const periodWord = named || looksLikePeriod ? first : undefined;
    const period = periodArg(ctx, tonghop, periodWord, output === 'binhxet' ? 'year' : 'month');
    if (Array.isArray(period)) return period;
    const query = (periodWord ? tokens.slice(1) : tokens).join(' ');
    const department = query ? findDepartment(agency, query) : undefined;
    if (query && !department) {
      return refuse(
        ctx,
        tonghop,
        [
          t.register.unknownDepartment(esc(query)),
          t.register.departmentList,
          ...agency.departments.map((d, i) => t.departmentChoice(i + 1, esc(d.name))),
        ].join('\n'),
      );
    }
    const label = t.period(period);

    if (output === 'binhxet') {
      if (period.kind !== 'year') return refuse(ctx, tonghop, t.summary.reviewSheetYearOnly);
      const data = await buildReviewSheet(ctx, period);
      return [
        {
          ...say(t.summary.reviewSheetSent(period.year)),
          files: [{ filename: `binh-xet-${period.year}.xlsx`, data }],
        },
      ];
    }
    if (output === 'file') {
      const base = fileName(label.replace(/\(.*\)/, ''), department?.id ?? '');
      const [xlsx, docx] = await Promise.all([
        buildWorkbook(ctx, period, department),
        buildReportDoc(ctx, period, ctx.now, department),
      ]);
      return [
        {
          ...say(t.summary.filesSent(label)),
          files: [
            { filename: `tong-hop-thi-dua-${base}.xlsx`, data: xlsx },
            { filename: `bao-cao-thi-dua-${base}.docx`, data: docx },
          ],
        },
      ];
    }

    const s = summarise(ctx, period, department);
    const range = `${formatDay(period.start)} – ${formatDay(lastDay(period))}`;
    const dept = (id: string) => esc(departmentName(agency, id, t));
    const reply: Reply = say(
      t.summary.title(label, range),
      department && t.summary.department(esc(department.name)),
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
          esc(d.department.name),
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
              esc(m.member.fullName),
              dept(m.member.departmentId),
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
      t.summary.review(
        t.summary.modes[s.review.mode],
        s.review.approved,
        s.review.rejected,
        s.review.pending,
      ),
      t.summary.withdrawn(s.withdrawn.length),
      s.withdrawn.length > 0 &&
        t.summary.withdrawnCodes(
          s.withdrawn
            .slice(0, WITHDRAWN_CODES_SHOWN)
            .map((e) => e.code)
            .join(', ') + (s.withdrawn.length > WITHDRAWN_CODES_SHOWN ? ', …' : ''),
        ),
    );
    // A button under the summary fetches the same period's files.
    const again = ['/tonghop', periodWord ?? '', query, 'file'].filter(Boolean).join(' ');
    return [{ ...reply, choices: [{ label: t.summary.fileButton, command: again, keepsQuestion: true }] }];
  },
};
