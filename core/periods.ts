import { tz } from '@date-fns/tz';
// One module per function: date-fns's index loads ~1,500 files (0.3 s on Node 20, 2.5 s on Node 24).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getMonth } from 'date-fns/getMonth';
import { getYear } from 'date-fns/getYear';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';
import type { Messages } from '../locales/index.js';
import { fold } from './text.js';

/** Every period is computed in Vietnam's time zone, whatever the server's TZ. */
export const ZONE = 'Asia/Ho_Chi_Minh';
const inZone = tz(ZONE);
const WEEK = { in: inZone, weekStartsOn: 1 } as const;

/** `half`: the first or the second six months of a year (`6 tháng đầu năm`, a half-year review). */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
  year: number;
  /** ISO week number, month 1–12, quarter 1–4, half 1–2, or the year itself. */
  index: number;
}

/** date-fns returns TZDate objects when computing `in` a zone; periods hold plain instants. */
const plain = (date: Date) => new Date(date.getTime());

/** The months of a month, a quarter, a half-year. */
const MONTHS = { month: 1, quarter: 3, half: 6 } as const;

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
    case 'quarter':
    case 'half': {
      const months = MONTHS[kind];
      return {
        kind,
        start,
        end: plain(addMonths(start, months, { in: inZone })),
        year: getYear(start, { in: inZone }),
        index: Math.floor(getMonth(start, { in: inZone }) / months) + 1,
      };
    }
    case 'year': {
      const year = getYear(start, { in: inZone });
      return { kind, start, end: plain(addYears(start, 1, { in: inZone })), year, index: year };
    }
  }
}

const HOUR_MS = 3_600_000;
const cache = new Map<string, Period>();
/** Of each kind, the period found last: most calls ask for the one holding the present. */
const lastFound = new Map<PeriodKind, Period>();

/**
 * The week (Monday to Sunday), month, quarter or year that contains `now`, in Asia/Ho_Chi_Minh.
 * Computing it through the zone costs ~250 µs, so the last one of each kind is kept, and results are
 * cached by UTC hour: Vietnam's offset is a whole number of hours, so every instant of one UTC hour
 * lies in the same local day.
 */
export function periodContaining(kind: PeriodKind, now: Date): Period {
  const time = now.getTime();
  const last = lastFound.get(kind);
  if (last && last.start.getTime() <= time && time < last.end.getTime()) return { ...last };
  const key = `${kind}:${Math.floor(time / HOUR_MS)}`;
  const period = cache.get(key) ?? computePeriod(kind, now);
  if (!cache.has(key)) {
    if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
    cache.set(key, period);
  }
  lastFound.set(kind, period);
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
    case 'half': {
      const year = startOfYear(now, { in: inZone });
      const half = getMonth(now, { in: inZone }) < 6 ? year : addMonths(year, 6, { in: inZone });
      return make(kind, new Date(half.getTime()));
    }
    case 'year':
      return make(kind, new Date(startOfYear(now, { in: inZone }).getTime()));
  }
}

/**
 * Remembers a function of the local date by UTC hour, as periodContaining does (an hour lies in one
 * local day): through the zone each call costs ~20–250 µs, and a command makes several.
 */
function byUtcHour<T>(compute: (date: Date) => T): (date: Date) => T {
  const known = new Map<number, T>();
  return (date) => {
    const hour = Math.floor(date.getTime() / HOUR_MS);
    const hit = known.get(hour);
    if (hit !== undefined) return hit;
    const value = compute(date);
    if (known.size >= 1000) known.delete(known.keys().next().value as number);
    known.set(hour, value);
    return value;
  };
}

const dayByHour = byUtcHour((now) => {
  const start = startOfDay(now, { in: inZone });
  return { start: start.getTime(), end: addDays(start, 1, { in: inZone }).getTime() };
});
/** The day found last (most calls ask for today's). */
let today = { start: 0, end: 0 };
const dayOf = (now: Date) => {
  const time = now.getTime();
  if (today.start <= time && time < today.end) return today;
  today = dayByHour(now);
  return today;
};

