import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { API, Credentials, SendMessageQuote } from 'zca-js';
import * as z from 'zod';
import type { OutFile, OutImage } from '../../core/context.js';
import type { Log } from '../../core/log.js';
import {
  type ZaloEvents,
  type ZaloGroupInfo,
  ZaloLoginError,
  type ZaloMessage,
  type ZaloText,
  type ZaloThread,
  type ZaloTransport,
} from './transport.js';

/** The session `npm run zalo:login` saves: zca-js's Credentials (the cookie jar is checked by zca-js). */
const credentialsSchema = z.object({
  cookie: z.union([
    z.array(z.looseObject({})),
    z.looseObject({ url: z.string(), cookies: z.array(z.unknown()) }),
  ]),
  imei: z.string().min(1),
  userAgent: z.string().min(1),
  language: z.string().optional(),
});

/** Reads the saved session; a missing or unreadable file asks the operator to log in. */
export async function readCredentials(file: string): Promise<Credentials> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ZaloLoginError(`${file} does not exist: run npm run zalo:login first`, { cause: error });
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // Not the parser's message (nor as the cause): it quotes the file, which holds the cookie.
    throw new ZaloLoginError(`${file} is not JSON: run npm run zalo:login again`);
  }
  const result = credentialsSchema.safeParse(parsed);
  if (!result.success) {
    // Only the paths of the bad fields: the values are secrets.
    const fields = result.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new ZaloLoginError(`${file} lacks a valid ${fields}: run npm run zalo:login again`);
  }
  return result.data as Credentials;
}

/**
 * Saves a session readable by its owner only: written to a new file of mode 600, then renamed over
 * the old one, so the secret is never in a file others may read (an old file keeps its old mode).
 */
export async function writeCredentials(file: string, credentials: Credentials): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  await chmod(file, 0o600);
}

export interface ZcaOptions {
  credentialsFile: string;
  logger: Log;
  /** A document is sent once Zalo confirms its upload over the listener; give up after this long. */
  fileTimeoutMs?: number;
  /** Logs in with the saved session: zca-js's own login unless a test hands in another. */
  login?: (credentials: Credentials) => Promise<API>;
}

/** zca-js (~35 MB with its dependencies) is loaded only when the Zalo side starts, never otherwise. */
const zcaJs = () => import('zca-js');

// zca-js's own logging goes to the console and its update check to npm: both off.
const zcaLogin = async (credentials: Credentials) => {
  const { Zalo } = await zcaJs();
  return new Zalo({ selfListen: false, checkUpdate: false, logging: false }).login(credentials);
};

/** zca-js's listener reports errors as ws ErrorEvents, whose socket carries the cookie: keep the message. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const inner = (error as { error?: unknown } | null)?.error;
  if (inner instanceof Error) return inner;
  const message = (error as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' && message ? message : 'Zalo listener error');
}

function quoteOf(message: ZaloMessage): SendMessageQuote {
  const { content, msgType, propertyExt, uidFrom, msgId, cliMsgId, ts, ttl } = message.data;
  return { content, msgType, propertyExt, uidFrom, msgId, cliMsgId, ts, ttl };
}

/** zca-js refuses to quote a non-text `webchat` message or a poll; those replies go unquoted. */
function quotable(message: ZaloMessage): boolean {
  const { content, msgType } = message.data;
  return !(typeof content !== 'string' && msgType === 'webchat') && msgType !== 'group.poll';
}

const threadType = async (thread: ZaloThread) => {
  const { ThreadType } = await zcaJs();
  return thread.kind === 'group' ? ThreadType.Group : ThreadType.User;
};

/** A file name Zalo shows as is, and that stays inside our temporary folder. */
function safeName(filename: string): string {
  const name = basename(filename).replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return /\.[A-Za-z0-9]+$/.test(name) ? name : `${name || 'file'}.bin`;
}

/** A PNG's width and height, from its IHDR chunk (bytes 16–23); undefined when it is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** A picture's name as zca-js types it (`name.ext`), and Zalo takes it: safe characters, `.png`. */
function pngName(filename: string): `${string}.png` {
  const base = safeName(filename).replace(/\.[A-Za-z0-9]+$/, '');
  return `${base || 'image'}.png`;
}

/**
 * The transport over zca-js, which drives a personal Zalo account through Zalo Web's unofficial API.
 * Each `start` logs in again with the saved session and starts a new listener; `restartListener`
 * starts the same one again. zca-js's listener keeps the socket alive by itself (see docs/zalo-zca.md).
 */
