import { type RunnerHandle, run } from '@grammyjs/runner';
import { Api, type Bot, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Command } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Log } from '../../core/log.js';
import type { Timers } from '../../core/timers.js';
import type { Locale } from '../../locales/index.js';
import type { InFlight } from '../kit/inflight.js';
import { realTimers } from '../kit/timers.js';
import { type ApiLimits, DEFAULT_LIMITS, timeouts } from './api.js';
import type { TelegramConfig } from './config.js';
import type { HandledOffsets } from './confirm.js';
import { setCommandMenu, setDeskButton } from './menu.js';

/** Telegram refused to let the bot start: a wrong or revoked token (401), or a wrong API root (404). */
export class TelegramStartError extends AppError {
  override readonly name = 'TelegramStartError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('TELEGRAM_START', message, options);
  }
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'chat_member'] as const;

/**
 * Who the bot is (getMe), asked before its platform exists — bot/main.ts asks while the store is
 * read, and hands the answer to the platform, whose start then asks no more. Undefined on any
 * failure: the start asks again, and says why it cannot go on.
 */
export async function askBotInfo(
  config: Pick<TelegramConfig, 'token' | 'apiRoot'>,
  signal: AbortSignal,
): Promise<UserFromGetMe | undefined> {
  const api = new Api(config.token, { apiRoot: config.apiRoot });
  api.config.use(timeouts(DEFAULT_LIMITS, signal));
  try {
    return await api.getMe();
  } catch {
    return undefined;
  }
}

export interface SessionOptions {
  commands?: readonly Command[] | Promise<readonly Command[]> | undefined;
  stopGraceMs?: number | undefined;
  conflictBackoffMs?: number | undefined;
  pollRetryMs?: number | undefined;
  polling?: boolean | undefined;
  /** The wait before polling again after a 409 (tests move time instead of waiting). */
  timers?: Timers | undefined;
}

/**
 * The Telegram side's life: the token checked at start, the command menu and the desk button set,
 * long polling through grammY's runner (a 409 waits and polls again, a 401 stops Telegram only), and
 * the stop, which lets the answers in flight go out within a grace period.
 */
export class TelegramSession {
  private runner: RunnerHandle | undefined;
  private stopping: Promise<void> | null = null;
  /** Resolves once polling has ended (stopped, or the token was refused). */
  polling: Promise<void> = Promise.resolve();
  /** Resolves once the command menu and the desk button are set, or have failed (logged). */
  menu: Promise<void> = Promise.resolve();

  constructor(
    private readonly bot: Bot,
    private readonly config: TelegramConfig,
    private readonly options: SessionOptions,
    private readonly limits: ApiLimits,
    private readonly fallback: Locale,
    private readonly log: Log,
    private readonly offsets: HandledOffsets,
    private readonly inflight: InFlight,
    /** Aborted when a stop gives up waiting: every API call in flight ends. */
    private readonly shutdown: AbortController,
    /** Called as a stop begins (albums still waiting are taken as they are). */
    private readonly onStopping: () => void,
  ) {}

