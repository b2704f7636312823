import { type Html, joinHtml } from '../../core/html.js';
import { carried } from '../../core/meeting.js';
import { subjectName } from '../../core/nominations.js';
import { formatDay } from '../../core/periods.js';
import type { Milestone } from '../../core/plan.js';
import { registrationStatus, someNames } from '../lib/registration.js';
import type { PostContext } from './context.js';
import { daysUntil, milestoneStart } from './plan.js';

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

/** The day's reminders for the group as one message, so a retry never repeats half of it. */
export function remindersMessage(due: readonly Reminder[]): { html: Html; kind: 'reminder' } {
  return {
    html: joinHtml(
      due.map((r) => r.html),
      '\n\n',
    ),
    kind: 'reminder',
  };
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
