/**
 * The router's checks (core/steps.ts), each run alone on a real store in a temp dir: what the caller
 * is told when a step answers, what the step wrote, and whether it let the command go on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Access, Command, Reply } from '../../core/context.js';
import type { Member } from '../../core/domain.js';
import { htmlToPlain } from '../../core/html.js';
import { silentLog } from '../../core/log.js';
import type { Incoming } from '../../core/platform.js';
import {
  access,
  agency,
  type Checking,
  check,
  contact,
  idempotency,
  leftGroup,
  membership,
  type Step,
} from '../../core/steps.js';
import { vi } from '../../locales/vi.js';
import type { Store } from '../../storage/store.js';
import { addMember, useTempStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T03:00:00Z');

let store: Store;
let lan: Member;
const temp = useTempStore();
beforeEach(async () => {
  store = temp.store;
  lan = await addMember(store, 1, 'vp');
});

function command(access: Access, options: { writes?: boolean } = {}): Command {
  return {
    name: 'thu',
    access,
    usage: () => '/thu',
    description: () => 'Thử',
    ...options,
    run: async () => [],
  };
}

interface Setup {
  command?: Command;
  member?: Member | undefined;
  /** Default: the member's own identity, else an unregistered Telegram user. */
  identity?: string;
  username?: string;
  platform?: Incoming['platform'];
  chat?: 'group' | 'private';
  isAdmin?: boolean;
  isCouncil?: boolean;
  inGroup?: boolean;
  membership?: Incoming['membership'];
  messageKey?: string;
}

/** What the steps see of one message, and how often the platform was asked about the group. */
function checking(setup: Setup): Checking & { asked: () => number } {
  let asked = 0;
  const identity = setup.identity ?? setup.member?.identities[0] ?? 'telegram:9999';
  const chat = setup.chat ?? 'group';
  const incoming: Incoming = {
    platform: setup.platform ?? 'telegram',
    caller: { identity, username: setup.username, displayName: 'Người gửi' },
    chat: { id: chat === 'private' ? identity : 'group', kind: chat },
    text: '/thu',
    mentions: [],
    messageKey: setup.messageKey ?? 'telegram:group:1',
    locale: 'vi',
    isAdmin: setup.isAdmin ?? false,
    isCouncil: setup.isCouncil ?? false,
    isGroupMember: async () => {
      asked += 1;
      return setup.inGroup ?? true;
    },
    membership: setup.membership,
    origin: undefined,
    log: silentLog,
  };
  return {
    command: setup.command ?? command('registered'),
    incoming,
    t: vi,
    now: NOW,
    log: silentLog,
    store,
    member: 'member' in setup ? setup.member : lan,
    asked: () => asked,
  };
}

const read = (replies: Reply[] | undefined) => replies?.map((r) => htmlToPlain(r.html));
const said = (text: Parameters<typeof htmlToPlain>[0]) => [htmlToPlain(text)];

async function runStep(step: Step, setup: Setup) {
  const state = checking(setup);
  const answer = await step(state);
  return { answer: read(answer), member: state.member, asked: state.asked() };
}

describe('access', () => {
  it('asks someone not registered to register before a members’ command', async () => {
    const { answer } = await runStep(access, { member: undefined });
    expect(answer).toEqual(said(vi.errors.notRegistered));
  });

  it('keeps admins’ commands for admins and the Council’s for the Council', async () => {
    expect((await runStep(access, { command: command('admin') })).answer).toEqual(said(vi.errors.adminOnly));
    expect((await runStep(access, { command: command('council') })).answer).toEqual(
      said(vi.review.councilOnly),
    );
    expect((await runStep(access, { command: command('council'), isCouncil: true })).answer).toBeUndefined();
    expect((await runStep(access, { command: command('admin'), isAdmin: true })).answer).toBeUndefined();
  });

  it('lets anyone run an open command, registered or not', async () => {
    expect((await runStep(access, { command: command('anyone'), member: undefined })).answer).toBeUndefined();
  });
});

describe('membership', () => {
  it('marks a member who writes from private and is no longer in the group as left', async () => {
    const step = await runStep(membership, {
      command: command('registered', { writes: true }),
      chat: 'private',
      inGroup: false,
    });
    expect(step.answer).toBeUndefined();
    expect(step.member?.leftAt).toBeDefined();
    expect(store.memberByIdentity(lan.identities[0] as string)?.leftAt).toBeDefined();
  });

  it('marks a member seen in the group again as back, without asking the platform', async () => {
    const left = await store.setMemberLeft(lan.id, true, { by: lan.id, platform: 'telegram', at: NOW });
    const step = await runStep(membership, { member: left, chat: 'group' });
    expect(step.member?.leftAt).toBeUndefined();
    expect(store.memberByIdentity(lan.identities[0] as string)?.leftAt).toBeUndefined();
    expect(step.asked).toBe(0);
  });

  it('does not ask about a read from private, nor on a platform without a group', async () => {
    expect((await runStep(membership, { chat: 'private', inGroup: false })).asked).toBe(0);
    const approval = await runStep(membership, {
      command: command('registered', { writes: true }),
      chat: 'private',
      inGroup: false,
      membership: 'approval',
    });
    expect(approval.asked).toBe(0);
    expect(approval.member?.leftAt).toBeUndefined();
  });
});

