// Turns the children's results into the table (size | metric | project | SQLite | naive lowdb | ratios)
// and the targets' check.

import type { PollingSummary } from './cold-polling.js';
import { type E2ePhase, type LatencyStats, median, type ReadTiming, type SustainedResult } from './common.js';

export interface Generated {
  entries: number;
  members: number;
  withdrawn: number;
  snapshotBytes: number;
  lowdbBytes: number;
  sqliteBytes: number | null;
  ms: number;
}

export interface ColdStart {
  side: 'project' | 'naive' | 'sqlite';
  entries: number;
  openMs: number;
  /** Since the process started, until the store was loaded (SQLite: until its first read was answered). */
  readyMs: number;
  rssBeforeMB: number;
  rssMB: number;
  heapUsedMB?: number;
  rssAfterGcMB?: number | null;
  firstReadMs?: number;
  /** The first year-wide reads after the start, each timed alone (synchronous: the loop held throughout). */
  firstYear?: {
    tonghopMs: number;
    weeklyPostMs?: number;
    kehoachMs?: number;
    rssMB: number;
    entriesBuilt?: number;
    /** The start-up's summing of the figures' blocks before them (bot/main.ts): its time and longest block. */
    warm?: { ms: number; longestBlockMs: number };
  };
  /** The project: the reads that list a few of the year's entries (a drive's by #tag, a member's year), after the first. */
  lists?: { chuyendeMs: number; cuatoiMs: number; entriesBuilt: number; rssMB: number };
  /** The project: the capture a report file is built from, taken on the event loop (bot/reports.ts). */
  captureMs?: number;
  /** The project: after the current year's entries were read once and kept built. */
  yearHot?: { entries: number; ms: number; rssMB: number };
}

export interface ColdSummary {
  runs: number;
  openMs: number;
  readyMs: number;
  rssBeforeMB: number;
  rssMB: number;
  all: ColdStart[];
}

interface SequentialResult extends LatencyStats {
  capped: boolean;
  requested: number;
}

interface ReadComparison {
  project: ReadTiming;
  naive: ReadTiming;
  same: boolean;
  sample: unknown;
}

type SideReads = Record<
  'leaderboardWeek' | 'summaryYear' | 'weeklyPost',
  { timing: ReadTiming; sample: unknown }
>;

/** What bench/size-worker.ts reports for the project (one process)… */
export interface ProjectWork {
  reads: SideReads;
  sequential: SequentialResult;
  writeAndRank: SequentialResult;
  sustained: SustainedResult;
  compaction: { entries: number; ms: number; eventLoopBlockedMaxMs: number; writesDuring: LatencyStats };
  backup: { ms: number; eventLoopBlockedMaxMs: number };
  entriesAfter: number;
}

/** …and for naive lowdb (another). */
export interface NaiveWork {
  reads: SideReads;
  sequential: SequentialResult;
  sustained: SustainedResult;
  entriesAfter: number;
}

export interface WorkerResult {
  size: number;
  reads: { leaderboardWeek: ReadComparison; summaryYear: ReadComparison; weeklyPost: ReadComparison };
  sequential: { project: SequentialResult; naive: SequentialResult };
  writeAndRank: SequentialResult;
  sustained: { project: SustainedResult; naive: SustainedResult };
  compaction: { entries: number; ms: number; eventLoopBlockedMaxMs: number; writesDuring: LatencyStats };
  backup: { ms: number; eventLoopBlockedMaxMs: number };
  entriesAfter: { project: number; naive: number };
}

