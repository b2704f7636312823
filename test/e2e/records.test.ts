/**
 * The year-end records as the Office keeps them over Telegram: ratings (with the 20 % warning of
 * Quy định 366-QĐ/TW), discipline, past awards, initiatives the Hội đồng sáng kiến recognised,
 * signed award decisions, corrections — each refused politely when something is wrong (an unknown
 * member, an unknown rating, a decision number another record holds) with nothing changed, and each
 * change in the record's history with who, when and from where.
 */
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mentionEntities, type Seen, TelegramHarness } from '../helpers/telegram.js';
import { criteriaTable, readBook } from '../helpers/xlsx.js';

const ADMIN = 900001;
const COUNCIL = 800001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const mai = () => tg.user(1003, 'Mai', { username: 'maivt' });
const admin = () => tg.user(ADMIN, 'Toàn');
const council = () => tg.user(COUNCIL, 'Hội đồng');

const DEC = new Date('2026-12-22T03:00:00Z');

const text = (seen: Seen[]) => seen.map((s) => s.text).join('\n');
const id = (name: string) => tg.store.members.find((m) => m.fullName === name)?.id as string;
const member = (name: string) => ({ kind: 'member' as const, memberId: id(name) });
const asAdmin = (command: string) =>
  tg.send(admin(), command, { inPrivate: true, entities: mentionEntities(command) });

beforeEach(async () => {
  tg = await TelegramHarness.create({ admins: [ADMIN], council: [COUNCIL], now: DEC });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
  await tg.send(mai(), '/dangky Vũ Thị Mai | cb');
});
afterEach(async () => {
  await tg.close();
});

describe('year-end ratings (/xeploai)', () => {
  it('records a rating by name or @mention, and a correction only with a reason, keeping the first in the history', async () => {
    const first = text(await asAdmin('/xeploai Nguyễn Thị Lan HTTNV'));
    expect(first).toContain('Đã ghi xếp loại năm 2026 của Nguyễn Thị Lan: Hoàn thành tốt nhiệm vụ');
    const noReason = text(await asAdmin('/xeploai @lan_nguyen hoàn thành xuất sắc nhiệm vụ'));
    expect(noReason).toContain('cần ghi lý do');
    expect(tg.store.rating(2026, member('Nguyễn Thị Lan'))?.rating).toBe('httnv');
    const corrected = text(await asAdmin('/xeploai @lan_nguyen xuất sắc | theo kết luận của Thường trực'));
    expect(corrected).toContain('Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ');
    const history = text(await asAdmin('/xeploai Nguyễn Thị Lan'));
    expect(history).toContain('vào hồ sơ');
    expect(history).toContain('đính chính');
    expect(history).toContain('HTTNV → HTXSNV: theo kết luận của Thường trực');
    expect(history).toContain('(Telegram)');
    const given = text(await asAdmin('/xeploai Trần Văn Hùng hoàn thành xuất sắc nhiệm vụ được giao'));
    expect(given).toContain('Đã ghi xếp loại năm 2026 của Trần Văn Hùng: Hoàn thành xuất sắc nhiệm vụ');
  });

  it('answers in private when asked in the group: ratings are personnel data', async () => {
    await asAdmin('/batdau');
    const seen = await tg.send(admin(), '/xeploai Nguyễn Thị Lan HTTNV', { entities: [] });
    const inGroup = seen.filter((s) => s.chatId < 0);
    const inPrivate = seen.filter((s) => s.chatId === ADMIN);
    expect(inGroup.map((s) => s.text)).toEqual([
      '🔒 Hồ sơ thi đua là thông tin nhân sự: bot đã trả lời đồng chí trong tin nhắn riêng.',
    ]);
    expect(text(inPrivate)).toContain('Đã ghi xếp loại năm 2026 của Nguyễn Thị Lan');
  });

  it('refuses an unknown member or rating with the usage line, and changes nothing', async () => {
    const unknown = text(await asAdmin('/xeploai Người Không Có HTTNV'));
    expect(unknown).toContain('Không tìm thấy thành viên hay phòng “Người Không Có”');
    expect(unknown).toContain('Cách dùng: /xeploai');
    const badRating = text(await asAdmin('/xeploai Nguyễn Thị Lan giỏi'));
    expect(badRating).toContain('Không có mức xếp loại “giỏi”');
    expect(tg.store.ratings).toEqual([]);
    const notAdmin = text(await tg.send(lan(), '/xeploai Nguyễn Thị Lan HTXSNV', { inPrivate: true }));
    expect(notAdmin).toContain('chỉ dành cho quản trị viên');
    expect(tg.store.ratings).toEqual([]);
  });

  it('warns above 20 % of HTXSNV among those rated HTTNV or better, and records all the same', async () => {
    await asAdmin('/xeploai Trần Văn Hùng HTTNV');
    const answer = text(await asAdmin('/xeploai Vũ Thị Mai HTXSNV'));
    expect(answer).toContain('Đã ghi xếp loại');
    expect(answer).toContain('1/2 (50%)');
    expect(answer).toContain('vượt cả mức 25%');
    expect(tg.store.rating(2026, member('Vũ Thị Mai'))?.rating).toBe('htxsnv');
    const departments = text(await asAdmin('/xeploai Phòng Cán bộ HTXSNV'));
    expect(departments).toContain('Đã ghi xếp loại năm 2026 của Phòng Cán bộ');
    const summary = text(await asAdmin('/xeploai 2026'));
    expect(summary).toContain('Cá nhân: đã xếp loại 2/3 đồng chí');
    expect(summary).toContain('Chưa xếp loại: Nguyễn Thị Lan');
  });

  it('does not warn about each rating while a long list is entered, only when the cap is passed whatever comes next', async () => {
    for (let i = 1; i <= 7; i += 1) {
      const identity = `telegram:${2000 + i}`;
      await tg.store.saveMember(
        { identity, fullName: `Đồng Chí Số ${i}`, departmentId: 'vp' },
        { by: identity, platform: 'telegram', at: DEC },
      );
    }
    // 10 members: one HTXSNV is 10% at most, whatever the others get.
    expect(text(await asAdmin('/xeploai Nguyễn Thị Lan HTXSNV'))).not.toContain('⚠️');
    expect(text(await asAdmin('/xeploai Trần Văn Hùng HTXSNV'))).not.toContain('⚠️');
    // A third is 30% of ten even if all the rest are rated HTTNV or better.
    const third = text(await asAdmin('/xeploai Vũ Thị Mai HTXSNV'));
    expect(third).toContain('⚠️ Cá nhân: 3/3 (100%)');
    expect(third).toContain('mới xếp loại 3/10');
  });
});

