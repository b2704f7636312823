/**
 * Every title's facts for a whole agency year (test/paper/agency-year.ts: 80 members in five
 * departments, their registrations, a year of entries reviewed every way, year-end ratings), with a
 * few award decisions on record: each member and each department against each title of its kind, as
 * the review sheet and the Council's documents lay them out; two members move department late in
 * the year. The lines are pinned in __snapshots__/criteria-facts.txt, so a change to how the facts
 * are measured shows every line it moves. A second titles file adds a title of each kind using the
 * measures the shipped one does not (entries filtered by kind, IT and approval; a share of members
 * registered; some member having).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeriodEntries } from '../../core/figures.js';
import { periodContaining } from '../../core/periods.js';
import { parseTitles, type TitlesConfig, titlesFor } from '../../core/titles.js';
import { type Assessment, yearCriteria } from '../../reports/criteria.js';
import type { Store } from '../../storage/store.js';
import { testAgency } from '../helpers/agency.js';
import { actor } from '../helpers/store.js';
import { AgencyYear } from '../paper/agency-year.js';

const shipped = () => JSON.parse(readFileSync('config/titles-2026.json', 'utf8'));

const criterion = (id: string, measure: unknown) => ({
  id,
  short: `Đo thử ${id}`,
  text: 'Tiêu chí để kiểm thử mọi cách đo.',
  source: 'Ví dụ',
  rule: 'local',
  check: 'toVerify',
  partial: false,
  measure,
});

/** The shipped titles, and one more of each kind measuring what they do not. */
function everyMeasure() {
  const config = shipped();
  config.titles.push(
    {
      id: 'thu-cn',
      name: 'Danh hiệu thử cá nhân',
      short: 'Thử CN',
      subject: 'member',
      requires: ['ldtt'],
      criteria: [
        criterion('thu-sangkien', { type: 'entries', kind: 'initiative', approvedOnly: true, min: 1 }),
        criterion('thu-cntt', { type: 'entries', it: true, min: 1 }),
        criterion('thu-dotxuat', { type: 'entries', kind: 'task', adhoc: true, min: 2 }),
        criterion('thu-dangky', { type: 'registered', titles: ['thu-cn'] }),
      ],
    },
    {
      id: 'thu-tt',
      name: 'Danh hiệu thử tập thể',
      short: 'Thử TT',
      subject: 'department',
      requires: ['ttldtt'],
      criteria: [
        criterion('thu-dk-cstdcs', { type: 'memberShareRegistered', titles: ['cstdcs'], minPercent: 10 }),
        criterion('thu-dk-ldtt', {
          type: 'memberShareRegistered',
          titles: ['ldtt', 'cstdcs'],
          minPercent: 100,
        }),
        criterion('thu-mot-sangkien', {
          type: 'someMember',
          of: { type: 'entries', kind: 'initiative', approvedOnly: true, min: 1 },
        }),
        criterion('thu-mot-nhieu', { type: 'someMember', of: { type: 'entries', min: 3 } }),
        criterion('thu-ty-le', {
          type: 'memberShare',
          of: { type: 'entries', kind: 'deed', approvedOnly: true, min: 1 },
          minPercent: 40,
        }),
      ],
    },
  );
  return config;
}

/**
 * One line per fact: whose, against which title, the criterion, how it stands, what the store shows.
 * The criteria of a title included (CSTĐCS's LĐTT) are left to that title's own block.
 */
function lines(who: string, a: Assessment): string[] {
  const head = `${who} → ${a.title.short} (đăng ký: ${a.registered?.short ?? '—'})`;
  return [
    head,
    ...a.facts
      .filter((f) => f.title.id === a.title.id)
      .map(
        (f) =>
          `  ${f.title.short} · ${f.criterion.id} · ${f.measured ? 'đo' : 'HĐ'} · ${f.open ? 'mở' : 'đạt'} · ${f.fact}${f.codes.length ? ` [${f.codes.join(', ')}]` : ''}`,
      ),
  ];
}

/** The facts of every member and department against each title of its kind (`only`: these titles). */
function allFacts(store: Store, titles: TitlesConfig, only?: readonly string[]): string[] {
  const kind = (subject: 'member' | 'department') =>
    titlesFor(titles, subject).filter((t) => only === undefined || only.includes(t.id));
  const agency = testAgency();
  const at = new Date('2026-12-06T02:00:00Z');
  const criteria = yearCriteria({ store, agency, titles }, periodContaining('year', at));
  const out: string[] = [];
  for (const m of store.members) {
    const own = criteria.member(m);
    // Without a title asked for, the facts are those of the title registered (else the first).
    expect(own).toEqual(criteria.member(m, own.title.id));
    for (const t of kind('member')) out.push(...lines(`${m.id} ${m.fullName}`, criteria.member(m, t.id)));
  }
  for (const d of agency.departments) {
    const own = criteria.department(d);
    expect(own).toEqual(criteria.department(d, own.title.id));
    for (const t of kind('department')) out.push(...lines(`${d.id} ${d.name}`, criteria.department(d, t.id)));
  }
  return out;
}

