import type { AgencyConfig } from '../core/agency.js';
import type { ReportArgs, ReportName } from '../core/reports.js';
import type { RepositoryReads } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';

/** What every report is built from: the store (in a worker, a view of it at one moment) and the agency. */
export interface ReportSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  /** The year's titles and their criteria (the review sheet's and the achievement reports' columns). */
  titles?: TitlesConfig | undefined;
}

/**
 * Every report file by name (core/reports.ts's ReportArgs says each one's arguments: plain data, they
 * cross to the report process). This is what bot/report-worker.ts builds; a new document is one more
 * line there and here. Each builder's module is imported at its first use, so the report process
 * loads only what the files asked for need: exceljs (~20 MB of RSS once loaded) for a workbook, docx
 * for a Word file — a zip of Word drafts never loads exceljs.
 */
export const catalog: { [N in ReportName]: (ctx: ReportSource, a: ReportArgs[N]) => Promise<Buffer> } = {
  workbook: async (ctx, a) =>
    (await import('./workbook.js')).buildWorkbook(ctx, a.period, a.department, a.now),
  reportDoc: async (ctx, a) =>
    (await import('./word.js')).buildReportDoc(ctx, a.period, a.now, a.department, a.plan),
  reviewSheet: async (ctx, a) => (await import('./review-sheet.js')).buildReviewSheet(ctx, a.period, a.now),
  memberAchievement: async (ctx, a) => {
    const member = ctx.store.member(a.memberId);
    if (!member) throw new Error(`no member ${a.memberId}`);
    return (await import('./achievement.js')).buildMemberReport(ctx, a.period, member, a.now);
  },
  departmentAchievement: async (ctx, a) =>
    (await import('./achievement.js')).buildDepartmentReport(ctx, a.period, a.department, a.now),
  allAchievements: async (ctx, a) =>
    (await (await import('./achievement.js')).buildAllReports(ctx, a.period, a.now)).data,
  // ---- year-end review drafts (issue 20, h20b): the Council file travels in the arguments ----
  nominationList: async (ctx, a) => (await import('./nomination-list.js')).buildNominationList(ctx, a),
  councilMinutes: async (ctx, a) => (await import('./council-minutes.js')).buildCouncilMinutes(ctx, a),
  countMinutes: async (ctx, a) => (await import('./count-minutes.js')).buildCountMinutes(ctx, a),
  ballotPapers: async (ctx, a) => (await import('./ballot-paper.js')).buildBallotPapers(ctx, a),
  submissionBan: async (ctx, a) => (await import('./submission-ban.js')).buildSubmissionBan(ctx, a),
  submissionProvince: async (ctx, a) =>
    (await import('./submission-province.js')).buildSubmissionProvince(ctx, a),
  decision: async (ctx, a) => (await import('./decision.js')).buildDecision(ctx, a),
  certificates: async (ctx, a) => (await import('./certificate.js')).buildCertificates(ctx, a),
  exceptionalProposal: async (ctx, a) => (await import('./exceptional.js')).buildExceptionalProposal(ctx, a),
  exceptionalReport: async (ctx, a) => (await import('./exceptional.js')).buildExceptionalReport(ctx, a),
  driveList: async (ctx, a) => (await import('./drive-list.js')).buildDriveList(ctx, a),
  recordsTemplate: async (ctx, a) =>
    (await import('./records-workbook.js')).buildRecordsTemplate(ctx, a.year),
};