/** The two sides side by side, their reads checked to give the same results. */
export function combine(size: number, project: ProjectWork, naive: NaiveWork): WorkerResult {
  const compare = (name: keyof SideReads): ReadComparison => ({
    project: project.reads[name].timing,
    naive: naive.reads[name].timing,
    same: JSON.stringify(project.reads[name].sample) === JSON.stringify(naive.reads[name].sample),
    sample: project.reads[name].sample,
  });
  return {
    size,
    reads: {
      leaderboardWeek: compare('leaderboardWeek'),
      summaryYear: compare('summaryYear'),
      weeklyPost: compare('weeklyPost'),
    },
    sequential: { project: project.sequential, naive: naive.sequential },
    writeAndRank: project.writeAndRank,
    sustained: { project: project.sustained, naive: naive.sustained },
    compaction: project.compaction,
    backup: project.backup,
    entriesAfter: { project: project.entriesAfter, naive: naive.entriesAfter },
  };
}

export interface SqliteWork {
  reads: {
    leaderboardWeek: { timing: ReadTiming; sample: unknown };
    summaryYear: { timing: ReadTiming; sample: unknown };
  };
  sequential: LatencyStats;
  writeAndRank: LatencyStats;
  sustained: LatencyStats & { ops: number; perSecond: number };
  rssMB: number;
  /** Whether its leaderboard and year summary equal the project's. */
  same?: { leaderboardWeek: boolean; summaryYear: boolean };
}

/** A report asked for through grammY, from the request to its files sent. */
export interface ReportFiles {
  ms: number;
  handledMs: number;
  eventLoopBlockedMaxMs: number;
  /** The bot's process (the report process is another). */
  rssBeforeMB: number;
  rssPeakMB: number;
  /** The report process's peak (absent in results from the worker-thread days). */
  childRssPeakMB?: number;
  /** The bot's RSS once the report process had ended (null: it had not, 20 s on). */
  rssAfterMB?: number | null;
  bytes: number[];
}

export interface E2eResult {
  entries: number;
  sequential: E2ePhase;
  viectot: E2ePhase;
  writersApart: E2ePhase & { eventLoopBlockedMaxMs: number };
  writersInGroup: E2ePhase;
  reportFiles: ReportFiles & {
    writers: E2ePhase;
    /** The same request while 50 writers go on. */
    withWriters: ReportFiles;
  };
  /** `/baocaothanhtich <year> tatca`: every achievement draft in one zip (absent in older results). */
  allDrafts?: ReportFiles | null;
  microseconds: Record<string, number>;
}

export interface ColdPhases {
  entries: number;
  phases: { phase: string; ms: number; rssMB: number; heapUsedMB: number }[];
}

export interface SizeResult {
  size: number;
  generated: Generated;
  cold: { project: ColdSummary; naive: ColdSummary; sqlite: ColdSummary | null };
  /** The built bot started to its first getUpdates (bench/cold-polling.ts). */
  polling: PollingSummary;
  coldPhases: ColdPhases | null;
  worker: WorkerResult;
  sqlite: SqliteWork | null;
  e2e: E2eResult | null;
  /** 1, 5 and 15 minute load averages when this size started (other work on the machine skews figures). */
  loadAverage: number[];
}

export interface Row {
  size: number;
  metric: string;
  unit: string;
  /** Whether a higher value is better (rates) or a lower one (times, memory). */
  higherIsBetter: boolean;
  project: number | null;
  sqlite: number | null;
  naive: number | null;
  /** How many times better the project is than SQLite / naive lowdb (> 1: the project wins). */
  vsSqlite: number | null;
  vsNaive: number | null;
  note?: string;
}

function ratio(project: number | null, other: number | null, higherIsBetter: boolean): number | null {
  if (project === null || other === null || project === 0 || other === 0) return null;
  if (Number.isNaN(project) || Number.isNaN(other)) return null;
  return higherIsBetter ? project / other : other / project;
}

function row(
  size: number,
  metric: string,
  unit: string,
  values: { project: number | null; sqlite?: number | null; naive?: number | null },
  options: { higherIsBetter?: boolean; note?: string } = {},
): Row {
  const higherIsBetter = options.higherIsBetter ?? false;
  const sqlite = values.sqlite ?? null;
  const naive = values.naive ?? null;
  return {
    size,
    metric,
    unit,
    higherIsBetter,
    project: values.project,
    sqlite,
    naive,
    vsSqlite: ratio(values.project, sqlite, higherIsBetter),
    vsNaive: ratio(values.project, naive, higherIsBetter),
    ...(options.note ? { note: options.note } : {}),
  };
}

