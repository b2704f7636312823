import type { Html } from '../../core/html.js';
import { dayContaining, formatDay, periodContaining } from '../../core/periods.js';
import { type Milestone, type Plan, planProgress, progressAsOf, type Target } from '../../core/plan.js';
import type { BoardChart } from '../../core/reports.js';
import type { Messages } from '../../locales/index.js';
import { boardChart, pictureName } from '../lib/board.js';
import { say } from '../lib/common.js';
import { standingsIn } from '../lib/leaderboard.js';
import type { PostContext } from './context.js';

/*
 * The plan's progress as the agency reads it: every target with its figure and bar, the milestones
 * ahead — /kehoach's text and picture, the desk's figures, and the targets' lines and bars of the
 * weekly and monthly posts.
 */

export { progressAsOf };

const DAY_MS = 86_400_000;

export interface Progress {
  target: Target;
  /** The target's title as shown: marked when the goal is not the plan's own (core/plan.ts `source`). */
  title: string;
  value: number;
  /** Share of the goal reached, 0–1. */
  ratio: number;
  /**
   * `done`: reached on entries the Council approved (or that need no review); `pending`: reached only
   * if the entries awaiting review count; `open`: not reached.
   */
  state: 'done' | 'pending' | 'open';
  /** The figure as shown: `45/60 (75%)` or `3/5`, and how much of it awaits the Council. */
  display: string;
  /** The figure alone: `45/60 (75%)` or `3/5`. */
  figure: string;
}

/**
 * Every target of the plan with its progress now (core/plan.ts measures it), in the reader's words: how
 * much rests on entries not reviewed yet (in review mode `after` they count but are named; in mode
 * `before` they do not count, and what they would add is named), and whether the target is the plan's
 * own or a reference level the agency or the bot added — said in its title wherever it is shown.
 */
export function progressOf(ctx: PostContext, now: Date): Progress[] {
  const { t, agency } = ctx;
  const mode = agency.review.mode;
  return planProgress(ctx, now).map((p) => {
    const { target, count, whole, sure, best } = p;
    const note =
      mode === 'after'
        ? count > sure
          ? t.plan.pendingIncluded(count - sure)
          : ''
        : best > count
          ? t.plan.pendingExcluded(best - count)
          : '';
    const figure =
      whole !== undefined
        ? t.plan.participation(count, whole, t.percent(count, whole))
        : t.plan.count(count, target.goal);
    return {
      target,
      title: t.plan.targetTitle(target.title, target.source),
      value: p.value,
      ratio: p.ratio,
      state: p.state,
      display: figure + note,
      figure,
    };
  });
}

/** The day the plan's targets are counted up to, as written; undefined once the year is over. */
export function asOfDay(plan: Plan, now: Date): string | undefined {
  const until = progressAsOf(plan, now);
  return until && formatDay(until);
}

/** A ten-step text progress bar: ▓▓▓▓▓░░░░░ 50%. */
export function bar(ratio: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * 10);
  return `${'▓'.repeat(filled)}${'░'.repeat(10 - filled)}`;
}

/** Milestone dates are days in Vietnam; this is their first instant. */
export function milestoneStart(milestone: Milestone): Date {
  return dayContaining(new Date(`${milestone.date}T12:00:00+07:00`)).start;
}

/** Whole days from the day of `now` to the milestone's day, in Vietnam. */
export function daysUntil(milestone: Milestone, now: Date): number {
  return Math.round((milestoneStart(milestone).getTime() - dayContaining(now).start.getTime()) / DAY_MS);
}

/** The `/kehoach` text: every target with its bar, and the next milestones. */
export function planText(ctx: PostContext, now: Date, upcoming = 5): Html {
  const { t, plan } = ctx;
  const next = plan.milestones
    .filter((m) => daysUntil(m, now) >= 0)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, upcoming);
  return say(
    t.plan.title(plan.title, asOfDay(plan, now)),
    '',
    ...progressOf(ctx, now).map((p) => t.plan.targetLine(p.state, p.title, bar(p.ratio), p.display)),
    t.plan.legend,
    '',
    t.plan.milestonesTitle,
    ...(next.length
      ? next.map((m) =>
          t.plan.milestoneLine(
            formatDay(milestoneStart(m)),
            daysUntil(m, now),
            m.title,
            t.plan.milestoneSource[m.source],
          ),
        )
      : [t.plan.noMilestones]),
  ).html;
}

/** The targets' lines of a post: each target's short title, figure and bar. */
export function targetLines(t: Messages, progress: readonly Progress[], asOf: string | undefined): Html[] {
  return [
    t.posts.targetsTitle(asOf),
    ...progress.map((p) =>
      t.posts.targetShort(
        t.plan.targetShortTitle(p.target.title, p.target.source),
        `${p.display} ${bar(p.ratio)}`,
      ),
    ),
  ];
}

/** The plan's targets as the picture shows them: the figure alone, done only when reached for sure. */
export function chartTargets(t: Messages, progress: readonly Progress[]): BoardChart['targets'] {
  return progress.map((p) => ({
    title: t.plan.targetShortTitle(p.target.title, p.target.source),
    ratio: p.ratio,
    display: p.figure,
    done: p.state === 'done',
  }));
}

/** The picture of the plan: the year's targets with their progress, and the year's standings so far. */
export function planChart(ctx: PostContext, now: Date): { data: BoardChart; filename: string } {
  const { t, store, agency, plan } = ctx;
  const year = periodContaining('year', new Date(Date.UTC(plan.year, 6, 1)));
  const standings = standingsIn(ctx, store, year, agency.leaderboard.topMembers, now);
  const data = boardChart(ctx, {
    title: plan.title,
    subtitle: t.chart.progressTo(asOfDay(plan, now)),
    period: year,
    standings,
    targets: chartTargets(t, progressOf(ctx, now)),
    targetsFirst: true,
    targetsAsOf: progressAsOf(plan, now),
  });
  return { data, filename: pictureName('ke-hoach', year) };
}
