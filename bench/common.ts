// Shared helpers for the benchmark: the fixed clock, a seeded PRNG, statistics and child processes.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAgencyFile } from '../bot/config.js';

/** The benchmark's "now": data covers 2026-01-01 up to here, new entries are logged at this instant. */
export const NOW = new Date('2026-11-25T09:00:00+07:00');
export const YEAR_START = new Date('2026-01-01T00:00:00+07:00');
/** The last complete week before NOW (Monday 16 – Sunday 22 November 2026), for the weekly read paths. */
export const LAST_FULL_WEEK_DAY = new Date('2026-11-18T12:00:00+07:00');

export const GROUP_ID = -1001234567890;
export const TELEGRAM_ID_BASE = 700_000;
export const MEMBER_COUNT = 80;
export const CONCURRENT_USERS = 50;

export const agency = () => readAgencyFile('config/agency.json');

/** mulberry32: small, fast and good enough to make the generated data reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  return ofSorted(Float64Array.from(values).sort(), p);
}

/**
 * The `p`th percentile of values sorted ascending. A typed array sorts numbers natively: the e2e
 * child's writers' latencies (~35,000) sorted with a comparator, twice a phase, took ~70 ms of CPU on
 * a loaded machine inside the loop watch of `/tonghop nam file` with writers, counted as the bot's block.
 */
function ofSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface LatencyStats {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/** A sustained-load run (size-worker.ts writes it, report.ts reads it). */
export interface SustainedResult extends LatencyStats {
  ops: number;
  workers: number;
  durationMs: number;
  maxOps: number;
  elapsedMs: number;
  perSecond: number;
  compactions?: number;
}

/** One end-to-end phase through grammY (e2e.ts writes it, report.ts reads it). */
export interface E2ePhase {
  mode: string;
  inFlight: number;
  updates: number;
  elapsedMs: number;
  perSecond: number;
  /** The process's CPU time (every thread: GC's and the disk's too) per update: what load does not skew. */
  cpuMsPerUpdate?: number;
  latency: LatencyStats;
  byCommand: Record<string, LatencyStats>;
  replies: Record<string, number>;
  otherReplies: string[];
}

export function latencyStats(values: readonly number[]): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  return {
    samples: values.length,
    p50: ofSorted(sorted, 50),
    p99: ofSorted(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
  };
}

export interface ReadTiming {
  median: number;
  p95: number;
  iterations: number;
}

/**
 * Times a synchronous read path: a few warm-up calls, then up to `maxIterations` calls or `budgetMs`,
 * whichever comes first (at least `minIterations`). Returns the last result so callers can compare sides.
 */
export function timeRead<T>(
  fn: () => T,
  options: { warmup?: number; minIterations?: number; maxIterations?: number; budgetMs?: number } = {},
): { timing: ReadTiming; result: T } {
  const { warmup = 3, minIterations = 5, maxIterations = 200, budgetMs = 1500 } = options;
  let result = fn();
  for (let i = 1; i < warmup; i += 1) result = fn();
  const times: number[] = [];
  const start = performance.now();
  while (
    times.length < minIterations ||
    (times.length < maxIterations && performance.now() - start < budgetMs)
  ) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { timing: { median: median(times), p95: percentile(times, 95), iterations: times.length }, result };
}

export const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * Has the kernel write out what earlier steps of the bench left in memory unwritten (the generated
 * stores, lowdb's file) before a side's durable writes are timed, and returns how many MB there were
 * (Linux; null elsewhere). The kernel writes such data back about 30 s after it was written
 * (vm.dirty_expire_centisecs) and an fsync meanwhile waits behind it: the project's durable writes
 * came some 20–30 s after the generator's ~140 MB, SQLite's after lowdb's — each side timed in
 * different weather. Both sides now start from a clean page cache; their own writes are all durable.
 */
export function settleDisk(): number | null {
  let dirty: number | null = null;
  try {
    const kb = /^Dirty:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
    dirty = kb === undefined ? null : Number(kb) / 1024;
  } catch {
    dirty = null;
  }
  spawnSync('sync', { stdio: 'ignore' });
  return dirty;
}

/** Writes progress to stderr (stdout of a child carries its JSON result). */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

const START_SCRIPT = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
).scripts.start.split(/\s+/);

/**
 * The node flags `npm start` runs the bot with (package.json's start script: V8's heap kept near what
 * the bot holds), for the children that run the bot as it does.
 */
export const BOT_NODE_FLAGS: readonly string[] = START_SCRIPT.filter((word) => word.startsWith('--'));

/**
 * The environment `npm start` sets for the bot (the start script's `NAME=value` words before `node`:
 * glibc's malloc settings), for the same children.
 */
export const BOT_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  START_SCRIPT.slice(0, START_SCRIPT.indexOf('node'))
    .map((word) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word))
    .flatMap((m) => (m ? [[m[1] as string, m[2] as string]] : [])),
);

/** Where the bench's children are built (scripts/build.mjs's settings: what `npm start` runs is compiled too). */
export const BUILT = join('node_modules', '.cache', 'thidua-bench');

/**
 * Runs a built bench child (`bench/<script>.ts`, compiled into BUILT) in a fresh Node process — `node`
 * by default the one running the bench — and returns the JSON object printed on its last stdout line.
 * Its stderr (progress) is passed through, indented.
 */
export function runChild<T>(
  script: string,
  args: readonly string[],
  options: { node?: string; flags?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.node ?? process.execPath,
      [...(options.flags ?? []), join(BUILT, `${script}.js`), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      process.stderr.write(chunk.replace(/^(?=.)/gm, '    '));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(
          new Error(
            `bench/${script}.ts ${args.join(' ')} exited with ${code ?? signal}: ${err.slice(-2000)}`,
          ),
        );
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`bench/${script}.ts printed no JSON result: ${out.slice(-500)}`));
      }
    });
  });
}

/**
 * Watches the event loop from this moment: the longest it went without running a timer callback,
 * until `stop()`. Started before an operation, it counts a block at the operation's very start (a
 * histogram from perf_hooks only samples from its first interval on). A 1 ms timer, so it does not
 * take a core from a worker thread; a value therefore includes up to ~1 ms of timer period.
 */
export function loopWatch(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop() {
      clearTimeout(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** Samples this process's RSS (every thread's memory) every `everyMs` until `stop()`: the peak seen. */
export function rssPeak(everyMs = 25): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
    },
  };
}

/** This process's children (Linux: /proc; elsewhere none are seen): the report process among them. */
export function childPids(): number[] {
  try {
    return readdirSync('/proc/self/task').flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** A process's highest RSS so far (VmHWM) in MB, or null once it is gone. */
function peakOf(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Watches this process's children every `everyMs` until `stop()`: the highest RSS any of them reached
 * (the kernel's own high-water mark, read while the child lives) — the report process's peak.
 */
export function childRssPeak(everyMs = 25): { stop(): number } {
  let peak = 0;
  const sample = () => {
    for (const pid of childPids()) peak = Math.max(peak, peakOf(pid) ?? 0);
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** Prints a child's result as its last stdout line. */
export function emit(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
