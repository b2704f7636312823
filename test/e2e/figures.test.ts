import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewerOf } from '../../reports/excel.js';
import { GROUP_ID, mentionEntities, type Seen, TelegramHarness } from '../helpers/telegram.js';

/**
 * Figures the Council can sign: periods as people write them, points kept where they were earned,
 * who a deed credits, honest statuses, decisions that can be corrected, ranks and ties.
 */
const ADMIN = 900001;
const COUNCIL = 800001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai', { username: 'maivt' });
const binh = () => tg.user(1004, 'Bình', { username: 'binhdq' });
const council = () => tg.user(COUNCIL, 'Hội đồng', { username: 'hoidong' });
const admin = () => tg.user(ADMIN, 'Toàn', { username: 'toan_vp' });

const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};
const firstLine = (seen: Seen[]) => (seen[0]?.text ?? '').split('\n')[0];

async function setUp(options: { mode?: 'after' | 'before' } = {}) {
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    council: [COUNCIL],
    agency: { review: { mode: options.mode ?? 'after' } },
    now: new Date('2026-11-25T03:00:00Z'), // Wednesday 25 November 2026, 10:00 in Vietnam
  });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
  await tg.send(council(), '/dangky Lê Hội Đồng | tcdv');
}

afterEach(async () => {
  await tg.close();
});

