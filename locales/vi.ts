import { type HtmlPart, html } from '../core/html.js';

/** A period as the locales name it (core/periods.ts's Period has these fields). */
export interface PeriodName {
  kind: 'week' | 'month' | 'quarter' | 'half' | 'year';
  /** ISO week, month 1–12, quarter 1–4, half 1–2, or the year. */
  index: number;
  year: number;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
// One formatter, made once: toLocaleString builds a new one on every call (~20 µs each).
const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const num = (n: number) => numbers.format(n);

/** Vietnamese: the source of truth. Every key here must exist in en.ts with the same parameters. */
export const vi = {
  kind: { deed: 'Việc tốt', task: 'Hoàn thành nhiệm vụ', initiative: 'Sáng kiến' },
  /** A period's short name, without its dates: `tuần 48/2026`, `tháng 11/2026`, `quý IV/2026`. */
  periodName: (p: PeriodName): string => {
    switch (p.kind) {
      case 'week':
        return `tuần ${p.index}/${p.year}`;
      case 'month':
        return `tháng ${String(p.index).padStart(2, '0')}/${p.year}`;
      case 'quarter':
        return `quý ${ROMAN[p.index]}/${p.year}`;
      case 'half':
        return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
      case 'year':
        return `năm ${p.year}`;
    }
  },
  /** A period's first and last days, `dd/mm/yyyy` each. */
  periodRange: (first: string, last: string) => `${first} – ${last}`,
  /** Up to when the figures of a period not over yet are counted. */
  asOf: (day: string) => `tính đến ngày ${day}`,
  /** What the period-reading parts of commands accept, for refusals. */
  periodForms: html`Kỳ viết như: <code>tuần</code>, <code>tuần trước</code>, <code>tháng</code>, <code>tháng 11</code>, <code>tháng 11/2026</code>, <code>tháng trước</code>, <code>quý</code>, <code>quý 4</code> (<code>quý IV</code>, <code>Q4/2026</code>), <code>quý trước</code>, <code>6 tháng đầu năm</code>, <code>năm</code>, <code>năm 2025</code>, <code>năm trước</code>.`,
  points: (n: number) => `${num(n)} điểm`,
  number: num,
  percent: (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—'),
  usageLine: (usage: HtmlPart) => html`Cách dùng: <code>${usage}</code>`,

  errors: {
    internal: html`Xin lỗi, đã có lỗi khi xử lý lệnh này. Trước khi gửi lại, hãy xem /cuatoi để chắc chắn mục chưa được ghi, tránh ghi trùng.`,
    storeWrite: html`Xin lỗi, máy chủ không ghi được dữ liệu lúc này nên <b>chưa lưu</b> gì cả. Vui lòng thử lại sau ít phút.`,
    reportOnItsWay: html`Tệp này đang lập, sẽ gửi khi xong.`,
    reportsBusy: html`Đang lập nhiều tệp báo cáo cùng lúc. Đề nghị đồng chí gửi lại lệnh sau ít phút.`,
    privateRefused: html`Bot chưa gửi được tin nhắn riêng cho đồng chí. Hãy nhắn riêng cho bot một lần (trên Zalo: kết bạn với tài khoản của bot), rồi gửi lại lệnh.`,
    unknownCommand: (name: HtmlPart) => html`Không có lệnh /${name}. Gửi /trogiup để xem các lệnh.`,
    notRegistered: html`Đồng chí chưa đăng ký. Hãy gửi: <code>/dangky Họ và tên | Phòng</code>`,
    adminOnly: html`Lệnh này chỉ dành cho quản trị viên (Văn phòng Ban, lãnh đạo Ban).`,
    notGroupMember: html`Chỉ thành viên nhóm chung của cơ quan mới đăng ký được. Hãy tham gia nhóm, hoặc gửi lệnh ngay trong nhóm.`,
    unknownPeriod: (token: HtmlPart) => html`Không hiểu kỳ “${token}”.`,
    monthsSpan: (text: HtmlPart, months: number) =>
      months === 6
        ? html`Đồng chí ghi rõ 6 tháng đầu năm hay 6 tháng cuối năm (ví dụ: 6 tháng đầu năm 2026, 6 tháng cuối năm ngoái), thay cho “${text}”.`
        : html`Bot tổng hợp theo tuần, tháng, quý, 6 tháng đầu năm, 6 tháng cuối năm hoặc năm, chưa theo kỳ “${text}”: đồng chí xem ${months === 9 ? '6 tháng đầu năm và quý III, ' : ''}từng quý (quý 1, quý 2…) hoặc cả năm (năm nay: tính đến hôm nay).`,
    periodNotBegun: (name: HtmlPart, range: HtmlPart) =>
      html`Kỳ ${name} (${range}) chưa bắt đầu nên chưa có số liệu. Đồng chí xem kỳ hiện tại hoặc một kỳ đã qua (ví dụ: tuần này, tháng trước).`,
    impossiblePeriod: (text: HtmlPart) =>
      html`Không có kỳ “${text}”: tuần từ 1 đến 53, tháng từ 1 đến 12, quý từ 1 đến 4 (I–IV), năm từ 2000 đến 2100.`,
    reasonNeedsWords: (reason: HtmlPart, example: HtmlPart) =>
      html`Lý do “${reason}” chưa nói rõ điều gì. Vui lòng ghi lý do bằng lời, ví dụ <code>${example}</code>. Chưa có gì thay đổi.`,
    noticeUndelivered: (who: HtmlPart) =>
      html`⚠️ Chưa gửi được thông báo cho ${who}: bot chưa liên lạc riêng được với người này (chưa nhắn riêng cho bot). Đề nghị báo trực tiếp.`,
    twoPeriods: (first: HtmlPart, second: HtmlPart) =>
      html`Đồng chí ghi hai kỳ, “${first}” và “${second}”: vui lòng chọn một.`,
    leftGroup: html`Theo ghi nhận của bot, đồng chí không còn trong nhóm chung của cơ quan nên không ghi nhận được nữa. Nếu có nhầm lẫn, vui lòng liên hệ Văn phòng Ban.`,
    agencyOnly: html`Thông tin này chỉ dành cho cán bộ, công chức, người lao động trong nhóm chung của cơ quan.`,
    alreadyHandled: (what: HtmlPart) =>
      what
        ? html`Tin nhắn này đã được xử lý trước đó (<code>${what}</code>); không ghi lại lần nữa.`
        : html`Tin nhắn này đã được xử lý trước đó; không ghi lại lần nữa.`,
    botAccount: html`Tài khoản bot không đăng ký hay ghi nhận được.`,
    anonymousAdmin: html`Tin nhắn gửi dưới danh nghĩa nhóm (quản trị viên ẩn danh) không cho biết ai gửi, nên bot không ghi nhận. Vui lòng gửi lại bằng tài khoản cá nhân.`,
    forwarded: html`Bot không thực hiện lệnh trong tin nhắn chuyển tiếp: đó là lời của người khác. Đề nghị đồng chí tự gửi lệnh nếu đó là việc của mình.`,
  },

  /** Colleagues named by a first name that several share. */
  people: {
    whichOne: (name: HtmlPart, count: number) =>
      html`Có ${count} đồng chí tên “${name}”. Đồng chí muốn nói đến ai?`,
    choice: (name: string, dept: string) => `${name} (${dept})`,
  },

  /** What the bot says to words that are not a command (core/recognize.ts reads them). */
  chat: {
    /** Any text in private (or addressed to the bot in the group) that is no command. */
    pointer: (greeting: boolean) =>
      html`${greeting ? 'Xin chào đồng chí! ' : ''}Bot nhận lệnh bắt đầu bằng dấu /, ví dụ <code>/viectot Trực thay ca cho đồng nghiệp bị ốm</code>. Gửi /trogiup để xem các lệnh.`,
    /** A near miss: the command meant, with what followed; nothing is saved. */
    didYouMean: (names: readonly string[], args: string) =>
      html`Có phải đồng chí định gửi <code>${names.length === 1 ? [names[0], args].filter(Boolean).join(' ') : names.join(' hoặc ')}</code>? Chưa ghi nhận gì: vui lòng gửi lại đúng lệnh (bắt đầu bằng dấu /, tên lệnh viết liền).`,
  },

  help: {
    desk: { usage: '/banlamviec', description: 'Mở bàn làm việc trên web' },
    cancel: { usage: '/khong', description: 'Hủy: trả lời “không” cho câu hỏi xác nhận của bot' },
    start: {
      usage: '/batdau',
      description: 'Giới thiệu bot và cách đăng ký',
    },
    help: { usage: '/trogiup', description: 'Các lệnh đồng chí dùng được' },
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
      description: 'Các mục và điểm của đồng chí (kỳ: tuần, tuần trước, tháng 11, quý IV, năm 2025…)',
    },
    withdraw: {
      usage: '/huy MÃ [lý do]',
      description: 'Rút lại một mục đã ghi (quản trị viên rút mục của người khác: ghi lý do)',
    },
    leaderboard: {
      usage: '/bangxephang [kỳ] [anh]',
      description: 'Bảng xếp hạng cá nhân và các phòng (mặc định: tuần này; thêm “anh” để nhận kèm ảnh)',
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
    plan: {
      usage: '/kehoach [anh]',
      description: 'Tiến độ các chỉ tiêu và mốc kế hoạch năm (thêm “anh” để nhận kèm ảnh)',
    },
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
    titles: {
      usage: '/dangkythidua [@người | phòng] [danh hiệu]',
      description:
        'Đăng ký danh hiệu thi đua của năm: cá nhân (Lao động tiên tiến, Chiến sĩ thi đua cơ sở), tập thể (người đứng đầu đơn vị)',
    },
    heads: {
      usage: '/truongphong [@người | phòng bo]',
      description: 'Người đứng đầu đơn vị đăng ký danh hiệu cho tập thể (quản trị viên chỉ định)',
    },
    achievement: {
      usage: '/baocaothanhtich [năm] [@người | phong | tên phòng | tatca]',
      description:
        'Dự thảo báo cáo thành tích (Word) của đồng chí, của đơn vị (người đứng đầu), của mọi người (Hội đồng)',
    },
    approveJoin: {
      usage: '/duyetdangky TÀI_KHOẢN | Họ và tên | Phòng',
      description: 'Duyệt đề nghị đăng ký qua Zalo Bot, hoặc thêm một thành viên (quản trị viên)',
    },
    refuseJoin: {
      usage: '/tuchoidangky TÀI_KHOẢN [lý do]',
      description: 'Không chấp thuận một đề nghị đăng ký, báo cho người đề nghị (quản trị viên)',
    },
    title: html`<b>Các lệnh đồng chí dùng được</b>`,
    photoTip: html`Gửi ảnh kèm chú thích là một lệnh ghi nhận để lưu ảnh làm minh chứng (trên Telegram có thể gửi nhiều ảnh cùng lúc).`,
  },

  start: {
    greeting: (name: HtmlPart, agency: HtmlPart) =>
      html`Xin chào ${name}! Đây là bot theo dõi <b>phong trào thi đua năm 2026</b> của ${agency}.`,
    purpose:
      'Bot giúp mỗi cán bộ, công chức, người lao động ghi nhận việc tốt, nhiệm vụ hoàn thành và sáng kiến ngay trên điện thoại; ' +
      'công khai điểm và bảng xếp hạng cá nhân, các phòng; hỗ trợ Văn phòng tổng hợp báo cáo định kỳ.',
    howToRegister: html`Để bắt đầu, hãy đăng ký: <code>/dangky Họ và tên | Phòng</code>`,
    registered: (name: HtmlPart, dept: HtmlPart) => html`Đồng chí đã đăng ký: <b>${name}</b> — ${dept}.`,
    moreHelp: html`Gửi /trogiup để xem các lệnh.`,
  },

  register: {
    missingName: html`Vui lòng ghi họ và tên đầy đủ trước dấu |.`,
    departmentAsName: (dept: HtmlPart) =>
      html`“${dept}” là tên một phòng. Vui lòng ghi họ và tên trước dấu |, tên phòng sau dấu |.`,
    swappedChoice: (name: string, dept: string) => `Đăng ký: ${name} — ${dept}`,
    plainName: (name: HtmlPart) =>
      html`Họ và tên “${name}” chưa có dấu hoặc chưa viết hoa. Báo cáo chính thức sẽ in đúng như vậy. Vui lòng gửi lại họ và tên có dấu, viết hoa chữ cái đầu (ví dụ <code>/dangky Nguyễn Văn Nam | Phòng Cán bộ</code>), hoặc chọn giữ nguyên.`,
    keepName: (name: string) => `Giữ nguyên “${name}”`,
    sameName: (name: HtmlPart) =>
      html`Đã có thành viên khác tên “${name}”. Nếu là hai người trùng họ tên, vui lòng ghi thêm thông tin để phân biệt, ví dụ “${name} (1985)”. Nếu đó chính là đồng chí trên nền tảng khác, hãy dùng /lienket để liên kết hai tài khoản.`,
    confirmMove: (name: HtmlPart, from: HtmlPart, to: HtmlPart) =>
      html`${name} đang thuộc <b>${from}</b>. Chuyển sang <b>${to}</b> từ hôm nay? Các mục đã ghi trước đây vẫn tính cho ${from}.`,
    confirmMoveButton: (to: string) => `Xác nhận chuyển sang ${to}`,
    moved: (name: HtmlPart, from: HtmlPart, to: HtmlPart) =>
      html`✅ Đã chuyển ${name} từ ${from} sang <b>${to}</b> kể từ hôm nay. Các mục đã ghi trước đây vẫn tính cho ${from}.`,
    alreadyThere: (name: HtmlPart, dept: HtmlPart) => html`${name} đã thuộc ${dept}.`,
    missingMoveDepartment: html`Vui lòng ghi tên phòng chuyển đến.`,
    unknownPerson: (query: HtmlPart) =>
      html`Không tìm thấy thành viên “${query}”. Ghi @tên đồng nghiệp hoặc họ và tên đầy đủ như đã đăng ký.`,
    moveOthersAdminOnly: html`Chỉ quản trị viên mới chuyển phòng cho người khác.`,
    noticeMoved: (from: HtmlPart, to: HtmlPart, by: HtmlPart) =>
      html`Đồng chí đã được ${by} chuyển từ ${from} sang <b>${to}</b> kể từ hôm nay. Các mục đã ghi trước đây vẫn tính cho ${from}.`,
    nameTooLong: (max: number) => html`Họ và tên dài quá ${max} ký tự.`,
    pickDepartment: (name: HtmlPart) => html`Chọn phòng của <b>${name}</b>:`,
    unknownDepartment: (query: HtmlPart) => html`Không tìm thấy phòng “${query}”.`,
    departmentList: html`Các phòng:`,
    answerWithNumber: html`Trả lời bằng lệnh có số thứ tự, ví dụ:`,
    created: (name: HtmlPart, dept: HtmlPart) =>
      html`✅ Đã đăng ký <b>${name}</b> — ${dept}. Chào mừng đồng chí tham gia phong trào!`,
    updated: (name: HtmlPart, dept: HtmlPart) => html`✅ Đã cập nhật hồ sơ: <b>${name}</b> — ${dept}.`,
    next: html`Ghi nhận đầu tiên: <code>/viectot nội dung</code>, <code>/hoanthanh nội dung</code> hoặc <code>/sangkien nội dung</code>.`,
  },

  entry: {
    repeated: (code: HtmlPart, time: HtmlPart, text: HtmlPart) =>
      html`Hôm nay lúc ${time} đồng chí đã ghi nội dung này (mã <code>${code}</code>):\n<i>${text}</i>\nChưa lưu gì thêm.`,
    repeatAsk: html`Nếu đây là một việc khác, chọn “Ghi thêm”; nếu gửi nhầm, chọn “Hủy”.`,
    repeatResend: (example: HtmlPart) =>
      html`Nếu đây là một việc khác, gửi lại lệnh có thêm <code>#ghithem</code> ở cuối (${example}).`,
    repeatButton: 'Ghi thêm mục mới',
    needsWords: (kind: 'deed' | 'task' | 'initiative', min: number) =>
      html`Vui lòng ghi rõ ${
        {
          deed: 'việc tốt đã làm',
          task: 'nội dung công việc đã hoàn thành',
          initiative: 'nội dung sáng kiến, mô hình',
        }[kind]
      } (ít nhất ${min} từ khác nhau, không kể thẻ #, tên người được nhắc, biểu tượng cảm xúc và dấu câu). Ví dụ: <code>${
        {
          deed: '/viectot Trực thay ca cho đồng nghiệp bị ốm',
          task: '/hoanthanh Hoàn thành báo cáo sơ kết quý III',
          initiative: '/sangkien Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt',
        }[kind]
      }</code>`,
    tooLong: (length: number, max: number) =>
      html`Nội dung dài ${length} ký tự, vượt quá ${max} ký tự cho phép.`,
    mentionNotRegistered: (label: HtmlPart) =>
      html`${label} chưa đăng ký với bot nên chưa ghi nhận được. Đề nghị đồng nghiệp gửi /dangky trước.`,
    oneMentionOnly: html`Mỗi mục chỉ ghi nhận cho một người. Vui lòng gửi riêng cho từng đồng nghiệp.`,
    dailyLimit: (max: number) =>
      html`Hôm nay đồng chí đã ghi ${max} mục, là mức tối đa trong một ngày (tính mọi mục đồng chí ghi, kể cả ghi cho đồng nghiệp; mục đã rút không tính). Vui lòng ghi tiếp vào ngày mai.`,
    saved: (kind: HtmlPart, code: HtmlPart, points: HtmlPart) =>
      html`✅ Đã lưu <b>${kind}</b> — mã <code>${code}</code>, ${points}.`,
    alreadySaved: (code: HtmlPart) => html`Tin nhắn này đã được ghi nhận trước đó, mã <code>${code}</code>.`,
    creditedTo: (name: HtmlPart, reporter: HtmlPart) =>
      html`Ghi nhận cho: <b>${name}</b> (người báo: ${reporter}).`,
    creditedSelf: (name: HtmlPart) => html`Ghi nhận cho: <b>${name}</b>.`,
    mentionHint: html`Muốn ghi việc tốt cho đồng nghiệp, đặt tên người đó ngay sau lệnh, ví dụ: <code>/viectot @lan đã trực thay ca</code>.`,
    tags: (tags: HtmlPart) => html`Đánh dấu: ${tags}`,
    adhocTag: html`nhiệm vụ đột xuất`,
    itTag: html`mô hình ứng dụng CNTT`,
    photoKept: (count: number) =>
      count > 1
        ? html`📷 ${count} ảnh đã được lưu làm minh chứng.`
        : html`📷 Ảnh đã được lưu làm minh chứng.`,
    /** The confirmation in one line, for a group that asks for quiet (the whole one goes in private). */
    compact: (kind: HtmlPart, code: HtmlPart, points: HtmlPart, name: HtmlPart) =>
      html`✅ ${kind} <code>${code}</code>, ${points} — ${name}`,
    rank: (name: HtmlPart, rank: number, of: number, points: HtmlPart) =>
      html`Tuần này ${name} xếp hạng ${rank}/${of} người có điểm, với ${points}.`,
    unranked: (name: HtmlPart) => html`Tuần này ${name} chưa có điểm được tính.`,
    withdrawHint: (code: HtmlPart) => html`Ghi nhầm? Gửi <code>/huy ${code}</code> để rút lại.`,
  },

  mine: {
    title: (name: HtmlPart, period: HtmlPart) => html`<b>Ghi nhận của ${name}</b> — ${period}`,
    none: html`Chưa có mục nào trong kỳ này.`,
    line: (code: HtmlPart, day: HtmlPart, kind: HtmlPart, points: HtmlPart, text: HtmlPart) =>
      html`<code>${code}</code> ${day} · ${kind} · ${points}\n   ${text}`,
    state: (state: HtmlPart) => html`(${state})`,
    reason: (reason: HtmlPart) => html`— lý do: ${reason}`,
    reportedBy: (name: HtmlPart) => html`(do ${name} báo)`,
    total: (points: HtmlPart, count: number) => html`Tổng: <b>${points}</b> từ ${count} mục được tính.`,
    rank: (rank: number, of: number) => html`Xếp hạng: ${rank}/${of} người có điểm trong kỳ.`,
    unranked: html`Xếp hạng: chưa có điểm trong kỳ.`,
    reportedForOthers: (count: number) => html`Đồng chí đã báo ${count} việc tốt cho đồng nghiệp.`,
    more: (count: number) => html`… và ${count} mục khác.`,
  },

  /** How an entry stands, in the same words in /lichsu, /cuatoi, the workbook and the review sheet. */
  states: {
    withdrawn: 'Đã rút',
    rejected: 'Không được duyệt',
    approved: 'Đã duyệt',
    pending: 'Chờ duyệt',
  },
  counting: (counted: boolean): string => (counted ? 'được tính điểm' : 'không tính điểm'),
  yesNo: (yes: boolean): string => (yes ? 'Có' : 'Không'),

  withdraw: {
    missingCode: html`Vui lòng ghi mã mục cần rút, ví dụ <code>/huy VT12</code>.`,
    reasonExample: 'Ghi nhầm người',
    missingReason: (code: HtmlPart) =>
      html`Mục <code>${code}</code> không do đồng chí ghi: vui lòng ghi lý do rút, ví dụ <code>/huy ${code} Ghi trùng với mục đã có</code>. Người được ghi nhận sẽ nhận thông báo kèm lý do.`,
    reasonTooLong: (max: number) => html`Lý do dài quá ${max} ký tự.`,
    notice: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, by: HtmlPart, reason: string) =>
      html`Mục <code>${code}</code> (${kind}) ghi nhận cho đồng chí đã được ${by} rút lại, không còn được tính điểm.${reason ? html`\nLý do: ${reason}` : ''}\n<i>${text}</i>`,
    noticeReporter: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, by: HtmlPart, reason: string) =>
      html`Mục <code>${code}</code> (${kind}) do đồng chí ghi đã được ${by} rút lại, không còn được tính điểm.${reason ? html`\nLý do: ${reason}` : ''}\n<i>${text}</i>`,
    unknownCode: (code: HtmlPart) => html`Không có mục nào mã “${code}”.`,
    notYours: (code: HtmlPart) =>
      html`Mục <code>${code}</code> không do đồng chí ghi nên đồng chí không rút được.`,
    alreadyWithdrawn: (code: HtmlPart) => html`Mục <code>${code}</code> đã được rút trước đó.`,
    done: (code: HtmlPart, points: HtmlPart) =>
      html`↩️ Đã rút mục <code>${code}</code>; ${points} không còn được tính.`,
    doneFor: (code: HtmlPart, points: HtmlPart, name: HtmlPart) =>
      html`↩️ Đã rút mục <code>${code}</code> của ${name}; ${points} không còn được tính.`,
  },

