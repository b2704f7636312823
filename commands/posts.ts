import type { AgencyConfig } from '../core/agency.js';
import type { MessageKind, OutImage } from '../core/context.js';
import type { CouncilConfig } from '../core/council.js';
import type { Entry, Member, ModelExample } from '../core/domain.js';
import { type Html, joinHtml } from '../core/html.js';
import type { Log } from '../core/log.js';
import { carried } from '../core/meeting.js';
import { subjectName } from '../core/nominations.js';
import { dayContaining, formatDay, type Period, periodContaining, periodTitle } from '../core/periods.js';
import { type Milestone, type Plan, planProgress, progressAsOf, type Target } from '../core/plan.js';

export { progressAsOf };

import { modelsOf } from '../core/figures.js';
import type { Repository } from '../core/repository.js';
import { counts } from '../core/scoring.js';
import { preview } from '../core/text.js';
import type { Messages } from '../locales/index.js';
import type { BoardChart } from '../reports/chart.js';
import { printableFrom } from '../reports/document-text.js';
import { boardChart, kudosLines, kudosOf, modelSubjectName, picture, pictureName } from './lib/board.js';
import { pendingNote, say } from './lib/common.js';
import { leaderboardLines, standingsIn } from './lib/leaderboard.js';
import { registrationStatus, someNames } from './lib/registration.js';

/*
 * The bot's own posts, built from the store: the weekly leaderboard, the monthly digest, the plan's
 * reminders and nudges, and the plan's progress (also /kehoach). The scheduler (bot/jobs.ts) and the
 * commands that preview or post them now (/xemtruoc, /dangngay) read them from here.
 */

/** What the plan's posts are built from. */
export interface PostContext {
  t: Messages;
  store: Repository;
  agency: AgencyConfig;
  plan: Plan;
  /** The Council (its upward awards and the province's address), for the dossier deadline's reminder. */
  council?: CouncilConfig | undefined;
  /** Draws a post's picture (reports/chart.ts); without it, posts go as text alone. */
  draw?: ((chart: BoardChart) => Promise<Buffer>) | undefined;
}

/** A post: its text, what kind of message it is, and the picture that may go with it. */
export interface Post {
  html: Html;
  kind: MessageKind;
  chart?: { data: BoardChart; filename: string } | undefined;
}

