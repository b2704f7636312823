/**
 * Which test files run in which time zone (read by vitest.config.ts; checked by test/zones.test.ts).
 *
 * Every period is computed in Asia/Ho_Chi_Minh whatever the server's zone. A slip — a date-fns call
 * without `in`, a local getter — passes on a server in Vietnam and fails elsewhere, so the files that
 * touch the calendar run again in UTC and in America/Los_Angeles (15 hours behind Vietnam: 10:00 on a
 * Wednesday in Hà Nội is still Tuesday there). The rest run once: a retry, a button's signature or a
 * snapshot's CRC comes out the same in every zone, and repeating them only made `npm test` three
 * times slower.
 *
 * What decides is what a file does, read from its text: a file that sets the time (`new Date(…)`,
 * `now: …`, `runDue(…)`) or imports a module that reads the calendar is repeated — so a new test
 * that works with dates is repeated without anyone remembering to list it. A few such files are
 * kept to one zone on purpose, each with its reason, in `ONE_ZONE`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const HOME_ZONE = 'Asia/Ho_Chi_Minh';
export const OTHER_ZONES = ['UTC', 'America/Los_Angeles'] as const;

/**
 * The source modules that may read local time or the calendar (date-fns, croner); every other module
 * passes instants around. test/zones.test.ts fails when another module starts to, so that a new one
 * is seen, added here, and its tests repeated.
 */
export const CALENDAR_SOURCES = ['core/periods.ts', 'core/plan.ts', 'bot/scheduler.ts'] as const;

/** Test files the rule below picks that run in the home zone only, and why. */
export const ONE_ZONE: Readonly<Record<string, string>> = {
  'test/storage/crash.test.ts':
    'the SIGKILL soak: child processes writing entries; what it checks is durability, not dates',
  'test/e2e/startup.test.ts': '`npm start` as child processes: start-up, signals and refusals',
  'test/e2e/pictures.test.ts':
    'draws real PNGs; the posts’ times, periods and file names are checked in every zone by test/bot/scheduler.test.ts (with a stand-in drawing) and test/e2e/figures.test.ts',
  'test/zones.test.ts': 'reads the source files to check this choice; its example lines only look like dates',
  'test/web/desk.test.ts':
    'Chromium driving the desk (sign-in, access, decisions, downloads); an expired launch is dated two hours back; the periods the pages show are core/periods.ts’s, repeated in every zone by their own tests',
  'test/web/meeting.test.ts':
    'Chromium on the Council’s meeting and secret ballot; the meeting’s time is the one typed, shown in Vietnam’s zone by core/periods.ts (repeated in every zone by its own tests); the meeting’s rules are test/e2e/council.test.ts’s, in every zone',
  'test/storage/contract.test.ts':
    'the store on files and on PostgreSQL: durability, undo, histories and refusals; its times are instants, and the store’s periods are test/storage/store.test.ts’s',
  'test/storage/postgres.test.ts': 'PostgreSQL: migrations, fencing, a server going away; times are instants',
  'test/storage/move.test.ts': 'store:move as child processes: the copy checked whole; times are instants',
  'test/paper/paper.test.ts':
    'LibreOffice converts every file to PDF (the slow part, once); what it checks is the printed pages, not dates — the files’ periods are test/e2e/reports.test.ts’s',
  'test/e2e/no-stall.test.ts':
    'a report held by a gate: it checks the order of the answers; the year’s files’ dates are test/e2e/reports.test.ts’s',
};

const SETS_TIME = /new Date\([^)]|Date\.UTC\(|setSystemTime\(|\bnow: |\.now = |runDue\(/;
const IMPORTS_CALENDAR = new RegExp(
  `from '(?:\\.\\./)+(?:${CALENDAR_SOURCES.map((f) => f.replace(/\.ts$/, '')).join('|')})\\.js'|from '(?:date-fns|@date-fns/tz|croner)`,
);

/** A test file that sets the time or imports the calendar: its outcome may depend on the zone. */
export function touchesCalendar(source: string): boolean {
  return SETS_TIME.test(source) || IMPORTS_CALENDAR.test(source);
}

/** Every test file under `root`/test, as a path relative to `root` with forward slashes. */
export function testFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) found.push(relative(root, path).replace(/\\/g, '/'));
    }
  };
  walk(join(root, 'test'));
  return found.sort();
}

/** The test files repeated in `OTHER_ZONES`. */
export function zonedTestFiles(root: string): string[] {
  return testFiles(root).filter(
    (file) => !(file in ONE_ZONE) && touchesCalendar(readFileSync(join(root, file), 'utf8')),
  );
}
