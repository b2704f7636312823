// Realistic, reproducible store contents: ~80 members in the agency's 5 departments and N entries
// (good deeds, completed tasks, initiatives) in Vietnamese, spread over 2026 up to the bench's NOW.
import type { AgencyConfig } from '../core/agency.js';
import { entryCode } from '../core/codes.js';
import type { Entry, EntryKind, Member } from '../core/domain.js';
import { pointsFor } from '../core/scoring.js';
import { fold } from '../core/text.js';
import { DOCUMENT_VERSION, emptyState, type StoreDocument } from '../storage/schema.js';
import { GROUP_ID, MEMBER_COUNT, NOW, pick, rng, TELEGRAM_ID_BASE, YEAR_START } from './common.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Hoài', 'Xuân', 'Kim'];
const GIVEN = [
  'Lan',
  'Hùng',
  'Mai',
  'Toàn',
  'Hương',
  'Dũng',
  'Hà',
  'Tuấn',
  'Linh',
  'Phúc',
  'Thảo',
  'Nam',
  'Trang',
  'Quang',
  'Yến',
  'Sơn',
  'Hạnh',
  'Long',
  'Nhung',
  'Khoa',
  'Vy',
  'Bình',
  'Hải',
  'Oanh',
  'Tâm',
  'Đạt',
  'Ngân',
  'Thắng',
];

/** Department sizes for the 5 departments of config/agency.json (vp, tcdv, cb, bvct, cs): 80 people. */
const DEPARTMENT_SIZES = [20, 18, 16, 12, 14];

const UNITS = [
  'Đảng ủy các cơ quan Đảng tỉnh',
  'Thành ủy Đà Lạt',
  'Thành ủy Bảo Lộc',
  'Huyện ủy Đức Trọng',
  'Huyện ủy Lâm Hà',
  'Huyện ủy Di Linh',
  'Huyện ủy Đơn Dương',
  'Huyện ủy Lạc Dương',
  'Đảng bộ xã Hiệp Thạnh',
  'Chi bộ Văn phòng Ban',
  'Đảng ủy Công an tỉnh',
];
const DOSSIERS = [
  'đảng viên mới kết nạp',
  'chuyển đảng chính thức',
  'đề nghị tặng Huy hiệu 30 năm tuổi Đảng',
  'quy hoạch cán bộ',
  'nâng lương trước thời hạn',
  'khen thưởng cuối năm',
  'chuyển sinh hoạt đảng',
];
const EVENTS = [
  'Hội nghị Ban Chấp hành Đảng bộ tỉnh',
  'hội nghị sơ kết 6 tháng',
  'Đại hội Chi bộ',
  'buổi làm việc với Đoàn kiểm tra của Trung ương',
  'lễ trao Huy hiệu Đảng đợt 7/11',
  'hội nghị tổng kết công tác tổ chức xây dựng Đảng',
];
const PLACES = [
  'phường 1, Đà Lạt',
  'xã Tà Nung',
  'Bệnh viện Đa khoa tỉnh',
  'thị trấn Liên Nghĩa',
  'xã Đạ Sar',
];
const REPORTS = [
  'tổng kết công tác tổ chức xây dựng Đảng năm 2025',
  'sơ kết công tác tổ chức quý 3/2026',
  'kết quả thực hiện Quy định 08-QĐi/TW',
  'công tác phát triển đảng viên 6 tháng đầu năm',
  'tình hình đội ngũ cán bộ sau sắp xếp tổ chức bộ máy',
  'kết quả rà soát đảng viên đi làm ăn xa',
];
const DOCS = [
  'văn bản hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026',
  'dự thảo quy chế làm việc của Ban Thường vụ Tỉnh ủy',
  'kế hoạch bồi dưỡng lý luận chính trị cho đảng viên mới',
  'tờ trình điều động, luân chuyển cán bộ',
  'báo cáo thẩm định nhân sự cấp ủy',
];
const TAILS = [
  '',
  ' trước thời hạn',
  ' đúng tiến độ',
  ', được lãnh đạo Ban đánh giá cao',
  ', kịp trình Thường trực Tỉnh ủy',
  ' theo kế hoạch',
];

type Random = () => number;
type Template = (r: Random, other: Member) => string;

const n = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const money = (r: Random) => `${n(r, 1, 20) * 100}.000`;