/** Midnight-to-midnight of the day containing `now`, in Asia/Ho_Chi_Minh. */
export function dayContaining(now: Date): { start: Date; end: Date } {
  const day = dayOf(now);
  return { start: new Date(day.start), end: new Date(day.end) };
}

function startOf(year: number, month: number): Date {
  // 00:00 on the 1st of `month` in Vietnam (UTC+7, no DST since 1975), built through the zone.
  return new Date(startOfMonth(new Date(Date.UTC(year, month - 1, 15)), { in: inZone }).getTime());
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The period before `period` (the week, month, quarter, half or year just ended before it began). */
export function previousPeriod(period: Period): Period {
  return periodContaining(period.kind, new Date(period.start.getTime() - 1));
}

const KIND_WORDS: Record<string, PeriodKind> = {
  tuan: 'week',
  week: 'week',
  thang: 'month',
  month: 'month',
  quy: 'quarter',
  quarter: 'quarter',
  nam: 'year',
  year: 'year',
};
/** Words after a period word: this one, or the one before (`tuần này`, `tháng trước`, `năm ngoái`). */
const THIS_WORDS = new Set(['nay']);
const LAST_WORDS = new Set(['truoc', 'ngoai', 'roi', 'qua']);
/** English puts them first (`this week`, `last month`). */
const EN_THIS = new Set(['this', 'current']);
const EN_LAST = new Set(['last', 'previous', 'prev']);
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
/**
 * `table`'s own value for `word`, never what every object inherits: a user who types `__proto__` or
 * `constructor` after a command got Object's prototype or its constructor read as a number or a kind
 * (the command then failed, answered with the apology).
 */
function own<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Why words that name a period cannot be one (`quý 9`, `tháng 13`, `năm 1800`). */
export interface ImpossiblePeriod {
  kind: PeriodKind;
  /** The words as typed. */
  text: string;
}

export type PeriodReading = { period: Period; used: number } | { impossible: ImpossiblePeriod; used: number };

/** A token folded for reading: no diacritics, lower case, trailing punctuation dropped. */
const readable = (token: string) =>
  fold(token)
    .replace(/[,.;:!?)]+$/, '')
    .replace(/^[(]+/, '');

const numberIn = (token: string | undefined, max: number): number | undefined => {
  if (token === undefined) return undefined;
  const roman = own(ROMAN, token);
  if (roman !== undefined && max === 4) return roman;
  return /^\d{1,2}$/.test(token) ? Number(token) : undefined;
};

function weekOf(year: number, week: number): Period | null {
  // ISO week 1 is the week holding 4 January; weeks run Monday to Sunday.
  const first = periodContaining('week', new Date(Date.UTC(year, 0, 4, 5)));
  const start = new Date(first.start.getTime() + (week - 1) * 7 * 86_400_000);
  const period = periodContaining('week', new Date(start.getTime() + 3_600_000));
  return period.year === year && period.index === week ? period : null;
}

/** A period named without its year is the latest one that has begun by `now` (in January, `tháng 12` is last December). */
function latest(kind: 'month' | 'quarter' | 'half' | 'week', index: number, now: Date): Period | null {
  const thisYear = periodContaining('year', now).year;
  for (const year of [thisYear, thisYear - 1]) {
    const period = named(kind, index, year);
    if (period && period.start.getTime() <= now.getTime()) return period;
  }
  return named(kind, index, thisYear);
}

function named(kind: PeriodKind, index: number, year: number): Period | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  switch (kind) {
    case 'week':
      return index >= 1 && index <= 53 ? weekOf(year, index) : null;
    case 'month':
    case 'quarter':
    case 'half':
      return index >= 1 && index <= LIMITS[kind]
        ? make(kind, startOf(year, (index - 1) * MONTHS[kind] + 1))
        : null;
    case 'year':
      return make('year', startOf(year, 1));
  }
}

const LIMITS: Record<PeriodKind, number> = { week: 53, month: 12, quarter: 4, half: 2, year: 0 };

