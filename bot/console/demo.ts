import type { AgencyConfig } from '../../core/agency.js';
import type { EntryKind } from '../../core/domain.js';
import type { Repository } from '../../core/repository.js';
import { pointsFor } from '../../core/scoring.js';

/** The console user: a registered demo member who is also an admin, so every command can be tried. */
export const DEMO_USER = { identity: 'console:you', displayName: 'Bạn', fullName: 'Người Dùng Thử' };

/** Demo colleagues: name, department (index in the agency's list), and a @username to mention. */
const PEOPLE: [string, number, string][] = [
  ['Nguyễn Thị Lan', 0, 'lan'],
  ['Trần Văn Hùng', 0, 'hung'],
  ['Lê Minh Tuấn', 1, 'tuan'],
  ['Phạm Thu Hà', 1, 'ha'],
  ['Hoàng Đức Anh', 2, 'ducanh'],
  ['Vũ Thị Mai', 2, 'mai'],
  ['Đặng Quốc Bảo', 3, 'bao'],
  ['Bùi Ngọc Ánh', 4, 'anh'],
];

const ENTRIES: [number, EntryKind, string, number][] = [
  [0, 'deed', 'Trả lại ví tiền nhặt được ở sảnh cơ quan cho người đánh rơi', 0],
  [1, 'task', 'Hoàn thành báo cáo sơ kết công tác tổ chức xây dựng Đảng 9 tháng #dotxuat', 1],
  [2, 'initiative', 'Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt', 2],
  [3, 'task', 'Thẩm định hồ sơ quy hoạch cán bộ nhiệm kỳ 2025 - 2030', 2],
  [4, 'deed', 'Hiến máu tình nguyện đợt 2 năm 2026', 3],
  [5, 'task', 'Tổng hợp số liệu đảng viên mới kết nạp quý III', 4],
  [6, 'initiative', 'Mẫu biểu điện tử theo dõi chế độ chính sách cán bộ', 5],
  [7, 'deed', 'Hỗ trợ đồng nghiệp mới làm quen phần mềm quản lý văn bản', 6],
  [0, 'task', 'Chuẩn bị tài liệu hội nghị Ban Chấp hành Đảng bộ tỉnh', 8],
  [2, 'deed', 'Quyên góp ủng hộ đồng bào vùng lũ', 12],
];

/** Fills an empty store with a few members and entries of the past days, for the console demo. */
export async function seedDemo(store: Repository, agency: AgencyConfig, now: Date): Promise<void> {
  const departments = agency.departments;
  const ids: string[] = [];
  for (const [i, [fullName, dept, username]] of PEOPLE.entries()) {
    const identity = `console:demo${i}`;
    const member = await store.saveMember(
      {
        identity,
        username,
        fullName,
        departmentId: (departments[dept % departments.length] ?? departments[0])?.id ?? 'vp',
      },
      { by: identity, platform: 'console', at: new Date(now.getTime() - 30 * 86_400_000) },
    );
    ids.push(member.id);
  }
  await store.saveMember(
    { identity: DEMO_USER.identity, fullName: DEMO_USER.fullName, departmentId: departments[0]?.id ?? 'vp' },
    { by: DEMO_USER.identity, platform: 'console', at: new Date(now.getTime() - 30 * 86_400_000) },
  );
  for (const [i, [who, kind, text, daysAgo]] of ENTRIES.entries()) {
    const id = ids[who] as string;
    const adhoc = text.includes('#dotxuat');
    const it = text.includes('#cntt');
    await store.addEntry(
      { kind, text, points: pointsFor(kind, { adhoc, it }, agency.points), adhoc, it, memberId: id },
      {
        by: id,
        platform: 'console',
        at: new Date(now.getTime() - daysAgo * 86_400_000 - 3_600_000),
        source: `console:seed:${i}`,
      },
    );
  }
}
