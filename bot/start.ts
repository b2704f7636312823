// The bot's entry: `npm start` runs it built (dist/main.js), `npm run dev` from the sources. Two things
// come before the bot's modules, whose compiling and running is most of a start (~200 ms at 100k
// entries, beside ~150 ms for the store): Node's compile cache is switched on where Node has one (22.1
// and later; kept in NODE_COMPILE_CACHE, else the system's temp folder, and used again while the code
// is unchanged), and the store's snapshot starts being read and checked in a worker thread, so the
// disk and the other core work while the main thread compiles; the configuration is read next, so the
// worker knows the store's rules' settings before the rest of the bot loads. Store.open then uses
// those bytes, with the worker's verdict (storage/read-ahead.ts).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readAhead, STORE_FILE } from '../storage/read-ahead.js';

// A quiet optimisation: it never throws, and says why it could not be used only to whoever asks.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// The settings: `.env` (if present) into the environment, where it does not set a variable already.
if (existsSync('.env')) process.loadEnvFile('.env');
const { env } = process;
// Only a bot on a platform opens the store in DATA_DIR (the demo's is a temp folder), and only on
// the embedded store (not DATABASE_URL).
const live =
  env.TELEGRAM_BOT_TOKEN || env.ZALO_BOT_TOKEN || env.ZALO_ENABLED === 'true' || env.ZALO_ENABLED === '1';
// In the build, a worker thread reads the snapshot and checks it on another core meanwhile
// (storage/snapshot-check.ts, built beside this file). Run from the sources, or on one core (where the
// thread would only add its own start to the main thread's work), the main thread checks it.
const checker = new URL('./snapshot-check.js', import.meta.url);
const useChecker = availableParallelism() > 1 && existsSync(checker);
const snapshot =
  live && !env.DATABASE_URL
    ? readAhead(join(env.DATA_DIR || 'data', STORE_FILE), useChecker ? checker : undefined)
    : undefined;
// The configuration next, and the worker told the store's rules' settings (bot/config-ahead.ts).
const config = snapshot?.checks
  ? (await import('./config-ahead.js')).configAhead(process.env, snapshot.checks)
  : undefined;
const { main } = await import('./main.js');
await main(snapshot, config);
