import { awardById } from '../core/council.js';
import { nominationList } from '../core/nominations.js';
import type { CouncilDocArgs } from '../core/reports.js';
import {
  type Block,
  type CouncilDocSource,
  docHeader,
  docTitle,
  gap,
  heading,
  italic,
  packDoc,
  section,
  table,
} from './council-doc.js';
import { factsOf } from './council-facts.js';
import { councilDoc } from './council-vi.js';

/*
 * Danh sách đề nghị khen thưởng: one table per award — họ tên, chức vụ, phòng, danh hiệu, tóm tắt
 * thành tích (the entries the Council approved, in words), xếp loại, ghi chú (why a name was added;
 * what the Council still confirms). Landscape: eight columns read at 11 pt.
 */

export async function buildNominationList(
  source: CouncilDocSource,
  args: CouncilDocArgs & { awards: string[] },
): Promise<Buffer> {
  const { store, agency } = source;
  const { council, year, now } = args;
  const body: Block[] = [
    docHeader(agency, now),
    ...docTitle('DANH SÁCH', `Đề nghị xét tặng danh hiệu thi đua, hình thức khen thưởng năm ${year}`),
  ];
  let shown = 0;
  for (const id of args.awards) {
    const award = awardById(council, id);
    if (!award) continue;
    const list = nominationList({ store, agency, council }, year, award);
    if (list.length === 0 && args.awards.length > 1) continue;
    shown += 1;
    const facts = factsOf({ ...source, council }, year, list);
    body.push(
      heading(`${shown}. ${award.name} (${councilDoc.decider(award)}): ${list.length} trường hợp`),
      table(
        [
          'STT',
          'Họ và tên',
          'Chức vụ',
          'Phòng',
          'Danh hiệu đăng ký',
          'Tóm tắt thành tích',
          'Xếp loại',
          'Ghi chú',
        ],
        list.map((c, i) => {
          const f = facts[i];
          const notes = [
            c.note,
            c.origin === 'exceptional' ? 'Khen thưởng đột xuất' : '',
            f?.open.length ? `Chưa thấy trong dữ liệu: ${f.open.join('; ')}` : '',
          ].filter(Boolean);
          return [
            String(i + 1),
            f?.name ?? '',
            '',
            f?.department ?? '',
            f?.registered ?? '',
            f ? councilDoc.summary(f, year) : '',
            f?.rating ? councilDoc.ratings[f.rating] : '',
            notes.join('. '),
          ];
        }),
        [5, 14, 10, 13, 11, 25, 8, 14],
        { size: 22 },
      ),
      gap(),
    );
  }
  if (shown === 0) body.push(italic('Chưa có danh sách đề nghị nào.'));
  body.push(
    italic(
      'Danh sách lập từ đăng ký thi đua và các thay đổi có lý do của Văn phòng; cột Chức vụ (và Xếp loại, khi chưa ghi nhận trên hệ thống) do Văn phòng bổ sung theo hồ sơ. Danh sách là căn cứ để Hội đồng bình xét, không phải kết quả khen thưởng.',
    ),
  );
  return packDoc(`Danh sách đề nghị khen thưởng năm ${year}`, [section(body, true)]);
}
