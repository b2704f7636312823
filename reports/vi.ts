import type { ActorShown } from '../core/identity.js';
import type { EntriesMeasure } from '../core/titles.js';
import { vi } from '../locales/vi.js';

const KIND_NOUNS = { deed: 'việc tốt', task: 'nhiệm vụ hoàn thành', initiative: 'sáng kiến, mô hình mới' };

/**
 * The words of the report files. Deliberately Vietnamese only, whatever the reader's locale: the
 * workbook, the review sheet and the Word report are documents of a Vietnamese Party body, filed and
 * printed as such (the chat's words — kinds, statuses, stages — come from locales/vi.ts).
 */
/** `12 nhiệm vụ hoàn thành (15 điểm), trong đó 3 nhiệm vụ phát sinh, đột xuất`; '' for none. */
function kindPart(kind: 'deed' | 'task' | 'initiative', count: number, points?: number, of?: number): string {
  if (count === 0) return '';
  const noun = {
    deed: 'việc tốt',
    task: 'nhiệm vụ hoàn thành',
    initiative: 'sáng kiến, mô hình mới, cách làm sáng tạo',
  }[kind];
  const within = {
    deed: '',
    task: 'nhiệm vụ phát sinh, đột xuất',
    initiative: 'mô hình ứng dụng công nghệ thông tin',
  }[kind];
  return (
    `${count} ${noun}` +
    (points !== undefined ? ` (${points} điểm)` : '') +
    (of ? `, trong đó ${of} ${within}` : '')
  );
}

/** What was counted, as a clerk writes it: only the kinds there are, or that there was none. */
function counted(subject: string, when: string, count: number, points: number, parts: string[]): string {
  if (count === 0)
    return `${when}, ${subject} chưa có nội dung nào được ghi nhận trong phong trào thi đua của cơ quan.`;
  const list = parts.filter(Boolean);
  return (
    `${when}, ${subject} có ${count} nội dung được ghi nhận trong phong trào thi đua của cơ quan, ` +
    `được tính ${points} điểm${list.length ? `, gồm: ${list.join('; ')}` : ''}.`
  );
}

/** `từ 01/10/2026 đến 31/12/2026`, and for a period not over yet `, số liệu tính đến ngày 06/12/2026`. */
function periodWords(first: string, last: string, asOf?: string): string {
  return `từ ${first} đến ${last}${asOf ? `, số liệu tính đến ngày ${asOf}` : ''}`;
}

