/**
 * The year-end week, as the Office and the Council live it over Telegram: the nomination lists drafted
 * from the registrations (a name added, one taken off, with reasons), the secretary opening the
 * Council's meeting with who is absent, the standards explained and each case walked, a show of hands
 * for LĐTT, an electronic secret ballot for CSTĐCS (each member once, in private; an absent member's
 * written vote), a paper ballot for TTLĐXS counted by the committee, the meeting closed — then every
 * draft read back: minutes, counting minutes, ballot papers, both tờ trình, the decision, Giấy khen.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/agency.js';
import { docxText, testCouncilFile } from '../helpers/council.js';
import { type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
/** The Council: chair, vice-chair, standing member, secretary, one member (absent at the meeting). */
const CHAIR = 800001;
const VICE = 800002;
const STANDING = 800003;
const SECRETARY = 800004;
const ABSENT = 800005;
const VOTERS = [CHAIR, VICE, STANDING, SECRETARY];

let tg: TelegramHarness;
let cleanupDir: () => Promise<void>;

const admin = () => tg.user(ADMIN, 'Văn phòng');
const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai', { username: 'maivt' });
const tuan = () => tg.user(1004, 'Tuấn', { username: 'tuanlm' });
const council = (id: number) => tg.user(id, `HĐ ${id}`);
const secretary = () => council(SECRETARY);

const BEFORE = new Date('2026-05-04T03:00:00Z');
/** 10 December 2026, 14:00 in Vietnam: the plan's Council date. */
const MEETING = new Date('2026-12-10T07:00:00Z');

const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};
const mention = (text: string) =>
  [...text.matchAll(/@[A-Za-z0-9_]{3,}/g)].map((m) => ({
    type: 'mention' as const,
    offset: m.index ?? 0,
    length: m[0].length,
  }));

function documents(from: number): { filename: string; chatId: number; data: Buffer }[] {
  return tg.calls.slice(from).flatMap((c) => {
    if (c.method !== 'sendDocument') return [];
    const file = c.payload.document as { filename?: string; fileData?: unknown };
    return [
      { filename: String(file.filename), chatId: Number(c.payload.chat_id), data: file.fileData as Buffer },
    ];
  });
}

async function draft(kind: string): Promise<string> {
  const before = tg.calls.length;
  await tg.send(secretary(), `/duthao ${kind}`, { inPrivate: true });
  const files = documents(before);
  expect(files, kind).toHaveLength(1);
  return docxText((files[0] as { data: Buffer }).data);
}

/** A member votes through the buttons, in private: each name in order, then Send. */
async function vote(id: number, round: number, choices: string): Promise<Seen> {
  const opened = await tg.send(council(id), `/bophieu ${round}`, { inPrivate: true });
  if (opened.length !== 1) console.log(opened.map((s) => s.text));
  let seen = only(opened);
  for (const c of choices)
    seen = only(await tg.press(council(id), seen, c === 'd' ? '✅ Đồng ý' : '✖ Không đồng ý'));
  expect(seen.text).toContain('Kiểm tra phiếu rồi bấm Gửi phiếu.');
  return only(await tg.press(council(id), seen, 'Gửi phiếu'));
}

beforeEach(async () => {
  const dir = await tempDir();
  cleanupDir = dir.cleanup;
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    now: BEFORE,
    env: { COUNCIL_FILE: testCouncilFile(dir.dir, [CHAIR, VICE, STANDING, SECRETARY, ABSENT], 5) },
  });
  for (const id of [...VOTERS, ABSENT]) tg.startedPrivate.add(id);
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
  await tg.send(tuan(), '/dangky Lê Minh Tuấn | tcdv');
  await tg.send(lan(), '/dangkythidua cstdcs');
  await tg.send(hung(), '/dangkythidua ldtt');
  await tg.send(mai(), '/dangkythidua ldtt');
  await tg.send(tuan(), '/dangkythidua ldtt');
  await tg.send(admin(), '/dangkythidua cb ttldxs');
  // The year's work, approved by the Council.
  tg.now = new Date('2026-09-15T03:00:00Z');
  await tg.send(lan(), '/sangkien Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt');
  await tg.send(lan(), '/hoanthanh Tổng hợp báo cáo sơ kết 9 tháng #dotxuat');
  await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ quy hoạch cán bộ');
  await tg.send(mai(), '/viectot Hiến máu tình nguyện đợt 2 năm 2026');
  for (const code of ['SK1', 'HT2', 'HT3', 'VT4']) await tg.send(council(CHAIR), `/duyet ${code}`);
  tg.now = MEETING;
});
afterEach(async () => {
  await tg.close();
  await cleanupDir();
});

