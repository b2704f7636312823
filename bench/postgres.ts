// `npm run bench:postgres`: the store on PostgreSQL beside the embedded store, at 100,000 and 1,000,000
// entries (BENCH_PG_SIZES), in the same run and on the same data: durable write p50/p99, 50 concurrent
// writers, /tonghop for a year, cold start (fresh processes), and a takeover (the active instance
// SIGKILLed while writing; the time until the warm standby — which read the store and followed its
// journal while it waited — has applied the last lines and could answer). PostgreSQL from
// PG_TEST_URL (default the project machines' 127.0.0.1:5432), in a database of its own, dropped after.
// Separate from `npm run bench` (whose naive-lowdb and SQLite sides cannot hold a million entries: the
// JSON document alone would be past V8's longest string). Prints a table; writes bench/postgres.json.
//
// Usage: npm run bench:postgres            (BENCH_PG_SIZES=100000,1000000 by default)
//        node --import tsx bench/postgres.ts child MODE …   (its own children)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Actor, NewEntry } from '../core/repository.js';
import { pointsFor } from '../core/scoring.js';
import { EntryTable } from '../storage/entry-table.js';
import { FileLog, STORE_FILE } from '../storage/file-log.js';
import { newStoreId } from '../storage/line.js';
import {
  Follower,
  Lease,
  migrate,
  openPostgresStore,
  PostgresLog,
  readPostgresStore,
  takeEpoch,
} from '../storage/postgres/index.js';
import { emptyState, STORE_VERSION, type State } from '../storage/schema.js';
import { Store } from '../storage/store.js';
import {
  CONCURRENT_USERS,
  latencyStats,
  agency as loadAgency,
  NOW,
  percentile,
  pick,
  rng,
  timeRead,
} from './common.js';
import { entryText, generateState, randomKind } from './data.js';
import { summary } from './read-paths.js';

const quiet = { info() {}, warn() {}, error() {} };
const SEQ_SAMPLES = Number(process.env.BENCH_SEQ_SAMPLES ?? 1000);
const SUSTAIN_OPS = Number(process.env.BENCH_SUSTAIN_OPS ?? 20_000);
const SUSTAIN_MS = Number(process.env.BENCH_SUSTAIN_MS ?? 10_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 2);

type Side = 'embedded' | 'postgres';
interface Where {
  dir: string;
  url: string;
  schema: string;
}

/** The store of one side, opened for writing (PostgreSQL: with a fresh epoch). */
async function openSide(side: Side, where: Where, compactAfter?: number): Promise<Store> {
  const options = compactAfter ? { compactAfter } : {};
  if (side === 'embedded') return Store.open(join(where.dir, 'embedded'), options);
  const target = { url: where.url, schema: where.schema };
  return openPostgresStore(target, {
    logger: quiet,
    dataDir: '',
    epoch: await takeEpoch(target, 'bench'),
    ...options,
  });
}

/** One command's worth of input, as the bot's commands hand it to the store. */
function inputs(store: Store, tag: string, seed: number) {
  const random = rng(seed);
  const agency = loadAgency();
  let i = 0;
  return (): [NewEntry, Actor] => {
    i += 1;
    const kind = randomKind(random);
    const reporter = pick(random, store.members);
    const other = pick(random, store.members);
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
      { by: reporter.id, platform: 'telegram', at: new Date(NOW.getTime() + i), source: `bench:${tag}:${i}` },
    ];
  };
}

// ---- children ----------------------------------------------------------------------------------------

async function childCold(side: Side, where: Where) {
  const rssBefore = process.memoryUsage.rss();
  const started = performance.now();
  const store =
    side === 'embedded'
      ? await Store.readOnly(join(where.dir, 'embedded'))
      : await readPostgresStore({ url: where.url, schema: where.schema });
  const openMs = performance.now() - started;
  const rss = process.memoryUsage.rss();
  const entries = store.state.entries.count;
  await store.close();
  return { side, entries, openMs, rssBeforeMB: rssBefore / 2 ** 20, rssMB: rss / 2 ** 20 };
}

