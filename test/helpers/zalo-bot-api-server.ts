/**
 * A loopback stand-in of the official Zalo Bot Platform (bot-api.zaloplatforms.com), on 127.0.0.1.
 *
 *   const zalo = await FakeZaloBotApiServer.start();
 *   const client = createZaloBotClient({ token: zalo.token, apiRoot: zalo.apiRoot });
 *
 * It answers the way docs/zalo-bot-platform.md describes: `POST /bot<TOKEN>/<method>` (GET and a query
 * string work too), method names case-sensitive, answers `{ ok, result }` / `{ ok: false, error_code,
 * description }`. getUpdates long-polls and hands out one event per call, with no offset (the Platform
 * has none); an idle poll ends with error 408, as the Platform's does. Texts and captions are 1 to 2,000
 * characters (counted in UTF-16 units, the strictest reading). Where the documentation is silent the
 * stand-in picks something and says so: the HTTP status of an error (its error_code, unless told 200)
 * and the 400 for getUpdates while a webhook is set.
 *
 * Test controls: push*() queue an event from a user, waitForPoll() resolves when a long poll is waiting,
 * expirePolls() ends waiting polls now, revokeToken() makes every call answer 401 until restoreToken(),
 * exceedQuota(n) makes the next n sends answer 429, failNext() any error, hang() a call that never
 * answers, deliverToWebhook() POSTs an event to the webhook set with setWebhook.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

type Json = Record<string, unknown>;

export type ZaloApiAnswer =
  | { ok: true; result?: unknown }
  | { ok: false; error_code: number; description: string };

/** One call as the stand-in received it (getUpdates calls are in `polls`). */
export interface ZaloRecordedCall {
  method: string;
  params: Json;
  at: number;
  /** What was answered; null while a hung call is held, or for a call that was never answered. */
  answer: ZaloApiAnswer | null;
}

/** One getUpdates call: its parameters, and the event handed out (null: it ended without one). */
export interface ZaloPoll {
  params: Json;
  at: number;
  delivered: Json | null;
  answer: ZaloApiAnswer | null;
}

/** A message the bot sent successfully. */
export interface ZaloSentMessage {
  method: 'sendMessage' | 'sendPhoto' | 'sendSticker';
  chatId: string;
  text?: string;
  photo?: string;
  caption?: string;
  sticker?: string;
  messageId: string;
  date: number;
}

export interface FakeZaloBotApiOptions {
  token?: string;
  /** Overrides of getMe's answer. */
  botInfo?: Json;
  /** HTTP status of error answers: the error_code itself (default) or always 200. */
  errorHttpStatus?: 'error-code' | 200;
}

export interface PushOptions {
  displayName?: string;
  /** The chat; a private chat's id is the user's (the default). */
  chatId?: string;
  chatType?: 'PRIVATE' | 'GROUP';
}

interface PendingPoll {
  res: ServerResponse;
  poll: ZaloPoll;
  timer: NodeJS.Timeout;
}

const DEFAULT_TOKEN = '3141592653589793238:FakeZaloBotToken-for-the-stand-in_0123';
export const TEXT_MAX = 2000;
const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendSticker']);
const CHAT_ACTIONS = new Set(['typing', 'upload_photo']);
const MAX_BODY = 1024 * 1024;

class ApiFailure extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
  }
}
const badRequest = (what: string) => new ApiFailure(400, `Bad request: ${what}`);

/** An opaque id shaped like the Platform's (20 hex digits). */
export const zaloId = (): string => randomBytes(10).toString('hex');

export class FakeZaloBotApiServer {
  /** e.g. http://127.0.0.1:PORT */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: Json;
  /** Every call except getUpdates, in arrival order. */
  readonly calls: ZaloRecordedCall[] = [];
  readonly polls: ZaloPoll[] = [];
  readonly sentMessages: ZaloSentMessage[] = [];

  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly errorHttpStatus: 'error-code' | 200;
  private queue: Json[] = [];
  private pending: PendingPoll[] = [];
  private pollWaiters: (() => void)[] = [];
  private readonly failures = new Map<string, { error: ApiFailure; remaining: number }[]>();
  private readonly hangs = new Map<string, number>();
  private readonly held = new Set<ServerResponse>();
  private quotaFailures = 0;
  private revoked = false;
  private webhook: { url: string; secret: string; updatedAt: number } | null = null;
  private closed = false;
  private readonly files = new Map<string, { data: Buffer; type: string }>();
  /** getUpdates calls received so far (answered or waiting). */
  private pollsSeen = 0;

