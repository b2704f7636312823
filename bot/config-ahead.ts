import type { SnapshotChecks } from '../storage/read-ahead.js';
import { type AppConfig, createConfig, storeRules } from './config.js';

/**
 * The configuration, read by bot/start.ts before the rest of the bot loads — its modules are few — so
 * the worker checking the snapshot is told the store's rules' settings (the agency's departments, the
 * plan's year) at once: it checks the rules as soon as it has checked the file, while the main thread
 * compiles the bot, instead of once Store.open asks for them (the open waited 70-100 ms for them
 * when the main thread came later than the worker). Only for a bot that opens the embedded store (not
 * setup mode, not DATABASE_URL). Undefined when the configuration cannot be read: main() reads it
 * again and says why.
 */
export function configAhead(
  env: Record<string, string | undefined>,
  checks: SnapshotChecks,
): AppConfig | undefined {
  let config: AppConfig;
  try {
    config = createConfig(env);
  } catch {
    return undefined;
  }
  if (!config.telegramSetup && !config.database) void checks.rules(storeRules(config));
  return config;
}
