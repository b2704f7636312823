/**
 * A small, honest fake of the Telegram Bot API served over HTTP on loopback.
 *
 * A real grammY bot talks to it exactly as it talks to Telegram:
 *   const server = await FakeBotApiServer.start();
 *   const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot } });
 *
 * It implements the handful of methods this project uses, answers in Bot API shape
 * (`{ ok: true, result }` / `{ ok: false, error_code, description, parameters? }`, with the HTTP status
 * equal to error_code), and reproduces the Telegram behaviour that tends to bite: HTML parse errors,
 * length limits, "message is not modified", inline keyboards dropped by editMessageText when no
 * reply_markup is sent, 409 on concurrent getUpdates, confirmation of updates through `offset`.
 * Anything it does not implement answers 404 'Not Found: method not found' (and is still recorded).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type {
  BotCommand,
  CallbackQuery,
  Chat,
  ChatMember,
  Document,
  Message,
  MessageEntity,
  PhotoSize,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';

/** One uploaded file of a multipart request. */
export interface RecordedFile {
  /** Parameter that refers to the file (`document`, `photo`, `media.0.media`, ...), or the part name. */
  field: string;
  /** File name as sent in the part's content-disposition header (UTF-8 decoded). */
  filename: string;
  /** Size in bytes. */
  size: number;
  /** Content type of the part (grammY always sends application/octet-stream). */
  contentType: string;
  /** Exact bytes received. */
  data: Buffer;
  /** Name of the multipart part itself (grammY uses a random id referenced as `attach://<part>`). */
  part: string;
}

/** A fault the fake plays on matching calls (see `fault`). */
export interface FaultRule {
  method: string;
  when?: (params: Record<string, unknown>) => boolean;
  action: 'hang' | 'drop' | FakeApiError;
  remaining: number;
}

/** What the fake answered (null when the connection was dropped on purpose). */
export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** One Bot API call as the fake received it. */
export interface RecordedCall {
  /** Canonical method name (Telegram method names are case-insensitive). */
  method: string;
  /** Parameters decoded from JSON, multipart, urlencoded body or query string. */
  params: Record<string, unknown>;
  /** Files uploaded with multipart/form-data. */
  files: RecordedFile[];
  /** Date.now() when the request body was fully received. */
  at: number;
  /** The answer sent back, or null for a dropped connection (or one left hanging). */
  response: ApiResponse | null;
  /** The call was left without an answer on purpose (see `fault`). */
  hung?: boolean;
}

/** Options of FakeBotApiServer.start. */
export interface FakeBotApiOptions {
  /** Bot token the fake accepts; its numeric prefix becomes the bot's user id. */
  token?: string;
  /** Overrides of what getMe answers. */
  botInfo?: Partial<UserFromGetMe>;
}

/** An error the fake is told to answer with (see failNext). */
export interface FakeApiError {
  error_code: number;
  description: string;
  retry_after?: number;
}

/** Membership statuses accepted by setChatMember. */
export type ChatMemberStatus = ChatMember['status'];

/** One getUpdates answer: which updates were handed out for which offset. */
export interface UpdateDelivery {
  at: number;
  offset: number | undefined;
  updateIds: number[];
}

/** Input of pushMessage: a text message from a user, built the way Telegram builds it. */
export interface PushMessageInput {
  /** Chat the message is in; `id < 0` is a supergroup, otherwise a private chat with that user. */
  chatId: number;
  /** Text; a leading `/command` gets its bot_command entity like Telegram adds it. */
  text: string;
  /** Sender; defaults to the private chat's user, or user 1000001 in groups. */
  from?: Partial<User> & { id: number };
  /** Message id; defaults to the next id of the chat. */
  messageId?: number;
  /** Id of a message in the same chat this one replies to. */
  replyToMessageId?: number;
}

/** Input of pushCallbackQuery: a press on an inline button of a message. */
export interface PushCallbackQueryInput {
  /** The message carrying the keyboard (e.g. the result of a sendMessage). */
  message: Message;
  /** callback_data of the pressed button. */
  data: string;
  /** Who pressed; defaults to the private chat's user, or user 1000001 in groups. */
  from?: Partial<User> & { id: number };
}

type Params = Record<string, unknown>;
type Json = Record<string, unknown>;
type Handler = (call: { params: Params; files: RecordedFile[] }) => unknown;

interface PendingPoll {
  res: ServerResponse;
  limit: number;
  offset: number | undefined;
  timer: NodeJS.Timeout;
}

interface Waiter {
  predicate: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface StoredFile {
  kind: 'photo' | 'document';
  file_id: string;
  file_unique_id: string;
  file_size: number | undefined;
  file_path: string;
  data: Buffer | undefined;
  json: Json;
  /** For a photo: every size, smallest first (this file being the largest). */
  sizes?: Json[];
}

/** Error answered to the client in Bot API shape. */
class BotApiError extends Error {
  readonly errorCode: number;
  readonly retryAfter: number | undefined;
  constructor(errorCode: number, description: string, retryAfter?: number) {
    super(description);
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }
}

const badRequest = (what: string): BotApiError => new BotApiError(400, `Bad Request: ${what}`);

const DEFAULT_TOKEN = '7000000001:AAFakeTokenForTheFakeBotApiServer000';
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_BODY = 50 * 1024 * 1024;
const DEFAULT_GROUP_USER = 1000001;
const CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
const WEBHOOK_CONFLICT =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const QUERY_TOO_OLD = 'query is too old and response timeout expired or query ID is invalid';
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
/** Setters that only need to succeed. */
const HARMLESS_TRUE = [
  'setMyDescription',
  'setMyShortDescription',
  'setMyName',
  'setMyDefaultAdministratorRights',
  'pinChatMessage',
  'unpinChatMessage',
  'unpinAllChatMessages',
  'setMessageReaction',
  'leaveChat',
];
/** Multipart fields whose value is a string even when it looks like a number or JSON. */
const STRING_PARAMS = new Set([
  'text',
  'caption',
  'parse_mode',
  'title',
  'description',
  'short_description',
  'name',
  'query',
  'url',
  'emoji',
  'action',
  'callback_query_id',
  'inline_message_id',
  'business_connection_id',
  'language_code',
  'file_id',
  'secret_token',
  'ip_address',
  'custom_title',
  'photo',
  'document',
  'audio',
  'video',
  'animation',
  'voice',
  'video_note',
  'sticker',
  'thumbnail',
  'certificate',
  'message_effect_id',
]);
const MIME_BY_EXT: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** Fake Telegram Bot API server for tests; see the file comment. */
export class FakeBotApiServer {
  /** Root to pass as `client.apiRoot`, e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly apiRoot: string;
  /** The only token accepted; anything else answers 401. */
  readonly token: string;
  /** What getMe answers. */
  readonly botInfo: UserFromGetMe;
  /** Every call except getUpdates, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Every getUpdates answer, in order: which update ids were handed out. */
  readonly deliveries: UpdateDelivery[] = [];

  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly handlers: Map<string, Handler>;
  private readonly canonical = new Map<string, string>();
  private updates: Update[] = [];
  private nextUpdateId = 1;
  private poll: PendingPoll | null = null;
  private wakeScheduled = false;
  private waiters: Waiter[] = [];
  private readonly failures = new Map<string, { error: FakeApiError; remaining: number }[]>();
  private readonly drops = new Map<string, number>();
  private rules: FaultRule[] = [];
  private readonly hung = new Set<ServerResponse>();
  /** While true, every connection is cut at once, as during a network outage. */
  outage = false;
  private readonly chats = new Map<number, Json>();
  private readonly users = new Map<number, User>();
  private readonly messageStore = new Map<number, Map<number, Json>>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly filesByPath = new Map<string, StoredFile>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly members = new Map<string, ChatMemberStatus>();
  private readonly callbackQueries = new Map<string, boolean>();
  private readonly menuButtons = new Map<string, unknown>();
  private webhookUrl = '';
  private callbackQuerySeq = 0;
  private fileSeq = 0;
  private closed = false;