describe('periods as people write them, on /tonghop and /bangxephang', () => {
  beforeEach(() => setUp());

  it.each([
    ['tuần', 'tuần 48/2026 (23/11/2026 – 29/11/2026, tính đến ngày 25/11/2026)'],
    ['tuần này', 'tuần 48/2026 (23/11/2026 – 29/11/2026, tính đến ngày 25/11/2026)'],
    ['tuần trước', 'tuần 47/2026 (16/11/2026 – 22/11/2026)'],
    ['tuan truoc', 'tuần 47/2026 (16/11/2026 – 22/11/2026)'],
    ['tháng', 'tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)'],
    ['tháng 11', 'tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)'],
    ['thang 11', 'tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)'],
    ['tháng 11/2026', 'tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)'],
    ['11/2026', 'tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)'],
    ['tháng trước', 'tháng 10/2026 (01/10/2026 – 31/10/2026)'],
    ['quý', 'quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
    ['quý 4', 'quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
    ['quy 3', 'quý III/2026 (01/07/2026 – 30/09/2026)'],
    ['quý IV', 'quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
    ['Q4', 'quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
    ['Q4/2026', 'quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
    ['quý trước', 'quý III/2026 (01/07/2026 – 30/09/2026)'],
    ['năm', 'năm 2026 (01/01/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
    ['năm 2025', 'năm 2025 (01/01/2025 – 31/12/2025)'],
    ['2025', 'năm 2025 (01/01/2025 – 31/12/2025)'],
    ['năm trước', 'năm 2025 (01/01/2025 – 31/12/2025)'],
    ['last month', 'tháng 10/2026 (01/10/2026 – 31/10/2026)'],
    ['quarter 4', 'quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)'],
  ])('/tonghop %s summarises %s, named once', async (typed, named) => {
    const seen = await tg.send(admin(), `/tonghop ${typed}`);
    expect(firstLine(seen)).toBe(`📊 Tổng hợp thi đua — ${named}`);
    expect(seen[0]?.text).not.toContain('Phòng:');
  });

  it.each([
    ['tuần trước', 'tuần 47/2026 (16/11/2026 – 22/11/2026)'],
    ['tháng 11', 'tháng 11/2026 (tính đến ngày 25/11/2026)'],
    ['quý IV', 'quý IV/2026 (tính đến ngày 25/11/2026)'],
    ['Q3/2026', 'quý III/2026'],
    ['năm 2025', 'năm 2025'],
    ['last week', 'tuần 47/2026 (16/11/2026 – 22/11/2026)'],
  ])('/bangxephang %s ranks %s', async (typed, named) => {
    expect(firstLine(await tg.send(lan(), `/bangxephang ${typed}`))).toBe(
      `🏆 Bảng xếp hạng thi đua — ${named}`,
    );
  });

  it('counts only the entries inside the period named, in Vietnam’s time', async () => {
    // 30 September 23:30 in Vietnam is still the third quarter, though UTC says 16:30.
    tg.now = new Date('2026-09-30T16:30:00Z');
    await tg.send(hung(), '/hoanthanh Hoàn thành báo cáo quý ba');
    // 1 October 00:30 in Vietnam is the fourth quarter, though UTC still says 30 September.
    tg.now = new Date('2026-09-30T17:30:00Z');
    await tg.send(mai(), '/hoanthanh Mở đầu công việc quý bốn');
    tg.now = new Date('2026-11-25T03:00:00Z');
    const q3 = (await tg.send(admin(), '/tonghop quý 3'))[0]?.text ?? '';
    expect(q3).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 1 điểm, 1 mục');
    // (Below the figures, the registration section names who has not registered a title.)
    expect(q3.split('Đăng ký thi đua năm')[0]).not.toContain('Vũ Thị Mai');
    const q4 = (await tg.send(admin(), '/tonghop quý IV'))[0]?.text ?? '';
    expect(q4).toContain('1. Vũ Thị Mai (Phòng Cán bộ) — 1 điểm, 1 mục');
    expect(q4).not.toContain('Trần Văn Hùng (');
    const september = (await tg.send(lan(), '/bangxephang tháng 9'))[0]?.text ?? '';
    expect(september).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 1 điểm');
  });

  it('never reads a number as a department’s place in a list: departments are named', async () => {
    await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ cán bộ');
    const q4 = await tg.send(admin(), '/tonghop quý 4');
    expect(firstLine(q4)).toBe(
      '📊 Tổng hợp thi đua — quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)',
    );
    const bare = only(await tg.send(admin(), '/tonghop 4'));
    expect(bare.text).toContain('Không hiểu kỳ “4”.');
    expect(bare.text).toContain('Cách dùng: /tonghop [kỳ] [tên phòng] [file|binhxet]');
    expect(bare.buttons).toEqual([]);
    const byName = await tg.send(admin(), '/tonghop tháng 11 phong can bo');
    expect(firstLine(byName)).toBe(
      '📊 Tổng hợp thi đua — Phòng Cán bộ — tháng 11/2026 (01/11/2026 – 30/11/2026, tính đến ngày 25/11/2026)',
    );
    const byId = await tg.send(admin(), '/tonghop cb quý IV');
    expect(firstLine(byId)).toBe(
      '📊 Tổng hợp thi đua — Phòng Cán bộ — quý IV/2026 (01/10/2026 – 31/12/2026, tính đến ngày 25/11/2026)',
    );
    expect(byId[0]?.text).toContain('Tổng cộng: 1 mục, 1 điểm');
    const vp = (await tg.send(admin(), '/tonghop quý 4 VĂN PHÒNG BAN'))[0]?.text ?? '';
    expect(vp).toContain('Tổng cộng: 0 mục, 0 điểm');
  });

  it('refuses a period that cannot exist as a period, with the usage line, and files nothing', async () => {
    for (const [typed, shown] of [
      ['quý 9', 'quý 9'],
      ['tháng 13', 'tháng 13'],
      ['Q5/2026', 'Q5/2026'],
    ]) {
      const reply = only(await tg.send(admin(), `/tonghop ${typed} file`));
      expect(reply.text).toContain(`Không có kỳ “${shown}”`);
      expect(reply.text).toContain('Cách dùng: /tonghop');
      expect(reply.text).not.toContain('Không tìm thấy phòng');
    }
    expect(tg.callsOf('sendDocument')).toHaveLength(0);
    expect(only(await tg.send(lan(), '/bangxephang tháng 13')).text).toContain('Không có kỳ “tháng 13”');
    expect(only(await tg.send(lan(), '/cuatoi quý 9')).text).toContain('Không có kỳ “quý 9”');
  });

  it('says a period has not begun instead of summing nothing "up to today"', async () => {
    // 2026 has a week 53 (28/12/2026 – 03/01/2027) and 2025 none: in November it has not begun.
    for (const typed of ['tuần 53', 'tháng 12/2027', 'quý 1/2027 cb file']) {
      const reply = only(await tg.send(admin(), `/tonghop ${typed}`));
      expect(reply.text).toMatch(
        /^Kỳ (tuần 53\/2026|tháng 12\/2027|quý I\/2027) \(.+\) chưa bắt đầu nên chưa có số liệu\./,
      );
      expect(reply.text).not.toContain('Tổng hợp thi đua');
      expect(reply.text).not.toContain('tính đến ngày');
    }
    expect(only(await tg.send(admin(), '/tonghop tuần 53')).text).toContain(
      'Kỳ tuần 53/2026 (28/12/2026 – 03/01/2027) chưa bắt đầu',
    );
    expect(tg.callsOf('sendDocument')).toHaveLength(0);
    expect(only(await tg.send(lan(), '/bangxephang năm 2027')).text).toContain('Kỳ năm 2027');
    expect(only(await tg.send(lan(), '/cuatoi tuần 53')).text).toContain('chưa bắt đầu');
    expect(only(await tg.send(lan(), '/baocaothanhtich 2027')).text).toContain('Kỳ năm 2027');
    // A month named without its year is the latest begun: in November, `tháng 12` is December 2025.
    expect(firstLine(await tg.send(admin(), '/tonghop tháng 12'))).toContain('tháng 12/2025');
  });

  it('reads a half-year as offices write it for the half-year review (6 tháng đầu năm)', async () => {
    // 30 June 23:30 in Vietnam is the first half; 1 July 00:30 the second.
    tg.now = new Date('2026-06-30T16:30:00Z');
    await tg.send(lan(), '/viectot Trực thay ca cho đồng nghiệp bị ốm');
    tg.now = new Date('2026-06-30T17:30:00Z');
    await tg.send(lan(), '/viectot Giúp phòng bạn sửa máy in');
    await tg.send(hung(), '/sangkien Phần mềm quản lý hồ sơ đảng viên #cntt');
    tg.now = new Date('2026-11-25T03:00:00Z');
    const first = only(await tg.send(admin(), '/tonghop 6 tháng đầu năm'));
    expect(first.text).toMatch(/^📊 Tổng hợp thi đua — 6 tháng đầu năm 2026 \(01\/01\/2026 – 30\/06\/2026\)/);
    expect(first.text).toContain('Tổng cộng: 1 mục');
    const second = only(await tg.send(admin(), '/tonghop sáu tháng cuối năm'));
    expect(second.text).toContain('6 tháng cuối năm 2026');
    expect(second.text).toContain('Tổng cộng: 2 mục');
    // The button to download files names the half-year so that it reads back as itself.
    const before = tg.calls.length;
    await tg.press(admin(), first, '📎 Tải file báo cáo (Excel, Word)');
    const doc = tg.calls.slice(before).filter((c) => c.method === 'sendDocument')[1];
    const data = (doc?.payload.document as { fileData?: Buffer } | undefined)?.fileData as Buffer;
    const { default: JSZip } = await import('jszip');
    const xml = (await (await JSZip.loadAsync(data)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain('6 tháng đầu năm 2026 (từ 01/01/2026 đến 30/06/2026)');
    expect(only(await tg.send(lan(), '/cuatoi H1')).text).toContain('6 tháng đầu năm 2026');
    expect(only(await tg.send(lan(), '/bangxephang 06 tháng đầu năm')).text).toContain(
      '6 tháng đầu năm 2026',
    );
    // Six months that do not say which half: asked, not guessed.
    const which = only(await tg.send(lan(), '/cuatoi 6 tháng qua')).text;
    expect(which).toContain('Đồng chí ghi rõ 6 tháng đầu năm hay 6 tháng cuối năm');
    expect(which).not.toContain('Ghi nhận của');
    expect(only(await tg.send(admin(), '/tonghop 6 tháng đầu năm 2027')).text).toContain(
      'Kỳ 6 tháng đầu năm 2027 (01/01/2027 – 30/06/2027) chưa bắt đầu',
    );
  });

  it('refuses two periods instead of picking one', async () => {
    const board = only(await tg.send(lan(), '/bangxephang thang tuan'));
    expect(board.text).toContain('Đồng chí ghi hai kỳ, “thang” và “tuan”: vui lòng chọn một.');
    expect(board.text).toContain('Cách dùng: /bangxephang');
    const mine = only(await tg.send(lan(), '/cuatoi tuần trước tháng'));
    expect(mine.text).toContain('Đồng chí ghi hai kỳ, “tuần trước” và “tháng”: vui lòng chọn một.');
    const sheet = (await tg.send(admin(), '/tonghop nam cb binhxet'))[0];
    expect(sheet?.text).toContain('Bảng bình xét cuối năm 2026');
    expect(sheet?.text).toContain(
      'Bảng bình xét lập cho toàn cơ quan (mọi cá nhân và tập thể), không riêng “Phòng Cán bộ”.',
    );
  });

  it('names the week once in the summary and in the Word title', async () => {
    const summary = (await tg.send(admin(), '/tonghop tuan'))[0]?.text ?? '';
    expect(summary.match(/23\/11\/2026/g)).toHaveLength(1);
  });
});

describe('history stays where it was earned', () => {
  beforeEach(() => setUp());

  it('keeps a mover’s past points in the old department; new entries count for the new one', async () => {
    tg.now = new Date('2026-11-02T03:00:00Z');
    await tg.send(lan(), '/sangkien Sổ tay điện tử theo dõi văn bản #cntt'); // 5, Văn phòng
    await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ cán bộ'); // 1, Cán bộ
    const before = (await tg.send(admin(), '/tonghop thang'))[0]?.text ?? '';
    expect(before).toContain('• Văn phòng Ban: 1 mục, 5 điểm; tham gia 1/1 người (100%)');
    expect(before).toContain('• Phòng Cán bộ: 1 mục, 1 điểm; tham gia 1/2 người (50%)');

    // Lan asks to move: the bot asks first, and nothing changes until she confirms.
    tg.now = new Date('2026-11-10T03:00:00Z');
    const asked = only(await tg.send(lan(), '/dangky Nguyễn Thị Lan | Phòng Cán bộ'));
    expect(asked.text).toContain(
      'Nguyễn Thị Lan đang thuộc Văn phòng Ban. Chuyển sang Phòng Cán bộ từ hôm nay? Các mục đã ghi trước đây vẫn tính cho Văn phòng Ban.',
    );
    expect(tg.store.memberByIdentity('telegram:1001')?.departmentId).toBe('vp');
    expect(await tg.press(hung(), asked, 'Xác nhận chuyển sang Phòng Cán bộ')).toEqual([]);
    expect(tg.store.memberByIdentity('telegram:1001')?.departmentId).toBe('vp');
    const done = only(await tg.press(lan(), asked, 'Xác nhận chuyển sang Phòng Cán bộ'));
    expect(done.text).toContain('Đã chuyển Nguyễn Thị Lan từ Văn phòng Ban sang Phòng Cán bộ kể từ hôm nay.');
    await tg.send(lan(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm'); // 2, Cán bộ

    const after = (await tg.send(admin(), '/tonghop thang'))[0]?.text ?? '';
    expect(after).toContain('• Văn phòng Ban: 1 mục, 5 điểm; tham gia 0/0 người (—)');
    expect(after).toContain('• Phòng Cán bộ: 2 mục, 3 điểm; tham gia 2/3 người (67%)');
    const board = (await tg.send(lan(), '/bangxephang thang'))[0]?.text ?? '';
    expect(board).toContain('Văn phòng Ban — 0 điểm/người (tổng 5 điểm, 0 người)');
    expect(board).toContain('Phòng Cán bộ — 1 điểm/người (tổng 3 điểm, 3 người)');
    // Each department's own summary keeps what was earned in it: the Văn phòng's holds Lan's initiative
    // of 2 November (naming where she is now), Phòng Cán bộ's only what she logged after the move.
    const office = (await tg.send(admin(), '/tonghop thang vp'))[0]?.text ?? '';
    expect(office).toContain('Tổng cộng: 1 mục, 5 điểm');
    expect(office).toContain('1. Nguyễn Thị Lan (nay thuộc Phòng Cán bộ) — 5 điểm, 1 mục');
    const cadres = (await tg.send(admin(), '/tonghop thang cb'))[0]?.text ?? '';
    expect(cadres).toContain('• Sáng kiến: 0 mục, 0 điểm');
    expect(cadres).toContain('Tổng cộng: 2 mục, 3 điểm');
    expect(cadres).toContain('1. Nguyễn Thị Lan (Phòng Cán bộ) — 2 điểm, 1 mục');
    // The move is in her history, and each entry keeps the department it counts for.
    const history = tg.store.memberByIdentity('telegram:1001')?.history.at(-1);
    expect(history).toMatchObject({
      action: 'moved',
      by: tg.store.memberByIdentity('telegram:1001')?.id,
      note: 'vp → cb',
    });
    expect(tg.store.entry('SK1')?.departmentId).toBe('vp');
    expect(tg.store.entry('VT3')?.departmentId).toBe('cb');
    const lichsu = only(await tg.send(lan(), '/lichsu SK1')).text;
    expect(lichsu).toContain('Tính cho: Văn phòng Ban');
  });

  it('lets an admin move a member, who is told, and refuses a member moving someone else', async () => {
    await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ cán bộ');
    const refused = only(await tg.send(lan(), '/chuyenphong Trần Văn Hùng | vp'));
    expect(refused.text).toContain('Chỉ quản trị viên mới chuyển phòng cho người khác.');
    const text = '/chuyenphong @hungtv | Văn phòng Ban';
    const asked = only(await tg.send(admin(), text, { entities: mentionEntities(text) }));
    expect(asked.text).toContain(
      'Trần Văn Hùng đang thuộc Phòng Cán bộ. Chuyển sang Văn phòng Ban từ hôm nay?',
    );
    tg.startedPrivate.add(1002);
    const done = await tg.press(admin(), asked, 'Xác nhận chuyển sang Văn phòng Ban');
    expect(done[0]?.text).toContain('Đã chuyển Trần Văn Hùng từ Phòng Cán bộ sang Văn phòng Ban');
    const told = done.find((s) => s.chatId === 1002);
    expect(told?.text).toContain('Đồng chí đã được Toàn chuyển từ Phòng Cán bộ sang Văn phòng Ban');
    expect(tg.store.memberByIdentity('telegram:1002')?.history.at(-1)).toMatchObject({
      action: 'moved',
      by: tg.store.memberByIdentity(`telegram:${ADMIN}`)?.id ?? `telegram:${ADMIN}`,
      note: 'cb → vp',
    });
    expect(tg.store.entry('HT1')?.departmentId).toBe('cb');
  });
});

describe('who a good deed credits, and words that make a deed', () => {
  beforeEach(() => setUp());

  it('does not count an unreviewed #cntt line as the plan’s IT model reached', async () => {
    expect(only(await tg.send(lan(), '/sangkien #cntt')).text).toContain(
      'Vui lòng ghi rõ nội dung sáng kiến',
    );
    await tg.send(lan(), '/sangkien Phần mềm quản lý hồ sơ đảng viên #cntt');
    const plan = only(await tg.send(hung(), '/kehoach')).text;
    expect(plan).toMatch(/⏳ Ít nhất 01 mô hình ứng dụng/);
    expect(plan).not.toMatch(/✅ Ít nhất 01 mô hình ứng dụng/);
    await tg.send(council(), '/duyet SK1');
    expect(only(await tg.send(hung(), '/kehoach')).text).toMatch(
      /✅ Ít nhất 01 mô hình ứng dụng.*\n.* 1\/1\n/,
    );
  });
});

describe('honest statuses and decisions that can be corrected', () => {
  beforeEach(() => setUp());

  it('shows the same words for a rejected entry in /lichsu and /cuatoi', async () => {
    await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm');
    await tg.send(council(), '/tuchoi VT1 Chưa đủ minh chứng');
    expect(only(await tg.send(lan(), '/lichsu VT1')).text).toContain(
      'Trạng thái: Không được duyệt, không tính điểm.',
    );
    expect(only(await tg.send(lan(), '/cuatoi')).text).toContain(
      '(Không được duyệt, không tính điểm) — lý do: Chưa đủ minh chứng',
    );
  });

  it('reads a code typed with a space (vt 1, HT 2) as the code, the reason after it kept whole', async () => {
    await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm');
    await tg.send(lan(), '/viectot Hướng dẫn đồng nghiệp mới');
    await tg.send(council(), '/tuchoi vt 1 Chưa đủ minh chứng');
    const history = only(await tg.send(lan(), '/lichsu vt 1')).text;
    expect(history).toContain('Trạng thái: Không được duyệt, không tính điểm.');
    expect(history).toMatch(/không duyệt — Lê Hội Đồng \(Telegram\)\n\s+Chưa đủ minh chứng$/);
    expect((await tg.send(council(), '/duyet VT 2'))[0]?.text).toContain('VT2');
    expect(only(await tg.send(lan(), '/lichsu VT 2')).text).toContain('Trạng thái: Đã duyệt');
    // Two letters that are no kind's are not read as a code.
    expect(only(await tg.send(lan(), '/lichsu xy 1')).text).toContain('Không có mục nào mã “xy”.');
  });

  it('names an approver without a profile by the account a clerk can trace, in /lichsu and the workbook', async () => {
    await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm');
    await tg.send(admin(), '/duyet VT1');
    const history = only(await tg.send(lan(), '/lichsu VT1')).text;
    expect(history).toContain('tài khoản Telegram 900001 (chưa có hồ sơ)');
    expect(history).not.toContain('telegram:900001');
    // The workbook's "Người duyệt" column reads the same function.
    const entry = tg.store.entry('VT1');
    if (!entry) throw new Error('no VT1');
    expect(reviewerOf(tg.store, entry).reviewer).toBe('Tài khoản Telegram 900001 (chưa có hồ sơ)');
  });

  it('/xetlai puts a decided entry back to pending with a reason; both people are told; the next decision is new', async () => {
    tg.startedPrivate.add(1001);
    tg.startedPrivate.add(1002);
    const text = '/viectot @lan_nguyen đã trực thay ca đêm';
    await tg.send(hung(), text, { entities: mentionEntities(text) });
    // A decision on a deed reported for a colleague reaches the colleague and the reporter.
    const rejected = await tg.send(council(), '/tuchoi VT1 Trùng với mục đã ghi');
    expect(rejected.find((s) => s.chatId === 1001)?.text).toContain(
      'Mục VT1 (Việc tốt) ghi nhận cho đồng chí không được thành viên Hội đồng Thi đua – Khen thưởng duyệt.',
    );
    expect(rejected.find((s) => s.chatId === 1002)?.text).toContain(
      'Mục VT1 (Việc tốt) đồng chí ghi cho Nguyễn Thị Lan không được thành viên Hội đồng Thi đua – Khen thưởng duyệt.',
    );

    expect(only(await tg.send(council(), '/xetlai VT1')).text).toContain('Vui lòng ghi lý do xét lại');
    expect(only(await tg.send(lan(), '/xetlai VT1 Xin xét lại')).text).toContain(
      'dành cho thành viên Hội đồng Thi đua – Khen thưởng',
    );
    expect(tg.store.entry('VT1')?.review).toBe('rejected');
    const reopened = await tg.send(council(), '/xetlai VT1 Người báo bổ sung minh chứng');
    expect(reopened[0]?.text).toContain(
      'Mục VT1 của Nguyễn Thị Lan đã được đưa về chờ duyệt để xét lại. Lý do: Người báo bổ sung minh chứng',
    );
    expect(reopened.find((s) => s.chatId === 1001)?.text).toContain(
      'ghi nhận cho đồng chí được thành viên Hội đồng',
    );
    expect(reopened.find((s) => s.chatId === 1002)?.text).toContain(
      'đồng chí ghi cho Nguyễn Thị Lan được thành viên Hội đồng',
    );
    expect(tg.store.entry('VT1')?.review).toBe('pending');
    expect(only(await tg.send(council(), '/xetlai VT1 Lần nữa')).text).toContain(
      'đang chờ duyệt, chưa có quyết định',
    );

    await tg.send(council(), '/duyet VT1');
    expect(tg.store.entry('VT1')?.history.map((h) => h.action)).toEqual([
      'created',
      'rejected',
      'reopened',
      'approved',
    ]);
    const lichsu = only(await tg.send(lan(), '/lichsu VT1')).text;
    expect(lichsu).toContain('Trạng thái: Đã duyệt, được tính điểm.');
    expect(lichsu).toContain('— xét lại — Lê Hội Đồng (Telegram)\n   Người báo bổ sung minh chứng');
  });

  it('an admin withdrawing someone else’s entry gives a reason and the member is told; the author needs none', async () => {
    tg.startedPrivate.add(1001);
    await tg.send(lan(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm');
    await tg.send(lan(), '/viectot Dọn dẹp phòng lưu trữ hồ sơ');
    const asked = only(await tg.send(admin(), '/huy VT1'));
    expect(asked.text).toContain('Mục VT1 không do đồng chí ghi: vui lòng ghi lý do rút');
    expect(tg.store.entry('VT1')?.status).toBe('active');
    const done = await tg.send(admin(), '/huy VT1 Ghi trùng với mục khác');
    expect(done[0]?.text).toContain('Đã rút mục VT1 của Nguyễn Thị Lan; 2 điểm không còn được tính.');
    const told = done.find((s) => s.chatId === 1001);
    expect(told?.text).toContain('ghi nhận cho đồng chí đã được Toàn rút lại, không còn được tính điểm.');
    expect(told?.text).toContain('Lý do: Ghi trùng với mục khác');
    expect(tg.store.entry('VT1')?.history.at(-1)).toMatchObject({
      action: 'withdrawn',
      note: 'Ghi trùng với mục khác',
    });
    expect(only(await tg.send(lan(), '/huy VT2')).text).toContain(
      'Đã rút mục VT2; 2 điểm không còn được tính.',
    );
  });

  it('nobody moves a model example about themselves, their entry or their department', async () => {
    await tg.send(council(), '/sangkien Bộ công cụ hỗ trợ thẩm định hồ sơ');
    await tg.send(lan(), '/dienhinh SK1 Giải pháp hiệu quả');
    const text = '/dienhinh @hoidong Tận tụy với công việc';
    await tg.send(lan(), text, { entities: mentionEntities(text) });
    await tg.send(lan(), '/dienhinh phong to chuc dang dang vien Tập thể đoàn kết');
    for (const no of [1, 2, 3]) {
      expect(only(await tg.send(council(), `/dienhinh ${no} tiep Bồi dưỡng thêm`)).text).toContain(
        `Điển hình số ${no} là về đồng chí, mục của đồng chí hoặc phòng của đồng chí`,
      );
    }
    expect(tg.store.models.map((m) => m.stage)).toEqual(['discover', 'discover', 'discover']);
    expect(only(await tg.send(admin(), '/dienhinh 1 tiep Bồi dưỡng thêm')).text).toContain(
      'chuyển sang giai đoạn Bồi dưỡng',
    );
  });
});

describe('ranks, ties and digests', () => {
  beforeEach(() => setUp());

  it('shares a rank between equal points (1, 2, 2, 4) and never ranks a member without points', async () => {
    await tg.send(binh(), '/dangky Đặng Quốc Bình | bvct');
    expect(only(await tg.send(lan(), '/cuatoi')).text).toContain('Xếp hạng: chưa có điểm trong kỳ.');
    await tg.send(lan(), '/sangkien Sổ tay điện tử theo dõi văn bản'); // 3
    await tg.send(hung(), '/viectot Trực thay đồng nghiệp bị ốm'); // 2
    await tg.send(mai(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm'); // 2
    await tg.send(council(), '/hoanthanh Tổng hợp ý kiến các phòng'); // 1
    const board = only(await tg.send(binh(), '/bangxephang')).text;
    expect(board).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 3 điểm');
    expect(board).toContain('2. Trần Văn Hùng (Phòng Cán bộ) — 2 điểm');
    expect(board).toContain('2. Vũ Thị Mai (Phòng Cán bộ) — 2 điểm');
    expect(board).toContain('4. Lê Hội Đồng (Phòng Tổ chức đảng, đảng viên) — 1 điểm');
    expect(board).not.toContain('Đặng Quốc Bình (');
    expect(only(await tg.send(mai(), '/cuatoi')).text).toContain('Xếp hạng: 2/4 người có điểm trong kỳ.');
    expect(only(await tg.send(binh(), '/cuatoi')).text).toContain('Xếp hạng: chưa có điểm trong kỳ.');
  });

  it('keeps everyone tied at the last place of a top list, and says why the list is longer', async () => {
    await tg.close();
    tg = await TelegramHarness.create({
      admins: [ADMIN],
      agency: { leaderboard: { topMembers: 2 } },
      now: new Date('2026-11-25T03:00:00Z'),
    });
    await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
    await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
    await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
    await tg.send(lan(), '/sangkien Sổ tay điện tử theo dõi văn bản'); // 3
    await tg.send(hung(), '/viectot Trực thay đồng nghiệp bị ốm'); // 2
    await tg.send(mai(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm'); // 2
    const board = only(await tg.send(lan(), '/bangxephang')).text;
    expect(board).toContain('2. Trần Văn Hùng (Phòng Cán bộ) — 2 điểm');
    expect(board).toContain('2. Vũ Thị Mai (Phòng Cán bộ) — 2 điểm');
    expect(board).toContain('Danh sách có 3 người vì có người đồng hạng.');
  });

  it('the monthly digest keeps a tie whole and lists only the month’s model examples', async () => {
    tg.startedPrivate.add(ADMIN);
    tg.now = new Date('2026-11-10T03:00:00Z');
    for (const [who, text] of [
      [lan, '/viectot Trực thay đồng nghiệp bị ốm'],
      [hung, '/viectot Hướng dẫn đồng nghiệp mới phần mềm'],
      [mai, '/hoanthanh Tổng hợp ý kiến các phòng'],
      [council, '/hoanthanh Rà soát hồ sơ quy hoạch'],
    ] as const) {
      await tg.send(who(), text);
    }
    await tg.send(binh(), '/dangky Đặng Quốc Bình | bvct');
    await tg.send(binh(), '/hoanthanh Cập nhật dữ liệu đảng viên');
    await tg.send(admin(), '/dangky Phạm Hữu Toàn | vp');
    await tg.send(admin(), '/hoanthanh Chuẩn bị tài liệu hội nghị');
    await tg.send(lan(), '/dienhinh VT1 Tinh thần tương trợ');
    // 1 December, 08:30 in Vietnam: a model example proposed today is December's, not November's.
    tg.now = new Date('2026-12-01T01:30:00Z');
    await tg.send(lan(), '/dienhinh phong can bo Đoàn kết, hoàn thành tốt nhiệm vụ');
    // The digest's picture, then its text.
    const seen = await tg.send(admin(), '/xemtruoc thang', { inPrivate: true });
    expect(seen[0]?.photo?.filename).toBe('diem-tin-thang-11-2026.png');
    const digest = seen.map((s) => s.text).join('\n');
    expect(digest).toContain('Điểm tin thi đua tháng 11/2026');
    // Top 5 of six members: four with 1 point tie for 3rd, so all of them are listed.
    expect(digest).toContain('1. Nguyễn Thị Lan (Văn phòng Ban) — 2 điểm');
    expect(digest).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 2 điểm');
    for (const name of ['Vũ Thị Mai', 'Lê Hội Đồng', 'Đặng Quốc Bình', 'Phạm Hữu Toàn']) {
      expect(digest).toContain(`3. ${name}`);
    }
    expect(digest).toContain('Danh sách có 6 người vì có người đồng hạng.');
    expect(digest).toContain('• Số 1: Nguyễn Thị Lan — Phát hiện');
    expect(digest).not.toContain('Số 2:');
  });
});

describe('six behaviours no test pinned', () => {
  it('ranks departments by points per member where that differs from total points', async () => {
    await setUp();
    await tg.send(binh(), '/dangky Đặng Quốc Bình | cb');
    // Cán bộ: 3 members, 6 points (2 each). Văn phòng: 1 member, 3 points.
    await tg.send(hung(), '/viectot Trực thay đồng nghiệp bị ốm');
    await tg.send(mai(), '/viectot Hướng dẫn đồng nghiệp mới phần mềm');
    await tg.send(binh(), '/viectot Dọn dẹp phòng lưu trữ hồ sơ');
    await tg.send(lan(), '/sangkien Sổ tay điện tử theo dõi văn bản');
    const board = only(await tg.send(lan(), '/bangxephang')).text;
    expect(board).toContain('1. Văn phòng Ban — 3 điểm/người (tổng 3 điểm, 1 người)');
    expect(board).toContain('2. Phòng Cán bộ — 2 điểm/người (tổng 6 điểm, 3 người)');
  });

  it('escapes a member name with < and & on the leaderboard and in /tonghop', async () => {
    await setUp();
    await tg.send(binh(), '/dangky Đặng <Bình> & Cộng Sự | bvct');
    await tg.send(binh(), '/viectot Trực thay đồng nghiệp bị ốm');
    const board = only(await tg.send(lan(), '/bangxephang'));
    expect(board.html).toContain('Đặng &lt;Bình&gt; &amp; Cộng Sự');
    expect(board.text).toContain('1. Đặng <Bình> & Cộng Sự (Phòng Bảo vệ chính trị nội bộ) — 2 điểm');
    const summary = (await tg.send(admin(), '/tonghop'))[0];
    expect(summary?.html).toContain('Đặng &lt;Bình&gt; &amp; Cộng Sự');
  });

  it('refuses admin commands to a Council member who is not an admin', async () => {
    await setUp();
    for (const command of ['/tonghop', '/xemtruoc bangxephang', '/dangngay thang', '/tonghop 2026 binhxet']) {
      expect(only(await tg.send(council(), command)).text).toContain('chỉ dành cho quản trị viên');
    }
  });

  it('in review mode `before`, counts only approved entries in department lines, the confirmation’s rank and /cuatoi’s rank', async () => {
    await setUp({ mode: 'before' });
    await tg.send(lan(), '/sangkien Sổ tay điện tử theo dõi văn bản');
    const confirmation = only(await tg.send(hung(), '/viectot Trực thay đồng nghiệp bị ốm')).text;
    expect(confirmation).toContain('Tuần này Trần Văn Hùng chưa có điểm được tính.');
    expect(only(await tg.send(hung(), '/cuatoi')).text).toContain('Xếp hạng: chưa có điểm trong kỳ.');
    await tg.send(council(), '/duyet VT2');
    const board = only(await tg.send(lan(), '/bangxephang')).text;
    expect(board).toContain('1. Phòng Cán bộ — 1 điểm/người (tổng 2 điểm, 2 người)');
    expect(board).toContain('• Văn phòng Ban — chưa có điểm trong kỳ (1 người)');
    expect(only(await tg.send(hung(), '/cuatoi')).text).toContain('Xếp hạng: 1/1 người có điểm trong kỳ.');
    const next = only(await tg.send(hung(), '/hoanthanh Thẩm định hồ sơ cán bộ')).text;
    expect(next).toContain('Tuần này Trần Văn Hùng xếp hạng 1/1 người có điểm, với 2 điểm.');
  });
});

describe('registering as a clerk would expect', () => {
  beforeEach(() => setUp());

  it('recognises a department written where the name goes, and offers the swap', async () => {
    const reply = only(await tg.send(binh(), '/dangky Phòng Cán bộ | Đặng Quốc Bình'));
    expect(reply.text).toContain('“Phòng Cán bộ” là tên một phòng.');
    expect(tg.store.memberByIdentity('telegram:1004')).toBeUndefined();
    const done = only(await tg.press(binh(), reply, 'Đăng ký: Đặng Quốc Bình — Phòng Cán bộ'));
    expect(done.text).toContain('Đã đăng ký Đặng Quốc Bình — Phòng Cán bộ');
  });

  it('asks once before keeping a name without diacritics or capitals', async () => {
    const asked = only(await tg.send(binh(), '/dangky nguyen van nam | cb'));
    expect(asked.text).toContain('Họ và tên “nguyen van nam” chưa có dấu hoặc chưa viết hoa.');
    expect(tg.store.memberByIdentity('telegram:1004')).toBeUndefined();
    const kept = only(await tg.press(binh(), asked, 'Giữ nguyên “nguyen van nam”'));
    expect(kept.text).toContain('Đã đăng ký nguyen van nam — Phòng Cán bộ');
    // Asked once: the same name again is taken as it is.
    expect(only(await tg.send(binh(), '/dangky nguyen van nam | cb')).text).toContain('Đã cập nhật hồ sơ');
  });

  it('refuses another member’s exact full name', async () => {
    const reply = only(await tg.send(binh(), '/dangky Nguyễn Thị Lan | cb'));
    expect(reply.text).toContain('Đã có thành viên khác tên “Nguyễn Thị Lan”.');
    expect(only(await tg.send(hung(), '/dangky nguyễn thị lan | cb')).text).toContain(
      'Đã có thành viên khác tên',
    );
    expect(tg.store.memberByIdentity('telegram:1002')?.fullName).toBe('Trần Văn Hùng');
  });

  it('lists departments to pick by name, and never by a bare number', async () => {
    const reply = only(await tg.send(binh(), '/dangky Đặng Quốc Bình | 3'));
    expect(reply.text).toContain('Không tìm thấy phòng “3”.');
    expect(reply.buttons.map((b) => b.text)).toContain('Phòng Cán bộ');
    expect(tg.store.memberByIdentity('telegram:1004')).toBeUndefined();
  });
});

it('posts /dangngay only after the admin confirms', async () => {
  await setUp();
  // The post: its text, or its picture with the text as caption.
  const posts = () => tg.seenSince(0).filter((s) => s.text.includes('Bảng vàng'));
  const asked = only(await tg.send(admin(), '/dangngay bangxephang'));
  expect(asked.text).toContain('Đăng bảng xếp hạng tuần lên nhóm chung ngay bây giờ?');
  expect(asked.chatId).toBe(GROUP_ID);
  expect(posts()).toHaveLength(0);
  await tg.press(admin(), asked, '📣 Đăng ngay');
  expect(posts()).toHaveLength(1);
});

it('names a week once in the Word report’s title', async () => {
  await setUp();
  const before = tg.calls.length;
  await tg.send(admin(), '/tonghop tuần trước file');
  const doc = tg.calls.slice(before).filter((c) => c.method === 'sendDocument')[1];
  const data = (doc?.payload.document as { fileData?: Buffer } | undefined)?.fileData as Buffer;
  const { default: JSZip } = await import('jszip');
  const xml = (await (await JSZip.loadAsync(data)).file('word/document.xml')?.async('string')) ?? '';
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain('Tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)');
  expect(text.match(/16\/11\/2026/g)).toHaveLength(1);
});