  private constructor(server: Server, port: number, options: FakeZaloBotApiOptions) {
    this.server = server;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    this.errorHttpStatus = options.errorHttpStatus ?? 'error-code';
    this.botInfo = {
      id: this.token.split(':')[0] ?? '1459232241454765289',
      account_name: 'bot.ThiDuaTest',
      account_type: 'BASIC',
      can_join_groups: false,
      ...options.botInfo,
    };
  }

  static async start(options: FakeZaloBotApiOptions = {}): Promise<FakeZaloBotApiServer> {
    const server = createServer();
    server.requestTimeout = 0; // long polls
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const fake = new FakeZaloBotApiServer(server, (server.address() as AddressInfo).port, options);
    server.on('connection', (socket: Socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      fake.handle(req, res).catch((error: unknown) => {
        console.error('FakeZaloBotApiServer bug:', error);
        if (!res.headersSent)
          fake.reply(res, { ok: false, error_code: 400, description: `stand-in bug: ${error}` });
      });
    });
    return fake;
  }

  // ---------------------------------------------------------------- events from users

  /** Queues a text message from a user (wakes a waiting long poll); returns the event as sent. */
  pushText(userId: string, text: string, options: PushOptions = {}): Json {
    return this.pushEvent({
      event_name: 'message.text.received',
      message: { ...this.messageHead(userId, options), text },
    });
  }

  /** An image: the Platform gives its URL, and the caption if there was one. */
  pushImage(userId: string, photoUrl: string, caption?: string, options: PushOptions = {}): Json {
    const message: Json = { ...this.messageHead(userId, options), photo: photoUrl };
    if (caption !== undefined) message.caption = caption;
    return this.pushEvent({ event_name: 'message.image.received', message });
  }

  pushSticker(userId: string, sticker: string, options: PushOptions = {}): Json {
    return this.pushEvent({
      event_name: 'message.sticker.received',
      message: {
        ...this.messageHead(userId, options),
        sticker,
        url: `https://zalo.example/sticker/${sticker}`,
      },
    });
  }

  /** A protected user's message: who and where, never the content. */
  pushUnsupported(userId: string, options: PushOptions = {}): Json {
    return this.pushEvent({
      event_name: 'message.unsupported.received',
      message: this.messageHead(userId, options),
    });
  }

  /** Queues any event as is (e.g. an event name the documentation does not list). */
  pushEvent(event: Json): Json {
    const copy = structuredClone(event);
    let waiting = this.pending.shift();
    while (waiting?.res.destroyed) waiting = this.pending.shift();
    if (waiting) this.answerPoll(waiting, copy);
    else this.queue.push(copy);
    return structuredClone(event);
  }

  // ---------------------------------------------------------------- controls

  /**
   * Serves `data` at a URL of this server, as Zalo serves a user's photo (`image/jpeg` by default); the
   * URL goes into pushImage.
   */
  servePhoto(data: Buffer, type = 'image/jpeg'): string {
    const id = zaloId();
    this.files.set(id, { data, type });
    return `${this.apiRoot}/files/${id}`;
  }

  /** Events pushed but not yet handed out by getUpdates. */
  get undelivered(): number {
    return this.queue.length;
  }

  /** How many getUpdates calls arrived so far (the bot polls again only once it took the last event). */
  get pollCount(): number {
    return this.pollsSeen;
  }

  /** Resolves once a getUpdates call is waiting (at once if one is). */
  waitForPoll(): Promise<void> {
    if (this.pending.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.pollWaiters.push(resolve));
  }

  /** Ends every waiting long poll now, as its timeout would (error 408). */
  expirePolls(): void {
    for (const waiting of this.pending.splice(0)) this.answerPoll(waiting, null);
  }

  /** The token stops working (as after a reset in Zalo Bot Creator): every call answers 401. */
  revokeToken(): void {
    this.revoked = true;
  }

  restoreToken(): void {
    this.revoked = false;
  }

  /** The next `times` sends (sendMessage, sendPhoto, sendSticker) answer 429 Quota exceeded. */
  exceedQuota(times = 1): void {
    this.quotaFailures += times;
  }

  /** The next `times` calls of `method` answer this error. */
  failNext(method: string, errorCode: number, description: string, times = 1): void {
    const list = this.failures.get(method) ?? [];
    list.push({ error: new ApiFailure(errorCode, description), remaining: times });
    this.failures.set(method, list);
  }

  /** The next `times` calls of `method` are never answered (held until the client gives up or close()). */
  hang(method: string, times = 1): void {
    this.hangs.set(method, (this.hangs.get(method) ?? 0) + times);
  }

