/**
 * The Zalo Bot webhook receiver over real HTTP on 127.0.0.1: what it answers to the Platform (and to
 * anyone else who finds the URL), and which events reach the bot.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZaloBotUpdate } from '../../bot/zalo-bot/update.js';
import { createWebhookServer, type WebhookServer } from '../../bot/zalo-bot/webhook.js';
import { memoryLogger } from '../helpers/agency.js';
import { FakeZaloBotApiServer, zaloId } from '../helpers/zalo-bot-api-server.js';

const SECRET = 'wh-Secret_for-THIDUA-0123456789';
const PATH = '/zalo-bot/webhook';
const LAN = zaloId();

const textEvent = (text: string) => ({
  event_name: 'message.text.received',
  message: {
    from: { id: LAN, display_name: 'Lan', is_bot: false },
    chat: { id: LAN, chat_type: 'PRIVATE' },
    text,
    message_id: zaloId(),
    date: 1_750_316_131_602,
  },
});

let received: ZaloBotUpdate[];
let failWith: Error | undefined;
let log: ReturnType<typeof memoryLogger>;
let server: WebhookServer;
let base: string;

beforeEach(async () => {
  received = [];
  failWith = undefined;
  log = memoryLogger();
  server = createWebhookServer({
    port: 0,
    path: PATH,
    secret: SECRET,
    maxBodyBytes: 4096,
    logger: log.logger,
    onUpdate: async (update) => {
      if (failWith) throw failWith;
      received.push(update);
    },
  });
  const { port } = await server.start();
  base = `http://127.0.0.1:${port}`;
});
afterEach(async () => {
  await server.stop();
});

async function post(
  body: unknown,
  // secret: null sends no header at all.
  { secret = SECRET as string | null, path = PATH, method = 'POST' } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-bot-api-secret-token'] = secret;
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD')
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${base}${path}`, init);
  await response.arrayBuffer();
  return response;
}

describe('the secret header', () => {
  it('a request without it is refused with 401 and reaches nobody', async () => {
    const response = await post({ ok: true, result: textEvent('/batdau') }, { secret: null });
    expect(response.status).toBe(401);
    expect(received).toEqual([]);
  });

  it('a wrong secret of the same length is refused with 403', async () => {
    const sameLength = `${SECRET.slice(0, -1)}X`;
    expect(sameLength).toHaveLength(SECRET.length);
    expect((await post({ ok: true, result: textEvent('/batdau') }, { secret: sameLength })).status).toBe(403);
    expect(received).toEqual([]);
  });

  it('a wrong secret of another length (even its prefix) is refused with 403', async () => {
    for (const secret of [SECRET.slice(0, 8), `${SECRET}-and-more`, 'x']) {
      expect((await post({ ok: true, result: textEvent('/batdau') }, { secret })).status).toBe(403);
    }
    expect(received).toEqual([]);
  });

  it('the right secret delivers the event once, parsed', async () => {
    const response = await post({ ok: true, result: textEvent('/viectot Giúp chị Mai sửa máy in') });
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind: 'text',
      text: '/viectot Giúp chị Mai sửa máy in',
      message: { chat: { id: LAN, type: 'PRIVATE' }, from: { id: LAN, displayName: 'Lan' } },
    });
  });

  it('no log line holds the secret, whatever was tried', async () => {
    await post({ ok: true, result: textEvent('a') }, { secret: `${SECRET.slice(0, -1)}X` });
    await post({ ok: true, result: textEvent('b') });
    await post('{not json');
    expect(log.lines().length).toBeGreaterThan(0);
    expect(JSON.stringify(log.lines())).not.toContain(SECRET.slice(0, 12));
  });
});

describe('what else is refused', () => {
  it('another path is 404, another method 405', async () => {
    expect((await post({ ok: true, result: textEvent('x') }, { path: '/other' })).status).toBe(404);
    expect((await post({ ok: true, result: textEvent('x') }, { path: `${PATH}/more` })).status).toBe(404);
    const get = await post(undefined, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(received).toEqual([]);
  });

  it('a body over the cap is 413', async () => {
    const big = { ok: true, result: textEvent('x'.repeat(5000)) };
    expect((await post(big)).status).toBe(413);
    expect(received).toEqual([]);
  });

  it('a body that is not JSON, or not an event, is 400', async () => {
    expect((await post('{"ok": tru')).status).toBe(400);
    expect((await post({ ok: true, result: { message: {} } })).status).toBe(400);
    expect(
      (await post({ ok: true, result: { event_name: 'message.text.received', message: {} } })).status,
    ).toBe(400);
    expect(received).toEqual([]);
  });

  it('an event the bot could not take is 500, so the Platform knows it was not handled', async () => {
    failWith = new Error('queue full');
    expect((await post({ ok: true, result: textEvent('x') })).status).toBe(500);
  });
});

describe('the shapes the Platform sends', () => {
  it('takes the documented envelope and a bare event alike', async () => {
    expect((await post(textEvent('bare'))).status).toBe(200);
    expect(received.map((u) => u.kind === 'text' && u.text)).toEqual(['bare']);
  });

  it('acknowledges an event it does not know, handing it on as unknown', async () => {
    expect((await post({ ok: true, result: { event_name: 'message.reaction.received' } })).status).toBe(200);
    expect(received).toEqual([{ kind: 'unknown', event_name: 'message.reaction.received' }]);
  });

  it("accepts the stand-in Platform's own delivery after setWebhook", async () => {
    const zalo = await FakeZaloBotApiServer.start();
    try {
      const set = await fetch(`${zalo.apiRoot}/bot${zalo.token}/setWebhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${base}${PATH}`, secret_token: SECRET }),
      });
      expect(set.status).toBe(200);
      expect(await zalo.deliverToWebhook(textEvent('qua webhook'))).toBe(200);
      expect(received).toMatchObject([{ kind: 'text', text: 'qua webhook' }]);
    } finally {
      await zalo.close();
    }
  });
});

describe('configuration', () => {
  it('a flood of refused requests from anyone is a line for each kind, not one for each request', async () => {
    for (let i = 0; i < 200; i += 1) {
      const response = await post(textEvent('/batdau'), { secret: i % 2 ? 'wrong-secret-0123' : null });
      expect(response.status).toBe(i % 2 ? 403 : 401);
    }
    // One line for each kind of refusal (no secret, a wrong one), not one for each request.
    const refused = log.lines().filter((l) => l.msg === 'Zalo Bot webhook refused');
    expect(refused.map((l) => l.status)).toEqual([401, 403]);
  });

  it('refuses a secret the Platform would refuse (8 to 256 characters)', () => {
    const make = (secret: string) =>
      createWebhookServer({ port: 0, path: PATH, secret, logger: log.logger, onUpdate: () => {} });
    expect(() => make('short')).toThrow(/8 to 256/);
    expect(() => make('x'.repeat(257))).toThrow(/8 to 256/);
    expect(() => make('x'.repeat(8))).not.toThrow();
  });
});

describe('slow clients', () => {
  /** A connection whose request headers come one byte at a time (a slowloris client), and what it was told. */
  function slowClient(): { socket: Socket; heard: () => string; closed: Promise<void>; stop: () => void } {
    const port = Number(new URL(base).port);
    const socket = connect(port, '127.0.0.1');
    let heard = '';
    socket.on('data', (c: Buffer) => {
      heard += c.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const head = `POST ${PATH} HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(200)}`;
    let at = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(head[at % head.length] as string);
      at += 1;
    }, 250);
    return { socket, heard: () => heard, closed, stop: () => clearInterval(trickle) };
  }

  it('a stop closes a connection still sending its headers at once', async () => {
    const client = slowClient();
    await new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    // A whole request on another connection proves the server has taken connections in (and is up).
    expect((await post(textEvent('/batdau'))).status).toBe(200);
    await server.stop();
    await client.closed;
    client.stop();
  });

  it('headers still incomplete after the documented 10 s are cut with 408', async () => {
    const client = slowClient();
    const started = Date.now();
    await client.closed;
    client.stop();
    const seconds = (Date.now() - started) / 1000;
    expect(client.heard()).toMatch(/^HTTP\/1\.1 408/);
    // Node checked every 30 s (the cut came at ~27 s); now every second: within a few of the 10 s.
    expect(seconds).toBeGreaterThanOrEqual(9);
    expect(seconds).toBeLessThan(20);
  }, 40_000);
});