const DAY_MS = 86_400_000;
const DEEDS_SHOWN = 10;

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
function asOfDay(plan: Plan, now: Date): string | undefined {
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

function deedsOf(ctx: PostContext, period: Period): Html[] {
  const { t, store, agency } = ctx;
  const mode = agency.review.mode;
  // How many deeds count, from the store's groups; only the latest few are built to be quoted.
  let counted = 0;
  for (const g of store.entryGroups(period.start, period.end).groups) {
    if (g.kind === 'deed' && counts(g, mode)) counted += g.count;
  }
  let latest: Entry[] = [];
  for (let last = DEEDS_SHOWN * 2; ; last *= 4) {
    const read = store.entriesBetween(period.start, period.end, { kind: 'deed', last });
    latest = read.filter((e) => counts(e, mode)).slice(-DEEDS_SHOWN);
    if (latest.length >= Math.min(DEEDS_SHOWN, counted) || read.length < last) break;
  }
  const lines = latest
    .slice()
    .reverse()
    .map((e) =>
      // As documents print user text (no #tag, a colleague by name): a post is read by the whole agency.
      t.posts.deedLine(store.member(e.memberId)?.fullName ?? '?', preview(printableFrom(store)(e.text), 120)),
    );
  return [
    t.posts.deedsTitle,
    ...(lines.length ? lines : [t.posts.noDeeds]),
    ...(counted > DEEDS_SHOWN ? [t.posts.moreDeeds(counted - DEEDS_SHOWN)] : []),
  ];
}

/** Model examples proposed or moved on within the period, at the stage they reached in it. */
function modelLines(ctx: PostContext, period: Period): (Html | string)[] {
  const { t, store } = ctx;
  const models = modelsOf(store, period);
  if (models.list.length === 0) return [];
  return [
    '',
    t.posts.modelsTitle,
    ...models.list.map((m: ModelExample) =>
      t.posts.modelLine(m.no, modelSubjectName(ctx, m), t.models.stages[models.stageOf(m) ?? m.stage]),
    ),
  ];
}

function targetLines(t: Messages, progress: readonly Progress[], asOf: string | undefined): Html[] {
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

/**
 * The weekly leaderboard post for the week containing `slot`. It opens with good news (who leads,
 * the most improved department) and never names who is behind: departments without points are
 * counted, not listed (the whole table is /bangxephang's, on request).
 */
export function weeklyPost(ctx: PostContext, slot: Date): Post {
  const { t, store, agency } = ctx;
  const week = periodContaining('week', slot);
  const standings = standingsIn(ctx, store, week, agency.leaderboard.topMembers, slot);
  const kudos = kudosOf(ctx, week, standings);
  const progress = progressOf(ctx, slot);
  const active = standings.departments.filter((d) => d.entries > 0).length;
  const all = standings.departments.length;
  const html = say(
    t.posts.weeklyTitle(periodTitle(t, week, slot)),
    '',
    ...kudosLines(ctx, kudos),
    ...leaderboardLines(ctx, standings, { departments: 'ranked' }),
    active === all ? t.posts.allDepartmentsActive : t.posts.activeDepartments(active, all),
    '',
    ...deedsOf(ctx, week),
    ...modelLines(ctx, week),
    '',
    ...targetLines(t, progress, asOfDay(ctx.plan, slot)),
    pendingNote(t, standings.pending, agency.review.mode),
  ).html;
  const data = boardChart(ctx, {
    title: t.chart.weeklyTitle(t.periodName(week)),
    period: week,
    standings,
    kudos,
    targets: chartTargets(t, progress),
    now: slot,
    targetsAsOf: progressAsOf(ctx.plan, slot),
  });
  return { html, kind: 'post', chart: { data, filename: pictureName('bang-vang', week) } };
}

/** The monthly digest, posted early in a month about the month before `slot`. */
export function monthlyDigest(ctx: PostContext, slot: Date): Post {
  const { t, store } = ctx;
  const month = periodContaining('month', new Date(periodContaining('month', slot).start.getTime() - 1));
  const standings = standingsIn(ctx, store, month, 5, slot);
  const kudos = kudosOf(ctx, month, standings);
  const progress = progressOf(ctx, slot);
  const html = say(
    t.posts.monthlyTitle(periodTitle(t, month)),
    '',
    ...kudosLines(ctx, kudos),
    ...deedsOf(ctx, month),
    ...modelLines(ctx, month),
    '',
    t.posts.monthlyTop,
    ...leaderboardLines(ctx, standings, { departments: false }),
    '',
    ...targetLines(t, progress, asOfDay(ctx.plan, slot)),
  ).html;
  const data = boardChart(ctx, {
    title: t.chart.monthlyTitle(t.periodName(month)),
    period: month,
    standings,
    kudos,
    targets: chartTargets(t, progress),
    now: slot,
    targetsAsOf: progressAsOf(ctx.plan, slot),
  });
  return { html, kind: 'post', chart: { data, filename: pictureName('diem-tin', month) } };
}

/** A post as a message: its text, and its picture when `ctx` can draw one (a failed drawing is logged). */
export async function postMessage(
  ctx: PostContext,
  post: Post,
  log: Log,
): Promise<{ html: Html; kind: MessageKind; images?: OutImage[] }> {
  const image =
    post.chart && ctx.draw && (await picture(post.chart.data, post.chart.filename, log, ctx.draw));
  return { html: post.html, kind: post.kind, ...(image ? { images: [image] } : {}) };
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

export interface Reminder {
  milestone: Milestone;
  days: number;
  /** For the group. */
  html: Html;
  /** For the admins in private (the Office's reports), if any. */
  adminHtml?: Html;
}

/** The milestones to remind on the day of `now`: some days ahead, and on the day itself. */
export function remindersOn(ctx: PostContext, now: Date): Reminder[] {
  const { t } = ctx;
  return ctx.plan.milestones.flatMap((milestone) => {
    const days = daysUntil(milestone, now);
    if (days !== 0 && !milestone.remindDaysBefore.includes(days)) return [];
    const date = formatDay(milestoneStart(milestone));
    if (milestone.kind === 'registration') return [registrationReminder(ctx, milestone, days, date)];
    if (milestone.kind === 'dossier') return [dossierReminder(ctx, milestone, days, date)];
    return [
      {
        milestone,
        days,
        html: t.posts.reminder(milestone.title, date, days),
        ...(milestone.kind === 'report' ? { adminHtml: t.posts.reportReminder(milestone.title, date) } : {}),
      },
    ];
  });
}

const NAMES_SHOWN = 30;

/**
 * The registration deadline's reminder: how many members and departments have not registered a title
 * for the plan's year (the group sees counts), and who they are (the admins, in private).
 */
function registrationReminder(ctx: PostContext, milestone: Milestone, days: number, date: string): Reminder {
  const { t } = ctx;
  const status = registrationStatus(ctx.store, ctx.agency, ctx.plan.year);
  const members = status.members.filter((m) => !m.registration).map((m) => m.member.fullName);
  const departments = status.departments.filter((d) => !d.registration).map((d) => d.department.name);
  // Department names hold commas ("Phòng Tổ chức đảng, đảng viên"): names are kept apart by semicolons.
  const names = (list: string[]) => {
    const { shown, more } = someNames(list, NAMES_SHOWN);
    return list.length === 0 ? t.posts.nobody : more ? `${shown}; … (+${more})` : shown;
  };
  return {
    milestone,
    days,
    html: joinHtml([
      t.posts.reminder(milestone.title, date, days),
      members.length + departments.length > 0
        ? t.posts.registrationMissing(members.length, departments.length)
        : t.posts.allRegistered,
    ]),
    adminHtml: t.posts.registrationAdmin(milestone.title, date, names(members), names(departments)),
  };
}

/**
 * The province's deadline for the dossiers the Ban proposes upward (Tập thể lao động xuất sắc, Chiến sĩ
 * thi đua cấp tỉnh, Bằng khen…): the group sees the date; the admins get in private, for each award the
 * Chủ tịch UBND tỉnh decides, whom the Council's vote carried (or that it has not met), to whom the
 * dossier goes, and the draft to make. Proposed, never decided here.
 */
function dossierReminder(ctx: PostContext, milestone: Milestone, days: number, date: string): Reminder {
  const { t, council } = ctx;
  const upward = council?.awards.filter((a) => a.decidedBy === 'province') ?? [];
  const year = ctx.plan.year;
  const met =
    council !== undefined && ctx.store.council.meetings.some((m) => m.year === year && m.status === 'closed');
  const source = council && { store: ctx.store, agency: ctx.agency, council };
  const lines = source
    ? upward.map((award) =>
        t.posts.dossierAward(
          award.name,
          carried(source, year, award.id).map((s) => subjectName(source, s)),
        ),
      )
    : [];
  return {
    milestone,
    days,
    html: t.posts.reminder(milestone.title, date, days),
    adminHtml: joinHtml([
      t.posts.dossierAdmin(milestone.title, date, days, council?.province.decider, council?.province.through),
      ...(met ? lines : [t.posts.dossierNoMeeting(year)]),
      t.posts.dossierDraft,
    ]),
  };
}

/**
 * Members to remind in private: registered for at least `nudgeAfterDays`, nothing logged (or credited)
 * in that time, reminders not turned off, and a private chat opened with the bot.
 */
export function membersToNudge(ctx: PostContext, now: Date): Member[] {
  const { store, plan } = ctx;
  const since = new Date(now.getTime() - plan.nudgeAfterDays * DAY_MS);
  const active = new Set(
    store.entriesBetween(since, new Date(now.getTime() + 1)).flatMap((e) => [e.memberId, e.reporterId]),
  );
  return store.members.filter(
    (m) =>
      m.privateChat &&
      m.nudges !== false &&
      Date.parse(m.registeredAt) <= since.getTime() &&
      !active.has(m.id),
  );
}