/** Month numbers in words, after `tháng` (folded; `sáu` with its accent, as `sau` alone means "next"). */
const MONTH_WORDS: Record<string, number> = {
  mot: 1,
  gieng: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  chap: 12,
};
/** Quarter numbers in words, after `quý`. */
const QUARTER_WORDS: Record<string, number> = { mot: 1, nhat: 1, hai: 2, ba: 3, bon: 4, tu: 4 };
/** Words a period word may be glued to (`thang11`, `thg11`, `quy4`, `tuan48`, `nam2025`), and `thg` for `tháng`. */
const GLUED = /^(thang|thg|quy|tuan|nam)\.?((?:\d{1,4}|[ivx]+)(?:[/.-]\d{4})?)$/;

/**
 * The words of `tokens` as periods read them: folded, `thg` as `tháng`, glued forms split
 * (`thang11` → `thang 11`), `vừa` dropped before `rồi`/`qua` (`tuần vừa rồi` is `tuần rồi`), and `sáu`
 * told apart from `sau`. Each word remembers the token it came from, so `used` counts tokens as typed.
 */
function wordsOf(tokens: readonly string[]): { words: string[]; from: number[] } {
  const words: string[] = [];
  const from: number[] = [];
  const push = (word: string, i: number) => {
    words.push(word);
    from.push(i);
  };
  for (const [i, token] of tokens.entries()) {
    const word = readable(token);
    const next = tokens[i + 1] === undefined ? undefined : readable(tokens[i + 1] as string);
    const glued = GLUED.exec(word);
    if (glued) {
      push(glued[1] === 'thg' ? 'thang' : (glued[1] as string), i);
      push(glued[2] as string, i);
    } else if (word === 'thg') push('thang', i);
    else if (word === 'vua' && (next === 'roi' || next === 'qua')) continue;
    else if (word === 'sau' && /^sáu/i.test(token.normalize('NFC'))) push('sau6', i);
    else push(word, i);
  }
  return { words, from };
}

/** A month or quarter number written in words at `words[at]` (`mười một` takes two): its value and how many words. */
function numberWord(
  words: readonly string[],
  at: number,
  kind: PeriodKind,
): { value: number; used: number } | null {
  const word = words[at];
  if (word === undefined) return null;
  if (kind === 'month') {
    if (word === 'muoi' && (words[at + 1] === 'mot' || words[at + 1] === 'hai'))
      return { value: words[at + 1] === 'mot' ? 11 : 12, used: 2 };
    if (word === 'sau6') return { value: 6, used: 1 };
    const value = own(MONTH_WORDS, word);
    return value === undefined || word === 'sau' ? null : { value, used: 1 };
  }
  if (kind === 'quarter') {
    const value = own(QUARTER_WORDS, word);
    return value === undefined ? null : { value, used: 1 };
  }
  return null;
}

/**
 * Reads the period named by the first words of `tokens`, as people write it: with or without
 * diacritics, any case, words or numbers — `tuần này`, `tuần trước`, `tuần trước nữa`, `tuần vừa rồi`, `tuần qua`,
 * `tuần 48`, `tháng`, `tháng 11`, `tháng mười một`, `thg 11`, `thang11`, `tháng 11/2026`, `T11`,
 * `11/2026`, `tháng vừa qua`, `quý`, `quý 4`, `quý IV`, `quý bốn`, `quy4`, `Q4`, `Q4/2026`,
 * `quý trước`, `năm`, `năm 2025`, `2025`, `năm ngoái`, `năm kia`, a year after a month or quarter
 * (`quý 4 năm ngoái`), and English (`this week`, `last month`, `the week before last`, `quarter 4`,
 * `November 2026`, `year 2025`). A number right after a period word belongs to it. Returns how many tokens it used;
 * `impossible` when the words name a period that cannot exist (`quý 9`, `tháng 13`); null when the
 * first word is not a period at all.
 */
export function readPeriod(tokens: readonly string[], now: Date): PeriodReading | null {
  const { words: all, from } = wordsOf(tokens.slice(0, 6));
  const reading = readWords(all, tokens, now);
  if (!reading) return null;
  // Words used → tokens used (a glued token gave two words; a dropped `vừa` counts with what follows).
  const used = reading.used === 0 ? 0 : (from[reading.used - 1] as number) + 1;
  return 'period' in reading
    ? { period: reading.period, used }
    : { impossible: { ...reading.impossible, text: tokens.slice(0, used).join(' ') }, used };
}

