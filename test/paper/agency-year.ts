/**
 * A whole agency year, as large as the agency really is: 80 members in five departments, their
 * registrations, about five entries each through the year (most approved, some rejected with a
 * reason, a few still pending, one withdrawn), year-end ratings — put straight into the store — and
 * then the Council's meeting run over Telegram with the real commands. `files()` asks the bot for
 * every document it makes and returns them as it sent them.
 */
import { tempDir } from '../helpers/agency.js';
import { testCouncilFile } from '../helpers/council.js';
import { TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
/** The Council: chair, vice-chair, standing member, secretary, one member. */
const CHAIR = 800001;
const SECRETARY = 800004;
const COUNCIL = [CHAIR, 800002, 800003, SECRETARY, 800005];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLES = ['Thị', 'Văn', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Đức', 'Thu'];
const GIVEN = ['Lan', 'Hùng', 'Tuấn', 'Hà', 'Anh', 'Mai', 'Bảo', 'Ánh', 'Phương', 'Khánh', 'Trang', 'Dũng'];

/** What staff of an Organisation Committee log in a year, short and long. */
const TEXTS: [kind: 'deed' | 'task' | 'initiative', text: string][] = [
  ['task', 'Hoàn thành báo cáo sơ kết công tác tổ chức xây dựng Đảng 9 tháng đầu năm 2026'],
  ['task', 'Thẩm định hồ sơ quy hoạch cán bộ nhiệm kỳ 2025 - 2030 của 12 đảng bộ trực thuộc'],
  ['task', 'Tổng hợp số liệu đảng viên mới kết nạp quý III, đối chiếu với phần mềm quản lý đảng viên'],
  [
    'task',
    'Chuẩn bị tài liệu, dự thảo báo cáo và phục vụ hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5, bảo đảm đúng tiến độ, chất lượng theo yêu cầu của Thường trực Tỉnh ủy',
  ],
  ['task', 'Rà soát, cập nhật hồ sơ cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý'],
  ['deed', 'Trả lại ví tiền nhặt được ở sảnh cơ quan cho người đánh rơi'],
  ['deed', 'Hiến máu tình nguyện đợt 2 năm 2026'],
  ['deed', 'Quyên góp ủng hộ đồng bào vùng lũ các tỉnh miền Trung'],
  [
    'deed',
    'Trực thay ca cho đồng nghiệp ốm đột xuất, bảo đảm lịch tiếp công dân của cơ quan không gián đoạn trong tuần cao điểm cuối năm',
  ],
  ['deed', 'Hỗ trợ đồng nghiệp mới làm quen phần mềm quản lý văn bản và hồ sơ công việc'],
  ['initiative', 'Số hóa hồ sơ đảng viên, tra cứu bằng mã QR'],
  [
    'initiative',
    'Mẫu biểu điện tử theo dõi chế độ chính sách cán bộ, tự động nhắc thời hạn nâng lương và nghỉ hưu, giảm thời gian tổng hợp hằng tháng từ ba ngày xuống nửa ngày',
  ],
];

const at = (month: number, day: number, hour = 3) => new Date(Date.UTC(2026, month - 1, day, hour));

export interface PaperFile {
  /** The command (or button) that made it. */
  asked: string;
  filename: string;
  data: Buffer;
}

export class AgencyYear {
  private constructor(
    readonly tg: TelegramHarness,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async create(): Promise<AgencyYear> {
    const dir = await tempDir();
    const tg = await TelegramHarness.create({
      admins: [ADMIN],
      now: at(1, 5),
      env: { COUNCIL_FILE: testCouncilFile(dir.dir, COUNCIL, 5) },
    });
    for (const id of COUNCIL) tg.startedPrivate.add(id);
    tg.startedPrivate.add(ADMIN);
    const year = new AgencyYear(tg, async () => {
      await tg.close();
      await dir.cleanup();
    });
    await year.fill();
    return year;
  }

  close(): Promise<void> {
    return this.cleanup();
  }

  private async fill(): Promise<void> {
    const { tg } = this;
    const store = tg.store;
    const departments = ['vp', 'tcdv', 'cb', 'bvct', 'cs'];
    let source = 0;
    const actor = (by: string, when: Date) => {
      source += 1;
      return { by, platform: 'telegram' as const, at: when, source: `paper:${source}` };
    };
    const ids: string[] = [];
    for (let i = 0; i < 80; i += 1) {
      const fullName = `${SURNAMES[i % 10]} ${MIDDLES[Math.floor(i / 10) % 8]} ${GIVEN[(i * 7) % 12]}`;
      const identity = `telegram:${2000 + i}`;
      const member = await store.saveMember(
        { identity, fullName, departmentId: departments[i % 5] as string },
        actor(identity, at(1, 5)),
      );
      ids.push(member.id);
      const title = i % 9 === 0 ? 'cstdcs' : 'ldtt';
      await store.registerTitle(
        2026,
        { kind: 'member', memberId: member.id },
        title,
        actor(member.id, at(1, 20)),
      );
    }
    for (const [i, d] of departments.entries())
      await store.registerTitle(
        2026,
        { kind: 'department', departmentId: d },
        i % 2 ? 'ttldtt' : 'ttldxs',
        actor(`telegram:${ADMIN}`, at(1, 20)),
      );
    const council = `telegram:${CHAIR}`;
    let n = 0;
    for (const [i, id] of ids.entries()) {
      for (let k = 0; k < 2 + (i % 5); k += 1) {
        n += 1;
        const [kind, text] = TEXTS[(i + k * 5) % TEXTS.length] as [string, string];
        const when = at(1 + ((i + k * 3) % 11), 1 + ((i * 3 + k) % 27), 2 + (k % 6));
        const it = kind === 'initiative' && k % 2 === 0;
        const adhoc = kind === 'task' && i % 4 === 0;
        const entry = await store.addEntry(
          {
            kind: kind as 'deed',
            text,
            points: kind === 'initiative' ? 3 : kind === 'task' ? (adhoc ? 2 : 1) : 1,
            adhoc,
            it,
            memberId: id,
          },
          actor(id, when),
        );
        const decided = new Date(when.getTime() + 2 * 86_400_000);
        if (n % 23 === 0) await store.withdrawEntry(entry.code, actor(id, decided), 'Ghi trùng nội dung');
        else if (n % 11 === 0)
          await store.reviewEntry(
            entry.code,
            'rejected',
            actor(council, decided),
            'Chưa đủ minh chứng, đề nghị bổ sung văn bản giao nhiệm vụ',
          );
        else if (n % 17 !== 0) await store.reviewEntry(entry.code, 'approved', actor(council, decided));
      }
    }
    for (const [i, id] of ids.entries())
      await store.rate(
        2026,
        { kind: 'member', memberId: id },
        i % 9 === 0 ? 'htxsnv' : i % 13 === 5 ? 'htnv' : 'httnv',
        actor(`telegram:${ADMIN}`, at(12, 2)),
      );
    for (const d of departments)
      await store.rate(
        2026,
        { kind: 'department', departmentId: d },
        'httnv',
        actor(`telegram:${ADMIN}`, at(12, 2)),
      );
    tg.now = at(12, 6, 2);
  }

  private admin() {
    return this.tg.user(ADMIN, 'Văn phòng');
  }
  private secretary() {
    return this.tg.user(SECRETARY, 'Thư ký');
  }

  /** The documents sent since call number `from`. */
  private sent(from: number, asked: string): PaperFile[] {
    return this.tg.calls.slice(from).flatMap((c) => {
      if (c.method !== 'sendDocument') return [];
      const file = c.payload.document as { filename?: string; fileData?: unknown };
      return [{ asked, filename: String(file.filename), data: file.fileData as Buffer }];
    });
  }

  private async ask(text: string, who = this.admin()): Promise<PaperFile[]> {
    const before = this.tg.calls.length;
    await this.tg.send(who, text, { inPrivate: true });
    const files = this.sent(before, text);
    if (files.length === 0) throw new Error(`${text}: no file was sent`);
    return files;
  }

  /** Every document the bot makes for this year, asked for as the Office and the Council ask. */
  async files(): Promise<PaperFile[]> {
    const { tg } = this;
    const out: PaperFile[] = [];
    out.push(...(await this.ask('/tonghop 2026 file')));
    out.push(...(await this.ask('/tonghop 11/2026 Phòng Cán bộ file')));
    out.push(...(await this.ask('/tonghop 2026 binhxet')));
    out.push(...(await this.ask('/nhaphoso mau')));
    const someone = tg.store.members[9];
    out.push(...(await this.ask(`/baocaothanhtich 2026 ${someone?.fullName}`)));
    out.push(...(await this.ask('/baocaothanhtich 2026 Phòng Cán bộ')));

    // The Council's meeting: LĐTT by hands, CSTĐCS and TTLĐXS on paper.
    const sec = this.secretary();
    tg.now = at(12, 10, 7);
    await tg.send(sec, '/mohop 14:00 10/12/2026 | Phòng họp tầng 2 | vắng: Đỗ Văn Khánh (đi công tác)');
    // A Giấy khen for a department, and an exceptional one for a task done beyond the plan.
    await tg.send(this.admin(), '/dexuat giaykhen Phòng Cán bộ | Dẫn đầu phong trào thi đua năm 2026');
    const task = tg.store
      .entriesBetween(at(1, 1), at(12, 6))
      .find((e) => e.kind === 'task' && e.adhoc && e.history.some((h) => h.action === 'approved'));
    if (task)
      out.push(
        ...(await this.ask(
          `/dotxuat ${task.code} Hoàn thành đột xuất nhiệm vụ được giao, vượt tiến độ, chất lượng cao`,
        )),
      );
    const rounds: [string, string][] = [];
    for (const award of ['ldtt', 'cstdcs', 'ttldxs', 'giaykhen']) {
      const mode = award === 'ldtt' || award === 'giaykhen' ? '' : ' giay';
      const before = tg.calls.length;
      const opened = await tg.send(sec, `/mophieu ${award}${mode}`);
      const text = opened.map((s) => s.text).join('\n');
      const round = /Vòng biểu quyết số (\d+)/.exec(text)?.[1];
      const candidates = [...text.matchAll(/^(\d+)\. /gm)].map((m) => m[1]);
      if (!round || candidates.length === 0) throw new Error(`/mophieu ${award}: ${text}`);
      if (mode) {
        const paper = opened.find((s) => s.text.includes('Vòng biểu quyết'));
        if (paper) {
          await tg.press(sec, paper, 'Phiếu bầu (Word)');
          out.push(...this.sent(before, `/mophieu ${award}${mode} → Phiếu bầu (Word)`));
        }
        rounds.push([round, `phat 4 thu 4 hople 4 | ${candidates.map((c) => `${c}: 4`).join(', ')}`]);
      } else rounds.push([round, candidates.map((c) => `${c}: 4/0`).join(', ')]);
      const [r, counts] = rounds.at(-1) as [string, string];
      await tg.send(sec, `/kiemphieu ${r} ${counts}`);
      await tg.send(sec, `/dongphieu ${r}`);
    }
    await tg.send(sec, '/donghop Hội đồng thống nhất đề nghị các trường hợp đạt tỷ lệ phiếu đồng ý.');
    for (const kind of ['bienban', 'kiemphieu', 'totrinh', 'totrinhtinh', 'danhsach'])
      out.push(...(await this.ask(`/duthao ${kind}`, sec)));
    const asked = await tg.send(sec, '/duthao quyetdinh', { inPrivate: true });
    const line = asked
      .map((x) => x.text)
      .join('\n')
      .split('\n')
      .find((l) => l.startsWith('/quyetdinh SỐ') && l.includes('Lao động tiên tiến'));
    if (line) await tg.send(this.admin(), line.replace('SỐ', '125-QĐ/BTCTU').replace('NGÀY', '20/12/2026'));
    out.push(...(await this.ask('/duthao quyetdinh', sec)));
    out.push(...(await this.ask('/duthao giaykhen', sec)));
    return out;
  }
}
