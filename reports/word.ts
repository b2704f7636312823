import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type AgencyConfig, type Department, departmentName } from '../core/agency.js';
import type { Entry, TitleSubject } from '../core/domain.js';
import { MODEL_STAGES } from '../core/domain.js';
import { summarise, withdrawnBy } from '../core/figures.js';
import { countedUntil, formatDay, lastDay, type Period } from '../core/periods.js';
import { type Plan, planProgress, progressAsOf } from '../core/plan.js';
import type { RepositoryReads } from '../core/repository.js';
import type { MemberScore } from '../core/scoring.js';
import { vi } from '../locales/vi.js';
import { capitalise, doc } from './vi.js';
import { packWord, xmlSafe } from './xml-text.js';

/*
 * The Word report draft. Its sentences are written here in Vietnamese on purpose: it is a document of
 * a Vietnamese Party body, whatever the language of the admin who asked for it.
 */

const FONT = 'Times New Roman';
/** A run of Times New Roman, 14 pt unless told (sizes in half-points); exported for the other Word drafts. */
export const run = (
  text: string,
  extra: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {},
) =>
  new TextRun({
    text: xmlSafe(text),
    font: FONT,
    size: extra.size ?? 28,
    ...(extra.bold ? { bold: true } : {}),
    ...(extra.italics ? { italics: true } : {}),
    ...(extra.underline ? { underline: {} } : {}),
  });
/** A paragraph: justified with a first-line indent unless aligned otherwise. */
export const para = (
  children: TextRun[],
  align: 'left' | 'center' | 'right' | 'both' = 'both',
  indent = true,
) =>
  new Paragraph({
    children,
    alignment:
      align === 'center'
        ? AlignmentType.CENTER
        : align === 'right'
          ? AlignmentType.RIGHT
          : align === 'left'
            ? AlignmentType.LEFT
            : AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 312 },
    ...(indent && align === 'both' ? { indent: { firstLine: 567 } } : {}),
  });
/** A place a person must write in, marked so it cannot be missed. */
export const toWrite = (what: string) => para([run(`[Cần bổ sung: ${what}]`, { italics: true, bold: true })]);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
/** A table without borders, inside or out. */
export const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** Two borderless columns: the header's name blocks, the signature blocks. */
export function twoColumns(left: Paragraph[], right: Paragraph[], leftWidth = 45): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: left,
            width: { size: leftWidth, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
          }),
          new TableCell({
            children: right,
            width: { size: 100 - leftWidth, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
          }),
        ],
      }),
    ],
  });
}

// A4, margins of the Party's document format: top/bottom 20 mm, left 30 mm, right 15 mm.
export const PAGE = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567 },
  },
  // The first page has its own (empty) header: pages are numbered from the second (Hướng dẫn 36-HD/VPTW).
  titlePage: true,
} as const;

/**
 * One section of a Party document: A4 with the Party's margins, the page number in Arabic figures at the
 * top centre from page 2 on (none on the first page), as Party documents number their pages.
 */
export function partySection(children: (Paragraph | Table)[]) {
  return {
    properties: PAGE,
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
          }),
        ],
      }),
      first: new Header({ children: [] }),
    },
    children,
  };
}

/**
 * The room a signer needs between their title and their name: the signature and, over its left part,
 * the round seal (about 3.5 cm).
 */
export const signatureRoom = () => new Paragraph({ spacing: { before: 1984 }, children: [] });

/**
 * The header of a Party document (Hướng dẫn 36-HD/VPTW): the superior body and the body on the left
 * (with the number and symbol line, if any), "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the right.
 */
export function partyHeader(agency: AgencyConfig, now: Date, numberLine?: string): Table {
  const r = agency.report;
  const [day, month, year] = formatDay(now).split('/');
  return twoColumns(
    [
      para([run(r.superior.toUpperCase(), { size: 28 })], 'center', false),
      para([run(r.body.toUpperCase(), { bold: true })], 'center', false),
      para([run('*', { size: 28 })], 'center', false),
      ...(numberLine ? [para([run(numberLine, { size: 28 })], 'center', false)] : []),
    ],
    [
      para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 })], 'center', false),
      para(
        [run(`${agency.agency.place}, ngày ${day} tháng ${month} năm ${year}`, { italics: true })],
        'center',
        false,
      ),
    ],
  );
}

/**
 * The draft of "Báo cáo kết quả thực hiện công tác thi đua, khen thưởng" for a period, laid out as a
 * Party document (Hướng dẫn 36-HD/VPTW): the body's name block on the left, "ĐẢNG CỘNG SẢN VIỆT NAM"
 * on the right, number and symbol, place and date, title, numbered sections, signature block. It speaks
 * for the Ban, which signs it. Figures come from the store (a period not over yet says up to when they
 * are counted); the plan's targets with the figures /kehoach computes (core/plan.ts), those that are
 * not the plan's own marked; commendation results from the award decisions on record (a marked blank
 * until there are any); "cá nhân tiêu biểu" by the rule in the agency's settings, stated in the text.
 * What a person must write is marked "[Cần bổ sung: …]".
 */
