import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserFromGetMe } from 'grammy/types';
import { AppError } from '../core/errors.js';
import { locales } from '../locales/index.js';
import type { ReadAhead } from '../storage/read-ahead.js';
import { Store } from '../storage/store.js';
import { type DeskAssets, readDeskAssets } from '../web/assets.js';
import { type App, createApp } from './app.js';
import { type AppConfig, createConfig, storeRules } from './config.js';
import { DEMO_USER, seedDemo } from './console/demo.js';
import type { ConsolePlatform } from './console/platform.js';
import { type HealthServer, InstanceStatus, startHealthServer } from './health.js';
import { createLogger, type Logger } from './logger.js';
import { runActiveStandby } from './standby.js';
import { askBotInfo } from './telegram/session.js';
import { createTelegramSetup, type TelegramSetupConfig } from './telegram/setup.js';

/** However the platforms behave, a stop ends the process within this long (SIGTERM from systemd, Docker…). */
const STOP_DEADLINE_MS = 9_000;

/**
 * The desk's browser assets: beside the built bot (dist/desk, npm start), or — run from the sources
 * (npm run dev) — built now into a temporary folder.
 */
async function deskAssets(): Promise<DeskAssets> {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'desk', 'desk.js'))) return readDeskAssets(join(here, 'desk'));
  const dir = await mkdtemp(join(tmpdir(), 'thidua-desk-'));
  const { buildDesk } = (await import(join(here, '..', 'scripts', 'build.mjs'))) as {
    buildDesk(outdir: string): Promise<void>;
  };
  await buildDesk(dir);
  const assets = await readDeskAssets(dir);
  await rm(dir, { recursive: true, force: true });
  return assets;
}

/**
 * Telegram, Zalo and/or the Zalo Bot Platform with the plan's scheduled posts: on the embedded store in
 * DATA_DIR, or on PostgreSQL (DATABASE_URL) as one of an active/standby pair (bot/standby.ts).
 */
