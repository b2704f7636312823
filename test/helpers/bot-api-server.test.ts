import { Bot, GrammyError, HttpError, InputFile } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundedRetries, DEFAULT_LIMITS } from '../../bot/telegram/api.js';
import { FakeBotApiServer, parseHtml } from './bot-api-server.js';

let server: FakeBotApiServer;
let bot: Bot | undefined;
let polling: Promise<unknown> | undefined;

beforeEach(async () => {
  server = await FakeBotApiServer.start();
});

afterEach(async () => {
  if (bot?.isRunning()) await bot.stop();
  await polling;
  await server.close();
  bot = undefined;
  polling = undefined;
});

function newBot(): Bot {
  bot = new Bot(server.token, { client: { apiRoot: server.apiRoot } });
  return bot;
}

/** Starts long polling; resolves with the error bot.start() ended with, if any. */
function startPolling(b: Bot, timeout = 1): Promise<unknown> {
  polling = b.start({ timeout }).then(
    () => undefined,
    (err: unknown) => err,
  );
  return polling;
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface RawJson {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

/** Raw call to the fake, bypassing grammY. */
async function raw(
  method: string,
  body: unknown = {},
  token = server.token,
): Promise<{ status: number; json: RawJson }> {
  const res = await fetch(`${server.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as RawJson };
}

/** A PNG header is all the fake reads to learn the dimensions. */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

/** Edit methods answer `true` for inline messages; these tests only edit chat messages. */
function asMessage(result: true | Message): Message {
  if (result === true) throw new Error('expected a Message, got true');
  return result;
}

async function apiError(p: Promise<unknown>): Promise<GrammyError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(err)}`);
  return err;
}

describe('FakeBotApiServer with a real grammY bot', () => {
  it('long polling receives pushed updates in order, and the offset confirms each exactly once', async () => {
    const b = newBot();
    const seen: number[] = [];
    b.on('message:text', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    const ids = [1, 2, 3].map((n) => server.pushMessage({ chatId: 42, text: `tin ${n}` }).updateId);
    startPolling(b);
    await until(() => seen.length === 3);
    ids.push(server.pushMessage({ chatId: 42, text: 'tin 4' }).updateId);
    await until(() => seen.length === 4 && server.isPolling); // the next one wakes a held poll
    ids.push(
      server.pushMessage({ chatId: -100123, text: 'tin 5', from: { id: 7, first_name: 'Lan' } }).updateId,
    );
    await until(() => seen.length === 5);
    await b.stop();
    await polling;

    expect(seen).toEqual(ids);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    const delivered = server.deliveries.flatMap((d) => d.updateIds);
    expect([...delivered].sort((x, y) => x - y)).toEqual(ids);
    expect(server.pendingUpdateCount).toBe(0);
    // grammY's init and stop calls are recorded too; getUpdates never is.
    expect(server.calls.map((c) => c.method)).toEqual(['getMe', 'deleteWebhook']);
  });

  it('answers a held long poll as soon as an update is pushed', async () => {
    const b = newBot();
    let handledAt = 0;
    b.on('message', () => {
      handledAt = Date.now();
    });
    startPolling(b, 10);
    await until(() => server.isPolling);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.deliveries).toEqual([]); // the poll is still held by the fake
    const pushedAt = Date.now();
    server.pushMessage({ chatId: 42, text: 'ngay' });
    await until(() => handledAt > 0);
    expect(handledAt - pushedAt).toBeLessThan(500);
  });

  it('a reply via ctx.reply lands in calls, with a realistic Message answered', async () => {
    const b = newBot();
    b.command('start', (ctx) => ctx.reply('Xin chào <b>bạn</b>', { parse_mode: 'HTML' }));
    startPolling(b);
    const { message } = server.pushMessage({
      chatId: 42,
      text: '/start',
      from: { id: 42, first_name: 'Minh' },
    });
    expect(message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const call = await server.waitForCall('sendMessage');
    expect(call.params).toMatchObject({ chat_id: 42, text: 'Xin chào <b>bạn</b>', parse_mode: 'HTML' });
    expect(call.response?.ok).toBe(true);
    const sent = (call.response as { result: Message }).result;
    expect(sent).toMatchObject({
      message_id: message.message_id + 1,
      chat: { id: 42, type: 'private', first_name: 'Minh' },
      from: { id: server.botInfo.id, is_bot: true, username: 'thidua_test_bot' },
      text: 'Xin chào bạn',
      entities: [{ type: 'bold', offset: 9, length: 3 }],
    });
  });

  it('setMyCommands is recorded with its language_code and read back per language', async () => {
    const b = newBot();
    await b.api.setMyCommands([{ command: 'diem', description: 'Xem điểm thi đua' }], {
      language_code: 'vi',
    });
    const [call] = server.callsOf('setMyCommands');
    expect(call?.params).toEqual({
      commands: [{ command: 'diem', description: 'Xem điểm thi đua' }],
      language_code: 'vi',
    });
    expect(await b.api.getMyCommands({ language_code: 'vi' })).toEqual([
      { command: 'diem', description: 'Xem điểm thi đua' },
    ]);
    expect(await b.api.getMyCommands()).toEqual([]);
    expect(server.commandsFor('vi')).toHaveLength(1);
    const err = await apiError(b.api.setMyCommands([{ command: 'Diem', description: 'x' }]));
    expect(err.description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('sendDocument with an InputFile is recorded with filename and exact bytes', async () => {
    const b = newBot();
    const bytes = Buffer.from('PK\u0003\u0004 fake xlsx bytes \u0000\u00ff');
    const msg = await b.api.sendDocument(-100555, new InputFile(bytes, 'report.xlsx'), {
      caption: 'Báo cáo <i>quý 1</i>',
      parse_mode: 'HTML',
    });
    const [call] = server.callsOf('sendDocument');
    expect(call?.files).toHaveLength(1);
    const file = call?.files[0];
    expect(file?.field).toBe('document');
    expect(file?.filename).toBe('report.xlsx');
    expect(file?.size).toBe(bytes.length);
    expect(file?.data.equals(bytes)).toBe(true);
    // multipart fields are decoded back to what a JSON body would carry
    expect(call?.params.chat_id).toBe(-100555);
    expect(call?.params.caption).toBe('Báo cáo <i>quý 1</i>');
    expect(String(call?.params.document)).toMatch(/^attach:\/\//);
    expect(msg.chat).toMatchObject({ id: -100555, type: 'supergroup' });
    expect(msg.document).toMatchObject({
      file_name: 'report.xlsx',
      file_size: bytes.length,
      mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(msg.caption).toBe('Báo cáo quý 1');
    expect(msg.caption_entities).toEqual([{ type: 'italic', offset: 8, length: 5 }]);

    // the file_id can be re-sent (JSON body, no upload) and downloaded through getFile
    const fileId = msg.document?.file_id ?? '';
    const again = await b.api.sendDocument(42, fileId);
    expect(again.document?.file_id).toBe(fileId);
    expect(server.callsOf('sendDocument')[1]?.files).toEqual([]);
    const info = await b.api.getFile(fileId);
    const download = await fetch(`${server.apiRoot}/file/bot${server.token}/${info.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('keeps non-ASCII file names intact (grammY writes them unquoted, UTF-8)', async () => {
    const b = newBot();
    const msg = await b.api.sendDocument(42, new InputFile(Buffer.from('x'), 'Báo cáo thi đua; quý 1.xlsx'));
    expect(server.callsOf('sendDocument')[0]?.files[0]?.filename).toBe('Báo cáo thi đua; quý 1.xlsx');
    expect(msg.document?.file_name).toBe('Báo cáo thi đua; quý 1.xlsx');
    const empty = await apiError(b.api.sendDocument(42, new InputFile(Buffer.alloc(0), 'a.txt')));
    expect(empty.description).toBe('Bad Request: file must be non-empty');
  });

  it('a 429 with retry_after 1 is retried by the bot’s bounded retries and the message arrives once', async () => {
    const b = newBot();
    b.api.config.use(boundedRetries(DEFAULT_LIMITS, new AbortController().signal));
    server.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      retry_after: 1,
    });
    const started = Date.now();
    const msg = await b.api.sendMessage(42, 'Kết quả tuần');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const calls = server.callsOf('sendMessage');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.response).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(calls[1]?.response?.ok).toBe(true);
    expect(server.messagesIn(42).map((m) => m.text)).toEqual(['Kết quả tuần']);
    expect(msg.message_id).toBe(1);
  });

  it('without retries a 429 surfaces as GrammyError carrying retry_after', async () => {
    const b = newBot();
    server.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      retry_after: 7,
    });
    const err = await apiError(b.api.sendMessage(42, 'x'));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBe(7);
    expect(await b.api.sendMessage(42, 'y')).toMatchObject({ text: 'y' });
  });

  it('refuses unescaped <x> in HTML parse_mode with 400, accepts the escaped text', async () => {
    const b = newBot();
    const err = await apiError(b.api.sendMessage(42, 'Tên: <x>', { parse_mode: 'HTML' }));
    expect(err.error_code).toBe(400);
    // byte offset counts UTF-8 bytes like Telegram: "Tên: " is 6 bytes
    expect(err.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 6',
    );
    const ok = await b.api.sendMessage(42, 'Tên: &lt;x&gt; &amp; "y"', { parse_mode: 'HTML' });
    expect(ok.text).toBe('Tên: <x> & "y"');
    expect(server.messagesIn(42)).toHaveLength(1);
  });

  it('a dropped connection surfaces as grammY HttpError without retries', async () => {
    const b = newBot();
    server.dropNext('sendMessage');
    const err = await b.api.sendMessage(42, 'mất kết nối').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    expect(server.callsOf('sendMessage')[0]?.response).toBeNull();
    // the next call goes through on a fresh connection
    expect(await b.api.sendMessage(42, 'lại')).toMatchObject({ text: 'lại' });
  });

  it('a second bot polling the same token makes the first one stop with 409', async () => {
    const first = newBot();
    const firstEnded = startPolling(first, 5);
    await until(() => server.isPolling);
    const second = await raw('getUpdates', { timeout: 0 });
    expect(second.json).toEqual({ ok: true, result: [] });
    const err = await firstEnded;
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(409);
  });
});

describe('FakeBotApiServer protocol details', () => {
  it('401 for a wrong token, 404 for an unknown method, case-insensitive method names', async () => {
    expect(await raw('getMe', {}, '1:wrong')).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await raw('sendTelepathy')).toEqual({
      status: 404,
      json: { ok: false, error_code: 404, description: 'Not Found: method not found' },
    });
    const me = await raw('GETME');
    expect(me.json.result).toMatchObject({
      username: 'thidua_test_bot',
      is_bot: true,
      can_join_groups: true,
    });
    expect(server.calls.map((c) => c.method)).toEqual(['sendTelepathy', 'getMe']);
  });

  it('terminates the older of two concurrent getUpdates with 409, like Telegram', async () => {
    const older = raw('getUpdates', { timeout: 5 });
    await until(() => server.isPolling);
    const newer = raw('getUpdates', { timeout: 5 });
    const o = await older;
    expect(o.status).toBe(409);
    expect(o.json.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    server.pushUpdate({
      message: {
        message_id: 1,
        date: 1_700_000_000,
        chat: { id: 1, type: 'private', first_name: 'A' },
        from: { id: 1, is_bot: false, first_name: 'A' },
        text: 'hi',
      },
    });
    expect((await newer).json.result).toHaveLength(1);
  });

  it('getUpdates honours offset and limit, and waits at most `timeout` seconds', async () => {
    for (let n = 0; n < 3; n += 1) server.pushMessage({ chatId: 5, text: String(n) });
    expect(((await raw('getUpdates', { limit: 2 })).json.result as Update[]).map((u) => u.update_id)).toEqual(
      [1, 2],
    );
    expect((await raw('getUpdates', { offset: 3 })).json.result).toHaveLength(1);
    expect(server.pendingUpdateCount).toBe(1);
    const started = Date.now();
    expect((await raw('getUpdates', { offset: 4, timeout: 1 })).json.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('close() ends a pending long poll with an empty result', async () => {
    const pending = raw('getUpdates', { timeout: 30 });
    await until(() => server.isPolling);
    const started = Date.now();
    await server.close();
    expect((await pending).json).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('waitForCall resolves with earlier calls and rejects with a clear error on timeout', async () => {
    await raw('sendChatAction', { chat_id: 1, action: 'typing' });
    expect((await server.waitForCall((c) => c.method === 'sendChatAction')).params.action).toBe('typing');
    await expect(server.waitForCall('sendPhoto', 50)).rejects.toThrow(
      /waitForCall: no sendPhoto call within 50 ms \(calls so far: sendChatAction\)/,
    );
  });

  it('validates message text like Telegram', async () => {
    const b = newBot();
    expect((await apiError(b.api.sendMessage(42, '   '))).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await b.api.sendMessage(42, 'a'.repeat(4096))).text).toHaveLength(4096);
    // length is counted in UTF-16 code units: 2049 emoji are 4098 units
    expect((await apiError(b.api.sendMessage(42, '😀'.repeat(2049)))).description).toBe(
      'Bad Request: message is too long',
    );
    expect((await apiError(b.api.sendMessage(42, 'x', { parse_mode: 'Bogus' as 'HTML' }))).description).toBe(
      'Bad Request: unsupported parse_mode',
    );
    const tooLongData = 'đ'.repeat(33); // 66 bytes
    const bad = await apiError(
      b.api.sendMessage(42, 'x', {
        reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: tooLongData }]] },
      }),
    );
    expect(bad.description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('editMessageText: unknown message, not modified, keyboard dropped when reply_markup is omitted', async () => {
    const b = newBot();
    const missing = await apiError(b.api.editMessageText(42, 99, 'x'));
    expect(missing.description).toBe('Bad Request: message to edit not found');

    const keyboard = { inline_keyboard: [[{ text: 'Duyệt', callback_data: 'ok:1' }]] };
    const sent = await b.api.sendMessage(42, 'Chờ duyệt', { reply_markup: keyboard });
    expect(sent.reply_markup).toEqual(keyboard);
    const same = await apiError(
      b.api.editMessageText(42, sent.message_id, 'Chờ duyệt', { reply_markup: keyboard }),
    );
    expect(same.description).toMatch(/^Bad Request: message is not modified/);

    const edited = asMessage(await b.api.editMessageText(42, sent.message_id, 'Đã duyệt'));
    expect(edited).toMatchObject({ text: 'Đã duyệt', message_id: sent.message_id });
    expect(edited.reply_markup).toBeUndefined();
    expect(typeof edited.edit_date).toBe('number');
    expect(server.getMessage(42, sent.message_id)?.text).toBe('Đã duyệt');

    const { message } = server.pushMessage({ chatId: 42, text: 'của người dùng' });
    const notOwn = await apiError(b.api.editMessageText(42, message.message_id, 'x'));
    expect(notOwn.description).toBe("Bad Request: message can't be edited");

    const withKb = asMessage(
      await b.api.editMessageReplyMarkup(42, sent.message_id, { reply_markup: keyboard }),
    );
    expect(withKb.reply_markup).toEqual(keyboard);
  });

  it('callback queries can be answered once', async () => {
    const b = newBot();
    const sent = await b.api.sendMessage(-100777, 'Bình chọn', {
      reply_markup: { inline_keyboard: [[{ text: 'Có', callback_data: 'vote:yes' }]] },
    });
    const { callbackQuery } = server.pushCallbackQuery({ message: sent, data: 'vote:yes', from: { id: 9 } });
    expect(callbackQuery.message?.chat.id).toBe(-100777);
    expect(await b.api.answerCallbackQuery(callbackQuery.id, { text: 'Đã ghi nhận' })).toBe(true);
    const twice = await apiError(b.api.answerCallbackQuery(callbackQuery.id));
    expect(twice.description).toMatch(/query is too old/);
  });

  it('getChatMember answers what setChatMember set, otherwise left', async () => {
    const b = newBot();
    server.setChatMember(-100777, 9, 'administrator');
    const admin = await b.api.getChatMember(-100777, 9);
    expect(admin).toMatchObject({ status: 'administrator', user: { id: 9, is_bot: false } });
    expect((await b.api.getChatMember(-100777, 10)).status).toBe('left');
    server.setChatMember(-100777, 10, 'kicked');
    expect(await b.api.getChatMember(-100777, 10)).toMatchObject({ status: 'kicked', until_date: 0 });
  });

  it('sendPhoto reads image dimensions and refuses data that is not an image', async () => {
    const b = newBot();
    const msg = await b.api.sendPhoto(42, new InputFile(pngHeader(1600, 900), 'chart.png'));
    const sizes = msg.photo ?? [];
    expect(sizes.map((s) => s.width)).toEqual([90, 320, 800, 1280, 1600]);
    expect(sizes.at(-1)).toMatchObject({ width: 1600, height: 900 });
    const reused = await b.api.sendPhoto(43, sizes.at(-1)?.file_id ?? '');
    expect(reused.photo?.at(-1)?.file_id).toBe(sizes.at(-1)?.file_id);
    const notImage = await apiError(b.api.sendPhoto(42, new InputFile(Buffer.from('hello'), 'a.png')));
    expect(notImage.description).toBe('Bad Request: IMAGE_PROCESS_FAILED');
    const badId = await apiError(b.api.sendPhoto(42, 'made-up-file-id'));
    expect(badId.description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
  });
});

describe('parseHtml (Telegram HTML parse mode)', () => {
  const fails = (html: string): string => {
    try {
      parseHtml(html);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it.each([
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['<x>', 'Unsupported start tag "x" at byte offset 0'],
    ['<b>bold', 'Can\'t find end tag corresponding to start tag "b"'],
    ['bold</b>', 'Unexpected end tag at byte offset 4'],
    ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['trailing <', 'Unclosed start tag at byte offset 9'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['<a href=x y>t</a>', 'no error'],
    ['<b class=x!>t</b>', 'Unexpected end of name token at byte offset 10'],
  ])('%s', (html, expected) => {
    const message = fails(html);
    expect(message).toBe(
      expected === 'no error' ? expected : `Bad Request: can't parse entities: ${expected}`,
    );
  });

  it('decodes entities and builds entities with UTF-16 offsets', () => {
    const r = parseHtml(
      '😀 <b>đậm <i>nghiêng</i></b> &lt;3 &#39;x&#x27; &nbsp; <a href="https://t.me/a?b=1&amp;c=2">link</a> <span class="tg-spoiler">s</span> <pre><code class="language-ts">1</code></pre>',
    );
    expect(r.text).toBe("😀 đậm nghiêng <3 'x' &nbsp; link s 1");
    expect(r.entities).toEqual([
      { type: 'bold', offset: 3, length: 11 },
      { type: 'italic', offset: 7, length: 7 },
      { type: 'text_link', offset: 29, length: 4, url: 'https://t.me/a?b=1&c=2' },
      { type: 'spoiler', offset: 34, length: 1 },
      { type: 'pre', offset: 36, length: 1, language: 'ts' },
    ]);
  });
});
