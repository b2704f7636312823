import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type API, type Credentials, type SendMessageResponse, ThreadType } from 'zca-js';
import type { ZaloEvents } from '../../bot/zalo/transport.js';
import { ZaloLoginError } from '../../bot/zalo/transport.js';
import { createZcaTransport, readCredentials, writeCredentials } from '../../bot/zalo/zca.js';
import { memoryLogger, tempDir } from '../helpers/agency.js';
import { BOT_UID, GROUP_ID, type ZaloUser, zaloMessage } from '../helpers/zalo.js';

const lan: ZaloUser = { uid: '1001', name: 'Lan Nguyễn' };
const COOKIE_VALUE = 'zpw_sek-secret-value-0123456789';
const CREDENTIALS = {
  cookie: [{ domain: '.zalo.me', name: 'zpw_sek', value: COOKIE_VALUE, path: '/' }],
  imei: 'a1b2c3d4-imei',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

/** zca-js's Listener as far as the transport uses it: an EventEmitter that starts and stops. */
class FakeListener extends EventEmitter {
  starts: unknown[] = [];
  stops = 0;
  start(options: unknown) {
    this.starts.push(options);
  }
  stop() {
    this.stops += 1;
  }
}

function fakeApi() {
  const listener = new FakeListener();
  const sendMessage = vi.fn(
    async (..._args: unknown[]): Promise<SendMessageResponse> => ({ message: { msgId: 1 }, attachment: [] }),
  );
  const getGroupInfo = vi.fn(async (id: string) => ({
    removedsGroup: [],
    unchangedsGroup: [],
    gridInfoMap: {
      [id]: {
        creatorId: '9001',
        adminIds: ['9002'],
        memberIds: [],
        memVerList: ['1001_3', '1002_1'],
        currentMems: [{ id: '1003' }],
      },
    },
  }));
  const api = { listener, getOwnId: () => BOT_UID, sendMessage, getGroupInfo } as unknown as API;
  return { api, listener, sendMessage, getGroupInfo };
}

const noEvents = (): ZaloEvents & { errors: Error[]; closes: number[]; messages: number } => {
  const seen = { errors: [] as Error[], closes: [] as number[], messages: 0 };
  return Object.assign(seen, {
    message: () => {
      seen.messages += 1;
    },
    error: (error: Error) => void seen.errors.push(error),
    closed: (code: number) => void seen.closes.push(code),
  });
};

let dir: string;
let cleanup: () => Promise<void>;
let file: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  file = join(dir, 'zalo-credentials.json');
  await writeFile(file, JSON.stringify(CREDENTIALS));
});
afterEach(async () => {
  await cleanup();
});