function readWords(words: readonly string[], tokens: readonly string[], now: Date): PeriodReading | null {
  const [w0 = '', w1] = words;
  const impossible = (kind: PeriodKind, used: number) => ({ impossible: { kind, text: '' }, used });
  const found = (period: Period | null, kind: PeriodKind, used: number): PeriodReading =>
    period ? { period, used } : impossible(kind, used);
  /** The year written after a month or quarter: `2026`, `năm 2026`, `năm nay`, `năm ngoái`. */
  const yearAfter = (at: number): { year: number; used: number } | undefined => {
    const a = words[at];
    const b = words[at + 1];
    if (a && /^\d{4}$/.test(a)) return { year: Number(a), used: 1 };
    if (a !== 'nam' || b === undefined) return undefined;
    if (/^\d{4}$/.test(b)) return { year: Number(b), used: 2 };
    const thisYear = periodContaining('year', now).year;
    if (THIS_WORDS.has(b)) return { year: thisYear, used: 2 };
    if (b === 'truoc' || b === 'ngoai') return { year: thisYear - 1, used: 2 };
    return undefined;
  };

  // English: `the week before last`, `month before last`.
  const the = w0 === 'the' ? 1 : 0;
  const enKind = own(KIND_WORDS, words[the] ?? '');
  if (enKind && words[the + 1] === 'before' && words[the + 2] === 'last') {
    return { period: previousPeriod(previousPeriod(periodContaining(enKind, now))), used: the + 3 };
  }
  // English: `this week`, `last quarter`.
  const enNamed = w1 ? own(KIND_WORDS, w1) : undefined;
  if ((EN_THIS.has(w0) || EN_LAST.has(w0)) && enNamed) {
    const current = periodContaining(enNamed, now);
    return { period: EN_LAST.has(w0) ? previousPeriod(current) : current, used: 2 };
  }
  // English month names: `November`, `nov 2026`, `November/2026`.
  // Only as typed without diacritics: `máy` folds to `may`.
  const monthName =
    /^[A-Za-z]/.test(tokens[0] ?? '') && /^[\x20-\x7e]+$/.test(tokens[0] ?? '')
      ? /^([a-z]{3,9})(?:[/.-](\d{4}))?$/.exec(w0)
      : null;
  const monthNo = monthName
    ? MONTH_NAMES.findIndex((m) => m === monthName[1] || m.slice(0, 3) === monthName[1])
    : -1;
  if (monthName && monthNo >= 0) {
    const year = monthName[2] ?? (w1 && /^\d{4}$/.test(w1) ? w1 : undefined);
    const used = monthName[2] || !year ? 1 : 2;
    return year
      ? found(named('month', monthNo + 1, Number(year)), 'month', used)
      : found(latest('month', monthNo + 1, now), 'month', used);
  }

  const half = readHalf(words, now, yearAfter, found);
  if (half) return half;

  const kind = own(KIND_WORDS, w0);
  if (kind) {
    // `tuần này`, `tháng trước`, `năm ngoái`, `tuần (vừa) rồi`, `tháng (vừa) qua`.
    if (w1 && THIS_WORDS.has(w1)) return { period: periodContaining(kind, now), used: 2 };
    if (w1 && LAST_WORDS.has(w1)) {
      const last = previousPeriod(periodContaining(kind, now));
      // `tuần trước nữa`, `tháng trước nữa`: the one before that.
      return words[2] === 'nua' ? { period: previousPeriod(last), used: 3 } : { period: last, used: 2 };
    }
    if (kind === 'year') {
      if (w1 === 'kia') {
        return { period: previousPeriod(previousPeriod(periodContaining('year', now))), used: 2 };
      }
      if (w1 && /^\d{1,4}$/.test(w1)) return found(named('year', 0, Number(w1)), 'year', 2);
      return { period: periodContaining('year', now), used: 1 };
    }
    // `tháng 11/2026`, `quý IV/2026`, `tuần 48/2026`.
    const slashed = w1 ? /^(\d{1,3}|[ivx]+)[/.-](\d{4})$/.exec(w1) : null;
    if (slashed) {
      const index = numberIn(slashed[1], LIMITS[kind]);
      return found(index === undefined ? null : named(kind, index, Number(slashed[2])), kind, 2);
    }
    // `quý 4`, `quý IV`, `tháng 11`, `tháng mười một`, `quý bốn`, optionally followed by the year.
    const inWords = numberWord(words, 1, kind);
    const index = inWords?.value ?? numberIn(w1, LIMITS[kind]);
    const indexUsed = 1 + (inWords?.used ?? 1);
    if (index !== undefined || (w1 !== undefined && /^(\d+|[ivx]+)$/.test(w1) && kind !== 'week')) {
      if (index === undefined) return impossible(kind, 2);
      const year = yearAfter(indexUsed);
      if (year) return found(named(kind, index, year.year), kind, indexUsed + year.used);
      return found(latest(kind as 'month' | 'quarter' | 'week', index, now), kind, indexUsed);
    }
    if (w1 !== undefined && /^\d+$/.test(w1)) return impossible(kind, 2);
    return { period: periodContaining(kind, now), used: 1 };
  }

  // Bare forms: `11/2026`, `T11`, `T11/2026`, `Q4`, `Q4/2026`, `2025`.
  let match = /^t?(\d{1,2})[/.-](\d{4})$/.exec(w0);
  if (match) return found(named('month', Number(match[1]), Number(match[2])), 'month', 1);
  match = /^t(\d{1,2})$/.exec(w0);
  if (match) {
    const year = yearAfter(1);
    if (year) return found(named('month', Number(match[1]), year.year), 'month', 1 + year.used);
    return found(latest('month', Number(match[1]), now), 'month', 1);
  }
  match = /^q(\d{1,2}|[ivx]+)(?:[/.-](\d{4}))?$/.exec(w0);
  if (match) {
    const index = numberIn(match[1], 4);
    if (index === undefined) return impossible('quarter', 1);
    if (match[2]) return found(named('quarter', index, Number(match[2])), 'quarter', 1);
    const year = yearAfter(1);
    if (year) return found(named('quarter', index, year.year), 'quarter', 1 + year.used);
    return found(latest('quarter', index, now), 'quarter', 1);
  }
  match = /^(\d{4})$/.exec(w0);
  if (match) return found(named('year', 0, Number(match[1])), 'year', 1);
  return null;
}

