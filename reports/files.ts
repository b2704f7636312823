import type { AgencyConfig } from '../core/agency.js';
import type { ReportRequest, ReportRunner } from '../core/reports.js';
import type { RepositoryReads } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import type { ReportSource } from './catalog.js';
import { ReportQueue, requestKey } from './queue.js';

export type { ReportRequest };

/** The queue of each bot (its report runner, or its store when files are built in this thread). */
const queues = new WeakMap<object, ReportQueue>();

/**
 * Builds report files — on the bot's report runner (a child process, bot/reports.ts) when there is one,
 * else here — once the request is admitted (reports/queue.ts: one at a time for each person, a few at
 * once in all; the same request again while it is on its way is refused with ReportBusyError, which
 * the router answers "đang lập, sẽ gửi khi xong"). Files asked for together come from one capture of
 * the store, taken when their turn comes. The builders (exceljs, docx) are loaded only when a file is
 * first asked for, and only where it is built.
 */
export function buildReports(
  ctx: {
    store: RepositoryReads;
    agency: AgencyConfig;
    titles?: TitlesConfig | undefined;
    reports?: ReportRunner | undefined;
    /** Who asks (a member id or a platform identity): each person's requests are served in turn. */
    actor?: { by: string } | undefined;
  },
  requests: readonly ReportRequest[],
): Promise<Buffer[]> {
  const owner = ctx.reports ?? ctx.store;
  let queue = queues.get(owner);
  if (!queue) {
    queue = new ReportQueue();
    queues.set(owner, queue);
  }
  return queue.admit(ctx.actor?.by ?? '', requestKey(requests), () => build(ctx, requests));
}

function build(
  ctx: {
    store: RepositoryReads;
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
