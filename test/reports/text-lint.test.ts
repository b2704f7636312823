/**
 * The words of every document the bot makes, read back as a reader sees them (a Word file paragraph by
 * paragraph, a workbook cell by cell, the chat answers of the main commands line by line), from a store
 * whose content is valid but unkind: names with quotes and angle brackets, entries typed in lower case
 * with doubled spaces, "..." and a full stop, hashtags and @mentions, a withdrawal by an admin, award
 * decisions on record, a member who moved. No document may print "..", doubled spaces, a sentence
 * starting in lower case, a raw @name or #tag, English words, "undefined" or "NaN".
 */
import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kehoach } from '../../commands/kehoach.js';
import { monthlyDigest } from '../../commands/posts/monthly.js';
import { weeklyPost } from '../../commands/posts/weekly.js';
import { tonghop } from '../../commands/tonghop.js';
import { parseCouncil } from '../../core/council.js';
import type { Member } from '../../core/domain.js';
import { htmlToPlain } from '../../core/html.js';
import { periodContaining } from '../../core/periods.js';
import { parsePlan } from '../../core/plan.js';
import { parseTitles } from '../../core/titles.js';
import { vi } from '../../locales/vi.js';
import { catalog } from '../../reports/catalog.js';
import { Store } from '../../storage/store.js';
import { tempDir, testAgency } from '../helpers/agency.js';
import { run } from '../helpers/context.js';
import { docxText } from '../helpers/documents.js';
import { actor } from '../helpers/store.js';
import { readBook } from '../helpers/xlsx.js';

const agency = testAgency();
const plan = parsePlan(JSON.parse(readFileSync('config/plan-2026.json', 'utf8')));
const titles = parseTitles(JSON.parse(readFileSync('config/titles-2026.json', 'utf8')));
/** 6 December 2026, 10:00 in Vietnam: the year, its last quarter and month are not over. */
const now = new Date('2026-12-06T03:00:00Z');
const year = periodContaining('year', now);
const quarter = periodContaining('quarter', now);
const lastMonth = periodContaining('month', new Date('2026-11-15T03:00:00Z'));

/** English words (and what a bug prints) that must not appear in a Vietnamese document. */
const ENGLISH =
  /(?<![\p{L}\d_])(undefined|NaN|null|true|false|points?|entry|entries|members?|department|title|object Object|Infinity)(?![\p{L}\d_])/u;

/** Every problem of one line of a document: [rule, the line]. */
function lint(line: string): string[] {
  const problems: string[] = [];
  const text = line.trim();
  if (!text) return problems;
  if (/(?<!\.)\.\.(?!\.)|\.\.\./.test(text)) problems.push('..');
  // Spaces left for a number to be written by hand ("Số      -BC/BTCTU") are the form's, not a slip.
  if (/\S {2,}(?!-| *-)\S/.test(text)) problems.push('doubled spaces');
  // A sentence starts after a bullet, a numbering ("1.", "a)", "II.") or a full stop.
  const start = text.replace(/^([-•–+*]|\d+(\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)\s*/u, '');
  if (/^\p{Ll}/u.test(start) && /\s/.test(start) && start.length > 24) problems.push('lower-case start');
  if (/[.!?]\s+\p{Ll}/u.test(text.replace(/\b(TP|Tp|St|v\.v)\.\s/g, '')))
    problems.push('lower case after a full stop');
  if (/(^|[\s(])@[\p{L}\d_]/u.test(text)) problems.push('raw @name');
  if (/(^|[\s(])#[\p{L}\d_]/u.test(text)) problems.push('raw #tag');
  const english = ENGLISH.exec(text);
  if (english) problems.push(`English word "${english[1]}"`);
  // A setting's or a field's name from the code (minMonthsWorked, departmentId) is no word of a document.
  const identifier = /(?<![\p{L}\d_/.:-])[a-z]+[A-Z][A-Za-z]*(?![\p{L}\d_])/u.exec(text);
  if (identifier) problems.push(`identifier "${identifier[0]}"`);
  return problems;
}

function lintAll(name: string, lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    lint(line).map((problem) => `${name}: ${problem}: ${line.trim().slice(0, 160)}`),
  );
}

/** Every cell of every sheet as text, one a line (a formula by its result). */
async function cells(data: Buffer): Promise<string[]> {
  const book = await readBook(data);
  const out: string[] = [];
  book.eachSheet((sheet: ExcelJS.Worksheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        const shown =
          v && typeof v === 'object' && 'result' in v
            ? (v as { result: unknown }).result
            : v && typeof v === 'object' && 'richText' in v
              ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
              : v;
        if (typeof shown === 'string' || typeof shown === 'number') out.push(String(shown));
      });
    });
  });
  return out;
}

const lines = async (data: Buffer) => (await docxText(data)).split('\n');