export function rows(result: SizeResult): Row[] {
  const { size, worker: w, cold, e2e, sqlite: q, generated: g } = result;
  const seqNaive = w.sequential.naive;
  const naiveCap = seqNaive.capped || size >= 100_000 ? `lowdb n=${seqNaive.samples} (capped)` : undefined;
  const out: Row[] = [
    row(size, 'store file size', 'MB', {
      project: g.snapshotBytes / 2 ** 20,
      sqlite: g.sqliteBytes === null ? null : g.sqliteBytes / 2 ** 20,
      naive: g.lowdbBytes / 2 ** 20,
    }),
    row(
      size,
      'cold start: open the store',
      'ms',
      { project: cold.project.openMs, sqlite: cold.sqlite?.openMs ?? null, naive: cold.naive.openMs },
      { note: `median of ${cold.project.runs} fresh processes; SQLite: open + members` },
    ),
    row(
      size,
      'cold start: process start → store loaded',
      'ms',
      { project: cold.project.readyMs, sqlite: cold.sqlite?.readyMs ?? null, naive: cold.naive.readyMs },
      { note: 'project: the built bot (its modules, then Store.open); SQLite: to its first leaderboard' },
    ),
    row(
      size,
      'cold start: process start → polling',
      'ms',
      { project: result.polling.ms, sqlite: null, naive: null },
      {
        note: `node dist/main.js to its first getUpdates (settings, modules, store, getMe, menu), Telegram stood in for on loopback${result.polling.cpuMs === null ? '' : `; CPU ${result.polling.cpuMs.toFixed(0)} ms`}`,
      },
    ),
    row(
      size,
      'RSS after load',
      'MB',
      { project: cold.project.rssMB, sqlite: cold.sqlite?.rssMB ?? null, naive: cold.naive.rssMB },
      {
        note: `before the store: project ${cold.project.rssBeforeMB.toFixed(0)} MB (the bot's modules)${cold.sqlite ? `, SQLite ${cold.sqlite.rssBeforeMB.toFixed(0)}` : ''}, lowdb ${cold.naive.rssBeforeMB.toFixed(0)}`,
      },
    ),
    row(
      size,
      'first after start: /tonghop năm',
      'ms',
      {
        project: median(cold.project.all.map((c) => c.firstYear?.tonghopMs ?? Number.NaN)),
        sqlite: cold.sqlite ? median(cold.sqlite.all.map((c) => c.firstYear?.tonghopMs ?? Number.NaN)) : null,
      },
      {
        note: `the first year-wide read in a fresh process (the loop held throughout), after the start-up summed the figures' blocks between turns of the loop (${fmt(median(cold.project.all.map((c) => c.firstYear?.warm?.ms ?? Number.NaN)), 'ms')} ms, longest block ${fmt(median(cold.project.all.map((c) => c.firstYear?.warm?.longestBlockMs ?? Number.NaN)), 'ms')} ms)`,
      },
    ),
    row(
      size,
      'first after start: weekly post, /kehoach',
      'ms',
      {
        project: median(
          cold.project.all.map((c) =>
            Math.max(c.firstYear?.weeklyPostMs ?? Number.NaN, c.firstYear?.kehoachMs ?? Number.NaN),
          ),
        ),
      },
      {
        note: `the longer of the two, after /tonghop năm; weekly ${fmt(median(cold.project.all.map((c) => c.firstYear?.weeklyPostMs ?? Number.NaN)), 'ms')} ms, /kehoach ${fmt(median(cold.project.all.map((c) => c.firstYear?.kehoachMs ?? Number.NaN)), 'ms')} ms; ${cold.project.all[0]?.firstYear?.entriesBuilt ?? '?'} entries built`,
      },
    ),
    row(
      size,
      'RSS after the first year-wide reads',
      'MB',
      {
        project: median(cold.project.all.map((c) => c.firstYear?.rssMB ?? Number.NaN)),
        sqlite: cold.sqlite ? median(cold.sqlite.all.map((c) => c.firstYear?.rssMB ?? Number.NaN)) : null,
      },
      { note: 'no collection forced' },
    ),
    row(
      size,
      "RSS after /chuyende's and /cuatoi năm's reads",
      'MB',
      { project: median(cold.project.all.map((c) => c.lists?.rssMB ?? Number.NaN)) },
      {
        note: `after the first reads: a drive's entries found by #tag in the year's texts (${fmt(median(cold.project.all.map((c) => c.lists?.chuyendeMs ?? Number.NaN)), 'ms')} ms), one member's year (${fmt(median(cold.project.all.map((c) => c.lists?.cuatoiMs ?? Number.NaN)), 'ms')} ms); ${cold.project.all[0]?.lists?.entriesBuilt ?? '?'} entries built`,
      },
    ),
    row(
      size,
      'RSS with the current year read once',
      'MB',
      { project: median(cold.project.all.map((c) => c.yearHot?.rssMB ?? Number.NaN)) },
      {
        note: `its ${cold.project.all[0]?.yearHot?.entries ?? 0} entries built once (${fmt(median(cold.project.all.map((c) => c.yearHot?.ms ?? Number.NaN)), 'ms')} ms) and kept`,
      },
    ),
    row(
      size,
      'durable insert p50',
      'ms',
      { project: w.sequential.project.p50, sqlite: q?.sequential.p50 ?? null, naive: seqNaive.p50 },
      naiveCap ? { note: naiveCap } : {},
    ),
    row(
      size,
      'durable insert p99',
      'ms',
      { project: w.sequential.project.p99, sqlite: q?.sequential.p99 ?? null, naive: seqNaive.p99 },
      { note: 'lowdb never fsyncs: not durable, and still the slowest' },
    ),
    row(
      size,
      'durable insert + week rank p99',
      'ms',
      { project: w.writeAndRank.p99, sqlite: q?.writeAndRank.p99 ?? null },
      { note: "what /viectot asks of its store: the write, then the caller's rank this week" },
    ),
    row(
      size,
      '50 concurrent writers: writes/s',
      '/s',
      {
        project: w.sustained.project.perSecond,
        sqlite: q?.sustained.perSecond ?? null,
        naive: w.sustained.naive.perSecond,
      },
      {
        higherIsBetter: true,
        note: `project ${w.sustained.project.ops} writes incl. ${w.sustained.project.compactions ?? 0} compaction(s); lowdb capped at ${w.sustained.naive.durationMs / 1000} s`,
      },
    ),
    row(size, '50 concurrent writers: p99', 'ms', {
      project: w.sustained.project.p99,
      sqlite: q?.sustained.p99 ?? null,
      naive: w.sustained.naive.p99,
    }),
    row(size, '50 concurrent writers: worst', 'ms', {
      project: w.sustained.project.max,
      sqlite: q?.sustained.max ?? null,
      naive: w.sustained.naive.max,
    }),
    row(
      size,
      'week leaderboard (median)',
      'ms',
      {
        project: w.reads.leaderboardWeek.project.median,
        sqlite: q?.reads.leaderboardWeek.timing.median ?? null,
        naive: w.reads.leaderboardWeek.naive.median,
      },
      q?.same && !q.same.leaderboardWeek ? { note: 'SQLite result DIFFERS' } : {},
    ),
    row(
      size,
      '/tonghop year (median)',
      'ms',
      {
        project: w.reads.summaryYear.project.median,
        sqlite: q?.reads.summaryYear.timing.median ?? null,
        naive: w.reads.summaryYear.naive.median,
      },
      q?.same && !q.same.summaryYear ? { note: 'SQLite result DIFFERS' } : {},
    ),
    row(size, 'weekly post (median)', 'ms', {
      project: w.reads.weeklyPost.project.median,
      naive: w.reads.weeklyPost.naive.median,
    }),
    row(
      size,
      'compaction: time',
      'ms',
      { project: w.compaction.ms },
      {
        note: `${w.compaction.entries} entries, writes going on (worst ${fmt(w.compaction.writesDuring.max, 'ms')} ms)`,
      },
    ),
    row(size, 'compaction: longest event-loop block', 'ms', { project: w.compaction.eventLoopBlockedMaxMs }),
    row(size, 'daily backup: time', 'ms', { project: w.backup.ms }, { note: 'a compaction, then a copy' }),
    row(size, 'daily backup: longest event-loop block', 'ms', { project: w.backup.eventLoopBlockedMaxMs }),
  ];
  if (e2e) {
    const r = e2e.reportFiles;
    out.push(
      row(
        size,
        'grammY: mix p50',
        'ms',
        { project: e2e.sequential.latency.p50 },
        {
          note: 'sequential; 40% /viectot, 30% /bangxephang, 30% /cuatoi',
        },
      ),
      row(size, 'grammY: mix p99', 'ms', { project: e2e.sequential.latency.p99 }),
      row(
        size,
        'grammY: /viectot p50',
        'ms',
        { project: e2e.viectot.latency.p50 },
        {
          note: 'handleUpdate → the answer sent, fdatasync included',
        },
      ),
      row(size, 'grammY: /viectot p99', 'ms', { project: e2e.viectot.latency.p99 }),
      row(
        size,
        'grammY: 50 writers, own chats: /s',
        '/s',
        { project: e2e.writersApart.perSecond },
        {
          higherIsBetter: true,
        },
      ),
      row(size, 'grammY: 50 writers, own chats: p99', 'ms', { project: e2e.writersApart.latency.p99 }),
      row(
        size,
        'grammY: 50 writers, own chats: worst',
        'ms',
        { project: e2e.writersApart.latency.max },
        {
          note: `longest event-loop gap meanwhile ${fmt(e2e.writersApart.eventLoopBlockedMaxMs, 'ms')} ms`,
        },
      ),
      row(
        size,
        'grammY: 50 writers, one group: worst',
        'ms',
        { project: e2e.writersInGroup.latency.max },
        {
          note: "grammY's runner answers one chat's messages in order",
        },
      ),
      row(
        size,
        '/tonghop nam file: files sent after',
        'ms',
        { project: r.ms },
        {
          note: `report process; ${r.bytes.map((b) => `${(b / 2 ** 20).toFixed(1)} MB`).join(' + ')}`,
        },
      ),
      row(
        size,
        '/tonghop nam file: longest event-loop block',
        'ms',
        { project: r.eventLoopBlockedMaxMs },
        {
          note: 'main thread, from the request to the files sent',
        },
      ),
      row(
        size,
        '/tonghop nam file: peak RSS',
        'MB',
        { project: r.rssPeakMB },
        {
          note: `the bot's process; ${r.rssBeforeMB.toFixed(0)} MB before`,
        },
      ),
      row(
        size,
        '/tonghop nam file: report process peak RSS',
        'MB',
        { project: r.childRssPeakMB ?? null },
        { note: 'the child that builds the files (its memory goes when it ends)' },
      ),
      row(
        size,
        '/tonghop nam file: RSS after',
        'MB',
        { project: r.rssAfterMB ?? null },
        { note: "the bot's process, once the report process has ended" },
      ),
      row(
        size,
        'writers during /tonghop nam file: worst',
        'ms',
        { project: r.writers.latency.max },
        {
          note: `50 writers in their own chats; p99 ${fmt(r.writers.latency.p99, 'ms')} ms; files after ${fmt(r.withWriters.ms, 'ms')} ms, longest block ${fmt(r.withWriters.eventLoopBlockedMaxMs, 'ms')} ms`,
        },
      ),
    );
    const z = e2e.allDrafts;
    if (z) {
      out.push(
        row(
          size,
          '/baocaothanhtich tatca: zip sent after',
          'ms',
          { project: z.ms },
          { note: `every achievement draft, one zip of ${fmt((z.bytes[0] ?? 0) / 2 ** 20, 'MB')} MB` },
        ),
        row(size, '/baocaothanhtich tatca: report process peak RSS', 'MB', {
          project: z.childRssPeakMB ?? null,
        }),
        row(
          size,
          '/baocaothanhtich tatca: peak RSS',
          'MB',
          { project: z.rssPeakMB },
          {
            note: `the bot's process; ${fmt(z.rssAfterMB ?? null, 'MB')} MB once the report process ended; longest event-loop block ${fmt(z.eventLoopBlockedMaxMs, 'ms')} ms`,
          },
        ),
      );
    }
  }
  return out;
}

