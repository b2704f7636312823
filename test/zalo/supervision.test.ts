import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloPlatform } from '../../bot/zalo/platform.js';
import { CloseCode, ZaloUnavailableError } from '../../bot/zalo/transport.js';
import { Html } from '../../core/html.js';
import type { PlatformHost } from '../../core/platform.js';
import { memoryLogger } from '../helpers/agency.js';
import {
  BOT_UID,
  FakeZaloTransport,
  until,
  VirtualTimers,
  ZaloHarness,
  type ZaloUser,
  zaloMessage,
} from '../helpers/zalo.js';

const lan: ZaloUser = { uid: '1001', name: 'Lan Nguyễn' };
let zalo: ZaloHarness;

beforeEach(async () => {
  zalo = await ZaloHarness.create();
});
afterEach(async () => {
  await zalo.close();
});

describe('the listener closing', () => {
  it('restarts the same listener after a 1006 close, without logging in again, and answers again', async () => {
    expect(await zalo.send(lan, '/trogiup')).toHaveLength(1);
    zalo.transport.close(CloseCode.Abnormal);
    await until('a restart', () => zalo.transport.restarts === 1 && zalo.transport.listening);
    expect(zalo.transport.starts).toBe(1);
    expect(zalo.logged('Zalo listener closed; restarting it')[0]).toMatchObject({ code: 1006 });
    expect(await zalo.send(lan, '/trogiup')).toHaveLength(1);
  });

  it('logs in again after another close, doubling the wait while the login fails, then answers again', async () => {
    zalo.transport.failLogins = 3;
    zalo.transport.close(CloseCode.Manual);
    await until('a login that works', () => zalo.transport.starts === 5 && zalo.transport.listening);
    expect(zalo.timers.sleeps).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(zalo.logged('Zalo listener closed; logging in again')[0]).toMatchObject({ code: 1000 });
    expect(
      zalo.logged('Zalo login failed; trying again later (if it keeps failing, run npm run zalo:login)'),
    ).toHaveLength(3);
    expect(zalo.logged('Zalo listener connected again')).toHaveLength(1);
    expect(await zalo.send(lan, '/trogiup')).toHaveLength(1);
  });

  it.each([
    [CloseCode.Duplicate, 'another connection'],
    [CloseCode.Kicked, 'kicked'],
  ])(
    'stops on close code %i (another session took the account), without logging in again',
    async (code, reason) => {
      zalo.transport.close(code, reason);
      for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
      // Let go of at once (the account is someone else's now), and never taken back.
      expect([zalo.transport.starts, zalo.transport.restarts, zalo.transport.stops]).toEqual([1, 0, 1]);
      const [line] = zalo.logs().filter((l) => l.level === 50 && l.code === code);
      expect(String(line?.msg)).toContain('taken over by another login');
      expect(await zalo.send(lan, '/trogiup')).toEqual([]);
      await expect(zalo.bot.sendToGroup({ html: Html.trusted('<b>Bảng tin</b>') })).rejects.toBeInstanceOf(
        ZaloUnavailableError,
      );
    },
  );

  it('drops the events of a listener it has replaced', async () => {
    const old = zalo.transport.events;
    zalo.transport.close(CloseCode.Manual);
    await until('a new login', () => zalo.transport.starts === 2 && zalo.transport.listening);
    old.message(zaloMessage(lan, '/trogiup'));
    old.closed(CloseCode.Abnormal, '');
    await zalo.bot.idle();
    expect(zalo.transport.sent).toHaveLength(0);
    expect([zalo.transport.starts, zalo.transport.restarts]).toEqual([2, 0]);
  });
});

