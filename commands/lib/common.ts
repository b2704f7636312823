import type { AgencyConfig, Department } from '../../core/agency.js';
import { isCodePrefix } from '../../core/codes.js';
import type { Command, CommandContext, Reply } from '../../core/context.js';
import { type Html, type HtmlPart, joinHtml } from '../../core/html.js';
import {
  notBegun,
  type Period,
  type PeriodKind,
  periodContaining,
  periodRange,
  readPeriod,
} from '../../core/periods.js';
import type { ReviewMode } from '../../core/scoring.js';
import { fold } from '../../core/text.js';
import type { Messages } from '../../locales/index.js';

/** A reply of these lines (markup as it is, text escaped; false and undefined lines left out). */
export function say(...lines: HtmlPart[]): Reply {
  return { html: joinHtml(lines) };
}

/** A refusal: what was wrong, then the command's usage line. Nothing is changed. */
export function refuse(
  ctx: CommandContext,
  command: Command,
  problem: HtmlPart,
  ...more: HtmlPart[]
): Reply[] {
  return [say(problem, ctx.t.usageLine(command.usage(ctx.t)), ...more)];
}

const DEPARTMENT_WORD = /^(phong|van phong|department|dept)\s+/;

/**
 * Finds a department by its id or its name with case and diacritics ignored (`phong can bo` finds
 * `Phòng Cán bộ`); a unique partial match counts too. Never by a position in a list: a bare number
 * is not a department.
 */
export function findDepartment(agency: AgencyConfig, query: string): Department | undefined {
  const q = fold(query).replace(/[.,;:!?]+$/, '');
  if (!q || /^\d+$/.test(q)) return undefined;
  const list = agency.departments;
  const exact = list.find(
    (d) =>
      d.id === q ||
      fold(d.name) === q ||
      fold(d.name).replace(DEPARTMENT_WORD, '') === q.replace(DEPARTMENT_WORD, ''),
  );
  if (exact) return exact;
  const partial = list.filter((d) => fold(d.name).includes(q));
  return partial.length === 1 ? partial[0] : undefined;
}

/** Every department with its id, for a refusal that tells how to name one. */
export function departmentList(ctx: Pick<CommandContext, 't' | 'agency'>): HtmlPart[] {
  return [
    ctx.t.summary.departmentsList,
    ...ctx.agency.departments.map((d) => ctx.t.summary.departmentItem(d.name, d.id)),
  ];
}

/** The words a command was given. */

/** What `periodOf` read: the period, the words left after it, and a note on what it set aside. */
export interface PeriodArgs {
  period: Period;
  /** Whether the caller named the period (false: the command's default). */
  named: boolean;
  rest: string[];
}

/** The word after a number that makes it a span of months (`9 tháng`, `9 months`). */
const MONTH_WORDS = new Set(['thang', 'month', 'months']);

/**
 * Reads the period at the start of `tokens` (core/periods.ts reads every form people write), or
 * the command's `fallback` period when the first word is not one. A period that cannot exist
 * (`quý 9`, `tháng 13`) or a word that looks like a date but is not one is refused with the usage
 * line and the forms a period takes — never read as something else. A period that has not begun yet
 * (`tuần 53` early in December, `tháng 12/2027`) has nothing to sum: it is refused too, never answered
 * with empty figures "counted up to today".
 */
export function periodOf(
  ctx: CommandContext,
  command: Command,
  tokens: readonly string[],
  fallback: PeriodKind,
): PeriodArgs | Reply[] {
  const reading = readPeriod(tokens, ctx.now);
  if (reading && 'impossible' in reading) {
    return refuse(
      ctx,
      command,
      ctx.t.errors.impossiblePeriod(clip(reading.impossible.text)),
      ctx.t.periodForms,
    );
  }
  if (reading && notBegun(reading.period, ctx.now))
    return refuse(ctx, command, periodNotBegun(ctx, reading.period));
  if (reading) return { period: reading.period, named: true, rest: tokens.slice(reading.used) };
  const first = tokens[0];
  // `9 tháng đầu năm`, `6 tháng qua`, `9 months`: a span of months, as a periodic report says it — not
  // a period here (the half-years are, named: `6 tháng đầu năm` is read above).
  if (first !== undefined && /^\d{1,2}$/.test(first) && MONTH_WORDS.has(fold(tokens[1] ?? ''))) {
    const words = fold(tokens.slice(2, 4).join(' ')) === 'dau nam' ? 4 : 2;
    const span = tokens.slice(0, words).join(' ');
    return refuse(ctx, command, ctx.t.errors.monthsSpan(clip(span), Number(first)), ctx.t.periodForms);
  }
  if (first !== undefined && /^[qQtT]?\d/.test(first)) {
    return refuse(ctx, command, ctx.t.errors.unknownPeriod(clip(first)), ctx.t.periodForms);
  }
  return { period: periodContaining(fallback, ctx.now), named: false, rest: [...tokens] };
}

