/**
 * The Zalo Bot Platform client against the loopback stand-in of the Platform, over real HTTP: what the bot
 * would get back from each method, the events it would be handed, and the errors it would have to handle.
 */
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createZaloBotClient,
  ZaloBotApiError,
  type ZaloBotClient,
  ZaloBotHttpError,
} from '../../bot/zalo-bot/client.js';
import { FakeZaloBotApiServer, zaloId } from '../helpers/zalo-bot-api-server.js';

const TOKEN = '2718281828459045235:ZaloBot_client-TEST_secret_part_42';
const LAN = zaloId();
const HUNG = zaloId();

let zalo: FakeZaloBotApiServer;
let client: ZaloBotClient;

beforeEach(async () => {
  zalo = await FakeZaloBotApiServer.start({ token: TOKEN });
  client = createZaloBotClient({ token: TOKEN, apiRoot: zalo.apiRoot });
});
afterEach(async () => {
  await zalo.close();
});

/** Everything an error would show in a log line: message, stack, cause chain, own fields. */
const shown = (error: unknown): string => `${String(error)}\n${inspect(error, { depth: 10 })}`;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('getMe', () => {
  it("answers the bot's account, asked with a POST to /bot<token>/getMe", async () => {
    const me = await client.getMe();
    expect(me).toEqual({
      id: '2718281828459045235',
      accountName: 'bot.ThiDuaTest',
      accountType: 'BASIC',
      canJoinGroups: false,
    });
    expect(zalo.callsOf('getMe')).toHaveLength(1);
  });
});

describe('getUpdates', () => {
  it('returns a message a user sends while the long poll is waiting', async () => {
    const poll = client.getUpdates({ timeout: 30 });
    await zalo.waitForPoll();
    zalo.pushText(LAN, 'Xin chào Ban Tổ chức', { displayName: 'Nguyễn Thị Lan' });

    const update = await poll;
    expect(update).toMatchObject({
      kind: 'text',
      event_name: 'message.text.received',
      text: 'Xin chào Ban Tổ chức',
      message: {
        chat: { id: LAN, type: 'PRIVATE' },
        from: { id: LAN, displayName: 'Nguyễn Thị Lan', isBot: false },
      },
    });
    // Ids stay the opaque strings the Platform gave; dates are in milliseconds.
    expect(update?.kind === 'text' && typeof update.message.messageId).toBe('string');
    expect(update?.kind === 'text' && (update.message.date ?? 0) > 1_000_000_000_000).toBe(true);
  });

  it('asks with the documented parameter only: a timeout in seconds, as a string, and no offset', async () => {
    zalo.pushText(LAN, '/trogiup');
    await client.getUpdates({ timeout: 25 });
    expect(zalo.polls.map((p) => p.params)).toEqual([{ timeout: '25' }]);
  });

  it('answers null when the long poll ends with nothing (the Platform says 408)', async () => {
    const poll = client.getUpdates({ timeout: 30 });
    await zalo.waitForPoll();
    zalo.expirePolls();
    expect(await poll).toBeNull();
    expect(zalo.polls[0]?.answer).toEqual({ ok: false, error_code: 408, description: 'Request timeout' });
  });

  it('waits as long as the poll it asked for, whatever the bound of other calls', async () => {
    // With every other call bounded to 1 ms, a long poll bounded the same way could never see the event.
    const hasty = createZaloBotClient({ token: TOKEN, apiRoot: zalo.apiRoot, timeoutMs: 1 });
    const poll = hasty.getUpdates({ timeout: 30 });
    await zalo.waitForPoll();
    zalo.pushText(HUNG, '/bangxephang');
    expect(await poll).toMatchObject({ kind: 'text', text: '/bangxephang' });
  });

  it('hands out queued events one per call, each of its kind', async () => {
    zalo.pushImage(LAN, 'https://photo.zalo.example/abc.jpg', '/viectot Sửa máy in cho phòng');
    zalo.pushImage(HUNG, 'https://photo.zalo.example/no-caption.jpg');
    zalo.pushSticker(LAN, '0e078a2fb66a5f34067b');
    zalo.pushUnsupported(HUNG);
    zalo.pushEvent({ event_name: 'message.unsupported.received' });
    zalo.pushEvent({ event_name: 'message.voice.received', message: { anything: true } });
    zalo.pushEvent({
      event_name: 'message.image.received',
      message: { chat: { id: LAN }, from: { id: LAN }, photo_url: 'https://photo.zalo.example/u.jpg' },
    });

    const got = [];
    for (let i = 0; i < 7; i++) got.push(await client.getUpdates({ timeout: 0 }));
    expect(got).toMatchObject([
      {
        kind: 'image',
        photoUrl: 'https://photo.zalo.example/abc.jpg',
        caption: '/viectot Sửa máy in cho phòng',
        message: { from: { id: LAN } },
      },
      { kind: 'image', photoUrl: 'https://photo.zalo.example/no-caption.jpg', caption: undefined },
      {
        kind: 'sticker',
        sticker: '0e078a2fb66a5f34067b',
        stickerUrl: 'https://zalo.example/sticker/0e078a2fb66a5f34067b',
      },
      { kind: 'unsupported', message: { chat: { id: HUNG }, from: { id: HUNG } } },
      { kind: 'unsupported', message: undefined },
      { kind: 'unknown', event_name: 'message.voice.received' },
      { kind: 'image', photoUrl: 'https://photo.zalo.example/u.jpg' },
    ]);
    expect(await client.getUpdates({ timeout: 0 })).toBeNull();
  });

  it('reports an event that is not one, rather than inventing a message', async () => {
    zalo.pushEvent({
      event_name: 'message.text.received',
      message: { chat: { id: LAN }, text: 'no sender' },
    });
    const error = await failure(client.getUpdates({ timeout: 0 }));
    expect(error).toBeInstanceOf(ZaloBotHttpError);
    expect(error).toMatchObject({ method: 'getUpdates', reason: 'invalid-response' });
  });

  it('is refused while a webhook is set, and works again once it is deleted', async () => {
    await client.setWebhook({ url: 'https://thidua.example/zalo', secretToken: 'a-long-secret' });
    const error = await failure(client.getUpdates({ timeout: 0 }));
    expect(error).toMatchObject({ name: 'ZaloBotApiError', method: 'getUpdates', errorCode: 400 });
    await client.deleteWebhook();
    zalo.pushText(LAN, 'lại rồi');
    expect(await client.getUpdates({ timeout: 0 })).toMatchObject({ kind: 'text', text: 'lại rồi' });
  });

  it('stops waiting when the caller aborts (shutdown)', async () => {
    const stop = new AbortController();
    const poll = client.getUpdates({ timeout: 30, signal: stop.signal });
    await zalo.waitForPoll();
    stop.abort();
    const error = await failure(poll);
    expect(error).toBeInstanceOf(ZaloBotHttpError);
    expect(error).toMatchObject({ method: 'getUpdates', reason: 'aborted' });
  });
});

