// Turns the children's results into the table (size | metric | project | naive lowdb | ratio) and the
// "targets at 100k" check.
import type { E2ePhase, LatencyStats, ReadTiming, SustainedResult } from './common.js';

export interface Generated {
  entries: number;
  members: number;
  withdrawn: number;
  snapshotBytes: number;
  lowdbBytes: number;
  ms: number;
}

export interface ColdStart {
  side: 'project' | 'naive';
  entries: number;
  openMs: number;
  readyMs: number;
  rssBeforeMB: number;
  rssMB: number;
  heapUsedMB: number;
  rssAfterGcMB: number | null;
  heapAfterGcMB: number | null;
}

export interface ColdSummary {
  runs: number;
  openMs: number;
  readyMs: number;
  rssBeforeMB: number;
  rssMB: number;
  heapUsedMB: number;
  rssAfterGcMB: number | null;
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

export interface WorkerResult {
  size: number;
  reads: { leaderboardWeek: ReadComparison; summaryYear: ReadComparison; weeklyPost: ReadComparison };
  sequential: { project: SequentialResult; naive: SequentialResult };
  sustained: { project: SustainedResult; naive: SustainedResult };
  compaction: { entries: number; ms: number; eventLoopBlockedMaxMs: number };
  entriesAfter: { project: number; naive: number };
}

export interface E2eResult {
  entries: number;
  sequential: E2ePhase;
  concurrent: E2ePhase;
  microseconds: Record<string, number>;
}

export interface ColdPhases {
  entries: number;
  sorted: boolean;
  textChars: number;
  phases: { phase: string; ms: number; rssMB: number; heapUsedMB: number }[];
}

export interface SizeResult {
  size: number;
  generated: Generated;
  cold: { project: ColdSummary; naive: ColdSummary };
  e2e: E2eResult | null;
  coldPhases: ColdPhases | null;
  worker: WorkerResult;
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
  naive: number | null;
  /** How many times better the project is than naive lowdb (> 1: the project wins). */
  ratio: number | null;
  note?: string;
}

function row(
  size: number,
  metric: string,
  unit: string,
  project: number | null,
  naive: number | null,
  higherIsBetter = false,
  note?: string,
): Row {
  const ratio =
    project === null || naive === null || project === 0 || naive === 0
      ? null
      : higherIsBetter
        ? project / naive
        : naive / project;
  return { size, metric, unit, higherIsBetter, project, naive, ratio, ...(note ? { note } : {}) };
}

export function rows(result: SizeResult): Row[] {
  const { size, worker: w, cold, e2e } = result;
  const seqNaive = w.sequential.naive;
  const naiveSeqNote =
    seqNaive.capped || size >= 100_000 ? `naive n=${seqNaive.samples} (capped)` : undefined;
  const susNaive = w.sustained.naive;
  const out: Row[] = [
    row(
      size,
      'store file size',
      'MB',
      result.generated.snapshotBytes / 2 ** 20,
      result.generated.lowdbBytes / 2 ** 20,
    ),
    row(
      size,
      'write p50: 1 command + durable write',
      'ms',
      w.sequential.project.p50,
      seqNaive.p50,
      false,
      naiveSeqNote,
    ),
    row(
      size,
      'write p99: 1 command + durable write',
      'ms',
      w.sequential.project.p99,
      seqNaive.p99,
      false,
      naiveSeqNote,
    ),
    row(
      size,
      'sustained commands/s, 50 users',
      '/s',
      w.sustained.project.perSecond,
      susNaive.perSecond,
      true,
      `project ${w.sustained.project.ops} ops incl. ${w.sustained.project.compactions ?? 0} compaction(s); naive ${susNaive.ops} ops, ${susNaive.durationMs / 1000} s cap`,
    ),
    row(size, 'sustained p99 latency, 50 users', 'ms', w.sustained.project.p99, susNaive.p99),
    row(size, 'sustained max latency, 50 users', 'ms', w.sustained.project.max, susNaive.max),
    row(
      size,
      'compaction (full snapshot rewrite)',
      'ms',
      w.compaction.ms,
      null,
      false,
      `${w.compaction.entries} entries; event loop blocked up to ${fmt(w.compaction.eventLoopBlockedMaxMs, 'ms')} ms`,
    ),
    row(
      size,
      'week leaderboard (median)',
      'ms',
      w.reads.leaderboardWeek.project.median,
      w.reads.leaderboardWeek.naive.median,
    ),
    row(
      size,
      '/tonghop year (median)',
      'ms',
      w.reads.summaryYear.project.median,
      w.reads.summaryYear.naive.median,
    ),
    row(
      size,
      'weekly post (median)',
      'ms',
      w.reads.weeklyPost.project.median,
      w.reads.weeklyPost.naive.median,
    ),
    row(
      size,
      'cold start: open/read (median)',
      'ms',
      cold.project.openMs,
      cold.naive.openMs,
      false,
      `${cold.project.runs} fresh processes each`,
    ),
    row(
      size,
      'cold start: process start → loaded (median)',
      'ms',
      cold.project.readyMs,
      cold.naive.readyMs,
      false,
      'includes Node start-up, tsx and module loading',
    ),
    row(
      size,
      'RSS after load (median)',
      'MB',
      cold.project.rssMB,
      cold.naive.rssMB,
      false,
      `process baseline before load ≈ ${cold.project.rssBeforeMB.toFixed(0)} MB (node + tsx + modules)`,
    ),
    row(size, 'RSS after load + forced GC', 'MB', cold.project.rssAfterGcMB, cold.naive.rssAfterGcMB),
  ];
  if (e2e) {
    const s = e2e.sequential;
    const c = e2e.concurrent;
    out.push(
      row(
        size,
        'e2e grammY updates/s, sequential',
        '/s',
        s.perSecond,
        null,
        true,
        'mix 40% /viectot, 30% /bangxephang, 30% /cuatoi',
      ),
      row(size, 'e2e grammY p50, sequential', 'ms', s.latency.p50, null),
      row(size, 'e2e grammY p99, sequential', 'ms', s.latency.p99, null),
      row(size, 'e2e grammY /viectot p99, sequential', 'ms', s.byCommand.viectot?.p99 ?? null, null),
      row(size, 'e2e grammY updates/s, 50 in flight', '/s', c.perSecond, null, true),
      row(size, 'e2e grammY p50, 50 in flight', 'ms', c.latency.p50, null),
      row(size, 'e2e grammY p99, 50 in flight', 'ms', c.latency.p99, null),
    );
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
  supplementary?: boolean;
}

export function targets(results: readonly SizeResult[]): TargetCheck[] | null {
  const r = results.find((x) => x.size === 100_000);
  if (!r) return null;
  const w = r.worker;
  const check = (
    target: string,
    value: number | null,
    unit: string,
    limit: number,
    atMost: boolean,
    supplementary = false,
  ): TargetCheck => ({
    target,
    value,
    unit,
    limit,
    atMost,
    pass: value === null ? null : atMost ? value <= limit : value >= limit,
    ...(supplementary ? { supplementary } : {}),
  });
  return [
    check(
      'p99 ≤ 5 ms per command incl. its durable write (store addEntry)',
      w.sequential.project.p99,
      'ms',
      5,
      true,
    ),
    check(
      '  … and end to end through grammY (/viectot, sequential)',
      r.e2e?.sequential.byCommand.viectot?.p99 ?? null,
      'ms',
      5,
      true,
      true,
    ),
    check(
      '≥ 1,000 commands/s sustained (50 concurrent users)',
      w.sustained.project.perSecond,
      '/s',
      1000,
      false,
    ),
    check(
      '  … and end to end through grammY (50 in flight)',
      r.e2e?.concurrent.perSecond ?? null,
      '/s',
      1000,
      false,
      true,
    ),
    check('/tonghop for a year ≤ 100 ms', w.reads.summaryYear.project.median, 'ms', 100, true),
    check('weekly post ≤ 50 ms', w.reads.weeklyPost.project.median, 'ms', 50, true),
    check('cold start ≤ 1 s (Store.open: load + validate + index)', r.cold.project.openMs, 'ms', 1000, true),
    check('RSS ≤ 150 MB after load', r.cold.project.rssMB, 'MB', 150, true),
  ];
}

function fmt(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === '/s') return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const ratioText = (ratio: number | null) =>
  ratio === null
    ? ''
    : ratio >= 10
      ? `${Math.round(ratio).toLocaleString('en-US')}×`
      : `${ratio.toFixed(2)}×`;

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
      fmt(r.naive, r.unit),
      ratioText(r.ratio),
      r.note ?? '',
    ]);
    previous = r.size;
  }
  return table(['size', 'metric', 'project', 'naive lowdb', 'ratio', 'notes'], body, [
    false,
    false,
    true,
    true,
    true,
    false,
  ]);
}

export function renderTargets(checks: readonly TargetCheck[] | null): string {
  if (!checks) return 'Targets at 100k: not checked (100000 is not among BENCH_SIZES).';
  const body = checks.map((c) => [
    c.target,
    `${fmt(c.value, c.unit)} ${c.unit}`,
    `${c.atMost ? '≤' : '≥'} ${c.limit.toLocaleString('en-US')} ${c.unit}`,
    c.pass === null ? 'n/a' : c.pass ? 'PASS' : 'MISS',
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
    const total = r.coldPhases.phases.reduce((s, p) => s + p.ms, 0);
    body.push(['total', fmt(total, 'ms'), '', '']);
    out.push(
      `Cold start breakdown, project, ${sizeLabel(r.size)} entries (storage/snapshot-file.ts read + storage/store.ts index)\n${table(['phase', 'ms', 'RSS MB', 'heap MB'], body, [false, true, true, true])}`,
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