export async function buildReportDoc(
  ctx: { store: RepositoryReads; agency: AgencyConfig },
  period: Period,
  now: Date,
  department?: Department,
  plan?: Plan,
): Promise<Buffer> {
  const { agency } = ctx;
  const t = vi;
  const s = summarise(ctx, period, department);
  const r: AgencyConfig['report'] = agency.report;
  const label = vi.periodName(period);
  const until = countedUntil(period, now);
  const asOf = until && formatDay(until);
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '0%');
  const kind = (k: 'deed' | 'task' | 'initiative') =>
    s.byKind.find((x) => x.kind === k) ?? { count: 0, points: 0 };
  const when = asOf ? `Từ đầu kỳ đến ngày ${asOf}` : 'Trong kỳ';
  const scope = department ? department.name : 'toàn cơ quan';

  const header = partyHeader(agency, now, `Số      -${r.symbol}`);
  const heading = (text: string) => para([run(text, { bold: true })], 'left', false);
  const line = (text: string) => para([run(text)]);

  const outstanding = outstandingMembers(s.scores, s.all, agency.report.outstanding);
  const withdrawn = withdrawnBy(s.withdrawn);
  const planPart = plan && plan.year === period.year ? planLines(ctx, plan, period, now) : undefined;
  const awards = awardLines(ctx, period.year, department);

  const body: Paragraph[] = [
    para([run('BÁO CÁO', { bold: true, size: 32 })], 'center', false),
    para([run('Kết quả thực hiện công tác thi đua, khen thưởng', { bold: true })], 'center', false),
    ...(department ? [para([run(department.name, { bold: true })], 'center', false)] : []),
    para(
      [
        run(
          `${capitalise(label)} (${doc.periodWords(formatDay(period.start), formatDay(lastDay(period)), asOf)})`,
          {
            bold: true,
          },
        ),
      ],
      'center',
      false,
    ),
    para([run('-----', { size: 28 })], 'center', false),
    line(
      `Thực hiện ${plan && plan.year === period.year ? plan.title : `Kế hoạch phát động phong trào thi đua năm ${period.year}`}, ` +
        `${agency.agency.name} báo cáo kết quả thực hiện công tác thi đua, khen thưởng ${label}` +
        `${department ? ` của ${department.name}` : ''} như sau:`,
    ),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Kết quả ghi nhận phong trào thi đua'),
    line(
      doc.counted(scope, when, s.total.count, s.total.points, [
        doc.kindPart('task', kind('task').count, kind('task').points, s.adhoc),
        doc.kindPart('initiative', kind('initiative').count, kind('initiative').points, s.it),
        doc.kindPart('deed', kind('deed').count, kind('deed').points),
      ]),
    ),
    line(doc.participation(s.participants, s.members, pct(s.participants, s.members))),
    heading('2. Kết quả theo từng phòng'),
    ...s.departments.map((d) =>
      line(
        d.entries === 0
          ? `- ${d.department.name}: chưa có nội dung được ghi nhận (${d.members} người).`
          : `- ${d.department.name}: ${d.entries} nội dung, ${d.points} điểm, bình quân ${t.number(d.perMember)} điểm/người; ` +
              `${d.participants}/${d.members} người tham gia (${pct(d.participants, d.members)}).`,
      ),
    ),
    heading('3. Cá nhân tiêu biểu'),
    line(doc.outstandingRule(agency.report.outstanding)),
    ...(outstanding.length
      ? outstanding.map((m) =>
          line(
            `- Đồng chí ${m.member.fullName} (${departmentName(agency, m.member.departmentId, vi)}): ${m.points} điểm, ${m.entries} nội dung.`,
          ),
        )
      : [line('- Chưa có cá nhân đáp ứng quy tắc trên trong kỳ.')]),
    heading('4. Kết quả thực hiện các chỉ tiêu của Kế hoạch'),
    ...(planPart ?? [
      line(`Kỳ báo cáo không thuộc năm của kế hoạch thi đua đang theo dõi; không có số liệu chỉ tiêu.`),
    ]),
    heading('5. Công tác phát hiện, bồi dưỡng, tổng kết, nhân rộng điển hình tiên tiến'),
    line(
      s.models.list.length === 0
        ? `${when}, chưa có điển hình tiên tiến được đề xuất hoặc chuyển giai đoạn.`
        : `${when}, có ${s.models.list.length} điển hình tiên tiến được đề xuất hoặc chuyển giai đoạn; ` +
            `${asOf ? `đến ngày ${asOf}` : 'đến cuối kỳ'}: ` +
            MODEL_STAGES.filter((st) => s.models.byStage[st] > 0)
              .map((st) => `${s.models.byStage[st]} ở giai đoạn ${t.models.stages[st].toLowerCase()}`)
              .join(', ') +
            '.',
    ),
    heading('6. Xét duyệt các nội dung ghi nhận'),
    line(
      doc.reviewWork(
        when,
        s.review.approved,
        s.review.rejected,
        s.review.pending,
        withdrawn.reporter,
        withdrawn.admin,
      ),
    ),
    line(`Cách tính điểm: ${doc.modes[s.review.mode]}.`),
    heading('7. Kết quả khen thưởng'),
    ...awards,
    heading('II. ĐÁNH GIÁ CHUNG'),
    heading('1. Ưu điểm'),
    toWrite('đánh giá ưu điểm'),
    heading('2. Hạn chế, nguyên nhân'),
    toWrite('hạn chế và nguyên nhân'),
    heading('III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    toWrite('phương hướng, nhiệm vụ'),
    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    toWrite('đề xuất, kiến nghị (nếu có)'),
  ];

  const signature = twoColumns(
    [
      para([run('Nơi nhận:', { bold: true, underline: true, size: 24 })], 'left', false),
      ...r.recipients.map((x) => para([run(`- ${x}`, { size: 22 })], 'left', false)),
    ],
    [
      ...r.signatureTitle.map((line) => para([run(line, { bold: true })], 'center', false)),
      signatureRoom(),
      para([run(r.signer || '[Cần bổ sung: người ký]', { bold: true })], 'center', false),
    ],
    50,
  );

  const document = new Document({
    creator: 'thidua-bot',
    title: xmlSafe(`Báo cáo kết quả thực hiện công tác thi đua, khen thưởng ${label}`),
    sections: [partySection([header, ...body, signature])],
  });
  return packWord(document);
}