  private constructor(server: Server, port: number, options: FakeBotApiOptions) {
    this.server = server;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    const idFromToken = /^(\d+):/.exec(this.token)?.[1];
    this.botInfo = {
      id: idFromToken ? Number(idFromToken) : 7000000001,
      is_bot: true,
      first_name: 'Thi Đua Test Bot',
      username: 'thidua_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...options.botInfo,
    };
    this.handlers = this.buildHandlers();
    for (const name of this.handlers.keys()) this.canonical.set(name.toLowerCase(), name);
    this.canonical.set('getupdates', 'getUpdates');
  }

  /** Starts a fake on 127.0.0.1 with an ephemeral port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApiServer> {
    const server = createServer();
    // Long polls and keep-alive sockets must not be cut by Node's defaults.
    server.requestTimeout = 0;
    server.keepAliveTimeout = 60_000;
    server.headersTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const fake = new FakeBotApiServer(server, (server.address() as AddressInfo).port, options);
    server.on('connection', (socket: Socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      fake.handle(req, res).catch((err: unknown) => {
        // A bug in the fake: answer 400 (not 5xx, which autoRetry would retry forever) and say so loudly.
        console.error('FakeBotApiServer bug:', err);
        send(res, {
          ok: false,
          error_code: 400,
          description: `Bad Request: fake Bot API server bug: ${String(err)}`,
        });
      });
    });
    return fake;
  }

  // ---------------------------------------------------------------- test controls

  /**
   * A document as a user would have sent it: stored, served by getFile and the file route (with the
   * token in its path, as Telegram serves files). Returns the `document` object of a message.
   */
  addDocument(data: Buffer, filename: string): Document {
    return { ...this.storeFile('document', data, filename, undefined).json } as unknown as Document;
  }

  /** Queues an update (assigning the next update_id unless given), wakes a waiting long poll, returns the id. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): number {
    const id = update.update_id ?? this.nextUpdateId;
    if (id < this.nextUpdateId) {
      throw new Error(
        `pushUpdate: update_id ${id} is not greater than the previous one (${this.nextUpdateId - 1})`,
      );
    }
    this.nextUpdateId = id + 1;
    const full = { ...update, update_id: id } as Update;
    this.learnFromUpdate(full);
    this.updates.push(full);
    this.scheduleWake();
    return id;
  }

  /** Pushes a text message update built like Telegram builds it; returns the update id and the message. */
  pushMessage(input: PushMessageInput): { updateId: number; message: Message } {
    const from = this.userFor(input.chatId, input.from);
    const chat = this.chatJson(input.chatId);
    const messageId = input.messageId ?? this.nextMessageId(input.chatId);
    const message: Json = { message_id: messageId, from, chat, date: nowSeconds(), text: input.text };
    const entities = commandEntities(input.text);
    if (entities.length > 0) message.entities = entities;
    if (input.replyToMessageId !== undefined) {
      const replied = this.messageStore.get(input.chatId)?.get(input.replyToMessageId);
      if (!replied)
        throw new Error(`pushMessage: message ${input.replyToMessageId} unknown in chat ${input.chatId}`);
      message.reply_to_message = { ...replied };
    }
    const updateId = this.pushUpdate({ message: message as unknown as Message } as Omit<Update, 'update_id'>);
    return { updateId, message: message as unknown as Message };
  }

  /** Pushes a callback_query update (a button press on `message`); returns the update id and the query. */
  pushCallbackQuery(input: PushCallbackQueryInput): { updateId: number; callbackQuery: CallbackQuery } {
    this.callbackQuerySeq += 1;
    const callbackQuery = {
      id: String(4_000_000_000_000_000_000n + BigInt(this.callbackQuerySeq)),
      from: this.userFor(input.message.chat.id, input.from),
      message: input.message,
      chat_instance: String(-5_000_000_000_000_000_000n - BigInt(Math.abs(input.message.chat.id))),
      data: input.data,
    } as CallbackQuery;
    const updateId = this.pushUpdate({ callback_query: callbackQuery } as Omit<Update, 'update_id'>);
    return { updateId, callbackQuery };
  }

  /** True while a getUpdates long poll is being held open, waiting for updates. */
  get isPolling(): boolean {
    return this.poll !== null;
  }

  /** Number of queued updates not yet confirmed through getUpdates' offset. */
  get pendingUpdateCount(): number {
    return this.updates.length;
  }