  leaderboard: {
    title: (period: HtmlPart) => html`🏆 <b>Bảng xếp hạng thi đua</b> — ${period}`,
    members: (n: number) => html`<b>Cá nhân dẫn đầu</b> (top ${n})`,
    ties: (shown: number) => html`<i>Danh sách có ${shown} người vì có người đồng hạng.</i>`,
    noPoints: html`Không có ai được ghi nhận trong kỳ này.`,
    noPointsYet: html`Chưa có ai ghi nhận trong kỳ này. Hãy là người đầu tiên!`,
    memberLine: (rank: number, name: HtmlPart, dept: HtmlPart, points: HtmlPart) =>
      html`${rank}. ${name} (${dept}) — ${points}`,
    departments: html`<b>Các phòng</b> (xếp theo điểm bình quân mỗi người)`,
    departmentLine: (rank: number, name: HtmlPart, perMember: HtmlPart, points: HtmlPart, members: number) =>
      rank
        ? html`${rank}. ${name} — ${perMember} điểm/người (tổng ${points}, ${members} người)`
        : html`• ${name} — chưa có điểm trong kỳ (${members} người)`,
  },

  summary: {
    title: (period: HtmlPart, range: HtmlPart, department?: string) =>
      html`📊 <b>Tổng hợp thi đua${department ? html` — ${department}` : ''} — ${period}</b> (${range})`,
    reviewSheetWholeAgency: (dept: HtmlPart) =>
      html`<i>Bảng bình xét lập cho toàn cơ quan (mọi cá nhân và tập thể), không riêng “${dept}”.</i>`,
    unknownWords: (words: HtmlPart) => html`Không hiểu “${words}”: không phải kỳ, cũng không phải tên phòng.`,
    departmentsList: html`Phòng ghi bằng tên (không cần dấu) hoặc mã:`,
    departmentItem: (name: HtmlPart, id: HtmlPart) => html`• ${name} (<code>${id}</code>)`,
    byKind: html`<b>Theo loại</b>`,
    kindLine: (kind: HtmlPart, count: number, points: HtmlPart) => html`• ${kind}: ${count} mục, ${points}`,
    adhoc: (count: number) => html`   Trong đó nhiệm vụ đột xuất: ${count}`,
    it: (count: number) => html`   Trong đó mô hình ứng dụng CNTT: ${count}`,
    total: (count: number, points: HtmlPart) => html`<b>Tổng cộng:</b> ${count} mục, ${points}`,
    byDepartment: html`<b>Theo phòng</b>`,
    departmentLine: (
      name: HtmlPart,
      count: number,
      points: HtmlPart,
      participants: number,
      members: number,
      pct: HtmlPart,
    ) => html`• ${name}: ${count} mục, ${points}; tham gia ${participants}/${members} người (${pct})`,
    participation: (participants: number, members: number, pct: HtmlPart) =>
      html`<b>Tỷ lệ tham gia:</b> ${participants}/${members} người có ít nhất một mục (${pct})`,
    topMembers: html`<b>Cá nhân dẫn đầu</b>`,
    memberLine: (rank: number, name: HtmlPart, dept: HtmlPart, points: HtmlPart, count: number) =>
      html`${rank}. ${name} (${dept}) — ${points}, ${count} mục`,
    /** A member listed in a department's summary for points earned there, who has since moved. */
    nowIn: (dept: HtmlPart) => html`nay thuộc ${dept}`,
    targets: html`<b>Chỉ tiêu kế hoạch</b>`,
    adhocTotal: (count: number) => html`• Nhiệm vụ phát sinh, đột xuất đã hoàn thành: ${count}`,
    itTotal: (count: number) => html`• Mô hình ứng dụng CNTT (chỉ tiêu: ít nhất 01): ${count}`,
    withdrawn: (count: number) => html`<b>Mục đã rút:</b> ${count}`,
    withdrawnCodes: (codes: HtmlPart) => html`   ${codes}`,
    empty: html`Chưa có mục nào trong kỳ này.`,
    review: (approved: number, rejected: number, pending: number) =>
      html`<b>Xét duyệt từng mục</b> (thành viên Hội đồng hoặc quản trị viên): đã duyệt ${approved}, không duyệt ${rejected}, chờ duyệt ${pending}.`,
    modes: {
      after: 'Mục được tính điểm ngay khi ghi nhận; mục không được duyệt thì không còn được tính.',
      before: 'Mục chỉ được tính điểm sau khi được duyệt.',
    },
    models: (count: number) => html`<b>Điển hình tiên tiến:</b> ${count}`,
    modelStage: (stage: HtmlPart, count: number) => html`   ${stage}: ${count}`,
    fileButton: '📎 Tải file báo cáo (Excel, Word)',
    filesSent: (period: HtmlPart) =>
      html`📎 File báo cáo ${period}: bảng tổng hợp Excel và dự thảo báo cáo Word.`,
    reviewSheetSent: (year: number) =>
      html`📎 Bảng bình xét cuối năm ${year}: số liệu của từng cá nhân và tập thể.`,
    reviewSheetYearOnly: html`Bảng bình xét chỉ lập cho cả năm, ví dụ <code>/tonghop 2026 binhxet</code>.`,
    registrationTitle: (year: number) => html`<b>Đăng ký thi đua năm ${year}</b>`,
    registrationMembers: (done: number, total: number) => html`• Cá nhân đã đăng ký: ${done}/${total}`,
    registrationDepartments: (done: number, total: number) => html`• Tập thể đã đăng ký: ${done}/${total}`,
    registrationByTitle: (title: HtmlPart, count: number) => html`   ${title}: ${count}`,
    registrationMissing: (names: HtmlPart, more: number) =>
      html`   Chưa đăng ký: ${names}${more > 0 ? html` và ${more} người khác` : ''}`,
    registrationMissingDepartments: (names: HtmlPart) => html`   Tập thể chưa đăng ký: ${names}`,
  },

  titles: {
    notConfigured: html`Chưa cấu hình đăng ký thi đua: cần hạn đăng ký (<code>registration</code>) trong file kế hoạch và file danh hiệu thi đua của cùng năm.`,
    statusTitle: (year: number) => html`📝 <b>Đăng ký thi đua năm ${year}</b>`,
    memberLine: (name: HtmlPart, title: HtmlPart) => html`• Cá nhân ${name}: <b>${title}</b>`,
    memberNone: (name: HtmlPart) => html`• Cá nhân ${name}: <i>chưa đăng ký</i>`,
    departmentLine: (dept: HtmlPart, title: HtmlPart) => html`• Tập thể ${dept}: <b>${title}</b>`,
    departmentNone: (dept: HtmlPart) => html`• Tập thể ${dept}: <i>chưa đăng ký</i>`,
    historyLine: (day: HtmlPart, action: HtmlPart, title: HtmlPart, by: HtmlPart) =>
      html`   ${day}: ${action} ${title} — ${by}`,
    actions: { registered: 'đăng ký', updated: 'đổi sang' },
    deadlineOpen: (day: HtmlPart, days: number) =>
      days > 0
        ? html`Hạn đăng ký, thay đổi: hết ngày ${day} (còn ${days} ngày).`
        : html`Hạn đăng ký, thay đổi: hết hôm nay, ${day}.`,
    deadlinePassed: (day: HtmlPart) =>
      html`Đã hết hạn đăng ký (hạn cuối: ngày ${day}): từ nay chỉ quản trị viên (Văn phòng Ban) đăng ký, thay đổi được.`,
    choiceSelf: (title: string) => `Đăng ký: ${title}`,
    choiceFor: (name: string, title: string) => `${name}: ${title}`,
    registered: (title: HtmlPart, name: HtmlPart, year: number) =>
      html`✅ Đã đăng ký danh hiệu <b>${title}</b> năm ${year} cho ${name}.`,
    changed: (from: HtmlPart, to: HtmlPart, name: HtmlPart, year: number) =>
      html`✅ Đã đổi đăng ký năm ${year} của ${name} từ ${from} sang <b>${to}</b>. Lần đăng ký trước vẫn được lưu trong lịch sử.`,
    unchanged: (title: HtmlPart, name: HtmlPart, year: number) =>
      html`${name} đã đăng ký <b>${title}</b> năm ${year}; không có gì thay đổi.`,
    closed: (year: number, day: HtmlPart) =>
      html`Đã hết hạn đăng ký thi đua năm ${year} (hết ngày ${day}). Nếu cần đăng ký hoặc thay đổi, đề nghị liên hệ Văn phòng Ban.`,
    othersAdminOnly: html`Chỉ quản trị viên mới đăng ký danh hiệu thi đua cho người khác hoặc xem đăng ký của người khác.`,
    headOnly: (dept: HtmlPart, head: string) =>
      html`Danh hiệu của tập thể ${dept} do ${head} hoặc quản trị viên đăng ký. Quản trị viên chỉ định ${head} trên bot bằng /truongphong.`,
    forMembers: (title: HtmlPart) =>
      html`<b>${title}</b> là danh hiệu cá nhân: mỗi người tự đăng ký cho mình.`,
    forDepartments: (title: HtmlPart) =>
      html`<b>${title}</b> là danh hiệu tập thể: đăng ký cho đơn vị, do người đứng đầu đơn vị (Trưởng phòng, Chánh Văn phòng) hoặc quản trị viên thực hiện.`,
    unknown: (words: HtmlPart) =>
      html`Không rõ “${words}”: không phải danh hiệu thi đua, thành viên hay phòng.`,
    meant: (title: HtmlPart) =>
      html`Có phải đồng chí định đăng ký danh hiệu <b>${title}</b>? Chưa ghi nhận gì: chọn để đăng ký, hoặc gửi lại lệnh.`,
    notATitle: (words: HtmlPart) => html`“${words}” không phải danh hiệu thi đua nào.`,
    list: (titles: HtmlPart) => html`Các danh hiệu: ${titles}.`,
    nameWho: html`Vui lòng ghi đăng ký cho ai: @người hoặc tên phòng, ví dụ <code>/dangkythidua @lan LĐTT</code>.`,
    notice: (by: HtmlPart, title: HtmlPart, year: number) =>
      html`📝 ${by} đã đăng ký danh hiệu thi đua <b>${title}</b> năm ${year} cho đồng chí. Xem: /dangkythidua`,
    noticeDepartment: (by: HtmlPart, title: HtmlPart, dept: HtmlPart, year: number) =>
      html`📝 ${by} đã đăng ký danh hiệu thi đua <b>${title}</b> năm ${year} cho tập thể ${dept}.`,
  },

  heads: {
    listTitle: html`<b>Người đứng đầu các đơn vị trên bot</b> (đăng ký danh hiệu thi đua cho tập thể):`,
    line: (dept: HtmlPart, name: HtmlPart, since: HtmlPart) => html`• ${dept}: ${name} (từ ${since})`,
    none: (dept: HtmlPart) => html`• ${dept}: <i>chưa chỉ định</i>`,
    adminOnly: html`Chỉ quản trị viên mới chỉ định người đứng đầu đơn vị.`,
    unknown: (query: HtmlPart) =>
      html`Không tìm thấy thành viên hay phòng “${query}”. Ghi @tên đồng nghiệp, họ và tên như đã đăng ký, hoặc tên phòng.`,
    noHead: (dept: HtmlPart, head: string) => html`${dept}: chưa chỉ định ${head} trên bot.`,
    removed: (name: HtmlPart, head: string) =>
      html`Đã thôi chỉ định đồng chí ${name} là ${head} trên bot. Lịch sử vẫn được lưu.`,
    already: (name: HtmlPart, head: string) => html`Đồng chí ${name} đã là ${head} trên bot.`,
    assigned: (name: HtmlPart, head: string) =>
      html`✅ Đồng chí ${name} là ${head} trên bot: đăng ký danh hiệu thi đua cho tập thể.`,
    replaced: (previous: HtmlPart) => html`(thay ${previous}; lịch sử vẫn được lưu)`,
    notice: (head: string, by: HtmlPart) =>
      html`Đồng chí được ${by} chỉ định là ${head} trên bot: đồng chí đăng ký danh hiệu thi đua cho tập thể bằng /dangkythidua.`,
    /** How the agency names a unit's head: its setting, else `Trưởng phòng …` (`Phòng Cán bộ` → `Trưởng phòng Cán bộ`). */
    title: (dept: { name: string; headTitle?: string | undefined }) =>
      dept.headTitle ?? (/^Phòng /.test(dept.name) ? `Trưởng p${dept.name.slice(1)}` : `Trưởng ${dept.name}`),
  },

