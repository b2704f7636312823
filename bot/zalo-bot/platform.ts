import { AppError } from '../../core/errors.js';
import { htmlToPlain } from '../../core/html.js';
import { identityKey, idOn } from '../../core/identity.js';
import { type Log, silentLog } from '../../core/log.js';
import {
  type Incoming,
  type OutMessage,
  type Platform,
  type PlatformHost,
  parseCommand,
} from '../../core/platform.js';
import { type Locale, locales } from '../../locales/index.js';
import { ChoiceMemory, withChoices } from '../kit/choices.js';
import { InFlight } from '../kit/inflight.js';
import { Lanes } from '../kit/lanes.js';
import { realTimers } from '../kit/timers.js';
import { createZaloBotClient, ZaloBotApiError, type ZaloBotClient } from './client.js';
import type { ZaloBotConfig } from './config.js';
import { fetchEvidence, readEvidence } from './photos.js';
import { ZaloBotSender } from './sender.js';
import type { ZaloBotMessageMeta, ZaloBotUpdate } from './update.js';
import { createWebhookServer, type WebhookServer } from './webhook.js';

export interface ZaloBotOptions {
  logger?: Log;
  locale?: Locale;
  /** Where evidence photos are kept (the store's data directory). */
  dataDir: string;
  /** The long poll's timeout in seconds (the Platform's default: 30). */
  pollSeconds?: number;
  /** First wait after a failed poll, doubling up to a minute; also the wait before a send's one retry. */
  retryMs?: number;
  /** How long sends pause after the quota answer (429) came twice in a row; doubles, up to a day. */
  quotaPauseMs?: number;
  /** The client (tests may hand one in; by default one for `config.apiRoot`). */
  client?: ZaloBotClient;
  /** The webhook's port instead of the configured one (tests: 0, any free port). */
  webhookPort?: number;
}

/** The Zalo Bot platform; `idle` resolves once every event received so far is answered. */
export interface ZaloBotPlatform extends Platform {
  idle(): Promise<void>;
  /** `running`, or `revoked` once the Platform refused the token while running (the others go on). */
  readonly state: 'idle' | 'running' | 'revoked' | 'stopped';
  /** The webhook's port once listening (webhook mode). */
  readonly webhookPort: number | undefined;
}

/** The Platform refused the token at start-up (401) or does not know the bot (404). */
export class ZaloBotStartError extends AppError {
  override readonly name = 'ZaloBotStartError';
  constructor(detail: string) {
    super(
      'ZALO_BOT_START',
      `the Zalo Bot Platform refused ZALO_BOT_TOKEN (${detail}); check the token in Zalo Bot Creator`,
    );
  }
}

interface Origin {
  chatId: string;
}

/**
 * The official Zalo Bot Platform (bot-api.zaloplatforms.com): one-to-one chats only, text only out
 * (no files; photos only by URL), one event per long poll and no offsets. It translates, as every
 * platform does: each event into an `Incoming` for the core, each reply into plain text with numbered
 * choices (answer with the number), split within 2,000 characters.
 *
 * Membership is by approval: there is no group to check against, so someone belongs once registered —
 * by an admin approving their /dangky request, or by /lienket to a profile registered elsewhere.
 * Report files cannot be sent here: core/delivery.ts sends them on a linked platform or says how to
 * get them. A revoked token (401 while running) stops this platform alone, with one clear log line.
 */
