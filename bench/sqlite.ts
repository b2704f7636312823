// Child process: SQLite doing the project's work, with full durability — Node's built-in node:sqlite
// (Node >= 22.13; the bench runs this child on the Node given by BENCH_SQLITE_NODE, or on its own
// Node when that one has it). journal_mode=WAL and synchronous=FULL: every commit is fsync'd before
// it returns. A straightforward SQLite bot: one table per collection, an index on the entries' time,
// aggregates in SQL, the ranking rules (ties, order by name) in JS as core/scoring.ts has them.
//
// better-sqlite3@12 was the other candidate: its install runs prebuild-install, which downloads the
// binary from GitHub releases (or node-gyp, which downloads Node's headers) — not from the npm
// registry, so it is not used here.
//
// Usage: node sqlite.js generate DOCUMENT.json DB | cold DB | work DB SIZE
import { statSync } from 'node:fs';
import type { AgencyConfig } from '../core/agency.js';
import type { Entry, Member } from '../core/domain.js';
import type { Period } from '../core/periods.js';
import { departmentAt, membersAt, rankDepartmentTotals, rankMemberTotals } from '../core/scoring.js';
import type { StoreDocument } from '../storage/schema.js';
import {
  CONCURRENT_USERS,
  emit,
  GROUP_ID,
  latencyStats,
  agency as loadAgency,
  mb,
  NOW,
  note,
  pick,
  rng,
  settleDisk,
  timeRead,
} from './common.js';
import { entryText, randomKind } from './data.js';
import { week, year } from './read-paths.js';

interface Statement {
  run(...params: unknown[]): { changes: number | bigint };
  all(...params: unknown[]): Record<string, unknown>[];
  get(...params: unknown[]): Record<string, unknown> | undefined;
}
interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
}

const rssBefore = process.memoryUsage.rss();
const { DatabaseSync } = (await import('node:sqlite' as string)) as {
  DatabaseSync: new (path: string) => Database;
};
const [mode, ...args] = process.argv.slice(2);
const agency: AgencyConfig = loadAgency();

function open(path: string): Database {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
  return db;
}

const SCHEMA = `
CREATE TABLE members (id TEXT PRIMARY KEY, full_name TEXT NOT NULL, department_id TEXT NOT NULL,
  departments TEXT NOT NULL, identities TEXT NOT NULL, username TEXT, registered_at TEXT NOT NULL,
  history TEXT NOT NULL);
CREATE TABLE entries (no INTEGER PRIMARY KEY, code TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  points INTEGER NOT NULL, adhoc INTEGER NOT NULL, it INTEGER NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id), reporter_id TEXT NOT NULL REFERENCES members(id),
  department_id TEXT NOT NULL, at INTEGER NOT NULL, at_text TEXT NOT NULL, status TEXT NOT NULL,
  review TEXT NOT NULL, photo TEXT, source TEXT NOT NULL UNIQUE, history TEXT NOT NULL);
CREATE INDEX entries_at ON entries(at);
`;

