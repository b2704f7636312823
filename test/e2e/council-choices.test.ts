/**
 * The choices of the titles and the Council as a clerk reads them on Zalo, where each numbered choice
 * shows the command it sends: members, titles and awards by the names people know (`/dangkythidua
 * LĐTT`, `/diemdanh Nguyễn Văn Sơn vắng`, `/mophieu LĐTT`), never the config files' ids (`uv-cd`,
 * `ldtt`) — and a name typed with or without diacritics, or a clear part of it, works as the id still
 * does. The bot as npm start builds it over the fake Zalo transport, the shipped titles and Council
 * files (config/titles-2026.json, config/council-2026.json), the real store.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../helpers/agency.js';
import { TelegramHarness } from '../helpers/telegram.js';
import { type Sent, ZaloHarness, type ZaloUser } from '../helpers/zalo.js';

const toan: ZaloUser = { uid: '9001', name: 'Toàn VP' };
const lan: ZaloUser = { uid: '1001', name: 'Lan Nguyễn' };
const hung: ZaloUser = { uid: '1002', name: 'Hùng Trần' };

let zalo: ZaloHarness | undefined;
afterEach(async () => {
  await zalo?.close();
  zalo = undefined;
});

/** What the admin reads in the group after writing `text`, without the tag in front. */
async function said(text: string): Promise<string> {
  const sent: Sent[] = await (zalo as ZaloHarness).send(toan, text);
  return sent.map((s) => s.text.replace(`@${toan.name} `, '')).join('\n');
}

it('offers the titles by their abbreviation and reads them typed as people write them', async () => {
  zalo = await ZaloHarness.create({
    admins: [toan.uid],
    locale: 'vi',
    now: new Date('2026-05-04T03:00:00Z'),
  });
  await zalo.send(lan, '/dangky Nguyễn Thị Lan | vp');
  await zalo.send(hung, '/dangky Trần Văn Hùng | cb');
  const mine = (await zalo.send(lan, '/dangkythidua')).map((s) => s.text).join('\n');
  expect(mine).toContain('1. Đăng ký: Lao động tiên tiến — /dangkythidua LĐTT');
  expect(mine).toContain('2. Đăng ký: Chiến sĩ thi đua cơ sở — /dangkythidua CSTĐCS');
  expect((await zalo.send(lan, '2')).map((s) => s.text).join('\n')).toContain(
    '✅ Đã đăng ký danh hiệu Chiến sĩ thi đua cơ sở năm 2026 cho Nguyễn Thị Lan.',
  );
  // The Office, for a colleague and for a department: the same abbreviations after the name.
  const his = await said('/dangkythidua Trần Văn Hùng');
  expect(his).toContain('Trần Văn Hùng: Lao động tiên tiến — /dangkythidua Trần Văn Hùng LĐTT');
  expect(his).toContain('Phòng Cán bộ: Tập thể lao động xuất sắc — /dangkythidua Phòng Cán bộ TTLĐXS');
  expect(his).not.toMatch(/\/dangkythidua [^\n]*\b(ldtt|cstdcs|ttldtt|ttldxs)\b/);
  // Typed: the abbreviation, the name with or without diacritics, and the id still, all read.
  expect(await said('/dangkythidua Trần Văn Hùng cstđcs')).toContain(
    '✅ Đã đăng ký danh hiệu Chiến sĩ thi đua cơ sở năm 2026 cho Trần Văn Hùng.',
  );
  expect(await said('/dangkythidua Trần Văn Hùng lao dong tien tien')).toContain(
    'từ Chiến sĩ thi đua cơ sở sang Lao động tiên tiến',
  );
  expect(await said('/dangkythidua Phòng Cán bộ tập thể lao động tiên tiến')).toContain(
    '✅ Đã đăng ký danh hiệu Tập thể lao động tiên tiến năm 2026 cho Phòng Cán bộ.',
  );
  expect(await said('/dangkythidua Phòng Cán bộ ttldxs')).toContain(
    'từ Tập thể lao động tiên tiến sang Tập thể lao động xuất sắc',
  );
  // `sỹ` for `sĩ`, as many write it; a slip in the name is asked about, with the choice to register it.
  expect(await said('/dangkythidua Trần Văn Hùng chiến sỹ thi đua cơ sở')).toContain(
    'từ Lao động tiên tiến sang Chiến sĩ thi đua cơ sở',
  );
  const slip = await said('/dangkythidua Trần Văn Hùng lao dong tien tieen');
  expect(slip).toContain('Có phải đồng chí định đăng ký danh hiệu Lao động tiên tiến? Chưa ghi nhận gì');
  expect(slip).toContain('1. Trần Văn Hùng: Lao động tiên tiến — /dangkythidua Trần Văn Hùng LĐTT');
  expect(await said('1')).toContain('từ Chiến sĩ thi đua cơ sở sang Lao động tiên tiến');
  const hers = (await zalo.send(lan, '/dangkythidua tap the lao dong xuat xac'))
    .map((s) => s.text)
    .join('\n');
  expect(hers).toContain('Có phải đồng chí định đăng ký danh hiệu Tập thể lao động xuất sắc?');
  expect(hers).toContain('— /dangkythidua TTLĐXS');
  // A title not known: the titles are listed by name and abbreviation, not by id.
  const unknown = await said('/dangkythidua Trần Văn Hùng anh hùng lao động');
  expect(unknown).toContain(
    'Các danh hiệu: Lao động tiên tiến (LĐTT), Chiến sĩ thi đua cơ sở (CSTĐCS), Tập thể lao động tiên tiến (TTLĐTT), Tập thể lao động xuất sắc (TTLĐXS).',
  );
});

