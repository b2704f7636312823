import type { Award, Threshold, VoteMethod } from '../core/council.js';
import type { Rating } from '../core/domain.js';
import type { CandidateFacts } from '../core/reports.js';
import { cited } from './council-doc.js';
import { doc } from './vi.js';

/*
 * The words of the year-end drafts (lists, minutes, tờ trình, quyết định, giấy khen). Vietnamese only,
 * whatever the reader's locale: documents of a Vietnamese Party body.
 */

const pct = (n: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n)}%`;

export const councilDoc = {
  pct,
  /** The year's approved entries of a candidate, as a clerk writes them; no points, codes or tags. */
  summary(f: CandidateFacts, year: number): string {
    const k = f.byKind;
    const parts = [
      doc.kindPart('task', k.task, undefined, k.adhoc),
      doc.kindPart('initiative', k.initiative, undefined, k.it),
      doc.kindPart('deed', k.deed),
    ].filter(Boolean);
    const head =
      f.approved.length === 0
        ? `Năm ${year}, chưa có nội dung thi đua được duyệt`
        : `Năm ${year}, có ${f.approved.length} nội dung thi đua được duyệt: ${parts.join('; ')}`;
    const members = f.members
      ? `; ${f.members.withApproved}/${f.members.total} cán bộ, công chức của phòng có nội dung được duyệt`
      : '';
    return `${head}${members}.`;
  },
  methods: {
    hands: 'biểu quyết giơ tay',
    paper: 'bỏ phiếu kín (phiếu giấy)',
    electronic: 'bỏ phiếu kín (phiếu điện tử)',
  } satisfies Record<VoteMethod, string>,
  decider: (award: Award) =>
    award.decidedBy === 'ban' ? 'Trưởng Ban quyết định' : 'đề nghị cấp tỉnh xét tặng',
  threshold: (t: Threshold) => `${t.strict ? 'trên' : 'từ'} ${pct(t.percent)} tổng số thành viên Hội đồng`,
  /** Where a threshold comes from, in parentheses: `(quy định của cơ quan — …; cần kiểm chứng)`. */
  basis: (t: Threshold) => {
    return `(${cited(t.source)}${t.check === 'toVerify' ? '; cần kiểm chứng' : ''})`;
  },
  roles: {
    chair: 'Chủ tịch Hội đồng',
    viceChair: 'Phó Chủ tịch Hội đồng',
    standing: 'Ủy viên thường trực',
    secretary: 'Thư ký Hội đồng',
    member: 'Ủy viên',
  },
  toWrite: (what: string) => `[Cần bổ sung: ${what}]`,
  ratings: { htxsnv: 'HTXSNV', httnv: 'HTTNV', htnv: 'HTNV', khtnv: 'KHTNV' } satisfies Record<
    Rating,
    string
  >,
};
