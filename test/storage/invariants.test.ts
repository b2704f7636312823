import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../core/errors.js';
import { JOURNAL_FILE, STORE_FILE, Store, type StoreOptions } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { actor, addMember, logDeed } from '../helpers/store.js';
import { appendLine, refusedOpen, rewriteSnapshot } from '../helpers/store-files.js';

/*
 * What cannot be true is refused at load: lines a hand or a tool put in the journal (sealed and chained
 * as the store writes them, so only the rules can tell), and snapshots edited with their CRC recomputed.
 */

let dir: string;
let cleanup: () => Promise<void>;
const rules: StoreOptions['rules'] = {
  departments: ['vp', 'cb'],
  now: () => new Date('2026-12-06T10:00:00Z'),
};
const journal = () => join(dir, JOURNAL_FILE);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  // Two members (m1 telegram:1001 in vp, m2 telegram:1002 in cb); VT1 by m1, pending.
  const store = await Store.open(dir, { rules });
  const m1 = await addMember(store, 1, 'vp');
  await addMember(store, 2, 'cb');
  await logDeed(store, m1.id, new Date('2026-03-02T03:00:00Z'), 'Giúp đồng chí Lan sửa máy in của phòng');
  await store.close();
});
afterEach(async () => {
  await cleanup();
});

const at = '2026-03-05T03:00:00.000Z';
const created = (by: string, when = at) => [{ at: when, action: 'created', by, platform: 'telegram' }];

/** An entry as the store writes one, with `change` on top: the next code (2). */
function entry(change: Record<string, unknown> = {}) {
  const when = (change.at as string | undefined) ?? at;
  return {
    code: 'VT2',
    kind: 'deed',
    text: 'Trực thay ca cho đồng chí Nam',
    points: 2,
    adhoc: false,
    it: false,
    memberId: 'm1',
    reporterId: 'm1',
    departmentId: 'vp',
    at: when,
    status: 'active',
    review: 'pending',
    source: 'telegram:-100:77',
    history: created('m1', when),
    ...change,
  };
}

/** A member as the store writes one: the next id (m3), with `change` on top. */
function member(change: Record<string, unknown> = {}) {
  return {
    id: 'm3',
    fullName: 'Trần Văn Ba',
    departmentId: 'vp',
    departments: [{ departmentId: (change.departmentId as string | undefined) ?? 'vp', from: at }],
    identities: ['telegram:1003'],
    registeredAt: at,
    history: [{ at, action: 'registered', by: 'm3', platform: 'telegram' }],
    ...change,
  };
}

/** The journal's line 5 (head, m1, m2, VT1, then this): refused naming the file, the line and the rule. */
async function refusedLine(body: Record<string, unknown>, rule: string, problem: RegExp): Promise<void> {
  await appendLine(dir, body);
  const error = await refusedOpen(dir, { rules });
  expect(error.message.startsWith(`${journal()}: line 5 (seq 4): `)).toBe(true);
  expect(error.message).toMatch(problem);
  expect(error.message).toContain(`(rule ${rule})`);
}