/** `đầu` (the first six months) and `cuối` (the last six) after `6 tháng` / `nửa`. */
const HALF_WORDS: Record<string, 1 | 2> = { dau: 1, cuoi: 2 };
/** English `first half`, `second half`. */
const EN_HALF: Record<string, 1 | 2> = { first: 1, second: 2 };

/**
 * A half-year as people write it: `6 tháng đầu năm`, `06 tháng đầu năm`, `sáu tháng cuối năm 2025`,
 * `6 tháng đầu năm ngoái`, `nửa đầu năm`, `H1`, `H2/2025`, `first half`, `second half of 2025`. Null
 * when the words are not a half-year (`tháng 6` is June, read elsewhere) or do not say which
 * (`6 tháng`, `6 tháng qua`: periodOf asks).
 */
function readHalf(
  words: readonly string[],
  now: Date,
  yearAfter: (at: number) => { year: number; used: number } | undefined,
  found: (period: Period | null, kind: PeriodKind, used: number) => PeriodReading,
): PeriodReading | null {
  const [w0 = '', w1] = words;
  const which = (index: 1 | 2, at: number): PeriodReading => {
    const year = yearAfter(at);
    if (year) return found(named('half', index, year.year), 'half', at + year.used);
    // `đầu năm` without a year, or `năm nay`: this year's (the latest begun, as for months).
    const period = latest('half', index, now) as Period;
    return { period, used: words[at] === 'nam' ? at + 1 : at };
  };
  // `6 tháng …`, `06 tháng …`, `sáu tháng …`, `nửa …` — with `đầu` or `cuối`: `6 tháng`, `6 tháng
  // qua`, `nửa năm` alone may mean the half running or the last six months, so they are not read.
  const six = (w0 === '6' || w0 === '06' || w0 === 'sau6') && w1 === 'thang' ? 2 : w0 === 'nua' ? 1 : 0;
  if (six) {
    const next = words[six];
    const index = next === undefined ? undefined : own(HALF_WORDS, next);
    return index ? which(index, six + 1) : null;
  }
  // `H1`, `H2/2025`, `h1 2025`.
  const h = /^h([12])(?:[/.-](\d{4}))?$/.exec(w0);
  if (h) {
    const index = Number(h[1]) as 1 | 2;
    return h[2] ? found(named('half', index, Number(h[2])), 'half', 1) : which(index, 1);
  }
  // `first half`, `the second half of 2025`.
  const the = w0 === 'the' ? 1 : 0;
  const en = own(EN_HALF, words[the] ?? '');
  if (en && words[the + 1] === 'half') {
    const of = words[the + 2] === 'of' ? 1 : 0;
    const year = words[the + 2 + of];
    if (year && /^\d{4}$/.test(year)) return found(named('half', en, Number(year)), 'half', the + 3 + of);
    return { period: latest('half', en, now) as Period, used: the + 2 };
  }
  return null;
}