it('offers the summary’s files by the period and the department as people write them', async () => {
  zalo = await ZaloHarness.create({
    admins: [toan.uid],
    locale: 'vi',
    now: new Date('2026-05-04T03:00:00Z'),
  });
  await zalo.send(hung, '/dangky Trần Văn Hùng | cb');
  await zalo.send(hung, '/hoanthanh Thẩm định hồ sơ quy hoạch cán bộ');
  const summary = await said('/tonghop tuần này phòng cán bộ');
  expect(summary).toContain('1. 📎 Tải file báo cáo (Excel, Word) — /tonghop tuần 19/2026 Phòng Cán bộ file');
  expect(await said('1')).toContain('File báo cáo tuần 19/2026');
});

/**
 * Two LĐTT registrations in May, then the meeting of 10 December (the shipped Council: nine members,
 * Nguyễn Văn Sơn the last, absent at the start).
 */
async function meeting(locale: 'vi' | 'en') {
  zalo = await ZaloHarness.create({ admins: [toan.uid], locale, now: new Date('2026-05-04T03:00:00Z') });
  await zalo.send(lan, '/dangky Nguyễn Thị Lan | vp');
  await zalo.send(hung, '/dangky Trần Văn Hùng | cb');
  await zalo.send(lan, '/dangkythidua ldtt');
  await zalo.send(hung, '/dangkythidua ldtt');
  zalo.now = new Date('2026-12-10T07:00:00Z');
  const vang = locale === 'vi' ? 'vắng' : 'absent';
  expect(await said(`/mohop 14:00 10/12/2026 | Phòng họp tầng 2 | ${vang}: Sơn (ốm)`)).toContain(
    locale === 'vi' ? 'Vắng: Nguyễn Văn Sơn (ốm)' : 'Absent: Nguyễn Văn Sơn (ốm)',
  );
}

it('numbers the attendance choices by name and marks the member picked (Vietnamese)', async () => {
  await meeting('vi');
  const status = await said('/diemdanh');
  expect(status).toContain('1. Vắng: Trần Quốc Hưng — /diemdanh Trần Quốc Hưng vắng');
  expect(status).toContain('9. Có mặt: Nguyễn Văn Sơn — /diemdanh Nguyễn Văn Sơn có mặt');
  expect(status).toContain('Lý do vắng: /diemdanh họ tên vắng | lý do');
  expect(status).not.toMatch(/uv-|chu-tich|thu-ky/);
  const picked = await said('9');
  expect(picked).toContain('→ /diemdanh Nguyễn Văn Sơn có mặt');
  expect(picked).toContain('✅ Đã ghi Nguyễn Văn Sơn có mặt.');
  // Typed: a part of the name without diacritics, and the old roster id, both still work.
  expect(await said('/diemdanh nguyen van son vang | đi công tác')).toContain(
    '✅ Đã ghi Nguyễn Văn Sơn vắng mặt (đi công tác).',
  );
  expect(await said('/diemdanh uv-cd comat')).toContain('✅ Đã ghi Nguyễn Văn Sơn có mặt.');
  // The status said first, as a secretary may say it.
  expect(await said('/diemdanh vắng Nguyễn Văn Sơn | ốm')).toContain(
    '✅ Đã ghi Nguyễn Văn Sơn vắng mặt (ốm).',
  );
  expect(await said('/diemdanh có mặt nguyen van son')).toContain('✅ Đã ghi Nguyễn Văn Sơn có mặt.');
  expect(await said('/diemdanh vắng')).toContain('Ghi vắng hoặc có mặt sau họ tên');
  // `Vàng` first is a surname (Vàng A Pao), never read as `vắng`: without a status, the example.
  expect(await said('/diemdanh Vàng Sơn')).toContain('Ghi vắng hoặc có mặt sau họ tên');
  expect(await said('/diemdanh vang Nguyễn Văn Sơn')).toContain('Ghi vắng hoặc có mặt sau họ tên');
  // Without a mark: the example names a member of this Council, not a sample name.
  expect(await said('/diemdanh Sơn')).toContain(
    'Ghi vắng hoặc có mặt sau họ tên, ví dụ /diemdanh Nguyễn Văn Sơn vắng | đi công tác.',
  );
  // A name not on the roster: the roster is listed by name.
  expect(await said('/diemdanh Lê Văn Tám vắng')).toContain(
    'Thành viên Hội đồng: Trần Quốc Hưng, Phạm Hữu Toàn, Lê Thị Thu',
  );
});

