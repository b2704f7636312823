import { describe, expect, it } from 'vitest';
import {
  dayContaining,
  formatDay,
  lastDay,
  parsePeriod,
  periodContaining,
  periodTitle,
  readPeriod,
} from '../../core/periods.js';
import { vi } from '../../locales/vi.js';

// Vietnam is UTC+7 all year: 00:00 in Hà Nội is 17:00 UTC the day before.
const iso = (d: Date) => d.toISOString();

describe(`periods in Asia/Ho_Chi_Minh (process TZ: ${process.env.TZ ?? 'system'})`, () => {
  it('starts the week on Monday 00:00 in Vietnam, even when it is still Sunday in UTC', () => {
    // Monday 23 Nov 2026, 05:30 in Vietnam = Sunday 22:30 UTC.
    const week = periodContaining('week', new Date('2026-11-22T22:30:00Z'));
    expect(iso(week.start)).toBe('2026-11-22T17:00:00.000Z');
    expect(iso(week.end)).toBe('2026-11-29T17:00:00.000Z');
    expect(periodTitle(vi, week)).toBe('tuần 48/2026 (23/11/2026 – 29/11/2026)');
  });

  it('keeps Sunday 23:59 in Vietnam in the week that began on Monday', () => {
    const week = periodContaining('week', new Date('2026-11-29T16:59:59Z'));
    expect(iso(week.start)).toBe('2026-11-22T17:00:00.000Z');
    const next = periodContaining('week', new Date('2026-11-29T17:00:00Z'));
    expect(iso(next.start)).toBe('2026-11-29T17:00:00.000Z');
  });

  it('names a week that straddles the new year by its ISO week', () => {
    const week = periodContaining('week', new Date('2026-01-01T03:00:00Z'));
    expect(periodTitle(vi, week)).toBe('tuần 1/2026 (29/12/2025 – 04/01/2026)');
  });

  it('puts 1 December 00:30 in Vietnam in December, though it is still November in UTC', () => {
    const month = periodContaining('month', new Date('2026-11-30T17:30:00Z'));
    expect(iso(month.start)).toBe('2026-11-30T17:00:00.000Z');
    expect(periodTitle(vi, month)).toBe('tháng 12/2026');
  });

  it('computes quarters and years at their Vietnamese boundaries', () => {
    const q = periodContaining('quarter', new Date('2026-09-30T17:00:00Z'));
    expect(periodTitle(vi, q)).toBe('quý IV/2026');
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

describe(`periods as people write them (process TZ: ${process.env.TZ ?? 'system'})`, () => {
  // Wednesday 25 November 2026, 10:00 in Vietnam.
  const now = new Date('2026-11-25T03:00:00Z');
  const read = (text: string) => readPeriod(text.split(/\s+/), now);

  it.each([
    // [typed, kind, first day in Vietnam, last day in Vietnam, words used]
    ['tuần', 'week', '23/11/2026', '29/11/2026', 1],
    ['tuần này', 'week', '23/11/2026', '29/11/2026', 2],
    ['tuan nay', 'week', '23/11/2026', '29/11/2026', 2],
    ['tuần trước', 'week', '16/11/2026', '22/11/2026', 2],
    ['TUAN TRUOC', 'week', '16/11/2026', '22/11/2026', 2],
    ['tuần 1', 'week', '29/12/2025', '04/01/2026', 2],
    ['tuần 48/2026', 'week', '23/11/2026', '29/11/2026', 2],
    ['tháng', 'month', '01/11/2026', '30/11/2026', 1],
    ['tháng này', 'month', '01/11/2026', '30/11/2026', 2],
    ['tháng 11', 'month', '01/11/2026', '30/11/2026', 2],
    ['thang 3', 'month', '01/03/2026', '31/03/2026', 2],
    ['tháng 12', 'month', '01/12/2025', '31/12/2025', 2],
    ['tháng 11/2026', 'month', '01/11/2026', '30/11/2026', 2],
    ['tháng 2 2024', 'month', '01/02/2024', '29/02/2024', 3],
    ['tháng 2 năm 2024', 'month', '01/02/2024', '29/02/2024', 4],
    ['11/2026', 'month', '01/11/2026', '30/11/2026', 1],
    ['T11', 'month', '01/11/2026', '30/11/2026', 1],
    ['t10/2026', 'month', '01/10/2026', '31/10/2026', 1],
    ['tháng trước', 'month', '01/10/2026', '31/10/2026', 2],
    ['quý', 'quarter', '01/10/2026', '31/12/2026', 1],
    ['quý này', 'quarter', '01/10/2026', '31/12/2026', 2],
    ['quý 4', 'quarter', '01/10/2026', '31/12/2026', 2],
    ['quy 3', 'quarter', '01/07/2026', '30/09/2026', 2],
    ['quý IV', 'quarter', '01/10/2026', '31/12/2026', 2],
    ['Quý iii', 'quarter', '01/07/2026', '30/09/2026', 2],
    ['quý IV/2025', 'quarter', '01/10/2025', '31/12/2025', 2],
    ['quý 1 năm 2026', 'quarter', '01/01/2026', '31/03/2026', 4],
    ['Q4', 'quarter', '01/10/2026', '31/12/2026', 1],
    ['q2', 'quarter', '01/04/2026', '30/06/2026', 1],
    ['Q4/2026', 'quarter', '01/10/2026', '31/12/2026', 1],
    ['QIV/2026', 'quarter', '01/10/2026', '31/12/2026', 1],
    ['quý trước', 'quarter', '01/07/2026', '30/09/2026', 2],
    ['năm', 'year', '01/01/2026', '31/12/2026', 1],
    ['năm nay', 'year', '01/01/2026', '31/12/2026', 2],
    ['năm 2025', 'year', '01/01/2025', '31/12/2025', 2],
    ['2025', 'year', '01/01/2025', '31/12/2025', 1],
    ['năm trước', 'year', '01/01/2025', '31/12/2025', 2],
    ['năm ngoái', 'year', '01/01/2025', '31/12/2025', 2],
    // Everyday words (issue 21): `vừa rồi`, `vừa qua`, `qua`, `ngoái`; months in words; glued forms.
    ['tuần vừa rồi', 'week', '16/11/2026', '22/11/2026', 3],
    ['tuan vua roi', 'week', '16/11/2026', '22/11/2026', 3],
    ['tuần qua', 'week', '16/11/2026', '22/11/2026', 2],
    ['tháng vừa qua', 'month', '01/10/2026', '31/10/2026', 3],
    ['tháng rồi', 'month', '01/10/2026', '31/10/2026', 2],
    ['quý vừa rồi', 'quarter', '01/07/2026', '30/09/2026', 3],
    ['năm vừa qua', 'year', '01/01/2025', '31/12/2025', 3],
    ['năm kia', 'year', '01/01/2024', '31/12/2024', 2],
    ['tháng mười một', 'month', '01/11/2026', '30/11/2026', 3],
    ['tháng mười', 'month', '01/10/2026', '31/10/2026', 2],
    ['tháng mười hai', 'month', '01/12/2025', '31/12/2025', 3],
    ['tháng giêng', 'month', '01/01/2026', '31/01/2026', 2],
    ['tháng tư', 'month', '01/04/2026', '30/04/2026', 2],
    ['tháng năm', 'month', '01/05/2026', '31/05/2026', 2],
    ['tháng sáu', 'month', '01/06/2026', '30/06/2026', 2],
    ['tháng ba năm 2025', 'month', '01/03/2025', '31/03/2025', 4],
    ['tháng 11 năm ngoái', 'month', '01/11/2025', '30/11/2025', 4],
    ['thg 11', 'month', '01/11/2026', '30/11/2026', 2],
    ['thg11', 'month', '01/11/2026', '30/11/2026', 1],
    ['thang11', 'month', '01/11/2026', '30/11/2026', 1],
    ['Tháng11/2025', 'month', '01/11/2025', '30/11/2025', 1],
    ['quy4', 'quarter', '01/10/2026', '31/12/2026', 1],
    ['quý bốn', 'quarter', '01/10/2026', '31/12/2026', 2],
    ['quý 4 năm nay', 'quarter', '01/10/2026', '31/12/2026', 4],
    ['Q4 năm ngoái', 'quarter', '01/10/2025', '31/12/2025', 3],
    ['tuan48', 'week', '23/11/2026', '29/11/2026', 1],
    ['nam2025', 'year', '01/01/2025', '31/12/2025', 1],
    ['this week', 'week', '23/11/2026', '29/11/2026', 2],
    ['last week', 'week', '16/11/2026', '22/11/2026', 2],
    ['month', 'month', '01/11/2026', '30/11/2026', 1],
    ['month 11', 'month', '01/11/2026', '30/11/2026', 2],
    ['last month', 'month', '01/10/2026', '31/10/2026', 2],
    ['the week before last', 'week', '09/11/2026', '15/11/2026', 4],
    ['week before last', 'week', '09/11/2026', '15/11/2026', 3],
    ['the month before last', 'month', '01/09/2026', '30/09/2026', 4],
    ['The quarter before last.', 'quarter', '01/04/2026', '30/06/2026', 4],
    ['November', 'month', '01/11/2026', '30/11/2026', 1],
    ['nov 2025', 'month', '01/11/2025', '30/11/2025', 2],
    ['quarter 4', 'quarter', '01/10/2026', '31/12/2026', 2],
    ['last quarter', 'quarter', '01/07/2026', '30/09/2026', 2],
    ['year', 'year', '01/01/2026', '31/12/2026', 1],
    ['year 2025', 'year', '01/01/2025', '31/12/2025', 2],
    ['last year', 'year', '01/01/2025', '31/12/2025', 2],
    // Half-years: the half-year review (sơ kết 6 tháng) as offices write it.
    ['6 tháng đầu năm', 'half', '01/01/2026', '30/06/2026', 4],
    ['6 thang dau nam', 'half', '01/01/2026', '30/06/2026', 4],
    ['06 tháng đầu năm', 'half', '01/01/2026', '30/06/2026', 4],
    ['6 tháng cuối năm', 'half', '01/07/2026', '31/12/2026', 4],
    ['sáu tháng cuối năm 2025', 'half', '01/07/2025', '31/12/2025', 5],
    ['6 tháng đầu năm ngoái', 'half', '01/01/2025', '30/06/2025', 5],
    ['6 tháng đầu năm 2026', 'half', '01/01/2026', '30/06/2026', 5],
    ['6 tháng đầu', 'half', '01/01/2026', '30/06/2026', 3],
    ['nửa đầu năm', 'half', '01/01/2026', '30/06/2026', 3],
    ['H1', 'half', '01/01/2026', '30/06/2026', 1],
    ['H2/2025', 'half', '01/07/2025', '31/12/2025', 1],
    ['h1 2025', 'half', '01/01/2025', '30/06/2025', 2],
    ['first half', 'half', '01/01/2026', '30/06/2026', 2],
    ['the second half of 2025', 'half', '01/07/2025', '31/12/2025', 5],
    ['tháng 6', 'month', '01/06/2026', '30/06/2026', 2],
  ])('reads “%s” as a %s from %s to %s', (typed, kind, first, last, used) => {
    const reading = read(typed);
    expect(reading && 'period' in reading).toBe(true);
    if (!reading || !('period' in reading)) return;
    expect(reading.period.kind).toBe(kind);
    expect(formatDay(reading.period.start)).toBe(first);
    expect(formatDay(lastDay(reading.period))).toBe(last);
    expect(reading.used).toBe(used);
  });

  it('reads nothing from the names every object inherits (__proto__, constructor, toString)', () => {
    const kindOf = (words: string[]) => {
      const reading = readPeriod(words, now);
      return reading && 'period' in reading
        ? [reading.period.kind, reading.period.index, reading.used]
        : reading;
    };
    for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      for (const words of [
        [word],
        ['this', word],
        ['the', word],
        ['6', 'tháng', word],
        ['nửa', 'năm', word],
      ]) {
        expect(kindOf(words)).toBeNull();
      }
      // The period word alone, as with any word after it that is not a number.
      expect(kindOf(['tháng', word])).toEqual(['month', 11, 1]);
      expect(kindOf(['quý', word])).toEqual(['quarter', 4, 1]);
      expect(parsePeriod(word, now)).toBeNull();
    }
  });

  it('keeps a number right after a period word with the period, and leaves the rest', () => {
    const reading = readPeriod(['quý', '4', 'phòng', 'cán', 'bộ'], now);
    expect(reading && 'period' in reading && reading.period.index).toBe(4);
    expect(reading?.used).toBe(2);
    expect(readPeriod(['thang', 'cb'], now)?.used).toBe(1);
    // `tháng sau` (next month) is not `tháng sáu` (June): `sau` is left for the command to refuse.
    expect(readPeriod(['tháng', 'sau'], now)?.used).toBe(1);
  });

  it.each([
    'quý 9',
    'quý 5',
    'Q5',
    'q5/2026',
    'tháng 13',
    'tháng 0',
    '13/2026',
    'tuần 60',
    'năm 1800',
    'tháng 123',
  ])('names “%s” as a period that cannot exist', (typed) => {
    const reading = read(typed);
    expect(reading && 'impossible' in reading).toBe(true);
  });

  it.each([
    'cb',
    'phòng',
    'máy',
    'homqua',
    '11',
    '4',
    '<b>',
    // Six months that do not say which: the half running, or the last six months? (periodOf asks.)
    '6 tháng',
    '6 tháng qua',
    '6 tháng vừa qua',
    '6 tháng trước',
    'nửa năm',
  ])('does not read “%s” as a period', (typed) => {
    expect(read(typed)).toBeNull();
  });

  it('reads 1 January 00:30 in Vietnam as the new year, though UTC is still in December', () => {
    const newYear = new Date('2026-12-31T17:30:00Z');
    const reading = readPeriod(['năm'], newYear);
    expect(reading && 'period' in reading && reading.period.year).toBe(2027);
    const lastYear = readPeriod(['năm', 'trước'], newYear);
    expect(lastYear && 'period' in lastYear && lastYear.period.year).toBe(2026);
    // In January, `tháng 12` is the December just past.
    const december = readPeriod(['tháng', '12'], newYear);
    expect(december && 'period' in december && formatDay(december.period.start)).toBe('01/12/2026');
  });
});