async function childWork(side: Side, where: Where) {
  const store = await openSide(side, where);
  const agency = loadAgency();
  const year = timeRead(() => summary(store, agency), { maxIterations: 30, budgetMs: 3000 });
  const seq = inputs(store, `${side}-seq`, 11);
  for (let i = 0; i < 3; i += 1) await store.addEntry(...seq());
  const times: number[] = [];
  for (let i = 0; i < SEQ_SAMPLES; i += 1) {
    const t0 = performance.now();
    await store.addEntry(...seq());
    times.push(performance.now() - t0);
  }
  const load = inputs(store, `${side}-load`, 12);
  const sustained: number[] = [];
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + SUSTAIN_MS;
  await Promise.all(
    Array.from({ length: CONCURRENT_USERS }, async () => {
      while (started < SUSTAIN_OPS && performance.now() < deadline) {
        started += 1;
        const s = performance.now();
        await store.addEntry(...load());
        sustained.push(performance.now() - s);
      }
    }),
  );
  const elapsed = performance.now() - t0;
  await store.close();
  return {
    side,
    yearSummaryMs: year.timing.median,
    write: latencyStats(times),
    concurrent: {
      ...latencyStats(sustained),
      perSecond: sustained.length / (elapsed / 1000),
      ops: sustained.length,
    },
  };
}

/** The active instance: holds the lease, loads the store, writes until killed. */
async function childActive(where: Where) {
  const target = { url: where.url, schema: where.schema };
  const lease = (await Lease.acquire(target, { logger: quiet })) as Lease;
  const store = await openPostgresStore(target, { logger: quiet, dataDir: '', epoch: lease.epoch });
  process.stdout.write('active\n');
  const next = inputs(store, 'active', 21);
  for (;;) await store.addEntry(...next()).catch(() => {});
}

/**
 * The standby: reads the store and follows its journal while it waits for the lease (a warm standby,
 * storage/postgres/follow.ts), then takes over; prints when it could serve.
 */
async function childStandby(where: Where) {
  const target = { url: where.url, schema: where.schema };
  const started = Date.now();
  const follower = new Follower(target, { logger: quiet, dataDir: '' }).start();
  while (follower.seq === null) await new Promise((resolve) => setTimeout(resolve, 100));
  const warmMs = Date.now() - started;
  process.stdout.write('following\n');
  const lease = (await Lease.acquire(target, { logger: quiet, pollMs: 1_000 })) as Lease;
  const leased = Date.now();
  const followed = follower.followed;
  const { store, from, applied } = await follower.promote(lease.epoch);
  const loaded = Date.now();
  process.stdout.write(
    `${JSON.stringify({ leased, loaded, warmMs, from, followed, applied, entries: store.state.entries.count })}\n`,
  );
  await store.close();
  await lease.release();
}

// ---- the run -----------------------------------------------------------------------------------------

function child(mode: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(
      process.execPath,
      ['--max-old-space-size=8192', '--import', 'tsx', 'bench/postgres.ts', 'child', mode, ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    c.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    c.on('error', reject);
    c.on('exit', (code, signal) => {
      if (code === 0 || signal === 'SIGKILL') resolve(out.trim().split('\n').at(-1) ?? '');
      else reject(new Error(`bench child ${mode} exited with ${code ?? signal}`));
    });
  });
}

