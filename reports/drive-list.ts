import { printableFrom } from '../core/document-text.js';
import type { Entry } from '../core/domain.js';
import { type Drive, driveEntries, sortCandidates } from '../core/nominations.js';
import { formatDay } from '../core/periods.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  type Block,
  type CouncilDocSource,
  docHeader,
  docTitle,
  gap,
  italic,
  packDoc,
  section,
  table,
  text,
} from './council-doc.js';

/*
 * Khen thưởng chuyên đề: at the end of a drive of the plan (the elections, say), the list of those
 * whose entries were tagged to it — each with their achievements in words and dates — from which the
 * Council proposes thematic awards.
 */

export async function buildDriveList(
  source: CouncilDocSource,
  args: CouncilDocArgs & { drive: Drive },
): Promise<Buffer> {
  const { store, agency } = source;
  const { year, now, drive } = args;
  const entries = driveEntries(store, drive, year);
  const byMember = new Map<string, Entry[]>();
  for (const e of entries) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
  const people = sortCandidates(
    source,
    [...byMember.keys()].map((memberId) => ({ subject: { kind: 'member' as const, memberId } })),
  );
  const body: Block[] = [
    docHeader(agency, now),
    ...docTitle('DANH SÁCH', 'Cá nhân có thành tích trong đợt thi đua chuyên đề', drive.title),
    text(
      `Đợt thi đua kết thúc ngày ${formatDay(new Date(`${drive.date}T00:00:00+07:00`))}; có ${entries.length} nội dung của ${people.length} cá nhân được ghi nhận gắn với đợt thi đua.`,
    ),
    table(
      ['STT', 'Họ và tên', 'Phòng', 'Thành tích (nội dung, ngày)', 'Số nội dung'],
      people.map((p, i) => {
        const memberId = p.subject.memberId;
        const member = store.member(memberId);
        const own = byMember.get(memberId) ?? [];
        return [
          String(i + 1),
          member?.fullName ?? memberId,
          agency.departments.find((d) => d.id === member?.departmentId)?.name ?? '',
          own.map((e) => `- ${printableFrom(store)(e.text)} (${formatDay(new Date(e.at))})`).join('\n'),
          String(own.length),
        ];
      }),
      [6, 18, 18, 48, 10],
      { center: [0, 4] },
    ),
    gap(),
    italic(
      'Danh sách là căn cứ để Hội đồng Thi đua – Khen thưởng xem xét đề nghị khen thưởng chuyên đề; không phải kết quả khen thưởng.',
    ),
  ];
  return packDoc(`Danh sách khen thưởng chuyên đề: ${drive.title}`, [section(body)]);
}
