/**
 * The year-end review's records on disk: a journal line or a snapshot that breaks the Council's rules
 * stops the start naming the rule — a meeting closed with a vote still open, a vote's voters kept in
 * the order they voted, a count above the roster — and a store that keeps them opens again as it was.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CouncilConfig, parseCouncil } from '../../core/council.js';
import { castBallot, openMeeting, openRound } from '../../core/meeting.js';
import { addNomination } from '../../core/nominations.js';
import { Store, type StoreOptions } from '../../storage/store.js';
import { tempDir, testAgency } from '../helpers/agency.js';
import { actor, addMember } from '../helpers/store.js';
import { appendLine, refusedOpen, rewriteSnapshot } from '../helpers/store-files.js';

const AT = new Date('2026-12-06T07:00:00Z');
const rules: StoreOptions['rules'] = {
  departments: ['vp', 'cb'],
  now: () => new Date('2026-12-06T10:00:00Z'),
};
let dir: string;
let cleanup: () => Promise<void>;
let council: CouncilConfig;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  const shipped = JSON.parse(readFileSync('config/council-2026.json', 'utf8'));
  shipped.members = shipped.members.map((m: { id: string }, i: number) => ({
    ...m,
    identities: [`telegram:${i + 1}`],
  }));
  council = parseCouncil(shipped);
  // A meeting, an electronic vote on CSTĐCS (two candidates), three ballots cast.
  const store = await Store.open(dir, { rules });
  const a = await addMember(store, 1, 'vp');
  const b = await addMember(store, 2, 'cb');
  const source = { store, agency: testAgency(), council, actor: actor('telegram:1', AT) };
  const cstdcs = council.awards.find((x) => x.id === 'cstdcs') as CouncilConfig['awards'][number];
  for (const m of [a, b])
    await addNomination(
      source,
      2026,
      cstdcs,
      { kind: 'member', memberId: m.id },
      'Có sáng kiến',
      source.actor,
    );
  const meeting = await openMeeting(source, { year: 2026, startsAt: AT, place: 'Phòng họp', absent: [] });
  if (!meeting.ok) throw new Error(meeting.refusal.code);
  const round = await openRound(source, meeting.value, cstdcs, 'electronic');
  if (!round.ok) throw new Error(round.refusal.code);
  for (const id of ['thu-ky', 'chu-tich', 'uv-cb']) {
    const voter = council.members.find((m) => m.id === id) as CouncilConfig['members'][number];
    await castBallot(source, store.council.round(1) as never, voter, 'dk');
  }
  await store.close();
});
afterEach(async () => {
  await cleanup();
});

describe('the Council’s records on disk', () => {
  it('open again as they were: who voted in the roster’s order, the ballots sealed', async () => {
    const store = await Store.open(dir, { rules });
    expect(store.council.round(1)?.cast).toEqual(['chu-tich', 'thu-ky', 'uv-cb']);
    expect(store.council.round(1)?.sealed).toHaveLength(3);
    await store.close();
  });

  it('refuse a meeting closed while one of its votes is open', async () => {
    const store = await Store.open(dir, { rules });
    const meeting = store.council.meeting(1);
    await store.close();
    await appendLine(dir, {
      type: 'council.meeting.saved',
      meeting: {
        ...meeting,
        status: 'closed',
        closedAt: '2026-12-06T08:00:00.000Z',
        history: [
          ...(meeting?.history ?? []),
          { at: '2026-12-06T08:00:00.000Z', action: 'closed', by: 'telegram:1', platform: 'telegram' },
        ],
      },
    });
    const error = await refusedOpen(dir, { rules });
    expect(error.message).toContain('vote 1: is open, but meeting 1 is closed');
    expect(error.message).toContain('(rule round.meeting)');
  });

  it('refuse a snapshot that keeps who voted in the order they voted, or counts above the roster', async () => {
    const store = await Store.open(dir, { rules });
    await store.compact();
    await store.close();
    await rewriteSnapshot(dir, (capture) => {
      const state = JSON.parse(capture.state);
      state.rounds[0].cast = ['thu-ky', 'chu-tich', 'uv-cb'];
      capture.state = JSON.stringify(state);
    });
    expect((await refusedOpen(dir, { rules })).message).toContain('(rule round.votes)');
    await rewriteSnapshot(dir, (capture) => {
      const state = JSON.parse(capture.state);
      state.rounds[0].cast = ['chu-tich', 'thu-ky', 'uv-cb'];
      state.rounds[0].tally = {
        issued: 12,
        returned: 12,
        valid: 12,
        counts: [
          { agree: 12, disagree: 0 },
          { agree: 0, disagree: 12 },
        ],
      };
      capture.state = JSON.stringify(state);
    });
    expect((await refusedOpen(dir, { rules })).message).toContain('(rule round.tally)');
  });
});