let dir: string;
let cleanup: () => Promise<void>;
let store: Store;
const people: Member[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
  const joined = new Date('2026-01-05T02:00:00Z');
  const names: [string, string, string][] = [
    ['Nguyễn Thị Lan', 'vp', 'lan'],
    ['Trần Văn Hùng', 'vp', 'hung'],
    ['Lê "Tí" Minh', 'cb', 'minh'],
    ['Phạm <Thu> Hà & Cộng', 'cb', 'ha'],
    ['Đặng Quốc Bảo', 'tcdv', 'bao'],
  ];
  for (const [i, [fullName, departmentId, username]] of names.entries()) {
    const identity = `telegram:${5000 + i}`;
    people.push(
      await store.saveMember({ identity, fullName, departmentId, username }, actor(identity, joined)),
    );
  }
  const [lan, hung, minh, ha, bao] = people as [Member, Member, Member, Member, Member];
  const log = (m: Member, kind: 'deed' | 'task' | 'initiative', text: string, day: string, extra = {}) =>
    store.addEntry(
      {
        kind,
        text,
        points: kind === 'initiative' ? 5 : 2,
        adhoc: false,
        it: false,
        memberId: m.id,
        ...extra,
      },
      actor(m.id, new Date(`${day}T03:00:00Z`)),
    );
  const e1 = await log(lan, 'task', 'hoàn thành báo cáo quý III  đúng hạn...', '2026-10-05', { adhoc: true });
  const e2 = await log(lan, 'initiative', 'Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt.', '2026-10-12', {
    it: true,
  });
  const e3 = await log(hung, 'deed', 'Cùng @lan hỗ trợ  đồng nghiệp mới. rất nhiệt tình!!', '2026-11-03');
  const e4 = await log(minh, 'task', 'Thẩm định hồ sơ quy hoạch cán bộ #dotxuat', '2026-11-10', {
    adhoc: true,
  });
  const e5 = await log(ha, 'deed', 'Hiến máu tình nguyện <đợt 2> & vận động', '2026-11-20');
  const e6 = await log(bao, 'task', 'Tổng hợp số liệu đảng viên mới', '2026-12-01');
  const e7 = await log(hung, 'deed', 'Nhặt được ví trả lại người đánh rơi', '2026-12-02');
  const council = (_code: string) => actor('telegram:800001', new Date('2026-12-03T03:00:00Z'));
  await store.reviewEntry(e1.code, 'approved', council(e1.code));
  await store.reviewEntry(e2.code, 'approved', council(e2.code));
  await store.reviewEntry(e3.code, 'approved', council(e3.code));
  await store.reviewEntry(e4.code, 'rejected', council(e4.code), 'trùng nội dung đã ghi.');
  await store.reviewEntry(e5.code, 'approved', council(e5.code));
  // An admin (no profile) withdraws a colleague's entry; the reporter withdraws their own.
  await store.withdrawEntry(e6.code, actor('telegram:900001', new Date('2026-12-04T03:00:00Z')), 'ghi nhầm.');
  await store.withdrawEntry(e7.code, actor(hung.id, new Date('2026-12-04T04:00:00Z')));
  await store.recordAward(
    {
      year: 2025,
      kind: 'title',
      titleId: 'ldtt',
      name: 'Lao động tiên tiến',
      decision: { number: '12-QĐ/BTCTU', date: '2025-12-20', body: 'Ban Tổ chức Tỉnh ủy' },
      recipients: [{ subject: { kind: 'member', memberId: lan.id } }],
    },
    actor('telegram:900001', new Date('2026-12-04T05:00:00Z')),
  );
  await store.recordAward(
    {
      year: 2026,
      kind: 'form',
      name: 'Giấy khen',
      decision: { number: '40-QĐ/BTCTU', date: '2026-12-05', body: 'Ban Tổ chức Tỉnh ủy' },
      recipients: [
        { subject: { kind: 'member', memberId: minh.id } },
        { subject: { kind: 'department', departmentId: 'cb' } },
      ],
    },
    actor('telegram:900001', new Date('2026-12-05T05:00:00Z')),
  );
});

afterAll(async () => {
  await store.close();
  await cleanup();
});

const source = () => ({ store, agency, titles });