  /** Texts the bot sent to a chat with sendMessage, in order. */
  sent(chatId: string): string[] {
    return this.sentMessages
      .filter((m) => m.chatId === chatId && m.method === 'sendMessage')
      .map((m) => m.text ?? '');
  }

  callsOf(method: string): ZaloRecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The webhook set with setWebhook, if any. */
  webhookInfo(): { url: string; secret: string } | null {
    return this.webhook ? { url: this.webhook.url, secret: this.webhook.secret } : null;
  }

  /** POSTs an event to the webhook as the Platform does (envelope, secret header); answers the status. */
  async deliverToWebhook(event: Json): Promise<number> {
    if (!this.webhook) throw new Error('deliverToWebhook: no webhook is set');
    const response = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': this.webhook.secret },
      body: JSON.stringify({ ok: true, result: event }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.expirePolls();
    for (const res of this.held) res.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/files\/([^/]+)$/.exec(url.pathname);
    if (file && req.method === 'GET') {
      const served = this.files.get(file[1] ?? '');
      if (!served) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': served.type, 'content-length': served.data.length });
      res.end(served.data);
      return;
    }
    const body = await readBody(req);
    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!route) return this.reply(res, failure(new ApiFailure(404, 'Not found')));
    const token = decodeURIComponent(route[1] ?? '');
    const method = route[2] ?? '';
    if (token !== this.token || this.revoked)
      return this.reply(res, failure(new ApiFailure(401, 'Unauthorized')));

    let params: Json;
    try {
      params = { ...Object.fromEntries(url.searchParams), ...decodeBody(req, body) };
    } catch (error) {
      return this.reply(res, failure(error instanceof ApiFailure ? error : badRequest(String(error))));
    }
    const at = Date.now();

    if (this.takeHang(method)) {
      res.on('close', () => this.held.delete(res));
      this.held.add(res);
      if (method !== 'getUpdates') this.calls.push({ method, params, at, answer: null });
      return;
    }
    const injected = this.takeFailure(method);
    if (injected) {
      const answer = failure(injected);
      if (method === 'getUpdates') this.polls.push({ params, at, delivered: null, answer });
      else this.calls.push({ method, params, at, answer });
      return this.reply(res, answer);
    }
    if (method === 'getUpdates') {
      this.pollsSeen += 1;
      return this.getUpdates(params, at, res);
    }

    let answer: ZaloApiAnswer;
    try {
      answer = this.run(method, params);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      answer = failure(error);
    }
    this.calls.push({ method, params, at, answer });
    this.reply(res, answer);
  }

