import { describe, expect, it } from 'vitest';
import { dayContaining, parsePeriod, periodContaining } from '../../core/periods.js';
import { vi } from '../../locales/vi.js';

// Vietnam is UTC+7 all year: 00:00 in Hà Nội is 17:00 UTC the day before.
const iso = (d: Date) => d.toISOString();

describe(`periods in Asia/Ho_Chi_Minh (process TZ: ${process.env.TZ ?? 'system'})`, () => {
  it('starts the week on Monday 00:00 in Vietnam, even when it is still Sunday in UTC', () => {
    // Monday 23 Nov 2026, 05:30 in Vietnam = Sunday 22:30 UTC.
    const week = periodContaining('week', new Date('2026-11-22T22:30:00Z'));
    expect(iso(week.start)).toBe('2026-11-22T17:00:00.000Z');
    expect(iso(week.end)).toBe('2026-11-29T17:00:00.000Z');
    expect(vi.period(week)).toBe('tuần 48/2026 (23/11/2026 – 29/11/2026)');
  });

  it('keeps Sunday 23:59 in Vietnam in the week that began on Monday', () => {
    const week = periodContaining('week', new Date('2026-11-29T16:59:59Z'));
    expect(iso(week.start)).toBe('2026-11-22T17:00:00.000Z');
    const next = periodContaining('week', new Date('2026-11-29T17:00:00Z'));
    expect(iso(next.start)).toBe('2026-11-29T17:00:00.000Z');
  });

  it('names a week that straddles the new year by its ISO week', () => {
    const week = periodContaining('week', new Date('2026-01-01T03:00:00Z'));
    expect(vi.period(week)).toBe('tuần 1/2026 (29/12/2025 – 04/01/2026)');
  });

  it('puts 1 December 00:30 in Vietnam in December, though it is still November in UTC', () => {
    const month = periodContaining('month', new Date('2026-11-30T17:30:00Z'));
    expect(iso(month.start)).toBe('2026-11-30T17:00:00.000Z');
    expect(vi.period(month)).toBe('tháng 12/2026');
  });

  it('computes quarters and years at their Vietnamese boundaries', () => {
    const q = periodContaining('quarter', new Date('2026-09-30T17:00:00Z'));
    expect(vi.period(q)).toBe('quý IV/2026');
    expect(iso(q.start)).toBe('2026-09-30T17:00:00.000Z');
    expect(iso(q.end)).toBe('2026-12-31T17:00:00.000Z');
    const y = periodContaining('year', new Date('2025-12-31T17:00:00Z'));
    expect(y.year).toBe(2026);
    expect(iso(y.start)).toBe('2025-12-31T17:00:00.000Z');
  });

  it('computes the day for the daily limit in Vietnam', () => {
    const day = dayContaining(new Date('2026-06-15T18:00:00Z'));
    expect(iso(day.start)).toBe('2026-06-15T17:00:00.000Z');
    expect(iso(day.end)).toBe('2026-06-16T17:00:00.000Z');
  });

  const now = new Date('2026-11-25T03:00:00Z');
  it.each([
    ['tuan', 'week', '2026-11-22T17:00:00.000Z'],
    ['Tuần', 'week', '2026-11-22T17:00:00.000Z'],
    ['thang', 'month', '2026-10-31T17:00:00.000Z'],
    ['QUÝ', 'quarter', '2026-09-30T17:00:00.000Z'],
    ['nam', 'year', '2025-12-31T17:00:00.000Z'],
    ['03/2026', 'month', '2026-02-28T17:00:00.000Z'],
    ['3/2026', 'month', '2026-02-28T17:00:00.000Z'],
    ['q2/2026', 'quarter', '2026-03-31T17:00:00.000Z'],
    ['2025', 'year', '2024-12-31T17:00:00.000Z'],
  ])('reads %s as a %s starting %s', (token, kind, start) => {
    const period = parsePeriod(token, now);
    expect(period?.kind).toBe(kind);
    expect(period && iso(period.start)).toBe(start);
  });

  it.each(['13/2026', '0/2026', 'Q5/2026', 'homqua', '', '1999', '2026-11', '<b>'])('rejects %j', (token) => {
    expect(parsePeriod(token, now)).toBeNull();
  });
});
