// `npm run bench`: the project's store and bot against SQLite (node:sqlite, full durability) and naive
// lowdb, at 1k, 10k, 25k (one agency's year) and 100k entries (a province's year). Prints a table and
// writes it, with the machine and its load, to bench/results.json. `npm run bench -- --quick` (or
// BENCH_QUICK=1) is the short run: 1k and 25k, fewer samples.
//
// Every measurement runs in a fresh child process, built first with the bot's own build settings
// (scripts/build.mjs: what `npm start` runs is compiled JavaScript, so is what is measured), on files
// in a temporary directory that is removed afterwards. No network is used.
//
// Environment: BENCH_SIZES=1000,25000 to choose the sizes; BENCH_COLD_RUNS (default 3) fresh processes
// per cold start; BENCH_SQLITE_NODE=/path/to/node (>= 22.13) for the SQLite side when the Node running
// the bench has no node:sqlite (without one, the SQLite columns stay empty); BENCH_SUSTAIN_OPS,
// BENCH_SUSTAIN_MS, BENCH_SEQ_SAMPLES, BENCH_E2E_SEQUENTIAL, BENCH_E2E_VIECTOT, BENCH_E2E_CONCURRENT tune
// the children (see each file).
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { buildBot, bundle } from '../scripts/build.mjs';
import { STORE_FILE } from '../storage/store.js';
import { coldPolling } from './cold-polling.js';
import { BOT_ENV, BOT_NODE_FLAGS, BUILT, median, NOW, note, runChild } from './common.js';
import {
  type ColdPhases,
  type ColdStart,
  type ColdSummary,
  combine,
  type E2eResult,
  type Generated,
  type NaiveWork,
  type ProjectWork,
  renderColdPhases,
  renderHotSpots,
  renderTable,
  renderTargets,
  rows,
  type SizeResult,
  type SqliteWork,
  targets,
} from './report.js';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
if (quick) process.env.BENCH_QUICK = '1';
/** `--size 1m` (or `100k`, `25000`; a comma list): the sizes asked for on the command line. */
const sizeArg = process.argv.indexOf('--size');
const asked = sizeArg >= 0 ? process.argv[sizeArg + 1] : undefined;
const sizes = (asked ?? process.env.BENCH_SIZES ?? (quick ? '1000,25000' : '1000,10000,25000,100000'))
  .split(',')
  .map((s) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(s);
    return m ? Math.round(Number(m[1]) * ({ k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase()] ?? 1)) : Number.NaN;
  })
  .filter((n) => Number.isInteger(n) && n > 0);
/**
 * From this size on (1M: `npm run bench -- --size 1m`), a size is measured on its own terms: the
 * project's cold start and first reads after it, beside SQLite's — lowdb would rewrite half a GB a
 * write — written to bench/results-<size>.json instead of the main table.
 */
const LARGE = 500_000;
if (sizes.length === 0) throw new Error('BENCH_SIZES must list positive integers, e.g. 1000,25000');
const COLD_RUNS = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? (quick ? 1 : 3)));
/** The bot as `npm start` builds it, for the starts to polling (bench/cold-polling.ts). */
const BOT = join(BUILT, 'bot');
if (quick) {
  process.env.BENCH_SUSTAIN_OPS ??= '5000';
  process.env.BENCH_SEQ_SAMPLES ??= '300';
}
/** The grammY end to end runs on stores of a realistic size: 25k and up (or the largest). */
const e2eSizes = new Set(sizes.filter((s) => s >= 25_000));
if (e2eSizes.size === 0) e2eSizes.add(Math.max(...sizes));

/** A Node with node:sqlite (>= 22.13): this one, or BENCH_SQLITE_NODE. */
function sqliteNode(): string | null {
  for (const node of [process.env.BENCH_SQLITE_NODE, process.execPath]) {
    if (!node) continue;
    const probe = spawnSync(node, ['-e', "require('node:sqlite')"], { stdio: 'ignore' });
    if (probe.status === 0) return node;
  }
  return null;
}

