import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../commands/index.js';
import { AppError } from '../core/errors.js';
import { Router } from '../core/router.js';
import { locales } from '../locales/index.js';
import { Store } from '../storage/store.js';
import { type AppConfig, loadConfig } from './config.js';
import { runConsole } from './console/console.js';
import { seedDemo } from './console/demo.js';
import { type Broadcaster, planJobs } from './jobs.js';
import { createLogger, type Logger } from './logger.js';
import { Scheduler } from './scheduler.js';
import { createTelegramBot, setCommandMenu, telegramBroadcaster } from './telegram/bot.js';
import { createZaloBot } from './zalo/bot.js';
import { createZcaTransport } from './zalo/zca.js';

const BACKUP_CHECK_MS = 60 * 60 * 1000;

/** Telegram (long polling) and/or Zalo, on the real store in DATA_DIR, with the plan's scheduled posts. */
async function runBots(config: AppConfig, logger: Logger): Promise<void> {
  const store = await Store.open(config.dataDir, { logger });
  const clock = () => new Date();
  // One router (and so one set of link codes) for every platform: one profile, one score.
  const router = new Router({ store, agency: config.agency, plan: config.plan, commands, clock, logger });
  let stopping: Promise<void> | null = null;
  // Every platform's private channel, so a notice for a person reaches them on whichever they use.
  const channels: Broadcaster[] = [];
  const elsewhere = async (identity: string, html: string) => {
    for (const channel of channels) if (await channel.toPerson(identity, html)) return true;
    return false;
  };
  const telegram = config.telegram;
  const bot = telegram
    ? createTelegramBot(telegram, {
        router,
        logger: logger.child({ platform: 'telegram' }),
        locale: config.locale,
        isStopping: () => stopping !== null,
        elsewhere,
      })
    : null;
  const zalo = config.zalo
    ? createZaloBot(config.zalo, {
        router,
        logger: logger.child({ platform: 'zalo' }),
        locale: config.locale,
        transport: createZcaTransport({ credentialsFile: config.zalo.credentialsFile, logger }),
        elsewhere,
      })
    : null;

  // Scheduled posts go to every configured group; each platform keeps its own last slots.
  const scheduler = new Scheduler({ store, logger, clock, graceMs: config.scheduleGraceMs });
  const posts = () => ({ t: locales[config.locale], store, agency: config.agency, plan: config.plan });
  if (bot && telegram) channels.push(telegramBroadcaster(bot.api, telegram, logger));
  if (zalo) channels.push(zalo.broadcaster);
  if (bot && telegram) {
    for (const job of planJobs(
      posts,
      config.plan,
      telegramBroadcaster(bot.api, telegram, logger),
      logger,
      'telegram',
    )) {
      scheduler.add(job);
    }
  }
  if (zalo) {
    for (const job of planJobs(posts, config.plan, zalo.broadcaster, logger, 'zalo')) {
      scheduler.add({ ...job, id: `zalo:${job.id}` });
    }
  }

  const backup = () =>
    store.backupIfDue(new Date()).catch((err: unknown) => logger.error({ err }, 'daily backup failed'));
  // Not awaited: the first backup of a day compacts the store, which need not delay start-up.
  void backup();
  const timer = setInterval(backup, BACKUP_CHECK_MS);
  timer.unref();

  let polling: Promise<void> = Promise.resolve();
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'shutting down');
      clearInterval(timer);
      await scheduler.stop();
      // grammY's stop() confirms the update in hand and ends the loop; the rest of its batch is
      // skipped (see isStopping) and redelivered at the next start. Only then does the store close.
      await Promise.all([bot ? bot.stop().then(() => polling) : undefined, zalo?.stop()]);
      await store.close();
      logger.info({}, 'stopped');
      stopped();
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (zalo) await zalo.start();
  if (bot && telegram) {
    await bot.init();
    await setCommandMenu(bot.api, commands, telegram, config.locale, logger);
  }
  await scheduler.start();
  if (bot && telegram) {
    logger.info({ bot: bot.botInfo.username, group: telegram.groupId, dataDir: config.dataDir }, 'polling');
    polling = bot.start({ allowed_updates: ['message', 'callback_query'] });
    await polling;
    await shutdown('polling ended');
  }
  await done;
}

/** No token: a chat in the terminal against a demo store in a temporary folder. */
async function runDemo(config: AppConfig, logger: Logger): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-demo-'));
  const store = await Store.open(dir, { logger });
  await seedDemo(store, config.agency, new Date());
  const router = new Router({
    store,
    agency: config.agency,
    plan: config.plan,
    commands,
    clock: () => new Date(),
    logger,
  });
  const reports = join(process.cwd(), 'reports');
  const intro = locales[config.locale].demo.intro(dir, reports);
  await runConsole({
    router,
    locale: config.locale,
    input: process.stdin,
    output: process.stdout,
    ansi: Boolean(process.stdout.isTTY),
    intro,
    filesDir: reports,
  });
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`thidua-bot: invalid configuration\n${(error as Error).message}\n`);
    process.exit(1);
  }
  const live = config.telegram !== null || config.zalo !== null;
  const logger = createLogger(
    live ? config.logLevel : 'warn',
    config.telegram ? [config.telegram.token] : [],
  );
  try {
    if (live) await runBots(config, logger);
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

await main();