export interface TargetCheck {
  target: string;
  value: number | null;
  unit: string;
  limit: number;
  /** The value must be at most `limit` (times, memory) or at least `limit` (rates). */
  atMost: boolean;
  pass: boolean | null;
}

export function targets(results: readonly SizeResult[]): TargetCheck[] | null {
  const r = results.find((x) => x.size === 100_000);
  if (!r) return null;
  const w = r.worker;
  const e = r.e2e;
  const check = (target: string, value: number | null, unit: string, limit: number, atMost = true) => ({
    target,
    value,
    unit,
    limit,
    atMost,
    pass: value === null || Number.isNaN(value) ? null : atMost ? value <= limit : value >= limit,
  });
  const out: TargetCheck[] = [
    check('/viectot through grammY, p99 (fdatasync included)', e?.viectot.latency.p99 ?? null, 'ms', 5),
    check(
      '50 concurrent writers through grammY (own chats), worst',
      e?.writersApart.latency.max ?? null,
      'ms',
      50,
    ),
    check('50 concurrent writers at the store, worst', w.sustained.project.max, 'ms', 50),
    check('compaction: longest event-loop block', w.compaction.eventLoopBlockedMaxMs, 'ms', 50),
    check('daily backup: longest event-loop block', w.backup.eventLoopBlockedMaxMs, 'ms', 50),
    check(
      '/tonghop nam file: longest event-loop block',
      e?.reportFiles.eventLoopBlockedMaxMs ?? null,
      'ms',
      50,
    ),
    check('cold start: process start → polling', r.polling.ms, 'ms', 300),
    check('cold start: process start → store loaded', r.cold.project.readyMs, 'ms', 300),
    check('cold start: Store.open', r.cold.project.openMs, 'ms', 300),
    check('RSS after load', r.cold.project.rssMB, 'MB', 150),
    check(
      '≥ 1,000 writes/s, 50 concurrent writers (store)',
      w.sustained.project.perSecond,
      '/s',
      1000,
      false,
    ),
    check('/tonghop for a year', w.reads.summaryYear.project.median, 'ms', 100),
    check(
      'first /tonghop năm after a start: event-loop block',
      median(r.cold.project.all.map((c) => c.firstYear?.tonghopMs ?? Number.NaN)),
      'ms',
      50,
    ),
    check(
      'first weekly post and /kehoach after a start: event-loop block',
      median(
        r.cold.project.all.map((c) =>
          Math.max(c.firstYear?.weeklyPostMs ?? Number.NaN, c.firstYear?.kehoachMs ?? Number.NaN),
        ),
      ),
      'ms',
      50,
    ),
    check(
      'RSS after the first year-wide reads',
      median(r.cold.project.all.map((c) => c.firstYear?.rssMB ?? Number.NaN)),
      'MB',
      150,
    ),
    check('weekly post', w.reads.weeklyPost.project.median, 'ms', 50),
  ];
  const files = e?.reportFiles;
  if (files?.childRssPeakMB !== undefined) {
    out.push(
      check("/tonghop nam file: the bot's peak RSS", files.rssPeakMB, 'MB', 150),
      check(
        "/tonghop nam file: the bot's RSS once the report process ended",
        files.rssAfterMB ?? null,
        'MB',
        150,
      ),
    );
  }
  if (e?.allDrafts?.childRssPeakMB !== undefined) {
    out.push(
      check('/baocaothanhtich tatca: the zip’s peak (report process)', e.allDrafts.childRssPeakMB, 'MB', 300),
    );
  }
  const agency = results.find((x) => x.size === 25_000)?.e2e?.reportFiles;
  if (agency) {
    out.push(
      check('/tonghop nam file at 25k: wall', agency.ms, 'ms', 2000),
      check('/tonghop nam file at 25k: peak RSS', agency.rssPeakMB, 'MB', 300),
    );
  }
  return out;
}