  achievement: {
    sent: (name: HtmlPart, year: number) =>
      html`📎 Dự thảo báo cáo thành tích năm ${year} của ${name} (file Word, để chỉnh sửa và ký).`,
    sentDepartment: (dept: HtmlPart, year: number) =>
      html`📎 Dự thảo báo cáo thành tích tập thể năm ${year} của ${dept} (file Word, để chỉnh sửa và ký).`,
    sentAll: (members: number, departments: number, year: number) =>
      html`📎 Dự thảo báo cáo thành tích năm ${year}: ${members} cá nhân và ${departments} tập thể, mỗi báo cáo một file Word, gộp trong một file nén (zip).`,
    draftNote: html`<i>Bản nháp lập từ dữ liệu của bot: số liệu tính như bảng bình xét, liệt kê các nội dung đã được Hội đồng duyệt; phần [Cần bổ sung] do người báo cáo tự ghi.</i>`,
    sentPrivately: html`📎 Báo cáo thành tích được gửi vào tin nhắn riêng của đồng chí.`,
    othersOnly: html`Đồng chí lấy được báo cáo thành tích của mình; người đứng đầu đơn vị lấy được báo cáo của tập thể đơn vị. Hội đồng Thi đua – Khen thưởng và quản trị viên lấy được báo cáo của mọi người.`,
    allCouncilOnly: html`Báo cáo thành tích của mọi người chỉ dành cho Hội đồng Thi đua – Khen thưởng và quản trị viên.`,
    yearOnly: html`Báo cáo thành tích lập cho cả năm, ví dụ <code>/baocaothanhtich 2026</code>.`,
    periodFirst: html`Vui lòng ghi năm trước, người hoặc phòng sau, ví dụ <code>/baocaothanhtich 2026 @lan</code>.`,
    unknown: (words: HtmlPart) => html`Không rõ “${words}”: không phải năm, thành viên hay phòng.`,
    nameWho: html`Vui lòng ghi báo cáo của ai: @người, tên phòng hoặc <code>tatca</code>.`,
  },

