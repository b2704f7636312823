// Child process: one side — the project's Store or naive lowdb — on one generated store: read paths,
// sequential durable writes, then sustained writes from 50 concurrent users; and for the project its
// compaction and daily backup, with the longest the event loop was held during each. One side per
// process: lowdb's heap (~400 MB at 100k) would otherwise weigh on the project's garbage collection.
// Usage: node size-worker.js SIZE DIR project|naive
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { AgencyConfig } from '../core/agency.js';
import type { Member } from '../core/domain.js';
import type { Actor, NewEntry } from '../core/repository.js';
import { PeriodTotals, pointsFor } from '../core/scoring.js';
import type { StoreDocument } from '../storage/schema.js';
import { newEntry, Store } from '../storage/store.js';
import {
  CONCURRENT_USERS,
  emit,
  GROUP_ID,
  type LatencyStats,
  latencyStats,
  agency as loadAgency,
  loopWatch,
  NOW,
  note,
  pick,
  type ReadTiming,
  rng,
  type SustainedResult,
  settleDisk,
  timeRead,
} from './common.js';
import { entryText, randomKind } from './data.js';
import { naiveView, type ReadView, summary, week, weekLeaderboard, weeklyPost } from './read-paths.js';

const [sizeArg, dir, side] = process.argv.slice(2);
const size = Number(sizeArg);
if (!dir || !Number.isInteger(size) || size <= 0 || (side !== 'project' && side !== 'naive')) {
  throw new Error('usage: size-worker.js SIZE DIR project|naive');
}

/**
 * Sustained load: 20,000 commands (the store folds its journal into the snapshot every 5,000 lines, so
 * the figure includes the compactions a steady stream pays for, each while writes go on), capped
 * at 10 s. Naive lowdb gets 3 s: each of its writes rewrites the whole file.
 */
const SUSTAIN_OPS = Number(process.env.BENCH_SUSTAIN_OPS ?? 20_000);
const SUSTAIN_MS = Number(process.env.BENCH_SUSTAIN_MS ?? 10_000);
const NAIVE_SUSTAIN_MS = Math.min(SUSTAIN_MS, Number(process.env.BENCH_NAIVE_SUSTAIN_MS ?? 3000));
const PROJECT_SEQ_SAMPLES = Number(process.env.BENCH_SEQ_SAMPLES ?? 1000);
/** Naive lowdb rewrites the whole file per write: cap its samples (and its time) so the run stays short. */
const NAIVE_SEQ_CAP = size >= 100_000 ? 20 : size >= 10_000 ? 100 : 200;
const NAIVE_SEQ_BUDGET_MS = 8_000;

const agency: AgencyConfig = loadAgency();

/** One command's worth of input: what /viectot, /hoanthanh or /sangkien would hand to the store. */
function inputs(members: readonly Member[], side: string, seed: number) {
  const random = rng(seed);
  let i = 0;
  return (): [NewEntry, Actor] => {
    i += 1;
    const kind = randomKind(random);
    const reporter = pick(random, members);
    const other = pick(random, members);
    const { text, adhoc, it, mention } = entryText(random, kind, other);
    return [
      {
        kind,
        text,
        points: pointsFor(kind, { adhoc, it }, agency.points),
        adhoc,
        it,
        memberId: mention ? other.id : reporter.id,
      },
      {
        by: reporter.id,
        platform: 'telegram',
        // Logged "now", a millisecond apart, as a live bot would: appended after the existing entries.
        at: new Date(NOW.getTime() + i),
        source: `telegram:${GROUP_ID}:${side}-${i}`,
      },
    ];
  };
}

/** Naive lowdb as its README shows: `db.update(fn)` per entry, which rewrites db.json (JSONFile). */
function naiveAdd(db: Low<StoreDocument>, [input, actor]: [NewEntry, Actor]): Promise<void> {
  return db.update((data) => {
    // The same record the project's store writes, so both sides store the same bytes.
    data.entries.push(
      newEntry(
        input,
        data.nextEntryNo,
        data.members.find((m) => m.id === input.memberId)?.departmentId ?? '',
        actor,
      ),
    );
    data.nextEntryNo += 1;
    data.seq += 1;
  });
}

async function sequential(
  op: () => Promise<unknown>,
  samples: number,
  budgetMs: number,
): Promise<LatencyStats & { capped: boolean; requested: number }> {
  for (let i = 0; i < 3; i += 1) await op(); // warm-up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < samples && (times.length < 10 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await op();
    times.push(performance.now() - t0);
  }
  return { ...latencyStats(times), capped: times.length < samples, requested: samples };
}

