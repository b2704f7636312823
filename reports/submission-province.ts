import type { Meeting } from '../core/council-records.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  annexHeading,
  type Block,
  type CouncilDocSource,
  docHeader,
  docTitle,
  heading,
  meetingDay,
  packDoc,
  pageBreak,
  recipientsAndSignature,
  section,
  text,
} from './council-doc.js';
import { annexTable, carriedAt, countOf } from './council-outcome.js';
import { councilDoc } from './council-vi.js';
import { para, run } from './word.js';

/*
 * Tờ trình of the Ban to the Chủ tịch UBND tỉnh (through Sở Nội vụ) for what only the province gives
 * (Tập thể lao động xuất sắc, Bằng khen, Chiến sĩ thi đua cấp tỉnh): the căn cứ, the Council's meeting
 * and votes, what the Ban PROPOSES — never decides —, the lists annexed, the dossier enclosed.
 */

export async function buildSubmissionProvince(
  source: CouncilDocSource,
  args: CouncilDocArgs & { meetingNo: number },
): Promise<Buffer> {
  const { store, agency } = source;
  const { council, year, now } = args;
  const meeting = store.council.meeting(args.meetingNo) as Meeting;
  const carried = carriedAt(source, args, meeting, 'province');
  const r = agency.report;
  const body: Block[] = [
    docHeader(agency, now, {
      numberLine: `Số        -TTr/${r.symbol.split('/').at(-1) ?? agency.agency.shortName}`,
    }),
    ...docTitle('TỜ TRÌNH', `Về việc đề nghị khen thưởng năm ${year}`),
    para([run('Kính gửi:', { bold: true })], 'left', false),
    para([run(`- ${council.province.decider};`, { bold: true })], 'left', false),
    para([run(`- ${council.province.through}.`, { bold: true })], 'left', false),
    text('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'),
    text(
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
    ),
    ...council.province.basis.map((b) => text(`Căn cứ ${b};`)),
    text(
      `Căn cứ kết quả bình xét, bỏ phiếu của Hội đồng Thi đua – Khen thưởng ${agency.agency.name} ngày ${meetingDay(meeting)},`,
    ),
    text(`${agency.agency.name} kính đề nghị ${council.province.decider} xem xét, khen thưởng:`),
  ];
  if (carried.length === 0)
    body.push(
      text('Không có trường hợp đạt tỷ lệ phiếu đồng ý theo quy định để đề nghị cấp tỉnh khen thưởng.'),
    );
  for (const [i, c] of carried.entries())
    body.push(text(`${i + 1}. “${c.award.name}” năm ${year} cho ${countOf(c)} (có danh sách kèm theo).`));
  body.push(
    heading('Hồ sơ kèm theo'),
    text(
      '- Báo cáo thành tích của từng cá nhân, tập thể được đề nghị (có xác nhận của cấp trình khen thưởng);',
    ),
    text('- Biên bản họp Hội đồng Thi đua – Khen thưởng và biên bản kiểm phiếu;'),
    text(`- ${councilDoc.toWrite('các giấy tờ khác theo hướng dẫn của Sở Nội vụ, nếu có')}.`),
    text(`Kính đề nghị ${council.province.decider} xem xét, quyết định./.`),
    recipientsAndSignature(['Như trên,', 'Lãnh đạo Ban,', `Lưu Văn phòng ${agency.agency.shortName}.`], {
      titles: [...r.signatureTitle],
      ...(r.signer ? { name: r.signer } : {}),
    }),
  );
  for (const c of carried) {
    body.push(
      pageBreak(),
      ...annexHeading(
        `DANH SÁCH ĐỀ NGHỊ TẶNG “${c.award.name.toUpperCase()}” NĂM ${year}`,
        `(Kèm theo Tờ trình số      -TTr ngày ${councilDoc.toWrite('ngày')} của ${agency.agency.name})`,
      ),
      annexTable(c, true),
    );
  }
  return packDoc(`Tờ trình đề nghị khen thưởng cấp tỉnh năm ${year}`, [section(body)]);
}
