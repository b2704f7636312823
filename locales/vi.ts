import { formatDay, lastDay, type Period } from '../core/periods.js';
import type { EntryState } from '../core/scoring.js';
import type { EntryKind } from '../storage/schema.js';

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
// One formatter, made once: toLocaleString builds a new one on every call (~20 µs each).
const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const num = (n: number) => numbers.format(n);

/** Vietnamese: the source of truth. Every key here must exist in en.ts with the same parameters. */
export const vi = {
  kind: { deed: 'Việc tốt', task: 'Hoàn thành nhiệm vụ', initiative: 'Sáng kiến' } satisfies Record<
    EntryKind,
    string
  >,
  period: (p: Period) => {
    switch (p.kind) {
      case 'week':
        return `tuần ${p.index}/${p.year} (${formatDay(p.start)} – ${formatDay(lastDay(p))})`;
      case 'month':
        return `tháng ${String(p.index).padStart(2, '0')}/${p.year}`;
      case 'quarter':
        return `quý ${ROMAN[p.index]}/${p.year}`;
      case 'year':
        return `năm ${p.year}`;
    }
  },
  /** A period's short name, without its dates: `tuần 48/2026`, `tháng 11/2026`, `quý IV/2026`. */
  periodName: (p: Period) => {
    switch (p.kind) {
      case 'week':
        return `tuần ${p.index}/${p.year}`;
      case 'month':
        return `tháng ${String(p.index).padStart(2, '0')}/${p.year}`;
      case 'quarter':
        return `quý ${ROMAN[p.index]}/${p.year}`;
      case 'year':
        return `năm ${p.year}`;
    }
  },
  periodRange: (p: Period) => `${formatDay(p.start)} – ${formatDay(lastDay(p))}`,
  /** What the period-reading parts of commands accept, for refusals. */
  periodForms:
    'Kỳ viết như: <code>tuần</code>, <code>tuần trước</code>, <code>tháng</code>, <code>tháng 11</code>, <code>tháng 11/2026</code>, <code>tháng trước</code>, <code>quý</code>, <code>quý 4</code> (<code>quý IV</code>, <code>Q4/2026</code>), <code>quý trước</code>, <code>năm</code>, <code>năm 2025</code>, <code>năm trước</code>.',
  points: (n: number) => `${num(n)} điểm`,
  number: num,
  percent: (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—'),
  usageLine: (usage: string) => `Cách dùng: <code>${usage}</code>`,

  errors: {
    internal:
      'Xin lỗi, đã có lỗi khi xử lý lệnh này. Trước khi gửi lại, hãy xem /cuatoi để chắc chắn mục chưa được ghi, tránh ghi trùng.',
    storeWrite:
      'Xin lỗi, máy chủ không ghi được dữ liệu lúc này nên <b>chưa lưu</b> gì cả. Vui lòng thử lại sau ít phút.',
    privateRefused:
      'Bot chưa gửi được tin nhắn riêng cho bạn. Hãy nhắn riêng cho bot một lần (trên Zalo: kết bạn với tài khoản của bot), rồi gửi lại lệnh.',
    unknownCommand: (name: string) => `Không có lệnh /${name}. Gửi /trogiup để xem các lệnh.`,
    notRegistered: 'Bạn chưa đăng ký. Hãy gửi: <code>/dangky Họ và tên | Phòng</code>',
    adminOnly: 'Lệnh này chỉ dành cho quản trị viên (Văn phòng Ban, lãnh đạo Ban).',
    notGroupMember:
      'Chỉ thành viên nhóm chung của cơ quan mới đăng ký được. Hãy tham gia nhóm, hoặc gửi lệnh ngay trong nhóm.',
    unknownPeriod: (token: string) => `Không hiểu kỳ “${token}”.`,
    impossiblePeriod: (text: string) =>
      `Không có kỳ “${text}”: tuần từ 1 đến 53, tháng từ 1 đến 12, quý từ 1 đến 4 (I–IV), năm từ 2000 đến 2100.`,
    extraIgnored: (used: string, ignored: string) => `<i>Đã dùng kỳ ${used}; bỏ qua “${ignored}”.</i>`,
  },

  help: {
    start: {
      usage: '/batdau',
      description: 'Giới thiệu bot và cách đăng ký',
    },
    help: { usage: '/trogiup', description: 'Các lệnh bạn dùng được' },
    register: { usage: '/dangky Họ và tên | Phòng', description: 'Đăng ký hoặc cập nhật hồ sơ' },
    deed: {
      usage: '/viectot nội dung',
      description:
        'Ghi nhận việc tốt; ghi cho đồng nghiệp: đặt @tên ngay sau lệnh (/viectot @lan đã trực thay ca)',
    },
    task: { usage: '/hoanthanh nội dung', description: 'Ghi nhận nhiệm vụ hoàn thành (#dotxuat: đột xuất)' },
    initiative: {
      usage: '/sangkien nội dung',
      description: 'Ghi nhận sáng kiến, mô hình mới (#cntt: ứng dụng CNTT)',
    },
    mine: {
      usage: '/cuatoi [kỳ]',
      description: 'Các mục và điểm của bạn (kỳ: tuần, tuần trước, tháng 11, quý IV, năm 2025…)',
    },
    withdraw: {
      usage: '/huy MÃ [lý do]',
      description: 'Rút lại một mục đã ghi (quản trị viên rút mục của người khác: ghi lý do)',
    },
    leaderboard: {
      usage: '/bangxephang [kỳ]',
      description: 'Bảng xếp hạng cá nhân và các phòng (mặc định: tuần này)',
    },
    summary: {
      usage: '/tonghop [kỳ] [tên phòng] [file|binhxet]',
      description: 'Tổng hợp kết quả thi đua, file báo cáo (quản trị viên)',
    },
    pending: { usage: '/choduyet', description: 'Các mục chờ Hội đồng duyệt' },
    approve: { usage: '/duyet MÃ', description: 'Duyệt một mục (Hội đồng)' },
    reject: { usage: '/tuchoi MÃ lý do', description: 'Không duyệt một mục, ghi rõ lý do (Hội đồng)' },
    reopen: {
      usage: '/xetlai MÃ lý do',
      description: 'Đưa một mục đã quyết định về chờ duyệt để xét lại, ghi rõ lý do (Hội đồng)',
    },
    move: {
      usage: '/chuyenphong [@người |] tên phòng',
      description: 'Chuyển phòng từ hôm nay (quản trị viên chuyển cho người khác)',
    },
    history: { usage: '/lichsu MÃ', description: 'Toàn bộ lịch sử của một mục' },
    link: { usage: '/lienket [MÃ]', description: 'Liên kết tài khoản Telegram và Zalo thành một hồ sơ' },
    plan: { usage: '/kehoach', description: 'Tiến độ các chỉ tiêu và mốc kế hoạch năm' },
    preview: {
      usage: '/xemtruoc bangxephang|thang|nhac',
      description: 'Xem trước bài đăng tự động (quản trị viên)',
    },
    postNow: {
      usage: '/dangngay bangxephang|thang',
      description: 'Đăng ngay bài lên nhóm, sau khi xác nhận (quản trị viên)',
    },
    nudgesOff: { usage: '/tatnhac', description: 'Tắt nhắc nhở cá nhân' },
    nudgesOn: { usage: '/batnhac', description: 'Bật nhắc nhở cá nhân' },
    models: {
      usage: '/dienhinh [MÃ | @người lý do | phòng lý do | SỐ tiep ghi chú]',
      description: 'Điển hình tiên tiến: đề xuất, theo dõi 4 giai đoạn',
    },
    title: '<b>Các lệnh bạn dùng được</b>',
    photoTip: 'Gửi ảnh kèm chú thích là một lệnh ghi nhận để lưu ảnh làm minh chứng.',
  },

  start: {
    greeting: (name: string, agency: string) =>
      `Xin chào ${name}! Đây là bot theo dõi <b>phong trào thi đua năm 2026</b> của ${agency}.`,
    purpose:
      'Bot giúp mỗi cán bộ, công chức, người lao động ghi nhận việc tốt, nhiệm vụ hoàn thành và sáng kiến ngay trên điện thoại; ' +
      'công khai điểm và bảng xếp hạng cá nhân, các phòng; hỗ trợ Văn phòng tổng hợp báo cáo định kỳ.',
    howToRegister: 'Để bắt đầu, hãy đăng ký: <code>/dangky Họ và tên | Phòng</code>',
    registered: (name: string, dept: string) => `Bạn đã đăng ký: <b>${name}</b> — ${dept}.`,
    moreHelp: 'Gửi /trogiup để xem các lệnh.',
  },

  register: {
    missingName: 'Vui lòng ghi họ và tên đầy đủ trước dấu |.',
    departmentAsName: (dept: string) =>
      `“${dept}” là tên một phòng. Vui lòng ghi họ và tên trước dấu |, tên phòng sau dấu |.`,
    swappedChoice: (name: string, dept: string) => `Đăng ký: ${name} — ${dept}`,
    plainName: (name: string) =>
      `Họ và tên “${name}” chưa có dấu hoặc chưa viết hoa. Báo cáo chính thức sẽ in đúng như vậy. Vui lòng gửi lại họ và tên có dấu, viết hoa chữ cái đầu (ví dụ <code>/dangky Nguyễn Văn Nam | Phòng Cán bộ</code>), hoặc chọn giữ nguyên.`,
    keepName: (name: string) => `Giữ nguyên “${name}”`,
    sameName: (name: string) =>
      `Đã có thành viên khác tên “${name}”. Nếu là hai người trùng họ tên, vui lòng ghi thêm thông tin để phân biệt, ví dụ “${name} (1985)”. Nếu đó chính là bạn trên nền tảng khác, hãy dùng /lienket để liên kết hai tài khoản.`,
    confirmMove: (name: string, from: string, to: string) =>
      `${name} đang thuộc <b>${from}</b>. Chuyển sang <b>${to}</b> từ hôm nay? Các mục đã ghi trước đây vẫn tính cho ${from}.`,
    confirmMoveButton: (to: string) => `Xác nhận chuyển sang ${to}`,
    moved: (name: string, from: string, to: string) =>
      `✅ Đã chuyển ${name} từ ${from} sang <b>${to}</b> kể từ hôm nay. Các mục đã ghi trước đây vẫn tính cho ${from}.`,
    alreadyThere: (name: string, dept: string) => `${name} đã thuộc ${dept}.`,
    missingMoveDepartment: 'Vui lòng ghi tên phòng chuyển đến.',
    unknownPerson: (query: string) =>
      `Không tìm thấy thành viên “${query}”. Ghi @tên đồng nghiệp hoặc họ và tên đầy đủ như đã đăng ký.`,
    moveOthersAdminOnly: 'Chỉ quản trị viên mới chuyển phòng cho người khác.',
    noticeMoved: (from: string, to: string, by: string) =>
      `Bạn đã được ${by} chuyển từ ${from} sang <b>${to}</b> kể từ hôm nay. Các mục đã ghi trước đây vẫn tính cho ${from}.`,
    nameTooLong: (max: number) => `Họ và tên dài quá ${max} ký tự.`,
    pickDepartment: (name: string) => `Chọn phòng của <b>${name}</b>:`,
    unknownDepartment: (query: string) => `Không tìm thấy phòng “${query}”.`,
    departmentList: 'Các phòng:',
    answerWithNumber: 'Trả lời bằng lệnh có số thứ tự, ví dụ:',
    created: (name: string, dept: string) =>
      `✅ Đã đăng ký <b>${name}</b> — ${dept}. Chào mừng bạn tham gia phong trào!`,
    updated: (name: string, dept: string) => `✅ Đã cập nhật hồ sơ: <b>${name}</b> — ${dept}.`,
    next: 'Ghi nhận đầu tiên: <code>/viectot nội dung</code>, <code>/hoanthanh nội dung</code> hoặc <code>/sangkien nội dung</code>.',
  },

  entry: {
    needsWords: (kind: EntryKind, min: number) =>
      `Vui lòng ghi rõ ${
        {
          deed: 'việc tốt đã làm',
          task: 'nội dung công việc đã hoàn thành',
          initiative: 'nội dung sáng kiến, mô hình',
        }[kind]
      } (ít nhất ${min} từ, không kể thẻ #, tên người được nhắc, biểu tượng cảm xúc và dấu câu). Ví dụ: <code>${
        {
          deed: '/viectot Trực thay ca cho đồng nghiệp bị ốm',
          task: '/hoanthanh Hoàn thành báo cáo sơ kết quý III',
          initiative: '/sangkien Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt',
        }[kind]
      }</code>`,
    tooLong: (length: number, max: number) => `Nội dung dài ${length} ký tự, vượt quá ${max} ký tự cho phép.`,
    mentionNotRegistered: (label: string) =>
      `${label} chưa đăng ký với bot nên chưa ghi nhận được. Đề nghị đồng nghiệp gửi /dangky trước.`,
    oneMentionOnly: 'Mỗi mục chỉ ghi nhận cho một người. Vui lòng gửi riêng cho từng đồng nghiệp.',
    dailyLimit: (max: number) =>
      `Hôm nay bạn đã ghi ${max} mục, là mức tối đa trong một ngày (tính mọi mục bạn ghi, kể cả ghi cho đồng nghiệp; mục đã rút không tính). Vui lòng ghi tiếp vào ngày mai.`,
    saved: (kind: string, code: string, points: string) =>
      `✅ Đã lưu <b>${kind}</b> — mã <code>${code}</code>, ${points}.`,
    alreadySaved: (code: string) => `Tin nhắn này đã được ghi nhận trước đó, mã <code>${code}</code>.`,
    creditedTo: (name: string, reporter: string) => `Ghi nhận cho: <b>${name}</b> (người báo: ${reporter}).`,
    creditedSelf: (name: string) => `Ghi nhận cho: <b>${name}</b>.`,
    mentionHint:
      'Muốn ghi việc tốt cho đồng nghiệp, đặt tên người đó ngay sau lệnh, ví dụ: <code>/viectot @lan đã trực thay ca</code>.',
    tags: (tags: string) => `Đánh dấu: ${tags}`,
    adhocTag: 'nhiệm vụ đột xuất',
    itTag: 'mô hình ứng dụng CNTT',
    photoKept: '📷 Ảnh đã được lưu làm minh chứng.',
    rank: (name: string, rank: number, of: number, points: string) =>
      `Tuần này ${name} xếp hạng ${rank}/${of} người có điểm, với ${points}.`,
    unranked: (name: string) => `Tuần này ${name} chưa có điểm được tính.`,
    withdrawHint: (code: string) => `Ghi nhầm? Gửi <code>/huy ${code}</code> để rút lại.`,
  },

  mine: {
    title: (name: string, period: string) => `<b>Ghi nhận của ${name}</b> — ${period}`,
    none: 'Chưa có mục nào trong kỳ này.',
    line: (code: string, day: string, kind: string, points: string, text: string) =>
      `<code>${code}</code> ${day} · ${kind} · ${points}\n   ${text}`,
    state: (state: string) => `(${state})`,
    reason: (reason: string) => `— lý do: ${reason}`,
    reportedBy: (name: string) => `(do ${name} báo)`,
    total: (points: string, count: number) => `Tổng: <b>${points}</b> từ ${count} mục được tính.`,
    rank: (rank: number, of: number) => `Xếp hạng: ${rank}/${of} người có điểm trong kỳ.`,
    unranked: 'Xếp hạng: chưa có điểm trong kỳ.',
    reportedForOthers: (count: number) => `Bạn đã báo ${count} việc tốt cho đồng nghiệp.`,
    more: (count: number) => `… và ${count} mục khác.`,
  },

  /** How an entry stands, in the same words in /lichsu, /cuatoi, the workbook and the review sheet. */
  states: {
    withdrawn: 'Đã rút',
    rejected: 'Không được duyệt',
    approved: 'Đã duyệt',
    pending: 'Chờ duyệt',
  } satisfies Record<EntryState, string>,
  counting: (counted: boolean): string => (counted ? 'được tính điểm' : 'không tính điểm'),
  yesNo: (yes: boolean): string => (yes ? 'Có' : 'Không'),

  withdraw: {
    missingCode: 'Vui lòng ghi mã mục cần rút, ví dụ <code>/huy VT12</code>.',
    missingReason: (code: string) =>
      `Mục <code>${code}</code> không do bạn ghi: vui lòng ghi lý do rút, ví dụ <code>/huy ${code} Ghi trùng với mục đã có</code>. Người được ghi nhận sẽ được thông báo.`,
    reasonTooLong: (max: number) => `Lý do dài quá ${max} ký tự.`,
    notice: (code: string, kind: string, text: string, by: string, reason: string) =>
      `Mục <code>${code}</code> (${kind}) ghi nhận cho bạn đã được ${by} rút lại, không còn được tính điểm.${reason ? `\nLý do: ${reason}` : ''}\n<i>${text}</i>`,
    noticeReporter: (code: string, kind: string, text: string, by: string, reason: string) =>
      `Mục <code>${code}</code> (${kind}) do bạn ghi đã được ${by} rút lại, không còn được tính điểm.${reason ? `\nLý do: ${reason}` : ''}\n<i>${text}</i>`,
    unknownCode: (code: string) => `Không có mục nào mã “${code}”.`,
    notYours: (code: string) => `Mục <code>${code}</code> không do bạn ghi nên bạn không rút được.`,
    alreadyWithdrawn: (code: string) => `Mục <code>${code}</code> đã được rút trước đó.`,
    done: (code: string, points: string) =>
      `↩️ Đã rút mục <code>${code}</code>; ${points} không còn được tính.`,
    doneFor: (code: string, points: string, name: string) =>
      `↩️ Đã rút mục <code>${code}</code> của ${name}; ${points} không còn được tính. Người liên quan đã được thông báo.`,
  },

  leaderboard: {
    title: (period: string) => `🏆 <b>Bảng xếp hạng thi đua</b> — ${period}`,
    members: (n: number) => `<b>Cá nhân dẫn đầu</b> (top ${n})`,
    ties: (shown: number) => `<i>Danh sách có ${shown} người vì có người đồng hạng.</i>`,
    noPoints: 'Chưa có ai ghi nhận trong kỳ này. Hãy là người đầu tiên!',
    memberLine: (rank: number, name: string, dept: string, points: string) =>
      `${rank}. ${name} (${dept}) — ${points}`,
    departments: '<b>Các phòng</b> (xếp theo điểm bình quân mỗi người)',
    departmentLine: (rank: number, name: string, perMember: string, points: string, members: number) =>
      `${rank}. ${name} — ${perMember} điểm/người (tổng ${points}, ${members} người)`,
  },

  summary: {
    title: (period: string, range: string, department?: string) =>
      `📊 <b>Tổng hợp thi đua${department ? ` — ${department}` : ''} — ${period}</b> (${range})`,
    reviewSheetWholeAgency: (dept: string) =>
      `<i>Bảng bình xét lập cho toàn cơ quan (mọi cá nhân và tập thể), không riêng “${dept}”.</i>`,
    unknownWords: (words: string) => `Không hiểu “${words}”: không phải kỳ, cũng không phải tên phòng.`,
    departmentsList: 'Phòng ghi bằng tên (không cần dấu) hoặc mã:',
    departmentItem: (name: string, id: string) => `• ${name} (<code>${id}</code>)`,
    byKind: '<b>Theo loại</b>',
    kindLine: (kind: string, count: number, points: string) => `• ${kind}: ${count} mục, ${points}`,
    adhoc: (count: number) => `   trong đó nhiệm vụ đột xuất: ${count}`,
    it: (count: number) => `   trong đó mô hình ứng dụng CNTT: ${count}`,
    total: (count: number, points: string) => `<b>Tổng cộng:</b> ${count} mục, ${points}`,
    byDepartment: '<b>Theo phòng</b>',
    departmentLine: (
      name: string,
      count: number,
      points: string,
      participants: number,
      members: number,
      pct: string,
    ) => `• ${name}: ${count} mục, ${points}; tham gia ${participants}/${members} người (${pct})`,
    participation: (participants: number, members: number, pct: string) =>
      `<b>Tỷ lệ tham gia:</b> ${participants}/${members} người có ít nhất một mục (${pct})`,
    topMembers: '<b>Cá nhân dẫn đầu</b>',
    memberLine: (rank: number, name: string, dept: string, points: string, count: number) =>
      `${rank}. ${name} (${dept}) — ${points}, ${count} mục`,
    targets: '<b>Chỉ tiêu kế hoạch</b>',
    adhocTotal: (count: number) => `• Nhiệm vụ phát sinh, đột xuất đã hoàn thành: ${count}`,
    itTotal: (count: number) => `• Mô hình ứng dụng CNTT (chỉ tiêu: ít nhất 01): ${count}`,
    withdrawn: (count: number) => `<b>Mục đã rút:</b> ${count}`,
    withdrawnCodes: (codes: string) => `   ${codes}`,
    empty: 'Chưa có mục nào trong kỳ này.',
    review: (approved: number, rejected: number, pending: number) =>
      `<b>Hội đồng duyệt:</b> đã duyệt ${approved}, không duyệt ${rejected}, chờ duyệt ${pending}.`,
    modes: {
      after: 'Mục được tính điểm ngay khi ghi nhận; mục Hội đồng không duyệt thì không còn được tính.',
      before: 'Mục chỉ được tính điểm sau khi Hội đồng duyệt.',
    },
    models: (count: number) => `<b>Điển hình tiên tiến:</b> ${count}`,
    modelStage: (stage: string, count: number) => `   ${stage}: ${count}`,
    fileButton: '📎 Tải file báo cáo (Excel, Word)',
    filesSent: (period: string) => `📎 File báo cáo ${period}: bảng tổng hợp Excel và dự thảo báo cáo Word.`,
    reviewSheetSent: (year: number) =>
      `📎 Bảng bình xét cuối năm ${year}: số liệu của từng cá nhân và tập thể.`,
    reviewSheetYearOnly: 'Bảng bình xét chỉ lập cho cả năm, ví dụ <code>/tonghop 2026 binhxet</code>.',
  },

  review: {
    councilOnly: 'Lệnh này dành cho thành viên Hội đồng Thi đua – Khen thưởng và quản trị viên.',
    pendingCounted: (n: number) =>
      `⏳ ${n} mục chưa được Hội đồng Thi đua – Khen thưởng duyệt (đang được tính, có thể không được duyệt).`,
    pendingNotCounted: (n: number) =>
      `⏳ ${n} mục đang chờ Hội đồng Thi đua – Khen thưởng duyệt (chưa được tính điểm).`,
    listTitle: (n: number) => `<b>Mục chờ duyệt</b>: ${n} mục, mục ghi sớm nhất trước.`,
    listNone: 'Không có mục nào chờ duyệt. 👍',
    listMore: (n: number) => `… và ${n} mục khác. Duyệt xong các mục trên rồi gửi lại /choduyet.`,
    item: (
      code: string,
      kind: string,
      points: string,
      name: string,
      dept: string,
      day: string,
      text: string,
    ) => `<code>${code}</code> · ${kind} · ${points}\n${name} (${dept}) · ${day}\n<i>${text}</i>`,
    photo: '📷 có ảnh minh chứng',
    approveButton: '✅ Duyệt',
    rejectButton: '❌ Không duyệt',
    missingCode: (command: string) => `Vui lòng ghi mã mục, ví dụ <code>/${command} VT12</code>.`,
    missingReason: (code: string) =>
      `Vui lòng ghi lý do không duyệt, ví dụ <code>/tuchoi ${code} Trùng với mục đã ghi</code>, hoặc chọn một lý do:`,
    reasons: ['Trùng với mục đã ghi', 'Chưa đủ minh chứng', 'Không thuộc nội dung thi đua'],
    reasonTooLong: (max: number) => `Lý do dài quá ${max} ký tự.`,
    approved: (code: string, name: string) => `✅ Đã duyệt mục <code>${code}</code> của ${name}.`,
    missingReopenReason: (code: string) =>
      `Vui lòng ghi lý do xét lại, ví dụ <code>/xetlai ${code} Bổ sung minh chứng mới</code>.`,
    notDecided: (code: string) => `Mục <code>${code}</code> đang chờ duyệt, chưa có quyết định để xét lại.`,
    reopened: (code: string, name: string, reason: string) =>
      `🔄 Mục <code>${code}</code> của ${name} đã được đưa về chờ duyệt để xét lại. Lý do: ${reason}`,
    noticeReopened: (code: string, kind: string, text: string, reason: string) =>
      `🔄 Mục <code>${code}</code> (${kind}) ghi nhận cho bạn được Hội đồng Thi đua – Khen thưởng đưa về chờ duyệt để xét lại.\nLý do: ${reason}\n<i>${text}</i>`,
    noticeReopenedReporter: (code: string, kind: string, name: string, text: string, reason: string) =>
      `🔄 Mục <code>${code}</code> (${kind}) bạn ghi cho ${name} được Hội đồng Thi đua – Khen thưởng đưa về chờ duyệt để xét lại.\nLý do: ${reason}\n<i>${text}</i>`,
    noticeApprovedReporter: (code: string, kind: string, name: string, text: string) =>
      `✅ Mục <code>${code}</code> (${kind}) bạn ghi cho ${name} đã được Hội đồng Thi đua – Khen thưởng duyệt.\n<i>${text}</i>`,
    noticeRejectedReporter: (code: string, kind: string, name: string, text: string, reason: string) =>
      `Mục <code>${code}</code> (${kind}) bạn ghi cho ${name} chưa được Hội đồng Thi đua – Khen thưởng duyệt.\nLý do: ${reason}\n<i>${text}</i>`,
    rejected: (code: string, name: string, reason: string) =>
      `❌ Không duyệt mục <code>${code}</code> của ${name}. Lý do: ${reason}`,
    alreadyDecided: (code: string, decision: string) =>
      `Mục <code>${code}</code> đã được ${decision} trước đó.`,
    decisions: { approved: 'duyệt', rejected: 'xét không duyệt' },
    withdrawnEntry: (code: string) => `Mục <code>${code}</code> đã được rút, không cần duyệt.`,
    ownEntry: (code: string) =>
      `Mục <code>${code}</code> do bạn ghi hoặc ghi cho bạn; thành viên Hội đồng khác sẽ xét.`,
    noticeApproved: (code: string, kind: string, text: string) =>
      `✅ Mục <code>${code}</code> (${kind}) ghi nhận cho bạn đã được Hội đồng Thi đua – Khen thưởng duyệt.\n<i>${text}</i>`,
    noticeRejected: (code: string, kind: string, text: string, reason: string) =>
      `Mục <code>${code}</code> (${kind}) ghi nhận cho bạn chưa được Hội đồng Thi đua – Khen thưởng duyệt.\nLý do: ${reason}\n<i>${text}</i>\nBạn có thể ghi lại với nội dung, minh chứng đầy đủ hơn.`,
  },

  history: {
    title: (code: string, kind: string) => `<b>Lịch sử mục <code>${code}</code></b> — ${kind}`,
    credited: (name: string, reporter: string) => `Ghi nhận cho ${name}; người báo: ${reporter}`,
    creditedSelf: (name: string) => `Ghi nhận cho ${name} (tự ghi)`,
    state: (state: string, counting: string) => `Trạng thái: ${state}, ${counting}.`,
    department: (name: string) => `Tính cho: ${name}`,
    line: (time: string, action: string, by: string, platform: string) =>
      `• ${time} — ${action} — ${by} (${platform})`,
    note: (note: string) => `   ${note}`,
    actions: {
      created: 'ghi nhận',
      withdrawn: 'rút lại',
      approved: 'duyệt',
      rejected: 'không duyệt',
      registered: 'đăng ký',
      updated: 'cập nhật',
      linked: 'liên kết tài khoản',
      proposed: 'đề xuất điển hình',
      advanced: 'chuyển giai đoạn điển hình',
      moved: 'chuyển phòng',
      reopened: 'xét lại',
    },
    platforms: { telegram: 'Telegram', zalo: 'Zalo', console: 'máy thử' },
  },

  models: {
    stages: { discover: 'Phát hiện', nurture: 'Bồi dưỡng', sumup: 'Tổng kết', replicate: 'Nhân rộng' },
    listTitle: '🌟 <b>Điển hình tiên tiến</b> (phát hiện – bồi dưỡng – tổng kết – nhân rộng)',
    none: 'Chưa có điển hình nào được đề xuất.',
    stageHeader: (stage: string, count: number) => `<b>${stage}</b> (${count})`,
    line: (no: number, subject: string, reason: string, since: string) =>
      `${no}. ${subject} — ${reason} (từ ${since})`,
    subjectEntry: (code: string, name: string, text: string) =>
      `mục <code>${code}</code> của ${name}: “${text}”`,
    subjectMember: (name: string, dept: string) => `${name} (${dept})`,
    subjectDepartment: (name: string) => `tập thể ${name}`,
    proposed: (no: number, subject: string) =>
      `🌟 Đã đề xuất điển hình số ${no}: ${subject}. Giai đoạn: <b>Phát hiện</b>.`,
    advanced: (no: number, subject: string, stage: string) =>
      `🌟 Điển hình số ${no} (${subject}) chuyển sang giai đoạn <b>${stage}</b>.`,
    missingReason: 'Vui lòng ghi lý do đề xuất sau người hoặc phòng được đề xuất.',
    missingNote: (no: number) =>
      `Vui lòng ghi nội dung của giai đoạn, ví dụ <code>/dienhinh ${no} tiep Đã báo cáo điển hình tại hội nghị</code>.`,
    unknownSubject: (query: string) =>
      `Không rõ đề xuất cho ai: “${query}”. Ghi mã mục (VT12), @đồng nghiệp hoặc tên phòng.`,
    unknownModel: (no: number) => `Không có điển hình số ${no}.`,
    lastStage: (no: number) => `Điển hình số ${no} đã ở giai đoạn cuối (Nhân rộng).`,
    duplicate: (no: number) => `Đã có điển hình số ${no} cho đối tượng này.`,
    councilAdvances: 'Chỉ thành viên Hội đồng Thi đua – Khen thưởng chuyển giai đoạn của điển hình.',
    ownSubject: (no: number) =>
      `Điển hình số ${no} là về bạn, mục của bạn hoặc phòng của bạn: thành viên Hội đồng khác sẽ chuyển giai đoạn.`,
    tooLong: (max: number) => `Nội dung dài quá ${max} ký tự.`,
  },

  buttons: {
    expired: 'Lựa chọn này đã hết hạn. Vui lòng gửi lại lệnh.',
    notYours: 'Nút này dành cho người đã gửi lệnh.',
  },

  link: {
    issued: (code: string, minutes: number) =>
      `🔗 Mã liên kết: <code>${code}</code> (dùng một lần, trong ${minutes} phút). Trên nền tảng kia (Telegram hoặc Zalo), gửi: <code>/lienket ${code}</code>`,
    linked: (name: string) =>
      `🔗 Đã liên kết: tài khoản này và hồ sơ <b>${name}</b> là một; điểm được cộng chung.`,
    merged: (count: number) => `Đã gộp ${count} mục ghi nhận trước đây vào hồ sơ.`,
    wrongCode: (code: string) => `Mã “${code}” không đúng. Lấy mã mới bằng /lienket trên nền tảng kia.`,
    expiredCode: 'Mã này đã hết hạn hoặc đã được dùng. Lấy mã mới bằng /lienket trên nền tảng kia.',
    samePlatform: 'Hãy gửi mã này từ nền tảng kia (Telegram ↔ Zalo), không phải nơi đã lấy mã.',
    alreadyLinked: (name: string) => `Tài khoản này đã thuộc hồ sơ ${name}.`,
    tooManyTries: 'Bạn đã nhập sai mã nhiều lần. Vui lòng đợi 10 phút rồi thử lại với mã mới.',
  },

  plan: {
    title: (title: string, day: string) => `📋 <b>${title}</b>\nTiến độ đến ngày ${day}`,
    targetLine: (state: 'done' | 'pending' | 'open', title: string, bar: string, value: string) =>
      `${{ done: '✅', pending: '⏳', open: '▫️' }[state]} ${title}\n   ${bar} ${value}`,
    legend: '✅ đạt (đã được duyệt) · ⏳ đạt nếu các mục chờ duyệt được duyệt · ▫️ chưa đạt',
    participation: (part: number, whole: number, pct: string) => `${part}/${whole} (${pct})`,
    count: (value: number, goal: number) => `${value}/${goal}`,
    /** Of the figure, how much rests on entries the Council has not reviewed yet. */
    pendingIncluded: (n: number) => `, trong đó ${n} dựa trên mục chưa được duyệt`,
    pendingExcluded: (n: number) => `, thêm ${n} nếu các mục chờ duyệt được duyệt`,
    milestonesTitle: '<b>Mốc sắp tới</b>',
    milestoneLine: (date: string, days: number, title: string) =>
      `• ${date} (${days === 0 ? 'hôm nay' : `còn ${days} ngày`}) — ${title}`,
    noMilestones: 'Không còn mốc nào trong năm.',
    none: 'Chưa cấu hình kế hoạch thi đua.',
  },

  posts: {
    weeklyTitle: (period: string) => `🏆 <b>Bảng vàng thi đua tuần</b> — ${period}`,
    deedsTitle: '<b>Gương người tốt, việc tốt</b>',
    deedLine: (name: string, text: string) => `• ${name}: ${text}`,
    noDeeds: 'Chưa có việc tốt nào được ghi nhận — hãy chia sẻ bằng /viectot!',
    moreDeeds: (n: number) => `… và ${n} việc tốt khác.`,
    silentDepartments: (list: string) => `<b>Phòng chưa có ghi nhận trong tuần:</b> ${list}`,
    allDepartmentsActive: 'Tất cả các phòng đều đã có ghi nhận trong tuần. 👏',
    targetsTitle: '<b>Tiến độ kế hoạch năm</b>',
    targetShort: (title: string, value: string) => `• ${title}: ${value}`,
    modelsTitle: '<b>Điển hình tiên tiến</b>',
    modelLine: (no: number, subject: string, stage: string) => `• Số ${no}: ${subject} — ${stage}`,
    monthlyTitle: (period: string) => `📰 <b>Điểm tin thi đua ${period}</b>`,
    monthlyTop: '<b>Cá nhân dẫn đầu trong tháng</b>',
    reminder: (title: string, date: string, days: number) =>
      days > 0
        ? `📌 <b>Nhắc kế hoạch</b>: ${title} — ngày ${date} (còn ${days} ngày).`
        : `📌 <b>Hôm nay, ${date}</b>: ${title}.`,
    reportReminder: (title: string, date: string) =>
      `📌 Văn phòng lưu ý: ${title} — ngày ${date}. Gửi <code>/tonghop quy file</code> (hoặc kỳ cần báo cáo) để lấy số liệu và dự thảo báo cáo.`,
    nudge: (name: string, days: number) =>
      `Chào ${name}. Đã ${days} ngày bạn chưa có ghi nhận nào. Đề nghị bạn ghi nhận kết quả công việc bằng /hoanthanh, việc tốt bằng /viectot, sáng kiến bằng /sangkien. (Tắt nhắc: /tatnhac)`,
    nudgesOff: 'Đã tắt nhắc nhở cá nhân. Bật lại bằng /batnhac.',
    nudgesOn: 'Đã bật nhắc nhở cá nhân. Tắt bằng /tatnhac.',
    nudgesNeedPrivate:
      'Nhắc nhở cá nhân được gửi trong tin nhắn riêng: hãy nhắn riêng cho bot một lần để nhận được.',
    previewNote: '<i>Xem trước — chỉ bạn thấy tin này.</i>',
    posted: 'Đã đăng lên nhóm.',
    unknownPost: (name: string) => `Không rõ bài “${name}”.`,
    missingPost: 'Vui lòng ghi tên bài.',
    postNames: { bangxephang: 'bảng xếp hạng tuần', thang: 'điểm tin tháng', nhac: 'nhắc kế hoạch hôm nay' },
    confirmPost: (name: string) =>
      `Đăng <b>${name}</b> lên nhóm chung ngay bây giờ? Mọi thành viên trong nhóm sẽ nhận được. (Xem trước: /xemtruoc)`,
    confirmPostButton: '📣 Đăng ngay',
    noReminders: 'Hôm nay không có mốc kế hoạch nào cần nhắc.',
  },

  demo: {
    intro: (dir: string, reports: string) =>
      [
        'thidua-bot — bản dùng thử trên máy (chưa cấu hình TELEGRAM_BOT_TOKEN hay Zalo).',
        `Bạn là thành viên thử nghiệm, kiêm quản trị viên và thành viên Hội đồng, trên kho dữ liệu mẫu tại ${dir}.`,
        'Thử: /trogiup, /viectot Giúp @lan sửa máy in, /viectot @lan đã trực thay ca, /bangxephang tuần trước, /kehoach, /tonghop quý IV file. Khi bot đưa các lựa chọn đánh số, gõ số để chọn. Thoát: /thoat hoặc Ctrl+D.',
        `File báo cáo được lưu trong thư mục ${reports}. Kho dữ liệu mẫu bị xóa khi thoát.`,
      ].join('\n'),
  },

  /** A numbered choice picked on a platform without buttons: which command it runs. */
  chosen: (command: string) => `→ ${command}`,
  unknownDepartmentName: (id: string) => `(phòng “${id}” không còn trong cấu hình)`,
};

export type Messages = typeof vi;
