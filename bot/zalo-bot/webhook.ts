/**
 * A minimal receiver for the Zalo Bot Platform's webhook: Zalo POSTs each event as JSON to the URL given to
 * setWebhook, with the secret in the `X-Bot-Api-Secret-Token` header. It is meant to sit behind the
 * HTTPS front (reverse proxy) that owns the public URL; it listens on plain HTTP.
 *
 * Answers: 404 other paths, 405 other methods, 401 no secret, 403 a wrong secret (onUpdate is not called
 * for any of these), 413 a body over the cap, 400 a body that is not an event, 500 when onUpdate threw,
 * 200 once onUpdate has accepted the event. onUpdate should hand the event over (queue it) and return:
 * the Platform is waiting for the answer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../core/errors.js';
import { HTTP_LIMITS, stoppable } from '../../core/http-server.js';
import type { Log } from '../../core/log.js';
import { parseZaloBotUpdate, type ZaloBotUpdate } from './update.js';

export const SECRET_HEADER = 'x-bot-api-secret-token';
/** setWebhook accepts a secret of 8 to 256 characters (the Platform's documentation). */
export const SECRET_MIN = 8;
export const SECRET_MAX = 256;
/** An event is a few kB at most; anything much larger is not from Zalo. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface WebhookServerOptions {
  /** 0 picks a free port (tests); start() answers the port in use. */
  port: number;
  host?: string;
  /** The path part of the URL given to setWebhook, e.g. `/zalo-bot/webhook`. */
  path: string;
  secret: string;
  onUpdate: (update: ZaloBotUpdate) => void | Promise<void>;
  logger: Log;
  maxBodyBytes?: number;
}

export interface WebhookServer {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { path, onUpdate, logger } = options;
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const problems: string[] = [];
  if (options.secret.length < SECRET_MIN || options.secret.length > SECRET_MAX) {
    problems.push(`the webhook secret must be ${SECRET_MIN} to ${SECRET_MAX} characters`);
  }
  if (!path.startsWith('/')) problems.push(`the webhook path must start with "/", got "${path}"`);
  if (problems.length > 0) throw new ConfigError('Zalo Bot webhook', problems);
  // Digests have one length whatever the header's, so the comparison neither throws nor leaks the length.
  const secretDigest = digest(options.secret);

  // The documented limits (a slow or endless sender cannot hold a connection for long), and a stop
  // that closes every connection not being answered at once.
  const server = createServer(HTTP_LIMITS, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'Zalo Bot webhook failed');
      if (!res.headersSent) answer(res, 500, { ok: false, description: 'Internal error' });
      else res.destroy();
    });
  });
  const closeServer = stoppable(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refuse = (status: number, description: string) => {
      logger.warn(
        { status, reason: description, remote: req.socket.remoteAddress },
        'Zalo Bot webhook refused',
      );
      answer(res, status, { ok: false, description });
    };
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== path) return refuse(404, 'Not found');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return refuse(405, 'Method not allowed');
    }
    const given = req.headers[SECRET_HEADER];
    if (given === undefined || given === '') return refuse(401, 'Unauthorized');
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), secretDigest)) {
      return refuse(403, 'Forbidden');
    }

    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      res.setHeader('connection', 'close');
      return refuse(413, 'Payload too large');
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(400, 'Bad request: the body is not JSON');
    }
    const parsed = parseZaloBotUpdate(unwrap(json));
    if (!parsed.ok) return refuse(400, `Bad request: ${parsed.problem}`);

    try {
      await onUpdate(parsed.update);
    } catch (error) {
      logger.error(
        { err: error, event: parsed.update.event_name },
        'Zalo Bot webhook: the event was not taken',
      );
      answer(res, 500, { ok: false, description: 'Internal error' });
      return;
    }
    answer(res, 200, { ok: true });
  }

  return {
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      logger.info({ host, port, path }, 'Zalo Bot webhook listening');
      return { port };
    },

    stop: () => closeServer(),
  };
}

/**
 * The documentation (and the Platform's own Python SDK) sends `{ ok: true, result: event }`, the same
 * envelope as getUpdates; clients in use report bare events too. Both are taken.
 */
function unwrap(json: unknown): unknown {
  if (
    typeof json === 'object' &&
    json !== null &&
    'result' in json &&
    (json as { ok?: unknown }).ok === true
  ) {
    return (json as { result: unknown }).result;
  }
  return json;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function readBody(req: IncomingMessage, cap: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  // Node discards the unread rest of the body once the answer is sent.
  if (Number.isFinite(declared) && declared > cap) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > cap) {
        settled = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