export function createZcaTransport(options: ZcaOptions): ZaloTransport {
  const { logger } = options;
  const fileTimeoutMs = options.fileTimeoutMs ?? 120_000;
  const login = options.login ?? zcaLogin;
  let api: API | null = null;
  /** Bumped on every start and stop, so a replaced listener's events are dropped. */
  let generation = 0;

  const connected = (): API => {
    if (!api) throw new ZaloLoginError('not logged in to Zalo');
    return api;
  };

  return {
    async start(events: ZaloEvents) {
      const credentials = await readCredentials(options.credentialsFile);
      let next: API;
      try {
        next = await login(credentials);
      } catch (error) {
        throw new ZaloLoginError(`Zalo refused the saved session (${(error as Error).message})`, {
          cause: error,
        });
      }
      const own = ++generation;
      const live = () => own === generation;
      const listener = next.listener;
      // An EventEmitter without an 'error' listener throws on 'error', which would end the process.
      listener.on('error', (error) => {
        if (live()) events.error(asError(error));
      });
      listener.on('closed', (code, reason) => {
        if (live()) events.closed(code, String(reason ?? ''));
      });
      listener.on('connected', () => {
        if (live()) logger.debug({}, 'Zalo listener connected');
      });
      listener.on('message', (message) => {
        if (live()) events.message(message);
      });
      // zca-js retries the codes Zalo's settings list (close_and_retry_codes); 1006 is not one of them,
      // so a 1006 ends in 'closed' and the session restarts the listener (restartListener).
      listener.start({ retryOnClose: true });
      api = next;
      return { selfId: next.getOwnId() };
    },

    async restartListener() {
      // zca-js 2.2 (dist/apis/listen.js): on close the Listener calls its reset(), which sets its socket
      // to null, before it emits 'closed'; start() then opens a new socket with the same cookie and URL
      // (it throws "Already started" while a socket is open). The handlers above stay attached.
      connected().listener.start({ retryOnClose: true });
    },

    async stop() {
      generation += 1;
      const old = api;
      api = null;
      old?.listener.stop();
    },

    async sendText(thread: ZaloThread, message: ZaloText) {
      const quote = message.quote && quotable(message.quote) ? quoteOf(message.quote) : undefined;
      const type = await threadType(thread);
      await connected().sendMessage(
        {
          msg: message.text,
          ...(message.mentions?.length && thread.kind === 'group' ? { mentions: message.mentions } : {}),
          ...(quote ? { quote } : {}),
        },
        thread.id,
        type,
      );
    },

    async sendFile(thread: ZaloThread, file: OutFile) {
      const client = connected();
      const type = await threadType(thread);
      // zca-js uploads attachments from a path; the name of the file is the name Zalo shows.
      const dir = await mkdtemp(join(tmpdir(), 'thidua-zalo-'));
      let timer: NodeJS.Timeout | undefined;
      try {
        const path = join(dir, safeName(file.filename));
        await writeFile(path, file.data, { mode: 0o600 });
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Zalo did not confirm the upload of ${basename(path)}`)),
            fileTimeoutMs,
          );
        });
        await Promise.race([client.sendMessage({ msg: '', attachments: [path] }, thread.id, type), timeout]);
      } finally {
        clearTimeout(timer);
        await rm(dir, { recursive: true, force: true });
      }
    },

    async sendImage(thread: ZaloThread, image: OutImage) {
      const client = connected();
      const size = pngSize(image.data);
      // From a Buffer with its size given, as zca-js 2.2 takes it (models/Attachment.ts): from a path it
      // would need an imageMetadataGetter (sharp or the like) to read the size, which we do not ship.
      const attachment = {
        data: image.data,
        filename: pngName(image.filename),
        metadata: { totalSize: image.data.length, ...size },
      };
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Zalo did not confirm the upload of ${attachment.filename}`)),
          fileTimeoutMs,
        );
      });
      try {
        await Promise.race([
          client.sendMessage({ msg: '', attachments: [attachment] }, thread.id, await threadType(thread)),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },

    async groupInfo(groupId: string): Promise<ZaloGroupInfo> {
      const response = await connected().getGroupInfo(groupId);
      const group = response.gridInfoMap[groupId];
      if (!group) throw new Error(`Zalo knows no group ${groupId} for this account`);
      // Large groups list their members in memVerList (`uid_version`) rather than memberIds.
      const members = new Set([
        ...(group.memberIds ?? []),
        ...(group.memVerList ?? []).map((v) => v.split('_')[0] ?? ''),
        ...(group.currentMems ?? []).map((m) => m.id),
      ]);
      members.delete('');
      return {
        adminIds: [...new Set([group.creatorId, ...(group.adminIds ?? [])].filter(Boolean))],
        memberIds: [...members],
      };
    },
  };
}
