import { AppError } from '../../core/errors.js';
import type { Log } from '../../core/log.js';
import type { Timers } from '../../core/timers.js';
import { ZaloBotApiError, type ZaloBotClient } from './client.js';
import type { ZaloBotConfig } from './config.js';
import type { ZaloBotUpdate } from './update.js';
import { createWebhookServer, type WebhookServer } from './webhook.js';

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

export type ZaloBotState = 'idle' | 'running' | 'revoked' | 'stopped';

export interface SessionOptions {
  logger: Log;
  /** First wait after a failed poll, doubling up to a minute. */
  retryMs: number;
  /** The long poll's timeout in seconds. */
  pollSeconds: number;
  /** The webhook's port instead of the configured one (tests: 0, any free port). */
  webhookPort?: number | undefined;
  timers: Timers;
  /** Each event received, by the long poll or the webhook; must not throw. */
  onUpdate(update: ZaloBotUpdate): void;
}

/**
 * The Zalo Bot side's life: the token checked at start, events received by long polling or by the
 * webhook (./webhook.ts), and the stop. A revoked token (401 while running) stops this platform alone,
 * with one clear log line.
 */
export class ZaloBotSession {
  state: ZaloBotState = 'idle';
  webhookPort: number | undefined;
  private webhook: WebhookServer | undefined;
  private polling: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly config: ZaloBotConfig,
    private readonly client: ZaloBotClient,
    private readonly options: SessionOptions,
  ) {}

  /** Checks the token (a refusal throws ZaloBotStartError; unreachable goes on), then receives events. */
  async start(): Promise<void> {
    const { client, config, options } = this;
    const { logger } = options;
    const signal = this.abort.signal;
    try {
      const me = await client.getMe({ signal });
      logger.info({ bot: me.id, mode: config.mode }, 'Zalo Bot Platform: token accepted');
    } catch (error) {
      if (error instanceof ZaloBotApiError && (error.errorCode === 401 || error.errorCode === 404)) {
        throw new ZaloBotStartError(`${error.errorCode}: ${error.description}`);
      }
      // Unreachable now: start anyway and keep trying (the other platforms need not wait).
      logger.error({ err: error }, 'Zalo Bot Platform unreachable at start-up; will keep trying');
    }
    this.state = 'running';
    if (config.mode === 'webhook' && config.webhook) {
      const hook = config.webhook;
      this.webhook = createWebhookServer({
        ...hook,
        port: options.webhookPort ?? hook.port,
        onUpdate: options.onUpdate,
        logger,
      });
      this.webhookPort = (await this.webhook.start()).port;
      try {
        await client.setWebhook({ url: hook.url, secretToken: hook.secret }, { signal });
        logger.info({ url: hook.url }, 'Zalo Bot webhook set');
      } catch (error) {
        if (error instanceof ZaloBotApiError && error.errorCode === 401) this.revoked(error);
        else logger.error({ err: error }, 'could not set the Zalo Bot webhook; events will not arrive');
      }
      return;
    }
    // getUpdates does not work while a webhook is set (a previous run in webhook mode).
    await client.deleteWebhook({ signal }).catch((err: unknown) => {
      logger.warn({ err }, 'could not delete the Zalo Bot webhook before polling');
    });
    this.polling = this.poll();
  }

  /** Stops receiving: the poll ends, the webhook closes. */
  async stop(): Promise<void> {
    if (this.state === 'running' || this.state === 'idle') this.state = 'stopped';
    this.abort.abort();
    await this.webhook?.stop();
    await this.polling;
  }

  /** The Platform refused the token while running: this platform stops, the others go on. */
  revoked(error: ZaloBotApiError): void {
    if (this.state !== 'running') return;
    this.state = 'revoked';
    this.options.logger.error(
      { code: error.errorCode },
      'Zalo Bot Platform refused the token (401): the Zalo Bot platform stops; the other platforms keep running. Reset the token in Zalo Bot Creator, set ZALO_BOT_TOKEN and restart.',
    );
    this.abort.abort();
    void this.webhook?.stop();
  }

  private async poll(): Promise<void> {
    const { client, options } = this;
    let wait = options.retryMs;
    let down = false;
    while (this.state === 'running') {
      try {
        const update = await client.getUpdates({ timeout: options.pollSeconds, signal: this.abort.signal });
        if (down) options.logger.info({}, 'Zalo Bot Platform reachable again; polling');
        down = false;
        wait = options.retryMs;
        if (update) options.onUpdate(update);
      } catch (error) {
        if (this.state !== 'running') return;
        if (error instanceof ZaloBotApiError && error.errorCode === 401) return this.revoked(error);
        if (!down)
          options.logger.error(
            { err: error },
            'Zalo Bot Platform unreachable; polling again with growing waits',
          );
        down = true;
        await options.timers.sleep(wait, this.abort.signal);
        wait = Math.min(wait * 2, 60_000);
      }
    }
  }
}
