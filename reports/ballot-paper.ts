import { awardById } from '../core/council.js';
import { subjectDepartment, subjectName } from '../core/nominations.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  type Block,
  COUNCIL_UNIT,
  type CouncilDocSource,
  docTitle,
  gap,
  italic,
  packDoc,
  pageBreak,
  section,
  table,
} from './council-doc.js';
import { para, run } from './word.js';

/*
 * Phiếu bầu of a paper secret ballot: one page per member present (the counting committee hands
 * them out), the candidates in the vote's order with a box to agree and a box to disagree. Unsigned:
 * it is a secret ballot.
 */

export async function buildBallotPapers(
  source: CouncilDocSource,
  args: CouncilDocArgs & { rounds: number[] },
): Promise<Buffer> {
  const { store, agency } = source;
  const { council, year } = args;
  const body: Block[] = [];
  for (const no of args.rounds) {
    const round = store.council.round(no);
    const award = round && awardById(council, round.awardId);
    if (!round || !award) continue;
    const copies = Math.max(1, round.voters.length);
    for (let copy = 0; copy < copies; copy += 1) {
      if (body.length) body.push(pageBreak());
      body.push(
        para([run(agency.report.body.toUpperCase(), { size: 26 })], 'center', false),
        para([run(COUNCIL_UNIT.toUpperCase(), { bold: true, size: 26 })], 'center', false),
        ...docTitle('PHIẾU BẦU', `Bình xét “${award.name}” năm ${year}`, `(Vòng biểu quyết số ${round.no})`),
        table(
          ['STT', 'Họ và tên', 'Phòng', 'Đồng ý', 'Không đồng ý'],
          round.candidates.map((s, i) => {
            const dept = subjectDepartment(source, s);
            return [
              String(i + 1),
              subjectName(source, s),
              agency.departments.find((d) => d.id === dept)?.name ?? '',
              '',
              '',
            ];
          }),
          [8, 32, 32, 14, 14],
          { size: 26 },
        ),
        gap(),
        italic(
          'Cách ghi phiếu: với mỗi người, đánh dấu X vào một ô “Đồng ý” hoặc “Không đồng ý”. Phiếu để trống hoặc đánh dấu cả hai ô ở một người là phiếu không hợp lệ. Phiếu không ký tên.',
        ),
      );
    }
  }
  return packDoc(`Phiếu bầu năm ${year}`, [section(body)]);
}
