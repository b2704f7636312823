import type { AgencyConfig, Department } from '../../bot/config.js';
import type { Command, CommandContext, Reply } from '../../core/context.js';
import { type Period, type PeriodKind, parsePeriod, periodContaining } from '../../core/periods.js';
import { isPending, type ReviewMode } from '../../core/scoring.js';
import { esc, fold } from '../../core/text.js';
import type { Messages } from '../../locales/index.js';
import type { Entry } from '../../storage/schema.js';

export function say(...lines: (string | false | undefined)[]): Reply {
  return { html: lines.filter((l): l is string => typeof l === 'string').join('\n') };
}

/** A refusal: what was wrong, then the command's usage line. Nothing is changed. */
export function refuse(ctx: CommandContext, command: Command, problem: string): Reply[] {
  return [say(problem, ctx.t.usageLine(command.usage(ctx.t)))];
}

export function departmentName(agency: AgencyConfig, id: string, t: Messages): string {
  return agency.departments.find((d) => d.id === id)?.name ?? t.unknownDepartmentName(id);
}

const DEPARTMENT_WORD = /^(phong|van phong|department|dept)\s+/;

/**
 * Finds a department by its number in the list (1-based), its id, or its name with case and
 * diacritics ignored (`phong can bo` finds `Phòng Cán bộ`); a unique partial match counts too.
 */
export function findDepartment(agency: AgencyConfig, query: string): Department | undefined {
  const q = fold(query);
  if (!q) return undefined;
  const list = agency.departments;
  if (/^\d{1,3}$/.test(q)) return list[Number(q) - 1];
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

/** The period named by `token`, the current `fallback` period when there is none, or a refusal. */
export function periodArg(
  ctx: CommandContext,
  command: Command,
  token: string | undefined,
  fallback: PeriodKind,
): Period | Reply[] {
  if (!token) return periodContaining(fallback, ctx.now);
  return parsePeriod(token, ctx.now) ?? refuse(ctx, command, ctx.t.errors.unknownPeriod(esc(token)));
}

/** A line saying how many entries of a period still wait for the Council, and whether they count. */
export function pendingNote(t: Messages, entries: readonly Entry[], mode: ReviewMode): string | undefined {
  const pending = entries.filter(isPending).length;
  if (pending === 0) return undefined;
  return `\n${mode === 'after' ? t.review.pendingCounted(pending) : t.review.pendingNotCounted(pending)}`;
}

export function words(args: string): string[] {
  return args.split(/\s+/).filter(Boolean);
}