  /** Resolves with the first call matching (a predicate or a method name), recorded already or arriving later. */
  waitForCall(predicate: ((c: RecordedCall) => boolean) | string, timeoutMs = 5000): Promise<RecordedCall> {
    const test =
      typeof predicate === 'string'
        ? (c: RecordedCall) => c.method.toLowerCase() === predicate.toLowerCase()
        : predicate;
    const found = this.calls.find(test);
    if (found) return Promise.resolve(found);
    if (this.closed) return Promise.reject(new Error('waitForCall: FakeBotApiServer is closed'));
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: Waiter = {
        predicate: test,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const seen = this.calls.map((c) => c.method).join(', ') || 'none';
          const what = typeof predicate === 'string' ? `${predicate} call` : 'matching call';
          reject(new Error(`waitForCall: no ${what} within ${timeoutMs} ms (calls so far: ${seen})`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Recorded calls of one method (case-insensitive), in arrival order. */
  callsOf(method: string): RecordedCall[] {
    const m = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /** The next `times` calls of `method` answer this error (retry_after goes into parameters). */
  failNext(method: string, error: FakeApiError, times = 1): void {
    const key = method.toLowerCase();
    const list = this.failures.get(key) ?? [];
    list.push({ error, remaining: times });
    this.failures.set(key, list);
  }

  /**
   * Calls of `method` whose parameters match `when` (every call, if absent) meet a fault: `hang` (never
   * answered, until the server closes), `drop` (connection cut), or an API error; `times` of them
   * (all, by default). Returns a function that lifts the rule.
   */
  fault(rule: Omit<FaultRule, 'remaining'> & { times?: number }): () => void {
    const entry: FaultRule = { ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY };
    this.rules.push(entry);
    return () => {
      this.rules = this.rules.filter((r) => r !== entry);
    };
  }

  /** The next `times` calls of `method` get their connection destroyed without an answer. */
  dropNext(method: string, times = 1): void {
    const key = method.toLowerCase();
    this.drops.set(key, (this.drops.get(key) ?? 0) + times);
  }

  /** Sets what getChatMember answers for (chatId, userId); unknown pairs are 'left'. */
  /**
   * A photo a user sends, stored as Telegram stores one (several sizes, each serving these bytes, each
   * fetched by getFile and the file URL); the sizes, largest last, go into the message's `photo`.
   */
  userPhoto(data: Buffer, filename = 'photo.jpg'): PhotoSize[] {
    const dims = imageSize(data);
    if (!dims) throw new Error('userPhoto: not an image (PNG, JPEG, GIF)');
    const largest = this.storeFile('photo', data, filename, dims);
    return structuredClone(largest.sizes ?? [largest.json]) as unknown as PhotoSize[];
  }

  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /** Registers what the fake reports about a chat (title, username, type...). */
  setChat(chat: Chat): void {
    this.chats.set(chat.id, { ...chat });
  }

  /** Registers a user so messages and getChatMember show their real name. */
  setUser(user: User): void {
    this.users.set(user.id, { ...user });
  }

  /** Current state of a message (after edits), or undefined. */
  getMessage(chatId: number, messageId: number): Message | undefined {
    const m = this.messageStore.get(chatId)?.get(messageId);
    return m ? (structuredClone(m) as unknown as Message) : undefined;
  }

  /** All messages the fake knows in a chat (pushed and sent, minus deleted), by message_id. */
  messagesIn(chatId: number): Message[] {
    const map = this.messageStore.get(chatId);
    if (!map) return [];
    return [...map.values()]
      .sort((a, b) => Number(a.message_id) - Number(b.message_id))
      .map((m) => structuredClone(m) as unknown as Message);
  }

  /** Commands stored by setMyCommands for a language ('' = default) and scope (default scope when omitted). */
  commandsFor(languageCode = '', scope: unknown = { type: 'default' }): BotCommand[] {
    return structuredClone(this.commands.get(commandKey(scope, languageCode)) ?? []);
  }

  /** Ends a pending long poll with an empty result, rejects pending waitForCall, closes server and sockets. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const finished: Promise<void>[] = [];
    if (this.poll) {
      const { res } = this.poll;
      finished.push(new Promise<void>((resolve) => res.once('close', () => resolve())));
      this.answerPoll([]);
    }
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error('waitForCall: FakeBotApiServer closed before a matching call arrived'));
    }
    this.waiters = [];
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    // Let the final poll answer leave the socket before every connection is destroyed.
    await Promise.race([Promise.all(finished), delay(200)]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
    });
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.closed || this.outage) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', this.apiRoot);
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) {
      this.serveFile(res, decodeURIComponent(fileRoute[1] ?? ''), decodeURIComponent(fileRoute[2] ?? ''));
      return;
    }
    const route = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!route) {
      await readBody(req).catch(() => undefined);
      send(res, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const token = decodeURIComponent(route[1] ?? '');
    const rawMethod = route[2] ?? '';
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BotApiError) sendError(res, err);
      else req.socket.destroy();
      return;
    }
    if (token !== this.token) {
      send(res, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = this.canonical.get(rawMethod.toLowerCase()) ?? rawMethod;
    const at = Date.now();
    let params: Params;
    let files: RecordedFile[];
    try {
      ({ params, files } = decodeRequest(req, body, url));
    } catch (err) {
      const e = err instanceof BotApiError ? err : badRequest(String(err));
      if (method !== 'getUpdates') this.record({ method, params: {}, files: [], at, response: errorBody(e) });
      sendError(res, e);
      return;
    }

    const rule = this.rules.find(
      (r) =>
        r.method.toLowerCase() === method.toLowerCase() && r.remaining > 0 && (!r.when || r.when(params)),
    );
    if (rule) {
      rule.remaining -= 1;
      if (rule.action === 'hang') {
        if (method !== 'getUpdates') this.record({ method, params, files, at, response: null, hung: true });
        this.hung.add(res);
        return;
      }
      if (rule.action === 'drop') {
        if (method !== 'getUpdates') this.record({ method, params, files, at, response: null });
        req.socket.destroy();
        return;
      }
      const e = new BotApiError(rule.action.error_code, rule.action.description, rule.action.retry_after);
      if (method !== 'getUpdates') this.record({ method, params, files, at, response: errorBody(e) });
      sendError(res, e);
      return;
    }
    if (this.takeDrop(method)) {
      if (method !== 'getUpdates') this.record({ method, params, files, at, response: null });
      req.socket.destroy();
      return;
    }
    const failure = this.takeFailure(method);
    if (failure) {
      const e = new BotApiError(failure.error_code, failure.description, failure.retry_after);
      if (method !== 'getUpdates') this.record({ method, params, files, at, response: errorBody(e) });
      sendError(res, e);
      return;
    }
    if (method === 'getUpdates') {
      this.getUpdates(params, res);
      return;
    }

    const handler = this.handlers.get(method);
    let response: ApiResponse;
    if (!handler) {
      response = { ok: false, error_code: 404, description: 'Not Found: method not found' };
    } else {
      try {
        response = { ok: true, result: handler({ params, files }) };
      } catch (err) {
        if (!(err instanceof BotApiError)) throw err;
        response = errorBody(err);
      }
    }
    this.record({ method, params, files, at, response });
    send(res, response);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    const matched = this.waiters.filter((w) => w.predicate(call));
    if (matched.length === 0) return;
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const w of matched) {
      clearTimeout(w.timer);
      w.resolve(call);
    }
  }

  private takeDrop(method: string): boolean {
    const key = method.toLowerCase();
    const n = this.drops.get(key) ?? 0;
    if (n <= 0) return false;
    this.drops.set(key, n - 1);
    return true;
  }

  private takeFailure(method: string): FakeApiError | undefined {
    const list = this.failures.get(method.toLowerCase());
    const first = list?.[0];
    if (!list || !first) return undefined;
    first.remaining -= 1;
    if (first.remaining <= 0) list.shift();
    return first.error;
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const file = token === this.token ? this.filesByPath.get(path) : undefined;
    if (!file?.data) {
      send(res, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
    res.end(file.data);
  }

  // ---------------------------------------------------------------- getUpdates

  private getUpdates(params: Params, res: ServerResponse): void {
    if (this.webhookUrl !== '') {
      sendError(res, new BotApiError(409, WEBHOOK_CONFLICT));
      return;
    }
    // Telegram terminates the *older* pending request when a new one arrives.
    if (this.poll) {
      const old = this.poll;
      this.poll = null;
      clearTimeout(old.timer);
      if (!old.res.destroyed) sendError(old.res, new BotApiError(409, CONFLICT));
    }
    const offset = optionalInt(params.offset, 'offset');
    const limit = Math.min(100, Math.max(1, optionalInt(params.limit, 'limit') ?? 100));
    const timeout = Math.max(0, optionalInt(params.timeout, 'timeout') ?? 0);
    if (offset !== undefined) {
      if (offset < 0) this.updates = this.updates.slice(offset);
      else this.updates = this.updates.filter((u) => u.update_id >= offset);
    }
    if (this.updates.length > 0 || timeout === 0 || this.closed) {
      this.deliver(res, offset, limit);
      return;
    }
    const poll: PendingPoll = {
      res,
      limit,
      offset,
      timer: setTimeout(() => {
        if (this.poll === poll) this.answerPoll();
      }, timeout * 1000),
    };
    this.poll = poll;
    res.on('close', () => {
      // The client gave up (grammY aborts the poll on bot.stop()).
      if (this.poll === poll) {
        clearTimeout(poll.timer);
        this.poll = null;
      }
    });
  }

  private deliver(res: ServerResponse, offset: number | undefined, limit: number, forced?: Update[]): void {
    const batch = forced ?? this.updates.slice(0, limit);
    this.deliveries.push({ at: Date.now(), offset, updateIds: batch.map((u) => u.update_id) });
    send(res, { ok: true, result: batch });
  }

  private answerPoll(forced?: Update[]): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = null;
    clearTimeout(poll.timer);
    this.deliver(poll.res, poll.offset, poll.limit, forced);
  }

  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    // A microtask lets updates pushed in the same tick travel in one batch.
    queueMicrotask(() => {
      this.wakeScheduled = false;
      if (this.poll && this.updates.length > 0) this.answerPoll();
    });
  }

  // ---------------------------------------------------------------- bookkeeping

  private learnFromUpdate(update: Update): void {
    const u = update as unknown as Json;
    for (const key of [
      'message',
      'edited_message',
      'channel_post',
      'edited_channel_post',
      'business_message',
    ]) {
      const m = u[key];
      if (isObject(m)) this.learnMessage(m);
    }
    const cq = u.callback_query;
    if (isObject(cq)) {
      if (typeof cq.id === 'string') this.callbackQueries.set(cq.id, false);
      if (isObject(cq.from)) this.learnUser(cq.from);
      if (isObject(cq.message) && cq.message.date !== 0) this.learnMessage(cq.message);
    }
    for (const key of ['my_chat_member', 'chat_member']) {
      const cm = u[key];
      if (!isObject(cm) || !isObject(cm.chat) || !isObject(cm.new_chat_member)) continue;
      this.learnChat(cm.chat);
      const member = cm.new_chat_member;
      if (isObject(member.user) && typeof member.status === 'string' && typeof cm.chat.id === 'number') {
        this.learnUser(member.user);
        this.setChatMember(cm.chat.id, Number(member.user.id), member.status as ChatMemberStatus);
      }
    }
  }

  private learnMessage(m: Json): void {
    if (!isObject(m.chat) || typeof m.chat.id !== 'number' || typeof m.message_id !== 'number') return;
    this.learnChat(m.chat);
    if (isObject(m.from)) this.learnUser(m.from);
    const chatId = m.chat.id;
    const store = this.messageStore.get(chatId) ?? new Map<number, Json>();
    this.messageStore.set(chatId, store);
    store.set(m.message_id, structuredClone(m));
    this.lastMessageId.set(chatId, Math.max(this.lastMessageId.get(chatId) ?? 0, m.message_id));
  }

  private learnChat(chat: Json): void {
    if (typeof chat.id === 'number' && !this.chats.has(chat.id)) this.chats.set(chat.id, { ...chat });
  }

  private learnUser(user: Json): void {
    if (typeof user.id === 'number' && user.id !== this.botInfo.id)
      this.users.set(user.id, { ...user } as unknown as User);
  }

  private user(id: number): User {
    if (id === this.botInfo.id) return this.botUser();
    return this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  }

  private userFor(chatId: number, from: (Partial<User> & { id: number }) | undefined): User {
    const base = this.user(from?.id ?? (chatId > 0 ? chatId : DEFAULT_GROUP_USER));
    const user = { ...base, ...from } as User;
    this.learnUser(user as unknown as Json);
    return user;
  }

  private botUser(): User {
    const { id, is_bot, first_name, username } = this.botInfo;
    return { id, is_bot, first_name, username };
  }

  private chatJson(id: number): Json {
    const known = this.chats.get(id);
    if (known) return { ...known };
    if (id < 0) return { id, title: `Group ${id}`, type: 'supergroup' };
    const u = this.user(id);
    const chat: Json = { id, first_name: u.first_name, type: 'private' };
    if (u.last_name) chat.last_name = u.last_name;
    if (u.username) chat.username = u.username;
    return chat;
  }

  private nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  private storeMessage(chatId: number, fields: Json, params: Params): Json {
    const chat = this.chatJson(chatId);
    const reply = this.replyTarget(chatId, params);
    const message: Json = {
      message_id: this.nextMessageId(chatId),
      from: this.botUser(),
      chat,
      date: nowSeconds(),
    };
    if (typeof params.message_thread_id === 'number') message.message_thread_id = params.message_thread_id;
    if (reply) message.reply_to_message = reply;
    Object.assign(message, fields);
    const markup = inlineMarkup(params.reply_markup);
    if (markup) message.reply_markup = markup;
    const store = this.messageStore.get(chatId) ?? new Map<number, Json>();
    this.messageStore.set(chatId, store);
    store.set(Number(message.message_id), message);
    return structuredClone(message);
  }

  private replyTarget(chatId: number, params: Params): Json | undefined {
    const rp = parseMaybeJson(params.reply_parameters);
    let id: number | undefined;
    let allowMissing = params.allow_sending_without_reply === true;
    if (isObject(rp)) {
      if (rp.chat_id !== undefined && toChatId(rp.chat_id) !== chatId) return undefined;
      id = typeof rp.message_id === 'number' ? rp.message_id : undefined;
      allowMissing = rp.allow_sending_without_reply === true;
    } else if (typeof params.reply_to_message_id === 'number') {
      id = params.reply_to_message_id;
    }
    if (id === undefined) return undefined;
    const target = this.messageStore.get(chatId)?.get(id);
    if (target) {
      const { reply_to_message: _nested, ...flat } = target;
      return structuredClone(flat);
    }
    if (allowMissing) return undefined;
    throw badRequest('message to be replied not found');
  }

  private editableMessage(params: Params): Json {
    const chatId = toChatId(params.chat_id);
    const messageId = optionalInt(params.message_id, 'message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    const m = this.messageStore.get(chatId)?.get(messageId);
    if (!m) throw badRequest('message to edit not found');
    if (!isObject(m.from) || m.from.id !== this.botInfo.id) throw badRequest("message can't be edited");
    return m;
  }

  private inputFile(
    kind: 'photo' | 'document',
    field: string,
    params: Params,
    files: RecordedFile[],
  ): { stored: StoredFile; upload: RecordedFile | undefined } {
    const upload = files.find((f) => f.field === field);
    if (upload) {
      if (upload.size === 0) throw badRequest('file must be non-empty');
      return { stored: this.storeUpload(kind, upload), upload };
    }
    const ref = params[field];
    if (ref === undefined || ref === '') throw badRequest(`there is no ${field} in the request`);
    if (typeof ref !== 'string') throw badRequest(`wrong file identifier/HTTP URL specified`);
    if (ref.startsWith('attach://')) throw badRequest('wrong HTTP URL specified');
    const known = this.files.get(ref);
    if (known) {
      if (known.kind !== kind) throw badRequest(`can't use file of type ${cap(known.kind)} as ${cap(kind)}`);
      return { stored: known, upload: undefined };
    }
    if (/^https?:\/\/[^\s/]+/i.test(ref)) {
      const name = decodeURIComponent(new URL(ref).pathname.split('/').pop() ?? '') || 'file';
      return {
        stored: this.storeFile(
          kind,
          undefined,
          name,
          kind === 'photo' ? { width: 512, height: 512 } : undefined,
        ),
        upload: undefined,
      };
    }
    throw badRequest('wrong file identifier/HTTP URL specified');
  }

  private storeUpload(kind: 'photo' | 'document', upload: RecordedFile): StoredFile {
    if (kind === 'photo') {
      const dims = imageSize(upload.data);
      if (!dims) throw badRequest('IMAGE_PROCESS_FAILED');
      if (
        dims.width + dims.height > 10000 ||
        Math.max(dims.width / dims.height, dims.height / dims.width) > 20
      ) {
        throw badRequest('PHOTO_INVALID_DIMENSIONS');
      }
      return this.storeFile(kind, upload.data, upload.filename, dims);
    }
    return this.storeFile(kind, upload.data, upload.filename, undefined);
  }

  private storeFile(
    kind: 'photo' | 'document',
    data: Buffer | undefined,
    filename: string,
    dims: { width: number; height: number } | undefined,
  ): StoredFile {
    const ids = () => ({
      file_id:
        (kind === 'photo' ? 'AgACAgIAAxkDAA' : 'BQACAgIAAxkDAA') + randomBytes(36).toString('base64url'),
      file_unique_id: `AQAD${randomBytes(9).toString('base64url')}`,
    });
    const make = (json: Json, size: number | undefined): StoredFile => {
      this.fileSeq += 1;
      const ext = kind === 'photo' ? 'jpg' : (filename.split('.').pop() ?? 'dat');
      const stored: StoredFile = {
        kind,
        file_id: String(json.file_id),
        file_unique_id: String(json.file_unique_id),
        file_size: size,
        file_path: `${kind === 'photo' ? 'photos' : 'documents'}/file_${this.fileSeq}.${ext}`,
        data,
        json,
      };
      this.files.set(stored.file_id, stored);
      this.filesByPath.set(stored.file_path, stored);
      return stored;
    };
    if (kind === 'document') {
      const json: Json = { ...ids(), file_name: filename };
      const ext = filename.includes('.') ? (filename.split('.').pop() ?? '').toLowerCase() : '';
      json.mime_type = MIME_BY_EXT[ext] ?? 'application/octet-stream';
      if (data) json.file_size = data.length;
      return make(json, data?.length);
    }
    // A photo is answered as several sizes; every size serves the original bytes.
    const { width, height } = dims ?? { width: 512, height: 512 };
    const longest = Math.max(width, height);
    const sides = [
      ...new Set([...[90, 320, 800, 1280, 2560].filter((s) => s < longest), Math.min(longest, 2560)]),
    ];
    const sizes = sides.map((side) => {
      const scale = side / longest;
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      const size = data ? Math.max(1, Math.round(data.length * scale * scale)) : undefined;
      const json: Json = { ...ids(), width: w, height: h };
      if (size !== undefined) json.file_size = size;
      return make(json, size);
    });
    const largest = sizes[sizes.length - 1] as StoredFile;
    largest.sizes = sizes.map((s) => s.json);
    return largest;
  }

  // ---------------------------------------------------------------- methods

  private buildHandlers(): Map<string, Handler> {
    const h = new Map<string, Handler>();
    const ok = () => true;

    h.set('getMe', () => ({ ...this.botInfo }));
    h.set('deleteWebhook', ({ params }) => {
      this.webhookUrl = '';
      if (params.drop_pending_updates === true) this.updates = [];
      return true;
    });
    h.set('setWebhook', ({ params }) => {
      const url = typeof params.url === 'string' ? params.url : '';
      if (url !== '' && !url.startsWith('https://'))
        throw badRequest('bad webhook: HTTPS url must be provided for webhook');
      this.webhookUrl = url;
      if (params.drop_pending_updates === true) this.updates = [];
      return true;
    });
    h.set('getWebhookInfo', () => ({
      url: this.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: this.updates.length,
    }));

    h.set('setMyCommands', ({ params }) => {
      const commands = parseMaybeJson(params.commands);
      if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
      if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
      const valid: BotCommand[] = [];
      for (const c of commands) {
        if (!isObject(c) || typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
          throw badRequest('BOT_COMMAND_INVALID');
        }
        if (typeof c.description !== 'string' || c.description.trim() === '' || c.description.length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
        valid.push({ command: c.command, description: c.description });
      }
      const key = commandKey(params.scope, params.language_code);
      if (valid.length === 0) this.commands.delete(key);
      else this.commands.set(key, valid);
      return true;
    });
    h.set(
      'getMyCommands',
      ({ params }) => this.commands.get(commandKey(params.scope, params.language_code)) ?? [],
    );
    h.set('deleteMyCommands', ({ params }) => {
      this.commands.delete(commandKey(params.scope, params.language_code));
      return true;
    });
    h.set('setChatMenuButton', ({ params }) => {
      this.menuButtons.set(
        String(params.chat_id ?? ''),
        parseMaybeJson(params.menu_button) ?? { type: 'default' },
      );
      return true;
    });
    h.set(
      'getChatMenuButton',
      ({ params }) =>
        this.menuButtons.get(String(params.chat_id ?? '')) ??
        this.menuButtons.get('') ?? { type: 'commands' },
    );

    h.set('sendMessage', ({ params }) => {
      const chatId = toChatId(params.chat_id);
      const formatted = formatText(params.text, params.parse_mode, params.entities, 'text');
      if (formatted.text === '') throw badRequest('message text is empty');
      if (formatted.text.length > MAX_TEXT) throw badRequest('message is too long');
      const fields: Json = { text: formatted.text };
      if (formatted.entities.length > 0) fields.entities = formatted.entities;
      return this.storeMessage(chatId, fields, params);
    });

    h.set('sendPhoto', ({ params, files }) => {
      const chatId = toChatId(params.chat_id);
      const caption = formatCaption(params);
      const { stored } = this.inputFile('photo', 'photo', params, files);
      const sizes = stored.sizes ?? [stored.json];
      return this.storeMessage(chatId, { photo: structuredClone(sizes), ...caption }, params);
    });

    h.set('sendDocument', ({ params, files }) => {
      const chatId = toChatId(params.chat_id);
      const caption = formatCaption(params);
      const { stored } = this.inputFile('document', 'document', params, files);
      return this.storeMessage(chatId, { document: { ...stored.json }, ...caption }, params);
    });

    h.set('getFile', ({ params }) => {
      const file = typeof params.file_id === 'string' ? this.files.get(params.file_id) : undefined;
      if (!file) throw badRequest('invalid file_id');
      const result: Json = {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_path: file.file_path,
      };
      if (file.file_size !== undefined) result.file_size = file.file_size;
      return result;
    });

    h.set('editMessageText', ({ params }) => {
      const formatted = formatText(params.text, params.parse_mode, params.entities, 'text');
      if (formatted.text === '') throw badRequest('message text is empty');
      if (formatted.text.length > MAX_TEXT) throw badRequest('MESSAGE_TOO_LONG');
      const markup = inlineMarkup(params.reply_markup);
      if (typeof params.inline_message_id === 'string') return true;
      const m = this.editableMessage(params);
      if (typeof m.text !== 'string') throw badRequest('there is no text in the message to edit');
      const entities = formatted.entities.length > 0 ? formatted.entities : undefined;
      if (m.text === formatted.text && sameJson(m.entities, entities) && sameJson(m.reply_markup, markup)) {
        throw badRequest(NOT_MODIFIED);
      }
      m.text = formatted.text;
      setOrDelete(m, 'entities', entities);
      // Like Telegram: an edit without reply_markup removes the inline keyboard.
      setOrDelete(m, 'reply_markup', markup);
      m.edit_date = nowSeconds();
      return structuredClone(m);
    });

    h.set('editMessageCaption', ({ params }) => {
      const caption = formatCaption(params);
      const markup = inlineMarkup(params.reply_markup);
      if (typeof params.inline_message_id === 'string') return true;
      const m = this.editableMessage(params);
      if (typeof m.text === 'string') throw badRequest('there is no caption in the message to edit');
      if (
        sameJson(m.caption, caption.caption) &&
        sameJson(m.caption_entities, caption.caption_entities) &&
        sameJson(m.reply_markup, markup)
      ) {
        throw badRequest(NOT_MODIFIED);
      }
      setOrDelete(m, 'caption', caption.caption);
      setOrDelete(m, 'caption_entities', caption.caption_entities);
      setOrDelete(m, 'reply_markup', markup);
      m.edit_date = nowSeconds();
      return structuredClone(m);
    });

    h.set('editMessageReplyMarkup', ({ params }) => {
      const markup = inlineMarkup(params.reply_markup);
      if (typeof params.inline_message_id === 'string') return true;
      const m = this.editableMessage(params);
      if (sameJson(m.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
      setOrDelete(m, 'reply_markup', markup);
      m.edit_date = nowSeconds();
      return structuredClone(m);
    });

    h.set('deleteMessage', ({ params }) => {
      const chatId = toChatId(params.chat_id);
      const id = optionalInt(params.message_id, 'message_id');
      const store = this.messageStore.get(chatId);
      if (id === undefined || !store?.has(id)) throw badRequest('message to delete not found');
      store.delete(id);
      return true;
    });

    h.set('answerCallbackQuery', ({ params }) => {
      const id = typeof params.callback_query_id === 'string' ? params.callback_query_id : '';
      if (this.callbackQueries.get(id) !== false) throw badRequest(QUERY_TOO_OLD);
      this.callbackQueries.set(id, true);
      return true;
    });

    h.set('getChatMember', ({ params }) => {
      const chatId = toChatId(params.chat_id);
      const userId = optionalInt(params.user_id, 'user_id');
      if (userId === undefined) throw badRequest('invalid user_id specified');
      const status = this.members.get(`${chatId}:${userId}`) ?? (chatId === userId ? 'member' : 'left');
      return chatMember(status, this.user(userId));
    });

    h.set('sendChatAction', ({ params }) => {
      toChatId(params.chat_id);
      if (typeof params.action !== 'string' || !CHAT_ACTIONS.has(params.action)) {
        throw badRequest('wrong parameter action in request');
      }
      return true;
    });

    for (const name of HARMLESS_TRUE) h.set(name, ok);
    return h;
  }
}

// ------------------------------------------------------------------ request decoding

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BotApiError(413, 'Request Entity Too Large'));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeRequest(
  req: IncomingMessage,
  body: Buffer,
  url: URL,
): { params: Params; files: RecordedFile[] } {
  const params: Params = {};
  for (const [k, v] of url.searchParams) params[k] = decodeFormValue(k, v);
  const contentType = req.headers['content-type'] ?? '';
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (body.length === 0) return { params, files: [] };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (!isObject(parsed)) throw badRequest('JSON object expected');
    return { params: { ...params, ...parsed }, files: [] };
  }
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = decodeFormValue(k, v);
    return { params, files: [] };
  }
  if (type === 'multipart/form-data') {
    const { fields, files } = parseMultipart(body, contentType);
    for (const [k, v] of fields) params[k] = decodeFormValue(k, v);
    for (const f of files) f.field = attachPath(params, f.part) ?? f.part;
    return { params, files };
  }
  return { params, files: [] };
}

/** Parses multipart/form-data; headers are read as UTF-8 because grammY writes them with TextEncoder. */
function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: [string, string][]; files: RecordedFile[] } {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest('multipart boundary is missing');
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  const fields: [string, string][] = [];
  const files: RecordedFile[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('malformed multipart body');
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw badRequest('malformed multipart body');
    const next = body.indexOf(between, headerEnd + 4);
    if (next < 0) throw badRequest('malformed multipart body');
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const content = body.subarray(headerEnd + 4, next);
    const disposition = headers.get('content-disposition') ?? '';
    const nameMatch = /(?:^|;)\s*name=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(disposition);
    const name = (nameMatch?.[1] ?? nameMatch?.[2] ?? '').trim();
    // grammY writes `filename=<raw name>` unquoted as the last parameter, so an unquoted value runs to the end.
    const fileMatch = /(?:^|;)\s*filename=(?:"((?:[^"\\]|\\.)*)"|(.*))$/i.exec(disposition);
    if (name !== '') {
      if (fileMatch) {
        const filename = (fileMatch[1]?.replace(/\\(.)/g, '$1') ?? fileMatch[2] ?? '').trim();
        files.push({
          field: name,
          part: name,
          filename,
          size: content.length,
          contentType: headers.get('content-type') ?? 'application/octet-stream',
          data: Buffer.from(content),
        });
      } else {
        fields.push([name, content.toString('utf8')]);
      }
    }
    pos = next + between.length;
  }
  return { fields, files };
}

/** Turns a form field back into what the JSON body would have carried. */
function decodeFormValue(key: string, value: string): unknown {
  if (STRING_PARAMS.has(key)) return value;
  if (/^-?\d{1,15}$/.test(value) || /^-?\d+\.\d+$/.test(value)) return Number(value);
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Finds where `attach://<part>` is referenced in the params, e.g. 'document' or 'media.0.media'. */
function attachPath(value: unknown, part: string, path = ''): string | undefined {
  if (value === `attach://${part}`) return path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = attachPath(v, part, path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = attachPath(v, part, path ? `${path}.${k}` : k);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ responses

function errorBody(e: BotApiError): ApiResponse {
  const body: ApiResponse = { ok: false, error_code: e.errorCode, description: e.message };
  if (e.retryAfter !== undefined) body.parameters = { retry_after: e.retryAfter };
  return body;
}

function sendError(res: ServerResponse, e: BotApiError): void {
  send(res, errorBody(e));
}

function send(res: ServerResponse, body: ApiResponse): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(body.ok ? 200 : body.error_code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

// ------------------------------------------------------------------ text formatting

interface Formatted {
  text: string;
  entities: MessageEntity[];
}

function formatCaption(params: Params): { caption?: string; caption_entities?: MessageEntity[] } {
  if (params.caption === undefined) return {};
  const f = formatText(params.caption, params.parse_mode, params.caption_entities, 'caption');
  if (f.text.length > MAX_CAPTION) throw badRequest('message caption is too long');
  if (f.text === '') return {};
  return f.entities.length > 0 ? { caption: f.text, caption_entities: f.entities } : { caption: f.text };
}

/** Applies parse_mode / explicit entities and Telegram's whitespace trimming. */
function formatText(raw: unknown, parseMode: unknown, entities: unknown, field: string): Formatted {
  if (raw === undefined || raw === null) return { text: '', entities: [] };
  if (typeof raw !== 'string') throw badRequest(`field "${field}" must be of type String`);
  const explicit = parseMaybeJson(entities);
  if (Array.isArray(explicit)) return trimFormatted(raw, explicit as MessageEntity[]);
  if (parseMode === undefined || parseMode === null || parseMode === '') return trimFormatted(raw, []);
  if (typeof parseMode !== 'string') throw badRequest('unsupported parse_mode');
  switch (parseMode.toLowerCase()) {
    case 'html': {
      const parsed = parseHtml(raw);
      return trimFormatted(parsed.text, parsed.entities);
    }
    // Not validated by the fake: markup characters stay in the text and no entities are produced.
    case 'markdown':
    case 'markdownv2':
      return trimFormatted(raw, []);
    default:
      throw badRequest('unsupported parse_mode');
  }
}

function trimFormatted(text: string, entities: MessageEntity[]): Formatted {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(trimmed.length, e.offset + e.length - lead);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  }
  return { text: trimmed, entities: out };
}

const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);

interface OpenTag {
  tag: string;
  attrs: Map<string, string>;
  start: number;
}

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/**
 * Telegram's HTML parse mode: the supported tags, &lt; &gt; &amp; &quot; and numeric entities
 * (any other `&...` stays literal), and every `<` starts a tag. Errors carry Telegram's wording.
 */
export function parseHtml(html: string): Formatted {
  const byteAt = (i: number) => Buffer.byteLength(html.slice(0, i), 'utf8');
  const fail = (what: string): never => {
    throw badRequest(`can't parse entities: ${what}`);
  };
  let text = '';
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i] as string;
    if (c === '&') {
      const decoded = decodeEntity(html, i);
      if (decoded) {
        text += decoded.value;
        i = decoded.end;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      i += 1;
      continue;
    }
    const begin = i;
    if (html[i + 1] === '/') {
      const top = stack[stack.length - 1];
      if (!top) return fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
      let j = i + 2;
      while (j < html.length && !isSpace(html[j]) && html[j] !== '>') j += 1;
      const name = html.slice(i + 2, j).toLowerCase();
      while (isSpace(html[j])) j += 1;
      if (html[j] !== '>') return fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
      if (name !== '' && name !== top.tag) {
        return fail(
          `Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${top.tag}>", found "</${name}>"`,
        );
      }
      stack.pop();
      closeEntity(top, text.length, entities);
      i = j + 1;
      continue;
    }
    let j = i + 1;
    while (j < html.length && !isSpace(html[j]) && html[j] !== '>') j += 1;
    if (j >= html.length) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
    const tag = html.slice(i + 1, j).toLowerCase();
    if (!HTML_TAGS.has(tag)) return fail(`Unsupported start tag "${tag}" at byte offset ${byteAt(begin)}`);
    const attrs = new Map<string, string>();
    for (;;) {
      while (isSpace(html[j])) j += 1;
      if (j >= html.length) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      if (html[j] === '>') break;
      const attrBegin = j;
      while (j < html.length && !isSpace(html[j]) && !'=>/"\''.includes(html[j] as string)) j += 1;
      const attr = html.slice(attrBegin, j).toLowerCase();
      if (attr === '')
        return fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteAt(begin)}`);
      while (isSpace(html[j])) j += 1;
      if (html[j] !== '=') {
        attrs.set(attr, '');
        continue;
      }
      j += 1;
      while (isSpace(html[j])) j += 1;
      if (j >= html.length) return fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
      let value = '';
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        j += 1;
        while (j < html.length && html[j] !== quote) {
          const decoded = html[j] === '&' ? decodeEntity(html, j) : undefined;
          if (decoded) {
            value += decoded.value;
            j = decoded.end;
          } else {
            value += html[j];
            j += 1;
          }
        }
        if (j >= html.length) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        j += 1;
      } else {
        const tokenBegin = j;
        while (j < html.length && /[A-Za-z0-9.-]/.test(html[j] as string)) j += 1;
        value = html.slice(tokenBegin, j).toLowerCase();
        if (!isSpace(html[j]) && html[j] !== '>')
          return fail(`Unexpected end of name token at byte offset ${byteAt(j)}`);
      }
      attrs.set(attr, value);
    }
    if (tag === 'span' && attrs.get('class') !== 'tg-spoiler') {
      return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
    }
    stack.push({ tag, attrs, start: text.length });
    i = j + 1;
  }
  const open = stack[stack.length - 1];
  if (open) return fail(`Can't find end tag corresponding to start tag "${open.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

const codeLanguage = new WeakMap<MessageEntity, string>();

function closeEntity(open: OpenTag, end: number, entities: MessageEntity[]): void {
  const offset = open.start;
  const length = end - offset;
  if (length <= 0) return;
  const simple: Record<string, MessageEntity['type']> = {
    b: 'bold',
    strong: 'bold',
    i: 'italic',
    em: 'italic',
    u: 'underline',
    ins: 'underline',
    s: 'strikethrough',
    strike: 'strikethrough',
    del: 'strikethrough',
    'tg-spoiler': 'spoiler',
    span: 'spoiler',
  };
  const type = simple[open.tag];
  if (type) {
    entities.push({ type, offset, length } as MessageEntity);
    return;
  }
  const last = entities[entities.length - 1];
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  switch (open.tag) {
    case 'code': {
      const cls = open.attrs.get('class') ?? '';
      const code = { type: 'code', offset, length } as MessageEntity;
      // A language only survives on <pre><code class="language-x">, which becomes one pre entity.
      if (cls.startsWith('language-')) codeLanguage.set(code, cls.slice('language-'.length));
      entities.push(code);
      return;
    }
    case 'pre': {
      if (sameSpan && last.type === 'code') {
        const language = codeLanguage.get(last);
        entities[entities.length - 1] = language
          ? { type: 'pre', offset, length, language }
          : { type: 'pre', offset, length };
      } else {
        entities.push({ type: 'pre', offset, length });
      }
      return;
    }
    case 'blockquote':
      entities.push({
        type: open.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote',
        offset,
        length,
      });
      return;
    case 'a': {
      const href = open.attrs.get('href') ?? '';
      const url = normaliseUrl(href);
      if (url) entities.push({ type: 'text_link', offset, length, url });
      return;
    }
    case 'tg-emoji': {
      const id = open.attrs.get('emoji-id') ?? '';
      if (!/^\d+$/.test(id))
        throw badRequest("can't parse entities: Invalid custom emoji identifier specified");
      entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: id });
      return;
    }
  }
}

function normaliseUrl(href: string): string | undefined {
  if (href === '') return undefined;
  try {
    return new URL(href).href;
  } catch {
    try {
      return /^[\w-]+(\.[\w-]+)+/.test(href) ? new URL(`http://${href}`).href : undefined;
    } catch {
      return undefined;
    }
  }
}

function decodeEntity(s: string, at: number): { value: string; end: number } | undefined {
  const m = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);/.exec(s.slice(at, at + 12));
  if (!m) return undefined;
  const name = m[1] as string;
  const end = at + m[0].length;
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  const plain = named[name];
  if (plain) return { value: plain, end };
  const code =
    name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return { value: String.fromCodePoint(code), end };
}

/** bot_command entities the way Telegram marks `/cmd` and `/cmd@bot` at word starts. */
function commandEntities(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  for (const m of text.matchAll(/(?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@/])/g)) {
    out.push({ type: 'bot_command', offset: m.index ?? 0, length: m[0].length });
  }
  return out;
}

// ------------------------------------------------------------------ small helpers

function inlineMarkup(raw: unknown): Json | undefined {
  const markup = parseMaybeJson(raw);
  if (!isObject(markup) || !Array.isArray(markup.inline_keyboard)) return undefined; // reply keyboards are not echoed
  for (const row of markup.inline_keyboard) {
    if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" must be an Array of Arrays');
    for (const button of row) {
      if (!isObject(button) || typeof button.text !== 'string')
        throw badRequest("can't parse inline keyboard button");
      if (typeof button.callback_data === 'string') {
        const bytes = Buffer.byteLength(button.callback_data, 'utf8');
        if (bytes === 0 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
      }
      const actions = [
        'url',
        'callback_data',
        'web_app',
        'login_url',
        'switch_inline_query',
        'switch_inline_query_current_chat',
        'switch_inline_query_chosen_chat',
        'copy_text',
        'callback_game',
        'pay',
      ];
      if (!actions.some((a) => button[a] !== undefined)) {
        throw badRequest('text buttons are unallowed in the inline keyboard');
      }
    }
  }
  if (markup.inline_keyboard.every((row) => Array.isArray(row) && row.length === 0)) return undefined;
  return structuredClone(markup);
}

function chatMember(status: ChatMemberStatus, user: User): ChatMember {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
        can_manage_topics: false,
        can_send_welcome_messages: false,
      };
    case 'member':
      return { status, user };
    case 'restricted':
      return {
        status,
        user,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_react_to_messages: false,
        can_change_info: false,
        can_invite_users: false,
        can_edit_tag: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: 0,
      };
    case 'kicked':
      return { status, user, until_date: 0 };
    default:
      return { status: 'left', user };
  }
}

/** Image dimensions of PNG, JPEG, GIF (WebP is accepted with a placeholder size); undefined otherwise. */
function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString('latin1', 0, 3) === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (
    data.length >= 12 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return { width: 512, height: 512 };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1] as number;
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      }
      i += 2 + data.readUInt16BE(i + 2);
    }
  }
  return undefined;
}

function toChatId(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty');
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw);
  throw badRequest('chat not found');
}

function optionalInt(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw);
  throw badRequest(`field "${name}" must be of type Integer`);
}

function parseMaybeJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`can't parse JSON: ${raw.slice(0, 40)}`);
  }
}

function commandKey(scope: unknown, languageCode: unknown): string {
  const s = parseMaybeJson(scope);
  const normalised = isObject(s)
    ? Object.fromEntries(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)))
    : {};
  if (!isObject(s)) normalised.type = 'default';
  return `${JSON.stringify(normalised)}|${typeof languageCode === 'string' ? languageCode : ''}`;
}

function setOrDelete(target: Json, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = structuredClone(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
