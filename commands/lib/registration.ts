import type { AgencyConfig, Department } from '../../core/agency.js';
import type { Member, Registration } from '../../core/domain.js';
import type { HtmlPart } from '../../core/html.js';
import { dayContaining, formatDay } from '../../core/periods.js';
import type { Plan } from '../../core/plan.js';
import type { RepositoryReads } from '../../core/repository.js';
import type { Messages } from '../../locales/index.js';

const DAY_MS = 86_400_000;

/** The end of the registration deadline: the first instant after its day in Vietnam. */
export function deadlineEnd(deadline: string): Date {
  return dayContaining(new Date(`${deadline}T12:00:00+07:00`)).end;
}

/** The deadline as people read it: `30/06/2026`. */
export function deadlineDay(deadline: string): string {
  return formatDay(new Date(deadlineEnd(deadline).getTime() - 1));
}

/** The line saying until when registrations are open, or that only admins change them now. */
export function deadlineLine(t: Messages, plan: Plan, now: Date): HtmlPart {
  if (!plan.registration) return undefined;
  const { deadline } = plan.registration;
  if (registrationClosed(plan, now)) return t.titles.deadlinePassed(deadlineDay(deadline));
  const days = Math.round((deadlineEnd(deadline).getTime() - dayContaining(now).end.getTime()) / DAY_MS);
  return t.titles.deadlineOpen(deadlineDay(deadline), days);
}

/** Whether registrations for the plan's year are closed to everyone but admins at `now`. */
export function registrationClosed(plan: Plan, now: Date): boolean {
  return (
    plan.registration !== undefined && now.getTime() >= deadlineEnd(plan.registration.deadline).getTime()
  );
}

/**
 * Whether `member` heads `departmentId` now: named its head (/truongphong) and still in it. A head who
 * moved to another department no longer registers for the old one.
 */
export function isHeadOf(store: RepositoryReads, member: Member | undefined, departmentId: string): boolean {
  if (!member || member.leftAt || member.departmentId !== departmentId) return false;
  return store.departmentHead(departmentId)?.memberId === member.id;
}

export interface RegistrationStatus {
  year: number;
  members: { member: Member; registration: Registration | undefined }[];
  departments: { department: Department; registration: Registration | undefined }[];
}

/**
 * Who has registered for a title of `year` and who has not: the members in the agency now (not those
 * who left the group), of one department if given, and the departments.
 */
export function registrationStatus(
  store: RepositoryReads,
  agency: AgencyConfig,
  year: number,
  department?: Department,
): RegistrationStatus {
  const members = store.members
    .filter((m) => !m.leftAt && (!department || m.departmentId === department.id))
    .map((member) => ({
      member,
      registration: store.registration(year, { kind: 'member', memberId: member.id }),
    }));
  const departments = (department ? [department] : agency.departments).map((d) => ({
    department: d,
    registration: store.registration(year, { kind: 'department', departmentId: d.id }),
  }));
  return { year, members, departments };
}

/** Names, at most `max` of them, and how many more there are. */
export function someNames(names: readonly string[], max: number): { shown: string; more: number } {
  return { shown: names.slice(0, max).join('; '), more: Math.max(0, names.length - max) };
}