describe('sending', () => {
  it('sendMessage delivers the text and answers its message id', async () => {
    const sent = await client.sendMessage(LAN, 'Đã ghi nhận việc tốt VT12: +2 điểm.');
    expect(zalo.sent(LAN)).toEqual(['Đã ghi nhận việc tốt VT12: +2 điểm.']);
    expect(sent.messageId).toBe(zalo.sentMessages[0]?.messageId);
    expect(typeof sent.date).toBe('number');
  });

  it('sendMessage takes exactly 2,000 characters; an empty text or 2,001 are refused with 400', async () => {
    await client.sendMessage(LAN, 'ư'.repeat(2000));
    for (const text of ['', 'ư'.repeat(2001)]) {
      const error = await failure(client.sendMessage(LAN, text));
      expect(error).toBeInstanceOf(ZaloBotApiError);
      expect(error).toMatchObject({ method: 'sendMessage', errorCode: 400 });
    }
    expect(zalo.sent(LAN)).toHaveLength(1);
  });

  it('sendPhoto, sendSticker and sendChatAction send what they are given', async () => {
    await client.sendChatAction(LAN, 'typing');
    await client.sendPhoto(LAN, 'https://thidua.example/chart.png', 'Bảng xếp hạng tuần');
    await client.sendPhoto(HUNG, 'https://thidua.example/plain.png');
    await client.sendSticker(LAN, 'd063f44dc80821567819');
    expect(zalo.sentMessages).toMatchObject([
      {
        method: 'sendPhoto',
        chatId: LAN,
        photo: 'https://thidua.example/chart.png',
        caption: 'Bảng xếp hạng tuần',
      },
      { method: 'sendPhoto', chatId: HUNG, photo: 'https://thidua.example/plain.png' },
      { method: 'sendSticker', chatId: LAN, sticker: 'd063f44dc80821567819' },
    ]);
    expect(zalo.sentMessages[1]).not.toHaveProperty('caption');
    expect(zalo.callsOf('sendChatAction')[0]?.params).toEqual({ chat_id: LAN, action: 'typing' });
  });

  it('a webhook can be set, read back and deleted', async () => {
    const set = await client.setWebhook({ url: 'https://thidua.example/zalo', secretToken: 'a-long-secret' });
    expect(set.url).toBe('https://thidua.example/zalo');
    expect((await client.getWebhookInfo()).url).toBe('https://thidua.example/zalo');
    expect(zalo.webhookInfo()).toEqual({ url: 'https://thidua.example/zalo', secret: 'a-long-secret' });
    expect((await client.deleteWebhook()).url).toBe('');
    expect((await client.getWebhookInfo()).url).toBe('');
  });

  it('getWebhookInfo answering 404 (as some report when none is set) means no webhook', async () => {
    zalo.failNext('getWebhookInfo', 404, 'Not found');
    expect(await client.getWebhookInfo()).toEqual({ url: '', updatedAt: undefined });
    zalo.failNext('getWebhookInfo', 401, 'Unauthorized');
    await expect(client.getWebhookInfo()).rejects.toMatchObject({ errorCode: 401 });
  });
});

