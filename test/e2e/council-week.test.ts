/**
 * The year-end week with the agency's whole Council (the shipped file: nine members), as the Office
 * reads it: shares of all members in Vietnamese figures (7/9 is 77,8%), the standards said once, the
 * minutes citing the texts as legal writing does, a meeting entered the day after it was held dated as
 * held, the province's dossier deadline reminded to the Office with what the Council proposed, an
 * upward award recorded as the province's decision, a decision number used twice refused, and the
 * recorded decisions read back for next year's section III and the years in a row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awardHistory, consecutiveYears } from '../../core/records.js';
import { tempDir } from '../helpers/agency.js';
import { docxText, testCouncilFile } from '../helpers/council.js';
import { type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
/** The nine members of config/council-2026.json, in order: chair, vice-chair, standing, secretary, five members. */
const COUNCIL = [800001, 800002, 800003, 800004, 800005, 800006, 800007, 800008, 800009];
const SECRETARY = 800004;
/** Absent: Vũ Đình Long (7th) and Nguyễn Văn Sơn (9th). */
const PRESENT = COUNCIL.filter((_, i) => i !== 6 && i !== 8);

let tg: TelegramHarness;
let cleanupDir: () => Promise<void>;

const admin = () => tg.user(ADMIN, 'Văn phòng');
const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const council = (id: number) => tg.user(id, `HĐ ${id}`);
const secretary = () => council(SECRETARY);

const text = (seen: Seen[]) => seen.map((s) => s.text).join('\n');

async function draft(kind: string): Promise<string> {
  const before = tg.calls.length;
  await tg.send(secretary(), `/duthao ${kind}`, { inPrivate: true });
  const file = tg.calls.slice(before).find((c) => c.method === 'sendDocument');
  if (!file) throw new Error(`no file for /duthao ${kind}`);
  return docxText((file.payload.document as { fileData: Buffer }).fileData);
}

beforeEach(async () => {
  const dir = await tempDir();
  cleanupDir = dir.cleanup;
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    now: new Date('2026-05-04T03:00:00Z'),
    env: { COUNCIL_FILE: testCouncilFile(dir.dir, COUNCIL) },
  });
  for (const id of COUNCIL) tg.startedPrivate.add(id);
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(lan(), '/dangkythidua cstdcs');
  await tg.send(hung(), '/dangkythidua ldtt');
  await tg.send(admin(), '/dangkythidua cb ttldxs');
  tg.now = new Date('2026-09-15T03:00:00Z');
  await tg.send(lan(), '/sangkien Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt');
  await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ quy hoạch cán bộ');
  for (const code of ['SK1', 'HT2']) await tg.send(council(COUNCIL[0] as number), `/duyet ${code}`);
});
afterEach(async () => {
  await tg.close();
  await cleanupDir();
});