/**
 * The members the report names "tiêu biểu": among those with an approved entry in the period, ranked
 * by points, the `count` best or the best `percent` (rounded down, at least one); whoever ties with the
 * last one picked is kept.
 */
export function outstandingMembers(
  scores: readonly MemberScore[],
  entries: readonly Entry[],
  rule: AgencyConfig['report']['outstanding'],
): MemberScore[] {
  const approved = new Set(
    entries.filter((e) => e.status === 'active' && e.review === 'approved').map((e) => e.memberId),
  );
  const eligible = scores.filter((m) => m.rank > 0 && approved.has(m.member.id));
  const n =
    rule.rule === 'top' ? rule.count : Math.max(1, Math.floor((eligible.length * rule.percent) / 100));
  if (eligible.length <= n) return eligible;
  const last = (eligible[n - 1] as MemberScore).points;
  return eligible.filter((m, i) => i < n || m.points === last);
}

/** The plan's targets as /kehoach measures them, up to the period's end (or now, if sooner). */
function planLines(
  ctx: { store: RepositoryReads; agency: AgencyConfig },
  plan: Plan,
  period: Period,
  now: Date,
): Paragraph[] {
  const at = new Date(Math.min(now.getTime(), period.end.getTime() - 1));
  const until = progressAsOf(plan, at);
  const progress = planProgress({ ...ctx, plan }, at);
  return [
    para([
      run(
        `Số liệu ghi nhận của năm ${plan.year}, ${until ? `tính đến ngày ${formatDay(until)}` : 'cả năm'}, ` +
          'đối chiếu với các chỉ tiêu của Kế hoạch và các mức tham chiếu (mức tham chiếu không phải chỉ tiêu của Kế hoạch):',
      ),
    ]),
    ...progress.map((p) =>
      para([
        run(
          `- ${doc.planTargetTitle(p.target.title, p.target.source)}: ` +
            `${p.whole !== undefined ? `${p.count}/${p.whole} (${Math.round(p.value)}%)` : `${p.count}/${p.target.goal}`}` +
            ` — ${doc.planStates[p.state]}.`,
        ),
      ]),
    ),
  ];
}

/**
 * Commendation results: the award decisions on record for the year (of the department's members and
 * the department, in a department's report); a marked blank while there are none.
 */
function awardLines(
  ctx: { store: RepositoryReads; agency: AgencyConfig },
  year: number,
  department?: Department,
): Paragraph[] {
  const { store } = ctx;
  const inScope = (subject: TitleSubject) =>
    !department ||
    (subject.kind === 'department'
      ? subject.departmentId === department.id
      : store.member(subject.memberId)?.departmentId === department.id);
  const awards = store.awards
    .filter((a) => a.status === 'active' && a.year === year)
    .map((a) => ({ award: a, recipients: a.recipients.filter((r) => inScope(r.subject)) }))
    .filter((a) => a.recipients.length > 0);
  if (awards.length === 0)
    return [toWrite(`kết quả khen thưởng năm ${year} (chưa có quyết định khen thưởng nào được ghi nhận)`)];
  return awards.map(({ award, recipients }) => {
    const names = recipients.map((r) =>
      r.subject.kind === 'member'
        ? `đồng chí ${store.member(r.subject.memberId)?.fullName ?? r.subject.memberId}`
        : (ctx.agency.departments.find((d) => d.id === (r.subject as { departmentId: string }).departmentId)
            ?.name ?? r.subject.departmentId),
    );
    const d = award.decision;
    return para([
      run(
        `- ${award.name} năm ${award.year} (Quyết định số ${d.number} ngày ${d.date.split('-').reverse().join('/')} của ${d.body}): ` +
          `${names.join('; ')}.`,
      ),
    ]);
  });
}
