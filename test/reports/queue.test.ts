import { describe, expect, it } from 'vitest';
import { ReportBusyError } from '../../core/errors.js';
import type { ReportJob } from '../../core/reports.js';
import { buildReports, type ReportRequest } from '../../reports/files.js';
import { QUEUE_LIMITS } from '../../reports/queue.js';
import { testAgency } from '../helpers/agency.js';

/*
 * Heavy requests, fairly served (reports/files.ts's front): a report runner that builds only when the
 * test says so, and what buildReports asks of it — one at a time for each person, a few at once in
 * all, the same request not built twice, a full queue refused.
 */

function runner() {
  const started: { jobs: readonly ReportJob[]; finish: () => void }[] = [];
  return {
    started,
    reports: {
      build(jobs: readonly ReportJob[]) {
        return new Promise<Buffer[]>((resolve) => {
          started.push({ jobs, finish: () => resolve(jobs.map((j) => Buffer.from(j.report))) });
        });
      },
    },
  };
}

const year = { kind: 'year', year: 2026, index: 2026, start: new Date(0), end: new Date(1) } as never;
const workbook: ReportRequest[] = [{ report: 'workbook', args: { period: year } }];
const review: ReportRequest[] = [{ report: 'reviewSheet', args: { period: year } }];
const report = (now: Date): ReportRequest[] => [{ report: 'reportDoc', args: { period: year, now } }];
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('report requests', () => {
  it('one at a time for each person, a few at once in all, in the order asked', async () => {
    const { started, reports } = runner();
    const ctx = (by: string) => ({ store: {} as never, agency: testAgency(), reports, actor: { by } });
    const a1 = buildReports(ctx('m1'), workbook);
    const a2 = buildReports(ctx('m1'), review);
    const b1 = buildReports(ctx('m2'), workbook);
    const c1 = buildReports(ctx('m3'), workbook);
    // m1's first and m2's: m1's second waits for m1's first, m3's for room.
    expect(started.map((s) => s.jobs[0]?.report)).toEqual(['workbook', 'workbook']);
    expect(QUEUE_LIMITS.atOnce).toBe(2);
    started[0]?.finish();
    expect(await a1).toEqual([Buffer.from('workbook')]);
    await flush();
    // m1's second can start now (its first is done), before m3's: it was asked first.
    expect(started.map((s) => s.jobs[0]?.report)).toEqual(['workbook', 'workbook', 'reviewSheet']);
    started[1]?.finish();
    await b1;
    await flush();
    expect(started).toHaveLength(4);
    started[2]?.finish();
    started[3]?.finish();
    await Promise.all([a2, c1]);
  });

  it('the same request again while it is on its way is not built twice, whatever its time', async () => {
    const { started, reports } = runner();
    const ctx = { store: {} as never, agency: testAgency(), reports, actor: { by: 'm1' } };
    const first = buildReports(ctx, report(new Date('2026-11-10T03:00:00Z')));
    const again = buildReports(ctx, report(new Date('2026-11-10T03:00:05Z')));
    await expect(again).rejects.toEqual(new ReportBusyError('same'));
    expect(started).toHaveLength(1);
    // Someone else's same request is theirs: built for them.
    const theirs = buildReports({ ...ctx, actor: { by: 'm2' } }, report(new Date()));
    expect(started).toHaveLength(2);
    for (const s of started) s.finish();
    await Promise.all([first, theirs]);
    // Once sent, asking again builds again.
    const later = buildReports(ctx, report(new Date()));
    expect(started).toHaveLength(3);
    started[2]?.finish();
    await later;
  });

  it('a person with three requests on their way, or a full queue, is refused: nothing is built', async () => {
    const { started, reports } = runner();
    const ctx = (by: string) => ({ store: {} as never, agency: testAgency(), reports, actor: { by } });
    const mine = [workbook, review, report(new Date())].map((r) => buildReports(ctx('m1'), r));
    const fourth = buildReports(ctx('m1'), [{ report: 'recordsTemplate', args: { year: 2026 } }]);
    await expect(fourth).rejects.toEqual(new ReportBusyError('full'));
    // Others fill the queue: one more builds (two at once), m1's two and eighteen more wait (twenty),
    // the next is refused.
    const others = Array.from({ length: 19 }, (_, i) => buildReports(ctx(`m${i + 10}`), workbook));
    expect(started).toHaveLength(2);
    const refused = buildReports(ctx('m99'), workbook);
    await expect(refused).rejects.toEqual(new ReportBusyError('full'));
    // Everything admitted is built in the end, two at a time.
    while (started.some((s) => s.finish !== undefined)) {
      const open = started.splice(0);
      for (const s of open) s.finish();
      await flush();
      if (!started.length) break;
    }
    await Promise.all([...mine, ...others]);
  });
});
