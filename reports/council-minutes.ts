import type { Award } from '../core/council.js';
import type { Meeting } from '../core/council-records.js';
import type { TitleSubject } from '../core/domain.js';
import { meetingOutcome, present, roleHolder, roundsOf } from '../core/meeting.js';
import { nominationList, subjectName } from '../core/nominations.js';
import { formatDay } from '../core/periods.js';
import type { CouncilDocArgs } from '../core/reports.js';
import { criteriaOf, titleById } from '../core/titles.js';
import {
  type Block,
  COUNCIL_UNIT,
  type CouncilDocSource,
  cited,
  docHeader,
  docTitle,
  gap,
  heading,
  line,
  packDoc,
  ruleText,
  section,
  signatures,
  table,
  text,
  timeAndDay,
  withPosition,
} from './council-doc.js';
import { factsOf } from './council-facts.js';
import { councilDoc } from './council-vi.js';

/*
 * Biên bản họp Hội đồng Thi đua – Khen thưởng: when and where, who chaired and who kept the minutes,
 * who was present and absent, the standards explained, each candidate's summary, the vote table with
 * the counts and the share of all members, the conclusion. "Biên bản bình xét thi đua và kết quả bỏ
 * phiếu" is part of the CSTĐCS dossier (Quyết định 638/QĐ-BNV năm 2025); what the bot cannot know
 * (the discussion) is marked to be written.
 */

