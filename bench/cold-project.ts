// Child process: one cold start of the project, as `npm start` makes it — built like dist/main.js
// (scripts/build.mjs's settings), with the modules the bot imports before it opens its store.
// Usage: node --expose-gc cold-project.js DIR
import { join } from 'node:path';
import { createApp } from '../bot/app.js';
import { createConfig, readPlanFile } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { writeFrame } from '../bot/report-wire.js';
import { reportRequest } from '../bot/reports.js';
import { memberRecord } from '../commands/lib/mine.js';
import { planChart, planText } from '../commands/posts/plan.js';
import type { Member } from '../core/domain.js';
import { driveEntries } from '../core/nominations.js';
import { periodContaining } from '../core/periods.js';
import { locales } from '../locales/index.js';
import { Store } from '../storage/store.js';
import { agency, emit, LAST_FULL_WEEK_DAY, loopWatch, mb } from './common.js';
import { summary, weeklyPost } from './read-paths.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cold-project.js DIR');
// What main.ts has loaded by the time it opens the store (the bundle evaluated every module first).
if (typeof createApp !== 'function' || typeof createConfig !== 'function') throw new Error('not the bot');
void createLogger;

const rssBefore = process.memoryUsage.rss();
const started = performance.now();
const store = await Store.open(join(dir, 'project'));
const openMs = performance.now() - started;
const readyMs = performance.now();
const rss = process.memoryUsage.rss();
const heapUsed = process.memoryUsage().heapUsed;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssAfterGc = process.memoryUsage.rss();
// What the bot does once it polls (bot/main.ts): the figures' blocks summed one at a time between
// turns of the event loop. Its time, and the longest the loop was held meanwhile.
const warmWatch = loopWatch();
const warmStarted = performance.now();
while (store.warmFigures()) await new Promise((resolve) => setImmediate(resolve));
const warm = { ms: performance.now() - warmStarted, longestBlockMs: warmWatch.stop() };
// Then the first year-wide reads after the start, each a synchronous step (the event loop held
// throughout): /tonghop năm's figures, the weekly post (with the plan's progress for the year), /kehoach.
const timed = (read: () => unknown) => {
  const t = performance.now();
  read();
  return performance.now() - t;
};
const config = agency();
const plan = readPlanFile('config/plan-2026.json');
const post = { t: locales.vi, store, agency: config, plan };
const firstYear = {
  tonghopMs: timed(() => summary(store, config)),
  weeklyPostMs: timed(() => weeklyPost(store, config)),
  kehoachMs: timed(() => {
    planText(post, LAST_FULL_WEEK_DAY);
    planChart(post, LAST_FULL_WEEK_DAY);
  }),
  /** The process once they were answered (no collection forced: what the machine sees). */
  rssMB: mb(process.memoryUsage.rss()),
  entriesBuilt: store.entriesBuilt,
  warm,
};
// Then the reads that list a few of the year's entries, each building only those: a drive's, found by
// its #tag (/chuyende: every text of the year searched, none kept decoded), one member's year
// (/cuatoi năm, the desk's own page: theirs, and those they logged).
const year = periodContaining('year', LAST_FULL_WEEK_DAY);
const builtBeforeLists = store.entriesBuilt;
const lists = {
  chuyendeMs: timed(() => driveEntries(store, { id: 'bench', title: '', tag: 'baucu', date: '' }, year.year)),
  // What /cuatoi năm and the desk's own page read: the member's counts and standing, and the newest
  // of their entries shown (the desk's page of 50; /cuatoi shows 30).
  cuatoiMs: timed(() => memberRecord(store, store.members[0] as Member, year, config.review.mode).newest(50)),
  entriesBuilt: 0,
  rssMB: 0,
};
lists.entriesBuilt = store.entriesBuilt - builtBeforeLists;
lists.rssMB = mb(process.memoryUsage.rss());
// What /tonghop năm file holds the event loop for before the report process takes over: the capture
// of the store it is built from, and its frame handed to the socket (bot/reports.ts).
const captureStarted = performance.now();
const request = reportRequest(store, { agency: config }, []);
writeFrame({ write: () => true }, request.header, request.blobs);
const captureMs = performance.now() - captureStarted;
// Then the whole current year built as entries once (what a report, or the desk's titles page of every
// member, still reads).
const yearStarted = performance.now();
const inYear = store.entriesBetween(year.start, year.end).length;
const yearMs = performance.now() - yearStarted;
gc?.();
const rssYearHot = process.memoryUsage.rss();
const entries = store.state.entries.count;
await store.close();
emit({
  side: 'project',
  entries,
  openMs,
  /** Since the process started: Node's start-up, the bundle's modules, the open. */
  readyMs,
  rssBeforeMB: mb(rssBefore),
  rssMB: mb(rss),
  heapUsedMB: mb(heapUsed),
  rssAfterGcMB: gc ? mb(rssAfterGc) : null,
  firstYear,
  lists,
  captureMs,
  /** After the current year's entries were read once and kept built. */
  yearHot: { entries: inYear, ms: yearMs, rssMB: mb(rssYearHot) },
});
