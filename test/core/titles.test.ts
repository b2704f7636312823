/**
 * The titles file and the plan's registration deadline are validated at start-up: a file that breaks
 * a rule stops the bot with the file and the problem named, and the shipped files pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfig, readPlanFile } from '../../bot/config.js';
import { ConfigError } from '../../core/errors.js';
import { parsePlan } from '../../core/plan.js';
import { criteriaOf, parseTitles, reportHeaderOf, titleById } from '../../core/titles.js';
import { tempDir, testAgency } from '../helpers/agency.js';

const shipped = () => JSON.parse(readFileSync('config/titles-2026.json', 'utf8'));
const problems = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
};

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

describe('the titles file', () => {
  it('ships the four titles for the plan’s year, with settings read into the measures', () => {
    const titles = parseTitles(shipped());
    const plan = readPlanFile('config/plan-2026.json');
    expect(titles.year).toBe(plan.year);
    expect(titles.titles.map((t) => [t.id, t.subject])).toEqual([
      ['ldtt', 'member'],
      ['cstdcs', 'member'],
      ['ttldtt', 'department'],
      ['ttldxs', 'department'],
    ]);
    const share = titleById(titles, 'ttldxs')?.criteria.find((c) => c.id === 'ttldxs-ldtt-share');
    // Members who achieved LĐTT (decisions on record), not those who registered (issue 20).
    expect(share?.measure).toMatchObject({ type: 'memberShareAwarded', minPercent: 70 });
    // CSTĐCS lays out its own criteria, then LĐTT's, then those of every title.
    const cstdcs = titleById(titles, 'cstdcs');
    expect(cstdcs && criteriaOf(titles, cstdcs).map((c) => c.title.id)).toEqual([
      ...Array(4).fill('cstdcs'),
      ...Array(5).fill('ldtt'),
      ...Array(4).fill('cstdcs'),
    ]);
    // Nothing unverified is marked as confirmed law: Điều 28 (TTLĐTT) was not read.
    expect(
      titleById(titles, 'ttldtt')
        ?.criteria.filter((c) => c.rule === 'national')
        .map((c) => c.check),
    ).toEqual(Array(5).fill('toVerify'));
  });

  it('gives each legal setting its source, clause by clause, and marks what was not read or is no longer in force', () => {
    const titles = parseTitles(shipped());
    // LĐTT's months worked: Thông tư 01/2024/TT-BNV's 6 (not Nghị định 91/2017's 10), to check against
    // Thông tư 15/2025/TT-BNV and the province's rule.
    expect(titles.settings.minMonthsWorked).toMatchObject({ value: 6, check: 'toVerify' });
    expect(titles.settings.minMonthsWorked?.source).toContain('Thông tư 01/2024/TT-BNV');
    expect(titles.settings.minMonthsWorked?.source).toContain('Thông tư 15/2025/TT-BNV và quy định của tỉnh');
    // CSTĐCS's 80% vote: a clause no longer in force, awaiting the province's rule.
    expect(titles.settings.cstdcsVoteMinPercent).toMatchObject({ value: 80, check: 'toVerify' });
    expect(titles.settings.cstdcsVoteMinPercent?.source).toBe(
      'Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP — văn bản đã hết hiệu lực từ 01/7/2025; chờ quy định của tỉnh',
    );
    // The general rules every title shares, each cited to its clause.
    expect(titles.general.map((c) => [c.id, c.source])).toEqual([
      ['general-not-under-review', 'Khoản 4 Điều 4 Nghị định 152/2025/NĐ-CP'],
      ['general-women-preferred', 'Khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP'],
      ['general-one-achievement', 'Điểm c khoản 2 Điều 5 Luật Thi đua, khen thưởng 2022'],
      ['general-discipline', 'Khoản 4 Điều 4 Nghị định 152/2025/NĐ-CP'],
    ]);
    // The achievement report's header block: the Party's for the Ban's own titles, the Quốc hiệu for
    // the one the province decides; a report without a title takes the file's default.
    expect(titles.titles.map((t) => [t.id, reportHeaderOf(titles, t)])).toEqual([
      ['ldtt', 'party'],
      ['cstdcs', 'party'],
      ['ttldtt', 'party'],
      ['ttldxs', 'state'],
    ]);
    expect(reportHeaderOf(titles, undefined)).toBe('party');
    const state = shipped();
    state.achievementReport.header = 'state';
    expect(reportHeaderOf(parseTitles(state), undefined)).toBe('state');
    const wrong = shipped();
    wrong.titles[0].reportHeader = 'quochieu';
    expect(problems(() => parseTitles(wrong))).toContain('titles.0.reportHeader');
  });

  it('refuses a share below the Law’s floor, a measure that does not fit the title, and an unknown setting', () => {
    const low = shipped();
    low.settings.ttldxsLdttPercent.value = 50;
    expect(problems(() => parseTitles(low, 'titles.json'))).toContain(
      'settings.ttldxsLdttPercent.value: 50 is below the legal floor of 70',
    );
    const wrong = shipped();
    wrong.titles[0].criteria[2].measure = { type: 'someMember', of: { type: 'entries', min: 1 } };
    expect(problems(() => parseTitles(wrong))).toContain(
      'titles.0.criteria.2.measure: someMember does not measure a member',
    );
    const missing = shipped();
    missing.titles[3].criteria[3].measure.minPercent = '$settings.nothing';
    expect(problems(() => parseTitles(missing))).toContain('no setting "nothing" holding a percentage');
    const crossed = shipped();
    crossed.titles[0].criteria[4].measure.titles = ['ttldtt'];
    expect(problems(() => parseTitles(crossed))).toContain('"ttldtt" is not a member title');
    const loop = shipped();
    loop.titles[1].requires = ['ttldtt'];
    expect(problems(() => parseTitles(loop))).toContain(
      'titles.1.requires.0: "ttldtt" is not another member title',
    );
  });

  it('stops start-up naming TITLES_FILE when it is broken or for another year than the plan', () => {
    const broken = join(dir, 'titles.json');
    writeFileSync(broken, '{ "year": 2026, ');
    expect(problems(() => createConfig({ TITLES_FILE: broken }, testAgency()))).toContain(
      `${broken}:\n  - cannot be read as JSON`,
    );
    const other = join(dir, 'titles-2027.json');
    writeFileSync(other, JSON.stringify({ ...shipped(), year: 2027 }));
    expect(problems(() => createConfig({ TITLES_FILE: other }, testAgency()))).toContain(
      'year: 2027, but the plan (config/plan-2026.json) is for 2026',
    );
  });
});

describe('the plan’s registration deadline', () => {
  const plan = () => JSON.parse(readFileSync('config/plan-2026.json', 'utf8'));

  it('keeps the registration milestone on the deadline', () => {
    const moved = plan();
    moved.registration.deadline = '2026-07-15';
    expect(problems(() => parsePlan(moved, 'plan.json'))).toContain(
      'a registration milestone falls on the deadline, 2026-07-15',
    );
    const none = plan();
    delete none.registration;
    expect(problems(() => parsePlan(none))).toContain('a registration milestone needs registration.deadline');
    const bad = plan();
    bad.registration.deadline = '2026-02-30';
    expect(problems(() => parsePlan(bad))).toContain('registration.deadline: not a real date');
  });
});