describe('journal lines that cannot be true are refused, naming the file, the line and the rule', () => {
  it('an entry dated 1970, or 2099', async () => {
    await refusedLine(
      { type: 'entry.created', entry: entry({ at: '1970-01-01T00:00:00.000Z' }) },
      'entry.time',
      /entry VT2: logged is 1970-01-01T00:00:00.000Z, before the store could exist/,
    );
    await cleanup();
    ({ dir, cleanup } = await tempDir());
    const store = await Store.open(dir, { rules });
    await addMember(store, 1, 'vp');
    await addMember(store, 2, 'cb');
    await logDeed(store, 'm1', new Date('2026-03-02T03:00:00Z'));
    await store.close();
    await refusedLine(
      { type: 'entry.created', entry: entry({ at: '2099-03-05T03:00:00.000Z' }) },
      'entry.time',
      /logged is 2099-03-05T03:00:00.000Z, after the years the store can hold/,
    );
  });

  it('a text of 200,000 characters', async () => {
    await refusedLine(
      { type: 'entry.created', entry: entry({ text: 'x'.repeat(200_000) }) },
      'entry.text',
      /its text has 200000 characters \(no setting allows more than 3500\)/,
    );
  });

  it('a good deed with an initiative’s code', async () => {
    await refusedLine(
      { type: 'entry.created', entry: entry({ code: 'SK2' }) },
      'entry.code',
      /a deed must have the code VT2/,
    );
  });

  it('an entry code that was never given', async () => {
    await refusedLine(
      { type: 'entry.created', entry: entry({ code: 'SK99', kind: 'initiative' }) },
      'entry.code',
      /a new entry takes the next number, 2/,
    );
  });

  it('an entry credited to a department the agency does not have', async () => {
    await refusedLine(
      { type: 'entry.created', entry: entry({ departmentId: 'xyz' }) },
      'entry.department',
      /counts for department xyz is not one of the agency's departments/,
    );
  });

  it('a member in a department the agency does not have', async () => {
    await refusedLine(
      { type: 'member.saved', member: member({ departmentId: 'xyz' }) },
      'member.department',
      /member m3: department xyz is not one of the agency's departments/,
    );
  });

  it('an approval by a member who never existed', async () => {
    await refusedLine(
      {
        type: 'entry.reviewed',
        code: 'VT1',
        item: { at, action: 'approved', by: 'm999', platform: 'telegram' },
      },
      'entry.actors',
      /entry VT1: its history names m999, who is not and never was a member/,
    );
  });

  it('an entry withdrawn with no withdrawal in its history', async () => {
    await refusedLine(
      { type: 'entry.created', entry: entry({ status: 'withdrawn' }) },
      'entry.status',
      /it is withdrawn, but its history holds no withdrawal/,
    );
  });

  it('a scheduled job’s slot in 2099 (it would silence the weekly post until then)', async () => {
    await refusedLine(
      { type: 'job.done', job: 'leaderboard', slot: '2099-01-02T09:30:00.000Z' },
      'job.slot',
      /job leaderboard: its last slot is 2099-01-02T09:30:00.000Z, after the years the store can hold \(to 2027-12-31T16:59:59.999Z\)/,
    );
  });

  it('a second member holding a member’s Telegram identity', async () => {
    await refusedLine(
      { type: 'member.saved', member: member({ identities: ['telegram:1001'] }) },
      'member.identity-owned-once',
      /member m3: the identity telegram:1001 belongs to m1 too/,
    );
  });

  it('a new member with an id the store did not give', async () => {
    await refusedLine(
      { type: 'member.saved', member: member({ id: 'm999' }) },
      'member.id',
      /a new member takes the next id, m3/,
    );
  });
});

describe('snapshots that cannot be true are refused, even with their CRC recomputed', () => {
  /** The three members' entries folded into the snapshot, every entry's text outside Latin-1 (a UTF-8 block). */
  async function compacted(): Promise<void> {
    const store = await Store.open(dir, { rules });
    await logDeed(store, 'm2', new Date('2026-03-03T03:00:00Z'), 'Hiến máu tình nguyện đợt một');
    await store.compact();
    await store.close();
  }

  it('a byte that is not UTF-8 in the block of texts', async () => {
    await compacted();
    await rewriteSnapshot(dir, (capture) => {
      const block = capture.entries.text.block;
      const at = block.findIndex((b) => b >= 0xc0); // the first byte of a character beyond ASCII
      block[at + 1] = 0x28; // its continuation byte made '('
    });
    const error = await refusedOpen(dir, { rules });
    expect(error.message).toMatch(new RegExp(`^${join(dir, STORE_FILE)}: .*entry text: not valid UTF-8`));
  });

  it('a text’s end past its block', async () => {
    await compacted();
    await rewriteSnapshot(dir, (capture) => {
      const ends = capture.entries.text.ends;
      ends[ends.length - 1] = (ends[ends.length - 1] as number) + 7;
    });
    expect((await refusedOpen(dir, { rules })).message).toMatch(
      /entry text: the offsets do not match the text/,
    );
  });

  it('an entry’s time moved to 2099 while its time text says 2026', async () => {
    await compacted();
    await rewriteSnapshot(dir, (capture) => {
      const time = capture.entries.time;
      time[time.length - 1] = Date.parse('2099-03-03T03:00:00Z');
    });
    const error = await refusedOpen(dir, { rules });
    expect(error.message).toBe(
      `${join(dir, STORE_FILE)}: entry VT2: logged is 2099-03-03T03:00:00.000Z, after the years the store can hold (to 2027-12-31T16:59:59.999Z) (rule entry.time)`,
    );
  });

  it('a member moved into a department the agency does not have, or given another’s identity', async () => {
    await compacted();
    await rewriteSnapshot(dir, (capture) => {
      const state = JSON.parse(capture.state);
      state.members[1].identities.push('telegram:1001');
      capture.state = JSON.stringify(state);
    });
    expect((await refusedOpen(dir, { rules })).message).toBe(
      `${join(dir, STORE_FILE)}: member m1: the identity telegram:1001 belongs to m2 too (rule member.identity-owned-once)`,
    );
  });
});