export async function buildCouncilMinutes(
  source: CouncilDocSource,
  args: CouncilDocArgs & { meetingNo: number },
): Promise<Buffer> {
  const { store, agency, titles } = source;
  const { council, year } = args;
  const meeting = store.council.meeting(args.meetingNo) as Meeting;
  const at = new Date(meeting.startsAt);
  const chair = roleHolder(meeting, 'chair');
  const secretary = roleHolder(meeting, 'secretary');
  const here = present(meeting);
  const established = council.establishedBy.number
    ? ` (thành lập theo Quyết định số ${council.establishedBy.number}${council.establishedBy.date ? ` ngày ${council.establishedBy.date}` : ''})`
    : '';
  const rounds = roundsOf({ store }, meeting);
  const outcome = meetingOutcome({ store, council }, meeting);
  // The awards the meeting considered: those voted on, else those with a list.
  const considered: Award[] = council.awards.filter(
    (a) =>
      rounds.some((r) => r.awardId === a.id) ||
      nominationList({ store, agency, council }, year, a).length > 0,
  );

  const body: Block[] = [
    docHeader(agency, at, { unit: COUNCIL_UNIT }),
    ...docTitle('BIÊN BẢN', `Họp Hội đồng Thi đua – Khen thưởng bình xét thi đua, khen thưởng năm ${year}`),
    text(
      `Vào lúc ${timeAndDay(at)}, tại ${meeting.place}, Hội đồng Thi đua – Khen thưởng ${agency.agency.name}${established} ` +
        `họp bình xét thi đua, khen thưởng năm ${year}.`,
    ),
    heading('I. THÀNH PHẦN'),
    text(
      `- Chủ trì: đồng chí ${chair ? withPosition(chair) : councilDoc.toWrite('người chủ trì')}, Chủ tịch Hội đồng.`,
    ),
    text(
      `- Thư ký: đồng chí ${secretary ? withPosition(secretary) : councilDoc.toWrite('thư ký')}, Thư ký Hội đồng.`,
    ),
    text(`- Thành viên có mặt: ${here.length}/${meeting.roster.length} đồng chí:`),
    ...here.map((r) => line(`   + Đồng chí ${withPosition(r)} — ${councilDoc.roles[r.role]}.`)),
    meeting.absent.length
      ? text(`- Vắng mặt: ${meeting.absent.length} đồng chí:`)
      : text('- Vắng mặt: không.'),
    ...meeting.absent.map((a) => {
      const r = meeting.roster.find((x) => x.id === a.id);
      return line(`   + Đồng chí ${r ? withPosition(r) : a.id}${a.reason ? ` (lý do: ${a.reason})` : ''}.`);
    }),
    heading('II. NỘI DUNG'),
    heading('1. Quán triệt tiêu chuẩn, hình thức bình xét'),
  ];
  const general = new Set(titles?.general.map((c) => c.id) ?? []);
  if (titles?.general.length) {
    body.push(text('Nguyên tắc chung đối với mọi danh hiệu, hình thức khen thưởng:'));
    // A principle another one already states in full (the decree's one sentence on discipline, kept as
    // its own criterion for the review sheet) is said once.
    const said: string[] = [];
    for (const c of titles.general) {
      const rule = ruleText(c.text);
      const key = rule.toLocaleLowerCase('vi');
      if (said.some((s) => s.includes(key))) continue;
      said.push(key);
      body.push(line(`   - ${rule} (${cited(c.source)}).`));
    }
  }
  const letters = 'abcdefghiklmnopqrstuvxy';
  for (const [i, award] of considered.entries()) {
    body.push(
      text(
        `${letters[i] ?? i + 1}) ${award.name} (${councilDoc.decider(award)}; căn cứ ${cited(award.authority)}):`,
      ),
    );
    const title = titles && award.kind === 'title' ? titleById(titles, award.id) : undefined;
    if (title && titles) {
      for (const { title: owner, criterion } of criteriaOf(titles, title)) {
        if (owner.id !== title.id || general.has(criterion.id)) continue;
        const rule = ruleText(criterion.text);
        if (rule)
          body.push(
            line(
              `   - ${rule} (${cited(criterion.source)}${criterion.check === 'toVerify' ? '; cần kiểm chứng' : ''}).`,
            ),
          );
      }
    } else {
      body.push(
        line(`   - ${councilDoc.toWrite(`tiêu chuẩn ${award.name} theo quy định của tỉnh, của cơ quan`)}`),
      );
    }
    body.push(
      line(
        `   - Hình thức: ${award.vote === 'secret' ? 'bỏ phiếu kín' : 'biểu quyết'}; tỷ lệ đồng ý ${councilDoc.threshold(award.threshold)} ${councilDoc.basis(award.threshold)}.`,
      ),
    );
  }

  body.push(heading('2. Danh sách đề nghị và tóm tắt thành tích'));
  for (const award of considered) {
    const round = rounds.filter((r) => r.awardId === award.id && r.status === 'closed').at(-1);
    const subjects =
      round?.candidates ?? nominationList({ store, agency, council }, year, award).map((c) => c.subject);
    const facts = factsOf(
      { store, agency, council, titles },
      year,
      subjects.map((subject) => ({ subject })),
    );
    body.push(text(`${award.name}: ${facts.length} trường hợp.`));
    body.push(
      table(
        ['STT', 'Họ và tên', 'Phòng', 'Tóm tắt thành tích'],
        facts.map((f, i) => [String(i + 1), f.name, f.department, councilDoc.summary(f, year)]),
        [7, 23, 22, 48],
      ),
      gap(),
    );
  }

  body.push(
    heading('3. Ý kiến thảo luận'),
    text(councilDoc.toWrite('ý kiến thảo luận của các thành viên Hội đồng về từng trường hợp')),
    heading('4. Kết quả biểu quyết, bỏ phiếu'),
  );
  if (outcome.length === 0) body.push(text('Hội đồng chưa biểu quyết danh sách nào.'));
  for (const { award, round, results } of outcome) {
    const tally = round.tally;
    body.push(
      text(
        `${award.name} — ${councilDoc.methods[round.method]}` +
          (tally && round.method !== 'hands'
            ? `: số phiếu phát ra ${tally.issued}, thu vào ${tally.returned}, hợp lệ ${tally.valid}`
            : `: ${round.voters.length} thành viên có mặt biểu quyết`) +
          (round.written.length
            ? `; ${round.written.length} ý kiến bằng văn bản của thành viên vắng mặt`
            : '') +
          '.',
      ),
      table(
        ['STT', 'Họ và tên', 'Đồng ý', 'Không đồng ý', 'Tổng số đồng ý / tổng số thành viên', 'Tỷ lệ'],
        results.map((r, i) => [
          String(i + 1),
          subjectLabel(source, r.subject),
          `${r.agree}${r.writtenAgree ? ` (+${r.writtenAgree} bằng văn bản)` : ''}`,
          `${r.disagree + r.writtenDisagree}`,
          `${r.total}/${round.rosterSize}`,
          councilDoc.pct(r.share),
        ]),
        [7, 31, 14, 14, 20, 14],
        { center: [0, 2, 3, 4, 5] },
      ),
      gap(),
    );
  }

  body.push(heading('III. KẾT LUẬN'));
  if (meeting.conclusion) body.push(text(meeting.conclusion));
  for (const { award, results } of outcome) {
    const carried = results.filter((r) => r.meets).map((r) => subjectLabel(source, r.subject));
    body.push(
      text(
        carried.length
          ? award.decidedBy === 'ban'
            ? `- Đề nghị Trưởng Ban ${award.kind === 'title' ? 'công nhận danh hiệu' : 'tặng'} “${award.name}” năm ${year} cho ${carried.length} trường hợp: ${carried.join('; ')}.`
            : `- Đề nghị Trưởng Ban trình ${council.province.decider} xét tặng “${award.name}” năm ${year} cho ${carried.length} trường hợp: ${carried.join('; ')}.`
          : `- ${award.name}: không có trường hợp đạt tỷ lệ phiếu đồng ý theo quy định.`,
      ),
    );
  }
  if (!meeting.conclusion && outcome.length === 0)
    body.push(text(councilDoc.toWrite('kết luận của Hội đồng')));
  body.push(
    text(
      `Cuộc họp kết thúc vào lúc ${endOf(meeting.startsAt, meeting.closedAt)}. ` +
        'Biên bản đã được thông qua trước Hội đồng và các thành viên dự họp thống nhất.',
    ),
    signatures(
      { titles: ['THƯ KÝ HỘI ĐỒNG'], ...(secretary ? { name: secretary.fullName } : {}) },
      { titles: ['CHỦ TỊCH HỘI ĐỒNG'], ...(chair ? { name: chair.fullName } : {}) },
    ),
  );
  return packDoc(`Biên bản họp Hội đồng Thi đua – Khen thưởng năm ${year}`, [section(body)]);
}

const subjectLabel = (source: CouncilDocSource, subject: TitleSubject) => subjectName(source, subject);

/**
 * When the meeting ended, as the minutes say it: the hour `cùng ngày` when it was closed in the bot
 * on the day it began, after it began; else to be written in by hand — not closed, entered on a later
 * day (the secretary typing the meeting in the next morning), or closed before the hour it was set to
 * begin (recorded ahead of time): the hour the bot saw then is not when the Council rose.
 */
function endOf(startsAt: string, closedAt: string | undefined): string {
  const start = new Date(startsAt);
  const end = closedAt ? new Date(closedAt) : undefined;
  if (!end || end.getTime() < start.getTime() || formatDay(end) !== formatDay(start))
    return councilDoc.toWrite('giờ kết thúc');
  return `${timeAndDay(end).split(',')[0]} cùng ngày`;
}