/** A text with its first letter in capital, as a sentence or a cell starts. */
export const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const doc = {
  /** Who made a change (a cell of its own, so a sentence's capital): a name, else the account a clerk can trace (an admin or Council member without a profile). */
  actor: (who: ActorShown): string =>
    'name' in who
      ? who.name
      : 'account' in who
        ? capitalise(vi.history.account(vi.platformName[who.account.platform], who.account.id))
        : who.raw,

  periodWords,
  creator: 'thidua-bot',
  kindPart,
  counted,
  participation: (participants: number, members: number, pct: string) =>
    participants === 0
      ? 'Chưa có cán bộ, công chức, người lao động nào có nội dung được ghi nhận.'
      : `Có ${participants}/${members} cán bộ, công chức, người lao động có ít nhất một nội dung được ghi nhận (đạt ${pct}).`,
  /**
   * The review of entries in the period, naming who did it: each entry is decided by one member of the
   * Council or one admin (not by the Council's meeting); a withdrawal by the one who logged it or by an
   * admin.
   */
  reviewWork: (
    when: string,
    approved: number,
    rejected: number,
    pending: number,
    byReporter: number,
    byAdmin: number,
  ) => {
    const done = [
      approved ? `duyệt ${approved} nội dung` : '',
      rejected ? `không duyệt ${rejected} nội dung` : '',
    ].filter(Boolean);
    const rest = [
      pending ? `${pending} nội dung đang chờ duyệt` : '',
      byReporter ? `${byReporter} nội dung do người ghi rút lại` : '',
      byAdmin ? `${byAdmin} nội dung do quản trị viên rút lại` : '',
    ].filter(Boolean);
    const first = done.length
      ? `${when}, thành viên Hội đồng Thi đua – Khen thưởng và quản trị viên đã xét từng nội dung ghi nhận: ${done.join(', ')}`
      : `${when}, chưa có nội dung ghi nhận nào được xét duyệt`;
    return `${first}${rest.length ? `; ${rest.join('; ')}` : ''}. Đây là việc xét từng nội dung, không phải kết quả bình xét của phiên họp Hội đồng.`;
  },
  /** How entries count, as a clause after "Cách tính điểm:". */
  modes: {
    after: 'nội dung được tính điểm ngay khi ghi nhận; nội dung không được duyệt thì không còn được tính',
    before: 'nội dung chỉ được tính điểm sau khi được duyệt',
  },
  /** The rule that picks "cá nhân tiêu biểu", stated in the report. */
  outstandingRule: (rule: { rule: 'top'; count: number } | { rule: 'share'; percent: number }) =>
    `Cá nhân tiêu biểu được chọn theo quy tắc do Văn phòng thiết lập: trong số cá nhân có nội dung được duyệt trong kỳ, ` +
    (rule.rule === 'top'
      ? `${String(rule.count).padStart(2, '0')} người có tổng điểm cao nhất`
      : `${rule.percent}% số người có tổng điểm cao nhất (làm tròn xuống, ít nhất 01 người)`) +
    '; người bằng điểm với người cuối cùng được chọn cũng được nêu.',
  /** A target's title in the report, marked when it is not the plan's own. */
  planTargetTitle: (title: string, source: 'plan' | 'agency' | 'bot') =>
    source === 'plan'
      ? `${title} (chỉ tiêu của Kế hoạch)`
      : `${title} (${source === 'agency' ? 'mức tham chiếu của Văn phòng' : 'mức mặc định của phần mềm'}, không phải chỉ tiêu của Kế hoạch)`,
  planStates: {
    done: 'đạt',
    pending: 'đạt nếu các nội dung chờ duyệt được duyệt',
    open: 'chưa đạt',
  },
  yes: 'x',
  /** Each sheet's title, printed in capitals above its table. */
  sheetTitles: {
    summary: 'Tổng hợp kết quả thi đua',
    departments: 'Kết quả thi đua theo phòng',
    members: 'Kết quả thi đua theo cá nhân',
    entries: 'Các nội dung thi đua đã ghi nhận',
    models: 'Điển hình tiên tiến',
    reviewMembers: 'Bảng tổng hợp bình xét thi đua — cá nhân',
    reviewDepartments: 'Bảng tổng hợp bình xét thi đua — tập thể',
    criteriaMembers: 'Đối chiếu kết quả với tiêu chuẩn danh hiệu — cá nhân',
    criteriaDepartments: 'Đối chiếu kết quả với tiêu chuẩn danh hiệu — tập thể',
    standards: 'Tiêu chuẩn các danh hiệu thi đua dùng để đối chiếu',
    basis: 'Căn cứ và các thiết lập dùng để đối chiếu',
  },
  /**
   * The line under a sheet's title: `Năm 2026 (từ 01/01/2026 đến 31/12/2026) — Phòng Cán bộ`; a period
   * not over yet says up to when it is counted: `Năm 2026 (từ 01/01/2026 đến 31/12/2026, số liệu tính
   * đến ngày 06/12/2026)`.
   */
  sheetPeriod: (label: string, first: string, last: string, department?: string, asOf?: string) =>
    `${capitalise(label)} (${periodWords(first, last, asOf)})${department ? ` — ${department}` : ''}`,
  total: 'Tổng cộng',
  /** The entries sheet's totals: how many entries, and that the points summed are those that count. */
  /** An entry's kind in the entries sheet, with its marks: `Nhiệm vụ hoàn thành (đột xuất)`. */
  entryKind: (kind: string, adhoc: boolean, it: boolean) => {
    const marks = [adhoc ? 'đột xuất' : '', it ? 'ứng dụng CNTT' : ''].filter(Boolean);
    return marks.length ? `${kind} (${marks.join(', ')})` : kind;
  },
  /** The entries sheet's notes: who reported it when not the member credited, its photos. */
  entryNotes: (reporter: string | undefined, photos: number) =>
    [reporter ? `Người báo: ${reporter}` : '', photos ? `${photos} ảnh minh chứng` : '']
      .filter(Boolean)
      .join('; '),
  entriesTotal: (count: number) => `${count} nội dung; cột Điểm cộng các nội dung được tính`,
  sheets: {
    summary: 'Tổng hợp',
    departments: 'Theo phòng',
    members: 'Theo cá nhân',
    entries: 'Các mục',
    models: 'Điển hình',
    reviewMembers: 'Cá nhân',
    reviewDepartments: 'Tập thể',
    criteriaMembers: 'Tiêu chí cá nhân',
    criteriaDepartments: 'Tiêu chí tập thể',
    standards: 'Tiêu chuẩn',
    basis: 'Căn cứ, thiết lập',
  },
  summary: {
    label: 'Chỉ tiêu',
    value: 'Giá trị',
    agency: 'Cơ quan',
    period: 'Kỳ',
    from: 'Từ ngày',
    to: 'Đến ngày',
    department: 'Phòng',
    mode: 'Cách tính',
    kindCount: (kind: string) => `${kind} — số mục`,
    kindPoints: (kind: string) => `${kind} — điểm`,
    totalCount: 'Tổng số mục được tính',
    totalPoints: 'Tổng điểm',
    adhoc: 'Nhiệm vụ phát sinh, đột xuất',
    it: 'Mô hình ứng dụng CNTT',
    participants: 'Số người tham gia',
    members: 'Tổng số người',
    approved: 'Mục đã duyệt',
    rejected: 'Mục không duyệt',
    pending: 'Mục chờ duyệt',
    withdrawn: 'Mục đã rút',
    models: 'Điển hình tiên tiến',
  },
  columns: {
    rank: 'Hạng',
    name: 'Họ và tên',
    department: 'Phòng',
    members: 'Số người',
    participants: 'Người tham gia',
    rate: 'Tỷ lệ tham gia',
    entries: 'Số mục',
    countedEntries: 'Số mục được tính',
    points: 'Điểm',
    perMember: 'Điểm bình quân/người',
    deed: 'Việc tốt',
    task: 'Nhiệm vụ hoàn thành',
    adhoc: 'Trong đó đột xuất',
    initiative: 'Sáng kiến',
    it: 'Trong đó CNTT',
    itModels: 'Mô hình CNTT',
    approved: 'Đã duyệt',
    rejected: 'Không duyệt',
    pending: 'Chờ duyệt',
    memberModels: 'Điển hình (giai đoạn)',
    departmentModels: 'Điển hình tập thể (giai đoạn)',
    council: 'Hội đồng bình xét',
    code: 'Mã',
    at: 'Thời gian',
    kind: 'Loại',
    text: 'Nội dung',
    credited: 'Người được ghi nhận',
    reporter: 'Người báo',
    state: 'Trạng thái',
    counted: 'Được tính điểm',
    reviewer: 'Người duyệt',
    reason: 'Lý do không duyệt',
    photo: 'Ảnh minh chứng',
    notes: 'Ghi chú',
    no: 'Số',
    modelKind: 'Loại',
    subject: 'Điển hình',
    proposal: 'Lý do đề xuất',
    stage: 'Giai đoạn cuối kỳ',
    stageDate: (stage: string) => `Ngày ${stage.toLowerCase()}`,
    registeredTitle: 'Danh hiệu đăng ký',
    openPoints: 'Điểm cần Hội đồng xác nhận',
    assessedTitle: 'Đối chiếu tiêu chuẩn',
    titleOf: 'Thuộc danh hiệu',
    title: 'Danh hiệu',
    criterion: 'Tiêu chí',
    criterionText: 'Nội dung tiêu chí',
    source: 'Căn cứ',
    ruleKind: 'Loại quy định',
    basisCheck: 'Tình trạng căn cứ',
    how: 'Cách xác định',
    fact: 'Dữ kiện từ dữ liệu của bot',
    codes: 'Mã mục',
    open: 'Hội đồng xác nhận',
    item: 'Mục',
    content: 'Nội dung',
    value: 'Giá trị',
  },
  modelKinds: { entry: 'Việc làm, sáng kiến', member: 'Cá nhân', department: 'Tập thể' },
  modelLine: (no: number, stage: string) => `số ${no}: ${stage}`,

  /**
   * The achievement report drafts (báo cáo thành tích), for a member and for a department, in the
   * layout of the State's forms (docs/titles-and-criteria.md): a reader outside the agency reads what
   * was done, with dates, by kind — no points, entry codes or tags in the body; codes only in the annex.
   */
  achievement: {
    heading: 'BÁO CÁO THÀNH TÍCH',
    /** The line under the heading: `ĐỀ NGHỊ TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ” NĂM 2026`. */
    proposal: (title: string | undefined, year: number) =>
      title
        ? `ĐỀ NGHỊ TẶNG DANH HIỆU “${title.toLocaleUpperCase('vi')}” NĂM ${year}`
        : `ĐỀ NGHỊ TẶNG DANH HIỆU THI ĐUA NĂM ${year}`,
    titleToWrite: 'danh hiệu thi đua đề nghị',
    blank: '[Cần bổ sung]',
    sections: {
      details: 'I. SƠ LƯỢC LÝ LỊCH',
      situation: 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH',
      achievements: 'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      duties: '1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận',
      results: '2. Thành tích đạt được của cá nhân',
      situationFacts: '1. Đặc điểm, tình hình',
      functions: '2. Chức năng, nhiệm vụ',
      departmentResults: '1. Kết quả thực hiện nhiệm vụ được giao và phong trào thi đua',
      measures:
        '2. Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào thi đua đã được áp dụng trong thực tiễn công tác',
      party:
        '3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; công tác xây dựng Đảng, đoàn thể',
      awards: 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
      titlesTable: '1. Danh hiệu thi đua',
      formsTable: '2. Hình thức khen thưởng',
    },
    fields: {
      name: 'Họ và tên',
      birth: 'Sinh ngày, tháng, năm',
      gender: 'Giới tính',
      hometown: 'Quê quán',
      residence: 'Trú quán',
      unit: 'Đơn vị công tác',
      position: 'Chức vụ (Đảng, chính quyền, đoàn thể)',
      profession: 'Trình độ chuyên môn, nghiệp vụ',
      politics: 'Trình độ lý luận chính trị',
      degrees: 'Học hàm, học vị, danh hiệu, giải thưởng',
      department: 'Tên tập thể',
      headcount: 'Tổng số cán bộ, công chức, người lao động',
      parent: 'Cơ quan quản lý trực tiếp',
    },
    headcount: (n: number) => `${n} người (tính đến cuối năm)`,
    dutiesToWrite: 'quyền hạn, nhiệm vụ được giao hoặc đảm nhận trong năm',
    functionsToWrite: 'chức năng, nhiệm vụ được giao của tập thể',
    situationToWrite: 'những đặc điểm chính của tập thể; thuận lợi, khó khăn trong năm',
    resultsToWrite:
      'kết quả thực hiện nhiệm vụ chuyên môn được giao (khối lượng, chất lượng, tiến độ; các chỉ tiêu đã hoàn thành)',
    departmentResultsToWrite:
      'kết quả thực hiện nhiệm vụ chính trị, các chỉ tiêu được giao của tập thể (khối lượng, chất lượng, tiến độ)',
    measuresToWrite:
      'biện pháp, nguyên nhân đạt được thành tích; các phong trào thi đua tập thể đã triển khai, áp dụng',
    partyToWrite:
      'việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; kết quả công tác xây dựng Đảng, đoàn thể (chi bộ, công đoàn, đoàn thanh niên) trong năm',
    /** The sentence opening a member's list of what was done. */
    memberIntro: (year: number, name: string, agency: string, count: number) =>
      count === 0
        ? `Trong năm ${year}, đồng chí ${name} chưa có nội dung thi đua nào được duyệt trong phong trào thi đua của ${agency}.`
        : `Trong năm ${year}, đồng chí ${name} tham gia phong trào thi đua của ${agency}, với các kết quả cụ thể sau:`,
    departmentIntro: (year: number, name: string, count: number, participants: number, members: number) => {
      const who =
        members === 0 || participants === 0
          ? `Trong năm ${year}, chưa có cán bộ, công chức, người lao động nào của ${name} có nội dung thi đua được ghi nhận`
          : `Trong năm ${year}, ${participants}/${members} cán bộ, công chức, người lao động của ${name} có nội dung thi đua được ghi nhận`;
      return count === 0
        ? `${who}; chưa có nội dung thi đua nào được duyệt.`
        : `${who}; các kết quả cụ thể như sau:`;
    },
    kindHeadings: {
      task: 'a) Thực hiện nhiệm vụ được giao, kể cả nhiệm vụ phát sinh, đột xuất',
      initiative:
        'b) Sáng kiến, mô hình mới, cách làm sáng tạo, giải pháp hiệu quả; mô hình ứng dụng công nghệ thông tin',
      deed: 'c) Gương người tốt, việc tốt',
      models: 'd) Điển hình tiên tiến',
    },
    adhoc: 'nhiệm vụ phát sinh, đột xuất',
    it: 'mô hình ứng dụng công nghệ thông tin',
    /** `- Ngày 10/11/2026: Trả lại ví tiền cho người đánh rơi (…).` — the member's name for a department. */
    doneLine: (day: string, member: string | undefined, text: string, note: string | undefined) =>
      `- Ngày ${day}${member ? `, đồng chí ${member}` : ''}: ${text}${note ? ` (${note})` : ''}.`,
    modelLine: (day: string, member: string | undefined, reason: string, stage: string) =>
      `- Ngày ${day}, ${member ? `đồng chí ${member} ` : ''}được đề xuất là điển hình tiên tiến: ${reason} (giai đoạn ${stage.toLowerCase()}).`,
    /** Members of a department who achieved a title of the year, by decisions on record. */
    achievedIntro: (year: number) =>
      `Kết quả danh hiệu thi đua năm ${year} của cá nhân trong tập thể (theo quyết định đã có):`,
    achievedShare: (yes: number, total: number, percent: number) =>
      `- Số cá nhân đạt danh hiệu thi đua: ${yes}/${total} người (${percent}%).`,
    achievedTitle: (title: string, count: number, names: string[], decisions: string[]) =>
      `- ${title}: ${count} người (${names.join(', ')}), ${decisions.join('; ')}.`,
    noneAchieved: (year: number) =>
      `Chưa có quyết định công nhận danh hiệu thi đua năm ${year} của cá nhân trong tập thể.`,
    achievedToWrite: 'số cá nhân đạt danh hiệu thi đua trong năm, khi có quyết định công nhận',
    decision: (number: string, day: string, body: string) =>
      `Quyết định số ${number} ngày ${day} của ${body}`,
    modelsFact: (count: number) =>
      `Trong năm, tập thể có ${count} điển hình tiên tiến được đề xuất, bồi dưỡng (nêu tại mục 1).`,
    itFact: (count: number) => `Tập thể có ${count} mô hình ứng dụng công nghệ thông tin được ghi nhận.`,
    table: {
      year: 'Năm',
      title: 'Danh hiệu thi đua',
      form: 'Hình thức khen thưởng',
      decision: 'Số, ngày, tháng, năm của quyết định',
      body: 'Cơ quan ban hành',
    },
    decisionCell: (number: string, day: string) => `Số ${number} ngày ${day}`,
    /** The unit head certifying a member's report, and the member. */
    certify: ['THỦ TRƯỞNG ĐƠN VỊ', 'XÁC NHẬN, ĐỀ NGHỊ'],
    certifySuperior: ['THỦ TRƯỞNG CƠ QUAN', 'CẤP TRÊN TRỰC TIẾP', 'NHẬN XÉT, XÁC NHẬN'],
    unitHead: 'THỦ TRƯỞNG ĐƠN VỊ',
    reporter: 'NGƯỜI BÁO CÁO THÀNH TÍCH',
    sealed: '(Ký, đóng dấu)',
    signed: '(Ký, ghi rõ họ và tên)',
    annex: {
      heading: 'PHỤ LỤC',
      title: (year: number) => `DANH SÁCH NỘI DUNG THI ĐUA ĐÃ ĐƯỢC DUYỆT NĂM ${year}`,
      ofMember: (name: string) => `(Kèm theo Báo cáo thành tích của đồng chí ${name})`,
      ofDepartment: (name: string) => `(Kèm theo Báo cáo thành tích của ${name})`,
      columns: ['STT', 'Mã', 'Ngày', 'Loại', 'Nội dung'],
      departmentColumns: ['STT', 'Mã', 'Ngày', 'Người thực hiện', 'Loại', 'Nội dung'],
    },
    kinds: {
      task: 'Nhiệm vụ',
      initiative: 'Sáng kiến, mô hình',
      deed: 'Việc tốt',
    },
  },

  /** The review sheet's facts beside the criteria: facts and open points, never a verdict. */
  criteria: {
    /** A block's title on the criteria sheets: `3. Trần Văn Hùng — Phòng Cán bộ`, `2. Phòng Cán bộ`. */
    blockTitle: (no: number, name: string, department?: string) =>
      department ? `${no}. ${name} — ${department}` : `${no}. ${name}`,
    /** The line under it: the title registered and the one its criteria are laid beside. */
    blockLine: (registered: string, assessed: string) =>
      `Danh hiệu đăng ký: ${registered}. Đối chiếu tiêu chuẩn: ${assessed}.`,
    /** The standards sheet's title column for the criteria every title shares. */
    everyTitle: 'Mọi danh hiệu',
    notRegistered: 'Chưa đăng ký',
    registered: (title: string, day: string) => `Đã đăng ký ${title} (ngày ${day})`,
    /** Which entries a measure counts: `sáng kiến, mô hình mới được Hội đồng duyệt`. */
    what: (m: EntriesMeasure) => {
      const noun = !m.kind
        ? 'mục'
        : m.kind === 'initiative' && m.it
          ? 'mô hình ứng dụng công nghệ thông tin'
          : m.kind === 'task' && m.adhoc
            ? 'nhiệm vụ phát sinh, đột xuất hoàn thành'
            : KIND_NOUNS[m.kind];
      return `${noun} ${m.approvedOnly ? 'được Hội đồng duyệt' : 'được tính'}`;
    },
    entries: (n: number, what: string) => (n > 0 ? `Có ${n} ${what}` : `Chưa có ${what}`),
    having: (what: string) => `có ${what}`,
    registeredFor: (titles: string) => `đã đăng ký ${titles}`,
    share: (yes: number, total: number, pct: number, what: string, min: number, missing: string[]) =>
      `${yes}/${total} thành viên (${pct}%) ${what}; mức theo thiết lập: ${min}%` +
      (missing.length ? `. Chưa có: ${missing.join(', ')}` : ''),
    someMember: (names: string[], what: string) =>
      names.length ? `Có: ${names.join(', ')}` : `Chưa có thành viên ${what}`,
    assessed: (title: string, registered: boolean) => (registered ? title : `${title} (chưa đăng ký)`),
    rules: {
      national: 'Luật, Nghị định',
      local: 'Quy định của cơ quan (thiết lập)',
      bot: 'Tham chiếu của bot, không phải quy định',
    },
    checks: {
      confirmed: 'Đã đối chiếu văn bản',
      toVerify: 'Cần kiểm chứng — chưa dùng như quy định',
    },
    how: {
      measured: 'Bot đo từ dữ liệu',
      partial: 'Bot ghi nhận, chỉ là căn cứ tham khảo',
      council: 'Hội đồng xác nhận',
    },
    open: 'Có',
    moreCodes: (n: number) => ` và ${n} mục khác`,
    basisStatus: { inForce: 'Còn hiệu lực', replaced: 'Đã hết hiệu lực', toVerify: 'Cần kiểm chứng' },
    basisKind: 'Văn bản',
    settingKind: 'Thiết lập',
    noValue: 'Không đặt',
    floor: (floor: number) => `không thấp hơn ${floor} theo Luật`,
  },
  /** Facts read from the year-end records (reports/criteria-records.ts): ratings, initiatives, discipline, awards. */
  records: {
    ratings: vi.records.ratings,
    forms: vi.records.forms,
    rating: (year: number, rating: string) => `Xếp loại năm ${year}: ${rating}`,
    noRating: (year: number) => `Chưa có xếp loại năm ${year} trong hồ sơ`,
    ratedAtLeast: (rating: string, year: number) =>
      `được xếp loại từ ${rating.toLowerCase()} trở lên năm ${year}`,
    initiative: (code: string, name: string, number: string, usedBy?: string) =>
      `${code} “${name}” (Quyết định số ${number})${usedBy ? `, đã là căn cứ khen thưởng ${usedBy}` : ''}`,
    initiatives: (list: string[]) => `Sáng kiến được công nhận: ${list.join('; ')}`,
    noInitiative: (year: number) => `Chưa có sáng kiến được công nhận năm ${year} trong hồ sơ`,
    pointer: (codes: string[]) =>
      `Sáng kiến được Hội đồng duyệt trên bot (chỉ là căn cứ tham khảo, chưa phải quyết định công nhận): ${codes.join(', ')}`,
    discipline: (code: string, form: string, from: string, until: string) =>
      `${code} ${form} từ ${from} đến ${until}`,
    disciplined: (list: string[]) => `Kỷ luật có hiệu lực trong năm: ${list.join('; ')}`,
    noDiscipline: (year: number) => `Hồ sơ không có kỷ luật nào có hiệu lực trong năm ${year}`,
    membersDisciplined: (list: string[]) => `Có thành viên bị kỷ luật: ${list.join('; ')}`,
    noMemberDisciplined: (form: string, year: number) =>
      `Hồ sơ không có thành viên nào bị kỷ luật từ hình thức ${form} trở lên trong năm ${year}`,
    awarded: (titles: string, year: number) => `có quyết định công nhận ${titles} năm ${year}`,
    noDecisionYet: (titles: string, year: number) =>
      `Chưa ghi quyết định công nhận ${titles} năm ${year} nào`,
    someAwarded: (names: string[], titles: string, year: number) =>
      `Có quyết định công nhận ${titles} năm ${year}: ${names.join(', ')}`,
    noneAwarded: (titles: string, year: number) =>
      `Chưa có thành viên nào có quyết định công nhận ${titles} năm ${year} trong hồ sơ`,
    consecutive: (titles: string, years: number[], through: number) =>
      years.length
        ? `Đạt ${titles} ${years.length} năm liên tục đến năm ${through} (${years.join(', ')}), theo quyết định trong hồ sơ`
        : `Hồ sơ không có quyết định công nhận ${titles} năm ${through}`,
  },
} as const;
