/**
 * "02/03 lần liên tục": a title whose criterion counts consecutive years of a title reads the award
 * decisions on record — a year without one breaks the run, an annulled decision does not count — and
 * the titles file refuses such a measure naming a title of the other kind.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { periodContaining } from '../../core/periods.js';
import { parseTitles } from '../../core/titles.js';
import { yearCriteria } from '../../reports/criteria.js';
import { Store } from '../../storage/store.js';
import { tempDir, testAgency } from '../helpers/agency.js';
import { actor, addMember } from '../helpers/store.js';

const shipped = () => JSON.parse(readFileSync('config/titles-2026.json', 'utf8'));

/** The shipped titles and one more: a provincial title asking for CSTĐCS two years in a row. */
function withProvincialTitle() {
  const config = shipped();
  config.titles.push({
    id: 'cstd-tinh',
    name: 'Chiến sĩ thi đua cấp tỉnh',
    short: 'CSTĐ tỉnh',
    subject: 'member',
    requires: [],
    criteria: [
      {
        id: 'cstd-tinh-streak',
        short: 'Hai lần liên tục đạt CSTĐCS',
        text: 'Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (ví dụ để kiểm thử).',
        source: 'Ví dụ',
        rule: 'local',
        check: 'toVerify',
        partial: false,
        measure: { type: 'consecutive', titles: ['cstdcs'], years: 2 },
      },
    ],
  });
  return config;
}

let dir: string;
let cleanup: () => Promise<void>;
let store: Store;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const at = new Date('2026-12-10T03:00:00Z');
const cstdcs = (year: number, number: string, memberId: string) =>
  store.recordAward(
    {
      year,
      kind: 'title',
      titleId: 'cstdcs',
      name: 'Chiến sĩ thi đua cơ sở',
      decision: { number, date: `${year}-12-20`, body: 'Ban Tổ chức Tỉnh ủy' },
      recipients: [{ subject: { kind: 'member', memberId } }],
    },
    actor('telegram:900001', at),
  );

describe('consecutive years from the decisions on record', () => {
  it('counts the years in a row up to the year before, and a gap or an annulled decision breaks the run', async () => {
    const titles = parseTitles(withProvincialTitle());
    const lan = await addMember(store, 1, 'vp');
    const hung = await addMember(store, 2, 'vp');
    await cstdcs(2024, '50-QĐ/BTCTU', lan.id);
    await cstdcs(2025, '60-QĐ/BTCTU', lan.id);
    await cstdcs(2023, '40-QĐ/BTCTU', hung.id);
    const annulled = await cstdcs(2025, '61-QĐ/BTCTU', hung.id);
    await store.changeRecords(
      [{ op: 'correctAward', no: annulled.no, patch: { annul: true }, reason: 'thu hồi' }],
      actor('telegram:900001', at),
    );
    await store.registerTitle(2026, { kind: 'member', memberId: lan.id }, 'cstd-tinh', actor(lan.id, at));
    await store.registerTitle(2026, { kind: 'member', memberId: hung.id }, 'cstd-tinh', actor(hung.id, at));
    const facts = yearCriteria({ store, agency: testAgency(), titles }, periodContaining('year', at));
    const streak = (m: typeof lan) =>
      facts.member(m).facts.find((f) => f.criterion.id === 'cstd-tinh-streak');
    expect(streak(lan)).toMatchObject({
      fact: 'Đạt Chiến sĩ thi đua cơ sở 2 năm liên tục đến năm 2025 (2024, 2025), theo quyết định trong hồ sơ',
      codes: ['KT1', 'KT2'],
      open: false,
    });
    expect(streak(hung)).toMatchObject({
      fact: 'Hồ sơ không có quyết định công nhận Chiến sĩ thi đua cơ sở năm 2025',
      codes: [],
      open: true,
    });
  });

  it('refuses a consecutive measure naming a title of the other kind', () => {
    const config = withProvincialTitle();
    config.titles.at(-1).criteria[0].measure.titles = ['ttldxs'];
    expect(() => parseTitles(config)).toThrow(ConfigError);
  });
});
