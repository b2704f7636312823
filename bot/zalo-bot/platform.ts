import { idOn } from '../../core/identity.js';
import type { Log } from '../../core/log.js';
import { silentLog } from '../../core/log.js';
import { type OutMessage, type Platform, type PlatformHost, parseCommand } from '../../core/platform.js';
import type { Timers } from '../../core/timers.js';
import { type Locale, locales } from '../../locales/index.js';
import { ChoiceMemory } from '../kit/choices.js';
import { InFlight } from '../kit/inflight.js';
import { Lanes } from '../kit/lanes.js';
import { realTimers } from '../kit/timers.js';
import { createZaloBotClient, ZaloBotApiError, type ZaloBotClient } from './client.js';
import type { ZaloBotConfig } from './config.js';
import { fetchEvidence, readEvidence } from './photos.js';
import { ZaloBotSender } from './sender.js';
import { ZaloBotSession, ZaloBotStartError, type ZaloBotState } from './session.js';
import { identityOf, incomingOf, type Origin, readText, render } from './translate.js';
import type { ZaloBotUpdate } from './update.js';

export { ZaloBotStartError };

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
  /** The clock and waits: polling's back-off, the send throttle, open choices (tests move time). */
  timers?: Timers;
}

/** The Zalo Bot platform; `idle` resolves once every event received so far is answered. */
export interface ZaloBotPlatform extends Platform {
  idle(): Promise<void>;
  /** `running`, or `revoked` once the Platform refused the token while running (the others go on). */
  readonly state: ZaloBotState;
  /** The webhook's port once listening (webhook mode). */
  readonly webhookPort: number | undefined;
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
 * get them. Composed of its parts: the session (the token, polling or the webhook, a revoked token:
 * ./session.ts), the sender (throttled lanes, quota: ./sender.ts) and the translation (./translate.ts);
 * what is left here is handling an event, one at a time per chat.
 */
export function createZaloBotPlatform(config: ZaloBotConfig, options: ZaloBotOptions): ZaloBotPlatform {
  const logger = (options.logger ?? silentLog).child({ platform: 'zalobot' });
  const locale = options.locale ?? 'vi';
  const t = locales[locale];
  const retryMs = options.retryMs ?? 2_000;
  const timers = options.timers ?? realTimers;
  const client = options.client ?? createZaloBotClient({ token: config.token, apiRoot: config.apiRoot });
  const session = new ZaloBotSession(config, client, {
    logger,
    retryMs,
    pollSeconds: options.pollSeconds ?? 30,
    webhookPort: options.webhookPort,
    timers,
    onUpdate: receive,
  });
  const sender = new ZaloBotSender(client, {
    intervalMs: config.sendIntervalMs,
    retryMs,
    quotaPauseMs: options.quotaPauseMs ?? 3_600_000,
    onRevoked: (error) => session.revoked(error),
    logger,
    timers,
  });

  let host: PlatformHost | undefined;
  /** Events are handled one at a time per chat, in order; chats do not wait for each other. */
  const lanes = new Lanes({ timers });
  const inflight = new InFlight();
  /** The numbered choices last shown in each chat, read back from a bare number. */
  const choices = new ChoiceMemory({ timers });

  async function send(chatId: string, message: OutMessage, reply = true): Promise<void> {
    if (message.files?.length)
      logger.warn({ chat: chatId }, 'files given to a platform that cannot send them');
    await sender.send(chatId, render(choices, chatId, message, reply, locale));
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
    const read = readText(choices, chatId, raw);
    if (read === 'expired') return send(chatId, { html: t.zaloBot.numberExpired });
    if (read === 'other') {
      return send(chatId, {
        html: update.kind === 'image' ? t.zaloBot.photoWithoutCommand : t.zaloBot.notACommand,
      });
    }
    if (read.picked) await sender.send(chatId, t.chosen(read.picked));
    const message = incomingOf(meta, read.text, { config, locale, log });
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

  /** Every event received so far answered, and every send it queued settled. */
  const idle = () => inflight.idle(() => sender.drain());

  return {
    name: 'zalobot',
    membership: 'approval',
    sendsFiles: false,
    get state() {
      return session.state;
    },
    get webhookPort() {
      return session.webhookPort;
    },
    idle,
    async start(h) {
      host = h;
      await session.start();
    },
    async stop() {
      if (session.state === 'stopped') return;
      await session.stop();
      await idle();
    },
    reply: (origin, message) => send((origin as Origin).chatId, message),
    async sendToPerson(identity, message) {
      const id = idOn('zalobot', identity);
      if (!id || session.state !== 'running') return false;
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
    admins: () => [...config.adminIds].map(identityOf),
    photo: (ref) => readEvidence(options.dataDir, ref),
  };
}