const DEEDS: Template[] = [
  (r, o) => `Giúp đồng chí ${o.fullName} hoàn thiện hồ sơ ${pick(r, DOSSIERS)}`,
  (r) => `Hỗ trợ ${pick(r, UNITS)} rà soát, cập nhật thông tin đảng viên trên Cơ sở dữ liệu đảng viên`,
  (r) => `Ở lại ngoài giờ chuẩn bị tài liệu phục vụ ${pick(r, EVENTS)}`,
  (r) => `Nhặt được ví có ${money(r)} đồng và giấy tờ tùy thân, đã trả lại người đánh rơi`,
  (r) => `Tham gia hiến máu tình nguyện tại ${pick(r, PLACES)}`,
  (r) => `Ủng hộ ${money(r)} đồng cho Quỹ “Vì người nghèo” của ${pick(r, PLACES)}`,
  () => 'Hướng dẫn đồng nghiệp mới sử dụng phần mềm quản lý văn bản và hồ sơ công việc',
  (r) => `Thăm hỏi, động viên gia đình đảng viên cao tuổi tại ${pick(r, PLACES)}`,
  () => 'Dọn vệ sinh khuôn viên cơ quan, chăm sóc cây xanh cùng Chi đoàn thanh niên',
  () => 'Chở đồng nghiệp bị hỏng xe về nhà sau giờ làm, trời mưa to',
  (r) => `Cảm ơn @${'x'} đã giúp sửa máy in và cài lại phần mềm cho cả phòng${pick(r, TAILS)}`,
];
const TASKS: Template[] = [
  (r) => `Hoàn thành báo cáo ${pick(r, REPORTS)}${pick(r, TAILS)}`,
  (r) =>
    `Thẩm định hồ sơ đề nghị tặng Huy hiệu Đảng đợt ${pick(r, ['3/2', '19/5', '2/9', '7/11'])} cho ${n(r, 5, 60)} đảng viên của ${pick(r, UNITS)}`,
  (r) => `Tham mưu ${pick(r, DOCS)}${pick(r, TAILS)}`,
  (r) => `Thẩm tra lý lịch, tiêu chuẩn chính trị của ${n(r, 2, 25)} quần chúng ưu tú đề nghị kết nạp Đảng`,
  (r) =>
    `Tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2025 của ${pick(r, UNITS)}`,
  () => 'Rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ Tỉnh ủy quản lý nhiệm kỳ 2025–2030',
  (r) => `Cập nhật ${n(r, 10, 300)} hồ sơ đảng viên vào phần mềm Quản lý cơ sở dữ liệu đảng viên`,
  (r) => `Chuẩn bị nội dung, tài liệu ${pick(r, EVENTS)}${pick(r, TAILS)}`,
  (r) => `Giải quyết chế độ, chính sách cho ${n(r, 2, 40)} cán bộ nghỉ hưu theo Nghị định 178/2024/NĐ-CP`,
  (r) => `Thẩm định hồ sơ bổ nhiệm lại ${n(r, 1, 8)} cán bộ lãnh đạo cấp phòng của ${pick(r, UNITS)}`,
];
const INITIATIVES: Template[] = [
  (r) => `Đề xuất số hóa hồ sơ đảng viên của ${pick(r, UNITS)}, tra cứu trực tuyến thay cho sổ sách giấy`,
  () => 'Xây dựng biểu mẫu điện tử tổng hợp số liệu phát triển đảng viên hằng tháng',
  (r) =>
    `Sáng kiến rút ngắn quy trình thẩm định hồ sơ kết nạp đảng viên từ 15 xuống ${n(r, 5, 10)} ngày làm việc`,
  () => 'Lập bảng theo dõi tiến độ giải quyết hồ sơ chính sách cán bộ dùng chung cho các phòng',
  () => 'Đề xuất mô hình “Chi bộ 4 tốt” gắn với sinh hoạt chuyên đề hằng quý',
  () => 'Ứng dụng chữ ký số trong trình ký văn bản nội bộ của Ban',
  () => 'Viết công cụ nhỏ tự động đối chiếu danh sách đảng viên giữa hai phần mềm quản lý',
];

/** Generates `count` members in the agency's departments, with Telegram identities and most with usernames. */
export function generateMembers(agency: AgencyConfig, random: Random, count = MEMBER_COUNT): Member[] {
  const departments = agency.departments.map((d) => d.id);
  const slots: string[] = [];
  for (const [i, size] of DEPARTMENT_SIZES.entries()) {
    for (let k = 0; k < size; k += 1) slots.push(departments[i % departments.length] as string);
  }
  const members: Member[] = [];
  for (let i = 1; i <= count; i += 1) {
    const given = pick(random, GIVEN);
    const family = pick(random, FAMILY);
    const fullName = `${family} ${pick(random, MIDDLE)} ${given}`;
    const registeredAt = new Date(Date.UTC(2026, 0, 2 + (i % 7), 1 + (i % 8), (i * 7) % 60)).toISOString();
    const username = random() < 0.75 ? `${fold(given)}_${fold(family)}${i}`.replace(/\s/g, '') : undefined;
    const departmentId = slots[(i - 1) % slots.length] ?? (departments[0] as string);
    members.push({
      id: `m${i}`,
      fullName,
      departmentId,
      departments: [{ departmentId, from: registeredAt }],
      identities: [`telegram:${TELEGRAM_ID_BASE + i}`],
      ...(username ? { username } : {}),
      registeredAt,
      history: [
        {
          at: registeredAt,
          action: 'registered',
          by: `m${i}`,
          platform: 'telegram',
          note: `${fullName} | ${departmentId}`,
        },
      ],
    });
  }
  return members;
}

const DAY = 24 * 60 * 60 * 1000;
const VN_OFFSET = 7 * 60 * 60 * 1000;

