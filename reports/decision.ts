import type { Meeting } from '../core/council-records.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  annexHeading,
  type Block,
  type CouncilDocSource,
  docHeader,
  docTitle,
  meetingDay,
  packDoc,
  pageBreak,
  recipientsAndSignature,
  section,
  text,
} from './council-doc.js';
import { annexTable, carriedAt, chairOf, countOf } from './council-outcome.js';
import { councilDoc } from './council-vi.js';
import { para, run } from './word.js';

/*
 * The draft of the Trưởng Ban's decision (quyết định công nhận danh hiệu thi đua và tặng Giấy khen) for
 * what the Ban decides itself (khoản 1 Điều 80 Luật Thi đua, khen thưởng 2022), from the Council's vote:
 * căn cứ, one article per title or form, the execution article, the annexed lists. A draft: the number,
 * the date and the signature are the Trưởng Ban's; once signed, the Office records it on the bot.
 */

export async function buildDecision(
  source: CouncilDocSource,
  args: CouncilDocArgs & { meetingNo: number },
): Promise<Buffer> {
  const { store, agency } = source;
  const { year, now } = args;
  const meeting = store.council.meeting(args.meetingNo) as Meeting;
  const carried = carriedAt(source, args, meeting, 'ban');
  const chair = chairOf(meeting);
  const symbol = `QĐ/${agency.report.symbol.split('/').at(-1) ?? agency.agency.shortName}`;
  const body: Block[] = [
    docHeader(agency, now, { numberLine: `Số        -${symbol}` }),
    ...docTitle('QUYẾT ĐỊNH', `Về việc công nhận danh hiệu thi đua và khen thưởng năm ${year}`),
    para([run(`TRƯỞNG ${agency.agency.name.toUpperCase()}`, { bold: true })], 'center', false),
    text('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'),
    text(
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
    ),
    text(
      `Căn cứ ${councilDoc.toWrite('quy chế làm việc, quy định về công tác thi đua, khen thưởng của cơ quan')};`,
    ),
    text(
      `Xét đề nghị của Hội đồng Thi đua – Khen thưởng (Tờ trình số      -TTr/HĐTĐKT ngày ${councilDoc.toWrite('ngày')}; biên bản họp ngày ${meetingDay(meeting)}),`,
    ),
    para([run('QUYẾT ĐỊNH:', { bold: true })], 'center', false),
  ];
  let article = 0;
  for (const c of carried) {
    article += 1;
    body.push(
      text(
        `Điều ${article}. ${c.award.kind === 'title' ? 'Công nhận danh hiệu' : 'Tặng'} “${c.award.name}” năm ${year} cho ${countOf(c)}` +
          `${c.award.kind === 'form' ? ', đã có thành tích xuất sắc trong phong trào thi đua của cơ quan' : ''} (có danh sách kèm theo).`,
      ),
    );
  }
  if (article === 0)
    body.push(
      text(
        `Điều 1. ${councilDoc.toWrite('nội dung công nhận, khen thưởng (phiên họp không có trường hợp đạt tỷ lệ)')}`,
      ),
    );
  body.push(
    text(
      `Điều ${Math.max(article, 1) + 1}. Văn phòng Ban, các phòng thuộc Ban và các cá nhân, tập thể có tên tại ${
        article > 1 ? `Điều 1 đến Điều ${article}` : 'Điều 1'
      } căn cứ Quyết định thi hành./.`,
    ),
    recipientsAndSignature([`Như Điều ${Math.max(article, 1) + 1},`, 'Lưu Văn phòng, Hội đồng TĐKT.'], {
      titles: ['TRƯỞNG BAN'],
      ...(chair ? { name: chair.fullName } : {}),
    }),
  );
  for (const c of carried) {
    body.push(
      pageBreak(),
      ...annexHeading(
        `DANH SÁCH ${c.award.kind === 'title' ? 'CÁ NHÂN, TẬP THỂ ĐẠT DANH HIỆU' : 'CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG'} “${c.award.name.toUpperCase()}” NĂM ${year}`,
        `(Kèm theo Quyết định số      -${symbol} ngày ${councilDoc.toWrite('ngày')} của Trưởng ${agency.agency.name})`,
      ),
      annexTable(c, false),
    );
  }
  return packDoc(`Dự thảo quyết định công nhận danh hiệu thi đua năm ${year}`, [section(body)]);
}
