import type { AgencyConfig } from '../core/agency.js';
import type { ReportArgs, ReportName } from '../core/reports.js';
import type { RepositoryReads } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import { buildAllReports, buildDepartmentReport, buildMemberReport } from './achievement.js';
// ---- year-end review drafts (issue 20, h20b) ----
import { buildBallotPapers } from './ballot-paper.js';
import { buildCertificates } from './certificate.js';
import { buildCouncilMinutes } from './council-minutes.js';
import { buildCountMinutes } from './count-minutes.js';
import { buildDecision } from './decision.js';
import { buildDriveList } from './drive-list.js';
import { buildExceptionalProposal, buildExceptionalReport } from './exceptional.js';
import { buildNominationList } from './nomination-list.js';
import { buildRecordsTemplate } from './records-workbook.js';
import { buildReviewSheet } from './review-sheet.js';
import { buildSubmissionBan } from './submission-ban.js';
import { buildSubmissionProvince } from './submission-province.js';
import { buildReportDoc } from './word.js';
import { buildWorkbook } from './workbook.js';

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
 * line there and here.
 */
export const catalog: { [N in ReportName]: (ctx: ReportSource, a: ReportArgs[N]) => Promise<Buffer> } = {
  workbook: (ctx, a) => buildWorkbook(ctx, a.period, a.department, a.now),
  reportDoc: (ctx, a) => buildReportDoc(ctx, a.period, a.now, a.department, a.plan),
  reviewSheet: (ctx, a) => buildReviewSheet(ctx, a.period, a.now),
  memberAchievement: (ctx, a) => {
    const member = ctx.store.member(a.memberId);
    if (!member) throw new Error(`no member ${a.memberId}`);
    return buildMemberReport(ctx, a.period, member, a.now);
  },
  departmentAchievement: (ctx, a) => buildDepartmentReport(ctx, a.period, a.department, a.now),
  allAchievements: async (ctx, a) => (await buildAllReports(ctx, a.period, a.now)).data,
  // ---- year-end review drafts (issue 20, h20b): the Council file travels in the arguments ----
  nominationList: (ctx, a) => buildNominationList(ctx, a),
  councilMinutes: (ctx, a) => buildCouncilMinutes(ctx, a),
  countMinutes: (ctx, a) => buildCountMinutes(ctx, a),
  ballotPapers: (ctx, a) => buildBallotPapers(ctx, a),
  submissionBan: (ctx, a) => buildSubmissionBan(ctx, a),
  submissionProvince: (ctx, a) => buildSubmissionProvince(ctx, a),
  decision: (ctx, a) => buildDecision(ctx, a),
  certificates: (ctx, a) => buildCertificates(ctx, a),
  exceptionalProposal: (ctx, a) => buildExceptionalProposal(ctx, a),
  exceptionalReport: (ctx, a) => buildExceptionalReport(ctx, a),
  driveList: (ctx, a) => buildDriveList(ctx, a),
  recordsTemplate: (ctx, a) => buildRecordsTemplate(ctx, a.year),
};
