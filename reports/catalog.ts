import type { AgencyConfig, Department } from '../core/agency.js';
import type { Drive } from '../core/nominations.js';
import type { Period } from '../core/periods.js';
import type { Plan } from '../core/plan.js';
import type { RepositoryReads } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import { buildAllReports, buildDepartmentReport, buildMemberReport } from './achievement.js';
// ---- year-end review drafts (issue 20, h20b) ----
import { buildBallotPapers } from './ballot-paper.js';
import { buildCertificates } from './certificate.js';
import type { CouncilDocArgs } from './council-doc.js';
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
 * Every report file by name, with its arguments (plain data: they cross to the report process). This is
 * what bot/report-worker.ts builds; a new document is one more line here and a `buildReports` call.
 */
export const catalog = {
  /** `now`: the clock the request was read at (a period not over yet says up to when it is counted). */
  workbook: (
    ctx: ReportSource,
    a: { period: Period; department?: Department | undefined; now?: Date | undefined },
  ) => buildWorkbook(ctx, a.period, a.department, a.now),
  /** `plan`: the year's plan (plain data), whose targets the report measures as /kehoach does. */
  reportDoc: (
    ctx: ReportSource,
    a: { period: Period; now: Date; department?: Department | undefined; plan?: Plan | undefined },
  ) => buildReportDoc(ctx, a.period, a.now, a.department, a.plan),
  reviewSheet: (ctx: ReportSource, a: { period: Period; now?: Date | undefined }) =>
    buildReviewSheet(ctx, a.period, a.now),
  memberAchievement: (ctx: ReportSource, a: { period: Period; memberId: string; now: Date }) => {
    const member = ctx.store.member(a.memberId);
    if (!member) throw new Error(`no member ${a.memberId}`);
    return buildMemberReport(ctx, a.period, member, a.now);
  },
  departmentAchievement: (ctx: ReportSource, a: { period: Period; department: Department; now: Date }) =>
    buildDepartmentReport(ctx, a.period, a.department, a.now),
  /** Every member's and department's achievement report, one .docx each, in one zip. */
  allAchievements: async (ctx: ReportSource, a: { period: Period; now: Date }) =>
    (await buildAllReports(ctx, a.period, a.now)).data,
  // ---- year-end review drafts (issue 20, h20b): the Council file travels in the arguments ----
  nominationList: (ctx: ReportSource, a: CouncilDocArgs & { awards: string[] }) =>
    buildNominationList(ctx, a),
  councilMinutes: (ctx: ReportSource, a: CouncilDocArgs & { meetingNo: number }) =>
    buildCouncilMinutes(ctx, a),
  countMinutes: (ctx: ReportSource, a: CouncilDocArgs & { meetingNo: number }) => buildCountMinutes(ctx, a),
  ballotPapers: (ctx: ReportSource, a: CouncilDocArgs & { rounds: number[] }) => buildBallotPapers(ctx, a),
  submissionBan: (ctx: ReportSource, a: CouncilDocArgs & { meetingNo: number }) => buildSubmissionBan(ctx, a),
  submissionProvince: (ctx: ReportSource, a: CouncilDocArgs & { meetingNo: number }) =>
    buildSubmissionProvince(ctx, a),
  decision: (ctx: ReportSource, a: CouncilDocArgs & { meetingNo: number }) => buildDecision(ctx, a),
  certificates: (ctx: ReportSource, a: CouncilDocArgs & { meetingNo: number }) => buildCertificates(ctx, a),
  exceptionalProposal: (ctx: ReportSource, a: CouncilDocArgs & { codes: string[] }) =>
    buildExceptionalProposal(ctx, a),
  exceptionalReport: (ctx: ReportSource, a: CouncilDocArgs & { code: string }) =>
    buildExceptionalReport(ctx, a),
  driveList: (ctx: ReportSource, a: CouncilDocArgs & { drive: Drive }) => buildDriveList(ctx, a),
  /** The records workbook to fill (/nhaphoso mau): the ratings sheet lists every member and department. */
  recordsTemplate: (ctx: ReportSource, a: { year: number }) => buildRecordsTemplate(ctx, a.year),
};

export type ReportName = keyof typeof catalog;
