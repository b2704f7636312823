import type { AgencyConfig, Department } from '../core/agency.js';
import type { Period } from '../core/periods.js';
import type { Repository } from '../core/repository.js';
import { buildReviewSheet } from './review-sheet.js';
import { buildReportDoc } from './word.js';
import { buildWorkbook } from './workbook.js';

/** What every report is built from: the store (in a worker, a view of it at one moment) and the agency. */
export interface ReportSource {
  store: Repository;
  agency: AgencyConfig;
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
};

export type ReportName = keyof typeof catalog;
