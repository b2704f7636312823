import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { AgencyConfig, Department } from '../../bot/config.js';
import type { CommandContext } from '../../core/context.js';
import { formatDay, lastDay, type Period } from '../../core/periods.js';
import {
  counts,
  departmentAt,
  entryState,
  isPending,
  membersAt,
  rankDepartments,
  rankMembers,
} from '../../core/scoring.js';
import { fold } from '../../core/text.js';
import { type Entry, MODEL_STAGES, type ModelExample, type ModelStage } from '../../storage/schema.js';
import { departmentName } from './common.js';
import { modelsOf, summarise } from './summary.js';

type ReportContext = Pick<CommandContext, 't' | 'store' | 'agency'>;

/** A file name in plain ASCII: `tong-hop-thi-dua-thang-11-2026.xlsx`. */
export function fileName(...parts: string[]): string {
  return fold(parts.join(' '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const VN_OFFSET_MS = 7 * 3_600_000;
/**
 * Excel dates have no time zone: exceljs writes a Date's UTC fields, so the instant is shifted by
 * Vietnam's fixed UTC+7 to show the local date and time.
 */
const excelDate = (iso: string) => new Date(Date.parse(iso) + VN_OFFSET_MS);
const DATE_TIME = 'dd/mm/yyyy hh:mm';
const DATE = 'dd/mm/yyyy';

interface Column {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

function sheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  for (const [i, c] of columns.entries()) if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** Who made the decision in force (none once the Council reopened the entry), and a rejection's reason. */
function reviewerOf(ctx: ReportContext, entry: Entry) {
  const last = entry.history.findLast(
    (h) => h.action === 'approved' || h.action === 'rejected' || h.action === 'reopened',
  );
  const decision = last?.action === 'reopened' ? undefined : last;
  return {
    reviewer: decision ? (ctx.store.member(decision.by)?.fullName ?? decision.by) : '',
    reason: decision?.action === 'rejected' ? (decision.note ?? '') : '',
  };
}

function modelRows(
  ctx: ReportContext,
  models: readonly ModelExample[],
  stageOf: (m: ModelExample) => ModelStage | undefined,
) {
  const { t, store, agency } = ctx;
  return models.map((m) => {
    const s = m.subject;
    const subject =
      s.kind === 'department'
        ? departmentName(agency, s.departmentId, t)
        : s.kind === 'member'
          ? (store.member(s.memberId)?.fullName ?? s.memberId)
          : `${s.code} — ${store.member(store.entry(s.code)?.memberId ?? '')?.fullName ?? ''}`;
    const row: Record<string, unknown> = {
      no: m.no,
      kind: { entry: 'Việc làm, sáng kiến', member: 'Cá nhân', department: 'Tập thể' }[s.kind],
      subject,
      reason: m.reason,
      stage: t.models.stages[stageOf(m) ?? m.stage],
    };
    const stage = stageOf(m) ?? m.stage;
    const shown = MODEL_STAGES.slice(0, MODEL_STAGES.indexOf(stage) + 1);
    for (const stage of MODEL_STAGES) {
      const reached = shown.includes(stage) ? m.stages.find((x) => x.stage === stage) : undefined;
      row[stage] = reached ? excelDate(reached.at) : null;
    }
    return row;
  });
}

const MODEL_COLUMNS = (ctx: ReportContext): Column[] => [
  { header: 'Số', key: 'no', width: 6 },
  { header: 'Loại', key: 'kind', width: 16 },
  { header: 'Điển hình', key: 'subject', width: 34 },
  { header: 'Lý do đề xuất', key: 'reason', width: 50 },
  { header: 'Giai đoạn hiện tại', key: 'stage', width: 16 },
  ...MODEL_STAGES.map((stage) => ({
    header: `Ngày ${ctx.t.models.stages[stage].toLowerCase()}`,
    key: stage,
    width: 14,
    numFmt: DATE,
  })),
];

/** The period's Excel workbook: summary, departments, members, every entry, model examples. */
export async function buildWorkbook(
  ctx: ReportContext,
  period: Period,
  department?: Department,
): Promise<Buffer> {
  const { t, store, agency } = ctx;
  const s = summarise(ctx, period, department);
  const mode = agency.review.mode;
  const book = new ExcelJS.Workbook();
  book.creator = 'thidua-bot';
  book.created = new Date();

  const label = t.periodName(period);
  const summaryRows: [string, string | number][] = [
    ['Cơ quan', agency.agency.name],
    ['Kỳ', label],
    ['Từ ngày', formatDay(period.start)],
    ['Đến ngày', formatDay(lastDay(period))],
    ...(department ? ([['Phòng', department.name]] as [string, string][]) : []),
    ['Cách tính', t.summary.modes[mode]],
    ...s.byKind.flatMap(
      (k) =>
        [
          [`${t.kind[k.kind]} — số mục`, k.count],
          [`${t.kind[k.kind]} — điểm`, k.points],
        ] as [string, number][],
    ),
    ['Tổng số mục được tính', s.total.count],
    ['Tổng điểm', s.total.points],
    ['Nhiệm vụ phát sinh, đột xuất', s.adhoc],
    ['Mô hình ứng dụng CNTT', s.it],
    ['Số người tham gia', s.participants],
    ['Tổng số người', s.members],
    ['Mục đã duyệt', s.review.approved],
    ['Mục không duyệt', s.review.rejected],
    ['Mục chờ duyệt', s.review.pending],
    ['Mục đã rút', s.withdrawn.length],
    ['Điển hình tiên tiến', s.models.list.length],
  ];
  sheet(
    book,
    'Tổng hợp',
    [
      { header: 'Chỉ tiêu', key: 'label', width: 40 },
      { header: 'Giá trị', key: 'value', width: 40 },
    ],
    summaryRows.map(([label, value]) => ({ label, value })),
  );

  sheet(
    book,
    'Theo phòng',
    [
      { header: 'Hạng', key: 'rank', width: 7 },
      { header: 'Phòng', key: 'name', width: 34 },
      { header: 'Số người', key: 'members', width: 10 },
      { header: 'Người tham gia', key: 'participants', width: 14 },
      { header: 'Tỷ lệ tham gia', key: 'rate', width: 14, numFmt: '0%' },
      { header: 'Số mục', key: 'entries', width: 10 },
      { header: 'Điểm', key: 'points', width: 10 },
      { header: 'Điểm bình quân/người', key: 'perMember', width: 20, numFmt: '0.00' },
    ],
    s.departments.map((d) => ({
      rank: d.rank,
      name: d.department.name,
      members: d.members,
      participants: d.participants,
      rate: d.members ? d.participants / d.members : 0,
      entries: d.entries,
      points: d.points,
      perMember: d.perMember,
    })),
  );

  const inPeriod = store
    .entriesBetween(period.start, period.end)
    .filter((e) => !department || e.departmentId === department.id);
  sheet(
    book,
    'Theo cá nhân',
    [
      { header: 'Hạng', key: 'rank', width: 7 },
      { header: 'Họ và tên', key: 'name', width: 28 },
      { header: 'Phòng', key: 'dept', width: 30 },
      { header: 'Việc tốt', key: 'deed', width: 10 },
      { header: 'Nhiệm vụ hoàn thành', key: 'task', width: 12 },
      { header: 'Sáng kiến', key: 'initiative', width: 11 },
      { header: 'Số mục', key: 'entries', width: 10 },
      { header: 'Điểm', key: 'points', width: 10 },
    ],
    s.scores.map((m) => {
      const own = inPeriod.filter((e) => e.memberId === m.member.id && counts(e, mode));
      return {
        rank: m.rank || null,
        name: m.member.fullName,
        dept: departmentName(agency, departmentAt(m.member, period.end) ?? m.member.departmentId, t),
        deed: own.filter((e) => e.kind === 'deed').length,
        task: own.filter((e) => e.kind === 'task').length,
        initiative: own.filter((e) => e.kind === 'initiative').length,
        entries: m.entries,
        points: m.points,
      };
    }),
  );

  sheet(
    book,
    'Các mục',
    [
      { header: 'Mã', key: 'code', width: 9 },
      { header: 'Thời gian', key: 'at', width: 17, numFmt: DATE_TIME },
      { header: 'Loại', key: 'kind', width: 20 },
      { header: 'Nội dung', key: 'text', width: 60 },
      { header: 'Người được ghi nhận', key: 'member', width: 26 },
      { header: 'Phòng', key: 'dept', width: 30 },
      { header: 'Người báo', key: 'reporter', width: 26 },
      { header: 'Điểm', key: 'points', width: 8 },
      { header: 'Đột xuất', key: 'adhoc', width: 9 },
      { header: 'CNTT', key: 'it', width: 8 },
      { header: 'Trạng thái', key: 'status', width: 16 },
      { header: 'Được tính điểm', key: 'counted', width: 10 },
      { header: 'Người duyệt', key: 'reviewer', width: 26 },
      { header: 'Lý do không duyệt', key: 'reason', width: 30 },
      { header: 'Ảnh minh chứng', key: 'photo', width: 14 },
    ],
    inPeriod.map((e) => {
      const member = store.member(e.memberId);
      return {
        code: e.code,
        at: excelDate(e.at),
        kind: t.kind[e.kind],
        text: e.text,
        member: member?.fullName ?? e.memberId,
        dept: departmentName(agency, e.departmentId, t),
        reporter: store.member(e.reporterId)?.fullName ?? e.reporterId,
        points: e.points,
        adhoc: e.adhoc ? 'x' : '',
        it: e.it ? 'x' : '',
        status: t.states[entryState(e)],
        counted: t.yesNo(counts(e, mode)),
        ...reviewerOf(ctx, e),
        photo: e.photo ? 'có' : '',
      };
    }),
  );

  sheet(book, 'Điển hình', MODEL_COLUMNS(ctx), modelRows(ctx, s.models.list, s.models.stageOf));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The year-end review sheet: every member's and department's record, the Council's starting table. */
export async function buildReviewSheet(ctx: ReportContext, year: Period): Promise<Buffer> {
  const { t, store, agency } = ctx;
  const mode = agency.review.mode;
  const entries = store.entriesBetween(year.start, year.end);
  const yearModels = modelsOf(store, year);
  const models = yearModels.list;
  const book = new ExcelJS.Workbook();
  book.creator = 'thidua-bot';
  const modelsFor = (match: (m: ModelExample) => boolean) =>
    models
      .filter(match)
      .map((m) => `số ${m.no}: ${t.models.stages[yearModels.stageOf(m) ?? m.stage]}`)
      .join('; ');

  const scores = rankMembers(
    entries,
    membersAt(store.members, year.end).map((m) => m.member),
    mode,
  );
  sheet(
    book,
    'Cá nhân',
    [
      { header: 'Hạng', key: 'rank', width: 7 },
      { header: 'Họ và tên', key: 'name', width: 28 },
      { header: 'Phòng', key: 'dept', width: 30 },
      { header: 'Việc tốt', key: 'deed', width: 10 },
      { header: 'Nhiệm vụ hoàn thành', key: 'task', width: 12 },
      { header: 'Trong đó đột xuất', key: 'adhoc', width: 11 },
      { header: 'Sáng kiến', key: 'initiative', width: 11 },
      { header: 'Trong đó CNTT', key: 'it', width: 10 },
      { header: 'Số mục được tính', key: 'entries', width: 11 },
      { header: 'Điểm', key: 'points', width: 9 },
      { header: 'Đã duyệt', key: 'approved', width: 10 },
      { header: 'Không duyệt', key: 'rejected', width: 11 },
      { header: 'Chờ duyệt', key: 'pending', width: 10 },
      { header: 'Điển hình (giai đoạn)', key: 'models', width: 30 },
      { header: 'Hội đồng bình xét', key: 'council', width: 24 },
    ],
    scores.map((score) => {
      const own = entries.filter((e) => e.memberId === score.member.id);
      const counted = own.filter((e) => counts(e, mode));
      return {
        rank: score.rank || null,
        name: score.member.fullName,
        dept: departmentName(agency, departmentAt(score.member, year.end) ?? score.member.departmentId, t),
        deed: counted.filter((e) => e.kind === 'deed').length,
        task: counted.filter((e) => e.kind === 'task').length,
        adhoc: counted.filter((e) => e.kind === 'task' && e.adhoc).length,
        initiative: counted.filter((e) => e.kind === 'initiative').length,
        it: counted.filter((e) => e.kind === 'initiative' && e.it).length,
        entries: score.entries,
        points: score.points,
        approved: own.filter((e) => e.status === 'active' && e.review === 'approved').length,
        rejected: own.filter((e) => e.status === 'active' && e.review === 'rejected').length,
        pending: own.filter(isPending).length,
        models: modelsFor(
          (m) =>
            (m.subject.kind === 'member' && m.subject.memberId === score.member.id) ||
            (m.subject.kind === 'entry' && store.entry(m.subject.code)?.memberId === score.member.id),
        ),
        council: '',
      };
    }),
  );

  sheet(
    book,
    'Tập thể',
    [
      { header: 'Hạng', key: 'rank', width: 7 },
      { header: 'Phòng', key: 'name', width: 34 },
      { header: 'Số người', key: 'members', width: 10 },
      { header: 'Người tham gia', key: 'participants', width: 14 },
      { header: 'Số mục được tính', key: 'entries', width: 12 },
      { header: 'Điểm', key: 'points', width: 10 },
      { header: 'Điểm bình quân/người', key: 'perMember', width: 18, numFmt: '0.00' },
      { header: 'Mô hình CNTT', key: 'it', width: 12 },
      { header: 'Điển hình tập thể (giai đoạn)', key: 'models', width: 30 },
      { header: 'Hội đồng bình xét', key: 'council', width: 24 },
    ],
    rankDepartments(entries, store.members, agency.departments, mode, year.end).map((d) => ({
      rank: d.rank,
      name: d.department.name,
      members: d.members,
      participants: d.participants,
      entries: d.entries,
      points: d.points,
      perMember: d.perMember,
      it: entries.filter((e) => counts(e, mode) && e.it && e.departmentId === d.department.id).length,
      models: modelsFor((m) => m.subject.kind === 'department' && m.subject.departmentId === d.department.id),
      council: '',
    })),
  );
  sheet(book, 'Điển hình', MODEL_COLUMNS(ctx), modelRows(ctx, models, yearModels.stageOf));
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---- Word report draft ---------------------------------------------------------------------------

const FONT = 'Times New Roman';
const run = (
  text: string,
  extra: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: extra.size ?? 28,
    ...(extra.bold ? { bold: true } : {}),
    ...(extra.italics ? { italics: true } : {}),
    ...(extra.underline ? { underline: {} } : {}),
  });
const para = (children: TextRun[], align: 'left' | 'center' | 'right' | 'both' = 'both', indent = true) =>
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
const toWrite = (what: string) => para([run(`[Cần bổ sung: ${what}]`, { italics: true, bold: true })]);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function twoColumns(left: Paragraph[], right: Paragraph[], leftWidth = 45): Table {
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

/**
 * The draft of "Báo cáo kết quả thực hiện công tác thi đua, khen thưởng" for a period, laid out as a
 * Party document (Hướng dẫn 36-HD/VPTW): the body's name block on the left, "ĐẢNG CỘNG SẢN VIỆT NAM"
 * on the right, number and symbol, place and date, title, numbered sections, signature block. Figures
 * come from the store; what a person must write is marked "[Cần bổ sung: …]".
 */
export async function buildReportDoc(
  ctx: ReportContext,
  period: Period,
  now: Date,
  department?: Department,
): Promise<Buffer> {
  const { t, agency } = ctx;
  const s = summarise(ctx, period, department);
  const r: AgencyConfig['report'] = agency.report;
  const label = t.periodName(period);
  const [day, month, year] = formatDay(now).split('/');
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '0%');
  const kind = (k: 'deed' | 'task' | 'initiative') =>
    s.byKind.find((x) => x.kind === k) ?? { count: 0, points: 0 };

  const header = twoColumns(
    [
      para([run(r.superior.toUpperCase(), { size: 28 })], 'center', false),
      para([run(r.body.toUpperCase(), { bold: true })], 'center', false),
      para([run('*', { size: 28 })], 'center', false),
      para([run(`Số      -${r.symbol}`, { size: 28 })], 'center', false),
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
        `Trong kỳ, ${department ? department.name : 'toàn cơ quan'} ghi nhận ${s.total.count} mục với tổng số ${s.total.points} điểm, gồm: ` +
          `${kind('deed').count} việc tốt (${kind('deed').points} điểm); ` +
          `${kind('task').count} nhiệm vụ hoàn thành (${kind('task').points} điểm), trong đó ${s.adhoc} nhiệm vụ phát sinh, đột xuất; ` +
          `${kind('initiative').count} sáng kiến, mô hình mới, cách làm sáng tạo (${kind('initiative').points} điểm), ` +
          `trong đó ${s.it} mô hình ứng dụng công nghệ thông tin.`,
      ),
    ]),
    para([
      run(
        `Có ${s.participants}/${s.members} cán bộ, công chức, người lao động có ít nhất một mục được ghi nhận ` +
          `(đạt ${pct(s.participants, s.members)}).`,
      ),
    ]),
    para([run('2. Kết quả theo từng phòng', { bold: true })], 'left', false),
    ...s.departments.map((d) =>
      para([
        run(
          `- ${d.department.name}: ${d.entries} mục, ${d.points} điểm, bình quân ${t.number(d.perMember)} điểm/người; ` +
            `${d.participants}/${d.members} người tham gia (${pct(d.participants, d.members)}).`,
        ),
      ]),
    ),
    para([run('3. Cá nhân tiêu biểu', { bold: true })], 'left', false),
    ...(s.top.length
      ? s.top.map((m) =>
          para([
            run(
              `- ${m.member.fullName} (${departmentName(agency, m.member.departmentId, t)}): ${m.points} điểm, ${m.entries} mục.`,
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
        `Hội đồng đã duyệt ${s.review.approved} mục, không duyệt ${s.review.rejected} mục; ` +
          `${s.review.pending} mục đang chờ duyệt; ${s.withdrawn.length} mục do người ghi rút lại. ` +
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
      para([run('')], 'center', false),
      para([run('')], 'center', false),
      para([run(r.signer || '[Cần bổ sung: người ký]', { bold: true })], 'center', false),
    ],
    50,
  );

  const doc = new Document({
    creator: 'thidua-bot',
    title: `Báo cáo kết quả thực hiện công tác thi đua, khen thưởng ${label}`,
    sections: [
      {
        properties: {
          // A4, margins of the Party's document format: top/bottom 20 mm, left 30 mm, right 15 mm.
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        children: [header, ...body, signature],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