it('numbers the attendance choices by name in English too, and marks the member picked', async () => {
  await meeting('en');
  const status = await said('/diemdanh');
  expect(status).toContain('9. Present: Nguyễn Văn Sơn — /diemdanh Nguyễn Văn Sơn present');
  expect(status).toContain('1. Absent: Trần Quốc Hưng — /diemdanh Trần Quốc Hưng absent');
  expect(status).not.toMatch(/uv-|chu-tich|thu-ky/);
  expect(await said('1')).toContain('Trần Quốc Hưng');
  expect((await said('/diemdanh')).split('\n')).toContain(
    '1. Present: Trần Quốc Hưng — /diemdanh Trần Quốc Hưng present',
  );
});

it('offers the vote by the award as the Council names it, and reads an award by a clear part of its name', async () => {
  await meeting('vi');
  const overview = await said('/hop');
  expect(overview).toContain('Biểu quyết LĐTT — /mophieu LĐTT');
  expect(overview).not.toContain('/mophieu ldtt');
  const number = /(\d+)\. Biểu quyết LĐTT/.exec(overview)?.[1];
  expect(await said(number as string)).toContain('Vòng biểu quyết số 1: Lao động tiên tiến');
  // The lists offer each award by its abbreviation too, and the one picked reads it back.
  const lists = await said('/danhsach');
  expect(lists).toContain('LĐTT (2) — /danhsach LĐTT');
  const list = await said(/(\d+)\. LĐTT \(2\)/.exec(lists)?.[1] as string);
  expect(list).toContain('Lao động tiên tiến năm 2026: 2 trường hợp');
  expect(list).toContain('— /danhsach LĐTT file');
  // An award not known: the awards are listed by name, with the abbreviation, not by id.
  const unknown = await said('/mophieu khen thưởng đặc biệt');
  expect(unknown).toContain(
    'Các danh hiệu, hình thức: Lao động tiên tiến (LĐTT), Chiến sĩ thi đua cơ sở (CSTĐCS)',
  );
  expect(unknown).not.toContain('(ldtt)');
  // Words only one award's name has, without diacritics: that award (its list is empty here).
  expect(await said('/mophieu lao dong xuat sac')).toContain(
    'Danh sách đề nghị Tập thể lao động xuất sắc chưa có tên nào.',
  );
  // `sỹ` for `sĩ`: the award all the same.
  expect(await said('/mophieu chiến sỹ thi đua cơ sở')).toContain(
    'Danh sách đề nghị Chiến sĩ thi đua cơ sở chưa có tên nào.',
  );
  // Words two awards share are not a choice between them.
  expect(await said('/mophieu chien si thi dua')).toContain('Không rõ danh hiệu, hình thức khen thưởng');
  // Nothing after the command: the usage, not an unknown award named “”.
  const bare = await said('/mophieu');
  expect(bare).toContain('Chưa ghi danh hiệu, hình thức khen thưởng.');
  expect(bare).toContain('Cách dùng: /mophieu danh hiệu');
  expect(bare).not.toContain('“”');
});

it('reads the standards and the ballot in the secretary’s words, with diacritics and spaces', async () => {
  await meeting('vi');
  expect(await said('/hop tiêu chuẩn')).toContain('Tiêu chuẩn xét khen thưởng năm 2026');
  expect(await said('/mophieu LĐTT phiếu kín giấy')).toContain(
    'Vòng biểu quyết số 1: Lao động tiên tiến — bỏ phiếu kín bằng phiếu giấy',
  );
});

