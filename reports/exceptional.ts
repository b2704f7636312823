import { asSentence, printable, printableFrom } from '../core/document-text.js';
import { subjectDepartment } from '../core/nominations.js';
import { formatDay } from '../core/periods.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  type Block,
  COUNCIL_UNIT,
  type CouncilDocSource,
  councilSubmissionClose,
  docHeader,
  docTitle,
  gap,
  heading,
  line,
  packDoc,
  section,
  signatures,
  table,
  text,
} from './council-doc.js';
import { councilDoc } from './council-vi.js';
import { para, run } from './word.js';

/*
 * Khen thưởng đột xuất: the Council's tờ trình to the Trưởng Ban proposing a Giấy khen for an
 * exceptional achievement the Council marked (/dotxuat), and the short achievement report (báo cáo
 * tóm tắt thành tích) that goes with it. The achievement is told in words, with its date; the entry
 * code only in the list's last column, for the Office.
 */

function marked(source: CouncilDocSource, code: string) {
  const entry = source.store.entry(code);
  const mark = source.store.council.marks.find((m) => m.code === code && m.kind === 'exceptional');
  const member = entry ? source.store.member(entry.memberId) : undefined;
  const dept = member ? subjectDepartment(source, { kind: 'member', memberId: member.id }) : undefined;
  return {
    entry,
    /** The achievement as the entry tells it, printable (reports/document-text.ts). */
    told: printableFrom(source.store)(entry?.text ?? ''),
    reason: printable(mark?.reason ?? ''),
    name: member?.fullName ?? '',
    department: source.agency.departments.find((d) => d.id === dept)?.name ?? '',
  };
}

export async function buildExceptionalProposal(
  source: CouncilDocSource,
  args: CouncilDocArgs & { codes: string[] },
): Promise<Buffer> {
  const { agency } = source;
  const { council, now } = args;
  const items = args.codes.map((c) => marked(source, c)).filter((m) => m.entry);
  const signer =
    council.members.find((m) => m.role === 'viceChair') ?? council.members.find((m) => m.role === 'standing');
  const body: Block[] = [
    docHeader(agency, now, { unit: COUNCIL_UNIT, numberLine: 'Số        -TTr/HĐTĐKT' }),
    ...docTitle('TỜ TRÌNH', 'Về việc đề nghị tặng Giấy khen (khen thưởng đột xuất)'),
    para([run(`Kính gửi: Đồng chí Trưởng ${agency.agency.name}`, { bold: true })], 'center', false),
    text('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'),
    text(
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
    ),
    text(
      `Xét thành tích đột xuất của ${items.length === 1 ? 'cá nhân' : 'các cá nhân'} dưới đây, Hội đồng Thi đua – Khen thưởng kính trình Trưởng Ban xem xét, tặng Giấy khen (theo thẩm quyền tại khoản 1 Điều 80 Luật Thi đua, khen thưởng năm 2022) cho:`,
    ),
    ...items.map((m, i) =>
      text(
        `${i + 1}. Đồng chí ${m.name}, ${m.department}: ${m.told} (ngày ${formatDay(new Date(m.entry?.at ?? 0))}). ${m.reason ? `Hội đồng đánh giá: ${asSentence(m.reason)}` : ''}`,
      ),
    ),
    text('Kèm theo: báo cáo tóm tắt thành tích của cá nhân được đề nghị.'),
    ...councilSubmissionClose(signer),
  ];
  return packDoc('Tờ trình đề nghị khen thưởng đột xuất', [section(body)]);
}

export async function buildExceptionalReport(
  source: CouncilDocSource,
  args: CouncilDocArgs & { code: string },
): Promise<Buffer> {
  const { agency } = source;
  const { now } = args;
  const m = marked(source, args.code);
  const body: Block[] = [
    docHeader(agency, now),
    ...docTitle('BÁO CÁO TÓM TẮT THÀNH TÍCH', 'Đề nghị tặng Giấy khen (khen thưởng đột xuất)'),
    heading('I. SƠ LƯỢC LÝ LỊCH'),
    line(`- Họ và tên: ${m.name}`),
    line(`- Đơn vị công tác: ${m.department}, ${agency.agency.name}`),
    line(`- Chức vụ: ${councilDoc.toWrite('chức vụ')}`),
    heading('II. THÀNH TÍCH ĐỘT XUẤT'),
    text(`Ngày ${formatDay(new Date(m.entry?.at ?? 0))}: ${asSentence(m.told)}`),
    ...(m.reason ? [text(`Hội đồng Thi đua – Khen thưởng đánh giá: ${asSentence(m.reason)}`)] : []),
    text(councilDoc.toWrite('kết quả, tác dụng, ý nghĩa của thành tích')),
    table(
      ['Nội dung', 'Ngày', 'Mã trên hệ thống'],
      [[m.told, formatDay(new Date(m.entry?.at ?? 0)), m.entry?.code ?? '']],
      [64, 16, 20],
      {
        center: [1, 2],
      },
    ),
    gap(),
    signatures(
      { titles: ['THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN', '(Ký, đóng dấu)'] },
      { titles: ['NGƯỜI BÁO CÁO', '(Ký, ghi rõ họ và tên)'], name: m.name },
    ),
  ];
  return packDoc('Báo cáo tóm tắt thành tích đột xuất', [section(body)]);
}