/** `workers` concurrent users, each awaiting its own command in a loop, until `maxOps` or the deadline. */
async function sustained(
  op: () => Promise<unknown>,
  durationMs: number,
  maxOps: number,
  afterEach?: () => void,
  workers = CONCURRENT_USERS,
): Promise<SustainedResult> {
  const times: number[] = [];
  const start = performance.now();
  const deadline = start + durationMs;
  let started = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (started < maxOps && performance.now() < deadline) {
        started += 1;
        const t0 = performance.now();
        await op();
        times.push(performance.now() - t0);
        afterEach?.();
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  return {
    ops: times.length,
    workers,
    durationMs,
    maxOps,
    elapsedMs,
    perSecond: times.length / (elapsedMs / 1000),
    ...latencyStats(times),
  };
}

function timeReads(view: ReadView) {
  const read = (name: string, fn: (v: ReadView) => unknown) => {
    const r = timeRead(() => fn(view), side === 'naive' ? { maxIterations: 100 } : {});
    note(`  ${side} ${name}: ${r.timing.median.toFixed(3)} ms`);
    return { timing: r.timing, sample: r.result } as { timing: ReadTiming; sample: unknown };
  };
  return {
    leaderboardWeek: read('week leaderboard', (v) => weekLeaderboard(v, agency)),
    summaryYear: read('/tonghop year', (v) => summary(v, agency)),
    weeklyPost: read('weekly post', (v) => weeklyPost(v, agency)),
  };
}

if (side === 'naive') {
  note(`size ${size}: naive lowdb`);
  const db = new Low<StoreDocument>(
    new JSONFile<StoreDocument>(join(dir, 'naive', 'db.json')),
    {} as StoreDocument,
  );
  await db.read();
  const reads = timeReads(naiveView(() => db.data));
  const seqInput = inputs(db.data.members, 'seq-naive', 11);
  const sequentialNaive = await sequential(
    () => naiveAdd(db, seqInput()),
    NAIVE_SEQ_CAP,
    NAIVE_SEQ_BUDGET_MS,
  );
  note(`  naive db.update: p50 ${sequentialNaive.p50.toFixed(3)} ms (${sequentialNaive.samples})`);
  const load = inputs(db.data.members, 'load-naive', 12);
  const sustainedNaive = await sustained(() => naiveAdd(db, load()), NAIVE_SUSTAIN_MS, SUSTAIN_OPS);
  note(`  naive: ${sustainedNaive.perSecond.toFixed(1)}/s`);
  emit({
    reads,
    sequential: sequentialNaive,
    sustained: sustainedNaive,
    entriesAfter: db.data.entries.length,
  });
  process.exit(0);
}

note(`size ${size}: the project's store`);
const store = await Store.open(join(dir, 'project'));
const reads = timeReads(store);

// ---- one command with its durable write ----------------------------------------------------------
const projectInput = inputs(store.members, 'seq-project', 11);
const seqDirtyMB = settleDisk();
const seqProject = {
  ...(await sequential(() => store.addEntry(...projectInput()), PROJECT_SEQ_SAMPLES, 30_000)),
  dirtyBeforeMB: seqDirtyMB,
};
note(`  project addEntry: p50 ${seqProject.p50.toFixed(3)} ms, p99 ${seqProject.p99.toFixed(3)} ms`);

// ---- sustained, 50 concurrent users ---------------------------------------------------------------
note(`size ${size}: ${CONCURRENT_USERS} concurrent users`);
const loadProject = inputs(store.members, 'load-project', 12);
let compactions = 0;
let lastLines = store.journalLines;
const susDirtyMB = settleDisk();
const susProject = await sustained(
  () => store.addEntry(...loadProject()),
  SUSTAIN_MS,
  SUSTAIN_OPS,
  () => {
    if (store.journalLines < lastLines) compactions += 1;
    lastLines = store.journalLines;
  },
);
note(`  project: ${susProject.perSecond.toFixed(0)}/s, p99 ${susProject.p99.toFixed(2)} ms`);
// ---- what /viectot does with the store: the durable write, then the week's rank for its answer --------
note(`size ${size}: write + week rank`);
const rankInput = inputs(store.members, 'rank-project', 13);
const writeAndRank = await sequential(
  async () => {
    // The week SQLite ranks too: the store's last full week (the bench's own writes all fall on NOW).
    await store.addEntry(...rankInput());
    const period = week();
    // As /viectot ranks (commands/lib/log-entry.ts): from the store's groups, no entry built.
    return PeriodTotals.grouped(store, period, agency.review.mode).members(store.members);
  },
  Math.ceil(PROJECT_SEQ_SAMPLES / 2),
  30_000,
);
note(`  project write + rank: p50 ${writeAndRank.p50.toFixed(3)} ms, p99 ${writeAndRank.p99.toFixed(3)} ms`);

// ---- one compaction: the journal folded into a new snapshot, while writes go on --------------------------
// The watch starts before the compaction does, so a block at its very start counts.
const entriesAfter = store.state.entries.count;
await store.addEntry(...loadProject()); // a journal line to fold
const during: number[] = [];
let compacting = true;
const writer = (async () => {
  // A writer keeps going meanwhile: its latency shows what a compaction costs a command.
  const more = inputs(store.members, 'during-compaction', 14);
  while (compacting) {
    const t0 = performance.now();
    await store.addEntry(...more());
    during.push(performance.now() - t0);
  }
})();
const compactWatch = loopWatch();
const compactStarted = performance.now();
await store.compact();
const compactMs = performance.now() - compactStarted;
const compactBlock = compactWatch.stop();
compacting = false;
await writer;
const compaction = {
  entries: store.state.entries.count,
  ms: compactMs,
  eventLoopBlockedMaxMs: compactBlock,
  writesDuring: latencyStats(during),
};
note(
  `  compaction of ${compaction.entries} entries: ${compactMs.toFixed(0)} ms, event loop held at most ${compactBlock.toFixed(1)} ms; ${during.length} writes meanwhile, max ${compaction.writesDuring.max.toFixed(1)} ms`,
);

// ---- the daily backup: a compaction, then a copy of the snapshot -------------------------------------------
await store.addEntry(...loadProject());
const backupWatch = loopWatch();
const backupStarted = performance.now();
await store.backupIfDue(new Date(NOW.getTime() + 86_400_000));
const backup = { ms: performance.now() - backupStarted, eventLoopBlockedMaxMs: backupWatch.stop() };
note(
  `  daily backup: ${backup.ms.toFixed(0)} ms, event loop held at most ${backup.eventLoopBlockedMaxMs.toFixed(1)} ms`,
);
await store.close();

emit({
  size,
  reads,
  sequential: seqProject,
  writeAndRank,
  sustained: { ...susProject, compactions, dirtyBeforeMB: susDirtyMB },
  compaction,
  backup,
  entriesAfter,
});
