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
import type { AgencyConfig, Department } from '../core/agency.js';
import { MODEL_STAGES } from '../core/domain.js';
import { formatDay, lastDay, type Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import { vi } from '../locales/vi.js';
import { departmentName } from './excel.js';
import { summarise } from './figures.js';
import { doc } from './vi.js';
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
const NO_BORDERS = {
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
 * on the right, number and symbol, place and date, title, numbered sections, signature block. Figures
 * come from the store; what a person must write is marked "[Cần bổ sung: …]".
 */
export async function buildReportDoc(
  ctx: { store: Repository; agency: AgencyConfig },
  period: Period,
  now: Date,
  department?: Department,
): Promise<Buffer> {
  const { agency } = ctx;
  const t = vi;
  const s = summarise(ctx, period, department);
  const r: AgencyConfig['report'] = agency.report;
  const label = vi.periodName(period);
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '0%');
  const kind = (k: 'deed' | 'task' | 'initiative') =>
    s.byKind.find((x) => x.kind === k) ?? { count: 0, points: 0 };

  const header = partyHeader(agency, now, `Số      -${r.symbol}`);

  const body: Paragraph[] = [
    para([run('BÁO CÁO', { bold: true, size: 32 })], 'center', false),
    para([run('Kết quả thực hiện công tác thi đua, khen thưởng', { bold: true })], 'center', false),
    ...(department ? [para([run(department.name, { bold: true })], 'center', false)] : []),
    para(
      [run(`${label} (từ ${formatDay(period.start)} đến ${formatDay(lastDay(period))})`, { bold: true })],
      'center',
      false,
    ),
    para([run('-----', { size: 28 })], 'center', false),
    para([
      run(
        `Thực hiện Kế hoạch phát động phong trào thi đua năm ${period.year} của ${agency.agency.name}, ` +
          `Văn phòng Ban tổng hợp kết quả thực hiện công tác thi đua, khen thưởng ${label}` +
          `${department ? ` của ${department.name}` : ''} như sau:`,
      ),
    ]),
    para([run('I. KẾT QUẢ THỰC HIỆN', { bold: true })], 'left', false),
    para([run('1. Kết quả ghi nhận phong trào thi đua', { bold: true })], 'left', false),
    para([
      run(
        doc.periodResults(department ? department.name : 'toàn cơ quan', s.total.count, s.total.points, [
          doc.kindPart('task', kind('task').count, kind('task').points, s.adhoc),
          doc.kindPart('initiative', kind('initiative').count, kind('initiative').points, s.it),
          doc.kindPart('deed', kind('deed').count, kind('deed').points),
        ]),
      ),
    ]),
    para([run(doc.participation(s.participants, s.members, pct(s.participants, s.members)))]),
    para([run('2. Kết quả theo từng phòng', { bold: true })], 'left', false),
    ...s.departments.map((d) =>
      para([
        run(
          d.entries === 0
            ? `- ${d.department.name}: chưa có nội dung được ghi nhận (${d.members} người).`
            : `- ${d.department.name}: ${d.entries} nội dung, ${d.points} điểm, bình quân ${t.number(d.perMember)} điểm/người; ` +
                `${d.participants}/${d.members} người tham gia (${pct(d.participants, d.members)}).`,
        ),
      ]),
    ),
    para([run('3. Cá nhân tiêu biểu', { bold: true })], 'left', false),
    ...(s.top.length
      ? s.top.map((m) =>
          para([
            run(
              `- ${m.member.fullName} (${departmentName(agency, m.member.departmentId)}): ${m.points} điểm, ${m.entries} nội dung.`,
            ),
          ]),
        )
      : [para([run('- Chưa có cá nhân được ghi nhận trong kỳ.')])]),
    para(
      [run('4. Công tác phát hiện, bồi dưỡng, tổng kết, nhân rộng điển hình tiên tiến', { bold: true })],
      'left',
      false,
    ),
    para([
      run(
        s.models.list.length === 0
          ? 'Trong kỳ, chưa có điển hình tiên tiến được đề xuất hoặc chuyển giai đoạn.'
          : `Trong kỳ, có ${s.models.list.length} điển hình tiên tiến được đề xuất hoặc chuyển giai đoạn; ` +
              'đến cuối kỳ: ' +
              MODEL_STAGES.filter((st) => s.models.byStage[st] > 0)
                .map((st) => `${s.models.byStage[st]} ở giai đoạn ${t.models.stages[st].toLowerCase()}`)
                .join(', ') +
              '.',
      ),
    ]),
    para([run('5. Công tác xét duyệt của Hội đồng Thi đua – Khen thưởng', { bold: true })], 'left', false),
    para([
      run(
        `${doc.councilWork(s.review.approved, s.review.rejected, s.review.pending, s.withdrawn.length)} ` +
          `Cách tính điểm: ${t.summary.modes[s.review.mode]}.`,
      ),
    ]),
    para([run('II. ĐÁNH GIÁ CHUNG', { bold: true })], 'left', false),
    para([run('1. Ưu điểm', { bold: true })], 'left', false),
    toWrite('đánh giá ưu điểm'),
    para([run('2. Hạn chế, nguyên nhân', { bold: true })], 'left', false),
    toWrite('hạn chế và nguyên nhân'),
    para([run('III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI', { bold: true })], 'left', false),
    toWrite('phương hướng, nhiệm vụ'),
    para([run('IV. ĐỀ XUẤT, KIẾN NGHỊ', { bold: true })], 'left', false),
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