describe('the year-end week with the whole Council', () => {
  it('reads as the Office writes: shares, standards, citations, dates; reminds the dossier; records and reads back the decisions', async () => {
    // The meeting was held on 18 December; the secretary enters it the next morning.
    tg.now = new Date('2026-12-19T02:00:00Z');
    const opened = text(
      await tg.send(
        secretary(),
        '/mohop 8:30 18/12/2026 | Phòng họp số 1 | vắng: Vũ Đình Long (ốm), Nguyễn Văn Sơn (đi học)',
      ),
    );
    expect(opened).toContain('Có mặt 7/9 thành viên.');

    // The standards: CSTĐCS includes LĐTT — said once, not twice.
    const standards = text(await tg.send(secretary(), '/hop tieuchuan'));
    const cstdcs = standards.slice(standards.indexOf('Chiến sĩ thi đua cơ sở —'));
    expect(cstdcs.match(/Đạt tiêu chuẩn (danh hiệu “)?Lao động tiên tiến/g)).toHaveLength(1);

    await tg.send(secretary(), '/mophieu ldtt');
    const counted = text(await tg.send(secretary(), '/kiemphieu 1 1: 7/0'));
    expect(counted).toContain('1. Trần Văn Hùng: đồng ý 7, không đồng ý 0 — 7/9 (77,8%) ✅ đạt tỷ lệ');
    expect(counted).not.toMatch(/\d\.\d%/);
    await tg.send(secretary(), '/dongphieu 1');

    // TTLĐXS goes up to the province: an electronic secret ballot, each member present in private.
    await tg.send(secretary(), '/mophieu ttldxs dientu');
    for (const id of PRESENT) await tg.send(council(id), '/bophieu 2 d gui', { inPrivate: true });
    // 7 of 9 is below its 80%: an absent member's written vote is counted beside them.
    expect(text(await tg.send(secretary(), '/phieuvang 2 Vũ Đình Long | d'))).toContain('bằng văn bản');
    const closed = text(await tg.send(secretary(), '/dongphieu 2'));
    expect(closed).toContain('7/7 thành viên có mặt đã bỏ phiếu');
    expect(closed).toContain('đồng ý 7 (+1 bằng văn bản), không đồng ý 0 — 8/9 (88,9%) ✅ đạt tỷ lệ');
    await tg.send(secretary(), '/mophieu cstdcs giay');
    await tg.send(secretary(), '/kiemphieu 3 phat 7 thu 7 hople 7 | 1: 7');
    // The one vote open is closed without its number.
    expect(text(await tg.send(secretary(), '/dongphieu'))).toContain('Kết quả vòng 3');
    expect(text(await tg.send(secretary(), '/donghop'))).toContain(
      'Tập thể lao động xuất sắc: Phòng Cán bộ (đề nghị cấp tỉnh)',
    );
    // After the meeting closed, a ballot changes nothing.
    expect(
      text(await tg.send(council(COUNCIL[0] as number), '/bophieu 2 k gui', { inPrivate: true })),
    ).toMatch(/đã kết thúc/);
    expect(tg.store.council.round(2)?.ballots).toEqual(['d', 'd', 'd', 'd', 'd', 'd', 'd']);

    // The minutes: the decree's principle once, an article keeps its capital, the shares as Vietnamese write them.
    const minutes = await draft('bienban');
    expect(minutes.match(/thành tích được tính từ khi chấp hành xong thời gian kỷ luật/g)).toHaveLength(1);
    expect(minutes).toContain('Điều 4 Nghị định 152/2025/NĐ-CP).');
    expect(minutes).toContain('căn cứ Điều 79 Luật Thi đua, khen thưởng 2022');
    expect(minutes).not.toMatch(/\(điều \d/);
    expect(minutes).toContain('(điểm a khoản 1 Điều 24 Luật Thi đua, khen thưởng 2022)');
    expect(minutes).toContain('77,8%');
    // Typed in the next morning: the hour the meeting rose is left for the secretary, not 09:00 "cùng ngày".
    expect(minutes).toContain('Cuộc họp kết thúc vào lúc [Cần bổ sung: giờ kết thúc].');
    // The counting minutes are dated on the meeting's day, not the day the secretary typed them in.
    const count = await draft('kiemphieu');
    expect(count).toContain('ngày 18 tháng 12 năm 2026, tại Phòng họp số 1, Ban kiểm phiếu');
    expect(count).not.toContain('ngày 19 tháng 12 năm 2026, tại');

    // The province's dossier deadline: two weeks ahead, the Office is told what the Council proposed.
    tg.now = new Date('2026-12-17T01:00:00Z');
    const reminder = text(await tg.send(admin(), '/xemtruoc nhac', { inPrivate: true }));
    expect(reminder).toContain('Hạn gửi hồ sơ đề nghị cấp tỉnh khen thưởng năm 2026');
    expect(reminder).toContain(
      '(còn 14 ngày). Hồ sơ trình Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng qua Sở Nội vụ',
    );
    expect(reminder).toContain('• Tập thể lao động xuất sắc: Hội đồng đề nghị Phòng Cán bộ');
    expect(reminder).toContain(
      '• Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: không có trường hợp đạt tỷ lệ',
    );
    expect(reminder).toContain('/duthao totrinhtinh');
    expect(reminder).not.toMatch(/Ban quyết định|đã quyết định/);

    // The decisions come back signed and are recorded; the province's is the province's.
    tg.now = new Date('2026-12-22T03:00:00Z');
    const ldtt = text(
      await tg.send(
        admin(),
        '/quyetdinh 125-QĐ/BTCTU | 20/12/2026 | Trần Quốc Hưng | Lao động tiên tiến | Trần Văn Hùng',
        { inPrivate: true },
      ),
    );
    expect(ldtt).toContain('Cơ quan ban hành: Ban Tổ chức Tỉnh ủy.');
    const reused = text(
      await tg.send(
        admin(),
        '/quyetdinh 125-QĐ/BTCTU | 21/12/2026 | Trần Quốc Hưng | Chiến sĩ thi đua cơ sở | Nguyễn Thị Lan',
        { inPrivate: true },
      ),
    );
    expect(reused).toContain('125-QĐ/BTCTU');
    expect(reused).not.toContain('✅');
    expect(tg.store.awards).toHaveLength(1);
    const province = text(
      await tg.send(
        admin(),
        '/quyetdinh 3120/QĐ-UBND | 22/12/2026 | Phó Chủ tịch UBND tỉnh | Tập thể lao động xuất sắc | Phòng Cán bộ',
        { inPrivate: true },
      ),
    );
    expect(province).toContain(
      'Cơ quan ban hành: Ủy ban nhân dân tỉnh Lâm Đồng — danh hiệu, hình thức này do cấp tỉnh quyết định trên đề nghị của Ban.',
    );

    // Next year: section III reads the decisions on record, and the years in a row count them.
    const hungId = tg.store.members.find((m) => m.fullName === 'Trần Văn Hùng')?.id as string;
    const history = awardHistory(tg.store, { kind: 'member', memberId: hungId }, 2027);
    expect(history.titles.map((l) => [l.year, l.name, l.decision.number, l.decision.date])).toEqual([
      [2026, 'Lao động tiên tiến', '125-QĐ/BTCTU', '2026-12-20'],
    ]);
    expect(consecutiveYears(tg.store, { kind: 'member', memberId: hungId }, ['ldtt'], 2026)).toEqual([2026]);
    const cb = awardHistory(tg.store, { kind: 'department', departmentId: 'cb' }, 2027);
    expect(cb.titles.map((l) => l.decision.body)).toEqual(['Ủy ban nhân dân tỉnh Lâm Đồng']);
    expect(text(await tg.send(admin(), '/hoso Trần Văn Hùng', { inPrivate: true }))).toContain(
      '125-QĐ/BTCTU',
    );
  });
});
