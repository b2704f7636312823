/**
 * The choice of which tests run again in other time zones (test/zones.ts) stays true as the code
 * grows: only the modules it names read the calendar, and the files that use them are repeated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALENDAR_SOURCES, ONE_ZONE, testFiles, touchesCalendar, zonedTestFiles } from './zones.js';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['core', 'commands', 'bot', 'storage', 'reports', 'locales', 'test', 'scripts', 'bench'];

/**
 * Reading the server's local time or calendar: a local getter or setter, a Date built from its parts
 * (`new Date(2026, 0, 1)`), locale date formatting, date-fns (local unless given `in`) or croner.
 */
const LOCAL_TIME =
  /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours)\(|getTimezoneOffset\(|toLocale(?:Date|Time)String\(|Intl\.DateTimeFormat|new Date\(\s*\w+\s*,|from '(?:date-fns|@date-fns\/tz|croner)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the tests repeated in other time zones', () => {
  it('are the files that set the time or import the calendar', () => {
    expect(
      touchesCalendar(`tg = await TelegramHarness.create({ now: new Date('2026-11-18T03:00:00Z') });`),
    ).toBe(true);
    expect(touchesCalendar(`import { parsePeriod } from '../../core/periods.js';`)).toBe(true);
    expect(touchesCalendar(`await scheduler.runDue(at);`)).toBe(true);
    expect(touchesCalendar(`import { startOfWeek } from 'date-fns/startOfWeek';`)).toBe(true);
    expect(touchesCalendar(`const seen = await tg.send(lan(), '/viectot Giúp đồng nghiệp');`)).toBe(false);
    expect(touchesCalendar(`const started = new Date();`)).toBe(false);
  });

  it('include the periods, the scheduled posts and the figures', () => {
    const zoned = zonedTestFiles(ROOT);
    for (const file of [
      'test/core/periods.test.ts',
      'test/bot/scheduler.test.ts',
      'test/e2e/figures.test.ts',
    ]) {
      expect(zoned).toContain(file);
    }
    expect(zoned).not.toContain('test/storage/crash.test.ts');
    expect(zoned.length).toBeLessThan(testFiles(ROOT).length);
  });

  it('leave out only files that exist, each with its reason', () => {
    for (const [file, reason] of Object.entries(ONE_ZONE)) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(reason.length, file).toBeGreaterThan(20);
    }
  });
});

describe('local time', () => {
  it('is read only by the modules test/zones.ts names', () => {
    const readers = FOLDERS.flatMap((folder) => sources(join(ROOT, folder)))
      .map((file) => relative(ROOT, file).replace(/\\/g, '/'))
      .filter(
        (file) => file !== 'test/zones.test.ts' && LOCAL_TIME.test(readFileSync(join(ROOT, file), 'utf8')),
      )
      .sort();
    // A module here that the list lacks: add it to CALENDAR_SOURCES (its tests are then repeated in
    // every zone), or compute in Vietnam's zone through core/periods.ts instead. A test reading the
    // local calendar would check itself against the wrong day in another zone.
    expect(readers).toEqual([...CALENDAR_SOURCES].sort());
  });

  it('is recognised in the forms a slip takes', () => {
    for (const slip of [
      'const hour = at.getHours();',
      'day.setDate(day.getDate() + 1);',
      'const d = new Date(year, month - 1, 1);',
      "const label = at.toLocaleDateString('vi-VN');",
      "import { startOfMonth } from 'date-fns';",
    ]) {
      expect(LOCAL_TIME.test(slip), slip).toBe(true);
    }
    for (const fine of ["new Date('2026-11-25T03:00:00Z')", 'at.getUTCHours()', 'Date.parse(iso)']) {
      expect(LOCAL_TIME.test(fine), fine).toBe(false);
    }
  });
});
