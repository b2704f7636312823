import { Paragraph } from 'docx';
import type { Meeting } from '../core/council-records.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  type Block,
  type CouncilDocSource,
  packDoc,
  pageBreak,
  placeDate,
  section,
  text,
} from './council-doc.js';
import { carriedAt, chairOf } from './council-outcome.js';
import { councilDoc } from './council-vi.js';
import { para, run, signatureRoom, twoColumns } from './word.js';

/** The award whose recipients get the Trưởng Ban's Giấy khen. */
export const CERTIFICATE_AWARD = 'giaykhen';

/*
 * The Trưởng Ban's Giấy khen: one landscape page per person or department the Council's vote carried
 * for Giấy khen — who gives it, to whom, for what, the decision's number and date (written once
 * signed), the register number, the place and date, the signature. Printed on the agency's paper.
 */

export async function buildCertificates(
  source: CouncilDocSource,
  args: CouncilDocArgs & { meetingNo: number },
): Promise<Buffer> {
  const { store, agency } = source;
  const { year, now } = args;
  const meeting = store.council.meeting(args.meetingNo) as Meeting;
  const carried = carriedAt(source, args, meeting, 'ban').find((c) => c.award.id === CERTIFICATE_AWARD);
  const chair = chairOf(meeting);
  const body: Block[] = [];
  for (const n of carried?.names ?? []) {
    if (body.length) body.push(pageBreak());
    const exceptional =
      store.council.nomination(year, CERTIFICATE_AWARD, n.subject)?.origin === 'exceptional';
    body.push(
      para([run(agency.report.superior.toUpperCase(), { size: 28 })], 'center', false),
      para([run(agency.report.body.toUpperCase(), { bold: true, size: 28 })], 'center', false),
      new Paragraph({ spacing: { before: 360 }, children: [] }),
      para([run('GIẤY KHEN', { bold: true, size: 56 })], 'center', false),
      para([run(`TRƯỞNG ${agency.agency.name.toUpperCase()}`, { bold: true, size: 30 })], 'center', false),
      para([run('tặng', { italics: true, size: 30 })], 'center', false),
      para(
        [run(n.subject.kind === 'member' ? `Đồng chí ${n.name}` : n.name, { bold: true, size: 40 })],
        'center',
        false,
      ),
      ...(n.subject.kind === 'member' ? [para([run(n.department, { size: 30 })], 'center', false)] : []),
      para(
        [
          run(
            exceptional
              ? `Đã có thành tích xuất sắc đột xuất trong thực hiện nhiệm vụ năm ${year}`
              : `Đã có thành tích xuất sắc trong phong trào thi đua năm ${year}`,
            { italics: true, size: 30 },
          ),
        ],
        'center',
        false,
      ),
      new Paragraph({ spacing: { before: 240 }, children: [] }),
      twoColumns(
        [
          new Paragraph({ spacing: { before: 600 }, children: [] }),
          para([run(`Quyết định số      -QĐ/${agency.agency.shortName}`, { size: 26 })], 'left', false),
          para([run(`ngày ${councilDoc.toWrite('ngày')}`, { size: 26 })], 'left', false),
          para([run(`Số sổ vàng: ${councilDoc.toWrite('số')}`, { size: 26 })], 'left', false),
        ],
        [
          para([run(placeDate(agency, now), { italics: true, size: 28 })], 'center', false),
          para([run('TRƯỞNG BAN', { bold: true, size: 28 })], 'center', false),
          signatureRoom(),
          para([run(chair?.fullName ?? '', { bold: true, size: 28 })], 'center', false),
        ],
        50,
      ),
    );
  }
  if (body.length === 0)
    body.push(text('Phiên họp không có trường hợp được đề nghị tặng Giấy khen đạt tỷ lệ phiếu đồng ý.'));
  return packDoc(`Giấy khen năm ${year}`, [section(body, true)]);
}
