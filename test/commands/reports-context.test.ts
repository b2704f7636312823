/**
 * Commands reach reports/ only through their context (`ctx.reports`, core/reports.ts): the picture a
 * command answers with is the one the context draws, and the files it sends are the ones the context
 * builds for the person asking — whatever the bot puts behind them (the report thread, another renderer).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bangxephang } from '../../commands/bangxephang.js';
import { tonghop } from '../../commands/tonghop.js';
import type { Command, Reply } from '../../core/context.js';
import type { Member } from '../../core/domain.js';
import { htmlToPlain } from '../../core/html.js';
import type { BoardChart, ReportRequest, Reports } from '../../core/reports.js';
import { commandReports } from '../../reports/for-commands.js';
import type { Store } from '../../storage/store.js';
import { testAgency } from '../helpers/agency.js';
import { buildContext } from '../helpers/context.js';
import { addMember, logDeed, useTempStore } from '../helpers/store.js';

const now = new Date('2026-11-25T03:00:00Z');
let store: Store;
let lan: Member;

const temp = useTempStore();
beforeEach(async () => {
  store = temp.store;
  lan = await addMember(store, 1, 'vp');
  await logDeed(store, lan.id, new Date('2026-11-24T03:00:00Z'));
});

/** The context the router would give `command`, with `reports` parts the test stands in for. */
function contextWith(
  command: Command,
  reports: Partial<Reports>,
  input: { args: string; isAdmin?: boolean },
) {
  const followUps: Promise<Reply[]>[] = [];
  const ctx = buildContext(command, {
    store,
    member: lan,
    now,
    ...input,
    reports: { ...commandReports({ store, agency: testAgency() }), ...reports },
  });
  return { ctx: { ...ctx, followUp: (w: Promise<Reply[]>) => followUps.push(w) }, followUps };
}

describe('reports through the context', () => {
  it('/bangxephang anh answers with the picture the context draws', async () => {
    const drawn: BoardChart[] = [];
    const png = Buffer.from('a picture');
    const { ctx } = contextWith(
      bangxephang,
      {
        draw: async (chart) => {
          drawn.push(chart);
          return png;
        },
      },
      { args: 'anh' },
    );
    const [reply] = await bangxephang.run(ctx);
    expect(drawn.map((c) => c.title)).toEqual(['Bảng xếp hạng thi đua tuần 48/2026']);
    expect(reply?.images?.[0]?.data).toBe(png);
    expect(reply?.images?.[0]?.filename).toBe('bang-xep-hang-tuan-48-2026.png');
    expect(reply && htmlToPlain(reply.html)).toContain('Thành viên 1');
  });

  it('/tonghop … file sends the files the context builds, asked for by the caller', async () => {
    const asked: { requests: readonly ReportRequest[]; by: string }[] = [];
    const { ctx, followUps } = contextWith(
      tonghop,
      {
        files: async (requests, by) => {
          asked.push({ requests, by });
          return requests.map((r) => Buffer.from(r.report));
        },
      },
      { args: 'tháng 11 file', isAdmin: true },
    );
    await tonghop.run(ctx);
    const [files] = await Promise.all(followUps);
    expect(asked.map((a) => [a.by, a.requests.map((r) => r.report)])).toEqual([
      [lan.id, ['workbook', 'reportDoc']],
    ]);
    expect(files?.flatMap((r) => r.files ?? []).map((f) => f.data.toString())).toEqual([
      'workbook',
      'reportDoc',
    ]);
  });
});
