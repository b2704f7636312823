import { awardById } from '../core/council.js';
import type { Meeting } from '../core/council-records.js';
import { roundResults, roundsOf } from '../core/meeting.js';
import { subjectDepartment, subjectName } from '../core/nominations.js';
import { dayContaining } from '../core/periods.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  type Block,
  COUNCIL_UNIT,
  type CouncilDocSource,
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
  timeAndDay,
  withPosition,
} from './council-doc.js';
import { councilDoc } from './council-vi.js';

/*
 * Biên bản kiểm phiếu: one per secret ballot of the meeting (paper or electronic) — the counting
 * committee, the ballots issued, returned and valid, and each name's votes with their share of all the
 * Council's members. An electronic ballot says how it was kept secret and counted.
 */

export async function buildCountMinutes(
  source: CouncilDocSource,
  args: CouncilDocArgs & { meetingNo: number },
): Promise<Buffer> {
  const { store, agency } = source;
  const { council, year } = args;
  const meeting = store.council.meeting(args.meetingNo) as Meeting;
  const rounds = roundsOf({ store }, meeting).filter((r) => r.status === 'closed' && r.method !== 'hands');
  const committee = meeting.counting
    .map((id) => meeting.roster.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  const head = committee[0];
  const sections: ReturnType<typeof section>[] = [];
  for (const round of rounds) {
    const body: Block[] = [];
    const award = awardById(council, round.awardId);
    if (!award) continue;
    const tally = round.tally ?? { issued: 0, returned: 0, valid: 0, counts: [] };
    const results = roundResults(round, award);
    // Counted when the vote closed — on the meeting's day; a meeting entered after the fact (a date
    // other than today) is dated as the meeting, never as the day someone typed it in.
    const starts = new Date(meeting.startsAt);
    const closed = round.history.find((h) => h.action === 'closed')?.at;
    const closedAt =
      closed &&
      Date.parse(closed) >= starts.getTime() &&
      dayContaining(new Date(closed)).start.getTime() === dayContaining(starts).start.getTime()
        ? closed
        : undefined;
    body.push(
      docHeader(agency, new Date(meeting.startsAt), { unit: COUNCIL_UNIT }),
      ...docTitle('BIÊN BẢN KIỂM PHIẾU', `Bình xét “${award.name}” năm ${year}`),
      text(
        `Vào lúc ${closedAt ? timeAndDay(new Date(closedAt)) : timeAndDay(new Date(meeting.startsAt))}, tại ${meeting.place}, ` +
          `Ban kiểm phiếu của Hội đồng Thi đua – Khen thưởng ${agency.agency.name} đã kiểm phiếu bình xét “${award.name}” năm ${year}.`,
      ),
      heading('I. BAN KIỂM PHIẾU'),
      ...committee.map((r, i) =>
        line(`${i + 1}. Đồng chí ${withPosition(r)} — ${i === 0 ? 'Trưởng ban' : 'Thành viên'}.`),
      ),
      heading('II. KẾT QUẢ KIỂM PHIẾU'),
      text(
        round.method === 'electronic'
          ? 'Hình thức: bỏ phiếu kín điện tử. Mỗi thành viên có mặt bỏ một phiếu trong tin nhắn riêng; phiếu được niêm phong khi gửi, hệ thống chỉ ghi nhận thành viên đã bỏ phiếu, không lưu nội dung lựa chọn của từng người; hòm phiếu được mở và kiểm khi kết thúc bỏ phiếu, khóa niêm phong được hủy sau khi kiểm.'
          : 'Hình thức: bỏ phiếu kín bằng phiếu giấy.',
      ),
      line(`- Tổng số thành viên Hội đồng: ${round.rosterSize}; có mặt: ${round.voters.length}.`),
      line(`- Số phiếu phát ra: ${tally.issued}.`),
      line(`- Số phiếu thu vào: ${tally.returned}.`),
      line(`- Số phiếu hợp lệ: ${tally.valid}; số phiếu không hợp lệ: ${tally.returned - tally.valid}.`),
      ...(round.written.length
        ? [
            line(
              `- Ý kiến bằng văn bản của thành viên vắng mặt: ${round.written.length} (cộng vào số đồng ý, không đồng ý dưới đây).`,
            ),
          ]
        : []),
      text('Kết quả cụ thể:'),
      table(
        [
          'STT',
          'Họ và tên',
          'Phòng',
          'Số phiếu đồng ý',
          'Tỷ lệ so với tổng số thành viên',
          'Số phiếu không đồng ý',
        ],
        results.map((r, i) => {
          const dept = subjectDepartment(source, r.subject);
          return [
            String(i + 1),
            subjectName(source, r.subject),
            agency.departments.find((d) => d.id === dept)?.name ?? '',
            String(r.total),
            councilDoc.pct(r.share),
            String(r.disagree + r.writtenDisagree),
          ];
        }),
        [7, 25, 24, 14, 16, 14],
        { center: [0, 3, 4, 5] },
      ),
      gap(),
      text(
        `Tỷ lệ đồng ý theo thiết lập: ${councilDoc.threshold(award.threshold)} ${councilDoc.basis(award.threshold)}.`,
      ),
      text('Biên bản được lập xong và thông qua trước Hội đồng.'),
      signatures(
        {
          titles: ['CÁC THÀNH VIÊN BAN KIỂM PHIẾU'],
          name: committee
            .slice(1)
            .map((r) => r.fullName)
            .join(', '),
        },
        { titles: ['TRƯỞNG BAN KIỂM PHIẾU'], ...(head ? { name: head.fullName } : {}) },
      ),
    );
    sections.push(section(body));
  }
  if (sections.length === 0)
    sections.push(section([text('Phiên họp không có vòng bỏ phiếu kín nào kết thúc.')]));
  // One section per ballot: each minute starts on its own page, numbered from its own first page.
  return packDoc(`Biên bản kiểm phiếu năm ${year}`, sections);
}