describe('left the group', () => {
  it('tells a member who left that members’ commands are closed to them', async () => {
    const left = await store.setMemberLeft(lan.id, true, { by: lan.id, platform: 'telegram', at: NOW });
    expect((await runStep(leftGroup, { member: left })).answer).toEqual(said(vi.errors.leftGroup));
    expect((await runStep(leftGroup, { member: left, isAdmin: true })).answer).toBeUndefined();
    expect((await runStep(leftGroup, { member: left, command: command('anyone') })).answer).toBeUndefined();
  });

  it('lets a member who is still in go on', async () => {
    expect((await runStep(leftGroup, {})).answer).toBeUndefined();
  });
});

describe('agency', () => {
  it('in private, answers someone outside the agency group that the command is the agency’s', async () => {
    const step = await runStep(agency, {
      command: command('agency'),
      member: undefined,
      chat: 'private',
      inGroup: false,
    });
    expect(step.answer).toEqual(said(vi.errors.agencyOnly));
    expect(step.asked).toBe(1);
  });

  it('lets a member, someone found in the group, and anyone in the group chat go on', async () => {
    const agencyCommand = command('agency');
    expect(
      (await runStep(agency, { command: agencyCommand, chat: 'private', inGroup: false })).answer,
    ).toBeUndefined();
    expect(
      (await runStep(agency, { command: agencyCommand, member: undefined, chat: 'private', inGroup: true }))
        .answer,
    ).toBeUndefined();
    expect(
      (await runStep(agency, { command: agencyCommand, member: undefined, inGroup: false })).answer,
    ).toBeUndefined();
  });

  it('on a platform without a group, refuses someone not registered without asking the platform', async () => {
    const step = await runStep(agency, {
      command: command('agency'),
      member: undefined,
      chat: 'private',
      membership: 'approval',
    });
    expect(step.answer).toEqual(said(vi.errors.agencyOnly));
    expect(step.asked).toBe(0);
  });
});

describe('contact', () => {
  it('remembers that a member wrote in private, and their Telegram username as it is now', async () => {
    const step = await runStep(contact, { chat: 'private', username: 'Lan_VP' });
    expect(step.answer).toBeUndefined();
    const stored = store.memberByIdentity(lan.identities[0] as string);
    expect([stored?.privateChat, stored?.username]).toEqual([true, 'lan_vp']);
    expect([step.member?.privateChat, step.member?.username]).toEqual([true, 'lan_vp']);
  });

  it('records nothing for a command made from the desk by a Telegram account', async () => {
    await runStep(contact, { platform: 'web', chat: 'private', username: 'lan_vp' });
    const stored = store.memberByIdentity(lan.identities[0] as string);
    expect([stored?.privateChat, stored?.username]).toEqual([undefined, undefined]);
  });
});

describe('idempotency', () => {
  it('answers a message that already changed the store as handled, and runs nothing', async () => {
    const key = 'telegram:group:77';
    const entry = await store.addEntry(
      {
        kind: 'deed',
        text: 'Giúp đỡ đồng nghiệp hoàn thành báo cáo',
        points: 2,
        adhoc: false,
        it: false,
        memberId: lan.id,
      },
      { by: lan.id, platform: 'telegram', at: NOW, source: key },
    );
    const writes = command('registered', { writes: true });
    expect((await runStep(idempotency, { command: writes, messageKey: key })).answer).toEqual(
      said(vi.errors.alreadyHandled(entry.code)),
    );
    expect(
      (await runStep(idempotency, { command: writes, messageKey: 'telegram:group:78' })).answer,
    ).toBeUndefined();
    // A command that writes nothing is run again whatever its key.
    expect(
      (await runStep(idempotency, { command: command('registered'), messageKey: key })).answer,
    ).toBeUndefined();
  });
});

describe('the steps in order', () => {
  it('stop at the first that answers: someone refused access is never looked up in the group', async () => {
    const state = checking({
      command: command('agency'),
      member: undefined,
      chat: 'private',
      inGroup: false,
    });
    const refused = checking({
      command: command('admin'),
      member: undefined,
      chat: 'private',
      inGroup: false,
    });
    expect(read(await check(state))).toEqual(said(vi.errors.agencyOnly));
    expect(read(await check(refused))).toEqual(said(vi.errors.adminOnly));
    expect(refused.asked()).toBe(0);
  });
});