describe('discipline (/kyluat)', () => {
  it('puts a discipline on record with its period, and lists it', async () => {
    const answer = text(
      await asAdmin('/kyluat Trần Văn Hùng | khiển trách | 15-QĐ/BTCTU | 02/03/2026 | 12 tháng'),
    );
    expect(answer).toContain('Đã ghi vào hồ sơ KL1: Khiển trách — Trần Văn Hùng');
    expect(answer).toContain('thời hạn từ 02/03/2026 đến 01/03/2027');
    expect(tg.store.disciplines[0]).toMatchObject({
      form: 'khientrach',
      from: '2026-03-02',
      until: '2027-03-01',
      decision: { number: '15-QĐ/BTCTU', date: '2026-03-02', body: 'Ban Tổ chức Tỉnh ủy' },
    });
    expect(text(await asAdmin('/kyluat'))).toContain('KL1 Khiển trách — Trần Văn Hùng');
  });

  it('refuses a wrong form, a wrong day and a missing field, changing nothing', async () => {
    expect(
      text(await asAdmin('/kyluat Trần Văn Hùng | phạt | 15-QĐ/BTCTU | 02/03/2026 | 12 tháng')),
    ).toContain('Không có hình thức kỷ luật “phạt”');
    expect(
      text(await asAdmin('/kyluat Trần Văn Hùng | cảnh cáo | 15-QĐ/BTCTU | 31/02/2026 | 12 tháng')),
    ).toContain('Ngày “31/02/2026” không đúng');
    expect(text(await asAdmin('/kyluat Trần Văn Hùng | cảnh cáo | 15-QĐ/BTCTU'))).toContain(
      'Còn thiếu: ngày quyết định, thời hạn',
    );
    expect(tg.store.disciplines).toEqual([]);
  });
});