/** A random working-time instant between YEAR_START and NOW (weekdays mostly, 07:00–18:00 Vietnam time). */
function randomInstant(random: Random): number {
  const days = Math.floor((NOW.getTime() - YEAR_START.getTime()) / DAY);
  for (;;) {
    const day = YEAR_START.getTime() + Math.floor(random() * (days + 1)) * DAY;
    const weekday = new Date(day + VN_OFFSET).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random() < 0.85) continue;
    const t = day + 7 * 3600_000 + Math.floor(random() * 11 * 3600_000);
    if (t < NOW.getTime()) return t;
  }
}

/** Text, kind and flags of one entry as a member would have typed it. */
export function entryText(
  random: Random,
  kind: EntryKind,
  other: Member,
): { text: string; adhoc: boolean; it: boolean; mention: boolean } {
  if (kind === 'deed') {
    const template = pick(random, DEEDS);
    const mention = template === DEEDS[DEEDS.length - 1] && other.username !== undefined;
    const text = template(random, other);
    return {
      text: mention
        ? text.replace('@x', `@${other.username}`)
        : text.replace('@x ', `đồng chí ${other.fullName} `),
      adhoc: false,
      it: false,
      mention,
    };
  }
  if (kind === 'task') {
    const adhoc = random() < 0.18;
    const text = pick(random, TASKS)(random, other);
    return { text: adhoc ? `${text} #dotxuat` : text, adhoc, it: false, mention: false };
  }
  const it = random() < 0.35;
  const text = pick(random, INITIATIVES)(random, other);
  return { text: it ? `${text} #cntt` : text, adhoc: false, it, mention: false };
}

export function randomKind(random: Random): EntryKind {
  const x = random();
  return x < 0.55 ? 'deed' : x < 0.9 ? 'task' : 'initiative';
}

/** Activity weights: a few very active members, a long tail of occasional ones (for a non-flat ranking). */
function weightedPicker(random: Random, members: readonly Member[]): () => Member {
  const weights = members.map(() => 0.2 + random() ** 2 * 3);
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w / total;
    cumulative.push(sum);
  }
  return () => {
    const x = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return members[lo] as Member;
  };
}

/** A complete, valid store state (storage/schema.ts stateSchema) with `size` entries sorted by time. */
export function generateState(agency: AgencyConfig, size: number, seed = 2026): StoreDocument {
  const random = rng(seed);
  const members = generateMembers(agency, random);
  const reporterOf = weightedPicker(random, members);
  const times = Array.from({ length: size }, () => randomInstant(random)).sort((a, b) => a - b);
  const entries: Entry[] = [];
  let withdrawals = 0;
  let reviews = 0;
  const council = members[0] as Member;
  for (const [i, time] of times.entries()) {
    const no = i + 1;
    const kind = randomKind(random);
    const reporter = reporterOf();
    let other = pick(random, members);
    if (other.id === reporter.id) other = members[(members.indexOf(reporter) + 1) % members.length] as Member;
    const { text, adhoc, it, mention } = entryText(random, kind, other);
    const credited = mention ? other : reporter;
    const at = new Date(time).toISOString();
    const entry: Entry = {
      code: entryCode(kind, no),
      kind,
      text,
      points: pointsFor(kind, { adhoc, it }, agency.points),
      adhoc,
      it,
      memberId: credited.id,
      reporterId: reporter.id,
      departmentId: credited.departmentId,
      at,
      status: 'active',
      review: 'pending',
      ...(kind === 'deed' && random() < 0.06
        ? {
            photo: [{ platform: 'telegram' as const, fileId: `AgACAgUAAxkBAAI${(no * 7919).toString(36)}Q` }],
          }
        : {}),
      source: `telegram:${GROUP_ID}:${10_000 + no}`,
      history: [{ at, action: 'created', by: reporter.id, platform: 'telegram' }],
    };
    if (random() < 0.02) {
      withdrawals += 1;
      entry.status = 'withdrawn';
      entry.history.push({
        at: new Date(Math.min(time + 20 * 60_000, NOW.getTime() - 1)).toISOString(),
        action: 'withdrawn',
        by: reporter.id,
        platform: 'telegram',
        note: 'Ghi nhầm, xin rút lại',
      });
    } else if (time < NOW.getTime() - 10 * DAY && random() < 0.9) {
      // The Council reviews entries in batches: most older than ten days are decided, recent ones wait.
      reviews += 1;
      entry.review = random() < 0.04 ? 'rejected' : 'approved';
      entry.history.push({
        at: new Date(Math.min(time + 3 * DAY, NOW.getTime() - 1)).toISOString(),
        action: entry.review,
        by: council.id,
        platform: 'telegram',
        ...(entry.review === 'rejected' ? { note: 'Chưa đủ minh chứng, đề nghị bổ sung' } : {}),
      });
    }
    entries.push(entry);
  }
  // On top of an empty state, so collections added to the layout later start empty here too.
  return {
    ...emptyState(),
    version: DOCUMENT_VERSION,
    seq: members.length + entries.length + withdrawals + reviews,
    nextEntryNo: size + 1,
    nextMemberNo: members.length + 1,
    members,
    entries,
  };
}
