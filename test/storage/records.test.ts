/**
 * The year-end records in the store — ratings, discipline, recognised initiatives, award decisions:
 * kept across restarts and compactions with their history, a decision number held by one record
 * only, a list of changes saved all or nothing, an initiative backing one award, carried over when
 * two accounts are linked, undone when the disk refuses them, and a journal that breaks their rules
 * refused at start.
 */
import { type FileHandle, open as openFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRef } from '../../core/domain.js';
import { RecordsRefusedError, StoreCorruptError, StoreWriteError } from '../../core/errors.js';
import { consecutiveYears } from '../../core/records.js';
import { JOURNAL_FILE, Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { actor, addMember } from '../helpers/store.js';
import { appendLine } from '../helpers/store-files.js';

let dir: string;
let cleanup: () => Promise<void>;
const opened: Store[] = [];

async function open() {
  const store = await Store.open(dir);
  opened.push(store);
  return store;
}

async function reopen(store: Store) {
  await store.close();
  opened.splice(opened.indexOf(store), 1);
  return open();
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await cleanup();
});

const dec = new Date('2026-12-10T03:00:00Z');
const later = new Date('2026-12-12T03:00:00Z');
const office = 'telegram:900001';
const decision = (number: string, date = '2026-12-20'): DecisionRef => ({
  number,
  date,
  body: 'Ban Tổ chức Tỉnh ủy',
  signer: 'Trưởng Ban',
});
const member = (memberId: string) => ({ kind: 'member' as const, memberId });

describe('year-end ratings', () => {
  it('keeps a rating and its correction, who and when, across a restart and a compaction', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.rate(2026, member(lan.id), 'httnv', actor(office, dec));
    await store.rate(2026, { kind: 'department', departmentId: 'vp' }, 'htxsnv', actor(office, dec));
    let again = await reopen(store);
    await again.rate(2026, member(lan.id), 'htxsnv', actor(office, later), 'theo kết luận của Ban Thường vụ');
    await again.compact();
    again = await reopen(again);
    expect(again.rating(2026, member(lan.id))).toMatchObject({
      rating: 'htxsnv',
      history: [
        { action: 'recorded', note: 'httnv', by: office, at: dec.toISOString() },
        {
          action: 'corrected',
          note: 'httnv → htxsnv: theo kết luận của Ban Thường vụ',
          by: office,
          at: later.toISOString(),
        },
      ],
    });
    expect(again.rating(2026, { kind: 'department', departmentId: 'vp' })?.rating).toBe('htxsnv');
    expect(again.rating(2025, member(lan.id))).toBeUndefined();
  });

  it('changes nothing when the same rating is given again', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.rate(2026, member(lan.id), 'httnv', actor(office, dec));
    const lines = store.journalLines;
    await store.rate(2026, member(lan.id), 'httnv', actor(office, later));
    expect(store.journalLines).toBe(lines);
    expect(store.rating(2026, member(lan.id))?.history).toHaveLength(1);
  });
});

describe('decision numbers', () => {
  it('refuses a number another record holds in the same year, and takes it in another year', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.changeRecords(
      [
        {
          op: 'discipline',
          subject: member(lan.id),
          form: 'khientrach',
          decision: decision('15-QĐ/BTCTU', '2026-03-02'),
          from: '2026-03-02',
          until: '2027-03-01',
        },
      ],
      actor(office, dec),
    );
    const refused = await store
      .recordAward(
        {
          year: 2026,
          kind: 'title',
          titleId: 'ldtt',
          name: 'Lao động tiên tiến',
          decision: decision('15 - qđ/btctu'),
          recipients: [{ subject: member(lan.id) }],
        },
        actor(office, dec),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecordsRefusedError);
    expect((refused as RecordsRefusedError).problems).toMatchObject([
      { index: 0, code: 'decisionUsed', holder: { kind: 'discipline', no: 1 } },
    ]);
    expect(store.awards).toEqual([]);
    // Numbers start again each year: 15-QĐ/BTCTU of 2025 is another decision.
    const past = await store.recordAward(
      {
        year: 2024,
        kind: 'title',
        titleId: 'ldtt',
        name: 'Lao động tiên tiến',
        decision: decision('15-QĐ/BTCTU', '2025-01-10'),
        recipients: [{ subject: member(lan.id) }],
      },
      actor(office, dec),
    );
    expect(past.no).toBe(1);
    // A signed decision recorded twice is refused the second time.
    const award = {
      year: 2026,
      kind: 'title' as const,
      titleId: 'ldtt',
      name: 'Lao động tiên tiến',
      decision: decision('120-QĐ/BTCTU'),
      recipients: [{ subject: member(lan.id) }],
    };
    await store.recordAward(award, actor(office, dec));
    await expect(store.recordAward(award, actor(office, later))).rejects.toBeInstanceOf(RecordsRefusedError);
    expect(store.awards).toHaveLength(2);
  });

  it('lets past awards entered person by person join the one decision they share', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    const hung = await addMember(store, 2, 'cb');
    const past = (memberId: string, name = 'Lao động tiên tiến') => ({
      op: 'award' as const,
      join: true,
      year: 2025,
      kind: 'title' as const,
      titleId: 'ldtt',
      name,
      decision: decision('98-QĐ/BTCTU', '2025-12-22'),
      recipients: [{ subject: member(memberId) }],
    });
    await store.changeRecords([past(lan.id)], actor(office, dec));
    const plan = await store.changeRecords([past(hung.id), past(lan.id)], actor(office, later));
    expect(plan.unchanged).toEqual([1]);
    expect(store.awards).toHaveLength(1);
    expect(store.awards[0]?.recipients.map((r) => r.subject)).toEqual([member(lan.id), member(hung.id)]);
    expect(store.awards[0]?.history.map((h) => [h.action, h.note])).toEqual([
      ['recorded', 'Lao động tiên tiến 98-QĐ/BTCTU'],
      ['updated', `+ ${hung.id}`],
    ]);
    // The same number for another title is another record: refused.
    await expect(
      store.changeRecords([past(hung.id, 'Chiến sĩ thi đua cơ sở')], actor(office, later)),
    ).rejects.toBeInstanceOf(RecordsRefusedError);
  });
});