async function runBots(config: AppConfig, logger: Logger, snapshot?: ReadAhead): Promise<void> {
  const status = new InstanceStatus(config.database ? 'postgres' : 'embedded');
  const stop = new AbortController();
  let app: App | undefined;
  let health: HealthServer | undefined;
  const assets = config.web?.publicUrl ? await deskAssets() : undefined;
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const shutdown = (signal: string) => {
    if (stop.signal.aborted) return;
    stop.abort();
    status.set('stopping');
    logger.info({ signal }, 'shutting down');
    // The write in flight is finished and the store closed in app.stop(); this is the last resort.
    setTimeout(() => {
      logger.error({}, 'stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // At once, even in the middle of a start (a platform's start then gives up).
    void app?.stop().catch((err: unknown) => logger.error({ err }, 'stop failed'));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  /**
   * Serves with `store` until `until` resolves (a stop, or this instance deposed), then stops and
   * closes it. `botInfo`: Telegram's answer to getMe, if asked already.
   */
  const serve = async (store: Store, until: Promise<unknown>, botInfo?: UserFromGetMe): Promise<void> => {
    const current = createApp(config, {
      store,
      logger,
      ...(assets ? { deskAssets: assets } : {}),
      ...(botInfo ? { telegram: { botInfo } } : {}),
    });
    app = current;
    try {
      await current.start();
      // The commands' modules, loading since the app was made (bot/handlers.ts): a bot that cannot
      // load them stops here, as it would have when they were imported before it polled.
      await current.router.ready();
    } catch (error) {
      await current.stop().catch(() => {});
      // A stop asked for during start-up cuts it short: that is not a failure to start.
      if (stop.signal.aborted) return;
      throw error;
    }
    // The year's figures summed block by block between turns of the event loop, from now on: the
    // first /tonghop năm, weekly post or /kehoach after a start finds them done (1M entries: ~60 blocks).
    void warmFigures(store, stop.signal);
    if (!stop.signal.aborted) {
      status.set('active');
      // What Node compiled of the bot is kept for the next start now, not only at exit (bot/start.ts).
      (module as { flushCompileCache?: () => void }).flushCompileCache?.();
      logger.info(
        { platforms: current.platforms.map((p) => p.name), store: status.store, epoch: status.epoch },
        'running',
      );
      if (config.zalo) {
        logger.warn(
          {},
          'Zalo through zca-js is EXPERIMENTAL: it drives a personal account through an unofficial API that Zalo may lock; prefer the official Zalo Bot Platform (ZALO_BOT_TOKEN) for members',
        );
      }
    }
    await until;
    await current.stop().catch((err: unknown) => logger.error({ err }, 'stop failed'));
    app = undefined;
  };

  try {
    if (config.health) {
      health = await startHealthServer(config.health, status, logger).catch((err: unknown) => {
        // Monitoring is not worth refusing to run the bot: said loudly, and the bot goes on.
        logger.error(
          { err, port: config.health?.port },
          'cannot listen for health checks; running without them',
        );
        return undefined;
      });
    }
    const stopping = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve()));
    if (config.database) {
      await runActiveStandby({
        database: config.database,
        dataDir: config.dataDir,
        logger,
        rules: storeRules(config),
        status,
        signal: stop.signal,
        serve,
      });
    } else {
      // Telegram is asked who the bot is while the store is read: a round trip off the way to polling.
      const me = config.telegram ? askBotInfo(config.telegram, stop.signal) : undefined;
      const rules = storeRules(config);
      const store = await Store.open(config.dataDir, { logger, rules, readAhead: snapshot });
      await serve(store, stopping, await me);
    }
    logger.info({}, 'stopped');
  } finally {
    await health?.close();
    stopped();
  }
  await done;
}

/**
 * A Telegram token without TELEGRAM_GROUP_ID: setup mode. The bot tells a group its id (`/batdau`) and
 * a person theirs (any private message); no store is opened and nothing else runs.
 */
async function runSetup(config: AppConfig, logger: Logger): Promise<void> {
  const setup = createTelegramSetup(config.telegramSetup as TelegramSetupConfig, {
    logger,
    locale: config.locale,
  });
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    void setup.stop().then(() => {
      logger.info({}, 'stopped');
      stopped();
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await setup.start();
  if (config.zalo || config.zaloBot)
    logger.warn({}, 'setup mode: the Zalo side waits too, until TELEGRAM_GROUP_ID is set');
  await done;
}

/** No token: a chat in the terminal against a demo store in a temporary folder, deleted on exit. */
async function runDemo(config: AppConfig, logger: Logger): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-demo-'));
  const store = await Store.open(dir, { logger, rules: storeRules(config) });
  await seedDemo(store, config.agency, new Date());
  // Report files of the demo go to ./out (./reports holds the sources of the report modules).
  const reports = join(process.cwd(), 'out');
  const app = createApp(config, {
    store,
    logger,
    console: {
      locale: config.locale,
      input: process.stdin,
      output: process.stdout,
      ansi: Boolean(process.stdout.isTTY),
      intro: locales[config.locale].demo.intro(dir, reports),
      filesDir: reports,
      logger,
    },
    // The desk too, on this machine (WEB_PORT, else any free port): its address is printed.
    deskAssets: await deskAssets(),
    localDesk: { host: '127.0.0.1', port: config.web?.port ?? 0 },
  });
  const chat = app.platforms.find((p) => p.name === 'console') as ConsolePlatform;
  // Ctrl+C (a signal when the terminal sends one, or stdin is not a terminal) and SIGTERM end the chat
  // as /thoat does: the answers in flight are written, the bot stops, the demo store is deleted.
  let signalled = false;
  const quit = () => {
    if (signalled) return;
    signalled = true;
    chat.quit();
    setTimeout(() => {
      rmSync(dir, { recursive: true, force: true });
      // The terminal as it was (readline had it in raw mode), even on this way out.
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  try {
    await app.start();
    if (app.desk) {
      chat.notice(locales[config.locale].desk.link.printed(app.desk.links.link(DEMO_USER.identity).url));
    }
    await chat.finished();
    await app.stop();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the bot as the environment says (bot/start.ts has read `.env` into it): a platform's bot, its
 * setup mode, or the console demo. `snapshot`: the store's, its reading begun already; `read`: the
 * configuration, when bot/start.ts has read it already (bot/config-ahead.ts).
 */
export async function main(snapshot?: ReadAhead, read?: AppConfig): Promise<void> {
  let config: AppConfig;
  try {
    config = read ?? createConfig(process.env);
  } catch (error) {
    process.stderr.write(`thidua-bot: invalid configuration\n${(error as Error).message}\n`);
    process.exit(1);
  }
  const live =
    config.telegram !== null ||
    config.telegramSetup !== null ||
    config.zalo !== null ||
    config.zaloBot !== null;
  const secrets = [
    config.telegram?.token,
    config.telegramSetup?.token,
    config.zaloBot?.token,
    config.zaloBot?.webhook?.secret,
    databasePassword(config.database?.url),
  ];
  // Logs go to stderr: one readable line per event for a person at a terminal (stdout or stderr is
  // one), JSON lines otherwise (systemd's journal, files, a log collector).
  const terminal = Boolean(process.stderr.isTTY || process.stdout.isTTY);
  const logger = createLogger(
    live ? config.logLevel : 'warn',
    secrets.filter((s): s is string => s !== undefined),
    undefined,
    { readable: terminal, colour: Boolean(process.stderr.isTTY) },
  );
  // Node's own warnings (a dependency's deprecated call, such as url.parse() on Node 24) go through the
  // log like every other event — one readable line on a terminal, JSON otherwise — once per kind,
  // instead of a raw line of their own on stderr. A deprecation is a note for whoever upgrades, not a
  // warning to the operator.
  process.removeAllListeners('warning');
  const warned = new Set<string>();
  process.on('warning', (warning: Error & { code?: string }) => {
    const kind = warning.code ?? `${warning.name}: ${warning.message}`;
    if (warned.has(kind)) return;
    warned.add(kind);
    const fields = { warning: warning.name, code: warning.code };
    if (warning.name === 'DeprecationWarning') logger.info(fields, warning.message);
    else logger.warn(fields, warning.message);
  });
  try {
    if (config.telegramSetup) await runSetup(config, logger);
    else if (live) await runBots(config, logger, snapshot);
    else await runDemo(config, logger);
  } catch (error) {
    if (error instanceof AppError) {
      logger.fatal({ err: error, code: error.code }, 'cannot start');
      process.stderr.write(`thidua-bot: cannot start — ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The password in a connection string, to keep out of the logs. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}

/** Sums the store's figure blocks one at a time, yielding to the event loop between two. */
async function warmFigures(store: Store, signal: AbortSignal): Promise<void> {
  while (!signal.aborted && store.warmFigures()) await new Promise((resolve) => setImmediate(resolve));
}