describe('the saved session', () => {
  it('reads the cookie, imei and user agent', async () => {
    expect(await readCredentials(file)).toEqual(CREDENTIALS);
  });

  it('is saved readable by its owner only, even over an older file others could read', async () => {
    await chmod(file, 0o644);
    await writeCredentials(file, { ...CREDENTIALS, imei: 'new-imei' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readCredentials(file)).imei).toBe('new-imei');
    const fresh = join(dir, 'sub', 'zalo-credentials.json');
    await writeCredentials(fresh, CREDENTIALS);
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
  });

  it('asks for npm run zalo:login when the file is missing', async () => {
    const error = await readCredentials(join(dir, 'none.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloLoginError);
    expect((error as Error).message).toContain('npm run zalo:login');
  });

  it('says a file is not JSON without quoting it', async () => {
    await writeFile(file, `{"cookie": "${COOKIE_VALUE}`);
    const error = (await readCredentials(file).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ZaloLoginError);
    expect(`${error.message} ${String(error.cause ?? '')}`).not.toContain(COOKIE_VALUE);
  });

  it('names the bad fields without showing any value', async () => {
    await writeFile(file, JSON.stringify({ ...CREDENTIALS, imei: '', cookie: COOKIE_VALUE }));
    const error = (await readCredentials(file).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ZaloLoginError);
    expect(error.message).toMatch(/cookie.*imei|imei.*cookie/);
    expect(error.message).not.toContain(COOKIE_VALUE);
  });
});

describe('the zca-js transport', () => {
  it('logs in with the saved session and listens, retrying what zca-js retries', async () => {
    const { api, listener } = fakeApi();
    const login = vi.fn(async (_: Credentials) => api);
    const transport = createZcaTransport({ credentialsFile: file, logger: memoryLogger().logger, login });
    expect(await transport.start(noEvents())).toEqual({ selfId: BOT_UID });
    expect(login).toHaveBeenCalledWith(CREDENTIALS);
    expect(listener.starts).toEqual([{ retryOnClose: true }]);
  });

  it('wraps a refused login as a ZaloLoginError', async () => {
    const transport = createZcaTransport({
      credentialsFile: file,
      logger: memoryLogger().logger,
      login: async () => {
        throw new Error('zpw_sek bị thiếu hoặc không đúng');
      },
    });
    await expect(transport.start(noEvents())).rejects.toBeInstanceOf(ZaloLoginError);
  });

  it("always listens to the listener's errors (an unheard 'error' would end the process), keeping only the message", async () => {
    const { api, listener } = fakeApi();
    const events = noEvents();
    const transport = createZcaTransport({
      credentialsFile: file,
      logger: memoryLogger().logger,
      login: async () => api,
    });
    await transport.start(events);
    // zca-js hands over the ws ErrorEvent, whose socket carries the session cookie.
    expect(() =>
      listener.emit('error', {
        message: 'Unexpected server response: 502',
        target: { cookie: COOKIE_VALUE },
      }),
    ).not.toThrow();
    expect(events.errors.map((e) => e.message)).toEqual(['Unexpected server response: 502']);
    listener.emit('closed', 1006, '');
    expect(events.closes).toEqual([1006]);

    await transport.stop();
    expect(listener.stops).toBe(1);
    expect(() => listener.emit('error', new Error('late'))).not.toThrow();
    listener.emit('closed', 1000, '');
    listener.emit('message', zaloMessage(lan, '/trogiup'));
    expect([events.errors.length, events.closes.length, events.messages]).toEqual([1, 1, 0]);
  });

  it('sends group answers to the group thread with tags and the quote, private ones to the user thread', async () => {
    const { api, sendMessage } = fakeApi();
    const transport = createZcaTransport({
      credentialsFile: file,
      logger: memoryLogger().logger,
      login: async () => api,
    });
    await transport.start(noEvents());
    const command = zaloMessage(lan, '/trogiup', { msgId: '55' });
    const mentions = [{ uid: lan.uid, pos: 0, len: 11 }];
    await transport.sendText(
      { id: GROUP_ID, kind: 'group' },
      { text: '@Lan Nguyễn Chào', mentions, quote: command },
    );
    await transport.sendText({ id: lan.uid, kind: 'private' }, { text: 'Chào', mentions });
    expect(sendMessage.mock.calls).toEqual([
      [
        {
          msg: '@Lan Nguyễn Chào',
          mentions,
          quote: expect.objectContaining({
            msgId: '55',
            uidFrom: lan.uid,
            content: '/trogiup',
            msgType: 'webchat',
          }),
        },
        GROUP_ID,
        ThreadType.Group,
      ],
      [{ msg: 'Chào' }, lan.uid, ThreadType.User],
    ]);
  });

  it('attaches a file from a temporary path named as the report, and removes it after', async () => {
    const { api, sendMessage } = fakeApi();
    let seenPath = '';
    let seenData = '';
    sendMessage.mockImplementation(async (...args: unknown[]) => {
      const content = args[0] as { attachments: string[] };
      seenPath = content.attachments[0] as string;
      seenData = await readFile(seenPath, 'utf8');
      return { message: null, attachment: [{ msgId: 2 }] };
    });
    const transport = createZcaTransport({
      credentialsFile: file,
      logger: memoryLogger().logger,
      login: async () => api,
    });
    await transport.start(noEvents());
    await transport.sendFile(
      { id: GROUP_ID, kind: 'group' },
      { filename: 'bao-cao-11-2026.docx', data: Buffer.from('DOCX') },
    );
    expect(seenPath.endsWith('/bao-cao-11-2026.docx')).toBe(true);
    expect(seenData).toBe('DOCX');
    expect(sendMessage.mock.calls[0]?.slice(1)).toEqual([GROUP_ID, ThreadType.Group]);
    expect(existsSync(seenPath)).toBe(false);
  });

  it('reads the group admins (owner and deputies) and members (also from memVerList)', async () => {
    const { api } = fakeApi();
    const transport = createZcaTransport({
      credentialsFile: file,
      logger: memoryLogger().logger,
      login: async () => api,
    });
    await transport.start(noEvents());
    expect(await transport.groupInfo(GROUP_ID)).toEqual({
      adminIds: ['9001', '9002'],
      memberIds: ['1001', '1002', '1003'],
    });
  });

  it('refuses to send before logging in', async () => {
    const transport = createZcaTransport({ credentialsFile: file, logger: memoryLogger().logger });
    await expect(transport.sendText({ id: GROUP_ID, kind: 'group' }, { text: 'x' })).rejects.toBeInstanceOf(
      ZaloLoginError,
    );
  });
});