describe('a list of changes', () => {
  it('changes nothing when one change of the list is wrong, and says which', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    const lines = store.journalLines;
    const refused = await store
      .changeRecords(
        [
          { op: 'rating', year: 2026, subject: member(lan.id), rating: 'httnv' },
          { op: 'rating', year: 2026, subject: member('m99'), rating: 'htnv' },
          {
            op: 'discipline',
            subject: member(lan.id),
            form: 'canhcao',
            decision: decision('3-QĐ/BTCTU'),
            from: '2026-05-01',
            until: '2026-04-01',
          },
        ],
        actor(office, dec),
      )
      .catch((e: unknown) => e);
    expect((refused as RecordsRefusedError).problems).toMatchObject([
      { index: 1, code: 'unknownMember', memberId: 'm99' },
      { index: 2, code: 'badPeriod' },
    ]);
    expect(store.ratings).toEqual([]);
    expect(store.journalLines).toBe(lines);
  });

  it('saves a whole list in one journal line, one history item per record', async () => {
    const store = await open();
    const a = await addMember(store, 1, 'vp');
    const b = await addMember(store, 2, 'vp');
    const lines = store.journalLines;
    await store.changeRecords(
      [
        { op: 'rating', year: 2026, subject: member(a.id), rating: 'htxsnv' },
        { op: 'rating', year: 2026, subject: member(b.id), rating: 'httnv' },
        {
          op: 'initiative',
          name: 'Số hóa hồ sơ đảng viên',
          authors: [a.id],
          year: 2026,
          decision: decision('7-QĐ/HĐSK', '2026-11-30'),
          entry: 'SK4',
        },
      ],
      actor(office, dec),
    );
    expect(store.journalLines).toBe(lines + 1);
    for (const r of [...store.ratings, ...store.initiatives]) expect(r.history).toHaveLength(1);
  });
});

describe('initiatives and awards', () => {
  it('lets a recognised initiative back one award, marks it used, and frees it when the award is annulled', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.changeRecords(
      [
        {
          op: 'initiative',
          name: 'Phần mềm quản lý hồ sơ',
          authors: [lan.id],
          year: 2026,
          decision: decision('7-QĐ/HĐSK', '2026-11-30'),
        },
      ],
      actor(office, dec),
    );
    const award = await store.recordAward(
      {
        year: 2026,
        kind: 'title',
        titleId: 'cstdcs',
        name: 'Chiến sĩ thi đua cơ sở',
        decision: decision('130-QĐ/BTCTU'),
        recipients: [{ subject: member(lan.id), initiative: 1 }],
      },
      actor(office, dec),
    );
    expect(store.initiatives[0]?.usedBy).toEqual({ award: award.no, memberId: lan.id });
    const second = await store
      .recordAward(
        {
          year: 2026,
          kind: 'form',
          name: 'Giấy khen của Trưởng Ban',
          decision: decision('131-QĐ/BTCTU'),
          recipients: [{ subject: member(lan.id), initiative: 1 }],
        },
        actor(office, dec),
      )
      .catch((e: unknown) => e);
    expect((second as RecordsRefusedError).problems).toMatchObject([
      { code: 'initiativeUsed', no: 1, award: award.no },
    ]);
    await store.changeRecords(
      [{ op: 'correctAward', no: award.no, patch: { annul: true }, reason: 'ghi nhầm quyết định' }],
      actor(office, later),
    );
    const again = await reopen(store);
    expect(again.awards[0]).toMatchObject({ status: 'annulled' });
    expect(again.awards[0]?.history.at(-1)).toMatchObject({
      action: 'annulled',
      note: 'ghi nhầm quyết định',
    });
    expect(again.initiatives[0]?.usedBy).toBeUndefined();
    expect(again.initiatives[0]?.history.map((h) => h.action)).toEqual(['recorded', 'used', 'corrected']);
  });

  it('counts consecutive years from the decisions on record', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    for (const [year, number] of [
      [2023, '50-QĐ/BTCTU'],
      [2024, '60-QĐ/BTCTU'],
      [2025, '70-QĐ/BTCTU'],
    ] as const) {
      await store.recordAward(
        {
          year,
          kind: 'title',
          titleId: 'cstdcs',
          name: 'Chiến sĩ thi đua cơ sở',
          decision: decision(number, `${year}-12-20`),
          recipients: [{ subject: member(lan.id) }],
        },
        actor(office, dec),
      );
    }
    expect(consecutiveYears(store, member(lan.id), ['cstdcs'], 2025)).toEqual([2025, 2024, 2023]);
    expect(consecutiveYears(store, member(lan.id), ['cstdcs'], 2026)).toEqual([]);
    expect(consecutiveYears(store, member(lan.id), ['ldtt'], 2025)).toEqual([]);
  });
});