/** Builds the store of `size` entries straight into the entry table (no JSON: a million entries' would not fit a string). */
async function generate(size: number, where: Where) {
  const started = performance.now();
  const document = generateState(loadAgency(), size);
  const { entries, ...rest } = document;
  const state: State = {
    ...emptyState(),
    ...rest,
    // A store of today's layout has an identity (storage/line.ts): a snapshot without one is refused.
    store: newStoreId(),
    version: STORE_VERSION,
    entries: new EntryTable(),
  };
  for (const entry of [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)))
    state.entries.append(entry);
  const generatedMs = performance.now() - started;
  const dir = join(where.dir, 'embedded');
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  await new FileLog(dir, quiet).snapshot(() => async () => true).write(state);
  const fileMs = performance.now() - t0;
  const target = { url: where.url, schema: where.schema };
  await migrate(target, quiet);
  const t1 = performance.now();
  const log = new PostgresLog({
    ...target,
    logger: quiet,
    dataDir: '',
    epoch: await takeEpoch(target, 'bench'),
  });
  await log.snapshot(() => async () => true).write(state);
  const postgresMs = performance.now() - t1;
  const { size: snapshotBytes } = await stat(join(dir, STORE_FILE));
  return {
    entries: state.entries.count,
    generatedMs,
    snapshotBytes,
    writeSnapshotMs: { embedded: fileMs, postgres: postgresMs },
  };
}