describe('past awards, initiatives and decisions', () => {
  it('enters past awards one by one into the one decision, and refuses its number for another record', async () => {
    const first = text(
      await asAdmin(
        '/khenthuong Nguyễn Thị Lan | 2025 | Lao động tiên tiến | 98-QĐ/BTCTU | 22/12/2025 | Ban Tổ chức Tỉnh ủy',
      ),
    );
    expect(first).toContain('Đã ghi vào hồ sơ KT1: Lao động tiên tiến năm 2025 — Nguyễn Thị Lan');
    const second = text(
      await asAdmin(
        '/khenthuong Trần Văn Hùng | 2025 | LĐTT | 98-QĐ/BTCTU | 22/12/2025 | Ban Tổ chức Tỉnh ủy',
      ),
    );
    expect(second).toContain('Đã thêm Trần Văn Hùng vào quyết định đã có trong hồ sơ KT1');
    expect(tg.store.awards).toHaveLength(1);
    expect(tg.store.awards[0]).toMatchObject({ titleId: 'ldtt', kind: 'title', year: 2025 });
    const other = text(await asAdmin('/kyluat Vũ Thị Mai | cảnh cáo | 98-QĐ/BTCTU | 23/12/2025 | 12 tháng'));
    expect(other).toContain('Chưa ghi: số quyết định 98-QĐ/BTCTU đã được dùng cho hồ sơ KT1');
    expect(tg.store.disciplines).toEqual([]);
    expect(text(await asAdmin('/khenthuong Nguyễn Thị Lan'))).toContain(
      'KT1 2025: Lao động tiên tiến — QĐ 98-QĐ/BTCTU ngày 22/12/2025, Ban Tổ chức Tỉnh ủy',
    );
  });

  it('records a signed decision for people and a department, backed by a recognised initiative, which is then used', async () => {
    const sk = text(await tg.send(lan(), '/sangkien Số hóa hồ sơ đảng viên toàn tỉnh #cntt'));
    const code = /SK\d+/.exec(sk)?.[0] as string;
    const recognised = text(
      await asAdmin(`/congnhansk @lan_nguyen | Số hóa hồ sơ đảng viên | 7-QĐ/HĐSK | 30/11/2026 | ${code}`),
    );
    expect(recognised).toContain(
      'Đã ghi vào hồ sơ CN1: sáng kiến “Số hóa hồ sơ đảng viên” của Nguyễn Thị Lan, năm 2026',
    );
    expect(tg.store.initiatives[0]?.entry).toBe(code);
    const decision = text(
      await asAdmin(
        '/quyetdinh 130-QĐ/BTCTU | 20/12/2026 | Phạm Hữu Toàn | Chiến sĩ thi đua cơ sở | @lan_nguyen (CN1), Trần Văn Hùng',
      ),
    );
    expect(decision).toContain('Đã ghi Quyết định số 130-QĐ/BTCTU ngày 20/12/2026 (người ký: Phạm Hữu Toàn)');
    expect(decision).toContain('Chiến sĩ thi đua cơ sở năm 2026 cho 2 người, tập thể');
    expect(decision).toContain('Nguyễn Thị Lan (sáng kiến CN1)');
    expect(tg.store.initiatives[0]?.usedBy).toEqual({ award: 1, memberId: id('Nguyễn Thị Lan') });
    const collective = text(
      await asAdmin(
        '/quyetdinh 131-QĐ/BTCTU | 20/12/2026 | Phạm Hữu Toàn | Giấy khen của Trưởng Ban | Phòng Cán bộ; Phòng Tổ chức đảng, đảng viên',
      ),
    );
    expect(collective).toContain('cho 2 người, tập thể');
    expect(tg.store.awards[1]?.recipients.map((r) => r.subject)).toEqual([
      { kind: 'department', departmentId: 'cb' },
      { kind: 'department', departmentId: 'tcdv' },
    ]);
    expect(tg.store.awards[1]?.kind).toBe('form');
    // The same number again, and the initiative a second time: both refused, nothing changed.
    expect(
      text(
        await asAdmin(
          '/quyetdinh 130-QĐ/BTCTU | 21/12/2026 | Phạm Hữu Toàn | Lao động tiên tiến | Vũ Thị Mai',
        ),
      ),
    ).toContain('đã được dùng cho hồ sơ KT1');
    expect(
      text(
        await asAdmin('/quyetdinh 132-QĐ/BTCTU | 21/12/2026 | Phạm Hữu Toàn | Giấy khen | @lan_nguyen (CN1)'),
      ),
    ).toContain('sáng kiến CN1 đã là căn cứ của khen thưởng KT1');
    expect(tg.store.awards).toHaveLength(2);
    expect(
      text(
        await asAdmin('/quyetdinh 130-QĐ/BTCTU | 21/12/2026 | Phạm Hữu Toàn | Lao động tiên tiến | Ai Đó'),
      ),
    ).toContain('Không tìm thấy thành viên hay phòng “Ai Đó”');
    // A decision dated after today (22/12/2026 here): not issued yet, or the year slipped. Refused
    // in each command that records one, and in a correction of its day; nothing changed.
    const ahead = text(
      await asAdmin('/quyetdinh 133-QĐ/BTCTU | 20/12/2027 | Phạm Hữu Toàn | Lao động tiên tiến | Vũ Thị Mai'),
    );
    expect(ahead).toContain(
      'Ngày quyết định “20/12/2027” sau hôm nay (22/12/2026): chỉ ghi vào hồ sơ quyết định đã ban hành. Đồng chí kiểm tra lại ngày, tháng, năm.',
    );
    expect(ahead).toContain('Cách dùng: /quyetdinh');
    expect(
      text(await asAdmin('/kyluat Vũ Thị Mai | Khiển trách | 09-QĐ/BTCTU | 23/12/2026 | 12 tháng')),
    ).toContain('Ngày quyết định “23/12/2026” sau hôm nay');
    expect(
      text(
        await asAdmin(
          '/khenthuong Vũ Thị Mai | 2026 | Lao động tiên tiến | 134-QĐ/BTCTU | 01/01/2027 | Ban Tổ chức Tỉnh ủy',
        ),
      ),
    ).toContain('Ngày quyết định “01/01/2027” sau hôm nay');
    expect(text(await asAdmin('/congnhansk @lan_nguyen | Số hóa hồ sơ | 12-QĐ/HĐSK | 31/12/2026'))).toContain(
      'Ngày quyết định “31/12/2026” sau hôm nay',
    );
    expect(text(await asAdmin('/dinhchinh KT1 | ngay: 20/12/2027 | gõ nhầm ngày'))).toContain(
      'Ngày quyết định “20/12/2027” sau hôm nay',
    );
    expect(tg.store.awards).toHaveLength(2);
    expect(tg.store.awards[0]?.decision.date).toBe('2026-12-20');
    expect(tg.store.disciplines).toHaveLength(0);
  });

  it('corrects a decision with a reason, annuls one, and keeps both in its history', async () => {
    await asAdmin(
      '/quyetdinh 130-QĐ/BTCTU | 20/12/2026 | Phạm Hữu Toàn | Lao động tiên tiến | Nguyễn Thị Lan',
    );
    expect(text(await asAdmin('/dinhchinh KT1 | so: 135-QĐ/BTCTU'))).toContain('cần ghi lý do');
    const fixed = text(
      await asAdmin(
        '/dinhchinh KT1 | so: 135-QĐ/BTCTU | them: Trần Văn Hùng | nhập nhầm số, thiếu một người',
      ),
    );
    expect(fixed).toContain('Đã đính chính hồ sơ KT1');
    expect(tg.store.awards[0]?.decision.number).toBe('135-QĐ/BTCTU');
    expect(tg.store.awards[0]?.recipients).toHaveLength(2);
    const shown = text(await asAdmin('/dinhchinh KT1'));
    expect(shown).toContain('Nguyễn Thị Lan, Trần Văn Hùng');
    expect(shown).toContain('nhập nhầm số, thiếu một người');
    expect(text(await asAdmin('/dinhchinh KT1 huy | quyết định bị thu hồi'))).toContain(
      'Đã hủy bỏ hồ sơ KT1',
    );
    expect(tg.store.awards[0]?.status).toBe('annulled');
    expect(tg.store.awards[0]?.history.map((h) => h.action)).toEqual(['recorded', 'corrected', 'annulled']);
    expect(text(await asAdmin('/dinhchinh KT9 huy | thử'))).toContain('Không có hồ sơ “KT9”');
    // Nothing after the command: the code is what is missing first, not the reason.
    const bare = text(await asAdmin('/dinhchinh'));
    expect(bare).toContain('Ghi mã hồ sơ cần đính chính ngay sau lệnh');
    expect(bare).toContain('Cách dùng: /dinhchinh MÃ');
    expect(bare).not.toContain('Còn thiếu: lý do');
  });
});