/**
 * Why a period that has not begun is not answered (`tuần 53` early in December, `tháng 12/2027`): in
 * chat (periodOf) and on the desk's pages alike.
 */
export function periodNotBegun(ctx: Pick<CommandContext, 't'>, period: Period): Html {
  return ctx.t.errors.periodNotBegun(ctx.t.periodName(period), periodRange(ctx.t, period));
}

/**
 * For commands that take only a period (`/cuatoi`, `/bangxephang`): the period, or a refusal when
 * words are left that are no part of it — a second period (`tháng tuần`) or words not understood
 * (`tháng sau`). Never an answer for another period than the one asked.
 */
export function onlyPeriod(
  ctx: CommandContext,
  command: Command,
  fallback: PeriodKind,
  keep: (word: string) => boolean = () => false,
): { period: Period; kept: string[] } | Reply[] {
  const tokens = words(ctx.args);
  const kept = tokens.filter((w) => keep(fold(w)));
  const asked = tokens.filter((w) => !keep(fold(w)));
  const read = periodOf(ctx, command, asked, fallback);
  if (Array.isArray(read)) return read;
  if (read.rest.length > 0) return refuseLeftover(ctx, command, asked, read.rest);
  return { period: read.period, kept };
}

/**
 * Words left after a period: a second period is refused as two (which one was meant is not guessed),
 * anything else as a period not understood, quoting all the period's words.
 */
export function refuseLeftover(
  ctx: CommandContext,
  command: Command,
  asked: readonly string[],
  rest: readonly string[],
): Reply[] {
  const second = readPeriod(rest, ctx.now);
  const first = asked.slice(0, asked.length - rest.length).join(' ');
  const problem =
    second && first
      ? ctx.t.errors.twoPeriods(clip(first), clip(rest.join(' ')))
      : ctx.t.errors.unknownPeriod(clip(asked.join(' ')));
  return refuse(ctx, command, problem, ctx.t.periodForms);
}

/** At most `max` characters of what a user typed, when an answer repeats it. */
export function clip(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A line saying how many entries of a period still wait for the Council, and whether they count. */
export function pendingNote(t: Messages, pending: number, mode: ReviewMode): HtmlPart {
  if (pending === 0) return undefined;
  return joinHtml([
    '',
    mode === 'after' ? t.review.pendingCounted(pending) : t.review.pendingNotCounted(pending),
  ]);
}

/** The distinct words holding letters in `text`, case and diacritics ignored (`ok ok ok` is one). */
export function distinctWords(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(/\s+/)
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((word) => /\p{L}/u.test(word)),
  );
}

/**
 * A reason given with a command (reject, reconsider, withdraw), or the refusal when it says nothing in
 * words — `.`, `-`, `x`: no word of two letters or more. A terse word (`Trùng`) is a reason;
 * `example` shows the command with one.
 */
export function reasonRefused(
  ctx: CommandContext,
  command: Command,
  reason: string,
  example: string,
): Reply[] | undefined {
  if ([...distinctWords(reason)].some((word) => (word.match(/\p{L}/gu) ?? []).length >= 2)) return undefined;
  return refuse(ctx, command, ctx.t.errors.reasonNeedsWords(clip(reason), example));
}

export function words(args: string): string[] {
  return args.split(/\s+/).filter(Boolean);
}

/**
 * The entry code a command's words start with, and the words after it: `VT12 lý do`, and a code
 * typed with a space (`ht 2 lý do`: a kind's two letters, then the number) read as one.
 */
export function codeFirst(args: string): { code?: string; rest: string[] } {
  const tokens = words(args);
  const [first, second] = tokens;
  if (first && second && isCodePrefix(first) && /^\d{1,9}$/.test(second)) {
    return { code: `${first}${second}`, rest: tokens.slice(2) };
  }
  return { ...(first ? { code: first } : {}), rest: tokens.slice(1) };
}

/**
 * A period written as people write it, so that core/periods.ts reads it back as itself (a choice's
 * command, which Zalo and the console show; a download's).
 */
export function periodToken(period: Period): string {
  switch (period.kind) {
    case 'week':
      return `tuần ${period.index}/${period.year}`;
    case 'month':
      return `${period.index}/${period.year}`;
    case 'quarter':
      return `Q${period.index}/${period.year}`;
    case 'half':
      return `H${period.index}/${period.year}`;
    case 'year':
      return String(period.year);
  }
}