describe('what the bot ignores or survives', () => {
  it('survives an error event and keeps answering', async () => {
    zalo.transport.events.error(new Error('socket hang up'));
    expect(zalo.logged('Zalo listener error')[0]).toMatchObject({ err: { message: 'socket hang up' } });
    expect(await zalo.send(lan, '/trogiup')).toHaveLength(1);
  });

  it("ignores a message from the bot's own account", async () => {
    // zca-js marks the account's own messages with uidFrom "0" (isSelf), then fills in the real id.
    const own = zaloMessage({ uid: '0', name: 'Thi đua' }, '/trogiup');
    expect(own.isSelf).toBe(true);
    expect(own.data.uidFrom).toBe(BOT_UID);
    expect(await zalo.deliver(own)).toEqual([]);
    expect(await zalo.deliver(zaloMessage({ uid: BOT_UID, name: 'Thi đua' }, '/trogiup'))).toEqual([]);
  });

  it('only logs a failure below the core (the core is the one boundary that answers users), and goes on', async () => {
    const { logger, lines } = memoryLogger();
    const timers = new VirtualTimers();
    const transport = new FakeZaloTransport(timers);
    let calls = 0;
    const host: PlatformHost = {
      handle: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
      },
      membership: async () => {},
    };
    const bot = createZaloPlatform(zalo.config, { logger, locale: 'en', transport, timers });
    await bot.start(host);
    transport.deliver(zaloMessage(lan, '/trogiup'));
    transport.deliver(zaloMessage(lan, '/trogiup'));
    await bot.idle();
    expect(transport.sent).toEqual([]);
    expect(calls).toBe(2);
    expect(lines().find((l) => l.msg === 'Zalo message failed')).toMatchObject({ err: { message: 'boom' } });
    await bot.stop();
  });
});

describe('starting', () => {
  it('rejects when the first login fails, and may be started again', async () => {
    const { logger } = memoryLogger();
    const timers = new VirtualTimers();
    const transport = new FakeZaloTransport(timers);
    transport.failLogins = 1;
    const bot = createZaloPlatform(zalo.config, { logger, locale: 'vi', transport, timers });
    const host: PlatformHost = { handle: async () => {}, membership: async () => {} };
    await expect(bot.start(host)).rejects.toThrow('Đăng nhập thất bại');
    await bot.start(host);
    expect([transport.starts, transport.listening]).toEqual([2, true]);
    await expect(bot.start(host)).rejects.toThrow('cannot start');
    await bot.stop();
  });
});

describe('stopping', () => {
  it('stopped during the first login: start resolves once the login settles, and nothing more is done', async () => {
    const { logger, lines } = memoryLogger();
    const timers = new VirtualTimers();
    const transport = new FakeZaloTransport(timers);
    let letIn = () => {};
    transport.loginGate = new Promise<void>((resolve) => {
      letIn = resolve;
    });
    const config = { ...zalo.config, groupAdminsAreAdmins: true };
    const bot = createZaloPlatform(config, { logger, locale: 'vi', transport, timers });
    const starting = bot.start({ handle: async () => {}, membership: async () => {} });
    await until('a login under way', () => transport.starts === 1);
    const stopping = bot.stop();
    letIn();
    await Promise.all([starting, stopping]);
    expect(transport.groupInfoCalls).toBe(0);
    expect(lines().filter((l) => l.msg === 'Zalo listening')).toEqual([]);
    expect([transport.stops, transport.listening]).toEqual([1, false]);
  });

  it('lets the answers in flight go out, then stops the transport; twice is fine', async () => {
    zalo.transport.deliver(zaloMessage(lan, '/trogiup'));
    zalo.transport.deliver(zaloMessage(lan, '/batdau'));
    await Promise.all([zalo.bot.stop(), zalo.bot.stop()]);
    expect(zalo.transport.sent).toHaveLength(2);
    expect(zalo.transport.stops).toBe(1);
    expect(zalo.transport.listening).toBe(false);
  });

  it('stops a reconnection that is waiting', async () => {
    zalo.transport.failLogins = 100;
    zalo.transport.close(CloseCode.Manual);
    await until('a failed login', () => zalo.transport.starts >= 2);
    await zalo.bot.stop();
    const starts = zalo.transport.starts;
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(zalo.transport.starts).toBe(starts);
  });
});
