import { Delivery } from '../core/delivery.js';
import { LinkCodes } from '../core/link-codes.js';
import type { Log } from '../core/log.js';
import type { Platform } from '../core/platform.js';
import type { BoardChart } from '../core/reports.js';
import { createHost, type Host, Router } from '../core/router.js';
import { locales } from '../locales/index.js';
import type { Store } from '../storage/store.js';
import type { DeskAssets } from '../web/assets.js';
import type { Desk } from '../web/desk.js';
import type { HttpServer, Routes } from '../web/http.js';
import { createWebPlatform } from '../web/platform.js';
import type { AppConfig } from './config.js';
import { type ConsoleOptions, createConsolePlatform } from './console/platform.js';
import { planJobs } from './jobs.js';
import { giveBack } from './report-wire.js';
import { createReportRunner, type ReportRunnerOptions } from './reports.js';
import { rolesOf } from './roles.js';
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
  /** The report process's test seams (a gated, deliberately slow report). */
  reports?: ReportRunnerOptions;
  /** Draws the scheduled posts' pictures (default: reports/chart.ts). */
  draw?: (chart: BoardChart) => Promise<Buffer>;
  /** The desk's browser assets (dist/desk, built by scripts/build.mjs): needed to serve the desk. */
  deskAssets?: DeskAssets;
  /**
   * Serves the desk on this machine without WEB_* settings (the console demo): host and port (0: a
   * free one); its address is the local one.
   */
  localDesk?: { host: string; port: number };
  /** More routes on the HTTP server, beside the desk (health and readiness checks). */
  routes?: readonly Routes[];
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
  /** The HTTP server, once started (WEB_PORT set, or the demo's desk). */
  readonly http: HttpServer | undefined;
  /** The desk, when it is served: its one-time links (the demo prints one). */
  readonly desk: Desk | undefined;
  /** The desk's address as people open it. */
  readonly deskUrl: string | undefined;
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
  // The commands' modules load while the platforms start and poll (bot/handlers.ts).
  const handlers = import('./handlers.js');
  const commands = handlers.then((h) => h.commands);
  // Unhandled here only: the router, the menus and the posts each see a failure to load.
  commands.catch(() => {});
  const draw =
    deps.draw ?? (async (chart: BoardChart) => (await import('../reports/chart.js')).renderBoardChart(chart));
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
  // The desk (web/): on the HTTP server, when WEB_PUBLIC_URL says where people reach it, or on this
  // machine for the console demo. What it changes, it changes by running commands, as a platform.
  const web = deps.localDesk ?? (config.web ? { host: config.web.host, port: config.web.port } : undefined);
  let deskUrl = config.web?.publicUrl;
  const serveDesk = Boolean(deps.localDesk || deskUrl);
  if (serveDesk && !deps.deskAssets) throw new Error('the desk needs its assets (dist/desk: npm run build)');
  if (serveDesk) platforms.push(createWebPlatform());
  // Report files are built in a child process, never on the event loop.
  const runner = createReportRunner(store, config, deps.reports);
  const router = new Router(
    handlers.then((h) => ({
      store,
      agency: config.agency,
      plan: config.plan,
      titles: config.titles,
      council: config.council,
      commands: h.commands,
      clock,
      // One set of link codes for every platform: a code from one is accepted on another.
      links: new LinkCodes(),
      reports: h.commandReports({
        store,
        agency: config.agency,
        titles: config.titles,
        runner,
        draw: deps.draw,
      }),
      // Bound before the desk exists: the desk needs the router.
      desk: serveDesk ? { link: (identity: string) => (desk as Desk).links.link(identity) } : undefined,
    })),
  );
  const delivery = new Delivery(platforms, store);
  // Made at start, with the HTTP server: their code (Hono, the desk's pages) is loaded only then.
  let desk: Desk | undefined;
  let http: HttpServer | undefined;
  // A report's files, once delivered, are read by nobody: their memory goes back to the system at once.
  const host = createHost(router, delivery, logger, (replies) => {
    for (const reply of replies) for (const file of reply.files ?? []) giveBack(file.data);
  });
  const scheduler = new Scheduler({ store, logger, clock, graceMs: config.scheduleGraceMs });
  // The posts carry their picture (drawn in a worker thread, reports/chart-png.ts).
  const posts = () => ({
    t: locales[locale],
    store,
    agency: config.agency,
    plan: config.plan,
    council: config.council,
    draw,
  });
  const live = platforms.map((p) => p.name).filter((name) => name !== 'console' && name !== 'web');
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
    get http() {
      return http;
    },
    get desk() {
      return desk;
    },
    get deskUrl() {
      return desk ? deskUrl : undefined;
    },
    async start() {
      if (web) {
        // Imported only when there is an HTTP server to run: a bot without one never loads them.
        const [{ createDesk }, { createHttpApp, listen }] = await Promise.all([
          import('../web/desk.js'),
          import('../web/http.js'),
        ]);
        if (serveDesk && deps.deskAssets) {
          desk = createDesk({
            store,
            agency: config.agency,
            plan: config.plan,
            titles: config.titles,
            council: config.council,
            router,
            delivery,
            roles: rolesOf(config, Boolean(deps.console)),
            telegramToken: config.telegram?.token,
            publicUrl: () => deskUrl ?? '',
            locale,
            assets: deps.deskAssets,
            clock,
            log: logger,
            draw: deps.draw,
          });
        }
        const app = createHttpApp({
          log: logger,
          publicUrl: deskUrl,
          routes: [...(desk ? [desk.routes] : []), ...(deps.routes ?? [])],
        });
        http = await listen(app, web.host, web.port);
        deskUrl ??= http.localUrl;
        logger.info({ listening: http.localUrl, desk: desk ? deskUrl : undefined }, 'HTTP server');
      }
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
        await http?.close();
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