  /** Checks the token (a refusal throws TelegramStartError), then polls and sets the menus (unless `polling: false`). */
  async start(): Promise<void> {
    const { bot, options, config, log } = this;
    try {
      await bot.init();
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new TelegramStartError(
          `Telegram refused the bot token (${error.error_code}: ${error.description}); check TELEGRAM_BOT_TOKEN${
            error.error_code === 404 ? ' and TELEGRAM_API_ROOT' : ''
          }`,
          { cause: error },
        );
      }
      if (error instanceof HttpError) {
        throw new TelegramStartError(`Telegram cannot be reached (${error.message})`, { cause: error });
      }
      throw error;
    }
    if (options.polling === false || this.stopping) return;
    log.info({ bot: bot.botInfo.username, group: config.groupId }, 'polling');
    this.polling = this.poll();
    // The menus are a convenience, set while the bot polls already: three calls to Telegram, six more
    // for each admin and Council member, each a round trip, no longer hold up the first answer. They
    // begin a turn of the event loop later, once the first getUpdates has taken the connection getMe
    // left open: begun at once, setMyCommands took it, and getUpdates waited for a connection of its
    // own (a TLS handshake to Telegram; 20-40 ms on loopback while the start's work held the thread).
    this.menu = new Promise((resolve) => setImmediate(resolve)).then(() => this.setMenus());
  }

  /** The command menu, then the desk button; a failure is logged, and the bot goes on. */
  private async setMenus(): Promise<void> {
    const { bot, options, config, log } = this;
    const stopping = () => this.stopping !== null;
    await Promise.resolve(options.commands)
      .then((commands) => setCommandMenu(bot.api, commands ?? [], config, this.fallback, log, stopping))
      .catch((err: unknown) => {
        if (!stopping()) log.warn({ err }, 'could not set the command menu');
      });
    if (config.deskUrl && !stopping()) await setDeskButton(bot.api, config, this.fallback, log);
  }

  /** Stops polling and waits (up to the grace period) for the answers in flight; calls after the first share it. */
  stop(): Promise<void> {
    const { options, inflight, shutdown } = this;
    this.stopping ??= (async () => {
      // Albums still waiting for a photo are taken as they are, and answered before the bot stops.
      this.onStopping();
      const grace = options.stopGraceMs ?? 5_000;
      const abandon = setTimeout(() => shutdown.abort(), grace);
      try {
        await this.runner?.stop().catch(() => {});
        await Promise.race([
          inflight.settled(),
          new Promise((resolve) => shutdown.signal.addEventListener('abort', resolve)),
        ]);
      } finally {
        clearTimeout(abandon);
        shutdown.abort();
      }
      await inflight.settled();
      // Its call in flight ended with the abort; no other follows.
      await this.menu;
    })();
    return this.stopping;
  }

  /** Polls through grammY's runner; a 409 (another instance) waits and polls again, a 401 stops Telegram only. */
  private async poll(): Promise<void> {
    const { bot, options, log } = this;
    let backoff = options.conflictBackoffMs ?? 5_000;
    while (!this.stopping) {
      // The runner hands each update to handleUpdate; tracked here, so a stop can wait for the answers in flight.
      const adapter = {
        api: bot.api,
        init: () => bot.init(),
        handleUpdate: (update: Parameters<Bot['handleUpdate']>[0]) =>
          this.offsets.handling(update.update_id, this.inflight.track(bot.handleUpdate(update))),
        errorHandler: (error: Parameters<Bot['errorHandler']>[0]) => bot.errorHandler(error),
      };
      this.runner = run(adapter, {
        runner: {
          fetch: { timeout: this.limits.pollSeconds, allowed_updates: [...ALLOWED_UPDATES] },
          // A steady retry, so polling resumes within seconds of an outage's end (the runner's
          // default doubles without bound).
          retryInterval: options.pollRetryMs ?? 2_000,
          maxRetryTime: Number.POSITIVE_INFINITY,
          silent: true,
        },
      });
      try {
        await this.runner.task();
        return;
      } catch (error) {
        if (this.stopping) return;
        const code = error instanceof GrammyError ? error.error_code : undefined;
        if (code === 401 || code === 404) {
          log.error(
            { code },
            'Telegram refused the bot token (revoked or wrong): Telegram stopped; the other platforms go on',
          );
          return;
        }
        if (code === 409) {
          log.warn(
            { retryInSeconds: backoff / 1000 },
            'another instance is polling Telegram with this token (409 Conflict); waiting before polling again',
          );
        } else {
          log.error({ err: error }, 'Telegram polling failed; polling again');
        }
        await new Promise<void>((resolve) => (options.timers ?? realTimers).after(backoff, resolve));
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }
}