describe('the record (/hoso)', () => {
  it('shows a member their own record, admins and the Council anyone’s, and nobody else’s to a member', async () => {
    await asAdmin('/xeploai Nguyễn Thị Lan HTTNV');
    await asAdmin('/kyluat Trần Văn Hùng | khiển trách | 15-QĐ/BTCTU | 02/03/2026 | 12 tháng');
    const own = text(await tg.send(lan(), '/hoso', { inPrivate: true }));
    expect(own).toContain('Hồ sơ thi đua — Nguyễn Thị Lan');
    expect(own).toContain('2026: Hoàn thành tốt nhiệm vụ');
    expect(text(await tg.send(lan(), '/hoso Trần Văn Hùng', { inPrivate: true }))).toContain(
      'chỉ quản trị viên và Hội đồng',
    );
    await tg.send(council(), '/dangky Lê Hội Đồng | tcdv');
    const seen = text(await tg.send(council(), '/hoso Trần Văn Hùng', { inPrivate: true }));
    expect(seen).toContain('KL1 Khiển trách, từ 02/03/2026 đến 01/03/2027');
  });
});

describe('the criteria read the records', () => {
  /** The review sheet's criteria rows, as the Council reads them. */
  async function criteria(sheet: 'Tiêu chí cá nhân' | 'Tiêu chí tập thể') {
    const before = tg.calls.length;
    await asAdmin('/tonghop 2026 binhxet');
    const file = tg.calls.slice(before).find((c) => c.method === 'sendDocument');
    if (!file) throw new Error('no review sheet was sent');
    const book = await readBook((file.payload.document as { fileData: Buffer }).fileData);
    return criteriaTable(book.getWorksheet(sheet) as ExcelJS.Worksheet);
  }

  it('lays ratings, recognised initiatives, discipline and the year’s decisions beside the criteria', async () => {
    // After the registration deadline: the Office registers for them.
    await asAdmin('/dangkythidua Trần Văn Hùng cstdcs');
    await asAdmin('/dangkythidua Phòng Cán bộ ttldxs');
    await asAdmin('/xeploai Trần Văn Hùng HTTNV');
    await asAdmin('/xeploai Vũ Thị Mai HTNV');
    await asAdmin('/xeploai Phòng Cán bộ HTXSNV');
    await asAdmin('/congnhansk Trần Văn Hùng | Phần mềm theo dõi hồ sơ | 7-QĐ/HĐSK | 30/11/2026');
    await asAdmin('/kyluat Vũ Thị Mai | cảnh cáo | 15-QĐ/BTCTU | 02/03/2026 | 12 tháng');
    await asAdmin('/quyetdinh 130-QĐ/BTCTU | 20/12/2026 | Phạm Hữu Toàn | CSTĐCS | Trần Văn Hùng (CN1)');

    const people = await criteria('Tiêu chí cá nhân');
    const row = (name: string, criterion: string) =>
      people.find((r) => r['Họ và tên'] === name && r['Tiêu chí'] === criterion);
    expect(row('Trần Văn Hùng', 'Hoàn thành tốt nhiệm vụ trở lên')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot': 'Xếp loại năm 2026: Hoàn thành tốt nhiệm vụ',
      'Hội đồng xác nhận': '',
    });
    // The recognised initiative backs this very CSTĐCS: it still counts for it.
    expect(row('Trần Văn Hùng', 'Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot':
        'Xếp loại năm 2026: Hoàn thành tốt nhiệm vụ. Sáng kiến được công nhận: CN1 “Phần mềm theo dõi hồ sơ” (Quyết định số 7-QĐ/HĐSK)',
      'Mã mục': 'CN1',
      'Hội đồng xác nhận': '',
    });
    expect(row('Trần Văn Hùng', 'Kỷ luật trong năm')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot': 'Hồ sơ không có kỷ luật nào có hiệu lực trong năm 2026',
      'Hội đồng xác nhận': '',
    });

    const departments = await criteria('Tiêu chí tập thể');
    const cb = (criterion: string) =>
      departments.find((r) => r.Phòng === 'Phòng Cán bộ' && r['Tiêu chí'] === criterion);
    expect(cb('Hoàn thành xuất sắc nhiệm vụ được giao')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot': 'Xếp loại năm 2026: Hoàn thành xuất sắc nhiệm vụ',
      'Hội đồng xác nhận': '',
    });
    expect(cb('Có cá nhân đạt Chiến sĩ thi đua cơ sở')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot': 'Có quyết định công nhận Chiến sĩ thi đua cơ sở năm 2026: Trần Văn Hùng',
      'Mã mục': 'KT1',
      'Hội đồng xác nhận': '',
    });
    expect(cb('Ít nhất 70% cá nhân đạt Lao động tiên tiến')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot':
        '1/2 thành viên (50%) có quyết định công nhận Lao động tiên tiến hoặc Chiến sĩ thi đua cơ sở năm 2026; mức theo thiết lập: 70%. Chưa có: Vũ Thị Mai',
      'Mã mục': 'KT1',
      'Hội đồng xác nhận': 'Có',
    });
    expect(cb('100% cá nhân hoàn thành nhiệm vụ')).toMatchObject({
      'Dữ kiện từ dữ liệu của bot':
        '2/2 thành viên (100%) được xếp loại từ hoàn thành nhiệm vụ trở lên năm 2026; mức theo thiết lập: 100%',
      'Hội đồng xác nhận': '',
    });
    // The general rule of NĐ 152/2025 Điều 4, for the department itself: nothing on its own record.
    expect(cb('Kỷ luật trong năm')).toMatchObject({ 'Hội đồng xác nhận': '' });
  });
});
