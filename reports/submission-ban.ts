import type { Meeting } from '../core/council-records.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  annexHeading,
  type Block,
  COUNCIL_UNIT,
  type CouncilDocSource,
  councilSubmissionClose,
  docHeader,
  docTitle,
  meetingDay,
  packDoc,
  pageBreak,
  section,
  text,
} from './council-doc.js';
import { annexTable, carriedAt, countOf, viceChairOf } from './council-outcome.js';
import { councilDoc } from './council-vi.js';
import { para, run } from './word.js';

/*
 * Tờ trình of the Council to the Trưởng Ban, for the titles and forms the Ban decides itself (Luật Thi
 * đua, khen thưởng 2022, khoản 1 Điều 80: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động
 * tiên tiến, Giấy khen): the basis, the meeting and its votes, what the Council proposes, the lists
 * annexed. The first paper of the dossier (Luật 2022 Điều 84 khoản 1 điểm a).
 */

export async function buildSubmissionBan(
  source: CouncilDocSource,
  args: CouncilDocArgs & { meetingNo: number },
): Promise<Buffer> {
  const { store, agency } = source;
  const { council, year, now } = args;
  const meeting = store.council.meeting(args.meetingNo) as Meeting;
  const carried = carriedAt(source, args, meeting, 'ban');
  const signer = viceChairOf(meeting);
  const body: Block[] = [
    docHeader(agency, now, { unit: COUNCIL_UNIT, numberLine: 'Số        -TTr/HĐTĐKT' }),
    ...docTitle('TỜ TRÌNH', `Về việc đề nghị công nhận danh hiệu thi đua và khen thưởng năm ${year}`),
    para([run(`Kính gửi: Đồng chí Trưởng ${agency.agency.name}`, { bold: true })], 'center', false),
    text('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'),
    text(
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
    ),
    ...council.province.basis.map((b) => text(`Căn cứ ${b};`)),
    text(`Căn cứ kết quả họp bình xét của Hội đồng Thi đua – Khen thưởng ngày ${meetingDay(meeting)},`),
    text(
      `Hội đồng Thi đua – Khen thưởng kính trình Trưởng Ban xem xét, quyết định (theo thẩm quyền tại khoản 1 Điều 80 Luật Thi đua, khen thưởng năm 2022):`,
    ),
  ];
  if (carried.length === 0)
    body.push(
      text('Không có trường hợp đạt tỷ lệ phiếu đồng ý theo quy định để trình Trưởng Ban quyết định.'),
    );
  for (const [i, c] of carried.entries()) {
    body.push(
      text(
        `${i + 1}. ${c.award.kind === 'title' ? 'Công nhận danh hiệu' : 'Tặng'} “${c.award.name}” năm ${year} cho ${countOf(c)} (có danh sách kèm theo).`,
      ),
    );
  }
  body.push(
    text(
      'Các trường hợp đề nghị đã được Hội đồng bình xét, biểu quyết tại phiên họp; hồ sơ gồm biên bản họp Hội đồng, biên bản kiểm phiếu (đối với danh hiệu bỏ phiếu kín), báo cáo thành tích của cá nhân, tập thể.',
    ),
    ...councilSubmissionClose(signer),
  );
  for (const c of carried) {
    body.push(
      pageBreak(),
      ...annexHeading(
        `DANH SÁCH ĐỀ NGHỊ ${c.award.kind === 'title' ? 'CÔNG NHẬN DANH HIỆU' : 'TẶNG'} “${c.award.name.toUpperCase()}” NĂM ${year}`,
        `(Kèm theo Tờ trình số      -TTr/HĐTĐKT ngày ${councilDoc.toWrite('ngày')} của Hội đồng Thi đua – Khen thưởng)`,
      ),
      annexTable(c, true),
    );
  }
  return packDoc(`Tờ trình đề nghị khen thưởng năm ${year}`, [section(body)]);
}
