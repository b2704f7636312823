/**
 * The Council's rules as every front end calls them (core/meeting.ts), on the real store: a meeting
 * opened and closed, votes refused when they break a rule (nothing changed), the sealed ballot that
 * opens only with its vote's key, a restart in the middle of a vote, and a key that is gone.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBallot, sealBallot } from '../../core/ballot-seal.js';
import { type CouncilConfig, meetsThreshold, parseCouncil, votesNeeded } from '../../core/council.js';
import {
  castBallot,
  closeMeeting,
  closeRound,
  type MeetingSource,
  openMeeting,
  openRound,
  recordCounts,
  recordWritten,
  roundResults,
  voidRound,
} from '../../core/meeting.js';
import { addNomination } from '../../core/nominations.js';
import { Store } from '../../storage/store.js';
import { tempDir, testAgency } from '../helpers/agency.js';
import { actor, addMember } from '../helpers/store.js';

const AT = new Date('2026-12-10T07:00:00Z');
let dir: string;
let cleanup: () => Promise<void>;
let store: Store;
let council: CouncilConfig;

function source(by = 'telegram:1'): MeetingSource {
  return { store, agency: testAgency(), council, actor: actor(by, AT) };
}
const award = (id: string) => council.awards.find((a) => a.id === id) as CouncilConfig['awards'][number];
const member = (id: string) => council.members.find((m) => m.id === id) as CouncilConfig['members'][number];

async function meetingWithList(absent: string[] = ['uv-cd']) {
  const a = await addMember(store, 1);
  const b = await addMember(store, 2, 'cb');
  for (const m of [a, b])
    await addNomination(
      source(),
      2026,
      award('cstdcs'),
      { kind: 'member', memberId: m.id },
      'Có sáng kiến',
      actor('telegram:99', AT),
    );
  const opened = await openMeeting(source(), {
    year: 2026,
    startsAt: AT,
    place: 'Phòng họp',
    absent: absent.map((id) => ({ id })),
  });
  if (!opened.ok) throw new Error(opened.refusal.code);
  return opened.value;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
  const shipped = JSON.parse(readFileSync('config/council-2026.json', 'utf8'));
  shipped.members = shipped.members.map((m: { id: string }, i: number) => ({
    ...m,
    identities: [`telegram:${i + 1}`],
  }));
  council = parseCouncil(shipped);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

describe('the share of all members', () => {
  it('counts in whole numbers: 4 of 5 is 80%, and “more than half” of 9 is 5', () => {
    const eighty = award('cstdcs').threshold;
    expect(meetsThreshold(eighty, 4, 5)).toBe(true);
    expect(meetsThreshold(eighty, 7, 9)).toBe(false);
    expect(votesNeeded(eighty, 9)).toBe(8);
    const half = award('ldtt').threshold;
    expect(votesNeeded(half, 9)).toBe(5);
    expect(votesNeeded(half, 10)).toBe(6);
  });
});

describe('sealed ballots', () => {
  it('open only with their vote’s key and number, and all have one length', () => {
    const key = Buffer.alloc(32, 7);
    const a = sealBallot(key, 3, 'dkd');
    const b = sealBallot(key, 3, 'kkk');
    expect(a).not.toBe(sealBallot(key, 3, 'dkd'));
    expect(a.length).toBe(b.length);
    expect(openBallot(key, 3, a)).toBe('dkd');
    expect(() => openBallot(key, 4, a)).toThrow();
    expect(() => openBallot(Buffer.alloc(32, 8), 3, a)).toThrow();
  });
});

describe('a meeting and its votes', () => {
  it('refuses what breaks a rule and changes nothing', async () => {
    const meeting = await meetingWithList();
    expect(
      await openMeeting(source(), { year: 2026, startsAt: AT, place: 'Khác', absent: [] }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'meetingOpen', no: 1 },
    });
    expect(await openRound(source(), meeting, award('cstdcs'), 'hands')).toMatchObject({
      refusal: { code: 'secretAward' },
    });
    expect(await openRound(source(), meeting, award('ldtt'), 'hands')).toMatchObject({
      refusal: { code: 'emptyList' },
    });
    const opened = await openRound(source(), meeting, award('cstdcs'), 'paper');
    if (!opened.ok) throw new Error(opened.refusal.code);
    const round = opened.value;
    expect(round.voters).toHaveLength(8);
    const seq = store.state.seq;
    expect(await recordCounts(source(), round, { issued: 9, agree: [1, 1] })).toMatchObject({
      refusal: { code: 'countTooLarge', what: 'issued', max: 8 },
    });
    expect(
      await recordCounts(source(), round, { issued: 8, returned: 8, valid: 8, agree: [9, 1] }),
    ).toMatchObject({
      refusal: { code: 'countTooLarge', what: 'candidate' },
    });
    expect(await recordCounts(source(), round, { agree: [1] })).toMatchObject({
      refusal: { code: 'countsMismatch' },
    });
    expect(await recordWritten(source(), round, meeting, meeting.roster[0] as never, 'dd')).toMatchObject({
      refusal: { code: 'notAbsent' },
    });
    expect(await closeRound(source(), round)).toMatchObject({ refusal: { code: 'noCounts' } });
    expect(await closeMeeting(source(), meeting)).toMatchObject({ refusal: { code: 'roundOpenStill' } });
    expect(store.state.seq).toBe(seq);

    const counted = await recordCounts(source(), round, { issued: 8, returned: 8, valid: 7, agree: [7, 5] });
    if (!counted.ok) throw new Error(counted.refusal.code);
    const written = await recordWritten(
      source(),
      counted.value,
      meeting,
      meeting.roster.find((r) => r.id === 'uv-cd') as never,
      'dk',
    );
    if (!written.ok) throw new Error(written.refusal.code);
    const closed = await closeRound(source(), written.value);
    if (!closed.ok) throw new Error(closed.refusal.code);
    expect(
      roundResults(closed.value, award('cstdcs')).map((r) => [r.agree, r.disagree, r.total, r.meets]),
    ).toEqual([
      [7, 0, 8, true],
      [5, 2, 5, false],
    ]);
    expect(await recordCounts(source(), closed.value, { agree: [1, 1] })).toMatchObject({
      refusal: { code: 'roundNotOpen' },
    });
    const done = await closeMeeting(source(), meeting, 'Thống nhất');
    expect(done.ok).toBe(true);
    // The store refuses a closed vote changed behind the rules' back.
    await expect(
      store.council.saveRound({ ...closed.value, status: 'open' }, actor('telegram:99', AT)),
    ).rejects.toThrow(/closed/);
  });

  it('counts an electronic vote across a restart, once per member, and forgets its key when it closes', async () => {
    const meeting = await meetingWithList();
    const opened = await openRound(source(), meeting, award('cstdcs'), 'electronic');
    if (!opened.ok) throw new Error(opened.refusal.code);
    expect(await readdir(join(dir, 'ballot-keys'))).toEqual(['round-1.key']);
    expect((await castBallot(source('telegram:1'), opened.value, member('chu-tich'), 'dd')).ok).toBe(true);
    // A restart in the middle: the key is on disk, the vote goes on.
    await store.close();
    store = await Store.open(dir);
    const round = store.council.round(1);
    if (!round) throw new Error('no round');
    expect(await castBallot(source(), round, member('chu-tich'), 'kk')).toMatchObject({
      refusal: { code: 'votedAlready' },
    });
    expect(await castBallot(source(), round, member('uv-cd'), 'kk')).toMatchObject({
      refusal: { code: 'absentVoter' },
    });
    expect(await castBallot(source(), round, member('pho-chu-tich'), 'k')).toMatchObject({
      refusal: { code: 'choicesMismatch' },
    });
    for (const id of ['pho-chu-tich', 'thuong-truc']) {
      const now = store.council.round(1);
      if (now)
        expect((await castBallot(source(), now, member(id), id === 'thuong-truc' ? 'kd' : 'dd')).ok).toBe(
          true,
        );
    }
    const closed = await closeRound(source(), store.council.round(1) as never);
    if (!closed.ok) throw new Error(closed.refusal.code);
    expect(closed.value.ballots).toEqual(['dd', 'dd', 'kd']);
    expect(closed.value.tally).toMatchObject({
      issued: 8,
      returned: 3,
      valid: 3,
      counts: [{ agree: 2 }, { agree: 3 }],
    });
    expect(await readdir(join(dir, 'ballot-keys'))).toEqual([]);
    expect(await castBallot(source(), closed.value, member('uv-cs'), 'dd')).toMatchObject({
      refusal: { code: 'roundNotOpen' },
    });
  });

  it('says a ballot box whose key is gone cannot be opened; the vote is declared void and nothing is counted', async () => {
    const meeting = await meetingWithList();
    const opened = await openRound(source(), meeting, award('cstdcs'), 'electronic');
    if (!opened.ok) throw new Error(opened.refusal.code);
    await castBallot(source(), opened.value, member('chu-tich'), 'dd');
    await store.council.ballotKeys.destroy(1);
    const round = store.council.round(1) as never;
    expect(await closeRound(source(), round)).toMatchObject({ refusal: { code: 'keyMissing', no: 1 } });
    const voided = await voidRound(source(), round, 'Máy chủ thay thế, khóa không còn');
    expect(voided).toMatchObject({ ok: true, value: { status: 'void', sealed: [], ballots: [] } });
  });
});