describe('errors', () => {
  it('429 quota exceeded surfaces as a ZaloBotApiError with its code, method and description', async () => {
    zalo.exceedQuota(1);
    const error = await failure(client.sendMessage(LAN, 'Nhắc việc tuần'));
    expect(error).toBeInstanceOf(ZaloBotApiError);
    expect(error).toMatchObject({
      name: 'ZaloBotApiError',
      code: 'ZALO_BOT_API',
      method: 'sendMessage',
      errorCode: 429,
      description: 'Quota exceeded',
    });
    expect(String(error)).toContain('sendMessage');
    expect(zalo.sent(LAN)).toEqual([]);
    await client.sendMessage(LAN, 'Nhắc việc tuần');
    expect(zalo.sent(LAN)).toEqual(['Nhắc việc tuần']);
  });

  it('401 once the token is revoked, with the token in no part of the error', async () => {
    zalo.revokeToken();
    const error = await failure(client.getMe());
    expect(error).toBeInstanceOf(ZaloBotApiError);
    expect(error).toMatchObject({ method: 'getMe', errorCode: 401, description: 'Unauthorized' });
    expect(shown(error)).not.toContain(TOKEN);
    zalo.restoreToken();
    expect((await client.getMe()).id).toBe('2718281828459045235');
  });

  it('an error answered with HTTP 200 is still an API error', async () => {
    const lax = await FakeZaloBotApiServer.start({ token: TOKEN, errorHttpStatus: 200 });
    try {
      lax.exceedQuota(1);
      const laxClient = createZaloBotClient({ token: TOKEN, apiRoot: lax.apiRoot });
      const error = await failure(laxClient.sendMessage(LAN, 'x'));
      expect(error).toMatchObject({ name: 'ZaloBotApiError', errorCode: 429 });
    } finally {
      await lax.close();
    }
  });

  it('a server that never answers ends in a timeout error naming only the method', async () => {
    const quick = createZaloBotClient({ token: TOKEN, apiRoot: zalo.apiRoot, timeoutMs: 20 });
    zalo.hang('sendMessage');
    const error = await failure(quick.sendMessage(LAN, 'Có ai không?'));
    expect(error).toBeInstanceOf(ZaloBotHttpError);
    expect(error).toMatchObject({ name: 'ZaloBotHttpError', code: 'ZALO_BOT_HTTP', method: 'sendMessage' });
    expect((error as ZaloBotHttpError).reason).toBe('timeout');
    expect(shown(error)).not.toContain(TOKEN);
  });

  it('a connection the far end drops is a network error without the token', async () => {
    // A listener that hangs up once the request arrives: no port is freed for another process to take.
    const rude = createNetServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = rude.address() as AddressInfo;
      const error = await failure(
        createZaloBotClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}` }).getMe(),
      );
      expect(error).toMatchObject({ name: 'ZaloBotHttpError', method: 'getMe', reason: 'network' });
      expect(String(error)).toContain('fetch failed');
      expect(shown(error)).not.toContain(TOKEN);
    } finally {
      await new Promise<void>((resolve) => rude.close(() => resolve()));
    }
  });

  it('a URL that cannot be built (its text holds the token) leaks nothing', async () => {
    const broken = createZaloBotClient({ token: TOKEN, apiRoot: 'http://127.0.0.1:notaport' });
    const error = await failure(broken.getMe());
    expect(error).toMatchObject({ name: 'ZaloBotHttpError', reason: 'network' });
    // fetch's own error carries the whole URL; what reaches a log must not.
    expect(shown(error)).toContain('[redacted]');
    expect(shown(error)).not.toContain(TOKEN);
    expect(shown(error)).not.toContain(encodeURIComponent(TOKEN));
  });

  it('an answer that is not the API JSON (a proxy error page) is an invalid response', async () => {
    const proxy = createZaloBotClient({
      token: TOKEN,
      apiRoot: zalo.apiRoot,
      fetch: async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
    });
    const error = await failure(proxy.sendMessage(LAN, 'x'));
    expect(error).toMatchObject({ name: 'ZaloBotHttpError', reason: 'invalid-response', status: 502 });
  });
});
