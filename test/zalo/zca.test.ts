import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API, type Credentials, type SendMessageResponse, ThreadType } from 'zca-js';
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
  open = false;
  start(options: unknown) {
    if (this.open) throw new Error('Already started');
    this.open = true;
    this.starts.push(options);
  }
  stop() {
    this.open = false;
    this.stops += 1;
  }
  /** Zalo drops the socket: zca-js resets the listener, then reports the close. */
  drop(code: number) {
    this.open = false;
    this.emit('closed', code, '');
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

  it('restarts the same listener after a close, with the same login, its events still heard', async () => {
    const { api, listener } = fakeApi();
    const login = vi.fn(async (_: Credentials) => api);
    const events = noEvents();
    const transport = createZcaTransport({ credentialsFile: file, logger: memoryLogger().logger, login });
    await transport.start(events);
    await expect(transport.restartListener()).rejects.toThrow('Already started');
    listener.drop(1006);
    await transport.restartListener();
    listener.emit('message', zaloMessage(lan, '/trogiup'));
    listener.drop(1006);
    expect(login).toHaveBeenCalledTimes(1);
    expect(listener.starts).toEqual([{ retryOnClose: true }, { retryOnClose: true }]);
    expect([events.closes, events.messages]).toEqual([[1006, 1006], 1]);
    await transport.stop();
    await expect(transport.restartListener()).rejects.toBeInstanceOf(ZaloLoginError);
  });

  it("restarts zca-js's own listener after Zalo drops its socket (1006): a new socket, the same cookie, no login", async () => {
    const zalo = await socketServer();
    try {
      const api = zcaApi(zalo.url);
      const login = vi.fn(async (_: Credentials) => api);
      const closes: number[] = [];
      let closed = () => {};
      const events: ZaloEvents = {
        message: () => {},
        error: () => {},
        closed: (code) => {
          closes.push(code);
          closed();
        },
      };
      const transport = createZcaTransport({ credentialsFile: file, logger: memoryLogger().logger, login });
      const first = zalo.next();
      await transport.start(events);
      await first;
      const gone = new Promise<void>((resolve) => {
        closed = resolve;
      });
      zalo.drop();
      await gone;
      const second = zalo.next();
      await transport.restartListener();
      await second;
      expect(closes).toEqual([1006]);
      expect(login).toHaveBeenCalledTimes(1);
      expect(zalo.cookies).toEqual(['zpw_sek=session-cookie', 'zpw_sek=session-cookie']);
      await transport.stop();
    } finally {
      await zalo.close();
    }
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

  it('sends a picture from its bytes with its size, as zca-js takes an image without a metadata reader', async () => {
    const { api, sendMessage } = fakeApi();
    const transport = createZcaTransport({
      credentialsFile: file,
      logger: memoryLogger().logger,
      login: async () => api,
    });
    await transport.start(noEvents());
    const png = new PNG({ width: 40, height: 30 });
    const data = PNG.sync.write(png);
    await transport.sendImage({ id: GROUP_ID, kind: 'group' }, { filename: 'bảng vàng/tuần 48.png', data });
    expect(sendMessage.mock.calls).toEqual([
      [
        {
          msg: '',
          attachments: [
            {
              data,
              filename: 'tuần_48.png', // no folder, no spaces: a name Zalo shows as it is
              metadata: { totalSize: data.length, width: 40, height: 30 },
            },
          ],
        },
        GROUP_ID,
        ThreadType.Group,
      ],
    ]);
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

/**
 * A stand-in for Zalo's websocket endpoint on loopback: it accepts the upgrade (RFC 6455 handshake)
 * and can drop every socket without a close frame, which the client reports as 1006.
 */
async function socketServer() {
  const sockets = new Set<Socket>();
  const cookies: string[] = [];
  const server = createServer();
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    cookies.push(String(request.headers.cookie));
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const accept = createHash('sha1')
      .update(`${request.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/`,
    cookies,
    /** Resolves at the next socket opened. */
    next: () => once(server, 'upgrade'),
    drop: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * zca-js's own API object, as its login builds it, with the session it would have read from Zalo
 * (the socket settings Zalo serves at login: no code retried, so zca-js reports every close).
 */
function zcaApi(url: string): API {
  const context = {
    API_TYPE: 30,
    API_VERSION: 685,
    uid: BOT_UID,
    secretKey: 'secret-key',
    userAgent: CREDENTIALS.userAgent,
    cookie: { getCookieStringSync: () => 'zpw_sek=session-cookie' },
    options: { selfListen: false, checkUpdate: false, logging: false },
    settings: {
      features: {
        socket: { retries: {}, close_and_retry_codes: [], rotate_error_codes: [], ping_interval: 60_000 },
      },
    },
  };
  // Every service URL (the API's factories read them when built); none is called here.
  const services = new Proxy({}, { get: () => ['http://127.0.0.1:9'] });
  const ZcaApi = API as unknown as new (context: unknown, services: unknown, urls: string[]) => API;
  return new ZcaApi(context, services, [url]);
}