it('tells two members of the same full name apart by position, and writes each by roster id', async () => {
  // Two members named Nguyễn Văn Sơn: a name would pick the first, so their choices carry their ids,
  // and their labels the positions a clerk knows them by.
  const dir = await tempDir();
  const shipped = JSON.parse(readFileSync('config/council-2026.json', 'utf8')) as {
    members: { id: string; fullName: string }[];
  };
  for (const m of shipped.members) if (m.id === 'uv-cs') m.fullName = 'Nguyễn Văn Sơn';
  writeFileSync(join(dir.dir, 'council.json'), JSON.stringify(shipped));
  const tg = await TelegramHarness.create({
    admins: [900001],
    now: new Date('2026-12-10T07:00:00Z'),
    env: { COUNCIL_FILE: join(dir.dir, 'council.json') },
  });
  try {
    const office = tg.user(900001, 'Văn phòng');
    await tg.send(office, '/mohop 14:00 10/12/2026 | Phòng họp tầng 2 | vắng: không');
    const [status] = await tg.send(office, '/diemdanh');
    const labels = (status?.buttons ?? []).map((b) => b.text);
    expect(labels).toContain('Vắng: Nguyễn Văn Sơn (Trưởng phòng Chính sách cán bộ)');
    expect(labels).toContain('Vắng: Nguyễn Văn Sơn (Chủ tịch Công đoàn cơ quan)');
    expect(labels).toContain('Vắng: Trần Quốc Hưng');
    expect(new Set(labels).size).toBe(labels.length);
    expect(status?.text).toContain('Có mặt: Nguyễn Văn Sơn (Chủ tịch Công đoàn cơ quan) — Ủy viên');
    const commands = (status?.buttons ?? []).map((b) => b.data.replace(/^.*?\|/, ''));
    expect(commands).toContain('/diemdanh Trần Quốc Hưng vắng');
    expect(commands).toContain('/diemdanh uv-cs vắng');
    expect(commands).toContain('/diemdanh uv-cd vắng');
    expect(commands).not.toContain('/diemdanh Nguyễn Văn Sơn vắng');
    // Typed, the shared name is not a choice between them: the roster says their ids; the id works.
    const [shared] = await tg.send(office, '/diemdanh Nguyễn Văn Sơn vắng');
    expect(shared?.text).toContain(
      'Nguyễn Văn Sơn (Trưởng phòng Chính sách cán bộ; uv-cs), Nguyễn Văn Sơn (Chủ tịch Công đoàn cơ quan; uv-cd)',
    );
    const [typed] = await tg.send(office, '/diemdanh uv-cd vắng');
    expect(typed?.text).toContain('✅ Đã ghi Nguyễn Văn Sơn (Chủ tịch Công đoàn cơ quan) vắng mặt.');
    expect(tg.store.council.meeting(1)?.absent.map((a) => a.id)).toEqual(['uv-cd']);
  } finally {
    await tg.close();
    await dir.cleanup();
  }
});

it('says the lists are empty, and where they come from, instead of an empty standards page or “case 1 of 0”', async () => {
  zalo = await ZaloHarness.create({
    admins: [toan.uid],
    locale: 'vi',
    now: new Date('2026-12-10T07:00:00Z'),
  });
  const empty =
    'Danh sách đề nghị khen thưởng năm 2026 chưa có trường hợp nào: danh sách lập từ đăng ký thi đua (/dangkythidua) và các bổ sung có lý do (/dexuat, quản trị viên); xem /danhsach.';
  const overview = await said('/hop');
  expect(overview).toContain(empty);
  expect(overview).not.toContain('/hop 1');
  expect(overview).not.toContain('/hop tieuchuan');
  expect(await said('/hop tieuchuan')).toBe(empty);
  expect(await said('/hop 1')).toBe(empty);
});

it('opens a meeting when it begins, not days ahead: a time more than an hour away is refused and nothing recorded', async () => {
  zalo = await ZaloHarness.create({
    admins: [toan.uid],
    locale: 'vi',
    now: new Date('2026-12-10T05:00:00Z'), // 12:00 in Vietnam
  });
  const ahead = await said('/mohop 08:30 18/12/2026 | Phòng họp tầng 2');
  expect(ahead).toContain(
    'Giờ khai mạc 08:30 18/12/2026 chưa đến: phiên họp được mở trong bot khi bắt đầu họp (sớm nhất 1 giờ trước giờ khai mạc)',
  );
  expect(ahead).toContain('Chưa ghi nhận gì.');
  expect(ahead).toContain('Cách dùng: /mohop');
  expect(await said('/mohop 14:00 | Phòng họp tầng 2')).toContain('Giờ khai mạc 14:00 10/12/2026 chưa đến');
  expect(await said('/hop')).toContain('chưa mở phiên họp');
  // Members arriving, the roll taken: three quarters of an hour early is the meeting.
  expect(await said('/mohop 12:45 | Phòng họp tầng 2')).toContain(
    'Đã khai mạc phiên họp Hội đồng Thi đua – Khen thưởng bình xét năm 2026 (phiên số 1): 12:45 10/12/2026',
  );
});