async function main() {
  const [first, mode, dir, url, schema] = process.argv.slice(2);
  if (first === 'child') {
    const where = { dir: dir as string, url: url as string, schema: schema as string };
    if (mode === 'cold-embedded' || mode === 'cold-postgres') {
      process.stdout.write(
        `${JSON.stringify(await childCold(mode === 'cold-embedded' ? 'embedded' : 'postgres', where))}\n`,
      );
    } else if (mode === 'work-embedded' || mode === 'work-postgres') {
      process.stdout.write(
        `${JSON.stringify(await childWork(mode === 'work-embedded' ? 'embedded' : 'postgres', where))}\n`,
      );
    } else if (mode === 'active') {
      await childActive(where);
    } else if (mode === 'standby') {
      await childStandby(where);
    }
    process.exit(0);
  }
  const sizes = (process.env.BENCH_PG_SIZES ?? '100000,1000000').split(',').map(Number);
  const base = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const dbName = `thidua_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  const results: unknown[] = [];
  const root = await mkdtemp(join(os.tmpdir(), 'thidua-pg-bench-'));
  try {
    for (const size of sizes) {
      const where = { dir: join(root, String(size)), url: u.toString(), schema: `s${size}` };
      const load = os.loadavg().map((x) => Number(x.toFixed(2)));
      process.stderr.write(`\n== ${size} entries (load ${load.join(', ')}) ==\n`);
      const generated = await generate(size, where);
      process.stderr.write(`generated ${JSON.stringify(generated)}\n`);
      const cold: Record<Side, unknown[]> = { embedded: [], postgres: [] };
      for (let i = 0; i < COLD_RUNS; i += 1) {
        for (const side of ['embedded', 'postgres'] as const) {
          cold[side].push(JSON.parse(await child(`cold-${side}`, [where.dir, where.url, where.schema])));
        }
      }
      process.stderr.write(`cold ${JSON.stringify(cold)}\n`);
      const work: Record<string, unknown> = {};
      for (const side of ['embedded', 'postgres'] as const) {
        work[side] = JSON.parse(await child(`work-${side}`, [where.dir, where.url, where.schema]));
        process.stderr.write(`work ${side} ${JSON.stringify(work[side])}\n`);
      }
      const taken = await takeoverRun(where);
      process.stderr.write(`takeover ${JSON.stringify(taken)}\n`);
      results.push({ size, load, generated, cold, work, takeover: taken });
      await rm(where.dir, { recursive: true, force: true });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  const text = render(results as Result[]);
  process.stdout.write(`\n${text}\n`);
  await writeFile(
    'bench/postgres.json',
    `${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version, date: new Date().toISOString(), loadAtEnd: os.loadavg() }, text, results }, null, 2)}\n`,
  );
}

/** Kills the active instance (a child holding the lease and writing) and times the standby's takeover. */
async function takeoverRun(where: Where) {
  const spawnChild = (mode: string) =>
    spawn(
      process.execPath,
      [
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        'bench/postgres.ts',
        'child',
        mode,
        where.dir,
        where.url,
        where.schema,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
  const lines = (c: ReturnType<typeof spawnChild>, want: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      let buffer = '';
      c.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        for (const line of buffer.split('\n')) if (want(line)) resolve(line);
      });
      c.on('exit', () => reject(new Error('child ended early')));
    });
  const active = spawnChild('active');
  await lines(active, (l) => l === 'active');
  const standby = spawnChild('standby');
  await lines(standby, (l) => l === 'following');
  const result = lines(standby, (l) => l.startsWith('{'));
  // The active instance goes on writing while the standby follows it, then is killed mid-write.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const killedAt = Date.now();
  active.kill('SIGKILL');
  const r = JSON.parse(await result) as {
    leased: number;
    loaded: number;
    warmMs: number;
    from: string;
    followed: number;
    applied: number;
    entries: number;
  };
  await new Promise((resolve) => standby.on('exit', resolve));
  return {
    leaseMs: r.leased - killedAt,
    loadedMs: r.loaded - killedAt,
    warmMs: r.warmMs,
    from: r.from,
    followed: r.followed,
    applied: r.applied,
    entries: r.entries,
  };
}

interface Result {
  size: number;
  load: number[];
  generated: { snapshotBytes: number; writeSnapshotMs: Record<Side, number> };
  cold: Record<Side, { openMs: number; rssMB: number }[]>;
  work: Record<
    Side,
    {
      yearSummaryMs: number;
      write: { p50: number; p99: number };
      concurrent: { perSecond: number; p99: number; max: number };
    }
  >;
  takeover: { leaseMs: number; loadedMs: number; warmMs: number; from: string; applied: number };
}

function render(results: Result[]): string {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const med = (xs: { openMs: number }[]) =>
    percentile(
      xs.map((x) => x.openMs),
      50,
    );
  const rss = (xs: { rssMB: number }[]) =>
    percentile(
      xs.map((x) => x.rssMB),
      50,
    );
  const rows: [string, string, string][] = [];
  for (const r of results) {
    const e = r.work.embedded;
    const p = r.work.postgres;
    rows.push(
      [`${r.size.toLocaleString('en-US')} entries (load ${r.load.join('/')})`, 'embedded', 'PostgreSQL'],
      ['durable write p50 (ms)', f(e.write.p50), f(p.write.p50)],
      ['durable write p99 (ms)', f(e.write.p99), f(p.write.p99)],
      ['50 concurrent writers: writes/s', f(e.concurrent.perSecond), f(p.concurrent.perSecond)],
      ['50 concurrent writers: p99 (ms)', f(e.concurrent.p99), f(p.concurrent.p99)],
      ['50 concurrent writers: worst (ms)', f(e.concurrent.max), f(p.concurrent.max)],
      ['/tonghop for a year, median (ms)', f(e.yearSummaryMs), f(p.yearSummaryMs)],
      ['cold start: store loaded (ms, median)', f(med(r.cold.embedded)), f(med(r.cold.postgres))],
      ['RSS once loaded (MB)', f(rss(r.cold.embedded)), f(rss(r.cold.postgres))],
      [
        'snapshot written (ms)',
        f(r.generated.writeSnapshotMs.embedded),
        f(r.generated.writeSnapshotMs.postgres),
      ],
      ['standby: store read, following (ms)', '—', f(r.takeover.warmMs)],
      ['takeover: lock freed → standby active (ms)', '—', f(r.takeover.leaseMs)],
      [
        `takeover: kill → store current, serving (ms; ${r.takeover.from}, ${r.takeover.applied} lines applied)`,
        '—',
        f(r.takeover.loadedMs),
      ],
    );
  }
  const w0 = Math.max(...rows.map((r) => r[0].length));
  return rows.map((r) => `${r[0].padEnd(w0)} | ${r[1].padStart(10)} | ${r[2].padStart(10)}`).join('\n');
}

await main();
