import type { Award } from '../core/council.js';
import type { Meeting } from '../core/council-records.js';
import type { TitleSubject } from '../core/domain.js';
import { meetingOutcome, roleHolder } from '../core/meeting.js';
import { subjectDepartment, subjectName } from '../core/nominations.js';
import type { CouncilDocArgs } from '../core/reports.js';
import type { CouncilDocSource } from './council-doc.js';
import { table } from './council-doc.js';
import { councilDoc } from './council-vi.js';

/*
 * What a closed meeting carried, award by award, as the tờ trình, the decision and the Giấy khen read
 * it: the names whose share of the Council's votes met the award's threshold, with that share.
 */

export interface Carried {
  award: Award;
  names: { subject: TitleSubject; name: string; department: string; total: number; share: number }[];
}

export function carriedAt(
  source: CouncilDocSource,
  args: CouncilDocArgs,
  meeting: Meeting,
  decidedBy?: Award['decidedBy'],
): Carried[] {
  return meetingOutcome({ store: source.store, council: args.council }, meeting)
    .filter((o) => decidedBy === undefined || o.award.decidedBy === decidedBy)
    .map((o) => ({
      award: o.award,
      names: o.results
        .filter((r) => r.meets)
        .map((r) => {
          const dept = subjectDepartment(source, r.subject);
          return {
            subject: r.subject,
            name: subjectName(source, r.subject),
            department: source.agency.departments.find((d) => d.id === dept)?.name ?? '',
            total: r.total,
            share: r.share,
          };
        }),
    }))
    .filter((c) => c.names.length > 0);
}

/** `Lao động tiên tiến: 3 cá nhân` — how many of whom. */
export function countOf(c: Carried): string {
  const people = c.names.filter((n) => n.subject.kind === 'member').length;
  const groups = c.names.length - people;
  return [people ? `${people} cá nhân` : '', groups ? `${groups} tập thể` : ''].filter(Boolean).join(', ');
}

/** The annexed list of one award: STT, name, position (to fill), department, the vote's share. */
export function annexTable(c: Carried, withShare: boolean) {
  return table(
    withShare
      ? ['STT', 'Họ và tên (tập thể)', 'Chức vụ', 'Đơn vị', 'Tỷ lệ phiếu đồng ý']
      : ['STT', 'Họ và tên (tập thể)', 'Chức vụ', 'Đơn vị'],
    c.names.map((n, i) => [
      String(i + 1),
      n.name,
      n.subject.kind === 'member' ? '' : '',
      n.subject.kind === 'member' ? n.department : '',
      ...(withShare ? [councilDoc.pct(n.share)] : []),
    ]),
    withShare ? [8, 30, 20, 26, 16] : [8, 34, 24, 34],
    { center: [0, 4] },
  );
}

export const chairOf = (meeting: Meeting) => roleHolder(meeting, 'chair');
export const secretaryOf = (meeting: Meeting) => roleHolder(meeting, 'secretary');
export const viceChairOf = (meeting: Meeting) =>
  roleHolder(meeting, 'viceChair') ?? roleHolder(meeting, 'standing');