describe('the nomination lists (/danhsach, /dexuat, /bodexuat)', () => {
  it('drafts each list from the registrations; an admin adds and removes names with reasons, on the record', async () => {
    // Help names the year-end commands on one line; `/trogiup binhxet` gives each in full.
    expect(only(await tg.send(admin(), '/trogiup', { inPrivate: true })).text).toContain(
      '/trogiup binhxet — 15 lệnh bình xét cuối năm',
    );
    const group = only(await tg.send(secretary(), '/trogiup binhxet', { inPrivate: true })).text;
    expect(group).toContain('/mohop giờ ngày | địa điểm | vắng: tên (lý do), …');
    expect(group).toContain('/bophieu [số_vòng]');
    expect(group).not.toContain('/dexuat');
    const lists = only(await tg.send(admin(), '/danhsach', { inPrivate: true }));
    expect(lists.text).toContain('Danh sách đề nghị khen thưởng năm 2026');
    expect(lists.text).toContain('Lao động tiên tiến (LĐTT): 3 — Trưởng Ban quyết định; biểu quyết giơ tay');
    expect(lists.text).toContain('Chiến sĩ thi đua cơ sở (CSTĐCS): 1 — Trưởng Ban quyết định; bỏ phiếu kín');
    expect(lists.text).toContain(
      'Tập thể lao động xuất sắc (TTLĐXS): 1 — Ban đề nghị Chủ tịch UBND tỉnh; bỏ phiếu kín',
    );

    // Without a reason nothing changes; with one, the name is added and the reason is its note.
    expect(
      only(
        await tg.send(admin(), '/dexuat giaykhen @lan_nguyen', {
          entities: mention('/dexuat giaykhen @lan_nguyen'),
        }),
      ).text,
    ).toContain('Vui lòng ghi lý do');
    const text = '/dexuat giaykhen @lan_nguyen | Hoàn thành xuất sắc chuyển đổi số hồ sơ đảng viên';
    expect(only(await tg.send(admin(), text, { entities: mention(text) })).text).toContain(
      'Đã bổ sung Nguyễn Thị Lan vào danh sách đề nghị Giấy khen của Trưởng Ban năm 2026.',
    );
    expect(only(await tg.send(admin(), text, { entities: mention(text) })).text).toContain(
      'đã có trong danh sách',
    );
    const off = only(
      await tg.send(admin(), '/bodexuat ldtt Lê Minh Tuấn | Nghỉ ốm dài ngày, chưa đủ thời gian công tác'),
    );
    expect(off.text).toContain('Đã đưa Lê Minh Tuấn ra khỏi danh sách đề nghị Lao động tiên tiến năm 2026');
    // A member cannot change the lists.
    expect(
      only(
        await tg.send(hung(), '/dexuat giaykhen @hungtv | tự đề xuất', {
          entities: mention('/dexuat giaykhen @hungtv'),
        }),
      ).text,
    ).toContain('quản trị viên');

    const ldtt = only(await tg.send(admin(), '/danhsach ldtt', { inPrivate: true }));
    expect(ldtt.text).toContain('Lao động tiên tiến năm 2026: 2 trường hợp');
    expect(ldtt.text).not.toContain('Lê Minh Tuấn');
    const record = tg.store.council.nominations.find((n) => n.awardId === 'ldtt');
    expect(record?.history.map((h) => [h.action, h.note, h.by])).toEqual([
      ['unlisted', 'Nghỉ ốm dài ngày, chưa đủ thời gian công tác', `telegram:${ADMIN}`],
    ]);
  });
});