  private run(method: string, params: Json): ZaloApiAnswer {
    if (SEND_METHODS.has(method) && this.quotaFailures > 0) {
      this.quotaFailures -= 1;
      throw new ApiFailure(429, 'Quota exceeded');
    }
    switch (method) {
      case 'getMe':
        return { ok: true, result: { ...this.botInfo } };
      case 'sendMessage': {
        const chatId = requiredString(params, 'chat_id');
        const text = textParam(params, 'text', true) as string;
        return { ok: true, result: this.record({ method, chatId, text }) };
      }
      case 'sendPhoto': {
        const chatId = requiredString(params, 'chat_id');
        const photo = requiredString(params, 'photo');
        const caption = textParam(params, 'caption', false);
        return {
          ok: true,
          result: this.record({ method, chatId, photo, ...(caption === undefined ? {} : { caption }) }),
        };
      }
      case 'sendSticker': {
        const chatId = requiredString(params, 'chat_id');
        const sticker = requiredString(params, 'sticker');
        return { ok: true, result: this.record({ method, chatId, sticker }) };
      }
      case 'sendChatAction': {
        requiredString(params, 'chat_id');
        const action = requiredString(params, 'action');
        if (!CHAT_ACTIONS.has(action)) throw badRequest(`unknown action "${action}"`);
        return { ok: true }; // no result, as documented
      }
      case 'setWebhook': {
        const url = requiredString(params, 'url');
        const secret = requiredString(params, 'secret_token');
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          throw badRequest('url is not a URL');
        }
        // HTTPS, as the Platform requires; plain HTTP only to loopback, so tests can receive.
        const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
        if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
          throw badRequest('url must be HTTPS');
        }
        if (secret.length < 8 || secret.length > 256)
          throw badRequest('secret_token must be 8 to 256 characters');
        this.webhook = { url, secret, updatedAt: Date.now() };
        return { ok: true, result: { url, updated_at: this.webhook.updatedAt } };
      }
      case 'deleteWebhook':
        this.webhook = null;
        return { ok: true, result: { url: '', updated_at: Date.now() } };
      case 'getWebhookInfo':
        return {
          ok: true,
          result: { url: this.webhook?.url ?? '', updated_at: this.webhook?.updatedAt ?? 0 },
        };
      default:
        // The documentation's 400: "wrong path or invalid API name" (names are case-sensitive).
        throw badRequest(`unknown method "${method}"`);
    }
  }

  private record(message: Omit<ZaloSentMessage, 'messageId' | 'date'>): Json {
    const full: ZaloSentMessage = { ...message, messageId: zaloId(), date: Date.now() };
    this.sentMessages.push(full);
    return { message_id: full.messageId, date: full.date };
  }

  // ---------------------------------------------------------------- getUpdates

  private getUpdates(params: Json, at: number, res: ServerResponse): void {
    const poll: ZaloPoll = { params, at, delivered: null, answer: null };
    this.polls.push(poll);
    const raw = params.timeout ?? '30';
    const seconds =
      typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
    let refusal: ApiFailure | undefined;
    // The documentation only says getUpdates "does not work" while a webhook is set; the code is ours.
    if (this.webhook) refusal = badRequest('a webhook is set: call deleteWebhook before getUpdates');
    else if (!Number.isInteger(seconds) || seconds < 0)
      refusal = badRequest('timeout must be a number of seconds');
    if (refusal) {
      poll.answer = failure(refusal);
      this.reply(res, poll.answer);
      return;
    }
    const next = this.queue.shift();
    if (next || seconds === 0) {
      this.finish(res, poll, next ?? null);
      return;
    }

    const waiting: PendingPoll = {
      res,
      poll,
      timer: setTimeout(() => {
        this.pending = this.pending.filter((p) => p !== waiting);
        this.finish(res, poll, null);
      }, seconds * 1000),
    };
    // A client that gave up must not be handed an event: it would be lost.
    res.on('close', () => {
      clearTimeout(waiting.timer);
      this.pending = this.pending.filter((p) => p !== waiting);
    });
    this.pending.push(waiting);
    for (const wake of this.pollWaiters.splice(0)) wake();
  }

  private answerPoll(waiting: PendingPoll, event: Json | null): void {
    clearTimeout(waiting.timer);
    this.finish(waiting.res, waiting.poll, event);
  }

  private finish(res: ServerResponse, poll: ZaloPoll, event: Json | null): void {
    poll.delivered = event;
    poll.answer = event ? { ok: true, result: event } : failure(new ApiFailure(408, 'Request timeout'));
    this.reply(res, poll.answer);
  }

  // ---------------------------------------------------------------- plumbing

  private messageHead(userId: string, options: PushOptions): Json {
    const from: Json = {
      id: userId,
      display_name: options.displayName ?? `Người dùng ${userId.slice(0, 4)}`,
      is_bot: false,
    };
    return {
      from,
      chat: { id: options.chatId ?? userId, chat_type: options.chatType ?? 'PRIVATE' },
      message_id: zaloId(),
      date: Date.now(),
    };
  }

  private takeHang(method: string): boolean {
    const n = this.hangs.get(method) ?? 0;
    if (n <= 0) return false;
    this.hangs.set(method, n - 1);
    return true;
  }

  private takeFailure(method: string): ApiFailure | undefined {
    const list = this.failures.get(method);
    const first = list?.[0];
    if (!list || !first) return undefined;
    first.remaining -= 1;
    if (first.remaining <= 0) list.shift();
    return first.error;
  }

  private reply(res: ServerResponse, answer: ZaloApiAnswer): void {
    if (res.destroyed || res.writableEnded) return;
    const status = answer.ok || this.errorHttpStatus === 200 ? 200 : answer.error_code;
    const text = JSON.stringify(answer);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }
}

function failure(error: ApiFailure): ZaloApiAnswer {
  return { ok: false, error_code: error.errorCode, description: error.description };
}

function requiredString(params: Json, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw badRequest(`${name} is required`);
  return value;
}

/** text / caption: 1 to 2,000 characters when present. */
function textParam(params: Json, name: string, required: boolean): string | undefined {
  const value = params[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length < 1 || value.length > TEXT_MAX) {
    throw badRequest(`${name} must be 1 to ${TEXT_MAX} characters`);
  }
  return value;
}

function decodeBody(req: IncomingMessage, body: Buffer): Json {
  if (body.length === 0) return {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  if (type === 'application/json' || type === '') {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest('the body is not JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw badRequest('the body is not an object');
    return json as Json;
  }
  // The Platform takes multipart too (file uploads); nothing here needs it.
  throw badRequest(`content type ${type} is not supported by the stand-in`);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