describe('a change that breaks a rule is never written', () => {
  it('refuses it with nothing saved, and the store opens as before', async () => {
    const store = await Store.open(dir, { rules });
    const refused = await store
      .saveMember(
        { identity: 'telegram:1009', fullName: 'Lê Thị Chín', departmentId: 'xyz' },
        actor('telegram:1009', new Date()),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreWriteError);
    expect((refused as Error).message).toMatch(/rule member\.department/);
    expect(store.members).toHaveLength(2);
    expect((await logDeed(store, 'm2', new Date('2026-03-06T03:00:00Z'))).code).toBe('VT2');
    await store.close();
    const again = await Store.open(dir, { rules });
    expect(again.members).toHaveLength(2);
    expect(again.entries.map((e) => e.code)).toEqual(['VT1', 'VT2']);
    await again.close();
  });
});

describe('year-end records (issue 20) that cannot be true are refused under the same rules', () => {
  const history = [{ at, action: 'recorded', by: 'telegram:900001', platform: 'telegram' }];
  const decision = (date = '2026-12-20') => ({ number: '12-QĐ/BTCTU', date, body: 'Ban Tổ chức Tỉnh ủy' });
  const records = (change: Record<string, unknown>) => ({
    type: 'records.saved',
    ratings: [],
    disciplines: [],
    initiatives: [],
    awards: [],
    ...change,
  });
  const award = (change: Record<string, unknown> = {}) => ({
    no: 1,
    year: 2026,
    kind: 'title',
    titleId: 'ldtt',
    name: 'Lao động tiên tiến',
    decision: decision(),
    recipients: [{ subject: { kind: 'member', memberId: 'm1' } }],
    status: 'active',
    history,
    ...change,
  });

  it('a rating for 2099', async () => {
    await refusedLine(
      records({
        ratings: [{ year: 2099, subject: { kind: 'member', memberId: 'm1' }, rating: 'httnv', history }],
      }),
      'rating.year',
      /rating of m1 for 2099: is for 2099, outside the years the store can hold/,
    );
  });

  it('a discipline of a department the agency does not have, or running before it starts', async () => {
    const discipline = (change: Record<string, unknown>) => ({
      no: 1,
      subject: { kind: 'department', departmentId: 'vp' },
      form: 'khientrach',
      decision: decision(),
      from: '2026-12-20',
      until: '2027-12-20',
      status: 'active',
      history,
      ...change,
    });
    await refusedLine(
      records({ disciplines: [discipline({ subject: { kind: 'department', departmentId: 'xyz' } })] }),
      'discipline.subject',
      /discipline 1: names department xyz is not one of the agency's departments/,
    );
  });

  it('an award decision dated 1970', async () => {
    await refusedLine(
      records({ awards: [award({ decision: decision('1970-01-01') })] }),
      'award.year',
      /award 1: decision 12-QĐ\/BTCTU is dated 1970-01-01, which is 1969-12-31T17:00:00.000Z, before the store could exist/,
    );
  });

  it('an annulled award whose history holds no annulment', async () => {
    await refusedLine(
      records({ awards: [award({ status: 'annulled' })] }),
      'award.status',
      /award 1: it is annulled, but its history holds no annulment/,
    );
  });

  it('an initiative by a member who does not exist, recorded by one who never was', async () => {
    await refusedLine(
      records({
        initiatives: [
          {
            no: 1,
            name: 'Phần mềm theo dõi hồ sơ',
            authors: ['m1'],
            year: 2026,
            decision: decision(),
            status: 'active',
            history: [{ at, action: 'recorded', by: 'm999', platform: 'telegram' }],
          },
        ],
      }),
      'initiative.history',
      /initiative 1: names m999, who is not and never was a member/,
    );
  });

  it('in the snapshot: an award naming a member who does not exist (CRC recomputed)', async () => {
    const store = await Store.open(dir, { rules });
    await store.changeRecords(
      [
        {
          op: 'award',
          year: 2026,
          kind: 'title',
          titleId: 'ldtt',
          name: 'Lao động tiên tiến',
          decision: decision(),
          recipients: [{ subject: { kind: 'member', memberId: 'm1' } }],
        },
      ],
      actor('telegram:900001', new Date('2026-12-05T03:00:00Z')),
    );
    await store.compact();
    await store.close();
    await rewriteSnapshot(dir, (capture) => {
      const state = JSON.parse(capture.state);
      state.awards[0].recipients[0].subject.memberId = 'm7';
      capture.state = JSON.stringify(state);
    });
    expect((await refusedOpen(dir, { rules })).message).toBe(
      `${join(dir, STORE_FILE)}: award 1: names member m7, who does not exist (rule award.recipients)`,
    );
  });
});