const INSERT = `INSERT INTO entries (no, code, kind, text, points, adhoc, it, member_id, reporter_id,
  department_id, at, at_text, status, review, photo, source, history)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function entryParams(e: Entry): unknown[] {
  return [
    Number(e.code.slice(2)),
    e.code,
    e.kind,
    e.text,
    e.points,
    e.adhoc ? 1 : 0,
    e.it ? 1 : 0,
    e.memberId,
    e.reporterId,
    e.departmentId,
    Date.parse(e.at),
    e.at,
    e.status,
    e.review,
    e.photo ? JSON.stringify(e.photo) : null,
    e.source,
    JSON.stringify(e.history),
  ];
}

function loadMembers(db: Database): Member[] {
  return db
    .prepare('SELECT * FROM members')
    .all()
    .map((r) => ({
      id: String(r.id),
      fullName: String(r.full_name),
      departmentId: String(r.department_id),
      departments: JSON.parse(String(r.departments)),
      identities: JSON.parse(String(r.identities)),
      ...(r.username ? { username: String(r.username) } : {}),
      registeredAt: String(r.registered_at),
      history: JSON.parse(String(r.history)),
    }));
}

const COUNTED = "status = 'active' AND review <> 'rejected'"; // review mode `after`, as config/agency.json

/** By department, the members with a counted entry earned there (core/scoring.ts's participants). */
function earnedBy(db: Database, period: Period) {
  const rows = db
    .prepare(
      `SELECT DISTINCT department_id AS d, member_id AS m FROM entries
       WHERE at >= ? AND at < ? AND ${COUNTED}`,
    )
    .all(period.start.getTime(), period.end.getTime());
  const earned = new Map<string, Set<string>>();
  for (const r of rows) {
    const ids = earned.get(String(r.d)) ?? new Set<string>();
    ids.add(String(r.m));
    earned.set(String(r.d), ids);
  }
  return earned;
}

function totalsBy(db: Database, column: 'member_id' | 'department_id', period: Period) {
  const rows = db
    .prepare(
      `SELECT ${column} AS id, SUM(points) AS p, COUNT(*) AS n FROM entries
       WHERE at >= ? AND at < ? AND ${COUNTED} GROUP BY ${column}`,
    )
    .all(period.start.getTime(), period.end.getTime());
  return new Map(rows.map((r) => [String(r.id), { points: Number(r.p), entries: Number(r.n) }]));
}

/** The week leaderboard: what /bangxephang shows (the same result as bench/read-paths.ts's). */
function weekLeaderboard(db: Database, members: readonly Member[], period = week()) {
  const count = db
    .prepare('SELECT COUNT(*) AS n FROM entries WHERE at >= ? AND at < ?')
    .get(period.start.getTime(), period.end.getTime());
  const byMember = totalsBy(db, 'member_id', period);
  const ranked = rankMemberTotals(members, byMember);
  const departments = rankDepartmentTotals(
    members,
    agency.departments,
    totalsBy(db, 'department_id', period),
    earnedBy(db, period),
    period.end,
  );
  return {
    entries: Number(count?.n),
    top: ranked
      .filter((s) => s.points > 0)
      .slice(0, agency.leaderboard.topMembers)
      .map((s) => `${s.rank}:${s.member.id}:${s.points}`),
    departments: departments.map((d) => `${d.rank}:${d.department.id}:${d.points}`),
  };
}

/** /tonghop for the year: what core/figures.ts's summarise computes (the fields bench/read-paths.ts compares). */
function yearSummary(db: Database, members: readonly Member[], period = year()) {
  const range = [period.start.getTime(), period.end.getTime()];
  const kinds = db
    .prepare(
      `SELECT kind, COUNT(*) AS n, SUM(points) AS p, SUM(adhoc) AS adhoc, SUM(it) AS it FROM entries
       WHERE at >= ? AND at < ? AND ${COUNTED} GROUP BY kind`,
    )
    .all(...range);
  const byKind = ['deed', 'task', 'initiative'].map((kind) => {
    const r = kinds.find((k) => k.kind === kind);
    return { kind, count: Number(r?.n ?? 0), points: Number(r?.p ?? 0) };
  });
  const states = db
    .prepare(
      'SELECT status, review, COUNT(*) AS n FROM entries WHERE at >= ? AND at < ? GROUP BY status, review',
    )
    .all(...range);
  const state = (status: string, review?: string) =>
    states
      .filter((s) => s.status === status && (review === undefined || s.review === review))
      .reduce((sum, s) => sum + Number(s.n), 0);
  const atEnd = membersAt(members, period.end);
  const byMember = totalsBy(db, 'member_id', period);
  const ranked = rankMemberTotals(
    members.filter((m) => departmentAt(m, period.end) || byMember.has(m.id)),
    byMember,
  );
  rankDepartmentTotals(
    members,
    agency.departments,
    totalsBy(db, 'department_id', period),
    earnedBy(db, period),
    period.end,
  );
  const top = ranked.filter((s) => s.rank > 0);
  const last = top[9];
  return {
    total: {
      count: byKind.reduce((s, k) => s + k.count, 0),
      points: byKind.reduce((s, k) => s + k.points, 0),
    },
    byKind: byKind.map((k) => `${k.kind}:${k.count}:${k.points}`),
    participants: atEnd.filter((m) => byMember.has(m.member.id)).length,
    withdrawn: state('withdrawn'),
    review: {
      mode: agency.review.mode,
      pending: state('active', 'pending'),
      approved: state('active', 'approved'),
      rejected: state('active', 'rejected'),
    },
    top: top
      .filter((s, i) => i < 10 || (last !== undefined && s.points === last.points))
      .map((m) => `${m.rank}:${m.member.id}:${m.points}`),
    adhoc: kinds.reduce((s, k) => s + Number(k.adhoc ?? 0), 0),
    it: kinds.reduce((s, k) => s + Number(k.it ?? 0), 0),
  };
}

/** A new entry as /viectot, /hoanthanh or /sangkien would write it (numbered after the last). */
function newEntries(db: Database, members: readonly Member[], side: string, seed: number) {
  const random = rng(seed);
  let next = Number(db.prepare('SELECT MAX(no) AS n FROM entries').get()?.n ?? 0) + 1;
  let i = 0;
  return (): Entry => {
    i += 1;
    const kind = randomKind(random);
    const reporter = pick(random, members);
    const other = pick(random, members);
    const { text, adhoc, it, mention } = entryText(random, kind, other);
    const credited = mention ? other : reporter;
    const no = next++;
    const at = new Date(NOW.getTime() + i).toISOString();
    const points = kind === 'deed' ? 2 : kind === 'task' ? 1 + (adhoc ? 1 : 0) : 3 + (it ? 2 : 0);
    return {
      code: `${kind === 'deed' ? 'VT' : kind === 'task' ? 'HT' : 'SK'}${no}`,
      kind,
      text,
      points,
      adhoc,
      it,
      memberId: credited.id,
      reporterId: reporter.id,
      departmentId: credited.departmentId,
      at,
      status: 'active',
      review: 'pending',
      source: `telegram:${GROUP_ID}:${side}-${i}`,
      history: [{ at, action: 'created', by: reporter.id, platform: 'telegram' }],
    };
  };
}

if (mode === 'generate') {
  const [documentPath, dbPath] = args as [string, string];
  const { mkdirSync, readFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(dbPath), { recursive: true });
  const document = JSON.parse(readFileSync(documentPath, 'utf8')) as StoreDocument;
  const db = open(dbPath);
  db.exec(SCHEMA);
  db.exec('BEGIN');
  const member = db.prepare('INSERT INTO members VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const m of document.members) {
    member.run(
      m.id,
      m.fullName,
      m.departmentId,
      JSON.stringify(m.departments),
      JSON.stringify(m.identities),
      m.username ?? null,
      m.registeredAt,
      JSON.stringify(m.history),
    );
  }
  const insert = db.prepare(INSERT);
  for (const e of document.entries) insert.run(...entryParams(e));
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  emit({ entries: document.entries.length, bytes: statSync(dbPath).size });
} else if (mode === 'cold') {
  const [dbPath] = args as [string];
  const t0 = performance.now();
  const db = open(dbPath);
  const members = loadMembers(db);
  const openMs = performance.now() - t0;
  const board = weekLeaderboard(db, members);
  const firstReadMs = performance.now() - t0;
  const rss = process.memoryUsage.rss();
  const readyMs = performance.now();
  // The first year-wide read after the start (/tonghop năm), as the project's cold child measures it.
  const yearStarted = performance.now();
  yearSummary(db, members);
  const firstYear = { tonghopMs: performance.now() - yearStarted, rssMB: mb(process.memoryUsage.rss()) };
  db.close();
  emit({
    side: 'sqlite',
    entries: board.entries,
    openMs,
    firstReadMs,
    firstYear,
    /** Since the process started: Node's start-up, node:sqlite, the open and the first read. */
    readyMs,
    rssBeforeMB: mb(rssBefore),
    rssMB: mb(rss),
  });
} else if (mode === 'work') {
  const [dbPath] = args as [string];
  const db = open(dbPath);
  const members = loadMembers(db);
  note('sqlite: read paths');
  const leaderboard = timeRead(() => weekLeaderboard(db, members));
  const summary = timeRead(() => yearSummary(db, members), { maxIterations: 50 });
  const insert = db.prepare(INSERT);
  const weekRank = () => rankMemberTotals(members, totalsBy(db, 'member_id', week()));

  note('sqlite: sequential durable inserts');
  // The same loops as the project's (bench/size-worker.ts): three writes to warm up, then the timed
  // writes back to back; then, apart, the write followed by the week's rank. (The timed writes used
  // to alternate with a write and a rank, so half of them came after ~1–2 ms without a write.)
  const next = newEntries(db, members, 'sqlite-seq', 11);
  const samples = Number(process.env.BENCH_SEQ_SAMPLES ?? 1000);
  for (let i = 0; i < 3; i += 1) insert.run(...entryParams(next()));
  const seqDirtyMB = settleDisk();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    insert.run(...entryParams(next()));
    times.push(performance.now() - t0);
  }
  // What /viectot does with the store: the durable write, then the week's rank for the answer.
  const withRank: number[] = [];
  for (let i = 0; i < Math.ceil(samples / 2); i += 1) {
    const t1 = performance.now();
    insert.run(...entryParams(next()));
    weekRank();
    withRank.push(performance.now() - t1);
  }
  note(`sqlite: ${CONCURRENT_USERS} concurrent writers`);
  const load = newEntries(db, members, 'sqlite-load', 12);
  const sustainOps = Number(process.env.BENCH_SUSTAIN_OPS ?? 20_000);
  const deadline = performance.now() + Number(process.env.BENCH_SUSTAIN_MS ?? 10_000);
  const latencies: number[] = [];
  let issued = 0;
  const susDirtyMB = settleDisk();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT_USERS }, async () => {
      while (issued < sustainOps && performance.now() < deadline) {
        issued += 1;
        const t0 = performance.now();
        // The writers take turns on the one thread: a write waits for the others' (synchronous) commits.
        await new Promise<void>((resolve) => setImmediate(resolve));
        insert.run(...entryParams(load()));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - start;
  const rss = process.memoryUsage.rss();
  db.close();
  emit({
    reads: {
      leaderboardWeek: { timing: leaderboard.timing, sample: leaderboard.result },
      summaryYear: { timing: summary.timing, sample: summary.result },
    },
    sequential: { ...latencyStats(times), dirtyBeforeMB: seqDirtyMB },
    writeAndRank: latencyStats(withRank),
    sustained: {
      ...latencyStats(latencies),
      ops: latencies.length,
      perSecond: latencies.length / (elapsed / 1000),
      dirtyBeforeMB: susDirtyMB,
    },
    rssMB: mb(rss),
  });
} else {
  throw new Error('usage: sqlite.js generate DOCUMENT DB | cold DB | work DB');
}