export function createZaloBotPlatform(config: ZaloBotConfig, options: ZaloBotOptions): ZaloBotPlatform {
  const logger = (options.logger ?? silentLog).child({ platform: 'zalobot' });
  const locale = options.locale ?? 'vi';
  const t = locales[locale];
  const retryMs = options.retryMs ?? 2_000;
  const client = options.client ?? createZaloBotClient({ token: config.token, apiRoot: config.apiRoot });
  const sender = new ZaloBotSender(client, {
    intervalMs: config.sendIntervalMs,
    retryMs,
    quotaPauseMs: options.quotaPauseMs ?? 3_600_000,
    onRevoked: (error) => revoked(error),
    logger,
  });

  let host: PlatformHost | undefined;
  let state: ZaloBotPlatform['state'] = 'idle';
  let webhook: WebhookServer | undefined;
  let webhookPort: number | undefined;
  let polling: Promise<void> | undefined;
  const abort = new AbortController();
  /** Events are handled one at a time per chat, in order; chats do not wait for each other. */
  const lanes = new Lanes();
  const inflight = new InFlight();
  /** The numbered choices last shown in each chat, read back from a bare number. */
  const choices = new ChoiceMemory();

  function revoked(error: ZaloBotApiError): void {
    if (state !== 'running') return;
    state = 'revoked';
    logger.error(
      { code: error.errorCode },
      'Zalo Bot Platform refused the token (401): the Zalo Bot platform stops; the other platforms keep running. Reset the token in Zalo Bot Creator, set ZALO_BOT_TOKEN and restart.',
    );
    abort.abort();
    void webhook?.stop();
  }

  /**
   * A message as the chat shows it: plain text, the choices numbered below (remembered for a number
   * answer); a `reply` numbers its choices on from the others of the same answer.
   */
  function render(chatId: string, message: OutMessage, reply: boolean): string {
    const shown = message.choices ?? [];
    const first = choices.show(chatId, shown, reply);
    return withChoices(
      htmlToPlain(message.html),
      shown,
      first,
      t.zaloBot.pickByNumber(first + shown.length - 1),
    );
  }

  async function send(chatId: string, message: OutMessage, reply = true): Promise<void> {
    if (message.files?.length)
      logger.warn({ chat: chatId }, 'files given to a platform that cannot send them');
    await sender.send(chatId, render(chatId, message, reply));
  }

  function incoming(meta: ZaloBotMessageMeta, text: string, log: Log): Incoming {
    const from = meta.from.id;
    return {
      platform: 'zalobot',
      caller: { identity: identityKey('zalobot', from), displayName: meta.from.displayName ?? from },
      chat: { id: meta.chat.id, kind: 'private' },
      text,
      mentions: [],
      messageKey: `zalobot:${meta.chat.id}:${meta.messageId ?? `${meta.date ?? Date.now()}`}`,
      locale,
      isAdmin: config.adminIds.has(from),
      isCouncil: config.councilIds.has(from),
      // No group: the core decides who belongs (a registered member who has not left).
      isGroupMember: async () => false,
      membership: 'approval',
      origin: { chatId: meta.chat.id } satisfies Origin,
      log,
    };
  }

  /** What a chat's text says: a number picking a choice, or words for the core to read (a command or not). */
  function readText(chatId: string, text: string): { text: string; picked?: string } | 'expired' | 'other' {
    const picked = choices.read(chatId, text);
    // Whatever comes now answers this message: the choices shown before are closed.
    choices.begin(chatId);
    if (picked === 'expired') return picked;
    if (picked) return { text: picked.command, picked: picked.command };
    return text.trim() ? { text } : 'other';
  }

  async function handle(update: ZaloBotUpdate): Promise<void> {
    if (!host || update.kind === 'unknown') return;
    const meta = update.message;
    if (!meta) return;
    const chatId = meta.chat.id;
    const log = logger.child({ message: `${chatId}:${meta.messageId ?? ''}`, event: update.event_name });
    if (update.kind === 'unsupported') return send(chatId, { html: t.zaloBot.unsupported });
    if (update.kind === 'sticker') return send(chatId, { html: t.zaloBot.notACommand });

    const raw = update.kind === 'text' ? update.text : (update.caption ?? '');
    const read = readText(chatId, raw);
    if (read === 'expired') return send(chatId, { html: t.zaloBot.numberExpired });
    if (read === 'other') {
      return send(chatId, {
        html: update.kind === 'image' ? t.zaloBot.photoWithoutCommand : t.zaloBot.notACommand,
      });
    }
    if (read.picked) await sender.send(chatId, t.chosen(read.picked));
    const message = incoming(meta, read.text, log);
    let photoLost = false;
    // Evidence is fetched only for a command's photo; a caption that is no command gets an answer only.
    if (update.kind === 'image' && parseCommand(read.text)) {
      const kept = await fetchEvidence(update.photoUrl, {
        dataDir: options.dataDir,
        maxBytes: config.photoMaxBytes,
      });
      if (kept.ok) message.photos = [{ fileId: kept.ref }];
      else {
        photoLost = true;
        log.warn({ problem: kept.problem }, 'evidence photo not kept');
      }
    }
    await host.handle(message);
    if (photoLost) await send(chatId, { html: t.zaloBot.photoNotKept });
  }

  /** Queues an event on its chat's lane; never throws (the webhook answers as soon as it is queued). */
  function receive(update: ZaloBotUpdate): void {
    if (update.kind === 'unknown') {
      logger.debug({ event: update.event_name }, 'ignored a Zalo Bot event the bot does not know');
      return;
    }
    const meta = update.message;
    if (!meta || meta.from.isBot) return;
    if (meta.chat.type !== 'PRIVATE') {
      logger.debug(
        { chat: meta.chat.id, type: meta.chat.type },
        'ignored a Zalo Bot chat that is not private',
      );
      return;
    }
    const lane = meta.chat.id;
    void inflight.track(
      lanes.run(lane, () =>
        handle(update).catch((err: unknown) => logger.error({ err, chat: lane }, 'Zalo Bot event failed')),
      ),
    );
  }

  async function poll(): Promise<void> {
    let wait = retryMs;
    let down = false;
    while (state === 'running') {
      try {
        const update = await client.getUpdates({ timeout: options.pollSeconds ?? 30, signal: abort.signal });
        if (down) logger.info({}, 'Zalo Bot Platform reachable again; polling');
        down = false;
        wait = retryMs;
        if (update) receive(update);
      } catch (error) {
        if (state !== 'running') return;
        if (error instanceof ZaloBotApiError && error.errorCode === 401) return revoked(error);
        if (!down)
          logger.error({ err: error }, 'Zalo Bot Platform unreachable; polling again with growing waits');
        down = true;
        await realTimers.sleep(wait, abort.signal);
        wait = Math.min(wait * 2, 60_000);
      }
    }
  }

  /** Every event received so far answered, and every send it queued settled. */
  const idle = () => inflight.idle(() => sender.drain());

  return {
    name: 'zalobot',
    membership: 'approval',
    sendsFiles: false,
    get state() {
      return state;
    },
    get webhookPort() {
      return webhookPort;
    },
    idle,
    async start(h) {
      host = h;
      try {
        const me = await client.getMe({ signal: abort.signal });
        logger.info({ bot: me.id, mode: config.mode }, 'Zalo Bot Platform: token accepted');
      } catch (error) {
        if (error instanceof ZaloBotApiError && (error.errorCode === 401 || error.errorCode === 404)) {
          throw new ZaloBotStartError(`${error.errorCode}: ${error.description}`);
        }
        // Unreachable now: start anyway and keep trying (the other platforms need not wait).
        logger.error({ err: error }, 'Zalo Bot Platform unreachable at start-up; will keep trying');
      }
      state = 'running';
      if (config.mode === 'webhook' && config.webhook) {
        const hook = config.webhook;
        webhook = createWebhookServer({
          ...hook,
          port: options.webhookPort ?? hook.port,
          onUpdate: receive,
          logger,
        });
        webhookPort = (await webhook.start()).port;
        try {
          await client.setWebhook({ url: hook.url, secretToken: hook.secret }, { signal: abort.signal });
          logger.info({ url: hook.url }, 'Zalo Bot webhook set');
        } catch (error) {
          if (error instanceof ZaloBotApiError && error.errorCode === 401) revoked(error);
          else logger.error({ err: error }, 'could not set the Zalo Bot webhook; events will not arrive');
        }
        return;
      }
      // getUpdates does not work while a webhook is set (a previous run in webhook mode).
      await client.deleteWebhook({ signal: abort.signal }).catch((err: unknown) => {
        logger.warn({ err }, 'could not delete the Zalo Bot webhook before polling');
      });
      polling = poll();
    },
    async stop() {
      if (state === 'stopped') return;
      if (state === 'running' || state === 'idle') state = 'stopped';
      abort.abort();
      await webhook?.stop();
      await polling;
      await idle();
    },
    reply: (origin, message) => send((origin as Origin).chatId, message),
    async sendToPerson(identity, message) {
      const id = idOn('zalobot', identity);
      if (!id || state !== 'running') return false;
      try {
        // A private chat's id is the user's id; a message of its own numbers its choices from 1.
        await send(id, message, false);
        return true;
      } catch (error) {
        // Someone who never wrote to the bot cannot be written to first.
        if (error instanceof ZaloBotApiError && [400, 403, 404].includes(error.errorCode)) return false;
        throw error;
      }
    },
    admins: () => [...config.adminIds].map((id) => identityKey('zalobot', id)),
    photo: (ref) => readEvidence(options.dataDir, ref),
  };
}
