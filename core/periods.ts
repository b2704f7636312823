import { tz } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  format,
  getISOWeek,
  getISOWeekYear,
  getMonth,
  getQuarter,
  getYear,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import { fold } from './text.js';

/** Every period is computed in Vietnam's time zone, whatever the server's TZ. */
export const ZONE = 'Asia/Ho_Chi_Minh';
const inZone = tz(ZONE);
const WEEK = { in: inZone, weekStartsOn: 1 } as const;

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
  year: number;
  /** ISO week number, month 1–12, quarter 1–4, or the year itself. */
  index: number;
}

/** date-fns returns TZDate objects when computing `in` a zone; periods hold plain instants. */
const plain = (date: Date) => new Date(date.getTime());

function make(kind: PeriodKind, start: Date): Period {
  switch (kind) {
    case 'week':
      return {
        kind,
        start,
        end: plain(addWeeks(start, 1, { in: inZone })),
        year: getISOWeekYear(start, { in: inZone }),
        index: getISOWeek(start, { in: inZone }),
      };
    case 'month':
      return {
        kind,
        start,
        end: plain(addMonths(start, 1, { in: inZone })),
        year: getYear(start, { in: inZone }),
        index: getMonth(start, { in: inZone }) + 1,
      };
    case 'quarter':
      return {
        kind,
        start,
        end: plain(addQuarters(start, 1, { in: inZone })),
        year: getYear(start, { in: inZone }),
        index: getQuarter(start, { in: inZone }),
      };
    case 'year': {
      const year = getYear(start, { in: inZone });
      return { kind, start, end: plain(addYears(start, 1, { in: inZone })), year, index: year };
    }
  }
}

const HOUR_MS = 3_600_000;
const cache = new Map<string, Period>();

/**
 * The week (Monday to Sunday), month, quarter or year that contains `now`, in Asia/Ho_Chi_Minh.
 * Computing it through the zone costs ~250 µs, so results are cached by UTC hour: Vietnam's offset
 * is a whole number of hours, so every instant of one UTC hour lies in the same local day.
 */
export function periodContaining(kind: PeriodKind, now: Date): Period {
  const key = `${kind}:${Math.floor(now.getTime() / HOUR_MS)}`;
  const hit = cache.get(key);
  if (hit) return { ...hit };
  const period = computePeriod(kind, now);
  if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
  cache.set(key, period);
  return { ...period };
}

function computePeriod(kind: PeriodKind, now: Date): Period {
  switch (kind) {
    case 'week':
      return make(kind, new Date(startOfWeek(now, WEEK).getTime()));
    case 'month':
      return make(kind, new Date(startOfMonth(now, { in: inZone }).getTime()));
    case 'quarter':
      return make(kind, new Date(startOfQuarter(now, { in: inZone }).getTime()));
    case 'year':
      return make(kind, new Date(startOfYear(now, { in: inZone }).getTime()));
  }
}

/** Midnight-to-midnight of the day containing `now`, in Asia/Ho_Chi_Minh. */
export function dayContaining(now: Date): { start: Date; end: Date } {
  const start = startOfDay(now, { in: inZone });
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1, { in: inZone }).getTime()) };
}

function startOf(year: number, month: number): Date {
  // 00:00 on the 1st of `month` in Vietnam (UTC+7, no DST since 1975), built through the zone.
  return new Date(startOfMonth(new Date(Date.UTC(year, month - 1, 15)), { in: inZone }).getTime());
}

const WORDS: Record<string, PeriodKind> = {
  tuan: 'week',
  week: 'week',
  thang: 'month',
  month: 'month',
  quy: 'quarter',
  quarter: 'quarter',
  nam: 'year',
  year: 'year',
};

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * Reads a period argument: `tuan|thang|quy|nam` (with or without diacritics, or in English) for the
 * current one, `MM/YYYY`, `Qn/YYYY` or `YYYY` for a named one. Returns null when it is not a period.
 */
export function parsePeriod(token: string, now: Date): Period | null {
  const word = fold(token);
  const kind = WORDS[word];
  if (kind) return periodContaining(kind, now);
  let match = /^(\d{1,2})[/.-](\d{4})$/.exec(word);
  if (match) {
    const month = Number(match[1]);
    const year = Number(match[2]);
    if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) return null;
    return make('month', startOf(year, month));
  }
  match = /^q([1-4])[/.-](\d{4})$/.exec(word);
  if (match) {
    const year = Number(match[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return make('quarter', startOf(year, (Number(match[1]) - 1) * 3 + 1));
  }
  match = /^(\d{4})$/.exec(word);
  if (match) {
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return make('year', startOf(year, 1));
  }
  return null;
}

/** `dd/MM/yyyy` in Asia/Ho_Chi_Minh. */
export function formatDay(date: Date): string {
  return format(date, 'dd/MM/yyyy', { in: inZone });
}

/** `HH:mm dd/MM/yyyy` in Asia/Ho_Chi_Minh. */
export function formatDateTime(date: Date): string {
  return format(date, 'HH:mm dd/MM/yyyy', { in: inZone });
}

/** `yyyy-MM-dd` in Asia/Ho_Chi_Minh, for file names. */
export function dayKey(date: Date): string {
  return format(date, 'yyyy-MM-dd', { in: inZone });
}

/** The last day of a period (its end is exclusive). */
export function lastDay(period: Period): Date {
  return new Date(period.end.getTime() - 1);
}
