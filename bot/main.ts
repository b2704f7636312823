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
import { planJobs } from './jobs.js';
import { createLogger, type Logger } from './logger.js';
import { Scheduler } from './scheduler.js';
import { createTelegramBot, setCommandMenu, telegramBroadcaster } from './telegram/bot.js';

const BACKUP_CHECK_MS = 60 * 60 * 1000;

/** Telegram, long polling, on the real store in DATA_DIR. */
async function runTelegram(config: AppConfig, logger: Logger): Promise<void> {
  const telegram = config.telegram;
  if (!telegram) throw new Error('unreachable: no Telegram configuration');
  const store = await Store.open(config.dataDir, { logger });
  const clock = () => new Date();
  const router = new Router({ store, agency: config.agency, plan: config.plan, commands, clock, logger });
  let stopping: Promise<void> | null = null;
  const bot = createTelegramBot(telegram, {
    router,
    logger,
    locale: config.locale,
    isStopping: () => stopping !== null,
  });

  const scheduler = new Scheduler({ store, logger, clock, graceMs: config.scheduleGraceMs });
  const posts = () => ({ t: locales[config.locale], store, agency: config.agency, plan: config.plan });
  for (const job of planJobs(posts, config.plan, telegramBroadcaster(bot.api, telegram, logger), logger)) {
    scheduler.add(job);
  }

  const backup = () =>
    store.backupIfDue(new Date()).catch((err: unknown) => logger.error({ err }, 'daily backup failed'));
  await backup();
  const timer = setInterval(backup, BACKUP_CHECK_MS);
  timer.unref();

  let polling: Promise<void> = Promise.resolve();
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'shutting down');
      clearInterval(timer);
      await scheduler.stop();
      // grammY's stop() confirms the update in hand and ends the loop; the rest of its batch is
      // skipped (see isStopping) and redelivered at the next start. Only then does the store close.
      await bot.stop();
      await polling;
      await store.close();
      logger.info({}, 'stopped');
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await bot.init();
  await setCommandMenu(bot.api, commands, telegram, config.locale, logger);
  await scheduler.start();
  logger.info({ bot: bot.botInfo.username, group: telegram.groupId, dataDir: config.dataDir }, 'polling');
  polling = bot.start({ allowed_updates: ['message', 'callback_query'] });
  await polling;
  await shutdown('polling ended');
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
  const vi = config.locale === 'vi';
  const intro = vi
    ? [
        'thidua-bot — bản dùng thử trên máy (chưa cấu hình TELEGRAM_BOT_TOKEN).',
        `Bạn là thành viên thử nghiệm, kiêm quản trị viên, trên kho dữ liệu mẫu tại ${dir}.`,
        'Thử: /trogiup, /viectot Giúp @lan sửa máy in, /bangxephang, /tonghop. Thoát: /thoat hoặc Ctrl+D.',
      ]
    : [
        'thidua-bot — local demo (no TELEGRAM_BOT_TOKEN configured).',
        `You are a demo member and admin, on a demo store in ${dir}.`,
        'Try: /help, /viectot Helped @lan fix the printer, /bangxephang, /tonghop. Quit: /exit or Ctrl+D.',
      ];
  await runConsole({
    router,
    locale: config.locale,
    input: process.stdin,
    output: process.stdout,
    ansi: Boolean(process.stdout.isTTY),
    intro: intro.join('\n'),
    filesDir: join(process.cwd(), 'reports'),
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
  const logger = createLogger(
    config.telegram ? config.logLevel : 'warn',
    config.telegram ? [config.telegram.token] : [],
  );
  try {
    if (config.telegram) await runTelegram(config, logger);
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
