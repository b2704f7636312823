/**
 * bot/start.ts reads the configuration before the rest of the bot loads and tells the worker checking
 * the snapshot the store's rules' settings then (bot/config-ahead.ts): the same settings Store.open
 * gives, asked once, and only where the embedded store is opened.
 */
import { describe, expect, it } from 'vitest';
import { createConfig, storeRules } from '../../bot/config.js';
import { configAhead } from '../../bot/config-ahead.js';
import type { RuleSettings } from '../../storage/invariants.js';
import type { SnapshotChecks, Verdict } from '../../storage/read-ahead.js';

const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';
const BOT = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_GROUP_ID: '-1001234567890' };

/** A worker's checks that note what they are asked. */
function checks(): SnapshotChecks & { asked: RuleSettings[] } {
  const asked: RuleSettings[] = [];
  const ok: Promise<Verdict> = Promise.resolve({ ok: true });
  return {
    asked,
    structure: ok,
    rules(settings) {
      asked.push(settings);
      return ok;
    },
    dispose() {},
  };
}

describe('the configuration read ahead', () => {
  it("tells the worker the store's rules' settings, as Store.open would, and gives the configuration", () => {
    const worker = checks();
    const config = configAhead(BOT, worker);
    expect(config).toEqual(createConfig(BOT));
    expect(worker.asked).toEqual([storeRules(createConfig(BOT))]);
    expect(worker.asked[0]?.departments?.length).toBeGreaterThan(0);
    expect(worker.asked[0]?.planYear).toBe(createConfig(BOT).plan.year);
  });

  it('asks nothing where the store is not opened (setup mode, PostgreSQL), and still gives the configuration', () => {
    for (const env of [
      { TELEGRAM_BOT_TOKEN: TOKEN },
      { ...BOT, DATABASE_URL: 'postgres://thidua@localhost/thidua' },
    ]) {
      const worker = checks();
      expect(configAhead(env, worker)).toBeDefined();
      expect(worker.asked).toEqual([]);
    }
  });

  it('asks nothing of a configuration that cannot be read, and leaves saying why to main()', () => {
    const worker = checks();
    expect(configAhead({ ...BOT, TELEGRAM_BOT_TOKEN: 'not-a-token' }, worker)).toBeUndefined();
    expect(worker.asked).toEqual([]);
  });
});
