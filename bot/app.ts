import { commands } from '../commands/index.js';
import { Delivery } from '../core/delivery.js';
import { LinkCodes } from '../core/link-codes.js';
import type { Log } from '../core/log.js';
import type { Platform } from '../core/platform.js';
import { createHost, type Host, Router } from '../core/router.js';
import { locales } from '../locales/index.js';
import { type BoardChart, renderBoardChart } from '../reports/chart.js';
import type { Store } from '../storage/store.js';
import type { AppConfig } from './config.js';
import { type ConsoleOptions, createConsolePlatform } from './console/platform.js';
import { planJobs } from './jobs.js';
import { createReportRunner, type ReportRunnerOptions } from './reports.js';
import { Scheduler } from './scheduler.js';
import { createTelegramPlatform, type TelegramOptions } from './telegram/platform.js';
import { createZaloPlatform, type ZaloOptions } from './zalo/platform.js';
import { createZaloBotPlatform, type ZaloBotOptions } from './zalo-bot/platform.js';

export interface AppDeps {
  logger: Log;
  /** The store, opened by the caller (npm start: DATA_DIR; tests: a temp dir). */
  store: Store;
  clock?: () => Date;
  /** Per platform, what the environment does not give: test seams (Telegram's botInfo, a fake Zalo transport). */
  telegram?: TelegramOptions;
  zalo?: ZaloOptions;
  zaloBot?: Partial<ZaloBotOptions>;
  /** The terminal, for the console demo (no live platform configured). */
  console?: ConsoleOptions;
  /** How often the daily backup is checked for (default hourly; 0: never, as in tests). */
  backupCheckMs?: number;
  /** More platforms, after the configured ones: a fake one lets a test push events in from "elsewhere". */
  platforms?: readonly Platform[];
  /** The report thread's test seams (a gated, deliberately slow report). */
  reports?: ReportRunnerOptions;
  /** Draws the scheduled posts' pictures (default: reports/chart.ts). */
  draw?: (chart: BoardChart) => Promise<Buffer>;
}

export interface App {
  readonly store: Store;
  readonly router: Router;
  readonly delivery: Delivery;
  readonly platforms: readonly Platform[];
  readonly scheduler: Scheduler;
  readonly host: Host;
  /** Starts every platform (a platform that fails to start stops start-up), then the scheduled posts. */
  start(): Promise<void>;
  /** Stops the posts, lets report files in the making go out (bounded), stops every platform (bounded), then closes the store. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves once every follow-up (report files) asked for so far is delivered. */
  idle(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** How long a stop waits for report files still being made before it goes on without them. */
const FOLLOW_UP_GRACE_MS = 5_000;

/**
 * The composition root: one core (router, delivery, scheduler) over the store, and the list of
 * platforms the configuration asks for. Adding a platform is one folder implementing the Platform
 * contract (core/platform.ts) and one line in the list below. `npm start` and the end-to-end tests
 * both build the bot here.
 */
export function createApp(config: AppConfig, deps: AppDeps): App {
  const { store, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const locale = config.locale;
  const platforms: Platform[] = [
    ...(config.telegram
      ? [createTelegramPlatform(config.telegram, { logger, locale, commands, ...deps.telegram })]
      : []),
    ...(config.zalo ? [createZaloPlatform(config.zalo, { logger, locale, ...deps.zalo })] : []),
    ...(config.zaloBot
      ? [createZaloBotPlatform(config.zaloBot, { logger, locale, dataDir: store.dir, ...deps.zaloBot })]
      : []),
    ...(deps.console ? [createConsolePlatform(deps.console)] : []),
    ...(deps.platforms ?? []),
  ];
  const router = new Router({
    store,
    agency: config.agency,
    plan: config.plan,
    titles: config.titles,
    council: config.council,
    commands,
    clock,
    // One set of link codes for every platform: a code from one is accepted on another.
    links: new LinkCodes(),
    // Report files are built in a worker thread, never on the event loop.
    reports: createReportRunner(store, config, deps.reports),
  });
  const delivery = new Delivery(platforms, store);
  const host = createHost(router, delivery, logger);
  const scheduler = new Scheduler({ store, logger, clock, graceMs: config.scheduleGraceMs });
  // The posts carry their picture (drawn in a worker thread, reports/chart-png.ts).
  const posts = () => ({
    t: locales[locale],
    store,
    agency: config.agency,
    plan: config.plan,
    draw: deps.draw ?? renderBoardChart,
  });
  const live = platforms.filter((p) => p.name !== 'console');
  if (live.length) for (const job of planJobs(posts, config.plan, live, delivery, logger)) scheduler.add(job);

  let backupTimer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | null = null;
  const backup = () =>
    store.backupIfDue(clock()).catch((err: unknown) => logger.error({ err }, 'daily backup failed'));

  return {
    store,
    router,
    delivery,
    platforms,
    scheduler,
    host,
    async start() {
      for (const platform of platforms) {
        if (stopping) return;
        await platform.start(host);
      }
      // A stop asked for while starting (SIGTERM during start-up) wins: nothing more is started.
      if (!live.length || stopping) return;
      await scheduler.start();
      if (stopping) {
        await scheduler.stop();
        return;
      }
      const every = deps.backupCheckMs ?? HOUR_MS;
      if (every > 0) {
        // Not awaited: the first backup of a day compacts the store, which need not delay start-up.
        void backup();
        backupTimer = setInterval(backup, every);
        backupTimer.unref();
      }
    },
    idle: () => host.idle(),
    stop() {
      stopping ??= (async () => {
        clearInterval(backupTimer);
        await scheduler.stop();
        // Report files in the making go out while the platforms can still send them (bounded).
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([
          host.idle(),
          new Promise<void>((resolve) => {
            grace = setTimeout(resolve, FOLLOW_UP_GRACE_MS);
          }),
        ]);
        clearTimeout(grace);
        // Each platform stops receiving, lets the answers in flight go out (bounded), and lets go.
        await Promise.all(
          platforms.map((p) =>
            p
              .stop()
              .catch((err: unknown) =>
                logger.error({ err, platform: p.name }, 'platform did not stop cleanly'),
              ),
          ),
        );
        await store.close();
      })();
      return stopping;
    },
  };
}