describe('the Council meeting, its votes and the drafts', () => {
  it('runs a whole meeting over Telegram and drafts every document from its record', async () => {
    await tg.send(admin(), '/bodexuat ldtt Lê Minh Tuấn | Nghỉ ốm dài ngày, chưa đủ thời gian công tác');
    // Only the secretary (or an admin) runs the meeting.
    expect(only(await tg.send(council(VICE), '/mohop 14:00 10/12/2026 | Phòng họp tầng 2')).text).toContain(
      'thư ký Hội đồng',
    );
    const opened = only(
      await tg.send(
        secretary(),
        '/mohop 14:00 10/12/2026 | Phòng họp tầng 2 | vắng: Đỗ Văn Khánh (đi công tác)',
      ),
    );
    expect(opened.text).toContain(
      'Đã khai mạc phiên họp Hội đồng Thi đua – Khen thưởng bình xét năm 2026 (phiên số 1): 14:00 10/12/2026, tại Phòng họp tầng 2.',
    );
    expect(opened.text).toContain('Chủ trì: Trần Quốc Hưng. Thư ký: Ngô Thanh Bình.');
    expect(opened.text).toContain('Có mặt 4/5 thành viên.');
    expect(opened.text).toContain('Vắng: Đỗ Văn Khánh (đi công tác)');
    expect(only(await tg.send(secretary(), '/mohop 15:00 10/12/2026 | Hội trường')).text).toContain(
      'Phiên họp số 1 đang mở',
    );

    const pressed = await tg.press(secretary(), opened, 'Tiêu chuẩn');
    const standards = only(pressed);
    expect(standards.text).toContain('Tiêu chuẩn xét khen thưởng năm 2026');
    expect(standards.text).toContain('Hoàn thành tốt nhiệm vụ trở lên');
    expect(standards.text).toContain('tỷ lệ đồng ý từ 80% tổng số thành viên Hội đồng');
    const first = only(await tg.press(secretary(), opened, 'Từng trường hợp'));
    expect(first.text).toContain('Trường hợp 1/');
    expect(first.text).toContain('Lao động tiên tiến');
    const second = only(await tg.press(secretary(), first, 'Tiếp ▶'));
    expect(second.text).toContain('Trường hợp 2/');

    // LĐTT by show of hands: the secretary counts; a count above those present is refused.
    const hands = only(await tg.send(secretary(), '/mophieu ldtt'));
    expect(hands.text).toContain('Vòng biểu quyết số 1: Lao động tiên tiến — biểu quyết giơ tay');
    expect(hands.text).toContain('1. Trần Văn Hùng');
    expect(hands.text).toContain('2. Vũ Thị Mai');
    expect(only(await tg.send(secretary(), '/kiemphieu 1 1: 9/0, 2: 4/0')).text).toContain(
      'lớn hơn mức có thể (4)',
    );
    expect(tg.store.council.round(1)?.tally).toBeUndefined();
    const counted = only(await tg.send(secretary(), '/kiemphieu 1 1: 4/0, 2: 3/1'));
    expect(counted.text).toContain('1. Trần Văn Hùng: đồng ý 4, không đồng ý 0 — 4/5 (80%) ✅ đạt tỷ lệ');
    expect(counted.text).toContain('2. Vũ Thị Mai: đồng ý 3, không đồng ý 1 — 3/5 (60%) ✅ đạt tỷ lệ');
    expect(only(await tg.press(secretary(), counted, 'Kết thúc vòng 1')).text).toContain(
      'Kết quả vòng 1: Lao động tiên tiến',
    );

    // CSTĐCS cannot go by hands; electronically, each member present is asked in private.
    expect(only(await tg.send(secretary(), '/mophieu cstdcs giotay')).text).toContain('bỏ phiếu kín');
    const ballot = await tg.send(secretary(), '/mophieu cstdcs');
    expect(ballot[0]?.text).toContain('Vòng biểu quyết số 2: Chiến sĩ thi đua cơ sở — bỏ phiếu kín điện tử');
    const invited = ballot.filter((s) => s.text.includes('Phiếu bầu điện tử — vòng 2')).map((s) => s.chatId);
    expect(invited.sort()).toEqual([...VOTERS].sort());
    // In the group the ballot is refused, and a choice typed there is not recorded.
    expect(only(await tg.send(council(VICE), '/bophieu 2 d gui')).text).toContain('Phiếu không được ghi');
    expect(tg.store.council.round(2)?.cast).toEqual([]);
    // The absent member may not vote electronically; their written vote is recorded as such.
    expect(only(await tg.send(council(ABSENT), '/bophieu 2 d gui', { inPrivate: true })).text).toContain(
      'vắng mặt',
    );
    expect((await vote(CHAIR, 2, 'd')).text).toContain('đã được niêm phong');
    expect((await vote(VICE, 2, 'd')).text).toContain('không lưu đồng chí chọn gì');
    // A second ballot of the same member is refused, changing nothing.
    expect(only(await tg.send(council(CHAIR), '/bophieu 2 k gui', { inPrivate: true })).text).toContain(
      'Đồng chí đã bỏ phiếu ở vòng số 2',
    );
    await vote(STANDING, 2, 'k');
    await vote(SECRETARY, 2, 'd');
    expect(only(await tg.send(secretary(), '/phieuvang 2 Đỗ Văn Khánh | d')).text).toContain(
      'Đã ghi phiếu bằng văn bản của Đỗ Văn Khánh',
    );
    expect(only(await tg.send(secretary(), '/phieuvang 2 Ngô Thanh Bình | d')).text).toContain('có mặt');
    const cstdcs = only(await tg.send(secretary(), '/dongphieu 2'));
    expect(cstdcs.text).toContain('4/4 thành viên có mặt đã bỏ phiếu');
    expect(cstdcs.text).toContain(
      '1. Nguyễn Thị Lan: đồng ý 3 (+1 bằng văn bản), không đồng ý 1 — 4/5 (80%) ✅ đạt tỷ lệ',
    );
    // A vote after the vote closed: a clear answer, nothing changed.
    expect(only(await tg.send(council(VICE), '/bophieu 2 k gui', { inPrivate: true })).text).toContain(
      'Vòng biểu quyết số 2 đã kết thúc',
    );
    expect(tg.store.council.round(2)?.ballots).toEqual(['d', 'd', 'd', 'k']);

    // TTLĐXS by paper: the ballot papers, then the committee's count; more ballots than members present is refused.
    const paper = only(await tg.send(secretary(), '/mophieu ttldxs giay'));
    expect(paper.text).toContain(
      'Vòng biểu quyết số 3: Tập thể lao động xuất sắc — bỏ phiếu kín bằng phiếu giấy',
    );
    const before = tg.calls.length;
    await tg.press(secretary(), paper, 'Phiếu bầu (Word)');
    const papers = documents(before);
    expect(papers).toHaveLength(1);
    const ballotText = await docxText((papers[0] as { data: Buffer }).data);
    expect(ballotText.match(/PHIẾU BẦU/g)).toHaveLength(4);
    expect(ballotText).toContain('Phòng Cán bộ');
    expect(only(await tg.send(secretary(), '/kiemphieu 3 phat 9 thu 9 hople 9 | 1: 9')).text).toContain(
      'Số phiếu phát ra (9) lớn hơn mức có thể (4)',
    );
    await tg.send(secretary(), '/kiemphieu 3 phat 4 thu 4 hople 4 | 1: 4');
    await tg.send(secretary(), '/dongphieu 3');

    // Giấy khen by hands.
    await tg.send(admin(), '/dexuat giaykhen Phòng Cán bộ | Dẫn đầu phong trào thi đua năm 2026');
    await tg.send(secretary(), '/mophieu giaykhen');
    await tg.send(secretary(), '/kiemphieu 4 1: 4/0');
    await tg.send(secretary(), '/dongphieu 4');

    const closed = only(
      await tg.send(
        secretary(),
        '/donghop Hội đồng thống nhất đề nghị các trường hợp đạt tỷ lệ phiếu đồng ý.',
      ),
    );
    expect(closed.text).toContain('Đã bế mạc phiên họp Hội đồng bình xét năm 2026 (phiên số 1).');
    expect(closed.text).toContain('Chiến sĩ thi đua cơ sở: Nguyễn Thị Lan');
    expect(closed.text).toContain('Tập thể lao động xuất sắc: Phòng Cán bộ (đề nghị cấp tỉnh)');
    // After the meeting: nothing more joins it.
    expect(only(await tg.send(secretary(), '/mophieu ldtt')).text).toContain(
      'Chưa có phiên họp Hội đồng bình xét năm 2026 đang mở',
    );
    expect(only(await tg.send(secretary(), '/kiemphieu 1 1: 1/0, 2: 1/0')).text).toContain('đã kết thúc');

    const minutes = await draft('bienban');
    for (const want of [
      'BIÊN BẢN',
      'Họp Hội đồng Thi đua – Khen thưởng bình xét thi đua, khen thưởng năm 2026',
      'Vào lúc 14 giờ 00 phút, ngày 10 tháng 12 năm 2026, tại Phòng họp tầng 2',
      // Closed in the bot during the meeting: the hour it rose, the same day.
      'Cuộc họp kết thúc vào lúc 14 giờ 00 phút cùng ngày.',
      'Chủ trì: đồng chí Trần Quốc Hưng, Trưởng Ban, Chủ tịch Hội đồng.',
      'Thư ký: đồng chí Ngô Thanh Bình, Phó Chánh Văn phòng Ban, Thư ký Hội đồng.',
      'Thành viên có mặt: 4/5 đồng chí',
      'Đồng chí Đỗ Văn Khánh, Trưởng phòng Tổ chức đảng, đảng viên (lý do: đi công tác).',
      'Hoàn thành tốt nhiệm vụ trở lên',
      'Năm 2026, có 2 nội dung thi đua được duyệt',
      'Tổng số đồng ý / tổng số thành viên',
      '80%',
      'Hội đồng thống nhất đề nghị các trường hợp đạt tỷ lệ phiếu đồng ý.',
      'Đề nghị Trưởng Ban công nhận danh hiệu “Chiến sĩ thi đua cơ sở” năm 2026 cho 1 trường hợp: Nguyễn Thị Lan.',
      'Đề nghị Trưởng Ban trình Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng xét tặng “Tập thể lao động xuất sắc”',
      'THƯ KÝ HỘI ĐỒNG',
      'CHỦ TỊCH HỘI ĐỒNG',
    ])
      expect(minutes, want).toContain(want);
    expect(minutes).not.toMatch(/SK1|HT2|#cntt|điểm\)/);

    const count = await draft('kiemphieu');
    expect(count.match(/BIÊN BẢN KIỂM PHIẾU/g)).toHaveLength(2);
    expect(count).toContain('Số phiếu phát ra: 4.');
    expect(count).toContain('bỏ phiếu kín điện tử');
    expect(count).toContain('TRƯỞNG BAN KIỂM PHIẾU');

    const submission = await draft('totrinh');
    expect(submission).toContain('TỜ TRÌNH');
    expect(submission).toContain('Kính gửi: Đồng chí Trưởng Ban Tổ chức Tỉnh ủy');
    expect(submission).toContain('Công nhận danh hiệu “Lao động tiên tiến” năm 2026 cho 2 cá nhân');
    expect(submission).toContain('khoản 1 Điều 80');
    expect(submission).not.toContain('Tập thể lao động xuất sắc');

    const province = await draft('totrinhtinh');
    expect(province).toContain('Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(province).toContain('Sở Nội vụ tỉnh Lâm Đồng');
    expect(province).toContain('“Tập thể lao động xuất sắc” năm 2026 cho 1 tập thể');
    expect(province).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(province).toContain('kính đề nghị');
    expect(province).not.toMatch(/quyết định tặng|công nhận danh hiệu “Tập thể lao động xuất sắc”/);

    // The draft's answer carries the line that records the signed decision, pre-filled from the vote.
    const asked = await tg.send(secretary(), '/duthao quyetdinh', { inPrivate: true });
    const template = asked
      .map((x) => x.text)
      .find((x) => x.includes('/quyetdinh SỐ | NGÀY | Trần Quốc Hưng | Lao động tiên tiến'));
    expect(template).toContain(
      '/quyetdinh SỐ | NGÀY | Trần Quốc Hưng | Lao động tiên tiến | Trần Văn Hùng, Vũ Thị Mai',
    );
    const line = (template ?? '').split('\n').find((l) => l.includes('Lao động tiên tiến')) ?? '';
    // The decision signed on 20/12, and recorded that day (a decision dated ahead is refused).
    tg.now = new Date('2026-12-20T03:00:00Z');
    const recorded = await tg.send(
      admin(),
      line.replace('SỐ', '125-QĐ/BTCTU').replace('NGÀY', '20/12/2026'),
      { inPrivate: true },
    );
    expect(recorded.map((x) => x.text).join('\n')).toContain('125-QĐ/BTCTU');
    expect(tg.store.awards.find((a) => a.decision.number === '125-QĐ/BTCTU')?.recipients).toHaveLength(2);

    const decision = await draft('quyetdinh');
    expect(decision).toContain('QUYẾT ĐỊNH');
    expect(decision).toContain('Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2026 cho 2 cá nhân');
    expect(decision).toContain('(Kèm theo Quyết định số');
    expect(decision).toContain('Trần Văn Hùng');
    expect(decision).not.toContain('Tập thể lao động xuất sắc');

    const certificates = await draft('giaykhen');
    expect(certificates.match(/GIẤY KHEN/g)).toHaveLength(1);
    expect(certificates).toContain('Phòng Cán bộ');

    const list = await draft('danhsach');
    expect(list).toContain('Đề nghị xét tặng danh hiệu thi đua, hình thức khen thưởng năm 2026');
    expect(list).toContain('Tóm tắt thành tích');
  });

  it('keeps who voted apart from what was voted, in every file the store writes', async () => {
    await tg.send(secretary(), '/mohop 14:00 10/12/2026 | Phòng họp tầng 2 | vắng: Đỗ Văn Khánh');
    await tg.send(secretary(), '/mophieu cstdcs dientu');
    const keys = join(tg.store.dir, 'ballot-keys');
    expect(await readdir(keys)).toEqual(['round-1.key']);
    await vote(STANDING, 1, 'd');
    await vote(CHAIR, 1, 'k');
    await vote(VICE, 1, 'd');
    // The store is open: its lines, then the zeros it writes the next ones into (storage/journal.ts).
    const journal = (await readFile(join(tg.store.dir, 'journal.jsonl'), 'utf8')).split('\0')[0] as string;
    const casts = journal
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; voter?: string; sealed?: string })
      .filter((e) => e.type === 'council.ballot.cast');
    expect(casts.map((c) => c.voter)).toEqual(['thuong-truc', 'chu-tich', 'pho-chu-tich']);
    // The line that names a voter holds the ballot sealed, never in the clear, and no time: besides the
    // change, only the journal's own fields (the store's identity and the line's checksum chain).
    for (const c of casts) {
      expect(Object.keys(c).sort()).toEqual([
        'prev',
        'round',
        'sealed',
        'seq',
        'source',
        'store',
        'sum',
        'type',
        'voter',
      ]);
      expect(c.sealed).not.toMatch(/^[dk]+$/);
    }
    // While open, the round keeps voters in the roster's order and the sealed ballots in the order of their bytes.
    const open = tg.store.council.round(1);
    expect(open?.cast).toEqual(['chu-tich', 'pho-chu-tich', 'thuong-truc']);
    expect(open?.sealed).toEqual([...(open?.sealed ?? [])].sort());
    await tg.send(secretary(), '/dongphieu 1');
    // Closed: the key is destroyed, the ballots opened and sorted, with no voter and no time.
    expect(await readdir(keys)).toEqual([]);
    const closed = tg.store.council.round(1);
    expect(closed?.ballots).toEqual(['d', 'd', 'k']);
    expect(closed?.sealed).toEqual([]);
    expect(closed?.tally?.counts).toEqual([{ agree: 2, disagree: 1 }]);
    // The store and its backups hold no key from which a sealed ballot could be opened.
    await tg.store.compact();
    const snapshot = await readFile(join(tg.store.dir, 'store.snapshot'));
    expect(snapshot.includes(Buffer.from('"sealed":["'))).toBe(false);
  });
});
