import type { AgencyConfig } from '../core/agency.js';
import type { BoardChart, ReportRunner, Reports } from '../core/reports.js';
import type { RepositoryReads } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import { renderBoardChart } from './chart.js';
import { factsOf } from './council-facts.js';
import { buildReports } from './files.js';

/**
 * What the commands of one bot ask of reports/ (core/reports.ts's `Reports`), handed to them in their
 * context by the router: files built through the queue (on `runner`, the report process, when the bot
 * has one; else in this thread, as in command-level tests), the leaderboard picture, the Council's
 * facts, the records workbook read back. The workbook reader (exceljs) is loaded only when a file is
 * first read.
 */
export function commandReports(source: {
  store: RepositoryReads;
  agency: AgencyConfig;
  titles?: TitlesConfig | undefined;
  runner?: ReportRunner | undefined;
  /** Draws the picture (default reports/chart.ts's, its PNG drawn in a worker). */
  draw?: ((chart: BoardChart) => Promise<Buffer>) | undefined;
}): Reports {
  const { runner, draw, ...ctx } = source;
  return {
    files: (requests, by) => buildReports({ ...ctx, reports: runner, actor: { by } }, requests),
    draw: draw ?? renderBoardChart,
    facts: factsOf,
    readRecords: async (data) => (await import('./records-workbook.js')).readRecordsWorkbook(data),
  };
}