/**
 * Reads a one-word period (`tuan`, `11/2026`, `Q4/2026`, `2025`): the period, or null when the word
 * is not one or names one that cannot exist.
 */
export function parsePeriod(token: string, now: Date): Period | null {
  const words = token.trim().split(/\s+/).filter(Boolean);
  const reading = readPeriod(words, now);
  return reading && 'period' in reading && reading.used === words.length ? reading.period : null;
}

/** `dd/MM/yyyy` in Asia/Ho_Chi_Minh. */
export const formatDay: (date: Date) => string = byUtcHour((date) =>
  format(date, 'dd/MM/yyyy', { in: inZone }),
);

/** `HH:mm dd/MM/yyyy` in Asia/Ho_Chi_Minh. */
export function formatDateTime(date: Date): string {
  return format(date, 'HH:mm dd/MM/yyyy', { in: inZone });
}

/** `HH:mm:ss` in Asia/Ho_Chi_Minh: the time of a log line on a terminal. */
export function formatClock(date: Date | number): string {
  return format(date, 'HH:mm:ss', { in: inZone });
}

/** `yyyy-MM-dd` in Asia/Ho_Chi_Minh, for file names. */
export function dayKey(date: Date): string {
  return format(date, 'yyyy-MM-dd', { in: inZone });
}

/** The last day of a period (its end is exclusive). */
export function lastDay(period: Period): Date {
  return new Date(period.end.getTime() - 1);
}

/**
 * A period's first and last days, as the locale writes a range: `23/11/2026 – 29/11/2026`; given the
 * clock, a period not over yet says up to when it is counted (`…, tính đến ngày 27/11/2026`).
 */
export function periodRange(t: Messages, period: Period, now?: Date): string {
  const range = t.periodRange(formatDay(period.start), formatDay(lastDay(period)));
  const until = now && countedUntil(period, now);
  return until ? `${range}, ${t.asOf(formatDay(until))}` : range;
}

/**
 * A period as titles name it: a week with its dates (`tuần 48/2026 (23/11/2026 – 29/11/2026)`), others
 * by name; given the clock, a period not over yet says up to when it is counted
 * (`quý 4/2026 (tính đến ngày 06/12/2026)`).
 */
export function periodTitle(t: Messages, period: Period, now?: Date): string {
  const name = t.periodName(period);
  if (period.kind === 'week') return `${name} (${periodRange(t, period, now)})`;
  const until = now && countedUntil(period, now);
  return until ? `${name} (${t.asOf(formatDay(until))})` : name;
}

/** Whether `period` begins after `now`: it has no figures yet. */
export function notBegun(period: { start: Date }, now: Date): boolean {
  return now.getTime() < period.start.getTime();
}

/**
 * The instant up to which a period's figures are counted: `now` while the period is not over (its
 * figures then say "tính đến ngày …"), undefined once it is. Every view that shows a period's figures
 * asks here, from the clock it was given, whether the period is unfinished.
 */
export function countedUntil(period: { end: Date }, now: Date): Date | undefined {
  return now.getTime() < period.end.getTime() ? now : undefined;
}
