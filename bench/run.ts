// `npm run bench`: the project's store against naive lowdb at 1k, 10k and 100k entries, plus the bot end
// to end through grammY. Prints a table and writes it, with the machine it ran on, to bench/results.json.
//
// Every measurement runs in a fresh child process (bench/generate.ts, cold-start.ts, e2e.ts,
// size-worker.ts) on files in a temporary directory that is removed afterwards. No network is used.
//
// Environment: BENCH_SIZES=1000,10000 to limit the sizes (default 1000,10000,100000); BENCH_COLD_RUNS
// (default 3) fresh processes per cold start; BENCH_SUSTAIN_OPS / BENCH_SUSTAIN_MS, BENCH_SEQ_SAMPLES,
// BENCH_E2E_SEQUENTIAL / BENCH_E2E_CONCURRENT tune the workers (see each file).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { STORE_FILE } from '../storage/store.js';
import { median, NOW, note, runChild } from './common.js';
import {
  type ColdPhases,
  type ColdStart,
  type ColdSummary,
  type E2eResult,
  type Generated,
  renderColdPhases,
  renderHotSpots,
  renderTable,
  renderTargets,
  rows,
  type SizeResult,
  targets,
  type WorkerResult,
} from './report.js';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) throw new Error('BENCH_SIZES must list positive integers, e.g. 1000,10000');
const COLD_RUNS = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? 3));
/** The grammY end-to-end run needs a store of a realistic size: the 10k and 100k stores (or the largest). */
const e2eSizes = new Set(sizes.filter((s) => s >= 10_000));
if (e2eSizes.size === 0) e2eSizes.add(Math.max(...sizes));

function machine() {
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
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    tmpdir: os.tmpdir(),
    commit,
  };
}

function summariseCold(all: ColdStart[]): ColdSummary {
  const gcValues = all.map((c) => c.rssAfterGcMB).filter((x): x is number => x !== null);
  return {
    runs: all.length,
    openMs: median(all.map((c) => c.openMs)),
    readyMs: median(all.map((c) => c.readyMs)),
    rssBeforeMB: median(all.map((c) => c.rssBeforeMB)),
    rssMB: median(all.map((c) => c.rssMB)),
    heapUsedMB: median(all.map((c) => c.heapUsedMB)),
    rssAfterGcMB: gcValues.length ? median(gcValues) : null,
    all,
  };
}

async function benchSize(root: string, size: number): Promise<SizeResult> {
  const dir = join(root, `size-${size}`);
  const loadAverage = os.loadavg().map((x) => Number(x.toFixed(2)));
  note(`\n== ${size.toLocaleString('en-US')} entries == (load average ${loadAverage.join(', ')})`);
  const generated = await runChild<Generated>('generate', [String(size), dir]);
  note(
    `generated ${generated.entries} entries (${generated.withdrawn} withdrawn), ${generated.members} members in ${generated.ms.toFixed(0)} ms`,
  );
  try {
    const project: ColdStart[] = [];
    const naive: ColdStart[] = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      project.push(await runChild<ColdStart>('cold-start', ['project', dir], ['--expose-gc']));
      naive.push(await runChild<ColdStart>('cold-start', ['naive', dir], ['--expose-gc']));
    }
    const cold = { project: summariseCold(project), naive: summariseCold(naive) };
    note(
      `cold start: project ${cold.project.openMs.toFixed(0)} ms / ${cold.project.rssMB.toFixed(0)} MB, naive ${cold.naive.openMs.toFixed(0)} ms / ${cold.naive.rssMB.toFixed(0)} MB`,
    );
    const coldPhases = size === Math.max(...sizes) ? await runChild<ColdPhases>('cold-phases', [dir]) : null;
    // End to end first, on its own copy of the untouched store (the worker below appends to it).
    const e2e = e2eSizes.has(size)
      ? await runChild<E2eResult>('e2e', [join(dir, 'project', STORE_FILE), join(dir, 'e2e')])
      : null;
    const worker = await runChild<WorkerResult>('size-worker', [String(size), dir]);
    return { size, generated, cold, e2e, coldPhases, worker, loadAverage };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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

const info = machine();
note(
  `thidua-bot bench — ${info.os}, ${info.cpuCount} × ${info.cpuModel}, ${info.totalMemoryGB} GB, Node ${info.node}`,
);
note(`sizes: ${sizes.join(', ')}; temp dir ${root}`);
const results: SizeResult[] = [];
try {
  for (const size of sizes) results.push(await benchSize(root, size));
} finally {
  removeRoot();
}

const allRows = results.flatMap(rows);
const checks = targets(results);
const tableText = renderTable(allRows);
const targetsText = renderTargets(checks);
const phasesText = renderColdPhases(results);
const hotSpotsText = renderHotSpots(results);
const notes = [
  'ratio = how many times better the project is than naive lowdb (naive ÷ project for times and memory, project ÷ naive for rates); below 1× the naive side is better.',
  'naive lowdb = Low + JSONFile, `await db.update(d => d.entries.push(e))` per entry, reads as plain array filters over db.data. Its write rewrites the whole JSON file (steno: temp file + rename) without fsync: it is NOT durable across a power cut, so its write latency flatters it.',
  `Data: ~80 members in the 5 departments of config/agency.json, entries spread over 2026-01-01 … ${NOW.toISOString()} (the bench clock); reads use the last full week (16–22/11/2026) and the year 2026.`,
  'Write latency: sequential addEntry (project) vs db.update (naive); the naive side is capped in samples (200 at 1k, 100 at 10k, 20 at 100k) and time (25 s).',
  "Sustained: 50 concurrent users, 20,000 commands or 10 s (project: one compaction's worth, the journal is folded into the snapshot every 20,000 lines, so the store grows by 20,000 entries during it); naive lowdb capped at 3 s.",
  'Cold start and RSS: medians of fresh child processes (node --import tsx, as `npm start` runs the bot); RSS includes the process baseline of Node + tsx + loaded modules (given in the notes column).',
  'e2e: the real grammY bot (createTelegramBot, Router, commands, Store) with { botInfo } and a local API transformer; latency from handleUpdate to the sendMessage call.',
];
const totalSeconds = (performance.now() - started) / 1000;

for (const r of results) {
  for (const phase of r.e2e ? [r.e2e.sequential, r.e2e.concurrent] : []) {
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
const loadAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
const loadNote = `Load average when each size started: ${results.map((r) => `${r.size}: ${r.loadAverage.join('/')}`).join('; ')}; at the end ${loadAtEnd.join('/')} (on ${info.cpuCount} CPUs; anything else running skews the figures).`;
notes.push(loadNote);
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
