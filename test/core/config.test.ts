import { describe, expect, it } from 'vitest';
import { createConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { parseAgency } from '../../core/agency.js';
import { ConfigError } from '../../core/errors.js';
import { testAgency } from '../helpers/agency.js';

const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';

describe('configuration', () => {
  it('runs on the console when no token is configured', () => {
    const config = createConfig({}, testAgency());
    expect(config.telegram).toBeNull();
    expect(config.dataDir).toBe('data');
    expect(config.locale).toBe('vi');
  });

  it('reads the Telegram settings', () => {
    const config = createConfig(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_ADMIN_IDS: '11, 22',
        BOT_LOCALE: 'en',
      },
      testAgency(),
    );
    expect(config.telegram).toMatchObject({ apiRoot: 'https://api.telegram.org', groupId: -1001234567890 });
    expect([...(config.telegram?.adminIds ?? [])]).toEqual(['11', '22']);
    expect(config.locale).toBe('en');
  });

  it('lists every bad variable at once, without the token value', () => {
    const error = (() => {
      try {
        createConfig(
          {
            TELEGRAM_BOT_TOKEN: 'secret-but-wrong',
            TELEGRAM_API_ROOT: 'not a url',
            TELEGRAM_ADMIN_IDS: '12,abc',
            BOT_LOCALE: 'fr',
          },
          testAgency(),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'TELEGRAM_ADMIN_IDS', 'BOT_LOCALE']) {
      expect(problems).toContain(name);
    }
    expect(problems).not.toContain('secret-but-wrong');
  });

  it('requires the group when a token is set', () => {
    expect(() => createConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, testAgency())).toThrow(/TELEGRAM_GROUP_ID/);
  });

  it('validates the agency file: departments with unique ids, point values', () => {
    const agency = testAgency();
    expect(() =>
      parseAgency({ ...agency, departments: [...agency.departments, { id: 'vp', name: 'Trùng' }] }),
    ).toThrow(/duplicate id "vp"/);
    expect(() => parseAgency({ ...agency, points: { ...agency.points, deed: -1 } })).toThrow(/points\.deed/);
  });

  it('never writes the token into a log line', () => {
    const lines: string[] = [];
    const logger = createLogger('info', [TOKEN], { write: (l: string) => void lines.push(l) });
    logger.error(
      { err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed`) },
      'poll',
    );
    expect(lines.join('')).toContain('/bot[redacted]/getUpdates');
    expect(lines.join('')).not.toContain(TOKEN);
  });
});