  review: {
    councilOnly: html`Lệnh này dành cho thành viên Hội đồng Thi đua – Khen thưởng và quản trị viên.`,
    pendingCounted: (n: number) =>
      html`⏳ ${n} mục chưa được Hội đồng Thi đua – Khen thưởng duyệt (đang được tính, có thể không được duyệt).`,
    pendingNotCounted: (n: number) =>
      html`⏳ ${n} mục đang chờ Hội đồng Thi đua – Khen thưởng duyệt (chưa được tính điểm).`,
    listTitle: (n: number) => html`<b>Mục chờ duyệt</b>: ${n} mục, mục ghi sớm nhất trước.`,
    listNone: html`Không có mục nào chờ duyệt. 👍`,
    listMore: (n: number) => html`… và ${n} mục khác. Duyệt xong các mục trên rồi gửi lại /choduyet.`,
    item: (
      code: HtmlPart,
      kind: HtmlPart,
      points: HtmlPart,
      name: HtmlPart,
      dept: HtmlPart,
      day: HtmlPart,
      text: HtmlPart,
    ) => html`<code>${code}</code> · ${kind} · ${points}\n${name} (${dept}) · ${day}\n<i>${text}</i>`,
    photo: (count: number) => (count > 1 ? html`📷 có ${count} ảnh minh chứng` : html`📷 có ảnh minh chứng`),
    approveButton: '✅ Duyệt',
    rejectButton: '❌ Không duyệt',
    missingCode: (command: HtmlPart) => html`Vui lòng ghi mã mục, ví dụ <code>/${command} VT12</code>.`,
    missingReason: (code: HtmlPart) =>
      html`Vui lòng ghi lý do không duyệt, ví dụ <code>/tuchoi ${code} Trùng với mục đã ghi</code>, hoặc chọn một lý do:`,
    reasons: ['Trùng với mục đã ghi', 'Chưa đủ minh chứng', 'Không thuộc nội dung thi đua'],
    reopenExample: 'Bổ sung minh chứng mới',
    reasonTooLong: (max: number) => html`Lý do dài quá ${max} ký tự.`,
    approved: (code: HtmlPart, name: HtmlPart) => html`✅ Đã duyệt mục <code>${code}</code> của ${name}.`,
    missingReopenReason: (code: HtmlPart) =>
      html`Vui lòng ghi lý do xét lại, ví dụ <code>/xetlai ${code} Bổ sung minh chứng mới</code>.`,
    notDecided: (code: HtmlPart) =>
      html`Mục <code>${code}</code> đang chờ duyệt, chưa có quyết định để xét lại.`,
    reopened: (code: HtmlPart, name: HtmlPart, reason: HtmlPart) =>
      html`🔄 Mục <code>${code}</code> của ${name} đã được đưa về chờ duyệt để xét lại. Lý do: ${reason}`,
    /** Who decided an entry, as its notices name them: one person, not the Council's meeting. */
    by: { council: 'thành viên Hội đồng Thi đua – Khen thưởng', admin: 'quản trị viên' },
    noticeReopened: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, reason: HtmlPart, by: HtmlPart) =>
      html`🔄 Mục <code>${code}</code> (${kind}) ghi nhận cho đồng chí được ${by} đưa về chờ duyệt để xét lại.\nLý do: ${reason}\n<i>${text}</i>`,
    noticeReopenedReporter: (
      code: HtmlPart,
      kind: HtmlPart,
      name: HtmlPart,
      text: HtmlPart,
      reason: HtmlPart,
      by: HtmlPart,
    ) =>
      html`🔄 Mục <code>${code}</code> (${kind}) đồng chí ghi cho ${name} được ${by} đưa về chờ duyệt để xét lại.\nLý do: ${reason}\n<i>${text}</i>`,
    noticeApprovedReporter: (code: HtmlPart, kind: HtmlPart, name: HtmlPart, text: HtmlPart, by: HtmlPart) =>
      html`✅ Mục <code>${code}</code> (${kind}) đồng chí ghi cho ${name} đã được ${by} duyệt.\n<i>${text}</i>`,
    noticeRejectedReporter: (
      code: HtmlPart,
      kind: HtmlPart,
      name: HtmlPart,
      text: HtmlPart,
      reason: HtmlPart,
      by: HtmlPart,
    ) =>
      html`Mục <code>${code}</code> (${kind}) đồng chí ghi cho ${name} không được ${by} duyệt.\nLý do: ${reason}\n<i>${text}</i>`,
    rejected: (code: HtmlPart, name: HtmlPart, reason: HtmlPart) =>
      html`❌ Không duyệt mục <code>${code}</code> của ${name}. Lý do: ${reason}`,
    alreadyDecided: (code: HtmlPart, decision: HtmlPart) =>
      html`Mục <code>${code}</code> đã được ${decision} trước đó.`,
    decisions: { approved: 'duyệt', rejected: 'xét không duyệt' },
    withdrawnEntry: (code: HtmlPart) => html`Mục <code>${code}</code> đã được rút, không cần duyệt.`,
    ownEntry: (code: HtmlPart) =>
      html`Mục <code>${code}</code> do đồng chí ghi hoặc ghi cho đồng chí; thành viên Hội đồng khác sẽ xét.`,
    noticeApproved: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, by: HtmlPart) =>
      html`✅ Mục <code>${code}</code> (${kind}) ghi nhận cho đồng chí đã được ${by} duyệt.\n<i>${text}</i>`,
    noticeRejected: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, reason: HtmlPart, by: HtmlPart) =>
      html`Mục <code>${code}</code> (${kind}) ghi nhận cho đồng chí không được ${by} duyệt.\nLý do: ${reason}\n<i>${text}</i>\nĐồng chí có thể ghi lại với nội dung, minh chứng đầy đủ hơn.`,
  },

  history: {
    account: (platform: string, id: string) => `tài khoản ${platform} ${id} (chưa có hồ sơ)`,
    title: (code: HtmlPart, kind: HtmlPart) => html`<b>Lịch sử mục <code>${code}</code></b> — ${kind}`,
    credited: (name: HtmlPart, reporter: HtmlPart) => html`Ghi nhận cho ${name}; người báo: ${reporter}`,
    creditedSelf: (name: HtmlPart) => html`Ghi nhận cho ${name} (tự ghi)`,
    state: (state: HtmlPart, counting: HtmlPart) => html`Trạng thái: ${state}, ${counting}.`,
    department: (name: HtmlPart) => html`Tính cho: ${name}`,
    line: (time: HtmlPart, action: HtmlPart, by: HtmlPart, platform: HtmlPart) =>
      html`• ${time} — ${action} — ${by} (${platform})`,
    note: (note: HtmlPart) => html`   ${note}`,
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
      left: 'rời nhóm chung của cơ quan',
      rejoined: 'trở lại nhóm chung của cơ quan',
      assigned: 'chỉ định người đứng đầu đơn vị',
      unassigned: 'thôi chỉ định người đứng đầu đơn vị',
      recorded: 'vào hồ sơ',
      corrected: 'đính chính',
      annulled: 'hủy bỏ',
      used: 'dùng làm căn cứ khen thưởng',
    },
    platforms: {
      telegram: 'Telegram',
      zalo: 'Zalo',
      zalobot: 'Zalo Bot',
      console: 'máy thử',
      web: 'bàn làm việc',
    },
  },

  models: {
    stages: { discover: 'Phát hiện', nurture: 'Bồi dưỡng', sumup: 'Tổng kết', replicate: 'Nhân rộng' },
    listTitle: html`🌟 <b>Điển hình tiên tiến</b> (phát hiện – bồi dưỡng – tổng kết – nhân rộng)`,
    none: html`Chưa có điển hình nào được đề xuất.`,
    stageHeader: (stage: HtmlPart, count: number) => html`<b>${stage}</b> (${count})`,
    line: (no: number, subject: HtmlPart, reason: HtmlPart, since: HtmlPart) =>
      html`${no}. ${subject} — ${reason} (từ ${since})`,
    subjectEntry: (code: HtmlPart, name: HtmlPart, text: HtmlPart) =>
      html`mục <code>${code}</code> của ${name}: “${text}”`,
    subjectMember: (name: HtmlPart, dept: HtmlPart) => html`${name} (${dept})`,
    subjectDepartment: (name: HtmlPart) => html`tập thể ${name}`,
    proposed: (no: number, subject: HtmlPart) =>
      html`🌟 Đã đề xuất điển hình số ${no}: ${subject}. Giai đoạn: <b>Phát hiện</b>.`,
    advanced: (no: number, subject: HtmlPart, stage: HtmlPart) =>
      html`🌟 Điển hình số ${no} (${subject}) chuyển sang giai đoạn <b>${stage}</b>.`,
    missingReason: html`Vui lòng ghi lý do đề xuất sau người hoặc phòng được đề xuất.`,
    missingNote: (no: number) =>
      html`Vui lòng ghi nội dung của giai đoạn, ví dụ <code>/dienhinh ${no} tiep Đã báo cáo điển hình tại hội nghị</code>.`,
    unknownSubject: (query: HtmlPart) =>
      html`Không rõ đề xuất cho ai: “${query}”. Ghi mã mục (VT12), @đồng nghiệp hoặc tên phòng.`,
    unknownModel: (no: number) => html`Không có điển hình số ${no}.`,
    lastStage: (no: number) => html`Điển hình số ${no} đã ở giai đoạn cuối (Nhân rộng).`,
    duplicate: (no: number) => html`Đã có điển hình số ${no} cho đối tượng này.`,
    councilAdvances: html`Chỉ thành viên Hội đồng Thi đua – Khen thưởng chuyển giai đoạn của điển hình.`,
    ownSubject: (no: number) =>
      html`Điển hình số ${no} là về đồng chí, mục của đồng chí hoặc phòng của đồng chí: thành viên Hội đồng khác sẽ chuyển giai đoạn.`,
    tooLong: (max: number) => html`Nội dung dài quá ${max} ký tự.`,
  },

  buttons: {
    expired: 'Lựa chọn này đã hết hạn. Vui lòng gửi lại lệnh.',
    notYours: 'Nút này dành cho người đã gửi lệnh.',
  },

  /** Registration on a platform without a group (the Zalo Bot Platform): an admin approves. */
  join: {
    requested: (name: HtmlPart, dept: HtmlPart) =>
      html`📨 Đề nghị đăng ký của đồng chí (<b>${name}</b> — ${dept}) đã được gửi tới quản trị viên. Đồng chí sẽ nhận tin nhắn khi đề nghị được duyệt. Nếu đã đăng ký trên Telegram hoặc Zalo, có thể liên kết ngay bằng /lienket.`,
    alreadyRequested: (admins: number, at: string) =>
      html`Đề nghị đăng ký của đồng chí đã được gửi tới ${admins} quản trị viên lúc ${at} và đang chờ duyệt; bot không gửi lại trong vòng một giờ. Nếu cần gấp, đề nghị liên hệ Văn phòng.`,
    requestUndelivered: html`⚠️ Chưa gửi được đề nghị đăng ký của đồng chí: bot chưa liên lạc được với quản trị viên nào. Đề nghị liên hệ trực tiếp Văn phòng.`,
    toAdmins: (name: HtmlPart, dept: HtmlPart, shownAs: HtmlPart, platform: HtmlPart, account: HtmlPart) =>
      html`📨 <b>Đề nghị đăng ký</b> qua ${platform}: <b>${name}</b> — ${dept} (tên hiển thị: ${shownAs}; tài khoản <code>${account}</code>). Đề nghị kiểm tra đúng là cán bộ, công chức, người lao động của cơ quan trước khi duyệt.`,
    approveChoice: (name: string) => `✅ Duyệt: ${name}`,
    refuseChoice: '✖ Không chấp thuận',
    badAccount: (account: HtmlPart) =>
      html`“${account}” không phải là tài khoản. Tài khoản ghi như trong đề nghị, ví dụ <code>zalobot:6ede9afa66b88fe6d6a9</code>.`,
    alreadyMember: (name: HtmlPart) => html`Tài khoản này đã thuộc hồ sơ ${name}.`,
    missingAccount: html`Vui lòng ghi tài khoản như trong đề nghị đăng ký, ví dụ <code>zalobot:6ede9afa66b88fe6d6a9</code>.`,
    approved: (name: HtmlPart, dept: HtmlPart) => html`✅ Đã duyệt đăng ký: <b>${name}</b> — ${dept}.`,
    approvedNotice: (name: HtmlPart, dept: HtmlPart) =>
      html`✅ Đề nghị đăng ký của đồng chí đã được duyệt: <b>${name}</b> — ${dept}. Gửi /trogiup để xem các lệnh.`,
    refused: (account: HtmlPart) =>
      html`Đã không chấp thuận đề nghị đăng ký của tài khoản <code>${account}</code>.`,
    refusedNotice: (reason: HtmlPart) =>
      html`Đề nghị đăng ký của đồng chí không được chấp thuận${reason ? html`: ${reason}` : ''}. Nếu cần, đề nghị liên hệ Văn phòng.`,
  },

  /** Report files on a platform that cannot send files. */
  files: {
    sentElsewhere: (platform: HtmlPart) => html`📎 Tệp báo cáo đã được gửi cho đồng chí qua ${platform}.`,
    cannotSend: (platform: HtmlPart) =>
      html`📎 ${platform} không gửi được tệp. Để nhận tệp báo cáo, hãy liên kết tài khoản Telegram bằng /lienket rồi gửi lại lệnh, hoặc đề nghị Văn phòng gửi tệp.`,
    here: html`📎 Tệp báo cáo đồng chí đã yêu cầu:`,
  },

  platformName: {
    telegram: 'Telegram',
    zalo: 'Zalo',
    zalobot: 'Zalo Bot',
    console: 'bảng điều khiển',
    web: 'bàn làm việc',
  },

  /** What the Zalo Bot Platform's own events get back. */
  zaloBot: {
    notACommand: html`Bot nhận lệnh bắt đầu bằng dấu /. Gửi /trogiup để xem các lệnh, /batdau để bắt đầu.`,
    unsupported: html`Bot không đọc được nội dung tin nhắn này (Zalo không chuyển nội dung). Vui lòng gửi lệnh bằng văn bản, ví dụ /trogiup.`,
    photoWithoutCommand: html`Đã nhận ảnh. Để lưu ảnh làm minh chứng, gửi ảnh kèm chú thích là lệnh ghi nhận, ví dụ <code>/viectot Trực thay ca cho đồng nghiệp bị ốm</code>.`,
    photoNotKept: html`⚠️ Không tải được ảnh minh chứng (ảnh quá lớn hoặc không còn truy cập được); mục vẫn được ghi nhận, chưa kèm ảnh.`,
    numberExpired: html`Số thứ tự này không ứng với lựa chọn nào còn hiệu lực. Vui lòng gửi lại lệnh.`,
    pickByNumber: (last: number) =>
      last === 1
        ? 'Trả lời 1 để chọn, hoặc gửi lệnh.'
        : `Trả lời bằng số thứ tự (1–${last}) để chọn, hoặc gửi lệnh.`,
  },

  link: {
    issued: (code: HtmlPart, minutes: number) =>
      html`🔗 Mã liên kết: <code>${code}</code> (dùng một lần, trong ${minutes} phút). Trên nền tảng kia (Telegram hoặc Zalo), gửi: <code>/lienket ${code}</code>`,
    linked: (name: HtmlPart) =>
      html`🔗 Đã liên kết: tài khoản này và hồ sơ <b>${name}</b> là một; điểm được cộng chung.`,
    merged: (count: number) => html`Đã gộp ${count} mục ghi nhận trước đây vào hồ sơ.`,
    wrongCode: (code: HtmlPart) => html`Mã “${code}” không đúng. Lấy mã mới bằng /lienket trên nền tảng kia.`,
    expiredCode: html`Mã này đã hết hạn hoặc đã được dùng. Lấy mã mới bằng /lienket trên nền tảng kia.`,
    samePlatform: html`Hãy gửi mã này từ nền tảng kia (Telegram ↔ Zalo), không phải nơi đã lấy mã.`,
    alreadyLinked: (name: HtmlPart) => html`Tài khoản này đã thuộc hồ sơ ${name}.`,
    tooManyTries: html`Đồng chí đã nhập sai mã nhiều lần. Vui lòng đợi 10 phút rồi thử lại với mã mới.`,
  },

  plan: {
    /** `day`: while the plan's year runs, up to when its figures are counted; absent, the whole year. */
    title: (title: HtmlPart, day?: string) =>
      html`📋 <b>${title}</b>\n${day ? `Tiến độ tính đến ngày ${day}` : 'Kết quả cả năm'}`,
    targetLine: (state: 'done' | 'pending' | 'open', title: HtmlPart, bar: HtmlPart, value: HtmlPart) =>
      html`${{ done: '✅', pending: '⏳', open: '▫️' }[state]} ${title}\n   ${bar} ${value}`,
    /** A target's title, marked when its goal is not the plan's own (config source `agency` or `bot`). */
    targetTitle: (title: string, source: 'plan' | 'agency' | 'bot') =>
      source === 'plan'
        ? title
        : `${title} (${source === 'agency' ? 'mức tham chiếu của Văn phòng' : 'mức mặc định của bot'}, không phải chỉ tiêu của Kế hoạch)`,
    /** The same, short enough for the picture. */
    targetShortTitle: (title: string, source: 'plan' | 'agency' | 'bot') =>
      source === 'plan'
        ? title
        : `${title} (${source === 'agency' ? 'mức tham chiếu của Văn phòng' : 'mức mặc định của bot'})`,
    /** A milestone's date that is not the plan's (the plan names no dates). */
    milestoneSource: { plan: '', agency: 'ngày do Văn phòng định', bot: 'ngày mặc định của bot' },
    legend: html`✅ đạt (đã được duyệt) · ⏳ đạt nếu các mục chờ duyệt được duyệt · ▫️ chưa đạt`,
    participation: (part: number, whole: number, pct: string) => `${part}/${whole} (${pct})`,
    count: (value: number, goal: number) => `${value}/${goal}`,
    /** Of the figure, how much rests on entries the Council has not reviewed yet. */
    pendingIncluded: (n: number) => `, trong đó ${n} dựa trên mục chưa được duyệt`,
    pendingExcluded: (n: number) => `, thêm ${n} nếu các mục chờ duyệt được duyệt`,
    milestonesTitle: html`<b>Mốc sắp tới</b>`,
    milestoneLine: (date: HtmlPart, days: number, title: HtmlPart, source = '') =>
      html`• ${date} (${days === 0 ? 'hôm nay' : `còn ${days} ngày`}${source ? `; ${source}` : ''}) — ${title}`,
    noMilestones: html`Không còn mốc nào trong năm.`,
    none: html`Chưa cấu hình kế hoạch thi đua.`,
    otherYear: (year: number, planYear: number) =>
      html`Bot theo dõi kế hoạch thi đua năm ${planYear}; không có số liệu kế hoạch năm ${year}.`,
    onlyYear: (words: HtmlPart, planYear: number) =>
      html`Không hiểu “${words}”: /kehoach cho biết tiến độ kế hoạch năm ${planYear} đến hôm nay.`,
  },

  posts: {
    movedAverage: (department: HtmlPart, perMember: HtmlPart, now: number, before: number, since: HtmlPart) =>
      html`ℹ️ ${department}: ${perMember} điểm/người tính trên ${now} người (${since}: ${before} người) vì có người chuyển phòng; điểm ghi nhận trước khi chuyển vẫn tính cho phòng cũ, nên điểm bình quân thay đổi không phải do kết quả thi đua.`,
    weeklyTitle: (period: HtmlPart) => html`🏆 <b>Bảng vàng thi đua tuần</b> — ${period}`,
    deedsTitle: html`<b>Gương người tốt, việc tốt</b>`,
    deedLine: (name: HtmlPart, text: HtmlPart) => html`• ${name}: ${text}`,
    noDeeds: html`Chưa có việc tốt nào được ghi nhận — hãy chia sẻ bằng /viectot!`,
    moreDeeds: (n: number) => html`… và ${n} việc tốt khác.`,
    /** Departments are counted, never listed by name, when some have logged nothing: the post congratulates. */
    activeDepartments: (active: number, all: number) =>
      active > 0
        ? html`${active}/${all} phòng đã có ghi nhận trong tuần; mời các phòng cùng tiếp tục hưởng ứng phong trào.`
        : html`Tuần này chưa có ghi nhận nào; mời các phòng cùng hưởng ứng phong trào.`,
    allDepartmentsActive: html`Tất cả các phòng đều đã có ghi nhận trong tuần. 👏`,
    /** The members ranked first: a few named, `more` counted (early in a week many may tie). */
    leaders: (names: HtmlPart, more: number, points: HtmlPart) =>
      more > 0
        ? html`🎉 Chúc mừng <b>${names}</b> và ${more} người khác cùng dẫn đầu với ${points}.`
        : html`🎉 Chúc mừng <b>${names}</b> dẫn đầu với ${points}.`,
    improved: (department: HtmlPart, gain: HtmlPart, since: HtmlPart) =>
      html`📈 Tiến bộ nhất: <b>${department}</b>, tăng ${gain} điểm/người so với ${since}.`,
    targetsTitle: (day?: string) => html`<b>Tiến độ kế hoạch năm</b>${day ? ` (tính đến ngày ${day})` : ''}`,
    targetShort: (title: HtmlPart, value: HtmlPart) => html`• ${title}: ${value}`,
    modelsTitle: html`<b>Điển hình tiên tiến</b>`,
    modelLine: (no: number, subject: HtmlPart, stage: HtmlPart) => html`• Số ${no}: ${subject} — ${stage}`,
    monthlyTitle: (period: HtmlPart) => html`📰 <b>Điểm tin thi đua ${period}</b>`,
    monthlyTop: html`<b>Cá nhân dẫn đầu trong tháng</b>`,
    reminder: (title: HtmlPart, date: HtmlPart, days: number) =>
      days > 0
        ? html`📌 <b>Nhắc kế hoạch</b>: ${title} — ngày ${date} (còn ${days} ngày).`
        : html`📌 <b>Hôm nay, ${date}</b>: ${title}.`,
    reportReminder: (title: HtmlPart, date: HtmlPart) =>
      html`📌 Văn phòng lưu ý: ${title} — ngày ${date}. Gửi <code>/tonghop quy file</code> (hoặc kỳ cần báo cáo) để lấy số liệu và dự thảo báo cáo.`,
    dossierAdmin: (
      title: HtmlPart,
      date: HtmlPart,
      days: number,
      decider: string | undefined,
      through: string | undefined,
    ) =>
      html`📮 Văn phòng lưu ý: ${title} — ${days > 0 ? html`ngày ${date} (còn ${days} ngày)` : html`hôm nay, ${date}`}.${decider ? html` Hồ sơ trình ${decider}${through ? html` qua ${through}` : ''}.` : ''} Các danh hiệu, hình thức khen thưởng này do cấp tỉnh quyết định; Ban chỉ đề nghị.`,
    dossierAward: (award: HtmlPart, names: readonly string[]) =>
      names.length
        ? html`• ${award}: Hội đồng đề nghị ${names.join('; ')}`
        : html`• ${award}: không có trường hợp đạt tỷ lệ phiếu đồng ý`,
    dossierNoMeeting: (year: number) =>
      html`Hội đồng Thi đua – Khen thưởng chưa bế mạc phiên họp bình xét năm ${year}: xem danh sách đề nghị bằng /danhsach, thư ký mở phiên họp bằng /mohop.`,
    dossierDraft: html`Dự thảo tờ trình đề nghị cấp tỉnh khen thưởng, kèm danh sách: /duthao totrinhtinh.`,
    nudge: (name: HtmlPart, days: number) =>
      html`Chào ${name}. Đã ${days} ngày đồng chí chưa có ghi nhận nào. Đề nghị đồng chí ghi nhận kết quả công việc bằng /hoanthanh, việc tốt bằng /viectot, sáng kiến bằng /sangkien. (Tắt nhắc: /tatnhac)`,
    nudgesOff: html`Đã tắt nhắc nhở cá nhân. Bật lại bằng /batnhac.`,
    nudgesOn: html`Đã bật nhắc nhở cá nhân. Tắt bằng /tatnhac.`,
    nudgesNeedPrivate: html`Nhắc nhở cá nhân được gửi trong tin nhắn riêng: hãy nhắn riêng cho bot một lần để nhận được.`,
    previewNote: html`<i>Xem trước — chỉ đồng chí thấy tin này.</i>`,
    posted: html`Đã đăng lên nhóm.`,
    unknownPost: (name: HtmlPart) => html`Không rõ bài “${name}”.`,
    missingPost: html`Vui lòng ghi tên bài.`,
    postNames: { bangxephang: 'bảng xếp hạng tuần', thang: 'điểm tin tháng', nhac: 'nhắc kế hoạch hôm nay' },
    confirmPost: (name: HtmlPart) =>
      html`Đăng <b>${name}</b> lên nhóm chung ngay bây giờ? Mọi thành viên trong nhóm sẽ nhận được. (Xem trước: /xemtruoc)`,
    confirmPostButton: '📣 Đăng ngay',
    noReminders: html`Hôm nay không có mốc kế hoạch nào cần nhắc.`,
    registrationMissing: (members: number, departments: number) =>
      html`Còn ${members} cá nhân và ${departments} tập thể chưa đăng ký danh hiệu thi đua: đề nghị gửi <code>/dangkythidua</code> để đăng ký.`,
    allRegistered: html`Tất cả cá nhân và tập thể đã đăng ký danh hiệu thi đua.`,
    registrationAdmin: (title: HtmlPart, date: HtmlPart, members: HtmlPart, departments: HtmlPart) =>
      html`📌 Văn phòng lưu ý: ${title} — ngày ${date}.\nCá nhân chưa đăng ký: ${members}\nTập thể chưa đăng ký: ${departments}\nChi tiết: <code>/tonghop</code>.`,
    nobody: 'không có',
  },

  /** The leaderboard picture (reports/chart.ts draws plain text: no markup here). */
  chart: {
    movedLabel: 'Lưu ý',
    movedText: (department: string, now: number, before: number, since: string) =>
      `${department}: ${now} người (${since}: ${before}) do chuyển phòng; điểm bình quân thay đổi vì số người`,
    weeklyTitle: (period: string) => `Bảng vàng thi đua ${period}`,
    monthlyTitle: (period: string) => `Điểm tin thi đua ${period}`,
    boardTitle: (period: string) => `Bảng xếp hạng thi đua ${period}`,
    progressTo: (day?: string) => (day ? `Tiến độ tính đến ngày ${day}` : 'Kết quả cả năm'),
    departments: 'Tập thể dẫn đầu',
    topMembers: 'Cá nhân dẫn đầu',
    targets: 'Tiến độ kế hoạch năm',
    perMember: 'điểm bình quân/người',
    points: 'điểm',
    empty: 'Chưa có ghi nhận nào trong kỳ này. Hãy mở đầu bằng /viectot, /hoanthanh hoặc /sangkien!',
    emptyPast: 'Không có ghi nhận nào trong kỳ này.',
    leaders: 'Chúc mừng',
    leadersText: (names: string, more: number, points: string) =>
      more > 0
        ? `${names} và ${more} người khác cùng dẫn đầu với ${points}`
        : `${names} dẫn đầu với ${points}`,
    improved: 'Tiến bộ nhất',
    improvedText: (department: string, gain: string, since: string) =>
      `${department}, tăng ${gain} điểm/người so với ${since}`,
    newModels: 'Điển hình mới',
    previous: {
      week: 'tuần trước',
      month: 'tháng trước',
      quarter: 'quý trước',
      half: '6 tháng trước',
      year: 'năm trước',
    },
    /** Said when the picture could not be drawn: the text above it says everything. */
    failed: html`<i>Chưa tạo được ảnh lúc này; nội dung đầy đủ ở trên.</i>`,
  },

  demo: {
    intro: (dir: string, reports: string) =>
      [
        'thidua-bot — bản dùng thử trên máy (chưa cấu hình TELEGRAM_BOT_TOKEN hay Zalo).',
        `Đồng chí là thành viên thử nghiệm, kiêm quản trị viên và thành viên Hội đồng, trên kho dữ liệu mẫu tại ${dir}.`,
        'Thử: /trogiup, /viectot Giúp @lan sửa máy in, /viectot @lan đã trực thay ca, /bangxephang tuần trước, /kehoach, /tonghop quý IV file. Khi bot đưa các lựa chọn đánh số, gõ số để chọn. Thoát: /thoat, Ctrl+D hoặc Ctrl+C.',
        `File báo cáo và ảnh được lưu trong thư mục ${reports}. Kho dữ liệu mẫu bị xóa khi thoát.`,
      ].join('\n'),
  },

  // ---- Year-end records (issue 20): ratings, discipline, awards, initiatives, decisions, import ----
  records: {
    help: {
      rating: {
        usage: '/xeploai [năm] @người | phòng MỨC [| lý do]',
        description: 'Xếp loại chất lượng cuối năm của cá nhân, tập thể (quản trị viên)',
      },
      discipline: {
        usage: '/kyluat @người | hình thức | số QĐ | ngày QĐ | thời hạn [| cơ quan ban hành] [| ghi chú]',
        description: 'Ghi kỷ luật vào hồ sơ thi đua (quản trị viên)',
      },
      pastAward: {
        usage: '/khenthuong @người | phòng | năm | danh hiệu, hình thức | số QĐ | ngày QĐ | cơ quan ban hành',
        description: 'Ghi danh hiệu, hình thức khen thưởng đã nhận (quản trị viên)',
      },
      initiative: {
        usage: '/congnhansk @người[, @người] | tên sáng kiến | số QĐ | ngày QĐ [| năm] [| mã SK]',
        description: 'Ghi quyết định công nhận sáng kiến của Hội đồng sáng kiến (quản trị viên)',
      },
      decision: {
        usage:
          '/quyetdinh số QĐ | ngày | người ký | danh hiệu, hình thức | @người, phòng… [| năm] [| cơ quan]',
        description:
          'Ghi quyết định khen thưởng đã ký vào hồ sơ của từng người, từng tập thể (quản trị viên)',
      },
      correct: {
        usage: '/dinhchinh MÃ | trường: giá trị | lý do',
        description:
          'Đính chính hoặc hủy bỏ một hồ sơ (kỷ luật, sáng kiến, khen thưởng); lịch sử được giữ (quản trị viên)',
      },
      file: {
        usage: '/hoso [@người | phòng] [năm]',
        description: 'Hồ sơ thi đua: xếp loại, kỷ luật, sáng kiến được công nhận, khen thưởng — kèm lịch sử',
      },
      import: {
        usage: '/nhaphoso mau | /nhaphoso (chú thích của tệp .xlsx)',
        description: 'Mẫu Excel hồ sơ thi đua; nhập tệp đã điền (quản trị viên)',
      },
    },

    ratings: {
      htxsnv: 'Hoàn thành xuất sắc nhiệm vụ',
      httnv: 'Hoàn thành tốt nhiệm vụ',
      htnv: 'Hoàn thành nhiệm vụ',
      khtnv: 'Không hoàn thành nhiệm vụ',
    },
    ratingShort: { htxsnv: 'HTXSNV', httnv: 'HTTNV', htnv: 'HTNV', khtnv: 'KHTNV' },
    forms: {
      khientrach: 'Khiển trách',
      canhcao: 'Cảnh cáo',
      habacluong: 'Hạ bậc lương',
      giangchuc: 'Giáng chức',
      cachchuc: 'Cách chức',
      bainhiem: 'Bãi nhiệm',
      buocthoiviec: 'Buộc thôi việc',
      khaitru: 'Khai trừ',
    },
    awardKinds: { title: 'danh hiệu thi đua', form: 'hình thức khen thưởng' },
    department: (name: string) => `tập thể ${name}`,
    decision: (number: HtmlPart, day: HtmlPart, body: HtmlPart) =>
      html`Quyết định số ${number} ngày ${day} của ${body}`,
    signedBy: (signer: HtmlPart) => html`, người ký: ${signer}`,
    annulled: html` <i>(đã hủy bỏ)</i>`,

    // What a refused change gets (nothing was changed).
    problems: {
      unknownMember: (id: HtmlPart) => html`không có thành viên “${id}” trên bot`,
      decisionUsed: (number: HtmlPart, code: HtmlPart) =>
        html`số quyết định ${number} đã được dùng cho hồ sơ ${code} (một số quyết định chỉ ứng với một hồ sơ trong năm ban hành)`,
      unknownRecord: (code: HtmlPart) => html`không có hồ sơ ${code}`,
      annulledRecord: (code: HtmlPart) => html`hồ sơ ${code} đã bị hủy bỏ, không đính chính được`,
      unknownInitiative: (code: HtmlPart) => html`không có sáng kiến được công nhận ${code}`,
      initiativeUsed: (code: HtmlPart, award: HtmlPart) =>
        html`sáng kiến ${code} đã là căn cứ của khen thưởng ${award} (mỗi sáng kiến làm căn cứ cho một lần khen thưởng)`,
      notAuthor: (code: HtmlPart, name: HtmlPart) => html`${name} không phải tác giả sáng kiến ${code}`,
      initiativeForDepartment: (code: HtmlPart) =>
        html`sáng kiến ${code} là của cá nhân, không làm căn cứ khen thưởng tập thể`,
      badPeriod: (from: HtmlPart, until: HtmlPart) =>
        html`thời hạn từ ${from} đến ${until}: ngày kết thúc trước ngày bắt đầu`,
      noRecipients: html`quyết định chưa có ai được khen thưởng`,
      recipientTwice: (name: HtmlPart) => html`${name} có hai lần trong danh sách`,
    },
    refused: (what: HtmlPart) => html`Chưa ghi: ${what}. Hồ sơ không thay đổi.`,

    // Reading what an admin typed.
    unknownSubject: (query: HtmlPart) =>
      html`Không tìm thấy thành viên hay phòng “${query}”. Ghi @tên đồng chí, họ và tên như đã đăng ký, hoặc tên phòng.`,
    badDay: (text: HtmlPart) => html`Ngày “${text}” không đúng: ghi ngày/tháng/năm, ví dụ 20/12/2026.`,
    futureDay: (text: HtmlPart, today: string) =>
      html`Ngày quyết định “${text}” sau hôm nay (${today}): chỉ ghi vào hồ sơ quyết định đã ban hành. Đồng chí kiểm tra lại ngày, tháng, năm.`,
    badYear: (text: HtmlPart) => html`Năm “${text}” không đúng: ghi bốn chữ số, ví dụ 2025.`,
    missing: (what: HtmlPart) => html`Còn thiếu: ${what}.`,
    fields: {
      subject: 'người hoặc tập thể',
      form: 'hình thức kỷ luật',
      number: 'số quyết định',
      day: 'ngày quyết định',
      period: 'thời hạn',
      year: 'năm',
      name: 'danh hiệu hoặc hình thức khen thưởng',
      initiative: 'tên sáng kiến',
      signer: 'người ký',
      recipients: 'danh sách người, tập thể được khen thưởng',
      body: 'cơ quan ban hành',
      reason: 'lý do',
    },
    adminOnly: html`Chỉ quản trị viên (Văn phòng Ban) ghi và đính chính hồ sơ thi đua.`,
    sentPrivately: html`🔒 Hồ sơ thi đua là thông tin nhân sự: bot đã trả lời đồng chí trong tin nhắn riêng.`,

    rating: {
      unknown: (text: HtmlPart) =>
        html`Không có mức xếp loại “${text}”. Các mức: HTXSNV (Hoàn thành xuất sắc nhiệm vụ), HTTNV (Hoàn thành tốt nhiệm vụ), HTNV (Hoàn thành nhiệm vụ), KHTNV (Không hoàn thành nhiệm vụ).`,
      recorded: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`✅ Đã ghi xếp loại năm ${year} của ${name}: <b>${rating}</b>.`,
      corrected: (name: HtmlPart, year: number, from: HtmlPart, to: HtmlPart) =>
        html`✅ Đã đính chính xếp loại năm ${year} của ${name}: ${from} → <b>${to}</b>. Mức trước vẫn được lưu trong lịch sử.`,
      unchanged: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`${name} đã được xếp loại <b>${rating}</b> năm ${year}; không có gì thay đổi.`,
      reasonNeeded: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`${name} đã được xếp loại ${rating} năm ${year}. Đính chính cần ghi lý do sau dấu |, ví dụ <code>/xeploai ${year} … HTTNV | theo kết luận của Thường trực</code>.`,
      none: (name: HtmlPart, year: number) => html`${name} chưa được xếp loại năm ${year}.`,
      current: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`Xếp loại năm ${year} của ${name}: <b>${rating}</b>.`,
      summaryTitle: (year: number) => html`<b>Xếp loại chất lượng năm ${year}</b>`,
      members: (rated: number, total: number) => html`Cá nhân: đã xếp loại ${rated}/${total} đồng chí.`,
      departments: (rated: number, total: number) => html`Tập thể: đã xếp loại ${rated}/${total} phòng.`,
      count: (rating: HtmlPart, n: number) => html`• ${rating}: ${n}`,
      share: (excellent: number, good: number, percent: HtmlPart) =>
        html`Tỷ lệ Hoàn thành xuất sắc nhiệm vụ trên số được xếp loại Hoàn thành tốt nhiệm vụ trở lên: ${excellent}/${good} (${percent}).`,
      notRated: (names: HtmlPart) => html`Chưa xếp loại: ${names}.`,
      overCap: (who: HtmlPart, excellent: number, good: number, percent: HtmlPart) =>
        html`⚠️ ${who}: ${excellent}/${good} (${percent}) được xếp loại Hoàn thành xuất sắc nhiệm vụ trong số Hoàn thành tốt nhiệm vụ trở lên — vượt mức 20% theo Quy định 366-QĐ/TW (trường hợp đặc biệt không quá 25%). Bot vẫn ghi; đề nghị Văn phòng rà soát.`,
      overExceptional: (who: HtmlPart, excellent: number, good: number, percent: HtmlPart) =>
        html`⚠️ ${who}: ${excellent}/${good} (${percent}) được xếp loại Hoàn thành xuất sắc nhiệm vụ trong số Hoàn thành tốt nhiệm vụ trở lên — vượt cả mức 25% của trường hợp đặc biệt (Quy định 366-QĐ/TW). Bot vẫn ghi; đề nghị Văn phòng rà soát.`,
      membersWho: 'Cá nhân',
      departmentsWho: 'Tập thể',
      soFar: (rated: number, total: number) =>
        html`<i>(mới xếp loại ${rated}/${total}; tỷ lệ tính trên số đã xếp loại)</i>`,
    },

    discipline: {
      unknownForm: (text: HtmlPart) =>
        html`Không có hình thức kỷ luật “${text}”. Các hình thức: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, bãi nhiệm, buộc thôi việc, khai trừ.`,
      badPeriod: (text: HtmlPart) =>
        html`Thời hạn “${text}” không đúng: ghi số tháng (<code>12 tháng</code>, tính từ ngày quyết định) hoặc <code>từ 01/03/2026 đến 28/02/2027</code>.`,
      recorded: (
        code: HtmlPart,
        form: HtmlPart,
        name: HtmlPart,
        decision: HtmlPart,
        from: HtmlPart,
        until: HtmlPart,
      ) =>
        html`✅ Đã ghi vào hồ sơ <code>${code}</code>: <b>${form}</b> — ${name}; ${decision}; thời hạn từ ${from} đến ${until}.`,
      listTitle: (year: number) => html`<b>Kỷ luật có hiệu lực trong năm ${year}</b>`,
      none: (year: number) => html`Không có kỷ luật nào có hiệu lực trong năm ${year}.`,
      line: (
        code: HtmlPart,
        form: HtmlPart,
        name: HtmlPart,
        from: HtmlPart,
        until: HtmlPart,
        number: HtmlPart,
      ) => html`• <code>${code}</code> ${form} — ${name}, từ ${from} đến ${until} (QĐ ${number})`,
    },

    award: {
      recorded: (code: HtmlPart, name: HtmlPart, year: number, who: HtmlPart, decision: HtmlPart) =>
        html`✅ Đã ghi vào hồ sơ <code>${code}</code>: <b>${name}</b> năm ${year} — ${who}; ${decision}.`,
      joined: (code: HtmlPart, who: HtmlPart) =>
        html`✅ Đã thêm ${who} vào quyết định đã có trong hồ sơ <code>${code}</code>.`,
      already: (who: HtmlPart, code: HtmlPart) =>
        html`${who} đã có trong quyết định <code>${code}</code>; không có gì thay đổi.`,
      listTitle: (name: HtmlPart) => html`<b>Khen thưởng của ${name}</b>`,
      none: (name: HtmlPart) => html`${name} chưa có khen thưởng nào trong hồ sơ.`,
      line: (code: HtmlPart, year: number, name: HtmlPart, number: HtmlPart, day: HtmlPart, body: HtmlPart) =>
        html`• <code>${code}</code> ${year}: ${name} — QĐ ${number} ngày ${day}, ${body}`,
    },

    decisions: {
      recorded: (
        code: HtmlPart,
        number: HtmlPart,
        day: HtmlPart,
        signer: HtmlPart,
        name: HtmlPart,
        year: number,
        count: number,
      ) =>
        html`✅ Đã ghi Quyết định số ${number} ngày ${day} (người ký: ${signer}): <b>${name}</b> năm ${year} cho ${count} người, tập thể. Mã hồ sơ <code>${code}</code>. Khen thưởng đã vào hồ sơ của từng người, từng tập thể.`,
      issuedBy: (body: HtmlPart, upward: boolean) =>
        upward
          ? html`Cơ quan ban hành: ${body} — danh hiệu, hình thức này do cấp tỉnh quyết định trên đề nghị của Ban.`
          : html`Cơ quan ban hành: ${body}.`,
      recipient: (name: HtmlPart, initiative: HtmlPart) =>
        initiative ? html`• ${name} (sáng kiến ${initiative})` : html`• ${name}`,
      listTitle: (year: number) => html`<b>Quyết định khen thưởng năm ${year} đã ghi</b>`,
      none: (year: number) => html`Chưa ghi quyết định khen thưởng nào cho năm ${year}.`,
      line: (code: HtmlPart, name: HtmlPart, number: HtmlPart, day: HtmlPart, count: number) =>
        html`• <code>${code}</code> ${name} — QĐ ${number} ngày ${day}: ${count} người, tập thể`,
      badInitiative: (text: HtmlPart) =>
        html`“${text}”: sáng kiến làm căn cứ ghi bằng mã hồ sơ trong ngoặc sau tên, ví dụ <code>@lan (CN2)</code>.`,
    },

    initiative: {
      recorded: (code: HtmlPart, name: HtmlPart, authors: HtmlPart, year: number, decision: HtmlPart) =>
        html`✅ Đã ghi vào hồ sơ <code>${code}</code>: sáng kiến “${name}” của ${authors}, năm ${year}; ${decision}. Khi dùng làm căn cứ khen thưởng, ghi <code>(${code})</code> sau tên người trong /quyetdinh.`,
      unknownEntry: (code: HtmlPart) =>
        html`Không có sáng kiến ${code} (ghi bằng /sangkien) của tác giả đã nêu.`,
      listTitle: (year: number) => html`<b>Sáng kiến được công nhận năm ${year}</b>`,
      none: (year: number) => html`Chưa có sáng kiến nào được công nhận năm ${year} trong hồ sơ.`,
      line: (code: HtmlPart, name: HtmlPart, authors: HtmlPart, number: HtmlPart, used: HtmlPart) =>
        used
          ? html`• <code>${code}</code> “${name}” — ${authors} (QĐ ${number}); đã là căn cứ của ${used}`
          : html`• <code>${code}</code> “${name}” — ${authors} (QĐ ${number}); chưa dùng làm căn cứ khen thưởng`,
    },

    correct: {
      unknownField: (field: HtmlPart, fields: HtmlPart) =>
        html`Không có trường “${field}” để đính chính. Các trường: ${fields}.`,
      fieldsOf: {
        discipline: 'hinhthuc, so, ngay, coquan, nguoiky, tu, den, ghichu',
        initiative: 'ten, nam, so, ngay, coquan, nguoiky, ma',
        award: 'ten, nam, so, ngay, coquan, nguoiky, them (@người), bo (@người)',
      },
      nothing: html`Chưa nêu trường nào cần đính chính. Ghi <code>trường: giá trị</code>, hoặc <code>huy</code> để hủy bỏ hồ sơ.`,
      reasonNeeded: html`Đính chính, hủy bỏ hồ sơ cần ghi lý do ở cuối, sau dấu |.`,
      codeNeeded: html`Ghi mã hồ sơ cần đính chính ngay sau lệnh: KL (kỷ luật), CN (sáng kiến được công nhận), KT (khen thưởng), ví dụ /dinhchinh KT3; xem mã bằng /hoso.`,
      unknownCode: (code: HtmlPart) =>
        html`Không có hồ sơ “${code}”. Mã hồ sơ: KL (kỷ luật), CN (sáng kiến được công nhận), KT (khen thưởng), ví dụ KT3; xem bằng /hoso.`,
      done: (code: HtmlPart) =>
        html`✅ Đã đính chính hồ sơ <code>${code}</code>. Nội dung trước vẫn được lưu trong lịch sử.`,
      annulled: (code: HtmlPart) =>
        html`✅ Đã hủy bỏ hồ sơ <code>${code}</code>: hồ sơ vẫn được lưu, đánh dấu đã hủy bỏ, không còn được tính.`,
      show: (code: HtmlPart) => html`<b>Hồ sơ ${code}</b>`,
      howTo: (fields: HtmlPart) =>
        html`Đính chính: <code>/dinhchinh MÃ | trường: giá trị | lý do</code> (trường: ${fields}); hủy bỏ: <code>/dinhchinh MÃ huy | lý do</code>.`,
    },

    file: {
      title: (name: HtmlPart) => html`<b>Hồ sơ thi đua — ${name}</b>`,
      ratings: 'Xếp loại chất lượng',
      disciplines: 'Kỷ luật',
      initiatives: 'Sáng kiến được công nhận',
      awards: 'Khen thưởng',
      nothing: html`<i>chưa có</i>`,
      ratingLine: (year: number, rating: HtmlPart) => html`• ${year}: ${rating}`,
      disciplineLine: (code: HtmlPart, form: HtmlPart, from: HtmlPart, until: HtmlPart, decision: HtmlPart) =>
        html`• <code>${code}</code> ${form}, từ ${from} đến ${until} — ${decision}`,
      initiativeLine: (code: HtmlPart, year: number, name: HtmlPart, decision: HtmlPart) =>
        html`• <code>${code}</code> ${year}: “${name}” — ${decision}`,
      awardLine: (code: HtmlPart, year: number, name: HtmlPart, decision: HtmlPart) =>
        html`• <code>${code}</code> ${year}: ${name} — ${decision}`,
      historyLine: (time: HtmlPart, action: HtmlPart, by: HtmlPart, platform: HtmlPart, note: HtmlPart) =>
        note
          ? html`   ↳ ${time}: ${action} — ${by} (${platform}): ${note}`
          : html`   ↳ ${time}: ${action} — ${by} (${platform})`,
      othersRestricted: html`Hồ sơ thi đua của người khác chỉ quản trị viên và Hội đồng Thi đua – Khen thưởng xem được.`,
    },

    import: {
      template: html`Mẫu Excel hồ sơ thi đua: mỗi trang tính một loại hồ sơ (xếp loại, kỷ luật, sáng kiến được công nhận, khen thưởng), dòng đầu là tiêu đề cột, có dòng ví dụ và trang hướng dẫn. Điền xong, gửi lại tệp với chú thích <code>/nhaphoso</code>.`,
      templateName: (year: number) => `mau-ho-so-thi-dua-${year}.xlsx`,
      noFile: html`Gửi tệp Excel (.xlsx) đã điền với chú thích <code>/nhaphoso</code>, hoặc <code>/nhaphoso mau</code> để nhận mẫu.`,
      noFileZalo: html`Trên Zalo, bot chưa nhận tệp kèm lệnh. Đề nghị gửi tệp Excel đã điền với chú thích <code>/nhaphoso</code> cho bot trên Telegram.`,
      noFileConsole: html`Ghi đường dẫn tệp Excel (.xlsx) sau lệnh, ví dụ <code>/nhaphoso ho-so.xlsx</code>, hoặc <code>/nhaphoso mau</code> để nhận mẫu.`,
      notXlsx: (name: HtmlPart) =>
        html`Tệp “${name}” không phải tệp Excel .xlsx. Vui lòng gửi tệp theo mẫu (<code>/nhaphoso mau</code>).`,
      tooBig: (name: HtmlPart, mb: number) =>
        html`Tệp “${name}” lớn hơn ${mb} MB; tệp hồ sơ theo mẫu thường chỉ vài chục KB.`,
      unreadable: (name: HtmlPart) =>
        html`Không đọc được tệp “${name}” (tệp hỏng hoặc không phải .xlsx). Không có gì thay đổi.`,
      cannotFetch: html`Không tải được tệp từ nền tảng lúc này. Không có gì thay đổi; vui lòng gửi lại sau ít phút.`,
      noSheets: html`Tệp không có trang tính nào theo mẫu (Xếp loại, Kỷ luật, Sáng kiến, Khen thưởng). Vui lòng dùng mẫu: <code>/nhaphoso mau</code>.`,
      empty: html`Tệp theo mẫu nhưng chưa có dòng nào được điền. Không có gì thay đổi.`,
      refusedTitle: (refused: number, rows: number) =>
        html`<b>Chưa nhập: ${refused}/${rows} dòng chưa hợp lệ.</b> Hồ sơ không thay đổi; sửa các dòng dưới đây rồi gửi lại cả tệp.`,
      rowProblem: (sheet: HtmlPart, row: number, problem: HtmlPart) =>
        html`• ${sheet}, dòng ${row}: ${problem}`,
      more: (n: number) => html`… và ${n} dòng khác.`,
      done: (rows: number) => html`✅ Đã nhập ${rows} dòng vào hồ sơ thi đua.`,
      doneLine: (sheet: HtmlPart, changed: number, unchanged: number) =>
        unchanged
          ? html`• ${sheet}: ${changed} hồ sơ ghi mới hoặc đính chính, ${unchanged} đã có sẵn, không đổi`
          : html`• ${sheet}: ${changed} hồ sơ ghi mới hoặc đính chính`,
      nothingNew: (rows: number) => html`Cả ${rows} dòng đã có trong hồ sơ; không có gì thay đổi.`,
      // Why a row is refused (besides the problems above).
      blank: (column: HtmlPart) => html`cột “${column}” để trống`,
      unknownPerson: (name: HtmlPart) =>
        html`không có thành viên hay phòng “${name}” trên bot (ghi họ và tên như đã đăng ký, hoặc mã thành viên)`,
      ambiguousPerson: (name: HtmlPart) =>
        html`có nhiều thành viên tên “${name}”: ghi mã thành viên (m12) thay cho tên`,
      unknownRating: (text: HtmlPart) => html`mức xếp loại “${text}” không có (HTXSNV, HTTNV, HTNV, KHTNV)`,
      unknownForm: (text: HtmlPart) => html`hình thức kỷ luật “${text}” không có`,
      badDay: (text: HtmlPart) => html`ngày “${text}” không đúng (ngày/tháng/năm)`,
      futureDay: (text: HtmlPart) => html`ngày quyết định “${text}” sau hôm nay (quyết định chưa ban hành?)`,
      badYear: (text: HtmlPart) => html`năm “${text}” không đúng`,
      badKind: (text: HtmlPart) => html`loại “${text}” không đúng (ghi “danh hiệu” hoặc “hình thức”)`,
      twice: (other: number) => html`trùng với dòng ${other}`,
      ratingChanged: (from: HtmlPart) =>
        html`đổi mức xếp loại đã ghi (${from}) cần lý do ở cột “Lý do đính chính”`,
      authorCell: 'Tác giả (họ và tên, cách nhau bởi dấu phẩy)',
    },
  },

  /** Setup mode (a token, no TELEGRAM_GROUP_ID yet): the ids the settings need, from Telegram itself. */
  setup: {
    groupId: (id: string, title: string) =>
      html`Mã của nhóm “${title}”: <code>${id}</code>\nĐể bot phục vụ nhóm này, người cài đặt ghi vào tệp <code>.env</code> dòng <code>TELEGRAM_GROUP_ID=${id}</code> rồi khởi động lại bot. Đến lúc đó bot chưa nhận lệnh nào khác.`,
    userId: (id: string) =>
      html`Mã người dùng Telegram của đồng chí: <code>${id}</code>\nBot đang chờ cài đặt nên chưa nhận lệnh. Quản trị viên (Văn phòng, lãnh đạo Ban) gửi mã này cho người cài đặt để ghi vào <code>TELEGRAM_ADMIN_IDS</code>; thành viên Hội đồng Thi đua – Khen thưởng: <code>TELEGRAM_COUNCIL_IDS</code>.`,
  },

  /** The "Hủy" button beside every confirmation. */
  cancel: 'Hủy',
  cancelled: html`Đã hủy; không có gì thay đổi.`,
  /** A numbered choice picked on a platform without buttons: which command it runs. */
  chosen: (command: string) => `→ ${command}`,
  unknownDepartmentName: (id: string) => `(phòng “${id}” không còn trong cấu hình)`,
  // ---- year-end review: lists, the Council's meeting, votes, drafts (issue 20, h20b) ----
  council: {
    helpGroup: {
      titles: {
        hoso: html`<b>Hồ sơ cuối năm: xếp loại, kỷ luật, khen thưởng, sáng kiến, quyết định</b>`,
        binhxet: html`<b>Bình xét cuối năm: danh sách, phiên họp Hội đồng, biểu quyết, dự thảo</b>`,
      },
      lines: {
        hoso: (count: number) => html`<code>/trogiup hoso</code> — ${count} lệnh hồ sơ cuối năm (Văn phòng)`,
        binhxet: (count: number) =>
          html`<code>/trogiup binhxet</code> — ${count} lệnh bình xét cuối năm (Hội đồng, Văn phòng)`,
      },
    },
    help: {
      danhsach: {
        usage: '/danhsach [danh hiệu] [file]',
        description: 'Danh sách đề nghị khen thưởng năm theo từng danh hiệu (Hội đồng, quản trị viên)',
      },
      dexuat: {
        usage: '/dexuat danh hiệu @người | phòng | lý do',
        description: 'Bổ sung một tên vào danh sách đề nghị, có lý do (quản trị viên)',
      },
      bodexuat: {
        usage: '/bodexuat danh hiệu @người | phòng | lý do',
        description: 'Đưa một tên ra khỏi danh sách đề nghị, có lý do (quản trị viên)',
      },
      mohop: {
        usage: '/mohop giờ ngày | địa điểm | vắng: tên (lý do), …',
        description: 'Thư ký mở phiên họp Hội đồng Thi đua – Khen thưởng bình xét cuối năm',
      },
      diemdanh: {
        usage: '/diemdanh [họ tên vắng | có mặt] [| lý do]',
        description: 'Thành viên có mặt, vắng mặt trong phiên họp Hội đồng',
      },
      hop: {
        usage: '/hop [tieuchuan | số]',
        description: 'Phiên họp Hội đồng: tiêu chuẩn, từng trường hợp trong danh sách, tình hình biểu quyết',
      },
      mophieu: {
        usage: '/mophieu danh hiệu [giotay | giay | dientu]',
        description: 'Mở biểu quyết một danh sách: giơ tay, phiếu kín giấy, phiếu kín điện tử (thư ký)',
      },
      kiemphieu: {
        usage: '/kiemphieu số_vòng phat 9 thu 9 hople 9 | 1: 8 | 2: 7',
        description: 'Nhập kết quả biểu quyết giơ tay (thư ký) hoặc kiểm phiếu giấy (Ban kiểm phiếu)',
      },
      phieuvang: {
        usage: '/phieuvang số_vòng tên | dkd',
        description: 'Ghi phiếu bằng văn bản của thành viên vắng mặt (d: đồng ý, k: không đồng ý)',
      },
      bophieu: {
        usage: '/bophieu [số_vòng]',
        description: 'Bỏ phiếu kín điện tử trong tin nhắn riêng (thành viên Hội đồng có mặt)',
      },
      dongphieu: {
        usage: '/dongphieu số_vòng [huy lý do]',
        description: 'Kết thúc một vòng biểu quyết và công bố kết quả (thư ký)',
      },
      donghop: {
        usage: '/donghop [kết luận của Hội đồng]',
        description: 'Bế mạc phiên họp Hội đồng, ghi kết luận (thư ký)',
      },
      duthao: {
        usage:
          '/duthao [bienban | kiemphieu | phieubau số | totrinh | totrinhtinh | quyetdinh | giaykhen | danhsach]',
        description:
          'Dự thảo biên bản, tờ trình, quyết định, giấy khen theo thể thức văn bản của Đảng (Word)',
      },
      dotxuat: {
        usage: '/dotxuat [MÃ lý do | MÃ bo lý do]',
        description:
          'Hội đồng đề xuất khen thưởng đột xuất từ một nội dung; bot dự thảo tờ trình và báo cáo tóm tắt',
      },
      chuyende: {
        usage: '/chuyende [đợt] [MÃ … | lý do | file]',
        description: 'Khen thưởng chuyên đề: những người có nội dung gắn với một đợt thi đua của kế hoạch',
      },
    },
    notConfigured: html`Chưa cấu hình Hội đồng Thi đua – Khen thưởng (file <code>COUNCIL_FILE</code>, mặc định <code>config/council-2026.json</code>).`,
    operatorsOnly: html`Phiên họp do thư ký Hội đồng, lãnh đạo Hội đồng hoặc quản trị viên (Văn phòng Ban) điều hành.`,
    countingOnly: html`Kết quả kiểm phiếu do Ban kiểm phiếu, thư ký Hội đồng hoặc quản trị viên nhập.`,
    unknownAward: (text: string) =>
      text
        ? html`Không rõ danh hiệu, hình thức khen thưởng “${text}”.`
        : html`Chưa ghi danh hiệu, hình thức khen thưởng.`,
    awardsAre: (list: string) => html`Các danh hiệu, hình thức: ${list}.`,
    unknownSubject: (text: string) =>
      html`Không tìm thấy cá nhân hoặc phòng “${text}”. Ghi @tên, họ và tên như đã đăng ký, hoặc tên phòng.`,
    reasonRequired: html`Vui lòng ghi lý do: mọi thay đổi đều được lưu trong lịch sử.`,
    numbered: (i: number, name: string) => html`${i}. ${name}`,
    decidedBy: { ban: 'Trưởng Ban quyết định', province: 'Ban đề nghị Chủ tịch UBND tỉnh' },
    voteKinds: { secret: 'bỏ phiếu kín', hands: 'biểu quyết giơ tay' },
    methods: {
      hands: 'biểu quyết giơ tay',
      paper: 'bỏ phiếu kín bằng phiếu giấy',
      electronic: 'bỏ phiếu kín điện tử',
    },
    origins: {
      registration: 'đăng ký thi đua',
      added: 'bổ sung',
      exceptional: 'đột xuất',
      drive: 'chuyên đề',
    },
    roundStatus: { open: 'đang mở', closed: 'đã kết thúc', void: 'đã hủy' },
    countWhat: {
      issued: 'Số phiếu phát ra',
      returned: 'Số phiếu thu vào',
      valid: 'Số phiếu hợp lệ',
      candidate: 'Số phiếu của một người',
    },
    roles: {
      chair: 'Chủ tịch Hội đồng',
      viceChair: 'Phó Chủ tịch Hội đồng',
      standing: 'Ủy viên thường trực',
      secretary: 'Thư ký Hội đồng',
      member: 'Ủy viên',
    },
    refusals: {
      nothingChanged: html`<i>Không có thay đổi nào được ghi.</i>`,
      meetingOpen: (no: number) =>
        html`Phiên họp số ${no} đang mở; bế mạc phiên đó (/donghop) trước khi mở phiên mới.`,
      noMeeting: (year: number) =>
        html`Chưa có phiên họp Hội đồng bình xét năm ${year} đang mở. Thư ký mở phiên bằng /mohop.`,
      meetingClosed: (no: number) => html`Phiên họp số ${no} đã bế mạc.`,
      roundOpenStill: (no: number) =>
        html`Vòng biểu quyết số ${no} chưa kết thúc: kết thúc bằng <code>/dongphieu ${no}</code> (hoặc hủy có lý do) trước khi bế mạc.`,
      unknownRound: (text: string) => html`Không có vòng biểu quyết số “${text}”.`,
      noOpenRound: html`Không có vòng biểu quyết nào đang mở.`,
      roundNotOpen: (no: number, status: string) => html`Vòng biểu quyết số ${no} ${status}.`,
      secretAward: (award: string) =>
        html`${award} được bình xét bằng bỏ phiếu kín (thiết lập của Hội đồng): chọn <code>giay</code> hoặc <code>dientu</code>.`,
      emptyList: (award: string) => html`Danh sách đề nghị ${award} chưa có tên nào.`,
      roundOpenFor: (no: number, award: string) => html`Vòng biểu quyết số ${no} (${award}) đang mở.`,
      noElectronicVoters: html`Chưa thành viên có mặt nào có tài khoản được khai báo trong file Hội đồng để bỏ phiếu điện tử; dùng phiếu giấy (<code>giay</code>).`,
      notElectronic: (no: number) => html`Vòng số ${no} không bỏ phiếu điện tử.`,
      electronicCounts: (no: number) =>
        html`Vòng số ${no} bỏ phiếu điện tử: bot tự kiểm phiếu khi kết thúc vòng.`,
      countsMismatch: (expected: number, given: number) =>
        html`Danh sách có ${expected} người nhưng nhận được ${given} kết quả.`,
      countTooLarge: (what: string, given: number, max: number) =>
        html`${what} (${given}) lớn hơn mức có thể (${max}).`,
      noCounts: (no: number) =>
        html`Vòng số ${no} chưa có kết quả: nhập bằng <code>/kiemphieu ${no} …</code> trước.`,
      notAbsent: (name: string) => html`${name} có mặt tại phiên họp, không gửi phiếu bằng văn bản.`,
      writtenTwice: (name: string) => html`Phiếu bằng văn bản của ${name} đã được ghi ở vòng này.`,
      choicesMismatch: (expected: number, given: number) =>
        html`Phiếu cần ${expected} lựa chọn (mỗi người một lựa chọn) nhưng có ${given}.`,
      notVoter: html`Đồng chí không có trong danh sách thành viên Hội đồng.`,
      absentVoter: html`Đồng chí vắng mặt tại phiên họp này nên không bỏ phiếu điện tử; ý kiến bằng văn bản gửi thư ký Hội đồng.`,
      votedAlready: (no: number) => html`Đồng chí đã bỏ phiếu ở vòng số ${no}; mỗi thành viên bỏ một phiếu.`,
      keyMissing: (no: number) =>
        html`Không mở được hòm phiếu điện tử vòng số ${no}: khóa của vòng không còn trên máy chủ (máy chủ đã đổi?). Hủy vòng bằng <code>/dongphieu ${no} huy lý do</code> và bỏ phiếu lại.`,
      attendanceSame: html`Thành viên đã ở trạng thái đó.`,
    },
    lists: {
      title: (year: number) => html`📋 <b>Danh sách đề nghị khen thưởng năm ${year}</b>`,
      awardLine: (name: string, short: string, n: number, decided: string, vote: string) =>
        html`• ${name} (${short}): <b>${n}</b> — ${decided}; ${vote}`,
      open: (short: string, n: number) => `${short} (${n})`,
      howToChange: html`Bổ sung: <code>/dexuat danh hiệu @người | lý do</code>; đưa ra: <code>/bodexuat danh hiệu @người | lý do</code> (quản trị viên).`,
      fromRegistrations: html`<i>Danh sách lập từ đăng ký thi đua và các thay đổi có lý do; bot không quyết định danh hiệu.</i>`,
      wordButton: 'Danh sách (Word)',
      awardTitle: (name: string, year: number, n: number) =>
        html`📋 <b>${name} năm ${year}</b>: ${n} trường hợp`,
      awardRule: (decided: string, authority: string, vote: string) =>
        html`<i>${decided} (${authority}); ${vote}.</i>`,
      empty: html`Chưa có tên nào.`,
      candidate: (i: number, name: string, dept: string, origin: string) =>
        html`<b>${i}. ${name}</b> — ${dept} (${origin})`,
      approved: (total: number, task: number, initiative: number, deed: number) =>
        total === 0
          ? html`   Chưa có nội dung được duyệt trong năm.`
          : html`   ${total} nội dung được duyệt: ${task} nhiệm vụ, ${initiative} sáng kiến, ${deed} việc tốt`,
      open_: (text: string) => html`   Chưa thấy trong dữ liệu: ${text}`,
      note: (text: string) => html`   Ghi chú: ${text}`,
      nameWho: html`Ghi cá nhân (@tên, họ và tên) hoặc phòng sau danh hiệu.`,
      wrongSubject: (award: string, name: string) => html`${award} không dành cho ${name}.`,
      listedAlready: (name: string, award: string) => html`${name} đã có trong danh sách đề nghị ${award}.`,
      added: (name: string, award: string, year: number, reason: string) =>
        html`✅ Đã bổ sung <b>${name}</b> vào danh sách đề nghị ${award} năm ${year}. Lý do: ${reason}`,
      notListed: (name: string, award: string) => html`${name} không có trong danh sách đề nghị ${award}.`,
      removed: (name: string, award: string, year: number, reason: string) =>
        html`✅ Đã đưa <b>${name}</b> ra khỏi danh sách đề nghị ${award} năm ${year}. Lý do: ${reason}. Đăng ký thi đua (nếu có) vẫn được giữ.`,
    },
    meeting: {
      askWhenWhere: (name: string) =>
        html`Ghi thời gian và địa điểm, ví dụ <code>/mohop 14:00 10/12/2026 | Phòng họp tầng 2 | vắng: ${name} (đi công tác)</code>.`,
      badWhen: (text: string) =>
        html`Không đọc được thời gian “${text}”: ghi như <code>14:00 10/12/2026</code>.`,
      notYet: (at: string) =>
        html`Giờ khai mạc ${at} chưa đến: phiên họp được mở trong bot khi bắt đầu họp (sớm nhất 1 giờ trước giờ khai mạc), để điểm danh và biểu quyết được ghi đúng thời điểm. Chưa ghi nhận gì.`,
      askPlace: html`Ghi địa điểm họp sau dấu |.`,
      unknownMembers: (text: string) => html`Không có trong danh sách Hội đồng: ${text}.`,
      rosterIs: (list: string) => html`Thành viên Hội đồng: ${list}.`,
      opened: (no: number, year: number, when: string, place: string) =>
        html`✅ Đã khai mạc phiên họp Hội đồng Thi đua – Khen thưởng bình xét năm ${year} (phiên số ${no}): ${when}, tại ${place}.`,
      chairSecretary: (chair: string, secretary: string) => html`Chủ trì: ${chair}. Thư ký: ${secretary}.`,
      attendance: (present: number, total: number) => html`Có mặt <b>${present}/${total}</b> thành viên.`,
      absentLine: (name: string, reason?: string) => html`• Vắng: ${name}${reason ? html` (${reason})` : ''}`,
      presentLine: (name: string, role: string) => html`• Có mặt: ${name} — ${role}`,
      noQuorum: (present: number, total: number, needed: number) =>
        html`⚠️ Có mặt ${present}/${total}, chưa đủ ${needed} thành viên theo thiết lập của Hội đồng. Phiên vẫn được ghi nhận; Hội đồng xem xét tính hợp lệ.`,
      lists: (text: string) => html`Danh sách đề nghị: ${text}.`,
      noLists: 'chưa có',
      next: html`Tiếp theo: nêu tiêu chuẩn (/hop tieuchuan), xem từng trường hợp (/hop 1), biểu quyết (/mophieu danh hiệu).`,
      attendanceButton: 'Điểm danh',
      sayWhich: (name: string) =>
        html`Ghi <code>vắng</code> hoặc <code>có mặt</code> sau họ tên, ví dụ <code>/diemdanh ${name} vắng | đi công tác</code>.`,
      markedPresent: (name: string) => html`✅ Đã ghi ${name} có mặt.`,
      markedAbsent: (name: string, reason?: string) =>
        html`✅ Đã ghi ${name} vắng mặt${reason ? html` (${reason})` : ''}.`,
      attendanceTitle: (no: number) => html`🗒 <b>Điểm danh phiên họp số ${no}</b>`,
      markPresentButton: (name: string) => `Có mặt: ${name}`,
      markAbsentButton: (name: string) => `Vắng: ${name}`,
      reasonHint: html`Lý do vắng: <code>/diemdanh họ tên vắng | lý do</code>.`,
      absentWord: 'vắng',
      presentWord: 'có mặt',
      closed: (no: number, year: number) =>
        html`✅ Đã bế mạc phiên họp Hội đồng bình xét năm ${year} (phiên số ${no}).`,
      carried: (award: string, names: string, upward: boolean) =>
        names
          ? html`• ${award}: ${names}${upward ? html` <i>(đề nghị cấp tỉnh)</i>` : ''}`
          : html`• ${award}: không có trường hợp đạt tỷ lệ theo thiết lập`,
      noVotes: html`Phiên họp không có vòng biểu quyết nào được kết thúc.`,
      draftsNext: html`Kết quả đạt tỷ lệ theo thiết lập là căn cứ để Hội đồng kết luận; các văn bản dưới đây là dự thảo để kiểm tra, ký.`,
    },
    walk: {
      standardsButton: 'Tiêu chuẩn',
      startButton: 'Từng trường hợp',
      overviewButton: 'Tình hình phiên họp',
      which: html`Ghi số thứ tự trường hợp, ví dụ <code>/hop 3</code>, hoặc <code>/hop tieuchuan</code>.`,
      openTitle: (no: number, year: number, present: number, total: number) =>
        html`🏛 <b>Phiên họp số ${no} — bình xét năm ${year}</b> (có mặt ${present}/${total})`,
      noMeetingTitle: (year: number) => html`🏛 <b>Bình xét năm ${year}</b> — chưa mở phiên họp (/mohop)`,
      awardState: (name: string, n: number, state: HtmlPart) => html`• ${name}: ${n} trường hợp — ${state}`,
      voting: (no: number, method: string, cast: number, voters: number) =>
        html`đang biểu quyết (vòng ${no}, ${method}${voters ? html`, ${cast}/${voters} đã bỏ phiếu` : ''})`,
      voted: (no: number) => html`đã biểu quyết (vòng ${no})`,
      notVoted: 'chưa biểu quyết',
      voteButton: (short: string) => `Biểu quyết ${short}`,
      closeButton: 'Bế mạc phiên họp',
      standardsTitle: (year: number) => html`📖 <b>Tiêu chuẩn xét khen thưởng năm ${year}</b>`,
      standardsAward: (name: string, decided: string, authority: string) =>
        html`<b>${name}</b> — ${decided} (${authority})`,
      criterion: (text: string, source: string, toVerify: boolean) =>
        html`• ${text} <i>(${source}${toVerify ? '; cần kiểm chứng' : ''})</i>`,
      includes: (title: string) => html`• Đạt tiêu chuẩn danh hiệu “${title}”`,
      noCriteria: html`• <i>Tiêu chuẩn theo quy định của tỉnh, của cơ quan (chưa có trong file danh hiệu).</i>`,
      voteRule: (vote: string, strict: boolean, percent: number, source: string, toVerify: boolean) =>
        html`• Hình thức: ${vote}; tỷ lệ đồng ý ${strict ? 'trên' : 'từ'} ${num(percent)}% tổng số thành viên Hội đồng <i>(${source}${toVerify ? '; cần kiểm chứng' : ''})</i>`,
      noCase: (n: number, total: number) =>
        html`Không có trường hợp số ${n}; danh sách có ${total} trường hợp.`,
      noCases: (year: number) =>
        html`Danh sách đề nghị khen thưởng năm ${year} chưa có trường hợp nào: danh sách lập từ đăng ký thi đua (<code>/dangkythidua</code>) và các bổ sung có lý do (<code>/dexuat</code>, quản trị viên); xem <code>/danhsach</code>.`,
      caseTitle: (n: number, total: number, award: string, index: number, of: number) =>
        html`🔎 <b>Trường hợp ${n}/${total}</b> — ${award} (${index}/${of})`,
      who: (name: string, dept: string) => html`<b>${name}</b> — ${dept}`,
      registered: (title: string) => html`Đăng ký thi đua: ${title}`,
      notRegistered: html`Chưa đăng ký thi đua`,
      rating: (rating: string) => html`Xếp loại năm: ${rating}`,
      noRating: html`Xếp loại năm: chưa ghi nhận (/xeploai)`,
      adhoc: (n: number) => html`   trong đó ${n} nhiệm vụ phát sinh, đột xuất`,
      it: (n: number) => html`   trong đó ${n} mô hình ứng dụng công nghệ thông tin`,
      members: (withApproved: number, total: number) =>
        html`   ${withApproved}/${total} người của phòng có nội dung được duyệt`,
      exceptional: (codes: string) => html`Thành tích đột xuất: ${codes}`,
      noOpen: html`Các tiêu chí bot đo được đều có dữ kiện; Hội đồng xác nhận phần còn lại.`,
      origin: (origin: string) => html`<i>Vào danh sách từ: ${origin}</i>`,
      previous: '◀ Trước',
      next: 'Tiếp ▶',
    },
    vote: {
      opened: (no: number, award: string, method: string) =>
        html`🗳 <b>Vòng biểu quyết số ${no}: ${award}</b> — ${method}`,
      threshold: (strict: boolean, percent: number, rosterSize: number) =>
        html`Tỷ lệ theo thiết lập: đồng ý ${strict ? 'trên' : 'từ'} ${num(percent)}% của ${rosterSize} thành viên Hội đồng.`,
      howHands: (no: number) =>
        html`Thư ký nhập số giơ tay đồng ý/không đồng ý của từng người theo thứ tự: <code>/kiemphieu ${no} 1: 7/1, 2: 8/0</code>.`,
      howPaper: (no: number, voters: number) =>
        html`In phiếu bầu (${voters} thành viên có mặt). Ban kiểm phiếu nhập: <code>/kiemphieu ${no} phat ${voters} thu ${voters} hople ${voters} | 1: 8 | 2: 7</code> (số phiếu đồng ý của từng người).`,
      howElectronic: (voters: number) =>
        html`Bot đã gửi phiếu cho ${voters} thành viên có mặt qua tin nhắn riêng (/bophieu). Mỗi thành viên bỏ một phiếu; hệ thống không lưu ai chọn gì.`,
      ballotPaperButton: 'Phiếu bầu (Word)',
      closeButton: (no: number) => `Kết thúc vòng ${no}`,
      invitation: (no: number, award: string, names: string) =>
        html`🗳 <b>Phiếu bầu điện tử — vòng ${no}: ${award}</b>\nDanh sách: ${names}.\nĐồng chí bỏ phiếu trong tin nhắn riêng này; phiếu được niêm phong, không ai biết đồng chí chọn gì.`,
      voteButton: 'Bỏ phiếu',
      whichRound: html`Ghi số vòng biểu quyết.`,
      badCounts: (n: number) =>
        html`Không đọc được kết quả: cần ${n} số (mỗi người một số, theo thứ tự), ví dụ <code>1: 8, 2: 7</code>; phiếu giấy thêm <code>phat 9 thu 9 hople 8</code>.`,
      counted: (no: number) => html`✅ Đã ghi kết quả vòng ${no} (tạm tính, chưa kết thúc vòng):`,
      closeHint: (no: number) => html`Kiểm tra lại rồi kết thúc vòng: <code>/dongphieu ${no}</code>.`,
      ballots: (issued: number, returned: number, valid: number) =>
        html`Phiếu phát ra ${issued}, thu vào ${returned}, hợp lệ ${valid}.`,
      writtenCount: (n: number) => html`Phiếu bằng văn bản của thành viên vắng mặt: ${n}.`,
      resultLine: (
        i: number,
        name: string,
        agree: number,
        disagree: number,
        writtenAgree: number,
        total: number,
        roster: number,
        share: number,
        meets: boolean,
      ) =>
        html`${i}. ${name}: đồng ý ${agree}${writtenAgree ? html` (+${writtenAgree} bằng văn bản)` : ''}, không đồng ý ${disagree} — <b>${total}/${roster}</b> (${num(share)}%) ${meets ? '✅ đạt tỷ lệ' : '— chưa đạt tỷ lệ'}`,
      thresholdNote: (strict: boolean, percent: number, toVerify: boolean) =>
        html`<i>Tỷ lệ tính trên tổng số thành viên Hội đồng; mức ${strict ? 'trên' : 'từ'} ${num(percent)}% là thiết lập của cơ quan${toVerify ? ', cần kiểm chứng với quy định của tỉnh' : ''}.</i>`,
      badChoices: (n: number) =>
        html`Ghi ${n} lựa chọn theo thứ tự danh sách: d (đồng ý) hoặc k (không đồng ý), ví dụ <code>dkd</code>.`,
      writtenRecorded: (name: string, no: number) =>
        html`✅ Đã ghi phiếu bằng văn bản của ${name} ở vòng ${no}.`,
      voided: (no: number, reason: string) => html`✅ Đã hủy vòng biểu quyết số ${no}. Lý do: ${reason}`,
      closed: (no: number, award: string, method: string) =>
        html`🗳 <b>Kết quả vòng ${no}: ${award}</b> (${method})`,
      electronicCounted: (cast: number, voters: number) =>
        html`${cast}/${voters} thành viên có mặt đã bỏ phiếu; hòm phiếu đã mở và khóa của vòng đã hủy.`,
      councilConcludes: html`Kết quả là căn cứ để Hội đồng thảo luận, kết luận; bot không quyết định danh hiệu.`,
    },
    ballot: {
      notInGroup: html`Bỏ phiếu kín trong tin nhắn riêng với bot, không trong nhóm chung.`,
      notInGroupTyped: html`⚠️ Phiếu không được ghi: bỏ phiếu kín chỉ trong tin nhắn riêng với bot. Lựa chọn gửi trong nhóm chung không còn bí mật.`,
      notOnRoster: html`Đồng chí không có trong danh sách thành viên Hội đồng (file Hội đồng) nên không bỏ phiếu.`,
      badChoices: html`Lựa chọn ghi bằng d (đồng ý) hoặc k (không đồng ý), theo thứ tự danh sách.`,
      cast: (no: number) =>
        html`✅ Phiếu của đồng chí ở vòng ${no} đã được niêm phong và bỏ vào hòm phiếu điện tử. Hệ thống ghi nhận đồng chí đã bỏ phiếu, không lưu đồng chí chọn gì.`,
      nothingOpen: html`Không có phiếu nào chờ đồng chí bỏ.`,
      several: (n: number) => html`Có ${n} vòng đang chờ đồng chí bỏ phiếu:`,
      roundButton: (no: number, award: string) => `Vòng ${no}: ${award}`,
      chosenLine: (i: number, name: string, agree: boolean) =>
        html`${i}. ${name}: ${agree ? '✅ đồng ý' : '✖ không đồng ý'}`,
      agree: '✅ Đồng ý',
      disagree: '✖ Không đồng ý',
      restart: 'Làm lại',
      title: (no: number, award: string) => html`🗳 <b>Phiếu bầu — vòng ${no}: ${award}</b>`,
      ask: (i: number, n: number, name: string) => html`Người thứ ${i}/${n}: <b>${name}</b>`,
      privacy: html`<i>Phiếu chỉ được ghi khi đồng chí gửi; hệ thống không lưu ai chọn gì.</i>`,
      check: html`Kiểm tra phiếu rồi bấm Gửi phiếu.`,
      send: 'Gửi phiếu',
    },
    drafts: {
      sent: (name: string) => html`📄 ${name}`,
      note: html`<i>Dự thảo để kiểm tra, bổ sung chỗ đánh dấu [Cần bổ sung], trình ký; bot không quyết định khen thưởng.</i>`,
      kinds: {
        bienban: 'Biên bản họp Hội đồng',
        kiemphieu: 'Biên bản kiểm phiếu',
        phieubau: 'Phiếu bầu',
        totrinh: 'Tờ trình Trưởng Ban',
        totrinhtinh: 'Tờ trình UBND tỉnh',
        quyetdinh: 'Dự thảo quyết định',
        giaykhen: 'Giấy khen',
        danhsach: 'Danh sách đề nghị',
      },
      unknown: (text: string) => html`Không rõ loại văn bản “${text}”.`,
      kindsList: html`Loại: <code>bienban</code>, <code>kiemphieu</code>, <code>phieubau số_vòng</code>, <code>totrinh</code>, <code>totrinhtinh</code>, <code>quyetdinh</code>, <code>giaykhen</code>, <code>danhsach</code>.`,
      noPaperRound: html`Không có vòng bỏ phiếu giấy nào đang mở; ghi số vòng: <code>/duthao phieubau 3</code>.`,
      noMeeting: (year: number) => html`Chưa có phiên họp Hội đồng bình xét năm ${year}.`,
      meetingNotClosed: (no: number) =>
        html`Phiên họp số ${no} chưa bế mạc: tờ trình, quyết định, giấy khen lập theo kết quả sau khi bế mạc (/donghop).`,
      noSecretRound: html`Phiên họp chưa có vòng bỏ phiếu kín nào kết thúc.`,
      sentPrivately: html`Văn bản được gửi riêng cho đồng chí.`,
      menu: html`📄 <b>Dự thảo văn bản bình xét cuối năm</b>`,
      recordHint: html`Khi quyết định đã ký, quản trị viên ghi nhận lên hệ thống (điền số, ngày):`,
      template: (line: string) => html`<code>${line}</code>`,
      numberWord: 'SỐ',
      dayWord: 'NGÀY',
      signerWord: 'NGƯỜI KÝ',
    },
    exceptional: {
      unknownEntry: (code: string) => html`Không có nội dung mã “${code}”.`,
      notMarked: (code: string) => html`Nội dung ${code} chưa được đề xuất khen thưởng đột xuất.`,
      unmarked: (code: string, reason: string) =>
        html`✅ Đã bỏ đề xuất khen thưởng đột xuất nội dung ${code}. Lý do: ${reason}`,
      notCounted: (code: string) => html`Nội dung ${code} đã rút hoặc không được duyệt.`,
      markedAlready: (code: string) => html`Nội dung ${code} đã được đề xuất khen thưởng đột xuất.`,
      draftsName: 'Tờ trình khen thưởng đột xuất và báo cáo tóm tắt thành tích',
      marked: (code: string, name: string, reason: string, award: string) =>
        html`✅ Đã ghi đề xuất khen thưởng đột xuất nội dung ${code} của ${name}. Lý do: ${reason}.${award ? html` Đã đưa vào danh sách đề nghị ${award}.` : ''} Dự thảo tờ trình và báo cáo tóm tắt thành tích sẽ được gửi.`,
      title: html`⭐ <b>Đề xuất khen thưởng đột xuất</b>`,
      none: html`Chưa có nội dung nào.`,
      line: (code: string, name: string, reason: string, day: string) =>
        html`• ${code} — ${name} (${day}): ${reason}`,
    },
    drives: {
      title: html`🎯 <b>Các đợt thi đua chuyên đề của kế hoạch</b>`,
      line: (title: string, tag: string, id: string, date: string) =>
        html`• ${title} — thẻ <code>#${tag}</code>, kết thúc ${date} (<code>/chuyende ${id}</code>)`,
      none: html`Kế hoạch chưa có đợt thi đua chuyên đề (mốc có <code>drive</code>).`,
      unknown: (text: string) => html`Không rõ đợt thi đua “${text}”.`,
      are: (list: string) => html`Các đợt: ${list}.`,
      draftName: (title: string) => `Danh sách khen thưởng chuyên đề: ${title}`,
      tagged: (codes: string, title: string, reason: string) =>
        html`✅ Đã gắn ${codes} với đợt ${title}. Lý do: ${reason}`,
      listTitle: (title: string, tag: string, n: number, people: number) =>
        html`🎯 <b>${title}</b> (#${tag}): ${n} nội dung của ${people} người`,
      person: (name: string, codes: string) => html`• ${name}: ${codes}`,
      empty: (tag: string) => html`Chưa có nội dung nào gắn thẻ #${tag} hoặc được Hội đồng gắn với đợt.`,
      fileButton: 'Danh sách (Word)',
    },
  },

  /** The desk (web/): the web page for the Office and the Council, inside Telegram or from a one-time link. */
  desk: {
    title: 'Bàn làm việc thi đua',
    lang: 'vi',
    skip: 'Bỏ qua, đến nội dung chính',
    nav: {
      home: 'Trang chính',
      queue: 'Chờ duyệt',
      figures: 'Số liệu',
      titles: 'Danh hiệu',
      meeting: 'Phiên họp',
      me: 'Của tôi',
      signOut: 'Thoát',
      otherLanguage: 'English',
    },
    signin: {
      checking: 'Đang xác thực với Telegram…',
      outside:
        'Đồng chí mở bàn làm việc bằng nút “Bàn làm việc” trong cuộc trò chuyện riêng với bot trên Telegram, hoặc gửi lệnh /banlamviec cho bot để nhận đường dẫn dùng một lần.',
      linkTitle: 'Mở bàn làm việc',
      linkIntro: 'Đường dẫn này chỉ dùng được một lần, trong thời gian ngắn.',
      linkButton: 'Mở bàn làm việc',
    },
    refusals: {
      forged:
        'Không xác thực được dữ liệu Telegram gửi kèm. Đồng chí mở lại bàn làm việc từ nút trong cuộc trò chuyện với bot.',
      expired:
        'Dữ liệu mở bàn làm việc từ Telegram đã quá hạn. Đồng chí đóng và mở lại bàn làm việc từ nút trong cuộc trò chuyện với bot.',
      stranger:
        'Tài khoản này chưa đăng ký với bot thi đua của cơ quan, nên bàn làm việc không có nội dung dành cho tài khoản này. Đồng chí đăng ký bằng lệnh /dangky trong nhóm chung của cơ quan.',
      linkUsed:
        'Đường dẫn này đã được dùng hoặc đã hết hạn. Đồng chí gửi lại lệnh /banlamviec cho bot để nhận đường dẫn mới.',
      signedOut: 'Phiên làm việc đã kết thúc hoặc đã hết hạn. Đồng chí mở lại bàn làm việc.',
      forbidden: 'Trang này dành cho thành viên Hội đồng Thi đua – Khen thưởng và quản trị viên.',
      adminOnly: 'Trang này dành cho quản trị viên (Văn phòng).',
      membersOnly: 'Trang này dành cho thành viên đã đăng ký với bot.',
      entry: 'Đồng chí không có quyền xem mục này.',
      staleForm: 'Biểu mẫu đã cũ hoặc không gửi từ bàn làm việc. Đồng chí tải lại trang rồi thao tác lại.',
      tooMany: 'Có quá nhiều yêu cầu trong thời gian ngắn. Đồng chí chờ ít phút rồi thử lại.',
      tooLarge: 'Dữ liệu gửi lên quá lớn.',
      notFound: 'Không có trang này.',
      badInput: (what: string) => `Dữ liệu không hợp lệ: ${what}.`,
      internal: 'Có lỗi khi xử lý yêu cầu. Đồng chí thử lại; nếu vẫn lỗi, báo quản trị viên.',
      photoGone: 'Không lấy được ảnh này (tệp đã bị xóa hoặc nền tảng không trả về).',
      refusedTitle: 'Không mở được',
      again: 'Mở lại',
    },
    home: {
      ballots: (n: number) => `${n} phiếu bầu kín đang chờ đồng chí`,
      greeting: (name: string) => `Kính chào đồng chí ${name}`,
      roles: {
        admin: 'Quản trị viên',
        council: 'Thành viên Hội đồng Thi đua – Khen thưởng',
        member: 'Thành viên',
      },
      pending: (n: number) => `${n} mục đang chờ Hội đồng duyệt`,
      mineWeek: (points: string, rank: string) => `Tuần này: ${points}; ${rank}`,
      unranked: 'chưa có điểm',
      rank: (rank: number, of: number) => `xếp thứ ${rank}/${of}`,
      open: 'Mở',
    },
    queue: {
      title: 'Mục chờ Hội đồng duyệt',
      count: (n: number, all: number) =>
        n === all
          ? `${n} mục chờ duyệt, mục ghi sớm nhất trước.`
          : `${n}/${all} mục chờ duyệt theo bộ lọc, mục ghi sớm nhất trước.`,
      none: 'Không có mục nào chờ duyệt theo bộ lọc này.',
      filters: 'Lọc',
      department: 'Phòng',
      kind: 'Loại',
      from: 'Từ ngày',
      to: 'Đến ngày',
      all: 'Tất cả',
      apply: 'Lọc',
      clear: 'Bỏ lọc',
      select: (code: string) => `Chọn mục ${code}`,
      selectAll: 'Chọn tất cả mục trên trang',
      approve: 'Duyệt',
      reject: 'Không duyệt',
      reason: 'Lý do không duyệt',
      reasonHint: 'Bắt buộc khi không duyệt; chọn hoặc ghi lý do.',
      bulk: 'Các mục đã chọn',
      bulkApprove: 'Duyệt các mục đã chọn',
      bulkReject: 'Không duyệt các mục đã chọn',
      by: (name: string, dept: string) => `${name} (${dept})`,
      reportedBy: (name: string) => `Người báo: ${name}`,
      photos: (n: number) => (n > 1 ? `${n} ảnh minh chứng` : '1 ảnh minh chứng'),
      photo: (code: string, n: number) => `Ảnh minh chứng ${n} của mục ${code} (mở cỡ đầy đủ)`,
      own: 'Mục của đồng chí: thành viên Hội đồng khác sẽ xét.',
      history: 'Lịch sử',
      results: 'Kết quả',
      noneSelected: 'Đồng chí chưa chọn mục nào.',
      needReason: (code: string) => `Mục ${code}: cần ghi lý do không duyệt.`,
      badDate: 'Ngày viết theo dạng năm-tháng-ngày.',
    },
    entry: {
      title: (code: string) => `Mục ${code}`,
      photos: 'Ảnh minh chứng',
      history: 'Lịch sử',
      back: 'Về danh sách chờ duyệt',
    },
    figures: {
      title: 'Số liệu thi đua',
      period: 'Kỳ',
      periodHint: 'Ví dụ: tuần, tuần trước, tháng 11, quý IV, 6 tháng đầu năm, năm 2026.',
      show: 'Xem',
      presets: {
        week: 'Tuần này',
        lastWeek: 'Tuần trước',
        month: 'Tháng này',
        quarter: 'Quý này',
        year: 'Năm nay',
      },
      members: 'Cá nhân',
      allMembers: (n: number) => `Cá nhân có điểm (${n} người)`,
      departments: 'Các phòng (theo điểm bình quân mỗi người)',
      rank: 'Hạng',
      name: 'Họ và tên',
      department: 'Phòng',
      points: 'Điểm',
      entries: 'Số mục',
      perMember: 'Điểm/người',
      memberCount: 'Số người',
      plan: (title: string, day?: string) => `Kế hoạch: ${title}${day ? ` (tính đến ngày ${day})` : ''}`,
      target: 'Chỉ tiêu',
      progress: 'Tiến độ',
      states: { done: 'Đạt', pending: 'Đạt nếu các mục chờ duyệt được duyệt', open: 'Chưa đạt' },
      chart: 'Biểu đồ (như ảnh bot đăng trong nhóm)',
      files: 'Tệp báo cáo',
      workbook: 'Bảng tổng hợp (Excel)',
      reportDoc: 'Dự thảo báo cáo (Word)',
      reviewSheet: (year: number) => `Bảng bình xét năm ${year} (Excel)`,
      summary: 'Tổng hợp của kỳ',
      kindLine: (kind: string, count: number, points: string) => `${kind}: ${count} mục, ${points}`,
      participation: (done: number, all: number, pct: string) => `Tham gia: ${done}/${all} người (${pct})`,
      review: (approved: number, rejected: number, pending: number) =>
        `Xét duyệt từng mục: ${approved} đã duyệt, ${rejected} không duyệt, ${pending} chờ duyệt`,
      noPoints: 'Chưa có ai được tính điểm trong kỳ này.',
      fileNote: 'Tệp được lập từ dữ liệu lúc bấm tải; năm có nhiều mục cần vài giây.',
    },
    meeting: {
      noCouncil:
        'Chưa cấu hình Hội đồng Thi đua – Khen thưởng (COUNCIL_FILE), nên chưa có phiên họp trên bàn làm việc.',
      above: 'trên',
      atLeast: 'từ',
      approvedCount: (all: number, tasks: number, initiatives: number, deeds: number) =>
        all ? `${all} (nhiệm vụ ${tasks}, sáng kiến ${initiatives}, việc tốt ${deeds})` : 'chưa có',
      title: (year: number) => `Phiên họp Hội đồng bình xét năm ${year}`,
      session: (no: number, when: string, place: string) => `Phiên số ${no}: ${when}, tại ${place}`,
      open: 'đang họp',
      closed: 'đã bế mạc',
      attendance: (present: number, total: number) => `Có mặt ${present}/${total} thành viên.`,
      absent: 'Vắng',
      conclusion: 'Kết luận',
      none: (year: number) =>
        `Chưa có phiên họp Hội đồng bình xét năm ${year}. Thư ký mở phiên bằng lệnh /mohop; danh sách đề nghị dưới đây lập từ đăng ký thi đua và các thay đổi có lý do.`,
      noLists: 'Chưa có danh sách đề nghị nào.',
      yourBallot: 'Phiếu bầu của đồng chí',
      voteIn: (no: number, award: string) => `Bỏ phiếu kín — vòng ${no}: ${award}`,
      threshold: (text: string) => `tỷ lệ đồng ý ${text}`,
      toVerify: 'cần kiểm chứng',
      voting: 'đang biểu quyết',
      cast: (done: number, of: number) => `${done}/${of} thành viên có mặt đã bỏ phiếu`,
      void: 'đã hủy',
      closedRound: 'đã kết thúc',
      round: (no: number, method: string) => `Vòng ${no} (${method})`,
      ballots: (issued: number, returned: number, valid: number) =>
        `Phiếu phát ra ${issued}, thu vào ${returned}, hợp lệ ${valid}.`,
      written: (n: number) => `Ý kiến bằng văn bản của thành viên vắng mặt: ${n}.`,
      resultsOf: (no: number) => `Kết quả vòng ${no}`,
      name: 'Họ và tên',
      agree: 'Đồng ý',
      disagree: 'Không đồng ý',
      inWriting: 'bằng văn bản',
      ofAll: 'Tổng số đồng ý',
      share: 'Tỷ lệ trên tổng số thành viên',
      reached: 'Theo thiết lập',
      meets: 'đạt tỷ lệ',
      below: 'chưa đạt tỷ lệ',
      note: 'Số liệu và kết quả biểu quyết là căn cứ để Hội đồng thảo luận, kết luận; bot không quyết định danh hiệu. Không trang nào cho biết thành viên nào chọn gì.',
      criteriaOf: (title: string) => `Tiêu chí ${title}`,
      previous: 'Trường hợp trước',
      next: 'Trường hợp sau',
      back: 'Toàn bộ danh sách',
      cases: 'Các trường hợp',
      caseOf: (n: number, of: number) => `Trường hợp ${n}/${of}`,
      department: 'Phòng',
      registered: 'Đăng ký thi đua',
      notRegistered: 'chưa đăng ký',
      rating: 'Xếp loại năm',
      noRating: 'chưa ghi nhận',
      approved: 'Nội dung được duyệt trong năm',
      origin: 'Vào danh sách từ',
      noCase: (n: number) => `Không có trường hợp số ${n} trong danh sách.`,
      ballotTitle: (no: number, award: string) => `Phiếu bầu — vòng ${no}: ${award}`,
      ballotPrivacy:
        'Phiếu kín: đồng chí chọn Đồng ý hoặc Không đồng ý cho từng người, rồi bấm Gửi phiếu. Mỗi thành viên bỏ một phiếu; hệ thống chỉ lưu việc đồng chí đã bỏ phiếu, không lưu đồng chí chọn gì.',
      ballotCheck: 'Kiểm tra phiếu trước khi gửi: phiếu đã gửi không sửa được.',
      send: 'Gửi phiếu',
      received: (no: number) =>
        `Phiếu của đồng chí ở vòng ${no} đã được niêm phong và ghi nhận. Hệ thống không lưu đồng chí chọn gì.`,
      incomplete: 'Đồng chí chọn Đồng ý hoặc Không đồng ý cho từng người trong phiếu.',
      notOnRoster: 'Tài khoản này không có trong danh sách thành viên Hội đồng nên không bỏ phiếu.',
    },
    titles: {
      title: (year: number) => `Danh hiệu thi đua năm ${year}`,
      none: 'Chưa cấu hình danh hiệu cho năm của kế hoạch.',
      members: 'Cá nhân',
      departments: 'Tập thể (phòng)',
      registered: 'Đăng ký',
      notRegistered: 'Chưa đăng ký',
      firstOfKind: (title: string) => `chưa đăng ký; tiêu chí của ${title} để tham khảo`,
      criterion: 'Tiêu chí',
      fact: 'Số liệu bot ghi nhận',
      entries: 'Các mục',
      council: 'Hội đồng xem xét',
      measured: 'Bot đo được',
      unverified: 'Cần kiểm chứng — chưa dùng như quy định',
      counts: (done: number, all: number) => `${done}/${all} đã đăng ký`,
      note: 'Bot chuẩn bị số liệu; Hội đồng xem xét, Thủ trưởng quyết định danh hiệu.',
      more: (n: number) => `và ${n} mục khác`,
    },
    me: {
      title: (name: string) => `Ghi nhận của đồng chí ${name}`,
      entries: 'Các mục ghi nhận',
      none: 'Chưa có mục nào trong kỳ này.',
      code: 'Mã',
      day: 'Ngày',
      kind: 'Loại',
      text: 'Nội dung',
      state: 'Trạng thái',
      total: (points: string, count: number) => `Tổng: ${points} từ ${count} mục được tính`,
      rank: (rank: number, of: number) => `Xếp hạng: ${rank}/${of} người có điểm trong kỳ`,
      unranked: 'Xếp hạng: chưa có điểm trong kỳ',
      reason: (reason: string) => `Lý do: ${reason}`,
      reportedBy: (name: string) => `do ${name} báo`,
      registration: (year: number) => `Đăng ký danh hiệu năm ${year}`,
      registeredAs: (title: string) => `Đã đăng ký: ${title}`,
      notRegistered: 'Chưa đăng ký danh hiệu (lệnh /dangkythidua).',
      draft: (year: number) => `Dự thảo báo cáo thành tích năm ${year} (Word)`,
    },
    pager: {
      label: 'Chuyển trang',
      previous: 'Trang trước',
      next: 'Trang sau',
      page: (n: number, of: number) => `Trang ${n}/${of}`,
    },
    link: {
      sent: (url: string, minutes: number) =>
        html`Đường dẫn mở bàn làm việc của đồng chí (dùng một lần, trong ${minutes} phút):\n${url}\nĐồng chí không chuyển đường dẫn này cho người khác.`,
      inPrivate: html`Đường dẫn mở bàn làm việc đã được gửi riêng cho đồng chí.`,
      notServed: html`Bàn làm việc trên web chưa được bật (chưa cấu hình WEB_PUBLIC_URL và WEB_PORT).`,
      printed: (url: string) => `Bàn làm việc (trình duyệt, trên máy này): ${url}`,
    },
    menuButton: 'Bàn làm việc',
  },
};

export type Messages = typeof vi;