describe('the words of every document', () => {
  it('finds the slips it is meant to find', () => {
    expect(lint('Trong kỳ, có 2 nội dung..')).toContain('..');
    expect(lint('Cách tính điểm: Mục được tính.. Tiếp theo')).toEqual(expect.arrayContaining(['..']));
    expect(lint('Đã  duyệt')).toContain('doubled spaces');
    expect(lint('Số      -BC/BTCTU')).toEqual([]);
    expect(lint('- hoàn thành báo cáo quý III đúng hạn')).toContain('lower-case start');
    expect(lint('Đã duyệt. rất tốt')).toContain('lower case after a full stop');
    expect(lint('Cùng @lan hỗ trợ')).toContain('raw @name');
    expect(lint('Số hóa hồ sơ #cntt')).toContain('raw #tag');
    expect(lint('Được tính 16 points')).toContain('English word "points"');
    expect(lint('Điểm: NaN')).toContain('English word "NaN"');
    expect(lint('Thời gian công tác: thiết lập minMonthsWorked')).toContain('identifier "minMonthsWorked"');
    expect(lint('Họ và tên: undefined')).toContain('English word "undefined"');
  });

  it('the periodic report, for the agency and a department, a period not over yet and one over', async () => {
    const problems: string[] = [];
    for (const [name, args] of [
      ['báo cáo quý', { period: quarter, now, plan }],
      ['báo cáo tháng', { period: lastMonth, now, plan }],
      ['báo cáo năm, phòng', { period: year, now, plan, department: agency.departments[2] }],
    ] as const) {
      const text = await lines(await catalog.reportDoc(source(), args));
      problems.push(...lintAll(name, text));
      // Commendation results from the award decisions on record for the year.
      expect(text).toContain(
        '- Giấy khen năm 2026 (Quyết định số 40-QĐ/BTCTU ngày 05/12/2026 của Ban Tổ chức Tỉnh ủy): đồng chí Lê "Tí" Minh; Phòng Cán bộ.',
      );
    }
    expect(problems).toEqual([]);
  });

  it('the workbook and the review sheet', async () => {
    const problems = [
      ...lintAll('bảng tổng hợp', await cells(await catalog.workbook(source(), { period: year, now }))),
      ...lintAll(
        'bảng tổng hợp phòng',
        await cells(
          await catalog.workbook(source(), { period: quarter, now, department: agency.departments[2] }),
        ),
      ),
      ...lintAll('bảng bình xét', await cells(await catalog.reviewSheet(source(), { period: year, now }))),
      ...lintAll('mẫu hồ sơ', await cells(await catalog.recordsTemplate(source(), { year: 2026 }))),
    ];
    expect(problems).toEqual([]);
  });

  it('the achievement reports, each and all', async () => {
    const problems: string[] = [];
    for (const m of people) {
      const data = await catalog.memberAchievement(source(), { period: year, memberId: m.id, now });
      problems.push(...lintAll(`báo cáo thành tích ${m.fullName}`, await lines(data)));
    }
    for (const department of agency.departments) {
      const data = await catalog.departmentAchievement(source(), { period: year, department, now });
      problems.push(...lintAll(`báo cáo thành tích ${department.name}`, await lines(data)));
    }
    const zip = await JSZip.loadAsync(await catalog.allAchievements(source(), { period: year, now }));
    for (const file of Object.values(zip.files)) {
      if (!file.name.endsWith('.docx')) continue;
      problems.push(...lintAll(file.name, await lines(await file.async('nodebuffer'))));
    }
    expect(problems).toEqual([]);
  });
});

describe('the year-end lists', () => {
  it("the nomination list and a drive's list", async () => {
    const council = parseCouncil(JSON.parse(readFileSync('config/council-2026.json', 'utf8')), titles);
    const args = { council, year: 2026, now };
    const problems = [
      ...lintAll(
        'danh sách đề nghị',
        await lines(
          await catalog.nominationList(source(), { ...args, awards: ['ldtt', 'cstdcs', 'giaykhen'] }),
        ),
      ),
      ...lintAll(
        'danh sách chuyên đề',
        await lines(
          await catalog.driveList(source(), {
            ...args,
            drive: {
              id: 'chuyen-de',
              title: 'Đợt thi đua chuyên đề cuối năm',
              tag: 'dotxuat',
              date: '2026-12-31',
            },
          }),
        ),
      ),
    ];
    expect(problems).toEqual([]);
  });
});

describe('the words of the main chat answers', () => {
  it('/tonghop, /kehoach and the posts, in Vietnamese', async () => {
    const input = { store, agency, plan, titles, now, isAdmin: true, chat: 'private' as const };
    const problems: string[] = [];
    for (const args of ['quý', 'tháng trước', 'năm', 'năm cb']) {
      for (const reply of await run(tonghop, { ...input, args })) {
        problems.push(...lintAll(`/tonghop ${args}`, reply.text.split('\n')));
      }
    }
    for (const reply of await run(kehoach, input))
      problems.push(...lintAll('/kehoach', reply.text.split('\n')));
    const post = { t: vi, store, agency, plan };
    for (const [name, html] of [
      ['bảng vàng tuần', weeklyPost(post, now).html],
      ['điểm tin tháng', monthlyDigest(post, now).html],
    ] as const) {
      problems.push(...lintAll(name, htmlToPlain(html).split('\n')));
    }
    expect(problems).toEqual([]);
  });

  it('the weekly picture says up to when its week and the targets are counted, and marks the Office levels', () => {
    const chart = weeklyPost({ t: vi, store, agency, plan }, now).chart?.data;
    expect(chart?.subtitle).toBe('30/11/2026 – 06/12/2026, tính đến ngày 06/12/2026');
    expect(chart?.labels.targets).toBe('Tiến độ kế hoạch năm, tính đến ngày 06/12/2026');
    expect(chart?.targets.map((t) => t.title)).toContain(
      'Gương người tốt, việc tốt được nêu gương (mức tham chiếu của Văn phòng)',
    );
    expect(chart?.targets.map((t) => t.title)).toContain(
      'Ít nhất 01 mô hình ứng dụng công nghệ thông tin trong quản lý, điều hành',
    );
  });
});
