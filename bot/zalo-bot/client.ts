/**
 * A small typed client of the official Zalo Bot Platform (`https://bot-api.zaloplatforms.com`): one method
 * per API method, answers validated with zod, errors split like grammY's (GrammyError / HttpError):
 * ZaloBotApiError when the Platform answered `ok: false`, ZaloBotHttpError when no usable answer came.
 *
 * The token is part of every URL, so no error message, cause or stack this module produces contains it.
 * What each method takes and answers, and where that comes from: docs/zalo-bot-platform.md.
 */
import * as z from 'zod';
import { AppError } from '../../core/errors.js';
import { parseZaloBotUpdate, type ZaloBotUpdate } from './update.js';

export const ZALO_BOT_API_ROOT = 'https://bot-api.zaloplatforms.com';
/** sendMessage's `text` and sendPhoto's `caption`: 1 to 2,000 characters (the Platform's documentation). */
export const ZALO_BOT_TEXT_MAX = 2000;
/** getUpdates' default long-poll timeout in seconds (the Platform's documentation). */
export const ZALO_BOT_POLL_SECONDS = 30;
/** Error code of a long poll that ended with no event. */
export const ZALO_BOT_POLL_TIMEOUT_CODE = 408;

/** The Platform answered `ok: false`. `errorCode` is its `error_code` (400, 401, 403, 404, 408, 429). */
export class ZaloBotApiError extends AppError {
  override readonly name = 'ZaloBotApiError';
  constructor(
    /** The API method called, e.g. `sendMessage`. */
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super('ZALO_BOT_API', `Zalo Bot API call '${method}' failed (${errorCode}: ${description})`);
  }
}

/** Why no usable answer came. */
export type ZaloBotHttpFailure = 'network' | 'timeout' | 'aborted' | 'invalid-response';