export function fmt(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === '/s') return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const ratioText = (value: number | null) =>
  value === null
    ? ''
    : value >= 10
      ? `${Math.round(value).toLocaleString('en-US')}×`
      : `${value.toFixed(2)}×`;

function table(headers: string[], body: string[][], alignRight: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (alignRight[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join(' | ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n');
}

const sizeLabel = (size: number) => (size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size));

export function renderTable(all: readonly Row[]): string {
  const body: string[][] = [];
  let previous: number | undefined;
  for (const r of all) {
    body.push([
      previous === r.size ? '' : sizeLabel(r.size),
      `${r.metric} (${r.unit})`,
      fmt(r.project, r.unit),
      fmt(r.sqlite, r.unit),
      fmt(r.naive, r.unit),
      ratioText(r.vsSqlite),
      ratioText(r.vsNaive),
      r.note ?? '',
    ]);
    previous = r.size;
  }
  return table(['size', 'metric', 'project', 'SQLite', 'lowdb', 'vs SQLite', 'vs lowdb', 'notes'], body, [
    false,
    false,
    true,
    true,
    true,
    true,
    true,
    false,
  ]);
}

export function renderTargets(checks: readonly TargetCheck[] | null): string {
  if (!checks) return 'Targets at 100k: not checked (100000 is not among the sizes).';
  const body = checks.map((c) => [
    c.target,
    `${fmt(c.value, c.unit)} ${c.unit}`,
    `${c.atMost ? '≤' : '≥'} ${c.limit.toLocaleString('en-US')} ${c.unit}`,
    c.pass === null ? 'n/a' : c.pass ? 'pass' : 'MISS',
  ]);
  return `Targets at 100k\n${table(['target', 'measured', 'limit', 'result'], body, [false, true, true, false])}`;
}

/** Where Store.open's time and memory go, phase by phase. */
export function renderColdPhases(results: readonly SizeResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.coldPhases) continue;
    const body = r.coldPhases.phases.map((p) => [
      p.phase,
      fmt(p.ms, 'ms'),
      fmt(p.rssMB, 'MB'),
      fmt(p.heapUsedMB, 'MB'),
    ]);
    out.push(
      `Cold start by phase, project, ${sizeLabel(r.size)} entries (each phase on its own: the last two repeat the first)\n${table(['phase', 'ms', 'RSS MB', 'heap MB'], body, [false, true, true, true])}`,
    );
  }
  return out.join('\n\n');
}

/** Per-call cost of the helpers the e2e commands share. */
export function renderHotSpots(results: readonly SizeResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.e2e?.microseconds) continue;
    const body = Object.entries(r.e2e.microseconds).map(([name, us]) => [name, fmt(us, 'µs')]);
    out.push(
      `Per-call cost in the e2e process (${sizeLabel(r.size)} store)\n${table(['call', 'µs'], body, [false, true])}`,
    );
  }
  return out.join('\n\n');
}