let year: AgencyYear;
beforeAll(async () => {
  year = await AgencyYear.create();
  const store = year.tg.store;
  const by = actor('telegram:900001', new Date('2026-12-05T03:00:00Z'));
  // Decisions on record: CSTĐCS for the year before and this one, LĐTT for three members this year.
  const [a, b, c, d] = store.members;
  const award = (y: number, titleId: string, name: string, number: string, ids: string[]) =>
    store.recordAward(
      {
        year: y,
        kind: 'title',
        titleId,
        name,
        decision: { number, date: `${y}-12-20`, body: 'Ban Tổ chức Tỉnh ủy' },
        recipients: ids.map((memberId) => ({ subject: { kind: 'member' as const, memberId } })),
      },
      by,
    );
  if (!a || !b || !c || !d) throw new Error('the agency year has no members');
  await award(2025, 'cstdcs', 'Chiến sĩ thi đua cơ sở', '60-QĐ/BTCTU', [a.id]);
  await award(2026, 'cstdcs', 'Chiến sĩ thi đua cơ sở', '70-QĐ/BTCTU', [a.id, b.id]);
  await award(2026, 'ldtt', 'Lao động tiên tiến', '71-QĐ/BTCTU', [c.id, d.id]);
  // Two members of the Office moved to the Cadres department late in the year, with a task logged
  // there since: a department's criteria count only what was earned in it.
  const late = new Date('2026-11-20T03:00:00Z');
  for (const m of store.members.filter((x) => x.departmentId === 'vp').slice(1, 3)) {
    await store.saveMember(
      { identity: m.identities[0] as string, fullName: m.fullName, departmentId: 'cb' },
      actor('telegram:900001', late),
    );
    const task = await store.addEntry(
      {
        kind: 'task',
        text: 'Sắp xếp hồ sơ cán bộ của phòng',
        points: 1,
        adhoc: false,
        it: false,
        memberId: m.id,
      },
      actor(m.id, new Date('2026-11-25T03:00:00Z')),
    );
    await store.reviewEntry(
      task.code,
      'approved',
      actor('telegram:800001', new Date('2026-11-26T03:00:00Z')),
    );
  }
}, 120_000);
afterAll(() => year?.close());

describe('every title’s facts for an agency year', () => {
  it('lays out the same facts for the shipped titles', async () => {
    const out = allFacts(year.tg.store, parseTitles(shipped()));
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/criteria-facts.txt');
  });

  it('lays out the same facts for a title of each kind measuring what the shipped ones do not', async () => {
    // Only the two test titles: the shipped ones are pinned above.
    const out = allFacts(year.tg.store, parseTitles(everyMeasure()), ['thu-cn', 'thu-tt']);
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/criteria-facts-every-measure.txt');
  });

  it('reads them from the store’s columns, building no entry: the same facts as from the entries built', () => {
    // The desk's titles page of every member (issue 26): it built the year of entries and kept them.
    const store = year.tg.store;
    const agency = testAgency();
    const period = periodContaining('year', new Date('2026-12-06T02:00:00Z'));
    for (const titles of [parseTitles(shipped()), parseTitles(everyMeasure())]) {
      const built = store.entriesBuilt;
      const fromColumns = yearCriteria({ store, agency, titles }, period);
      const every = (criteria: typeof fromColumns) => [
        ...store.members.flatMap((m) => titlesFor(titles, 'member').map((t) => criteria.member(m, t.id))),
        ...agency.departments.flatMap((d) =>
          titlesFor(titles, 'department').map((t) => criteria.department(d, t.id)),
        ),
      ];
      const facts = every(fromColumns);
      expect(store.entriesBuilt - built).toBe(0);
      const fromEntries = every(
        yearCriteria({ store, agency, titles }, period, new PeriodEntries(store, period)),
      );
      expect(facts).toEqual(fromEntries);
      // Facts with entries behind them were laid out (not every list empty on both sides).
      expect(facts.flatMap((a) => a.facts.flatMap((f) => f.codes)).length).toBeGreaterThan(100);
    }
  });
});