/** The request failed before the Platform could answer, timed out, was aborted, or the answer was unusable. */
export class ZaloBotHttpError extends AppError {
  override readonly name = 'ZaloBotHttpError';
  constructor(
    readonly method: string,
    readonly reason: ZaloBotHttpFailure,
    detail: string,
    /** HTTP status of an unusable answer, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super('ZALO_BOT_HTTP', `Network request for '${method}' failed: ${detail}`, options);
  }
}

export interface ZaloBotClientOptions {
  token: string;
  /** `ZALO_BOT_API_ROOT`, or a stand-in's root in tests; no trailing slash needed. */
  apiRoot: string;
  fetch?: typeof globalThis.fetch;
  /** Bound of every call but getUpdates (default 10 s). */
  timeoutMs?: number;
  /** getUpdates is bounded by its long-poll timeout plus this (default 10 s). */
  longPollMarginMs?: number;
}

export interface ZaloBotInfo {
  id: string;
  accountName: string | undefined;
  accountType: string | undefined;
  canJoinGroups: boolean | undefined;
}

export interface ZaloBotSent {
  messageId: string | undefined;
  /** Milliseconds since the epoch. */
  date: number | undefined;
}

export interface ZaloBotWebhookInfo {
  /** '' when no webhook is set. */
  url: string;
  updatedAt: number | undefined;
}

export type ZaloBotChatAction = 'typing' | 'upload_photo';

export interface CallOptions {
  /** Aborts the request (e.g. a long poll at shutdown): it then fails with reason 'aborted'. */
  signal?: AbortSignal;
}

export interface ZaloBotClient {
  /** Checks the token; answers the bot's account. */
  getMe(options?: CallOptions): Promise<ZaloBotInfo>;
  /**
   * One long poll: the next event, or null when `timeout` seconds passed with none. The Platform has no
   * offset: an event is handed out once, and there is no acknowledging it.
   */
  getUpdates(options?: CallOptions & { timeout?: number }): Promise<ZaloBotUpdate | null>;
  /** `url` must be HTTPS; the secret (8 to 256 characters) comes back in `X-Bot-Api-Secret-Token`. */
  setWebhook(
    params: { url: string; secretToken: string },
    options?: CallOptions,
  ): Promise<ZaloBotWebhookInfo>;
  deleteWebhook(options?: CallOptions): Promise<ZaloBotWebhookInfo>;
  getWebhookInfo(options?: CallOptions): Promise<ZaloBotWebhookInfo>;
  sendMessage(chatId: string, text: string, options?: CallOptions): Promise<ZaloBotSent>;
  /** `photo` is a URL the Platform fetches; a caption, if any, is 1 to 2,000 characters. */
  sendPhoto(
    chatId: string,
    photo: string,
    caption?: string | undefined,
    options?: CallOptions,
  ): Promise<ZaloBotSent>;
  sendSticker(chatId: string, sticker: string, options?: CallOptions): Promise<ZaloBotSent>;
  sendChatAction(chatId: string, action: ZaloBotChatAction, options?: CallOptions): Promise<void>;
}

const envelope = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});
const botInfo = z.object({
  id: z.string().min(1),
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
const sent = z.object({ message_id: z.string().optional(), date: z.number().optional() });
const webhookInfo = z.object({ url: z.string().optional(), updated_at: z.number().optional() });

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_LONG_POLL_MARGIN_MS = 10_000;

export function createZaloBotClient(options: ZaloBotClientOptions): ZaloBotClient {
  const { token } = options;
  if (token === '') throw new AppError('ZALO_BOT_CONFIG', 'the Zalo Bot token is empty');
  const root = options.apiRoot.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const marginMs = options.longPollMarginMs ?? DEFAULT_LONG_POLL_MARGIN_MS;
  const redact = redactor(token);

  async function call(
    method: string,
    params: Record<string, unknown>,
    limitMs: number,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    // Combined by hand, not with AbortSignal.any: on Node 20 a composite signal can be collected while
    // a request still waits on it, and then never aborts (see bot/telegram/api.ts).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const onAbort = () => controller.abort();
    if (signal?.aborted) controller.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const combined = controller.signal;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const failed = (error: unknown): ZaloBotHttpError => {
      const cause = redact.error(error);
      if (timedOut) return new ZaloBotHttpError(method, 'timeout', `no answer within ${limitMs} ms`);
      if (signal?.aborted) return new ZaloBotHttpError(method, 'aborted', 'aborted by the caller');
      return new ZaloBotHttpError(method, 'network', describe(cause), undefined, { cause });
    };

    let status: number;
    let body: string;
    try {
      const response = await fetchFn(`${root}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: combined,
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      throw failed(error);
    } finally {
      done();
    }

    // Errors come as JSON whatever the HTTP status, so the body decides, not the status.
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ZaloBotHttpError(
        method,
        'invalid-response',
        `HTTP ${status}, the answer is not JSON`,
        status,
      );
    }
    const answer = envelope.safeParse(json);
    if (!answer.success) {
      throw new ZaloBotHttpError(method, 'invalid-response', `HTTP ${status}, not an API answer`, status);
    }
    if (!answer.data.ok) {
      const { error_code, description } = answer.data;
      throw new ZaloBotApiError(method, error_code ?? status, redact.text(description ?? ''));
    }
    return answer.data.result;
  }

  /** A result that must have a shape (getMe): an unusable one is an error. */
  function shaped<T>(method: string, schema: z.ZodType<T>, result: unknown): T {
    const parsed = schema.safeParse(result);
    if (parsed.success) return parsed.data;
    throw new ZaloBotHttpError(method, 'invalid-response', z.prettifyError(parsed.error));
  }

  // A send the Platform acknowledged is never reported as failed, even if its details are missing:
  // the caller would send it again.
  const sentOf = (result: unknown): ZaloBotSent => {
    const parsed = sent.safeParse(result);
    return parsed.success
      ? { messageId: parsed.data.message_id, date: parsed.data.date }
      : { messageId: undefined, date: undefined };
  };
  const webhookOf = (result: unknown): ZaloBotWebhookInfo => {
    const parsed = webhookInfo.safeParse(result);
    return parsed.success
      ? { url: parsed.data.url ?? '', updatedAt: parsed.data.updated_at }
      : { url: '', updatedAt: undefined };
  };

  return {
    async getMe(o) {
      const me = shaped('getMe', botInfo, await call('getMe', {}, timeoutMs, o?.signal));
      return {
        id: me.id,
        accountName: me.account_name,
        accountType: me.account_type,
        canJoinGroups: me.can_join_groups,
      };
    },

    async getUpdates(o) {
      const seconds = o?.timeout ?? ZALO_BOT_POLL_SECONDS;
      if (!Number.isInteger(seconds) || seconds < 0) {
        throw new RangeError(`getUpdates: timeout must be a whole number of seconds, got ${seconds}`);
      }
      let result: unknown;
      try {
        // The documentation types `timeout` as a String.
        result = await call('getUpdates', { timeout: String(seconds) }, seconds * 1000 + marginMs, o?.signal);
      } catch (error) {
        if (error instanceof ZaloBotApiError && error.errorCode === ZALO_BOT_POLL_TIMEOUT_CODE) return null;
        throw error;
      }
      if (result === undefined || result === null) return null;
      const parsed = parseZaloBotUpdate(result);
      if (!parsed.ok) throw new ZaloBotHttpError('getUpdates', 'invalid-response', parsed.problem);
      return parsed.update;
    },

    async setWebhook({ url, secretToken }, o) {
      return webhookOf(await call('setWebhook', { url, secret_token: secretToken }, timeoutMs, o?.signal));
    },

    async deleteWebhook(o) {
      return webhookOf(await call('deleteWebhook', {}, timeoutMs, o?.signal));
    },

    async getWebhookInfo(o) {
      try {
        return webhookOf(await call('getWebhookInfo', {}, timeoutMs, o?.signal));
      } catch (error) {
        // Clients in use report 404 when no webhook is set; the documentation shows only the success.
        if (error instanceof ZaloBotApiError && error.errorCode === 404)
          return { url: '', updatedAt: undefined };
        throw error;
      }
    },

    async sendMessage(chatId, text, o) {
      return sentOf(await call('sendMessage', { chat_id: chatId, text }, timeoutMs, o?.signal));
    },

    async sendPhoto(chatId, photo, caption, o) {
      const params: Record<string, unknown> = { chat_id: chatId, photo };
      if (caption !== undefined) params.caption = caption;
      return sentOf(await call('sendPhoto', params, timeoutMs, o?.signal));
    },

    async sendSticker(chatId, sticker, o) {
      return sentOf(await call('sendSticker', { chat_id: chatId, sticker }, timeoutMs, o?.signal));
    },

    async sendChatAction(chatId, action, o) {
      // Answers `{ ok: true }` with no result.
      await call('sendChatAction', { chat_id: chatId, action }, timeoutMs, o?.signal);
    },
  };
}

/** Replaces the token (raw and URL-encoded) in texts and in errors, their causes and stacks. */
function redactor(token: string): { text(s: string): string; error(e: unknown): unknown } {
  const forms = [...new Set([token, encodeURIComponent(token)])];
  const text = (s: string): string => forms.reduce((out, form) => out.split(form).join('[redacted]'), s);
  const error = (e: unknown, depth = 0): unknown => {
    if (!(e instanceof Error)) return typeof e === 'string' ? text(e) : e === undefined ? e : text(String(e));
    const copy = new Error(
      text(e.message),
      e.cause !== undefined && depth < 4 ? { cause: error(e.cause, depth + 1) } : undefined,
    );
    copy.name = e.name;
    copy.stack = text(e.stack ?? '');
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
    return copy;
  };
  return { text, error };
}

/** A short reason for the log line: fetch's own message is "fetch failed", the cause says why. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
  const text = [cause.message, inner?.message].filter((part) => part !== undefined && part !== '').join(': ');
  return typeof code === 'string' ? `${text} (${code})` : text;
}