function version(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

function machine(sqlite: string | null) {
  const cpus = os.cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = null;
  }
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    sqliteNode: sqlite ? version(sqlite) : null,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    tmpdir: os.tmpdir(),
    commit,
    quick,
  };
}

function summariseCold(all: ColdStart[]): ColdSummary {
  return {
    runs: all.length,
    openMs: median(all.map((c) => c.openMs)),
    readyMs: median(all.map((c) => c.readyMs)),
    rssBeforeMB: median(all.map((c) => c.rssBeforeMB)),
    rssMB: median(all.map((c) => c.rssMB)),
    all,
  };
}

/** The fields both sides compute, to check SQLite answers what the project answers. */
function sameSummary(a: unknown, b: unknown): boolean {
  const pick = (x: unknown) => {
    const s = x as Record<string, unknown>;
    return JSON.stringify([s.total, s.byKind, s.participants, s.withdrawn, s.review, s.top]);
  };
  return pick(a) === pick(b);
}

async function benchSize(root: string, size: number, sqlite: string | null): Promise<SizeResult> {
  const dir = join(root, `size-${size}`);
  const loadAverage = os.loadavg().map((x) => Number(x.toFixed(2)));
  note(`\n== ${size.toLocaleString('en-US')} entries == (load average ${loadAverage.join(', ')})`);
  const generated = await runChild<Omit<Generated, 'sqliteBytes'>>('generate', [String(size), dir]);
  const sqliteDb = join(dir, 'sqlite', 'store.db');
  const sqliteGenerated = sqlite
    ? await runChild<{ bytes: number }>('sqlite', ['generate', join(dir, 'naive', 'db.json'), sqliteDb], {
        node: sqlite,
      })
    : null;
  note(
    `generated ${generated.entries} entries (${generated.withdrawn} withdrawn), ${generated.members} members in ${generated.ms.toFixed(0)} ms`,
  );
  try {
    const project: ColdStart[] = [];
    const naive: ColdStart[] = [];
    const sqliteCold: ColdStart[] = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      project.push(await runChild<ColdStart>('cold-project', [dir], { flags: ['--expose-gc'] }));
      naive.push(await runChild<ColdStart>('cold-naive', [dir], { flags: ['--expose-gc'] }));
      if (sqlite) sqliteCold.push(await runChild<ColdStart>('sqlite', ['cold', sqliteDb], { node: sqlite }));
    }
    const cold = {
      project: summariseCold(project),
      naive: summariseCold(naive),
      sqlite: sqliteCold.length ? summariseCold(sqliteCold) : null,
    };
    note(
      `cold start: project ${cold.project.readyMs.toFixed(0)} ms / ${cold.project.rssMB.toFixed(0)} MB, naive ${cold.naive.readyMs.toFixed(0)} ms / ${cold.naive.rssMB.toFixed(0)} MB${cold.sqlite ? `, SQLite ${cold.sqlite.readyMs.toFixed(0)} ms / ${cold.sqlite.rssMB.toFixed(0)} MB` : ''}`,
    );
    const polling = await coldPolling(BOT, join(dir, 'project'), dir, COLD_RUNS);
    note(
      `cold start to polling: ${polling.ms.toFixed(0)} ms${polling.cpuMs === null ? '' : ` (CPU ${polling.cpuMs.toFixed(0)} ms)`}`,
    );
    const coldPhases = size === Math.max(...sizes) ? await runChild<ColdPhases>('cold-phases', [dir]) : null;
    // End to end first, on its own copy of the untouched store (the workers below append to theirs).
    const e2e = e2eSizes.has(size)
      ? await runChild<E2eResult>('e2e', [join(dir, 'project', STORE_FILE), join(dir, 'e2e')], {
          flags: BOT_NODE_FLAGS,
          env: BOT_ENV,
        })
      : null;
    const worker = combine(
      size,
      await runChild<ProjectWork>('size-worker', [String(size), dir, 'project']),
      await runChild<NaiveWork>('size-worker', [String(size), dir, 'naive']),
    );
    for (const [name, read] of Object.entries(worker.reads)) {
      if (!read.same) note(`  !! ${name}: the project's and lowdb's results differ`);
    }
    const sqliteWork = sqlite
      ? await runChild<SqliteWork>('sqlite', ['work', sqliteDb], { node: sqlite })
      : null;
    if (sqliteWork) {
      sqliteWork.same = {
        leaderboardWeek:
          JSON.stringify(sqliteWork.reads.leaderboardWeek.sample) ===
          JSON.stringify(worker.reads.leaderboardWeek.sample),
        summaryYear: sameSummary(sqliteWork.reads.summaryYear.sample, worker.reads.summaryYear.sample),
      };
      if (!sqliteWork.same.leaderboardWeek || !sqliteWork.same.summaryYear) {
        note(`  !! SQLite's results differ from the project's: ${JSON.stringify(sqliteWork.same)}`);
      }
    }
    return {
      size,
      generated: { ...generated, sqliteBytes: sqliteGenerated?.bytes ?? null },
      cold,
      polling,
      coldPhases,
      e2e,
      worker,
      sqlite: sqliteWork,
      loadAverage,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A large size (LARGE and up): cold starts and the first reads after them, the project beside SQLite. */
async function benchLarge(root: string, size: number, sqlite: string | null): Promise<void> {
  const dir = join(root, `size-${size}`);
  const loadAverage = os.loadavg().map((x) => Number(x.toFixed(2)));
  const began = performance.now();
  note(`\n== ${size.toLocaleString('en-US')} entries (large) == (load average ${loadAverage.join(', ')})`);
  const big = ['--max-old-space-size=8192'];
  const generated = await runChild<Omit<Generated, 'sqliteBytes'>>('generate', [String(size), dir], {
    flags: big,
  });
  const sqliteDb = join(dir, 'sqlite', 'store.db');
  const sqliteGenerated = sqlite
    ? await runChild<{ bytes: number }>('sqlite', ['generate', join(dir, 'naive', 'db.json'), sqliteDb], {
        node: sqlite,
        flags: big,
      })
    : null;
  try {
    const project: ColdStart[] = [];
    const sqliteCold: ColdStart[] = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      project.push(await runChild<ColdStart>('cold-project', [dir], { flags: ['--expose-gc', ...big] }));
      if (sqlite) sqliteCold.push(await runChild<ColdStart>('sqlite', ['cold', sqliteDb], { node: sqlite }));
    }
    const polling = await coldPolling(BOT, join(dir, 'project'), dir, COLD_RUNS);
    const med = (all: ColdStart[], f: (c: ColdStart) => number | undefined) =>
      all.length ? median(all.map((c) => f(c) ?? Number.NaN)) : null;
    const lines: [string, string, number | null, number | null, string][] = [
      [
        'store file size',
        'MB',
        generated.snapshotBytes / 2 ** 20,
        sqliteGenerated ? sqliteGenerated.bytes / 2 ** 20 : null,
        '',
      ],
      [
        'cold start: open the store',
        'ms',
        med(project, (c) => c.openMs),
        med(sqliteCold, (c) => c.openMs),
        `median of ${COLD_RUNS}`,
      ],
      [
        'cold start: process start → store loaded',
        'ms',
        med(project, (c) => c.readyMs),
        med(sqliteCold, (c) => c.readyMs),
        '',
      ],
      [
        'cold start: process start → polling',
        'ms',
        polling.ms,
        null,
        `node dist/main.js, Telegram stood in for on loopback; CPU ${fmtNumber(polling.cpuMs)} ms`,
      ],
      ['RSS after load', 'MB', med(project, (c) => c.rssMB), med(sqliteCold, (c) => c.rssMB), ''],
      [
        "start-up: the figures' blocks summed",
        'ms',
        med(project, (c) => c.firstYear?.warm?.ms),
        null,
        `between turns of the loop; longest block ${fmtNumber(med(project, (c) => c.firstYear?.warm?.longestBlockMs))} ms`,
      ],
      [
        'first after start: /tonghop năm',
        'ms',
        med(project, (c) => c.firstYear?.tonghopMs),
        med(sqliteCold, (c) => c.firstYear?.tonghopMs),
        'the loop held throughout; target ≤ 100 ms',
      ],
      [
        'first after start: weekly post',
        'ms',
        med(project, (c) => c.firstYear?.weeklyPostMs),
        null,
        'target ≤ 100 ms',
      ],
      [
        'first after start: /kehoach',
        'ms',
        med(project, (c) => c.firstYear?.kehoachMs),
        null,
        'target ≤ 100 ms',
      ],
      [
        'RSS after the first year-wide reads',
        'MB',
        med(project, (c) => c.firstYear?.rssMB),
        med(sqliteCold, (c) => c.firstYear?.rssMB),
        '',
      ],
      [
        '/tonghop nam file: the capture on the loop',
        'ms',
        med(project, (c) => c.captureMs),
        null,
        'the copy the report process builds from; target ≤ 100 ms',
      ],
      [
        'the whole year built as entries once',
        'ms',
        med(project, (c) => c.yearHot?.ms),
        null,
        `RSS then ${fmtNumber(med(project, (c) => c.yearHot?.rssMB))} MB: what the figures no longer do`,
      ],
    ];
    const table = [
      `size ${size.toLocaleString('en-US')} | metric | project | SQLite | notes`,
      ...lines.map(
        ([metric, unit, p, q, n]) => `${metric} (${unit}) | ${fmtNumber(p)} | ${fmtNumber(q)} | ${n}`,
      ),
    ].join('\n');
    const loadAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
    process.stdout.write(`\n${table}\n`);
    await writeFile(
      `bench/results-${size >= 1e6 && size % 1e6 === 0 ? `${size / 1e6}m` : size}.json`,
      `${JSON.stringify(
        {
          machine: machine(sqlite),
          size,
          runSeconds: Number(((performance.now() - began) / 1000).toFixed(1)),
          loadAverageAtStart: loadAverage,
          loadAverageAtEnd: loadAtEnd,
          table: lines.map(([metric, unit, project, sqliteValue, notes]) => ({
            metric,
            unit,
            project,
            sqlite: sqliteValue,
            notes,
          })),
          text: table,
          details: { generated, project, polling, sqlite: sqliteCold },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function fmtNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

const started = performance.now();
const root = await mkdtemp(join(os.tmpdir(), 'thidua-bench-'));
const removeRoot = () => rmSync(root, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeRoot();
    process.exit(130);
  });
}

// The bot itself, as `npm start` builds it.
await buildBot(BOT, { force: true });
// The children, built like the bot (and the report process the e2e child's bot starts).
await bundle(
  Object.fromEntries(
    ['generate', 'cold-project', 'cold-naive', 'cold-phases', 'size-worker', 'e2e', 'sqlite']
      .map((name) => [name, `bench/${name}.ts`])
      .concat([['report-worker', 'bot/report-worker.ts']]),
  ),
  BUILT,
);
// dist/ lies under the project's package.json ("type": "module"); BUILT, inside node_modules, has no
// package.json above it, so Node first read each child as CommonJS and searched it for module syntax —
// 10-20 ms of CPU a cold start that `npm start` never pays.
await writeFile(join(BUILT, 'package.json'), '{ "type": "module" }\n');
const sqlite = sqliteNode();
const info = machine(sqlite);
note(
  `thidua-bot bench — ${info.os}, ${info.cpuCount} × ${info.cpuModel}, ${info.totalMemoryGB} GB, Node ${info.node}; SQLite on ${info.sqliteNode ?? 'none (set BENCH_SQLITE_NODE to a Node >= 22.13)'}`,
);
note(`sizes: ${sizes.join(', ')}${quick ? ' (quick)' : ''}; temp dir ${root}`);
const results: SizeResult[] = [];
try {
  for (const size of sizes.filter((s) => s >= LARGE)) await benchLarge(root, size, sqlite);
  for (const size of sizes.filter((s) => s < LARGE)) results.push(await benchSize(root, size, sqlite));
} finally {
  removeRoot();
}
if (results.length === 0) process.exit(0);

const allRows = results.flatMap(rows);
const checks = targets(results);
const tableText = renderTable(allRows);
const targetsText = renderTargets(checks);
const phasesText = renderColdPhases(results);
const hotSpotsText = renderHotSpots(results);
const totalSeconds = (performance.now() - started) / 1000;
const loadAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
const notes = [
  'ratios = how many times better the project is than SQLite / naive lowdb (the other ÷ the project for times and memory, the project ÷ the other for rates); below 1× the other side is better.',
  `SQLite = node:sqlite (${info.sqliteNode ?? 'not run'}), journal_mode=WAL, synchronous=FULL (every commit fsync'd), one table per collection, an index on the entries' time, aggregates in SQL and the ranking rules in JS; its leaderboard and year summary are checked equal to the project's. Its children run on that Node; the project's and lowdb's on ${info.node}.`,
  'naive lowdb = Low + JSONFile, `await db.update(d => d.entries.push(e))` per entry, reads as array filters over db.data. Its write rewrites the whole JSON file without fsync: not durable across a power cut, which flatters its write latency.',
  `Data: ~80 members in the 5 departments of config/agency.json, entries spread over 2026-01-01 … ${NOW.toISOString()} (the bench clock); store-level reads use the last full week (16–22/11/2026) and the year 2026; grammY commands run on Wednesday of the last week, so each ranks a realistic week of entries (the daily cap raised so no writer is refused).`,
  'Store-level writes: sequential, and 50 concurrent writers (20,000 writes or 10 s; the project compacts every 5,000 meanwhile, lowdb capped at 3 s); a write is acknowledged after its fdatasync (the project, SQLite).',
  "grammY: the bot as `npm start` builds it (createApp), with { botInfo } and a local API transformer; latency from handleUpdate to the answer's sendMessage. Writers in their own chats run at once (grammY's runner); in one group they are answered in order, by design.",
  'Event-loop blocks: the longest gap between 1 ms timer ticks of a watch started before the operation (so a block at its very start counts; a value includes up to ~1 ms of timer period).',
  'Cold start and RSS: medians of fresh processes; the project side is the built bot (its modules, then Store.open), as `node dist/main.js` runs it. To polling: `node dist/main.js` itself, on a copy of the store, timed from its spawn to its first getUpdates to a stand-in for Telegram on loopback (after one start not counted, which fills the file and compile caches).',
  `Load average when each size started: ${results.map((r) => `${r.size}: ${r.loadAverage.join('/')}`).join('; ')}; at the end ${loadAtEnd.join('/')} (on ${info.cpuCount} CPUs; other work on the machine skews the figures).`,
];
for (const r of results) {
  for (const phase of r.e2e
    ? [r.e2e.sequential, r.e2e.viectot, r.e2e.writersApart, r.e2e.writersInGroup, r.e2e.reportFiles.writers]
    : []) {
    const unexpected = Object.entries(phase.replies).filter(([kind]) =>
      ['other', 'no reply', 'daily limit'].includes(kind),
    );
    if (unexpected.length) {
      notes.push(
        `WARNING e2e ${r.size} ${phase.mode}: unexpected replies ${JSON.stringify(Object.fromEntries(unexpected))}, e.g. ${JSON.stringify(phase.otherReplies)}`,
      );
    }
  }
}
const sections = [tableText, targetsText, phasesText, hotSpotsText, notes.map((n) => `• ${n}`).join('\n')];
process.stdout.write(`\n${sections.filter(Boolean).join('\n\n')}\n`);
process.stdout.write(
  `\nTotal run time ${totalSeconds.toFixed(0)} s. Results written to bench/results.json.\n`,
);

await writeFile(
  'bench/results.json',
  `${JSON.stringify(
    {
      machine: info,
      runSeconds: Number(totalSeconds.toFixed(1)),
      sizes,
      notes,
      table: allRows,
      targets: checks,
      loadAverageAtEnd: loadAtEnd,
      text: { table: tableText, targets: targetsText, coldPhases: phasesText, hotSpots: hotSpotsText },
      details: results,
    },
    null,
    2,
  )}\n`,
);
