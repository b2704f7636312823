import type { AgencyConfig } from '../core/agency.js';
import type { ReportRunner } from '../core/context.js';
import type { Repository } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import type { catalog, ReportName, ReportSource } from './catalog.js';

/** One report file to build, named as in reports/catalog.ts, with its arguments. */
export type ReportRequest = {
  [N in ReportName]: { report: N; args: Parameters<(typeof catalog)[N]>[1] };
}[ReportName];

/**
 * Builds report files — on the bot's report runner (a worker thread, bot/reports.ts) when there is one,
 * else here. Files asked for together come from one capture of the store, taken at this call: call it
 * before anything is awaited. The builders (exceljs, docx) are loaded only when a file is first asked
 * for, and only where it is built.
 */
export function buildReports(
  ctx: {
    store: Repository;
    agency: AgencyConfig;
    titles?: TitlesConfig | undefined;
    reports?: ReportRunner | undefined;
  },
  requests: readonly ReportRequest[],
): Promise<Buffer[]> {
  if (ctx.reports) return ctx.reports.build(requests);
  return import('./catalog.js').then(({ catalog }) =>
    Promise.all(
      requests.map((r) =>
        (catalog[r.report] as (source: ReportSource, args: unknown) => Promise<Buffer>)(ctx, r.args),
      ),
    ),
  );
}
