import type { AgencyConfig, Department } from '../core/agency.js';
import type { Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import { buildAllReports, buildDepartmentReport, buildMemberReport } from './achievement.js';
import { buildRecordsTemplate } from './records-workbook.js';
import { buildReviewSheet } from './review-sheet.js';
import { buildReportDoc } from './word.js';
import { buildWorkbook } from './workbook.js';

/** What every report is built from: the store (in a worker, a view of it at one moment) and the agency. */
export interface ReportSource {
  store: Repository;
  agency: AgencyConfig;
  /** The year's titles and their criteria (the review sheet's and the achievement reports' columns). */
  titles?: TitlesConfig | undefined;
}

/**
 * Every report file by name, with its arguments (plain data: they cross to a worker thread). This is
 * what bot/report-worker.ts builds; a new document is one more line here and a `buildReports` call.
 */
export const catalog = {
  workbook: (ctx: ReportSource, a: { period: Period; department?: Department | undefined }) =>
    buildWorkbook(ctx, a.period, a.department),
  reportDoc: (ctx: ReportSource, a: { period: Period; now: Date; department?: Department | undefined }) =>
    buildReportDoc(ctx, a.period, a.now, a.department),
  reviewSheet: (ctx: ReportSource, a: { period: Period }) => buildReviewSheet(ctx, a.period),
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
  /** The records workbook to fill (/nhaphoso mau): the ratings sheet lists every member and department. */
  recordsTemplate: (ctx: ReportSource, a: { year: number }) => buildRecordsTemplate(ctx, a.year),
};

export type ReportName = keyof typeof catalog;