describe('keeping them', () => {
  it('carries records over when two accounts of one person are linked', async () => {
    const store = await open();
    const keep = await addMember(store, 1, 'vp');
    const other = await addMember(store, 2, 'vp');
    await store.rate(2026, member(keep.id), 'httnv', actor(office, dec));
    await store.rate(2026, member(other.id), 'htxsnv', actor(office, dec));
    await store.rate(2025, member(other.id), 'httnv', actor(office, dec));
    await store.recordAward(
      {
        year: 2025,
        kind: 'title',
        titleId: 'ldtt',
        name: 'Lao động tiên tiến',
        decision: decision('98-QĐ/BTCTU', '2025-12-22'),
        recipients: [{ subject: member(other.id) }, { subject: member(keep.id) }],
      },
      actor(office, dec),
    );
    await store.linkIdentity(keep.id, other.identities[0] as string, actor(keep.id, later));
    const again = await reopen(store);
    expect(again.rating(2026, member(keep.id))?.rating).toBe('httnv');
    expect(again.rating(2026, member(keep.id))?.history.map((h) => h.note)).toEqual(['httnv', 'htxsnv']);
    expect(again.rating(2025, member(keep.id))?.rating).toBe('httnv');
    expect(again.ratings.some((r) => r.subject.kind === 'member' && r.subject.memberId === other.id)).toBe(
      false,
    );
    expect(again.awards[0]?.recipients).toEqual([{ subject: member(keep.id) }]);
  });

  it('undoes a change the disk refused: the records stand as they were', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.rate(2026, member(lan.id), 'httnv', actor(office, dec));
    const journal = Reflect.get(store, 'journal') as object;
    const real = Reflect.get(journal, 'handle') as FileHandle;
    const full = await openFile('/dev/full', 'r+');
    Reflect.set(journal, 'handle', full);
    const failed = await store
      .rate(2026, member(lan.id), 'htnv', actor(office, later))
      .catch((e: unknown) => e);
    Reflect.set(journal, 'handle', real);
    await full.close();
    expect(failed).toBeInstanceOf(StoreWriteError);
    expect(store.rating(2026, member(lan.id))?.rating).toBe('httnv');
    expect((await reopen(store)).rating(2026, member(lan.id))?.history).toHaveLength(1);
  });

  it('refuses to start on a journal line that gives one decision number to two records', async () => {
    const store = await open();
    const lan = await addMember(store, 1, 'vp');
    await store.recordAward(
      {
        year: 2026,
        kind: 'title',
        titleId: 'ldtt',
        name: 'Lao động tiên tiến',
        decision: decision('120-QĐ/BTCTU'),
        recipients: [{ subject: member(lan.id) }],
      },
      actor(office, dec),
    );
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    const path = join(dir, JOURNAL_FILE);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    const last = JSON.parse(lines.at(-1) as string);
    // Written as the store writes a line (its identity, chained and sealed): only the rule can tell.
    const { seq: _seq, store: _store, prev: _prev, sum: _sum, ...body } = last;
    await appendLine(dir, { ...body, awards: [{ ...last.awards[0], no: 2 }] });
    const before = await readFile(path, 'utf8');
    const failed = await Store.open(dir).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreCorruptError);
    expect(String((failed as Error).message)).toMatch(
      /decision 120-QĐ\/BTCTU is held by award 1 and award 2/,
    );
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});
