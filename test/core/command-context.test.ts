/**
 * One builder of a command's context (core/context.ts `commandContext`): the router and the
 * command-level test helper (test/helpers/context.ts) give a command the same context for the same
 * message — the helper once copied the router's and drifted (photos handed to every command, no
 * report runner).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../core/context.js';
import type { Member } from '../../core/domain.js';
import { silentLog } from '../../core/log.js';
import type { Incoming } from '../../core/message.js';
import type { Reports } from '../../core/reports.js';
import { Router, type RouterDeps } from '../../core/router.js';
import type { Store } from '../../storage/store.js';
import { testAgency } from '../helpers/agency.js';
import { buildContext } from '../helpers/context.js';
import { addMember, useTempStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T03:00:00Z');
const PHOTOS = [{ fileId: 'photo-1' }, { fileId: 'photo-2' }];
const reports: Reports = {
  files: async () => [],
  draw: async () => Buffer.alloc(0),
  facts: () => [],
  readRecords: async () => undefined,
};

let store: Store;
let lan: Member;
const temp = useTempStore();
beforeEach(async () => {
  store = temp.store;
  lan = await addMember(store, 1, 'vp');
});

/** A command that keeps the context it was given. */
function probe(name: string, acceptsPhoto: boolean): Command & { seen?: CommandContext } {
  const command: Command & { seen?: CommandContext } = {
    name,
    access: 'registered',
    usage: () => `/${name}`,
    description: () => 'Thử',
    acceptsPhoto,
    run: async (ctx) => {
      command.seen = ctx;
      return [];
    },
  };
  return command;
}

/** The context the router gives `command` for `/name args` with photos, sent by Lan in the group. */
async function throughRouter(command: Command & { seen?: CommandContext }): Promise<CommandContext> {
  const router = new Router({ store, agency: testAgency(), commands: [command], clock: () => NOW, reports });
  await router.handle(lanSays(command.name));
  return command.seen as CommandContext;
}

/** `/name Ảnh minh chứng` with photos, sent by Lan in the group. */
function lanSays(name: string): Incoming {
  return {
    platform: 'telegram',
    caller: { identity: lan.identities[0] as string, displayName: lan.fullName },
    chat: { id: 'group', kind: 'group' },
    text: `/${name} Ảnh minh chứng`,
    mentions: [],
    photos: PHOTOS,
    messageKey: 'telegram:group:5',
    locale: 'vi',
    isAdmin: false,
    isCouncil: false,
    isGroupMember: async () => true,
    origin: undefined,
    log: silentLog,
  };
}

const throughHelper = (command: Command) =>
  buildContext(command, {
    store,
    member: lan,
    args: 'Ảnh minh chứng',
    photos: PHOTOS,
    reports,
    now: NOW,
    messageKey: 'telegram:group:5',
  });

/** What a command reads of the message beside its text and the store. */
const seen = (ctx: CommandContext) => ({
  platform: ctx.platform,
  member: ctx.member?.id,
  args: ctx.args,
  photos: ctx.photos,
  reports: ctx.reports,
  actor: ctx.actor,
  membership: ctx.membership,
});

describe('the context a command is given', () => {
  it('holds no photos for a command that does not take them, through the router and the test helper alike', async () => {
    const command = probe('thu', false);
    const routed = await throughRouter(command);
    expect(routed.photos).toBeUndefined();
    expect(throughHelper(command).photos).toBeUndefined();
  });

  it('holds the photos and the reports for a command that takes photos, the same both ways', async () => {
    const command = probe('anh', true);
    const routed = await throughRouter(command);
    expect(routed.photos).toEqual(PHOTOS);
    expect(routed.reports).toBe(reports);
    expect(seen(throughHelper(command))).toEqual(seen(routed));
  });

  it('has the same fields through the router and the test helper, and nothing of the router’s own', async () => {
    const command = probe('thu', false);
    const fields = (ctx: object) =>
      Object.entries(ctx)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key)
        .sort();
    const routed = fields(await throughRouter(command));
    expect(fields(throughHelper(command))).toEqual(routed);
    expect(routed).not.toContain('commands');
    expect(routed).not.toContain('clock');
  });
});

describe('a router given what it needs later', () => {
  it('holds a message that arrives while the commands load, and answers it once they are there', async () => {
    // As the bot starts: the platforms poll while the commands' modules load (bot/handlers.ts).
    const command = probe('anh', true);
    let loaded!: (deps: RouterDeps) => void;
    const router = new Router(new Promise<RouterDeps>((resolve) => (loaded = resolve)));
    expect(router.commands).toEqual([]);
    let answered = false;
    const handling = router.handle(lanSays('anh')).then((handled) => {
      answered = true;
      return handled;
    });
    // Every turn of the event loop so far: the message waits, neither answered nor refused.
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    expect(command.seen).toBeUndefined();
    loaded({ store, agency: testAgency(), commands: [command], clock: () => NOW, reports });
    await router.ready();
    expect(router.commands).toEqual([command]);
    expect((await handling)?.command).toBe('anh');
    expect(command.seen?.photos).toEqual(PHOTOS);
    expect(seen(command.seen as CommandContext)).toEqual(seen(await throughRouter(probe('anh', true))));
  });

  it('answers nothing while what it needs failed to load: the message fails as a whole', async () => {
    const router = new Router(Promise.reject(new Error('a module could not be loaded')));
    await expect(router.handle(lanSays('anh'))).rejects.toThrow('a module could not be loaded');
  });
});
